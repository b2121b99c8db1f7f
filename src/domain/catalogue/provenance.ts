/**
 * Normalises the Rollegalleri source text so that a transcribed string can be
 * found in it verbatim: page-break repeats of a role's header row are dropped,
 * table cells that only hold a mark (X or (X)) are dropped, list markup and
 * bullets become spaces, and whitespace is collapsed.
 */
export function normalizeSourceText(source: string): string {
  let current: string | null = null;
  const kept: string[] = [];
  for (const line of source.split(/\r?\n/)) {
    const header = /^Rolle\t([^\t]+)/.exec(line);
    if (header?.[1]) {
      const name = header[1].trim();
      if (name === current) continue; // the table goes on after a page break
      current = name;
    }
    kept.push(line.split('\t').filter((cell) => !/^\s*\(?X\)?\s*$/.test(cell)).join('\t'));
  }
  return normalizeQuote(kept.join('\n').replace(/<[^>]*>/g, ' '));
}

/** Whitespace- and bullet-insensitive form of a transcribed string. */
export function normalizeQuote(text: string): string {
  return text.replace(/•/g, ' ').replace(/\s+/g, ' ').trim();
}
