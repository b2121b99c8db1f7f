import type { Catalogue, Role } from '../catalogue';
import {
  assignmentsFor,
  catalogueRoleId,
  IN_OPERATION,
  isTailorable,
  systemPhaseOptions,
  type CatalogueDraft,
  type CatalogueRole,
  type ChecklistStepId,
  type Person,
  type RoleStatus,
  type WorkspaceData,
} from '../workspace';

/**
 * Sentences of the source this module's rules rest on. They are quoted verbatim
 * (src/domain/catalogue/provenance.test.ts checks them against the source text).
 */
export const QUOTES = {
  /** bilag1-6: the shift to Fase 4 appoints Systemejer and Systemansvarlig and changes the SPOC. */
  shift: 'Ved faseskift fra fase 3:Ibrugtagning til fase 4:Forankring udpeges systemejer og systemansvarlig.',
  spocShift: 'KOMBIT SPOC for it-systemet skifter hermed også.',
  projektlederNotObligatory: 'Rollen som projektleder vil herefter ikke være obligatorisk.',
  earlier: 'Roller af betydning for drift og forvaltning kan udpeges tidligere i implementeringen for at sikre solid overlevering til drift og forvaltning.',
  /** bilag1-3 */
  locked: 'Der kan ikke ændres i navn og beskrivelser af tværgående roller.',
  /** bilag1-1 */
  crossCuttingBelong: 'De tværgående roller som skal løse opgaver i relation til it-systemet vil være del af det systemspecifikke rollekatalog.',
} as const;

/** A stage of a system's life: a catalogue phase, or "drift" once it is in operation. */
export interface Stage {
  id: string;
  name: string;
}

/** Opvarmningsperiode, Fase 1-4 and drift, in order. */
export const stages = (catalogue: Catalogue): Stage[] =>
  systemPhaseOptions(catalogue).map((s) => (s.id === IN_OPERATION ? { id: s.id, name: 'Drift og forvaltning' } : s));

/** Position of a stage in the system's life; -1 when unknown. */
export const stageIndex = (catalogue: Catalogue, stage: string) => stages(catalogue).findIndex((s) => s.id === stage);

/** The source's name for what a role is in the catalogue. */
export const isCrossCutting = (role: Role) => !isTailorable(role);

/** A system's draft, or the one a system starts with. */
export function draftFor(ws: WorkspaceData, systemId: string): CatalogueDraft {
  return ws.catalogueDrafts.find((d) => d.systemId === systemId) ?? { id: systemId, systemId, status: 'udkast', stepsDone: [], spoc: [] };
}

/** A role's entry in a system's catalogue, if it has one. */
export const entryFor = (ws: WorkspaceData, systemId: string, roleId: string): CatalogueRole | undefined =>
  ws.catalogueRoles.find((r) => r.id === catalogueRoleId(systemId, roleId));

/**
 * Whether a role belongs in a system's catalogue. Until the consultant decides (bilag1-1), the
 * system-specific roles do, and a cross-cutting role does once someone holds it for this system.
 */
export function isRelevant(ws: WorkspaceData, systemId: string, role: Role): boolean {
  const entry = entryFor(ws, systemId, role.id);
  if (entry) return entry.relevant;
  if (!isCrossCutting(role)) return true;
  return ws.assignments.some((a) => a.roleId === role.id && a.systemId === systemId);
}

/** The roles of a system's catalogue, in catalogue order. */
export const relevantRoles = (ws: WorkspaceData, catalogue: Catalogue, systemId: string): Role[] =>
  catalogue.roles.filter((r) => isRelevant(ws, systemId, r));

/** The source's SPOC for the IT system itself at a stage: the role whose SPOC task covers it, with its sentence. */
export function sourceSpoc(catalogue: Catalogue, stage: string): { roleId: string; quote: string } | null {
  for (const role of catalogue.roles)
    for (const s of role.spoc) {
      if (s.scope !== 'it-systemet') continue;
      if (stage === IN_OPERATION ? s.columns.includes('drift') : s.phases.includes(stage)) return { roleId: role.id, quote: s.quote };
    }
  return null;
}

