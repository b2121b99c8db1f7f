// `npm run bench`: startup, layout and bundle-size figures for Rollekort, from one run.
//
// Builds the app and the floor page (test/bench/floor.html: the same app with its graph at fixed
// positions, no layout) into dist-bench, serves them with `vite preview`, and measures
// them in headless Chromium. Prints figures and which targets they meet; it is not a
// test and never fails on a timing. Exits non-zero only when it cannot measure at all.
//
// Then the scale series (test/bench/scale.mjs): synthetic workspaces S, M, L and XL imported
// through the app and worked on through its UI, each figure in ms and as a ratio to S.
//
// Environment: BENCH_RUNS (page loads per page, default 7), BENCH_KEEP=1 (keep dist-bench),
// CHROMIUM_PATH (the browser to use), BENCH_PORT (default 4175), BENCH_PART (startup, scale or
// all; default all), BENCH_SCALES (default S,M,L,XL), BENCH_SAMPLES (per interaction, default 20).
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../browser.mjs';
import { runVite, startPreview } from '../vite-process.mjs';
import { FRAME_MS, JITTER_MS, measureScale, quantile, scaleFiles, TARGETS } from './scale.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CONFIG = 'test/bench/vite.config.ts';
const OUT = join(ROOT, 'dist-bench');
const PORT = Number(process.env.BENCH_PORT) || 4175;
const PART = process.env.BENCH_PART ?? 'all';
const SCALE_NAMES = (process.env.BENCH_SCALES ?? 'S,M,L,XL').split(',').map((s) => s.trim()).filter(Boolean);
// 20 samples: the p95 of fewer is just the slowest one
const SAMPLES = Math.max(3, Number(process.env.BENCH_SAMPLES) || 20);
const SCALE_VIEWPORT = { width: 1366, height: 768 };
const BASE = `http://localhost:${PORT}`;
const PAGES = { app: `${BASE}/`, floor: `${BASE}/test/bench/floor.html` };
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS) || 7);
const LAYOUT_PAGES = 3;
const WARM_LAYOUTS = 7;
const VIEWPORT = { width: 1280, height: 800 };
const ROLE_COUNT = JSON.parse(readFileSync(join(ROOT, 'static/catalogues/rollegalleri-1.5.json'), 'utf8')).roles.length;

const TARGET_RATIO = 1.3;
const TARGET_MAIN_GZIP_KB = 120;
const TARGET_DOCX_MS = 3000;
const EXPORT_RUNS = 5;
/** A string that only ELK's own code contains. */
const ELK_MARKER = 'org.eclipse.elk';

/** @type {{ stop: () => Promise<void> } | null} */
let server = null;

const stopServer = async () => {
  const running = server;
  server = null;
  await running?.stop();
};

/** Serves dist-bench with `vite preview` and waits until it answers. */
async function startServer() {
  server = await startPreview({ port: PORT, config: CONFIG, probe: new URL(PAGES.floor).pathname });
}

/** @param {string} path */
const gzipKb = (path) => gzipSync(readFileSync(path)).length / 1000;
/** @param {string} path */
const rawKb = (path) => readFileSync(path).length / 1000;

