import { SvelteMap } from 'svelte/reactivity';
import type * as Y from 'yjs';
import type { Catalogue } from '../domain/catalogue';
import { err, ok, type Result } from '../domain/result';
import { isolate } from '../domain/text';
import { demoWorkspace, emptyWorkspace, freeWorkspaceName, newId, renameWorkspace, workspaceNameTaken, type WorkspaceData } from '../domain/workspace';
import { checkWritable, exportFileName, readErrorDetail, readWorkspaceText, repairDocument, serializeDocument, toDocument, type ReadError } from '../document';
import { DB_NAME, openDatabase } from '../persistence/db';
import { BLOCKED, NEWER_VERSION, NO_ANSWER, storageError, UNAVAILABLE, type StorageError } from '../persistence/errors';
import { SyncChannel, type SyncMessage } from '../persistence/sync-channel';
import type { LoadedWorkspace, WorkspaceStore, WorkspaceSummary } from '../persistence/workspace-repository';
import { FROM_STORAGE, FROM_TAB, LOCAL_ORIGIN } from '../sync/origins';

/** Yjs and the stores, loaded once, before storage is opened (see workspace-runtime.ts). */
let runtime: typeof import('./workspace-runtime') | null = null;
const loadRuntime = async () => (runtime ??= await import('./workspace-runtime'));
/** The runtime, once `init` has loaded it: nothing that uses it runs before. */
const rt = () => {
  if (!runtime) throw new Error('WorkspaceManager.init has not run');
  return runtime;
};
/** After this many stored updates, the next write makes a new checkpoint. */
const CHECKPOINT_EVERY = 200;

export type SaveState = 'loading' | 'saved' | 'saving' | 'error' | 'memory';

/** A workspace in the list that is stored but fails the rules, with what is wrong. */
export interface DamagedWorkspace {
  id: string;
  name: string;
  reason: string;
}

/** The last repair, with what it changed, kept so it can be undone. */
export interface RepairReport {
  id: string;
  name: string;
  changes: string[];
  before: unknown;
}

/** How long an open of IndexedDB may go unanswered before the app carries on in memory. */
export const OPEN_PATIENCE_MS = 3000;

/** The name of the stand-in workspace used while storage does not answer. */
const STAND_IN = 'Midlertidigt arbejdsområde';

/** Opens the store; `onBlocked` is called when an older connection holds up the open. */
export type OpenStore = (onBlocked: () => void) => Promise<WorkspaceStore>;

const isBlank = (ws: WorkspaceData) => !ws.people.length && !ws.orgUnits.length && !ws.systems.length && !ws.assignments.length;

/** An edit: a pure function of the workspace, whose result goes through the write gate. */
export type Edit = (ws: WorkspaceData) => Result<WorkspaceData, string> | WorkspaceData;
const asResult = (r: Result<WorkspaceData, string> | WorkspaceData): Result<WorkspaceData, string> =>
  'ok' in r && typeof r.ok === 'boolean' ? (r as Result<WorkspaceData, string>) : ok(r as WorkspaceData);

/** What a read-only link allows, said when an edit is tried. */
export const READ_ONLY = 'Arbejdsområdet er skrivebeskyttet: du har et link, der kun giver adgang til at se.';

/**
 * The open workspace and the list of workspaces. The open workspace is a Yjs document:
 * every edit goes into it at once, and its update (only that) is written in its own
 * transaction and sent to the other tabs; anything that arrives in the doc from elsewhere
 * (a tab, a sync server) is stored and shown the same way. Nothing is written before the
 * first load.
 */
export class WorkspaceManager {
  readonly catalogue: Catalogue;
  #store: WorkspaceStore | null = null;
  #channel: SyncChannel | null = null;
  #open: OpenStore;
  #damaged = $state.raw<DamagedWorkspace[]>([]);
  #repair = $state.raw<RepairReport | null>(null);
  /** True while storage did not answer and the app works in memory until it does. */
  #waitingForStorage = $state(false);
  /** Read right after a refused import by the caller; nothing renders it, so it is not reactive. */
  #importDetail: string | null = null;

