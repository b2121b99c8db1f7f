import * as v from 'valibot';
import { displayName, type Catalogue } from '../domain/catalogue';
import { err, ok, type Result } from '../domain/result';
import { hasVisibleText, isolate, isWellFormed, toWellFormed } from '../domain/text';
import { checkWorkspace, danishIssue, IN_OPERATION, isKnownPhase, LIMITS, scopeProblem, WORKSPACE_VERSION, WorkspaceDataSchema, type WorkspaceData } from '../domain/workspace';
import type { Assignment, ItSystem, OrgUnit, Person } from '../domain/workspace';
import { CatalogueDraftSchema, CatalogueRoleSchema, KlikTaskSchema } from '../domain/workspace';
import { WORKSPACE_FORMAT } from './envelope';
import { migrate } from './migrations';
import { checkWritable, type ReadError } from './read';

/** A repaired workspace and, in Danish, every change the repair made. */
export interface Repair {
  data: WorkspaceData;
  changes: string[];
}

type Raw = Record<string, unknown>;
const isRecord = (x: unknown): x is Raw => typeof x === 'object' && x !== null && !Array.isArray(x);
const ID = /^[A-Za-z0-9_-]+$/;
const validId = (x: unknown): x is string => typeof x === 'string' && x.length >= 1 && x.length <= LIMITS.id && ID.test(x);
const n = (i: number) => (i + 1).toLocaleString('da-DK');

/** Drops or trims whatever breaks a rule, and says what it did; `note` collects the sentences. */
class Mender {
  readonly changes: string[] = [];
  constructor(readonly catalogue: Catalogue) {}

  note(s: string) {
    this.changes.push(s);
  }

  name(x: unknown, where: string, fallback: string): string {
    if (typeof x !== 'string' || !hasVisibleText(x.trim())) {
      this.note(`${where}: havde intet synligt navn og hedder nu »${fallback}«.`);
      return fallback;
    }
    const trimmed = this.whole(x.trim(), where, 'navnet');
    if (trimmed.length <= LIMITS.name) return trimmed;
    this.note(`${where}: navnet er forkortet fra ${trimmed.length.toLocaleString('da-DK')} til ${LIMITS.name} tegn.`);
    return toWellFormed(trimmed.slice(0, LIMITS.name)).trim();
  }

  text(x: unknown, where: string, what: string): string | undefined {
    if (x === undefined) return undefined;
    if (typeof x !== 'string') {
      this.note(`${where}: ${what} var ikke en tekst og er fjernet.`);
      return undefined;
    }
    const whole = this.whole(x, where, what);
    if (whole.length <= LIMITS.text) return whole;
    this.note(`${where}: ${what} er forkortet fra ${whole.length.toLocaleString('da-DK')} til ${LIMITS.text} tegn.`);
    return toWellFormed(whole.slice(0, LIMITS.text));
  }

  /** The text with half tegnkoder replaced, said when there were any. */
  whole(x: string, where: string, what: string): string {
    if (isWellFormed(x)) return x;
    this.note(`${where}: ${what} havde ugyldige tegn (halve tegnkoder), som er erstattet med �.`);
    return toWellFormed(x);
  }

  unknownFields(item: Raw, known: readonly string[], where: string) {
    for (const key of Object.keys(item)) if (!known.includes(key)) this.note(`${where}: feltet »${isolate(key)}« er ikke tilladt og er fjernet.`);
  }

  /** The items that are records with a valid, unused id; the rest are dropped with a note. */
  records(x: unknown, what: string, label: string): { item: Raw; where: string }[] {
    if (x === undefined) return [];
    if (!Array.isArray(x)) {
      this.note(`${what} var ikke en liste og er tømt.`);
      return [];
    }
    const seen = new Set<string>();
    const out: { item: Raw; where: string }[] = [];
    x.forEach((item, i) => {
      const where = `${label} nr. ${n(i)}`;
      if (!isRecord(item)) return this.note(`${where} var ikke en post og er fjernet.`);
      if (!validId(item.id)) return this.note(`${where} havde et ugyldigt id og er fjernet.`);
      if (seen.has(item.id)) return this.note(`${where} havde samme id som en tidligere (${isolate(item.id)}) og er fjernet.`);
      seen.add(item.id);
      out.push({ item, where });
    });
    return out;
  }

