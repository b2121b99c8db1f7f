import { expect, type Page } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { seriousViolations } from './axe';
import { catalogue } from './explorer-page';
import { test } from './fixtures';
import { shippedTours, stepRoles, ToursPage } from './tours-page';
import { handoverRelations, stages, timelineAt } from '../src/domain/timeline/timeline';
import type { Catalogue } from '../src/domain/catalogue';

const SHOTS = 'test-results/screenshots';
mkdirSync(SHOTS, { recursive: true });
const cat = catalogue as unknown as Catalogue;

/**
 * The words of the timeline grid (stage names, role names, marks) that a line break cuts inside:
 * each compound part is its own text node, so a word that spans two lines within one text node
 * was broken in the middle of a part.
 */
const brokenWords = (page: Page) =>
  page.locator('.timeline table').evaluate((table) => {
    const out: string[] = [];
    const walker = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      for (const m of text.matchAll(/[^\s\u00ad-]+-?/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (lines.size > 1) out.push(m[0]);
      }
    }
    return out;
  });

/** How long a role box takes to fade to a new look: a search or a selection on the plain map shows at once. */
const fade = (page: Page) => page.locator('.svelte-flow__node-role .role').first().evaluate((el) => getComputedStyle(el).transitionDuration.split(', ')[0]);

test.describe('guided tours', () => {
  test('plays every built-in tour to the end with the keyboard, then Escape leaves', async ({ page }) => {
    test.setTimeout(90_000);
    const t = new ToursPage(page);
    await t.open();
    await t.openPanel();
    for (const tour of shippedTours) {
      await t.panel.getByRole('button', { name: `Start rundvisningen ${tour.title}` }).press('Enter');
      await expect(t.stepTitle).toBeFocused();
      // the roles fade from step to step, and only while a tour plays (see fade() below)
      await expect.poll(() => fade(page)).toBe('0.4s');
      for (let i = 0; i < tour.steps.length; i++) {
        await t.expectStep(tour, i);
        if (i < tour.steps.length - 1) await page.keyboard.press(i % 2 ? 'Space' : 'ArrowRight');
      }
      // at the end, forward stays put and back goes back
      await page.keyboard.press('ArrowRight');
      await expect(t.player).toHaveAttribute('data-step', String(tour.steps.length));
      await page.keyboard.press('ArrowLeft');
      await expect(t.player).toHaveAttribute('data-step', String(tour.steps.length - 1));
      await page.keyboard.press('Escape');
      await expect(t.player).toHaveCount(0);
      await expect(page).not.toHaveURL(/rundvisning=/);
      await expect.poll(() => page.locator('.svelte-flow__node-role[data-focus="false"]').count()).toBe(0);
      await expect.poll(() => fade(page)).toBe('0s');
    }
  });

  test('opens a step from a link, with the camera on its roles; a stale link says so and does not crash', async ({ page }) => {
    const t = new ToursPage(page);
    const tour = shippedTours.find((x) => x.id === 'den-faelleskommunale-infrastruktur')!;
    await t.open(`?rundvisning=${tour.id}&trin=4`);
    await t.expectStep(tour, 3);
    await t.settle();
    const shown = new Set(stepRoles(tour.steps[3]!));
    expect((await t.outOfView()).filter((id) => shown.has(id))).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 720 });
    await t.settle();
    await page.screenshot({ path: `${SHOTS}/tour-step-1280x720.png` });
    await page.setViewportSize({ width: 1366, height: 768 });
    await t.settle();
    await page.screenshot({ path: `${SHOTS}/tour-step-1366x768.png` });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await t.settle();
    await page.screenshot({ path: `${SHOTS}/tour-step-1920x1080.png` });
    expect(await seriousViolations(page)).toEqual([]);

    // under reduced motion the camera jumps to the next step instead of gliding: one new transform, no frames between
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const transforms = await page.evaluate(async () => {
      const vp = document.querySelector<HTMLElement>('.svelte-flow__viewport')!;
      const seen = new Set([vp.style.transform]);
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight' }));
      const end = performance.now() + 700;
      while (performance.now() < end) {
        await new Promise(requestAnimationFrame);
        seen.add(vp.style.transform);
      }
      return seen.size;
    });
    await t.expectStep(tour, 4);
    expect(transforms).toBe(2);

    await t.open('?rundvisning=findes-ikke&trin=2');
    await expect(t.player.getByRole('alert')).toContainText('»findes-ikke«');
    await t.player.getByRole('button', { name: 'Tilbage til kortet' }).click();
    await expect(t.player).toHaveCount(0);
  });
});

