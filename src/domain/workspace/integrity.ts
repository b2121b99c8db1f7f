import type { Catalogue, Role } from '../catalogue';
import { displayName } from '../catalogue/display-name';
import { checkTourRefs } from '../tours/refs';
import { IN_OPERATION, type WorkspaceData } from './schema';

/** One thing wrong with a workspace: where (a JSON path) and what (Danish). */
export interface WorkspaceIssue {
  path: string;
  message: string;
  /** Where to say the issue is, when that is not `path` (an unknown field is named in the message). */
  place?: string;
}

/** True when the phase value is known: a catalogue phase, or "drift". */
export const isKnownPhase = (catalogue: Catalogue, phase: string) =>
  phase === IN_OPERATION || catalogue.phases.some((p) => p.id === phase);

/** Whether an assignment of this role to this system (or to the whole municipality) is allowed. */
export function scopeProblem(role: Role, systemId: string | null): string | null {
  if (role.perSystem === 'required' && systemId === null)
    return `rollen ${displayName(role).name} er systemspecifik og skal knyttes til et it-system`;
  if (role.perSystem === 'none' && systemId !== null)
    return `rollen ${displayName(role).name} varetages for hele kommunen og kan ikke knyttes til et it-system`;
  return null;
}

/** The id of a role's record in a system's catalogue. */
export const catalogueRoleId = (systemId: string, roleId: string) => `${systemId}__${roleId}`;

/** Cross-cutting roles keep the source's name and description (bilag1-3); only system-specific roles take tailored text. */
export const isTailorable = (role: Role) => role.group === 'systemspecifik';

/** Why a cross-cutting role cannot be tailored, in the source's words. */
export const LOCKED_REASON = 'Der kan ikke ændres i navn og beskrivelser af tværgående roller.';

/**
 * Every reference in the workspace points at something that exists, ids are unique,
 * and system-specific roles have a system. An empty list means the workspace is sound.
 */
export function checkWorkspace(data: WorkspaceData, catalogue: Catalogue): WorkspaceIssue[] {
  const issues: WorkspaceIssue[] = [];
  const add = (path: string, message: string) => issues.push({ path, message });
  const unique = (what: string, items: readonly { id: string }[]) => {
    const seen = new Set<string>();
    items.forEach((x, i) => {
      if (seen.has(x.id)) add(`${what}[${i}].id`, `id'et ${x.id} bruges mere end én gang`);
      seen.add(x.id);
    });
    return seen;
  };
  const units = unique('orgUnits', data.orgUnits);
  const people = unique('people', data.people);
  const systems = unique('systems', data.systems);
  unique('assignments', data.assignments);
  const roles = new Map(catalogue.roles.map((r) => [r.id, r]));

  const parents = new Map(data.orgUnits.map((u) => [u.id, u.parentId]));
  data.orgUnits.forEach((u, i) => {
    if (u.parentId !== null && !units.has(u.parentId)) add(`orgUnits[${i}].parentId`, `enheden ${u.parentId} findes ikke`);
    const seen = new Set([u.id]);
    for (let p = u.parentId; p !== null && p !== undefined; p = parents.get(p) ?? null) {
      if (seen.has(p)) {
        add(`orgUnits[${i}].parentId`, `enheden ${u.name} ligger (indirekte) under sig selv`);
        break;
      }
      seen.add(p);
    }
  });
  data.people.forEach((p, i) => {
    if (p.orgUnitId !== undefined && !units.has(p.orgUnitId)) add(`people[${i}].orgUnitId`, `enheden ${p.orgUnitId} findes ikke`);
  });
  data.systems.forEach((s, i) => {
    if (!isKnownPhase(catalogue, s.phase)) add(`systems[${i}].phase`, `fasen ${s.phase} findes ikke`);
  });
  const triples = new Set<string>();
  data.assignments.forEach((a, i) => {
    const at = `assignments[${i}]`;
    if (!people.has(a.personId)) add(at, `personen ${a.personId} findes ikke`);
    if (a.systemId !== null && !systems.has(a.systemId)) add(at, `it-systemet ${a.systemId} findes ikke`);
    const role = roles.get(a.roleId);
    if (!role) add(at, `rollen ${a.roleId} findes ikke i Rollegalleri ${catalogue.catalogueVersion}`);
    else {
      const problem = scopeProblem(role, a.systemId);
      if (problem) add(at, problem);
    }
    const key = `${a.personId}|${a.roleId}|${a.systemId}`;
    if (triples.has(key)) add(at, `personen ${a.personId} har allerede rollen ${a.roleId} for det samme it-system`);
    triples.add(key);
  });
  checkCatalogues(data, catalogue, { people, systems, roles }, add, unique);
  unique('tours', data.tours);
  data.tours.forEach((t, i) => {
    const [problem] = checkTourRefs(t, catalogue);
    if (problem) add(`tours[${i}].steps[${problem.step}]`, problem.message);
  });
  return issues;
}

