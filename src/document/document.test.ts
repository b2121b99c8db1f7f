import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { toJsonSchema } from '@valibot/to-json-schema';
import Ajv from 'ajv';
import { demoWorkspace, WORKSPACE_VERSION } from '../domain/workspace';
import { shippedCatalogue } from '../domain/workspace/fixtures';
import { exportFileName, serializeDocument, toDocument, WorkspaceDocumentSchema } from './envelope';
import { HOSTILE_CASES } from './hostile-fixtures';
import { readDocument, readWorkspaceText } from './read';
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

  it('follows the header order and reports rows it leaves out', () => {
    const t = parsePeopleTable('E-mail,Navn\nx@y.dk,Ida\nikke-mail,Jens\nz@y.dk,\n');
    expect(t.people).toEqual([{ email: 'x@y.dk', name: 'Ida' }]);
    expect(t.skipped).toEqual([
      { row: 3, reason: 'E-mailadressen »\u2068ikke-mail\u2069« ser ikke gyldig ud.' },
      { row: 4, reason: 'Navn skal udfyldes.' },
    ]);
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
