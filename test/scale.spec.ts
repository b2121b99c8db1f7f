import { readFileSync } from 'node:fs';
import { parseCatalogue } from '../src/domain/catalogue/load';
import { SCALES, syntheticWorkspace } from '../src/domain/workspace/synthetic';
import { coverage, systemPhaseFilter } from '../src/domain/workspace';
import { serializeDocument, toDocument } from '../src/document/envelope';
import { seriousViolations } from './axe';
import { test, expect } from './fixtures';
import { MapPage } from './map-page';
import { ExplorerPage } from './explorer-page';
import type { Page } from '@playwright/test';
import { WorkspacePage } from './workspace-page';

// a whole municipality (XL: 5,000 people, 100 systems, 15,000 assignments), imported as a user would
test.describe.configure({ timeout: 120_000 });
test.use({ viewport: { width: 1366, height: 768 } });

const parsed = parseCatalogue(JSON.parse(readFileSync('static/catalogues/rollegalleri-1.5.json', 'utf8')));
if (!parsed.ok) throw new Error(parsed.error.message);
const generated = syntheticWorkspace(parsed.value, SCALES.XL, 12);
// three systems whose holders have all left, so that the coverage has gaps to find
const emptied = new Set(generated.systems.slice(1, 4).map((s) => s.id));
const XL = { ...generated, assignments: generated.assignments.filter((a) => a.systemId === null || !emptied.has(a.systemId)) };
const text = serializeDocument(toDocument(XL, { id: 'rollegalleri', version: '1.5' }, new Date()));
const byName = new Intl.Collator('da');
const sorted = [...XL.people].sort((a, b) => byName.compare(a.name, b.name));

/** What a role box cuts off at its edge: a part running past it, or an effect showing part of a line. */
const cutOff = (page: Page) =>
  page.locator('.svelte-flow__node-role .role').evaluateAll((boxes) =>
    boxes.flatMap((box) => {
      const id = (box.closest('[data-id]') as HTMLElement).dataset.id;
      const edge = box.getBoundingClientRect().bottom;
      const problems: string[] = [];
      for (const part of box.querySelectorAll<HTMLElement>('.name, .effect, .spoc-badge, .assignees > li')) {
        const bottom = part.getBoundingClientRect().bottom;
        if (bottom > edge - 1) problems.push(`${id}: ${part.className.split(' ')[0]} runs past the box (${bottom.toFixed(1)} > ${edge.toFixed(1)})`);
      }
      const effect = box.querySelector<HTMLElement>('.effect');
      if (effect) {
        const lines = effect.clientHeight / parseFloat(getComputedStyle(effect).lineHeight);
        if (Math.abs(lines - Math.round(lines)) > 0.1) problems.push(`${id}: the effect shows ${lines.toFixed(2)} lines`);
      }
      return problems;
    }),
  );

