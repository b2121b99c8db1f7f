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

/**
 * An edit of the workspace, kept until it is written so it can be replayed on a newer
 * stored state. `apply` returns null when the edit no longer applies there.
 */
interface PendingEdit {
  apply: (ws: WorkspaceData) => WorkspaceData | null;
  /** False for undo/redo: they restore a snapshot and cannot be replayed on someone else's changes. */
  replayable: boolean;
}

export type SaveState = 'loading' | 'saved' | 'saving' | 'error' | 'memory';

/**
 * An edit: a pure function of the workspace. It may run again later on a newer stored
 * state, so everything it depends on (ids, the chosen system, form values) must be
 * fixed before it is handed over, not read when it runs.
 */
export type Edit = (ws: WorkspaceData) => Result<WorkspaceData, string> | WorkspaceData;
const asResult = (r: Result<WorkspaceData, string> | WorkspaceData): Result<WorkspaceData, string> =>
  'ok' in r && typeof r.ok === 'boolean' ? (r as Result<WorkspaceData, string>) : ok(r as WorkspaceData);

const plural = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n} ${many}`);

/**
 * The open workspace and the list of workspaces. Every edit is applied in memory at
 * once and written in its own transaction; nothing is written before the first load.
 */
export class WorkspaceManager {
  readonly catalogue: Catalogue;
  #store: WorkspaceStore | null = null;
  #channel: SyncChannel | null = null;
  #open: () => Promise<WorkspaceStore>;

  #loading = $state(true);
  #list = $state.raw<WorkspaceSummary[]>([]);
  #id = $state<string | null>(null);
  #data = $state.raw<WorkspaceData>(emptyWorkspace(''));
  #revision = 0;
  /** A fault of the last write (quota, ...): cleared when a write succeeds. */
  #fault = $state.raw<StorageError | null>(null);
  /** A lasting condition: no storage at all, or a newer version elsewhere. */
  #fatal = $state.raw<StorageError | null>(null);
  #blocked = $state(false);
  #notice = $state<string | null>(null);
  #message = $state<string | null>(null);
  #persisted = $state<boolean | null>(null);
  #history = new UndoHistory<WorkspaceData>();
  #canUndo = $state(false);
  #canRedo = $state(false);
  #pending = $state.raw<PendingEdit[]>([]);
  #writing = $state(false);
  #flushing: Promise<void> | null = null;
  /** Counts edits, so a load that raced an edit can tell and stand back. */
  #edits = 0;
  /** The newest revision another tab has announced for the open workspace. */
  #newestSeen = 0;
  /** True while the open workspace exists only in memory (storing it failed, or it was deleted elsewhere). */
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
  get error() { return this.#fault ?? this.#fatal; }
  get notice() { return this.#notice; }
  /** The last thing the user did, said in Danish for the status line (and screen readers). */
  get message() { return this.#message; }
  get persisted() { return this.#persisted; }
  get canUndo() { return this.#canUndo; }
  get canRedo() { return this.#canRedo; }
  get deleted() { return this.#deleted; }
  get persistent() { return this.#store?.persistent ?? false; }
  get ready() { return !this.#loading && this.#id !== null; }
  get saveState(): SaveState {
    if (this.#loading) return 'loading';
    if (!this.#store?.persistent) return 'memory';
    if (this.#blocked || this.#fault) return 'error';
    if (this.#writing || this.#pending.length) return 'saving';
    return 'saved';
  }
  /** True when closing the page now would lose edits: a write is due or has failed, or nothing is stored at all. */
  get hasUnsavedWork() {
    const s = this.saveState;
    return s === 'saving' || s === 'error' || (s === 'memory' && this.#canUndo);
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
      this.#fatal = storageError(e).kind === 'newer-version' ? NEWER_VERSION : UNAVAILABLE;
      this.#store = new MemoryRepository(this.catalogue);
    }
    if (this.#store.persistent) {
      this.#channel = new SyncChannel((m) => void this.#onMessage(m));
      void this.#askPersistence();
    }
    try {
      await this.#openInitial();
    } catch (e) {
      // storage opened but then failed: carry on in memory rather than not at all
      this.#fatal = { kind: 'unavailable', message: `${storageError(e).message} ${UNAVAILABLE.message}` };
      this.#store = new MemoryRepository(this.catalogue);
      this.#channel?.close();
      this.#channel = null;
      await this.#openInitial();
    }
    this.#loading = false;
  }

  async #openInitial() {
    const store = this.#store!;
    const list = await store.list();
    if (list.length === 0) {
      const first = (await store.getMeta('demoCreated')) ? emptyWorkspace('Min kommune') : demoWorkspace();
      await this.#startWith(first);
      if (!this.#unstored) await store.setMeta('demoCreated', true).catch(() => {});
      return;
    }
    this.#list = list;
    const last = await store.getMeta('lastWorkspaceId').catch(() => undefined);
    const order = [...new Set([last, ...list.map((w) => w.id)])].filter((id): id is string => list.some((w) => w.id === id));
    for (const id of order) if (await this.#load(id)) return;
    // none could be read (the notice says why): start afresh rather than show nothing
    await this.#startWith(emptyWorkspace('Min kommune'));
  }

  /** Stores and opens a new workspace; if storing fails (e.g. quota), keeps it in memory to store on retry. */
  async #startWith(data: WorkspaceData) {
    const id = newId('w');
    const created = await this.#store!.create(id, data);
    if (!created.ok) {
      this.#id = id;
      this.#data = data;
      this.#revision = 0;
      this.#unstored = true;
      this.#list = [...this.#list, { id, name: data.name, updatedAt: '' }];
      this.#fault = created.error;
      this.#pending = [{ apply: () => data, replayable: false }];
      return;
    }
    await this.#refreshList(true);
    await this.#load(id);
  }

  async #askPersistence() {
    try {
      this.#persisted = (await navigator.storage?.persisted?.()) || ((await navigator.storage?.persist?.()) ?? false);
    } catch {
      this.#persisted = false;
    }
  }

  async #load(id: string): Promise<boolean> {
    const loaded = await this.#store!.load(id);
    if (!loaded.ok) {
      const name = this.#list.find((w) => w.id === id)?.name ?? id;
      this.#notice = `Arbejdsområdet »${name}« kunne ikke åbnes: ${loaded.error.message}`;
      return false;
    }
    this.#adopt(id, loaded.value.data, loaded.value.revision);
    await this.#store!.setMeta('lastWorkspaceId', id).catch(() => {}); // a convenience; never worth an error
    return true;
  }

  #adopt(id: string, data: WorkspaceData, revision: number) {
    this.#id = id;
    this.#data = data;
    this.#revision = revision;
    this.#newestSeen = revision;
    this.#pending = [];
    this.#unstored = false;
    this.#fault = null;
    this.#resetHistory();
    this.#message = null;
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
        return r.ok ? r.value : null;
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
    this.#edits++;
    this.#pending = [...this.#pending, edit];
    void this.#flush();
  }

  /** Writes what is pending, one transaction at a time; edits made meanwhile go into the next. */
  #flush(): Promise<void> {
    if (this.#flushing) return this.#flushing;
    const run = (async () => {
      await null; // let #flushing be set before anything else happens
      try {
        while (this.#pending.length && this.#id && this.#store && !this.#blocked && !this.#fault) await this.#writeOnce();
      } finally {
        this.#writing = false;
      }
    })();
    const done = run.then(
      () => {
        this.#flushing = null;
        void this.#catchUp();
      },
      () => {
        this.#flushing = null;
      },
    );
    this.#flushing = done;
    return done;
  }

  async #writeOnce() {
    const store = this.#store!;
    const edits = this.#pending;
    this.#pending = [];
    const id = this.#id!;
    const data = this.#data;
    this.#writing = true;
    if (this.#unstored) {
      const created = await store.create(id, data);
      if (!created.ok) {
        this.#pending = [...edits, ...this.#pending];
        this.#fault = created.error;
        return;
      }
      this.#unstored = false;
      this.#revision = created.value.revision;
      this.#fault = null;
      await this.#refreshList(true);
      return;
    }
    let dropped = 0;
    const result = await store.save(id, this.#revision, data, (stored) => {
      if (edits.some((e) => !e.replayable)) return null;
      dropped = 0;
      return edits.reduce((ws, e) => e.apply(ws) ?? (dropped++, ws), stored);
    });
    if (id !== this.#id) return;
    if (result.ok) {
      this.#revision = result.value.revision;
      this.#newestSeen = Math.max(this.#newestSeen, this.#revision);
      this.#fault = null;
      if (result.value.rebased) this.#adoptMerged(result.value.data, dropped);
      this.#channel?.post({ type: 'saved', id, revision: this.#revision });
      if (this.#data.name !== this.#list.find((w) => w.id === id)?.name) await this.#refreshList(true);
      return;
    }
    if (result.error.kind === 'conflict') {
      await this.#recoverFromConflict(id);
      return;
    }
    this.#pending = [...edits, ...this.#pending];
    this.#fault = result.error;
    if (result.error.kind === 'newer-version') this.#newerVersionElsewhere();
  }

  /**
   * Another tab wrote first and our edits were replayed on its state. Edits made while
   * that write was under way are replayed on the merged state too; undo/redo cannot be.
   */
  #adoptMerged(merged: WorkspaceData, dropped: number) {
    let ws = merged;
    let lost = dropped;
    const keep: PendingEdit[] = [];
    for (const e of this.#pending) {
      const next = e.replayable ? e.apply(ws) : null;
      if (next) {
        ws = next;
        keep.push(e);
      } else lost++;
    }
    this.#data = ws;
    this.#pending = keep;
    this.#resetHistory();
    this.#notice =
      'Arbejdsområdet var ændret i en anden fane; dine ændringer er flettet ind i den nyeste udgave.' +
      (lost ? ` ${plural(lost, 'ændring', 'ændringer')} passede ikke længere og er ikke gemt.` : '');
  }

  /** A write that could not be replayed (undo/redo on a stale state): take the newest state and replay what can be. */
  async #recoverFromConflict(id: string) {
    const loaded = await this.#store!.load(id);
    if (!loaded.ok) {
      this.#fault = { kind: 'conflict', message: `Arbejdsområdet er ændret i en anden fane, og den nyeste udgave kunne ikke hentes: ${loaded.error.message}` };
      return;
    }
    this.#revision = loaded.value.revision;
    this.#newestSeen = Math.max(this.#newestSeen, this.#revision);
    this.#adoptMerged(loaded.value.data, 0);
    this.#notice =
      'Arbejdsområdet var ændret i en anden fane, så din fortryd eller gentag kunne ikke gemmes; den nyeste udgave vises nu.' +
      (this.#pending.length ? ' Dine ændringer derefter er flettet ind.' : '');
  }

  /** Tries again after a storage fault (e.g. once space is freed). */
  async retrySave() {
    if (this.#blocked) return;
    this.#fault = null;
    await this.#flush();
  }

  /** Starts writing what is pending; called on `pagehide`, when there is no time to wait. */
  flush() {
    void this.#flush();
  }

  /** Resolves once everything pending is written (or has failed). */
  async settle() {
    while (this.#flushing) await this.#flushing;
  }

  #newerVersionElsewhere() {
    this.#blocked = true;
    this.#fatal = NEWER_VERSION;
  }

  async #onMessage(m: SyncMessage) {
    if (m.type === 'list-changed') {
      await this.#refreshList(false);
      if (!this.#id || this.#list.some((w) => w.id === this.#id)) return;
      if (this.#pending.length || this.#fault) {
        // deleted elsewhere while this tab had unsaved edits: keep them, and store the workspace anew
        this.#unstored = true;
        this.#list = [...this.#list, { id: this.#id, name: this.#data.name, updatedAt: '' }];
        this.#notice = 'Arbejdsområdet blev slettet i en anden fane, men her var ændringer, der ikke var gemt. Det gemmes igen.';
        this.#fault = null;
        void this.#flush();
        return;
      }
      this.#notice = 'Arbejdsområdet blev slettet i en anden fane.';
      const first = this.#list[0];
      if (first) await this.#load(first.id);
      return;
    }
    if (m.id !== this.#id) return;
    this.#newestSeen = Math.max(this.#newestSeen, m.revision);
    await this.#catchUp();
  }

  /** Takes over a newer state from another tab, unless our own edits are on their way (they will be replayed on it). */
  async #catchUp() {
    const id = this.#id;
    if (!id || this.#newestSeen <= this.#revision || this.#flushing || this.#pending.length || this.#unstored) return;
    const edits = this.#edits;
    const loaded = await this.#store!.load(id);
    if (!loaded.ok || edits !== this.#edits || id !== this.#id || this.#pending.length) return;
    const hadHistory = this.#canUndo || this.#canRedo;
    this.#adopt(id, loaded.value.data, loaded.value.revision);
    if (hadHistory) this.#notice = 'Arbejdsområdet er ændret i en anden fane, og denne fane viser nu den nyeste udgave. Fortryd-historikken er derfor nulstillet.';
  }

  async #refreshList(announce: boolean) {
    if (!this.#store) return;
    try {
      const list = await this.#store.list();
      const current = this.#id;
      this.#list = this.#unstored && current && !list.some((w) => w.id === current) ? [...list, { id: current, name: this.#data.name, updatedAt: '' }] : list;
      if (announce) this.#channel?.post({ type: 'list-changed' });
    } catch {
      // the list is a convenience; the open workspace is unaffected
    }
  }

  /** Saves what is pending before the open workspace changes; refuses if it cannot be saved. */
  async #leaveCurrent(): Promise<string | null> {
    await this.settle();
    if ((this.#pending.length || this.#unstored) && this.#store?.persistent)
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
    const current = id === this.#id;
    if (current) await this.settle();
    const name = this.#list.find((w) => w.id === id)?.name ?? '';
    const keep = current ? this.#data : await this.#store!.load(id).then((r) => (r.ok ? r.value.data : null));
    const removed = await this.#store!.remove(id);
    if (!removed.ok) return removed.error.message;
    this.#deleted = keep ? { name, data: keep } : null;
    if (current) {
      // what was not written yet is kept with the deleted copy
      this.#pending = [];
      this.#unstored = false;
      this.#fault = null;
    }
    await this.#refreshList(true);
    if (!current) return null;
    const next = this.#list.find((w) => w.id !== id);
    if (next && (await this.#load(next.id))) return null;
    await this.#startWith(emptyWorkspace('Min kommune'));
    return null;
  }

  async restoreDeleted(): Promise<string | null> {
    const d = this.#deleted;
    if (!d) return null;
    const error = await this.#createAndOpen(d.data);
    if (!error) this.#deleted = null;
    return error;
  }

  dismissDeleted() {
    this.#deleted = null;
  }

  /** Reads an import file and stores it as a new workspace; on any failure nothing changes. */
  async importText(text: string): Promise<string | null> {
    if (this.#blocked) return NEWER_VERSION.message;
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
