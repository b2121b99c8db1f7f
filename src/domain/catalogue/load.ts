import * as v from 'valibot';
import { err, ok, type Result } from '../result.ts';
import { CATALOGUE_FORMAT, CATALOGUE_FORMAT_VERSION, CatalogueSchema, type Catalogue } from './schema.ts';
import { issuePath } from '../issue-path.ts';

/** Why a catalogue could not be loaded; `path` points into the JSON, `message` is Danish. */
export interface CatalogueError {
  kind: 'not-a-catalogue' | 'newer-format' | 'invalid' | 'broken-reference';
  path: string;
  message: string;
}

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** A Danish message for a schema issue: our own messages are Danish, valibot's generic ones are not. */
function danish(issue: v.BaseIssue<unknown>): string {
  if (issue.type === 'regex' || issue.type === 'min_length') return issue.message;
  if (issue.type === 'strict_object' && issue.expected === 'never') return 'feltet er ukendt';
  if (issue.received === 'undefined') return `feltet mangler (forventede ${issue.expected ?? 'en værdi'})`;
  return `ugyldig værdi: forventede ${issue.expected ?? 'en anden værdi'}, fik ${issue.received}`;
}

/** Checks that every id is unique and every reference points at something that exists. */
export function checkIntegrity(cat: Catalogue): CatalogueError[] {
  const errors: CatalogueError[] = [];
  const broken = (path: string, message: string) =>
    errors.push({ kind: 'broken-reference', path, message });
  const unique = (what: string, list: { id: string }[]) => {
    const seen = new Set<string>();
    list.forEach((x, i) => {
      if (seen.has(x.id)) broken(`${what}[${i}].id`, `id'et "${x.id}" findes allerede`);
      seen.add(x.id);
    });
    return seen;
  };
  const phases = unique('phases', cat.phases);
  const groups = unique('groups', cat.groups);
  const types = unique('relationTypes', cat.relationTypes);
  const roles = unique('roles', cat.roles);
  unique('relations', cat.relations);
  const phase = (path: string, id: string | null) => {
    if (id !== null && !phases.has(id)) broken(path, `fasen "${id}" findes ikke`);
  };
  cat.roles.forEach((r, i) => {
    const at = `roles[${i}]`;
    if (!groups.has(r.group)) broken(`${at}.group`, `gruppen "${r.group}" findes ikke`);
    phase(`${at}.lifecycle.appointedIn`, r.lifecycle.appointedIn);
    phase(`${at}.lifecycle.activeFrom`, r.lifecycle.activeFrom);
    phase(`${at}.lifecycle.activeUntil`, r.lifecycle.activeUntil);
    if (r.lifecycle.becomes !== null && !roles.has(r.lifecycle.becomes))
      broken(`${at}.lifecycle.becomes`, `rollen "${r.lifecycle.becomes}" findes ikke`);
    r.spoc.forEach((s, j) => s.phases.forEach((p, k) => phase(`${at}.spoc[${j}].phases[${k}]`, p)));
  });
  cat.relations.forEach((rel, i) => {
    const at = `relations[${i}]`;
    if (!roles.has(rel.from)) broken(`${at}.from`, `rollen "${rel.from}" findes ikke`);
    if (!roles.has(rel.to)) broken(`${at}.to`, `rollen "${rel.to}" findes ikke`);
    if (!types.has(rel.type)) broken(`${at}.type`, `relationstypen "${rel.type}" findes ikke`);
  });
  cat.advice.forEach((a, i) =>
    a.about.forEach((id, j) => {
      if (!roles.has(id)) broken(`advice[${i}].about[${j}]`, `rollen "${id}" findes ikke`);
    }),
  );
  return errors;
}

/** Reads untrusted JSON into a catalogue: envelope, version, shape, then references. */
export function parseCatalogue(json: unknown): Result<Catalogue, CatalogueError> {
  if (!isRecord(json) || json.format !== CATALOGUE_FORMAT)
    return err({ kind: 'not-a-catalogue', path: 'format', message: 'Filen er ikke et rollegalleri-katalog.' });
  if (typeof json.formatVersion === 'number' && json.formatVersion > CATALOGUE_FORMAT_VERSION)
    return err({
      kind: 'newer-format',
      path: 'formatVersion',
      message: `Kataloget har formatversion ${json.formatVersion}, men appen kender kun op til ${CATALOGUE_FORMAT_VERSION}. Opdatér Rollekort.`,
    });
  const parsed = v.safeParse(CatalogueSchema, json);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = issuePath(issue);
    return err({ kind: 'invalid', path, message: `${path || 'kataloget'}: ${danish(issue)}` });
  }
  const [first] = checkIntegrity(parsed.output);
  if (first) return err({ ...first, message: `${first.path}: ${first.message}` });
  return ok(parsed.output);
}
