import type { Page } from '@playwright/test';
import { seriousViolations } from './axe';
import { downloaded, pdfPages, unzipText, xmlText } from './documents';
import { expect, test } from './fixtures';
import { WorkspacePage } from './workspace-page';

const SAPA_TASK = 'Koordinerer med Udbetaling Danmark om SAPA-snitflader';

/**
 * The print dialog cannot be driven in a headless browser (window.print() there holds the page,
 * and page.pdf() then fails), so it is recorded instead; page.pdf() prints with the same stylesheet.
 */
async function recordPrint(page: Page) {
  await page.addInitScript(() => {
    window.print = () => {
      (window as unknown as { __printed: number }).__printed = ((window as unknown as { __printed?: number }).__printed ?? 0) + 1;
    };
  });
}
const printed = (page: Page) => page.evaluate(() => (window as unknown as { __printed?: number }).__printed ?? 0);

async function openCatalogue(page: Page) {
  await recordPrint(page);
  const ws = new WorkspacePage(page);
  await ws.open('?visning=rollekatalog');
  await expect(page.getByRole('heading', { name: 'Rollekatalog', level: 2 })).toBeVisible();
  await page.getByRole('combobox', { name: 'It-system' }).selectOption({ label: 'SAPA' });
  return ws;
}

const step = (page: Page, n: number) => page.getByRole('navigation', { name: 'Trin i Bilag 1' }).getByRole('button').nth(n - 1);
const markDone = (page: Page) => page.getByLabel('Trinnet er færdigt').check();

async function download(page: Page, button: string) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button, exact: true }).click()]);
  return { name: file.suggestedFilename(), bytes: await downloaded(file) };
}

