import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { shippedCatalogue } from '../domain/catalogue/fixtures';
import { LayoutEngine, type ElkLike } from '../graph/layout-engine';
import { ExplorerManager } from './explorer-manager.svelte';

const cat = shippedCatalogue();

/** An explorer with the map laid out by ELK itself (in this process, not a worker). */
async function laidOut() {
  const explorer = new ExplorerManager(cat, new LayoutEngine(async (): Promise<ElkLike> => new ELK()), () => undefined);
  await explorer.relayout();
  expect(explorer.layoutStatus).toBe('idle');
  return explorer;
}

/** The ids of the items in `next` that are new objects, not carried over from `prev`. */
const rebuilt = <T extends { id: string }>(prev: readonly T[], next: readonly T[]) => next.filter((n) => !prev.includes(n)).map((n) => n.id);

describe('ExplorerManager: the map redraws only what changed', () => {
  it('a selection rebuilds only the role boxes whose selection changed', async () => {
    const explorer = await laidOut();
    const before = explorer.nodes;
    expect(before.filter((n) => n.type === 'role')).toHaveLength(32);
    explorer.selectRole('projektleder');
    const selected = explorer.nodes;
    expect(rebuilt(before, selected)).toEqual(['projektleder']);
    explorer.selectRole('systemejer');
    expect(rebuilt(selected, explorer.nodes).sort()).toEqual(['projektleder', 'systemejer']);
    expect(explorer.nodes.find((n) => n.id === 'systemejer')?.selected).toBe(true);
    expect(explorer.nodes.find((n) => n.id === 'projektleder')?.selected).toBe(false);
  });

  it('moving from one selected role to another redraws only the relations whose strength changed', async () => {
    const explorer = await laidOut();
    explorer.selectRole('projektleder');
    const before = explorer.edges;
    explorer.selectRole('superbruger');
    const touching = new Set(
      cat.relations.filter((r) => [r.from, r.to].some((id) => id === 'projektleder' || id === 'superbruger')).map((r) => r.id),
    );
    const changed = rebuilt(before, explorer.edges);
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.every((id) => touching.has(id))).toBe(true);
  });

  it('a view change that changes nothing on the map hands the map the same arrays', async () => {
    const explorer = await laidOut();
    explorer.query = 'superbruger';
    const nodes = explorer.nodes;
    const edges = explorer.edges;
    const found = [...(explorer.matches ?? [])];
    // the search ignores case: the same roles are found, so the map is the same
    explorer.query = 'SUPERBRUGER';
    expect([...(explorer.matches ?? [])]).toEqual(found);
    expect(explorer.nodes).toBe(nodes);
    expect(explorer.edges).toBe(edges);
  });

  it('a search rebuilds the role boxes, which all show whether they match, and leaves the group boxes', async () => {
    const explorer = await laidOut();
    const before = explorer.nodes;
    explorer.query = 'superbruger';
    const changed = rebuilt(before, explorer.nodes);
    expect(changed).toHaveLength(32);
    expect(explorer.nodes.filter((n) => n.type === 'group')).toHaveLength(4);
    expect(explorer.nodes.filter((n) => n.type === 'group').every((n) => before.includes(n))).toBe(true);
  });

  it('search hits go to the roles whose name matches first, then the others in map order', async () => {
    const explorer = await laidOut();
    explorer.query = 'sikker';
    const onMap = explorer.nodes.filter((n) => n.type === 'role' && explorer.matches!.has(n.id)).map((n) => n.id);
    expect(explorer.hits).toHaveLength(explorer.hitCount!);
    expect(explorer.hits[0]).toBe('sikkerhedsansvarlig');
    expect(explorer.hits.slice(1)).toEqual(onMap.filter((id) => id !== 'sikkerhedsansvarlig'));
  });
});
