// Times the Word export for window.__benchExport (see floor.ts): one IT system's rollekatalog,
// map picture included, in a workspace of 1,000 people and 40 IT systems. Loaded only when called.
//
// The workspace comes from a tiny seeded generator here; when src/domain/workspace/synthetic.ts
// (seeded synthetic workspaces) lands, this can use it instead.
import { displayName, parseCatalogue, type Catalogue } from '../../src/domain/catalogue';
import { validateWorkspace, assignmentsFor, type WorkspaceData, catalogueRoleId } from '../../src/domain/workspace';
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

/** mulberry32: a small seeded PRNG, so every run measures the same workspace. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A workspace of `people` people and `systems` IT systems, each with a fully drafted catalogue. */
export function syntheticWorkspace(catalogue: Catalogue, people = 1000, systems = 40, seed = 10): WorkspaceData {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const phases = [...catalogue.phases.map((p) => p.id), 'drift'];
  const orgUnits = Array.from({ length: 25 }, (_, i) => ({ id: `u-${i}`, name: `Enhed ${i + 1}`, parentId: null }));
  const ws: WorkspaceData = {
    name: 'Bench Kommune',
    orgUnits,
    people: Array.from({ length: people }, (_, i) => ({ id: `p-${i}`, name: `Person ${i + 1} Ærøsen`, title: 'Konsulent', orgUnitId: pick(orgUnits).id, email: `person${i + 1}@bench.dk` })),
    systems: Array.from({ length: systems }, (_, i) => ({ id: `s-${i}`, name: `System ${i + 1}`, phase: phases[i % phases.length]! })),
    assignments: [],
    tours: [],
    catalogueDrafts: [],
    catalogueRoles: [],
    klikTasks: [],
  };
  let n = 0;
  const seen = new Set<string>();
  const assign = (roleId: string, systemId: string | null) => {
    const personId = `p-${Math.floor(rnd() * people)}`;
    const key = `${personId}|${roleId}|${systemId}`;
    if (seen.has(key)) return;
    seen.add(key);
    ws.assignments.push({ id: `a-${n++}`, personId, roleId, systemId });
  };
  for (const role of catalogue.roles) {
    if (role.perSystem === 'required') for (const s of ws.systems) for (let k = 0; k < 1 + Math.floor(rnd() * 3); k++) assign(role.id, s.id);
    else for (let k = 0; k < 2; k++) assign(role.id, null);
  }
  const specific = catalogue.roles.filter((r) => r.group === 'systemspecifik');
  for (const s of ws.systems) {
    ws.catalogueDrafts.push({ id: s.id, systemId: s.id, status: 'udkast', stepsDone: ['bilag1-1', 'bilag1-2'], spoc: [{ stage: 'opvarmningsperiode', roleId: 'projektejer' }] });
    for (const role of specific)
      ws.catalogueRoles.push({
        id: catalogueRoleId(s.id, role.id),
        systemId: s.id,
        roleId: role.id,
        relevant: true,
        tasksAddition: `For ${s.name}: ${displayName(role).name} koordinerer med fagområdet og leverandøren.`,
        deputyId: `p-${Math.floor(rnd() * people)}`,
        appointedOn: '2026-03-01',
      });
    for (let k = 0; k < 8; k++)
      ws.klikTasks.push({ id: `k-${s.id}-${k}`, systemId: s.id, title: `KLIK-opgave ${k + 1} for ${s.name}`, deadline: '2027-01-15', perform: [pick(specific).id], answer: ['projektejer'], takePart: [pick(specific).id, pick(specific).id].filter((x, i, a) => a.indexOf(x) === i) });
  }
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
  const ws = syntheticWorkspace(catalogue);
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
