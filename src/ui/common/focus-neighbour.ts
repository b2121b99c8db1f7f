/**
 * After a list item was removed together with the button that had focus: focuses the button
 * that now stands in its place (or the last one, when it was last), else `fallback` (a heading
 * with tabindex="-1"), so focus never drops to the page.
 */
export function focusNeighbour(list: HTMLElement | undefined, selector: string, index: number, fallback: HTMLElement | undefined) {
  const buttons = [...(list?.querySelectorAll<HTMLElement>(selector) ?? [])];
  (buttons[Math.min(index, buttons.length - 1)] ?? fallback)?.focus();
}

/**
 * After an undo or redo (a button, or Ctrl+Z/Ctrl+Y): when what had focus is gone or has just
 * become disabled (the last undo turns "Fortryd" off; an undone import removes the person who
 * was selected), focus goes to the other of the two buttons, else to the map, never the page.
 */
export async function keepFocusAfterUndo() {
  await Promise.resolve();
  await new Promise(requestAnimationFrame);
  const active = document.activeElement;
  if (active && active !== document.body && active.isConnected && !(active as HTMLButtonElement).disabled) return;
  focusFirst(['[data-undo]:not(:disabled)', '[data-redo]:not(:disabled)', '#graph-title', '#role-search'].map((sel) => document.querySelector<HTMLElement>(sel)));
}

/**
 * Focuses the first of `candidates` that is still in the page, shown, and takes focus (the page
 * itself never counts); returns whether one did. For focus that would otherwise drop to the page.
 */
export function focusFirst(candidates: readonly (HTMLElement | null | undefined)[]): boolean {
  for (const el of candidates) {
    if (!el || el === document.body || !el.isConnected || !el.checkVisibility()) continue;
    el.focus();
    if (document.activeElement === el) return true;
  }
  return false;
}
