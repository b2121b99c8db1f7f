import { describe, expect, it } from 'vitest';
import { assign, addPerson, addPeople, addSystem, moveAssignment, removePerson, removeSystem, renameWorkspace, unassign, updatePerson } from './operations';
import { checkWorkspace } from './integrity';
import { assignmentsFor, coverage, holdings, rolesAtRisk, systemPhaseFilter } from './coverage';
import { demoWorkspace } from './demo';
import { adviceFor } from './advice';
import { unwrap } from '../result';
import { isRoleActive } from '../explorer';
import { assignment, makeWorkspace, person, shippedCatalogue, system } from './fixtures';

const cat = shippedCatalogue();
const role = (id: string) => cat.roles.find((r) => r.id === id)!;

describe('people', () => {
  it('adds a person with only a name, and creates the unit by name', () => {
    const ws = unwrap(addPerson(makeWorkspace(), { name: '  Clara  ', title: 'Chef', unit: 'IT' }, 'p-3'));
    expect(ws.people.at(-1)).toEqual({ id: 'p-3', name: 'Clara', title: 'Chef', orgUnitId: ws.orgUnits[0]!.id });
    expect(ws.orgUnits).toEqual([{ id: ws.orgUnits[0]!.id, name: 'IT', parentId: null }]);
    const again = unwrap(addPerson(ws, { name: 'Dorte', unit: 'it' }, 'p-4'));
    expect(again.orgUnits).toHaveLength(1);
  });

  it('refuses a person without a name or with a broken e-mail, in Danish', () => {
    expect(addPerson(makeWorkspace(), { name: '  ' })).toEqual({ ok: false, error: 'Navn skal udfyldes.' });
    const bad = addPerson(makeWorkspace(), { name: 'X', email: 'ikke-en-mail' });
    expect(bad.ok).toBe(false);
  });

  it('refuses a name without a letter or a digit, as the form and the import both do', () => {
    for (const name of [';;;;', ',,,,', '"', '- -'])
      expect(addPerson(makeWorkspace(), { name })).toEqual({ ok: false, error: `Navnet »\u2068${name}\u2069« har hverken bogstaver eller tal.` });
    expect(addPerson(makeWorkspace(), { name: 'Ø' }).ok).toBe(true);
    expect(addPerson(makeWorkspace(), { name: '名前' }).ok).toBe(true);
    expect(addPerson(makeWorkspace(), { name: 'R2' }).ok).toBe(true);
  });

  it('adds many people or none', () => {
    const ws = makeWorkspace();
    expect(unwrap(addPeople(ws, [{ name: 'A' }, { name: 'B' }])).people).toHaveLength(4);
    const r = addPeople(ws, [{ name: 'A' }, { name: '' }]);
    expect(r).toEqual({ ok: false, error: 'Række 2: Navn skal udfyldes.' });
  });

  it('updates a person', () => {
    const ws = unwrap(updatePerson(makeWorkspace(), 'p-1', { name: 'Anna B', email: 'a@b.dk' }));
    expect(ws.people[0]).toEqual({ id: 'p-1', name: 'Anna B', email: 'a@b.dk' });
  });

  it('removing a person removes the roles they hold', () => {
    let ws = unwrap(assign(makeWorkspace(), cat, 'p-1', 'projektleder', 's-aula'));
    ws = removePerson(ws, 'p-1');
    expect(ws.people.map((p) => p.id)).toEqual(['p-2']);
    expect(ws.assignments).toEqual([]);
  });
});