  cap<T>(items: T[], max: number, what: string): T[] {
    if (items.length <= max) return items;
    this.note(`Der var ${items.length.toLocaleString('da-DK')} ${what}; de sidste ${(items.length - max).toLocaleString('da-DK')} ud over grænsen på ${max.toLocaleString('da-DK')} er fjernet.`);
    return items.slice(0, max);
  }
}

function mendUnits(m: Mender, x: unknown): OrgUnit[] {
  const units = m.cap(
    m.records(x, 'Listen over enheder', 'Enhed').map(({ item, where }) => {
      m.unknownFields(item, ['id', 'name', 'parentId'], where);
      return { id: item.id as string, name: m.name(item.name, where, 'Enhed uden navn'), parentId: validId(item.parentId) ? item.parentId : null, where };
    }),
    LIMITS.orgUnits,
    'enheder',
  );
  const ids = new Set(units.map((u) => u.id));
  for (const u of units)
    if (u.parentId !== null && !ids.has(u.parentId)) {
      m.note(`${u.where} (${isolate(u.name)}): den overordnede enhed findes ikke; enheden ligger nu øverst.`);
      u.parentId = null;
    }
  const parent = new Map(units.map((u) => [u.id, u]));
  for (const u of units) {
    const seen = new Set([u.id]);
    for (let p = u.parentId; p !== null; p = parent.get(p)?.parentId ?? null) {
      if (seen.has(p)) {
        m.note(`${u.where} (${isolate(u.name)}): lå under sig selv; enheden ligger nu øverst.`);
        u.parentId = null;
        break;
      }
      seen.add(p);
    }
  }
  return units.map(({ id, name, parentId }) => ({ id, name, parentId }));
}

function mendPeople(m: Mender, x: unknown, units: Set<string>): Person[] {
  const people = m.records(x, 'Listen over personer', 'Person').map(({ item, where }) => {
    m.unknownFields(item, ['id', 'name', 'title', 'orgUnitId', 'email', 'phone', 'note'], where);
    const person: Person = { id: item.id as string, name: m.name(item.name, where, 'Person uden navn') };
    const at = `${where} (${isolate(person.name)})`;
    const fields = [['title', 'stillingen'], ['email', 'e-mailadressen'], ['phone', 'telefonnummeret'], ['note', 'noten']] as const;
    for (const [field, what] of fields) {
      const value = m.text(item[field], at, what);
      if (value !== undefined) person[field] = value;
    }
    if (item.orgUnitId !== undefined) {
      if (validId(item.orgUnitId) && units.has(item.orgUnitId)) person.orgUnitId = item.orgUnitId;
      else m.note(`${at}: enheden findes ikke; personen står nu uden enhed.`);
    }
    return person;
  });
  return m.cap(people, LIMITS.people, 'personer');
}

function mendSystems(m: Mender, x: unknown): ItSystem[] {
  const systems = m.records(x, 'Listen over it-systemer', 'It-system').map(({ item, where }) => {
    m.unknownFields(item, ['id', 'name', 'phase'], where);
    const name = m.name(item.name, where, 'It-system uden navn');
    let phase = item.phase;
    if (typeof phase !== 'string' || !isKnownPhase(m.catalogue, phase)) {
      m.note(`${where} (${isolate(name)}): fasen var ukendt og er sat til »i drift«.`);
      phase = IN_OPERATION;
    }
    return { id: item.id as string, name, phase: phase as string };
  });
  return m.cap(systems, LIMITS.systems, 'it-systemer');
}

function mendAssignments(m: Mender, x: unknown, people: Set<string>, systems: Set<string>): Assignment[] {
  const roles = new Map(m.catalogue.roles.map((r) => [r.id, r]));
  const triples = new Set<string>();
  const out: Assignment[] = [];
  for (const { item, where } of m.records(x, 'Listen over tildelinger', 'Tildeling')) {
    m.unknownFields(item, ['id', 'personId', 'roleId', 'systemId'], where);
    const { personId, roleId } = item;
    const systemId = item.systemId ?? null;
    const role = typeof roleId === 'string' ? roles.get(roleId) : undefined;
    // the role's name says which assignment it was (a person removed on one side while given a role on the other)
    const drop = (why: string) => m.note(`${where}${role ? ` (${isolate(displayName(role).name)})` : ''} er fjernet: ${why}.`);
    if (!validId(personId) || !people.has(personId)) drop('personen findes ikke');
    else if (!role) drop(`rollen findes ikke i Rollegalleri ${m.catalogue.catalogueVersion}`);
    else if (systemId !== null && (!validId(systemId) || !systems.has(systemId))) drop('it-systemet findes ikke');
    else if (scopeProblem(role, systemId)) drop(scopeProblem(role, systemId)!);
    else if (triples.has(`${personId}|${role.id}|${systemId}`)) drop('personen havde allerede rollen for det samme it-system');
    else {
      triples.add(`${personId}|${role.id}|${systemId}`);
      out.push({ id: item.id as string, personId, roleId: role.id, systemId });
    }
  }
  return m.cap(out, LIMITS.assignments, 'tildelinger');
}

