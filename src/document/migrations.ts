/**
 * Steps that lift a workspace document from one version to the next. Version 1
 * is the first, so there is nothing to lift yet; a change of shape adds
 * `2: (doc) => ...` here and bumps WORKSPACE_VERSION.
 */
export const MIGRATIONS: Record<number, (doc: Record<string, unknown>) => Record<string, unknown>> = {};

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
