import { existsSync, readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { chromium } from '@playwright/test';

const SYSTEM_CHROMIUM = '/usr/lib/chromium/chromium';

/** Playwright's bundled Chromium, if it and the headless shell beside it are installed. */
export function bundledChromium(): string | undefined {
  const path = chromium.executablePath();
  if (!existsSync(path)) return undefined;
  // <browsers>/chromium-<rev>/chrome-linux/chrome: headless runs need <browsers>/chromium_headless_shell-<rev>.
  const browsersDir = dirname(dirname(dirname(path)));
  const hasHeadlessShell = readdirSync(browsersDir).some((name) =>
    name.startsWith('chromium_headless_shell-'),
  );
  return hasHeadlessShell ? path : undefined;
}

/** The Chromium to test with: CHROMIUM_PATH, else Playwright's own, else Debian's. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || bundledChromium() || SYSTEM_CHROMIUM;
}
