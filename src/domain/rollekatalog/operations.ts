import type { Catalogue } from '../catalogue';
import { displayName } from '../catalogue';
import { err, ok, type Result } from '../result';
import { hasVisibleText } from '../text';
import {
  catalogueRoleId,
  isKnownPhase,
  LIMITS,
  type CatalogueDraft,
  type CatalogueRole,
  type ChecklistStepId,
  type KlikTask,
  type WorkspaceData,
} from '../workspace';
import { draftFor, entryFor, isCrossCutting, isRelevant, QUOTES } from './rules';

type Edit = Result<WorkspaceData, string>;

const hasSystem = (ws: WorkspaceData, systemId: string) => ws.systems.some((s) => s.id === systemId);
const noSystem = (systemId: string) => err(`It-systemet ${systemId} findes ikke længere.`);

/** Replaces (or adds) a system's draft. */
function putDraft(ws: WorkspaceData, draft: CatalogueDraft): WorkspaceData {
  const rest = ws.catalogueDrafts.filter((d) => d.id !== draft.id);
  return { ...ws, catalogueDrafts: [...rest, draft] };
}

/** Changes a system's draft with `change`; an unchanged draft leaves the workspace as it is. */
export function updateDraft(ws: WorkspaceData, systemId: string, change: (d: CatalogueDraft) => CatalogueDraft): Edit {
  if (!hasSystem(ws, systemId)) return noSystem(systemId);
  const before = draftFor(ws, systemId);
  const after = change(before);
  return ok(JSON.stringify(after) === JSON.stringify(before) && ws.catalogueDrafts.includes(before) ? ws : putDraft(ws, after));
}

export const setStepDone = (ws: WorkspaceData, systemId: string, step: ChecklistStepId, done: boolean) =>
  updateDraft(ws, systemId, (d) => ({
    ...d,
    stepsDone: done ? [...new Set([...d.stepsDone, step])].sort() : d.stepsDone.filter((s) => s !== step),
  }));

export const setDraftStatus = (ws: WorkspaceData, systemId: string, status: CatalogueDraft['status']) =>
  updateDraft(ws, systemId, (d) => ({ ...d, status }));

/** Chooses the SPOC for a stage (bilag1-2); null goes back to the source's. */
export function setSpoc(ws: WorkspaceData, catalogue: Catalogue, systemId: string, stage: string, roleId: string | null): Edit {
  if (!isKnownPhase(catalogue, stage)) return err(`Fasen ${stage} findes ikke.`);
  if (roleId !== null && !catalogue.roles.some((r) => r.id === roleId)) return err(`Rollen ${roleId} findes ikke.`);
  return updateDraft(ws, systemId, (d) => {
    const spoc = d.spoc.filter((s) => s.stage !== stage);
    if (roleId) spoc.push({ stage, roleId });
    const order = (s: string) => ['opvarmningsperiode', ...catalogue.phases.map((p) => p.id), 'drift'].indexOf(s);
    return { ...d, spoc: spoc.sort((a, b) => order(a.stage) - order(b.stage)) };
  });
}

/** Bilag 1's advice on continuity: does the Projektejer carry on as Systemejer, the Projektleder as Systemansvarlig. */
export const setHandover = (
  ws: WorkspaceData,
  systemId: string,
  answers: { ownerContinues?: boolean | null; leadContinues?: boolean | null; handoverNote?: string },
) =>
  updateDraft(ws, systemId, (d) => {
    const next: CatalogueDraft = { ...d };
    for (const key of ['ownerContinues', 'leadContinues'] as const) {
      const value = answers[key];
      if (value === null) delete next[key];
      else if (value !== undefined) next[key] = value;
    }
    if (answers.handoverNote !== undefined) {
      const note = answers.handoverNote.trim().slice(0, LIMITS.text);
      if (note) next.handoverNote = note;
      else delete next.handoverNote;
    }
    return next;
  });

/** What can be changed on a role's catalogue entry; `null` clears a field. */
export interface RolePatch {
  relevant?: boolean;
  effectAddition?: string | null;
  tasksAddition?: string | null;
  responsibilitiesAddition?: string | null;
  appointIn?: string | null;
  status?: CatalogueRole['status'] | null;
  deputyId?: string | null;
  appointedOn?: string | null;
}

const TAILORED = ['effectAddition', 'tasksAddition', 'responsibilitiesAddition'] as const;

/**
 * Changes a role's entry in a system's catalogue. Refuses tailored text on a cross-cutting role,
 * in the source's words (bilag1-3), and references to what does not exist.
 */
