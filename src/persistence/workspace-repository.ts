import * as Y from 'yjs';
import type { Catalogue } from '../domain/catalogue';
import { err, ok, type Result } from '../domain/result';
import { WORKSPACE_VERSION, type CatalogueRef, type WorkspaceData } from '../domain/workspace';
import { checkWritable, readDocument, toDocument, type ReadError } from '../document';
import { docFromWorkspace, encodeState, readWorkspace } from '../sync/workspace-doc';
import { FROM_STORAGE } from '../sync/origins';
import type { Database, MetaRecord, StoredWorkspace } from './db';
import { storageError, type StorageError } from './errors';

/** A workspace as listed in the workspace picker. */
export interface WorkspaceSummary {
  id: string;
  name: string;
  updatedAt: string;
}

/** A workspace as it opens: its Yjs document, the plain valid view of it, and the stored updates it holds. */
export interface LoadedWorkspace {
  id: string;
  doc: Y.Doc;
  data: WorkspaceData;
  /** In Danish, what the document holds that breaks a rule and is left out of `data`. */
  ignored: string[];
  /** Keys of the stored updates applied to `doc`: a checkpoint may replace exactly these. */
  keys: number[];
  /** The checkpoint `doc` was opened from; a newer one means another tab made a checkpoint since. */
  revision: number;
}

/** What another tab stored since: its newer checkpoint, if any, and the updates not seen. */
export interface CatchUp {
  revision: number;
  state: Uint8Array | null;
  updates: { key: number; update: Uint8Array }[];
}

/** The write gate for every store: the read path's rules, so that nothing is stored that would not open again. */
export function writableData(data: WorkspaceData, catalogue: Catalogue): Result<WorkspaceData, StorageError> {
  const checked = checkWritable(data, catalogue);
  return checked.ok ? checked : err(refused(checked.error));
}

/** A workspace the write gate refused, explained. */
const refused = (e: ReadError): StorageError => ({ kind: 'invalid', message: `Arbejdsområdet blev ikke gemt, fordi det bryder en regel: ${e.message}` });

const GONE: StorageError = { kind: 'invalid', message: 'Arbejdsområdet findes ikke længere.' };
const DELETED_ELSEWHERE: StorageError = { kind: 'invalid', message: 'Arbejdsområdet er slettet i en anden fane.' };

export { FROM_STORAGE };

/** The doc of a stored workspace: its checkpoint's Yjs state, or (stored by version 2) its document, and then its updates. */
export function openDoc(base: Uint8Array | WorkspaceData, updates: readonly Uint8Array[]): Y.Doc {
  const fromState = base instanceof Uint8Array;
  const doc = fromState ? new Y.Doc() : docFromWorkspace(base);
  if (fromState) Y.applyUpdate(doc, base, FROM_STORAGE);
  for (const u of updates) Y.applyUpdate(doc, u, FROM_STORAGE);
  return doc;
}