  #loading = $state(true);
  #list = $state.raw<WorkspaceSummary[]>([]);
  #id = $state<string | null>(null);
  #data = $state.raw<WorkspaceData>(emptyWorkspace(''));
  #doc = $state.raw<Y.Doc | null>(null);
  #undoManager: Y.UndoManager | null = null;
  /** Keys of stored updates this tab holds in its doc; a checkpoint replaces exactly these. */
  #keys = new Set<number>();
  /** The checkpoint the open doc holds (see WorkspaceStore.compact). */
  #revision = 0;
  #ignored = $state.raw<string[]>([]);
  #readOnly = $state(false);
  /** A fault of the last write (quota, ...): cleared when a write succeeds. */
  #fault = $state.raw<StorageError | null>(null);
  /** A lasting condition: no storage at all, or a newer version elsewhere. */
  #fatal = $state.raw<StorageError | null>(null);
  #blocked = $state(false);
  #notice = $state<string | null>(null);
  #message = $state<string | null>(null);
  #persisted = $state<boolean | null>(null);
  #canUndo = $state(false);
  #canRedo = $state(false);
  /** Updates of the open doc not stored yet. */
  #pending = $state.raw<Uint8Array[]>([]);
  #writing = $state(false);
  #flushing: Promise<void> | null = null;
  /** True while the open workspace exists only in memory (storing it failed, or it was deleted elsewhere). */
  #unstored = false;
  #deleted = $state.raw<{ name: string; data: WorkspaceData } | null>(null);
  /** The empty workspace opened because the last one was deleted, as it was made. */
  #placeholder: { id: string; data: WorkspaceData } | null = null;
  /** Text typed into a field that commits it when the user pauses or leaves (ui/common/draft-text.ts), with how to commit it now. */
  #drafts = new SvelteMap<object, () => void>();
  #nameChange = $state.raw<{ asked: string; given: string } | null>(null);

  readonly #patienceMs: number;

