// Share links for live workshops: which sync server, which room, and the secret that
// opens it. Everything sits in the URL fragment (#), which a browser never sends to a
// web server, so the secret stays out of server logs and referrers.
import { err, ok, type Result } from '../domain/result.ts';

/** Edit access or read-only access. */
export type ShareAccess = 'edit' | 'read';

/** What a participant needs to join a room. */
export interface ShareTarget {
  /** The sync server's WebSocket address, e.g. wss://rollekort.example.dk/sync. */
  server: string;
  room: string;
  access: ShareAccess;
  secret: string;
}

/** A room this browser created or joined with edit access: both links can be made from it. */
export interface EditShare {
  server: string;
  room: string;
  editSecret: string;
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;
const FRAGMENT_KEYS = { server: 'server', room: 'rum', edit: 'rediger', read: 'se' } as const;

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** `bytes` random bytes from the platform's CSPRNG, base64url-encoded. */
export function randomToken(bytes: number): string {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** A new room on `server`: a 128-bit room id and a 256-bit edit secret. */
export function newEditShare(server: string): EditShare {
  return { server, room: randomToken(16), editSecret: randomToken(32) };
}

/**
 * The read-only secret belonging to an edit secret (SHA-256, so it does not reveal the
 * edit secret). server/room-secrets.mjs computes the same thing to register a room.
 */
export async function readSecretOf(editSecret: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`rollekort-read:${editSecret}`));
  return base64url(new Uint8Array(digest));
}

/** The token a provider sends: the server tells the two kinds apart by the prefix. */
export function tokenOf(target: Pick<ShareTarget, 'access' | 'secret'>): string {
  return `${target.access}:${target.secret}`;
}

/** The local workspace id a room is opened as, the same in every browser. */
export function workspaceIdOf(room: string): string {
  return `live-${room}`;
}

/**
 * Turns what a person typed as the server's address into a WebSocket URL, resolving a
 * path such as "/sync" against the app's own origin. Returns a Danish error.
 */
export function normaliseServer(input: string, appUrl: string): Result<string, string> {
  const text = input.trim();
  if (!text) return err('Skriv serverens adresse, fx /sync eller wss://rollekort.example.dk/sync.');
  let url: URL;
  try {
    url = new URL(text, appUrl);
  } catch {
    return err(`"${text}" er ikke en gyldig adresse.`);
  }
  if (url.protocol === 'https:') url.protocol = 'wss:';
  else if (url.protocol === 'http:') url.protocol = 'ws:';
  if (url.protocol !== 'wss:' && url.protocol !== 'ws:') {
    return err(`Adressen skal begynde med wss://, ws://, https:// eller http:// (ikke ${url.protocol}).`);
  }
  url.hash = '';
  url.search = '';
  return ok(url.toString().replace(/\/$/, ''));
}

/** The link a participant opens: the app's address with the target in its fragment. */
export function shareLink(appUrl: string, target: ShareTarget): string {
  const url = new URL(appUrl);
  url.hash = new URLSearchParams({
    [FRAGMENT_KEYS.server]: target.server,
    [FRAGMENT_KEYS.room]: target.room,
    [FRAGMENT_KEYS[target.access]]: target.secret,
  }).toString();
  return url.toString();
}

/** Both links for a room. */
export async function linksOf(appUrl: string, share: EditShare): Promise<{ edit: string; read: string }> {
  const base = { server: share.server, room: share.room };
  return {
    edit: shareLink(appUrl, { ...base, access: 'edit', secret: share.editSecret }),
    read: shareLink(appUrl, { ...base, access: 'read', secret: await readSecretOf(share.editSecret) }),
  };
}

/**
 * Reads a share link's fragment. `null` when the fragment is not a share link at all;
 * an error (in Danish) when it is one but broken.
 */
export function parseShareFragment(hash: string): Result<ShareTarget, string> | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const room = params.get(FRAGMENT_KEYS.room);
  if (room === null) return null;
  const server = params.get(FRAGMENT_KEYS.server) ?? '';
  const edit = params.get(FRAGMENT_KEYS.edit);
  const read = params.get(FRAGMENT_KEYS.read);
  const secret = edit ?? read ?? '';
  const broken = 'Linket til arbejdsområdet er ufuldstændigt. Bed om et nyt link.';
  if (!BASE64URL.test(room) || room.length < 22 || room.length > 64) return err(broken);
  if (!BASE64URL.test(secret) || secret.length < 22 || secret.length > 128) return err(broken);
  const normalised = normaliseServer(server, 'http://invalid.invalid/');
  if (!normalised.ok || !/^wss?:\/\//.test(server)) return err(broken);
  return ok({ server: normalised.value, room, access: edit ? 'edit' : 'read', secret });
}