/** The fields of a workspace mended one by one above; any other list (a later version's) is mended by its schema. */
const MENDED = ['name', 'orgUnits', 'people', 'systems', 'assignments'];
const OTHER_LISTS = Object.keys(WorkspaceDataSchema.entries).filter((k) => !MENDED.includes(k));

/** The schema of one record of a list field, looking through `optional` and pipes. */
function itemSchema(key: string): v.GenericSchema | null {
  let schema = (WorkspaceDataSchema.entries as Record<string, unknown>)[key] as { type: string; item?: v.GenericSchema; wrapped?: unknown } | undefined;
  if (schema?.type === 'optional') schema = schema.wrapped as typeof schema;
  return schema?.type === 'array' && schema.item ? schema.item : null;
}

/** A list a later version added: each record that passes its schema is kept, the rest dropped with a note. */
function mendOther(m: Mender, key: string, x: unknown): unknown[] {
  const item = itemSchema(key);
  if (!item) return [];
  return m.records(x, `Listen »${key}«`, `Post i »${key}«`).flatMap(({ item: record, where }) => {
    const parsed = v.safeParse(item, record);
    if (parsed.success) return [parsed.output];
    m.note(`${where} er fjernet: ${danishIssue(parsed.issues[0]).message}.`);
    return [];
  });
}

/** Drops the records of the later lists that point at something that is gone, until none does. */
function dropDangling(m: Mender, data: WorkspaceData, catalogue: Catalogue): WorkspaceData {
  let out = data as unknown as Record<string, unknown[]>;
  for (let round = 0; round < 10; round++) {
    const drop = new Map<string, Set<number>>();
    for (const issue of checkWorkspace(out as unknown as WorkspaceData, catalogue)) {
      const at = /^(\w+)\[(\d+)\]/.exec(issue.path);
      if (!at || !OTHER_LISTS.includes(at[1]!)) continue;
      if (!drop.has(at[1]!)) drop.set(at[1]!, new Set());
      drop.get(at[1]!)!.add(Number(at[2]));
      m.note(`Post nr. ${n(Number(at[2]))} i »${at[1]}« er fjernet: ${issue.message}.`);
    }
    if (!drop.size) break;
    out = { ...out };
    for (const [key, indexes] of drop) out[key] = out[key]!.filter((_, i) => !indexes.has(i));
  }
  return out as unknown as WorkspaceData;
}

/**
 * Makes a stored document that fails the rules into a workspace that passes them: it
 * drops or trims exactly what breaks a rule and lists each change. It refuses what it
 * cannot repair without guessing (a document from a newer version of the app).
 */