test.describe('phase timeline', () => {
  test("the source's footnote markers show as superscripts, never as '^', in the timeline, a tour and the rollekatalog", async ({ page }) => {
    await page.goto('/?visning=tidslinje&fase=fase-1-opstart');
    await page.locator('tr[data-role="projektleder"] td.current button').click();
    const source = page.locator('#timeline-source');
    await expect(source).toContainText('kontaktperson (SPOC');
    await expect(source.locator('sup', { hasText: 'y' })).toHaveCount(1);
    await expect(source).not.toContainText('^');
    await page.goto('/?rundvisning=fra-projekt-til-drift&trin=6');
    const quotes = page.locator('.tour blockquote');
    await expect(quotes.first()).toBeVisible();
    await expect(quotes.locator('sup', { hasText: 'y' })).not.toHaveCount(0);
    await expect(page.locator('.tour')).not.toContainText('^');
    await page.goto('/?visning=rollekatalog');
    await page.getByRole('navigation', { name: 'Trin i Bilag 1' }).getByRole('button').nth(1).click();
    await expect(page.locator('main sup', { hasText: 'v' }).first()).toBeVisible();
    await expect(page.locator('main')).not.toContainText('^');
  });

  test('the scrubber steps through the stages, and the map, SPOC marks and handovers follow', async ({ page }) => {
    const t = new ToursPage(page);
    await page.goto('/?visning=tidslinje');
    await expect(page.getByRole('link', { name: 'Tidslinje' })).toHaveAttribute('aria-current', 'page');
    const slider = page.getByRole('slider', { name: 'Fase' });
    await slider.focus();
    const list = stages(cat);
    for (let i = 0; i < list.length; i++) {
      const stage = list[i]!;
      if (i > 0) await page.keyboard.press('ArrowRight');
      await expect(page.locator('.timeline')).toHaveAttribute('data-stage', stage.id);
      await expect(page).toHaveURL(new RegExp(`fase=${stage.filterKey}`));
      const states = timelineAt(cat, i);
      const active = [...states].filter(([, s]) => s.active).map(([id]) => id).sort();
      // every role marked active is active on the map, and so is one appointed here with tasks here
      expect([...states].filter(([, s]) => s.mark === 'active').every(([, s]) => s.active)).toBe(true);
      const spoc = [...states].filter(([, s]) => s.spoc.length > 0).map(([id]) => id).sort();
      await expect
        .poll(async () => (await t.roleNodes.evaluateAll((els) => els.filter((e) => e.getAttribute('data-active') === 'true').map((e) => (e as HTMLElement).dataset.id!))).sort())
        .toEqual(active);
      await expect
        .poll(async () => (await t.roleNodes.evaluateAll((els) => els.filter((e) => e.getAttribute('data-spoc') === 'true').map((e) => (e as HTMLElement).dataset.id!))).sort())
        .toEqual(spoc);
      const lit = (await page.locator('.svelte-flow__edge[data-lit="true"]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.id!))).sort();
      expect(lit, stage.id).toEqual(handoverRelations(cat, i).sort());
    }
    // at phase 4 the grid says who hands over to whom, and a mark opens its sentence
    await page.getByRole('button', { name: 'Fase 4: Forankring', exact: true }).click();
    const mark = page.locator('tr[data-role="projektejer"] td.current button');
    await expect(mark).toHaveText('→ Systemejer');
    await expect(mark).toHaveAccessibleName(/Projektejer, Fase 4: Forankring: bliver Systemejer \(it-systemet\)/);
    await mark.click();
    await expect(page.locator('#timeline-source')).toContainText('Rollen som Projektejer veksles til rollen som Systemejer');
    expect(await seriousViolations(page)).toEqual([]);
    for (const [w, h] of [[1280, 720], [1366, 768], [1920, 1080]] as const) {
      await page.setViewportSize({ width: w, height: h });
      await t.settle();
      await page.screenshot({ path: `${SHOTS}/timeline-${w}x${h}.png` });
      // long words break between the parts of a compound, with a hyphen, or after a hyphen of their own; never inside a part
      expect(await brokenWords(page), `${w}x${h}`).toEqual([]);
    }
    // play runs to the end by itself
    await page.getByRole('button', { name: '◀ Forrige' }).click();
    await page.getByRole('button', { name: '▶ Afspil' }).click();
    await expect(page.locator('.timeline')).toHaveAttribute('data-stage', 'i-drift', { timeout: 10_000 });
  });
});

test.describe('presenting', () => {
  test('full screen at 1280×720: large type, high contrast, a pointer trail, people on or off, and the speaker window in step', async ({ page, context }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    const t = new ToursPage(page);
    const tour = shippedTours[0]!;
    await t.open(`?rundvisning=${tour.id}&trin=3`);
    await t.expectStep(tour, 2);

    const speakerOpened = context.waitForEvent('page');
    await t.player.getByRole('button', { name: 'Talerens visning' }).click();
    const speaker = await speakerOpened;
    await expect(speaker.getByRole('heading', { name: `Nu: ${tour.steps[2]!.title}` })).toBeVisible();
    await expect(speaker.getByRole('heading', { name: `Næste: ${tour.steps[3]!.title}` })).toBeVisible();
    await speaker.getByRole('button', { name: 'Næste ▶' }).click();
    await t.expectStep(tour, 3);
    await expect(speaker.getByRole('heading', { name: `Nu: ${tour.steps[3]!.title}` })).toBeVisible();

    await t.player.getByRole('button', { name: 'Præsentér' }).click();
    await expect.poll(() => page.evaluate(() => document.fullscreenElement?.classList.contains('stage') ?? false)).toBe(true);
    // only the map and the step are on screen: no toolbar, panels or workspace bar
    const chrome = await page.evaluate(() => {
      const fs = document.fullscreenElement!;
      const box = fs.getBoundingClientRect();
      const editing = ['.controls', '#side-panel', 'header'].filter((sel) => fs.contains(document.querySelector(sel)));
      return { w: box.width, h: box.height, editing };
    });
    expect(chrome).toEqual({ w: 1280, h: 720, editing: [] });
    await t.settle();
    const textSize = await t.player.locator('[data-step-text]').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(textSize).toBeGreaterThanOrEqual(28);
    expect(await t.smallestName()).toBeGreaterThanOrEqual(18);
    await page.screenshot({ path: `${SHOTS}/presenting-1280x720.png` });
    expect(await seriousViolations(page)).toEqual([]);

    // the pointer leaves a trail that fades
    const box = (await page.locator('.stage').boundingBox())!;
    await page.mouse.move(box.x + 200, box.y + 200);
    await page.mouse.move(box.x + 440, box.y + 280, { steps: 12 });
    const inked = () => page.locator('[data-trail]').evaluate((c) => {
      const canvas = c as HTMLCanvasElement;
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
      return n;
    });
    expect(await inked()).toBeGreaterThan(100);
    await expect.poll(inked, { timeout: 3000 }).toBe(0);

    // the bare gallery, or the municipality's people
    await expect.poll(() => page.locator('[data-chip-name]').count()).toBeGreaterThan(0);
    await t.player.getByRole('button', { name: 'Skjul personer' }).click();
    await expect(page.locator('[data-chip-name]')).toHaveCount(0);
    await t.player.getByRole('button', { name: 'Vis personer' }).click();

    await page.keyboard.press('ArrowRight');
    await t.expectStep(tour, 4);
    await expect(speaker.getByRole('heading', { name: `Nu: ${tour.steps[4]!.title}` })).toBeVisible();
    // a presentation clicker sends PageDown and PageUp, to either window
    await page.keyboard.press('PageUp');
    await t.expectStep(tour, 3);
    await speaker.keyboard.press('PageDown');
    await t.expectStep(tour, 4);
    await page.keyboard.press('PageDown');
    await t.expectStep(tour, 5);
    await page.keyboard.press('PageUp');
    await t.expectStep(tour, 4);
    await t.player.getByRole('button', { name: 'Afslut præsentation' }).click();
    await expect.poll(() => page.evaluate(() => document.fullscreenElement === null)).toBe(true);

    // ending the tour while presenting ends the presentation too, and focus goes back to the tours
    await t.player.getByRole('button', { name: 'Præsentér' }).click();
    await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
    await t.player.getByRole('button', { name: 'Afslut rundvisning' }).click();
    await expect(t.player).toHaveCount(0);
    await expect.poll(() => page.evaluate(() => document.fullscreenElement === null)).toBe(true);
    expect(await page.evaluate(() => document.activeElement !== document.body && document.activeElement !== null)).toBe(true);
  });
});

test.describe('presenting after editing', () => {
  test('a message from editing is read out but not shown to the audience', async ({ page }) => {
    const t = new ToursPage(page);
    await t.open();
    await page.getByRole('list', { name: 'Personer' }).locator('li[draggable="true"]', { hasText: 'Bo Madsen' }).getByRole('button').click();
    await page.getByRole('button', { name: 'Fjern person' }).click();
    const message = page.locator('[data-status-message]');
    await expect(message).toContainText('er fjernet');
    expect((await message.boundingBox())!.width).toBeGreaterThan(100);
    await t.openPanel();
    await t.panel.getByRole('button', { name: `Start rundvisningen ${shippedTours[0]!.title}` }).click();
    await t.player.getByRole('button', { name: 'Præsentér' }).click();
    await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
    await expect.poll(async () => (await message.boundingBox())?.width ?? 0).toBeLessThanOrEqual(1);
    await expect(message.getByRole('status')).toContainText('er fjernet');
    await t.player.getByRole('button', { name: 'Afslut præsentation' }).click();
    await expect.poll(async () => (await message.boundingBox())?.width ?? 0).toBeGreaterThan(100);
  });

  test('presenting, a change of screen size frames the step again', async ({ page }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    const t = new ToursPage(page);
    const tour = shippedTours[0]!;
    await t.open(`?rundvisning=${tour.id}&trin=2`);
    await t.expectStep(tour, 1);
    await t.player.getByRole('button', { name: 'Præsentér' }).click();
    await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
    await t.settle();
    const shown = stepRoles(tour.steps[1]!);
    const cut = async () => (await t.outOfView()).filter((id) => shown.includes(id));
    expect(await cut()).toEqual([]);
    for (const size of [{ width: 1024, height: 600 }, { width: 1920, height: 1080 }]) {
      await page.setViewportSize(size);
      await expect.poll(cut, { message: `${size.width}x${size.height}` }).toEqual([]);
    }
  });
});

test.describe('tour editor', () => {
  test('records three steps, reorders, deletes with undo; the tour survives reload, tour export/import and workspace export', async ({ page }) => {
    test.setTimeout(60_000);
    const t = new ToursPage(page);
    await t.open();
    await expect(page.locator('[data-save-state]')).toHaveAttribute('data-save-state', 'saved');
    await t.openPanel();
    await t.panel.getByLabel('Ny rundvisning').fill('Ejerskab');
    await t.panel.getByRole('button', { name: 'Opret' }).click();
    const add = async (roleId: string, title: string, text: string) => {
      await t.node(roleId).click();
      await t.panel.getByRole('button', { name: 'Tilføj trin' }).click();
      const form = t.panel.getByRole('form', { name: 'Nyt trin' });
      await form.getByLabel('Titel').fill(title);
      await form.getByLabel('Tekst').fill(text);
      await form.getByRole('button', { name: 'Tilføj trinnet' }).click();
      await expect(t.panel.getByRole('status').last()).toContainText(`»${title}« er tilføjet`);
    };
    await add('projektejer', 'Projektejer', 'Ejer projektet.');
    await add('systemejer', 'Systemejer', 'Ejer systemet.');
    await t.viewOptions();
    await t.phase.selectOption('fase-4-forankring');
    await t.page.keyboard.press('Escape');
    await add('systemansvarlig', 'Systemansvarlig', 'Står for driften.');
    const steps = t.panel.getByRole('list', { name: 'Trin' }).locator('li');
    await expect(steps).toHaveText([/1\. Projektejer/, /2\. Systemejer/, /3\. Systemansvarlig/]);

    // reorder by keyboard, delete and undo
    await t.panel.getByRole('button', { name: /Flyt trin 3/ }).press('ArrowUp');
    await expect(steps).toHaveText([/1\. Projektejer/, /2\. Systemansvarlig/, /3\. Systemejer/]);
    await expect(t.panel.getByRole('button', { name: /Flyt trin 2: Systemansvarlig/ })).toBeFocused();
    await t.panel.getByRole('button', { name: 'Slet trin 1' }).click();
    await expect(steps).toHaveCount(2);
    await t.panel.getByRole('button', { name: 'Fortryd' }).click();
    await expect(steps).toHaveCount(3);
    // drag the last step to the top and back again
    await t.panel.getByRole('button', { name: /Flyt trin 3/ }).dragTo(steps.nth(0));
    await expect(steps).toHaveText([/1\. Systemejer/, /2\. Projektejer/, /3\. Systemansvarlig/]);
    await t.panel.getByRole('button', { name: /Flyt trin 1/ }).dragTo(steps.nth(2));
    await expect(steps).toHaveText([/1\. Projektejer/, /2\. Systemansvarlig/, /3\. Systemejer/]);
    // edit a step's words, keeping what it shows
    await t.panel.getByRole('button', { name: 'Redigér trin 3' }).click();
    const edit = t.panel.getByRole('form', { name: 'Redigér trin' });
    await edit.getByLabel('Tekst').fill('Ejer it-systemet, når projektet er slut.');
    await edit.getByLabel('Noter til talerens visning').fill('Spørg, hvem der er systemejer i dag.');
    expect(await seriousViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.screenshot({ path: `${SHOTS}/tour-editor-1366x768.png` });
    await edit.getByRole('button', { name: 'Gem trin' }).click();
    await expect(t.panel.getByRole('status').last()).toContainText('Trin 3 er gemt');

    // play it: step 2 is the one recorded at phase 4, with its filter
    await t.panel.getByRole('button', { name: 'Start rundvisningen Ejerskab' }).click();
    await expect(t.stepTitle).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(t.stepTitle).toHaveText('Systemansvarlig');
    await t.viewOptions();
    await expect(t.phase).toHaveValue('fase-4-forankring');
    await t.page.keyboard.press('Escape');
    await expect.poll(() => t.litRoles()).toEqual(['systemansvarlig']);

    await expect(page.locator('[data-save-state]')).toHaveAttribute('data-save-state', 'saved');
    await page.reload();
    await expect(t.stepTitle).toHaveText('Systemansvarlig');
    await page.keyboard.press('Escape');
    await t.openPanel();
    await expect(t.panel.locator('li[data-tour-id]', { hasText: 'Ejerskab' })).toContainText('3 trin');

    // alone, as a file
    const download = page.waitForEvent('download');
    await t.panel.getByRole('button', { name: 'Eksportér rundvisningen Ejerskab' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('Ejerskab.rundvisning.json');
    const text = readFileSync((await file.path())!, 'utf8');
    const exported = JSON.parse(text).tour;
    expect(exported.steps.map((s: { title: string }) => s.title)).toEqual(['Projektejer', 'Systemansvarlig', 'Systemejer']);
    expect(exported.steps[2]).toMatchObject({ text: 'Ejer it-systemet, når projektet er slut.', notes: 'Spørg, hvem der er systemejer i dag.', roles: ['systemejer'], camera: { kind: 'viewport' } });
    expect(exported.steps[0].notes).toBeUndefined();
    expect(exported.steps[1]).toMatchObject({ roles: ['systemansvarlig'], phase: 'fase-4-forankring' });
    await t.panel.getByRole('button', { name: 'Slet rundvisningen Ejerskab' }).click();
    await expect(t.panel.locator('li[data-tour-id]', { hasText: 'Ejerskab' })).toHaveCount(0);

    // a bad file is refused in Danish and changes nothing
    const bad = JSON.parse(text);
    bad.tour.steps[1].roles = ['borgmester'];
    await t.panel.getByLabel('Importér rundvisning').setInputFiles({ name: 'forkert.rundvisning.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
    await expect(t.panel.getByRole('alert')).toContainText('Trin 2: rollen »borgmester« findes ikke');
    await expect(t.panel.locator('li[data-tour-id]', { hasText: 'Ejerskab' })).toHaveCount(0);

    await t.panel.getByLabel('Importér rundvisning').setInputFiles({ name: 'Ejerskab.rundvisning.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect(t.panel.locator('li[data-tour-id]', { hasText: 'Ejerskab' })).toContainText('3 trin');

    // and inside the workspace's own export
    const wsDownload = page.waitForEvent('download');
    const toggle = page.getByRole('button', { name: 'Handlinger', exact: true });
    await toggle.click();
    await page.getByRole('group', { name: 'Handlinger for arbejdsområdet' }).getByRole('button', { name: 'Eksportér' }).click();
    const ws = JSON.parse(readFileSync((await (await wsDownload).path())!, 'utf8'));
    expect(ws.version).toBe(2);
    expect(ws.workspace.tours.map((x: { title: string; steps: unknown[] }) => [x.title, x.steps.length])).toEqual([['Ejerskab', 3]]);
    // the workspace file imports again as a new workspace, tour and all
    ws.workspace.name = 'Kopi med rundvisning';
    await page.getByLabel('Importér', { exact: true }).setInputFiles({ name: 'kopi.rollekort.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(ws)) });
    await expect(page.getByLabel('Arbejdsområde', { exact: true }).locator('option:checked')).toHaveText('Kopi med rundvisning');
    await expect(t.panel.locator('li[data-tour-id]', { hasText: 'Ejerskab' })).toContainText('3 trin');
  });
});

test('a tour step names what it shows', () => {
  // guards the page object's own rule against the data it reads
  expect(stepRoles(shippedTours[0]!.steps[2]!)).toEqual(['projektejer', 'projektleder', 'systemansvarlig', 'systemejer']);
});

test.describe('the speaker window', () => {
  test('waits when no tour runs, follows a tour that starts, says when it ends, and follows the next one', async ({ page, context }) => {
    const t = new ToursPage(page);
    await t.open();
    await t.openPanel();
    const tour = shippedTours.find((x) => x.title === 'Den fælleskommunale infrastruktur')!;
    const start = t.panel.getByRole('button', { name: `Start rundvisningen ${tour.title}` });

    // opened before any tour runs, it waits for the main window
    const speaker = await context.newPage();
    await speaker.goto('?visning=taler');
    const status = speaker.getByRole('status');
    await expect(status).toContainText('Venter på hovedvinduet');
    const now = speaker.getByRole('heading', { name: /^Nu: / });
    await expect(now).toHaveCount(0);

    // a tour that starts afterwards is followed from its first step
    await start.click();
    await t.expectStep(tour, 0);
    await expect(speaker.getByRole('heading', { name: `Nu: ${tour.steps[0]!.title}` })).toBeVisible();
    await expect(speaker.locator('[data-speaker-step]')).toHaveText(`${tour.title} · Trin 1 af ${tour.steps.length}`);

    // Escape in the main window ends the tour: the speaker says so and shows no step
    await t.stepTitle.focus();
    await page.keyboard.press('Escape');
    await expect(t.player).toHaveCount(0);
    await expect(status).toHaveText('Rundvisningen er afsluttet. Start en ny rundvisning i hovedvinduet; så følger denne visning med igen.');
    await expect(now).toHaveCount(0);
    await expect(speaker.locator('[data-speaker-step]')).toHaveCount(0);
    await expect(speaker.getByRole('button', { name: 'Næste ▶' })).toHaveCount(0);
    // its arrow keys start nothing
    await speaker.keyboard.press('ArrowRight');
    await expect(speaker.getByRole('heading', { name: 'Talerens visning' })).toBeVisible();
    await expect(t.player).toHaveCount(0);
    await expect(status).toContainText('Rundvisningen er afsluttet.');

    // the next tour is followed again, and stepped from the speaker window
    await start.click();
    await expect(speaker.getByRole('heading', { name: `Nu: ${tour.steps[0]!.title}` })).toBeVisible();
    await expect(status).toHaveText('');
    await speaker.getByRole('button', { name: 'Næste ▶' }).click();
    await t.expectStep(tour, 1);
    await expect(speaker.getByRole('heading', { name: `Nu: ${tour.steps[1]!.title}` })).toBeVisible();

    // »Afslut rundvisning« ends it the same way
    await t.player.getByRole('button', { name: 'Afslut rundvisning' }).click();
    await expect(t.player).toHaveCount(0);
    await expect(status).toContainText('Rundvisningen er afsluttet.');
    await expect(now).toHaveCount(0);

    // the main window closed in the middle of a tour: the speaker says it has ended
    await start.click();
    await expect(speaker.getByRole('heading', { name: `Nu: ${tour.steps[0]!.title}` })).toBeVisible();
    await page.close();
    await expect(status).toContainText('Rundvisningen er afsluttet.');
    await expect(now).toHaveCount(0);
    await speaker.close();
  });
});

test.describe('focus in tours', () => {
  test('leaving a tour with Escape or »Afslut rundvisning« puts focus back on its Start button', async ({ page }) => {
    const t = new ToursPage(page);
    await t.open();
    await t.openPanel();
    const tour = shippedTours[0]!;
    const start = t.panel.getByRole('button', { name: `Start rundvisningen ${tour.title}` });
    await start.press('Enter');
    await expect(t.stepTitle).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(t.player).toHaveCount(0);
    await expect(start).toBeFocused();
    await start.press('Enter');
    await expect(t.stepTitle).toBeFocused();
    await t.player.getByRole('button', { name: 'Afslut rundvisning' }).press('Enter');
    await expect(t.player).toHaveCount(0);
    await expect(start).toBeFocused();
  });

  test('the step form takes focus, checks its title in Danish, numbers the first step 1; deleting a step or a tour focuses »Fortryd«', async ({ page }) => {
    const t = new ToursPage(page);
    await t.open();
    await expect(page.locator('[data-save-state]')).toHaveAttribute('data-save-state', 'saved');
    await t.openPanel();
    await t.panel.getByLabel('Ny rundvisning').fill('Fokus');
    await t.panel.getByRole('button', { name: 'Opret' }).click();
    await t.node('projektejer').click();
    await t.panel.getByRole('button', { name: 'Tilføj trin' }).click();
    const form = t.panel.getByRole('form', { name: 'Nyt trin' });
    const title = form.getByLabel('Titel');
    await expect(title).toBeFocused();
    // an empty title is refused by the browser, in Danish
    await page.keyboard.press('Enter');
    await expect(form).toBeVisible();
    expect(await title.evaluate((el) => (el as HTMLInputElement).validationMessage)).toBe('Giv trinnet en titel.');
    await title.fill('Et');
    await form.getByRole('button', { name: 'Tilføj trinnet' }).click();
    const steps = t.panel.getByRole('list', { name: 'Trin' }).locator('li');
    await expect(steps).toHaveText([/1\. Et/]);
    await expect(t.panel.getByRole('status').last()).toHaveText('Trin 1 »Et« er tilføjet.');
    // the form is gone: focus is back on the button that opened it
    await expect(t.panel.getByRole('button', { name: 'Tilføj trin' })).toBeFocused();
    await t.panel.getByRole('button', { name: 'Slet trin 1' }).press('Enter');
    await expect(steps).toHaveCount(0);
    await expect(t.panel.getByRole('button', { name: 'Fortryd' })).toBeFocused();
    await t.panel.getByRole('button', { name: 'Slet rundvisningen Fokus' }).press('Enter');
    await expect(t.panel.locator('li[data-tour-id]', { hasText: 'Fokus' })).toHaveCount(0);
    await expect(t.panel.getByRole('button', { name: 'Fortryd' })).toBeFocused();
  });

  test("a tour's title and audience are saved as they are typed, and an empty title is refused when the field is left", async ({ page }) => {
    const t = new ToursPage(page);
    await t.open();
    const saveState = page.locator('[data-save-state]');
    await expect(saveState).toHaveAttribute('data-save-state', 'saved');
    await t.openPanel();
    await t.panel.getByLabel('Ny rundvisning').fill('Udkast');
    await t.panel.getByRole('button', { name: 'Opret' }).click();
    // a new tour opens in the editor
    await expect(t.panel.getByRole('button', { name: 'Redigér rundvisningen Udkast' })).toHaveAttribute('aria-expanded', 'true');
    const title = t.panel.getByLabel('Titel', { exact: true });
    await title.fill('');
    await title.pressSequentially('Overdragelse i ');
    // a title still being typed (ending in a space) waits: "Gemmer …", not "saved"
    await page.waitForTimeout(1500);
    await expect(saveState).toHaveAttribute('data-save-state', 'saving');
    await title.pressSequentially('praksis');
    await expect(saveState).toHaveAttribute('data-save-state', 'saved');
    await expect(title).toBeFocused();
    await t.panel.getByLabel('Målgruppe').pressSequentially('Systemejere');
    await expect(saveState).toHaveAttribute('data-save-state', 'saved');
    await page.reload();
    await t.openPanel();
    await expect(t.panel.locator('li[data-tour-id]', { hasText: 'Overdragelse i praksis' })).toContainText('Systemejere');
    // emptied and left: the old title comes back, and the editor says why
    await t.panel.getByRole('button', { name: 'Redigér rundvisningen Overdragelse i praksis' }).click();
    await title.fill('');
    await title.press('Tab');
    await expect(title).toHaveValue('Overdragelse i praksis');
    await expect(t.panel.getByRole('status').last()).toHaveText('En rundvisning skal have en titel; den gamle er beholdt.');
    await expect(saveState).toHaveAttribute('data-save-state', 'saved');
  });
});
