import type { Catalogue } from '../catalogue';
import { displayName } from '../catalogue/display-name';
import type { Tour, TourStep } from './schema';

/** Something a step names that the catalogue does not have. */
export interface TourRefIssue {
  /** 0-based step index. */
  step: number;
  message: string;
}

const PHASE_KEYS = (catalogue: Catalogue) => new Set(['alle', 'implementering', 'drift', ...catalogue.phases.map((p) => p.id)]);

/** The Danish warnings for one step: roles, relations, phase and relation types it names that do not exist. */
export function stepProblems(step: TourStep, catalogue: Catalogue): string[] {
  const roles = new Set(catalogue.roles.map((r) => r.id));
  const relations = new Set(catalogue.relations.map((r) => r.id));
  const types = new Set(catalogue.relationTypes.map((t) => t.id));
  const out: string[] = [];
  const where = `Rollegalleri ${catalogue.catalogueVersion}`;
  for (const r of step.roles) if (!roles.has(r)) out.push(`rollen »${r}« findes ikke i ${where}`);
  for (const r of step.relations) if (!relations.has(r)) out.push(`relationen »${r}« findes ikke i ${where}`);
  for (const t of step.hiddenTypes) if (!types.has(t)) out.push(`relationstypen »${t}« findes ikke i ${where}`);
  if (!PHASE_KEYS(catalogue).has(step.phase)) out.push(`fasen »${step.phase}« findes ikke i ${where}`);
  return out;
}

/** Every missing reference in a tour, step by step; an empty list means the tour fits the catalogue. */
export function checkTourRefs(tour: Tour, catalogue: Catalogue): TourRefIssue[] {
  return tour.steps.flatMap((step, i) => stepProblems(step, catalogue).map((message) => ({ step: i, message })));
}

/** The part of a step the map can show: only what exists, so a stale step never breaks the map. */
export function usableStep(step: TourStep, catalogue: Catalogue): TourStep {
  const roles = new Set(catalogue.roles.map((r) => r.id));
  const relations = new Set(catalogue.relations.map((r) => r.id));
  const types = new Set(catalogue.relationTypes.map((t) => t.id));
  return {
    ...step,
    roles: step.roles.filter((r) => roles.has(r)),
    relations: step.relations.filter((r) => relations.has(r)),
    hiddenTypes: step.hiddenTypes.filter((t) => types.has(t)),
    phase: PHASE_KEYS(catalogue).has(step.phase) ? step.phase : 'alle',
  };
}

/** The roles a step shows: those it names and both ends of the relations it names. */
export function stepRoleIds(step: TourStep, catalogue: Catalogue): string[] {
  const ids = new Set(step.roles);
  for (const rel of catalogue.relations) if (step.relations.includes(rel.id)) ids.add(rel.from).add(rel.to);
  return catalogue.roles.filter((r) => ids.has(r.id)).map((r) => r.id);
}

/** Role names as the map shows them, for a step's list of roles. */
export function stepRoleNames(step: TourStep, catalogue: Catalogue): string[] {
  const byId = new Map(catalogue.roles.map((r) => [r.id, r]));
  return stepRoleIds(step, catalogue).map((id) => displayName(byId.get(id)!).name);
}
