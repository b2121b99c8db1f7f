import * as Y from 'yjs';
import type { Catalogue } from '../domain/catalogue';
import { WORKSPACE_VERSION, WorkspaceDataSchema, validateWorkspace, type WorkspaceData } from '../domain/workspace';
import { repairDocument, WORKSPACE_FORMAT } from '../document';

/**
 * The open workspace as a Yjs document. Every list of the workspace (people, units, systems,
 * assignments, and whatever later versions add) is a Y.Map from record id to an entry
 * `{ o, r }`: the plain record and its place in the list. Fields that are not lists (the
 * name) live in the map "meta". Records are replaced whole, so two people editing different
 * records never overwrite each other, and Yjs settles two edits of the same record.
 */

import { LOCAL_ORIGIN } from './origins';

export { LOCAL_ORIGIN };

/** A record in its collection: `o` orders the list the same way on every replica. */
interface Entry {
  o: number;
  r: { id: string };
}

type Lists = { [K in keyof WorkspaceData]: WorkspaceData[K] extends readonly unknown[] ? K : never }[keyof WorkspaceData];
type Records = { id: string }[];

/** The lists of a workspace, read from the schema, so a list a later version adds is a collection too. */
export const COLLECTIONS = Object.entries(WorkspaceDataSchema.entries)
  .filter(([, schema]) => unwrap(schema).type === 'array')
  .map(([key]) => key as Lists);
const FIELDS = Object.keys(WorkspaceDataSchema.entries).filter((k) => !(COLLECTIONS as string[]).includes(k)) as (keyof WorkspaceData)[];

function unwrap(schema: { type: string; pipe?: readonly { type: string; kind: string }[] }): { type: string } {
  return schema.type === 'array' || !schema.pipe ? schema : (schema.pipe[0] as { type: string });
}

const meta = (doc: Y.Doc) => doc.getMap<unknown>('meta');
const collection = (doc: Y.Doc, key: Lists) => doc.getMap<Entry>(key);

/** The shared types an undo manager watches. */
export const sharedTypes = (doc: Y.Doc): Y.Map<unknown>[] => [meta(doc), ...COLLECTIONS.map((k) => collection(doc, k) as Y.Map<unknown>)];

const records = (data: WorkspaceData, key: Lists) => data[key] as unknown as Records;

/**
 * Writes the change from `before` to `after` into the doc, in one transaction: records
 * that are new or replaced (a record is never changed in place) are set, records that are
 * gone are deleted. What the doc holds beyond `before` (parts another replica sent that
 * `before` leaves out) is left alone. `values` is `after` as the write gate normalised it
 * (same lists, same order): what is written comes from there.
 */
export function applyEdit(doc: Y.Doc, before: WorkspaceData | null, after: WorkspaceData, origin: unknown = LOCAL_ORIGIN, values: WorkspaceData = after): void {
  doc.transact(() => {
    const m = meta(doc);
    for (const f of FIELDS) if (!before || before[f] !== after[f]) m.set(f, values[f]);
    if (!before) m.set('version', WORKSPACE_VERSION);
    for (const key of COLLECTIONS) {
      const next = records(after, key);
      const written = records(values, key);
      const prev = before ? records(before, key) : [];
      if (prev === next) continue;
      const map = collection(doc, key);
      // an edit changes a few records in a long list: look only at the stretch between the
      // unchanged start and the unchanged end, so an edit costs the same in any size of workspace
      let from = 0;
      while (from < prev.length && from < next.length && prev[from] === next[from]) from++;
      let tail = 0;
      while (tail < prev.length - from && tail < next.length - from && prev[prev.length - 1 - tail] === next[next.length - 1 - tail]) tail++;
      const changed = next.slice(from, next.length - tail);
      const old = new Map(prev.slice(from, prev.length - tail).map((r) => [r.id, r]));
      // where each existing record stands, and the next one after each place: new records go between
      const placed = changed.map((r) => map.get(r.id)?.o);
      const following: (number | undefined)[] = new Array(changed.length);
      let ahead: number | undefined = tail ? map.get(next[next.length - tail]!.id)?.o : undefined;
      for (let i = changed.length - 1; i >= 0; i--) {
        following[i] = ahead;
        if (placed[i] !== undefined) ahead = placed[i];
      }
      const keep = new Set<string>();
      let last = from ? (map.get(next[from - 1]!.id)?.o ?? -Infinity) : -Infinity;
      changed.forEach((r, i) => {
        keep.add(r.id);
        const at = placed[i];
        const inOrder = at !== undefined && at > last;
        if (inOrder && old.get(r.id) === r) {
          last = at;
          return;
        }
        const up = following[i];
        const o = inOrder ? at : up === undefined || up <= last ? (last === -Infinity ? 0 : last + 1) : last === -Infinity ? up - 1 : (last + up) / 2;
        map.set(r.id, { o, r: written[from + i] ?? r });
        last = o;
      });
      for (const id of old.keys()) if (!keep.has(id)) map.delete(id);
    }
  }, origin);
}

/** A new doc holding the workspace. */
export function docFromWorkspace(data: WorkspaceData): Y.Doc {
  const doc = new Y.Doc();
  applyEdit(doc, null, data);
  return doc;
}

/** The workspace the doc holds, as it is, in list order; not yet checked. */
export function rawWorkspace(doc: Y.Doc): Record<string, unknown> {
  const m = meta(doc);
  const out: Record<string, unknown> = {};
  for (const f of FIELDS) out[f] = m.get(f);
  for (const key of COLLECTIONS) {
    const entries = [...collection(doc, key).entries()];
    entries.sort(([a, x], [b, y]) => x.o - y.o || (a < b ? -1 : a > b ? 1 : 0));
    out[key] = entries.map(([, e]) => e.r);
  }
  return out;
}

/** What the doc holds as a valid workspace, and in Danish what had to be left out or mended. */
export interface ReadResult {
  data: WorkspaceData;
  ignored: string[];
}

/**
 * The plain, validated workspace the doc holds. Anything that breaks a rule (a record
 * another replica sent that points nowhere, an unknown role, a name too long) is left
 * out or mended by the same repair a damaged stored workspace gets, and said in `ignored`;
 * the doc itself keeps it, so nothing another person wrote is thrown away here.
 */
export function readWorkspace(doc: Y.Doc, catalogue: Catalogue): ReadResult {
  const raw = rawWorkspace(doc);
  const valid = validateWorkspace(raw, catalogue);
  if (valid.ok) return { data: valid.value, ignored: [] };
  const envelope = {
    format: WORKSPACE_FORMAT,
    version: WORKSPACE_VERSION,
    catalogue: { id: 'rollegalleri', version: catalogue.catalogueVersion },
    workspace: raw,
  };
  const repaired = repairDocument(envelope, catalogue);
  if (repaired.ok) return { data: repaired.value.data, ignored: repaired.value.changes };
  // not even a repair holds: show nothing rather than something wrong
  return { data: { ...emptyLists(), name: typeof raw.name === 'string' && raw.name.trim() ? raw.name : 'Uden navn' } as WorkspaceData, ignored: [repaired.error.message] };
}

const emptyLists = () => Object.fromEntries(COLLECTIONS.map((k) => [k, []]));

/** The doc's state as one update, to store or send. */
export const encodeState = (doc: Y.Doc): Uint8Array => Y.encodeStateAsUpdate(doc);
