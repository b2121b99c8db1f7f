import * as v from 'valibot';
import { boundedList, boundedText, recordId, visibleName } from '../schema-parts';
import { TOUR_LIMITS, TourSchema } from '../tours/schema';

/** Version of the workspace shape, stored with every workspace and written into every export. */
export const WORKSPACE_VERSION = 2;

/**
 * The bounds of a workspace. Every string and list is bounded, so a hostile file cannot
 * balloon memory or the UI; the editing operations refuse input past these same numbers.
 */
export const LIMITS = {
  id: 100,
  name: 200,
  text: 500,
  orgUnits: 2000,
  // a large municipality: 20,000 people (issue 12) with three roles each
  people: 20000,
  systems: 500,
  assignments: 60000,
  /** Tailored text added to a role for one IT system. */
  longText: 4000,
  catalogueDrafts: 500,
  catalogueRoles: 20000,
  klikTasks: 20000,
  taskLinks: 40,
} as const;
const id = recordId(LIMITS.id);
const name = visibleName(LIMITS.name);
const optionalText = v.optional(boundedText(LIMITS.text));
const list = boundedList;

export const OrgUnitSchema = v.strictObject({
  id,
  name,
  parentId: v.nullable(id),
});

export const PersonSchema = v.strictObject({
  id,
  name,
  title: optionalText,
  orgUnitId: v.optional(id),
  email: optionalText,
  phone: optionalText,
  note: optionalText,
});

/** `phase` is a catalogue phase id, or "drift" once the system is in operation. */
export const ItSystemSchema = v.strictObject({
  id,
  name,
  phase: id,
});

/** `systemId` names the IT system for system-specific roles and is null for roles held once for the municipality. */
export const AssignmentSchema = v.strictObject({
  id,
  personId: id,
  roleId: id,
  systemId: v.nullable(id),
});

/** A calendar date, as an `<input type="date">` gives it. */
const date = v.pipe(v.string('skal være en tekst'), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'skal være en dato (åååå-mm-dd)'));
const longText = v.optional(
  v.pipe(v.string('skal være en tekst'), v.maxLength(LIMITS.longText, `er for lang (højst ${LIMITS.longText} tegn)`)),
);
/** Bilag 1's six checklist steps, by their catalogue ids. */
export const CHECKLIST_STEP_IDS = ['bilag1-1', 'bilag1-2', 'bilag1-3', 'bilag1-4', 'bilag1-5', 'bilag1-6'] as const;

/** The SPOC chosen for one stage (a catalogue phase or "drift") of a system's catalogue. */
export const SpocChoiceSchema = v.strictObject({ stage: id, roleId: id });

/**
 * A system's draft rollekatalog (Bilag 1): one per IT system, `id` = `systemId`. The roles and
 * KLIK tasks are records of their own (catalogueRoles, klikTasks), so that people editing
 * different roles do not overwrite each other.
 */
export const CatalogueDraftSchema = v.strictObject({
  id,
  systemId: id,
  status: v.picklist(['udkast', 'godkendt'], 'skal være "udkast" eller "godkendt"'),
  stepsDone: list(v.picklist(CHECKLIST_STEP_IDS, 'skal være et trin fra bilag1-1 til bilag1-6'), 6, 'trin'),
  spoc: list(SpocChoiceSchema, 10, 'SPOC-valg'),
  /** Bilag 1 advice: does the Projektejer carry on as Systemejer, the Projektleder as Systemansvarlig. */
  ownerContinues: v.optional(v.boolean('skal være sand eller falsk')),
  leadContinues: v.optional(v.boolean('skal være sand eller falsk')),
  handoverNote: optionalText,
});

/** How a role stands in a system's catalogue. */
export const ROLE_STATUSES = ['udpeget', 'mangler', 'ikke-relevant'] as const;

/** One role in one system's catalogue: relevance, tailored text, timing and status. `id` = `<systemId>__<roleId>`. */
export const CatalogueRoleSchema = v.strictObject({
  id,
  systemId: id,
  roleId: id,
  relevant: v.boolean('skal være sand eller falsk'),
  effectAddition: longText,
  tasksAddition: longText,
  responsibilitiesAddition: longText,
  /** The stage (catalogue phase or "drift") the role is appointed or activated in; unset = the catalogue's lifecycle. */
  appointIn: v.optional(id),
  status: v.optional(v.picklist(ROLE_STATUSES, 'skal være "udpeget", "mangler" eller "ikke-relevant"')),
  deputyId: v.optional(id),
  appointedOn: v.optional(date),
});

/** A KLIK task for one system's catalogue, linked to the roles that perform, answer for or take part in it. */
export const KlikTaskSchema = v.strictObject({
  id,
  systemId: id,
  title: name,
  deadline: v.optional(date),
  phase: v.optional(id),
  perform: list(id, LIMITS.taskLinks, 'roller'),
  answer: list(id, LIMITS.taskLinks, 'roller'),
  takePart: list(id, LIMITS.taskLinks, 'roller'),
});

export const CatalogueRefSchema = v.strictObject({
  id: v.literal('rollegalleri', 'skal være "rollegalleri"'),
  version: v.pipe(v.string('skal være en tekst'), v.maxLength(20, 'er for lang (højst 20 tegn)')),
});

/** The workspace as it is exported and stored: everything but its local id. */
export const WorkspaceDataSchema = v.strictObject({
  name,
  orgUnits: list(OrgUnitSchema, LIMITS.orgUnits, 'enheder'),
  people: list(PersonSchema, LIMITS.people, 'personer'),
  systems: list(ItSystemSchema, LIMITS.systems, 'it-systemer'),
  assignments: list(AssignmentSchema, LIMITS.assignments, 'tildelinger'),
  catalogueDrafts: list(CatalogueDraftSchema, LIMITS.catalogueDrafts, 'rollekataloger'),
  catalogueRoles: list(CatalogueRoleSchema, LIMITS.catalogueRoles, 'katalogroller'),
  klikTasks: list(KlikTaskSchema, LIMITS.klikTasks, 'KLIK-opgaver'),
  /** Guided tours the trainer recorded ("Rundvisninger"); one record per tour, its steps inside. */
  tours: list(TourSchema, TOUR_LIMITS.tours, 'rundvisninger'),
});

export type OrgUnit = v.InferOutput<typeof OrgUnitSchema>;
export type Person = v.InferOutput<typeof PersonSchema>;
export type ItSystem = v.InferOutput<typeof ItSystemSchema>;
export type Assignment = v.InferOutput<typeof AssignmentSchema>;
export type CatalogueDraft = v.InferOutput<typeof CatalogueDraftSchema>;
export type CatalogueRole = v.InferOutput<typeof CatalogueRoleSchema>;
export type KlikTask = v.InferOutput<typeof KlikTaskSchema>;
export type SpocChoice = v.InferOutput<typeof SpocChoiceSchema>;
export type ChecklistStepId = (typeof CHECKLIST_STEP_IDS)[number];
export type RoleStatus = (typeof ROLE_STATUSES)[number];
export type WorkspaceData = v.InferOutput<typeof WorkspaceDataSchema>;
export type CatalogueRef = v.InferOutput<typeof CatalogueRefSchema>;

/** The value meaning "in operation" for an IT system's phase. */
export const IN_OPERATION = 'drift';

/** IT systems the source names (endnote i), offered as suggestions. */
export const SUGGESTED_SYSTEMS = ['AULA', 'BBR', 'DAR', 'DUBU', 'FBS', 'KSD', 'KY', 'SAPA'] as const;
