import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';
import { catalogue } from './explorer-page';
import { MapPage } from './map-page';
import { WorkspacePage } from './workspace-page';

test.describe.configure({ timeout: 60_000 });
test.use({ viewport: { width: 1366, height: 768 } });

/** The role ids on the map in the order they stand: group by group, then row by row. */
async function screenOrder(m: MapPage): Promise<string[]> {
  return m.page.evaluate(() => {
    const groups = [...document.querySelectorAll<HTMLElement>('.svelte-flow__node-group')].map((g) => ({ id: g.dataset.group!, r: g.getBoundingClientRect() }));
    const nodes = [...document.querySelectorAll<HTMLElement>('.svelte-flow__node-role')].map((n) => ({ id: n.dataset.id!, group: n.dataset.group!, r: n.getBoundingClientRect() }));
    const groupRank = (id: string) => {
      const g = groups.find((x) => x.id === id)!.r;
      // groups read like text: top row of groups first, then left to right
      return Math.round(g.top / 50) * 100000 + g.left;
    };
    return nodes
      .sort((a, b) => groupRank(a.group) - groupRank(b.group) || Math.round(a.r.top / 20) - Math.round(b.r.top / 20) || a.r.left - b.r.left)
      .map((n) => n.id);
  });
}

test('Tab crosses the map in screen order, one stop per role', async ({ page }) => {
  const m = new MapPage(page);
  await m.open();
  await m.settle();
  const order = await screenOrder(m);
  await m.node(order[0]!).focus();
  const seen = [order[0]!];
  for (let i = 1; i < order.length; i++) {
    await page.keyboard.press('Tab');
    seen.push(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.id ?? document.activeElement!.tagName));
  }
  // 31 presses of Tab visit all 32 roles, in the order they stand on the screen
  expect(seen).toEqual(order);
});

test('search: Enter goes to the first hit and frames it, ↓ and ↑ move between hits', async ({ page }) => {
  const m = new MapPage(page);
  await m.open();
  await m.settle();
  await page.keyboard.press('/');
  await expect(m.search).toBeFocused();
  await page.keyboard.type('ansvarlig');
  const hits = (await screenOrder(m)).filter(Boolean);
  const matching = await page.locator('.svelte-flow__node-role[data-match="true"]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.id!));
  // the roles whose name matches come first, then those that match in their texts; each in screen order
  const named = (id: string) => {
    const role = catalogue.roles.find((r) => r.id === id)!;
    return [role.name, ...role.aliases].some((n) => n.toLowerCase().includes('ansvarlig'));
  };
  const found = hits.filter((id) => matching.includes(id));
  const inOrder = [...found.filter(named), ...found.filter((id) => !named(id))];
  expect(found.filter(named).length).toBeGreaterThan(2);
  expect(found.filter((id) => !named(id)).length).toBeGreaterThan(0);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`rolle=${inOrder[0]}`));
  await m.settle();
  expect(await m.outOfView()).not.toContain(inOrder[0]);
  await expect(page.locator('#role-search-count')).toContainText(`1 af ${inOrder.length}`);
  await page.keyboard.press('ArrowDown');
  await expect(page).toHaveURL(new RegExp(`rolle=${inOrder[1]}`));
  await m.settle();
  expect(await m.outOfView()).not.toContain(inOrder[1]);
  await page.keyboard.press('ArrowUp');
  await expect(page).toHaveURL(new RegExp(`rolle=${inOrder[0]}`));
  await expect(m.search).toBeFocused();
});

test('after a role is opened, one key (d) reaches its details', async ({ page }) => {
  const m = new MapPage(page);
  await m.open();
  await m.node('projektleder').focus();
  await expect(m.node('projektleder')).toHaveAccessibleDescription(/D for at gå til dens detaljer/);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/rolle=projektleder/);
  await page.keyboard.press('d');
  await expect(m.details('Projektleder').getByRole('heading', { level: 2 }).first()).toBeFocused();
});

