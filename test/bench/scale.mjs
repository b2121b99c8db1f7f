// The scale series of `npm run bench` (issue 12): synthetic workspaces S, M, L and XL, each
// imported through the app's own "Importér" and then worked on through the UI, in Chromium on
// the built app. Every time is taken inside the page, from the event's own timestamp to the
// first frame after the app has shown the result, so the test driver's latency is not in it.
import { join } from 'node:path';
import { runnerImport } from 'vite';

/** @typedef {import('@playwright/test').Page} Page */

/** BENCH_DEBUG=1 says which step a scale is at. */
const step = process.env.BENCH_DEBUG ? (/** @type {string} */ what) => console.log(`    ${what}`) : () => {};
/** @typedef {{ people: number, systems: number, assignments: number }} Scale */

/** What the search bench types, a key at a time. */
const SEARCH_WORDS = ['systemansvarlig', 'projektleder', 'superbruger', 'rolleadministrator', 'it-arkitekt'];
/** Mouse moves in the drag, a few per frame. */
const DRAG_MOVES = 120;
/** The frame period of the headless browser's 60 Hz frame clock. */
export const FRAME_MS = 1000 / 60;
/**
 * Frame times are the intervals between animation frames, so they come in whole frame periods:
 * 16.7 ms when a frame is on time, 33.3 ms when one was dropped. The clock's timestamps jitter by
 * a fraction of a millisecond, so an interval within JITTER_MS of the period is a frame on time.
 */
export const JITTER_MS = 1;

/** The targets at XL, in ms, by figure. `p95` marks a target on the 95th percentile. */
export const TARGETS = {
  addPaint: { ms: 50, what: 'an edit, from the key to the next paint', stat: 'p95' },
  addSaved: { ms: 100, what: 'an edit, until it is saved', stat: 'p95' },
  selectRole: { ms: 50, what: 'select a role', stat: 'p95' },
  phase: { ms: 50, what: 'change phase', stat: 'p95' },
  search: { ms: 50, what: 'type in search', stat: 'p95' },
  system: { ms: 50, what: 'switch system', stat: 'p95' },
  reload: { ms: 800, what: 'reload until usable', stat: 'median' },
  import: { ms: 800, what: 'import', stat: 'median' },
  drag: { ms: 16.7, what: 'drag, frame time', stat: 'p95', slack: JITTER_MS },
};

/**
 * The export file of each synthetic workspace, made by the app's own TypeScript (the
 * generator the unit tests use, and the export envelope).
 * @param {string} root
 * @param {string[]} names
 */
export async function scaleFiles(root, names) {
  const opts = { configFile: /** @type {false} */ (false), logLevel: /** @type {'silent'} */ ('silent') };
  const { module: synthetic } = await runnerImport(join(root, 'src/domain/workspace/synthetic.ts'), opts);
  const { module: envelope } = await runnerImport(join(root, 'src/document/envelope.ts'), opts);
  const { module: load } = await runnerImport(join(root, 'src/domain/catalogue/load.ts'), opts);
  const { readFileSync } = await import('node:fs');
  const parsed = load.parseCatalogue(JSON.parse(readFileSync(join(root, 'static/catalogues/rollegalleri-1.5.json'), 'utf8')));
  if (!parsed.ok) throw new Error(parsed.error.message);
  const catalogue = parsed.value;
  return names.map((name) => {
    /** @type {Scale} */
    const scale = synthetic.SCALES[name];
    if (!scale) throw new Error(`BENCH_SCALES: unknown scale "${name}" (known: ${Object.keys(synthetic.SCALES).join(', ')})`);
    const data = synthetic.syntheticWorkspace(catalogue, scale, 12);
    const text = envelope.serializeDocument(envelope.toDocument(data, { id: 'rollegalleri', version: catalogue.catalogueVersion }, new Date()));
    return { name, scale, workspaceName: data.name, text };
  });
}

/**
 * In every page: helpers that time one interaction. `__benchArm(type, check)` resolves with the
 * ms from the next `type` event (its timeStamp) to the first frame after `check()` holds, once
 * that frame has been painted (a task after the frame's requestAnimationFrame).
 */
