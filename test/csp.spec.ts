import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from '../src/pwa/csp';
import { test, expect } from './fixtures';
import { ExplorerPage, openViewOptions } from './explorer-page';

// Every browser test runs under the policy (vite preview sends it, the page carries it)
// and fails on any violation (test/fixtures.ts). These check the pieces themselves.

test('the page is served with the policy, as a header and as a meta tag', async ({ page }) => {
  const response = await page.goto('/');
  expect(response?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute(
    'content',
    META_CONTENT_SECURITY_POLICY,
  );
});

test('the ELK layout worker is a same-origin script, which worker-src \'self\' allows', async ({ page }) => {
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  const x = new ExplorerPage(page);
  await x.open('?fase=drift');
  await openViewOptions(page);
  await page.getByLabel('Skjul nedtonede roller').check();
  await expect(x.node('projektleder')).toHaveCount(0);
  await expect(page.locator('[data-layout-status="idle"]')).toBeVisible();
  expect(workers.length).toBeGreaterThan(0);
  for (const url of workers) expect(new URL(url).origin).toBe(new URL(page.url()).origin);
});

test.fail('a style attribute in markup is blocked, and the fixture fails the test for it', async ({ page }) => {
  await new ExplorerPage(page).open();
  await page.evaluate(() => {
    const div = document.createElement('div');
    div.innerHTML = '<span style="color: red">x</span>';
    document.body.append(div);
  });
  // the violation is real (the browser reports it); the fixture then fails this test
  // (Chromium fires the event twice for one blocked attribute.)
  await expect.poll(() => page.evaluate(() => window.__cspViolations?.length ?? 0)).toBeGreaterThan(0);
});
