import type { Locator, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

/** The shipped catalogue, read the way the tests need it. */
export const catalogue = JSON.parse(readFileSync('static/catalogues/rollegalleri-1.5.json', 'utf8')) as {
  roles: { id: string; name: string; group: string; effect: string; aliases: string[]; notes: string[] }[];
  relations: { id: string; from: string; to: string; type: string; quote: string }[];
  relationTypes: { id: string; label: string }[];
};

/**
 * Opens the map's "Visning" settings (phase, column, SPOC, neighbours, hidden roles, list
 * view, re-layout) if they are closed; they stay open while they are used.
 */
export async function openViewOptions(page: Page) {
  const toggle = page.getByRole('button', { name: /^Visning/ });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await page.getByRole('group', { name: 'Visning af kortet' }).waitFor();
}

/** Page object for the role explorer: locators by catalogue id, accessible name or label. */
export class ExplorerPage {
  constructor(readonly page: Page) {}

  async open(query = '') {
    await this.page.goto(`/${query}`);
    await this.roleNodes.first().waitFor();
  }
  get roleNodes(): Locator {
    return this.page.locator('.svelte-flow__node-role');
  }
  node(id: string): Locator {
    return this.page.locator(`.svelte-flow__node[data-id="${id}"]`);
  }
  edge(id: string): Locator {
    return this.page.locator(`.svelte-flow__edge[data-id="${id}"]`);
  }
  /** The "Visning" button that opens the settings below. */
  get viewToggle(): Locator {
    return this.page.getByRole('button', { name: /^Visning/ });
  }
  /** Opens "Visning"; `phase`, `column`, `spoc` and the other settings are inside it. */
  viewOptions() {
    return openViewOptions(this.page);
  }
  get phase(): Locator {
    return this.page.getByLabel('Fase', { exact: true });
  }
  /** The task column control ("Implementering" / "Drift og forvaltning"), split off "Fase". */
  get column(): Locator {
    return this.page.getByLabel('Kolonne', { exact: true });
  }
  get spoc(): Locator {
    return this.page.getByLabel('Fremhæv SPOC');
  }
  get search(): Locator {
    return this.page.getByLabel('Søg i roller');
  }
  details(name: string): Locator {
    return this.page.getByRole('region', { name, exact: true });
  }
}
