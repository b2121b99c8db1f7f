import type { Catalogue } from '../catalogue';
import { err, ok, type Result } from '../result';
import { newId } from './ids';
import { scopeProblem } from './integrity';
import type { Assignment, ItSystem, OrgUnit, Person, WorkspaceData } from './schema';

/** What the "Tilføj person" form and the people import give. */
export interface PersonInput {
  name: string;
  title?: string;
  unit?: string;
  email?: string;
  phone?: string;
  note?: string;
}

/** An empty workspace for a municipality. */
export function emptyWorkspace(name: string): WorkspaceData {
  return { name: name.trim() || 'Ny kommune', orgUnits: [], people: [], systems: [], assignments: [] };
}

export function renameWorkspace(ws: WorkspaceData, name: string): Result<WorkspaceData, string> {
  const trimmed = name.trim();
  if (!trimmed) return err('Navnet må ikke være tomt.');
  if (trimmed.length > 200) return err('Navnet er for langt (højst 200 tegn).');
  return ok(trimmed === ws.name ? ws : { ...ws, name: trimmed });
}

/** The unit with this name, created at the top level (with `newUnitId`) when it does not exist yet. */
function ensureUnit(units: OrgUnit[], name: string | undefined, newUnitId: string): { units: OrgUnit[]; id: string | undefined } {
  const trimmed = name?.trim();
  if (!trimmed) return { units, id: undefined };
  const found = units.find((u) => u.name.toLocaleLowerCase('da') === trimmed.toLocaleLowerCase('da'));
  if (found) return { units, id: found.id };
  const unit: OrgUnit = { id: newUnitId, name: trimmed, parentId: null };
  return { units: [...units, unit], id: unit.id };
}

function toPerson(input: PersonInput, orgUnitId: string | undefined, id: string): Result<Person, string> {
  const name = input.name.trim();
  if (!name) return err('Navn skal udfyldes.');
  if (name.length > 200) return err('Navnet er for langt (højst 200 tegn).');
  const email = input.email?.trim();
  if (email && !/^[^\s@]+@[^\s@]+$/.test(email)) return err(`E-mailadressen "${email}" ser ikke gyldig ud.`);
  const person: Person = { id, name };
  const title = input.title?.trim();
  if (title) person.title = title.slice(0, 500);
  if (orgUnitId) person.orgUnitId = orgUnitId;
  if (email) person.email = email;
  if (input.phone?.trim()) person.phone = input.phone.trim().slice(0, 500);
  if (input.note?.trim()) person.note = input.note.trim().slice(0, 500);
  return ok(person);
}

/**
 * Adds a person. Pass the ids when the edit may be replayed (on another tab's newer
 * state): a replay must create the same person, not a new one.
 */
export function addPerson(ws: WorkspaceData, input: PersonInput, id = newId('p'), unitId = newId('u')): Result<WorkspaceData, string> {
  const unit = ensureUnit(ws.orgUnits, input.unit, unitId);
  const person = toPerson(input, unit.id, id);
  if (!person.ok) return person;
  return ok({ ...ws, orgUnits: unit.units, people: [...ws.people, person.value] });
}

/** Ids for people about to be added, fixed before the edit so a replay adds the same people. */
export const newPersonIds = (n: number) => Array.from({ length: n }, () => ({ person: newId('p'), unit: newId('u') }));

/** Adds many people at once (an import); stops at the first invalid row and changes nothing then. */
export function addPeople(ws: WorkspaceData, inputs: readonly PersonInput[], ids = newPersonIds(inputs.length)): Result<WorkspaceData, string> {
  let next = ws;
  for (const [i, input] of inputs.entries()) {
    const r = addPerson(next, input, ids[i]?.person, ids[i]?.unit);
    if (!r.ok) return err(`Række ${i + 1}: ${r.error}`);
    next = r.value;
  }
  return ok(next);
}

export function updatePerson(ws: WorkspaceData, personId: string, input: PersonInput, unitId = newId('u')): Result<WorkspaceData, string> {
  if (!ws.people.some((p) => p.id === personId)) return err('Personen findes ikke længere.');
  const unit = ensureUnit(ws.orgUnits, input.unit, unitId);
  const person = toPerson(input, unit.id, personId);
  if (!person.ok) return person;
  return ok({ ...ws, orgUnits: unit.units, people: ws.people.map((p) => (p.id === personId ? person.value : p)) });
}

