// Real sync servers and clients for the server's own tests: each test gets a fresh data
// folder, and whatever it started is stopped after it (clients first, then servers and other
// processes in the reverse order of starting). Vitest only: the browser tests use testing.mjs.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import type * as Y from 'yjs';
import { connectClient, startSyncServer } from './testing.mjs';

export type Client = ReturnType<typeof connectClient>;
type Stoppable = { stop: () => Promise<void> };

/** Registers the per-test setup and cleanup; call it once at the top of a test file. */
export function syncServerFixture(prefix: string) {
  let dataDir = '';
  let running: Stoppable[] = [];
  let clients: Client[] = [];

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), prefix));
  });

  afterEach(async () => {
    for (const client of clients) client.destroy();
    for (const thing of running.reverse()) await thing.stop();
    clients = [];
    running = [];
    await rm(dataDir, { recursive: true, force: true });
  });

  return {
    /** This test's data folder. */
    dataDir: () => dataDir,
    /** A server process on a free port (or `port`), stopped after the test. */
    async server(options: { port?: number; redisPort?: number } = {}) {
      const started = await startSyncServer({ dataDir, ...options });
      running.push(started);
      return started;
    },
    /** A client in `room`, destroyed after the test. */
    client(url: string, room: string, token: string, doc?: Y.Doc): Client {
      const c = connectClient({ url, room, token, doc });
      clients.push(c);
      return c;
    },
    /** Anything else the test started (a Redis), stopped after the test. */
    stopAfter(thing: Stoppable) {
      running.push(thing);
    },
  };
}
