import type { Catalogue, Role, Spoc } from '../catalogue';
import { appointmentPhase, IN_OPERATION_LABEL, isRoleActive, lifecyclePhases, parsePhaseFilter, spocScopes } from '../explorer/phase-filter';

/** A column of the timeline: one of the catalogue's phases, or "I drift" after the last. */
export interface Stage {
  id: string;
  name: string;
  /** The map's phase filter for this stage (a phase id, or "drift"). */
  filterKey: string;
}

/** The id of the stage after the phases: the system is in operation. */
export const IN_OPERATION_STAGE = 'i-drift';

/** The stages in order: every phase of the catalogue, then "I drift". */
export function stages(catalogue: Catalogue): Stage[] {
  const phases = [...catalogue.phases].sort((a, b) => a.order - b.order).map((p) => ({ id: p.id, name: p.name, filterKey: p.id }));
  return [...phases, { id: IN_OPERATION_STAGE, name: IN_OPERATION_LABEL, filterKey: 'drift' }];
}

/**
 * What a role is doing at a stage:
 * - `appointed`: it is appointed (udpeges) or activated (aktiveres) here, whether or not its
 *   tasks begin here;
 * - `active`: active, appointed before;
 * - `handover`: its lifecycle ended at the stage before and it becomes another role here;
 * - `phased-out`: its lifecycle ended at the stage before;
 * - `inactive`: none of these.
 */
export type RoleMark = 'appointed' | 'active' | 'handover' | 'phased-out' | 'inactive';

export interface RoleStageState {
  mark: RoleMark;
  /** It has tasks in this stage (the map shows it active); false for a role appointed ahead of its tasks. */
  active: boolean;
  /** The role it becomes (for `handover`). */
  becomes: string | null;
  /** The SPOC scopes it holds at this stage. */
  spoc: Spoc[];
}

function stateAt(catalogue: Catalogue, role: Role, list: Stage[], index: number): RoleStageState {
  const stage = list[index]!;
  const filter = parsePhaseFilter(catalogue, stage.filterKey);
  const spoc = spocScopes(catalogue, role, filter);
  const active = isRoleActive(catalogue, role, filter);
  const { lifecycle } = role;
  const appointedAt = appointmentPhase(role);
  // appointed here even when its own tasks begin later (the system owner: appointed in fase 2,
  // its tasks all in drift og forvaltning)
  if (appointedAt === stage.id) return { mark: 'appointed', active, becomes: null, spoc };
  if (active) return { mark: 'active', active, becomes: null, spoc };
  const alive = lifecyclePhases(catalogue, role);
  const last = alive[alive.length - 1];
  const previous = list[index - 1];
  // the stage right after the lifecycle's last phase, when the lifecycle ends before the last phase
  if (lifecycle.activeUntil && previous && last === previous.id && previous.filterKey === previous.id)
    return { mark: lifecycle.becomes ? 'handover' : 'phased-out', active, becomes: lifecycle.becomes, spoc };
  return { mark: 'inactive', active, becomes: null, spoc };
}

/** Every role's state at stage `index` of `stages(catalogue)`. */
export function timelineAt(catalogue: Catalogue, index: number): Map<string, RoleStageState> {
  const list = stages(catalogue);
  return new Map(catalogue.roles.map((r) => [r.id, stateAt(catalogue, r, list, index)]));
}

/** The whole grid: for each role, its state at each stage. */
export function timelineGrid(catalogue: Catalogue): Map<string, RoleStageState[]> {
  const list = stages(catalogue);
  return new Map(catalogue.roles.map((r) => [r.id, list.map((_, i) => stateAt(catalogue, r, list, i))]));
}

/** The succession relations ("afløses af") that take effect at stage `index`: lit on the map at the handover. */
export function handoverRelations(catalogue: Catalogue, index: number): string[] {
  const states = timelineAt(catalogue, index);
  return catalogue.relations
    .filter((r) => r.type === 'afloeses-af' && states.get(r.from)?.mark === 'handover' && states.get(r.from)?.becomes === r.to)
    .map((r) => r.id);
}

/** The roles that are SPOC at stage `index`, with their scopes. */
export function spocAt(catalogue: Catalogue, index: number): { roleId: string; scopes: Spoc[] }[] {
  return [...timelineAt(catalogue, index)].filter(([, s]) => s.spoc.length > 0).map(([roleId, s]) => ({ roleId, scopes: s.spoc }));
}
