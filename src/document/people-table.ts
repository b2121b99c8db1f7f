import Papa from 'papaparse';
import { personProblem, type PersonInput } from '../domain/workspace';

/** People read from a CSV file or rows pasted from a spreadsheet, with the rows that were left out. */
export interface PeopleTable {
  header: boolean;
  delimiter: string;
  people: PersonInput[];
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

/**
 * Parses name, title, unit and e-mail per row. A first row whose cells are column
 * names (Navn, Stilling, Enhed, E-mail ...) is taken as a header and decides the order.
 */
export function parsePeopleTable(text: string): PeopleTable {
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    delimitersToGuess: ['\t', ';', ','],
    skipEmptyLines: 'greedy',
  });
  const rows = result.data;
  const first = rows[0] ?? [];
  const headerFields = first.map(fieldOf);
  const header = headerFields.includes('name') || headerFields.filter(Boolean).length >= 2;
  const columns: (Field | null)[] = header ? headerFields : ORDER;
  const people: PersonInput[] = [];
  const skipped: PeopleTable['skipped'] = [];
  rows.slice(header ? 1 : 0).forEach((cells, i) => {
    const row = i + (header ? 2 : 1);
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
    else people.push(person);
  });
  const delimiter = rows.some((r) => r.length > 1) ? result.meta.delimiter : '';
  return { header, delimiter, people, skipped };
}
