// Times ELK in its Web Worker for window.__benchLayout (see floor.ts). Loaded only when
// called, so the floor page itself never pulls in the layout code.
import { parseCatalogue } from '../../src/domain/catalogue';
import { layoutInputFor } from '../../src/graph/elk-graph';
import { createWorkerElk } from '../../src/graph/elk-worker';
import { LayoutEngine } from '../../src/graph/layout-engine';

/** ELK timings in ms, measured in the page. */
export interface BenchLayoutResult {
  /** New LayoutEngine, worker creation (elk-api and worker chunk loads) and the first layout. */
  cold: number;
  /** Each further layout of the same graph on the same engine. */
  warm: number[];
  roles: number;
  edges: number;
}

/** Lays out the full catalogue graph in the worker: once cold, then `warmRuns` times warm. */
export async function benchLayout(catalogueUrl: string, warmRuns: number): Promise<BenchLayoutResult> {
  const parsed = parseCatalogue(await (await fetch(catalogueUrl)).json());
  if (!parsed.ok) throw new Error(parsed.error.message);
  const input = layoutInputFor(parsed.value);

  let t = performance.now();
  const engine = new LayoutEngine(createWorkerElk);
  const first = await engine.layout(input);
  const cold = performance.now() - t;
  if (!first) throw new Error('the cold layout was dropped as stale');

  const warm: number[] = [];
  for (let i = 0; i < warmRuns; i++) {
    t = performance.now();
    await engine.layout(input);
    warm.push(performance.now() - t);
  }
  return {
    cold,
    warm,
    roles: input.groups.reduce((n, g) => n + g.roleIds.length, 0),
    edges: input.edges.length,
  };
}
