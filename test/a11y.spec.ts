import { seriousViolations } from './axe';
import { test, expect } from './fixtures';
import { ExplorerPage, openViewOptions } from './explorer-page';

// axe walks the whole graph (32 nodes, 115 edges) each time: slow on a busy 2-core machine
test.describe.configure({ timeout: 90_000 });

test('axe finds no serious or critical WCAG 2.1 AA violations on the explorer', async ({ page }) => {
  const x = new ExplorerPage(page);
  await x.open();
  expect(await seriousViolations(page)).toEqual([]);
});

test('axe: with a role selected', async ({ page }) => {
  const x = new ExplorerPage(page);
  await x.open();
  await x.node('projektleder').click();
  await expect(x.details('Projektleder')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('axe: with a phase filter, SPOC, a search and focus mode on', async ({ page }) => {
  const x = new ExplorerPage(page);
  await x.open('?fase=fase-2-forberedelse&spoc=1&rolle=projektleder');
  await x.search.fill('leder');
  await openViewOptions(page);
  await page.getByLabel('Vis kun naboer').check();
  await expect(x.node('projektleder')).toHaveAttribute('data-spoc', 'true');
  expect(await seriousViolations(page)).toEqual([]);
});

test('axe: the list view and an edge selected', async ({ page }) => {
  const x = new ExplorerPage(page);
  await x.open();
  await x.open('?rolle=projektejer');
  await x.details('Projektejer').locator('[data-relation-id="projektejer--afloeses-af--systemejer"]').getByRole('button', { name: 'Vis relationen i kortet' }).click();
  await expect(page.getByRole('region', { name: 'Relation: afløses af' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await openViewOptions(page);
  await page.getByLabel('Liste').check();
  await expect(page.getByRole('region', { name: /^Systemspecifikke roller/ })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('axe: the workshop with a person selected, the role picker and the coverage tab', async ({ page }) => {
  const x = new ExplorerPage(page);
  await x.open();
  await page.locator('[data-save-state="saved"]').waitFor();
  await page.getByRole('list', { name: 'Personer' }).getByRole('button', { name: 'Bo Madsen' }).click();
  await expect(page.getByRole('region', { name: 'Bo Madsen' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Tildel rolle …' }).click();
  await expect(page.getByRole('dialog', { name: 'Tildel rolle til Bo Madsen' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Tilføj person' }).click();
  await expect(page.getByRole('form', { name: 'Tilføj person' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('tab', { name: 'Dækning' }).click();
  await expect(page.getByRole('heading', { name: 'Dækning' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test("every file picker is a button in Danish: the browser's own 'Choose File' never shows", async ({ page }) => {
  const x = new ExplorerPage(page);
  await x.open();
  const pickers = new Map<string, number>();
  const collect = async () => {
    const found = await page.locator('input[type="file"]').evaluateAll((inputs) =>
      inputs.map((input) => {
        const box = input.getBoundingClientRect();
        return { label: input.closest('label')?.textContent?.trim().replace(/\s+/g, ' ') ?? '', area: box.width * box.height };
      }),
    );
    for (const p of found) pickers.set(p.label, p.area);
  };
  await page.getByRole('tab', { name: 'Rundvisninger' }).click();
  await expect(page.getByRole('heading', { name: 'Mine rundvisninger' })).toBeVisible();
  await collect();
  await page.getByRole('tab', { name: 'Personer' }).click();
  await page.getByRole('button', { name: 'Importér personer' }).click();
  await expect(page.getByRole('dialog', { name: 'Importér personer' })).toBeVisible();
  await collect();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Handlinger' }).click();
  await collect();
  // the workspace import, the people import's CSV file and the tour import, each an invisible input in a labelled button
  expect([...pickers.keys()].sort()).toEqual(['CSV-fil', 'Importér', 'Importér rundvisning (.rundvisning.json)']);
  for (const [label, area] of pickers) expect(area, label).toBeLessThanOrEqual(1);
});
