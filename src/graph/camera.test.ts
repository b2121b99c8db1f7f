import { describe, expect, it } from 'vitest';
import { boundsOf, union, zoomLevel } from './camera';
import { ROLE_NODE } from './elk-graph';

describe('camera', () => {
  it('bounds the role boxes, not just their corners', () => {
    expect(boundsOf([{ x: 10, y: 20 }, { x: 300, y: 5 }])).toEqual({
      x: 10,
      y: 5,
      width: 290 + ROLE_NODE.width,
      height: 15 + ROLE_NODE.height,
    });
    expect(boundsOf([])).toBeNull();
  });

  it('unites rectangles, as the role boxes with their group boxes', () => {
    expect(union({ x: 10, y: 10, width: 10, height: 10 }, [{ x: 0, y: 15, width: 5, height: 30 }])).toEqual({ x: 0, y: 10, width: 20, height: 35 });
    expect(union({ x: 1, y: 2, width: 3, height: 4 }, [])).toEqual({ x: 1, y: 2, width: 3, height: 4 });
  });

  it('switches to detail at zoom 1.3', () => {
    expect(zoomLevel(1.2)).toBe('overview');
    expect(zoomLevel(1.3)).toBe('detail');
  });
});
