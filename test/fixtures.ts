import { test as base, expect } from '@playwright/test';

declare global {
  interface Window {
    /** Content Security Policy violations seen in this document, recorded by the fixture below. */
    __cspViolations?: string[];
  }
}

/**
 * `test` that fails when the page logs a console error, throws an uncaught error, or
 * trips the Content Security Policy (a `securitypolicyviolation` event in any document
 * the page loads).
 */
export const test = base.extend<{ consoleErrors: string[]; expectedConsoleErrors: RegExp[] }>({
  /** Console errors a test provokes on purpose (a sync server going away); never CSP violations. */
  expectedConsoleErrors: [[], { option: true }],
  consoleErrors: [
    async ({ page, expectedConsoleErrors }, use) => {
      const errors: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error' && !expectedConsoleErrors.some((re) => re.test(msg.text()))) errors.push(`console: ${msg.text()}`);
      });
      page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
      // Each violation is recorded in the page and reported here at once, so one seen
      // just before a reload or navigation is not lost with the document.
      await page.exposeFunction('__reportCspViolation', (line: string) => errors.push(`csp: ${line}`));
      await page.addInitScript(() => {
        const report = (window as unknown as { __reportCspViolation: (line: string) => void }).__reportCspViolation;
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', (e) => {
          const line = `${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`;
          window.__cspViolations?.push(line);
          void report(line);
        });
      });
      await use(errors);
      const open = page.isClosed() ? [] : await page.evaluate(() => window.__cspViolations ?? []).catch(() => []);
      for (const line of open) if (!errors.includes(`csp: ${line}`)) errors.push(`csp: ${line}`);
      expect(errors, 'the page logged errors or broke the Content Security Policy').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
