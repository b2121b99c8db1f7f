import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { seriousViolations } from './axe';
import { test, expect } from './fixtures';
import { WorkspacePage } from './workspace-page';
import { connectClient, settled, startSyncServer, syncPortFor } from '../server/testing.mjs';

// Live workshops against a real sync server (`node server/main.mjs`), started here on the
// port the preview server proxies /sync to (playwright.config.ts), so the app reaches it
// under its own origin exactly as behind the README's reverse proxy.
const SYNC_PORT = syncPortFor(Number(process.env.PW_PORT ?? 4173));
// What Chromium logs when a WebSocket cannot reach the server (it is stopped on purpose).
const SOCKET_ERRORS = [/WebSocket connection to .*\/sync.* failed/];

type Server = Awaited<ReturnType<typeof startSyncServer>>;
let server: Server;
let dataDir: string;
const contexts: BrowserContext[] = [];

test.describe.configure({ mode: 'serial' });
test.use({ expectedConsoleErrors: SOCKET_ERRORS });

test.beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'rollekort-live-e2e-'));
  server = await startSyncServer({ dataDir, port: SYNC_PORT });
});

test.afterAll(async () => {
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

test.afterEach(async () => {
  for (const c of contexts.splice(0)) await c.close();
});

/** Another participant: a browser context of its own, with console errors and CSP violations collected. */
async function participant(browser: Browser, errors: string[]): Promise<{ page: Page; w: WorkspacePage; context: BrowserContext }> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, serviceWorkers: 'block' });
  contexts.push(context);
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !SOCKET_ERRORS.some((re) => re.test(msg.text()))) errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`csp: ${e.effectiveDirective} blocked ${e.blockedURI}`));
  });
  return { page, w: new WorkspacePage(page), context };
}

const liveState = (page: Page) => page.locator('[data-live-text]');

/** The facilitator shares the open workspace; returns the two links. */
async function shareWorkspace(page: Page, name: string) {
  const w = new WorkspacePage(page);
  await w.workspaceAction('Del arbejdsområde …');
  const dialog = page.getByRole('dialog', { name: 'Del arbejdsområde' });
  await dialog.getByLabel('Dit navn (vises for de andre)').fill(name);
  await expect(dialog.getByLabel('Serverens adresse')).toHaveValue('/sync');
  await dialog.getByRole('button', { name: 'Del', exact: true }).click();
  await expect(dialog.getByLabel('Link til at redigere')).toBeFocused();
  const edit = await dialog.getByLabel('Link til at redigere').inputValue();
  const read = await dialog.getByLabel('Link kun til at se').inputValue();
  await expect(liveState(page)).toHaveText('Forbundet');
  return { dialog, edit, read };
}

/** Opens a share link in a participant's page and gives their name when asked. */
async function joinRoom(page: Page, link: string, name: string) {
  await page.goto(link);
  // asked for their name first, with the keyboard in the field; once given, focus stays on the live line
  await expect(page.getByLabel('Hvad hedder du? De andre ser dit navn.')).toBeFocused();
  const self = page.getByRole('list', { name: 'Forbundne personer' }).getByRole('listitem').first();
  await expect(self).toHaveText('Dig');
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Gem navn' })).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('[aria-label="Live samarbejde"]'))).toBe(true);
  await expect(liveState(page)).toHaveText('Forbundet');
  await expect(self).toHaveText(`${name} (dig)`);
  // the secret does not stay in the address bar
  expect(new URL(page.url()).hash).toBe('');
}

/** The facilitator (the test's own page) opens the app and shares the workspace as Anne. */
async function sharedRoom(page: Page) {
  const a = new WorkspacePage(page);
  await a.open();
  const { dialog, edit, read } = await shareWorkspace(page, 'Anne');
  await dialog.getByRole('button', { name: 'Luk' }).click();
  return { a, edit, read };
}

/** Another participant who opens `link` and gives their name. */
async function joined(browser: Browser, errors: string[], link: string, name: string) {
  const them = await participant(browser, errors);
  await joinRoom(them.page, link, name);
  return them;
}

