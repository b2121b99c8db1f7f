import type { Role } from './schema';

/** How a role is named on screen, and the source's own spelling when that differs. */
export interface DisplayName {
  name: string;
  /** The spelling in the role's own table, when the app shows the common spelling instead. */
  sourceSpelling: string | null;
  /** The catalogue's note on the spelling. */
  note: string | null;
}

/**
 * The common spelling of a role's name. Where the catalogue notes that the role's table
 * spells the name differently from the rest of the source (»staver "ØiR-kordinator"«),
 * the first alias, the common spelling, is shown; the catalogue keeps the table's spelling.
 */
export function displayName(role: Pick<Role, 'name' | 'aliases' | 'notes'>): DisplayName {
  const note = role.notes.find((n) => n.includes(`staver "${role.name}"`)) ?? null;
  const common = role.aliases[0];
  if (!note || !common) return { name: role.name, sourceSpelling: null, note: null };
  return { name: common, sourceSpelling: role.name, note };
}
