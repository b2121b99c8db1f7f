const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * Steps that lift a workspace document from one version to the next; a change of
 * shape adds a step here and bumps WORKSPACE_VERSION.
 */
export const MIGRATIONS: Record<number, (doc: Record<string, unknown>) => Record<string, unknown>> = {
  // 2: the Bilag 1 rollekatalog per IT system (issue 10). Version 1 had none of it, so the new collections start empty.
  2: (doc) => {
    if (!isRecord(doc.workspace)) return doc;
    const { catalogueDrafts = [], catalogueRoles = [], klikTasks = [], ...rest } = doc.workspace;
    return { ...doc, workspace: { ...rest, catalogueDrafts, catalogueRoles, klikTasks } };
  },
};

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
