import type { Catalogue, Role } from '../catalogue';
import { isRoleActive, type PhaseFilter } from '../explorer';
import { IN_OPERATION, type Assignment, type ItSystem, type WorkspaceData } from './schema';

/** The phase filter that matches where an IT system is in its life. */
export function systemPhaseFilter(system: Pick<ItSystem, 'phase'>): PhaseFilter {
  return system.phase === IN_OPERATION ? { kind: 'column', column: 'drift' } : { kind: 'phase', phaseId: system.phase };
}

/** The phase names the UI offers for an IT system, in order, ending with operation. */
export function systemPhaseOptions(catalogue: Catalogue): { id: string; name: string }[] {
  return [
    ...[...catalogue.phases].sort((a, b) => a.order - b.order).map((p) => ({ id: p.id, name: p.name })),
    { id: IN_OPERATION, name: 'I drift' },
  ];
}

/**
 * The assignments that fill a role in a context: for a system-specific role those made
 * for the system, for a municipality role those made for the whole municipality, and for
 * a role that can be either, both.
 */
export function assignmentsFor(ws: WorkspaceData, role: Role, systemId: string | null): Assignment[] {
  return ws.assignments.filter((a) => {
    if (a.roleId !== role.id) return false;
    if (role.perSystem === 'required') return systemId !== null && a.systemId === systemId;
    if (role.perSystem === 'none') return a.systemId === null;
    return a.systemId === null || a.systemId === systemId;
  });
}

export interface Coverage {
  active: Role[];
  filled: Role[];
  unfilled: Role[];
}

/** Which roles a coverage count looks at: those held per IT system, those held once for the municipality, or all. */
export type CoverageScope = 'system' | 'municipality' | 'all';

const inScope = (role: Role, scope: CoverageScope) =>
  scope === 'all' || (scope === 'municipality' ? role.perSystem === 'none' : role.perSystem !== 'none');

/** The active roles in a phase, split into those someone holds and those nobody holds. */
export function coverage(
  ws: WorkspaceData,
  catalogue: Catalogue,
  systemId: string | null,
  phase: PhaseFilter,
  scope: CoverageScope = 'all',
): Coverage {
  const active = catalogue.roles.filter((r) => inScope(r, scope) && isRoleActive(catalogue, r, phase));
  const filled = active.filter((r) => assignmentsFor(ws, r, systemId).length > 0);
  const held = new Set(filled.map((r) => r.id));
  return { active, filled, unfilled: active.filter((r) => !held.has(r.id)) };
}

/**
 * "What if this person leaves?": the assignments of the person that nobody else
 * covers (by the same rules as coverage), i.e. the roles that would then be unfilled.
 */
export function rolesAtRisk(ws: WorkspaceData, catalogue: Catalogue, personId: string): Assignment[] {
  const without = { ...ws, assignments: ws.assignments.filter((a) => a.personId !== personId) };
  return ws.assignments.filter((a) => {
    if (a.personId !== personId) return false;
    const role = catalogue.roles.find((r) => r.id === a.roleId);
    return !role || assignmentsFor(without, role, a.systemId).length === 0;
  });
}

/** Every role a person holds, across all systems. */
export function holdings(ws: WorkspaceData, personId: string): Assignment[] {
  return ws.assignments.filter((a) => a.personId === personId);
}