describe('assigning roles', () => {
  it('one person can hold many roles and a role many people; the same assignment twice is a no-op', () => {
    let ws = makeWorkspace();
    ws = unwrap(assign(ws, cat, 'p-1', 'projektleder', 's-aula'));
    ws = unwrap(assign(ws, cat, 'p-1', 'superbruger', 's-aula'));
    ws = unwrap(assign(ws, cat, 'p-2', 'superbruger', 's-aula'));
    const again = unwrap(assign(ws, cat, 'p-1', 'projektleder', 's-aula'));
    expect(again).toBe(ws);
    expect(ws.assignments).toHaveLength(3);
    expect(checkWorkspace(ws, cat)).toEqual([]);
  });

  it('a system-specific role needs a system; a municipality role never takes one', () => {
    const r = assign(makeWorkspace(), cat, 'p-1', 'projektleder', null);
    expect(r).toEqual({ ok: false, error: 'Projektleder er en systemspecifik rolle. Vælg først et it-system.' });
    const ws = unwrap(assign(makeWorkspace(), cat, 'p-1', 'it-digitaliseringschef', 's-aula'));
    expect(ws.assignments[0]).toMatchObject({ roleId: 'it-digitaliseringschef', systemId: null });
  });

  it('the same role for two systems is two assignments', () => {
    let ws = unwrap(assign(makeWorkspace(), cat, 'p-1', 'systemejer', 's-aula'));
    ws = unwrap(assign(ws, cat, 'p-1', 'systemejer', 's-sapa'));
    expect(ws.assignments.map((a) => a.systemId)).toEqual(['s-aula', 's-sapa']);
  });

  it('moves an assignment to another role, merging a duplicate', () => {
    let ws = unwrap(assign(makeWorkspace(), cat, 'p-1', 'superbruger', 's-aula', 'a-1'));
    ws = unwrap(moveAssignment(ws, cat, 'a-1', 'traener-underviser', 's-aula'));
    expect(ws.assignments).toEqual([{ id: 'a-1', personId: 'p-1', roleId: 'traener-underviser', systemId: 's-aula' }]);
    ws = unwrap(assign(ws, cat, 'p-1', 'superbruger', 's-aula', 'a-2'));
    ws = unwrap(moveAssignment(ws, cat, 'a-2', 'traener-underviser', 's-aula'));
    expect(ws.assignments).toHaveLength(1);
  });

  it('unassigns, and removing a system removes its assignments', () => {
    let ws = unwrap(assign(makeWorkspace(), cat, 'p-1', 'superbruger', 's-aula', 'a-1'));
    expect(unassign(ws, 'a-1').assignments).toEqual([]);
    ws = unwrap(assign(ws, cat, 'p-1', 'it-arkitekt', null));
    expect(removeSystem(ws, 's-aula').assignments.map((a) => a.roleId)).toEqual(['it-arkitekt']);
  });

  it('refuses a duplicate system name and an empty workspace name', () => {
    expect(addSystem(makeWorkspace(), { name: 'aula', phase: 'drift' }).ok).toBe(false);
    expect(renameWorkspace(makeWorkspace(), ' ').ok).toBe(false);
    expect(unwrap(renameWorkspace(makeWorkspace(), 'Ny')).name).toBe('Ny');
  });
});

describe('integrity', () => {
  it('names what is wrong and where', () => {
    const ws = makeWorkspace({
      people: [person('p-1'), person('p-1')],
      assignments: [
        assignment('a-1', 'p-17', 'projektleder', 's-aula'),
        assignment('a-2', 'p-1', 'findes-ikke', null),
        assignment('a-3', 'p-1', 'projektleder', null),
        assignment('a-4', 'p-1', 'it-arkitekt', 's-aula'),
        assignment('a-5', 'p-1', 'projektleder', 's-x'),
      ],
      systems: [system('s-aula', 'AULA', 'fase-7')],
    });
    expect(checkWorkspace(ws, cat)).toEqual([
      { path: 'people[1].id', message: "id'et p-1 bruges mere end én gang" },
      { path: 'systems[0].phase', message: 'fasen fase-7 findes ikke' },
      { path: 'assignments[0]', message: 'personen p-17 findes ikke' },
      { path: 'assignments[1]', message: 'rollen findes-ikke findes ikke i Rollegalleri 1.5' },
      { path: 'assignments[2]', message: 'rollen Projektleder er systemspecifik og skal knyttes til et it-system' },
      { path: 'assignments[3]', message: 'rollen It-arkitekt varetages for hele kommunen og kan ikke knyttes til et it-system' },
      { path: 'assignments[4]', message: 'it-systemet s-x findes ikke' },
    ]);
  });

  it('finds org unit cycles', () => {
    const ws = makeWorkspace({
      orgUnits: [
        { id: 'u-1', name: 'A', parentId: 'u-2' },
        { id: 'u-2', name: 'B', parentId: 'u-1' },
      ],
    });
    expect(checkWorkspace(ws, cat).map((i) => i.path)).toContain('orgUnits[0].parentId');
  });

  it('accepts the demo workspace', () => {
    expect(checkWorkspace(demoWorkspace(), cat)).toEqual([]);
  });
});

