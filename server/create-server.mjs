// The Rollekort sync server: Hocuspocus (Yjs over WebSocket) with a secret per room, a
// file store (one file per room) and, when configured, Redis to run several processes.
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Server } from '@hocuspocus/server';
import { Database } from '@hocuspocus/extension-database';
import { Redis } from '@hocuspocus/extension-redis';
import { RoomSecrets, writeAtomically } from './room-secrets.mjs';

/**
 * Resolves once a Redis connection has passed ioredis' ready check. A SUBSCRIBE sent before
 * that is written at once, the ready check's INFO then fails in subscriber mode, the
 * connection is dropped and comes back without the subscription: that process would then
 * never hear the others' edits of the room. So the server listens only after this.
 * @param {Redis['pub']} connection
 * @param {(line: string) => void} log
 * @returns {Promise<void>}
 */
function whenReady(connection, log) {
  if (connection.status === 'ready') return Promise.resolve();
  return new Promise((resolve) => {
    /** @param {Error} error */
    const onError = (error) => log(`Waiting for Redis: ${error.message}`);
    connection.on('error', onError);
    connection.once('ready', () => {
      connection.off('error', onError);
      resolve();
    });
  });
}

/**
 * Makes the server; it is ready to `listen()` once this resolves (with Redis: once both
 * Redis connections are ready).
 * @param {{ port?: number, host?: string, dataDir: string, redis?: { host: string, port: number } | null,
 *   log?: (line: string) => void }} options
 */
export async function createSyncServer({ port = 1234, host = '0.0.0.0', dataDir, redis = null, log = () => {} }) {
  const secrets = new RoomSecrets(dataDir);
  const docs = join(dataDir, 'docs');
  /** @param {string} room */
  const docFile = (room) => join(docs, `${room}.ydoc`);

  /** @type {import('@hocuspocus/server').Extension[]} */
  const extensions = [
    new Database({
      fetch: async ({ documentName }) => {
        try {
          return new Uint8Array(await readFile(docFile(documentName)));
        } catch (error) {
          if (/** @type {NodeJS.ErrnoException} */ (error).code === 'ENOENT') return null;
          throw error;
        }
      },
      store: async ({ documentName, state }) => {
        await mkdir(docs, { recursive: true });
        await writeAtomically(docFile(documentName), state);
      },
    }),
  ];
  if (redis) {
    const pubSub = new Redis({ host: redis.host, port: redis.port });
    extensions.push(pubSub);
    await Promise.all([whenReady(pubSub.pub, log), whenReady(pubSub.sub, log)]);
  }

  return new Server({
    port,
    address: host,
    quiet: true,
    stopOnSignals: false,
    // A stored document is written at most 2 s after an edit (10 s under constant editing).
    debounce: 2000,
    maxDebounce: 10000,
    extensions,
    // Hocuspocus ties an awareness entry to the connection that sent it only when the entry
    // is new to the document ("added"), and removes a connection's entries when it closes.
    // Someone who reconnects while the server still holds the document comes back as an
    // "update" of their old entry (same client id), so without this their next disconnect
    // would leave them listed as present until the 30 s awareness timeout.
    async afterLoadDocument({ document }) {
      document.awareness.on('update', (/** @type {{ updated: number[] }} */ { updated }, /** @type {unknown} */ origin) => {
        // origin is the sending WebSocket; for anything else getClients returns a spare set
        for (const clientId of updated) document.getClients(/** @type {import('ws').WebSocket} */ (origin)).add(clientId);
      });
    },
    async onAuthenticate({ documentName, token, connectionConfig }) {
      const access = await secrets.check(documentName, token);
      connectionConfig.readOnly = access === 'read';
      log(`room ${documentName.slice(0, 6)}…: ${access} connection`);
      return { access };
    },
  });
}
