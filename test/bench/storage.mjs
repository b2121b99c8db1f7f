// `npm run bench` (second part): how long an edit takes to reach IndexedDB, by workspace size.
//
// Builds test/bench/storage.html into dist-bench-storage, serves it with `vite preview`, and
// runs it in headless Chromium against the real IndexedDB. Prints, for 1 person and for
// 1,000 and 5,000 people: the median time from an edit to its stored update, the update's
// size, and the time to write the whole workspace (a checkpoint: what every edit wrote before
// the update log). Figures are compared as ratios to the 1-person workspace of the same run.
// Never fails on a timing. Environment: BENCH_EDITS (default 40), CHROMIUM_PATH.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../browser.mjs';
import { runVite, startPreview } from '../vite-process.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OUT = 'dist-bench-storage';
const PORT = Number(process.env.BENCH_STORAGE_PORT ?? 4177);
const SIZES = [1, 1000, 5000];
const EDITS = Math.max(5, Number(process.env.BENCH_EDITS) || 40);

/** @param {number[]} xs @returns {number} */
function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

console.log('Building the storage bench page ...');
await runVite(['build', '--config', 'test/bench/vite.config.ts', '--outDir', OUT, '--emptyOutDir'], { BENCH_PAGES: 'storage' });
const server = await startPreview({ port: PORT, config: 'test/bench/vite.config.ts', outDir: OUT, probe: '/test/bench/storage.html', env: { BENCH_PAGES: 'storage' } });
const url = `${server.base}/test/bench/storage.html`;
try {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && console.error(`page console: ${m.text()}`));
    await page.goto(url);
    await page.waitForFunction(() => typeof window.__storageBench === 'function');
    /** @type {import('./storage').StorageFigures[]} */
    const figures = await page.evaluate(
      ({ sizes, edits }) => {
        if (!window.__storageBench) throw new Error('window.__storageBench is missing');
        return window.__storageBench(sizes, edits);
      },
      { sizes: SIZES, edits: EDITS },
    );
    const base = figures[0];
    if (!base) throw new Error('no figures');
    const baseEdit = median(base.edit);
    const baseFull = median(base.checkpoint);
    console.log(`\nEdit to local write, real IndexedDB in ${browser.version()}, median of ${EDITS} edits (adding one person):\n`);
    console.log('people   edit->stored   ratio to 1   update size   whole-workspace write   ratio to 1');
    for (const f of figures) {
      const edit = median(f.edit);
      const full = median(f.checkpoint);
      console.log(
        `${String(f.people).padStart(6)}   ${edit.toFixed(2).padStart(9)} ms   ${(edit / baseEdit).toFixed(2).padStart(10)}   ${String(median(f.bytes)).padStart(9)} B   ${full.toFixed(1).padStart(18)} ms   ${(full / baseFull).toFixed(1).padStart(10)}`,
      );
    }
    console.log('\nThe edit writes only its own update, so its time should not grow with the workspace (ratio near 1);');
    console.log('the whole-workspace write (a checkpoint, made every 200 updates or on a rename) does grow.');
  } finally {
    await browser.close();
  }
} finally {
  await server.stop();
  if (!process.env.BENCH_KEEP) rmSync(join(ROOT, OUT), { recursive: true, force: true });
}