/** True for a checkpoint's document of the current format: the doc beside it is what is read, and checked. */
const isCurrent = (doc: unknown) => (doc as { version?: unknown } | null)?.version === WORKSPACE_VERSION;

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
  /** Stores one update of a workspace (an edit, or one that came from elsewhere); returns its key. */
  append(id: string, update: Uint8Array): Promise<Result<number, StorageError>>;
  /** What is stored that a doc opened at checkpoint `revision` with the updates `known` has not seen. */
  updatesSince(id: string, known: ReadonlySet<number>, revision: number): Promise<Result<CatchUp, StorageError>>;
  /**
   * Writes a new checkpoint of the doc and drops the updates it holds (`keys`); other
   * updates stay. A checkpoint another tab wrote after `revision` is merged into the doc
   * first, so nothing it held is lost. Returns the new revision.
   */
  compact(id: string, doc: Y.Doc, keys: readonly number[], revision: number): Promise<Result<number, StorageError>>;
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

  /**
   * Loads a workspace: its document goes through the same migrate-then-validate path as an
   * import (a damaged one is refused, to repair), then its Yjs state and updates make the doc.
   * A workspace stored before the update log (no `state`) gets its first checkpoint here.
   */
  async load(id: string): Promise<Result<LoadedWorkspace, StorageError | ReadError>> {
    let record: StoredWorkspace | undefined;
    let updates: { key: number; update: Uint8Array }[];
    try {
      const tx = this.#db.transaction(['workspaces', 'updates'], 'readonly');
      [record, updates] = await Promise.all([tx.objectStore('workspaces').get(id), this.#updatesIn(tx.objectStore('updates'), id), tx.done]);
    } catch (e) {
      return err(storageError(e));
    }
    if (!record) return err(GONE);
    // A checkpoint of this format was written from a checked workspace, and its doc is checked
    // by readWorkspace below: its JSON is not checked a second time. Anything else (a workspace
    // stored by version 2, another format, a checkpoint without state) goes through the read
    // path of an import, so damage is found and listed.
    let base: Uint8Array | WorkspaceData;
    if (record.state && isCurrent(record.doc)) base = record.state;
    else {
      const read = readDocument(record.doc, this.#catalogue);
      if (!read.ok) return read;
      base = record.state ?? read.value.data;
    }
    const doc = openDoc(base, updates.map((u) => u.update));
    const keys = updates.map((u) => u.key);
    if (!record.state) {
      const migrated = await this.compact(id, doc, keys, record.revision);
      if (!migrated.ok) return migrated;
      return ok({ id, doc, ...readWorkspace(doc, this.#catalogue), keys: [], revision: migrated.value });
    }
    return ok({ id, doc, ...readWorkspace(doc, this.#catalogue), keys, revision: record.revision });
  }

  async #updatesIn(store: { index(name: 'byWorkspace'): { getAllKeys(q: string): Promise<number[]>; getAll(q: string): Promise<{ update: Uint8Array }[]> } }, id: string) {
    const index = store.index('byWorkspace');
    const [keys, values] = await Promise.all([index.getAllKeys(id), index.getAll(id)]);
    return keys.map((key, i) => ({ key, update: values[i]!.update }));
  }

  #record(id: string, revision: number, doc: Y.Doc, data = readWorkspace(doc, this.#catalogue).data): StoredWorkspace {
    return { id, revision, updatedAt: new Date().toISOString(), doc: toDocument(data, this.#ref), state: encodeState(doc) };
  }

  #writable(data: WorkspaceData) {
    return writableData(data, this.#catalogue);
  }

  /** Stores a new workspace (created, duplicated, imported or restored) with strict durability. */
  async create(id: string, input: WorkspaceData): Promise<Result<LoadedWorkspace, StorageError>> {
    const writable = this.#writable(input);
    if (!writable.ok) return writable;
    const data = writable.value;
    const doc = docFromWorkspace(data);
    try {
      const tx = this.#db.transaction('workspaces', 'readwrite', { durability: 'strict' });
      await Promise.all([tx.store.add(this.#record(id, 1, doc, data)), tx.done]);
      return ok({ id, doc, data, ignored: [], keys: [], revision: 1 });
    } catch (e) {
      return err(storageError(e));
    }
  }

  async append(id: string, update: Uint8Array): Promise<Result<number, StorageError>> {
    try {
      const tx = this.#db.transaction(['workspaces', 'updates'], 'readwrite');
      // one small write; the check that the workspace still exists is in the same transaction
      const exists = (await tx.objectStore('workspaces').getKey(id)) !== undefined;
      if (!exists) {
        tx.abort();
        await tx.done.catch(() => {});
        return err(DELETED_ELSEWHERE);
      }
      const [key] = await Promise.all([tx.objectStore('updates').add({ workspaceId: id, update }), tx.done]);
      return ok(key);
    } catch (e) {
      return err(storageError(e));
    }
  }

  async updatesSince(id: string, known: ReadonlySet<number>, revision: number): Promise<Result<CatchUp, StorageError>> {
    try {
      const tx = this.#db.transaction(['workspaces', 'updates'], 'readonly');
      const [stored, all] = await Promise.all([tx.objectStore('workspaces').get(id), this.#updatesIn(tx.objectStore('updates'), id), tx.done]);
      if (!stored) return err(GONE);
      const newer = stored.revision !== revision && stored.state ? stored.state : null;
      return ok({ revision: stored.revision, state: newer, updates: all.filter((u) => !known.has(u.key)) });
    } catch (e) {
      return err(storageError(e));
    }
  }

  async compact(id: string, doc: Y.Doc, keys: readonly number[], revision: number): Promise<Result<number, StorageError>> {
    try {
      const tx = this.#db.transaction(['workspaces', 'updates'], 'readwrite', { durability: 'strict' });
      const stored = await tx.objectStore('workspaces').get(id);
      if (!stored) {
        tx.abort();
        await tx.done.catch(() => {});
        return err(DELETED_ELSEWHERE);
      }
      // another tab's checkpoint may hold updates it has already dropped: take them in first
      if (stored.revision !== revision && stored.state) Y.applyUpdate(doc, stored.state, FROM_STORAGE);
      const updates = tx.objectStore('updates');
      const next = stored.revision + 1;
      await Promise.all([tx.objectStore('workspaces').put(this.#record(id, next, doc)), ...keys.map((k) => updates.delete(k)), tx.done]);
      return ok(next);
    } catch (e) {
      return err(storageError(e));
    }
  }

  /** Deletes a workspace and its updates; returns what was stored, so the caller can say what went. */
  async remove(id: string): Promise<Result<StoredWorkspace | null, StorageError>> {
    try {
      const tx = this.#db.transaction(['workspaces', 'updates'], 'readwrite', { durability: 'strict' });
      const record = (await tx.objectStore('workspaces').get(id)) ?? null;
      await Promise.all([tx.objectStore('workspaces').delete(id), this.#dropUpdates(tx.objectStore('updates'), id), tx.done]);
      return ok(record);
    } catch (e) {
      return err(storageError(e));
    }
  }

  async #dropUpdates(store: { index(name: 'byWorkspace'): { getAllKeys(q: string): Promise<number[]> }; delete(k: number): Promise<void> }, id: string) {
    const keys = await store.index('byWorkspace').getAllKeys(id);
    await Promise.all(keys.map((k) => store.delete(k)));
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
      const doc = docFromWorkspace(writable.value);
      await Promise.all([
        tx.objectStore('workspaces').add(this.#record(id, 1, doc, writable.value)),
        tx.objectStore('meta').put({ key: 'demoCreated', value: true }),
        tx.done,
      ]);
      return ok({ id, doc, data: writable.value, ignored: [], keys: [], revision: 1 });
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
    const doc = docFromWorkspace(writable.value);
    try {
      const tx = this.#db.transaction(['workspaces', 'backups', 'updates'], 'readwrite', { durability: 'strict' });
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
        tx.objectStore('workspaces').put(this.#record(id, revision, doc, writable.value)),
        this.#dropUpdates(tx.objectStore('updates'), id),
        tx.done,
      ]);
      return ok({ id, doc, data: writable.value, ignored: [], keys: [], revision, before: stored.doc });
    } catch (e) {
      return err(storageError(e));
    }
  }

  async restoreRaw(id: string, doc: unknown): Promise<Result<void, StorageError>> {
    try {
      const tx = this.#db.transaction(['workspaces', 'updates'], 'readwrite', { durability: 'strict' });
      const store = tx.objectStore('workspaces');
      const stored = await store.get(id);
      // the document as it was, without a Yjs state: it is made anew from the document when it opens
      await Promise.all([
        store.put({ id, revision: (stored?.revision ?? 0) + 1, updatedAt: new Date().toISOString(), doc }),
        this.#dropUpdates(tx.objectStore('updates'), id),
        tx.done,
      ]);
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
