import { getBezierPath, MarkerType, Position, type Edge, type Node, type NodeHandle } from '@xyflow/svelte';
import { displayName, type Catalogue, type Role, type Spoc } from '../domain/catalogue';
import { edgeCss, edgeStyle } from './edge-styles';
import { GROUP_HEADER, ROLE_NODE, type Layout } from './elk-graph';
import { labelWidth } from './label-width';

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
  assignees: readonly AssigneeChip[];
  /** Null when no workspace is open. */
  unfilled: boolean | null;
  atRisk: boolean;
}

export type RoleNodeData = { role: Role; view: RoleView; dimmed: boolean; spocShown: boolean };
export type GroupNodeData = { name: string };
export type RoleFlowNode = Node<RoleNodeData, 'role'>;
export type GroupFlowNode = Node<GroupNodeData, 'group'>;
export type FlowNode = RoleFlowNode | GroupFlowNode;
/** `strength`: drawn quietly (default), at full strength (a relation of the selected role) or faded. */
export type RelationEdgeData = {
  type: string;
  label: string;
  quote: string;
  strength: 'quiet' | 'strong' | 'faded';
  /** Bend of the curve; parallel relations between the same two roles get their own. */
  curvature: number;
  /** How far the label is moved from the middle of the curve so it covers no other label. */
  labelShift: { x: number; y: number };
};
export type RelationFlowEdge = Edge<RelationEdgeData, 'relation'>;

/** The four sides a relation can leave or enter a role box by. */
export const SIDES = [Position.Top, Position.Right, Position.Bottom, Position.Left] as const;

/** Where a side's handle sits on a role box, relative to its top-left corner. */
function handleAt(side: Position): { x: number; y: number } {
  const { width: w, height: h } = ROLE_NODE;
  if (side === Position.Top) return { x: w / 2, y: 0 };
  if (side === Position.Bottom) return { x: w / 2, y: h - 1 };
  if (side === Position.Left) return { x: 0, y: h / 2 };
  return { x: w - 1, y: h / 2 };
}

/** A source and a target handle on every side, known up front so edges never wait on a DOM measurement. */
const ROLE_HANDLES: NodeHandle[] = SIDES.flatMap((side) =>
  (['source', 'target'] as const).map((type) => ({ id: `${type}-${side}`, type, position: side, ...handleAt(side), width: 1, height: 1 })),
);

/** Short Danish labels drawn on the relations of the selected role. */
export const SHORT_LABELS: Record<string, string> = {
  'rapporterer-til': 'rapporterer til',
  'sparringspart-for': 'sparringspart for',
  'tildeler-rolle': 'tildeler rolle',
  'afloeses-af': 'bliver til',
  'overleverer-til': 'overleverer til',
  bistaar: 'bistår',
  'samarbejder-med': 'samarbejder med',
  'eskalerer-til': 'eskalerer til',
  'bestiller-hos': 'bestiller hos',
  informerer: 'informerer',
  'fungerer-som': 'kan være',
  leder: 'leder',
};

/** A role is dimmed when the phase, the search or the focus leaves it out. */
export const isDimmed = (v: RoleView) => !v.active || v.match === false || !v.inFocus;

function ariaLabel(role: Role, view: RoleView): string {
  const parts = [displayName(role).name, role.effect.replace(/\.$/, '')];
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
        // hidden from screen readers (each role names its group); described in Danish all the same
        domAttributes: { 'data-group': g.id, 'aria-hidden': 'true', 'aria-roledescription': 'gruppe' },
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
  // Tab order follows the screen: group by group, then row by row.
  const groupOrder = new Map(catalogue.groups.map((g) => [g.id, g.order]));
  const key = (n: FlowNode) => (n.type === 'role' ? (groupOrder.get(n.data.role.group) ?? 0) : 0);
  roles.sort((a, b) => key(a) - key(b) || rowOf(a.position.y) - rowOf(b.position.y) || a.position.x - b.position.x);
  return [...groups, ...roles];
}

/** Roles whose tops are less than half a box apart share a row. */
const rowOf = (y: number) => Math.round(y / (ROLE_NODE.height / 2));

/** Where a role sits when no layout knows it yet: a plain grid. */
function fallbackPosition(i: number) {
  return { x: (i % 6) * (ROLE_NODE.width + 40), y: GROUP_HEADER + Math.floor(i / 6) * (ROLE_NODE.height + 40) };
}

/** What decides how the relations are drawn besides the roles' views. */
export interface EdgeOptions {
  selectedEdgeId: string | null;
  /** The role whose relations are drawn at full strength and labelled. */
  selectedRoleId: string | null;
  /** Relation types the legend has switched off. */
  hiddenTypes: ReadonlySet<string>;
  /** Relations a tour step or a timeline handover puts in the light: drawn at full strength and labelled. */
  lit?: ReadonlySet<string>;
  /** Top-left corner of each visible role box. */
  positions: ReadonlyMap<string, { x: number; y: number }>;
}