/** One stage of the SPOC timeline: who is SPOC, and whether the consultant chose it or the source says so. */
export interface SpocStage extends Stage {
  roleId: string | null;
  origin: 'valgt' | 'kilde' | 'ingen';
  quote: string | null;
}

/** The SPOC at each stage for a system (bilag1-2): the consultant's choice, else the source's. */
export function spocTimeline(ws: WorkspaceData, catalogue: Catalogue, systemId: string): SpocStage[] {
  const chosen = new Map(draftFor(ws, systemId).spoc.map((s) => [s.stage, s.roleId]));
  return stages(catalogue).map((stage) => {
    const source = sourceSpoc(catalogue, stage.id);
    const pick = chosen.get(stage.id);
    if (pick) return { ...stage, roleId: pick, origin: 'valgt', quote: pick === source?.roleId ? source.quote : null };
    return source ? { ...stage, roleId: source.roleId, origin: 'kilde', quote: source.quote } : { ...stage, roleId: null, origin: 'ingen', quote: null };
  });
}

/** When the catalogue's lifecycle appoints or activates a role (bilag1-5): a stage, or null when it names none. */
export const defaultAppointment = (role: Role): string | null => role.lifecycle.appointedIn ?? role.lifecycle.activeFrom ?? null;

/** The stage a role is appointed in for this system: the consultant's, else the lifecycle's. */
export const appointmentStage = (ws: WorkspaceData, systemId: string, role: Role): string | null =>
  entryFor(ws, systemId, role.id)?.appointIn ?? defaultAppointment(role);

/**
 * The stages in which a relevant role must be staffed (bilag1-5, bilag1-6): from its appointment
 * to the end of its lifecycle. A role whose lifecycle runs to Fase 4 stays in operation. After the
 * shift to Fase 4 the Projektleder is no longer obligatory, and Systemejer and Systemansvarlig are
 * appointed at the latest there.
 */
export function obligatoryStages(catalogue: Catalogue, role: Role, appointIn: string | null): string[] {
  const all = stages(catalogue).map((s) => s.id);
  const fase4 = all.indexOf('fase-4-forankring');
  let from = appointIn ? all.indexOf(appointIn) : 0;
  if (from < 0) from = 0;
  const until = role.lifecycle.activeUntil;
  let to = until === null || until === 'fase-4-forankring' ? all.length - 1 : all.indexOf(until);
  if (to < 0) to = all.length - 1;
  if (role.id === 'projektleder') to = Math.min(to, fase4 - 1);
  if ((role.id === 'systemejer' || role.id === 'systemansvarlig') && from > fase4) from = fase4;
  return all.slice(from, to + 1);
}

/** The people holding a role for a system (or for the whole municipality, for roles held once). */
export function holders(ws: WorkspaceData, role: Role, systemId: string): Person[] {
  const people = new Map(ws.people.map((p) => [p.id, p]));
  return assignmentsFor(ws, role, systemId).flatMap((a) => people.get(a.personId) ?? []);
}

/** A role's status in a system's catalogue: what the consultant set, else what the assignments say. */
export function roleStatus(ws: WorkspaceData, systemId: string, role: Role): RoleStatus {
  if (!isRelevant(ws, systemId, role)) return 'ikke-relevant';
  return entryFor(ws, systemId, role.id)?.status ?? (holders(ws, role, systemId).length ? 'udpeget' : 'mangler');
}

export const STATUS_LABELS: Record<RoleStatus, string> = { udpeget: 'Udpeget', mangler: 'Mangler', 'ikke-relevant': 'Ikke relevant' };

/** How many of Bilag 1's six steps are done for a system. */
export const stepsDone = (ws: WorkspaceData, systemId: string): ChecklistStepId[] => draftFor(ws, systemId).stepsDone;

/** "n af 6 trin" */
export const progressText = (done: number) => `${done} af 6 trin`;
