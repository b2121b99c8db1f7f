// ShareManager against a real sync server (a child process), with Node WebSockets.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startSyncServer, waitFor } from '../../server/testing.mjs';
import { ShareManager, type SharedWorkspace } from './share-manager.svelte';

class FakeStorage {
  #items = new Map<string, string>();
  getItem(key: string) { return this.#items.get(key) ?? null; }
  setItem(key: string, value: string) { this.#items.set(key, value); }
}

/** A workspace stand-in: only what sharing needs (the storage core provides the real one). */
class FakeWorkspace implements SharedWorkspace {
  id: string | null = 'ws-local';
  doc: Y.Doc | null = new Y.Doc();
  readOnly = false;
  createdWithName: string | null = null;
  async openOrCreate(id: string, name: string) {
    this.id = id;
    this.createdWithName = name;
    this.doc = new Y.Doc();
    return null;
  }
}

let server: Awaited<ReturnType<typeof startSyncServer>>;
let dataDir: string;
const managers: ShareManager[] = [];

beforeAll(async () => {
  (globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;
  dataDir = await mkdtemp(join(tmpdir(), 'rollekort-share-'));
  server = await startSyncServer({ dataDir });
});
afterAll(async () => {
  await server.stop();
  await rm(dataDir, { recursive: true, force: true });
});
afterEach(() => {
  for (const m of managers.splice(0)) m.stopSharing();
});

function person(name: string) {
  const workspace = new FakeWorkspace();
  const share = new ShareManager(workspace, new FakeStorage() as unknown as Storage);
  share.setName(name);
  managers.push(share);
  return { workspace, share };
}

async function shared() {
  const anne = person('Anne');
  const result = await anne.share.share(server.url, 'http://app.test/');
  expect(result).toEqual({ ok: true, value: null });
  await waitFor(() => anne.share.state === 'connected' && anne.share.links !== null, 10_000, 'Anne connected');
  return anne;
}

describe('ShareManager', { timeout: 30_000 }, () => {
  it('shares a workspace; a participant opens the link and gets the same document, and sees who is there', async () => {
    const anne = await shared();
    anne.workspace.doc!.getMap('people').set('p1', { id: 'p1', name: 'Før linket' });
    anne.workspace.doc!.getMap('meta').set('name', 'Eksempel Kommune');
    const bo = person('Bo');
    const hash = new URL(anne.share.links!.edit).hash;
    expect(await bo.share.openLink(hash)).toBeNull();
    expect(bo.workspace.id).toBe(`live-${anne.share.target!.room}`);
    // the local copy is made with the room's own name, so joining renames nothing
    expect(bo.workspace.createdWithName).toBe('Eksempel Kommune');
    await waitFor(() => bo.share.state === 'connected', 10_000, 'Bo connected');
    await waitFor(() => bo.workspace.doc!.getMap('people').has('p1'), 10_000, 'the document');
    expect(bo.workspace.readOnly).toBe(false);
    await waitFor(() => anne.share.peers.some((p) => p.name === 'Bo') && bo.share.peers.some((p) => p.name === 'Anne'), 10_000, 'presence');
    // told apart by colour too: whoever came later takes a colour nobody has
    await waitFor(() => anne.share.ownColour !== bo.share.ownColour, 10_000, 'two colours');
    await waitFor(() => anne.share.peers.find((p) => p.name === 'Bo')?.color === bo.share.ownColour, 10_000, 'Bo’s colour at Anne’s');

    // a selected role shows for the others
    bo.share.setRole('projektleder');
    await waitFor(() => anne.share.peersOn('projektleder').some((p) => p.name === 'Bo'), 10_000, 'role marker');

    // Følg mig: Anne leads, Bo follows her camera and selection, until he stops
    anne.share.setView({ x: 10, y: 20, width: 300, height: 200 });
    anne.share.setRole('gevinstejer');
    anne.share.lead(true);
    await waitFor(() => bo.share.followView?.x === 10, 10_000, 'follow');
    expect(bo.share.leader?.name).toBe('Anne');
    expect(bo.share.followRole).toBe('gevinstejer');
    bo.share.follow(false);
    expect(bo.share.followView).toBeNull();
    expect(bo.share.followRole).toBeUndefined();
    // one leader at a time: when Bo leads, Anne stops
    bo.share.setView({ x: 1, y: 1, width: 1, height: 1 });
    bo.share.lead(true);
    await waitFor(() => !anne.share.leading, 10_000, 'Anne stops leading');
  }, 20_000);

  it('a read-only link makes the workspace read-only; a wrong secret is refused in Danish', async () => {
    const anne = await shared();
    const viewer = person('Vera');
    expect(await viewer.share.openLink(new URL(anne.share.links!.read).hash)).toBeNull();
    expect(viewer.workspace.readOnly).toBe(true);
    expect(viewer.share.links).toBeNull();
    await waitFor(() => viewer.share.state === 'connected', 10_000, 'viewer connected');
    // a viewer is listed as a viewer and cannot lead ("Følg mig"): nobody's map follows theirs
    await waitFor(() => anne.share.peers.some((p) => p.name === 'Vera'), 10_000, 'Vera listed');
    expect(anne.share.peers.find((p) => p.name === 'Vera')!.viewer).toBe(true);
    viewer.share.setView({ x: 5, y: 5, width: 100, height: 100 });
    viewer.share.lead(true);
    expect(viewer.share.leading).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(anne.share.leader).toBeNull();
    viewer.share.stopSharing();
    expect(viewer.workspace.readOnly).toBe(false);

    const intruder = person('Ivan');
    const wrong = new URL(anne.share.links!.edit).hash.replace(/rediger=[\w-]+/, `rediger=${'x'.repeat(43)}`);
    expect(await intruder.share.openLink(wrong)).toBeNull();
    await waitFor(() => intruder.share.state === 'refused', 10_000, 'refusal');
    expect(intruder.share.refusal).toMatch(/hemmeligheden passer ikke/);
    expect(intruder.workspace.doc!.getMap('people').size).toBe(0);
  }, 20_000);

  it('says "Kan ikke forbinde", and that edits are kept, when the server cannot be reached, and refuses a broken link', async () => {
    const lone = person('Lone');
    await lone.share.share('ws://127.0.0.1:9', 'http://app.test/');
    await waitFor(() => lone.share.state === 'unreachable', 10_000, 'unreachable');
    expect(lone.share.statusText).toBe('Kan ikke forbinde: ændringer gemmes her og sendes, når serveren svarer');
    expect(await lone.share.openLink('#rum=kort&rediger=x')).toMatch(/ufuldstændigt/);
  });
});