test('+, - and 0 zoom in, out and fit while the map has focus', async ({ page }) => {
  const m = new MapPage(page);
  await m.open();
  await m.settle();
  const fit = await m.zoom();
  await m.node('projektejer').focus();
  await page.keyboard.press('+');
  await m.settle();
  const zin = await m.zoom();
  expect(zin).toBeGreaterThan(fit);
  // zoomed in around the focused role, which stays in view
  expect(await m.outOfView()).not.toContain('projektejer');
  await page.keyboard.press('-');
  await m.settle();
  expect(await m.zoom()).toBeLessThan(zin);
  await page.keyboard.press('+');
  await page.keyboard.press('+');
  await m.settle();
  expect((await m.outOfView()).length).toBeGreaterThan(0);
  await page.keyboard.press('0');
  await m.settle();
  expect(await m.outOfView()).toEqual([]);
  // the keys do nothing while typing elsewhere
  await m.search.fill('');
  await m.search.press('0');
  await expect(m.search).toHaveValue('0');
});

test('after adding a person, focus is on them in the list and the addition is announced', async ({ page }) => {
  const w = new WorkspacePage(page);
  await w.open();
  await w.addPerson('Karla Kode');
  await expect(w.person('Karla Kode').getByRole('button')).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'Karla Kode er tilføjet.' })).toBeVisible();
});

test('a chip’s remove control is at least 24×24 px, and a focused one is brought into view', async ({ page }) => {
  const w = new WorkspacePage(page);
  const m = new MapPage(page);
  await w.open();
  await w.zoomToRole('projektleder');
  const remove = page.getByRole('button', { name: 'Fjern Bo Madsen fra Projektleder' });
  const box = (await remove.boundingBox())!;
  expect(box.width).toBeGreaterThanOrEqual(24);
  expect(box.height).toBeGreaterThanOrEqual(24);
  // a chip on a role far off-screen: focusing its button pans the map to it
  const far = page.getByRole('button', { name: /^Fjern .* fra Organisationsadministrator$/ });
  expect(await m.outOfView()).toContain('organisationsadministrator');
  await far.focus();
  await m.settle();
  const view = (await m.flow.boundingBox())!;
  const b = (await far.boundingBox())!;
  expect(b.x).toBeGreaterThanOrEqual(view.x);
  expect(b.y).toBeGreaterThanOrEqual(view.y);
  expect(b.x + b.width).toBeLessThanOrEqual(view.x + view.width);
  expect(b.y + b.height).toBeLessThanOrEqual(view.y + view.height);
  await expect(far).toBeFocused();
  // zoomed in to the detail, with a role selected: still no serious or critical axe findings
  await m.node('organisationsadministrator').click();
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
});

