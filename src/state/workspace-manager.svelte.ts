import type { Catalogue } from '../domain/catalogue';
import { err, ok, type Result } from '../domain/result';
import { isolate } from '../domain/text';
import { demoWorkspace, emptyWorkspace, newId, renameWorkspace, UndoHistory, type WorkspaceData } from '../domain/workspace';
import { checkWritable, exportFileName, readWorkspaceText, repairDocument, serializeDocument, toDocument, type ReadError } from '../document';
import {
  BLOCKED,
  DB_NAME,
  MemoryRepository,
  NO_ANSWER,
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

  readonly #patienceMs: number;

  /** `open` replaces IndexedDB (tests); `dbName` and `patienceMs` tune the default. */
  constructor(catalogue: Catalogue, open?: OpenStore | null, { patienceMs = OPEN_PATIENCE_MS, dbName = DB_NAME } = {}) {
    this.catalogue = catalogue;
    this.#patienceMs = patienceMs;
    this.#open =
      open ??
      (async (onBlocked) => new WorkspaceRepository(await openDatabase(() => this.#newerVersionElsewhere(), dbName, onBlocked), catalogue));
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

  /**
   * Opens storage, then the last used workspace; on the very first start, the demo.
   * When the open is blocked (an old tab will not let go) or does not answer, the app
   * carries on in memory and moves to storage as soon as it answers.
   */
  async init(): Promise<void> {
    let blocked = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const gaveUp = new Promise<'gave-up'>((resolve) => (timer = setTimeout(() => resolve('gave-up'), this.#patienceMs)));
    const opening = this.#open(() => (blocked = true));
    let first: WorkspaceStore | 'gave-up';
    try {
      first = await Promise.race([opening, gaveUp]);
    } catch (e) {
      this.#fatal = storageError(e).kind === 'newer-version' ? NEWER_VERSION : UNAVAILABLE;
      first = new MemoryRepository(this.catalogue);
    } finally {
      clearTimeout(timer);
    }
    if (first === 'gave-up') {
      this.#fatal = blocked ? BLOCKED : NO_ANSWER;
      this.#waitingForStorage = true;
      this.#store = new MemoryRepository(this.catalogue);
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
      this.#store = new MemoryRepository(this.catalogue);
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
      if (!loaded.ok || (loaded.value.revision === 1 && w.name === STAND_IN && isBlank(loaded.value.data))) continue;
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
    this.#id = id;
    this.#data = data;
    this.#revision = 0;
    this.#unstored = true;
    this.#list = [...this.#list, { id, name: data.name, updatedAt: '' }];
    this.#fault = error;
    this.#pending = [{ apply: () => data, replayable: false }];
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
    // the write gate, before anything changes: what is accepted here will open again
    // (given the data it was edited from, the gate checks only what the edit changed)
    const writable = checkWritable(result.value, this.catalogue, this.#data);
    if (!writable.ok) return `Ændringen er ikke foretaget, fordi arbejdsområdet så ikke kunne gemmes: ${writable.error.message}`;
    this.#history.record(this.#data);
    this.#syncHistory();
    this.#data = writable.value;
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
    if (await this.#load(id)) return null;
    const damaged = this.#damaged.find((d) => d.id === id);
    return damaged
      ? `»${isolate(damaged.name)}« er beskadiget og kan ikke åbnes, som det er. Under »Beskadigede arbejdsområder« kan du reparere det eller eksportere de rå data.`
      : this.#notice;
  }

  async #createAndOpen(data: WorkspaceData): Promise<string | null> {
    if (this.#blocked) return NEWER_VERSION.message;
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
    this.#importDetail = null;
    if (this.#blocked) return NEWER_VERSION.message;
    const read = readWorkspaceText(text, this.catalogue);
    if (!read.ok) {
      this.#importDetail = read.error.path ? `${read.error.step}: ${read.error.path}` : read.error.step;
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
      this.#resetHistory();
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

  close() {
    this.#channel?.close();
  }
}
