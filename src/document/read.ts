import * as v from 'valibot';
import type { Catalogue } from '../domain/catalogue';
import { err, ok, type Result } from '../domain/result';
import {
  AssignmentSchema,
  changeIsValid,
  changeOf,
  danishIssue,
  ItSystemSchema,
  LIMITS,
  OrgUnitSchema,
  PersonSchema,
  describeIssue,
  validateWorkspace,
  WORKSPACE_VERSION,
  WorkspaceDataSchema,
  type CatalogueRef,
  type WorkspaceData,
  type RuleIssue,
  type WorkspaceChange,
} from '../domain/workspace';
import { serializeDocument, toDocument, WORKSPACE_FORMAT, WorkspaceDocumentSchema } from './envelope';
import { migrate } from './migrations';

/** Why a workspace file (or a stored workspace) was refused: the step, where, and a Danish message. */
export interface ReadError {
  step: 'size' | 'parse' | 'shape' | 'format' | 'version' | 'migrate' | 'validate' | 'integrity';
  path: string;
  message: string;
}

/** Each step of reading a file, in Danish, for the "Detaljer" line beside a refusal. */
export const READ_STEP_NAMES: Record<ReadError['step'], string> = {
  size: 'filens størrelse',
  parse: 'læsning af JSON',
  shape: 'filens opbygning',
  format: 'filformat',
  version: 'version',
  migrate: 'opgradering fra en ældre version',
  validate: 'indhold',
  integrity: 'sammenhæng',
};

/** Where reading went wrong, for someone helping: the step in Danish, and the field when there is one. */
export const readErrorDetail = ({ step, path }: Pick<ReadError, 'step' | 'path'>) =>
  path && path !== step ? `${READ_STEP_NAMES[step]}, felt »${path}«` : READ_STEP_NAMES[step];

/**
 * Upper bound for an import file. The write path refuses a workspace whose export would
 * be larger (see `checkWritable`), so every file the app exports, it imports again.
 */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
const MAX_DEPTH = 12;

/** Values (records, lists and fields) a record of this schema holds at most: the record and each of its fields. */
const valuesPer = (schema: { entries: object }) => 1 + Object.keys(schema.entries).length;

/**
 * The most values (records, lists, fields) a document within `LIMITS` can hold, with every
 * optional field present; a file with more is refused before anything walks it. Derived from
 * the limits, so raising a limit never turns away a file the app itself wrote.
 */
export const MAX_VALUES =
  64 + // the envelope, the catalogue reference, the workspace record and its lists
  LIMITS.orgUnits * valuesPer(OrgUnitSchema) +
  LIMITS.people * valuesPer(PersonSchema) +
  LIMITS.systems * valuesPer(ItSystemSchema) +
  LIMITS.assignments * valuesPer(AssignmentSchema);

const fail = (step: ReadError['step'], path: string, message: string) => err<ReadError>({ step, path, message });

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Refuses input nested deeper than any real workspace, before anything walks it recursively. */
function checkShape(json: unknown): ReadError | null {
  let count = 0;
  const stack: [unknown, number, string][] = [[json, 0, '']];
  while (stack.length) {
    const [value, depth, path] = stack.pop()!;
    if (++count > MAX_VALUES) return { step: 'shape', path, message: 'Filen indeholder for mange værdier til at være et arbejdsområde.' };
    if (depth > MAX_DEPTH) return { step: 'shape', path, message: `${path}: filen er for dybt indlejret til at være et arbejdsområde.` };
    if (Array.isArray(value)) value.forEach((x, i) => stack.push([x, depth + 1, `${path}[${i}]`]));
    else if (isRecord(value)) for (const [k, x] of Object.entries(value)) stack.push([x, depth + 1, path ? `${path}.${k}` : k]);
  }
  return null;
}

const EnvelopeSchema = v.strictObject({ ...WorkspaceDocumentSchema.entries, workspace: v.unknown() });

/** A workspace issue as a read error: the Danish place and problem, with the technical path kept apart. */
const workspaceFailure = (issue: RuleIssue) => fail(issue.rule === 'schema' ? 'validate' : 'integrity', `workspace.${issue.path}`, describeIssue(issue));

/**
 * Reads a workspace document through fixed steps: shape, envelope, version,
 * migration, strict validation and integrity. Used for imports and for loading
 * from IndexedDB alike.
 */
export function readDocument(json: unknown, catalogue: Catalogue): Result<{ data: WorkspaceData; catalogue: CatalogueRef }, ReadError> {
  const shape = checkShape(json);
  if (shape) return err(shape);
  if (!isRecord(json) || json.format !== WORKSPACE_FORMAT)
    return fail('format', 'format', 'Filen er ikke et Rollekort-arbejdsområde. Vælg en fil, der er gemt med Eksportér i Rollekort.');
  const version = json.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return fail('version', 'version', 'version: skal være et helt tal fra 1 og op.');
  if (version > WORKSPACE_VERSION)
    return fail(
      'version',
      'version',
      `Filen er gemt af en nyere version af Rollekort (format ${version}; denne version kender op til ${WORKSPACE_VERSION}). Opdatér Rollekort, og prøv igen.`,
    );
  let migrated: Record<string, unknown>;
  try {
    migrated = migrate(json, version, WORKSPACE_VERSION);
  } catch (e) {
    return fail('migrate', 'version', `Filen kunne ikke opgraderes: ${e instanceof Error ? e.message : String(e)}.`);
  }
  const parsed = v.safeParse(EnvelopeSchema, migrated);
  if (!parsed.success) {
    const issue = danishIssue(parsed.issues[0]);
    return fail('validate', issue.path, `${(issue.place ?? issue.path) || 'Filen'}: ${issue.message}`);
  }
  const doc = parsed.output;
  if (doc.catalogue.version !== catalogue.catalogueVersion)
    return fail(
      'integrity',
      'catalogue.version',
      `Arbejdsområdet bruger Rollegalleri ${doc.catalogue.version || '(uden version)'}, men appen har Rollegalleri ${catalogue.catalogueVersion}.`,
    );
  const workspace = validateWorkspace(doc.workspace, catalogue);
  if (!workspace.ok) return workspaceFailure(workspace.error);
  // what was read is what the write gate would accept, unless its export would be too big:
  // remember it, so storing an import does not check it all again
  if (exportBytesBound(workspace.value) <= MAX_FILE_BYTES) remember(workspace.value, catalogue);
  return ok({ data: workspace.value, catalogue: doc.catalogue });
}

