// Pure and free of Svelte Flow, so the browser tests can check it against what Chromium draws.
const WIDE = new Set('mwæMWÆ');
const NARROW = new Set('ijlftr .,/-()');
/**
 * How wide a relation label is drawn (12 px bold, 5 px padding and a 1 px border each side),
 * on the generous side: wide letters, narrow letters, the rest. A plain count of letters
 * fell short for "samarbejder med" (its m's), and two labels placed apart could still touch.
 */
export function labelWidth(text: string): number {
  let w = 14;
  for (const c of text) w += WIDE.has(c) ? 12.5 : NARROW.has(c) ? 5.5 : 8.2;
  return Math.ceil(w);
}
