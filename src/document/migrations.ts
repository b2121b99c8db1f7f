
/**
 * Steps that lift a workspace document from one version to the next; a change of
 * shape adds a step here and bumps WORKSPACE_VERSION.
 */
export const MIGRATIONS: Record<number, (doc: Record<string, unknown>) => Record<string, unknown>> = {
  // 2: the Bilag 1 rollekatalog per IT system (issue 10) and the trainer's tours ("Rundvisninger",
  // issue 11) arrive; a workspace from before has none of them, so the new collections start empty.
  2: (doc) => withWorkspaceDefaults(doc, { catalogueDrafts: [], catalogueRoles: [], klikTasks: [], tours: [] }),
};

/** The document with new workspace collections defaulted, leaving anything already there (or malformed) for validation to judge. */
function withWorkspaceDefaults(doc: Record<string, unknown>, defaults: Record<string, unknown>): Record<string, unknown> {
  const ws = doc.workspace;
  if (typeof ws !== 'object' || ws === null || Array.isArray(ws)) return doc;
  return { ...doc, workspace: { ...defaults, ...(ws as Record<string, unknown>) } };
}

/** Applies every step from `from` up to `to`; throws when a step is missing. */
export function migrate(doc: Record<string, unknown>, from: number, to: number): Record<string, unknown> {
  let current = doc;
  for (let v = from + 1; v <= to; v++) {
    const step = MIGRATIONS[v];
    if (!step) throw new Error(`mangler et trin fra version ${v - 1} til ${v}`);
    current = { ...step(current), version: v };
  }
  return current;
}
