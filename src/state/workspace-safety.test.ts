import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { openDB, type IDBPDatabase } from 'idb';
import { describe, expect, it } from 'vitest';
import { readWorkspaceText } from '../document';
import { parsePeopleTable } from '../document/people-table';
import { addPeople, addPerson, LIMITS, type PersonInput, type WorkspaceData } from '../domain/workspace';
import { shippedCatalogue } from '../domain/workspace/fixtures';
import { BLOCKED, DB_VERSION, NEWER_VERSION, openDatabase, WorkspaceRepository } from '../persistence';
import { WorkspaceManager } from './workspace-manager.svelte';

/** A count as the Danish messages write it (10.000), escaped for a RegExp. */
const danish = (n: number) => n.toLocaleString('da-DK').replace(/\./g, '\\.');

const cat = shippedCatalogue();
let n = 0;

interface Dump {
  version: number;
  stores: { workspaces: { id: string; doc?: unknown }[]; meta: { key: string }[]; backups?: { id: string }[] };
}

/** A database as an earlier version of the app left it, from a dump of its records. */
async function seed(name: string, dump: Dump) {
  const db = await openDB(name, dump.version, {
    upgrade(db) {
      db.createObjectStore('workspaces', { keyPath: 'id' });
      db.createObjectStore('meta', { keyPath: 'key' });
      if (dump.stores.backups) db.createObjectStore('backups', { keyPath: 'id' });
    },
  });
  for (const w of dump.stores.workspaces) await db.put('workspaces', w);
  for (const b of dump.stores.backups ?? []) await db.put('backups', b);
  for (const m of dump.stores.meta) await db.put('meta', m);
  db.close();
}

const opener = (name: string) => async (onBlocked: () => void) => new WorkspaceRepository(await openDatabase(() => {}, name, onBlocked), cat);
async function manager(name: string) {
  const m = new WorkspaceManager(cat, opener(name));
  await m.init();
  return m;
}
const fixture = (): Dump => JSON.parse(readFileSync('test/fixtures/damaged-v1.idb.json', 'utf8'));
const rows = (count: number, make: (i: number) => PersonInput) => Array.from({ length: count }, (_, i) => make(i));

describe('a database stored by version 2 (one JSON document per workspace)', () => {
  const v2 = (): Dump => JSON.parse(readFileSync('test/fixtures/workspaces-v2.idb.json', 'utf8'));

  it('opens on the update log with nothing lost, and keeps what is edited after a reload', async () => {
    const name = `fixture-v2-${++n}`;
    await seed(name, v2());
    const stored = v2().stores.workspaces[0]! as { id: string; doc: { workspace: WorkspaceData } };
    const m = await manager(name);
    expect(m.id).toBe(stored.id);
    expect(m.damaged).toEqual([]);
    // the format has moved on since (new lists start empty); everything that was there is there
    expect(m.data).toMatchObject(stored.doc.workspace);
    const person = m.data.people.find((p) => p.name === 'Migreret Person')!;
    expect(m.data.assignments.find((a) => a.personId === person.id)).toMatchObject({ roleId: 'gevinstejer', systemId: 's-aula' });
    expect(m.edit((ws) => addPerson(ws, { name: 'Efter migreringen' }))).toBeNull();
    await m.settle();
    m.close();
    // the database is on the new version: the checkpoint has its Yjs state, the edit is an update
    const db = await openDB(name);
    expect(db.version).toBe(DB_VERSION);
    expect((await db.get('workspaces', stored.id))?.state).toBeInstanceOf(Uint8Array);
    expect(await db.count('updates')).toBe(1);
    db.close();
    const again = await manager(name);
    expect(again.data.people.map((p) => p.name)).toEqual([...stored.doc.workspace.people.map((p) => p.name), 'Efter migreringen']);
    expect(again.data.assignments).toEqual(stored.doc.workspace.assignments);
    again.close();
  });
});