/** Sizes of the app's startup JS and of the ELK worker chunk, from the app's own build. */
function measureSizes() {
  const html = readFileSync(join(OUT, 'index.html'), 'utf8');
  const entry = html.match(/<script type="module"[^>]*\ssrc="\/(assets\/[^"]+\.js)"/)?.[1];
  if (!entry) throw new Error('no module script in dist-bench/index.html');
  const preloaded = [...html.matchAll(/<link rel="modulepreload"[^>]*\shref="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1] ?? '');
  const mainPath = join(OUT, entry);
  const main = readFileSync(mainPath, 'utf8');
  const workers = readdirSync(join(OUT, 'assets'))
    .filter((f) => /^elk-worker\.min-.*\.js$/.test(f))
    .map((f) => ({ file: `assets/${f}`, path: join(OUT, 'assets', f) }))
    .sort((a, b) => rawKb(b.path) - rawKb(a.path));
  const worker = workers[0];
  if (!worker) throw new Error('no elk-worker.min-*.js chunk in dist-bench/assets');
  // Lazy: nothing that loads at startup (entry and modulepreloads) holds ELK or imports it statically.
  const startup = [entry, ...preloaded];
  const startupHasElk = startup.some((f) => readFileSync(join(OUT, f), 'utf8').includes(ELK_MARKER));
  const staticElkImport = /import\s*[^()]*?from\s*["'][^"']*elk-/.test(main) || /^import\s*["'][^"']*elk-/m.test(main);
  return {
    entry,
    preloaded,
    mainGzip: gzipKb(mainPath),
    // what a first visit loads before the app runs: the entry and every chunk it imports statically
    startupGzip: startup.reduce((n, f) => n + gzipKb(join(OUT, f)), 0),
    mainRaw: rawKb(mainPath),
    mainHasElk: main.includes(ELK_MARKER),
    workerFile: worker.file,
    workerGzip: gzipKb(worker.path),
    workerRaw: rawKb(worker.path),
    workerHasElk: readFileSync(worker.path, 'utf8').includes(ELK_MARKER),
    lazy: !startupHasElk && !staticElkImport && !html.includes('elk-'),
  };
}

/**
 * In every page: performance.now() at the first animation frame in which all role nodes are
 * present with a non-zero size and `visibility: visible`, stored in window.__benchVisibleAt.
 * @param {number} count
 */
function watchRoleNodes(count) {
  const check = () => {
    const nodes = document.querySelectorAll('.svelte-flow__node-role');
    const ready =
      nodes.length >= count &&
      [...nodes].every((n) => {
        const r = n.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && getComputedStyle(n).visibility === 'visible';
      });
    if (ready) window.__benchVisibleAt = performance.now();
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

/**
 * One cold page load in a fresh context (empty cache): ms from navigation start until all role nodes show.
 * @param {import('@playwright/test').Browser} browser
 * @param {string} url
 */
async function timeToNodes(browser, url) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    await context.addInitScript(watchRoleNodes, ROLE_COUNT);
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'commit' });
    const handle = await page.waitForFunction(() => window.__benchVisibleAt, undefined, { polling: 'raf', timeout: 30_000 });
    const at = await handle.jsonValue();
    if (typeof at !== 'number') throw new Error(`no time from ${url}`);
    return at;
  } finally {
    await context.close();
  }
}

/**
 * Opens the floor page in a fresh context, waits until its role nodes show, and runs `measure` in it.
 * @template T
 * @param {import('@playwright/test').Browser} browser
 * @param {(page: import('@playwright/test').Page) => Promise<T>} measure
 * @returns {Promise<T>}
 */
async function onFloorPage(browser, measure) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    await context.addInitScript(watchRoleNodes, ROLE_COUNT);
    const page = await context.newPage();
    await page.goto(PAGES.floor, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__benchVisibleAt, undefined, { polling: 'raf', timeout: 30_000 });
    return await measure(page);
  } finally {
    await context.close();
  }
}

/**
 * ELK in the worker on the floor page: a fresh context per sample, so each cold figure includes
 * fetching the ELK chunks and starting the worker.
 * @param {import('@playwright/test').Browser} browser
 */
async function timeLayouts(browser) {
  /** @type {number[]} */
  const cold = [];
  /** @type {number[]} */
  const warm = [];
  let size = { roles: 0, edges: 0 };
  for (let i = 0; i < LAYOUT_PAGES; i++) {
    const result = await onFloorPage(browser, (page) =>
      page.evaluate(async (n) => {
        if (!window.__benchLayout) throw new Error('window.__benchLayout is missing');
        return window.__benchLayout(n);
      }, WARM_LAYOUTS),
    );
    cold.push(result.cold);
    warm.push(...result.warm);
    size = { roles: result.roles, edges: result.edges };
  }
  return { cold, warm, size };
}

/**
 * The Word export on the floor page (window.__benchExport): one IT system's rollekatalog with its
 * map picture, in a workspace of 1,000 people and 40 IT systems.
 * @param {import('@playwright/test').Browser} browser
 */
