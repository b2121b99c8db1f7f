import type { Role } from '../catalogue';

const ACCENTS: Record<string, string> = {
  á: 'a', à: 'a', â: 'a', é: 'e', è: 'e', ê: 'e', ë: 'e', í: 'i', ì: 'i', î: 'i', ï: 'i',
  ó: 'o', ò: 'o', ô: 'o', ú: 'u', ù: 'u', û: 'u', ü: 'u', ö: 'ø', ä: 'æ',
};

/**
 * Lower-cases Danish text and drops foreign accents (é → e, ö → ø), but keeps
 * æ, ø and å: they are letters in Danish, not accented ones.
 */
export function foldDanish(text: string): string {
  return text
    .normalize('NFC')
    .toLocaleLowerCase('da')
    .replace(/[áàâéèêëíìîïóòôúùûüöä]/g, (c) => ACCENTS[c] ?? c);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One query word as a pattern. Someone typing without a Danish keyboard writes
 * "ae", "oe", "aa" or plain "o" and "a", so those also match æ, ø and å; a query
 * that uses æ, ø or å itself matches only them.
 */
function wordPattern(word: string): string {
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const pair = word.slice(i, i + 2);
    if (pair === 'ae') { out += '(?:ae|æ)'; i++; continue; }
    if (pair === 'oe') { out += '(?:oe|ø)'; i++; continue; }
    if (pair === 'aa') { out += '(?:aa|å)'; i++; continue; }
    const c = word[i]!;
    if (c === 'o') out += '[oø]';
    else if (c === 'a') out += '[aå]';
    else out += escape(c);
  }
  return out;
}

/** A matcher for a search query: every word must occur somewhere. Null for an empty query. */
export function queryMatcher(query: string): ((text: string) => boolean) | null {
  const words = foldDanish(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  const patterns = words.map((w) => new RegExp(wordPattern(w), 'u'));
  return (text) => {
    const folded = foldDanish(text);
    return patterns.every((p) => p.test(folded));
  };
}

/** The text of a role that search looks at: names, effect, tasks, responsibilities, competencies. */
export function roleSearchText(role: Role): string {
  return [
    role.name,
    ...role.aliases,
    role.effect,
    ...role.tasks.map((t) => t.text),
    ...role.responsibilities.map((t) => t.text),
    ...role.competencies,
  ].join('\n');
}

/** The ids of the roles that match the query, or null when there is no query. */
export function searchRoles(roles: readonly Role[], query: string): Set<string> | null {
  const match = queryMatcher(query);
  if (!match) return null;
  return new Set(roles.filter((r) => match(roleSearchText(r))).map((r) => r.id));
}

/**
 * The hits in the order Enter and the arrow keys visit them: the roles whose own name (or another
 * spelling of it) matches first, then those found only in their texts, each group in the order given
 * (the map's). Someone typing "sikker" means Sikkerhedsansvarlig before a role that mentions security in a task.
 */
export function namesFirst(roles: readonly Role[], ids: readonly string[], query: string): string[] {
  const match = queryMatcher(query);
  if (!match) return [...ids];
  const byId = new Map(roles.map((r) => [r.id, r]));
  const named = (id: string) => {
    const role = byId.get(id);
    return !!role && match([role.name, ...role.aliases].join('\n'));
  };
  return [...ids.filter(named), ...ids.filter((id) => !named(id))];
}