test.describe('closing with the keyboard never drops focus to the page', () => {
  test('"Luk" in a role’s details puts focus back on its box on the map', async ({ page }) => {
    const m = new MapPage(page);
    await m.open();
    await m.node('projektleder').focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/rolle=projektleder/);
    await page.keyboard.press('d');
    const details = m.details('Projektleder');
    await expect(details.getByRole('heading', { level: 2 }).first()).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(details.getByRole('button', { name: 'Luk' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(details).toBeHidden();
    await expect(m.node('projektleder')).toBeFocused();
  });

  test('"Luk" on a relation puts focus on the role it starts from', async ({ page }) => {
    const m = new MapPage(page);
    await m.open('?rolle=projektleder');
    const show = m.details('Projektleder').getByRole('button', { name: 'Vis relationen i kortet' }).first();
    await show.focus();
    await page.keyboard.press('Enter');
    const panel = page.getByRole('region', { name: /^Relation: / });
    const from = await panel.getAttribute('data-relation-id').then((id) => catalogue.relations.find((r) => r.id === id)!.from);
    await panel.getByRole('button', { name: 'Luk' }).focus();
    await page.keyboard.press('Enter');
    await expect(panel).toBeHidden();
    await expect(m.node(from)).toBeFocused();
  });

  test('"Luk" in the timeline’s source puts focus back on the mark it showed', async ({ page }) => {
    await page.goto('/?visning=tidslinje');
    const mark = page.locator('.mark[tabindex="0"]').nth(1);
    await mark.focus();
    await page.keyboard.press('Enter');
    await expect(mark).toHaveAttribute('aria-expanded', 'true');
    const close = page.locator('#timeline-source').getByRole('button', { name: 'Luk' });
    await close.focus();
    await page.keyboard.press('Enter');
    await expect(close).toBeHidden();
    await expect(mark).toHaveAttribute('aria-expanded', 'false');
    await expect(mark).toBeFocused();
  });

  test('× on the message over the map puts focus back where it came from, else on the map', async ({ page }) => {
    const w = new WorkspacePage(page);
    await w.open();
    await w.addPerson('Karla Kode');
    const status = page.locator('.graph-wrap .status-line');
    await expect(status).toHaveText(/Karla Kode er tilføjet/);
    // reached from a role on the map: back to that role
    await w.node('projektleder').focus();
    await page.getByRole('button', { name: 'Luk beskeden' }).focus();
    await page.keyboard.press('Enter');
    await expect(status).toHaveText('');
    await expect(w.node('projektleder')).toBeFocused();
    // reached from nowhere (focus on the page itself): to the first role on the map
    await w.addPerson('Kurt Kode');
    await expect(status).toHaveText(/Kurt Kode er tilføjet/);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.getByRole('button', { name: 'Luk beskeden' }).focus();
    await page.keyboard.press('Enter');
    await expect(status).toHaveText('');
    await expect(page.locator('.svelte-flow__node-role').first()).toBeFocused();
  });
});

test('"Tildel rolle": Enter assigns the only match, ↓ (or Enter with several) goes to the list', async ({ page }) => {
  const w = new WorkspacePage(page);
  await w.open();
  const person = w.person('Dennis Kjær').getByRole('button');
  await person.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Tildel rolle til Dennis Kjær' });
  const search = dialog.getByLabel('Søg efter rolle');
  await expect(search).toBeFocused();
  const roles = dialog.getByRole('list', { name: 'Roller' }).getByRole('button');
  // several matches: ↓ goes to the first, ↓ and ↑ move between them, ↑ from the first back to the search
  await page.keyboard.type('ansvarlig');
  expect(await roles.count()).toBeGreaterThan(1);
  await page.keyboard.press('ArrowDown');
  await expect(roles.first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(roles.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(search).toBeFocused();
  // Enter with several assigns nothing: it goes to the first, and the dialog stays
  await page.keyboard.press('Enter');
  await expect(roles.first()).toBeFocused();
  await expect(dialog).toBeVisible();
  // one match: Enter assigns it
  await search.focus();
  await search.fill('');
  await page.keyboard.type('gevinst');
  await expect(roles).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(w.names('gevinstejer')).toHaveText(['Dennis Kjær']);
  // the keys are told where they are typed
  await person.focus();
  await page.keyboard.press('Enter');
  await expect(search).toHaveAccessibleDescription(/Enter tildeler rollen, når kun én rolle passer/);
});

test('Escape closes the map’s "?" legend and puts focus back on "?"', async ({ page }) => {
  const m = new MapPage(page);
  await m.open();
  const toggle = m.button('Signaturforklaring');
  const legend = m.map.getByRole('group', { name: 'Signaturforklaring' });
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(legend).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(legend).toBeHidden();
  await expect(toggle).toBeFocused();
  // from a relation type inside the legend too
  await page.keyboard.press('Enter');
  await legend.getByRole('button').first().focus();
  await page.keyboard.press('Escape');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(toggle).toBeFocused();
});
