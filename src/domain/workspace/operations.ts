import type { Catalogue } from '../catalogue';
import { displayName } from '../catalogue/display-name';
import { err, ok, type Result } from '../result';
import { newId } from './ids';
import { hasVisibleText, isolate } from '../text';
import { scopeProblem } from './integrity';
import { LIMITS, type Assignment, type ItSystem, type OrgUnit, type Person, type WorkspaceData } from './schema';

const count = (n: number) => n.toLocaleString('da-DK');

/** Why a name cannot be used (`what` is e.g. "Enhedens navn"), or null: the schema's name rule, said for a form. */
export function nameProblem(name: string, what = 'Navn'): string | null {
  const trimmed = name.trim();
  if (!trimmed) return `${what} skal udfyldes.`;
  if (!hasVisibleText(trimmed)) return `${what} består kun af usynlige tegn.`;
  if (trimmed.length > LIMITS.name) return `${what} er for langt (højst ${LIMITS.name} tegn, her ${count(trimmed.length)}).`;
  return null;
}

const FIELD_NAMES = { title: 'Stillingen', email: 'E-mailadressen', phone: 'Telefonnummeret', note: 'Noten' } as const;

/** Why a person's details cannot be stored, or null. Forms and the people import ask the same question. */
export function personProblem(input: PersonInput): string | null {
  const name = nameProblem(input.name);
  if (name) return name;
  // ";;;;" or a stray quote is no one's name: a person's name has a letter or a digit
  if (!/[\p{L}\p{N}]/u.test(input.name)) return `Navnet »${isolate(input.name.trim())}« har hverken bogstaver eller tal.`;
  for (const field of ['title', 'email', 'phone', 'note'] as const) {
    const value = input[field]?.trim() ?? '';
    if (value.length > LIMITS.text) return `${FIELD_NAMES[field]} er for lang (højst ${LIMITS.text} tegn, her ${count(value.length)}).`;
  }
  const email = input.email?.trim();
  if (email && !/^[^\s@]+@[^\s@]+$/.test(email)) return `E-mailadressen »${isolate(email)}« ser ikke gyldig ud.`;
  if (input.unit?.trim()) return nameProblem(input.unit, 'Enhedens navn');
  return null;
}

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
  return { name: name.trim() || 'Ny kommune', orgUnits: [], people: [], systems: [], assignments: [], catalogueDrafts: [], catalogueRoles: [], klikTasks: [], tours: [] };
}

export function renameWorkspace(ws: WorkspaceData, name: string): Result<WorkspaceData, string> {
  const problem = nameProblem(name);
  if (problem) return err(problem);
  const trimmed = name.trim();
  return ok(trimmed === ws.name ? ws : { ...ws, name: trimmed });
}

/** The unit with this name, created at the top level (with `newUnitId`) when it does not exist yet. */
const unitKey = (name: string) => name.trim().toLocaleLowerCase('da');

function ensureUnit(units: OrgUnit[], name: string | undefined, newUnitId: string): Result<{ units: OrgUnit[]; id: string | undefined }, string> {
  const trimmed = name?.trim();
  if (!trimmed) return ok({ units, id: undefined });
  const found = units.find((u) => unitKey(u.name) === unitKey(trimmed));
  if (found) return ok({ units, id: found.id });
  const problem = nameProblem(trimmed, 'Enhedens navn');
  if (problem) return err(problem);
  if (units.length >= LIMITS.orgUnits) return err(`Arbejdsområdet har allerede ${count(LIMITS.orgUnits)} enheder, som er det højeste antal. Vælg en eksisterende enhed.`);
  const unit: OrgUnit = { id: newUnitId, name: trimmed, parentId: null };
  return ok({ units: [...units, unit], id: unit.id });
}

function toPerson(input: PersonInput, orgUnitId: string | undefined, id: string): Result<Person, string> {
  const problem = personProblem(input);
  if (problem) return err(problem);
  const person: Person = { id, name: input.name.trim() };
  const title = input.title?.trim();
  if (title) person.title = title;
  if (orgUnitId) person.orgUnitId = orgUnitId;
  const email = input.email?.trim();
  if (email) person.email = email;
  if (input.phone?.trim()) person.phone = input.phone.trim();
  if (input.note?.trim()) person.note = input.note.trim();
  return ok(person);
}

