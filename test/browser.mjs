// The Chromium the browser tests and the bench run in, and its flags. Plain JS so that
// test/bench/run.mjs (run by node, no TypeScript) and playwright.config.ts share it.
import { existsSync, readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { chromium } from '@playwright/test';

export const SYSTEM_CHROMIUM = '/usr/lib/chromium/chromium';

/** Flags for headless Chromium on this kind of machine (see ../shared/TOOLCHAIN.md). */
export const CHROMIUM_ARGS = [
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/**
 * Playwright's bundled Chromium, if it and the headless shell beside it are installed.
 * @returns {string | undefined}
 */
export function bundledChromium() {
  const path = chromium.executablePath();
  if (!existsSync(path)) return undefined;
  // <browsers>/chromium-<rev>/chrome-linux/chrome: headless runs need <browsers>/chromium_headless_shell-<rev>.
  const browsersDir = dirname(dirname(dirname(path)));
  const hasHeadlessShell = readdirSync(browsersDir).some((name) => name.startsWith('chromium_headless_shell-'));
  return hasHeadlessShell ? path : undefined;
}

/**
 * The Chromium to test with: CHROMIUM_PATH, else Playwright's own, else Debian's.
 * @returns {string}
 */
export function chromiumPath() {
  return process.env.CHROMIUM_PATH || bundledChromium() || SYSTEM_CHROMIUM;
}
