import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { unwrap } from '../domain/result';
import { addPerson, assign, demoWorkspace, removePerson, renameWorkspace, validateWorkspace, type WorkspaceData } from '../domain/workspace';
import { makeWorkspace, shippedCatalogue } from '../domain/workspace/fixtures';
import { applyEdit, docFromWorkspace, LOCAL_ORIGIN, rawWorkspace, readWorkspace, sharedTypes } from './workspace-doc';

const cat = shippedCatalogue();
const ROLES = ['projektleder', 'projektejer', 'systemejer', 'sikkerhedsansvarlig', 'gevinstejer'];

/** Two replicas that exchange every update; `deliver` hands over what is queued, in the order given. */
function replicas(data: WorkspaceData) {
  const a = docFromWorkspace(data);
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  const queued: { to: Y.Doc; update: Uint8Array }[] = [];
  a.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && queued.push({ to: b, update: u }));
  b.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && queued.push({ to: a, update: u }));
  return { a, b, queued };
}

/** One edit a participant can make, as the app's own operations make it. */
type Step = { kind: 'add'; n: number } | { kind: 'assign'; person: number; role: number } | { kind: 'remove'; person: number } | { kind: 'rename'; n: number };
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), n: fc.nat(5) }),
  fc.record({ kind: fc.constant('assign' as const), person: fc.nat(5), role: fc.nat(ROLES.length - 1) }),
  fc.record({ kind: fc.constant('remove' as const), person: fc.nat(5) }),
  fc.record({ kind: fc.constant('rename' as const), n: fc.nat(5) }),
);

function apply(ws: WorkspaceData, s: Step, who: string, i: number): WorkspaceData {
  const personId = (n: number) => `p-${n}`;
  switch (s.kind) {
    case 'add':
      return ws.people.some((p) => p.id === personId(s.n)) ? ws : unwrap(addPerson(ws, { name: `Person ${s.n}` }, personId(s.n), `u-${who}${i}`));
    case 'assign': {
      const r = assign(ws, cat, personId(s.person), ROLES[s.role]!, 's-aula', `a-${who}-${i}`);
      return r.ok ? r.value : ws;
    }
    case 'remove':
      return removePerson(ws, personId(s.person));
    case 'rename':
      return unwrap(renameWorkspace(ws, `Navn ${who}${s.n}`));
  }
}

/** Applies a step the way WorkspaceManager.edit does: on the replica's plain view, then into its doc. */
function edit(doc: Y.Doc, s: Step, who: string, i: number) {
  const before = readWorkspace(doc, cat).data;
  const after = apply(before, s, who, i);
  if (after !== before && validateWorkspace(after, cat).ok) applyEdit(doc, before, after);
}

