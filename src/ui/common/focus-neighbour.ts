/**
 * After a list item was removed together with the button that had focus: focuses the button
 * that now stands in its place (or the last one, when it was last), else `fallback` (a heading
 * with tabindex="-1"), so focus never drops to the page.
 */
export function focusNeighbour(list: HTMLElement | undefined, selector: string, index: number, fallback: HTMLElement | undefined) {
  const buttons = [...(list?.querySelectorAll<HTMLElement>(selector) ?? [])];
  (buttons[Math.min(index, buttons.length - 1)] ?? fallback)?.focus();
}
