import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { err } from '../domain/result';
import { addPerson, assign, demoWorkspace } from '../domain/workspace';
import { openDB } from 'idb';
import { toDocument } from '../document';
import { shippedCatalogue } from '../domain/workspace/fixtures';
import { DB_NAME, DB_VERSION, openDatabase, WorkspaceRepository, type StorageError, type WorkspaceStore } from '../persistence';
import { WorkspaceManager } from './workspace-manager.svelte';

const cat = shippedCatalogue();
let n = 0;

/** A manager on its own fresh database; `tab()` opens a second manager on the same one. */
async function setup(wrap: (s: WorkspaceStore) => WorkspaceStore = (s) => s) {
  const name = `wm-${++n}`;
  const open = async () => wrap(new WorkspaceRepository(await openDatabase(() => {}, name), cat));
  const m = new WorkspaceManager(cat, open);
  await m.init();
  return { m, open, tab: async () => { const t = new WorkspaceManager(cat, open); await t.init(); return t; } };
}

/** The store with some of its writes replaced, to bring about storage faults. */
function withFaults(store: WorkspaceStore, faults: Partial<Pick<WorkspaceStore, 'create' | 'createFirst' | 'append' | 'setMeta'>>): WorkspaceStore {
  return {
    persistent: store.persistent,
    list: () => store.list(),
    load: (id) => store.load(id),
    create: faults.create ?? ((id, d) => store.create(id, d)),
    append: faults.append ?? ((...args) => store.append(...args)),
    updatesSince: (...args) => store.updatesSince(...args),
    compact: (...args) => store.compact(...args),
    remove: (id) => store.remove(id),
    getMeta: (k) => store.getMeta(k),
    setMeta: faults.setMeta ?? ((k, v) => store.setMeta(k, v)),
    createFirst: faults.createFirst ?? ((id, make) => store.createFirst(id, make)),
    raw: (id) => store.raw(id),
    replace: (id, d) => store.replace(id, d),
    restoreRaw: (id, doc) => store.restoreRaw(id, doc),
  };
}

const addAnna = (m: WorkspaceManager) => m.edit((ws) => addPerson(ws, { name: 'Anna Andersen' }));

