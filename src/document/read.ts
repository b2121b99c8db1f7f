import * as v from 'valibot';
import type { Catalogue } from '../domain/catalogue';
import { err, ok, type Result } from '../domain/result';
import { checkWorkspace, WORKSPACE_VERSION, type CatalogueRef, type WorkspaceData } from '../domain/workspace';
import { WORKSPACE_FORMAT, WorkspaceDocumentSchema } from './envelope';
import { migrate } from './migrations';
import { issuePath } from '../domain/issue-path';

/** Why a workspace file (or a stored workspace) was refused: the step, where, and a Danish message. */
export interface ReadError {
  step: 'size' | 'parse' | 'shape' | 'format' | 'version' | 'migrate' | 'validate' | 'integrity';
  path: string;
  message: string;
}

/** Upper bound for an import file: a real workspace is far smaller. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
const MAX_DEPTH = 12;
const MAX_VALUES = 500_000;

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

function danish(issue: v.BaseIssue<unknown>): string {
  if (issue.type === 'strict_object' && issue.expected === 'never') return 'feltet er ikke tilladt';
  if (issue.received === 'undefined') return 'feltet mangler';
  if (['min_length', 'max_length', 'regex'].includes(issue.type) || /[æøå]|skal|må/.test(issue.message)) return issue.message;
  return `ugyldig værdi (forventede ${issue.expected ?? 'en anden værdi'}, fik ${issue.received})`;
}

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
  const parsed = v.safeParse(WorkspaceDocumentSchema, migrated);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = issuePath(issue);
    return fail('validate', path, `${path || 'filen'}: ${danish(issue)}`);
  }
  const doc = parsed.output;
  if (doc.catalogue.version !== catalogue.catalogueVersion)
    return fail(
      'integrity',
      'catalogue.version',
      `catalogue.version: arbejdsområdet bruger Rollegalleri ${doc.catalogue.version}, men appen har Rollegalleri ${catalogue.catalogueVersion}.`,
    );
  const [issue] = checkWorkspace(doc.workspace, catalogue);
  if (issue) return fail('integrity', `workspace.${issue.path}`, `${issue.path}: ${issue.message}`);
  return ok({ data: doc.workspace, catalogue: doc.catalogue });
}

/** Reads the text of an import file: size cap and JSON parsing, then `readDocument`. */
export function readWorkspaceText(text: string, catalogue: Catalogue) {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_FILE_BYTES)
    return fail('size', '', `Filen er for stor (${(bytes / 1024 / 1024).toLocaleString('da-DK', { maximumFractionDigits: 1 })} MB); højst ${MAX_FILE_BYTES / 1024 / 1024} MB.`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail('parse', '', 'Filen er ikke gyldig JSON, så den kan ikke være et Rollekort-arbejdsområde. Vælg en fil, der er gemt med Eksportér.');
  }
  return readDocument(json, catalogue);
}
