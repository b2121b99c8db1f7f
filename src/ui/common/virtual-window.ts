/** Which rows of a long list of equal-height rows to draw: those in view, a few either side, and any that must stay. */
export interface WindowInput {
  count: number;
  rowHeight: number;
  scrollTop: number;
  viewHeight: number;
  /** Rows drawn beyond each edge of the view, so a quick scroll or arrow key finds them ready. */
  overscan?: number;
  /** Rows drawn wherever they are (the one holding the list's tab stop), so focus never loses its element. */
  keep?: readonly number[];
}

/** The indices to draw, ascending. */
export function visibleRows({ count, rowHeight, scrollTop, viewHeight, overscan = 8, keep = [] }: WindowInput): number[] {
  if (count <= 0 || rowHeight <= 0) return [];
  // the list may just have shrunk under a scroll position the browser has not clamped yet
  scrollTop = Math.min(scrollTop, Math.max(0, count * rowHeight - viewHeight));
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count - 1, Math.ceil((scrollTop + Math.max(viewHeight, rowHeight)) / rowHeight) + overscan);
  const rows = new Set<number>();
  for (let i = first; i <= last; i++) rows.add(i);
  for (const i of keep) if (i >= 0 && i < count) rows.add(i);
  return [...rows].sort((a, b) => a - b);
}

/** The scroll position that brings a row fully into view, moving as little as possible. */
export function scrollToRow(index: number, rowHeight: number, scrollTop: number, viewHeight: number): number {
  const top = index * rowHeight;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + viewHeight) return Math.max(0, top + rowHeight - viewHeight);
  return scrollTop;
}
