// The sync server, for real: each test starts `node server/main.mjs` in a child process
// on a free port and connects Node clients (Y.Doc + HocuspocusProvider over `ws`).
import { readdir } from 'node:fs/promises';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newEditShare, readSecretOf, tokenOf } from '../src/sync/share-link.ts';
import { readSecretOf as serverReadSecretOf } from './room-secrets.mjs';
import { syncServerFixture, type Client } from './fixture.ts';
import { hasRedis, settled, startRedis, waitFor } from './testing.mjs';

const redis = hasRedis();
if (!redis) console.warn('server/sync-server.test.ts: the Redis test is SKIPPED: redis-server is not installed (apt-get install -y redis-server)');

const { dataDir, server, client, stopAfter } = syncServerFixture('rollekort-sync-');

const people = (c: Client) => c.doc.getMap<{ name: string }>('people');
const names = (c: Client) => [...people(c).values()].map((p) => p.name).sort();
const addPerson = (c: Client, id: string) => people(c).set(id, { name: id });

async function rooms() {
  const share = newEditShare('ws://unused');
  return {
    room: share.room,
    edit: tokenOf({ access: 'edit', secret: share.editSecret }),
    read: tokenOf({ access: 'read', secret: await readSecretOf(share.editSecret) }),
  };
}

describe('sync server', { timeout: 30_000 }, () => {
  it('derives the read-only secret the same way as the app', async () => {
    const { editSecret } = newEditShare('ws://unused');
    expect(await readSecretOf(editSecret)).toBe(serverReadSecretOf(editSecret));
  });

  it('two clients in a room converge', async () => {
    const { url } = await server();
    const { room, edit } = await rooms();
    const a = client(url, room, edit);
    const b = client(url, room, edit);
    await Promise.all([settled(a), settled(b)]);
    expect(a.events.authenticated).toBe('read-write');
    addPerson(a, 'Anne');
    addPerson(b, 'Bo');
    await waitFor(() => names(a).length === 2 && names(b).length === 2, 10_000, 'both people on both sides');
    expect(names(a)).toEqual(['Anne', 'Bo']);
    expect(names(b)).toEqual(['Anne', 'Bo']);
  });

  it('refuses a wrong secret, a missing secret and a read-only secret for an unknown room', async () => {
    const { url } = await server();
    const { room, edit } = await rooms();
    const owner = client(url, room, edit);
    await settled(owner);
    addPerson(owner, 'Hemmelig');
    await settled(owner);

    const other = await rooms();
    const wrong = client(url, room, other.edit);
    const wrongRead = client(url, room, other.read);
    const none = client(url, room, '');
    const unknown = client(url, other.room, other.read);
    await waitFor(() => [wrong, wrongRead, none, unknown].every((c) => c.events.failed), 10_000, 'four refusals');
    expect(wrong.events.failed).toBe('wrong-secret');
    expect(wrongRead.events.failed).toBe('wrong-secret');
    expect(none.events.failed).toBe('no-secret');
    expect(unknown.events.failed).toBe('unknown-room');
    // Refused clients never received the room's content.
    expect(names(wrong)).toEqual([]);
    expect(names(none)).toEqual([]);
  });

  it('a read-only client sees changes but cannot change the document', async () => {
    const { url } = await server();
    const { room, edit, read } = await rooms();
    const editor = client(url, room, edit);
    await settled(editor);
    const viewer = client(url, room, read);
    await waitFor(() => viewer.events.authenticated !== null && viewer.provider.isSynced, 10_000, 'viewer synced');
    expect(viewer.events.authenticated).toBe('readonly');

    addPerson(editor, 'Fra redaktør');
    await waitFor(() => names(viewer).includes('Fra redaktør'), 10_000, 'viewer sees the edit');

    addPerson(viewer, 'Fra læser');
    addPerson(editor, 'Efter læser');
    await waitFor(() => names(viewer).includes('Efter læser'), 10_000, 'a later edit reaches the viewer');
    // A fresh client loads what the server holds: the viewer's change is not in it.
    const fresh = client(url, room, edit);
    await settled(fresh);
    expect(names(fresh)).toEqual(['Efter læser', 'Fra redaktør']);
    expect(names(editor)).not.toContain('Fra læser');
  });

  it('a server restart in the middle of a session loses nothing, and the data dir keeps the room', async () => {
    const first = await server();
    const { room, edit } = await rooms();
    const a = client(first.url, room, edit);
    const b = client(first.url, room, edit);
    await Promise.all([settled(a), settled(b)]);
    addPerson(a, 'Før');
    await waitFor(() => names(b).includes('Før'), 10_000, 'first edit');

    await first.stop();
    addPerson(a, 'Under A');
    addPerson(b, 'Under B');
    const second = await server({ port: first.port });
    const all = ['Før', 'Under A', 'Under B'];
    await waitFor(() => names(a).length === 3 && names(b).length === 3, 15_000, 'reconnect and merge');
    expect(names(a)).toEqual(all);
    expect(names(b)).toEqual(all);
    await Promise.all([settled(a), settled(b)]);

    // Everyone leaves; the server restarts again; a newcomer gets the room from disk.
    a.destroy();
    b.destroy();
    await second.stop();
    expect(await readdir(join(dataDir(), 'docs'))).toEqual([`${room}.ydoc`]);
    const third = await server({ port: first.port });
    const newcomer = client(third.url, room, edit);
    await settled(newcomer);
    expect(names(newcomer)).toEqual(all);
  }, 30_000);

  describe('with Redis', () => {
    /** A client on each of two processes edits the same room; both see both edits. */
    async function expectOneRoomAcross(one: { url: string }, two: { url: string }) {
      const { room, edit } = await rooms();
      const a = client(one.url, room, edit);
      const b = client(two.url, room, edit);
      await Promise.all([settled(a), settled(b)]);
      addPerson(a, 'Via proces 1');
      addPerson(b, 'Via proces 2');
      await waitFor(() => names(a).length === 2 && names(b).length === 2, 10_000, 'convergence across processes');
      expect(names(a)).toEqual(['Via proces 1', 'Via proces 2']);
      expect(names(b)).toEqual(names(a));
    }

    it.skipIf(!redis)('two server processes behind one Redis serve the same room', async () => {
      const instance = await startRedis();
      stopAfter(instance);
      await expectOneRoomAcross(await server({ redisPort: instance.port }), await server({ redisPort: instance.port }));
    }, 30_000);

    // ioredis writes a SUBSCRIBE sent during its ready check at once; the check then fails in
    // subscriber mode and the connection comes back without the subscription. A server that
    // took clients before Redis was ready could so miss the other processes' edits for good.
    it.skipIf(!redis)('a server does not take clients until its Redis is ready', async () => {
      // Something on the Redis port that accepts and says nothing: the server connects, and waits.
      const silent = createServer((socket) => sockets.push(socket));
      const sockets: Socket[] = [];
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
      const { port } = silent.address() as AddressInfo;
      let listening = false;
      const starting = server({ redisPort: port }).then((started) => ((listening = true), started));
      await waitFor(() => sockets.length >= 2, 10_000, 'the server to connect to Redis');
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(listening).toBe(false);

      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
      const instance = await startRedis(port);
      stopAfter(instance);
      await expectOneRoomAcross(await starting, await server({ redisPort: port }));
    }, 30_000);
  });
});