interface Known {
  people: ReadonlySet<string>;
  systems: ReadonlySet<string>;
  roles: ReadonlyMap<string, Role>;
}

/** The rules for the Bilag 1 catalogues: references, one record per system and role, and locked cross-cutting roles. */
function checkCatalogues(
  data: WorkspaceData,
  catalogue: Catalogue,
  known: Known,
  add: (path: string, message: string) => void,
  unique: (what: string, items: readonly { id: string }[]) => Set<string>,
) {
  const { people, systems, roles } = known;
  const system = (at: string, id: string) => {
    if (!systems.has(id)) add(at, `it-systemet ${id} findes ikke`);
  };
  const role = (at: string, id: string) => {
    if (!roles.has(id)) add(at, `rollen ${id} findes ikke i Rollegalleri ${catalogue.catalogueVersion}`);
  };
  const phase = (at: string, id: string | undefined) => {
    if (id !== undefined && !isKnownPhase(catalogue, id)) add(at, `fasen ${id} findes ikke`);
  };
  unique('catalogueDrafts', data.catalogueDrafts);
  data.catalogueDrafts.forEach((d, i) => {
    const at = `catalogueDrafts[${i}]`;
    system(at, d.systemId);
    if (d.id !== d.systemId) add(`${at}.id`, `id'et skal være it-systemets id (${d.systemId})`);
    const stages = new Set<string>();
    d.spoc.forEach((s, j) => {
      phase(`${at}.spoc[${j}]`, s.stage);
      role(`${at}.spoc[${j}]`, s.roleId);
      if (stages.has(s.stage)) add(`${at}.spoc[${j}]`, `fasen ${s.stage} har allerede en SPOC`);
      stages.add(s.stage);
    });
  });
  unique('catalogueRoles', data.catalogueRoles);
  data.catalogueRoles.forEach((r, i) => {
    const at = `catalogueRoles[${i}]`;
    system(at, r.systemId);
    role(at, r.roleId);
    if (r.id !== catalogueRoleId(r.systemId, r.roleId)) add(`${at}.id`, `id'et skal være ${catalogueRoleId(r.systemId, r.roleId)}`);
    if (r.deputyId !== undefined && !people.has(r.deputyId)) add(`${at}.deputyId`, `personen ${r.deputyId} findes ikke`);
    phase(`${at}.appointIn`, r.appointIn);
    const found = roles.get(r.roleId);
    if (found && !isTailorable(found) && (r.effectAddition || r.tasksAddition || r.responsibilitiesAddition))
      add(at, `${displayName(found).name} er en tværgående rolle og kan ikke tilpasses: ${LOCKED_REASON}`);
  });
  unique('klikTasks', data.klikTasks);
  data.klikTasks.forEach((t, i) => {
    const at = `klikTasks[${i}]`;
    system(at, t.systemId);
    phase(`${at}.phase`, t.phase);
    for (const list of ['perform', 'answer', 'takePart'] as const) t[list].forEach((id, j) => role(`${at}.${list}[${j}]`, id));
  });
}
