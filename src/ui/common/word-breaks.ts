// Where long Danish words in the catalogue may break: role names ("System|administrator") and
// the stages of the timeline ("Forbered|else" would be wrong; "For|beredelse" is right). The
// browser's own hyphenation needs a dictionary it may not have, and breaks by syllable
// ("Sy-ste-mansvar-lig"); these break between the parts a compound is made of.
const COMPOUND_PARTS = 'administrator|ansvarlig|ejer|berettiget|behandler|aftaler|komponent|system|chef|leder|periode|beredelse|tagning|ankring';
// "Opvarmnings" is still too wide for a timeline column at 1366 px: it breaks once more, "Opvarm|nings".
const PARTS = new RegExp(`(?<=\\p{L}{3})(?=(?:${COMPOUND_PARTS}))|(?<=\\/)(?=\\p{L})|(?<=opvarm)(?=ningsperiode)`, 'giu');

/**
 * A role name cut where a line may break inside a long compound word ("System|administrator"),
 * so that large type breaks between word parts instead of mid-syllable. Rendering only.
 */
export function nameParts(name: string): string[] {
  return name.split(PARTS);
}

/** A piece of text and how a line may break before it: with a hyphen (inside a compound) or without (after a slash). */
export interface Segment {
  text: string;
  before: 'none' | 'hyphen' | 'break';
}

/** The text in segments at the same places as nameParts, for type set with hyphens where a compound breaks. */
export function segments(text: string): Segment[] {
  const parts = nameParts(text);
  return parts.map((part, i) => ({
    text: part,
    before: i === 0 ? 'none' : parts[i - 1]!.endsWith('/') ? 'break' : 'hyphen',
  }));
}