describe('a damaged workspace is never hidden', () => {
  it('the fixture from today\'s code shows as damaged, repairs with a report, opens after a reload, and the repair can be undone', async () => {
    const name = `fixture-${++n}`;
    await seed(name, fixture());
    const id = fixture().stores.workspaces[0]!.id;
    const m = await manager(name);
    // not replaced by a new empty workspace: nothing opens, and the damaged one is listed
    expect(m.list.map((w) => w.id)).toEqual([id]);
    expect(m.id).toBeNull();
    expect(m.loaded).toBe(true);
    expect(m.damaged).toEqual([{ id, name: 'Eksempel Kommune', reason: expect.stringMatching(/^Enhed nr\. 5, navn: er for lang \(højst 200 tegn\)$/) }]);

    const raw = await m.exportRaw(id);
    expect(raw.ok && raw.value.fileName).toBe('Eksempel Kommune.raa-data.json');
    expect(raw.ok && JSON.parse(raw.value.text)).toEqual(fixture().stores.workspaces[0]!.doc);

    expect(await m.repair(id)).toBeNull();
    expect(m.id).toBe(id);
    expect(m.damaged).toEqual([]);
    expect(m.repairReport?.changes).toEqual([
      expect.stringMatching(/^Enhed nr\. 5: navnet er forkortet fra 201 til 200 tegn\.$/),
      expect.stringMatching(/^Person nr\. 14 \(.Lang Mail.\): e-mailadressen er forkortet fra 501 til 500 tegn\.$/),
    ]);
    expect(m.data.people).toHaveLength(14);
    expect(m.data.orgUnits[4]!.name).toBe('E'.repeat(200));

    const reloaded = await manager(name);
    expect(reloaded.id).toBe(id);
    expect(reloaded.data).toEqual(m.data);
    const db = await openDB(name);
    expect((await db.getAll('backups')).map((b) => b.doc)).toEqual([fixture().stores.workspaces[0]!.doc]);
    db.close();
    reloaded.close();

    expect(await m.undoRepair()).toBeNull();
    expect(m.id).toBeNull();
    expect(m.damaged.map((d) => d.id)).toEqual([id]);
    m.close();
  });

  it('opens another workspace when the last used one is damaged, and still lists the damaged one', async () => {
    const name = `mixed-${++n}`;
    const dump = fixture();
    await seed(name, dump);
    const first = await manager(name);
    expect(await first.createWorkspace('Hel Kommune')).toBeNull();
    first.close();
    const m = await manager(name);
    expect(m.data.name).toBe('Hel Kommune');
    await expect.poll(() => m.damaged.map((d) => d.name)).toEqual(['Eksempel Kommune']);
    expect(await m.switchTo(dump.stores.workspaces[0]!.id)).toMatch(/^».Eksempel Kommune.« er beskadiget og kan ikke åbnes, som det er\./);
    expect(m.data.name).toBe('Hel Kommune');
    m.close();
  });
});

describe('every trigger of the old fault is refused with a Danish message, and the workspace still opens', () => {
  const triggers: { what: string; run: (m: WorkspaceManager) => string | null; message: RegExp }[] = [
    {
      what: 'a unit name of 201 characters from a CSV import',
      run: (m) => {
        const table = parsePeopleTable(`Navn;Enhed\nLang Enhed;${'E'.repeat(201)}\n`);
        expect(table.skipped).toEqual([{ row: 2, reason: 'Enhedens navn er for langt (højst 200 tegn, her 201).' }]);
        return m.edit((ws) => addPeople(ws, [{ name: 'Lang Enhed', unit: 'E'.repeat(201) }]));
      },
      message: /Enhedens navn er for langt \(højst 200 tegn, her 201\)/,
    },
    { what: 'an e-mail of 501 characters from the form', run: (m) => m.edit((ws) => addPerson(ws, { name: 'Lang Mail', email: `${'m'.repeat(490)}@example.dk` })), message: /E-mailadressen er for lang \(højst 500 tegn, her 501\)/ },
    { what: '2,001 units', run: (m) => m.edit((ws) => addPeople(ws, rows(2001, (i) => ({ name: `P ${i}`, unit: `Enhed ${i}` })))), message: /Importen ville give 2\.00[0-9] enheder, men et arbejdsområde kan højst have 2\.000/ },
    {
      what: 'the limit plus 12 people in two imports of half the limit',
      run: (m) => {
        expect(m.edit((ws) => addPeople(ws, rows(LIMITS.people / 2, (i) => ({ name: `A ${i}` }))))).toBeNull();
        return m.edit((ws) => addPeople(ws, rows(LIMITS.people / 2, (i) => ({ name: `B ${i}` }))));
      },
      message: new RegExp(
        `Importen ville give ${danish(LIMITS.people + 12)} personer, men et arbejdsområde kan højst have ${danish(LIMITS.people)}\\. ` +
          `Der er plads til ${danish(LIMITS.people / 2 - 12)} mere\\.`,
      ),
    },
    { what: 'a name of invisible characters only', run: (m) => m.edit((ws) => addPerson(ws, { name: '\u200B\u200B' })), message: /Navn består kun af usynlige tegn/ },
  ];

  it.each(triggers)('$what', async ({ run, message }) => {
    const name = `trigger-${++n}`;
    const m = await manager(name);
    const before = m.data;
    const error = run(m);
    expect(error).toMatch(message);
    await m.settle();
    expect(m.saveState).toBe('saved');
    const reloaded = await manager(name);
    expect(reloaded.id).toBe(m.id);
    expect(reloaded.damaged).toEqual([]);
    expect(reloaded.data.people.length).toBeGreaterThanOrEqual(before.people.length);
    // and what the app exports, it imports
    expect(readWorkspaceText(reloaded.exportCurrent().text, cat).ok).toBe(true);
    m.close();
    reloaded.close();
  });
});

