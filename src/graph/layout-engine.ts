import type { ElkNode } from 'elkjs/lib/elk-api';
import { fromElkGraph, layoutKey, toElkGraph, type Layout, type LayoutInput } from './elk-graph';

/** The part of ELK the engine needs; the browser passes a worker-backed ELK, tests a bundled one. */
export interface ElkLike {
  layout(graph: ElkNode): Promise<ElkNode>;
}

/**
 * The one door to graph layout. Runs are numbered; a result that arrives after a
 * newer run has started is stale and resolves to null.
 */
export class LayoutEngine {
  #create: () => Promise<ElkLike>;
  #elk: Promise<ElkLike> | null = null;
  #run = 0;

  constructor(create: () => Promise<ElkLike>) {
    this.#create = create;
  }

  /** Starts ELK (and its worker) ahead of the first layout; it takes a few hundred ms. */
  warm(): void {
    this.#instance().catch(() => {
      // the error surfaces again, and is reported, on the first real layout
      this.#elk = null;
    });
  }

  async layout(input: LayoutInput): Promise<Layout | null> {
    const run = ++this.#run;
    const elk = await this.#instance();
    const result = await elk.layout(toElkGraph(input));
    return run === this.#run ? fromElkGraph(layoutKey(input), result) : null;
  }

  #instance(): Promise<ElkLike> {
    this.#elk ??= this.#create();
    return this.#elk;
  }
}