function timeExport(browser) {
  return onFloorPage(browser, (page) =>
    page.evaluate(async (n) => {
      if (!window.__benchExport) throw new Error('window.__benchExport is missing');
      return window.__benchExport(n);
    }, EXPORT_RUNS),
  );
}

/** @param {number[]} xs */
function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? NaN) + (s[mid] ?? NaN)) / 2;
}
/** @param {number} x */
const ms = (x) => `${x.toFixed(0)} ms`;
/** @param {number[]} xs */
const spread = (xs) => `${Math.min(...xs).toFixed(0)}-${Math.max(...xs).toFixed(0)}`;
/** @param {boolean} ok */
const verdict = (ok) => (ok ? 'MET' : 'NOT MET');

/**
 * @param {string[][]} rows
 */
function table(rows) {
  const widths = (rows[0] ?? []).map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  const line = (/** @type {string[]} */ r) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  const [head, ...body] = rows;
  return [line(head ?? []), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

async function main() {
  const started = Date.now();
  const executablePath = chromiumPath();

  console.log('Building the app and the floor page into dist-bench ...');
  rmSync(OUT, { recursive: true, force: true });
  // One build per page, so the app's chunks are exactly those of `npm run build`.
  await runVite(['build', '--config', CONFIG], { BENCH_PAGES: 'index' });
  await runVite(['build', '--config', CONFIG], { BENCH_PAGES: 'floor' });
  const sizes = measureSizes();

  await startServer();
  const browser = await chromium.launch({
    executablePath,
    args: CHROMIUM_ARGS,
  });
  try {
    if (PART !== 'scale') await startupFigures(browser, executablePath, sizes);
    if (PART !== 'startup') await scaleFigures(browser);
    console.log(`\nTook ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  } finally {
    await browser.close();
  }
}

/**
 * Startup, layout and bundle figures.
 * @param {import('@playwright/test').Browser} browser
 * @param {string} executablePath
 * @param {ReturnType<typeof measureSizes>} sizes
 */
async function startupFigures(browser, executablePath, sizes) {
    console.log(`Measuring in ${executablePath} (${browser.version()}), ${RUNS} cold loads per page ...`);
    // One discarded load of each page warms the server and the browser process.
    await timeToNodes(browser, PAGES.app);
    await timeToNodes(browser, PAGES.floor);
    /** @type {{ app: number[], floor: number[] }} */
    const times = { app: [], floor: [] };
    for (let i = 0; i < RUNS; i++) {
      // Alternate which page goes first (ABBA), so neither always runs right after the other.
      /** @type {('app' | 'floor')[]} */
      const order = i % 2 ? ['floor', 'app'] : ['app', 'floor'];
      for (const name of order) times[name].push(await timeToNodes(browser, PAGES[name]));
    }
    const layouts = await timeLayouts(browser);
    const docx = await timeExport(browser);

    const app = median(times.app);
    const floor = median(times.floor);
    const ratio = app / floor;
    const mainOk = sizes.mainGzip <= TARGET_MAIN_GZIP_KB;
    const elkOk = !sizes.mainHasElk && sizes.workerHasElk && sizes.lazy;

    console.log(`\nRollekort bench (${ROLE_COUNT} role nodes, viewport ${VIEWPORT.width}x${VIEWPORT.height}, fresh context and empty cache per load)\n`);
    console.log(
      table([
        ['Figure', 'Value', 'Detail', 'Target'],
        ['App: navigation -> all role nodes visible', ms(app), `median of ${RUNS}, range ${spread(times.app)} ms`, ''],
        ['Floor: same app, fixed grid, no layout', ms(floor), `median of ${RUNS}, range ${spread(times.floor)} ms`, ''],
        ['Ratio app / floor', ratio.toFixed(2), '', `<= ${TARGET_RATIO}: ${verdict(ratio <= TARGET_RATIO)}`],
        [
          'ELK layout in worker, cold',
          ms(median(layouts.cold)),
          `median of ${layouts.cold.length} fresh pages, range ${spread(layouts.cold)} ms; incl. worker creation`,
          '',
        ],
        [
          'ELK layout in worker, warm',
          ms(median(layouts.warm)),
          `median of ${layouts.warm.length} (${WARM_LAYOUTS} per page), range ${spread(layouts.warm)} ms`,
          '',
        ],
        [
          `Word export, ${docx.people.toLocaleString('en')} people / ${docx.systems} systems, cold`,
          ms(docx.cold),
          `one system's catalogue with map PNG; loads the docx chunk; ${(docx.bytes / 1000).toFixed(0)} kB file`,
          `< ${TARGET_DOCX_MS} ms: ${verdict(docx.cold < TARGET_DOCX_MS)}`,
        ],
        [
          'Word export, same workspace, warm',
          ms(median(docx.warm)),
          `median of ${docx.warm.length} (another system each), range ${spread(docx.warm)} ms; ${docx.assignments.toLocaleString('en')} assignments`,
          `< ${TARGET_DOCX_MS} ms: ${verdict(median(docx.warm) < TARGET_DOCX_MS)}`,
        ],
        [
          'Main JS chunk, gzip',
          `${sizes.mainGzip.toFixed(1)} kB`,
          `${sizes.entry}, ${sizes.mainRaw.toFixed(1)} kB raw`,
          `<= ${TARGET_MAIN_GZIP_KB} kB: ${verdict(mainOk)}`,
        ],
        [
          'All JS loaded at start, gzip',
          `${sizes.startupGzip.toFixed(1)} kB`,
          `the entry and its ${sizes.preloaded.length} static imports (modulepreload)`,
          `<= ${TARGET_MAIN_GZIP_KB} kB: ${verdict(sizes.startupGzip <= TARGET_MAIN_GZIP_KB)}`,
        ],
        ['ELK worker chunk, gzip', `${sizes.workerGzip.toFixed(1)} kB`, `${sizes.workerFile}, ${sizes.workerRaw.toFixed(1)} kB raw`, ''],
        [
          'ELK code in main chunk?',
          sizes.mainHasElk ? 'yes' : 'no',
          `searched for "${ELK_MARKER}" (worker chunk has it: ${sizes.workerHasElk ? 'yes' : 'no'})`,
          '',
        ],
        [
          'ELK in its own lazy chunk?',
          elkOk ? 'yes' : 'no',
          `not in index.html, not imported statically${sizes.preloaded.length ? `, modulepreloads: ${sizes.preloaded.join(' ')}` : ', no modulepreloads'}`,
          verdict(elkOk),
        ],
      ]),
    );
    console.log(
      `\nLayout graph: ${layouts.size.roles} roles, ${layouts.size.edges} relations. Sizes: node zlib gzip (default level) of the app's own build` +
        ` (same chunks as \`npm run build\`). Raw samples, app: ${times.app.map((t) => t.toFixed(0)).join(' ')};` +
        ` floor: ${times.floor.map((t) => t.toFixed(0)).join(' ')}.`,
    );
}

