import { GROUP_HEADER, ROLE_NODE, type Layout, type LayoutInput } from '../../src/graph/elk-graph';

const COLUMNS = 4;
const GAP = 24;
const PAD = 20;

/** The floor's positions: each group a band of rows, COLUMNS roles to a row, known without any layout. */
export function gridLayout(input: LayoutInput): Layout {
  const layout: Layout = { key: 'floor-grid', groups: {}, roles: {} };
  let y = 0;
  for (const group of input.groups) {
    const rows = Math.ceil(group.roleIds.length / COLUMNS);
    const cols = Math.min(group.roleIds.length, COLUMNS);
    group.roleIds.forEach((id, i) => {
      layout.roles[id] = {
        x: PAD + (i % COLUMNS) * (ROLE_NODE.width + GAP),
        y: y + GROUP_HEADER + Math.floor(i / COLUMNS) * (ROLE_NODE.height + GAP),
      };
    });
    const height = GROUP_HEADER + rows * ROLE_NODE.height + (rows - 1) * GAP + PAD;
    layout.groups[group.id] = { x: 0, y, width: 2 * PAD + cols * ROLE_NODE.width + (cols - 1) * GAP, height };
    y += height + 56;
  }
  return layout;
}
