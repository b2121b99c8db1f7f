// Who may open a room: the server keeps, per room, only SHA-256 hashes of its two secrets
// (edit and read-only), never the secrets themselves. The first connection that presents
// an edit secret for an unknown room registers it; every later connection must match.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, writeFile, rename, link, unlink } from 'node:fs/promises';
import { join } from 'node:path';

/** Room ids and secrets are base64url; a room id is at least 128 bits (22 characters). */
export const ROOM_ID = /^[A-Za-z0-9_-]{22,64}$/;
const SECRET = /^[A-Za-z0-9_-]{22,128}$/;

/**
 * The read-only secret is derived from the edit secret, so an edit link can show both links.
 * @param {string} editSecret
 */
export function readSecretOf(editSecret) {
  return createHash('sha256').update(`rollekort-read:${editSecret}`).digest('base64url');
}

/** @param {string} secret */
const hash = (secret) => createHash('sha256').update(secret).digest('hex');

/** @param {string} hexA @param {string} hexB */
function same(hexA, hexB) {
  const a = Buffer.from(hexA, 'hex');
  const b = Buffer.from(hexB, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A refusal the client sees as `authenticationFailed` with this reason. */
export class Refused extends Error {
  /** @param {string} reason */
  constructor(reason) {
    super(reason);
    this.reason = reason;
  }
}

/**
 * Parses a token `edit:<secret>` or `read:<secret>`.
 * @param {string | undefined} token
 * @returns {{ kind: 'edit' | 'read', secret: string }}
 */
export function parseToken(token) {
  const match = /^(edit|read):(.+)$/.exec(token ?? '');
  const [, kind, secret] = match ?? [];
  if (!secret || !SECRET.test(secret)) throw new Refused('no-secret');
  return { kind: kind === 'edit' ? 'edit' : 'read', secret };
}

/** The room registry, one small JSON file per room under `<dataDir>/rooms/`. */
/** @typedef {{ editHash: string, readHash: string, created: string }} RoomRecord */

export class RoomSecrets {
  #dir;
  /** @param {string} dataDir */
  constructor(dataDir) {
    this.#dir = join(dataDir, 'rooms');
  }

  /** @param {string} room */
  #file(room) {
    return join(this.#dir, `${room}.json`);
  }

  /**
   * @param {string} room
   * @returns {Promise<RoomRecord | null>}
   */
  async #read(room) {
    try {
      return JSON.parse(await readFile(this.#file(room), 'utf8'));
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code === 'ENOENT') return null;
      throw error;
    }
  }

  // Link (not rename) so that of two connections registering the same room at once (in one
  // process or two), exactly one wins; the other reads what the winner wrote. Each writes
  // its own randomly named temporary file first.
  /**
   * @param {string} room
   * @param {string} secret
   * @returns {Promise<RoomRecord | null>}
   */
  async #register(room, secret) {
    await mkdir(this.#dir, { recursive: true });
    const record = { editHash: hash(secret), readHash: hash(readSecretOf(secret)), created: new Date().toISOString() };
    const tmp = `${this.#file(room)}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(tmp, JSON.stringify(record));
    try {
      await link(tmp, this.#file(room));
      return record;
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EEXIST') throw error;
      return this.#read(room);
    } finally {
      await unlink(tmp).catch(() => {});
    }
  }

  /**
   * Checks a connection's token for a room. Returns 'edit' or 'read'; throws Refused.
   * Only an edit secret can register an unknown room.
   * @param {string} room
   * @param {string | undefined} token
   * @returns {Promise<'edit' | 'read'>}
   */
  async check(room, token) {
    if (!ROOM_ID.test(room)) throw new Refused('bad-room');
    const { kind, secret } = parseToken(token);
    let record = await this.#read(room);
    if (!record) {
      if (kind !== 'edit') throw new Refused('unknown-room');
      record = await this.#register(room, secret);
      if (!record) throw new Error(`room ${room}: registered, but cannot be read back`);
    }
    if (kind === 'edit' && same(record.editHash, hash(secret))) return 'edit';
    if (kind === 'read' && same(record.readHash, hash(secret))) return 'read';
    throw new Refused('wrong-secret');
  }
}

/**
 * Writes a file atomically: a temporary file beside it, then rename.
 * @param {string} file
 * @param {Uint8Array | string} data
 */
export async function writeAtomically(file, data) {
  const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, file);
}
