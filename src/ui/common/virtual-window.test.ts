import { describe, expect, it } from 'vitest';
import { scrollToRow, visibleRows } from './virtual-window';

describe('virtual window', () => {
  it('draws the rows in view and the overscan, not the whole list', () => {
    const rows = visibleRows({ count: 5000, rowHeight: 30, scrollTop: 3000, viewHeight: 300, overscan: 2 });
    expect(rows[0]).toBe(98);
    expect(rows.at(-1)).toBe(112);
    expect(rows).toHaveLength(15);
  });

  it('clamps at both ends and handles an empty list', () => {
    expect(visibleRows({ count: 3, rowHeight: 30, scrollTop: 0, viewHeight: 600 })).toEqual([0, 1, 2]);
    expect(visibleRows({ count: 0, rowHeight: 30, scrollTop: 0, viewHeight: 600 })).toEqual([]);
    expect(visibleRows({ count: 100, rowHeight: 30, scrollTop: 99_999, viewHeight: 300, overscan: 0 })).toEqual([90, 91, 92, 93, 94, 95, 96, 97, 98, 99]);
  });

  it('keeps a row that must stay drawn, in order, and ignores rows that do not exist', () => {
    const rows = visibleRows({ count: 5000, rowHeight: 30, scrollTop: 0, viewHeight: 90, overscan: 0, keep: [4000, 1, 9999] });
    expect(rows).toEqual([0, 1, 2, 3, 4000]);
  });

  it('draws at least one row before its height is known', () => {
    expect(visibleRows({ count: 10, rowHeight: 30, scrollTop: 0, viewHeight: 0, overscan: 0 })).toEqual([0, 1]);
  });

  it('scrolls as little as possible to show a row', () => {
    expect(scrollToRow(10, 30, 0, 300)).toBe(30); // below: its bottom at the view's bottom
    expect(scrollToRow(2, 30, 300, 300)).toBe(60); // above: its top at the view's top
    expect(scrollToRow(12, 30, 300, 300)).toBe(300); // already in view
  });
});
