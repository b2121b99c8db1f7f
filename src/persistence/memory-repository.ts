import * as Y from 'yjs';
import type { Catalogue } from '../domain/catalogue';
import { err, ok, type Result } from '../domain/result';
import type { CatalogueRef, WorkspaceData } from '../domain/workspace';
import { toDocument } from '../document';
import { docFromWorkspace, encodeState, readWorkspace } from '../sync/workspace-doc';
import type { MetaRecord } from './db';
import type { StorageError } from './errors';
import { FROM_STORAGE, openDoc, writableData, type CatchUp, type LoadedWorkspace, type WorkspaceStore, type WorkspaceSummary } from './workspace-repository';

interface Item {
  revision: number;
  updatedAt: string;
  data: WorkspaceData;
  state: Uint8Array;
  updates: Map<number, Uint8Array>;
}

const GONE: StorageError = { kind: 'invalid', message: 'Arbejdsområdet findes ikke længere.' };

/**
 * Keeps workspaces in memory when the browser gives no IndexedDB (private mode,
 * blocked storage): the app still works, and nothing survives a reload.
 */
export class MemoryRepository implements WorkspaceStore {
  readonly persistent = false;
  #catalogue: Catalogue;
  #items = new Map<string, Item>();
  #nextKey = 1;
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
    if (!w) return err(GONE);
    const doc = openDoc(w.state, [...w.updates.values()]);
    return ok({ id, doc, ...readWorkspace(doc, this.#catalogue), keys: [...w.updates.keys()], revision: w.revision });
  }

  #writable(data: WorkspaceData) {
    return writableData(data, this.#catalogue);
  }

  async create(id: string, input: WorkspaceData): Promise<Result<LoadedWorkspace, StorageError>> {
    const writable = this.#writable(input);
    if (!writable.ok) return writable;
    const data = writable.value;
    const doc = docFromWorkspace(data);
    this.#items.set(id, { revision: 1, updatedAt: new Date().toISOString(), data, state: encodeState(doc), updates: new Map() });
    return ok({ id, doc, data, ignored: [], keys: [], revision: 1 });
  }

  async append(id: string, update: Uint8Array): Promise<Result<number, StorageError>> {
    const w = this.#items.get(id);
    if (!w) return err(GONE);
    const key = this.#nextKey++;
    w.updates.set(key, update);
    return ok(key);
  }

  async updatesSince(id: string, known: ReadonlySet<number>, revision: number): Promise<Result<CatchUp, StorageError>> {
    const w = this.#items.get(id);
    if (!w) return err(GONE);
    const updates = [...w.updates].filter(([k]) => !known.has(k)).map(([key, update]) => ({ key, update }));
    return ok({ revision: w.revision, state: w.revision !== revision ? w.state : null, updates });
  }

  async compact(id: string, doc: Y.Doc, keys: readonly number[], revision: number): Promise<Result<number, StorageError>> {
    const w = this.#items.get(id);
    if (!w) return err(GONE);
    if (w.revision !== revision) Y.applyUpdate(doc, w.state, FROM_STORAGE);
    for (const k of keys) w.updates.delete(k);
    const next = w.revision + 1;
    this.#items.set(id, { ...w, revision: next, updatedAt: new Date().toISOString(), data: readWorkspace(doc, this.#catalogue).data, state: encodeState(doc) });
    return ok(next);
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
    this.#items.delete(id);
    const created = await this.create(id, input);
    return created.ok ? ok({ ...created.value, before: before.value }) : created;
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
