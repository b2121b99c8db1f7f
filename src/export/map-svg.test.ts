import { describe, expect, it } from 'vitest';
import { shippedCatalogue } from '../domain/catalogue/fixtures';
import type { Layout } from '../graph/elk-graph';
import { buildFlowEdges, buildFlowNodes, type RoleView } from '../graph/flow';
import { mapSvg, wrap } from './map-svg';

const cat = shippedCatalogue();
const view = (over: Partial<RoleView> = {}): RoleView => ({
  active: true, match: null, inFocus: true, spoc: [], selected: false, assignees: [], unfilled: null, atRisk: false, ...over,
});

/** A grid layout: each group a row band, roles side by side. */
function gridLayout(): Layout {
  const layout: Layout = { key: 'grid', groups: {}, roles: {} };
  cat.groups.forEach((g, gi) => {
    const roles = cat.roles.filter((r) => r.group === g.id);
    layout.groups[g.id] = { x: 0, y: gi * 420, width: 3 * 240, height: 400 };
    roles.forEach((r, i) => (layout.roles[r.id] = { x: 12 + (i % 3) * 232, y: gi * 420 + 40 + Math.floor(i / 3) * 120 }));
  });
  return layout;
}

function picture(opts: { visible?: Set<string>; hidden?: Set<string>; selected?: string | null; views?: Map<string, RoleView> } = {}) {
  const views = opts.views ?? new Map(cat.roles.map((r) => [r.id, view({ selected: r.id === opts.selected })]));
  const visible = opts.visible ?? new Set(cat.roles.map((r) => r.id));
  const nodes = buildFlowNodes(cat, gridLayout(), new Map(), views, visible, true);
  const positions = new Map(nodes.filter((n) => n.type === 'role').map((n) => [n.id, n.position]));
  const edges = buildFlowEdges(cat, views, visible, { selectedEdgeId: null, selectedRoleId: opts.selected ?? null, hiddenTypes: opts.hidden ?? new Set(), positions });
  return { svg: mapSvg(cat, nodes, edges, { title: 'Rollekort', caption: ['Eksempel Kommune · SAPA', 'Fase: Alle faser · 29.11.2026'], hiddenTypes: opts.hidden ?? new Set() }), edges };
}

const count = (svg: string, re: RegExp) => [...svg.matchAll(re)].length;

describe('the map as SVG', () => {
  it('has one element per visible role and per visible relation, each with its marker', () => {
    const { svg, edges } = picture();
    expect(count(svg, /<g data-map-role="/g)).toBe(32);
    expect(count(svg, /<path data-map-edge="/g)).toBe(cat.relations.length);
    expect(edges).toHaveLength(cat.relations.length);
    for (const t of cat.relationTypes) expect(svg).toContain(`<marker id="pil-${t.id}"`);
    expect(count(svg, /marker-end="url\(#pil-[a-z-]+\)"/g)).toBeGreaterThanOrEqual(cat.relations.length);
    // dashes as on the map: "sparringspart for" is dashed 6 4
    expect(svg).toMatch(/data-map-type="sparringspart-for"[^>]*stroke-dasharray="6 4"/);
    expect(svg).not.toContain('foreignObject');
  });

  it('leaves out hidden relation types, in the map and in the legend', () => {
    const { svg } = picture({ hidden: new Set(['rapporterer-til']) });
    expect(svg).not.toContain('data-map-type="rapporterer-til"');
    expect(svg).not.toContain('data-map-legend-type="rapporterer-til"');
    expect(count(svg, /<path data-map-edge="/g)).toBe(cat.relations.filter((r) => r.type !== 'rapporterer-til').length);
  });

  it('shows only the visible roles and the relations between them', () => {
    const visible = new Set(['projektejer', 'projektleder', 'systemejer', 'systemansvarlig']);
    const { svg } = picture({ visible });
    expect(count(svg, /<g data-map-role="/g)).toBe(4);
    const between = cat.relations.filter((r) => visible.has(r.from) && visible.has(r.to)).length;
    expect(count(svg, /<path data-map-edge="/g)).toBe(between);
  });

  it('labels the relations of the selected role and draws the holders’ chips and unfilled badges', () => {
    const views = new Map(cat.roles.map((r) => [r.id, view({ selected: r.id === 'projektleder', unfilled: true })]));
    views.set('projektleder', view({ selected: true, assignees: [{ assignmentId: 'a1', personId: 'p-bo', name: 'Bo <Madsen> & co', municipalityWide: false }] }));
    const { svg } = picture({ views, selected: 'projektleder' });
    expect(svg).toContain('data-map-chip="p-bo"');
    expect(svg).toContain('Bo &lt;Madsen&gt; &amp; co');
    expect(svg).toContain('>Ubesat</text>');
    expect(svg).toContain('data-map-edge-label=');
    expect(svg).toMatch(/data-map-strength="strong"/);
  });

  it('has a caption and a legend with every group', () => {
    const { svg } = picture();
    expect(svg).toContain('Eksempel Kommune · SAPA');
    for (const g of cat.groups) expect(svg).toContain(`data-map-legend-group="${g.id}"`);
  });

  it('wraps text by words and marks what it cuts', () => {
    expect(wrap('Styr på strategi, business case og allokering', 20, 2)).toEqual(['Styr på strategi,', 'business case og…']);
    expect(wrap('Kort', 20, 2)).toEqual(['Kort']);
  });
});