describe('coverage', () => {
  it('counts active roles with nobody assigned as unfilled, per system and phase', () => {
    let ws = makeWorkspace();
    const aula = systemPhaseFilter(system('s-aula', 'AULA', 'fase-2-forberedelse'));
    const before = coverage(ws, cat, 's-aula', aula);
    expect(before.filled).toEqual([]);
    expect(before.unfilled.map((r) => r.id)).toContain('projektleder');
    ws = unwrap(assign(ws, cat, 'p-1', 'projektleder', 's-aula'));
    ws = unwrap(assign(ws, cat, 'p-2', 'it-arkitekt', null));
    const after = coverage(ws, cat, 's-aula', aula);
    expect(after.filled.map((r) => r.id).sort()).toEqual(['it-arkitekt', 'projektleder']);
    expect(after.unfilled).toHaveLength(before.unfilled.length - 2);
    // the assignment for AULA does not fill the role for SAPA
    expect(coverage(ws, cat, 's-sapa', aula).unfilled.map((r) => r.id)).toContain('projektleder');
  });

  it('can count the roles held per system apart from those held once for the municipality', () => {
    const ws = unwrap(assign(makeWorkspace(), cat, 'p-1', 'it-arkitekt', null));
    const phase = systemPhaseFilter({ phase: 'fase-2-forberedelse' });
    const perSystem = coverage(ws, cat, 's-aula', phase, 'system');
    const municipality = coverage(ws, cat, null, { kind: 'all' }, 'municipality');
    expect(perSystem.active.every((r) => r.perSystem !== 'none')).toBe(true);
    expect(perSystem.active.map((r) => r.id)).toContain('projektleder');
    expect(municipality.active.every((r) => r.perSystem === 'none')).toBe(true);
    expect(municipality.filled.map((r) => r.id)).toEqual(['it-arkitekt']);
  });

  it('needs Systemejer from fase 2, where it is appointed, though its tasks begin in drift (as the rollekatalog says)', () => {
    const at = (phase: string) => coverage(makeWorkspace(), cat, 's-aula', systemPhaseFilter({ phase })).unfilled.map((r) => r.id);
    expect(at('fase-1-opstart')).not.toContain('systemejer');
    expect(at('fase-2-forberedelse')).toContain('systemejer');
    expect(at('fase-3-ibrugtagning')).toContain('systemejer');
    expect(at('fase-4-forankring')).toContain('systemejer');
    // appointed ahead of its tasks is not the same as active: the map still dims it in fase 2
    expect(isRoleActive(cat, cat.roles.find((r) => r.id === 'systemejer')!, { kind: 'phase', phaseId: 'fase-2-forberedelse' })).toBe(false);
  });

  it('uses the system phase: in operation, Systemansvarlig is needed and Projektleder is not', () => {
    const drift = coverage(makeWorkspace(), cat, 's-sapa', systemPhaseFilter({ phase: 'drift' }));
    const ids = drift.active.map((r) => r.id);
    expect(ids).toContain('systemansvarlig');
    expect(ids).not.toContain('projektleder');
  });

  it('a role that can be either counts a municipality-wide holder for every system', () => {
    const ws = unwrap(assign(makeWorkspace(), cat, 'p-1', 'sikkerhedsansvarlig', null));
    expect(assignmentsFor(ws, role('sikkerhedsansvarlig'), 's-aula')).toHaveLength(1);
  });

  it('a municipality-wide holder of a role that can be either covers it for a system', () => {
    let ws = unwrap(assign(makeWorkspace(), cat, 'p-1', 'sikkerhedsansvarlig', 's-aula'));
    ws = unwrap(assign(ws, cat, 'p-2', 'sikkerhedsansvarlig', null));
    expect(rolesAtRisk(ws, cat, 'p-1')).toEqual([]);
    expect(rolesAtRisk(ws, cat, 'p-2').map((a) => a.roleId)).toEqual(['sikkerhedsansvarlig']);
  });

  it('moving keeps a municipality-wide assignment municipality-wide where the role allows it', () => {
    let ws = unwrap(assign(makeWorkspace(), cat, 'p-1', 'it-arkitekt', null, 'a-1'));
    ws = unwrap(moveAssignment(ws, cat, 'a-1', 'sikkerhedsansvarlig', 's-aula'));
    expect(ws.assignments[0]).toMatchObject({ roleId: 'sikkerhedsansvarlig', systemId: null });
    ws = unwrap(moveAssignment(ws, cat, 'a-1', 'projektleder', 's-aula'));
    expect(ws.assignments[0]).toMatchObject({ roleId: 'projektleder', systemId: 's-aula' });
  });

  it('the same ids give the same result, so a replayed edit adds the same person', () => {
    const a = unwrap(addPerson(makeWorkspace(), { name: 'X', unit: 'Ny enhed' }, 'p-x', 'u-x'));
    const b = unwrap(addPerson(makeWorkspace(), { name: 'X', unit: 'Ny enhed' }, 'p-x', 'u-x'));
    expect(a).toEqual(b);
    expect(a.orgUnits).toEqual([{ id: 'u-x', name: 'Ny enhed', parentId: null }]);
  });

  it('"what if this person leaves" lists the roles nobody else holds', () => {
    let ws = makeWorkspace();
    ws = unwrap(assign(ws, cat, 'p-1', 'projektleder', 's-aula'));
    ws = unwrap(assign(ws, cat, 'p-1', 'superbruger', 's-aula'));
    ws = unwrap(assign(ws, cat, 'p-2', 'superbruger', 's-aula'));
    expect(rolesAtRisk(ws, cat, 'p-1').map((a) => a.roleId)).toEqual(['projektleder']);
    expect(holdings(ws, 'p-1')).toHaveLength(2);
  });
});

describe('advice', () => {
  it('quotes the source for the project-to-operations roles and the benefits owner', () => {
    expect(adviceFor(cat, 'projektejer').map((a) => a.id)).toContain('personsammenfald');
    expect(adviceFor(cat, 'gevinstejer')[0]?.quote).toContain('ikke har ansvar ift. forretningsområdet');
    expect(adviceFor(cat, 'it-arkitekt')).toEqual([]);
  });
});