/** Reads the text of an import file: size cap and JSON parsing, then `readDocument`. */
export function readWorkspaceText(text: string, catalogue: Catalogue) {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_FILE_BYTES)
    return fail('size', '', `Filen er for stor (${megabytes(bytes)} MB); højst ${megabytes(MAX_FILE_BYTES)} MB.`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail('parse', '', 'Filen er ikke gyldig JSON, så den kan ikke være et Rollekort-arbejdsområde. Vælg en fil, der er gemt med Eksportér.');
  }
  return readDocument(json, catalogue);
}

/** Bytes one record takes in the export text at most: a generous bound per record and per character. */
function recordBound(record: object): number {
  // a UTF-16 unit becomes at most 6 bytes of JSON (an escaped control or lone surrogate);
  // a record's keys, quotes and indentation take well under 256 bytes
  let bound = 256;
  for (const value of Object.values(record)) {
    if (typeof value === 'string') bound += 6 * value.length;
    // lists of ids (a task's roles), small records (a draft's SPOC choices), a tour's steps:
    // their own JSON, indented, with room for escapes and the deeper indentation of the export
    else if (value !== null && typeof value === 'object') bound += 256 + 6 * JSON.stringify(value, null, 2).length;
  }
  return bound;
}

const sum = (records: readonly object[]) => records.reduce((n, r) => n + recordBound(r), 0);

/** Every list of the workspace, the ones later formats added too. */
const LIST_KEYS = Object.keys(WorkspaceDataSchema.entries).filter((k) => k !== 'name') as (keyof WorkspaceData)[];

/** Bounds already worked out, so an edit's bound is its base's plus what changed. */
const bounds = new WeakMap<WorkspaceData, number>();

/** Bytes of the export text at most, without building it. */
function exportBytesBound(data: WorkspaceData, base?: WorkspaceData, change?: WorkspaceChange): number {
  const known = bounds.get(data);
  if (known !== undefined) return known;
  const from = base && change ? bounds.get(base) : undefined;
  let bound: number;
  // (a change is only worked out for edits of the first four lists; any other edit is bounded whole)
  if (from !== undefined && base && change) {
    bound = from + 6 * (data.name.length - base.name.length);
    for (const list of Object.values(change)) if (list) bound += sum(list.added) - sum(list.removed);
  } else bound = 1024 + 6 * data.name.length + LIST_KEYS.reduce((n, k) => n + sum(data[k] as readonly object[]), 0);
  bounds.set(data, bound);
  return bound;
}

const EXPORTED_AT = new Date(0); // an export's date always has the same length

/**
 * The gate every write passes: exactly the rules the read path checks, plus the size of
 * the export, so that whatever is saved opens again and whatever is exported imports.
 * Returns the data as it will be read back. `base`, when given, is what `data` was edited
 * from: if it passed, only the edit's changes are checked (see `changeIsValid`).
 */
export function checkWritable(data: WorkspaceData, catalogue: Catalogue, base?: WorkspaceData): Result<WorkspaceData, ReadError> {
  if (passed.get(catalogue)?.has(data)) return ok(data);
  // an edit of data that passed: checking what the edit changed is enough, when it proves the rest
  if (base && passed.get(catalogue)?.has(base)) {
    const change = changeOf(base, data);
    if (changeIsValid(base, data, catalogue, change) && exportBytesBound(data, base, change) <= MAX_FILE_BYTES) {
      remember(data, catalogue);
      return ok(data);
    }
  }
  const valid = validateWorkspace(data, catalogue);
  if (!valid.ok) return workspaceFailure(valid.error);
  if (exportBytesBound(valid.value) > MAX_FILE_BYTES) {
    const ref = { id: 'rollegalleri' as const, version: catalogue.catalogueVersion };
    const bytes = new TextEncoder().encode(serializeDocument(toDocument(valid.value, ref, EXPORTED_AT))).length;
    if (bytes > MAX_FILE_BYTES)
      return fail('size', 'workspace', `Arbejdsområdet ville fylde ${megabytes(bytes)} MB som fil; en fil kan højst fylde ${megabytes(MAX_FILE_BYTES)} MB.`);
  }
  remember(valid.value, catalogue);
  return ok(valid.value);
}

function remember(data: WorkspaceData, catalogue: Catalogue) {
  if (!passed.has(catalogue)) passed.set(catalogue, new WeakSet());
  passed.get(catalogue)!.add(data);
}

/**
 * What the gate returned, per catalogue. Workspace data is never changed in place (every
 * edit makes new objects), so what passed once passes again: the manager checks an edit
 * and the store then gets the very same object, and undo restores objects that passed.
 */
const passed = new WeakMap<Catalogue, WeakSet<WorkspaceData>>();

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toLocaleString('da-DK', { maximumFractionDigits: 1 });
