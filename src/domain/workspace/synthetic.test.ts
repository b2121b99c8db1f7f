import { describe, expect, it } from 'vitest';
import { shippedCatalogue } from './fixtures';
import { SCALES, syntheticWorkspace } from './synthetic';
import type { Role } from '../catalogue';
import { assignmentIndex, assignmentsFor, holdings } from './coverage';
import { unassign } from './operations';
import type { WorkspaceData } from './schema';
import { validateWorkspace } from './validate';

const cat = shippedCatalogue();

describe('synthetic workspaces', () => {
  it.each(Object.entries(SCALES))('%s has the promised size and passes every rule', (_, scale) => {
    const ws = syntheticWorkspace(cat, scale);
    expect(ws.people).toHaveLength(scale.people);
    expect(ws.systems).toHaveLength(scale.systems);
    expect(ws.assignments).toHaveLength(scale.assignments);
    const valid = validateWorkspace(ws, cat);
    expect(valid.ok ? null : valid.error).toBeNull();
  });

  it('scopes each role as the catalogue says and uses real roles', () => {
    const roles = new Map(cat.roles.map((r) => [r.id, r]));
    const ws = syntheticWorkspace(cat, SCALES.L);
    for (const a of ws.assignments) {
      const role = roles.get(a.roleId);
      expect(role, a.roleId).toBeDefined();
      if (role!.perSystem === 'required') expect(a.systemId).not.toBeNull();
      if (role!.perSystem === 'none') expect(a.systemId).toBeNull();
    }
    // both kinds occur, and most roles are used
    expect(ws.assignments.some((a) => a.systemId === null)).toBe(true);
    expect(ws.assignments.some((a) => a.systemId !== null)).toBe(true);
    expect(new Set(ws.assignments.map((a) => a.roleId)).size).toBeGreaterThan(cat.roles.length * 0.8);
  });

  it('is the same for the same seed and differs for another', () => {
    expect(syntheticWorkspace(cat, SCALES.M, 7)).toEqual(syntheticWorkspace(cat, SCALES.M, 7));
    expect(syntheticWorkspace(cat, SCALES.M, 8).people.map((p) => p.name)).not.toEqual(syntheticWorkspace(cat, SCALES.M, 7).people.map((p) => p.name));
  });

  it('has Danish-looking names, org units and systems in several phases', () => {
    const ws = syntheticWorkspace(cat, SCALES.M);
    expect(ws.people.some((p) => /[æøå]/i.test(p.name))).toBe(true);
    expect(ws.orgUnits.length).toBeGreaterThan(1);
    expect(ws.people.every((p) => ws.orgUnits.some((u) => u.id === p.orgUnitId))).toBe(true);
    expect(new Set(ws.systems.map((s) => s.phase)).size).toBeGreaterThan(3);
  });

  it('refuses a size that cannot be filled without repeating an assignment', () => {
    expect(() => syntheticWorkspace(cat, { people: 1, systems: 0, assignments: 1000 })).toThrow(/do not fit/);
  });
});

describe('the assignment index', () => {
  const naive = (ws: WorkspaceData, role: Role, systemId: string | null) =>
    ws.assignments.filter((a) => {
      if (a.roleId !== role.id) return false;
      if (role.perSystem === 'required') return systemId !== null && a.systemId === systemId;
      if (role.perSystem === 'none') return a.systemId === null;
      return a.systemId === null || a.systemId === systemId;
    });

  it('finds exactly what a scan of all assignments finds, for every role and context', () => {
    const ws = syntheticWorkspace(cat, SCALES.M, 3);
    for (const role of cat.roles)
      for (const systemId of [null, ...ws.systems.map((s) => s.id), 's-missing'])
        expect(assignmentsFor(ws, role, systemId), `${role.id} ${systemId}`).toEqual(naive(ws, role, systemId));
  });

  it('is built once per workspace object and follows every edit', () => {
    const ws = syntheticWorkspace(cat, SCALES.S);
    expect(assignmentIndex(ws)).toBe(assignmentIndex(ws));
    const removed = unassign(ws, ws.assignments[0]!.id);
    const role = cat.roles.find((r) => r.id === ws.assignments[0]!.roleId)!;
    expect(assignmentsFor(removed, role, ws.assignments[0]!.systemId)).toEqual(naive(removed, role, ws.assignments[0]!.systemId));
    expect(holdings(removed, ws.assignments[0]!.personId)).toEqual(removed.assignments.filter((a) => a.personId === ws.assignments[0]!.personId));
  });
});