function installProbes() {
  /** @param {() => boolean} check @param {number} t0 */
  const untilPainted = (check, t0) =>
    new Promise((resolve) => {
      const frame = () => {
        if (check()) setTimeout(() => resolve(performance.now() - t0), 0);
        else requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
  /** @param {string} type @param {() => boolean} [check] @param {(e: Event) => boolean} [filter] */
  window.__benchArm = (type, check = () => true, filter = () => true) => {
    window.__benchTiming = new Promise((resolve) => {
      const on = (/** @type {Event} */ e) => {
        if (!filter(e)) return;
        document.removeEventListener(type, on, true);
        void untilPainted(check, e.timeStamp).then(resolve);
      };
      document.addEventListener(type, on, true);
    });
  };
  // "usable": all role nodes drawn, the workspace open, and its people counted in the list
  window.__benchUsable = (/** @type {string} */ name, /** @type {number} */ people) => {
    const select = /** @type {HTMLSelectElement | null} */ (document.querySelector('#workspace-select'));
    const option = select?.selectedOptions[0];
    const list = document.querySelector('[data-person-id]');
    const nodes = document.querySelectorAll('.svelte-flow__node-role');
    return (
      option?.textContent?.trim() === name &&
      nodes.length >= 32 &&
      (people === 0 || list?.getAttribute('aria-setsize') === String(people))
    );
  };
}

/**
 * The time the last armed interaction took, once it has been painted.
 * @param {Page} page
 * @returns {Promise<number>}
 */
const timing = (page) => page.evaluate(() => window.__benchTiming ?? Promise.reject(new Error('nothing armed')));

/** @param {Page} page @param {string} name @param {number} people */
async function waitUsable(page, name, people) {
  await page.waitForFunction(([n, p]) => window.__benchUsable(n, p), /** @type {[string, number]} */ ([name, people]), {
    polling: 'raf',
    timeout: 120_000,
  });
}

/** @param {number[]} xs @param {number} q */
export function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const i = Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1));
  return s[i] ?? NaN;
}

/**
 * Measures one scale in a fresh context: import (3 times, each its own workspace), reload,
 * adding people, selecting roles, phase, search, system, and dragging a role.
 * @param {import('@playwright/test').Browser} browser
 * @param {string} url
 * @param {{ name: string, scale: Scale, workspaceName: string, text: string }} file
 * @param {{ width: number, height: number }} viewport
 * @param {number} samples
 */
