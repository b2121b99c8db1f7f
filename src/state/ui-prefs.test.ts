import { describe, expect, it } from 'vitest';
import { PANELS_KEY, UiPrefs } from './ui-prefs.svelte';

function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() { return m.size; },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, v),
  };
}

describe('UiPrefs', () => {
  it('opens the panels by default and remembers closing them', () => {
    const store = memoryStorage();
    const prefs = new UiPrefs(store);
    expect(prefs.panelsOpen).toBe(true);
    prefs.panelsOpen = false;
    expect(store.getItem(PANELS_KEY)).toBe('closed');
    expect(new UiPrefs(store).panelsOpen).toBe(false);
  });

  it('works without storage', () => {
    const prefs = new UiPrefs(null);
    prefs.panelsOpen = false;
    expect(prefs.panelsOpen).toBe(false);
  });
});
