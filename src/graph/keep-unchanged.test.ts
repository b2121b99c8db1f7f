import { describe, expect, it } from 'vitest';
import { keepUnchanged, sameData } from './keep-unchanged';

describe('sameData', () => {
  it('compares plain data deeply', () => {
    expect(sameData({ a: [1, { b: 'x' }], c: undefined }, { a: [1, { b: 'x' }], c: undefined })).toBe(true);
    expect(sameData({ a: [1, { b: 'x' }] }, { a: [1, { b: 'y' }] })).toBe(false);
    expect(sameData({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameData({ a: 1, c: 2 }, { a: 1, b: 2 })).toBe(false);
    expect(sameData([1, 2], [1, 2, 3])).toBe(false);
    expect(sameData([1], { 0: 1 })).toBe(false);
    expect(sameData(null, {})).toBe(false);
    expect(sameData(NaN, NaN)).toBe(true);
  });

  it('treats sets, maps and other objects as equal only when they are the same object', () => {
    const s = new Set([1]);
    expect(sameData({ s }, { s })).toBe(true);
    expect(sameData({ s }, { s: new Set([1]) })).toBe(false);
    expect(sameData(new Map(), new Map())).toBe(false);
  });
});

describe('keepUnchanged', () => {
  const node = (id: string, x: number, label = id) => ({ id, position: { x, y: 0 }, data: { label, chips: [label] } });

  it('returns the previous array when nothing changed', () => {
    const prev = [node('a', 1), node('b', 2)];
    expect(keepUnchanged(prev, [node('a', 1), node('b', 2)])).toBe(prev);
  });

  it('keeps the objects that did not change and takes the new ones that did', () => {
    const prev = [node('a', 1), node('b', 2), node('c', 3)];
    const out = keepUnchanged(prev, [node('a', 1), node('b', 5), node('c', 3, 'C')]);
    expect(out).not.toBe(prev);
    expect(out[0]).toBe(prev[0]);
    expect(out[1]).not.toBe(prev[1]);
    expect(out[1]?.position.x).toBe(5);
    expect(out[2]?.data.label).toBe('C');
  });

  it('follows the new order, and items added or removed', () => {
    const prev = [node('a', 1), node('b', 2)];
    const reordered = keepUnchanged(prev, [node('b', 2), node('a', 1)]);
    expect(reordered).not.toBe(prev);
    expect(reordered.map((n) => n.id)).toEqual(['b', 'a']);
    expect(reordered[0]).toBe(prev[1]);
    const fewer = keepUnchanged(prev, [node('a', 1)]);
    expect(fewer).not.toBe(prev);
    expect(fewer).toEqual([prev[0]]);
    const more = keepUnchanged(prev, [node('a', 1), node('b', 2), node('c', 3)]);
    expect(more.map((n) => n.id)).toEqual(['a', 'b', 'c']);
    expect(more[1]).toBe(prev[1]);
  });
});
