import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { setSpoc, updateCatalogueRole } from '../domain/rollekatalog';
import { demoWorkspace, type WorkspaceData } from '../domain/workspace';
import { shippedCatalogue } from '../domain/workspace/fixtures';
import { BOM, csvField, toCsv } from './csv';
import { catalogueReport } from './report';
import { roleCards } from './role-cards';
import { MUNICIPALITY_SHEET, SHEET_HEADER, sheetName, sheetsFor } from './sheet-rows';
import { columnName, xlsxBytes } from './xlsx';

const cat = shippedCatalogue();

/** A strict RFC 4180 reader (semicolon separated), to read our own CSV back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

describe('CSV', () => {
  const nasty = ['Holm, Anne', 'Bo "Basse" Madsen', 'To\nlinjer', 'Tre\r\nlinjer', '=HYPERLINK("http://x")', '+45 12 34', '-2+3', '@SUM(A1)', '\t=1', 'Ærø; Øst', ' kant '];

  it('starts with a BOM, separates with semicolons and ends lines with CRLF', () => {
    const text = toCsv([['Rolle', 'Person'], ['Projektleder', 'Åse Ørum']]);
    expect(text.startsWith(BOM)).toBe(true);
    expect(text).toBe(`${BOM}Rolle;Person\r\nProjektleder;Åse Ørum\r\n`);
  });

  it('reads back every value: commas, quotes and line breaks survive, and nothing starts like a formula', () => {
    const text = toCsv([nasty]);
    const [back] = parseCsv(text.slice(1));
    expect(back).toHaveLength(nasty.length);
    back!.forEach((v, i) => {
      const original = nasty[i]!;
      if (/^[=+\-@\t\r]/.test(original)) expect(v).toBe(`'${original}`);
      else expect(v).toBe(original);
      expect(v).not.toMatch(/^[=+\-@\t]/);
    });
  });

  it('quotes exactly when needed', () => {
    expect(csvField('Anne')).toBe('Anne');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('a"b')).toBe('"a""b"');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('-')).toBe("'-");
  });
});

function sapaWorkspace(): WorkspaceData {
  let ws = demoWorkspace();
  const step = (r: { ok: true; value: WorkspaceData } | { ok: false; error: string }) => {
    if (!r.ok) throw new Error(r.error);
    ws = r.value;
  };
  step(updateCatalogueRole(ws, cat, 's-sapa', 'projektleder', { tasksAddition: 'Koordinerer med Udbetaling Danmark' }));
  step(updateCatalogueRole(ws, cat, 's-sapa', 'it-arkitekt', { relevant: true }));
  step(setSpoc(ws, cat, 's-sapa', 'opvarmningsperiode', 'projektejer'));
  return { ...ws, people: ws.people.map((p) => (p.id === 'p-lars' ? { ...p, email: 'lars@eksempel.dk', name: '=Lars, "Friis"' } : p)) };
}

describe('spreadsheet rows and .xlsx', () => {
  it('has a sheet per system and one for the municipality, a row per role and holder', () => {
    const sheets = sheetsFor(sapaWorkspace(), cat);
    expect(sheets.map((s) => s.name)).toEqual(['AULA', 'SAPA', 'BBR', MUNICIPALITY_SHEET]);
    const sapa = sheets[1]!.rows;
    expect(sapa[0]).toEqual([...SHEET_HEADER]);
    const owner = sapa.find((r) => r[0] === 'Systemejer (it-systemet)')!;
    expect(owner).toEqual(['Systemejer (it-systemet)', 'Systemspecifikke roller', '=Lars, "Friis"', 'lars@eksempel.dk', 'Borgerservice', 'SAPA', 'Fase 2: Forberedelse', 'Udpeget', '']);
    expect(sapa.find((r) => r[0] === 'Projektleder')).toEqual(expect.arrayContaining(['', 'Mangler', 'Fase 1: Opstart; Fase 2: Forberedelse; Fase 3: Ibrugtagning']));
    expect(sapa.some((r) => r[0] === 'It-arkitekt')).toBe(true);
    const municipality = sheets[3]!.rows;
    expect(municipality.find((r) => r[0] === 'It-arkitekt')?.[2]).toBe('Frederik Berg');
  });

  it('writes an .xlsx whose parts read back as the rows, with the formula-looking name as plain text', () => {
    const sheets = sheetsFor(sapaWorkspace(), cat);
    const files = unzipSync(xlsxBytes(sheets, 'Rollekatalog'));
    const workbook = strFromU8(files['xl/workbook.xml']!);
    expect([...workbook.matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1])).toEqual(['AULA', 'SAPA', 'BBR', MUNICIPALITY_SHEET]);
    const sapa = strFromU8(files['xl/worksheets/sheet2.xml']!);
    expect(sapa).toContain('<t xml:space="preserve">=Lars, &quot;Friis&quot;</t>');
    expect(sapa).not.toContain('<f>');
    expect([...sapa.matchAll(/<row /g)]).toHaveLength(sheets[1]!.rows.length);
  });

  it('names sheets the way Excel accepts', () => {
    const used = new Set<string>();
    expect(sheetName('A/B: [test]?', used)).toBe('A-B- -test--');
    expect(sheetName('x'.repeat(40), used)).toHaveLength(31);
    expect(sheetName('AULA', used)).toBe('AULA');
    expect(sheetName('aula', used)).toBe('aula 2');
    expect(columnName(0) + columnName(25) + columnName(26)).toBe('AZAA');
  });
});

describe('the catalogue report', () => {
  it('holds roles, holders, the SPOC timeline and the tailored text apart from the source', () => {
    const r = catalogueReport(sapaWorkspace(), cat, 's-sapa', new Date('2026-11-29T10:00:00Z'));
    expect(r).toMatchObject({ municipality: 'Eksempel Kommune', system: 'SAPA', date: '2026-11-29', status: 'Udkast' });
    const lead = r.roles.find((x) => x.id === 'projektleder')!;
    expect(lead.tailored).toEqual({ tasks: 'Koordinerer med Udbetaling Danmark' });
    expect(lead.tasks.flatMap((g) => g.items)).not.toContain('Koordinerer med Udbetaling Danmark');
    expect(r.roles.find((x) => x.id === 'systemejer')!.holders[0]!.name).toBe('=Lars, "Friis"');
    expect(r.spoc.map((s) => s.roleName)).toEqual(['Projektejer', 'Projektleder', 'Projektleder', 'Projektleder', 'Systemansvarlig (it-systemet)', 'Systemansvarlig (it-systemet)']);
    expect(r.source).toContain('version 1.5');
  });

  it("the workshop cards, too, write footnote markers as superscript letters", () => {
    const tasks = roleCards(cat).flatMap((c) => c.tasks);
    expect(tasks.some((t) => t.includes('SPOCʸ'))).toBe(true);
    expect(tasks.filter((t) => t.includes('^'))).toEqual([]);
  });

  it("writes the source's footnote markers as superscript letters, never as '^'", () => {
    const r = catalogueReport(sapaWorkspace(), cat, 's-sapa', new Date('2026-11-29T10:00:00Z'));
    const texts = [...r.roles.flatMap((x) => [...x.tasks, ...x.responsibilities].flatMap((g) => g.items)), ...r.spoc.map((s) => s.quote ?? '')];
    expect(texts.some((t) => t.includes('SPOCʸ'))).toBe(true);
    expect(texts.filter((t) => t.includes('^'))).toEqual([]);
  });
});

describe('the catalogue travels with the workspace', () => {
  it('exports and imports drafts, catalogue roles and KLIK tasks unchanged', async () => {
    const { readWorkspaceText, serializeDocument, toDocument } = await import('../document');
    const { addKlikTask, setStepDone } = await import('../domain/rollekatalog');
    let ws = sapaWorkspace();
    const task = addKlikTask(ws, cat, 's-sapa', { title: 'Test', perform: ['projektleder'], answer: [], takePart: [] }, 'k-1');
    if (!task.ok) throw new Error(task.error);
    const done = setStepDone(task.value, 's-sapa', 'bilag1-4', true);
    if (!done.ok) throw new Error(done.error);
    ws = done.value;
    const back = readWorkspaceText(serializeDocument(toDocument(ws, { id: 'rollegalleri', version: '1.5' })), cat);
    if (!back.ok) throw new Error(back.error.message);
    expect(back.value.data).toEqual(ws);
    expect(back.value.data.catalogueRoles.length).toBeGreaterThan(0);
  });
});
