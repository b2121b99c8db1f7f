import type { Catalogue } from '../domain/catalogue';
import { err, ok, type Result } from '../domain/result';
import type { CatalogueRef, WorkspaceData } from '../domain/workspace';
import { checkWritable, readDocument, toDocument, type ReadError } from '../document';
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

/** The write gate for every store: the read path's rules, so that nothing is stored that would not open again. */
export function writableData(data: WorkspaceData, catalogue: Catalogue): Result<WorkspaceData, StorageError> {
  const checked = checkWritable(data, catalogue);
  return checked.ok ? checked : err(refused(checked.error));
}

/** A workspace the write gate refused, explained. */
const refused = (e: ReadError): StorageError => ({ kind: 'invalid', message: `Arbejdsområdet blev ikke gemt, fordi det bryder en regel: ${e.message}` });

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
  /**
   * Stores the very first workspace, unless another tab got there first (then null):
   * the check and the write are one transaction. `make` gets whether a demo was made before.
   */
  createFirst(id: string, make: (demoCreatedBefore: boolean) => WorkspaceData): Promise<Result<LoadedWorkspace | null, StorageError>>;
  /** The stored document exactly as it is, for "Eksportér rå data" of a damaged workspace. */
  raw(id: string): Promise<Result<unknown, StorageError>>;
  /** Replaces a stored document by a repaired workspace, keeping the old document as a backup. */
  replace(id: string, data: WorkspaceData): Promise<Result<LoadedWorkspace & { before: unknown }, StorageError>>;
  /** Puts a document back as it was (the undo of a repair); it is not checked, as it is what was there. */
  restoreRaw(id: string, doc: unknown): Promise<Result<void, StorageError>>;
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

  #writable(data: WorkspaceData) {
    return writableData(data, this.#catalogue);
  }

  /** Stores a new workspace (created, duplicated, imported or restored) with strict durability. */
  async create(id: string, input: WorkspaceData): Promise<Result<LoadedWorkspace, StorageError>> {
    const writable = this.#writable(input);
    if (!writable.ok) return writable;
    const data = writable.value;
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
  async save(id: string, baseRevision: number, input: WorkspaceData, rebase: Rebase): Promise<Result<LoadedWorkspace & { rebased: boolean }, StorageError>> {
    const writable = this.#writable(input);
    if (!writable.ok) return writable;
    const data = writable.value;
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
        const checked = replayed ? this.#writable(replayed) : null;
        if (!checked?.ok) {
          abort();
          return err(conflict);
        }
        next = checked.value;
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

  async createFirst(id: string, make: (demoCreatedBefore: boolean) => WorkspaceData): Promise<Result<LoadedWorkspace | null, StorageError>> {
    try {
      const tx = this.#db.transaction(['workspaces', 'meta'], 'readwrite', { durability: 'strict' });
      const [count, demo] = await Promise.all([tx.objectStore('workspaces').count(), tx.objectStore('meta').get('demoCreated')]);
      if (count > 0) {
        await tx.done;
        return ok(null);
      }
      const writable = this.#writable(make(demo?.value === true));
      if (!writable.ok) {
        tx.abort();
        await tx.done.catch(() => {});
        return writable;
      }
      await Promise.all([
        tx.objectStore('workspaces').add(this.#record(id, 1, writable.value)),
        tx.objectStore('meta').put({ key: 'demoCreated', value: true }),
        tx.done,
      ]);
      return ok({ id, revision: 1, data: writable.value });
    } catch (e) {
      return err(storageError(e));
    }
  }

  async raw(id: string): Promise<Result<unknown, StorageError>> {
    try {
      const record = await this.#db.get('workspaces', id);
      return record ? ok(record.doc) : err({ kind: 'invalid', message: 'Arbejdsområdet findes ikke længere.' });
    } catch (e) {
      return err(storageError(e));
    }
  }

  async replace(id: string, input: WorkspaceData): Promise<Result<LoadedWorkspace & { before: unknown }, StorageError>> {
    const writable = this.#writable(input);
    if (!writable.ok) return writable;
    try {
      const tx = this.#db.transaction(['workspaces', 'backups'], 'readwrite', { durability: 'strict' });
      const stored = await tx.objectStore('workspaces').get(id);
      if (!stored) {
        tx.abort();
        await tx.done.catch(() => {});
        return err({ kind: 'invalid', message: 'Arbejdsområdet findes ikke længere.' });
      }
      const revision = stored.revision + 1;
      const savedAt = new Date().toISOString();
      await Promise.all([
        tx.objectStore('backups').put({ id: `${id}@${savedAt}`, workspaceId: id, savedAt, doc: stored.doc }),
        tx.objectStore('workspaces').put(this.#record(id, revision, writable.value)),
        tx.done,
      ]);
      return ok({ id, revision, data: writable.value, before: stored.doc });
    } catch (e) {
      return err(storageError(e));
    }
  }

  async restoreRaw(id: string, doc: unknown): Promise<Result<void, StorageError>> {
    try {
      const tx = this.#db.transaction('workspaces', 'readwrite', { durability: 'strict' });
      const stored = await tx.store.get(id);
      await Promise.all([tx.store.put({ id, revision: (stored?.revision ?? 0) + 1, updatedAt: new Date().toISOString(), doc }), tx.done]);
      return ok(undefined);
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
