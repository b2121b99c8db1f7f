import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { catalogue } from './explorer-page';
import { MapPage } from './map-page';
import { labelWidth } from '../src/graph/label-width';

// several states per test, each measured after the camera settles
test.describe.configure({ timeout: 90_000 });

async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
}

/** The targets for the smallest role name, drawn size in CSS px. */
const SIZES = [
  { name: '1920x1080', viewport: { width: 1920, height: 1080 }, scale: 1, panels: 13, alone: 18, shot: true },
  { name: '1366x768', viewport: { width: 1366, height: 768 }, scale: 1, panels: 11, alone: 14, shot: true },
  { name: '1280x720@1.5', viewport: { width: 1280, height: 720 }, scale: 1.5, panels: null, alone: 11, shot: false },
] as const;

for (const size of SIZES) {
  test.describe(`at ${size.name}`, () => {
    test.use({ viewport: size.viewport, deviceScaleFactor: size.scale });

    test('all 32 roles are in view and readable after load, after "Vis hele kortet" and in full screen', async ({ page }) => {
      const m = new MapPage(page);
      await m.open();
      await m.settle();
      expect(await m.roleNodes.count()).toBe(32);
      expect(await m.outOfView()).toEqual([]);
      // every box shows its whole name and, under it, "1 person" or "Ubesat"
      expect(await m.crowdedRoles()).toEqual([]);
      expect(await m.fill()).toBeGreaterThan(0.9);
      const loaded = await m.smallestName();
      console.log(`${size.name} panels open: smallest name ${loaded.toFixed(1)} px, map ${(100 * (await m.share())).toFixed(1)} % of the window`);
      if (size.panels !== null) expect(loaded).toBeGreaterThanOrEqual(size.panels);
      if (size.shot) await m.screenshot(`${size.name}-panels-open`);

      // zoomed in, roles leave the view; "Vis hele kortet" brings them all back
      for (let i = 0; i < 3; i++) await m.button('Zoom ind').click();
      await m.settle();
      expect((await m.outOfView()).length).toBeGreaterThan(0);
      await m.button('Vis hele kortet').click();
      await expect(m.button('Vis hele kortet')).toBeFocused();
      await m.settle();
      expect(await m.outOfView()).toEqual([]);
      expect(await m.smallestName()).toBeCloseTo(loaded, 1);

      // the map alone, with a floating legend
      await m.button('Fuld skærm').click();
      await expect(m.map).toHaveAttribute('data-fullscreen', 'true');
      await expect(m.button('Fuld skærm')).toBeFocused();
      await m.settle();
      expect(await m.outOfView()).toEqual([]);
      const alone = await m.smallestName();
      console.log(`${size.name} full screen: smallest name ${alone.toFixed(1)} px`);
      expect(alone).toBeGreaterThanOrEqual(size.alone);
      const legendButton = m.button('Signaturforklaring');
      await expect(legendButton).toHaveAttribute('aria-expanded', 'false');
      await legendButton.click();
      await expect(m.map.getByRole('group', { name: 'Signaturforklaring' }).getByRole('list', { name: /Relationstyper/ })).toBeVisible();
      await m.map.locator('[data-relation-type="informerer"]').click();
      await expect(page.locator('.svelte-flow__edge[data-type="informerer"]')).toHaveCount(0);
      await m.map.locator('[data-relation-type="informerer"]').click();
      if (size.shot) await m.screenshot(`${size.name}-full-screen`);
      expect(await seriousViolations(page)).toEqual([]);
      await m.button('Fuld skærm').click();
      await expect(m.map).toHaveAttribute('data-fullscreen', 'false');
    });

    test('with the panels hidden the map grows, and all roles stay in view', async ({ page }) => {
      const m = new MapPage(page);
      await m.open();
      await m.settle();
      const open = await m.share();
      await m.button('Skjul paneler').click();
      await expect(page.locator('#side-panel')).toBeHidden();
      await m.settle();
      expect(await m.share()).toBeGreaterThan(open);
      expect(await m.outOfView()).toEqual([]);
      const alone = await m.smallestName();
      console.log(`${size.name} panels hidden: smallest name ${alone.toFixed(1)} px, map ${(100 * (await m.share())).toFixed(1)} %`);
      if (size.shot) await m.screenshot(`${size.name}-panels-hidden`);
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
}

test.describe('at 1366x768', () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  test('with the panels open the map gets at least 55 % of the window', async ({ page }) => {
    const m = new MapPage(page);
    await m.open();
    expect(await m.share()).toBeGreaterThanOrEqual(0.55);
  });
});

test.describe('refitting', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  test('a resize from 1920 to 1366 fits the map again', async ({ page }) => {
    const m = new MapPage(page);
    await m.open();
    await m.settle();
    const before = await m.zoom();
    await page.setViewportSize({ width: 1366, height: 768 });
    await m.settle();
    expect(await m.zoom()).toBeLessThan(before);
    expect(await m.outOfView()).toEqual([]);
    expect(await m.smallestName()).toBeGreaterThanOrEqual(11);
  });

  test('"Nulstil layout" puts dragged roles back and fits the map again', async ({ page }) => {
    const m = new MapPage(page);
    await m.open();
    await m.settle();
    const box = (await m.node('projektejer').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x - 200, box.y - 150, { steps: 6 });
    await page.mouse.up();
    expect(await m.outOfView()).toContain('projektejer');
    await m.viewOptions();
    await m.button('Nulstil layout').click();
    await expect(page.locator('[data-layout-status="idle"]')).toBeVisible();
    await m.settle();
    expect(await m.outOfView()).toEqual([]);
    expect(await m.fill()).toBeGreaterThan(0.9);
  });

  test('"Skjul nedtonede roller" lays out what is left and fits it', async ({ page }) => {
    const m = new MapPage(page);
    await m.open('?fase=fase-1-opstart');
    await m.settle();
    await m.viewOptions();
    await page.getByLabel('Skjul nedtonede roller').check();
    await expect(m.node('systemansvarlig')).toHaveCount(0);
    await expect(page.locator('[data-layout-status="idle"]')).toBeVisible();
    await m.settle();
    const shown = await m.roleNodes.count();
    expect(shown).toBeLessThan(32);
    expect(await m.outOfView()).toEqual([]);
    // fitted: what is left spans the map from edge to edge (less the margins and group boxes)
    expect(await m.fill()).toBeGreaterThan(0.9);
    expect(await m.smallestName()).toBeGreaterThanOrEqual(13);
  });
});

test.describe('one role’s relations at a time', () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  test('relations are quiet by default; a selected role’s are strong, labelled, and framed', async ({ page }) => {
    const m = new MapPage(page);
    await m.open();
    await m.settle();
    const all = await m.crossings('all');
    const strong = await m.crossings('strong');
    console.log(`default view: ${all.edges} edges with ${all.crossings} crossings in all; ${strong.edges} at full strength with ${strong.crossings} crossings`);
    expect(all.edges).toBe(catalogue.relations.length);
    expect(await page.locator('.svelte-flow__edge[data-strength="quiet"]').count()).toBe(catalogue.relations.length);
    expect(strong.crossings).toBeLessThanOrEqual(150);
    await expect(page.locator('.svelte-flow__edge-label')).toHaveCount(0);

    const fitZoom = await m.zoom();
    await m.node('systemejer').click();
    await m.settle();
    const own = catalogue.relations.filter((r) => r.from === 'systemejer' || r.to === 'systemejer');
    await expect(page.locator('.svelte-flow__edge[data-strength="strong"]')).toHaveCount(own.length);
    await expect(page.locator('.svelte-flow__edge-label')).toHaveCount(own.length);
    const selected = await m.crossings('strong');
    console.log(`systemejer selected: ${selected.edges} strong edges, ${selected.crossings} crossings`);
    expect(selected.crossings).toBeLessThanOrEqual(150);
    expect(await m.overlappingLabels()).toEqual([]);
    // the camera framed the role and its neighbours, closer than the whole map
    const neighbours = new Set(own.flatMap((r) => [r.from, r.to]));
    const out = await m.outOfView();
    expect(out.filter((id) => neighbours.has(id))).toEqual([]);
    expect(await m.zoom()).toBeGreaterThan(fitZoom);
    await m.screenshot('1366x768-role-selected');
  });

  test('with reduced motion the camera jumps instead of gliding', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const m = new MapPage(page);
    await m.open();
    await m.settle();
    const before = await m.transform();
    await m.node('systemejer').click();
    await page.evaluate(() => new Promise(requestAnimationFrame));
    const first = await m.transform();
    expect(first).not.toBe(before);
    await m.settle();
    expect(await m.transform()).toBe(first);
  });

  test('for every role: its labels cover none of each other, and its strong relations cross at most 150 times', async ({ page }) => {
    const m = new MapPage(page);
    let most = { id: '', crossings: -1 };
    for (const role of catalogue.roles) {
      await m.open(`?rolle=${role.id}`);
      await m.settle();
      const own = catalogue.relations.filter((r) => r.from === role.id || r.to === role.id).length;
      await expect(page.locator('.svelte-flow__edge-label'), role.id).toHaveCount(own);
      expect(await m.overlappingLabels(), role.id).toEqual([]);
      // the width labels are placed by is never less than the width Chromium draws
      expect(await m.labelsWiderThan(labelWidth), role.id).toEqual([]);
      const { crossings } = await m.crossings('strong');
      expect(crossings, role.id).toBeLessThanOrEqual(150);
      if (crossings > most.crossings) most = { id: role.id, crossings };
    }
    console.log(`most crossings among one role's strong relations: ${most.crossings} (${most.id})`);
  });

  test('a relation type can be hidden from the legend, and that is kept in the URL', async ({ page }) => {
    const m = new MapPage(page);
    await m.open();
    await page.getByRole('tab', { name: 'Detaljer' }).click();
    const type = page.locator('#side-panel [data-relation-type="samarbejder-med"]');
    await expect(type).toHaveAttribute('aria-pressed', 'true');
    const count = catalogue.relations.filter((r) => r.type === 'samarbejder-med').length;
    await expect(page.locator('.svelte-flow__edge[data-type="samarbejder-med"]')).toHaveCount(count);
    await type.click();
    await expect(type).toHaveAttribute('aria-pressed', 'false');
    await expect(page.locator('.svelte-flow__edge[data-type="samarbejder-med"]')).toHaveCount(0);
    await expect(page).toHaveURL(/skjul=samarbejder-med/);
    await page.reload();
    await expect(m.roleNodes.first()).toBeVisible();
    await expect(page.locator('.svelte-flow__edge[data-type="samarbejder-med"]')).toHaveCount(0);
    await page.getByRole('tab', { name: 'Detaljer' }).click();
    await page.locator('#side-panel [data-relation-type="samarbejder-med"]').click();
    await expect(page.locator('.svelte-flow__edge[data-type="samarbejder-med"]')).toHaveCount(count);
    await expect(page).not.toHaveURL(/skjul=/);
  });

  test('"Vis kun naboer" frames the neighbourhood', async ({ page }) => {
    const m = new MapPage(page);
    await m.open();
    await m.settle();
    const fitZoom = await m.zoom();
    await m.button('Vis hele kortet').click();
    await m.node('superbruger').click();
    await m.settle();
    await m.button('Vis hele kortet').click();
    await m.settle();
    await m.viewOptions();
    await page.getByLabel('Vis kun naboer').check();
    await m.settle();
    const inFocus = await page.locator('.svelte-flow__node-role[data-focus="true"]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.id!));
    expect(inFocus.length).toBeGreaterThan(1);
    const out = await m.outOfView();
    expect(out.filter((id) => inFocus.includes(id))).toEqual([]);
    expect(await m.zoom()).toBeGreaterThan(fitZoom);
  });
});

test.describe('room for the map', () => {
  test('the panels close and open with the button and Alt+Shift+P, and stay as chosen', async ({ page }) => {
    const m = new MapPage(page);
    await m.open();
    const toggle = m.button('Skjul paneler');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await toggle.click();
    await expect(page.locator('#side-panel')).toBeHidden();
    await expect(m.button('Vis paneler')).toBeFocused();
    await page.reload();
    await expect(m.roleNodes.first()).toBeVisible();
    await expect(page.locator('#side-panel')).toBeHidden();
    await m.node('projektejer').focus();
    await page.keyboard.press('Alt+Shift+P');
    await expect(page.locator('#side-panel')).toBeVisible();
    await expect(m.button('Skjul paneler')).toHaveAttribute('aria-expanded', 'true');
  });

  test('the skip link to the people opens the panels on the people tab', async ({ page }) => {
    const m = new MapPage(page);
    await m.open('?rolle=projektejer');
    await m.button('Skjul paneler').click();
    await page.getByRole('link', { name: 'Spring til personer' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('tab', { name: 'Personer' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('heading', { name: 'Personer', exact: true })).toBeVisible();
    await expect(page).toHaveURL(/#people-title$/);
  });

  test('below 1100 px the map comes first and the panels follow', async ({ page }) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    const m = new MapPage(page);
    await m.open();
    const map = (await m.flow.boundingBox())!;
    const panel = (await page.locator('#side-panel').boundingBox())!;
    expect(panel.y).toBeGreaterThanOrEqual(map.y + map.height);
  });

  for (const width of [320, 390]) {
    test(`at ${width} px nothing scrolls sideways`, async ({ page }) => {
      await page.setViewportSize({ width, height: 700 });
      const m = new MapPage(page);
      await m.open();
      await m.settle();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      expect(await m.outOfView()).toEqual([]);
    });
  }
});

test.describe('words', () => {
  test('footnote markers show as superscripts linked to the catalogue’s note, never as "^"', async ({ page }) => {
    const m = new MapPage(page);
    await m.open('?rolle=projektleder');
    const panel = m.details('Projektleder');
    await expect(panel).toBeVisible();
    // only the catalogue's notes about the markers quote them with "^"
    await expect(panel.getByRole('list', { name: 'Opgaver' })).not.toContainText('^');
    await expect(panel.getByRole('list', { name: 'Opgaver' }).locator('sup', { hasText: 'y' })).toHaveCount(1);
    const marker = panel.getByRole('link', { name: 'fodnote y' }).first();
    await expect(marker).toBeVisible();
    await marker.click();
    await expect(page.locator('#fodnote-y')).toContainText('SPOC^y');
    // the catalogue JSON stays verbatim
    expect(catalogue.roles.find((r) => r.id === 'projektleder')).toBeDefined();
    await m.open('?rolle=projektejer');
    const owner = m.details('Projektejer');
    await expect(owner.getByRole('heading', { name: 'Kendetegn' }).locator('xpath=following-sibling::p[1]')).not.toContainText('^');
    await expect(owner.locator('sup', { hasText: 'iv' })).toHaveCount(1);
  });

  test('a long role name breaks between the parts of its compound, with a hyphen, and is read whole', async ({ page }) => {
    const m = new MapPage(page);
    await m.open();
    // a soft hyphen between the parts: drawn only where the line breaks
    expect(await m.node('sikkerhedsansvarlig').locator('.name').evaluate((el) => el.textContent)).toBe('Sikkerheds\u00adansvarlig');
    expect(await m.node('it-digitaliseringschef').locator('.name').evaluate((el) => el.textContent)).toBe('It-/digitaliserings\u00adchef');
    await expect(m.node('sikkerhedsansvarlig')).toHaveAccessibleName(/^Sikkerhedsansvarlig\./);
  });

  test('the misspelt ØiR-kordinator is shown as ØiR-koordinator, with the source’s spelling in the details', async ({ page }) => {
    const m = new MapPage(page);
    await m.open('?rolle=oir-koordinator');
    await expect(m.node('oir-koordinator')).toContainText('ØiR-koordinator');
    await expect(m.node('oir-koordinator')).toHaveAccessibleName(/^ØiR-koordinator\./);
    const panel = m.details('ØiR-koordinator');
    await expect(panel.locator('[data-source-spelling]')).toContainText('»ØiR-kordinator«');
  });

  test('form fields explain what is wrong in Danish', async ({ page }) => {
    const m = new MapPage(page);
    await m.open();
    await page.getByRole('button', { name: 'Tilføj person' }).click();
    const form = page.getByRole('form', { name: 'Tilføj person' });
    await form.getByRole('button', { name: 'Tilføj', exact: true }).click();
    const name = form.getByLabel('Navn');
    await expect(name).toBeFocused();
    expect(await name.evaluate((el) => (el as HTMLInputElement).validationMessage)).toBe('Skriv personens navn.');
    await name.fill('Karla Kode');
    await form.getByLabel('E-mail').fill('ikke en adresse');
    await form.getByRole('button', { name: 'Tilføj', exact: true }).click();
    expect(await form.getByLabel('E-mail').evaluate((el) => (el as HTMLInputElement).validationMessage)).toMatch(/^Skriv en e-mailadresse/);
    await page.getByRole('button', { name: 'Tilføj it-system' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tilføj it-system' });
    await dialog.getByRole('button', { name: 'Tilføj', exact: true }).click();
    expect(await dialog.getByLabel('Navn').evaluate((el) => (el as HTMLInputElement).validationMessage)).toBe('Skriv it-systemets navn, fx AULA.');
  });
});
