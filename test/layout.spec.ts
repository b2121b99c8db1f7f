import type { Locator } from '@playwright/test';
import { test, expect } from './fixtures';
import { ExplorerPage } from './explorer-page';

/** The node's position in flow coordinates, from Svelte Flow's transform. */
async function position(node: Locator) {
  const transform = await node.evaluate((el) => (el as HTMLElement).style.transform);
  const m = /translate\(([-\d.]+)px, ([-\d.]+)px\)/.exec(transform);
  if (!m) throw new Error(`no position in "${transform}"`);
  return { x: Number(m[1]), y: Number(m[2]) };
}

async function drag(x: ExplorerPage, id: string, dx: number, dy: number) {
  const box = (await x.node(id).boundingBox())!;
  const page = x.page;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + dx / 2, box.y + box.height / 2 + dy / 2, { steps: 4 });
  await page.mouse.move(box.x + box.width / 2 + dx, box.y + box.height / 2 + dy, { steps: 4 });
  await page.mouse.up();
}

test('the first graph uses the build-time layout and does not wait for the layout worker', async ({ page }) => {
  // the ELK chunks never arrive: the graph must still be laid out
  await page.route(/elk-(api|worker)/, () => {});
  const x = new ExplorerPage(page);
  await x.open();
  await expect(x.roleNodes).toHaveCount(32);
  await expect(page.locator('[data-layout-status="idle"]')).toBeVisible();
  const a = await position(x.node('projektejer'));
  const b = await position(x.node('organisationsadministrator'));
  expect(a).not.toEqual(b);
  expect(a.x !== 0 || a.y !== 0).toBe(true);
});

test('dragged positions survive a re-layout, and "Nulstil layout" discards them', async ({ page }) => {
  const x = new ExplorerPage(page);
  await x.open();
  const before = await position(x.node('projektejer'));
  await drag(x, 'projektejer', 120, 80);
  const dragged = await position(x.node('projektejer'));
  expect(dragged).not.toEqual(before);

  // hiding dimmed roles lays the rest out again in the worker
  await x.viewOptions();
  await x.phase.selectOption({ label: 'Fase 1: Opstart' });
  await page.getByLabel('Skjul nedtonede roller').check();
  await expect(x.node('systemansvarlig')).toHaveCount(0);
  await expect(page.locator('[data-layout-status="idle"]')).toBeVisible();
  expect(await position(x.node('projektejer'))).toEqual(dragged);

  await page.getByLabel('Skjul nedtonede roller').uncheck();
  await expect(x.roleNodes).toHaveCount(32);
  await page.getByRole('button', { name: 'Nulstil layout' }).click();
  await expect.poll(() => position(x.node('projektejer'))).toEqual(before);
});

test('hiding dimmed roles re-lays out only what is left, in the worker', async ({ page }) => {
  const x = new ExplorerPage(page);
  await x.open('?fase=drift');
  const full = await position(x.node('systemansvarlig'));
  await x.viewOptions();
  await page.getByLabel('Skjul nedtonede roller').check();
  await expect(x.node('projektleder')).toHaveCount(0);
  await expect.poll(() => position(x.node('systemansvarlig'))).not.toEqual(full);
  await expect(page.locator('[data-layout-status="idle"]')).toBeVisible();
  const n = await x.roleNodes.count();
  expect(n).toBeGreaterThan(5);
  expect(n).toBeLessThan(32);
});
