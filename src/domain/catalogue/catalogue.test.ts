import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { parseCatalogue } from './load';
import { readShippedCatalogue, SCHEMA_PATH } from './fixtures';
import type { Catalogue } from './schema';

const json = readShippedCatalogue();

function load(): Catalogue {
  const result = parseCatalogue(json);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}
const cat = load();
const role = (id: string) => {
  const r = cat.roles.find((x) => x.id === id);
  if (!r) throw new Error(`no role ${id}`);
  return r;
};
const relation = (from: string, type: string, to: string) =>
  cat.relations.find((r) => r.from === from && r.type === type && r.to === to);

describe('the shipped Rollegalleri 1.5 catalogue', () => {
  it('validates against its JSON Schema', () => {
    const ajv = new Ajv({ allErrors: true });
    const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')));
    const valid = validate(json);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the JSON Schema rejects a bad mark', () => {
    const ajv = new Ajv();
    const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')));
    const broken = structuredClone(json) as Catalogue;
    broken.roles[0]!.tasks[0]!.drift = '(X)' as 'X';
    expect(validate(broken)).toBe(false);
  });

  it('passes the typed loader, including every reference check', () => {
    expect(parseCatalogue(json).ok).toBe(true);
  });

  it('has the envelope the issue asks for', () => {
    expect(cat.format).toBe('rollegalleri-catalogue');
    expect(cat.catalogueVersion).toBe('1.5');
    expect(cat.publisher).toBe('KOMBIT');
  });

  it('has the 32 roles of the table of contents, with unique ids', () => {
    expect(cat.roles).toHaveLength(32);
    expect(new Set(cat.roles.map((r) => r.id)).size).toBe(32);
    expect(new Set(cat.roles.map((r) => r.name)).size).toBe(32);
  });

  it('keeps the groups in the order of the overview table', () => {
    expect(cat.groups.map((g) => g.id)).toEqual([
      'systemspecifik',
      'tvaergaaende',
      'infrastruktur',
      'infrastrukturadministrator',
    ]);
    const count = (g: string) => cat.roles.filter((r) => r.group === g).length;
    expect([count('systemspecifik'), count('tvaergaaende'), count('infrastruktur'), count('infrastrukturadministrator')]).toEqual([9, 7, 8, 8]);
  });

  it('has the lifecycle phases in order, split over the two columns', () => {
    expect(cat.phases.map((p) => [p.name, p.column])).toEqual([
      ['Opvarmningsperiode', 'implementering'],
      ['Fase 1: Opstart', 'implementering'],
      ['Fase 2: Forberedelse', 'implementering'],
      ['Fase 3: Ibrugtagning', 'implementering'],
      ['Fase 4: Forankring', 'drift'],
    ]);
  });

  it('gives every role at least one task and only allowed marks', () => {
    for (const r of cat.roles) {
      expect(r.tasks.length, r.id).toBeGreaterThan(0);
      for (const item of [...r.tasks, ...r.responsibilities]) {
        expect(['X', '(X)', '']).toContain(item.implementering);
        expect(['X', '']).toContain(item.drift);
      }
    }
  });

  it('transcribes the number of tasks and responsibilities in the source', () => {
    const items = cat.roles.reduce((n, r) => n + r.tasks.length + r.responsibilities.length, 0);
    expect(items).toBe(339);
    expect(role('infrastrukturansvarlig').tasks).toHaveLength(15);
    expect(role('klassifikations-sortimentsadministrator').tasks).toHaveLength(9);
    expect(role('systemejer-bogfoering').responsibilities).toHaveLength(6);
  });

  it('keeps the ambiguous marks as the source has them, with a note', () => {
    const fungerer = role('systemansvarlig-opkraevning').tasks[0]!;
    expect(fungerer).toMatchObject({ implementering: '(X)', drift: '' });
    expect(role('systemansvarlig-opkraevning').notes.join(' ')).toContain('(X)');
    const unmarked = role('infrastrukturejer').tasks.find((t) => t.text.startsWith('Sikrer at kommunen arbejder målrettet'));
    expect(unmarked).toMatchObject({ implementering: '', drift: '' });
    expect(role('infrastrukturejer').notes.join(' ')).toContain('intet kryds');
  });

  it('notes the role the overview calls cross-cutting while its Kendetegn says system-specific', () => {
    const r = role('supportberettiget-bruger');
    expect(r.group).toBe('tvaergaaende');
    expect(r.characteristics).toMatch(/^Systemspecifik rolle/);
    expect(r.notes.join(' ')).toContain('Systemspecifik rolle');
  });

  it('keeps the source spelling of names and lists other spellings as aliases', () => {
    expect(role('oir-koordinator').name).toBe('ØiR-kordinator');
    expect(role('oir-koordinator').aliases).toContain('ØiR-koordinator');
    expect(role('traener-underviser').aliases).toContain('Træner/instruktør');
  });

  it('has many relations, touching every role, each with a quote and a known type', () => {
    expect(cat.relations.length).toBeGreaterThan(40);
    const touched = new Set(cat.relations.flatMap((r) => [r.from, r.to]));
    expect(cat.roles.filter((r) => !touched.has(r.id)).map((r) => r.id)).toEqual([]);
    const required = ['rapporterer-til', 'sparringspart-for', 'tildeler-rolle', 'afloeses-af', 'bistaar', 'samarbejder-med', 'eskalerer-til', 'bestiller-hos', 'informerer'];
    const types = new Set(cat.relationTypes.map((t) => t.id));
    const used = new Set(cat.relations.map((r) => r.type));
    for (const t of required) {
      expect(types.has(t), t).toBe(true);
      expect(used.has(t), t).toBe(true);
    }
  });

  it('reads project-to-operations succession out of the text', () => {
    expect(relation('projektejer', 'afloeses-af', 'systemejer')?.quote).toContain('veksles til rollen som Systemejer');
    expect(relation('projektleder', 'afloeses-af', 'systemansvarlig')).toBeDefined();
    expect(role('projektejer').lifecycle.becomes).toBe('systemejer');
    expect(role('projektleder').lifecycle).toMatchObject({ appointedIn: 'fase-1-opstart', activeUntil: 'fase-3-ibrugtagning' });
    expect(role('systemansvarlig').lifecycle.appointedIn).toBe('fase-4-forankring');
  });

  it('records who is KOMBIT’s SPOC for the IT system in each column', () => {
    const forSystem = cat.roles.flatMap((r) => r.spoc.filter((s) => s.scope === 'it-systemet').map((s) => ({ id: r.id, ...s })));
    expect(forSystem.map((s) => [s.id, s.columns])).toEqual([
      ['projektleder', ['implementering']],
      ['systemansvarlig', ['drift']],
    ]);
    expect(role('oir-koordinator').spoc[0]?.scope).toBe('ØiR');
  });
});
