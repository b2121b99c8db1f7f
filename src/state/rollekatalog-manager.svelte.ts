import { displayName, type Role } from '../domain/catalogue';
import {
  addKlikTask,
  removeKlikTask,
  setDraftStatus,
  setHandover,
  setSpoc,
  setStepDone,
  updateCatalogueRole,
  draftFor,
  type KlikTaskInput,
  type RolePatch,
} from '../domain/rollekatalog';
import type { Result } from '../domain/result';
import { isolate } from '../domain/text';
import { newId, type ChecklistStepId, type WorkspaceData } from '../domain/workspace';
import type { WorkshopManager } from './workshop-manager.svelte';
import type { WorkspaceManager } from './workspace-manager.svelte';

/**
 * The Bilag 1 builder: which IT system's catalogue is open, and the edits of it. Every edit is a
 * pure domain function passed to `WorkspaceManager.edit`, so it is validated, stored and undoable.
 */
export class RollekatalogManager {
  readonly workspace: WorkspaceManager;
  readonly #workshop: WorkshopManager;

  constructor(workshop: WorkshopManager) {
    this.#workshop = workshop;
    this.workspace = workshop.workspace;
  }

  get catalogue() {
    return this.workspace.catalogue;
  }
  get data() {
    return this.workspace.data;
  }
  /** The system whose catalogue is open: the same as the map's, so both views follow one choice. */
  get system() {
    return this.#workshop.system;
  }
  get systemId() {
    return this.#workshop.systemId;
  }
  set systemId(id: string | null) {
    this.#workshop.systemId = id;
  }

  readonly draft = $derived.by(() => (this.systemId ? draftFor(this.workspace.data, this.systemId) : null));

  #roleName = (id: string) => {
    const role = this.catalogue.roles.find((r) => r.id === id);
    return role ? displayName(role).name : id;
  };

  /** Applies an edit for the open system and announces it; returns a Danish error or null. */
  #apply(edit: (ws: WorkspaceData, systemId: string) => Result<WorkspaceData, string> | WorkspaceData, success: string): string | null {
    const systemId = this.systemId;
    if (!systemId) return 'Vælg et it-system først.';
    const before = this.workspace.data;
    const error = this.workspace.edit((ws) => edit(ws, systemId));
    if (error) this.workspace.announce(error);
    else if (this.workspace.data !== before) this.workspace.announce(success);
    return error;
  }

  setStepDone(step: ChecklistStepId, done: boolean) {
    return this.#apply((ws, s) => setStepDone(ws, s, step, done), done ? `Trinnet er markeret som færdigt.` : `Trinnet er ikke længere markeret som færdigt.`);
  }

  setStatus(status: 'udkast' | 'godkendt') {
    return this.#apply((ws, s) => setDraftStatus(ws, s, status), status === 'godkendt' ? 'Kataloget er markeret som godkendt.' : 'Kataloget er et udkast.');
  }

  setSpoc(stage: string, roleId: string | null) {
    return this.#apply((ws, s) => setSpoc(ws, this.catalogue, s, stage, roleId), roleId ? `${this.#roleName(roleId)} er SPOC i fasen.` : 'Fasen følger kildens SPOC.');
  }

  updateRole(role: Role, patch: RolePatch, success = `${displayName(role).name} er opdateret.`) {
    return this.#apply((ws, s) => updateCatalogueRole(ws, this.catalogue, s, role.id, patch), success);
  }

  setHandover(answers: Parameters<typeof setHandover>[2]) {
    return this.#apply((ws, s) => setHandover(ws, s, answers), 'Overdragelsen er opdateret.');
  }

  addTask(input: KlikTaskInput) {
    const id = newId('k');
    return this.#apply((ws, s) => addKlikTask(ws, this.catalogue, s, input, id), `KLIK-opgaven ${isolate(input.title.trim())} er tilføjet.`);
  }

  removeTask(taskId: string) {
    const title = this.workspace.data.klikTasks.find((t) => t.id === taskId)?.title ?? '';
    return this.#apply((ws) => removeKlikTask(ws, taskId), `KLIK-opgaven ${isolate(title)} er slettet. Fortryd med Ctrl+Z.`);
  }
}
