import { describe, expect, it } from 'vitest';
import { boundsOf, zoomLevel } from './camera';
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

  it('switches to detail at zoom 1.3', () => {
    expect(zoomLevel(1.2)).toBe('overview');
    expect(zoomLevel(1.3)).toBe('detail');
  });
});
