import type { Relation } from '../catalogue';

/** The role itself and every role one relation away from it, in either direction. */
export function neighbourhood(relations: readonly Relation[], roleId: string): Set<string> {
  const ids = new Set([roleId]);
  for (const r of relations) {
    if (r.from === roleId) ids.add(r.to);
    if (r.to === roleId) ids.add(r.from);
  }
  return ids;
}

/** The relations going out of and coming into a role. */
export function relationsOf(relations: readonly Relation[], roleId: string) {
  return {
    outgoing: relations.filter((r) => r.from === roleId),
    incoming: relations.filter((r) => r.to === roleId),
  };
}
