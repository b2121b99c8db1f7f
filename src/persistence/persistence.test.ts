import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { unwrap } from '../domain/result';
import { assign, demoWorkspace, renameWorkspace } from '../domain/workspace';
import { makeWorkspace, shippedCatalogue } from '../domain/workspace/fixtures';
import { openDatabase, DB_VERSION } from './db';
import { storageError } from './errors';
import { WorkspaceRepository } from './workspace-repository';

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
    expect([...db.objectStoreNames].sort()).toEqual(['backups', 'meta', 'workspaces']);
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
    expect(loaded).toEqual({ id: 'w-1', revision: 1, data: demoWorkspace() });
  });

  it('refuses to load a stored workspace that fails the checks', async () => {
    const { db, repo: r } = await repo();
    await db.put('workspaces', { id: 'w-x', revision: 1, updatedAt: '', doc: { format: 'rollekort-workspace', version: 99 } });
    const loaded = await r.load('w-x');
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.error.message).toMatch(/nyere version/);
  });

  it('saves on top of the revision it was based on', async () => {
    const { repo: r } = await repo();
    unwrap(await r.create('w-1', makeWorkspace()));
    const next = unwrap(assign(makeWorkspace(), cat, 'p-1', 'projektleder', 's-aula'));
    const saved = unwrap(await r.save('w-1', 1, next, () => null));
    expect(saved).toMatchObject({ revision: 2, rebased: false });
    expect(unwrap(await r.load('w-1')).data).toEqual(next);
  });

  it('replays edits on a newer stored revision instead of overwriting it', async () => {
    const { repo: r } = await repo();
    unwrap(await r.create('w-1', makeWorkspace()));
    // tab A renames (revision 2); tab B, still on revision 1, assigns a role
    unwrap(await r.save('w-1', 1, unwrap(renameWorkspace(makeWorkspace(), 'Fra fane A')), () => null));
    const tabB = unwrap(assign(makeWorkspace(), cat, 'p-1', 'projektleder', 's-aula'));
    const saved = unwrap(await r.save('w-1', 1, tabB, (stored) => unwrap(assign(stored, cat, 'p-1', 'projektleder', 's-aula'))));
    expect(saved.rebased).toBe(true);
    expect(saved.revision).toBe(3);
    const data = unwrap(await r.load('w-1')).data;
    expect(data.name).toBe('Fra fane A');
    expect(data.assignments).toHaveLength(1);
  });

  it('writes nothing when a stale edit cannot be replayed', async () => {
    const { repo: r } = await repo();
    unwrap(await r.create('w-1', makeWorkspace()));
    unwrap(await r.save('w-1', 1, unwrap(renameWorkspace(makeWorkspace(), 'Nyere')), () => null));
    const stale = await r.save('w-1', 1, unwrap(renameWorkspace(makeWorkspace(), 'Ældre')), () => null);
    expect(stale.ok).toBe(false);
    if (!stale.ok) expect(stale.error.kind).toBe('conflict');
    expect(unwrap(await r.load('w-1'))).toMatchObject({ revision: 2, data: { name: 'Nyere' } });
  });

  it('never writes an inconsistent workspace', async () => {
    const { repo: r } = await repo();
    const broken = makeWorkspace({ assignments: [{ id: 'a', personId: 'p-404', roleId: 'projektleder', systemId: 's-aula' }] });
    const created = await r.create('w-1', broken);
    expect(created.ok).toBe(false);
    expect(await r.list()).toEqual([]);
    unwrap(await r.create('w-2', makeWorkspace()));
    const saved = await r.save('w-2', 1, broken, () => null);
    expect(saved.ok).toBe(false);
    expect(unwrap(await r.load('w-2')).revision).toBe(1);
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
