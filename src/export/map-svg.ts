import { Position } from '@xyflow/svelte';
import { edgeStyle } from '../graph/edge-styles';
import { GROUP_HEADER, ROLE_NODE } from '../graph/elk-graph';
import { relationCurve, SHORT_LABELS, type FlowNode, type RelationFlowEdge, type RoleFlowNode } from '../graph/flow';
import { labelWidth } from '../graph/label-width';
import { groupColour } from '../graph/group-colours';
import { displayName, type Catalogue } from '../domain/catalogue';

// The map as a true SVG, written from the laid-out model rather than copied from the DOM:
// every shape is an SVG element, so it opens in Inkscape and Illustrator, prints sharp, and
// no edge can go missing the way a foreignObject snapshot drops them.

/** What the picture shows besides the map itself. */
export interface MapPictureOptions {
  /** Lines under the title: workspace, system, phase filter, date. */
  caption: string[];
  title: string;
  /** Relation types switched off; the legend leaves them out. */
  hiddenTypes: ReadonlySet<string>;
}

const FONT = 'system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif';
const PAD = 24;
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const num = (n: number) => (Math.round(n * 10) / 10).toString();

/** Words broken into lines of at most `max` characters (a long word gets a line of its own). */
export function wrap(text: string, max: number, lines: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && (line + ' ' + word).length > max) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  if (out.length <= lines) return out;
  const kept = out.slice(0, lines);
  kept[lines - 1] = `${kept[lines - 1]!}…`;
  return kept;
}

const side = (handle: string | null | undefined, fallback: Position) =>
  (Object.values(Position) as string[]).find((p) => handle?.endsWith(`-${p}`)) as Position | undefined ?? fallback;

function roleSvg(n: RoleFlowNode, catalogue: Catalogue): string {
  const { role, view, dimmed, spocShown } = n.data;
  const { x, y } = n.position;
  const { width: w, height: h } = ROLE_NODE;
  const name = displayName(role).name;
  const colour = groupColour(role.group);
  const stroke = spocShown ? '#b3261e' : view.atRisk ? '#8c1d18' : '#5b6770';
  const parts: string[] = [];
  if (spocShown) parts.push(`<rect x="-3" y="-3" width="${w + 6}" height="${h + 6}" rx="8" fill="none" stroke="#f6c343" stroke-width="3"/>`);
  parts.push(
    `<rect width="${w}" height="${h}" rx="6" fill="${dimmed ? '#f1f1f1' : view.atRisk ? '#fff1f0' : '#ffffff'}" stroke="${stroke}" stroke-width="${view.selected ? 3 : 2}"${dimmed ? ' stroke-dasharray="4 3"' : ''}/>`,
    `<rect width="6" height="${h}" rx="2" fill="${colour}"/>`,
  );
  const nameLines = wrap(name, 24, 2);
  // a long single word (Fordelingskomponentadministrator) gets smaller type rather than leave the box
  const longest = Math.max(...nameLines.map((l) => l.length));
  const size = Math.min(14, Math.floor(((w - 22) / (longest * 0.6)) * 10) / 10);
  nameLines.forEach((line, i) => parts.push(`<text x="14" y="${19 + i * 16}" font-size="${size}" font-weight="700" fill="#1a1a1a">${esc(line)}</text>`));
  const effectTop = 19 + nameLines.length * 16;
  wrap(role.effect, 36, nameLines.length > 1 ? 1 : 2).forEach((line, i) =>
    parts.push(`<text x="14" y="${effectTop + i * 13}" font-size="11" fill="#3d3d3d">${esc(line)}</text>`),
  );
  // holders' chips along the bottom, as on the map: up to three, then "+n"
  let cx = 12;
  const cy = h - 24;
  for (const a of view.assignees.slice(0, 3)) {
    const label = a.name.length > 16 ? `${a.name.slice(0, 15)}…` : a.name;
    const cw = Math.min(w - cx - 8, label.length * 6.2 + 14);
    if (cw < 30) break;
    parts.push(
      `<g data-map-chip="${esc(a.personId)}"><rect x="${num(cx)}" y="${cy}" width="${num(cw)}" height="18" rx="9" fill="#e8f0fa" stroke="#1f5fa8"${a.municipalityWide ? ' stroke-dasharray="3 2"' : ''}/>` +
        `<text x="${num(cx + 7)}" y="${cy + 13}" font-size="11" fill="#1a1a1a">${esc(label)}</text></g>`,
    );
    cx += cw + 4;
  }
  if (view.assignees.length > 3) parts.push(`<text x="${num(cx + 2)}" y="${cy + 13}" font-size="11" font-weight="600" fill="#1a1a1a">+${view.assignees.length - 3}</text>`);
  if (!view.assignees.length && view.unfilled)
    parts.push(`<rect x="12" y="${cy}" width="54" height="18" rx="9" fill="#fff" stroke="#8c1d18" stroke-dasharray="3 2"/><text x="19" y="${cy + 13}" font-size="11" font-weight="700" fill="#8c1d18">Ubesat</text>`);
  if (spocShown) parts.push(`<text x="${w - 10}" y="${h - 10}" font-size="11" font-weight="700" fill="#7a1712" text-anchor="end">SPOC</text>`);
  const group = catalogue.groups.find((g) => g.id === role.group)?.name ?? role.group;
  return (
    `<g data-map-role="${esc(role.id)}" data-map-dimmed="${dimmed}" transform="translate(${num(x)} ${num(y)})"${dimmed ? ' opacity="0.45"' : ''}>` +
    `<title>${esc(`${name} (${group})`)}</title>${parts.join('')}</g>`
  );
}

