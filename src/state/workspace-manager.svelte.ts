import type { Catalogue } from '../domain/catalogue';
import { ok, type Result } from '../domain/result';
import { demoWorkspace, emptyWorkspace, newId, renameWorkspace, UndoHistory, type WorkspaceData } from '../domain/workspace';
import { exportFileName, readWorkspaceText, serializeDocument, toDocument } from '../document';
import {
  MemoryRepository,
  NEWER_VERSION,
  openDatabase,
  storageError,
  SyncChannel,
  UNAVAILABLE,
  WorkspaceRepository,
  type StorageError,
  type SyncMessage,
  type WorkspaceStore,
  type WorkspaceSummary,
} from '../persistence';

/** An edit of the workspace, kept until it is written so it can be replayed on a newer stored state. */
interface PendingEdit {
  apply: (ws: WorkspaceData) => WorkspaceData;
  /** False for undo/redo: they restore a snapshot and cannot be replayed on someone else's changes. */
  replayable: boolean;
}

export type SaveState = 'loading' | 'saved' | 'saving' | 'error' | 'memory';

type Edit = (ws: WorkspaceData) => Result<WorkspaceData, string> | WorkspaceData;
const asResult = (r: Result<WorkspaceData, string> | WorkspaceData): Result<WorkspaceData, string> =>
  'ok' in r && typeof r.ok === 'boolean' ? (r as Result<WorkspaceData, string>) : ok(r as WorkspaceData);

/**
 * The open workspace and the list of workspaces. Every edit is applied in memory at
 * once and written in its own transaction; nothing is written before the first load.
 */
export class WorkspaceManager {
  readonly catalogue: Catalogue;
  #store: WorkspaceStore | null = null;
  #channel: SyncChannel | null = null;
  #open: () => Promise<WorkspaceStore>;

  #list = $state.raw<WorkspaceSummary[]>([]);
  #id = $state<string | null>(null);
  #data = $state.raw<WorkspaceData>(emptyWorkspace(''));
  #revision = 0;
  #saveState = $state<SaveState>('loading');
  #error = $state.raw<StorageError | null>(null);
  #notice = $state<string | null>(null);
  #message = $state<string | null>(null);
  #persisted = $state<boolean | null>(null);
  #history = new UndoHistory<WorkspaceData>();
  #canUndo = $state(false);
  #canRedo = $state(false);
  #pending: PendingEdit[] = [];
  #writing: Promise<void> | null = null;
  #blocked = false;
  /** True while the open workspace exists only in memory because storing it the first time failed. */
  #unstored = false;
  #deleted = $state.raw<{ name: string; data: WorkspaceData } | null>(null);

