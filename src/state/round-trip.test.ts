import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addPerson, addSystem, assign, renameWorkspace, type WorkspaceData } from '../domain/workspace';
import { shippedCatalogue } from '../domain/workspace/fixtures';
import { FULL, recordReliability } from './reliability-record';
import { WorkspaceManager } from './workspace-manager.svelte';

const cat = shippedCatalogue();
const roleIds = cat.roles.map((r) => r.id);
const phases = ['drift', ...cat.phases.map((p) => p.id)];

const name = fc.oneof(
  { arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }), weight: 3 },
  fc.constantFrom('Ole\u202E', 'rapport\u202Efdp.exe', 'Åse Ærø-Østergård', '"Citat", komma; semikolon', '=SUM(A1)', 'محمد', '名前', 'x'.repeat(200)),
);

/** An edit the app can make, drawn at random; the ones that do not apply are simply refused. */
type Edit = (ws: WorkspaceData) => ReturnType<typeof addPerson> | WorkspaceData;
const edit: fc.Arbitrary<Edit> = fc.oneof<fc.Arbitrary<Edit>[]>(
  fc.record({ name, title: fc.option(name, { nil: undefined }), unit: fc.option(name, { nil: undefined }), note: fc.option(fc.string({ maxLength: 500 }), { nil: undefined }) }).map((input): Edit => (ws) => addPerson(ws, input)),
  fc.tuple(name, fc.constantFrom(...phases)).map(([n, phase]): Edit => (ws) => addSystem(ws, { name: n, phase })),
  fc.tuple(fc.nat(), fc.constantFrom(...roleIds), fc.nat()).map(([p, role, s]): Edit => (ws) => {
    const person = ws.people[p % Math.max(1, ws.people.length)];
    const system = ws.systems.length ? ws.systems[s % ws.systems.length]!.id : null;
    return person ? assign(ws, cat, person.id, role, system) : ws;
  }),
  name.map((n): Edit => (ws) => renameWorkspace(ws, n)),
);

describe('reliability: round trips', () => {
  it(`${FULL ? 200 : 40} workspaces survive export → import → export unchanged, apart from exportedAt`, async () => {
    const m = new WorkspaceManager(cat, null, { dbName: 'round-trips' });
    await m.init();
    let tried = 0;
    let failed = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 25 }), async (edits) => {
        tried++;
        expect(await m.createWorkspace('Rundtur')).toBeNull();
        for (const e of edits) m.edit(e);
        await m.settle();
        const first = m.exportCurrent(new Date('2026-01-01T00:00:00Z'));
        // the original goes first, so its name is free again: an import beside it would get a " (2)"
        expect(await m.deleteWorkspace(m.id!)).toBeNull();
        expect(await m.importText(first.text)).toBeNull();
        expect(m.nameChange).toBeNull();
        await m.settle();
        const second = m.exportCurrent(new Date('2026-06-01T00:00:00Z'));
        const strip = (text: string) => ({ ...JSON.parse(text), exportedAt: undefined });
        try {
          expect(strip(second.text)).toEqual(strip(first.text));
          expect(second.fileName).toBe(first.fileName);
        } catch (e) {
          failed++;
          throw e;
        }
        expect(await m.deleteWorkspace(m.id!)).toBeNull();
      }),
      { numRuns: FULL ? 200 : 40 },
    );
    recordReliability('round-trips', { tried, failed, lost: 0 });
    m.close();
  }, 600_000);
});