function edgeGeometry(e: RelationFlowEdge, positions: ReadonlyMap<string, { x: number; y: number }>) {
  const from = positions.get(e.source);
  const to = positions.get(e.target);
  if (!from || !to) return null;
  const [path, lx, ly] = relationCurve(from, side(e.sourceHandle, Position.Right), to, side(e.targetHandle, Position.Left), e.data?.curvature);
  return { path, lx: lx + (e.data?.labelShift.x ?? 0), ly: ly + (e.data?.labelShift.y ?? 0) };
}

const markerId = (type: string) => `pil-${type}`;

function marker(type: string): string {
  const { color } = edgeStyle(type);
  return `<marker id="${markerId(type)}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse" markerUnits="userSpaceOnUse"><path d="M0,0 L10,5 L0,10 z" fill="${color}"/></marker>`;
}

function edgeSvg(e: RelationFlowEdge, positions: ReadonlyMap<string, { x: number; y: number }>): { path: string; label: string } | null {
  const g = edgeGeometry(e, positions);
  const type = e.data?.type ?? '';
  if (!g) return null;
  const style = edgeStyle(type);
  const strength = e.data?.strength ?? 'quiet';
  const opacity = strength === 'strong' ? 1 : strength === 'faded' ? 0.25 : e.domAttributes?.['data-dimmed'] === 'true' ? 0.35 : 0.75;
  const path =
    `<path data-map-edge="${esc(e.id)}" data-map-type="${esc(type)}" data-map-strength="${strength}" d="${g.path}" fill="none" stroke="${style.color}" ` +
    `stroke-width="${strength === 'strong' ? style.width + 0.5 : style.width}"${style.dash ? ` stroke-dasharray="${style.dash}"` : ''} ` +
    `stroke-opacity="${opacity}" marker-end="url(#${markerId(type)})"><title>${esc(e.ariaLabel ?? type)}</title></path>`;
  const text = strength === 'strong' ? (SHORT_LABELS[type] ?? e.data?.label ?? '') : '';
  const w = labelWidth(text);
  const label = text
    ? `<g data-map-edge-label="${esc(e.id)}"><rect x="${num(g.lx - w / 2)}" y="${num(g.ly - 10)}" width="${num(w)}" height="20" rx="4" fill="#fff" stroke="${style.color}"/>` +
      `<text x="${num(g.lx)}" y="${num(g.ly + 4)}" font-size="12" font-weight="700" text-anchor="middle" fill="#1a1a1a">${esc(text)}</text></g>`
    : '';
  return { path, label };
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

function legendSvg(catalogue: Catalogue, shownTypes: string[], top: number, width: number): { svg: string; height: number } {
  const parts: string[] = [`<text x="0" y="0" font-size="15" font-weight="700" fill="#1a1a1a">Signaturforklaring</text>`];
  let y = 24;
  parts.push(`<text x="0" y="${y}" font-size="13" font-weight="700" fill="#1a1a1a">Rollegrupper</text>`);
  y += 8;
  const groups = [...catalogue.groups].sort((a, b) => a.order - b.order);
  groups.forEach((g, i) => {
    const gy = y + i * 20;
    parts.push(`<g data-map-legend-group="${esc(g.id)}"><rect x="0" y="${gy + 4}" width="14" height="14" rx="3" fill="${groupColour(g.id)}" stroke="#1a1a1a"/><text x="22" y="${gy + 16}" font-size="12" fill="#1a1a1a">${esc(g.name)}</text></g>`);
  });
  const groupsHeight = 8 + groups.length * 20;
  // relation types in columns of up to six, to the right of the groups
  const labels = new Map(catalogue.relationTypes.map((t) => [t.id, t.label]));
  const colX = Math.min(420, width / 2);
  parts.push(`<text x="${colX}" y="24" font-size="13" font-weight="700" fill="#1a1a1a">Relationer</text>`);
  shownTypes.forEach((type, i) => {
    const col = Math.floor(i / 6);
    const ry = 32 + (i % 6) * 20;
    const rx = colX + col * 230;
    const st = edgeStyle(type);
    parts.push(
      `<g data-map-legend-type="${esc(type)}"><line x1="${rx}" y1="${ry + 11}" x2="${rx + 44}" y2="${ry + 11}" stroke="${st.color}" stroke-width="${st.width}"${st.dash ? ` stroke-dasharray="${st.dash}"` : ''} marker-end="url(#${markerId(type)})"/>` +
        `<text x="${rx + 54}" y="${ry + 15}" font-size="12" fill="#1a1a1a">${esc(labels.get(type) ?? type)}</text></g>`,
    );
  });
  const typesHeight = 8 + Math.min(6, shownTypes.length) * 20;
  y += Math.max(groupsHeight, typesHeight) + 10;
  const marks: [string, string][] = [
    [`<rect x="0" y="0" width="20" height="14" rx="3" fill="#fff" stroke="#b3261e" stroke-width="2"/><rect x="-2" y="-2" width="24" height="18" rx="4" fill="none" stroke="#f6c343" stroke-width="2"/>`, 'SPOC: KOMBITs kontaktperson i den valgte fase'],
    [`<rect x="0" y="0" width="20" height="14" rx="3" fill="#f1f1f1" stroke="#5b6770" stroke-dasharray="4 3"/>`, 'Nedtonet: ikke aktiv i fasen, ikke fundet eller ikke nabo'],
    [`<rect x="0" y="0" width="20" height="14" rx="7" fill="#fff" stroke="#8c1d18" stroke-dasharray="3 2"/>`, 'Ubesat: aktiv rolle uden nogen tildelt'],
    [`<rect x="0" y="0" width="20" height="14" rx="7" fill="#e8f0fa" stroke="#1f5fa8"/>`, 'Navn: varetager rollen for it-systemet'],
    [`<rect x="0" y="0" width="20" height="14" rx="7" fill="#e8f0fa" stroke="#1f5fa8" stroke-dasharray="3 2"/>`, 'Navn: varetager rollen for hele kommunen'],
  ];
  parts.push(`<text x="0" y="${y}" font-size="13" font-weight="700" fill="#1a1a1a">Markeringer</text>`);
  marks.forEach(([shape, text], i) => {
    const col = i % 2;
    const row = Math.floor(i / 2);
    const mx = col * colX;
    const my = y + 8 + row * 20;
    parts.push(`<g transform="translate(${mx} ${my + 3})">${shape}</g><text x="${mx + 30}" y="${my + 15}" font-size="12" fill="#1a1a1a">${esc(text)}</text>`);
  });
  y += 8 + Math.ceil(marks.length / 2) * 20;
  return { svg: `<g data-map-legend="" transform="translate(${PAD} ${top})">${parts.join('')}</g>`, height: y + 8 };
}

/**
 * The map as an SVG document: title and caption, the groups, every visible relation with its
 * marker and dash, the roles with their holders' chips, and the legend. `nodes` and `edges` are
 * exactly what the map shows (ExplorerManager's), so filters, selection and hidden types apply.
 */
export function mapSvg(catalogue: Catalogue, nodes: readonly FlowNode[], edges: readonly RelationFlowEdge[], options: MapPictureOptions): string {
  const roles = nodes.filter((n): n is RoleFlowNode => n.type === 'role');
  const groups = nodes.filter((n) => n.type === 'group');
  const boxes: Box[] = [
    ...groups.map((g) => ({ x: g.position.x, y: g.position.y, width: g.width ?? 0, height: g.height ?? 0 })),
    ...roles.map((r) => ({ x: r.position.x, y: r.position.y, ...ROLE_NODE })),
  ];
  const minX = Math.min(0, ...boxes.map((b) => b.x));
  const minY = Math.min(0, ...boxes.map((b) => b.y));
  const maxX = Math.max(400, ...boxes.map((b) => b.x + b.width));
  const maxY = Math.max(100, ...boxes.map((b) => b.y + b.height));
  const headerHeight = 30 + options.caption.length * 18 + 12;
  const mapWidth = maxX - minX;
  const width = Math.max(mapWidth, 820) + 2 * PAD;
  const mapTop = headerHeight;
  const mapHeight = maxY - minY;
  const shownTypes = catalogue.relationTypes.map((t) => t.id).filter((t) => !options.hiddenTypes.has(t));
  const legend = legendSvg(catalogue, shownTypes, mapTop + mapHeight + PAD + 16, width - 2 * PAD);
  const height = mapTop + mapHeight + PAD + 16 + legend.height + PAD;
  const positions = new Map(roles.map((r) => [r.id, r.position]));
  const drawn = edges.map((e) => edgeSvg(e, positions)).filter((x) => x !== null);
  const groupSvg = groups
    .map((g) => {
      const name = (g.data as { name: string }).name;
      const id = g.id.replace(/^group:/, '');
      return (
        `<g data-map-group="${esc(id)}"><rect x="${num(g.position.x)}" y="${num(g.position.y)}" width="${num(g.width ?? 0)}" height="${num(g.height ?? 0)}" rx="10" fill="#f0f4f8" stroke="#b8c0c8"/>` +
        `<text x="${num(g.position.x + 14)}" y="${num(g.position.y + GROUP_HEADER / 2 + 6)}" font-size="15" font-weight="700" fill="#26323d">${esc(name)}</text></g>`
      );
    })
    .join('');
  const title = `<text x="${PAD}" y="${PAD + 6}" font-size="20" font-weight="700" fill="#1a1a1a">${esc(options.title)}</text>`;
  const caption = options.caption
    .map((line, i) => `<text x="${PAD}" y="${PAD + 28 + i * 18}" font-size="13" fill="#3d3d3d">${esc(line)}</text>`)
    .join('');
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(width)}" height="${num(height)}" viewBox="0 0 ${num(width)} ${num(height)}" font-family="${FONT}" role="img" aria-labelledby="kort-titel">` +
    `<title id="kort-titel">${esc(options.title)}</title>` +
    `<defs>${catalogue.relationTypes.map((t) => marker(t.id)).join('')}</defs>` +
    `<rect width="100%" height="100%" fill="#ffffff"/>` +
    `<g data-map-caption="">${title}${caption}</g>` +
    `<g data-map-body="" transform="translate(${num(PAD - minX)} ${num(mapTop - minY)})">` +
    `<g data-map-groups="">${groupSvg}</g>` +
    `<g data-map-edges="">${drawn.map((d) => d.path).join('')}</g>` +
    `<g data-map-roles="">${roles.map((r) => roleSvg(r, catalogue)).join('')}</g>` +
    `<g data-map-edge-labels="">${drawn.map((d) => d.label).join('')}</g>` +
    `</g>${legend.svg}</svg>\n`
  );
}

