import type { Catalogue } from '../catalogue';

/** The source's advice that applies to a role, quoted; shown as notes, never as blocks. */
export function adviceFor(catalogue: Catalogue, roleId: string) {
  return catalogue.advice.filter((a) => a.about.includes(roleId));
}

