import type { Catalogue } from '../domain/catalogue';
import { err, ok, type Result } from '../domain/result';
import { checkWorkspace, type WorkspaceData } from '../domain/workspace';
import type { MetaRecord } from './db';
import type { StorageError } from './errors';
import type { LoadedWorkspace, Rebase, WorkspaceStore, WorkspaceSummary } from './workspace-repository';

/**
 * Keeps workspaces in memory when the browser gives no IndexedDB (private mode,
 * blocked storage): the app still works, and nothing survives a reload.
 */
export class MemoryRepository implements WorkspaceStore {
  readonly persistent = false;
  #catalogue: Catalogue;
  #items = new Map<string, { revision: number; updatedAt: string; data: WorkspaceData }>();
  #meta = new Map<string, MetaRecord['value']>();

  constructor(catalogue: Catalogue) {
    this.#catalogue = catalogue;
  }

  async list(): Promise<WorkspaceSummary[]> {
    return [...this.#items].map(([id, w]) => ({ id, name: w.data.name, updatedAt: w.updatedAt })).sort((a, b) => a.name.localeCompare(b.name, 'da'));
  }

  async load(id: string): Promise<Result<LoadedWorkspace, StorageError>> {
    const w = this.#items.get(id);
    return w ? ok({ id, revision: w.revision, data: w.data }) : err({ kind: 'invalid', message: 'Arbejdsområdet findes ikke længere.' });
  }

  #unsound(data: WorkspaceData): StorageError | null {
    const [issue] = checkWorkspace(data, this.#catalogue);
    return issue ? { kind: 'invalid', message: `Arbejdsområdet er inkonsistent: ${issue.path}: ${issue.message}.` } : null;
  }

  async create(id: string, data: WorkspaceData): Promise<Result<LoadedWorkspace, StorageError>> {
    const unsound = this.#unsound(data);
    if (unsound) return err(unsound);
    this.#items.set(id, { revision: 1, updatedAt: new Date().toISOString(), data });
    return ok({ id, revision: 1, data });
  }

  async save(id: string, baseRevision: number, data: WorkspaceData, rebase: Rebase) {
    const unsound = this.#unsound(data);
    if (unsound) return err(unsound);
    const w = this.#items.get(id);
    if (!w) return err<StorageError>({ kind: 'invalid', message: 'Arbejdsområdet findes ikke længere.' });
    const next = w.revision === baseRevision ? data : rebase(w.data);
    if (!next) return err<StorageError>({ kind: 'conflict', message: 'Arbejdsområdet er ændret et andet sted.' });
    const revision = w.revision + 1;
    this.#items.set(id, { revision, updatedAt: new Date().toISOString(), data: next });
    return ok({ id, revision, data: next, rebased: next !== data });
  }

  async remove(id: string) {
    const w = this.#items.get(id);
    this.#items.delete(id);
    return ok(w ? { id, revision: w.revision, updatedAt: w.updatedAt, doc: null } : null);
  }

  async getMeta(key: MetaRecord['key']) {
    return this.#meta.get(key);
  }

  async setMeta(key: MetaRecord['key'], value: MetaRecord['value']) {
    this.#meta.set(key, value);
  }
}
