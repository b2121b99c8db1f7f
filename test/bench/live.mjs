// `npm run bench` (second part): live workshops. 10 simulated participants (Node Y.Docs
// with Hocuspocus providers) against a real sync server, each making 50 edits: the time
// until all have converged, printed against the same figure for 1 participant in the same
// run. It is not a test and never fails on a timing. Environment: BENCH_LIVE_RUNS (5).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectClient, newRoom, settled, startSyncServer, waitFor } from '../../server/testing.mjs';

const EDITS = 50;
const CROWD = 10;
const RUNS = Math.max(1, Number(process.env.BENCH_LIVE_RUNS) || 5);

/** @param {number[]} xs */
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/**
 * One round: `participants` clients join a fresh room, edit at once, and we wait for convergence.
 * @param {string} url
 * @param {number} participants
 */
async function round(url, participants) {
  const { room, edit: token } = newRoom();
  // the first registers the room; the rest join it
  const first = connectClient({ url, room, token });
  const clients = [first];
  await settled(first);
  for (let i = 1; i < participants; i++) clients.push(connectClient({ url, room, token }));
  await Promise.all(clients.map((c) => settled(c)));
  const total = participants * EDITS;
  const start = performance.now();
  // each edit is its own transaction and its own update, as in the app; the participants interleave
  await Promise.all(
    clients.map(async (c, who) => {
      const people = c.doc.getMap('people');
      for (let n = 0; n < EDITS; n++) {
        people.set(`p-${who}-${n}`, { id: `p-${who}-${n}`, name: `Deltager ${who} person ${n}`, email: '' });
        await new Promise((r) => setImmediate(r));
      }
    }),
  );
  await waitFor(
    () => clients.every((c) => c.doc.getMap('people').size === total && c.provider.isSynced && !c.provider.hasUnsyncedChanges),
    60_000,
    'convergence',
  );
  const ms = performance.now() - start;
  for (const c of clients) c.destroy();
  return ms;
}

async function main() {
  const dataDir = await mkdtemp(join(tmpdir(), 'rollekort-bench-live-'));
  const server = await startSyncServer({ dataDir });
  try {
    await round(server.url, 2); // warm-up: JIT and the server's first room
    /** @type {number[]} */
    const one = [];
    /** @type {number[]} */
    const crowd = [];
    for (let r = 0; r < RUNS; r++) {
      one.push(await round(server.url, 1));
      crowd.push(await round(server.url, CROWD));
    }
    const m1 = median(one);
    const m10 = median(crowd);
    console.log(`\nLive workshop sync (one sync server process, ${RUNS} rounds each, median)\n`);
    console.log(`  1 participant,  ${EDITS} edits:             ${m1.toFixed(0).padStart(6)} ms until converged`);
    console.log(`  ${CROWD} participants, ${EDITS} edits each (${CROWD * EDITS}): ${m10.toFixed(0).padStart(6)} ms until all converged`);
    console.log(`  ratio ${CROWD} : 1 = ${(m10 / m1).toFixed(2)} (for ${CROWD}x the edits, each sent to ${CROWD - 1} others)`);
    console.log(`  raw, 1: ${one.map((t) => t.toFixed(0)).join(' ')}; ${CROWD}: ${crowd.map((t) => t.toFixed(0)).join(' ')}`);
  } finally {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
