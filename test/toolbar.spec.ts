import { seriousViolations } from './axe';
import { test, expect } from './fixtures';
import { MapPage } from './map-page';
import { WorkspacePage } from './workspace-page';

/** Rows the visible controls in the bar above the map stand in: controls whose tops differ by more than 10 px are on different rows. */
const rowsOfControls = (m: MapPage) =>
  m.page.locator('.explorer > .controls').evaluate((bar) => {
    const tops = [...bar.querySelectorAll('select, input:not(.sr-only), button')]
      .filter((el) => (el as HTMLElement).offsetParent !== null && !el.closest('[hidden]'))
      .map((el) => el.getBoundingClientRect().top)
      .sort((a, b) => a - b);
    return tops.filter((t, i) => i === 0 || t - tops[i - 1]! > 10).length;
  });

for (const size of [
  { name: '1920x1080', width: 1920, height: 1080 },
  { name: '1366x768', width: 1366, height: 768 },
]) {
  test(`at ${size.name} the map's controls take one row, and the filters sit behind "Visning"`, async ({ page }) => {
    await page.setViewportSize(size);
    const m = new MapPage(page);
    await m.open();
    await m.settle();
    expect(await rowsOfControls(m)).toBe(1);
    await expect(m.search).toBeVisible();
    await expect(m.button('Vis hele kortet')).toBeVisible();
    await expect(m.button('Fuld skærm')).toBeVisible();
    await expect(m.phase).toBeHidden();
    await m.screenshot(`${size.name}-toolbar`);
    await m.viewOptions();
    await expect(m.phase).toBeVisible();
    await m.screenshot(`${size.name}-toolbar-visning-open`);
    expect(await seriousViolations(page)).toEqual([]);
    // a message stands over the map, whole, and leaves the controls' row alone
    await page.keyboard.press('Escape');
    await new WorkspacePage(page).addPerson('Karoline Kristiansen-Østergaard');
    await expect(page.locator('.status-line')).toHaveText(/Karoline Kristiansen-Østergaard er tilføjet/);
    expect(await rowsOfControls(m)).toBe(1);
    await m.screenshot(`${size.name}-toolbar-with-message`);
    // the longest message there is, removing a system, is read to the end (it ends with how to undo)
    await page.getByRole('tab', { name: 'Dækning' }).click();
    await page.getByRole('button', { name: 'Fjern AULA' }).click();
    const status = page.locator('.status-line');
    await expect(status).toHaveText(/AULA.* er fjernet sammen med 6 tildelinger\. Fortryd med Ctrl\+Z eller knappen Fortryd\.$/);
    expect(await status.evaluate((el) => el.scrollHeight <= el.clientHeight + 1 && el.scrollWidth <= el.clientWidth + 1)).toBe(true);
    const [box, map] = [await status.boundingBox(), await page.locator('.graph-wrap').boundingBox()];
    expect(box!.y + box!.height).toBeLessThanOrEqual(map!.y + map!.height);
    expect(box!.x + box!.width).toBeLessThanOrEqual(map!.x + map!.width);
    // it can be closed; the live region stays for the next message
    await page.getByRole('button', { name: 'Luk beskeden' }).click();
    await expect(page.locator('.status-line')).toHaveText('');
    await page.keyboard.press('Control+z');
    await expect(page.locator('#system-select option', { hasText: 'AULA' })).toHaveCount(1);
    // nor does a system with a long name, chosen, with the message its adding leaves
    await page.getByRole('button', { name: 'Tilføj it-system' }).click();
    await page.locator('#system-name').fill('Kommunernes Pensionssystem og ydelsesrefusion (KP)');
    await page.getByRole('button', { name: 'Tilføj', exact: true }).click();
    await expect(page.locator('#system-select option:checked')).toContainText('Kommunernes Pensionssystem og ydelsesrefusion (KP)');
    expect(await rowsOfControls(m)).toBe(1);
    // a search with many hits says how many, and where Enter went, without a second row or the map moving down
    const mapTop = async () => (await page.locator('.graph-wrap').boundingBox())!.y;
    const before = await mapTop();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('/');
    await expect(m.search).toBeFocused();
    await page.keyboard.type('sikker');
    const count = page.locator('#role-search-count');
    await expect(count).toHaveText(/^\d+ roller fundet$/);
    expect(await rowsOfControls(m)).toBe(1);
    expect(await mapTop()).toBe(before);
    // Enter goes first to the role whose name matches
    await page.keyboard.press('Enter');
    await expect(count).toHaveText(/^\d+ roller fundet: 1 af \d+, Sikkerhedsansvarlig$/);
    expect(await rowsOfControls(m)).toBe(1);
    expect(await mapTop()).toBe(before);
    // the longest it gets is read whole, inside the window, and stays a live status
    await page.keyboard.press('ArrowDown');
    await expect(count).toHaveText(/: 2 af \d+, /);
    expect(await rowsOfControls(m)).toBe(1);
    expect(await mapTop()).toBe(before);
    await expect(count).toHaveAttribute('role', 'status');
    await expect(count).toBeVisible();
    const hint = (await count.boundingBox())!;
    expect(hint.x + hint.width).toBeLessThanOrEqual(size.width);
    expect(await count.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
    await m.screenshot(`${size.name}-toolbar-search`);
  });
}

for (const size of [
  { name: '1920x1080', width: 1920, height: 1080 },
  { name: '1366x768', width: 1366, height: 768 },
]) {
  test(`at ${size.name} no text in the side panel's four tabs runs past its box or makes the panel scroll sideways`, async ({ page }) => {
    await page.setViewportSize(size);
    const m = new MapPage(page);
    await m.open();
    await m.settle();
    // the longest name a person can have, without a space, held by a role and shown in its details
    const w = new WorkspacePage(page);
    const long = 'X'.repeat(200);
    await w.addPerson(long);
    await w.person(long).dragTo(w.node('gevinstejer'));
    const status = page.locator('.status-line');
    await expect(status).toContainText('varetager nu Gevinstejer');
    // the message wraps inside its box, and the box stays on the map
    expect(await status.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
    const [note, map] = [(await page.locator('.graph-wrap .status').boundingBox())!, (await page.locator('.graph-wrap').boundingBox())!];
    expect(note.x + note.width).toBeLessThanOrEqual(map.x + map.width);
    await w.person(long).click();
    await w.node('gevinstejer').click({ position: { x: 24, y: 10 } });
    await expect(page.locator('#role-holders')).toContainText(long);
    for (const tab of ['Personer', 'Detaljer', 'Dækning', 'Rundvisninger']) {
      await page.getByRole('tab', { name: tab }).click();
      const overflowing = await page.locator('#side-panel').evaluate((panel) => {
        const out: string[] = [];
        if (panel.scrollWidth > panel.clientWidth + 1) out.push(`the panel: ${panel.scrollWidth} > ${panel.clientWidth}`);
        for (const el of panel.querySelectorAll<HTMLElement>('[role="tabpanel"]:not([hidden]) :is(li, p, h2, h3, label, button, summary)')) {
          if (el.offsetParent === null || el.closest('.sr-only')) continue;
          // cut on purpose, with "…" (the people list)
          if (getComputedStyle(el).textOverflow === 'ellipsis') continue;
          if (el.scrollWidth > el.clientWidth + 1) out.push(`${el.tagName.toLowerCase()} "${el.textContent?.trim().slice(0, 40)}": ${el.scrollWidth} > ${el.clientWidth}`);
        }
        return out;
      });
      expect(overflowing, tab).toEqual([]);
    }
  });
}

test('"Visning" works from the keyboard: Enter opens it, Escape closes it and focus returns, and it counts what is changed', async ({ page }) => {
  const m = new MapPage(page);
  await m.open();
  await m.viewToggle.focus();
  await page.keyboard.press('Enter');
  await expect(m.viewToggle).toHaveAttribute('aria-expanded', 'true');
  await expect(m.phase).toBeFocused();
  await m.phase.selectOption({ label: 'Fase 1: Opstart' });
  await page.keyboard.press('Tab'); // Kolonne
  await page.keyboard.press('Tab'); // Fremhæv SPOC
  await page.keyboard.press('Space');
  await expect(m.spoc).toBeChecked();
  await page.keyboard.press('Escape');
  await expect(m.viewToggle).toHaveAttribute('aria-expanded', 'false');
  await expect(m.viewToggle).toBeFocused();
  await expect(m.phase).toBeHidden();
  // the folded settings still act, and the button says two are changed
  await expect(m.viewToggle).toHaveAccessibleName('Visning, 2 indstillinger ændret');
  await expect(m.node('projektleder')).toHaveAttribute('data-spoc', 'true');
  // a click outside closes it too
  await m.viewToggle.click();
  await expect(m.phase).toBeVisible();
  await page.getByRole('heading', { name: 'Rollekort', level: 1 }).click();
  await expect(m.phase).toBeHidden();
});
