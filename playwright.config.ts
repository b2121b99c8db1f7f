import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './test/browser.mjs';
import { syncPortFor } from './server/ports.mjs';

// PW_PORT lets two checkouts run their browser tests side by side.
const port = Number(process.env.PW_PORT ?? 4173);

export default defineConfig({
  testDir: 'test',
  // *.test.ts beside them are vitest's
  testMatch: '**/*.spec.ts',
  workers: 2,
  retries: 0,
  reporter: 'list',
  use: {
    baseURL: `http://localhost:${port}`,
    // A service worker answers requests before page.route sees them, and the precache
    // (about 2 MB) would be fetched in every test. Tests that need it (test/offline.spec.ts)
    // allow it with test.use({ serviceWorkers: 'allow' }).
    serviceWorkers: 'block',
  },
  webServer: {
    // Run node directly: killing an npx wrapper leaves the real server running.
    command: `node node_modules/vite/bin/vite.js preview --port ${port} --strictPort`,
    url: `http://localhost:${port}`,
    reuseExistingServer: !process.env.CI,
    // /sync on the preview server leads to the sync server test/live.spec.ts starts
    env: { ROLLEKORT_SYNC_PROXY: `http://127.0.0.1:${syncPortFor(port)}` },
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: chromiumPath(),
          args: CHROMIUM_ARGS,
        },
      },
    },
  ],
});