export async function measureScale(browser, url, file, viewport, samples) {
  const context = await browser.newContext({ viewport });
  await context.addInitScript(installProbes);
  const page = await context.newPage();
  /** @type {Record<keyof typeof TARGETS, number[]>} */
  const out = { import: [], reload: [], addPaint: [], addSaved: [], selectRole: [], phase: [], search: [], system: [], drag: [] };
  try {
    await page.goto(url);
    await waitUsable(page, 'Eksempel Kommune', 12);

    step('import');
    // import through the app's own file input, a new workspace each time
    let name = file.workspaceName;
    for (let i = 1; i <= 3; i++) {
      name = `${file.workspaceName} (${i})`;
      const text = file.text.replace(`"name": "${file.workspaceName}"`, `"name": "${name}"`);
      await page.evaluate(
        ([n, p]) =>
          window.__benchArm(
            'change',
            () => window.__benchUsable(n, p),
            (e) => e.target instanceof HTMLInputElement && e.target.type === 'file',
          ),
        /** @type {[string, number]} */ ([name, file.scale.people]),
      );
      await page.getByLabel('Importér', { exact: true }).setInputFiles({ name: 'bench.rollekort.json', mimeType: 'application/json', buffer: Buffer.from(text) });
      out.import.push(await timing(page));
    }

    step('reload');
    for (let i = 0; i < 3; i++) {
      await page.reload({ waitUntil: 'commit' });
      await waitUsable(page, name, file.scale.people);
      out.reload.push(await page.evaluate(() => performance.now()));
    }
    // the last measured figure is a reload's; the page is otherwise idle from here on
    await page.waitForTimeout(300);

    step('add people');
    // add people: Enter in the form, to the new person focused in the list, and to "saved"
    for (let i = 0; i < samples; i++) {
      const person = `Bench Person ${i}`;
      await page.getByRole('button', { name: 'Tilføj person', exact: true }).click();
      await page.locator('.person-form input').first().fill(person);
      await page.evaluate((n) => {
        window.__benchArm(
          'keydown',
          () => document.activeElement?.closest('[data-person-id]')?.textContent?.trim() === n,
          (e) => /** @type {KeyboardEvent} */ (e).key === 'Enter',
        );
        window.__benchSaved = new Promise((resolve) => {
          const status = document.querySelector('[data-save-state]');
          let t0 = 0;
          let left = false;
          document.addEventListener('keydown', (e) => (t0 = e.key === 'Enter' ? e.timeStamp : t0), { capture: true, once: true });
          const seen = new MutationObserver(() => {
            const state = document.querySelector('[data-save-state]')?.getAttribute('data-save-state');
            if (t0 && state !== 'saved') left = true;
            else if (t0 && left && state === 'saved') {
              seen.disconnect();
              resolve(performance.now() - t0);
            }
          });
          seen.observe(status?.parentElement ?? document.body, { subtree: true, attributes: true, childList: true, characterData: true });
        });
      }, person);
      await page.keyboard.press('Enter');
      const paint = await timing(page);
      const saved = await page.evaluate(() => window.__benchSaved);
      out.addPaint.push(/** @type {number} */ (paint));
      out.addSaved.push(/** @type {number} */ (saved));
    }

    step('select role');
    // select a role: click to the next painted frame with the role selected
    const roles = ['projektleder', 'systemejer', 'it-arkitekt', 'superbruger'];
    for (let i = 0; i < samples; i++) {
      const id = roles[i % roles.length];
      // selecting moves the camera to the role: frame the whole map again first, and let it settle
      await page.getByRole('button', { name: 'Vis hele kortet', exact: true }).click();
      await page.waitForTimeout(700);
      await page.evaluate(
        (r) => window.__benchArm('click', () => document.querySelector(`.svelte-flow__node[data-id="${r}"]`)?.classList.contains('selected') ?? false),
        id,
      );
      // on the role's name: lower down sit the people's chips, whose buttons do other things
      await page.locator(`.svelte-flow__node[data-id="${id}"]`).click({ position: { x: 24, y: 10 } });
      out.selectRole.push(await timing(page));
    }
    await page.keyboard.press('Escape');

    step('phase');
    // change phase (inside "Visning")
    await page.getByRole('button', { name: /^Visning/ }).click();
    const phases = ['fase-1-opstart', 'fase-2-forberedelse', 'drift', 'alle'];
    for (let i = 0; i < samples; i++) {
      const value = phases[i % phases.length];
      await page.evaluate(() => window.__benchArm('change'));
      await page.locator('#phase-select').selectOption(value ?? 'alle');
      out.phase.push(await timing(page));
    }
    await page.keyboard.press('Escape');

    step('search');
    // type in the role search, one key at a time: role names, one after another, until there are enough keys
    await page.locator('#role-search').click();
    for (const word of SEARCH_WORDS) {
      for (const key of word) {
        if (out.search.length >= samples) break;
        await page.evaluate(() => window.__benchArm('input'));
        await page.keyboard.type(key);
        out.search.push(await timing(page));
      }
      await page.locator('#role-search').fill('');
      await page.waitForTimeout(200);
    }

    step('system');
    // switch the IT system
    const systems = await page.locator('#system-select option').evaluateAll((os) => os.map((o) => /** @type {HTMLOptionElement} */ (o).value));
    for (let i = 0; i < samples && systems.length > 1; i++) {
      await page.evaluate(() => window.__benchArm('change'));
      await page.locator('#system-select').selectOption(systems[(i + 1) % systems.length] ?? '');
      out.system.push(await timing(page));
    }

    step('drag');
    // drag a role across the map: the interval between frames while it moves
    await page.getByRole('button', { name: 'Vis hele kortet', exact: true }).click();
    await page.waitForTimeout(700);
    const box = await page.locator('.svelte-flow__node[data-id="projektejer"]').boundingBox();
    if (box) {
      await page.evaluate(() => {
        window.__benchFrames = [];
        const tick = (/** @type {number} */ t) => {
          window.__benchFrames?.push(t);
          if (window.__benchFrames) requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
      const [x, y] = [box.x + 24, box.y + 10]; // the name, not a chip
      await page.mouse.move(x, y);
      await page.mouse.down();
      for (let i = 1; i <= DRAG_MOVES; i++) await page.mouse.move(x + i * 2, y + i);
      await page.mouse.up();
      const frames = await page.evaluate(() => {
        const f = window.__benchFrames ?? [];
        window.__benchFrames = undefined;
        return f;
      });
      const after = await page.locator('.svelte-flow__node[data-id="projektejer"]').boundingBox();
      // frames of a page where nothing moved would say nothing about dragging
      if (!after || Math.abs(after.x - box.x) < DRAG_MOVES) throw new Error('the drag did not move the role, so its frames are not measured');
      out.drag = frames.slice(1).map((t, i) => t - (frames[i] ?? t));
    }
  } finally {
    await context.close();
  }
  return out;
}
