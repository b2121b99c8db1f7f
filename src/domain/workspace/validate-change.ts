import * as v from 'valibot';
import type { Catalogue } from '../catalogue';
import { assignmentIndex } from './coverage';
import { isKnownPhase, scopeProblem } from './integrity';
import { AssignmentSchema, ItSystemSchema, LIMITS, OrgUnitSchema, PersonSchema, WorkspaceDataSchema, type WorkspaceData } from './schema';

const LISTS = ['orgUnits', 'people', 'systems', 'assignments'] as const;
type ListName = (typeof LISTS)[number];
const SCHEMAS = { orgUnits: OrgUnitSchema, people: PersonSchema, systems: ItSystemSchema, assignments: AssignmentSchema } as const;

/** What an edit changed in one list, by object identity (data is never changed in place). */
export interface ListChange<T> {
  added: T[];
  removed: T[];
}
export type WorkspaceChange = { [K in ListName]: ListChange<WorkspaceData[K][number]> | null };

/** The records an edit added and removed per list (an updated record is both); null for a list it left alone. */
export function changeOf(base: WorkspaceData, next: WorkspaceData): WorkspaceChange {
  const diff = <T>(before: readonly T[], after: readonly T[]): ListChange<T> | null => {
    if (before === after) return null;
    const old = new Set(before);
    const now = new Set(after);
    return { added: after.filter((x) => !old.has(x)), removed: before.filter((x) => !now.has(x)) };
  };
  return {
    orgUnits: diff(base.orgUnits, next.orgUnits),
    people: diff(base.people, next.people),
    systems: diff(base.systems, next.systems),
    assignments: diff(base.assignments, next.assignments),
  };
}

/** True when the schema accepts the value exactly as it is (no field trimmed or dropped). */
function acceptsAsIs(schema: v.GenericSchema, value: unknown): boolean {
  const r = v.safeParse(schema, value);
  if (!r.success) return false;
  if (typeof value !== 'object' || value === null) return r.output === value;
  const out = r.output as Record<string, unknown>;
  const keys = Object.keys(value);
  return keys.length === Object.keys(out).length && keys.every((k) => out[k] === (value as Record<string, unknown>)[k]);
}

const OTHERS = Object.keys(WorkspaceDataSchema.entries).filter((k) => k !== 'name' && !(LISTS as readonly string[]).includes(k)) as (keyof WorkspaceData)[];

const idsOf = (list: readonly { id: string }[]) => new Set(list.map((x) => x.id));

/**
 * Proves that `next` passes every rule (schema and integrity) given that `base` did, by
 * checking only what the edit changed. False means "not proven", never "invalid": the
 * caller then checks the whole workspace, which also finds the words for what is wrong.
 */
export function changeIsValid(base: WorkspaceData, next: WorkspaceData, catalogue: Catalogue, change = changeOf(base, next)): boolean {
  if (Object.keys(next).length !== Object.keys(WorkspaceDataSchema.entries).length) return false;
  // the lists later formats added (the rollekatalog, tours) are proven the long way: an edit of
  // one of them, or a removal that one of them might point at, is checked whole
  const others = OTHERS.filter((k) => (next[k] as unknown[]).length || (base[k] as unknown[]).length);
  if (others.some((k) => next[k] !== base[k])) return false;
  if (!LISTS.every((k) => Array.isArray(next[k]) && next[k].length <= LIMITS[k])) return false;
  if (next.name !== base.name && !acceptsAsIs(WorkspaceDataSchema.entries.name, next.name)) return false;
  for (const list of LISTS) if (change[list]?.added.some((x) => !acceptsAsIs(SCHEMAS[list], x))) return false;

  // ids stay unique in every list that changed; what was removed is no longer referred to
  const ids: Partial<Record<ListName, Set<string>>> = {};
  const removed: Partial<Record<ListName, string[]>> = {};
  for (const list of LISTS) {
    if (!change[list]) continue;
    const now = idsOf(next[list]);
    if (now.size !== next[list].length) return false;
    ids[list] = now;
    removed[list] = change[list].removed.map((x) => x.id).filter((id) => !now.has(id));
  }
  if (others.length && (removed.orgUnits?.length || removed.people?.length || removed.systems?.length)) return false;
  const units = () => (ids.orgUnits ??= idsOf(next.orgUnits));
  const people = () => (ids.people ??= idsOf(next.people));
  const systems = () => (ids.systems ??= idsOf(next.systems));

  if (removed.orgUnits?.length) {
    const gone = new Set(removed.orgUnits);
    if (next.people.some((p) => p.orgUnitId !== undefined && gone.has(p.orgUnitId))) return false;
    if (next.orgUnits.some((u) => u.parentId !== null && gone.has(u.parentId))) return false;
  }
  const index = assignmentIndex(next);
  if (removed.people?.some((id) => index.byPerson.has(id))) return false;
  if (removed.systems?.length) {
    const gone = new Set(removed.systems);
    if (next.assignments.some((a) => a.systemId !== null && gone.has(a.systemId))) return false;
  }

  // what was added refers to what exists
  const parents = change.orgUnits?.added.length ? new Map(next.orgUnits.map((u) => [u.id, u.parentId])) : null;
  for (const u of change.orgUnits?.added ?? []) {
    if (u.parentId === null) continue;
    if (!units().has(u.parentId)) return false;
    // no unit under itself: a walk up from the new unit ends
    const seen = new Set([u.id]);
    for (let p: string | null | undefined = u.parentId; p !== null && p !== undefined; p = parents!.get(p)) {
      if (seen.has(p)) return false;
      seen.add(p);
    }
  }
  for (const p of change.people?.added ?? []) if (p.orgUnitId !== undefined && !units().has(p.orgUnitId)) return false;
  for (const s of change.systems?.added ?? []) if (!isKnownPhase(catalogue, s.phase)) return false;
  const roles = new Map(catalogue.roles.map((r) => [r.id, r]));
  for (const a of change.assignments?.added ?? []) {
    const role = roles.get(a.roleId);
    if (!role || scopeProblem(role, a.systemId) || !people().has(a.personId)) return false;
    if (a.systemId !== null && !systems().has(a.systemId)) return false;
    const same = index.byPerson.get(a.personId)?.filter((b) => b.roleId === a.roleId && b.systemId === a.systemId).length ?? 0;
    if (same !== 1) return false;
  }
  return true;
}
