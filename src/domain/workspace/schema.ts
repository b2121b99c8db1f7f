import * as v from 'valibot';
import { hasVisibleText } from '../text';

/** Version of the workspace shape, stored with every workspace and written into every export. */
export const WORKSPACE_VERSION = 1;

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
} as const;
const MAX_TEXT = LIMITS.text;
const id = v.pipe(
  v.string('skal være en tekst'),
  v.minLength(1, 'må ikke være tom'),
  v.maxLength(LIMITS.id, `er for lang (højst ${LIMITS.id} tegn)`),
  v.regex(/^[A-Za-z0-9_-]+$/, 'må kun indeholde bogstaver a-z, tal, - og _'),
);
const name = v.pipe(
  v.string('skal være en tekst'),
  v.trim(),
  v.minLength(1, 'må ikke være tom'),
  v.maxLength(LIMITS.name, `er for lang (højst ${LIMITS.name} tegn)`),
  v.check(hasVisibleText, 'må ikke bestå af usynlige tegn alene'),
);
const optionalText = v.optional(v.pipe(v.string('skal være en tekst'), v.maxLength(MAX_TEXT, `er for lang (højst ${MAX_TEXT} tegn)`)));
const list = <T extends v.GenericSchema>(item: T, max: number, what: string) =>
  v.pipe(v.array(item, 'skal være en liste'), v.maxLength(max, `har for mange ${what} (højst ${max})`));

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
});

export type OrgUnit = v.InferOutput<typeof OrgUnitSchema>;
export type Person = v.InferOutput<typeof PersonSchema>;
export type ItSystem = v.InferOutput<typeof ItSystemSchema>;
export type Assignment = v.InferOutput<typeof AssignmentSchema>;
export type WorkspaceData = v.InferOutput<typeof WorkspaceDataSchema>;
export type CatalogueRef = v.InferOutput<typeof CatalogueRefSchema>;

/** The value meaning "in operation" for an IT system's phase. */
export const IN_OPERATION = 'drift';

/** IT systems the source names (endnote i), offered as suggestions. */
export const SUGGESTED_SYSTEMS = ['AULA', 'BBR', 'DAR', 'DUBU', 'FBS', 'KSD', 'KY', 'SAPA'] as const;
