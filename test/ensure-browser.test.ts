import { describe, expect, it } from 'vitest';
import { browserPlan } from './ensure-browser.mjs';
import { SYSTEM_CHROMIUM } from './browser.mjs';

const machine = (files: string[], over: Partial<Parameters<typeof browserPlan>[0]> = {}) => ({
  exists: (p: string) => files.includes(p),
  isRoot: false,
  hasApt: false,
  ...over,
});

describe('npm test finds or provides its browser', () => {
  it('uses CHROMIUM_PATH first, then Playwright\'s own, then Debian\'s', () => {
    expect(browserPlan(machine(['/opt/c', SYSTEM_CHROMIUM], { chromiumPath: '/opt/c', bundled: '/pw/chrome' }))).toEqual({ action: 'use', path: '/opt/c' });
    expect(browserPlan(machine([SYSTEM_CHROMIUM], { bundled: '/pw/chrome' }))).toEqual({ action: 'use', path: '/pw/chrome' });
    expect(browserPlan(machine([SYSTEM_CHROMIUM]))).toEqual({ action: 'use', path: SYSTEM_CHROMIUM });
  });

  it('installs Debian\'s chromium only as root with apt', () => {
    expect(browserPlan(machine([], { isRoot: true, hasApt: true }))).toEqual({ action: 'install' });
    expect(browserPlan(machine([], { isRoot: false, hasApt: true })).action).toBe('stop');
    expect(browserPlan(machine([], { isRoot: true, hasApt: false })).action).toBe('stop');
  });

  it('stops with one line that says what to install', () => {
    const plan = browserPlan(machine([]));
    expect(plan).toEqual({ action: 'stop', message: expect.stringMatching(/^npm test needs Chromium: install Debian's \(sudo apt-get install chromium\)/) });
    if (plan.action === 'stop') expect(plan.message).not.toContain('\n');
  });

  it('does not fall back silently when CHROMIUM_PATH points nowhere', () => {
    expect(browserPlan(machine([SYSTEM_CHROMIUM], { chromiumPath: '/nowhere' }))).toMatchObject({ action: 'stop', message: expect.stringContaining('/nowhere') });
  });
});