test('builds the SAPA catalogue through the six Bilag 1 steps, keeps it after a reload, and exports Word, CSV, Excel and a print', async ({ page }) => {
  const ws = await openCatalogue(page);
  const nav = page.getByRole('navigation', { name: 'Visninger' });
  await expect(nav.getByRole('link', { name: 'Rollekatalog' })).toHaveAttribute('aria-current', 'page');

  // 1: relevant roles; a cross-cutting role joins the catalogue
  await expect(page.getByText(/Tag stilling til hvilke systemspecifikke og tværgående roller/)).toBeVisible();
  await page.locator('[data-relevant="it-arkitekt"]').check();
  await markDone(page);
  await expect(page.locator('[data-system-progress="s-sapa"]')).toHaveText('SAPA: 1 af 6 trin');
  expect(await seriousViolations(page)).toEqual([]);

  // 2: SPOC per stage, as a timeline that follows the source until a choice is made
  await step(page, 2).click();
  await expect(page.locator('[data-stage="fase-1-opstart"]')).toHaveAttribute('data-spoc', 'projektleder');
  await expect(page.locator('[data-stage="fase-4-forankring"]')).toHaveAttribute('data-spoc', 'systemansvarlig');
  await page.locator('[data-stage="opvarmningsperiode"]').getByLabel('SPOC').selectOption({ label: 'Projektejer' });
  await expect(page.locator('[data-stage="opvarmningsperiode"]')).toHaveAttribute('data-spoc', 'projektejer');
  expect(await seriousViolations(page)).toEqual([]);
  await markDone(page);

  // 3: tailoring a system-specific role; a cross-cutting one is locked and says why
  await step(page, 3).click();
  await page.getByRole('combobox', { name: 'Rolle', exact: true }).selectOption({ label: 'Projektleder' });
  await page.locator('[data-tailor="tasksAddition"]').fill(SAPA_TASK);
  await page.locator('[data-tailor="tasksAddition"]').press('Tab');
  await expect(page.getByRole('status').filter({ hasText: 'Tilpasningen af Projektleder er gemt' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Rolle', exact: true }).selectOption({ label: 'It-arkitekt (tværgående, låst)' });
  await expect(page.locator('[data-locked="it-arkitekt"]')).toContainText('Der kan ikke ændres i navn og beskrivelser af tværgående roller.');
  await expect(page.locator('[data-tailor]')).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);

  // 4: a KLIK task linked to roles
  await step(page, 4).click();
  await page.getByLabel('Titel').fill('Tilslut SAPA til Fordelingskomponenten');
  await page.getByLabel('Frist').fill('2027-03-01');
  await page.locator('[data-link="perform"]').selectOption(['projektleder']);
  await page.locator('[data-link="answer"]').selectOption(['systemejer']);
  await page.getByRole('button', { name: 'Tilføj KLIK-opgave' }).click();
  await expect(page.locator('[data-klik]')).toContainText('Udfører: Projektleder');
  // deleting is undone with Ctrl+Z
  await page.getByRole('button', { name: 'Slet Tilslut SAPA til Fordelingskomponenten' }).click();
  await expect(page.locator('[data-klik]')).toHaveCount(0);
  await page.locator('body').press('Control+z');
  await expect(page.locator('[data-klik]')).toContainText('Ansvarlig: Systemejer (it-systemet)');
  expect(await seriousViolations(page)).toEqual([]);

  // 5: timing, what is obligatory when, deputy
  await step(page, 5).click();
  await expect(page.locator('[data-timing="projektleder"] [data-obligatory]')).toHaveAttribute('data-obligatory', 'fase-1-opstart fase-2-forberedelse fase-3-ibrugtagning');
  await page.getByLabel('Systemejer (it-systemet): stedfortræder').selectOption({ label: 'Hassan Ali' });
  expect(await seriousViolations(page)).toEqual([]);

  // 6: handover
  await step(page, 6).click();
  await page.locator('[data-handover="ownerContinues"]').getByLabel('Ja').check();
  await markDone(page);
  await expect(page.locator('[data-system-progress="s-sapa"]')).toHaveText('SAPA: 3 af 6 trin');
  expect(await seriousViolations(page)).toEqual([]);
  await ws.saved();

  // all of it is stored with the workspace
  await page.reload();
  await page.getByRole('combobox', { name: 'It-system' }).selectOption({ label: 'SAPA' });
  await expect(page.locator('[data-system-progress="s-sapa"]')).toHaveText('SAPA: 3 af 6 trin');
  await step(page, 3).click();
  await page.getByRole('combobox', { name: 'Rolle', exact: true }).selectOption({ label: 'Projektleder' });
  await expect(page.locator('[data-tailor="tasksAddition"]')).toHaveValue(SAPA_TASK);

  // Word: roles, holders, the SPOC timeline, the tailored text, real headings and the map picture
  const docx = await download(page, 'Word (.docx)');
  expect(docx.name).toBe('Eksempel Kommune - Rollekatalog SAPA.docx');
  // the button keeps focus through the export (it is never disabled under the keyboard)
  await expect(page.getByRole('status').filter({ hasText: 'Word-dokumentet er klar' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Word (.docx)', exact: true })).toBeFocused();
  const parts = unzipText(docx.bytes);
  const xml = parts['word/document.xml']!;
  const text = xmlText(xml);
  expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
  expect(xml).toContain('<w:pStyle w:val="Heading2"/>');
  for (const name of ['Projektejer', 'Projektleder', 'Systemejer (it-systemet)', 'Systemansvarlig (it-systemet)', 'It-arkitekt']) expect(text).toContain(name);
  expect(text).toContain('Lars Friis'); // Systemejer for SAPA
  expect(text).toContain('Hassan Ali'); // Systemansvarlig, and deputy
  expect(text).toContain('SPOC-tidslinje');
  expect(text).toMatch(/Opvarmningsperiode\s*Projektejer/);
  expect(text).toContain(`Tilpasset for SAPA: ${SAPA_TASK}`);
  expect(text).toContain('Tilslut SAPA til Fordelingskomponenten');
  expect(text).toContain('Rollegalleri');
  expect(Object.keys(parts).some((p) => /^word\/media\/.+\.png$/.test(p))).toBe(true);
  expect(Object.values(parts).join('')).toMatch(/PAGE/);

  // CSV: BOM, one row per role and holder; a name never turns into a formula
  const csv = await download(page, 'Roller og personer, alle it-systemer (.csv)');
  expect([...csv.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csvText = new TextDecoder('utf-8', { ignoreBOM: true }).decode(csv.bytes);
  expect(csvText.charCodeAt(0)).toBe(0xfeff);
  const lines = csvText.slice(1).trimEnd().split('\r\n');
  expect(lines[0]).toBe('Rolle;Gruppe;Person;E-mail;Enhed;It-system;Udpeges i;Status;SPOC');
  expect(lines).toContain('Systemejer (it-systemet);Systemspecifikke roller;Lars Friis;;Borgerservice;SAPA;Fase 2: Forberedelse;Udpeget;');
  expect(lines).toContain('Projektleder;Systemspecifikke roller;;;;SAPA;Fase 1: Opstart;Mangler;"Fase 1: Opstart; Fase 2: Forberedelse; Fase 3: Ibrugtagning"');

  // Excel: a sheet per system and one for the municipality
  const xlsx = await download(page, 'Roller og personer, alle it-systemer (.xlsx)');
  const book = unzipText(xlsx.bytes);
  expect([...book['xl/workbook.xml']!.matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1])).toEqual(['AULA', 'SAPA', 'BBR', 'Hele kommunen']);
  const sapaSheet = book['xl/worksheets/sheet2.xml']!;
  expect(sapaSheet).toContain('>Lars Friis<');
  expect(sapaSheet).toContain('>It-arkitekt<');
  expect(book['xl/worksheets/sheet4.xml']).toContain('>Frederik Berg<');

  // Print: A4, the cover first, then each role on a page of its own, the map on a landscape page
  await page.getByRole('button', { name: 'Udskriv', exact: true }).click();
  await expect.poll(() => printed(page)).toBe(1);
  const pages = await pdfPages(await page.pdf({ preferCSSPageSize: true }));
  expect(pages[0]!.text).toContain('Rollekatalog for SAPA');
  const all = pages.map((p) => p.text).join(' ');
  expect(all).toContain(SAPA_TASK);
  expect(all).not.toContain('Nulstil layout');
  const roleNames = ['Projektejer', 'Projektleder', 'Gevinstejer', 'Systemejer (it-systemet)', 'It-arkitekt'];
  for (const name of roleNames) expect(pages.some((p) => p.text.trimStart().startsWith(name)), `a page starting with ${name}`).toBe(true);
  const landscape = pages.filter((p) => p.width > p.height);
  expect(landscape).toHaveLength(1);
  expect(landscape[0]!.text).toContain('Signaturforklaring');
  expect(pages.every((p) => Math.round(Math.min(p.width, p.height)) === 595)).toBe(true);
  // the map closes the print; the source closes the overview page rather than a page of its own
  expect(pages.at(-1)).toBe(landscape[0]);
  const sourcePage = pages.findIndex((p) => p.text.includes('gengivet ordret fra kilden'));
  expect(sourcePage).toBeGreaterThan(0);
  expect(sourcePage).toBeLessThan(pages.findIndex((p) => p.text.trimStart().startsWith('Projektejer')));
  expect(pages.filter((p) => p.text.trim().length < 200).map((p) => p.text)).toEqual([]);
});

test('text typed into a tailoring field or the handover note is saved without leaving the field, and is there after a reload', async ({ page }) => {
  const ws = await openCatalogue(page);
  await ws.saved();
  await step(page, 3).click();
  await page.getByRole('combobox', { name: 'Rolle', exact: true }).selectOption({ label: 'Projektleder' });
  const field = page.locator('[data-tailor="responsibilitiesAddition"]');
  await field.click();
  await page.keyboard.type('Skrevet, men ikke forladt');
  // until it is stored the header does not say that everything is saved
  await expect(page.locator('[data-save-state]')).toHaveAttribute('data-save-state', 'saving');
  await expect(field).toBeFocused();
  await ws.saved();
  await expect(field).toBeFocused();
  await step(page, 6).click();
  await page.getByLabel('Bemærkning til overdragelsen').click();
  await page.keyboard.type('Overdrages i marts');
  await ws.saved();
  await page.reload();
  await page.getByRole('combobox', { name: 'It-system' }).selectOption({ label: 'SAPA' });
  await step(page, 3).click();
  await page.getByRole('combobox', { name: 'Rolle', exact: true }).selectOption({ label: 'Projektleder' });
  await expect(page.locator('[data-tailor="responsibilitiesAddition"]')).toHaveValue('Skrevet, men ikke forladt');
  await step(page, 6).click();
  await expect(page.getByLabel('Bemærkning til overdragelsen')).toHaveValue('Overdrages i marts');
});

test('the role cards print 32 A6 cards, four to each of 8 A4 pages', async ({ page }) => {
  await openCatalogue(page);
  await page.getByRole('button', { name: 'Udskriv rollekort til workshop' }).click();
  await expect.poll(() => printed(page)).toBe(1);
  // the print area is in the page while printing (page.pdf() ends it, as a real print does)
  await expect(page.locator('[data-card]')).toHaveCount(32);
  const names = await page.locator('[data-card] h2').allTextContents();
  const ids = new Set(await page.locator('[data-card]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-card'))));
  const pages = await pdfPages(await page.pdf({ preferCSSPageSize: true }));
  expect(pages).toHaveLength(8);
  expect(ids.size).toBe(32);
  await expect(page.locator('[data-card]')).toHaveCount(0);
  for (const p of pages) {
    expect(p.text.match(/Nøgleopgaver/g)).toHaveLength(4);
    // every card keeps its blank lines for names: nothing is cut off at the bottom
    expect(p.text.match(/Navne:/g)).toHaveLength(4);
  }
  // every role once (names may wrap on a card, so spaces are not compared)
  const text = pages.map((p) => p.text).join(' ').replace(/\s+/g, '');
  for (const name of names) expect(text).toContain(name.replace(/\s+/g, ''));
  expect(names).toContain('Klassifikations-/sortimentsadministrator');
  // the source's footnote markers print as superscript letters, never as "^"
  expect(text).not.toContain('^');
});

test('the map exports as a true SVG of exactly what is shown, a 2x PNG whose pixels show the edges, and prints alone on a landscape page', async ({ page }) => {
  await recordPrint(page);
  const ws = new WorkspacePage(page);
  // a phase filter, a selected role and a hidden relation type: the picture must show the same
  await ws.open('?fase=fase-4-forankring&rolle=systemejer&skjul=rapporterer-til');
  await expect(page.locator('.svelte-flow__node-role').first()).toBeVisible();
  const shownRoles = await page.locator('.svelte-flow__node-role').count();
  const shownEdges = await page.locator('.svelte-flow__edge').count();
  expect(shownEdges).toBeGreaterThan(10);

  // Ctrl+P (the browser's own print, here page.pdf()) prints the map alone, on one landscape page
  // (the print area loads when the page is idle after start; wait for it as a user's Ctrl+P would come later)
  await expect.poll(() => page.evaluate(() => performance.getEntriesByType('resource').some((e) => /\/PrintArea-[^/]+\.js$/.test(e.name)))).toBe(true);
  const direct = await pdfPages(await page.pdf({ preferCSSPageSize: true }));
  expect(direct).toHaveLength(1);
  expect(direct[0]!.width).toBeGreaterThan(direct[0]!.height);
  expect(direct[0]!.text).toContain('Signaturforklaring');

  const exportMenu = async (name: string) => {
    await page.getByRole('button', { name: 'Eksportér kortet', exact: true }).click();
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('group', { name: 'Eksportér kortet' }).getByRole('button', { name }).click()]);
    return downloaded(file);
  };
  const svg = new TextDecoder().decode(await exportMenu('Kort som SVG (som vist)'));
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const types = [...doc.querySelectorAll('[data-map-edge]')].map((e) => e.getAttribute('data-map-type'));
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      root: doc.documentElement.localName,
      roles: doc.querySelectorAll('[data-map-role]').length,
      edges: types.length,
      hiddenTypeDrawn: types.includes('rapporterer-til'),
      withMarker: [...doc.querySelectorAll('[data-map-edge]')].every((e) => /^url\(#pil-/.test(e.getAttribute('marker-end') ?? '')),
      strong: doc.querySelectorAll('[data-map-edge][data-map-strength="strong"]').length,
      foreign: doc.querySelectorAll('foreignObject').length,
      legend: doc.querySelectorAll('[data-map-legend-type]').length,
    };
  }, svg);
  expect(parsed).toMatchObject({ error: null, root: 'svg', roles: shownRoles, edges: shownEdges, hiddenTypeDrawn: false, withMarker: true, foreign: 0, legend: 11 });
  expect(parsed.strong).toBeGreaterThan(0);
  expect(svg).toContain('Fase: Fase 4: Forankring');

  // The PNG: 2x the SVG, and along a relation of the selected role its colour is on the pixels
  const png = await exportMenu('Kort som PNG (som vist)');
  const check = await page.evaluate(
    async ({ pngBytes, text }) => {
      const pixels = async (blob: Blob) => {
        const bitmap = await createImageBitmap(blob);
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(bitmap, 0, 0);
        return { width: bitmap.width, height: bitmap.height, data: ctx.getImageData(0, 0, bitmap.width, bitmap.height).data };
      };
      const exported = await pixels(new Blob([new Uint8Array(pngBytes)], { type: 'image/png' }));
      // the same picture without its relations, drawn the same way (an <img> of the SVG, 2x)
      const bare = text.replace(/<g data-map-edges="">.*?<\/g><g data-map-roles/s, '<g data-map-edges=""></g><g data-map-roles');
      const img = new Image();
      img.src = URL.createObjectURL(new Blob([bare], { type: 'image/svg+xml' }));
      await img.decode();
      const canvas = new OffscreenCanvas(exported.width, exported.height);
      const ctx = canvas.getContext('2d')!;
      ctx.scale(2, 2);
      ctx.drawImage(img, 0, 0, img.naturalWidth, img.naturalHeight);
      const without = ctx.getImageData(0, 0, exported.width, exported.height).data;
      let differ = 0;
      for (let i = 0; i < without.length; i += 4)
        if (Math.abs(without[i]! - exported.data[i]!) + Math.abs(without[i + 1]! - exported.data[i + 1]!) + Math.abs(without[i + 2]! - exported.data[i + 2]!) > 90) differ++;
      return { scale: exported.width / img.naturalWidth, differ, bareHadEdges: bare.includes('data-map-edge="') };
    },
    { pngBytes: [...png], text: svg },
  );
  expect(check.bareHadEdges).toBe(false);
  // the relations account for many thousand pixels of the picture
  expect(check.differ).toBeGreaterThan(20_000);
  expect(check.scale).toBe(2);

  // optionally the whole map: every role and relation, whatever the filters
  const whole = new TextDecoder().decode(await exportMenu('Hele kortet som SVG'));
  expect(whole.match(/<g data-map-role="/g)).toHaveLength(32);
  expect(whole.match(/<path data-map-edge="/g)!.length).toBeGreaterThan(shownEdges);

  // Printing the map: one landscape page with the caption and legend, and none of the app around it
  await page.getByRole('button', { name: 'Eksportér kortet', exact: true }).click();
  await page.getByRole('group', { name: 'Eksportér kortet' }).getByRole('button', { name: 'Udskriv kort' }).click();
  await expect.poll(() => printed(page)).toBe(1);
  const pages = await pdfPages(await page.pdf({ preferCSSPageSize: true }));
  expect(pages).toHaveLength(1);
  expect(pages[0]!.width).toBeGreaterThan(pages[0]!.height);
  expect(pages[0]!.text).toContain('Signaturforklaring');
  expect(pages[0]!.text).toContain('It-system: AULA');
  expect(pages[0]!.text).not.toContain('Nulstil layout');
});

test('step 4: an empty KLIK title is refused in Danish, and deleting a task leaves focus in the list', async ({ page }) => {
  await openCatalogue(page);
  await step(page, 4).click();
  const title = page.getByLabel('Titel');
  await page.getByRole('button', { name: 'Tilføj KLIK-opgave' }).click();
  await expect(page.locator('[data-klik]')).toHaveCount(0);
  expect(await title.evaluate((el) => (el as HTMLInputElement).validationMessage)).toBe('Giv KLIK-opgaven en titel.');
  for (const name of ['Første opgave', 'Anden opgave']) {
    await title.fill(name);
    await page.locator('[data-link="perform"]').selectOption(['projektleder']);
    await page.getByRole('button', { name: 'Tilføj KLIK-opgave' }).click();
    await expect(page.locator('[data-klik]', { hasText: name })).toHaveCount(1);
  }
  // the deleted task's button is gone: focus moves to the next task's, and with none left, to the list's heading
  await page.getByRole('button', { name: 'Slet Første opgave' }).press('Enter');
  await expect(page.locator('[data-klik]')).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Slet Anden opgave' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-klik]')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'KLIK-opgaver for SAPA (0)' })).toBeFocused();
});
