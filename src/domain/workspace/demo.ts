import type { WorkspaceData } from './schema';

/**
 * The demo workspace for the very first start: an invented municipality with a few
 * IT systems, people and roles, some deliberately unfilled.
 */
export function demoWorkspace(): WorkspaceData {
  const people: [string, string, string, string][] = [
    ['p-anne', 'Anne Holm', 'Direktør, Børn og Unge', 'u-bu'],
    ['p-bo', 'Bo Madsen', 'Projektleder', 'u-bu'],
    ['p-cecilie', 'Cecilie Lund', 'Afdelingsleder, Dagtilbud', 'u-bu'],
    ['p-dennis', 'Dennis Kjær', 'Pædagogisk konsulent', 'u-bu'],
    ['p-eva', 'Eva Thomsen', 'It-chef', 'u-it'],
    ['p-frederik', 'Frederik Berg', 'It-arkitekt', 'u-it'],
    ['p-gitte', 'Gitte Nørgaard', 'Informationssikkerhedskoordinator', 'u-it'],
    ['p-hassan', 'Hassan Ali', 'Systemadministrator', 'u-it'],
    ['p-ida', 'Ida Svendsen', 'Digitaliseringskonsulent', 'u-it'],
    ['p-jens', 'Jens Poulsen', 'Økonomichef', 'u-oko'],
    ['p-karen', 'Karen Vestergaard', 'Regnskabskonsulent', 'u-oko'],
    ['p-lars', 'Lars Friis', 'Teamleder, Borgerservice', 'u-bs'],
  ];
  const assignments: [string, string, string | null][] = [
    ['p-anne', 'projektejer', 's-aula'],
    ['p-bo', 'projektleder', 's-aula'],
    ['p-cecilie', 'faglig-leder', 's-aula'],
    ['p-dennis', 'traener-underviser', 's-aula'],
    ['p-dennis', 'superbruger', 's-aula'],
    ['p-hassan', 'systemadministrator', 's-aula'],
    ['p-lars', 'systemejer', 's-sapa'],
    ['p-hassan', 'systemansvarlig', 's-sapa'],
    ['p-lars', 'faglig-leder', 's-sapa'],
    ['p-ida', 'supportberettiget-bruger', 's-sapa'],
    ['p-eva', 'it-digitaliseringschef', null],
    ['p-frederik', 'it-arkitekt', null],
    ['p-gitte', 'sikkerhedsansvarlig', null],
    ['p-ida', 'kombit-programleder', null],
    ['p-ida', 'klik-administrator', null],
    ['p-eva', 'infrastrukturejer', null],
    ['p-frederik', 'infrastrukturansvarlig', null],
    ['p-jens', 'systemejer-bogfoering', null],
    ['p-karen', 'systemansvarlig-bogfoering', null],
    ['p-karen', 'oir-finans-administrator', null],
    ['p-hassan', 'rolleadministrator', null],
    ['p-hassan', 'organisationsadministrator', null],
  ];
  return {
    name: 'Eksempel Kommune',
    orgUnits: [
      { id: 'u-bu', name: 'Børn og Unge', parentId: null },
      { id: 'u-it', name: 'IT og Digitalisering', parentId: null },
      { id: 'u-oko', name: 'Økonomi', parentId: null },
      { id: 'u-bs', name: 'Borgerservice', parentId: null },
    ],
    people: people.map(([id, name, title, orgUnitId]) => ({ id, name, title, orgUnitId })),
    systems: [
      { id: 's-aula', name: 'AULA', phase: 'fase-2-forberedelse' },
      { id: 's-sapa', name: 'SAPA', phase: 'drift' },
      { id: 's-bbr', name: 'BBR', phase: 'fase-1-opstart' },
    ],
    assignments: assignments.map(([personId, roleId, systemId], i) => ({ id: `a-demo-${i + 1}`, personId, roleId, systemId })),
    catalogueDrafts: [],
    catalogueRoles: [],
    klikTasks: [],
    tours: [],
  };
}
