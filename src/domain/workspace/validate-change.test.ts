import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unwrap } from '../result';
import { shippedCatalogue } from './fixtures';
import { addPerson, addSystem, assign, removePerson, removeSystem, renameWorkspace, setSystemPhase, unassign, updatePerson } from './operations';
import type { WorkspaceData } from './schema';
import { SCALES, syntheticWorkspace } from './synthetic';
import { changeIsValid } from './validate-change';
import { validateWorkspace } from './validate';

const cat = shippedCatalogue();
type Edit = (ws: WorkspaceData, n: number) => WorkspaceData;
const at = <T>(xs: readonly T[], n: number) => xs[n % xs.length]!;

/** Edits through the app's own operations: always valid. */
const VALID: Record<string, Edit> = {
  'add a person': (ws, n) => unwrap(addPerson(ws, { name: `Ny ${n}`, unit: n % 2 ? `Enhed ${n}` : undefined }, `p-new-${n}`, `u-new-${n}`)),
  'edit a person': (ws, n) => unwrap(updatePerson(ws, at(ws.people, n).id, { name: `Omdøbt ${n}`, unit: 'Økonomi' }, `u-upd-${n}`)),
  'remove a person': (ws, n) => removePerson(ws, at(ws.people, n).id),
  'assign a role': (ws, n) => {
    const role = at(cat.roles, n);
    const r = assign(ws, cat, at(ws.people, n).id, role.id, role.perSystem === 'none' ? null : at(ws.systems, n).id, `a-new-${n}`);
    return r.ok ? r.value : ws;
  },
  'unassign': (ws, n) => (ws.assignments.length ? unassign(ws, at(ws.assignments, n).id) : ws),
  'add a system': (ws, n) => unwrap(addSystem(ws, { name: `System ${n}`, phase: 'drift' }, `s-new-${n}`)),
  'remove a system': (ws, n) => (ws.systems.length > 1 ? removeSystem(ws, at(ws.systems, n).id) : ws),
  'set a phase': (ws, n) => setSystemPhase(ws, at(ws.systems, n).id, n % 2 ? 'drift' : 'fase-1-opstart'),
  'rename': (ws, n) => unwrap(renameWorkspace(ws, `Kommune ${n}`)),
};

/** Edits that break a rule, made by hand as a bug or a hostile script could. */
const BROKEN: Record<string, Edit> = {
  'a duplicate person id': (ws, n) => ({ ...ws, people: [...ws.people, { id: at(ws.people, n).id, name: 'Kopi' }] }),
  'an assignment to nobody': (ws) => ({ ...ws, assignments: [...ws.assignments, { id: 'a-x', personId: 'p-ingen', roleId: 'it-arkitekt', systemId: null }] }),
  'an assignment to a missing system': (ws, n) => ({ ...ws, assignments: [...ws.assignments, { id: 'a-x', personId: at(ws.people, n).id, roleId: 'projektleder', systemId: 's-ingen' }] }),
  'an unknown role': (ws, n) => ({ ...ws, assignments: [...ws.assignments, { id: 'a-x', personId: at(ws.people, n).id, roleId: 'kejser', systemId: null }] }),
  'a wrong scope': (ws, n) => ({ ...ws, assignments: [...ws.assignments, { id: 'a-x', personId: at(ws.people, n).id, roleId: 'projektleder', systemId: null }] }),
  'a duplicate assignment': (ws, n) => (ws.assignments.length ? { ...ws, assignments: [...ws.assignments, { ...at(ws.assignments, n), id: 'a-dup' }] } : ws),
  'a duplicate assignment id': (ws, n) =>
    ws.assignments.length ? { ...ws, assignments: [...ws.assignments, { id: at(ws.assignments, n).id, personId: at(ws.people, n).id, roleId: 'it-arkitekt', systemId: null }] } : ws,
  'a person removed, their roles kept': (ws, n) => ({ ...ws, people: ws.people.filter((p) => p.id !== at(ws.assignments, n).personId) }),
  'a system removed, its roles kept': (ws, n) => {
    const used = ws.assignments.find((a) => a.systemId !== null)?.systemId ?? at(ws.systems, n).id;
    return { ...ws, systems: ws.systems.filter((s) => s.id !== used) };
  },
  'a unit removed, its people kept': (ws) => {
    const used = ws.people.find((p) => p.orgUnitId)?.orgUnitId;
    return used ? { ...ws, orgUnits: ws.orgUnits.filter((u) => u.id !== used) } : ws;
  },
  'a unit under itself': (ws, n) => {
    const u = at(ws.orgUnits, n);
    return { ...ws, orgUnits: ws.orgUnits.map((x) => (x === u ? { ...x, parentId: u.id } : x)) };
  },
  'a unit under a missing unit': (ws) => ({ ...ws, orgUnits: [...ws.orgUnits, { id: 'u-x', name: 'X', parentId: 'u-ingen' }] }),
  'a person in a missing unit': (ws) => ({ ...ws, people: [...ws.people, { id: 'p-x', name: 'X', orgUnitId: 'u-ingen' }] }),
  'an unknown field': (ws) => ({ ...ws, people: [...ws.people, { id: 'p-x', name: 'X', admin: true } as never] }),
  'an empty workspace name': (ws) => ({ ...ws, name: '' }),
  'a text too long': (ws) => ({ ...ws, people: [...ws.people, { id: 'p-x', name: 'X', note: 'n'.repeat(501) }] }),
  'an unknown phase': (ws) => ({ ...ws, systems: [...ws.systems, { id: 's-x', name: 'X', phase: 'fase-9' }] }),
  'an extra top-level field': (ws) => ({ ...ws, extra: [] }) as WorkspaceData,
};

describe('checking only what an edit changed', () => {
  it.each(Object.keys(VALID))('proves an edit through the operations valid: %s', (name) => {
    const base = syntheticWorkspace(cat, SCALES.S, 5);
    const next = VALID[name]!(base, 3);
    expect(changeIsValid(base, next, cat)).toBe(true);
  });

  it.each(Object.keys(BROKEN))('never proves a broken edit valid: %s', (name) => {
    const base = syntheticWorkspace(cat, SCALES.S, 5);
    const next = BROKEN[name]!(base, 3);
    expect(validateWorkspace(next, cat).ok).toBe(false);
    expect(changeIsValid(base, next, cat)).toBe(false);
  });

  it('leaves a record the schema would change (an untrimmed name) to the whole check, which trims it', () => {
    const base = syntheticWorkspace(cat, SCALES.S, 5);
    const next = { ...base, people: [...base.people, { id: 'p-x', name: ' X ' }] };
    expect(changeIsValid(base, next, cat)).toBe(false);
    expect(validateWorkspace(next, cat)).toMatchObject({ ok: true, value: { people: expect.arrayContaining([{ id: 'p-x', name: 'X' }]) } });
  });

  it('agrees with the whole check over random runs of good and broken edits', () => {
    const edits = [...Object.values(VALID), ...Object.values(BROKEN)];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(edits.length - 1), fc.nat(1000)), { minLength: 1, maxLength: 12 }), fc.nat(50), (steps, seed) => {
        let base = syntheticWorkspace(cat, SCALES.S, seed);
        for (const [e, n] of steps) {
          const next = edits[e]!(base, n);
          const whole = validateWorkspace(next, cat).ok;
          // proven valid implies valid; and the app's own edits are always proven
          if (changeIsValid(base, next, cat)) expect(whole).toBe(true);
          else if (e < Object.keys(VALID).length) expect(next === base || !whole).toBe(true);
          if (whole) base = next;
        }
      }),
      { numRuns: 300 },
    );
  });
});