/** The sides a relation leaves and enters by: the pair facing each other most. */
export function facingSides(a: { x: number; y: number }, b: { x: number; y: number }): [Position, Position] {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  if (Math.abs(dx) / ROLE_NODE.width >= Math.abs(dy) / ROLE_NODE.height) {
    return dx >= 0 ? [Position.Right, Position.Left] : [Position.Left, Position.Right];
  }
  return dy >= 0 ? [Position.Bottom, Position.Top] : [Position.Top, Position.Bottom];
}

/** One edge per relation whose two roles are visible and whose type is shown. */
export function buildFlowEdges(
  catalogue: Catalogue,
  views: ReadonlyMap<string, RoleView>,
  visible: ReadonlySet<string>,
  options: EdgeOptions,
): RelationFlowEdge[] {
  const { selectedEdgeId, selectedRoleId, hiddenTypes, positions, lit } = options;
  const labels = new Map(catalogue.relationTypes.map((t) => [t.id, t.label]));
  const names = new Map(catalogue.roles.map((r) => [r.id, displayName(r).name]));
  // relations between the same two roles in the same direction get their own curve each
  const parallel = new Map<string, number>();
  const placed: Box[] = [];
  // each visible role box, and the strip at its top that holds its name, worked out once a label needs them
  let avoid: RoleBoxes | null = null;
  const roleBoxes = (): RoleBoxes => {
    if (avoid) return avoid;
    const at = [...positions.values()];
    const names = at.map((p) => ({ x: p.x, y: p.y, w: ROLE_NODE.width, h: NAME_STRIP }));
    const summaries = at.map((p) => ({ x: p.x, y: p.y + ROLE_NODE.height - SUMMARY_STRIP, w: ROLE_NODE.width, h: SUMMARY_STRIP }));
    // less the border and padding, where there is nothing to cover: the gaps are narrower than a label
    const boxes = at.map((p) => ({ x: p.x + EDGE_PX, y: p.y + EDGE_PX, w: ROLE_NODE.width - 2 * EDGE_PX, h: ROLE_NODE.height - 2 * EDGE_PX }));
    return (avoid = { boxes, names, keys: [...names, ...summaries] });
  };
  return catalogue.relations
    .filter((r) => visible.has(r.from) && visible.has(r.to) && !hiddenTypes.has(r.type))
    .map((r) => {
      const pair = `${r.from}>${r.to}`;
      const k = parallel.get(pair) ?? 0;
      parallel.set(pair, k + 1);
      const style = edgeStyle(r.type);
      const label = labels.get(r.type) ?? r.type;
      const a = views.get(r.from);
      const b = views.get(r.to);
      const dimmed = !a || !b || isDimmed(a) || isDimmed(b);
      const ofSelected = selectedRoleId !== null && (r.from === selectedRoleId || r.to === selectedRoleId);
      const strength = r.id === selectedEdgeId || (ofSelected && !dimmed) || lit?.has(r.id) ? 'strong' : selectedRoleId || selectedEdgeId ? 'faded' : 'quiet';
      const from = positions.get(r.from) ?? { x: 0, y: 0 };
      const to = positions.get(r.to) ?? { x: 0, y: 0 };
      const [sourceSide, targetSide] = r.from === r.to ? [Position.Right, Position.Left] : facingSides(from, to);
      const curvature = 0.25 + 0.35 * k;
      const shortLabel = strength === 'strong' ? (SHORT_LABELS[r.type] ?? label) : undefined;
      const labelShift = shortLabel ? placeLabel(shortLabel, from, sourceSide, to, targetSide, curvature, placed, roleBoxes()) : { x: 0, y: 0 };
      return {
        id: r.id,
        type: 'relation',
        source: r.from,
        target: r.to,
        sourceHandle: `source-${sourceSide}`,
        targetHandle: `target-${targetSide}`,
        selected: r.id === selectedEdgeId,
        style: strength === 'strong' ? edgeCss(style) : quietCss(style),
        markerEnd: strength === 'strong' ? { type: MarkerType.ArrowClosed, color: style.color, width: 18, height: 18 } : undefined,
        label: shortLabel,
        ariaLabel: `${names.get(r.from)} ${label} ${names.get(r.to)}`,
        class: [dimmed ? 'dimmed' : '', strength].filter(Boolean).join(' '),
        zIndex: strength === 'strong' ? 1 : 0,
        data: { type: r.type, label, quote: r.quote, strength, curvature, labelShift },
        domAttributes: {
          'aria-roledescription': 'relation',
          'data-type': r.type,
          'data-dimmed': String(dimmed),
          'data-strength': strength,
          'data-lit': lit?.has(r.id) ? 'true' : undefined,
        },
      };
    });
}

/** Quiet relations: thin, light and without dashes, so the roles stay in front. */
function quietCss(style: { color: string }): string {
  return `stroke: ${style.color}; stroke-width: 1px; stroke-opacity: 0.35;`;
}

