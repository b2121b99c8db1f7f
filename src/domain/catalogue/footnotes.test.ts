import { describe, expect, it } from 'vitest';
import { shippedCatalogue } from './fixtures';
import { footnoteNotes, footnotesAsText, markersIn, splitFootnotes } from './footnotes';

describe('footnote markers', () => {
  it('splits "SPOC^y" and "^{iv}" out of the text', () => {
    expect(splitFootnotes('kontaktperson (SPOC^y) i kommunen')).toEqual([
      { kind: 'text', text: 'kontaktperson (SPOC' },
      { kind: 'marker', marker: 'y' },
      { kind: 'text', text: ') i kommunen' },
    ]);
    expect(splitFootnotes('fase 1: Opstart ^{iv} . Rollen')).toEqual([
      { kind: 'text', text: 'fase 1: Opstart' },
      { kind: 'marker', marker: 'iv' },
      { kind: 'text', text: ' . Rollen' },
    ]);
    expect(splitFootnotes('ingen mærker')).toEqual([{ kind: 'text', text: 'ingen mærker' }]);
  });

  it('finds the catalogue’s notes about the markers the source uses', () => {
    const cat = shippedCatalogue();
    const projektleder = cat.roles.find((r) => r.id === 'projektleder')!;
    const notes = footnoteNotes(cat, projektleder);
    expect(notes.get('y')).toMatch(/SPOC\^y/);
    expect(notes.get('v')).toMatch(/Slutnote v/);
    expect(markersIn('a^v b^v c^{iv}')).toEqual(['v', 'iv']);
  });

  it('writes markers as superscript letters for plain text, and leaves alone what has no such form', () => {
    expect(footnotesAsText('kontaktperson (SPOC^y) i kommunen')).toBe('kontaktperson (SPOCʸ) i kommunen');
    expect(footnotesAsText('fase 1: Opstart ^{iv} . Rollen')).toBe('fase 1: Opstartⁱᵛ . Rollen');
    expect(footnotesAsText('x^q og y^{qq}')).toBe('x^q og y^{qq}');
    expect(footnotesAsText('ingen mærker')).toBe('ingen mærker');
    // no marker of the shipped catalogue is left as a caret
    const cat = shippedCatalogue();
    const texts = cat.roles.flatMap((r) => [...r.tasks.map((t) => t.text), ...r.spoc.map((q) => q.quote), r.characteristics]).concat(cat.checklist.map((c) => c.text));
    expect(texts.filter((t) => t.includes('^')).length).toBeGreaterThan(0);
    expect(texts.map(footnotesAsText).filter((t) => t.includes('^'))).toEqual([]);
  });
});
