import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './browser.mjs';
import { test, expect } from './fixtures';
import { WorkspacePage } from './workspace-page';

// `npm test` runs the short form; `npm run test:reliability` the full one (RELIABILITY=full).
const FULL = process.env.RELIABILITY === 'full';

function record(name: string, result: { tried: number; failed: number; lost: number; note?: string }) {
  mkdirSync('reliability-results', { recursive: true });
  writeFileSync(`reliability-results/${name}.json`, JSON.stringify({ name, full: FULL, ...result, at: new Date().toISOString() }));
}

/** A Chromium with a profile on disk, reached over CDP, that can be killed with SIGKILL like a crash or a power cut. */
async function launchKillable(profile: string): Promise<{ proc: ChildProcess; browser: Browser }> {
  rmSync(join(profile, 'DevToolsActivePort'), { force: true });
  const proc = spawn(chromiumPath(), [...CHROMIUM_ARGS, '--headless=new', '--no-sandbox', `--user-data-dir=${profile}`, '--remote-debugging-port=0', 'about:blank'], { stdio: 'ignore' });
  const portFile = join(profile, 'DevToolsActivePort');
  // A busy machine can take a while to start a browser, and the file can exist a moment before
  // its port is written in it: wait for the port itself.
  const portIn = () => (existsSync(portFile) ? /^\d+$/.exec(readFileSync(portFile, 'utf8').split('\n')[0] ?? '')?.[0] : undefined);
  let port = portIn();
  for (let i = 0; i < 600 && !port; i++) {
    await new Promise((r) => setTimeout(r, 50));
    port = portIn();
  }
  if (!port) throw new Error(`Chromium wrote no DevTools port into ${portFile} within 30 s`);
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  return { proc, browser };
}

async function storedNames(page: Page): Promise<string[]> {
  const stored = await new WorkspacePage(page).storedWorkspaces();
  return stored.flatMap((s) => (s.workspace.people as { name: string }[]).map((p) => p.name));
}

/** Adds a person through the form, without waiting for the save. */
async function addQuickly(page: Page, name: string) {
  await page.getByRole('button', { name: 'Tilføj person' }).click();
  const form = page.getByRole('form', { name: 'Tilføj person' });
  await form.getByLabel('Navn').fill(name);
  await form.getByLabel('Navn').press('Enter');
  await expect(form).toBeHidden();
}

test.describe('reliability', () => {
  test('browser kills (SIGKILL) and page closes during continuous edits lose no acknowledged edit', async ({ baseURL }) => {
    test.setTimeout(FULL ? 600_000 : 120_000);
    const rounds = FULL ? 12 : 2;
    const profile = mkdtempSync(join(tmpdir(), 'rollekort-kill-'));
    const acknowledged = new Set<string>();
    let tried = 0;
    let lost = 0;
    let running: ChildProcess | null = null;
    try {
      for (let round = 0; round <= rounds; round++) {
        const { proc, browser } = await launchKillable(profile);
        running = proc;
        const context = browser.contexts()[0]!;
        const page = context.pages()[0] ?? (await context.newPage());
        await page.goto(baseURL!);
        const w = new WorkspacePage(page);
        await expect(w.saveState).toHaveAttribute('data-save-state', /saved|error/);
        const names = new Set(await storedNames(page));
        const missing = [...acknowledged].filter((n) => !names.has(n));
        lost += missing.length;
        expect(missing, `round ${round}: acknowledged edits lost`).toEqual([]);
        if (round === rounds) {
          await browser.close().catch(() => {});
          proc.kill('SIGKILL');
          await new Promise((r) => proc.once('exit', r));
          break;
        }
        // continuous edits; an edit counts as acknowledged once the app says everything is saved
        const edits = 4 + ((round * 7) % 5);
        const added: string[] = [];
        for (let i = 0; i < edits; i++) {
          const name = `Runde ${round} nr. ${i}`;
          await addQuickly(page, name);
          added.push(name);
          tried++;
          // the last edit is still on its way when the browser dies: it may be kept or not, but nothing before it may go
          if (i < edits - 1 && (await w.saveState.getAttribute('data-save-state')) === 'saved') for (const n of added) acknowledged.add(n);
        }
        if (round % 3 === 2) {
          await page.close(); // a closed tab, mid-edit
          await browser.close().catch(() => {});
          proc.kill('SIGKILL');
        } else proc.kill('SIGKILL'); // a crash, mid-edit
        await new Promise((r) => proc.once('exit', r));
      }
    } finally {
      // a round that failed leaves its browser running: stop it, so the failure is what is reported
      if (running && running.exitCode === null && running.signalCode === null) {
        const exited = new Promise((r) => running!.once('exit', r));
        running.kill('SIGKILL');
        await exited;
      }
      // the killed browser's helpers may still be writing for a moment; a leftover temp folder is no failure
      try {
        rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
      } catch (e) {
        console.warn(`could not remove ${profile}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    record('browser-kills', { tried, failed: lost ? 1 : 0, lost, note: `${rounds} kills or closes, ${acknowledged.size} edits acknowledged before them` });
    expect(acknowledged.size).toBeGreaterThan(0);
  });

  test('interleaved edits in two tabs: none lost, none doubled', async ({ page, context }) => {
    test.setTimeout(FULL ? 600_000 : 120_000);
    const perTab = FULL ? 100 : 10;
    const a = new WorkspacePage(page);
    await a.open();
    const other = await context.newPage();
    const b = new WorkspacePage(other);
    await b.open();
    const names: string[] = [];
    for (let i = 0; i < perTab; i++) {
      for (const [tab, label] of [[page, 'A'], [other, 'B']] as const) {
        const name = `Fane ${label} nr. ${i}`;
        await addQuickly(tab, name);
        names.push(name);
      }
    }
    await a.saved();
    await b.saved();
    const stored = await storedNames(page);
    const counts = new Map<string, number>();
    for (const n of stored) counts.set(n, (counts.get(n) ?? 0) + 1);
    const lost = names.filter((n) => !counts.has(n));
    const doubled = names.filter((n) => (counts.get(n) ?? 0) > 1);
    record('two-tab-interleave', { tried: names.length, failed: lost.length + doubled.length ? 1 : 0, lost: lost.length, note: `${doubled.length} doubled` });
    expect(lost).toEqual([]);
    expect(doubled).toEqual([]);
    // and both tabs list all of them (the list draws only the rows in view; each row says the list's size)
    await expect(b.people.locator('li[data-person-id]').first()).toHaveAttribute('aria-setsize', String(12 + names.length));
    await expect(a.people.locator('li[data-person-id]').first()).toHaveAttribute('aria-setsize', String(12 + names.length));
  });
});
