import { displayName, footnotesAsText, type Catalogue, type Item, type Role } from '../domain/catalogue';
import {
  appointmentStage,
  draftFor,
  entryFor,
  holders,
  isCrossCutting,
  relevantRoles,
  roleStatus,
  spocTimeline,
  stages,
  STATUS_LABELS,
  tasksOfRole,
  type SpocStage,
} from '../domain/rollekatalog';
import type { WorkspaceData } from '../domain/workspace';

/** A person as the catalogue shows them. */
export interface HolderView {
  name: string;
  email: string;
  unit: string;
}

/** Items of one column (or of both) with their source marks. */
export interface ItemGroup {
  heading: string;
  items: string[];
}

/** One role in a system's catalogue, everything the outputs show about it. */
export interface RoleReport {
  id: string;
  name: string;
  group: string;
  groupId: string;
  crossCutting: boolean;
  effect: string;
  tasks: ItemGroup[];
  responsibilities: ItemGroup[];
  /** The consultant's additions, kept apart from the source's text. */
  tailored: { effect?: string; tasks?: string; responsibilities?: string };
  holders: HolderView[];
  deputy: HolderView | null;
  appointIn: string;
  appointedOn: string;
  status: string;
  /** The stages in which the role is the SPOC. */
  spoc: string[];
  klik: { title: string; how: string; deadline: string; phase: string }[];
}

/** A system's rollekatalog as the Word document, the print and the spreadsheets show it. */
export interface CatalogueReport {
  municipality: string;
  system: string;
  systemId: string;
  date: string;
  status: 'Udkast' | 'Godkendt';
  roles: RoleReport[];
  spoc: (SpocStage & { roleName: string; holders: string[] })[];
  handover: { owner: string; lead: string; note: string };
  source: string;
}

const COLUMN_GROUPS = [
  { heading: 'Implementering', test: (i: Item) => i.implementering !== '' && i.drift === '' },
  { heading: 'Drift og forvaltning', test: (i: Item) => i.implementering === '' && i.drift !== '' },
  { heading: 'Implementering samt drift og forvaltning', test: (i: Item) => i.implementering !== '' && i.drift !== '' },
] as const;

/** Items grouped by the column that applies; "(X)" marks what the source marks so. */
function byColumn(items: Item[]): ItemGroup[] {
  return COLUMN_GROUPS.map((g) => ({
    heading: g.heading,
    items: items.filter(g.test).map((i) => footnotesAsText(i.implementering === '(X)' ? `${i.text} (X)` : i.text)),
  })).filter((g) => g.items.length > 0);
}

/** The edition the catalogue cites. */
export const sourceCitation = (catalogue: Catalogue) =>
  `Kilde: ${catalogue.publisher}, ${catalogue.title}, version ${catalogue.catalogueVersion} (${catalogue.published}).`;

/** What the catalogue says of its text, after the source (in Word and in print). */
export const SOURCE_NOTE = 'Rollernes navne, effekter, opgaver og ansvar er gengivet ordret fra kilden. Tekst mærket »Tilpasset for …« er kommunens egen.';

const answer = (x: boolean | undefined) => (x === undefined ? 'Ikke besluttet' : x ? 'Ja' : 'Nej');

/** Builds a system's catalogue report from the workspace. Pure: the same input gives the same report. */
export function catalogueReport(ws: WorkspaceData, catalogue: Catalogue, systemId: string, date: Date): CatalogueReport {
  const system = ws.systems.find((s) => s.id === systemId);
  if (!system) throw new Error(`It-systemet ${systemId} findes ikke.`);
  const units = new Map(ws.orgUnits.map((u) => [u.id, u.name]));
  const people = new Map(ws.people.map((p) => [p.id, p]));
  const stageNames = new Map(stages(catalogue).map((s) => [s.id, s.name]));
  const groups = new Map(catalogue.groups.map((g) => [g.id, g.name]));
  const view = (p: { name: string; email?: string; orgUnitId?: string }): HolderView => ({
    name: p.name,
    email: p.email ?? '',
    unit: p.orgUnitId ? (units.get(p.orgUnitId) ?? '') : '',
  });
  const timeline = spocTimeline(ws, catalogue, systemId);
  const draft = draftFor(ws, systemId);
  const roleName = (id: string | null) => {
    const r = id ? catalogue.roles.find((x) => x.id === id) : undefined;
    return r ? displayName(r).name : '';
  };
  const report = (role: Role): RoleReport => {
    const entry = entryFor(ws, systemId, role.id);
    const deputy = entry?.deputyId ? people.get(entry.deputyId) : undefined;
    const stage = appointmentStage(ws, systemId, role);
    return {
      id: role.id,
      name: displayName(role).name,
      group: groups.get(role.group) ?? role.group,
      groupId: role.group,
      crossCutting: isCrossCutting(role),
      effect: role.effect,
      tasks: byColumn(role.tasks),
      responsibilities: byColumn(role.responsibilities),
      tailored: {
        ...(entry?.effectAddition ? { effect: entry.effectAddition } : {}),
        ...(entry?.tasksAddition ? { tasks: entry.tasksAddition } : {}),
        ...(entry?.responsibilitiesAddition ? { responsibilities: entry.responsibilitiesAddition } : {}),
      },
      holders: holders(ws, role, systemId).map(view),
      deputy: deputy ? view(deputy) : null,
      appointIn: stage ? (stageNames.get(stage) ?? stage) : (role.lifecycle.appointedWhen ?? 'Ikke angivet i kilden'),
      appointedOn: entry?.appointedOn ?? '',
      status: STATUS_LABELS[roleStatus(ws, systemId, role)],
      spoc: timeline.filter((s) => s.roleId === role.id).map((s) => s.name),
      klik: tasksOfRole(ws, systemId, role.id).map(({ task, how }) => ({
        title: task.title,
        how: how.join(', '),
        deadline: task.deadline ?? '',
        phase: task.phase ? (stageNames.get(task.phase) ?? task.phase) : '',
      })),
    };
  };
  return {
    municipality: ws.name,
    system: system.name,
    systemId,
    date: date.toISOString().slice(0, 10),
    status: draft.status === 'godkendt' ? 'Godkendt' : 'Udkast',
    roles: relevantRoles(ws, catalogue, systemId).map(report),
    spoc: timeline.map((s) => {
      const role = s.roleId ? catalogue.roles.find((r) => r.id === s.roleId) : undefined;
      return { ...s, quote: s.quote === null ? null : footnotesAsText(s.quote), roleName: roleName(s.roleId), holders: role ? holders(ws, role, systemId).map((p) => p.name) : [] };
    }),
    handover: { owner: answer(draft.ownerContinues), lead: answer(draft.leadContinues), note: draft.handoverNote ?? '' },
    source: sourceCitation(catalogue),
  };
}
