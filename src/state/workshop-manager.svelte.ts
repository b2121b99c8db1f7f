import { isolate } from '../domain/text';
import type { PhaseFilter } from '../domain/explorer';
import {
  assign,
  assignmentsFor,
  newId,
  coverage,
  moveAssignment,
  removePerson,
  rolesAtRisk,
  systemPhaseFilter,
  unassign,
  type ItSystem,
  type WorkspaceData,
} from '../domain/workspace';
import type { Result } from '../domain/result';
import type { AssigneeChip } from '../graph/flow';
import type { RoleStatusSource } from './explorer-manager.svelte';
import type { WorkspaceManager } from './workspace-manager.svelte';


/** The workshop context: which IT system and which person are in focus, and what follows from it. */
export class WorkshopManager implements RoleStatusSource {
  readonly workspace: WorkspaceManager;
  #systemId = $state<string | null>(null);
  #personId = $state<string | null>(null);

  constructor(workspace: WorkspaceManager) {
    this.workspace = workspace;
  }

  readonly systems = $derived.by(() => this.workspace.data.systems);
  /** The chosen system; falls back to the first when the choice no longer exists. */
  readonly system: ItSystem | null = $derived.by(
    () => this.systems.find((s) => s.id === this.#systemId) ?? this.systems[0] ?? null,
  );
  get systemId() {
    return this.system?.id ?? null;
  }
  set systemId(id: string | null) {
    this.#systemId = id;
  }

  readonly person = $derived.by(() => this.workspace.data.people.find((p) => p.id === this.#personId) ?? null);
  get personId() {
    return this.person?.id ?? null;
  }
  set personId(id: string | null) {
    this.#personId = id;
  }

  /** The people list itself: unchanged (so nothing below re-runs) by edits that leave the people alone. */
  readonly #people = $derived.by(() => this.workspace.data.people);
  readonly #names = $derived.by(() => new Map(this.#people.map((p) => [p.id, p.name])));
  readonly #roles = $derived.by(() => new Map(this.workspace.catalogue.roles.map((r) => [r.id, r])));

  #roleName = (id: string) => this.#roles.get(id)?.name ?? id;
  /** A person's name for a sentence, isolated so that no bidi control in it reorders the words around it. */
  #personName = (id: string) => isolate(this.#names.get(id) ?? id);

  /** Applies an edit and says what happened (an edit that changes nothing says so too); returns an error or null. */
  #apply(edit: (ws: WorkspaceData) => Result<WorkspaceData, string> | WorkspaceData, success: string, unchanged: string) {
    const before = this.workspace.data;
    const error = this.workspace.edit(edit);
    if (!error) this.workspace.announce(this.workspace.data === before ? unchanged : success);
    return error;
  }

  /** Gives a person a role for the chosen IT system (or the municipality, for roles held once). */
  assignRole(personId: string, roleId: string): string | null {
    const person = this.#personName(personId);
    const role = this.#roleName(roleId);
    // fixed now: the edit may be replayed later, after the user has chosen another system
    const systemId = this.systemId;
    const id = newId('a');
    return this.#apply(
      (ws) => assign(ws, this.workspace.catalogue, personId, roleId, systemId, id),
      `${person} varetager nu ${role}.`,
      `${person} har allerede rollen ${role}.`,
    );
  }

  moveAssignment(assignmentId: string, roleId: string): string | null {
    const a = this.workspace.data.assignments.find((x) => x.id === assignmentId);
    if (!a) return 'Tildelingen findes ikke længere.';
    const person = this.#personName(a.personId);
    const systemId = this.systemId;
    return this.#apply(
      (ws) => moveAssignment(ws, this.workspace.catalogue, assignmentId, roleId, systemId),
      `${person} er flyttet fra ${this.#roleName(a.roleId)} til ${this.#roleName(roleId)}.`,
      `${person} har allerede rollen ${this.#roleName(roleId)}.`,
    );
  }

  removeAssignment(assignmentId: string): string | null {
    const a = this.workspace.data.assignments.find((x) => x.id === assignmentId);
    if (!a) return 'Tildelingen findes ikke længere.';
    return this.#apply(
      (ws) => unassign(ws, assignmentId),
      `${this.#personName(a.personId)} er fjernet fra ${this.#roleName(a.roleId)}. Fortryd med Ctrl+Z.`,
      '',
    );
  }

  /** Removes a person and every role they hold (undoable like any edit). */
  removePerson(personId: string): string | null {
    const name = this.#personName(personId);
    return this.#apply((ws) => removePerson(ws, personId), `${name} er fjernet sammen med sine roller. Fortryd med Ctrl+Z.`, '');
  }

  /** The people on each role for the chosen system, worked out once per edit or system (not on every search key). */
  readonly #chips = $derived.by(() => {
    const data = this.workspace.data;
    const systemId = this.systemId;
    return new Map(
      [...this.#roles.values()].map((role) => [
        role.id,
        assignmentsFor(data, role, systemId).map((a) => ({
          assignmentId: a.id,
          personId: a.personId,
          name: this.#names.get(a.personId) ?? a.personId,
          municipalityWide: a.systemId === null,
        })),
      ]),
    );
  });

  assignees(roleId: string): readonly AssigneeChip[] {
    return this.#chips.get(roleId) ?? [];
  }

  /** The phase coverage is judged in: the explorer's, or the system's own when the explorer shows all. */
  coveragePhase(phase: PhaseFilter): PhaseFilter | null {
    if (phase.kind !== 'all') return phase;
    return this.system ? systemPhaseFilter(this.system) : null;
  }

  unfilled(phase: PhaseFilter): ReadonlySet<string> {
    const p = this.coveragePhase(phase);
    if (!p) return new Set();
    return new Set(coverage(this.workspace.data, this.workspace.catalogue, this.systemId, p).unfilled.map((r) => r.id));
  }

  /** Roles that would be unfilled for the chosen system if the selected person left. */
  readonly atRisk: ReadonlySet<string> = $derived.by(() => {
    if (!this.#personId) return new Set<string>();
    const sys = this.systemId;
    return new Set(
      rolesAtRisk(this.workspace.data, this.workspace.catalogue, this.#personId)
        .filter((a) => a.systemId === null || a.systemId === sys)
        .map((a) => a.roleId),
    );
  });
}