  /** `open` replaces IndexedDB (tests); `dbName` and `patienceMs` tune the default. */
  constructor(catalogue: Catalogue, open?: OpenStore | null, { patienceMs = OPEN_PATIENCE_MS, dbName = DB_NAME } = {}) {
    this.catalogue = catalogue;
    this.#patienceMs = patienceMs;
    this.#open =
      open ??
      (async (onBlocked) => new (await loadRuntime()).WorkspaceRepository(await openDatabase(() => this.#newerVersionElsewhere(), dbName, onBlocked), catalogue));
  }

  get list() { return this.#list; }
  get id() { return this.#id; }
  get data() { return this.#data; }
  /** The open workspace's Yjs document (a new one after a switch): whatever is applied to it is shown, stored and shared. */
  get doc() { return this.#doc; }
  /** In Danish, what the doc holds (sent from elsewhere) that breaks a rule and is left out. */
  get remoteIssues() { return this.#ignored; }
  /** True for a read-only shared link: no edit, undo or import into this workspace. */
  get readOnly() { return this.#readOnly; }
  set readOnly(value: boolean) { this.#readOnly = value; }
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
  /** True once storage has answered (or been given up on): workspaces can be created and imported. */
  get loaded() { return !this.#loading; }
  /** Stored workspaces that fail the rules: listed, never hidden, and offered for repair. */
  get damaged() { return this.#damaged; }
  get repairReport() { return this.#repair; }
  get waitingForStorage() { return this.#waitingForStorage; }
  get saveState(): SaveState {
    if (this.#loading) return 'loading';
    if (!this.#store?.persistent) return 'memory';
    if (this.#blocked || this.#fault) return 'error';
    // typed text counts as an edit on its way: it is committed at the next pause, and then written
    if (this.#writing || this.#pending.length || this.#drafts.size) return 'saving';
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

  /**
   * Opens storage, then the last used workspace; on the very first start, the demo.
   * When the open is blocked (an old tab will not let go) or does not answer, the app
   * carries on in memory and moves to storage as soon as it answers.
   */
  async init(): Promise<void> {
    await loadRuntime();
    let blocked = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const gaveUp = new Promise<'gave-up'>((resolve) => (timer = setTimeout(() => resolve('gave-up'), this.#patienceMs)));
    const opening = this.#open(() => (blocked = true));
    let first: WorkspaceStore | 'gave-up';
    try {
      first = await Promise.race([opening, gaveUp]);
    } catch (e) {
      this.#fatal = storageError(e).kind === 'newer-version' ? NEWER_VERSION : UNAVAILABLE;
      first = new (rt().MemoryRepository)(this.catalogue);
    } finally {
      clearTimeout(timer);
    }
    if (first === 'gave-up') {
      this.#fatal = blocked ? BLOCKED : NO_ANSWER;
      this.#waitingForStorage = true;
      this.#store = new (rt().MemoryRepository)(this.catalogue);
      await this.#startWith(emptyWorkspace(STAND_IN));
      this.#loading = false;
      opening.then(
        (store) => void this.#connect(store),
        (e) => {
          this.#waitingForStorage = false;
          this.#fatal = storageError(e).kind === 'newer-version' ? NEWER_VERSION : UNAVAILABLE;
        },
      );
      return;
    }
    await this.#useStore(first);
    this.#loading = false;
  }

  async #useStore(store: WorkspaceStore) {
    this.#store = store;
    if (this.#store.persistent) {
      this.#channel = new SyncChannel((m) => void this.#onMessage(m));
      void this.#askPersistence();
    }
    try {
      await this.#openInitial();
    } catch (e) {
      // storage opened but then failed: carry on in memory rather than not at all
      this.#fatal = { kind: 'unavailable', message: `${storageError(e).message} ${UNAVAILABLE.message}` };
      this.#store = new (rt().MemoryRepository)(this.catalogue);
      this.#channel?.close();
      this.#channel = null;
      await this.#openInitial();
    }
  }

  /** Storage answered after the app gave up waiting: keep what was done in memory, then work from storage. */
  async #connect(store: WorkspaceStore) {
    await this.settle();
    // no edits while the work moves over: one made now would stay behind in memory
    this.#loading = true;
    const memory = this.#store!;
    const carried: string[] = [];
    for (const w of await memory.list()) {
      const loaded = await memory.load(w.id);
      // the untouched stand-in is not worth keeping; anything edited or made is
      if (!loaded.ok || (loaded.value.keys.length === 0 && w.name === STAND_IN && isBlank(loaded.value.data))) continue;
      const created = await store.create(w.id, loaded.value.data);
      if (!created.ok) {
        // never silently: stay in memory, where the work still is, and say why
        this.#loading = false;
        this.#waitingForStorage = false;
        this.#fatal = {
          kind: created.error.kind,
          message: `Browserens lager svarer nu, men det, du lavede imens, kunne ikke gemmes der: ${created.error.message} Eksportér arbejdsområdet for at beholde det.`,
        };
        return;
      }
      carried.push(w.id);
    }
    const openId = this.#id;
    this.#fatal = null;
    this.#pending = [];
    this.#id = null;
    this.#list = [];
    await this.#useStore(store);
    if (openId && carried.includes(openId) && this.#id !== openId) await this.#load(openId);
    this.#loading = false;
    this.#waitingForStorage = false;
    this.#notice =
      'Browserens lager svarer nu, og Rollekort gemmer igen.' +
      (carried.length ? ` Det, du lavede imens, er gemt (${carried.length === 1 ? '1 arbejdsområde' : `${carried.length} arbejdsområder`}).` : '');
  }

  async #openInitial(): Promise<void> {
    const store = this.#store!;
    const list = await store.list();
    if (list.length === 0) {
      const id = newId('w');
      const first = await store.createFirst(id, (demoBefore) => (demoBefore ? emptyWorkspace('Min kommune') : demoWorkspace()));
      if (first.ok && first.value === null) return this.#openInitial(); // another tab made the first one
      if (first.ok) {
        await this.#refreshList(true);
        await this.#load(id);
      } else this.#keepUnstored(id, demoWorkspace(), first.error);
      return;
    }
    this.#list = list;
    const last = await store.getMeta('lastWorkspaceId').catch(() => undefined);
    const order = [...new Set([last, ...list.map((w) => w.id)])].filter((id): id is string => list.some((w) => w.id === id));
    for (const id of order)
      if (await this.#load(id)) {
        void this.#findDamaged();
        return;
      }
    // when none opens, none is hidden behind a new one: the list shows them as damaged, to repair
  }

  /** Checks the workspaces not opened yet, so that damaged ones show in the list before anyone picks them. */
  async #findDamaged() {
    for (const w of this.#list) {
      if (w.id === this.#id || this.#damaged.some((d) => d.id === w.id)) continue;
      const loaded = await this.#store!.load(w.id).catch(() => null);
      if (loaded && !loaded.ok) this.#markDamaged(w.id, loaded.error);
    }
  }

  #markDamaged(id: string, error: StorageError | ReadError) {
    if (!('step' in error)) return; // a storage fault, not damage
    const name = this.#list.find((w) => w.id === id)?.name ?? id;
    this.#damaged = [...this.#damaged.filter((d) => d.id !== id), { id, name, reason: error.message }];
  }

  /** Stores and opens a new workspace; if storing fails (e.g. quota), keeps it in memory to store on retry. */
  async #startWith(data: WorkspaceData) {
    const id = newId('w');
    const created = await this.#store!.create(id, data);
    if (!created.ok) return this.#keepUnstored(id, data, created.error);
    await this.#refreshList(true);
    await this.#load(id);
  }

  #keepUnstored(id: string, data: WorkspaceData, error: StorageError) {
    const doc = rt().docFromWorkspace(data);
    this.#adopt({ id, doc, data, ignored: [], keys: [], revision: 0 });
    this.#unstored = true;
    this.#list = [...this.#list, { id, name: data.name, updatedAt: '' }];
    this.#fault = error;
    this.#pending = [rt().Y.encodeStateAsUpdate(doc)];
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
      // damage is shown in the list of damaged workspaces, with what to do; a storage fault here
      if ('step' in loaded.error) this.#markDamaged(id, loaded.error);
      else this.#notice = `Arbejdsområdet »${isolate(this.#list.find((w) => w.id === id)?.name ?? id)}« kunne ikke åbnes: ${loaded.error.message}`;
      return false;
    }
    this.#adopt(loaded.value);
    await this.#store!.setMeta('lastWorkspaceId', id).catch(() => {}); // a convenience; never worth an error
    return true;
  }

  /** Makes a loaded workspace the open one: its doc is watched, and undo starts afresh. */
  #adopt({ id, doc, data, ignored, keys, revision }: LoadedWorkspace) {
    this.#detach();
    this.#id = id;
    this.#doc = doc;
    this.#data = data;
    this.#ignored = ignored;
    this.#keys = new Set(keys);
    this.#revision = revision;
    this.#pending = [];
    this.#unstored = false;
    this.#fault = null;
    this.#message = null;
    doc.on('update', this.#onUpdate);
    // undo takes back this user's own edits only, one edit at a time
    const undo = new (rt().Y.UndoManager)(rt().sharedTypes(doc), { trackedOrigins: new Set([LOCAL_ORIGIN]), captureTimeout: 0 });
    const sync = () => this.#syncHistory();
    undo.on('stack-item-added', sync);
    undo.on('stack-item-popped', sync);
    undo.on('stack-cleared', sync);
    this.#undoManager = undo;
    this.#syncHistory();
  }

  #detach() {
    this.#undoManager?.destroy();
    this.#undoManager = null;
    this.#doc?.off('update', this.#onUpdate);
    this.#doc?.destroy();
    this.#doc = null;
  }

  #syncHistory() {
    this.#canUndo = (this.#undoManager?.undoStack.length ?? 0) > 0;
    this.#canRedo = (this.#undoManager?.redoStack.length ?? 0) > 0;
  }

  /**
   * Every update of the open doc: this user's edits, undo and redo, another tab's, a sync
   * server's. All but what came from storage or another tab (which stored it) are stored
   * and sent to the other tabs; all but this user's own edits are read back, checked.
   */
  #onUpdate = (update: Uint8Array, origin: unknown, doc: Y.Doc) => {
    if (doc !== this.#doc) return;
    if (origin !== FROM_STORAGE && origin !== FROM_TAB) {
      this.#pending = [...this.#pending, update];
      if (this.#id) this.#channel?.post({ type: 'update', id: this.#id, update });
      void this.#flush();
    }
    if (origin !== LOCAL_ORIGIN && !this.#rereadDue) {
      // a burst of updates (a server catching up, a tab's undo) is read back once
      this.#rereadDue = true;
      queueMicrotask(() => this.#reread());
    }
  };
  #rereadDue = false;

  /** The view of the doc after a change from elsewhere: what breaks a rule is left out and said. */
  #reread() {
    this.#rereadDue = false;
    if (!this.#doc) return;
    const view = rt().readWorkspace(this.#doc, this.catalogue);
    this.#data = view.data;
    this.#ignored = view.ignored;
  }

  /** Applies an edit; returns a Danish error (and changes nothing) when it does not apply. */
  edit(edit: Edit): string | null {
    if (!this.ready || !this.#doc) return 'Arbejdsområdet er ikke indlæst endnu.';
    if (this.#readOnly) return READ_ONLY;
    const result = asResult(edit(this.#data));
    if (!result.ok) return result.error;
    if (result.value === this.#data) return null;
    // the write gate, before anything changes: what is accepted here will open again
    // (given the data it was edited from, the gate checks only what the edit changed)
    const writable = checkWritable(result.value, this.catalogue, this.#data);
    if (!writable.ok) return `Ændringen er ikke foretaget, fordi arbejdsområdet så ikke kunne gemmes: ${writable.error.message}`;
    const before = this.#data;
    this.#data = writable.value;
    rt().applyEdit(this.#doc, before, result.value, LOCAL_ORIGIN, writable.value);
    return null;
  }

  undo() {
    if (this.#readOnly || !this.#undoManager?.undoStack.length) return;
    this.#undoManager.undo();
    this.#reread();
    this.#message = 'Den seneste ændring er fortrudt.';
  }

  redo() {
    if (this.#readOnly || !this.#undoManager?.redoStack.length) return;
    this.#undoManager.redo();
    this.#reread();
    this.#message = 'Ændringen er gentaget.';
  }

  /** Writes what is pending, one transaction at a time; updates made meanwhile go into the next. */
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
    const updates = this.#pending;
    this.#pending = [];
    const id = this.#id!;
    const doc = this.#doc!;
    this.#writing = true;
    if (this.#unstored) {
      const created = await store.create(id, this.#data);
      // the doc's own state is what is kept, so that what others merge with stays the same doc
      const stored = created.ok ? await store.compact(id, doc, [], created.value.revision) : created;
      if (!stored.ok) {
        this.#pending = [...updates, ...this.#pending];
        this.#fault = stored.error;
        return;
      }
      this.#unstored = false;
      this.#revision = stored.value;
      this.#fault = null;
      await this.#refreshList(true);
      return;
    }
    const update = updates.length === 1 ? updates[0]! : rt().Y.mergeUpdates(updates);
    const result = await store.append(id, update);
    if (id !== this.#id) return;
    if (!result.ok) {
      this.#pending = [update, ...this.#pending];
      this.#fault = result.error;
      if (result.error.kind === 'newer-version') this.#newerVersionElsewhere();
      return;
    }
    this.#keys.add(result.value);
    this.#fault = null;
    const renamed = this.#data.name !== this.#list.find((w) => w.id === id)?.name;
    if (renamed || this.#keys.size >= CHECKPOINT_EVERY) await this.#checkpoint(id, doc);
    if (renamed) await this.#refreshList(true);
  }

  /** A new checkpoint of the open doc, replacing the updates it holds; a failure only postpones it. */
  async #checkpoint(id: string, doc: Y.Doc) {
    const keys = [...this.#keys];
    const done = await this.#store!.compact(id, doc, keys, this.#revision);
    if (!done.ok || id !== this.#id) return;
    for (const k of keys) this.#keys.delete(k);
    this.#revision = done.value;
  }

  /** Tries again after a storage fault (e.g. once space is freed). */
  async retrySave() {
    if (this.#blocked) return;
    this.#fault = null;
    await this.#flush();
  }

  /** Starts writing what is pending, typed text included; called on `pagehide`, when there is no time to wait. */
  flush() {
    this.commitDrafts();
    void this.#flush();
  }

  /** A field holds typed text not committed yet; `commit` commits it. */
  holdDraft(key: object, commit: () => void) {
    this.#drafts.set(key, commit);
  }

  releaseDraft(key: object) {
    this.#drafts.delete(key);
  }

  /** Commits the text every field holds, as if the user had left it. */
  commitDrafts() {
    for (const commit of [...this.#drafts.values()]) commit();
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
    if (m.id !== this.#id || !this.#doc) return;
    rt().Y.applyUpdate(this.#doc, m.update, FROM_TAB);
  }

  /** Takes in what other tabs stored that this tab has not seen (say, after it slept). */
  async catchUp() {
    const id = this.#id;
    if (!id || !this.#store || this.#unstored) return;
    const since = await this.#store.updatesSince(id, this.#keys, this.#revision);
    if (!since.ok || id !== this.#id || !this.#doc) return;
    const doc = this.#doc;
    doc.transact(() => {
      if (since.value.state) rt().Y.applyUpdate(doc, since.value.state, FROM_STORAGE);
      for (const u of since.value.updates) rt().Y.applyUpdate(doc, u.update, FROM_STORAGE);
    }, FROM_STORAGE);
    for (const u of since.value.updates) this.#keys.add(u.key);
    // a newer checkpoint is held now; the updates it dropped were in it
    this.#revision = since.value.revision;
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
    if (await this.#load(id)) return null;
    const damaged = this.#damaged.find((d) => d.id === id);
    return damaged
      ? `»${isolate(damaged.name)}« er beskadiget og kan ikke åbnes, som det er. Under »Beskadigede arbejdsområder« kan du reparere det eller eksportere de rå data.`
      : this.#notice;
  }

  /**
   * Stores `data` as a new workspace and opens it. A name another workspace has is given a
   * free " (n)" suffix, so the list can tell them apart; `nameChange` says when that happened.
   */
  async #createAndOpen(data: WorkspaceData): Promise<string | null> {
    this.#nameChange = null;
    if (this.#blocked) return NEWER_VERSION.message;
    const blocked = await this.#leaveCurrent();
    if (blocked) return blocked;
    const name = freeWorkspaceName(data.name, this.#list.map((w) => w.name));
    const created = await this.#store!.create(newId('w'), name === data.name ? data : { ...data, name });
    if (created.ok && name !== data.name) this.#nameChange = { asked: data.name, given: name };
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

  /** The name the last created, duplicated, restored or imported workspace was given instead of its own, because that was taken. */
  get nameChange() {
    return this.#nameChange;
  }

  /** Renames the open workspace; a name another workspace has is refused, so the list can tell them apart. */
  rename(name: string): string | null {
    const taken = workspaceNameTaken(name, this.#list.filter((w) => w.id !== this.#id).map((w) => w.name));
    if (taken) return taken;
    return this.edit((ws) => renameWorkspace(ws, name));
  }

  /** Deletes a workspace (the UI asks first); it can be brought back with `restoreDeleted`. */
  async deleteWorkspace(id: string): Promise<string | null> {
    if (this.#blocked) return NEWER_VERSION.message;
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
    const placeholder = emptyWorkspace('Min kommune');
    await this.#startWith(placeholder);
    this.#placeholder = this.#id ? { id: this.#id, data: placeholder } : null;
    return null;
  }

  /** Brings back the deleted workspace; the empty one made in its place goes again if it was never touched. */
  async restoreDeleted(): Promise<string | null> {
    const d = this.#deleted;
    if (!d) return null;
    const placeholder = this.#placeholder;
    const error = await this.#createAndOpen(d.data);
    if (error) return error;
    this.#deleted = null;
    this.#placeholder = null;
    if (placeholder && placeholder.id !== this.#id) {
      const stored = await this.#store!.load(placeholder.id);
      if (stored.ok && JSON.stringify(stored.value.data) === JSON.stringify(placeholder.data)) {
        await this.#store!.remove(placeholder.id);
        await this.#refreshList(true);
      }
    }
    return null;
  }

  dismissDeleted() {
    this.#deleted = null;
  }

  /** Reads an import file and stores it as a new workspace; on any failure nothing changes. */
  async importText(text: string): Promise<string | null> {
    this.#importDetail = null;
    if (this.#blocked) return NEWER_VERSION.message;
    const read = readWorkspaceText(text, this.catalogue);
    if (!read.ok) {
      this.#importDetail = readErrorDetail(read.error);
      return read.error.message;
    }
    return this.#createAndOpen(read.value.data);
  }

  /** Where the last refused import went wrong, technically (step and JSON path), for a "Detaljer" line. */
  get importDetail() {
    return this.#importDetail;
  }

  /** The stored document of a damaged workspace exactly as it is, as a file to keep or send for help. */
  async exportRaw(id: string): Promise<Result<{ fileName: string; text: string }, string>> {
    const raw = await this.#store!.raw(id);
    if (!raw.ok) return err(raw.error.message);
    const name = this.#list.find((w) => w.id === id)?.name ?? 'arbejdsomraade';
    return ok({ fileName: exportFileName(name).replace(/\.rollekort\.json$/, '.raa-data.json'), text: `${JSON.stringify(raw.value, null, 2)}\n` });
  }

  /** Repairs a damaged workspace (the old document is kept as a backup), opens it and reports what changed. */
  async repair(id: string): Promise<string | null> {
    if (this.#blocked) return NEWER_VERSION.message;
    const raw = await this.#store!.raw(id);
    if (!raw.ok) return raw.error.message;
    const repaired = repairDocument(raw.value, this.catalogue);
    if (!repaired.ok) return repaired.error.message;
    const left = await this.#leaveCurrent();
    if (left) return left;
    const replaced = await this.#store!.replace(id, repaired.value.data);
    if (!replaced.ok) return replaced.error.message;
    this.#damaged = this.#damaged.filter((d) => d.id !== id);
    this.#repair = { id, name: repaired.value.data.name, changes: repaired.value.changes, before: replaced.value.before };
    await this.#refreshList(true);
    await this.#load(id);
    this.#notice = null;
    return null;
  }

  /** Puts the damaged document back as it was before the repair; it shows as damaged again. */
  async undoRepair(): Promise<string | null> {
    const report = this.#repair;
    if (!report) return null;
    if (this.#blocked) return NEWER_VERSION.message;
    await this.settle();
    const restored = await this.#store!.restoreRaw(report.id, report.before);
    if (!restored.ok) return restored.error.message;
    this.#repair = null;
    await this.#refreshList(true);
    const loaded = await this.#store!.load(report.id);
    if (!loaded.ok) this.#markDamaged(report.id, loaded.error);
    if (this.#id === report.id) {
      this.#id = null;
      this.#detach();
      const next = this.#list.find((w) => !this.#damaged.some((d) => d.id === w.id));
      if (next) await this.#load(next.id);
    }
    return null;
  }

  dismissRepair() {
    this.#repair = null;
  }

  /** The export of the open workspace: works from memory, whatever the storage state. */
  exportCurrent(now = new Date()) {
    const doc = toDocument(this.#data, { id: 'rollegalleri', version: this.catalogue.catalogueVersion }, now);
    return { fileName: exportFileName(this.#data.name), text: serializeDocument(doc) };
  }

  /**
   * Opens the workspace with this id, creating it empty (with this name) when this browser
   * does not have it yet: how a shared link's room becomes a local workspace.
   */
  async openOrCreate(id: string, name: string): Promise<string | null> {
    if (id === this.#id) return null;
    if (this.#list.some((w) => w.id === id)) return this.switchTo(id);
    if (this.#blocked) return NEWER_VERSION.message;
    const left = await this.#leaveCurrent();
    if (left) return left;
    const fresh = renameWorkspace(emptyWorkspace(name), name);
    if (!fresh.ok) return fresh.error;
    const created = await this.#store!.create(id, fresh.value);
    if (!created.ok) return created.error.message;
    await this.#refreshList(true);
    return (await this.#load(id)) ? null : this.#notice;
  }

  /** Stops hearing other tabs (the page is going away, or a test plays a tab that is behind). */
  close() {
    this.#channel?.close();
  }
}
