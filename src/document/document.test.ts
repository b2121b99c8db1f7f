import { describe, expect, it, vi } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { toJsonSchema } from '@valibot/to-json-schema';
import Ajv from 'ajv';
import { demoWorkspace, LIMITS, WORKSPACE_VERSION } from '../domain/workspace';
import * as integrity from '../domain/workspace/integrity';
import { SCALES, syntheticWorkspace } from '../domain/workspace/synthetic';
import { shippedCatalogue } from '../domain/workspace/fixtures';
import { exportFileName, serializeDocument, toDocument, WorkspaceDocumentSchema } from './envelope';
import { HOSTILE_CASES } from './hostile-fixtures';
import { checkWritable, MAX_FILE_BYTES, MAX_VALUES, readDocument, readWorkspaceText } from './read';
import { parsePeopleTable } from './people-table';
import { migrate } from './migrations';
import { repairDocument } from './repair';
import { makeStep, makeTour } from '../domain/tours/fixtures';
import { makeWorkspace } from '../domain/workspace/fixtures';
import { unwrap } from '../domain/result';

const cat = shippedCatalogue();
const REF = { id: 'rollegalleri' as const, version: '1.5' };

describe('export and import', () => {
  it('round-trips: export, import, export gives the same workspace', () => {
    const text = serializeDocument(toDocument(demoWorkspace(), REF, new Date('2026-01-02T03:04:05Z')));
    const back = readWorkspaceText(text, cat);
    if (!back.ok) throw new Error(back.error.message);
    expect(back.value.data).toEqual(demoWorkspace());
    expect(serializeDocument(toDocument(back.value.data, REF, new Date('2026-01-02T03:04:05Z')))).toBe(text);
  });

  it('writes the envelope the issue names', () => {
    const doc = JSON.parse(serializeDocument(toDocument(demoWorkspace(), REF, new Date('2026-01-02T03:04:05Z'))));
    expect(Object.keys(doc)).toEqual(['format', 'version', 'exportedAt', 'catalogue', 'workspace']);
    expect(doc).toMatchObject({ format: 'rollekort-workspace', version: WORKSPACE_VERSION, exportedAt: '2026-01-02T03:04:05.000Z', catalogue: REF });
    expect(Object.keys(doc.workspace)).toEqual(['name', 'orgUnits', 'people', 'systems', 'assignments', 'catalogueDrafts', 'catalogueRoles', 'klikTasks', 'tours']);
  });

  it('names the file after the workspace, safely', () => {
    expect(exportFileName('Eksempel Kommune')).toBe('Eksempel Kommune.rollekort.json');
    expect(exportFileName('a/b:c*?')).toBe('a-b-c-.rollekort.json');
    expect(exportFileName('   ')).toBe('arbejdsomraade.rollekort.json');
  });

  it('the published JSON Schema matches the validator', () => {
    const path = 'static/schemas/rollekort-workspace.schema.json';
    const generated = `${JSON.stringify(
      {
        $schema: 'http://json-schema.org/draft-07/schema#',
        title: 'Rollekort-arbejdsområde',
        description: 'A Rollekort workspace export (.rollekort.json). Generated from src/document/envelope.ts; UPDATE_SCHEMAS=1 npm run test:unit rewrites it.',
        ...toJsonSchema(WorkspaceDocumentSchema, { errorMode: 'ignore' }),
      },
      null,
      2,
    )}\n`;
    if (process.env.UPDATE_SCHEMAS) writeFileSync(path, generated);
    expect(readFileSync(path, 'utf8')).toBe(generated);
    const validate = new Ajv({ strict: false }).compile(JSON.parse(generated));
    expect(validate(JSON.parse(serializeDocument(toDocument(demoWorkspace(), REF, new Date()))))).toBe(true);
    expect(validate({ format: 'rollekort-workspace', version: 2 })).toBe(false);
  });
});

