import { expect, type Locator, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { splitFootnotes } from '../src/domain/catalogue';
import { catalogue } from './explorer-page';
import { MapPage } from './map-page';

export interface ShippedStep {
  title: string;
  text: string;
  quotes: string[];
  roles: string[];
  relations: string[];
  phase: string;
}
export interface ShippedTour {
  id: string;
  title: string;
  steps: ShippedStep[];
}

/** The built-in tours, read from static/tours as the app ships them. */
export const shippedTours: ShippedTour[] = readdirSync('static/tours')
  .filter((f) => f.endsWith('.rundvisning.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(`static/tours/${f}`, 'utf8')).tour);

/** The roles a step shows: those it names and both ends of the relations it names. */
export function stepRoles(step: ShippedStep): string[] {
  const ids = new Set(step.roles);
  for (const r of catalogue.relations) if (step.relations.includes(r.id)) ids.add(r.from).add(r.to);
  return [...ids].sort();
}

/** Page object for tours, the timeline and presenting. */
export class ToursPage extends MapPage {
  constructor(page: Page) {
    super(page);
  }
  get player(): Locator {
    return this.page.locator('section.tour');
  }
  get stepTitle(): Locator {
    return this.page.locator('#tour-step-title');
  }
  get panel(): Locator {
    return this.page.getByRole('tabpanel', { name: 'Rundvisninger' });
  }
  async openPanel() {
    if ((await this.page.getByRole('button', { name: 'Vis paneler' }).count()) > 0) await this.page.getByRole('button', { name: 'Vis paneler' }).click();
    await this.page.getByRole('tab', { name: 'Rundvisninger' }).click();
    await expect(this.panel).toBeVisible();
  }
  /** Role ids drawn in the light (not dimmed by the step) on the map, sorted. */
  async litRoles(): Promise<string[]> {
    return (await this.page.locator('.svelte-flow__node-role[data-focus="true"]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.id!))).sort();
  }
  /** Checks the player shows this step of this tour, and the map lights exactly its roles. */
  async expectStep(tour: ShippedTour, i: number) {
    const step = tour.steps[i]!;
    await expect(this.player).toHaveAttribute('data-step', String(i + 1));
    await expect(this.stepTitle).toHaveText(step.title);
    await expect(this.player.locator('[data-step-text]')).toHaveText(step.text);
    // a quote reads as the source's words, its footnote markers as superscripts (their letters only)
    const shown = (q: string) => splitFootnotes(q).map((p) => (p.kind === 'text' ? p.text : p.marker)).join('');
    for (const q of step.quotes) await expect(this.player.locator('blockquote', { hasText: shown(q) })).toHaveCount(1);
    await expect.poll(() => this.litRoles()).toEqual(stepRoles(step));
    await expect(this.page).toHaveURL(new RegExp(`rundvisning=${tour.id}&trin=${i + 1}`));
  }
}