/**
 * Adds a person. Pass the ids when the edit may be replayed (on another tab's newer
 * state): a replay must create the same person, not a new one.
 */
export function addPerson(ws: WorkspaceData, input: PersonInput, id = newId('p'), unitId = newId('u')): Result<WorkspaceData, string> {
  if (ws.people.length >= LIMITS.people) return err(`Arbejdsområdet har allerede ${count(LIMITS.people)} personer, som er det højeste antal.`);
  const person = toPerson(input, undefined, id);
  if (!person.ok) return person;
  const unit = ensureUnit(ws.orgUnits, input.unit, unitId);
  if (!unit.ok) return unit;
  return ok({ ...ws, orgUnits: unit.value.units, people: [...ws.people, { ...person.value, ...(unit.value.id ? { orgUnitId: unit.value.id } : {}) }] });
}

/** Ids for people about to be added, fixed before the edit so a replay adds the same people. */
export const newPersonIds = (n: number) => Array.from({ length: n }, () => ({ person: newId('p'), unit: newId('u') }));

/** Adds many people at once (an import); stops at the first invalid row and changes nothing then. */
export function addPeople(ws: WorkspaceData, inputs: readonly PersonInput[], ids = newPersonIds(inputs.length)): Result<WorkspaceData, string> {
  const people = ws.people.length + inputs.length;
  if (people > LIMITS.people)
    return err(
      `Importen ville give ${count(people)} personer, men et arbejdsområde kan højst have ${count(LIMITS.people)}. ` +
        `Der er plads til ${count(Math.max(0, LIMITS.people - ws.people.length))} mere.`,
    );
  const units = new Set(ws.orgUnits.map((u) => unitKey(u.name)));
  for (const input of inputs) if (input.unit?.trim()) units.add(unitKey(input.unit));
  if (units.size > LIMITS.orgUnits)
    return err(`Importen ville give ${count(units.size)} enheder, men et arbejdsområde kan højst have ${count(LIMITS.orgUnits)}.`);
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
  if (!unit.ok) return unit;
  const person = toPerson(input, unit.value.id, personId);
  if (!person.ok) return person;
  return ok({ ...ws, orgUnits: unit.value.units, people: ws.people.map((p) => (p.id === personId ? person.value : p)) });
}

/** Removes a person and every role they hold. */
export function removePerson(ws: WorkspaceData, personId: string): WorkspaceData {
  if (!ws.people.some((p) => p.id === personId)) return ws;
  return {
    ...ws,
    people: ws.people.filter((p) => p.id !== personId),
    assignments: ws.assignments.filter((a) => a.personId !== personId),
    // a deputy who is gone is no deputy; the rest of the catalogue entry stays
    catalogueRoles: ws.catalogueRoles.some((r) => r.deputyId === personId)
      ? ws.catalogueRoles.map((r) => (r.deputyId === personId ? withoutDeputy(r) : r))
      : ws.catalogueRoles,
  };
}

export function addSystem(ws: WorkspaceData, input: { name: string; phase: string }, id = newId('s')): Result<WorkspaceData, string> {
  const problem = nameProblem(input.name, 'It-systemets navn');
  if (problem) return err(problem);
  const name = input.name.trim();
  if (ws.systems.some((s) => s.name.toLocaleLowerCase('da') === name.toLocaleLowerCase('da')))
    return err(`It-systemet ${isolate(name)} findes allerede.`);
  if (ws.systems.length >= LIMITS.systems) return err(`Arbejdsområdet har allerede ${count(LIMITS.systems)} it-systemer, som er det højeste antal.`);
  const system: ItSystem = { id, name, phase: input.phase };
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
    catalogueDrafts: ws.catalogueDrafts.filter((d) => d.systemId !== systemId),
    catalogueRoles: ws.catalogueRoles.filter((r) => r.systemId !== systemId),
    klikTasks: ws.klikTasks.filter((t) => t.systemId !== systemId),
  };
}

function withoutDeputy<T extends { deputyId?: string }>(r: T): T {
  const rest = { ...r };
  delete rest.deputyId;
  return rest;
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
    return err(`${displayName(role).name} er en systemspecifik rolle. Vælg først et it-system.`);
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
  if (ws.assignments.length >= LIMITS.assignments) return err(`Arbejdsområdet har allerede ${count(LIMITS.assignments)} tildelinger, som er det højeste antal.`);
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
