import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { checkWritable } from '../document';
import { shippedCatalogue } from '../domain/workspace/fixtures';
import { FULL, recordReliability } from './reliability-record';
import { WorkspaceManager } from './workspace-manager.svelte';

const cat = shippedCatalogue();
let n = 0;

async function dump(name: string) {
  const db = await openDB(name);
  const all = { workspaces: await db.getAll('workspaces'), meta: await db.getAll('meta'), backups: await db.getAll('backups') };
  db.close();
  return all;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every path into a JSON value, so a corruption can pick any one of them. */
function paths(value: Json, at: (string | number)[] = []): (string | number)[][] {
  const out = [at];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...at, i])));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...at, k]));
  return out;
}

function setAt(root: Json, path: (string | number)[], make: (old: Json) => Json | undefined): Json {
  if (path.length === 0) return make(root) ?? null;
  const copy = structuredClone(root) as Record<string | number, Json>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, Json>;
  const last = path[path.length - 1]!;
  const next = make(node[last]!);
  if (next === undefined) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else node[last] = next;
  return copy;
}

/** A corruption of a valid export: of its JSON (a value replaced, removed, retyped, a key added) or of its text. */
const corruption = (valid: string) => {
  const doc = JSON.parse(valid) as Json;
  const all = paths(doc);
  const jsonEdit = fc
    .tuple(
      fc.constantFrom(...all),
      fc.oneof(
        fc.constant<'delete'>('delete'),
        fc.jsonValue({ maxDepth: 2 }).map((v) => ({ value: v as Json })),
        fc.constantFrom<Json>('', '\u202E', 'x'.repeat(201), -1, 1e308, 99, null, [], {}, '__proto__', 'kejser', 'p-anne'),
        fc.string({ maxLength: 12 }).map((k) => ({ key: k as string })),
      ),
    )
    .map(([path, how]) =>
      JSON.stringify(
        setAt(doc, path, (old) => {
          if (how === 'delete') return undefined;
          if (typeof how === 'object' && how !== null && 'key' in how) return old && typeof old === 'object' && !Array.isArray(old) ? { ...old, [String(how.key)]: 1 } : old;
          if (typeof how === 'object' && how !== null && 'value' in how) return how.value;
          return how as Json;
        }),
      ),
    );
  const textEdit = fc.oneof(
    fc.nat(valid.length).map((i) => valid.slice(0, i)),
    fc.tuple(fc.nat(valid.length), fc.string({ maxLength: 6 })).map(([i, s]) => valid.slice(0, i) + s + valid.slice(i)),
    fc.tuple(fc.nat(valid.length - 1), fc.integer({ min: 0, max: 0xffff })).map(([i, c]) => valid.slice(0, i) + String.fromCharCode(c) + valid.slice(i + 1)),
  );
  return fc.oneof({ arbitrary: jsonEdit, weight: 3 }, textEdit);
};

describe('reliability: import fuzzing', () => {
  it(`${FULL ? 1000 : 150} corrupted files: each is refused in Danish with storage unchanged, or becomes a valid workspace`, async () => {
    const name = `fuzz-${++n}`;
    const m = new WorkspaceManager(cat, null, { dbName: name });
    await m.init();
    await m.settle();
    const valid = m.exportCurrent().text;
    let tried = 0;
    let refused = 0;
    let accepted = 0;
    let failed = 0;
    await fc.assert(
      fc.asyncProperty(corruption(valid), async (text) => {
        tried++;
        const before = await dump(name);
        let error: string | null;
        try {
          error = await m.importText(text);
        } catch (e) {
          failed++;
          throw e;
        }
        if (error) {
          refused++;
          // Danish, and saying something: the sentence has Danish words, not a bare exception
          expect(error).toMatch(/ikke|skal|må|for |findes|mangler|Filen|gemt|bruges|nyere|bruger|ugyldig|allerede|sig selv/);
          expect(error).not.toMatch(/TypeError|undefined|\[object|Invalid|Expected|received/);
          expect(await dump(name)).toEqual(before);
        } else {
          accepted++;
          await m.settle();
          expect(checkWritable(m.data, cat).ok).toBe(true);
          expect((await dump(name)).workspaces).toHaveLength(before.workspaces.length + 1);
          // delete it again, so the database stays small and each run costs the same
          expect(await m.deleteWorkspace(m.id!)).toBeNull();
          m.dismissDeleted();
        }
      }),
      { numRuns: FULL ? 1000 : 150 },
    );
    recordReliability('import-fuzz', { tried, failed, lost: 0, note: `${refused} refused, ${accepted} accepted as valid workspaces` });
    expect(refused).toBeGreaterThan(0);
    m.close();
  }, 600_000);
});
