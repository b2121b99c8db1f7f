import type { Catalogue, Role } from '../catalogue';
import { isRoleRequired, type PhaseFilter } from '../explorer';
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

/** The assignments of a workspace by role (then by system, null for the municipality) and by person. */
export interface AssignmentIndex {
  byRole: ReadonlyMap<string, readonly Assignment[]>;
  byRoleSystem: ReadonlyMap<string, ReadonlyMap<string | null, readonly Assignment[]>>;
  byPerson: ReadonlyMap<string, readonly Assignment[]>;
}

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/**
 * Workspace data is never changed in place (every edit makes a new object), so an index
 * built for one object stays true for it: it is built once per change, however many
 * roles, systems and panels ask.
 */
const indexes = new WeakMap<WorkspaceData, AssignmentIndex>();

/** The index of a workspace's assignments, built on first use and kept while the object lives. */
export function assignmentIndex(ws: WorkspaceData): AssignmentIndex {
  const known = indexes.get(ws);
  if (known) return known;
  const byRole = new Map<string, Assignment[]>();
  const byRoleSystem = new Map<string, Map<string | null, Assignment[]>>();
  const byPerson = new Map<string, Assignment[]>();
  for (const a of ws.assignments) {
    push(byRole, a.roleId, a);
    let systems = byRoleSystem.get(a.roleId);
    if (!systems) byRoleSystem.set(a.roleId, (systems = new Map()));
    push(systems, a.systemId, a);
    push(byPerson, a.personId, a);
  }
  const index = { byRole, byRoleSystem, byPerson };
  indexes.set(ws, index);
  return index;
}

const NONE: readonly Assignment[] = [];

/**
 * The assignments that fill a role in a context: for a system-specific role those made
 * for the system, for a municipality role those made for the whole municipality, and for
 * a role that can be either, both (in the order they were made).
 */
export function assignmentsFor(ws: WorkspaceData, role: Role, systemId: string | null): readonly Assignment[] {
  const index = assignmentIndex(ws);
  const at = (s: string | null) => index.byRoleSystem.get(role.id)?.get(s) ?? NONE;
  if (role.perSystem === 'required') return systemId === null ? NONE : at(systemId);
  if (role.perSystem === 'none' || systemId === null) return at(null);
  return (index.byRole.get(role.id) ?? NONE).filter((a) => a.systemId === null || a.systemId === systemId);
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
  // "active" here: the roles that must be held, which includes one appointed ahead of its tasks
  const active = catalogue.roles.filter((r) => inScope(r, scope) && isRoleRequired(catalogue, r, phase));
  const filled = active.filter((r) => assignmentsFor(ws, r, systemId).length > 0);
  const held = new Set(filled.map((r) => r.id));
  return { active, filled, unfilled: active.filter((r) => !held.has(r.id)) };
}

/**
 * "What if this person leaves?": the assignments of the person that nobody else
 * covers (by the same rules as coverage), i.e. the roles that would then be unfilled.
 */
export function rolesAtRisk(ws: WorkspaceData, catalogue: Catalogue, personId: string): Assignment[] {
  return holdings(ws, personId).filter((a) => {
    const role = catalogue.roles.find((r) => r.id === a.roleId);
    return !role || assignmentsFor(ws, role, a.systemId).every((other) => other.personId === personId);
  });
}

/** Every role a person holds, across all systems. */
export function holdings(ws: WorkspaceData, personId: string): Assignment[] {
  return [...(assignmentIndex(ws).byPerson.get(personId) ?? NONE)];
}
