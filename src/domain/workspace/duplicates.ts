import { isolate } from '../text';
import { LIMITS, type Person } from './schema';

/**
 * Telling people and workspaces apart. One rule for "the same name" everywhere: the same
 * letters ignoring case and the spaces around them (the person form warns by it too).
 */
export const sameNameKey = (name: string) => name.trim().toLocaleLowerCase('da');
const emailKey = (email: string | undefined) => email?.trim().toLocaleLowerCase('da') ?? '';

/** What a person's identity is judged by: a stored person or a row about to be imported. */
export interface PersonKey {
  name: string;
  email?: string;
}

/** The same person: by e-mail when both have one, else by the same name. */
export function samePerson(a: PersonKey, b: PersonKey): boolean {
  const ea = emailKey(a.email);
  const eb = emailKey(b.email);
  if (ea && eb) return ea === eb;
  return sameNameKey(a.name) === sameNameKey(b.name);
}

/** Why an incoming person is taken as someone already there: a stored person, or an earlier incoming one (by index). */
export type Duplicate = { index: number; existing: Person } | { index: number; earlier: number };

/**
 * Which of `incoming` (people about to be imported) are already among `existing`, or repeat
 * an earlier incoming one. Matches by `samePerson`; looks up by key, so 20,000 against
 * 20,000 stays quick. A stored person is preferred over an earlier row as what is matched.
 */
export function findDuplicatePeople(incoming: readonly PersonKey[], existing: readonly Person[]): Duplicate[] {
  type Source = { existing: Person } | { earlier: number };
  const byEmail = new Map<string, Source>();
  const byNameWithoutEmail = new Map<string, Source>();
  const byName = new Map<string, Source>();
  const remember = (p: PersonKey, source: Source) => {
    const email = emailKey(p.email);
    const name = sameNameKey(p.name);
    if (email && !byEmail.has(email)) byEmail.set(email, source);
    if (!email && !byNameWithoutEmail.has(name)) byNameWithoutEmail.set(name, source);
    if (!byName.has(name)) byName.set(name, source);
  };
  for (const p of existing) remember(p, { existing: p });
  const found: Duplicate[] = [];
  incoming.forEach((p, index) => {
    const email = emailKey(p.email);
    const name = sameNameKey(p.name);
    // with an e-mail, only the same e-mail or someone without one by the same name; without, anyone by the name
    const match = email ? (byEmail.get(email) ?? byNameWithoutEmail.get(name)) : byName.get(name);
    if (match) found.push({ index, ...match });
    remember(p, { earlier: index });
  });
  return found;
}

/** Cuts `text` to at most `max` UTF-16 units without splitting a surrogate pair (a half would not be well-formed). */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/**
 * A workspace name no other workspace has: `name` itself when free, else the name with the
 * first free " (n)", n ≥ 2; a name that already ends in " (n)" counts on from its base.
 * The base is cut so the result stays within the name limit.
 */
export function freeWorkspaceName(name: string, taken: readonly string[]): string {
  const trimmed = name.trim();
  const used = new Set(taken.map(sameNameKey));
  if (!used.has(sameNameKey(trimmed))) return trimmed;
  const base = trimmed.replace(/\s*\(\d+\)$/, '') || trimmed;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${cut(base, LIMITS.name - suffix.length).trimEnd()}${suffix}`;
    if (!used.has(sameNameKey(candidate))) return candidate;
  }
}

/** Why a workspace cannot be renamed to `name` because another workspace has it, or null. */
export function workspaceNameTaken(name: string, others: readonly string[]): string | null {
  const key = sameNameKey(name);
  return others.some((o) => sameNameKey(o) === key)
    ? `Der findes allerede et arbejdsområde med navnet »${isolate(name.trim())}«. Vælg et andet navn, så I kan kende dem fra hinanden.`
    : null;
}
