// What the bench puts on `window`: set by floor.ts and by run.mjs's init script.
import type { BenchLayoutResult } from './bench-layout';

declare global {
  interface Window {
    /** Lays out the full catalogue graph in the worker: once cold, then `warmRuns` times warm. */
    __benchLayout?: (warmRuns: number) => Promise<BenchLayoutResult>;
    /** performance.now() at the first frame where every role node was drawn and visible. */
    __benchVisibleAt?: number;
  }
}

export {};
