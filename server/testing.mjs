// Helpers for tests and benchmarks: a real sync server (or Redis) in a child process,
// and Node clients (a Y.Doc with a HocuspocusProvider over the `ws` package).
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { HocuspocusProvider } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { readSecretOf } from './room-secrets.mjs';

const MAIN = fileURLToPath(new URL('./main.mjs', import.meta.url));

export { syncPortFor } from './ports.mjs';

/** A port the OS says is free right now. */
/** @returns {Promise<number>} */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (probe.address());
      probe.close(() => resolve(port));
    });
  });
}

/**
 * @param {import('node:child_process').ChildProcessByStdio<null, import('node:stream').Readable, import('node:stream').Readable>} child
 * @param {RegExp} pattern
 * @param {string} what
 * @returns {Promise<RegExpExecArray>}
 */
function waitForLine(child, pattern, what) {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${what} did not start in 10 s:\n${seen}`));
    }, 10_000);
    /** @param {Buffer} chunk */
    const onData = (chunk) => {
      seen += chunk;
      const match = pattern.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (/** @type {Buffer} */ chunk) => (seen += chunk));
    child.once('exit', (/** @type {number | null} */ code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited (${code}) before it started:\n${seen}`));
    });
  });
}

/**
 * @param {import('node:child_process').ChildProcess} child
 * @param {NodeJS.Signals} signal
 * @returns {Promise<void>}
 */
function stopChild(child, signal = 'SIGTERM') {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((/** @type {() => void} */ resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

/**
 * Starts `node server/main.mjs` (the same thing `npm run server` runs).
 * @param {{ dataDir: string, port?: number, redisPort?: number }} options
 */
export async function startSyncServer({ dataDir, port = 0, redisPort }) {
  /** @type {NodeJS.ProcessEnv} */
  const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, QUIET: '1' };
  if (redisPort) env.REDIS_URL = `redis://127.0.0.1:${redisPort}`;
  else delete env.REDIS_URL;
  const child = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const [, actual] = await waitForLine(child, /listening on port (\d+)/, 'The sync server');
  return {
    port: Number(actual),
    url: `ws://127.0.0.1:${actual}`,
    /** Stops it the way an operator does (SIGTERM: open documents are stored first). */
    stop: () => stopChild(child),
    /** Kills it without warning. */
    kill: () => stopChild(child, 'SIGKILL'),
  };
}

/** Whether Debian's redis-server is installed. */
export function hasRedis() {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** Starts a throwaway redis-server (no persistence) on `port`, or on a free port. */
export async function startRedis(port = 0) {
  port ||= await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--save', '', '--appendonly', 'no', '--daemonize', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await waitForLine(child, /Ready to accept connections/, 'redis-server');
  return { port, stop: () => stopChild(child) };
}

/**
 * A Node participant: its own Y.Doc connected to a room.
 * @param {{ url: string, room: string, token: string, doc?: Y.Doc }} options
 */
export function connectClient({ url, room, token, doc = new Y.Doc() }) {
  /** @type {{ authenticated: string | null, failed: string | null }} */
  const events = { authenticated: null, failed: null };
  // the provider passes its configuration on to the socket it makes, WebSocketPolyfill included
  const provider = new HocuspocusProvider(
    /** @type {import('@hocuspocus/provider').HocuspocusProviderConfiguration} */ ({
      url,
      name: room,
      token,
      document: doc,
      WebSocketPolyfill: WebSocket,
      onAuthenticated: (/** @type {{ scope: string }} */ { scope }) => (events.authenticated = scope),
      onAuthenticationFailed: (/** @type {{ reason: string }} */ { reason }) => (events.failed = reason),
    }),
  );
  return { doc, provider, events, destroy: () => provider.destroy() };
}

/**
 * Polls `check` until it returns true (or throws after `timeout` ms).
 * @param {() => boolean} check
 */
export async function waitFor(check, timeout = 10_000, what = 'condition') {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeout) throw new Error(`Timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * Resolves once the provider has synced with the server and has nothing unsent.
 * @param {{ provider: HocuspocusProvider }} client
 */
export function settled(client, timeout = 10_000) {
  return waitFor(() => client.provider.isSynced && !client.provider.hasUnsyncedChanges, timeout, 'sync');
}

/** A new room and the tokens for it, as the app's share links make them (src/sync/share-link.ts). */
export function newRoom() {
  const editSecret = randomBytes(32).toString('base64url');
  return { room: randomBytes(16).toString('base64url'), edit: `edit:${editSecret}`, read: `read:${readSecretOf(editSecret)}` };
}
