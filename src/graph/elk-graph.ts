import type { ElkNode } from 'elkjs/lib/elk-api';
import type { Catalogue } from '../domain/catalogue';

/**
 * Size of a role box; the node component is drawn at exactly this size. Small enough
 * that all 32 roles fit a laptop screen with the name in large type (see RoleNode's
 * semantic zoom), large enough for the detail shown once zoomed in.
 */
export const ROLE_NODE = { width: 216, height: 108 } as const;
/** Room above a group's roles for its heading. */
export const GROUP_HEADER = 36;

/** What a layout is computed from: the groups with their visible roles, and the edges between them. */
export interface LayoutInput {
  groups: { id: string; roleIds: string[] }[];
  edges: { id: string; from: string; to: string }[];
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A finished layout. Role positions are absolute; `key` names the input it belongs to. */
export interface Layout {
  key: string;
  groups: Record<string, Rect>;
  roles: Record<string, { x: number; y: number }>;
}

/** The layout input for a catalogue, keeping only the roles in `visible` when given. */
export function layoutInputFor(catalogue: Catalogue, visible?: ReadonlySet<string>): LayoutInput {
  const shown = (id: string) => !visible || visible.has(id);
  const groups = [...catalogue.groups]
    .sort((a, b) => a.order - b.order)
    .map((g) => ({ id: g.id, roleIds: catalogue.roles.filter((r) => r.group === g.id && shown(r.id)).map((r) => r.id) }))
    .filter((g) => g.roleIds.length > 0);
  const edges = catalogue.relations
    .filter((r) => shown(r.from) && shown(r.to) && r.from !== r.to)
    .map((r) => ({ id: r.id, from: r.from, to: r.to }));
  return { groups, edges };
}

/** A stable name for a layout input, so a stored layout is only reused for the same graph. */
export function layoutKey(input: LayoutInput): string {
  const text = JSON.stringify([input.groups.map((g) => [g.id, g.roleIds]), input.edges.map((e) => [e.from, e.to])]);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${input.groups.reduce((n, g) => n + g.roleIds.length, 0)}-${input.edges.length}-${(hash >>> 0).toString(36)}`;
}

/**
 * The groups are packed in the order of the overview table (ELK's rectpacking at the
 * root, aiming at a screen's shape). Inside each group the roles are packed into rows
 * in catalogue order, three to a row, so the map stays compact and reads like a table:
 * a layered layout spread the groups into long, thin bands that no screen could show
 * whole at a readable size. Relations are drawn by Svelte Flow and do not steer the layout.
 */
export const ROOT_OPTIONS = {
  'elk.algorithm': 'rectpacking',
  'elk.aspectRatio': '1.8',
  'elk.spacing.nodeNode': '24',
  'elk.padding': '[top=0,left=0,bottom=0,right=0]',
} as const;

const GROUP_OPTIONS = {
  'elk.algorithm': 'rectpacking',
  'elk.aspectRatio': '2.2',
  'elk.padding': `[top=${GROUP_HEADER},left=12,bottom=12,right=12]`,
  'elk.spacing.nodeNode': '16',
} as const;

/** The ELK graph for an input: one compound node per group holding its roles and inner edges. */
export function toElkGraph(input: LayoutInput): ElkNode {
  const groupOf = new Map(input.groups.flatMap((g) => g.roleIds.map((id) => [id, g.id] as const)));
  return {
    id: 'root',
    layoutOptions: { ...ROOT_OPTIONS },
    children: input.groups.map((g) => ({
      id: `group:${g.id}`,
      layoutOptions: { ...GROUP_OPTIONS },
      children: g.roleIds.map((id) => ({ id, width: ROLE_NODE.width, height: ROLE_NODE.height })),
      edges: input.edges
        .filter((e) => groupOf.get(e.from) === g.id && groupOf.get(e.to) === g.id)
        .map((e) => ({ id: e.id, sources: [e.from], targets: [e.to] })),
    })),
    edges: [],
  };
}

/** Reads ELK's answer into absolute positions. */
export function fromElkGraph(key: string, result: ElkNode): Layout {
  const layout: Layout = { key, groups: {}, roles: {} };
  for (const group of result.children ?? []) {
    const gx = group.x ?? 0;
    const gy = group.y ?? 0;
    layout.groups[group.id.replace(/^group:/, '')] = {
      x: gx,
      y: gy,
      width: group.width ?? 0,
      height: group.height ?? 0,
    };
    for (const role of group.children ?? []) {
      layout.roles[role.id] = { x: gx + (role.x ?? 0), y: gy + (role.y ?? 0) };
    }
  }
  return layout;
}