describe('the workspace as a Yjs document', () => {
  it('holds a workspace and gives it back unchanged, in the same order', () => {
    const ws = demoWorkspace();
    const doc = docFromWorkspace(ws);
    expect(readWorkspace(doc, cat)).toEqual({ data: ws, ignored: [] });
  });

  it('an edit writes only what changed', () => {
    const ws = demoWorkspace();
    const doc = docFromWorkspace(ws);
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    const next = unwrap(addPerson(ws, { name: 'Ny Person' }, 'p-ny', 'u-ny'));
    applyEdit(doc, ws, next);
    expect(updates).toHaveLength(1);
    expect(updates[0]!.byteLength).toBeLessThan(Y.encodeStateAsUpdate(doc).byteLength / 10);
    expect(readWorkspace(doc, cat).data).toEqual(next);
  });

  it('keeps the order of a list when a record is put in the middle', () => {
    const ws = makeWorkspace();
    const doc = docFromWorkspace(ws);
    const next = { ...ws, people: [ws.people[0]!, { id: 'p-mid', name: 'Midt' }, ws.people[1]!] };
    applyEdit(doc, ws, next);
    expect(readWorkspace(doc, cat).data.people.map((p) => p.id)).toEqual(['p-1', 'p-mid', 'p-2']);
  });

  it('any edits made on two replicas, delivered in any order, converge to the same valid workspace (property)', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 8 }), fc.array(step, { maxLength: 8 }), fc.array(fc.boolean(), { maxLength: 40 }), (stepsA, stepsB, order) => {
        const { a, b, queued } = replicas(makeWorkspace());
        stepsA.forEach((s, i) => edit(a, s, 'a', i));
        stepsB.forEach((s, i) => edit(b, s, 'b', i));
        // deliver in an arbitrary interleaving: sometimes from the end of the queue
        let k = 0;
        while (queued.length) {
          const { to, update } = order[k++ % Math.max(1, order.length)] ? queued.pop()! : queued.shift()!;
          Y.applyUpdate(to, update, 'remote');
        }
        const ra = readWorkspace(a, cat);
        const rb = readWorkspace(b, cat);
        expect(ra.data).toEqual(rb.data);
        expect(validateWorkspace(ra.data, cat).ok).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('a record a peer sent that breaks a rule is left out and said, and the doc keeps it', () => {
    const ws = makeWorkspace();
    const doc = docFromWorkspace(ws);
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    // a peer (or a server) sends an assignment to a role the catalogue does not have, and a person with no name
    peer.getMap('assignments').set('a-x', { o: 9, r: { id: 'a-x', personId: 'p-1', roleId: 'kejser', systemId: 's-aula' } });
    peer.getMap('people').set('p-x', { o: 9, r: { id: 'p-x', name: '' } });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer));
    const read = readWorkspace(doc, cat);
    expect(read.data.assignments).toEqual([]);
    expect(read.data.people.map((p) => p.id)).toEqual(['p-1', 'p-2', 'p-x']);
    expect(read.data.people[2]!.name).not.toBe('');
    expect(read.ignored.join(' ')).toMatch(/kejser|rolle/);
    expect(validateWorkspace(read.data, cat).ok).toBe(true);
    expect((rawWorkspace(doc).assignments as unknown[]).length).toBe(1);
  });

  it('a person removed on one side while given a role on the other: the dropped assignment names its role', () => {
    const { a, b, queued } = replicas(makeWorkspace());
    const change = (doc: Y.Doc, f: (ws: WorkspaceData) => WorkspaceData) => {
      const before = readWorkspace(doc, cat).data;
      applyEdit(doc, before, f(before));
    };
    change(a, (ws) => removePerson(ws, 'p-1'));
    change(b, (ws) => unwrap(assign(ws, cat, 'p-1', 'superbruger', 's-aula', 'a-late')));
    for (const { to, update } of queued.splice(0)) Y.applyUpdate(to, update, 'remote');
    const read = readWorkspace(a, cat);
    expect(read.data.people.some((p) => p.id === 'p-1')).toBe(false);
    expect(read.ignored.join(' ')).toMatch(/Tildeling nr\. \d+ \(.*Superbruger.*\) er fjernet: personen findes ikke/);
    expect(readWorkspace(b, cat).ignored).toEqual(read.ignored);
  });

  it('something that is no workspace at all never crashes the read', () => {
    const doc = new Y.Doc();
    doc.getMap('meta').set('name', 42);
    doc.getMap('people').set('x', 'not an entry' as never);
    const read = readWorkspace(doc, cat);
    expect(validateWorkspace(read.data, cat).ok).toBe(true);
    expect(read.ignored.length).toBeGreaterThan(0);
  });

  it('undo takes back this user’s own edits only, never another person’s', () => {
    const { a, b, queued } = replicas(makeWorkspace());
    const undo = new Y.UndoManager(sharedTypes(a), { trackedOrigins: new Set([LOCAL_ORIGIN]), captureTimeout: 0 });
    edit(a, { kind: 'add', n: 7 }, 'a', 0);
    edit(b, { kind: 'rename', n: 1 }, 'b', 0);
    edit(b, { kind: 'add', n: 8 }, 'b', 1);
    for (const { to, update } of queued.splice(0)) Y.applyUpdate(to, update, 'remote');
    undo.undo();
    for (const { to, update } of queued.splice(0)) Y.applyUpdate(to, update, 'remote');
    for (const doc of [a, b]) {
      const data = readWorkspace(doc, cat).data;
      expect(data.people.map((p) => p.id)).toEqual(['p-1', 'p-2', 'p-8']);
      expect(data.name).toBe('Navn b1');
    }
    expect(undo.undoStack).toHaveLength(0);
  });
});
