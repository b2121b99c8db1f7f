import type { Rect } from './elk-graph';
import { ROLE_NODE } from './elk-graph';

/**
 * Zoom from which role boxes show their detail (effect, holders); below it only the name,
 * large. Above any whole-map fit on a 1920 px screen, so a fitted map always shows names large.
 */
export const DETAIL_ZOOM = 1.3;
/** The fits never zoom in beyond this: a map of three roles should not fill a projector. */
export const FIT_MAX_ZOOM = 1.5;
export const MIN_ZOOM = 0.1;
export const MAX_ZOOM = 3;

/** The smallest rectangle around the given role boxes (top-left corners), or null when there are none. */
export function boundsOf(positions: Iterable<{ x: number; y: number }>): Rect | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of positions) {
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x + ROLE_NODE.width);
    maxY = Math.max(maxY, p.y + ROLE_NODE.height);
  }
  return minX === Infinity ? null : { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

/** The smallest rectangle around `a` and all of `rects`. */
export function union(a: Rect, rects: readonly Rect[]): Rect {
  const x = Math.min(a.x, ...rects.map((r) => r.x));
  const y = Math.min(a.y, ...rects.map((r) => r.y));
  const right = Math.max(a.x + a.width, ...rects.map((r) => r.x + r.width));
  const bottom = Math.max(a.y + a.height, ...rects.map((r) => r.y + r.height));
  return { x, y, width: right - x, height: bottom - y };
}

/** Which semantic zoom level a zoom factor shows. */
export const zoomLevel = (zoom: number): 'overview' | 'detail' => (zoom >= DETAIL_ZOOM ? 'detail' : 'overview');
