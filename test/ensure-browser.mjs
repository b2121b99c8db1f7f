// Makes sure `npm test` has a Chromium before anything runs: it finds one as the browser
// tests do, installs Debian's where it may (root with apt), and otherwise stops at once
// with one line that says what to install.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { bundledChromium, SYSTEM_CHROMIUM } from './browser.mjs';

/**
 * What to do, from what the machine has.
 * @param {{ chromiumPath?: string, bundled?: string, exists: (path: string) => boolean, isRoot: boolean, hasApt: boolean }} m
 * @returns {{ action: 'use', path: string } | { action: 'install' } | { action: 'stop', message: string }}
 */
export function browserPlan({ chromiumPath, bundled, exists, isRoot, hasApt }) {
  if (chromiumPath) {
    return exists(chromiumPath)
      ? { action: 'use', path: chromiumPath }
      : { action: 'stop', message: `CHROMIUM_PATH is set to ${chromiumPath}, but there is no file there: point it at a Chromium binary, or unset it.` };
  }
  if (bundled) return { action: 'use', path: bundled };
  if (exists(SYSTEM_CHROMIUM)) return { action: 'use', path: SYSTEM_CHROMIUM };
  if (isRoot && hasApt) return { action: 'install' };
  return {
    action: 'stop',
    message: "npm test needs Chromium: install Debian's (sudo apt-get install chromium), or set CHROMIUM_PATH to a Chromium binary, or run npx playwright install chromium.",
  };
}

/** @param {string} cmd @param {string[]} args */
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit' }).status === 0;

function main() {
  const plan = browserPlan({
    chromiumPath: process.env.CHROMIUM_PATH,
    bundled: bundledChromium(),
    exists: existsSync,
    isRoot: process.getuid?.() === 0,
    hasApt: existsSync('/usr/bin/apt-get'),
  });
  if (plan.action === 'use') return;
  if (plan.action === 'stop') {
    console.error(plan.message);
    process.exit(1);
  }
  console.log("==> No Chromium found: installing Debian's chromium with apt-get (needs the package mirror, about 20 s)");
  if (!run('apt-get', ['update']) || !run('apt-get', ['install', '-y', 'chromium']) || !existsSync(SYSTEM_CHROMIUM)) {
    console.error("Installing Debian's chromium failed (see above): install it by hand (apt-get install chromium), or set CHROMIUM_PATH.");
    process.exit(1);
  }
  console.log(`==> Installed Chromium at ${SYSTEM_CHROMIUM}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
