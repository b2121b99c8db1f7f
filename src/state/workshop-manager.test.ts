import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { shippedCatalogue } from '../domain/workspace/fixtures';
import { openDatabase, WorkspaceRepository } from '../persistence';
import { WorkshopManager } from './workshop-manager.svelte';
import { WorkspaceManager } from './workspace-manager.svelte';

const cat = shippedCatalogue();
let n = 0;

/** A workshop on a fresh database holding the demo workspace (AULA in Fase 2, SAPA in operation). */
async function demo() {
  const name = `workshop-${++n}`;
  const workspace = new WorkspaceManager(cat, async () => new WorkspaceRepository(await openDatabase(() => {}, name), cat));
  await workspace.init();
  return new WorkshopManager(workspace);
}

describe('WorkshopManager', () => {
  it('starts on the first IT system and shows who holds a role for it', async () => {
    const w = await demo();
    expect(w.system?.name).toBe('AULA');
    expect(w.assignees('projektleder').map((a) => a.name)).toEqual(['Bo Madsen']);
    w.systemId = 's-sapa';
    expect(w.assignees('projektleder')).toEqual([]);
    expect(w.assignees('systemansvarlig').map((a) => a.name)).toEqual(['Hassan Ali']);
    // a municipality role shows whatever the system
    expect(w.assignees('it-arkitekt')).toMatchObject([{ name: 'Frederik Berg', municipalityWide: true }]);
  });

  it('judges unfilled roles in the chosen phase, or the system’s own phase under "Alle faser"', async () => {
    const w = await demo();
    const all = w.unfilled({ kind: 'all' });
    expect(all.has('gevinstejer')).toBe(true); // AULA is in Fase 2, where Gevinstejer is appointed
    expect(all.has('projektleder')).toBe(false);
    expect(w.unfilled({ kind: 'phase', phaseId: 'fase-1-opstart' }).has('gevinstejer')).toBe(false);
    w.systemId = 's-sapa';
    expect(w.unfilled({ kind: 'all' }).has('superbruger')).toBe(true);
    expect(w.unfilled({ kind: 'all' }).has('projektleder')).toBe(false);
  });

  it('marks the roles that would be unfilled if the selected person left', async () => {
    const w = await demo();
    w.personId = 'p-hassan';
    expect([...w.atRisk].sort()).toEqual(['organisationsadministrator', 'rolleadministrator', 'systemadministrator']);
    w.systemId = 's-sapa';
    expect(w.atRisk.has('systemansvarlig')).toBe(true);
    expect(w.atRisk.has('systemadministrator')).toBe(false);
  });

  it('assigns, moves and removes, saying what happened; a repeat says it changed nothing', async () => {
    const w = await demo();
    expect(w.assignRole('p-anne', 'gevinstejer')).toBeNull();
    expect(w.workspace.message).toBe('\u2068Anne Holm\u2069 varetager nu Gevinstejer.');
    expect(w.assignRole('p-anne', 'gevinstejer')).toBeNull();
    expect(w.workspace.message).toBe('\u2068Anne Holm\u2069 har allerede rollen Gevinstejer.');
    const id = w.assignees('gevinstejer')[0]!.assignmentId;
    expect(w.moveAssignment(id, 'faglig-leder')).toBeNull();
    expect(w.workspace.message).toBe('\u2068Anne Holm\u2069 er flyttet fra Gevinstejer til Faglig leder.');
    expect(w.assignees('faglig-leder').map((a) => a.name).sort()).toEqual(['Anne Holm', 'Cecilie Lund']);
    expect(w.removeAssignment(id)).toBeNull();
    expect(w.assignees('faglig-leder').map((a) => a.name)).toEqual(['Cecilie Lund']);
    expect(w.removeAssignment('a-findes-ikke')).toBe('Tildelingen findes ikke længere.');
  });

  it('an assignment made on a tab that is behind keeps the system it was made for, merged with the newer state', async () => {
    const name = `workshop-replay-${++n}`;
    const open = async () => new WorkspaceRepository(await openDatabase(() => {}, name), cat);
    const a = new WorkspaceManager(cat, open);
    await a.init();
    const b = new WorkspaceManager(cat, open);
    await b.init();
    b.close(); // b hears nothing: it is behind
    a.rename('Fra fane A');
    await a.settle();
    const w = new WorkshopManager(b);
    expect(w.systemId).toBe('s-aula');
    expect(w.assignRole('p-anne', 'gevinstejer')).toBeNull();
    w.systemId = 's-sapa'; // before the write is replayed
    await b.settle();
    const fresh = new WorkspaceManager(cat, open);
    await fresh.init();
    expect(fresh.data.name).toBe('Fra fane A');
    expect(fresh.data.assignments.filter((x) => x.roleId === 'gevinstejer')).toMatchObject([{ personId: 'p-anne', systemId: 's-aula' }]);
    a.close();
    fresh.close();
  });

  it('explains why a system-specific role cannot be given without a system', async () => {
    const w = await demo();
    for (const s of w.systems) w.workspace.edit((ws) => ({ ...ws, systems: ws.systems.filter((x) => x.id !== s.id), assignments: ws.assignments.filter((a) => a.systemId !== s.id) }));
    expect(w.system).toBeNull();
    expect(w.assignRole('p-anne', 'gevinstejer')).toBe('Gevinstejer er en systemspecifik rolle. Vælg først et it-system.');
    expect(w.assignRole('p-anne', 'it-arkitekt')).toBeNull();
  });

  it('removing a person removes their roles, and undo brings both back', async () => {
    const w = await demo();
    expect(w.removePerson('p-bo')).toBeNull();
    expect(w.assignees('projektleder')).toEqual([]);
    w.workspace.undo();
    expect(w.assignees('projektleder').map((a) => a.name)).toEqual(['Bo Madsen']);
    expect(w.workspace.message).toBe('Den seneste ændring er fortrudt.');
  });
});
