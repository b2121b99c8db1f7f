import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import type { Catalogue } from '../domain/catalogue';
import { shippedCatalogue } from '../domain/catalogue/fixtures';
import { computeDefaultLayouts } from './default-layout-plugin';
import { GROUP_HEADER, layoutInputFor, layoutKey, ROLE_NODE, toElkGraph, type LayoutInput } from './elk-graph';
import { buildFlowEdges, buildFlowNodes, facingSides, curvePoints, relationCurve, type EdgeOptions, type RoleView } from './flow';
import type { Position } from '@xyflow/svelte';
import { labelWidth } from './label-width';
import { LayoutEngine, type ElkLike } from './layout-engine';
import type { ElkNode } from 'elkjs/lib/elk-api';

const cat: Catalogue = shippedCatalogue();
const bundled = async (): Promise<ElkLike> => new ELK();

const view = (over: Partial<RoleView> = {}): RoleView => ({
  active: true,
  match: null,
  inFocus: true,
  spoc: [],
  selected: false,
  assignees: [],
  unfilled: null,
  atRisk: false,
  ...over,
});
const allViews = () => new Map(cat.roles.map((r) => [r.id, view()]));
const allIds = () => new Set(cat.roles.map((r) => r.id));
const edgeOptions = (over: Partial<EdgeOptions> = {}): EdgeOptions => ({
  selectedEdgeId: null,
  selectedRoleId: null,
  hiddenTypes: new Set(),
  positions: new Map(cat.roles.map((r, i) => [r.id, { x: (i % 6) * 300, y: Math.floor(i / 6) * 150 }])),
  ...over,
});

describe('layout input', () => {
  it('keeps the groups in order and every relation between visible roles', () => {
    const input = layoutInputFor(cat);
    expect(input.groups.map((g) => g.id)).toEqual(['systemspecifik', 'tvaergaaende', 'infrastruktur', 'infrastrukturadministrator']);
    expect(input.groups.flatMap((g) => g.roleIds)).toHaveLength(32);
    expect(input.edges).toHaveLength(cat.relations.length);
  });

  it('drops hidden roles, their relations and empty groups', () => {
    const visible = new Set(['projektejer', 'systemejer', 'projektleder']);
    const input = layoutInputFor(cat, visible);
    expect(input.groups).toEqual([{ id: 'systemspecifik', roleIds: ['projektejer', 'projektleder', 'systemejer'] }]);
    expect(input.edges.every((e) => visible.has(e.from) && visible.has(e.to))).toBe(true);
    expect(input.edges.length).toBeGreaterThan(0);
  });

  it('names different graphs differently and the same graph the same', () => {
    const full = layoutKey(layoutInputFor(cat));
    expect(layoutKey(layoutInputFor(cat))).toBe(full);
    expect(layoutKey(layoutInputFor(cat, new Set(['projektejer'])))).not.toBe(full);
  });

  it('builds compound group nodes with each group’s inner edges', () => {
    const graph = toElkGraph(layoutInputFor(cat));
    expect(graph.children).toHaveLength(4);
    const sys = graph.children![0]!;
    expect(sys.children).toHaveLength(9);
    expect(sys.children![0]).toMatchObject({ width: ROLE_NODE.width, height: ROLE_NODE.height });
    expect(sys.edges!.some((e) => e.id === 'projektejer--afloeses-af--systemejer')).toBe(true);
  });
});

