import type { Catalogue, Role } from './schema';

/** A stretch of source text: plain words, or one of the source's footnote markers ("SPOC^y", "^{iv}"). */
export type TextPart = { kind: 'text'; text: string } | { kind: 'marker'; marker: string };

const MARKER = /\s?\^(?:\{([^}\s]+)\}|([a-z]+))/g;

/**
 * Splits source text at its footnote markers, for rendering them as superscripts. The
 * catalogue keeps the markers verbatim; only the display changes.
 */
export function splitFootnotes(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let at = 0;
  for (const m of text.matchAll(MARKER)) {
    if (m.index > at) parts.push({ kind: 'text', text: text.slice(at, m.index) });
    parts.push({ kind: 'marker', marker: (m[1] ?? m[2])! });
    at = m.index + m[0].length;
  }
  if (at < text.length) parts.push({ kind: 'text', text: text.slice(at) });
  return parts;
}

/** Superscript forms of the letters footnote markers are made of (Unicode has none for q). */
const SUPERSCRIPT: Record<string, string> = Object.fromEntries(
  [...'abcdefghijklmnoprstuvwxyz'].map((c, i) => [c, [...'ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ'][i]!]),
);

/**
 * Source text for plain-text places (Word, CSV, Excel): each footnote marker as superscript
 * letters ("SPOC^y" becomes "SPOCʸ"), or kept as written when a letter has no superscript form.
 */
export function footnotesAsText(text: string): string {
  return splitFootnotes(text)
    .map((p) => {
      if (p.kind === 'text') return p.text;
      const letters = [...p.marker].map((c) => SUPERSCRIPT[c]);
      return letters.every(Boolean) ? letters.join('') : `^${p.marker.length > 1 ? `{${p.marker}}` : p.marker}`;
    })
    .join('');
}

/** The markers a text uses, in order, each once. */
export function markersIn(text: string): string[] {
  return [...new Set(splitFootnotes(text).flatMap((p) => (p.kind === 'marker' ? [p.marker] : [])))];
}

/**
 * What the catalogue's notes say about each footnote marker: a note that quotes a marker
 * (the source lacks the endnote text itself) becomes that marker's footnote.
 */
export function footnoteNotes(catalogue: Catalogue, role?: Role): Map<string, string> {
  const notes = new Map<string, string>();
  for (const note of [...(role?.notes ?? []), ...catalogue.notes]) {
    for (const marker of markersIn(note)) if (!notes.has(marker)) notes.set(marker, note);
  }
  return notes;
}
