export { shippedCatalogue } from '../catalogue/fixtures';
import type { Assignment, ItSystem, Person, WorkspaceData } from './schema';

/** Test-only factories for workspaces. */
export const person = (id: string, name = `Person ${id}`, extra: Partial<Person> = {}): Person => ({ id, name, ...extra });
export const system = (id: string, name = id.toUpperCase(), phase = 'fase-1-opstart'): ItSystem => ({ id, name, phase });
export const assignment = (id: string, personId: string, roleId: string, systemId: string | null): Assignment => ({
  id,
  personId,
  roleId,
  systemId,
});

export function makeWorkspace(over: Partial<WorkspaceData> = {}): WorkspaceData {
  return {
    name: 'Testkommune',
    orgUnits: [],
    people: [person('p-1', 'Anna'), person('p-2', 'Bent')],
    systems: [system('s-aula', 'AULA', 'fase-2-forberedelse'), system('s-sapa', 'SAPA', 'drift')],
    assignments: [],
    catalogueDrafts: [],
    catalogueRoles: [],
    klikTasks: [],
    tours: [],
    ...over,
  };
}
