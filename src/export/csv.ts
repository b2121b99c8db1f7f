/** The byte order mark that makes Excel read a CSV file as UTF-8 (æ, ø, å). */
export const BOM = '\uFEFF';

/**
 * A cell that a spreadsheet would take for a formula (= + - @, or a tab or carriage
 * return before one) gets a leading apostrophe, so it shows as the text it is (OWASP's
 * advice on CSV injection).
 */
export function defuse(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One CSV field: defused, and quoted when it holds the separator, a quote or a line break. */
export function csvField(value: string, separator = ';'): string {
  const safe = defuse(value);
  return safe.includes(separator) || /["\r\n,;]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * A CSV file: BOM, fields separated by semicolons (what Excel expects in a Danish locale),
 * lines ended by CRLF (RFC 4180).
 */
export function toCsv(rows: readonly (readonly string[])[], separator = ';'): string {
  return BOM + rows.map((r) => r.map((v) => csvField(v, separator)).join(separator)).join('\r\n') + '\r\n';
}
