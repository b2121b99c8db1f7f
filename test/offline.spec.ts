import { test, expect } from './fixtures';
import { ExplorerPage, openViewOptions } from './explorer-page';
import { WorkspacePage } from './workspace-page';

// The one place (with update.spec.ts) where the service worker may run: see playwright.config.ts.
test.use({ serviceWorkers: 'allow' });

/** Waits until the service worker has precached the app and controls the page. */
async function controlledByServiceWorker(page: import('@playwright/test').Page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated');
}

test('after one visit the app starts and works with the network off', async ({ page, context }) => {
  const w = new WorkspacePage(page);
  await w.open();
  await controlledByServiceWorker(page);

  await context.setOffline(true);
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);

  const response = await page.reload();
  expect(response?.fromServiceWorker(), 'the page came from the service worker').toBe(true);
  const x = new ExplorerPage(page);
  await expect(x.roleNodes).toHaveCount(32);
  await expect(page.getByRole('heading', { name: 'Rollekort', level: 1 })).toBeVisible();
  await w.saved();

  // a person can be added and is stored
  await w.addPerson('Offline Olsen');
  await w.saved();

  // a link with view state in its query opens offline too (the page falls back to the precached index.html)
  await page.goto('/?fase=drift');
  await expect(x.roleNodes).toHaveCount(32);
  await expect(w.person('Offline Olsen')).toBeVisible();

  // the layout worker (the ELK chunk, precached) lays out what is left after hiding dimmed roles
  const before = await x.node('systemansvarlig').evaluate((el) => (el as HTMLElement).style.transform);
  await openViewOptions(page);
  await page.getByLabel('Skjul nedtonede roller').check();
  await expect(x.node('projektleder')).toHaveCount(0);
  await expect
    .poll(() => x.node('systemansvarlig').evaluate((el) => (el as HTMLElement).style.transform))
    .not.toBe(before);
  await expect(page.locator('[data-layout-status="idle"]')).toBeVisible();
});

test('the app is installable: a Danish manifest with 192 and 512 PNG icons and the SVG, all precached', async ({
  page,
  context,
}) => {
  await page.goto('/');
  await controlledByServiceWorker(page);
  // Chromium's own check, the one behind its install button. A Playwright context is an
  // incognito profile, where Chromium never installs; any other reason would be ours.
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  expect(installabilityErrors.map((e) => e.errorId)).toEqual(['in-incognito']);
  await context.setOffline(true);
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBeTruthy();
  const manifest = await page.evaluate(async (url) => (await fetch(url)).json(), href!);
  expect(manifest).toMatchObject({ name: 'Rollekort', lang: 'da', display: 'standalone', start_url: '.' });
  const icons = manifest.icons as { src: string; sizes: string; type: string }[];
  expect(icons.map((i) => `${i.sizes} ${i.type}`)).toEqual(['192x192 image/png', '512x512 image/png', 'any image/svg+xml']);
  // each icon decodes, at its stated size, from the precache
  for (const icon of icons.filter((i) => i.type === 'image/png')) {
    const size = await page.evaluate(async (src) => {
      const bitmap = await createImageBitmap(await (await fetch(src)).blob());
      return `${bitmap.width}x${bitmap.height}`;
    }, icon.src);
    expect(size).toBe(icon.sizes);
  }
});