describe('ELK layout', () => {
  it('places every role inside its group box without overlaps', async () => {
    const layout = (await new LayoutEngine(bundled).layout(layoutInputFor(cat)))!;
    expect(Object.keys(layout.roles)).toHaveLength(32);
    const boxes = cat.roles.map((r) => ({ id: r.id, group: r.group, ...layout.roles[r.id]! }));
    for (const b of boxes) {
      const g = layout.groups[b.group]!;
      expect(b.x, b.id).toBeGreaterThanOrEqual(g.x);
      expect(b.y, b.id).toBeGreaterThanOrEqual(g.y + GROUP_HEADER - 1);
      expect(b.x + ROLE_NODE.width, b.id).toBeLessThanOrEqual(g.x + g.width);
      expect(b.y + ROLE_NODE.height, b.id).toBeLessThanOrEqual(g.y + g.height);
    }
    for (const a of boxes)
      for (const b of boxes) {
        if (a.id >= b.id) continue;
        const apart = a.x + ROLE_NODE.width <= b.x || b.x + ROLE_NODE.width <= a.x || a.y + ROLE_NODE.height <= b.y || b.y + ROLE_NODE.height <= a.y;
        expect(apart, `${a.id} overlaps ${b.id}`).toBe(true);
      }
  });

  it('is compact enough to show all 32 roles on a laptop screen: about 1.8 times as wide as high', async () => {
    const layout = (await new LayoutEngine(bundled).layout(layoutInputFor(cat)))!;
    const rects = Object.values(layout.groups);
    const width = Math.max(...rects.map((r) => r.x + r.width));
    const height = Math.max(...rects.map((r) => r.y + r.height));
    expect(width).toBeLessThanOrEqual(1600);
    expect(height).toBeLessThanOrEqual(900);
    expect(width / height).toBeGreaterThan(1.5);
    expect(width / height).toBeLessThan(2.2);
  });

  it('computes at build time exactly the layout the worker computes, so the first paint matches "Nulstil layout"', async () => {
    const defaults = await computeDefaultLayouts('static/catalogues');
    const input = layoutInputFor(cat);
    const stored = defaults[layoutKey(input)];
    expect(stored).toBeDefined();
    expect(await new LayoutEngine(bundled).layout(input)).toEqual(stored);
  });
});

describe('LayoutEngine', () => {
  function deferredElk() {
    const pending: { graph: ElkNode; resolve: (g: ElkNode) => void }[] = [];
    const elk: ElkLike = { layout: (graph) => new Promise((resolve) => pending.push({ graph, resolve })) };
    return { elk, pending };
  }
  const place = (graph: ElkNode, x: number): ElkNode => ({
    ...graph,
    children: graph.children?.map((g) => ({ ...g, x, y: 0, width: 10, height: 10, children: g.children?.map((c) => ({ ...c, x: 0, y: 0 })) })),
  });

  it('drops a result that arrives after a newer run started', async () => {
    const { elk, pending } = deferredElk();
    const engine = new LayoutEngine(async () => elk);
    const input: LayoutInput = layoutInputFor(cat);
    const first = engine.layout(input);
    const second = engine.layout(layoutInputFor(cat, new Set(['projektejer'])));
    await new Promise((r) => setTimeout(r, 0));
    expect(pending).toHaveLength(2);
    pending[1]!.resolve(place(pending[1]!.graph, 7));
    pending[0]!.resolve(place(pending[0]!.graph, 1));
    expect(await first).toBeNull();
    expect((await second)?.groups.systemspecifik?.x).toBe(7);
  });

  it('starts ELK once and reuses it', async () => {
    let created = 0;
    const engine = new LayoutEngine(async () => {
      created++;
      return new ELK();
    });
    engine.warm();
    await engine.layout(layoutInputFor(cat, new Set(['projektejer'])));
    await engine.layout(layoutInputFor(cat, new Set(['projektleder'])));
    expect(created).toBe(1);
  });

  it('lets a failed start be retried', async () => {
    let calls = 0;
    const engine = new LayoutEngine(async () => {
      calls++;
      if (calls === 1) throw new Error('worker blocked');
      return new ELK();
    });
    engine.warm();
    await new Promise((r) => setTimeout(r, 0));
    expect(await engine.layout(layoutInputFor(cat, new Set(['projektejer'])))).not.toBeNull();
  });
});