/** @param {number} x */
const fmt = (x) => (Number.isNaN(x) ? '-' : x < 20 ? `${x.toFixed(1)} ms` : `${x.toFixed(0)} ms`);

/**
 * The scale series: each figure in ms and as a ratio to S, and the issue's targets at XL.
 * @param {import('@playwright/test').Browser} browser
 */
async function scaleFigures(browser) {
  console.log(`\nScale series ${SCALE_NAMES.join(', ')}: generating the workspaces ...`);
  const files = await scaleFiles(ROOT, SCALE_NAMES);
  /** @type {{ name: string, scale: { people: number, systems: number, assignments: number }, bytes: number, figures: Record<string, number[]> }[]} */
  const results = [];
  for (const file of files) {
    console.log(`  ${file.name}: ${file.scale.people} people, ${file.scale.systems} systems, ${file.scale.assignments} assignments, ${(file.text.length / 1e6).toFixed(2)} MB ...`);
    results.push({ name: file.name, scale: file.scale, bytes: file.text.length, figures: await measureScale(browser, PAGES.app, file, SCALE_VIEWPORT, SAMPLES) });
  }
  const base = results[0];
  /** @param {number[]} xs @param {'p50' | 'p95' | 'median'} stat */
  const stat = (xs, stat) => quantile(xs, stat === 'p95' ? 0.95 : 0.5);
  const last = results[results.length - 1];
  /** @type {[string, keyof typeof TARGETS, 'p50' | 'p95' | 'median'][]} */
  const rows = [
    ['Add a person: Enter -> next paint', 'addPaint', 'p50'],
    ['Add a person: Enter -> next paint', 'addPaint', 'p95'],
    ['Add a person: Enter -> "Gemt"', 'addSaved', 'p50'],
    ['Add a person: Enter -> "Gemt"', 'addSaved', 'p95'],
    ['Select a role', 'selectRole', 'p95'],
    ['Change phase', 'phase', 'p95'],
    ['Type in search (per key)', 'search', 'p95'],
    ['Switch IT system', 'system', 'p95'],
    ['Reload until usable', 'reload', 'median'],
    ['Import (file chosen -> usable)', 'import', 'median'],
    ['Drag a role: frame time', 'drag', 'p95'],
  ];
  const table_ = [['Figure', 'Stat', ...results.map((r) => r.name), `Target at ${last?.name ?? 'XL'}`]];
  for (const [label, key, st] of rows) {
    const target = TARGETS[key];
    const values = results.map((r) => stat(r.figures[key] ?? [], st));
    const baseValue = base ? stat(base.figures[key] ?? [], st) : NaN;
    const cells = values.map((v, i) => (i === 0 || !baseValue ? fmt(v) : `${fmt(v)} (x${(v / baseValue).toFixed(1)})`));
    const lastValue = values[values.length - 1] ?? NaN;
    const slack = 'slack' in target ? target.slack : 0;
    const verdictCell =
      st === target.stat && last?.name === 'XL' ? `<= ${target.ms} ms: ${verdict(lastValue <= target.ms + slack)}` : st === target.stat ? `<= ${target.ms} ms (at XL)` : '';
    table_.push([label, st, ...cells, verdictCell]);
  }
  // the frames a drag dropped: intervals of one and a half periods or more
  const dropped = (/** @type {number[]} */ xs) => xs.filter((t) => t >= 1.5 * FRAME_MS).length;
  table_.push(['Drag a role: frames dropped', 'count', ...results.map((r) => `${dropped(r.figures.drag ?? [])} of ${(r.figures.drag ?? []).length}`), '']);
  console.log(`\nRollekort scale series (Chromium, viewport ${SCALE_VIEWPORT.width}x${SCALE_VIEWPORT.height}, built app, one fresh context per scale)\n`);
  console.log(table(table_));
  console.log(
    `\nEach workspace is imported through "Importér" (3 times, each a new workspace), reloaded 3 times, then worked on` +
      ` through the UI (${SAMPLES} samples per interaction). Times run from the event's own timestamp to the first` +
      ` painted frame showing the result; "Gemt" is the save status returning to saved; drag is the interval between` +
      ` frames while a role moves (${FRAME_MS.toFixed(2)} ms at 60 Hz; one within ${JITTER_MS} ms of that, the frame clock's` +
      ` jitter, is a frame on time), and a frame counts as dropped when an interval is 1.5 periods or more. Ratios are to ${base?.name ?? 'S'} in this run. Export sizes: ` +
      results.map((r) => `${r.name} ${(r.bytes / 1e6).toFixed(2)} MB`).join(', ') +
      '. Targets are from issue 12 and are printed, never enforced.',
  );
}

async function cleanUp() {
  await stopServer();
  if (!process.env.BENCH_KEEP) rmSync(OUT, { recursive: true, force: true });
}

for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.once(signal, () => {
    void cleanUp().finally(() => process.exit(130));
  });
}

try {
  await main();
  await cleanUp();
} catch (e) {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  await cleanUp();
  process.exitCode = 1;
}
