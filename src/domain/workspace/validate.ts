import * as v from 'valibot';
import type { Catalogue } from '../catalogue';
import { issuePath } from '../issue-path';
import { err, ok, type Result } from '../result';
import { checkWorkspace, type WorkspaceIssue } from './integrity';
import { WorkspaceDataSchema, type WorkspaceData } from './schema';

const RECORDS: Record<string, string> = {
  orgUnits: 'Enhed',
  people: 'Person',
  systems: 'It-system',
  assignments: 'Tildeling',
  catalogueDrafts: 'Rollekatalog',
  catalogueRoles: 'Katalogrolle',
  klikTasks: 'KLIK-opgave',
  tours: 'Rundvisning',
};
const LISTS: Record<string, string> = {
  orgUnits: 'Listen over enheder',
  people: 'Listen over personer',
  systems: 'Listen over it-systemer',
  assignments: 'Listen over tildelinger',
  catalogueDrafts: 'Listen over rollekataloger',
  catalogueRoles: 'Listen over katalogroller',
  klikTasks: 'Listen over KLIK-opgaver',
  tours: 'Listen over rundvisninger',
};
const FIELDS: Record<string, string> = {
  id: 'id',
  name: 'navn',
  title: 'stilling',
  email: 'e-mail',
  phone: 'telefon',
  note: 'note',
  orgUnitId: 'enhed',
  parentId: 'overordnet enhed',
  phase: 'fase',
  personId: 'person',
  roleId: 'rolle',
  systemId: 'it-system',
  status: 'status',
  stepsDone: 'færdige trin',
  spoc: 'SPOC',
  relevant: 'relevant',
  effectAddition: 'tilføjelse til effekt',
  tasksAddition: 'tilføjelse til opgaver',
  responsibilitiesAddition: 'tilføjelse til ansvar',
  appointIn: 'udpeges i',
  deputyId: 'stedfortræder',
  appointedOn: 'udpeget dato',
  deadline: 'frist',
  perform: 'udfører',
  answer: 'ansvarlig',
  takePart: 'deltager',
};

/**
 * Says in Danish where a JSON path points in a workspace: "people[2].name" is
 * "Person nr. 3, navn". Paths it does not know are returned as they are.
 */
export function describeWorkspacePath(path: string): string {
  const m = /^(orgUnits|people|systems|assignments|catalogueDrafts|catalogueRoles|klikTasks|tours)(?:\[(\d+)\](?:\.(\w+)(?:\[\d+\].*)?)?)?$/.exec(path);
  if (!m) return path === 'name' ? 'Arbejdsområdets navn' : path === '' ? 'Arbejdsområdet' : path;
  const [, list, index, field] = m;
  if (index === undefined) return LISTS[list!]!;
  const place = `${RECORDS[list!]} nr. ${Number(index) + 1}`;
  return field === undefined ? place : `${place}, ${FIELDS[field] ?? `feltet »${field}«`}`;
}

/** A valibot issue as a workspace issue with a Danish message (valibot's own messages are English). */
export function danishIssue(issue: v.BaseIssue<unknown>): WorkspaceIssue {
  const path = issuePath(issue);
  if (issue.type === 'strict_object' && issue.expected === 'never') {
    const key = path.replace(/^.*[.[]/, '').replace(/\]$/, '');
    const parent = path.slice(0, Math.max(0, path.length - key.length - 1));
    return { path, message: `feltet »${key}« er ikke tilladt`, place: parent };
  }
  if (issue.received === 'undefined') return { path, message: 'feltet mangler' };
  if (['min_length', 'max_length', 'regex', 'check'].includes(issue.type) || /[æøå]|skal|må/.test(issue.message)) return { path, message: issue.message };
  return { path, message: `skal være ${EXPECTED[issue.expected ?? ''] ?? 'en anden slags værdi'}, men er ${kindOf(issue.input)}` };
}

const EXPECTED: Record<string, string> = { Object: 'en post', Array: 'en liste', string: 'en tekst', number: 'et tal', null: 'tom (null)', boolean: 'sand eller falsk' };

/** What kind of value this is, in Danish. */
function kindOf(x: unknown): string {
  if (x === null) return 'tom (null)';
  if (Array.isArray(x)) return 'en liste';
  if (typeof x === 'string') return x === '' ? 'en tom tekst' : 'en tekst';
  if (typeof x === 'number') return 'et tal';
  if (typeof x === 'boolean') return 'sand eller falsk';
  if (typeof x === 'object') return 'en post';
  return 'en ukendt slags værdi';
}

/** The issue as a Danish sentence: where it is, in words, and what is wrong. */
export const describeIssue = (issue: WorkspaceIssue): string => `${describeWorkspacePath(issue.place ?? issue.path)}: ${issue.message}`;

/** A broken rule, and whether it is one of the schema's or of integrity. */
export type RuleIssue = WorkspaceIssue & { rule: 'schema' | 'integrity' };

/**
 * The one set of rules a workspace must pass, whichever way it comes in or goes out:
 * the schema (types, lengths, counts, visible names) and integrity (references,
 * unique ids, role scopes). Returns the normalised data, or the first issue.
 */
export function validateWorkspace(input: unknown, catalogue: Catalogue): Result<WorkspaceData, RuleIssue> {
  const parsed = v.safeParse(WorkspaceDataSchema, input);
  if (!parsed.success) return err({ ...danishIssue(parsed.issues[0]), rule: 'schema' });
  const [issue] = checkWorkspace(parsed.output, catalogue);
  return issue ? err({ ...issue, rule: 'integrity' }) : ok(parsed.output);
}