describe('flow nodes and edges', () => {
  const layout = { key: 'k', groups: { systemspecifik: { x: 0, y: 0, width: 500, height: 300 } }, roles: { projektejer: { x: 10, y: 50 } } };

  it('puts group boxes first and gives role nodes their catalogue id and data attributes', () => {
    const views = allViews();
    views.set('projektleder', view({ active: false, match: true, spoc: [cat.roles[1]!.spoc[0]!] }));
    const nodes = buildFlowNodes(cat, layout, new Map(), views, allIds(), true);
    expect(nodes[0]).toMatchObject({ id: 'group:systemspecifik', type: 'group', draggable: false });
    const pl = nodes.find((n) => n.id === 'projektleder')!;
    expect(pl.domAttributes).toMatchObject({ 'data-active': 'false', 'data-spoc': 'true', 'data-match': 'true' });
    expect(pl.ariaLabel).toMatch(/^Projektleder\. .*SPOC for it-systemet.*ikke aktiv/);
    expect(pl.class).toBe('dimmed');
    expect(nodes.find((n) => n.id === 'projektejer')!.domAttributes!['data-match']).toBeUndefined();
  });

  it('prefers a dragged position over the layout', () => {
    const nodes = buildFlowNodes(cat, layout, new Map([['projektejer', { x: 99, y: 98 }]]), allViews(), allIds(), false);
    expect(nodes.find((n) => n.id === 'projektejer')!.position).toEqual({ x: 99, y: 98 });
    const plain = buildFlowNodes(cat, layout, new Map(), allViews(), allIds(), false);
    expect(plain.find((n) => n.id === 'projektejer')!.position).toEqual({ x: 10, y: 50 });
  });

  it('shows SPOC only when highlighting is on', () => {
    const views = allViews();
    views.set('projektleder', view({ spoc: [cat.roles[1]!.spoc[0]!] }));
    const off = buildFlowNodes(cat, layout, new Map(), views, allIds(), false);
    expect(off.find((n) => n.id === 'projektleder')!.domAttributes!['data-spoc']).toBe('false');
  });

  it('leaves out hidden roles and their edges; dims edges at dimmed roles', () => {
    const visible = allIds();
    visible.delete('systemejer');
    const views = allViews();
    views.set('projektleder', view({ match: false }));
    const nodes = buildFlowNodes(cat, layout, new Map(), views, visible, false);
    expect(nodes.some((n) => n.id === 'systemejer')).toBe(false);
    const edges = buildFlowEdges(cat, views, visible, edgeOptions());
    expect(edges.some((e) => e.source === 'systemejer' || e.target === 'systemejer')).toBe(false);
    const pl = edges.find((e) => e.id === 'projektleder--rapporterer-til--projektejer')!;
    expect(pl.class).toContain('dimmed');
    expect(pl.ariaLabel).toBe('Projektleder rapporterer til Projektejer');
    expect(edges.find((e) => e.id === 'projektejer--afloeses-af--systemejer')).toBeUndefined();
  });

  it('marks unfilled and at-risk roles and names who holds a role', () => {
    const views = allViews();
    views.set('projektleder', view({ unfilled: true }));
    views.set('projektejer', view({ unfilled: false, atRisk: true, assignees: [{ assignmentId: 'a', personId: 'p', name: 'Anna', municipalityWide: false }] }));
    const nodes = buildFlowNodes(cat, layout, new Map(), views, allIds(), false);
    const pl = nodes.find((n) => n.id === 'projektleder')!;
    const pe = nodes.find((n) => n.id === 'projektejer')!;
    expect(pl.domAttributes).toMatchObject({ 'data-unfilled': 'true' });
    expect(pl.ariaLabel).toContain('ubesat');
    expect(pe.domAttributes).toMatchObject({ 'data-unfilled': 'false', 'data-at-risk': 'true' });
    expect(pe.ariaLabel).toContain('varetages af Anna');
    expect(nodes.find((n) => n.id === 'it-arkitekt')!.domAttributes!['data-unfilled']).toBeUndefined();
  });

  it('gives parallel relations between the same two roles their own curve', () => {
    const edges = buildFlowEdges(cat, allViews(), allIds(), edgeOptions()).filter((e) => e.source === 'projektejer' && e.target === 'systemejer');
    expect(edges.length).toBeGreaterThan(1);
    const curves = edges.map((e) => e.data?.curvature);
    expect(new Set(curves).size).toBe(edges.length);
  });

  it('draws every relation quietly and unlabelled until a role is selected', () => {
    const edges = buildFlowEdges(cat, allViews(), allIds(), edgeOptions());
    expect(edges.every((e) => e.data?.strength === 'quiet' && !e.label && !e.markerEnd)).toBe(true);
  });

  it('draws the selected role’s relations at full strength with short Danish labels, and fades the rest', () => {
    const edges = buildFlowEdges(cat, allViews(), allIds(), edgeOptions({ selectedRoleId: 'projektejer' }));
    const own = edges.filter((e) => e.source === 'projektejer' || e.target === 'projektejer');
    expect(own.length).toBeGreaterThan(3);
    expect(own.every((e) => e.data?.strength === 'strong' && e.label && e.markerEnd)).toBe(true);
    expect(edges.filter((e) => !own.includes(e)).every((e) => e.data?.strength === 'faded' && !e.label)).toBe(true);
    const succession = own.filter((e) => e.data?.type === 'afloeses-af');
    expect(succession.length).toBeGreaterThan(0);
    expect(succession.every((e) => e.label === 'bliver til')).toBe(true);
    expect(own.find((e) => e.data?.type === 'rapporterer-til')?.label).toBe('rapporterer til');
  });

  it('moves labels apart so that none covers another', () => {
    const edges = buildFlowEdges(cat, allViews(), allIds(), edgeOptions({ selectedRoleId: 'projektejer' }));
    const parallel = edges.filter((e) => e.source === 'projektejer' && e.target === 'systemejer');
    const shifts = parallel.map((e) => `${e.data?.labelShift.x},${e.data?.labelShift.y}`);
    expect(new Set(shifts).size).toBe(parallel.length);
  });

  it('leaves out the relation types the legend switched off', () => {
    const edges = buildFlowEdges(cat, allViews(), allIds(), edgeOptions({ hiddenTypes: new Set(['samarbejder-med']) }));
    expect(edges.some((e) => e.data?.type === 'samarbejder-med')).toBe(false);
    expect(edges.length).toBe(cat.relations.filter((r) => r.type !== 'samarbejder-med').length);
  });

  it('joins two roles by the sides that face each other', () => {
    expect(facingSides({ x: 0, y: 0 }, { x: 400, y: 10 })).toEqual(['right', 'left']);
    expect(facingSides({ x: 400, y: 0 }, { x: 0, y: 0 })).toEqual(['left', 'right']);
    expect(facingSides({ x: 0, y: 0 }, { x: 10, y: 300 })).toEqual(['bottom', 'top']);
    expect(facingSides({ x: 0, y: 300 }, { x: 0, y: 0 })).toEqual(['top', 'bottom']);
  });

  it('orders role nodes group by group and row by row, for the tab order', () => {
    const layout2 = {
      key: 'k',
      groups: {},
      roles: Object.fromEntries(cat.roles.map((r, i) => [r.id, { x: ((31 - i) % 3) * 300, y: Math.floor((31 - i) / 3) * 150 }])),
    };
    const roles = buildFlowNodes(cat, layout2, new Map(), allViews(), allIds(), false).filter((n) => n.type === 'role');
    const order = cat.groups.map((g) => g.id);
    const groupIndex = roles.map((n) => order.indexOf((n.data as { role: { group: string } }).role.group));
    expect(groupIndex).toEqual([...groupIndex].sort((a, b) => a - b));
    for (let i = 1; i < roles.length; i++) {
      if (groupIndex[i] !== groupIndex[i - 1]) continue;
      const [a, b] = [roles[i - 1]!.position, roles[i]!.position];
      expect(a.y < b.y || (a.y === b.y && a.x < b.x), `${roles[i - 1]!.id} before ${roles[i]!.id}`).toBe(true);
    }
  });
});

