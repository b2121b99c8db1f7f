/** A new id with a readable prefix, e.g. "p-3f9a1c2e". */
export function newId(prefix: string): string {
  const random = globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(16)}${Math.random().toString(16).slice(2)}`;
  return `${prefix}-${random.replace(/-/g, '').slice(0, 12)}`;
}
