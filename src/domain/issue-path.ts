import type * as v from 'valibot';

/** Where in the input a valibot issue sits, as a JSON path such as "roles[3].tasks[0].text". */
export function issuePath(issue: v.BaseIssue<unknown>): string {
  return (issue.path ?? [])
    .map((p) => (typeof p.key === 'number' ? `[${p.key}]` : `.${String(p.key)}`))
    .join('')
    .replace(/^\./, '');
}
