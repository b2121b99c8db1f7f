// Presence (Yjs awareness) across dropped connections, against a real sync server process:
// a person whose connection drops and comes back must be listed again by the others at
// once, not only when their awareness clock is next renewed (every 15 s).
import { describe, expect, it } from 'vitest';
import { readPresence, reannounce } from '../src/sync/presence.ts';
import { syncServerFixture, type Client } from './fixture.ts';
import { newRoom, settled, waitFor } from './testing.mjs';

const { server, client } = syncServerFixture('rollekort-presence-');

/** A participant that publishes its presence the way the app's ShareManager does (also on every sync). */
function person(url: string, room: string, token: string, name: string) {
  const c = client(url, room, token);
  c.provider.awareness!.setLocalState({ name, color: '#b3261e', role: null, leading: null });
  c.provider.on('synced', () => reannounce(c.provider.awareness));
  return c;
}

/** The names `viewer` lists as connected (other than itself), as the app reads them. */
function seen(viewer: Client): string[] {
  const names: string[] = [];
  for (const [clientId, state] of viewer.provider.awareness!.getStates()) {
    if (clientId === viewer.doc.clientID) continue;
    const peer = readPresence(clientId, state);
    if (peer) names.push(peer.name);
  }
  return names.sort();
}

const socket = (c: Client) => c.provider.configuration.websocketProvider;

// Well under the awareness renewal (15 s after the last change), so only a prompt
// re-announcement passes; with room for a CI machine under load.
const PROMPT_MS = 5000;

describe('presence after a dropped connection', { timeout: 30_000 }, () => {
  it('the others list a person again at once when their connection comes back', async () => {
    const { url } = await server();
    const { room, edit } = newRoom();
    const anne = person(url, room, edit, 'Anne');
    const bo = person(url, room, edit, 'Bo');
    await Promise.all([settled(anne), settled(bo)]);
    await waitFor(() => seen(anne).includes('Bo') && seen(bo).includes('Anne'), PROMPT_MS, 'both see each other');

    // what the app does on the browser's `offline` and `online` events
    socket(bo).disconnect();
    await waitFor(() => !seen(anne).includes('Bo'), PROMPT_MS, 'Anne sees Bo leave');
    void socket(bo).connect();
    await settled(bo);
    await waitFor(() => seen(anne).includes('Bo'), PROMPT_MS, 'Anne lists Bo again');
    await waitFor(() => seen(bo).includes('Anne'), PROMPT_MS, 'Bo lists Anne again');

    // and the next drop is seen too (no ghost left behind by the first reconnection)
    socket(bo).disconnect();
    await waitFor(() => !seen(anne).includes('Bo'), PROMPT_MS, 'Anne sees Bo leave a second time');
    void socket(bo).connect();
    await settled(bo);
    await waitFor(() => seen(anne).includes('Bo'), PROMPT_MS, 'Anne lists Bo again after the second drop');
  });

  it('everyone lists everyone again at once after the server crashes and restarts', async () => {
    const first = await server();
    const { room, edit } = newRoom();
    const anne = person(first.url, room, edit, 'Anne');
    const bo = person(first.url, room, edit, 'Bo');
    await Promise.all([settled(anne), settled(bo)]);
    await waitFor(() => seen(anne).includes('Bo') && seen(bo).includes('Anne'), PROMPT_MS, 'both see each other');

    // killed without warning: it cannot tell anyone that the others left (a graceful stop
    // does, which happens to renew each client's clock)
    await first.kill();
    await waitFor(() => seen(anne).length === 0 && seen(bo).length === 0, PROMPT_MS, 'both see the other leave');
    await server({ port: first.port });
    // the providers retry with a growing delay; what counts is the time after they are back
    await Promise.all([settled(anne, 20_000), settled(bo, 20_000)]);
    await waitFor(() => seen(anne).includes('Bo') && seen(bo).includes('Anne'), PROMPT_MS, 'both list each other again');
    expect(seen(anne)).toEqual(['Bo']);
    expect(seen(bo)).toEqual(['Anne']);
  });
});
