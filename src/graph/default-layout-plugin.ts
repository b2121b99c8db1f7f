import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ELK from 'elkjs/lib/elk.bundled.js';
import type { Plugin } from 'vite';
// Explicit .ts extensions: Vite loads its config (and this file) natively from a future major on.
import { parseCatalogue } from '../domain/catalogue/load.ts';
import { fromElkGraph, layoutInputFor, layoutKey, toElkGraph, type Layout } from './elk-graph.ts';

const VIRTUAL = 'virtual:default-layouts';
const RESOLVED = '\0' + VIRTUAL;

/** Lays out every catalogue's full graph, as ELK would in the browser. */
export async function computeDefaultLayouts(dir: string): Promise<Record<string, Layout>> {
  const elk = new ELK();
  const layouts: Record<string, Layout> = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))) {
    const parsed = parseCatalogue(JSON.parse(readFileSync(join(dir, file), 'utf8')));
    if (!parsed.ok) throw new Error(`${file}: ${parsed.error.message}`);
    const input = layoutInputFor(parsed.value);
    const key = layoutKey(input);
    layouts[key] = fromElkGraph(key, await elk.layout(toElkGraph(input)));
  }
  return layouts;
}

/**
 * Serves `virtual:default-layouts`: the default layout of each catalogue, computed
 * at build time so the first graph does not wait on the layout worker.
 */
export function defaultLayoutPlugin(catalogueDir: string): Plugin {
  return {
    name: 'rollekort-default-layouts',
    resolveId: (id) => (id === VIRTUAL ? RESOLVED : undefined),
    async load(id) {
      if (id !== RESOLVED) return undefined;
      for (const f of readdirSync(catalogueDir)) this.addWatchFile(join(catalogueDir, f));
      return `export default ${JSON.stringify(await computeDefaultLayouts(catalogueDir))};`;
    },
  };
}
