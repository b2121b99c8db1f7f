import type { Catalogue } from '../domain/catalogue';
import { err, ok, type Result } from '../domain/result';
import { checkWorkspace, type CatalogueRef, type WorkspaceData } from '../domain/workspace';
import { readDocument, toDocument, type ReadError } from '../document';
import type { Database, MetaRecord, StoredWorkspace } from './db';
import { storageError, type StorageError } from './errors';

/** A workspace as listed in the workspace picker. */
export interface WorkspaceSummary {
  id: string;
  name: string;
  updatedAt: string;
}

export interface LoadedWorkspace {
  id: string;
  revision: number;
  data: WorkspaceData;
}

/** What a save does when the stored revision is newer than the one the edit was based on. */
export type Rebase = (stored: WorkspaceData) => WorkspaceData | null;

const conflict: StorageError = {
  kind: 'conflict',
  message: 'Arbejdsområdet er ændret i en anden fane. Den nyeste udgave er hentet.',
};

function nameOf(doc: unknown): string {
  const ws = (doc as { workspace?: { name?: unknown } } | null)?.workspace;
  return typeof ws?.name === 'string' ? ws.name : '(uden navn)';
}

/** Where workspaces live: IndexedDB, or memory when the browser gives no storage. */
export interface WorkspaceStore {
  readonly persistent: boolean;
  list(): Promise<WorkspaceSummary[]>;
  load(id: string): Promise<Result<LoadedWorkspace, StorageError | ReadError>>;
  create(id: string, data: WorkspaceData): Promise<Result<LoadedWorkspace, StorageError>>;
  save(id: string, baseRevision: number, data: WorkspaceData, rebase: Rebase): Promise<Result<LoadedWorkspace & { rebased: boolean }, StorageError>>;
  remove(id: string): Promise<Result<StoredWorkspace | null, StorageError>>;
  getMeta(key: MetaRecord['key']): Promise<MetaRecord['value'] | undefined>;
  setMeta(key: MetaRecord['key'], value: MetaRecord['value']): Promise<void>;
}

/** Reads and writes workspaces in IndexedDB; every write is one transaction, checked before it is written. */
export class WorkspaceRepository implements WorkspaceStore {
  readonly persistent = true;
  #db: Database;
  #catalogue: Catalogue;
  #ref: CatalogueRef;

  constructor(db: Database, catalogue: Catalogue) {
    this.#db = db;
    this.#catalogue = catalogue;
    this.#ref = { id: 'rollegalleri', version: catalogue.catalogueVersion };
  }

  async list(): Promise<WorkspaceSummary[]> {
    const all = await this.#db.getAll('workspaces');
    return all
      .map((w) => ({ id: w.id, name: nameOf(w.doc), updatedAt: w.updatedAt }))
      .sort((a, b) => a.name.localeCompare(b.name, 'da'));
  }

  /** Loads a workspace through the same migrate-then-validate path as an import. */
  async load(id: string): Promise<Result<LoadedWorkspace, StorageError | ReadError>> {
    let record: StoredWorkspace | undefined;
    try {
      record = await this.#db.get('workspaces', id);
    } catch (e) {
      return err(storageError(e));
    }
    if (!record) return err({ kind: 'invalid', message: 'Arbejdsområdet findes ikke længere.' });
    const read = readDocument(record.doc, this.#catalogue);
    if (!read.ok) return read;
    return ok({ id, revision: record.revision, data: read.value.data });
  }

  #record(id: string, revision: number, data: WorkspaceData): StoredWorkspace {
    return { id, revision, updatedAt: new Date().toISOString(), doc: toDocument(data, this.#ref) };
  }

  #refuseUnsound(data: WorkspaceData): StorageError | null {
    const [issue] = checkWorkspace(data, this.#catalogue);
    return issue ? { kind: 'invalid', message: `Arbejdsområdet blev ikke gemt, fordi det er inkonsistent: ${issue.path}: ${issue.message}.` } : null;
  }

  /** Stores a new workspace (created, duplicated, imported or restored) with strict durability. */
  async create(id: string, data: WorkspaceData): Promise<Result<LoadedWorkspace, StorageError>> {
    const unsound = this.#refuseUnsound(data);
    if (unsound) return err(unsound);
    try {
      const tx = this.#db.transaction('workspaces', 'readwrite', { durability: 'strict' });
      await Promise.all([tx.store.add(this.#record(id, 1, data)), tx.done]);
      return ok({ id, revision: 1, data });
    } catch (e) {
      return err(storageError(e));
    }
  }

  /**
   * Writes a new state of a workspace, but only on top of the revision it was based
   * on. If another tab wrote in between, `rebase` replays the edits on the stored
   * state; when it cannot, nothing is written and the caller reloads.
   */
  async save(id: string, baseRevision: number, data: WorkspaceData, rebase: Rebase): Promise<Result<LoadedWorkspace & { rebased: boolean }, StorageError>> {
    const unsound = this.#refuseUnsound(data);
    if (unsound) return err(unsound);
    try {
      const tx = this.#db.transaction('workspaces', 'readwrite');
      const abort = () => {
        tx.done.catch(() => {}); // the abort is ours; nobody else waits on it
        tx.abort();
      };
      const stored = await tx.store.get(id);
      if (!stored) {
        abort();
        return err({ kind: 'invalid', message: 'Arbejdsområdet er slettet i en anden fane.' });
      }
      let next = data;
      let rebased = false;
      if (stored.revision !== baseRevision) {
        const read = readDocument(stored.doc, this.#catalogue);
        const replayed = read.ok ? rebase(read.value.data) : null;
        if (!replayed || this.#refuseUnsound(replayed)) {
          abort();
          return err(conflict);
        }
        next = replayed;
        rebased = true;
      }
      const revision = stored.revision + 1;
      await Promise.all([tx.store.put(this.#record(id, revision, next)), tx.done]);
      return ok({ id, revision, data: next, rebased });
    } catch (e) {
      return err(storageError(e));
    }
  }

  async remove(id: string): Promise<Result<StoredWorkspace | null, StorageError>> {
    try {
      const tx = this.#db.transaction('workspaces', 'readwrite', { durability: 'strict' });
      const record = (await tx.store.get(id)) ?? null;
      await Promise.all([tx.store.delete(id), tx.done]);
      return ok(record);
    } catch (e) {
      return err(storageError(e));
    }
  }

  async getMeta(key: MetaRecord['key']): Promise<MetaRecord['value'] | undefined> {
    return (await this.#db.get('meta', key))?.value;
  }

  async setMeta(key: MetaRecord['key'], value: MetaRecord['value']): Promise<void> {
    await this.#db.put('meta', { key, value });
  }
}
