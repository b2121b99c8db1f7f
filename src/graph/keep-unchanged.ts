/**
 * Structural sharing for the map's nodes and edges. The map is rebuilt from the workspace and
 * the view on every change, but most changes touch one or two boxes (a selection, a drag, a
 * person added) or none (a person with no roles yet). Handing Svelte Flow the previous object
 * for every node or edge that looks the same lets it skip them: an internal node whose user node
 * is the same object is kept, and its component sees no new props.
 */

/** Deep equality for the plain data a node or edge is made of: primitives, arrays and plain objects. */
export function sameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => sameData(x, b[i]));
  }
  if (Array.isArray(b)) return false;
  // anything but a plain object (a Set, a Map, a Date) is only the same when it is the same object
  if (Object.getPrototypeOf(a) !== Object.prototype || Object.getPrototypeOf(b) !== Object.prototype) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const rb = b as Record<string, unknown>;
  const ra = a as Record<string, unknown>;
  return ka.every((k) => Object.hasOwn(rb, k) && sameData(ra[k], rb[k]));
}

/**
 * `next`, with each item that equals the item of the same id in `prev` replaced by that older
 * object. When every item is kept, in the same order, `prev` itself is returned, so that a
 * rebuild that changes nothing is not a change at all.
 */
export function keepUnchanged<T extends { id: string }>(prev: readonly T[], next: readonly T[]): readonly T[] {
  const before = new Map(prev.map((item) => [item.id, item]));
  let all = prev.length === next.length;
  const out = next.map((item, i) => {
    const old = before.get(item.id);
    if (old !== undefined && sameData(old, item)) {
      if (prev[i] !== old) all = false;
      return old;
    }
    all = false;
    return item;
  });
  return all ? prev : out;
}
