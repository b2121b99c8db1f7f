// Writes RELIABILITY.md from the last `npm run test:reliability`: the figures each
// reliability test recorded, and the outcome of every storage-fault scenario test.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';

const dir = 'reliability-results';
/** @type {{ name: string, full: boolean, tried: number, failed: number, lost: number, note?: string, at: string }[]} */
const figures = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'playwright.json').map((f) => JSON.parse(readFileSync(`${dir}/${f}`, 'utf8'))) : [];

/** @param {any} suite @param {string[]} titles @returns {{ title: string, ok: boolean }[]} */
function outcomes(suite, titles = []) {
  const here = suite.title ? [...titles, suite.title] : titles;
  const specs = (suite.specs ?? []).map((/** @type {any} */ s) => ({ title: [...here, s.title].join(' › '), ok: s.ok }));
  return [...specs, ...(suite.suites ?? []).flatMap((/** @type {any} */ s) => outcomes(s, here))];
}
const browser = existsSync(`${dir}/playwright.json`) ? outcomes(JSON.parse(readFileSync(`${dir}/playwright.json`, 'utf8'))) : [];

const lines = [
  '# Reliability: the last run',
  '',
  `Written by \`npm run test:reliability\` (\`test/reliability-report.mjs\`) on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
  '`npm test` runs a short form of the same tests; `.ci/run` runs this full one.',
  '',
  '| test | size | tried | failed | lost | note |',
  '|---|---|---|---|---|---|',
  ...figures.sort((a, b) => a.name.localeCompare(b.name)).map((f) => `| ${f.name} | ${f.full ? 'full' : 'short'} | ${f.tried} | ${f.failed} | ${f.lost} | ${f.note ?? ''} |`),
  '',
  '## Storage faults and data-safety scenarios (real Chromium)',
  '',
  '| scenario | outcome |',
  '|---|---|',
  ...browser.map((b) => `| ${b.title.replace(/\|/g, '\\|')} | ${b.ok ? 'passed' : 'FAILED'} |`),
  '',
];
writeFileSync('RELIABILITY.md', lines.join('\n'));
console.log(`RELIABILITY.md: ${figures.length} figures, ${browser.length} scenarios, ${figures.filter((f) => f.failed || f.lost).length + browser.filter((b) => !b.ok).length} failing`);