export function repairDocument(raw: unknown, catalogue: Catalogue): Result<Repair, ReadError> {
  const m = new Mender(catalogue);
  let doc: Raw = isRecord(raw) ? raw : {};
  if (!isRecord(raw)) m.note('Det gemte var ikke et arbejdsområde; et tomt arbejdsområde er lavet i stedet.');
  else if (doc.format !== WORKSPACE_FORMAT) m.note('Formatmærket manglede og er sat.');
  const version = doc.version;
  if (typeof version === 'number' && Number.isInteger(version) && version > WORKSPACE_VERSION)
    return err({ step: 'version', path: 'version', message: `Arbejdsområdet er gemt af en nyere version af Rollekort (format ${version}). Opdatér Rollekort; så kan det åbnes uden reparation.` });
  if (typeof version === 'number' && Number.isInteger(version) && version >= 1) {
    try {
      doc = migrate(doc, version, WORKSPACE_VERSION);
    } catch (e) {
      m.note(`Formatet kunne ikke opgraderes (${e instanceof Error ? e.message : String(e)}); indholdet er læst, som det var.`);
    }
  } else if (isRecord(raw)) m.note('Versionsnummeret manglede og er sat.');
  const ws: Raw = isRecord(doc.workspace) ? doc.workspace : {};
  if (isRecord(raw) && !isRecord(doc.workspace)) m.note('Arbejdsområdets indhold manglede; det er nu tomt.');
  m.unknownFields(ws, [...MENDED, ...OTHER_LISTS], 'Arbejdsområdet');

  const orgUnits = mendUnits(m, ws.orgUnits);
  const people = mendPeople(m, ws.people, new Set(orgUnits.map((u) => u.id)));
  const systems = mendSystems(m, ws.systems);
  const assignments = mendAssignments(m, ws.assignments, new Set(people.map((p) => p.id)), new Set(systems.map((s) => s.id)));
  const base = { name: m.name(ws.name, 'Arbejdsområdet', 'Repareret arbejdsområde'), orgUnits, people, systems, assignments };
  // the catalogue lists are mended with their own words; any other later list by its schema
  const rest = OTHER_LISTS.filter((k) => !(CATALOGUE_LISTS as readonly string[]).includes(k) && itemSchema(k));
  const mended = { ...mendCatalogues(m, ws, base), ...Object.fromEntries(rest.map((k) => [k, mendOther(m, k, ws[k])])) } as WorkspaceData;
  const data = rest.length ? dropDangling(m, mended, catalogue) : mended;
  const checked = checkWritable(data, catalogue);
  if (!checked.ok) return err({ ...checked.error, message: `Arbejdsområdet kunne ikke repareres: ${checked.error.message}` });
  return ok({ data: checked.value, changes: m.changes });
}

const CATALOGUE_LISTS = ['catalogueDrafts', 'catalogueRoles', 'klikTasks'] as const;
const CATALOGUE_LABELS = { catalogueDrafts: 'Rollekatalog', catalogueRoles: 'Katalogrolle', klikTasks: 'KLIK-opgave' } as const;
const CATALOGUE_LIST_NAMES = { catalogueDrafts: 'Listen over rollekataloger', catalogueRoles: 'Listen over katalogroller', klikTasks: 'Listen over KLIK-opgaver' } as const;
const CATALOGUE_SCHEMAS = { catalogueDrafts: CatalogueDraftSchema, catalogueRoles: CatalogueRoleSchema, klikTasks: KlikTaskSchema } as const;

/**
 * The Bilag 1 catalogue records that pass their own schema and point at what exists; the rest are
 * dropped with a note. (They only refer to people, systems and roles, so dropping one breaks nothing else.)
 */
function mendCatalogues(m: Mender, ws: Raw, base: Pick<WorkspaceData, 'name' | 'orgUnits' | 'people' | 'systems' | 'assignments'>): WorkspaceData {
  const lists = { catalogueDrafts: [], catalogueRoles: [], klikTasks: [] } as Pick<WorkspaceData, (typeof CATALOGUE_LISTS)[number]>;
  const where = new Map<object, string>();
  for (const key of CATALOGUE_LISTS) {
    const kept: unknown[] = [];
    for (const { item, where: at } of m.records(ws[key], CATALOGUE_LIST_NAMES[key], CATALOGUE_LABELS[key])) {
      const parsed = v.safeParse(CATALOGUE_SCHEMAS[key], item);
      if (!parsed.success) m.note(`${at} er fjernet: den var ikke gyldig.`);
      else {
        kept.push(parsed.output);
        where.set(parsed.output, at);
      }
    }
    (lists as Record<string, unknown[]>)[key] = kept;
  }
  // the later lists are not known here yet: checked as empty, filled in by the caller
  let data: WorkspaceData = { ...base, tours: [], ...lists };
  const broken = new Set<object>();
  for (const issue of checkWorkspace(data, m.catalogue)) {
    const hit = /^(catalogueDrafts|catalogueRoles|klikTasks)\[(\d+)\]/.exec(issue.path);
    const record = hit ? (data[hit[1] as (typeof CATALOGUE_LISTS)[number]] as object[])[Number(hit[2])] : undefined;
    if (record && !broken.has(record)) {
      broken.add(record);
      m.note(`${where.get(record)} er fjernet: ${issue.message}.`);
    }
  }
  if (broken.size) {
    data = { ...data };
    for (const key of CATALOGUE_LISTS) (data as Record<string, unknown>)[key] = (data[key] as object[]).filter((r) => !broken.has(r));
  }
  return data;
}
