/** Outcome of an operation that can fail in a way the UI must explain. */
export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const err = <E>(error: E): Result<never, E> => ({ ok: false, error });

/** The value of an ok result; throws with the error's message otherwise (for tests and invariants). */
export function unwrap<T>(r: Result<T, unknown>): T {
  if (r.ok) return r.value;
  const e = r.error as { message?: unknown };
  throw new Error(typeof r.error === 'string' ? r.error : String(e?.message ?? r.error));
}