  constructor(catalogue: Catalogue, open?: () => Promise<WorkspaceStore>) {
    this.catalogue = catalogue;
    this.#open =
      open ??
      (async () => new WorkspaceRepository(await openDatabase(() => this.#newerVersionElsewhere()), catalogue));
  }

  get list() { return this.#list; }
  get id() { return this.#id; }
  get data() { return this.#data; }
  get saveState() { return this.#saveState; }
  get error() { return this.#error; }
  get notice() { return this.#notice; }
  /** The last thing the user did, said in Danish for the status line (and screen readers). */
  get message() { return this.#message; }
  get persisted() { return this.#persisted; }
  get canUndo() { return this.#canUndo; }
  get canRedo() { return this.#canRedo; }
  get deleted() { return this.#deleted; }
  get persistent() { return this.#store?.persistent ?? false; }
  get ready() { return this.#saveState !== 'loading'; }
  /** True when closing the page now would lose edits: a write is under way or has failed, or nothing is stored at all. */
  get hasUnsavedWork() {
    return this.#saveState === 'saving' || this.#saveState === 'error' || (this.#saveState === 'memory' && this.#canUndo);
  }

  dismissNotice() {
    this.#notice = null;
  }

  announce(message: string | null) {
    this.#message = message;
  }

  /** Opens storage, then the last used workspace; on the very first start, the demo. */
  async init(): Promise<void> {
    try {
      this.#store = await this.#open();
    } catch (e) {
      const err = storageError(e);
      this.#error = err.kind === 'newer-version' ? NEWER_VERSION : UNAVAILABLE;
      this.#store = new MemoryRepository(this.catalogue);
    }
    if (this.#store.persistent) {
      this.#channel = new SyncChannel((m) => void this.#onMessage(m));
      void this.#askPersistence();
    }
    let list = await this.#store.list();
    if (list.length === 0) {
      const first = (await this.#store.getMeta('demoCreated')) ? emptyWorkspace('Min kommune') : demoWorkspace();
      const id = newId('w');
      const created = await this.#store.create(id, first);
      await this.#store.setMeta('demoCreated', true).catch(() => {});
      if (!created.ok) {
        // e.g. quota exceeded on the very first start: keep it in memory and store it on retry
        this.#openUnstored(id, first, created.error);
        return;
      }
      list = await this.#store.list();
    }
    this.#list = list;
    const last = await this.#store.getMeta('lastWorkspaceId');
    const id = list.some((w) => w.id === last) ? (last as string) : list[0]!.id;
    await this.#load(id);
  }

  #openUnstored(id: string, data: WorkspaceData, error: StorageError) {
    this.#id = id;
    this.#data = data;
    this.#revision = 0;
    this.#unstored = true;
    this.#list = [{ id, name: data.name, updatedAt: '' }];
    this.#error = error;
    this.#saveState = 'error';
    this.#pending = [{ apply: () => data, replayable: false }];
  }

  async #askPersistence() {
    try {
      this.#persisted = (await navigator.storage?.persisted?.()) || ((await navigator.storage?.persist?.()) ?? false);
    } catch {
      this.#persisted = false;
    }
  }

  #settled(): SaveState {
    return this.#store?.persistent ? 'saved' : 'memory';
  }

  async #load(id: string): Promise<boolean> {
    const loaded = await this.#store!.load(id);
    if (!loaded.ok) {
      this.#notice = `Arbejdsområdet kunne ikke åbnes: ${loaded.error.message}`;
      if (this.#saveState === 'loading') this.#saveState = this.#settled();
      return false;
    }
    this.#id = id;
    this.#data = loaded.value.data;
    this.#revision = loaded.value.revision;
    this.#pending = [];
    this.#resetHistory();
    this.#message = null;
    this.#saveState = this.#error ? 'error' : this.#settled();
    await this.#store!.setMeta('lastWorkspaceId', id).catch(() => {}); // a convenience; never worth an error
    return true;
  }

  #resetHistory() {
    this.#history.clear();
    this.#syncHistory();
  }
  #syncHistory() {
    this.#canUndo = this.#history.canUndo;
    this.#canRedo = this.#history.canRedo;
  }

  /** Applies an edit; returns a Danish error (and changes nothing) when it does not apply. */
  edit(edit: Edit): string | null {
    if (!this.ready) return 'Arbejdsområdet er ikke indlæst endnu.';
    const result = asResult(edit(this.#data));
    if (!result.ok) return result.error;
    if (result.value === this.#data) return null;
    this.#history.record(this.#data);
    this.#syncHistory();
    this.#data = result.value;
    this.#enqueue({
      apply: (ws) => {
        const r = asResult(edit(ws));
        return r.ok ? r.value : ws; // an edit that no longer applies to the newer state is dropped
      },
      replayable: true,
    });
    return null;
  }

  undo() {
    const previous = this.#history.undo(this.#data);
    if (!previous) return;
    this.#restore(previous);
    this.#message = 'Den seneste ændring er fortrudt.';
  }

  redo() {
    const next = this.#history.redo(this.#data);
    if (!next) return;
    this.#restore(next);
    this.#message = 'Ændringen er gentaget.';
  }

  #restore(snapshot: WorkspaceData) {
    this.#syncHistory();
    this.#data = snapshot;
    this.#enqueue({ apply: () => snapshot, replayable: false });
  }

  #enqueue(edit: PendingEdit) {
    this.#pending.push(edit);
    if (this.#store?.persistent) this.#saveState = this.#blocked ? 'error' : 'saving';
    void this.#write();
  }

  /** Writes what is pending; edits made meanwhile go into the next transaction. */
  #write(): Promise<void> {
    if (this.#writing) return this.#writing;
    if (!this.#store || !this.#id || this.#blocked || this.#pending.length === 0) return Promise.resolve();
    this.#writing = this.#writeOnce().finally(() => {
      this.#writing = null;
      if (this.#pending.length && !this.#error) void this.#write();
    });
    return this.#writing;
  }

  async #writeOnce() {
    const edits = this.#pending;
    this.#pending = [];
    const id = this.#id!;
    const data = this.#data;
    if (this.#store!.persistent) this.#saveState = 'saving';
    if (this.#unstored) {
      const created = await this.#store!.create(id, data);
      if (!created.ok) {
        this.#pending = [...edits, ...this.#pending];
        this.#error = created.error;
        this.#saveState = 'error';
        return;
      }
      this.#unstored = false;
      this.#revision = created.value.revision;
      this.#error = null;
      await this.#refreshList(true);
      if (this.#pending.length === 0) this.#saveState = this.#settled();
      return;
    }
    const result = await this.#store!.save(id, this.#revision, data, (stored) => {
      if (edits.some((e) => !e.replayable)) return null;
      return edits.reduce((ws, e) => e.apply(ws), stored);
    });
    if (id !== this.#id) return;
    if (result.ok) {
      this.#revision = result.value.revision;
      this.#error = null;
      if (result.value.rebased) {
        this.#data = this.#pending.reduce((ws, e) => e.apply(ws), result.value.data);
        this.#resetHistory();
        this.#notice = 'Ændringer fra en anden fane er flettet sammen med dine.';
      }
      this.#channel?.post({ type: 'saved', id, revision: result.value.revision });
      if (data.name !== this.#list.find((w) => w.id === id)?.name) await this.#refreshList(true);
      if (this.#pending.length === 0) this.#saveState = this.#settled();
      return;
    }
    const e = result.error;
    if (e.kind === 'conflict') {
      await this.#load(id);
      this.#notice = `${e.message} Din seneste ændring (fortryd/gentag) kunne ikke flettes og er ikke gemt.`;
      return;
    }
    this.#pending = [...edits, ...this.#pending];
    this.#error = e;
    this.#saveState = 'error';
    if (e.kind === 'newer-version') this.#blocked = true;
  }

  /** Tries again after a storage fault (e.g. once space is freed). */
  async retrySave() {
    if (this.#blocked) return;
    this.#error = null;
    await this.#write();
  }

  /** Starts writing what is pending; called on `pagehide`, when there is no time to wait. */
  flush() {
    void this.#write();
  }

  /** Resolves once everything pending is written (or has failed). */
  async settle() {
    while (this.#writing) await this.#writing;
  }

  #newerVersionElsewhere() {
    this.#blocked = true;
    this.#error = NEWER_VERSION;
    this.#saveState = 'error';
  }

  async #onMessage(m: SyncMessage) {
    if (m.type === 'list-changed') {
      await this.#refreshList(false);
      if (this.#id && !this.#list.some((w) => w.id === this.#id)) {
        this.#notice = 'Arbejdsområdet blev slettet i en anden fane.';
        const first = this.#list[0];
        if (first) await this.#load(first.id);
      }
      return;
    }
    if (m.id !== this.#id || m.revision <= this.#revision) return;
    // a newer state from another tab: take it over unless our own edits are on their way
    // (then the next write replays them on top of it)
    if (this.#writing || this.#pending.length) return;
    const hadHistory = this.#canUndo || this.#canRedo;
    await this.#load(m.id);
    if (hadHistory) this.#notice = 'Arbejdsområdet er ændret i en anden fane, og denne fane viser nu den nyeste udgave. Fortryd-historikken er derfor nulstillet.';
  }

  async #refreshList(announce: boolean) {
    if (!this.#store) return;
    this.#list = await this.#store.list();
    if (announce) this.#channel?.post({ type: 'list-changed' });
  }

  /** Saves what is pending before the open workspace changes; refuses if it cannot be saved. */
  async #leaveCurrent(): Promise<string | null> {
    await this.settle();
    if (this.#pending.length && this.#store?.persistent)
      return 'Dine seneste ændringer er ikke gemt endnu. Eksportér arbejdsområdet eller prøv at gemme igen, før du skifter.';
    return null;
  }

  async switchTo(id: string): Promise<string | null> {
    if (id === this.#id) return null;
    const blocked = await this.#leaveCurrent();
    if (blocked) return blocked;
    return (await this.#load(id)) ? null : this.#notice;
  }

  async #createAndOpen(data: WorkspaceData): Promise<string | null> {
    const blocked = await this.#leaveCurrent();
    if (blocked) return blocked;
    const created = await this.#store!.create(newId('w'), data);
    if (!created.ok) return created.error.message;
    await this.#refreshList(true);
    await this.#load(created.value.id);
    return null;
  }

  createWorkspace(name: string) {
    const renamed = renameWorkspace(emptyWorkspace(name), name);
    return renamed.ok ? this.#createAndOpen(renamed.value) : Promise.resolve(renamed.error);
  }

  duplicateCurrent() {
    return this.#createAndOpen({ ...this.#data, name: `${this.#data.name} (kopi)`.slice(0, 200) });
  }

  rename(name: string): string | null {
    return this.edit((ws) => renameWorkspace(ws, name));
  }

  /** Deletes a workspace (the UI asks first); it can be brought back with `restoreDeleted`. */
  async deleteWorkspace(id: string): Promise<string | null> {
    const name = this.#list.find((w) => w.id === id)?.name ?? '';
    const data = id === this.#id ? this.#data : null;
    if (id === this.#id) await this.settle();
    const keep = data ?? (await this.#store!.load(id).then((r) => (r.ok ? r.value.data : null)));
    const removed = await this.#store!.remove(id);
    if (!removed.ok) return removed.error.message;
    this.#deleted = keep ? { name, data: keep } : null;
    await this.#refreshList(true);
    if (id === this.#id) {
      if (this.#list.length === 0) await this.#store!.create(newId('w'), emptyWorkspace('Min kommune'));
      await this.#refreshList(true);
      await this.#load(this.#list[0]!.id);
    }
    return null;
  }

  async restoreDeleted(): Promise<string | null> {
    const d = this.#deleted;
    if (!d) return null;
    this.#deleted = null;
    return this.#createAndOpen(d.data);
  }

  dismissDeleted() {
    this.#deleted = null;
  }

  /** Reads an import file and stores it as a new workspace; on any failure nothing changes. */
  async importText(text: string): Promise<string | null> {
    const read = readWorkspaceText(text, this.catalogue);
    if (!read.ok) return read.error.message;
    return this.#createAndOpen(read.value.data);
  }

  /** The export of the open workspace: works from memory, whatever the storage state. */
  exportCurrent(now = new Date()) {
    const doc = toDocument(this.#data, { id: 'rollegalleri', version: this.catalogue.catalogueVersion }, now);
    return { fileName: exportFileName(this.#data.name), text: serializeDocument(doc) };
  }

  close() {
    this.#channel?.close();
  }
}
