import { describe, expect, it } from 'vitest';
import { readUrlView, writeUrlView } from './url-state';

describe('the view in the URL', () => {
  it('keeps the top-level view, the tour and its step, and reads them back', () => {
    const view = { fase: 'fase-4-forankring', spoc: true, rolle: null, q: '', skjul: [], visning: 'tidslinje', rundvisning: null, trin: null };
    expect(writeUrlView(view)).toBe('?fase=fase-4-forankring&spoc=1&visning=tidslinje');
    expect(readUrlView(writeUrlView(view))).toEqual(view);
    const tour = { ...view, visning: null, rundvisning: 'oir', trin: 3 };
    expect(writeUrlView(tour)).toBe('?fase=fase-4-forankring&spoc=1&rundvisning=oir&trin=3');
    expect(readUrlView(writeUrlView(tour))).toEqual(tour);
  });

  it('ignores a step that is not a small whole number, and a step without a tour', () => {
    expect(readUrlView('?rundvisning=oir&trin=-1').trin).toBeNull();
    expect(readUrlView('?rundvisning=oir&trin=1e9').trin).toBeNull();
    expect(writeUrlView({ ...readUrlView(''), trin: 2 })).toBe('');
  });
});
