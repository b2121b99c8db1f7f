import { mkdirSync, writeFileSync } from 'node:fs';

/** Test-only: whether the reliability suite runs at full size (`npm run test:reliability`) or short (`npm test`). */
export const FULL = process.env.RELIABILITY === 'full';

/** Test-only: writes one reliability result for RELIABILITY.md (test/reliability-report.mjs gathers them). */
export function recordReliability(name: string, result: { tried: number; failed: number; lost: number; note?: string }) {
  mkdirSync('reliability-results', { recursive: true });
  writeFileSync(`reliability-results/${name}.json`, JSON.stringify({ name, full: FULL, ...result, at: new Date().toISOString() }));
}
