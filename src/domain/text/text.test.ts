import { describe, expect, it } from 'vitest';
import { hasVisibleText, isolate, listNames, stripBidiControls } from '.';

describe('text helpers', () => {
  it('finds no visible text in zero-width, bidi, space and filler characters', () => {
    for (const s of ['', ' ', '\u200B', '\u200B\u200C\u200D\uFEFF', '\u202E', '\u2066\u2069', '\u00A0\u3000', '\u3164', '\u2800', '\u00AD'])
      expect(hasVisibleText(s), JSON.stringify(s)).toBe(false);
    for (const s of ['a', ' Å ', '\u200Bx', 'محمد', '.']) expect(hasVisibleText(s), s).toBe(true);
  });

  it('strips bidi controls and keeps everything else', () => {
    expect(stripBidiControls('rapport\u202Efdp.exe')).toBe('rapportfdp.exe');
    expect(stripBidiControls('\u2067Ole\u2069 \u200FÆble')).toBe('Ole Æble');
  });

  it('isolates text between FSI and PDI', () => {
    expect(isolate('Ole\u202E')).toBe('\u2068Ole\u202E\u2069');
  });

  it('lists few names whole and many as the first ones and a count', () => {
    expect(listNames([])).toBe('');
    expect(listNames(['Anne', 'Bo'])).toBe('Anne, Bo');
    expect(listNames(['A', 'B', 'C', 'D', 'E', 'F'])).toBe('A, B, C, D, E, F');
    expect(listNames(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'])).toBe('A, B, C, D, E, F og 2 flere');
    expect(listNames(['A', 'B', 'C'], 2)).toBe('A, B og 1 mere');
  });
});