/** Removes a person and every role they hold. */
export function removePerson(ws: WorkspaceData, personId: string): WorkspaceData {
  if (!ws.people.some((p) => p.id === personId)) return ws;
  return {
    ...ws,
    people: ws.people.filter((p) => p.id !== personId),
    assignments: ws.assignments.filter((a) => a.personId !== personId),
  };
}

export function addSystem(ws: WorkspaceData, input: { name: string; phase: string }, id = newId('s')): Result<WorkspaceData, string> {
  const name = input.name.trim();
  if (!name) return err('It-systemets navn skal udfyldes.');
  if (ws.systems.some((s) => s.name.toLocaleLowerCase('da') === name.toLocaleLowerCase('da')))
    return err(`It-systemet ${name} findes allerede.`);
  const system: ItSystem = { id, name: name.slice(0, 200), phase: input.phase };
  return ok({ ...ws, systems: [...ws.systems, system] });
}

export function setSystemPhase(ws: WorkspaceData, systemId: string, phase: string): WorkspaceData {
  if (!ws.systems.some((s) => s.id === systemId && s.phase !== phase)) return ws;
  return { ...ws, systems: ws.systems.map((s) => (s.id === systemId ? { ...s, phase } : s)) };
}

/** Removes an IT system and the assignments made for it. */
export function removeSystem(ws: WorkspaceData, systemId: string): WorkspaceData {
  if (!ws.systems.some((s) => s.id === systemId)) return ws;
  return {
    ...ws,
    systems: ws.systems.filter((s) => s.id !== systemId),
    assignments: ws.assignments.filter((a) => a.systemId !== systemId),
  };
}

/**
 * The system an assignment of this role gets in a context: system-specific roles
 * need the chosen system, municipality roles never take one.
 */
export function scopeFor(catalogue: Catalogue, roleId: string, contextSystemId: string | null): Result<string | null, string> {
  const role = catalogue.roles.find((r) => r.id === roleId);
  if (!role) return err(`Rollen ${roleId} findes ikke.`);
  const systemId = role.perSystem === 'none' ? null : contextSystemId;
  if (role.perSystem === 'required' && systemId === null)
    return err(`${role.name} er en systemspecifik rolle. Vælg først et it-system.`);
  const problem = scopeProblem(role, systemId);
  return problem ? err(problem) : ok(systemId);
}

/** Gives a person a role in a context. Giving the same person the same role and system again changes nothing. */
export function assign(
  ws: WorkspaceData,
  catalogue: Catalogue,
  personId: string,
  roleId: string,
  contextSystemId: string | null,
  id = newId('a'),
): Result<WorkspaceData, string> {
  if (!ws.people.some((p) => p.id === personId)) return err('Personen findes ikke længere.');
  if (contextSystemId !== null && !ws.systems.some((s) => s.id === contextSystemId)) return err('It-systemet findes ikke længere.');
  const scope = scopeFor(catalogue, roleId, contextSystemId);
  if (!scope.ok) return scope;
  const exists = ws.assignments.some((a) => a.personId === personId && a.roleId === roleId && a.systemId === scope.value);
  if (exists) return ok(ws);
  const assignment: Assignment = { id, personId, roleId, systemId: scope.value };
  return ok({ ...ws, assignments: [...ws.assignments, assignment] });
}

export function unassign(ws: WorkspaceData, assignmentId: string): WorkspaceData {
  if (!ws.assignments.some((a) => a.id === assignmentId)) return ws;
  return { ...ws, assignments: ws.assignments.filter((a) => a.id !== assignmentId) };
}

/** Moves an assignment to another role (the drag of an assignee chip). */
export function moveAssignment(
  ws: WorkspaceData,
  catalogue: Catalogue,
  assignmentId: string,
  toRoleId: string,
  contextSystemId: string | null,
): Result<WorkspaceData, string> {
  const a = ws.assignments.find((x) => x.id === assignmentId);
  if (!a) return err('Tildelingen findes ikke længere.');
  if (a.roleId === toRoleId) return ok(ws);
  // keep the assignment's own system; only a move onto a system-specific role from a
  // municipality-wide one takes the chosen system
  const target = catalogue.roles.find((r) => r.id === toRoleId);
  const systemId = target?.perSystem === 'required' ? (a.systemId ?? contextSystemId) : a.systemId;
  return assign(unassign(ws, assignmentId), catalogue, a.personId, toRoleId, systemId, a.id);
}
