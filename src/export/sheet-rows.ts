import { displayName, type Catalogue, type Role } from '../domain/catalogue';
import { holders, spocTimeline, STATUS_LABELS, roleStatus, appointmentStage, stages, relevantRoles } from '../domain/rollekatalog';
import type { Person, WorkspaceData } from '../domain/workspace';

/** The columns of every spreadsheet export, in order. */
export const SHEET_HEADER = ['Rolle', 'Gruppe', 'Person', 'E-mail', 'Enhed', 'It-system', 'Udpeges i', 'Status', 'SPOC'] as const;

/** A sheet: a name and its rows (the header first). */
export interface Sheet {
  name: string;
  rows: string[][];
}

/** The name of the municipality's own sheet, for the roles held once for the whole municipality. */
export const MUNICIPALITY_SHEET = 'Hele kommunen';

/**
 * One sheet per IT system (a row per relevant role and holder; an unfilled role gets a row
 * without a person) and one for the roles the municipality holds once.
 */
export function sheetsFor(ws: WorkspaceData, catalogue: Catalogue): Sheet[] {
  const units = new Map(ws.orgUnits.map((u) => [u.id, u.name]));
  const groups = new Map(catalogue.groups.map((g) => [g.id, g.name]));
  const stageNames = new Map(stages(catalogue).map((s) => [s.id, s.name]));
  const used = new Set<string>([MUNICIPALITY_SHEET]);
  /** A row per holder (or one without a person): role, group, person, e-mail, unit, then `rest`. */
  const rowsFor = (role: Role, people: Person[], rest: string[]) => {
    const row = (p?: Person) => [displayName(role).name, groups.get(role.group) ?? role.group, p?.name ?? '', p?.email ?? '', p?.orgUnitId ? (units.get(p.orgUnitId) ?? '') : '', ...rest];
    return people.length ? people.map(row) : [row()];
  };
  const sheets: Sheet[] = ws.systems.map((system) => {
    const spoc = spocTimeline(ws, catalogue, system.id);
    const rows = relevantRoles(ws, catalogue, system.id).flatMap((role) => {
      const stage = appointmentStage(ws, system.id, role);
      return rowsFor(role, holders(ws, role, system.id), [
        system.name,
        stage ? (stageNames.get(stage) ?? stage) : (role.lifecycle.appointedWhen ?? ''),
        STATUS_LABELS[roleStatus(ws, system.id, role)],
        spoc.filter((s) => s.roleId === role.id).map((s) => s.name).join('; '),
      ]);
    });
    return { name: sheetName(system.name, used), rows: [[...SHEET_HEADER], ...rows] };
  });
  const people = new Map(ws.people.map((p) => [p.id, p]));
  const municipal = catalogue.roles
    .filter((r) => r.perSystem !== 'required')
    .flatMap((role) => {
      const held = ws.assignments.filter((a) => a.roleId === role.id && a.systemId === null).flatMap((a) => people.get(a.personId) ?? []);
      return rowsFor(role, held, [
        MUNICIPALITY_SHEET,
        role.lifecycle.appointedWhen ?? (role.lifecycle.appointedIn ? (stageNames.get(role.lifecycle.appointedIn) ?? '') : ''),
        held.length ? STATUS_LABELS.udpeget : STATUS_LABELS.mangler,
        role.spoc.map((s) => s.scope).join('; '),
      ]);
    });
  return [...sheets, { name: MUNICIPALITY_SHEET, rows: [[...SHEET_HEADER], ...municipal] }];
}

/** A sheet name Excel accepts: at most 31 characters, none of []:*?/\, unique in the workbook. */
export function sheetName(name: string, used: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, '-').replace(/^'+|'+$/g, '').slice(0, 31).trim() || 'Ark';
  let candidate = base;
  for (let i = 2; used.has(candidate.toLocaleLowerCase('da')) || used.has(candidate); i++) candidate = `${base.slice(0, 31 - String(i).length - 1)} ${i}`;
  used.add(candidate.toLocaleLowerCase('da'));
  used.add(candidate);
  return candidate;
}
