import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { unwrap } from '../domain/result';
import { assign, demoWorkspace, renameWorkspace } from '../domain/workspace';
import { makeWorkspace, shippedCatalogue } from '../domain/workspace/fixtures';
import { openDatabase, DB_VERSION } from './db';
import { storageError } from './errors';
import { WorkspaceRepository } from './workspace-repository';
import { applyEdit, encodeState } from '../sync/workspace-doc';

const cat = shippedCatalogue();
let n = 0;
async function repo() {
  const name = `test-${++n}`;
  const db = await openDatabase(() => {}, name);
  return { db, name, repo: new WorkspaceRepository(db, cat) };
}

describe('database', () => {
  it('creates its stores, and opening again (the upgrade path) is harmless', async () => {
    const { db, name } = await repo();
    expect([...db.objectStoreNames].sort()).toEqual(['backups', 'meta', 'updates', 'workspaces']);
    db.close();
    const again = await openDatabase(() => {}, name);
    expect(again.version).toBe(DB_VERSION);
    again.close();
  });

  it('tells an old connection when a newer version is opened', async () => {
    let told = false;
    const { name } = await repo().then((r) => {
      r.db.close();
      return r;
    });
    const old = await openDatabase(() => (told = true), name);
    const newer = await openDB(name, DB_VERSION + 1);
    expect(told).toBe(true);
    newer.close();
    old.close();
  });
});

describe('workspace repository', () => {
  it('creates, lists and loads through the import path', async () => {
    const { repo: r } = await repo();
    unwrap(await r.create('w-1', demoWorkspace()));
    expect(await r.list()).toMatchObject([{ id: 'w-1', name: 'Eksempel Kommune' }]);
    const loaded = unwrap(await r.load('w-1'));
    expect(loaded).toMatchObject({ id: 'w-1', data: demoWorkspace(), ignored: [], keys: [] });
  });

  it('refuses to load a stored workspace that fails the checks', async () => {
    const { db, repo: r } = await repo();
    await db.put('workspaces', { id: 'w-x', revision: 1, updatedAt: '', doc: { format: 'rollekort-workspace', version: 99 } });
    const loaded = await r.load('w-x');
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.error.message).toMatch(/nyere version/);
  });

  it('stores an edit as one update, and loads the checkpoint with the updates since', async () => {
    const { db, repo: r } = await repo();
    const created = unwrap(await r.create('w-1', demoWorkspace()));
    const next = unwrap(assign(created.data, cat, 'p-anne', 'projektleder', 's-aula'));
    let update: Uint8Array | null = null;
    created.doc.on('update', (u: Uint8Array) => (update = u));
    applyEdit(created.doc, created.data, next);
    const key = unwrap(await r.append('w-1', update!));
    // the edit wrote only its own update; the checkpoint is untouched
    expect((await db.get('workspaces', 'w-1'))?.revision).toBe(1);
    expect(update!.byteLength).toBeLessThan(encodeState(created.doc).byteLength / 4);
    const loaded = unwrap(await r.load('w-1'));
    expect(loaded.data).toEqual(next);
    expect(loaded.keys).toEqual([key]);
    // a checkpoint replaces exactly the updates it holds
    unwrap(await r.compact('w-1', loaded.doc, loaded.keys, loaded.revision));
    expect(await db.count('updates')).toBe(0);
    expect(unwrap(await r.load('w-1'))).toMatchObject({ data: next, keys: [] });
  });

  it('updates from two tabs merge, whatever the order they are stored in', async () => {
    const { repo: r } = await repo();
    const created = unwrap(await r.create('w-1', makeWorkspace()));
    const a = unwrap(await r.load('w-1'));
    const b = unwrap(await r.load('w-1'));
    const updates: Uint8Array[] = [];
    a.doc.on('update', (u: Uint8Array) => updates.push(u));
    b.doc.on('update', (u: Uint8Array) => updates.push(u));
    applyEdit(a.doc, a.data, unwrap(renameWorkspace(a.data, 'Fra fane A')));
    applyEdit(b.doc, b.data, unwrap(assign(b.data, cat, 'p-1', 'projektleder', 's-aula')));
    for (const u of updates.reverse()) unwrap(await r.append('w-1', u));
    const data = unwrap(await r.load('w-1')).data;
    expect(data.name).toBe('Fra fane A');
    expect(data.assignments).toHaveLength(1);
    expect(created.data.assignments).toHaveLength(0);
  });

  it('refuses an update for a workspace that is gone', async () => {
    const { repo: r } = await repo();
    const created = unwrap(await r.create('w-1', makeWorkspace()));
    unwrap(await r.remove('w-1'));
    const appended = await r.append('w-1', encodeState(created.doc));
    expect(appended).toMatchObject({ ok: false, error: { message: expect.stringMatching(/slettet i en anden fane/) } });
  });

  it('never writes an inconsistent workspace', async () => {
    const { repo: r } = await repo();
    const broken = makeWorkspace({ assignments: [{ id: 'a', personId: 'p-404', roleId: 'projektleder', systemId: 's-aula' }] });
    const created = await r.create('w-1', broken);
    expect(created.ok).toBe(false);
    expect(await r.list()).toEqual([]);
    const replaced = await r.replace('w-2', broken);
    expect(replaced.ok).toBe(false);
  });

  it('removes a workspace and hands back what it removed', async () => {
    const { repo: r } = await repo();
    unwrap(await r.create('w-1', demoWorkspace()));
    const removed = unwrap(await r.remove('w-1'));
    expect(removed?.id).toBe('w-1');
    expect(await r.list()).toEqual([]);
  });

  it('keeps small facts in the meta store', async () => {
    const { repo: r } = await repo();
    expect(await r.getMeta('lastWorkspaceId')).toBeUndefined();
    await r.setMeta('lastWorkspaceId', 'w-9');
    expect(await r.getMeta('lastWorkspaceId')).toBe('w-9');
  });
});

describe('storage errors', () => {
  it('explains quota and version faults in Danish', () => {
    expect(storageError(new DOMException('full', 'QuotaExceededError'))).toMatchObject({ kind: 'quota', message: expect.stringMatching(/ikke mere lagerplads/) });
    expect(storageError(new DOMException('x', 'VersionError')).kind).toBe('newer-version');
    expect(storageError(new Error('boom')).message).toMatch(/Eksportér/);
  });
});
