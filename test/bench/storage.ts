// The storage bench page: in real Chromium IndexedDB, the time from one edit to its local
// write, at several workspace sizes, beside the time to write the whole workspace (a
// checkpoint, which is what every edit cost before the update log). Run by storage.mjs.
import rawCatalogue from '../../static/catalogues/rollegalleri-1.5.json';
import { parseCatalogue } from '../../src/domain/catalogue/load';
import { unwrap } from '../../src/domain/result';
import { addPeople, addPerson, emptyWorkspace, type PersonInput, type WorkspaceData } from '../../src/domain/workspace';
import { openDatabase, WorkspaceRepository } from '../../src/persistence';
import { applyEdit } from '../../src/sync/workspace-doc';

export interface StorageFigures {
  people: number;
  /** ms from an edit to its update being stored, one per edit */
  edit: number[];
  /** bytes of each edit's update */
  bytes: number[];
  /** ms to write a checkpoint of the whole workspace */
  checkpoint: number[];
}

declare global {
  interface Window {
    __storageBench?: (sizes: number[], edits: number) => Promise<StorageFigures[]>;
  }
}

const catalogue = unwrap(parseCatalogue(rawCatalogue));

function workspaceOf(people: number): WorkspaceData {
  const inputs: PersonInput[] = Array.from({ length: people }, (_, i) => ({ name: `Person ${i + 1}`, title: 'Medarbejder', email: `person${i + 1}@kommune.dk` }));
  return unwrap(addPeople(emptyWorkspace('Bench'), inputs));
}

async function measure(people: number, edits: number): Promise<StorageFigures> {
  const db = await openDatabase(() => {}, `bench-storage-${people}-${Date.now()}`);
  const repo = new WorkspaceRepository(db, catalogue);
  unwrap(await repo.create('w', workspaceOf(people)));
  const loaded = unwrap(await repo.load('w'));
  let data = loaded.data;
  let update: Uint8Array | null = null;
  loaded.doc.on('update', (u: Uint8Array) => (update = u));
  const figures: StorageFigures = { people, edit: [], bytes: [], checkpoint: [] };
  for (let i = 0; i < edits; i++) {
    const next = unwrap(addPerson(data, { name: `Ny ${i}` }));
    const t0 = performance.now();
    applyEdit(loaded.doc, data, next);
    unwrap(await repo.append('w', update!));
    figures.edit.push(performance.now() - t0);
    figures.bytes.push(update!.byteLength);
    data = next;
  }
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    unwrap(await repo.compact('w', loaded.doc, [], unwrap(await repo.updatesSince('w', new Set(), -1)).revision));
    figures.checkpoint.push(performance.now() - t0);
  }
  db.close();
  return figures;
}

window.__storageBench = async (sizes, edits) => {
  const out: StorageFigures[] = [];
  for (const n of sizes) out.push(await measure(n, edits));
  document.getElementById('status')!.textContent = 'Færdig';
  return out;
};