test('two people in one room see each other, their new people and assignments within 1 s', async ({ page, browser }) => {
  const errors: string[] = [];
  const a = new WorkspacePage(page);
  await a.open();
  const { dialog, edit, read } = await shareWorkspace(page, 'Anne Facilitator');
  expect(edit).toMatch(/#server=.*&rum=[\w-]{22}&rediger=[\w-]{43}$/);
  expect(read).toMatch(/&se=[\w-]{43}$/);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/live-share-dialog.png' });
  await dialog.getByRole('button', { name: 'Luk' }).click();

  const { page: pageB, w: b } = await participant(browser, errors);
  await joinRoom(pageB, edit, 'Bo Deltager');
  await expect(page.getByRole('list', { name: 'Forbundne personer' })).toContainText('Bo Deltager');
  await expect(pageB.getByRole('list', { name: 'Forbundne personer' })).toContainText('Anne Facilitator');
  // joining takes the room's name and renames nothing
  await expect(b.workspaceSelect.locator('option:checked')).toHaveText('Eksempel Kommune');
  await expect(a.workspaceSelect.locator('option:checked')).toHaveText('Eksempel Kommune');

  // B adds a person and gives them a role; A sees both within a second
  await b.addPerson('Live Person');
  await expect(a.person('Live Person')).toBeVisible({ timeout: 1000 });
  await b.person('Live Person').dragTo(b.node('gevinstejer'));
  await expect(b.names('gevinstejer')).toHaveText(['Live Person']);
  await expect(a.names('gevinstejer')).toHaveText(['Live Person'], { timeout: 1000 });
  // and the other way round
  await a.addPerson('Anden Person');
  await expect(b.person('Anden Person')).toBeVisible({ timeout: 1000 });

  // the role A selects is marked on B's map
  await a.node('projektleder').click();
  await expect(b.node('projektleder').locator('[data-peer-marker="Anne Facilitator"]')).toBeVisible({ timeout: 1000 });
  await pageB.screenshot({ path: 'test-results/live-participant.png' });
  expect(errors).toEqual([]);
});

test('a read-only link shows the room live but cannot change it', async ({ page, browser }) => {
  const errors: string[] = [];
  const { a, read } = await sharedRoom(page);
  const { page: pageV, w: v } = await joined(browser, errors, read, 'Vera');
  await expect(pageV.getByText('Kun visning')).toBeVisible();
  await expect(v.person('Bo Madsen')).toBeVisible();

  // what the editor does, the viewer sees
  await a.addPerson('Set af Vera');
  await expect(v.person('Set af Vera')).toBeVisible({ timeout: 1000 });

  // the editing buttons are off for the viewer; an edit that gets past them (a drag onto a
  // role) is refused with the reason, and reaches no one
  await expect(pageV.getByRole('button', { name: 'Tilføj person' })).toBeDisabled();
  await expect(pageV.getByRole('button', { name: 'Tilføj it-system' })).toBeDisabled();
  await v.person('Bo Madsen').dragTo(v.node('gevinstejer'));
  await expect(pageV.getByText('Arbejdsområdet er skrivebeskyttet').first()).toBeVisible();
  await expect(v.names('gevinstejer')).not.toContainText(['Bo Madsen']);
  await a.addPerson('Efter Vera');
  await expect(v.person('Efter Vera')).toBeVisible();
  await expect(a.names('gevinstejer')).not.toContainText(['Bo Madsen']);
  // Enter on a person does not open »Tildel rolle« for a viewer; it says why
  await v.person('Bo Madsen').getByRole('button').press('Enter');
  await expect(pageV.getByText('du kan se rollerne, men ikke tildele dem').first()).toBeVisible();
  await expect(pageV.getByRole('dialog')).toHaveCount(0);
  // a viewer does not lead: no »Følg mig«
  await expect(pageV.getByRole('button', { name: 'Følg mig' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Følg mig' })).toBeVisible();
  await pageV.screenshot({ path: 'test-results/live-read-only.png' });
  expect(errors).toEqual([]);
});

/** The point in the middle of a page's map, in map coordinates, and its zoom. */
async function mapCentre(page: Page) {
  return page.locator('.svelte-flow').evaluate((flow) => {
    const viewport = flow.querySelector<HTMLElement>('.svelte-flow__viewport')!;
    const m = /translate\(([-\d.]+)px, ([-\d.]+)px\) scale\(([\d.]+)\)/.exec(viewport.style.transform)!;
    const [x, y, zoom] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return { x: (flow.clientWidth / 2 - x) / zoom, y: (flow.clientHeight / 2 - y) / zoom, zoom };
  });
}

const near = (a: { x: number; y: number; zoom: number }, b: { x: number; y: number; zoom: number }) =>
  Math.abs(a.x - b.x) < 5 && Math.abs(a.y - b.y) < 5 && Math.abs(a.zoom - b.zoom) < 0.01;

/** The page's camera is still: no glide under way (on a busy machine a glide can outlast its 400 ms). */
async function cameraStill(page: Page) {
  const before = await mapCentre(page);
  await page.waitForTimeout(250);
  const after = await mapCentre(page);
  return before.x === after.x && before.y === after.y && before.zoom === after.zoom;
}

test('a wrong secret is refused with a Danish message, and shows none of the room', async ({ page, browser }) => {
  const errors: string[] = [];
  const { a, edit } = await sharedRoom(page);
  await a.addPerson('Hemmelig Person');
  const wrong = edit.replace(/rediger=[\w-]+$/, `rediger=${'A'.repeat(43)}`);
  const { page: pageC, w: c } = await participant(browser, errors);
  await pageC.goto(wrong);
  await expect(pageC.getByRole('alert').filter({ hasText: 'hemmeligheden passer ikke' })).toBeVisible();
  await expect(liveState(pageC)).toHaveText('Adgang nægtet');
  await expect(c.person('Bo Madsen')).toHaveCount(0);
  await expect(c.person('Hemmelig Person')).toHaveCount(0);
  await expect(pageC.getByRole('list', { name: 'Forbundne personer' })).not.toContainText('Anne');
  await expect(page.getByRole('list', { name: 'Forbundne personer' }).getByRole('listitem')).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('"Følg mig": the others follow the facilitator\'s camera and selection, until they stop', async ({ page, browser }) => {
  const errors: string[] = [];
  const { a, edit } = await sharedRoom(page);
  const { page: pageB } = await joined(browser, errors, edit, 'Bo');

  await page.getByRole('button', { name: 'Følg mig' }).click();
  await expect(page.getByRole('button', { name: 'Følg mig' })).toHaveAttribute('aria-pressed', 'true');
  await expect(pageB.getByText('Du følger Anne')).toBeVisible();
  // the facilitator selects a role (the camera glides to it) and zooms in
  await a.node('projektleder').click();
  await expect.poll(async () => cameraStill(page), { timeout: 5000 }).toBe(true);
  await page.getByRole('button', { name: 'Zoom ind' }).click();
  await expect(pageB.locator('.svelte-flow__node[data-id="projektleder"]')).toHaveClass(/selected/);
  await expect.poll(async () => cameraStill(page), { timeout: 5000 }).toBe(true);
  await expect.poll(async () => near(await mapCentre(pageB), await mapCentre(page)), { timeout: 3000 }).toBe(true);
  await expect.poll(async () => cameraStill(pageB), { timeout: 5000 }).toBe(true);
  const followed = await mapCentre(pageB);
  expect(followed.zoom).toBeGreaterThan(0.5);
  await pageB.screenshot({ path: 'test-results/live-follow.png' });

  // Bo stops following: the facilitator's next moves leave Bo's map alone
  await pageB.getByRole('button', { name: 'Stop med at følge' }).click();
  await page.getByRole('button', { name: 'Vis hele kortet' }).click();
  // the facilitator's camera has moved away from where Bo's stopped
  await expect.poll(async () => near(await mapCentre(page), followed), { timeout: 3000 }).toBe(false);
  await page.waitForTimeout(500);
  expect(near(await mapCentre(page), followed)).toBe(false);
  await pageB.waitForTimeout(500);
  expect(near(await mapCentre(pageB), followed)).toBe(true);
  expect(errors).toEqual([]);
});

test('offline: both edit, the connection returns, and both end with all edits', async ({ page, browser }) => {
  const errors: string[] = [];
  const { a, edit } = await sharedRoom(page);
  const { page: pageB, w: b, context: contextB } = await joined(browser, errors, edit, 'Bo');
  const boForAnne = page.getByRole('list', { name: 'Forbundne personer' }).locator('[data-peer="Bo"]');
  const anneForBo = pageB.getByRole('list', { name: 'Forbundne personer' }).locator('[data-peer="Anne"]');
  await expect(boForAnne).toBeVisible();

  await contextB.setOffline(true);
  await expect(liveState(pageB)).toHaveText('Arbejder offline: ændringer sendes, når forbindelsen er tilbage');
  await expect(boForAnne).toHaveCount(0);
  await a.addPerson('Online Anne');
  await b.addPerson('Offline Bo');
  await pageB.waitForTimeout(300);
  await expect(b.person('Online Anne')).toHaveCount(0);
  await expect(a.person('Offline Bo')).toHaveCount(0);

  await contextB.setOffline(false);
  await expect(liveState(pageB)).toHaveText('Forbundet', { timeout: 10_000 });
  // listed again at once, not only at the next awareness renewal (15 s later)
  await expect(boForAnne).toBeVisible({ timeout: 3000 });
  await expect(anneForBo).toBeVisible({ timeout: 3000 });
  await expect(b.person('Online Anne')).toBeVisible();
  await expect(a.person('Offline Bo')).toBeVisible();
  expect(errors).toEqual([]);
});

test('the server restarts in the middle of a session, and nothing is lost', async ({ page, browser }) => {
  const errors: string[] = [];
  const { a, edit } = await sharedRoom(page);
  const { page: pageB, w: b } = await joined(browser, errors, edit, 'Bo');
  await a.addPerson('Før genstart');
  await expect(b.person('Før genstart')).toBeVisible();

  await server.stop();
  await expect(liveState(page)).toHaveText('Arbejder offline: ændringer sendes, når forbindelsen er tilbage');
  await a.addPerson('Under genstart A');
  await b.addPerson('Under genstart B');
  server = await startSyncServer({ dataDir, port: SYNC_PORT });
  await expect(liveState(page)).toHaveText('Forbundet', { timeout: 15_000 });
  await expect(liveState(pageB)).toHaveText('Forbundet', { timeout: 15_000 });
  for (const w of [a, b]) {
    for (const name of ['Før genstart', 'Under genstart A', 'Under genstart B']) await expect(w.person(name)).toBeVisible();
  }

  // a newcomer after the restart gets everything from the server
  const { w: c } = await joined(browser, errors, edit, 'Cecilie');
  for (const name of ['Før genstart', 'Under genstart A', 'Under genstart B']) await expect(c.person(name)).toBeVisible();
  expect(errors).toEqual([]);
});

test('invalid data from a peer is left out and shown as a warning; the rest stays', async ({ page }) => {
  const { a, edit } = await sharedRoom(page);
  // a hostile or broken peer with the edit link writes records that break the rules
  const fragment = new URLSearchParams(new URL(edit).hash.slice(1));
  const peer = connectClient({ url: server.url, room: fragment.get('rum')!, token: `edit:${fragment.get('rediger')}` });
  try {
    await settled(peer);
    peer.doc.getMap('assignments').set('a-bad', { o: 1e9, r: { id: 'a-bad', personId: 'nobody', roleId: 'ukendt-rolle', systemId: null } });
    peer.doc.getMap('people').set('p-bad', { o: 1e9, r: { id: 'p-bad', name: '' } });
    await settled(peer);
    const warning = page.locator('[data-remote-issues]');
    await expect(warning).toBeVisible();
    await expect(warning).toContainText('brød reglerne');
    await expect(warning).toContainText('personen findes ikke');
    await page.screenshot({ path: 'test-results/live-remote-issues.png' });
    // it can be closed, and comes back only when what it says changes
    await warning.getByRole('button', { name: 'Luk beskeden' }).click();
    await expect(warning).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Live samarbejde' })).toBeFocused();
    peer.doc.getMap('assignments').set('a-bad-2', { o: 1e9, r: { id: 'a-bad-2', personId: 'nobody-2', roleId: 'superbruger', systemId: null } });
    await settled(peer);
    await expect(warning).toContainText(/\(\u2068?Superbruger\u2069?\) er fjernet: personen findes ikke/);
    // the valid workspace is untouched and still works
    await expect(a.person('Bo Madsen')).toBeVisible();
    await a.addPerson('Efter fejlen');
    await expect.poll(() => [...peer.doc.getMap<{ r: { name: string } }>('people').values()].some((e) => e.r.name === 'Efter fejlen')).toBe(true);
  } finally {
    peer.destroy();
  }
});
