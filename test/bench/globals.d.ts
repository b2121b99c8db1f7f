// What the bench puts on `window`: set by floor.ts and by run.mjs's init script.
import type { BenchExportResult } from './bench-export';
import type { BenchLayoutResult } from './bench-layout';

declare global {
  interface Window {
    /** Lays out the full catalogue graph in the worker: once cold, then `warmRuns` times warm. */
    __benchLayout?: (warmRuns: number) => Promise<BenchLayoutResult>;
    /** Exports one IT system's rollekatalog as .docx in a 1,000-person, 40-system workspace: once cold, then `warmRuns` times. */
    __benchExport?: (warmRuns: number) => Promise<BenchExportResult>;
    /** performance.now() at the first frame where every role node was drawn and visible. */
    __benchVisibleAt?: number;
  }
}

export {};