type Box = { x: number; y: number; w: number; h: number };
const LABEL_HEIGHT = 20;
/** The top of a role box, where its name stands (two lines of 14 px type and the padding). */
const NAME_STRIP = 40;
/** The bottom of a role box, where the overview says "1 person" or "Ubesat". */
const SUMMARY_STRIP = 24;
/** A role box's border and padding: a label may lie on them and cover nothing. */
const EDGE_PX = 5;
const overlaps = (p: Box, q: Box) => p.x < q.x + q.w && q.x < p.x + p.w && p.y < q.y + q.h && q.y < p.y + p.h;

/** The curve of a relation between two role boxes (top-left corners), as Svelte Flow draws it: path, label x, label y. */
export function relationCurve(
  from: { x: number; y: number },
  sourcePosition: Position,
  to: { x: number; y: number },
  targetPosition: Position,
  curvature: number | undefined,
): [path: string, labelX: number, labelY: number] {
  const s = handleAt(sourcePosition);
  const t = handleAt(targetPosition);
  const [path, x, y] = getBezierPath({ sourceX: from.x + s.x, sourceY: from.y + s.y, sourcePosition, targetX: to.x + t.x, targetY: to.y + t.y, targetPosition, curvature });
  return [path, x, y];
}

/**
 * The points of a cubic Bézier path as Svelte Flow writes it ("M x,y C x,y x,y x,y"): the path
 * is read once, and the function gives the point at `t` (0 to 1).
 */
export function curvePoints(path: string): (t: number) => { x: number; y: number } {
  const n = (path.match(/-?\d+(?:\.\d+)?(?:e-?\d+)?/g) ?? []).map(Number);
  if (n.length < 8) return () => ({ x: n[0] ?? 0, y: n[1] ?? 0 });
  return (t) => {
    const u = 1 - t;
    const [a, b, c, d] = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t];
    return { x: a * n[0]! + b * n[2]! + c * n[4]! + d * n[6]!, y: a * n[1]! + b * n[3]! + c * n[5]! + d * n[7]! };
  };
}

/** Where along its curve a label may slide from the middle: never so near an end that it meets the arrow or the box. */
const ALONG = [0.5, 0.44, 0.56, 0.38, 0.62, 0.32, 0.68, 0.26, 0.74, 0.2, 0.8];

/** What labels keep clear of: whole role boxes (less border and padding), their names, their names and summaries. */
type RoleBoxes = { boxes: Box[]; names: Box[]; keys: Box[] };

/**
 * Where a label goes relative to the middle of its curve. First it slides along its own line
 * to a spot clear of every role box (in the gaps between them), then to one clear of the
 * roles' names and summary lines, then of their names; failing all, the nearest spot off the
 * line (stepping up and down, then sideways) that leaves names and summaries readable, then
 * names, and last any spot. Never on a label placed before.
 */
function placeLabel(
  text: string,
  from: { x: number; y: number },
  sourcePosition: Position,
  to: { x: number; y: number },
  targetPosition: Position,
  curvature: number,
  placed: Box[],
  avoid: RoleBoxes,
): { x: number; y: number } {
  const [path, cx, cy] = relationCurve(from, sourcePosition, to, targetPosition, curvature);
  const w = labelWidth(text);
  const free = (box: Box, others: readonly Box[]) => placed.every((p) => !overlaps(p, box)) && others.every((p) => !overlaps(p, box));
  const take = (box: Box) => {
    placed.push(box);
    return { x: box.x + w / 2 - cx, y: box.y + LABEL_HEIGHT / 2 - cy };
  };
  const pointAt = curvePoints(path);
  const along = ALONG.map((t) => {
    const at = pointAt(t);
    return { x: at.x - w / 2, y: at.y - LABEL_HEIGHT / 2, w, h: LABEL_HEIGHT };
  });
  for (const others of [avoid.boxes, avoid.keys, avoid.names])
    for (const box of along) if (free(box, others)) return take(box);
  // The boxes can stand too close for a label to miss them, but the name is what a reader looks
  // for. Off its line a label stays near the middle to keep a summary clear; for a name it may go further.
  const near = { dxs: [0, w * 0.6, -w * 0.6], steps: [0, 1, -1, 2, -2] };
  const far = { dxs: [...near.dxs, w * 1.2, -w * 1.2], steps: [...near.steps, 3, -3, 4, -4, 5, -5, 6, -6] };
  for (const [others, { dxs, steps }] of [[avoid.keys, near], [avoid.names, far], [[], far]] as const)
    for (const dx of dxs)
      for (const k of steps) {
        const box = { x: cx + dx - w / 2, y: cy + k * (LABEL_HEIGHT + 2) - LABEL_HEIGHT / 2, w, h: LABEL_HEIGHT };
        if (free(box, others)) return take(box);
      }
  return { x: 0, y: 0 };
}