describe('WorkspaceManager', () => {
  it('opens the demo workspace on the very first start, and the last used one after that', async () => {
    const { m, tab } = await setup();
    expect(m.data.name).toBe('Eksempel Kommune');
    expect(m.list).toHaveLength(1);
    expect(m.saveState).toBe('saved');
    expect(await m.createWorkspace('Aarhus')).toBeNull();
    const again = await tab();
    expect(again.data.name).toBe('Aarhus');
    // Danish order: "Aa" sorts as Å, after E
    expect(again.list.map((w) => w.name)).toEqual(['Eksempel Kommune', 'Aarhus']);
  });

  it('does nothing before the first load', () => {
    const m = new WorkspaceManager(cat, async () => {
      throw new Error('never opened');
    });
    expect(addAnna(m)).toBe('Arbejdsområdet er ikke indlæst endnu.');
  });

  it('saves every edit, and a reload sees it', async () => {
    const { m, tab } = await setup();
    expect(addAnna(m)).toBeNull();
    await m.settle();
    expect(m.saveState).toBe('saved');
    const other = await tab();
    expect(other.data.people.some((p) => p.name === 'Anna Andersen')).toBe(true);
  });

  it('counts text still being typed as unsaved, and a flush (the page going) commits and writes it', async () => {
    const { m, tab } = await setup();
    await m.settle();
    const key = {};
    m.holdDraft(key, () => {
      m.releaseDraft(key);
      addAnna(m);
    });
    expect(m.saveState).toBe('saving');
    expect(m.hasUnsavedWork).toBe(true);
    m.flush();
    await m.settle();
    expect(m.saveState).toBe('saved');
    expect((await tab()).data.people.map((p) => p.name)).toContain('Anna Andersen');
  });

  it('returns a Danish error and changes nothing for an edit that does not apply', async () => {
    const { m } = await setup();
    const before = m.data;
    expect(m.edit((ws) => assign(ws, cat, 'p-anne', 'projektleder', null))).toMatch(/Vælg først et it-system/);
    expect(m.data).toBe(before);
    expect(m.canUndo).toBe(false);
  });

  it('undoes and redoes, and saves each step', async () => {
    const { m, tab } = await setup();
    addAnna(m);
    await m.settle();
    m.undo();
    await m.settle();
    expect(m.data.people.some((p) => p.name === 'Anna Andersen')).toBe(false);
    expect((await tab()).data.people.some((p) => p.name === 'Anna Andersen')).toBe(false);
    m.redo();
    await m.settle();
    expect((await tab()).data.people.some((p) => p.name === 'Anna Andersen')).toBe(true);
  });

  it('replays an edit from a stale tab on top of the newer state instead of overwriting it', async () => {
    const { m, tab } = await setup();
    const other = await tab();
    m.rename('Fra fane A');
    await m.settle();
    // `other` has not heard of the rename yet: its next write must keep it
    other.edit((ws) => addPerson(ws, { name: 'Fra fane B' }));
    await other.settle();
    const fresh = await tab();
    expect(fresh.data.name).toBe('Fra fane A');
    expect(fresh.data.people.some((p) => p.name === 'Fra fane B')).toBe(true);
    expect(other.data.name).toBe('Fra fane A');
  });

  it('picks up another tab’s change over BroadcastChannel', async () => {
    const { m, tab } = await setup();
    const other = await tab();
    addAnna(m);
    await m.settle();
    await expect.poll(() => other.data.people.some((p) => p.name === 'Anna Andersen'), { timeout: 1000 }).toBe(true);
    m.close();
    other.close();
  });

  it('keeps edits in memory on a quota fault, keeps export working, and saves on retry', async () => {
    let full = false;
    const { m, tab } = await setup((store) =>
      withFaults(store, {
        append: (...args) =>
          full ? Promise.resolve(err<StorageError>({ kind: 'quota', message: 'Der er ikke mere lagerplads til Rollekort i browseren.' })) : store.append(...args),
      }),
    );
    full = true;
    addAnna(m);
    await m.settle();
    expect(m.saveState).toBe('error');
    expect(m.error?.kind).toBe('quota');
    expect(m.data.people.some((p) => p.name === 'Anna Andersen')).toBe(true);
    expect(m.exportCurrent().text).toContain('Anna Andersen');
    expect((await tab()).data.people.some((p) => p.name === 'Anna Andersen')).toBe(false);
    full = false;
    await m.retrySave();
    await m.settle();
    expect(m.saveState).toBe('saved');
    expect((await tab()).data.people.some((p) => p.name === 'Anna Andersen')).toBe(true);
  });

  it('keeps the first workspace in memory when storing it fails, and stores it on retry', async () => {
    let full = true;
    const { m, tab } = await setup((store) =>
      withFaults(store, {
        setMeta: (k, v) => (full ? Promise.reject(new DOMException('full', 'QuotaExceededError')) : store.setMeta(k, v)),
        create: (id, d) => (full ? Promise.resolve(err({ kind: 'quota' as const, message: 'fuld' })) : store.create(id, d)),
        createFirst: (id, make) => (full ? Promise.resolve(err({ kind: 'quota' as const, message: 'fuld' })) : store.createFirst(id, make)),
      }),
    );
    expect(m.saveState).toBe('error');
    expect(m.data.name).toBe('Eksempel Kommune');
    addAnna(m);
    await m.settle();
    expect(m.saveState).toBe('error');
    full = false;
    await m.retrySave();
    await m.settle();
    expect(m.saveState).toBe('saved');
    const other = await tab();
    expect(other.data.people.some((p) => p.name === 'Anna Andersen')).toBe(true);
  });

  it('works from memory when IndexedDB cannot be opened, and says so', async () => {
    const m = new WorkspaceManager(cat, async () => {
      throw new DOMException('private mode', 'InvalidStateError');
    });
    await m.init();
    expect(m.error?.kind).toBe('unavailable');
    expect(m.saveState).toBe('memory');
    expect(m.data.name).toBe('Eksempel Kommune');
    expect(addAnna(m)).toBeNull();
    expect(m.exportCurrent().fileName).toBe('Eksempel Kommune.rollekort.json');
  });

  it('imports as a new workspace, and a bad file changes nothing', async () => {
    const { m } = await setup();
    const { text } = m.exportCurrent();
    expect(await m.importText('{"format":"nope"}')).toMatch(/ikke et Rollekort-arbejdsområde/);
    expect(m.list).toHaveLength(1);
    expect(await m.importText(text)).toBeNull();
    expect(m.list).toHaveLength(2);
    // the original is still there, so the copy is told apart by its name; all else is the same
    expect(m.nameChange).toEqual({ asked: 'Eksempel Kommune', given: 'Eksempel Kommune (2)' });
    expect(m.data.name).toBe('Eksempel Kommune (2)');
    expect(m.exportCurrent(new Date(0)).text).toBe(
      (await setup()).m.exportCurrent(new Date(0)).text.replace('"name": "Eksempel Kommune"', '"name": "Eksempel Kommune (2)"'),
    );
  });

  it('gives a new or imported workspace whose name is taken a free suffix, and refuses a rename to a taken name', async () => {
    const { m, tab } = await setup();
    expect(await m.createWorkspace('  eksempel kommune ')).toBeNull();
    expect(m.data.name).toBe('eksempel kommune (2)');
    expect(m.nameChange).toEqual({ asked: 'eksempel kommune', given: 'eksempel kommune (2)' });
    expect(await m.createWorkspace('Aarhus')).toBeNull();
    expect(m.nameChange).toBeNull();
    expect(await m.importText(m.exportCurrent().text)).toBeNull();
    expect(m.data.name).toBe('Aarhus (2)');
    expect(await m.duplicateCurrent()).toBeNull();
    expect(m.data.name).toBe('Aarhus (2) (kopi)');
    expect(m.rename('EKSEMPEL KOMMUNE')).toMatch(/^Der findes allerede et arbejdsområde med navnet »\u2068EKSEMPEL KOMMUNE\u2069«/);
    expect(m.data.name).toBe('Aarhus (2) (kopi)');
    // its own name, in other letters, is no clash
    expect(m.rename('AARHUS (2) (KOPI)')).toBeNull();
    expect(m.rename('Aalborg')).toBeNull();
    await m.settle();
    expect((await tab()).list.map((w) => w.name).sort()).toEqual(['Aalborg', 'Aarhus', 'Aarhus (2)', 'eksempel kommune (2)', 'Eksempel Kommune'].sort());
  });

  it('duplicates, renames and deletes, and a deletion can be undone', async () => {
    const { m } = await setup();
    await m.duplicateCurrent();
    expect(m.data.name).toBe('Eksempel Kommune (kopi)');
    m.rename('Kopi');
    await m.settle();
    expect(m.list.map((w) => w.name)).toContain('Kopi');
    const id = m.id!;
    expect(await m.deleteWorkspace(id)).toBeNull();
    expect(m.list.map((w) => w.name)).toEqual(['Eksempel Kommune']);
    expect(m.deleted?.name).toBe('Kopi');
    await m.restoreDeleted();
    expect(m.list.map((w) => w.name).sort()).toEqual(['Eksempel Kommune', 'Kopi']);
    expect(m.data.name).toBe('Kopi');
  });

  it('undoing the deletion of the only workspace takes away the empty one made in its place, unless it was used', async () => {
    const { m, tab } = await setup();
    await m.settle();
    expect(await m.deleteWorkspace(m.id!)).toBeNull();
    expect(m.list.map((w) => w.name)).toEqual(['Min kommune']);
    expect(await m.restoreDeleted()).toBeNull();
    expect(m.list.map((w) => w.name)).toEqual(['Eksempel Kommune']);
    expect((await tab()).list.map((w) => w.name)).toEqual(['Eksempel Kommune']);
    // used meanwhile: it is the user's now, and stays
    expect(await m.deleteWorkspace(m.id!)).toBeNull();
    expect(addAnna(m)).toBeNull();
    await m.settle();
    expect(await m.restoreDeleted()).toBeNull();
    expect(m.list.map((w) => w.name).sort()).toEqual(['Eksempel Kommune', 'Min kommune']);
  });

  it('undo takes back only this tab’s own edit, never another tab’s', async () => {
    const { m, tab } = await setup();
    const other = await tab();
    other.close(); // hears nothing, like a tab that is behind
    m.rename('Fra fane A');
    await m.settle();
    other.edit((ws) => addPerson(ws, { name: 'Fra fane B' }, 'p-b', 'u-b'));
    other.undo();
    await other.settle();
    await other.catchUp();
    expect(other.data.name).toBe('Fra fane A');
    expect(other.data.people.some((p) => p.id === 'p-b')).toBe(false);
    // and the other way round: the rename is this tab's only edit, and undo takes back just that
    other.edit((ws) => addPerson(ws, { name: 'Igen fra B' }, 'p-b2', 'u-b2'));
    await other.settle();
    await m.catchUp();
    m.undo();
    await m.settle();
    const fresh = await tab();
    expect(fresh.data.name).toBe('Eksempel Kommune');
    expect(fresh.data.people.some((p) => p.id === 'p-b2')).toBe(true);
    expect(fresh.data.people.some((p) => p.id === 'p-b')).toBe(false);
  });

  it('edits of a tab that is behind merge with the newer state: a new person and a role for them, and another tab’s rename', async () => {
    const { m, tab } = await setup();
    const other = await tab();
    other.close();
    m.rename('Fra fane A');
    await m.settle();
    other.edit((ws) => addPerson(ws, { name: 'Anna' }, 'p-anna', 'u-1'));
    other.edit((ws) => assign(ws, cat, 'p-anna', 'projektleder', 's-aula', 'a-anna'));
    await other.settle();
    const fresh = await tab();
    expect(fresh.data.name).toBe('Fra fane A');
    expect(fresh.data.assignments.find((a) => a.id === 'a-anna')).toMatchObject({ personId: 'p-anna' });
    await other.catchUp();
    expect(other.data.name).toBe('Fra fane A');
    expect(other.notice).toBeNull();
  });

  it('edits made just as another tab’s change arrives are not lost', async () => {
    const { m, tab } = await setup();
    const other = await tab();
    addAnna(m);
    await m.settle();
    other.edit((ws) => addPerson(ws, { name: 'Bent Berg' }, 'p-bent', 'u-2'));
    await other.settle();
    await new Promise((r) => setTimeout(r, 100));
    await other.settle();
    const fresh = await tab();
    expect(fresh.data.people.map((p) => p.name)).toEqual(expect.arrayContaining(['Anna Andersen', 'Bent Berg']));
    expect(other.data.people.map((p) => p.name)).toEqual(expect.arrayContaining(['Anna Andersen', 'Bent Berg']));
    m.close();
    other.close();
  });

  it('opens another workspace when the last used one cannot be read, and lists that one', async () => {
    const name = `wm-bad-${++n}`;
    const raw = await openDatabase(() => {}, name);
    await raw.put('workspaces', { id: 'w-bad', revision: 1, updatedAt: '', doc: { format: 'rollekort-workspace', version: 99 } });
    await raw.put('workspaces', { id: 'w-good', revision: 1, updatedAt: '', doc: toDocument(demoWorkspace(), { id: 'rollegalleri', version: '1.5' }) });
    await raw.put('meta', { key: 'lastWorkspaceId', value: 'w-bad' });
    raw.close();
    const m = new WorkspaceManager(cat, async () => new WorkspaceRepository(await openDatabase(() => {}, name), cat));
    await m.init();
    expect(m.id).toBe('w-good');
    // listed where it can be exported raw; its repair says to update the app instead
    expect(m.damaged).toEqual([{ id: 'w-bad', name: '(uden navn)', reason: expect.stringMatching(/nyere version af Rollekort/) }]);
    expect(await m.repair('w-bad')).toMatch(/Opdatér Rollekort/);
    expect(addAnna(m)).toBeNull();
    await m.settle();
    expect(m.saveState).toBe('saved');
  });

  it('deleting the open workspace during a storage fault leaves no stale error behind', async () => {
    const { m } = await setup((store) =>
      withFaults(store, { append: () => Promise.resolve(err<StorageError>({ kind: 'quota', message: 'fuld' })) }),
    );
    await m.createWorkspace('Anden');
    addAnna(m);
    await m.settle();
    expect(m.saveState).toBe('error');
    expect(await m.deleteWorkspace(m.id!)).toBeNull();
    expect(m.data.name).toBe('Eksempel Kommune');
    expect(m.saveState).toBe('saved');
    expect(m.error).toBeNull();
    expect(m.deleted?.data.people.some((p) => p.name === 'Anna Andersen')).toBe(true);
  });

  it('keeps the "newer version elsewhere" message through later edits, and writes nothing more', async () => {
    const m = new WorkspaceManager(cat); // the real wiring, on the default database name
    await m.init();
    const newer = await openDB(DB_NAME, DB_VERSION + 1);
    newer.close();
    expect(m.error?.kind).toBe('newer-version');
    expect(addAnna(m)).toBeNull();
    await m.settle();
    expect(m.saveState).toBe('error');
    expect(m.error?.message).toMatch(/nyere version af Rollekort/);
    expect(m.data.people.some((p) => p.name === 'Anna Andersen')).toBe(true);
    expect(m.exportCurrent().text).toContain('Anna Andersen');
    m.close();
  });

  it('a failed restore keeps the deleted workspace to try again', async () => {
    let full = false;
    const { m } = await setup((store) =>
      withFaults(store, { create: (id, d) => (full ? Promise.resolve(err<StorageError>({ kind: 'quota', message: 'fuld' })) : store.create(id, d)) }),
    );
    await m.createWorkspace('Anden');
    await m.deleteWorkspace(m.id!);
    full = true;
    expect(await m.restoreDeleted()).toBe('fuld');
    expect(m.deleted?.name).toBe('Anden');
    full = false;
    expect(await m.restoreDeleted()).toBeNull();
    expect(m.deleted).toBeNull();
    expect(m.data.name).toBe('Anden');
  });
});
