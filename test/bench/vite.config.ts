// Build for `npm run bench`: the app and the bench's floor page, served together from dist-bench.
//
// BENCH_PAGES picks the entries (default "index,floor"). run.mjs builds each page on its
// own, so the app's chunks are exactly those of `npm run build` (with both entries in one
// build, Rolldown moves the code they share into a common chunk).
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vite';
import appConfig from '../../vite.config';

const root = fileURLToPath(new URL('../..', import.meta.url));
const PAGES: Record<string, string> = {
  index: resolve(root, 'index.html'),
  floor: resolve(root, 'test/bench/floor.html'),
  storage: resolve(root, 'test/bench/storage.html'),
};
const pages = (process.env.BENCH_PAGES ?? 'index,floor').split(',').map((p) => p.trim());
const input = Object.fromEntries(
  pages.map((page) => {
    const html = PAGES[page];
    if (!html) throw new Error(`BENCH_PAGES: unknown page "${page}" (known: ${Object.keys(PAGES).join(', ')})`);
    return [page, html];
  }),
);

export default mergeConfig(
  appConfig,
  defineConfig({
    root,
    build: {
      outDir: 'dist-bench',
      // run.mjs empties dist-bench once, then builds the pages into it one after another.
      emptyOutDir: false,
      rolldownOptions: { input },
    },
    preview: { port: 4175, strictPort: true },
  }),
);