export function updateCatalogueRole(ws: WorkspaceData, catalogue: Catalogue, systemId: string, roleId: string, patch: RolePatch): Edit {
  if (!hasSystem(ws, systemId)) return noSystem(systemId);
  const role = catalogue.roles.find((r) => r.id === roleId);
  if (!role) return err(`Rollen ${roleId} findes ikke.`);
  if (isCrossCutting(role) && TAILORED.some((k) => patch[k]))
    return err(`${displayName(role).name} er en tværgående rolle og kan ikke tilpasses. Bilag 1 siger: »${QUOTES.locked}«`);
  if (patch.appointIn && !isKnownPhase(catalogue, patch.appointIn)) return err(`Fasen ${patch.appointIn} findes ikke.`);
  if (patch.deputyId && !ws.people.some((p) => p.id === patch.deputyId)) return err('Stedfortræderen findes ikke længere.');
  if (patch.appointedOn && !/^\d{4}-\d{2}-\d{2}$/.test(patch.appointedOn)) return err('Datoen skal have formen åååå-mm-dd.');
  const id = catalogueRoleId(systemId, roleId);
  const before = entryFor(ws, systemId, roleId);
  const next: CatalogueRole = { ...(before ?? { id, systemId, roleId, relevant: isRelevant(ws, systemId, role) }) };
  for (const [key, value] of Object.entries(patch) as [keyof RolePatch, unknown][]) {
    if (value === undefined) continue;
    const text = typeof value === 'string' && TAILORED.includes(key as (typeof TAILORED)[number]);
    if (text && (value as string).length > LIMITS.longText) return err(`Teksten er for lang (højst ${LIMITS.longText} tegn).`);
    if (value === null || (typeof value === 'string' && !hasVisibleText(value))) delete (next as Record<string, unknown>)[key];
    else (next as Record<string, unknown>)[key] = value;
  }
  if (before && JSON.stringify(before) === JSON.stringify(next)) return ok(ws);
  const rest = ws.catalogueRoles.filter((r) => r.id !== id);
  return ok({ ...ws, catalogueRoles: [...rest, next] });
}

/** What a KLIK task is made of (bilag1-4). */
export interface KlikTaskInput {
  title: string;
  deadline?: string;
  phase?: string;
  perform: string[];
  answer: string[];
  takePart: string[];
}

function checkTask(catalogue: Catalogue, input: KlikTaskInput): string | null {
  if (!hasVisibleText(input.title.trim())) return 'KLIK-opgaven skal have en titel.';
  if (input.title.trim().length > LIMITS.name) return `Titlen er for lang (højst ${LIMITS.name} tegn).`;
  if (input.deadline && !/^\d{4}-\d{2}-\d{2}$/.test(input.deadline)) return 'Fristen skal være en dato.';
  if (input.phase && !isKnownPhase(catalogue, input.phase)) return `Fasen ${input.phase} findes ikke.`;
  const roles = new Set(catalogue.roles.map((r) => r.id));
  for (const id of [...input.perform, ...input.answer, ...input.takePart]) if (!roles.has(id)) return `Rollen ${id} findes ikke.`;
  return null;
}

const taskRecord = (id: string, systemId: string, input: KlikTaskInput): KlikTask => ({
  id,
  systemId,
  title: input.title.trim(),
  ...(input.deadline ? { deadline: input.deadline } : {}),
  ...(input.phase ? { phase: input.phase } : {}),
  perform: [...new Set(input.perform)],
  answer: [...new Set(input.answer)],
  takePart: [...new Set(input.takePart)],
});

export function addKlikTask(ws: WorkspaceData, catalogue: Catalogue, systemId: string, input: KlikTaskInput, id: string): Edit {
  if (!hasSystem(ws, systemId)) return noSystem(systemId);
  const problem = checkTask(catalogue, input);
  if (problem) return err(problem);
  if (ws.klikTasks.length >= LIMITS.klikTasks) return err(`Der kan højst være ${LIMITS.klikTasks} KLIK-opgaver.`);
  return ok({ ...ws, klikTasks: [...ws.klikTasks, taskRecord(id, systemId, input)] });
}

export function updateKlikTask(ws: WorkspaceData, catalogue: Catalogue, taskId: string, input: KlikTaskInput): Edit {
  const task = ws.klikTasks.find((t) => t.id === taskId);
  if (!task) return err('KLIK-opgaven findes ikke længere.');
  const problem = checkTask(catalogue, input);
  if (problem) return err(problem);
  return ok({ ...ws, klikTasks: ws.klikTasks.map((t) => (t.id === taskId ? taskRecord(taskId, t.systemId, input) : t)) });
}

export const removeKlikTask = (ws: WorkspaceData, taskId: string): WorkspaceData =>
  ws.klikTasks.some((t) => t.id === taskId) ? { ...ws, klikTasks: ws.klikTasks.filter((t) => t.id !== taskId) } : ws;

/** A role's KLIK tasks for a system, with how it takes part in each. */
export function tasksOfRole(ws: WorkspaceData, systemId: string, roleId: string): { task: KlikTask; how: string[] }[] {
  return ws.klikTasks
    .filter((t) => t.systemId === systemId)
    .map((task) => ({
      task,
      how: [task.perform.includes(roleId) && 'udfører', task.answer.includes(roleId) && 'ansvarlig', task.takePart.includes(roleId) && 'deltager'].filter(
        (x): x is string => typeof x === 'string',
      ),
    }))
    .filter((x) => x.how.length > 0);
}
