import { getContext, setContext } from 'svelte';

/** What the graph's role nodes can do with people; provided by the workshop around the graph. */
export interface WorkshopActions {
  dropPerson(personId: string, roleId: string): void;
  moveAssignment(assignmentId: string, roleId: string): void;
  removeAssignment(assignmentId: string): void;
}

/** Drag-and-drop payload types, so a drop knows what was dragged. */
export const PERSON_MIME = 'application/x-rollekort-person';
export const ASSIGNMENT_MIME = 'application/x-rollekort-assignment';

const KEY = Symbol('workshop-actions');

export function setWorkshopActions(actions: WorkshopActions) {
  setContext(KEY, actions);
}

/** The workshop's actions, or null where the graph is shown without a workspace (the bench). */
export function maybeWorkshopActions(): WorkshopActions | null {
  return getContext<WorkshopActions | undefined>(KEY) ?? null;
}