test('5,000 people: the list draws only what is in view, keeps its keyboard and screen-reader semantics, and the app stays whole', async ({ page }) => {
  const w = new WorkspacePage(page);
  await w.open();
  await page.getByLabel('Importér', { exact: true }).setInputFiles({ name: 'xl.rollekort.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(page.locator('#workspace-select option:checked')).toHaveText(XL.name);
  await expect(page.getByRole('status').filter({ hasText: /xl\.rollekort\.json\W* er importeret som et nyt arbejdsområde\./ })).toBeVisible();
  await w.saved();

  const rows = w.people.locator('li[data-person-id]');
  await expect(rows.first()).toHaveAttribute('aria-setsize', '5000');
  const drawn = await rows.count();
  expect(drawn).toBeGreaterThan(5);
  expect(drawn).toBeLessThan(80);
  const domNodes = await page.evaluate(() => document.querySelectorAll('*').length);
  console.log(`XL: ${drawn} of 5000 people drawn, ${domNodes} DOM nodes in the page`);
  expect(domNodes).toBeLessThan(6000);

  // the keyboard reaches every person: End goes to the last, Home to the first, with their place said
  await rows.first().getByRole('button').focus();
  await expect(rows.first()).toHaveAttribute('aria-posinset', '1');
  await page.keyboard.press('End');
  const last = w.people.locator(`li[data-person-id="${sorted.at(-1)!.id}"]`);
  await expect(last.getByRole('button')).toBeFocused();
  await expect(last).toHaveAttribute('aria-posinset', '5000');
  await expect(last).toBeInViewport();
  await page.keyboard.press('PageUp');
  await page.keyboard.press('ArrowUp');
  await expect(page.locator(':focus')).toHaveText(/\S/);
  await page.keyboard.press('Home');
  await expect(w.people.locator(`li[data-person-id="${sorted[0]!.id}"]`).getByRole('button')).toBeFocused();

  // a person added in the middle of the alphabet gets focus in the list, and it is announced
  await w.addPerson('Mette Møller-Testesen');
  const added = w.person('Mette Møller-Testesen');
  await expect(added.getByRole('button')).toBeFocused();
  await expect(added).toBeInViewport();
  await expect(added).toHaveAttribute('aria-setsize', '5001');
  await expect(page.getByRole('status').filter({ hasText: 'Mette Møller-Testesen er tilføjet.' })).toBeVisible();
  await w.saved();

  // every role box shows whole lines: the holders that fit under its name, and as much of its
  // effect as is left, never a chip or a line cut off at the box's edge
  await w.zoomToRole('superbruger');
  expect(await cutOff(page)).toEqual([]);
  expect(await w.node('superbruger').locator('[data-assignment-id]').count()).toBeGreaterThan(0);
  // and with the SPOC marks shown too
  const explorer = new ExplorerPage(page);
  await explorer.viewOptions();
  await explorer.spoc.check();
  await page.keyboard.press('Escape');
  await expect(page.locator('.spoc-badge').first()).toBeVisible();
  expect(await cutOff(page)).toEqual([]);
  await explorer.viewOptions();
  await explorer.spoc.uncheck();
  await page.keyboard.press('Escape');

  // a role held across the municipality by many: its details list the first 12, the rest on request
  const holders = XL.assignments.filter((a) => a.roleId === 'it-arkitekt').length;
  expect(holders).toBeGreaterThan(12);
  await w.node('it-arkitekt').click({ position: { x: 24, y: 10 } });
  const details = page.locator('section.details[data-role-id="it-arkitekt"]');
  await expect(details.locator('#role-holders li')).toHaveCount(12);
  const more = details.getByRole('button', { name: `Vis alle ${holders}` });
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await more.press('Enter');
  await expect(details.locator('#role-holders li')).toHaveCount(holders);
  await expect(details.getByRole('button', { name: 'Vis kun de første 12' })).toHaveAttribute('aria-expanded', 'true');
  expect(await seriousViolations(page)).toEqual([]);
  await details.getByRole('button', { name: 'Vis kun de første 12' }).click();
  await expect(details.locator('#role-holders li')).toHaveCount(12);

  // the rollekatalog view: the chosen system's progress, and the 100 others folded away
  await page.getByRole('link', { name: 'Rollekatalog' }).click();
  const first = XL.systems[0]!.name;
  await expect(page.locator('.progress-current')).toHaveText(`${first}: 0 af 6 trin`);
  const all = page.locator('details.progress-all');
  await expect(all.locator('summary')).toHaveText('Fremdrift for alle 100 it-systemer: 0 påbegyndt, 0 færdige');
  await expect(all.locator('[data-system-progress]').first()).toBeHidden();
  await all.locator('summary').press('Enter');
  await expect(all.locator('[data-system-progress]')).toHaveCount(100);
  await expect(all.locator('[data-system-progress]').first()).toBeVisible();
  // a role held across the municipality names its first holders and counts the rest
  const held = page.locator('li', { has: page.locator('[data-relevant="kombit-programleder"]') }).locator('.held');
  await expect(held).toHaveText(/^· (?:[^,]+, ){5}[^,]+ og \d+ flere$/);
  await page.getByRole('link', { name: 'Kort' }).click();

  // coverage is counted when its tab is shown: one section per system plus the municipality
  await page.getByRole('tab', { name: 'Dækning' }).click();
  await expect(page.locator('#panel-daekning section.system')).toHaveCount(101);
  // which of them have unfilled roles: said at the top, and on request the only ones listed
  const gaps = XL.systems.filter((s) => coverage(XL, parsed.value, s.id, systemPhaseFilter(s), 'system').unfilled.length > 0).length;
  expect(gaps).toBeGreaterThanOrEqual(1);
  expect(gaps).toBeLessThanOrEqual(3);
  await expect(page.locator('#panel-daekning .gaps')).toHaveText(`${gaps} af 100 it-systemer har ubesatte roller.`);
  await page.getByLabel('Vis kun it-systemer med ubesatte roller').check();
  await expect(page.locator('#panel-daekning section.system')).toHaveCount(gaps + 1);
  await expect(page.locator('#panel-daekning section.system[data-system-id]:not([data-system-id=""]) .count[data-unfilled="0"]')).toHaveCount(0);
  await page.getByLabel('Vis kun it-systemer med ubesatte roller').uncheck();
  await expect(page.locator('#panel-daekning section.system')).toHaveCount(101);

  await new MapPage(page).screenshot('1366x768-xl-people');
  expect(await seriousViolations(page)).toEqual([]);
});
