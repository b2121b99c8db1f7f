import { describe, expect, it } from 'vitest';
import type { Catalogue } from '../catalogue';
import { shippedCatalogue } from '../catalogue/fixtures';
import {
  focusColumn,
  isRoleActive,
  parsePhaseFilter,
  phaseFilterKey,
  phaseOptions,
  columnOptions,
  phaseSelectKey,
  columnSelectKey,
  spocScopes,
  type PhaseFilter,
} from './phase-filter';
import { foldDanish, namesFirst, queryMatcher, searchRoles } from './search';
import { neighbourhood, relationsOf } from './neighbours';

const cat: Catalogue = shippedCatalogue();
const role = (id: string) => cat.roles.find((r) => r.id === id)!;
const phase = (phaseId: string): PhaseFilter => ({ kind: 'phase', phaseId });
const IMPL: PhaseFilter = { kind: 'column', column: 'implementering' };
const DRIFT: PhaseFilter = { kind: 'column', column: 'drift' };
const active = (f: PhaseFilter) => cat.roles.filter((r) => isRoleActive(cat, r, f)).map((r) => r.id);

describe('phase filter', () => {
  it('offers the phases and the columns as two controls, in order, named as in "Dækning"', () => {
    expect(phaseOptions(cat).map((o) => o.label)).toEqual([
      'Alle faser',
      'Opvarmningsperiode',
      'Fase 1: Opstart',
      'Fase 2: Forberedelse',
      'Fase 3: Ibrugtagning',
      'Fase 4: Forankring',
      'I drift',
    ]);
    expect(columnOptions(cat).map((o) => o.label)).toEqual(['Begge kolonner', 'Implementering', 'Drift og forvaltning']);
  });

  it('shows a chosen phase in both controls: the phase, and the column it belongs to', () => {
    expect([phaseSelectKey(phase('fase-4-forankring')), columnSelectKey(cat, phase('fase-4-forankring'))]).toEqual(['fase-4-forankring', 'drift']);
    expect([phaseSelectKey(DRIFT), columnSelectKey(cat, DRIFT)]).toEqual(['drift', 'drift']);
    const impl: PhaseFilter = { kind: 'column', column: 'implementering' };
    expect([phaseSelectKey(impl), columnSelectKey(cat, impl)]).toEqual(['alle', 'implementering']);
    expect([phaseSelectKey({ kind: 'all' }), columnSelectKey(cat, { kind: 'all' })]).toEqual(['alle', 'alle']);
  });

  it('round-trips through its URL key and ignores unknown keys', () => {
    for (const o of [...phaseOptions(cat), ...columnOptions(cat)]) expect(phaseFilterKey(parsePhaseFilter(cat, o.key))).toBe(o.key);
    expect(parsePhaseFilter(cat, 'fase-9')).toEqual({ kind: 'all' });
    expect(parsePhaseFilter(cat, null)).toEqual({ kind: 'all' });
  });

  it('keeps every role active under "Alle faser"', () => {
    expect(active({ kind: 'all' })).toHaveLength(32);
  });

  it('follows the project roles from appointment to phase-out', () => {
    expect(isRoleActive(cat, role('projektleder'), phase('fase-1-opstart'))).toBe(true);
    expect(isRoleActive(cat, role('projektleder'), phase('fase-3-ibrugtagning'))).toBe(true);
    expect(isRoleActive(cat, role('projektleder'), phase('fase-4-forankring'))).toBe(false);
    expect(isRoleActive(cat, role('projektejer'), DRIFT)).toBe(false);
    expect(isRoleActive(cat, role('gevinstejer'), phase('fase-1-opstart'))).toBe(false);
    expect(isRoleActive(cat, role('gevinstejer'), phase('fase-2-forberedelse'))).toBe(true);
  });

  it('activates the operations roles only in Drift og forvaltning', () => {
    for (const id of ['systemansvarlig', 'systemejer']) {
      expect(isRoleActive(cat, role(id), IMPL), id).toBe(false);
      expect(isRoleActive(cat, role(id), DRIFT), id).toBe(true);
      expect(isRoleActive(cat, role(id), phase('fase-4-forankring')), id).toBe(true);
    }
  });

  it('uses the marks: a role with only Drift marks is inactive while implementing', () => {
    expect(isRoleActive(cat, role('klik-administrator'), IMPL)).toBe(false);
    expect(isRoleActive(cat, role('kombit-programleder'), DRIFT)).toBe(false);
    expect(isRoleActive(cat, role('rolleadministrator'), phase('fase-2-forberedelse'))).toBe(true);
  });

  it('counts a bracketed (X) as a mark', () => {
    expect(isRoleActive(cat, role('systemansvarlig-opkraevning'), IMPL)).toBe(true);
  });

  it('names the column the detail panel shows first', () => {
    expect(focusColumn(cat, phase('fase-4-forankring'))).toBe('drift');
    expect(focusColumn(cat, phase('fase-2-forberedelse'))).toBe('implementering');
    expect(focusColumn(cat, IMPL)).toBe('implementering');
    expect(focusColumn(cat, { kind: 'all' })).toBeNull();
  });
});

