import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeQuote, normalizeSourceText } from './provenance';
import { readShippedCatalogue } from './fixtures';
import type { Catalogue } from './schema';
import { QUOTES } from '../rollekatalog/rules';
import { readShippedTourFiles } from '../tours/fixtures';
import type { TourFile } from '../tours/schema';

const SOURCE = resolve(process.env.ROLLEGALLERI_SOURCE ?? resolve(process.cwd(), '../shared/seed/rollegalleri-v1.5.txt'));
const present = existsSync(SOURCE);
if (!present) console.warn(`SKIPPED provenance tests: the source text ${SOURCE} is not on this machine.`);

/** Every string in the catalogue that claims to be the source's own words, with where it sits. */
function verbatimStrings(cat: Catalogue): [string, string][] {
  const out: [string, string][] = [];
  cat.roles.forEach((r, i) => {
    const at = `roles[${i}] (${r.id})`;
    out.push([`${at}.name`, r.name], [`${at}.effect`, r.effect], [`${at}.characteristics`, r.characteristics]);
    r.aliases.forEach((a, j) => out.push([`${at}.aliases[${j}]`, a]));
    r.tasks.forEach((t, j) => out.push([`${at}.tasks[${j}]`, t.text]));
    r.responsibilities.forEach((t, j) => out.push([`${at}.responsibilities[${j}]`, t.text]));
    r.competencies.forEach((c, j) => out.push([`${at}.competencies[${j}]`, c]));
    r.lifecycle.quotes.forEach((q, j) => out.push([`${at}.lifecycle.quotes[${j}]`, q]));
    r.spoc.forEach((s, j) => out.push([`${at}.spoc[${j}].quote`, s.quote]));
  });
  cat.relations.forEach((r, i) => out.push([`relations[${i}] (${r.id})`, r.quote]));
  cat.advice.forEach((a, i) => out.push([`advice[${i}]`, a.quote]));
  cat.checklist.forEach((c, i) => out.push([`checklist[${i}]`, c.text]));
  cat.groups.forEach((g, i) => out.push([`groups[${i}].tasks`, g.tasks]));
  out.push(['intro.risk', cat.intro.risk], ['intro.manyToMany', cat.intro.manyToMany]);
  // the rollekatalog rules cite these sentences of Bilag 1
  for (const [key, quote] of Object.entries(QUOTES)) out.push([`rollekatalog QUOTES.${key}`, quote]);
  return out;
}

describe.skipIf(!present)('provenance: the catalogue quotes the source verbatim', () => {
  const source = present ? normalizeSourceText(readFileSync(SOURCE, 'utf8')) : '';
  const cat = readShippedCatalogue() as Catalogue;
  const strings = verbatimStrings(cat);

  it('checks every task, responsibility, competency, quote and relation', () => {
    expect(strings.length).toBeGreaterThan(700);
  });

  it('finds each of them in the source after collapsing whitespace', () => {
    const missing = strings.filter(([, s]) => !source.includes(normalizeQuote(s))).map(([where, s]) => `${where}: ${s}`);
    expect(missing).toEqual([]);
  });

  it('would notice a changed word', () => {
    const task = cat.roles[0]!.tasks[0]!.text;
    expect(source.includes(normalizeQuote(task))).toBe(true);
    expect(source.includes(normalizeQuote(task.replace('KLIK', 'KLAK')))).toBe(false);
  });

  it('joins a sentence split by a page break and its mark cell', () => {
    expect(source).toContain('kan opnå ved at udbrede anvendelsen af den fælleskommunale infrastruktur til egen systemportefølje');
  });
});

describe.skipIf(!present)('provenance: the built-in tours quote the source verbatim', () => {
  const source = present ? normalizeSourceText(readFileSync(SOURCE, 'utf8')) : '';
  const quotes = readShippedTourFiles().flatMap(({ file, text }) =>
    (JSON.parse(text) as TourFile).tour.steps.flatMap((step, i) => step.quotes.map((q, j): [string, string] => [`${file} steps[${i}].quotes[${j}]`, q])),
  );

  it('checks the quotes of every step of every tour', () => {
    expect(quotes.length).toBeGreaterThanOrEqual(25);
  });

  it('finds each of them in the source after collapsing whitespace', () => {
    const missing = quotes.filter(([, q]) => !source.includes(normalizeQuote(q))).map(([where, q]) => `${where}: ${q}`);
    expect(missing).toEqual([]);
  });

  it('would notice a quote the source does not have', () => {
    const [, q] = quotes[0]!;
    expect(source.includes(normalizeQuote(`${q} og mere til`))).toBe(false);
  });
});
