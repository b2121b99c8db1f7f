import Papa from 'papaparse';
import { personProblem, type PersonInput } from '../domain/workspace';

/**
 * People read from a CSV file or rows pasted from a spreadsheet, with the rows that were left
 * out. `rows[i]` is the row number (1-based, as in the spreadsheet) of `people[i]`.
 */
export interface PeopleTable {
  header: boolean;
  delimiter: string;
  people: PersonInput[];
  rows: number[];
  skipped: { row: number; reason: string }[];
}

type Field = 'name' | 'title' | 'unit' | 'email';
const HEADERS: Record<Field, string[]> = {
  name: ['navn', 'name', 'fulde navn', 'medarbejder'],
  title: ['stilling', 'titel', 'title', 'jobtitel'],
  unit: ['enhed', 'afdeling', 'forvaltning', 'unit', 'organisation'],
  email: ['e-mail', 'email', 'mail', 'e-mailadresse'],
};
const ORDER: Field[] = ['name', 'title', 'unit', 'email'];
export const MAX_PEOPLE_ROWS = 5000;

function fieldOf(cell: string): Field | null {
  const c = cell.trim().toLocaleLowerCase('da');
  return ORDER.find((f) => HEADERS[f].includes(c)) ?? null;
}

const GUESS = ['\t', ';', ','];
/** Separators no name holds, so one found in a row of one cell means the row was split differently. */
const MIXED: [string, string][] = [['\t', 'tabulator'], [';', 'semikolon']];
/** After this many rows with an unclosed quote, the rest of the text is given up on (each costs a parse of the rest). */
const MAX_QUOTE_REPAIRS = 50;
const UNCLOSED = 'Rækken har et anførselstegn, der ikke lukkes, så den kan ikke læses sikkert.';

/**
 * The delimiter of the first rows. Rows of only delimiters (";;;;", ",,,,") say nothing about it,
 * and a stray quote must not hide it: on one, rows with an odd number of quotes are left out of the guess.
 */
function guessDelimiter(text: string): string {
  const guess = (t: string) => Papa.parse<string[]>(t, { delimitersToGuess: GUESS, skipEmptyLines: 'greedy', preview: 10 });
  const lines = text.split(/\r?\n/).filter((l) => !/^[\s;,"]*$/.test(l));
  const first = guess(lines.join('\n'));
  if (!first.errors.some((e) => e.code === 'MissingQuotes')) return first.meta.delimiter;
  return guess(lines.filter((l) => (l.match(/"/g)?.length ?? 0) % 2 === 0).join('\n')).meta.delimiter;
}

/**
 * The rows, blank ones included so the numbers match the spreadsheet's. A quote that is never
 * closed would swallow every row after it into one cell: that row becomes `null` (refused)
 * and the reading starts again on the next line.
 */
function readRows(text: string, delimiter: string): (string[] | null)[] {
  const rows: (string[] | null)[] = [];
  let rest = text;
  for (let repairs = 0; ; repairs++) {
    const result = Papa.parse<string[]>(rest, { delimiter, skipEmptyLines: false });
    const open = result.errors.find((e) => e.code === 'MissingQuotes');
    if (!open || typeof open.row !== 'number') return [...rows, ...result.data];
    rows.push(...result.data.slice(0, open.row), null);
    const lineEnd = rest.indexOf('\n', open.index ?? 0);
    if (lineEnd < 0 || repairs >= MAX_QUOTE_REPAIRS) return rows;
    rest = rest.slice(lineEnd + 1);
  }
}

const isBlank = (cells: string[]) => cells.length <= 1 && !(cells[0] ?? '').trim();

/**
 * Parses name, title, unit and e-mail per row. A first row whose cells are column
 * names (Navn, Stilling, Enhed, E-mail ...) is taken as a header and decides the order.
 * Every row that is left out is listed with why, except blank lines; a row is kept only if
 * the person form would take it (`personProblem`).
 */
export function parsePeopleTable(text: string): PeopleTable {
  const clean = text.replace(/^\uFEFF/, '');
  const delimiter = guessDelimiter(clean);
  const rows = readRows(clean, delimiter);
  const firstIndex = rows.findIndex((r) => r === null || !isBlank(r));
  const first = rows[firstIndex] ?? [];
  const headerFields = (first ?? []).map(fieldOf);
  const header = headerFields.includes('name') || headerFields.filter(Boolean).length >= 2;
  const columns: (Field | null)[] = header ? headerFields : ORDER;
  const people: PersonInput[] = [];
  const numbers: number[] = [];
  // the other rows have columns: a row of one cell split by another separator stands out
  const columned = rows.some((r) => r && r.length > 1);
  const skipped: PeopleTable['skipped'] = [];
  rows.forEach((cells, i) => {
    const row = i + 1;
    if (header && i === firstIndex) return;
    if (cells === null) {
      skipped.push({ row, reason: UNCLOSED });
      return;
    }
    if (isBlank(cells)) return;
    if (cells.every((c) => !c.trim())) {
      skipped.push({ row, reason: 'Rækken er tom.' });
      return;
    }
    // one cell holding the other usual separator: a row pasted from elsewhere, which would become one long name
    const stray =
      columned && cells.length === 1 ? MIXED.find(([d]) => d !== delimiter && cells[0]!.split(d).filter((part) => part.trim()).length > 1) : undefined;
    if (stray) {
      skipped.push({ row, reason: `Rækken er adskilt med ${stray[1]}, de andre ikke. Ret rækken, eller indsæt den for sig.` });
      return;
    }
    if (people.length >= MAX_PEOPLE_ROWS) {
      skipped.push({ row, reason: `højst ${MAX_PEOPLE_ROWS} personer ad gangen` });
      return;
    }
    const person: PersonInput = { name: '' };
    columns.forEach((field, c) => {
      const value = (cells[c] ?? '').trim();
      if (field && value) person[field] = value;
    });
    // the same question the form asks, so an imported row can always be stored
    const problem = personProblem(person);
    if (problem) skipped.push({ row, reason: problem });
    else {
      people.push(person);
      numbers.push(row);
    }
  });
  return { header, delimiter: columned ? delimiter : '', people, rows: numbers, skipped };
}
