// Lighthouse on the production build, desktop and mobile: fails when the layout shift (CLS)
// is over 0.05, accessibility is under 100 or the page has no meta description.
// Run by `npm run audit` after `vite build`. AUDIT_PORT picks the preview port (4176; the bench uses 4175).
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { chromiumPath } from './browser.mjs';
import { startPreview } from './vite-process.mjs';

const run = promisify(execFile);
const port = Number(process.env.AUDIT_PORT ?? 4176);
const url = `http://localhost:${port}/`;
const out = 'test-results/lighthouse';
mkdirSync(out, { recursive: true });

const server = await startPreview({ port });
let failed = false;
try {
  for (const form of ['desktop', 'mobile']) {
    const path = `${out}/${form}.json`;
    await run(
      process.execPath,
      [
        'node_modules/lighthouse/cli/index.js',
        url,
        '--quiet',
        '--output=json',
        `--output-path=${path}`,
        '--only-categories=performance,accessibility,seo',
        '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage',
        ...(form === 'desktop' ? ['--preset=desktop'] : []),
      ],
      { env: { ...process.env, CHROME_PATH: chromiumPath() }, maxBuffer: 1 << 26 },
    );
    /** @typedef {{ id: string; score: number | null; numericValue: number }} Audit */
    /** @type {{ audits: { 'cumulative-layout-shift': Audit; 'meta-description': Audit } & Record<string, Audit>; categories: { accessibility: { score: number; auditRefs: { id: string }[] } } }} */
    const report = JSON.parse(readFileSync(path, 'utf8'));
    const cls = report.audits['cumulative-layout-shift'].numericValue;
    const accessibility = report.categories.accessibility;
    const a11y = accessibility.score;
    const description = report.audits['meta-description'].score;
    const problems = [];
    if (!(cls <= 0.05)) problems.push(`CLS ${cls.toFixed(3)} > 0.05`);
    if (a11y !== 1) {
      const failing = Object.values(report.audits).filter((a) => a.score === 0 && accessibility.auditRefs.some((r) => r.id === a.id));
      problems.push(`accessibility ${Math.round(a11y * 100)} < 100 (${failing.map((a) => a.id).join(', ')})`);
    }
    if (description !== 1) problems.push('no meta description');
    console.log(`${form}: CLS ${cls.toFixed(3)}, accessibility ${Math.round(a11y * 100)}, meta description ${description === 1 ? 'yes' : 'no'}${problems.length ? ` -- ${problems.join('; ')}` : ''}`);
    if (problems.length) failed = true;
  }
} finally {
  await server.stop();
}
process.exit(failed ? 1 : 0);