describe('SPOC', () => {
  const spocFor = (f: PhaseFilter, scope: string) =>
    cat.roles.filter((r) => spocScopes(cat, r, f).some((s) => s.scope === scope)).map((r) => r.id);

  it('makes Projektleder the SPOC for the IT system while implementing', () => {
    expect(spocFor(IMPL, 'it-systemet')).toEqual(['projektleder']);
    expect(spocFor(phase('fase-2-forberedelse'), 'it-systemet')).toEqual(['projektleder']);
  });

  it('hands the SPOC for the IT system to Systemansvarlig in operations', () => {
    expect(spocFor(DRIFT, 'it-systemet')).toEqual(['systemansvarlig']);
    expect(spocFor(phase('fase-4-forankring'), 'it-systemet')).toEqual(['systemansvarlig']);
  });

  it('keeps the ØiR coordinator as SPOC for ØiR in both columns', () => {
    expect(spocFor(IMPL, 'ØiR')).toEqual(['oir-koordinator']);
    expect(spocFor(DRIFT, 'ØiR')).toEqual(['oir-koordinator']);
  });

  it('shows no SPOC outside its phases', () => {
    expect(spocScopes(cat, role('projektleder'), DRIFT)).toEqual([]);
    expect(spocScopes(cat, role('systemansvarlig'), phase('fase-1-opstart'))).toEqual([]);
  });
});

describe('search', () => {
  it('folds case and foreign accents but keeps æ, ø and å', () => {
    expect(foldDanish('ØiR Café')).toBe('øir cafe');
    expect(foldDanish('Træner/Underviser')).toBe('træner/underviser');
    expect(foldDanish('Öl')).toBe('øl');
  });

  it('lets a plain-ASCII query find Danish letters', () => {
    expect(queryMatcher('oir')!('ØiR-koordinator')).toBe(true);
    expect(queryMatcher('traener')!('Træner/underviser')).toBe(true);
    expect(queryMatcher('bogforing')!('bogføringssystem')).toBe(true);
    expect(queryMatcher('aarhus')!('Århus')).toBe(true);
  });

  it('does not widen a query that uses æ, ø or å', () => {
    expect(queryMatcher('sø')!('sort')).toBe(false);
    expect(queryMatcher('sø')!('søg')).toBe(true);
  });

  it('needs every word', () => {
    expect(queryMatcher('klik administrator')!('KLIK administrator')).toBe(true);
    expect(queryMatcher('klik arkitekt')!('KLIK administrator')).toBe(false);
    expect(queryMatcher('   ')).toBeNull();
  });

  it('searches names, effects, tasks, responsibilities and competencies', () => {
    expect(searchRoles(cat.roles, 'oir')).toContain('oir-koordinator');
    expect([...searchRoles(cat.roles, 'ØiR-kordinator')!]).toEqual(['oir-koordinator']);
    expect(searchRoles(cat.roles, 'business case')).toEqual(new Set(['projektejer']));
    expect(searchRoles(cat.roles, 'OWASP')).toEqual(new Set(['sikkerhedsansvarlig']));
    expect(searchRoles(cat.roles, 'Planlægning, tidsstyring')).toEqual(new Set(['projektleder']));
    expect(searchRoles(cat.roles, 'Virk.dk')).toEqual(new Set(['sikkerhedsansvarlig']));
    expect(searchRoles(cat.roles, 'zzz-findes-ikke')!.size).toBe(0);
    expect(searchRoles(cat.roles, '')).toBeNull();
  });

  it('puts the roles whose name or other spelling matches first, and keeps the given order within each group', () => {
    const ids = ['faglig-leder', 'systemejer', 'sikkerhedsansvarlig', 'infrastrukturejer'];
    expect(namesFirst(cat.roles, ids, 'sikker')).toEqual(['sikkerhedsansvarlig', 'faglig-leder', 'systemejer', 'infrastrukturejer']);
    // an alias counts as a name: "Systemejer" is another spelling of "Systemejer (it-systemet)"
    expect(namesFirst(cat.roles, ids, 'ejer')).toEqual(['systemejer', 'infrastrukturejer', 'faglig-leder', 'sikkerhedsansvarlig']);
    // every word must be in the names; otherwise the order stays as given
    expect(namesFirst(cat.roles, ids, 'zzz')).toEqual(ids);
    expect(namesFirst(cat.roles, ids, '')).toEqual(ids);
  });
});

describe('neighbours', () => {
  it('includes the role and every role one relation away', () => {
    const n = neighbourhood(cat.relations, 'projektejer');
    expect(n.has('projektejer')).toBe(true);
    expect(n.has('systemejer')).toBe(true);
    expect(n.has('projektleder')).toBe(true);
    expect(n.has('organisationsadministrator')).toBe(false);
  });

  it('splits a role’s relations into outgoing and incoming', () => {
    const { outgoing, incoming } = relationsOf(cat.relations, 'projektejer');
    expect(outgoing.some((r) => r.type === 'afloeses-af' && r.to === 'systemejer')).toBe(true);
    expect(incoming.some((r) => r.type === 'rapporterer-til' && r.from === 'projektleder')).toBe(true);
  });
});