describe('relation labels', () => {
  /** Every label of every role's selection, on the default layout: its box, its curve, and the role boxes. */
  async function allLabels() {
    const layout = (await new LayoutEngine(bundled).layout(layoutInputFor(cat)))!;
    const positions = new Map(cat.roles.map((r) => [r.id, layout.roles[r.id]!]));
    const side = (handle: string | null | undefined) => handle!.replace(/^(source|target)-/, '') as Position;
    const labels: { of: string; text: string; box: { x: number; y: number; w: number; h: number }; path: string }[] = [];
    for (const role of cat.roles) {
      const edges = buildFlowEdges(cat, allViews(), allIds(), edgeOptions({ selectedRoleId: role.id, positions }));
      for (const e of edges.filter((x) => x.label)) {
        const [path, cx, cy] = relationCurve(positions.get(e.source)!, side(e.sourceHandle), positions.get(e.target)!, side(e.targetHandle), e.data!.curvature);
        const w = labelWidth(String(e.label));
        labels.push({ of: role.id, text: String(e.label), box: { x: cx + e.data!.labelShift.x - w / 2, y: cy + e.data!.labelShift.y - 10, w, h: 20 }, path });
      }
    }
    // what a role box shows: inside its 2 px border and 4 px padding (6 px border on the left)
    const inset = 5;
    /** The role whose box (from `top` px down to `bottom`) the label's box covers. */
    const covers = (box: { x: number; y: number; w: number; h: number }, bottom: number, top = inset) =>
      [...positions].find(([, p]) => box.x < p.x + ROLE_NODE.width - inset && p.x + inset < box.x + box.w && box.y < p.y + bottom && p.y + top < box.y + box.h)?.[0];
    return { labels, covers };
  }

  it('leave the roles’ names readable: a label goes beside a name rather than on it, where there is room', async () => {
    const { labels, covers } = await allLabels();
    expect(labels.length).toBeGreaterThan(200);
    // the top 40 px of a role box hold its name
    const onNames = labels.flatMap((l) => (covers(l.box, 40) ? [`${l.of}: "${l.text}" on ${covers(l.box, 40)}`] : []));
    // without the rule about names, about 105 of the 230 labels sat on a name
    expect(onNames.length, onNames.join('\n')).toBeLessThanOrEqual(2);
  });

  it('sit on their own line, in the gaps between the roles where they can', async () => {
    const { labels, covers } = await allLabels();
    /** How far a label's box is from its own curve. */
    const gap = ({ box, path }: (typeof labels)[number]) => {
      const pointAt = curvePoints(path);
      let best = Infinity;
      for (let t = 0; t <= 1; t += 0.01) {
        const p = pointAt(t);
        best = Math.min(best, Math.hypot(Math.max(box.x - p.x, 0, p.x - box.x - box.w), Math.max(box.y - p.y, 0, p.y - box.y - box.h)));
      }
      return best;
    };
    const onBoxes = labels.filter((l) => covers(l.box, ROLE_NODE.height - 5));
    const onSummaries = labels.filter((l) => covers(l.box, ROLE_NODE.height - 5, ROLE_NODE.height - 24));
    const offLine = labels.filter((l) => gap(l) > 2);
    const farOff = labels.filter((l) => gap(l) > 30);
    // Placed by stepping away from the curve's middle, of the 230 labels 188 covered what a role
    // box shows, 99 a box's summary line ("1 person", "Ubesat"), 114 stood off their own line
    // and 47 more than 30 px off it. Sliding along the line first: 109, 43, 58 and 33.
    expect(onBoxes.length).toBeLessThanOrEqual(120);
    expect(onSummaries.length).toBeLessThanOrEqual(50);
    expect(offLine.length).toBeLessThanOrEqual(65);
    expect(farOff.length).toBeLessThanOrEqual(38);
  });

  it('finds a point on a curve as Svelte Flow draws it', () => {
    const [path] = relationCurve({ x: 0, y: 0 }, 'right' as Position, { x: 400, y: 0 }, 'left' as Position, 0.25);
    const pointAt = curvePoints(path);
    const start = pointAt(0);
    const end = pointAt(1);
    expect(path.startsWith(`M${start.x},${start.y} C`)).toBe(true);
    expect(path.endsWith(` ${end.x},${end.y}`)).toBe(true);
    expect(start.y).toBe(ROLE_NODE.height / 2);
    expect(pointAt(0.5).x).toBeCloseTo((start.x + end.x) / 2);
  });
});
