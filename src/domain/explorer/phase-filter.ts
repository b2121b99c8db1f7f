import type { Catalogue, ColumnId, Item, Role, Spoc } from '../catalogue';

/** What the "Fase" select can show: everything, one task column, or one phase. */
export type PhaseFilter =
  | { kind: 'all' }
  | { kind: 'column'; column: ColumnId }
  | { kind: 'phase'; phaseId: string };

export const ALL_PHASES: PhaseFilter = { kind: 'all' };

/** The value used in the URL and in the select for a filter. */
export function phaseFilterKey(filter: PhaseFilter): string {
  if (filter.kind === 'all') return 'alle';
  return filter.kind === 'column' ? filter.column : filter.phaseId;
}

/** Reads a URL value back into a filter; anything unknown means all phases. */
export function parsePhaseFilter(catalogue: Catalogue, key: string | null): PhaseFilter {
  if (key === 'implementering' || key === 'drift') return { kind: 'column', column: key };
  if (key && catalogue.phases.some((p) => p.id === key)) return { kind: 'phase', phaseId: key };
  return ALL_PHASES;
}

/** Where a system is once every phase is behind it; named as in "Dækning". Same filter as the operations column. */
export const IN_OPERATION_LABEL = 'I drift';

/**
 * The options of the "Fase" select: every phase of the catalogue in order, then "I drift"
 * (the operations column), with the same names as the IT system's phase in "Dækning".
 */
export function phaseOptions(catalogue: Catalogue): { key: string; label: string }[] {
  const phases = [...catalogue.phases].sort((a, b) => a.order - b.order).map((p) => ({ key: p.id, label: p.name }));
  return [{ key: 'alle', label: 'Alle faser' }, ...phases, { key: 'drift', label: IN_OPERATION_LABEL }];
}

/** The options of the "Kolonne" select: the source's two task columns. */
export function columnOptions(catalogue: Catalogue): { key: string; label: string }[] {
  return [{ key: 'alle', label: 'Begge kolonner' }, ...catalogue.columns.map((c) => ({ key: c.id, label: c.name }))];
}

/** What the "Fase" select shows for a filter. */
export function phaseSelectKey(filter: PhaseFilter): string {
  if (filter.kind === 'phase') return filter.phaseId;
  return filter.kind === 'column' && filter.column === 'drift' ? 'drift' : 'alle';
}

/** What the "Kolonne" select shows for a filter: a chosen phase shows the column it belongs to. */
export function columnSelectKey(catalogue: Catalogue, filter: PhaseFilter): string {
  return focusColumn(catalogue, filter) ?? 'alle';
}

/** True when the item carries a mark in the column: X, or the source's bracketed (X). */
export function itemInColumn(item: Item, column: ColumnId): boolean {
  return column === 'implementering' ? item.implementering !== '' : item.drift !== '';
}

/** The phases a filter covers, in order. */
export function phasesOf(catalogue: Catalogue, filter: PhaseFilter): string[] {
  const sorted = [...catalogue.phases].sort((a, b) => a.order - b.order);
  if (filter.kind === 'all') return sorted.map((p) => p.id);
  if (filter.kind === 'column') return sorted.filter((p) => p.column === filter.column).map((p) => p.id);
  return [filter.phaseId];
}

/** The phases in which the role exists according to its lifecycle (open ends mean always). */
export function lifecyclePhases(catalogue: Catalogue, role: Role): string[] {
  const sorted = [...catalogue.phases].sort((a, b) => a.order - b.order).map((p) => p.id);
  const from = role.lifecycle.activeFrom ? sorted.indexOf(role.lifecycle.activeFrom) : 0;
  const until = role.lifecycle.activeUntil ? sorted.indexOf(role.lifecycle.activeUntil) : sorted.length - 1;
  return sorted.slice(from, until + 1);
}

/**
 * A role is active in a phase when it has tasks or responsibilities marked in that
 * phase's column and its lifecycle says it exists then.
 */
export function isRoleActive(catalogue: Catalogue, role: Role, filter: PhaseFilter): boolean {
  if (filter.kind === 'all') return true;
  const alive = new Set(lifecyclePhases(catalogue, role));
  const items = [...role.tasks, ...role.responsibilities];
  return phasesOf(catalogue, filter).some((phaseId) => {
    const phase = catalogue.phases.find((p) => p.id === phaseId);
    return !!phase && alive.has(phaseId) && items.some((i) => itemInColumn(i, phase.column));
  });
}

/**
 * A role must be held in a phase when it is active there, or when it has been appointed by
 * then and still exists: Systemejer is appointed in fase 2 (its Kendetegn), though its tasks
 * are all Drift og forvaltning. Coverage and "Ubesat" go by this; the map's dimming by activity.
 */
export function isRoleRequired(catalogue: Catalogue, role: Role, filter: PhaseFilter): boolean {
  if (isRoleActive(catalogue, role, filter)) return true;
  const appointed = appointmentPhase(role);
  if (filter.kind !== 'phase' || !appointed) return false;
  const order = (id: string) => catalogue.phases.find((p) => p.id === id)?.order ?? Infinity;
  return order(appointed) <= order(filter.phaseId) && lifecyclePhases(catalogue, role).includes(filter.phaseId);
}

/** The phase a role is appointed (udpeges) or activated (aktiveres) in, by its lifecycle; null when it is neither. */
export function appointmentPhase(role: Role): string | null {
  const { appointment, appointedIn, activeFrom } = role.lifecycle;
  return appointment === 'udpeges' || appointment === 'aktiveres' ? (appointedIn ?? activeFrom) : null;
}

/** The role's SPOC scopes that hold in the filter's phases. */
export function spocScopes(catalogue: Catalogue, role: Role, filter: PhaseFilter): Spoc[] {
  const phases = new Set(phasesOf(catalogue, filter));
  return role.spoc.filter((s) => s.phases.some((p) => phases.has(p)));
}

/** The column whose items the detail panel shows first, if the filter picks one. */
export function focusColumn(catalogue: Catalogue, filter: PhaseFilter): ColumnId | null {
  if (filter.kind === 'column') return filter.column;
  if (filter.kind === 'phase') return catalogue.phases.find((p) => p.id === filter.phaseId)?.column ?? null;
  return null;
}
