// Times the Word export for window.__benchExport (see floor.ts): one IT system's rollekatalog,
// map picture included, in a workspace of 1,000 people and 40 IT systems (scale L of the
// shared synthetic workspaces, with every system's catalogue drafted). Loaded only when called.
import { displayName, parseCatalogue, type Catalogue } from '../../src/domain/catalogue';
import { validateWorkspace, assignmentsFor, type WorkspaceData, catalogueRoleId } from '../../src/domain/workspace';
import { SCALES, syntheticWorkspace } from '../../src/domain/workspace/synthetic';
import { layoutInputFor } from '../../src/graph/elk-graph';
import { buildFlowEdges, buildFlowNodes, type RoleView } from '../../src/graph/flow';
import type { MapPicture } from '../../src/state/map-picture';
import { docxFor } from '../../src/ui/rollekatalog/exports';
import { gridLayout } from './grid-layout';

export interface BenchExportResult {
  /** The first export: loads the docx chunk, then builds. */
  cold: number;
  warm: number[];
  bytes: number;
  people: number;
  systems: number;
  assignments: number;
}

/** Scale L (1,000 people, 40 systems) with every system's catalogue drafted: roles tailored, deputies, KLIK tasks. */
function draftedWorkspace(catalogue: Catalogue): WorkspaceData {
  const base = syntheticWorkspace(catalogue, SCALES.L);
  const people = base.people;
  // fixed strides instead of chance: the same workspace on every run
  const personAt = (i: number) => people[(i * 7919) % people.length]!.id;
  const specific = catalogue.roles.filter((r) => r.group === 'systemspecifik');
  const roleAt = (i: number) => specific[i % specific.length]!.id;
  const ws: WorkspaceData = { ...base, catalogueDrafts: [], catalogueRoles: [], klikTasks: [] };
  base.systems.forEach((s, si) => {
    ws.catalogueDrafts.push({ id: s.id, systemId: s.id, status: 'udkast', stepsDone: ['bilag1-1', 'bilag1-2'], spoc: [{ stage: 'opvarmningsperiode', roleId: 'projektejer' }] });
    specific.forEach((role, ri) =>
      ws.catalogueRoles.push({
        id: catalogueRoleId(s.id, role.id),
        systemId: s.id,
        roleId: role.id,
        relevant: true,
        tasksAddition: `For ${s.name}: ${displayName(role).name} koordinerer med fagområdet og leverandøren.`,
        deputyId: personAt(si * specific.length + ri),
        appointedOn: '2026-03-01',
      }),
    );
    for (let k = 0; k < 8; k++)
      ws.klikTasks.push({ id: `k-${s.id}-${k}`, systemId: s.id, title: `KLIK-opgave ${k + 1} for ${s.name}`, deadline: '2027-01-15', perform: [roleAt(si + k)], answer: ['projektejer'], takePart: [roleAt(si + k + 1)] });
  });
  const valid = validateWorkspace(ws, catalogue);
  if (!valid.ok) throw new Error(`the synthetic workspace is not valid: ${valid.error.path} ${valid.error.message}`);
  return valid.value;
}

/** The map as the app would draw it for a system: every role, its holders' chips. */
function picture(catalogue: Catalogue, ws: WorkspaceData, systemId: string): MapPicture {
  const names = new Map(ws.people.map((p) => [p.id, p.name]));
  const views = new Map<string, RoleView>(
    catalogue.roles.map((role) => {
      const held = assignmentsFor(ws, role, systemId);
      const view: RoleView = {
        active: true, match: null, inFocus: true, spoc: [], selected: false, atRisk: false, unfilled: held.length === 0,
        assignees: held.map((a) => ({ assignmentId: a.id, personId: a.personId, name: names.get(a.personId) ?? a.personId, municipalityWide: a.systemId === null })),
      };
      return [role.id, view];
    }),
  );
  const visible = new Set(catalogue.roles.map((r) => r.id));
  const nodes = buildFlowNodes(catalogue, gridLayout(layoutInputFor(catalogue)), new Map(), views, visible, false);
  const positions = new Map(nodes.filter((x) => x.type === 'role').map((x) => [x.id, x.position]));
  const edges = buildFlowEdges(catalogue, views, visible, { selectedEdgeId: null, selectedRoleId: null, hiddenTypes: new Set(), positions });
  return { nodes, edges, hiddenTypes: new Set(), phase: 'Alle faser' };
}

/** Exports one system's .docx `1 + warmRuns` times; ms for each, measured in the page. */
export async function benchExport(catalogueUrl: string, warmRuns: number): Promise<BenchExportResult> {
  const parsed = parseCatalogue(await (await fetch(catalogueUrl)).json());
  if (!parsed.ok) throw new Error(parsed.error.message);
  const catalogue = parsed.value;
  const ws = draftedWorkspace(catalogue);
  const once = async (i: number) => {
    const systemId = ws.systems[i % ws.systems.length]!.id;
    const t = performance.now();
    const blob = await docxFor(ws, catalogue, systemId, picture(catalogue, ws, systemId));
    return { ms: performance.now() - t, bytes: blob.size };
  };
  const first = await once(0);
  const warm: number[] = [];
  for (let i = 1; i <= warmRuns; i++) warm.push((await once(i)).ms);
  return { cold: first.ms, warm, bytes: first.bytes, people: ws.people.length, systems: ws.systems.length, assignments: ws.assignments.length };
}
