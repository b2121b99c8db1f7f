import type { Catalogue } from '../domain/catalogue';
import { err, ok, type Result } from '../domain/result';
import type { CatalogueRef, WorkspaceData } from '../domain/workspace';
import { toDocument } from '../document';
import type { MetaRecord } from './db';
import type { StorageError } from './errors';
import { writableData, type LoadedWorkspace, type Rebase, type WorkspaceStore, type WorkspaceSummary } from './workspace-repository';

/**
 * Keeps workspaces in memory when the browser gives no IndexedDB (private mode,
 * blocked storage): the app still works, and nothing survives a reload.
 */
export class MemoryRepository implements WorkspaceStore {
  readonly persistent = false;
  #catalogue: Catalogue;
  #items = new Map<string, { revision: number; updatedAt: string; data: WorkspaceData }>();
  #meta = new Map<string, MetaRecord['value']>();

  #ref: CatalogueRef;

  constructor(catalogue: Catalogue) {
    this.#catalogue = catalogue;
    this.#ref = { id: 'rollegalleri', version: catalogue.catalogueVersion };
  }

  async list(): Promise<WorkspaceSummary[]> {
    return [...this.#items].map(([id, w]) => ({ id, name: w.data.name, updatedAt: w.updatedAt })).sort((a, b) => a.name.localeCompare(b.name, 'da'));
  }

  async load(id: string): Promise<Result<LoadedWorkspace, StorageError>> {
    const w = this.#items.get(id);
    return w ? ok({ id, revision: w.revision, data: w.data }) : err({ kind: 'invalid', message: 'Arbejdsområdet findes ikke længere.' });
  }

  #writable(data: WorkspaceData) {
    return writableData(data, this.#catalogue);
  }

  async create(id: string, input: WorkspaceData): Promise<Result<LoadedWorkspace, StorageError>> {
    const writable = this.#writable(input);
    if (!writable.ok) return writable;
    const data = writable.value;
    this.#items.set(id, { revision: 1, updatedAt: new Date().toISOString(), data });
    return ok({ id, revision: 1, data });
  }

  async save(id: string, baseRevision: number, input: WorkspaceData, rebase: Rebase) {
    const writable = this.#writable(input);
    if (!writable.ok) return writable;
    const data = writable.value;
    const w = this.#items.get(id);
    if (!w) return err<StorageError>({ kind: 'invalid', message: 'Arbejdsområdet findes ikke længere.' });
    const rebased = w.revision !== baseRevision;
    let next = data;
    if (rebased) {
      const replayed = rebase(w.data);
      const checked = replayed ? this.#writable(replayed) : null;
      if (!checked?.ok) return err<StorageError>({ kind: 'conflict', message: 'Arbejdsområdet er ændret et andet sted.' });
      next = checked.value;
    }
    const revision = w.revision + 1;
    this.#items.set(id, { revision, updatedAt: new Date().toISOString(), data: next });
    return ok({ id, revision, data: next, rebased });
  }

  async remove(id: string) {
    const w = this.#items.get(id);
    this.#items.delete(id);
    return ok(w ? { id, revision: w.revision, updatedAt: w.updatedAt, doc: null } : null);
  }

  async createFirst(id: string, make: (demoCreatedBefore: boolean) => WorkspaceData) {
    if (this.#items.size) return ok(null);
    const created = await this.create(id, make(this.#meta.get('demoCreated') === true));
    if (created.ok) this.#meta.set('demoCreated', true);
    return created;
  }

  async raw(id: string) {
    const w = this.#items.get(id);
    return w ? ok<unknown>(toDocument(w.data, this.#ref)) : err<StorageError>({ kind: 'invalid', message: 'Arbejdsområdet findes ikke længere.' });
  }

  /** Memory holds only workspaces that passed the write gate, so there is nothing to repair; replacing works all the same. */
  async replace(id: string, input: WorkspaceData) {
    const before = await this.raw(id);
    if (!before.ok) return before;
    const saved = await this.save(id, this.#items.get(id)!.revision, input, () => null);
    return saved.ok ? ok({ id, revision: saved.value.revision, data: saved.value.data, before: before.value }) : saved;
  }

  async restoreRaw(): Promise<Result<void, StorageError>> {
    return err({ kind: 'invalid', message: 'Et arbejdsområde i hukommelsen har ingen gemt udgave at vende tilbage til.' });
  }

  async getMeta(key: MetaRecord['key']) {
    return this.#meta.get(key);
  }

  async setMeta(key: MetaRecord['key'], value: MetaRecord['value']) {
    this.#meta.set(key, value);
  }
}
