import { MarkerType, Position, type Edge, type Node, type NodeHandle } from '@xyflow/svelte';
import type { Catalogue, Role, Spoc } from '../domain/catalogue';
import { edgeCss, edgeStyle } from './edge-styles';
import { GROUP_HEADER, ROLE_NODE, type Layout } from './elk-graph';

/** A person shown on a role node. */
export interface AssigneeChip {
  assignmentId: string;
  personId: string;
  name: string;
  /** Set when the role is held for the whole municipality rather than for the chosen system. */
  municipalityWide: boolean;
}

/** How one role looks in the current view. `match` is null when nothing is searched. */
export interface RoleView {
  active: boolean;
  match: boolean | null;
  inFocus: boolean;
  spoc: Spoc[];
  selected: boolean;
  assignees: AssigneeChip[];
  /** Null when no workspace is open. */
  unfilled: boolean | null;
  atRisk: boolean;
}

export type RoleNodeData = { role: Role; view: RoleView; dimmed: boolean; spocShown: boolean };
export type GroupNodeData = { name: string };
export type RoleFlowNode = Node<RoleNodeData, 'role'>;
export type GroupFlowNode = Node<GroupNodeData, 'group'>;
export type FlowNode = RoleFlowNode | GroupFlowNode;
export type RelationFlowEdge = Edge<{ type: string; label: string; quote: string }>;

const ROLE_HANDLES: NodeHandle[] = [
  { type: 'target', position: Position.Left, x: 0, y: ROLE_NODE.height / 2, width: 1, height: 1 },
  { type: 'source', position: Position.Right, x: ROLE_NODE.width - 1, y: ROLE_NODE.height / 2, width: 1, height: 1 },
];

/** A role is dimmed when the phase, the search or the focus leaves it out. */
export const isDimmed = (v: RoleView) => !v.active || v.match === false || !v.inFocus;

function ariaLabel(role: Role, view: RoleView): string {
  const parts = [role.name, role.effect.replace(/\.$/, '')];
  if (view.spoc.length) parts.push(view.spoc.map((s) => `SPOC for ${s.scope}`).join(', '));
  if (!view.active) parts.push('ikke aktiv i den valgte fase');
  if (view.assignees.length) parts.push(`varetages af ${view.assignees.map((a) => a.name).join(', ')}`);
  else if (view.unfilled) parts.push('ubesat');
  if (view.atRisk) parts.push('bliver ubesat, hvis den valgte person stopper');
  return parts.join('. ');
}

/** The Svelte Flow nodes: group boxes first (drawn behind), then one node per visible role. */
export function buildFlowNodes(
  catalogue: Catalogue,
  layout: Layout,
  dragged: ReadonlyMap<string, { x: number; y: number }>,
  views: ReadonlyMap<string, RoleView>,
  visible: ReadonlySet<string>,
  showSpoc: boolean,
): FlowNode[] {
  const groups: FlowNode[] = catalogue.groups
    .filter((g) => layout.groups[g.id])
    .map((g) => {
      const rect = layout.groups[g.id]!;
      return {
        id: `group:${g.id}`,
        type: 'group',
        data: { name: g.name },
        position: { x: rect.x, y: rect.y },
        width: rect.width,
        height: rect.height,
        measured: { width: rect.width, height: rect.height },
        draggable: false,
        selectable: false,
        focusable: false,
        zIndex: -1,
        domAttributes: { 'data-group': g.id, 'aria-hidden': 'true' },
      };
    });
  const roles: FlowNode[] = [];
  catalogue.roles.forEach((role, i) => {
    const view = views.get(role.id);
    if (!view || !visible.has(role.id)) return;
    const position = dragged.get(role.id) ?? layout.roles[role.id] ?? fallbackPosition(i);
    const spoc = showSpoc && view.spoc.length > 0;
    const dimmed = isDimmed(view);
    roles.push({
      id: role.id,
      type: 'role',
      data: { role, view, dimmed, spocShown: spoc },
      position,
      width: ROLE_NODE.width,
      height: ROLE_NODE.height,
      // Size and handles are known up front, so edges never wait on (or lose) a DOM measurement
      // when the node object is rebuilt for a new view.
      measured: { width: ROLE_NODE.width, height: ROLE_NODE.height },
      handles: ROLE_HANDLES,
      selected: view.selected,
      sourcePosition: Position.Right,
      targetPosition: Position.Left,
      ariaLabel: ariaLabel(role, view),
      class: dimmed ? 'dimmed' : undefined,
      domAttributes: {
        'aria-roledescription': 'rolle',
        'data-active': String(view.active),
        'data-spoc': String(spoc),
        'data-match': view.match === null ? undefined : String(view.match),
        'data-focus': String(view.inFocus),
        'data-unfilled': view.unfilled === null ? undefined : String(view.unfilled),
        'data-at-risk': view.atRisk ? 'true' : undefined,
        'data-group': role.group,
      },
    });
  });
  return [...groups, ...roles];
}

/** Where a role sits when no layout knows it yet: a plain grid. */
function fallbackPosition(i: number) {
  return { x: (i % 6) * (ROLE_NODE.width + 40), y: GROUP_HEADER + Math.floor(i / 6) * (ROLE_NODE.height + 40) };
}

/** One edge per relation whose two roles are visible. */
export function buildFlowEdges(
  catalogue: Catalogue,
  views: ReadonlyMap<string, RoleView>,
  visible: ReadonlySet<string>,
  selectedEdgeId: string | null,
): RelationFlowEdge[] {
  const labels = new Map(catalogue.relationTypes.map((t) => [t.id, t.label]));
  const names = new Map(catalogue.roles.map((r) => [r.id, r.name]));
  // relations between the same two roles in the same direction get their own curve each
  const parallel = new Map<string, number>();
  return catalogue.relations
    .filter((r) => visible.has(r.from) && visible.has(r.to))
    .map((r) => {
      const pair = `${r.from}>${r.to}`;
      const k = parallel.get(pair) ?? 0;
      parallel.set(pair, k + 1);
      const style = edgeStyle(r.type);
      const label = labels.get(r.type) ?? r.type;
      const a = views.get(r.from);
      const b = views.get(r.to);
      const dimmed = !a || !b || isDimmed(a) || isDimmed(b);
      return {
        id: r.id,
        source: r.from,
        target: r.to,
        selected: r.id === selectedEdgeId,
        style: edgeCss(style),
        pathOptions: { curvature: 0.25 + 0.35 * k },
        markerEnd: { type: MarkerType.ArrowClosed, color: style.color, width: 18, height: 18 },
        label: r.type === 'afloeses-af' ? 'bliver til' : undefined,
        ariaLabel: `${names.get(r.from)} ${label} ${names.get(r.to)}`,
        class: dimmed ? 'dimmed' : undefined,
        data: { type: r.type, label, quote: r.quote },
        domAttributes: { 'aria-roledescription': 'relation', 'data-type': r.type, 'data-dimmed': String(dimmed) },
      };
    });
}
