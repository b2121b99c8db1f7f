// Characters that draw nothing: format controls (zero-width, bidi, BOM, soft hyphen),
// control characters, every kind of space, the fillers that render as blanks, and the
// combining marks that show nothing (outside the class: they would combine with a neighbour there).
const INVISIBLE = /[\p{Cf}\p{Cc}\p{Z}\u115F\u1160\u180E\u2800\u3164\uFFA0]|\u034F|\u17B4|\u17B5/gu;
// Embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and the marks (U+200E, U+200F, U+061C).
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** True when the text shows at least one visible character. */
export const hasVisibleText = (s: string): boolean => s.replace(INVISIBLE, '').length > 0;

/** The text without bidirectional controls: for file names, where nothing may reorder what the user sees. */
export const stripBidiControls = (s: string): string => s.replace(BIDI_CONTROLS, '');

/**
 * User text made safe to put inside a composed sentence: wrapped in FIRST STRONG ISOLATE …
 * POP DIRECTIONAL ISOLATE, which also closes any embedding or override the text leaves open,
 * so a name ending in U+202E cannot reverse the app's own words after it.
 */
export const isolate = (s: string): string => `\u2068${s}\u2069`;

/** A name made safe as a file name: no bidi tricks, no characters file systems refuse, at most 100 characters. */
export function safeFileStem(name: string, fallback: string): string {
  // bidi controls go first: "rapport\u202Efdp.exe" must not show as "…exe.pdf"
  const safe = stripBidiControls(name)
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 100);
  return safe || fallback;
}

// Half of a UTF-16 surrogate pair with no other half: not text, and lost (as U+FFFD) in any UTF-8 store or sync.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when the text is whole Unicode: it reads back the same from UTF-8 (storage, export, sync). */
export const isWellFormed = (s: string): boolean => !LONE_SURROGATE.test(s);

/** The text with every half surrogate replaced by U+FFFD, as UTF-8 would have it. */
export const toWellFormed = (s: string): string => s.replace(new RegExp(LONE_SURROGATE.source, 'g'), '\uFFFD');

/**
 * Names for a line of text: all of them when few, else the first `max` and how many more
 * ("Anne, Bo og 183 flere"), so that a role held by a whole municipality stays one line.
 */
export function listNames(names: readonly string[], max = 6): string {
  if (names.length <= max) return names.join(', ');
  const more = names.length - max;
  return `${names.slice(0, max).join(', ')} og ${more === 1 ? '1 mere' : `${more} flere`}`;
}
