import * as v from 'valibot';

/** The catalogue file format this app reads. Bump with a migration when the shape changes. */
export const CATALOGUE_FORMAT = 'rollegalleri-catalogue';
export const CATALOGUE_FORMAT_VERSION = 1;

const id = v.pipe(v.string(), v.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'skal være et id med små bogstaver og bindestreger'));
const text = v.pipe(v.string(), v.trim(), v.minLength(1, 'må ikke være tom'));

export const ColumnIdSchema = v.picklist(['implementering', 'drift']);

/** A task or responsibility with the marks exactly as the source's table has them. */
export const ItemSchema = v.strictObject({
  text,
  implementering: v.picklist(['X', '(X)', '']),
  drift: v.picklist(['X', '']),
});

export const LifecycleSchema = v.strictObject({
  appointment: v.picklist(['udpeges', 'aktiveres', 'sammenfald', 'ikke-initieret-af-kombit']),
  appointedIn: v.nullable(id),
  appointedWhen: v.nullable(text),
  initiatedBy: v.nullable(text),
  phasedOut: v.nullable(text),
  activeFrom: v.nullable(id),
  activeUntil: v.nullable(id),
  becomes: v.nullable(id),
  quotes: v.array(text),
});

export const SpocSchema = v.strictObject({
  scope: text,
  columns: v.pipe(v.array(ColumnIdSchema), v.minLength(1, 'skal have mindst én kolonne')),
  phases: v.pipe(v.array(id), v.minLength(1, 'skal have mindst én fase')),
  quote: text,
});

export const RoleSchema = v.strictObject({
  id,
  name: text,
  aliases: v.array(text),
  group: id,
  perSystem: v.picklist(['required', 'optional', 'none']),
  effect: text,
  tasks: v.pipe(v.array(ItemSchema), v.minLength(1, 'skal have mindst én opgave')),
  responsibilities: v.array(ItemSchema),
  competencies: v.array(text),
  characteristics: text,
  lifecycle: LifecycleSchema,
  spoc: v.array(SpocSchema),
  notes: v.array(text),
});

export const RelationSchema = v.strictObject({
  id: v.string(),
  from: id,
  to: id,
  type: id,
  quote: text,
  note: v.optional(text),
});

export const CatalogueSchema = v.strictObject({
  $schema: v.optional(v.string()),
  format: v.literal(CATALOGUE_FORMAT),
  formatVersion: v.literal(CATALOGUE_FORMAT_VERSION),
  catalogueVersion: text,
  title: text,
  publisher: text,
  published: text,
  source: v.strictObject({ file: text, note: text }),
  intro: v.strictObject({ risk: text, manyToMany: text }),
  columns: v.array(v.strictObject({ id: ColumnIdSchema, name: text })),
  phases: v.pipe(
    v.array(v.strictObject({ id, name: text, order: v.number(), column: ColumnIdSchema })),
    v.minLength(1, 'skal have mindst én fase'),
  ),
  phaseNotes: v.array(text),
  groups: v.pipe(
    v.array(v.strictObject({ id, name: text, order: v.number(), tasks: text })),
    v.minLength(1, 'skal have mindst én gruppe'),
  ),
  relationTypes: v.array(v.strictObject({ id, label: text, description: text })),
  roles: v.pipe(v.array(RoleSchema), v.minLength(1, 'skal have mindst én rolle')),
  relations: v.array(RelationSchema),
  advice: v.array(v.strictObject({ id, about: v.array(id), quote: text })),
  checklist: v.array(v.strictObject({ id, text })),
  systems: v.array(text),
  notes: v.array(text),
});

export type Catalogue = v.InferOutput<typeof CatalogueSchema>;
export type Role = v.InferOutput<typeof RoleSchema>;
export type Relation = v.InferOutput<typeof RelationSchema>;
export type Item = v.InferOutput<typeof ItemSchema>;
export type Lifecycle = v.InferOutput<typeof LifecycleSchema>;
export type Spoc = v.InferOutput<typeof SpocSchema>;
export type ColumnId = v.InferOutput<typeof ColumnIdSchema>;
export type Phase = Catalogue['phases'][number];
export type Group = Catalogue['groups'][number];
export type RelationType = Catalogue['relationTypes'][number];
