import type { Catalogue } from '../catalogue';
import { IN_OPERATION, type Assignment, type ItSystem, type OrgUnit, type Person, type WorkspaceData } from './schema';

/** How big a synthetic workspace is. */
export interface Scale {
  people: number;
  systems: number;
  assignments: number;
}

/** The scale series of the performance work (issue 12): S, M, L and XL. */
export const SCALES = {
  S: { people: 20, systems: 3, assignments: 60 },
  M: { people: 200, systems: 15, assignments: 600 },
  L: { people: 1_000, systems: 40, assignments: 3_000 },
  XL: { people: 5_000, systems: 100, assignments: 15_000 },
} as const satisfies Record<string, Scale>;

export type ScaleName = keyof typeof SCALES;

const FIRST = [
  'Anne', 'Bo', 'Cecilie', 'Dennis', 'Eva', 'Frederik', 'Gitte', 'Hassan', 'Ida', 'Jens', 'Karen', 'Lars', 'Mette',
  'Niels', 'Ole', 'Pernille', 'Rasmus', 'Signe', 'Torben', 'Ulla', 'Vibeke', 'Søren', 'Åse', 'Ørjan', 'Mads', 'Lone',
  'Kirsten', 'Jørgen', 'Hanne', 'Mikkel', 'Louise', 'Fatima', 'Ahmad', 'Birgitte', 'Christian', 'Dorthe',
];
const LAST = [
  'Jensen', 'Nielsen', 'Hansen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen', 'Sørensen', 'Rasmussen', 'Jørgensen',
  'Petersen', 'Madsen', 'Kristensen', 'Olsen', 'Thomsen', 'Christiansen', 'Poulsen', 'Johansen', 'Møller', 'Mortensen',
  'Holm', 'Lund', 'Kjær', 'Berg', 'Nørgaard', 'Friis', 'Vestergaard', 'Ali', 'Østergaard', 'Bach',
];
const TITLES = [
  'Projektleder', 'It-konsulent', 'Afdelingsleder', 'Systemadministrator', 'Digitaliseringskonsulent', 'Teamleder',
  'Fagkonsulent', 'Økonomikonsulent', 'Sagsbehandler', 'It-arkitekt', 'Superbruger', 'Chefkonsulent',
];
const UNITS = [
  'Børn og Unge', 'IT og Digitalisering', 'Økonomi', 'Borgerservice', 'Teknik og Miljø', 'Sundhed og Omsorg',
  'Beskæftigelse', 'Kultur og Fritid', 'HR og Personale', 'Skole', 'Dagtilbud', 'Social og Handicap',
];
const SYSTEMS = ['AULA', 'BBR', 'DAR', 'DUBU', 'FBS', 'KSD', 'KY', 'SAPA', 'Ejendomsdata', 'Sygedagpenge', 'Ydelsesrefusion', 'Kommunernes Pensionssystem'];

/** A small seeded generator (mulberry32): the same seed gives the same workspace everywhere. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (i: number) => String(i).padStart(6, '0');

/**
 * A valid invented municipality of the given size, the same for the same seed: Danish-looking
 * names, org units, IT systems in every phase, and assignments of the catalogue's roles with
 * the scope each role takes (system-specific roles for a system, municipality roles for none).
 * Shared by unit tests and `npm run bench`.
 */
export function syntheticWorkspace(catalogue: Pick<Catalogue, 'roles' | 'phases'>, scale: Scale, seed = 1): WorkspaceData {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const unitCount = Math.max(1, Math.min(UNITS.length * 4, Math.ceil(scale.people / 40)));
  const orgUnits: OrgUnit[] = Array.from({ length: unitCount }, (_, i) => ({
    id: `u-${pad(i)}`,
    name: i < UNITS.length ? UNITS[i]! : `${UNITS[i % UNITS.length]} ${Math.floor(i / UNITS.length) + 1}`,
    // the first units are departments; the rest sit under one of them
    parentId: i < UNITS.length ? null : `u-${pad(i % UNITS.length)}`,
  }));
  const people: Person[] = Array.from({ length: scale.people }, (_, i) => {
    const p: Person = { id: `p-${pad(i)}`, name: `${pick(FIRST)} ${pick(LAST)}`, title: pick(TITLES), orgUnitId: pick(orgUnits).id };
    if (rnd() < 0.5) p.email = `${p.id}@kommune.example`;
    return p;
  });
  const phases = [...catalogue.phases.map((p) => p.id), IN_OPERATION];
  const systems: ItSystem[] = Array.from({ length: scale.systems }, (_, i) => ({
    id: `s-${pad(i)}`,
    name: i < SYSTEMS.length ? SYSTEMS[i]! : `${SYSTEMS[i % SYSTEMS.length]} ${Math.floor(i / SYSTEMS.length) + 1}`,
    phase: phases[i % phases.length]!,
  }));
  const perSystem = catalogue.roles.filter((r) => r.perSystem !== 'none');
  const municipal = catalogue.roles.filter((r) => r.perSystem !== 'required');
  const assignments: Assignment[] = [];
  const taken = new Set<string>();
  // room for every assignment: each person can hold each role once per system and once for the municipality
  const room = scale.people * (perSystem.length * scale.systems + municipal.length);
  if (scale.assignments > room) throw new Error(`${scale.assignments} assignments do not fit ${scale.people} people and ${scale.systems} systems`);
  if (scale.assignments > 0 && scale.people === 0) throw new Error('assignments need people');
  while (assignments.length < scale.assignments) {
    // mostly system-specific work, as in a real municipality; municipality roles when there are no systems
    const forSystem = systems.length > 0 && rnd() < 0.75;
    const role = pick(forSystem ? perSystem : municipal);
    const systemId = forSystem ? pick(systems).id : null;
    const personId = pick(people).id;
    const key = `${personId}|${role.id}|${systemId}`;
    if (taken.has(key)) continue;
    taken.add(key);
    assignments.push({ id: `a-${pad(assignments.length)}`, personId, roleId: role.id, systemId });
  }
  return { name: `Syntetisk Kommune ${scale.people}`, orgUnits, people, systems, assignments, catalogueDrafts: [], catalogueRoles: [], klikTasks: [], tours: [] };
}
