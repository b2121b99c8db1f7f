import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { promisify } from 'node:util';
import { CONTENT_SECURITY_POLICY } from '../src/pwa/csp';
import { seriousViolations } from './axe';
import { test, expect } from './fixtures';
import { WorkspacePage } from './workspace-page';

// Two real builds of the app: version A is dist/ (built before the suite), version B is
// built here from a copy of static/ whose favicon differs, so B's service worker differs
// from A's byte for byte, as after a deploy. A small server here serves A, then B, from
// the same origin, with the same headers as vite preview.

test.use({ serviceWorkers: 'allow' });
test.describe.configure({ mode: 'serial', timeout: 120_000 });

const MARK = '<!-- version B -->';
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

let dir = '';
let root = '';
let server: Server;
let origin = '';

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rollekort-update-'));
  cpSync('dist', join(dir, 'a'), { recursive: true });
  cpSync('static', join(dir, 'static-b'), { recursive: true });
  const favicon = join(dir, 'static-b', 'favicon.svg');
  writeFileSync(favicon, readFileSync(favicon, 'utf8') + MARK + '\n');
  await promisify(execFile)(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', '--config', 'test/update-build.vite.config.ts', '--outDir', join(dir, 'b'), '--emptyOutDir', '--logLevel', 'error'],
    { env: { ...process.env, ROLLEKORT_PUBLIC_DIR: join(dir, 'static-b') } },
  );
  root = join(dir, 'a');
  server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(root, path.endsWith('/') ? `${path}index.html` : path);
    try {
      const body = readFileSync(file);
      res.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'Cache-Control': 'no-cache',
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'Content-Security-Policy': CONTENT_SECURITY_POLICY }).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('a new version waits for the user: "Ny version klar — genindlæs", then it takes over on their click, in each tab', async ({
  page,
  context,
}, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const w = new WorkspacePage(page);
  await page.goto(`${origin}/`);
  await w.saved();
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated');
  const favicon = () => page.evaluate(() => fetch('/favicon.svg').then((r) => r.text()));
  expect(await favicon()).not.toContain(MARK);
  const prompt = page.getByRole('status').filter({ hasText: 'Ny version klar' });
  await expect(prompt).toHaveCount(0);

  // a second tab, also on version A, where someone is typing too
  const other = await context.newPage();
  const otherErrors: string[] = [];
  other.on('console', (msg) => msg.type() === 'error' && otherErrors.push(msg.text()));
  other.on('pageerror', (err) => otherErrors.push(err.message));
  await other.goto(`${origin}/`);
  await new WorkspacePage(other).saved();
  await other.getByRole('button', { name: 'Tilføj person' }).click();
  await other.getByRole('form', { name: 'Tilføj person' }).getByLabel('Navn').fill('Anden Fane');

  // the user is in the middle of an edit when version B is deployed and found
  await page.getByRole('button', { name: 'Tilføj person' }).click();
  const form = page.getByRole('form', { name: 'Tilføj person' });
  await form.getByLabel('Navn').fill('Ulla Update');
  for (const p of [page, other]) await p.evaluate(() => ((window as unknown as { versionA: boolean }).versionA = true));
  root = join(dir, 'b');
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));

  await expect(prompt).toHaveText(/Ny version klar — genindlæs/);
  // nothing was taken over: same page, the half-typed name is there, version A still answers
  expect(await page.evaluate(() => (window as unknown as { versionA?: boolean }).versionA)).toBe(true);
  await expect(form.getByLabel('Navn')).toHaveValue('Ulla Update');
  expect(await favicon()).not.toContain(MARK);
  expect(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => !!r?.waiting))).toBe(true);

  await form.getByRole('button', { name: 'Tilføj', exact: true }).click();
  await w.saved();
  const shot = testInfo.outputPath('update-prompt-1366x768.png');
  await page.screenshot({ path: shot });
  await testInfo.attach('update prompt', { path: shot, contentType: 'image/png' });
  expect(await seriousViolations(page)).toEqual([]);

  // the button is reachable from the keyboard: the next stop after the three skip links
  const reload = prompt.getByRole('button', { name: 'Genindlæs' });
  await page.getByRole('link', { name: 'Spring til kortet' }).focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
  await expect(reload).toBeFocused();
  await prompt.screenshot({ path: testInfo.outputPath('update-prompt-focused.png') });
  await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);

  // version B runs the page now, and the edit made before the reload is kept
  await w.saved();
  expect(await page.evaluate(() => (window as unknown as { versionA?: boolean }).versionA)).toBeUndefined();
  expect(await favicon()).toContain(MARK);
  await expect(prompt).toHaveCount(0);
  await expect(w.person('Ulla Update')).toBeVisible();

  // the other tab was not reloaded under its user: its text is there, and it asks too
  expect(await other.evaluate(() => (window as unknown as { versionA?: boolean }).versionA)).toBe(true);
  await expect(other.getByRole('form', { name: 'Tilføj person' }).getByLabel('Navn')).toHaveValue('Anden Fane');
  const otherPrompt = other.getByRole('status').filter({ hasText: 'Ny version klar — genindlæs' });
  await expect(otherPrompt).toBeVisible();
  await Promise.all([other.waitForEvent('load'), otherPrompt.getByRole('button', { name: 'Genindlæs' }).click()]);
  expect(await other.evaluate(() => (window as unknown as { versionA?: boolean }).versionA)).toBeUndefined();
  expect(await other.evaluate(() => fetch('/favicon.svg').then((r) => r.text()))).toContain(MARK);
  expect(otherErrors).toEqual([]);
});
