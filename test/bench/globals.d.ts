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
    /** Starts timing from the next `type` event to the first painted frame in which `check()` holds (scale.mjs). */
    __benchArm: (type: string, check?: () => boolean, filter?: (e: Event) => boolean) => void;
    /** The ms the last armed interaction took, once painted. */
    __benchTiming?: Promise<number>;
    /** The ms from Enter until the save status is back at saved (scale.mjs). */
    __benchSaved?: Promise<number>;
    /** True when the named workspace is open with its people listed and all roles drawn (scale.mjs). */
    __benchUsable: (name: string, people: number) => boolean;
    /** Frame timestamps collected while a role is dragged (scale.mjs). */
    __benchFrames?: number[];
  }
}

export {};