describe('storage that does not answer', () => {
  /** A database left at version 1 by today's code, and an old tab's connection to it that ignores requests to close. */
  async function blockedByOldTab(name: string) {
    await seed(name, { version: 1, stores: { workspaces: [], meta: [] } });
    return openDB(name, 1);
  }

  it('a blocked open carries on in memory with export working, and stores the work when the block lifts', async () => {
    const name = `blocked-${++n}`;
    const old: IDBPDatabase = await blockedByOldTab(name);
    const m = new WorkspaceManager(cat, null, { dbName: name, patienceMs: 200 });
    await m.init();
    expect(m.saveState).toBe('memory');
    expect(m.waitingForStorage).toBe(true);
    expect(m.error).toEqual(BLOCKED);
    expect(m.data.name).toBe('Midlertidigt arbejdsområde');
    expect(m.edit((ws) => addPerson(ws, { name: 'Under Blokering' }))).toBeNull();
    expect(m.exportCurrent().text).toContain('Under Blokering');

    old.close();
    await expect.poll(() => m.waitingForStorage).toBe(false);
    await m.settle();
    expect(m.error).toBeNull();
    expect(m.saveState).toBe('saved');
    expect(m.notice).toMatch(/Browserens lager svarer nu.*Det, du lavede imens, er gemt \(1 arbejdsområde\)/);
    expect(m.data.people.map((p) => p.name)).toEqual(['Under Blokering']);
    expect(m.list.map((w) => w.name)).toEqual(['Midlertidigt arbejdsområde']);
    const reloaded = await manager(name);
    expect(reloaded.data.people.map((p) => p.name)).toEqual(['Under Blokering']);
    reloaded.close();
    m.close();
  });

  it('an untouched stand-in is not kept when storage answers; the first start then makes the demo', async () => {
    const name = `blocked-${++n}`;
    const old: IDBPDatabase = await blockedByOldTab(name);
    const m = new WorkspaceManager(cat, null, { dbName: name, patienceMs: 100 });
    await m.init();
    expect(m.data.name).toBe('Midlertidigt arbejdsområde');
    old.close();
    await expect.poll(() => m.waitingForStorage).toBe(false);
    expect(m.list.map((w) => w.name)).toEqual(['Eksempel Kommune']);
    expect(m.data.name).toBe('Eksempel Kommune');
    m.close();
  });

  it('a tab stopped by a newer version says so when asked to delete, instead of a browser error', async () => {
    const name = `newer-${++n}`;
    const m = new WorkspaceManager(cat, null, { dbName: name });
    await m.init();
    const newer = await openDB(name, 99);
    newer.close();
    expect(await m.deleteWorkspace(m.id!)).toBe(NEWER_VERSION.message);
    expect(await m.repair(m.id!)).toBe(NEWER_VERSION.message);
    m.close();
  });
});

describe('the first start', () => {
  it('two tabs that start at the same moment on a fresh browser make one demo between them', async () => {
    const name = `fresh-${++n}`;
    const [a, b] = await Promise.all([manager(name), manager(name)]);
    expect(a.list).toHaveLength(1);
    expect(b.list).toHaveLength(1);
    expect(a.id).toBe(b.id);
    expect(a.data.name).toBe('Eksempel Kommune');
    a.close();
    b.close();
  });
});

describe('storage that answers late but has no room', () => {
  it('keeps the work in memory, with export, and says why, when it cannot be stored', async () => {
    const name = `late-full-${++n}`;
    await seed(name, { version: 1, stores: { workspaces: [], meta: [] } });
    const old: IDBPDatabase = await openDB(name, 1);
    const full = async (onBlocked: () => void) => {
      const repo = new WorkspaceRepository(await openDatabase(() => {}, name, onBlocked), cat);
      repo.create = async () => ({ ok: false, error: { kind: 'quota', message: 'Der er ikke mere lagerplads.' } });
      return repo;
    };
    const m = new WorkspaceManager(cat, full, { patienceMs: 100 });
    await m.init();
    expect(m.edit((ws) => addPerson(ws, { name: 'Uden Plads' }))).toBeNull();
    old.close();
    await expect.poll(() => m.waitingForStorage).toBe(false);
    expect(m.error?.message).toMatch(/kunne ikke gemmes der: Der er ikke mere lagerplads\. Eksportér arbejdsområdet/);
    expect(m.data.people.map((p) => p.name)).toEqual(['Uden Plads']);
    expect(m.exportCurrent().text).toContain('Uden Plads');
    m.close();
  });
});