describe('refusing bad files', () => {
  it.each(HOSTILE_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const result = readWorkspaceText(c.text, cat);
    if (result.ok) throw new Error('expected a refusal');
    expect(result.error.step).toBe(c.step);
    expect(result.error.message).toMatch(c.message);
  });

  it('covers at least 20 cases', () => {
    expect(HOSTILE_CASES.length).toBeGreaterThanOrEqual(20);
  });

  it('never pollutes Object.prototype', () => {
    for (const c of HOSTILE_CASES) readWorkspaceText(c.text, cat);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('reads a stored document through the same path', () => {
    expect(readDocument(toDocument(demoWorkspace(), REF), cat).ok).toBe(true);
    const bad = readDocument({ ...toDocument(demoWorkspace(), REF), version: 99 }, cat);
    expect(bad.ok).toBe(false);
  });
});

describe('migrations', () => {
  it('has nothing to lift at the current version and refuses a missing step', () => {
    expect(migrate({ a: 1 }, 2, 2)).toEqual({ a: 1 });
    expect(() => migrate({}, 2, 3)).toThrow(/fra version 2 til 3/);
  });

  it('lifts a version 1 file (the fixture, written by the app before the rollekatalog) to version 2', () => {
    const text = readFileSync('test/fixtures/workspace-v1.rollekort.json', 'utf8');
    expect(JSON.parse(text)).toMatchObject({ version: 1 });
    expect(JSON.parse(text).workspace).not.toHaveProperty('catalogueDrafts');
    const read = readWorkspaceText(text, cat);
    if (!read.ok) throw new Error(read.error.message);
    const demo = demoWorkspace();
    expect(read.value.data.people).toHaveLength(demo.people.length);
    expect(read.value.data.assignments).toEqual(demo.assignments);
    expect(read.value.data.people[0]).toMatchObject({ name: 'Anne Holm', email: 'anne.holm@eksempel.dk', note: 'Direktør, "Børn, Unge"' });
    expect(read.value.data).toMatchObject({ catalogueDrafts: [], catalogueRoles: [], klikTasks: [], tours: [] });
    // and what it became is written as version 2
    const again = JSON.parse(serializeDocument(toDocument(read.value.data, REF)));
    expect(again.version).toBe(2);
  });

  it('step 2 keeps collections that are already there and leaves the rest of the file alone', () => {
    const lifted = migrate({ format: 'x', workspace: { name: 'K', klikTasks: [{ id: 't' }] } }, 1, 2);
    expect(lifted).toEqual({ format: 'x', version: 2, workspace: { catalogueDrafts: [], catalogueRoles: [], klikTasks: [{ id: 't' }], tours: [], name: 'K' } });
  });

  it('step 2 gives a version 1 workspace an empty list of tours, and the result reads', () => {
    const v1: Partial<ReturnType<typeof demoWorkspace>> = demoWorkspace();
    delete v1.tours;
    delete v1.catalogueDrafts;
    delete v1.catalogueRoles;
    delete v1.klikTasks;
    const doc = { format: 'rollekort-workspace', version: 1, catalogue: REF, workspace: v1 };
    expect(migrate(doc, 1, 2)).toEqual({ ...doc, version: 2, workspace: { ...v1, catalogueDrafts: [], catalogueRoles: [], klikTasks: [], tours: [] } });
    const read = readDocument(doc, cat);
    expect(read.ok && read.value.data.tours).toEqual([]);
  });
});

describe('people from CSV or a spreadsheet', () => {
  it('detects a header row and the delimiter', () => {
    const t = parsePeopleTable('Navn;Stilling;Enhed;E-mail\nAnne Holm;Direktør;Børn og Unge;anne@kommune.dk\n"Lund, Cecilie";Leder;;\n');
    expect(t.header).toBe(true);
    expect(t.delimiter).toBe(';');
    expect(t.people).toEqual([
      { name: 'Anne Holm', title: 'Direktør', unit: 'Børn og Unge', email: 'anne@kommune.dk' },
      { name: 'Lund, Cecilie', title: 'Leder' },
    ]);
  });

  it('reads rows pasted from a spreadsheet without a header, in the order name, title, unit, e-mail', () => {
    const t = parsePeopleTable('Bo Madsen\tProjektleder\tIT\tbo@k.dk\nEva\t\t\t\n');
    expect(t.header).toBe(false);
    expect(t.people).toEqual([{ name: 'Bo Madsen', title: 'Projektleder', unit: 'IT', email: 'bo@k.dk' }, { name: 'Eva' }]);
  });

  it('leaves out a row split by another separator than the rest, rather than make it one long name', () => {
    const t = parsePeopleTable('Navn;Stilling;Enhed;E-mail\nAnne Holm;Direktør;;\nBo Madsen;Leder;IT;\nTab\tPerson\tIT\ttab@k.dk\nCecilie Lund;;;\n');
    expect(t.delimiter).toBe(';');
    expect(t.people.map((p) => p.name)).toEqual(['Anne Holm', 'Bo Madsen', 'Cecilie Lund']);
    expect(t.skipped).toEqual([{ row: 4, reason: 'Rækken er adskilt med tabulator, de andre ikke. Ret rækken, eller indsæt den for sig.' }]);
    // a single column of names is still a single column
    expect(parsePeopleTable('Anne Holm\nBo Madsen\n').people.map((p) => p.name)).toEqual(['Anne Holm', 'Bo Madsen']);
  });

  it('follows the header order and reports rows it leaves out', () => {
    const t = parsePeopleTable('E-mail,Navn\nx@y.dk,Ida\nikke-mail,Jens\nz@y.dk,\n');
    expect(t.people).toEqual([{ email: 'x@y.dk', name: 'Ida' }]);
    expect(t.skipped).toEqual([
      { row: 3, reason: 'E-mailadressen »\u2068ikke-mail\u2069« ser ikke gyldig ud.' },
      { row: 4, reason: 'Navn skal udfyldes.' },
    ]);
  });

  it('gives each person the row number they came from, counting blank lines as the spreadsheet does', () => {
    const t = parsePeopleTable('Navn;Stilling\n\nAnne;"to\nlinjer"\nBo;Leder\n');
    expect(t.people.map((p) => p.name)).toEqual(['Anne', 'Bo']);
    expect(t.rows).toEqual([3, 4]);
    expect(t.skipped).toEqual([]);
  });

  it('takes no one from rows of only delimiters or punctuation, and lists every row it drops', () => {
    expect(parsePeopleTable(';;;;').people).toEqual([]);
    expect(parsePeopleTable(';;;;').skipped).toEqual([{ row: 1, reason: 'Navnet »\u2068;;;;\u2069« har hverken bogstaver eller tal.' }]);
    expect(parsePeopleTable(',,,,')).toMatchObject({ people: [], skipped: [{ row: 1, reason: 'Rækken er tom.' }] });
    const t = parsePeopleTable('Bo Madsen;Projektleder\n,,,,\n;;;;\n\n- ; Leder\nEva;Chef\n');
    expect(t.delimiter).toBe(';');
    expect(t.people.map((p) => p.name)).toEqual(['Bo Madsen', 'Eva']);
    expect(t.skipped.map((s) => s.row)).toEqual([2, 3, 5]);
    expect(t.skipped[1]!.reason).toBe('Rækken er tom.');
  });

  it('refuses a row with a quote that is never closed, and reads the rows after it', () => {
    const alone = parsePeopleTable('"unterminated');
    expect(alone.people).toEqual([]);
    expect(alone.skipped).toEqual([{ row: 1, reason: 'Rækken har et anførselstegn, der ikke lukkes, så den kan ikke læses sikkert.' }]);
    const t = parsePeopleTable('Bo;Leder\n"Eva;Chef\nKaj;Konsulent\n');
    expect(t.delimiter).toBe(';');
    expect(t.people).toEqual([{ name: 'Bo', title: 'Leder' }, { name: 'Kaj', title: 'Konsulent' }]);
    expect(t.rows).toEqual([1, 3]);
    expect(t.skipped.map((s) => s.row)).toEqual([2]);
  });

  it('keeps markup as plain text', () => {
    const t = parsePeopleTable('<script>alert(1)</script>;Chef\n');
    expect(t.people[0]?.name).toBe('<script>alert(1)</script>');
  });
});

describe('repairing a stored workspace with tours', () => {
  it('keeps sound tours whole and drops a broken or stale one with a note', () => {
    const good = makeTour({ id: 't-good' });
    const stale = makeTour({ id: 't-stale', steps: [makeStep({ roles: ['borgmester'] })] });
    const broken = { id: 't-broken', title: 'x' };
    const doc = { format: 'rollekort-workspace', version: 2, catalogue: { id: 'rollegalleri', version: '1.5' }, workspace: { ...makeWorkspace(), name: '', tours: [good, stale, broken] } };
    const r = unwrap(repairDocument(doc, cat));
    expect(r.data.tours).toEqual([good]);
    const notes = r.changes.filter((c) => c.includes('»tours«'));
    expect(notes).toHaveLength(2);
    expect(notes.join('\n')).toMatch(/rollen »borgmester« findes ikke/);
  });
});

describe('the import cap and the format limits', () => {
  /** The largest document the limits allow by count, with every optional field present (short values). */
  function maximalDocument() {
    const units = Array.from({ length: LIMITS.orgUnits }, (_, i) => ({ id: `u-${i}`, name: `Enhed ${i}`, parentId: null }));
    const people = Array.from({ length: LIMITS.people }, (_, i) => ({
      id: `p-${i}`,
      name: `Person ${i}`,
      title: 'Konsulent',
      orgUnitId: `u-${i % LIMITS.orgUnits}`,
      email: `p${i}@kommune.example`,
      phone: '12345678',
      note: 'Note',
    }));
    const systems = Array.from({ length: LIMITS.systems }, (_, i) => ({ id: `s-${i}`, name: `System ${i}`, phase: 'drift' }));
    const municipal = cat.roles.filter((r) => r.perSystem === 'none');
    const assignments = Array.from({ length: LIMITS.assignments }, (_, i) => ({
      id: `a-${i}`,
      personId: `p-${i % LIMITS.people}`,
      roleId: municipal[Math.floor(i / LIMITS.people)]!.id,
      systemId: null,
    }));
    expect(LIMITS.assignments / LIMITS.people).toBeLessThanOrEqual(municipal.length); // every triple distinct
    return toDocument({ name: 'Største kommune', orgUnits: units, people, systems, assignments, catalogueDrafts: [], catalogueRoles: [], klikTasks: [], tours: [] }, REF, new Date());
  }

  it('holds at least 20,000 people', () => {
    expect(LIMITS.people).toBeGreaterThanOrEqual(20_000);
  });

  it('imports the largest document the limits allow, with every field filled', () => {
    const text = serializeDocument(maximalDocument());
    expect(text.length).toBeLessThanOrEqual(MAX_FILE_BYTES);
    const read = readWorkspaceText(text, cat);
    expect(read.ok ? null : read.error).toBeNull();
  });

  it('counts a maximal document within the value cap that guards against hostile files', () => {
    let values = 0;
    const walk = (x: unknown) => {
      values++;
      if (Array.isArray(x)) x.forEach(walk);
      else if (x && typeof x === 'object') Object.values(x).forEach(walk);
    };
    walk(JSON.parse(serializeDocument(maximalDocument())));
    expect(values).toBeLessThanOrEqual(MAX_VALUES);
  });

  it('a 20,000-person municipality with three roles each exports within the cap and imports again', () => {
    const ws = syntheticWorkspace(cat, { people: 20_000, systems: 100, assignments: 60_000 });
    const text = serializeDocument(toDocument(ws, REF, new Date()));
    expect(new TextEncoder().encode(text).length).toBeLessThanOrEqual(MAX_FILE_BYTES);
    const read = readWorkspaceText(text, cat);
    expect(read.ok && read.value.data.people.length).toBe(20_000);
  });

  it('where long texts would make an export too big, the write gate refuses the edit, so exports always import', () => {
    // the worst case by the limits alone: every text at its longest, 6 bytes a character once escaped
    const worstPerson = 6 * (LIMITS.id * 2 + LIMITS.name + 4 * LIMITS.text);
    expect(LIMITS.people * worstPerson).toBeGreaterThan(MAX_FILE_BYTES);
    const long = 'ø'.repeat(LIMITS.text);
    const people = Array.from({ length: 10_000 }, (_, i) => ({ id: `p-${i}`, name: `Person ${i}`, note: long, title: long }));
    const refused = checkWritable({ name: 'For stor', orgUnits: [], people, systems: [], assignments: [], catalogueDrafts: [], catalogueRoles: [], klikTasks: [], tours: [] }, cat);
    expect(refused.ok ? null : refused.error.step).toBe('size');
  });

  it('validates an import once: storing what was read does not check it again', () => {
    const text = serializeDocument(toDocument(syntheticWorkspace(cat, SCALES.M), REF, new Date()));
    const read = readWorkspaceText(text, cat);
    if (!read.ok) throw new Error(read.error.message);
    const spy = vi.spyOn(integrity, 'checkWorkspace');
    expect(checkWritable(read.value.data, cat)).toEqual({ ok: true, value: read.value.data });
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });
});
