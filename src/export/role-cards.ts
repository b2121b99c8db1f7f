import { displayName, type Catalogue, type Role } from '../domain/catalogue';
import { lifecyclePhases } from '../domain/explorer';
import { groupColour } from '../graph/group-colours';

/** One workshop card: what a role is, in brief. */
export interface RoleCard {
  id: string;
  name: string;
  group: string;
  colour: string;
  effect: string;
  /** Three to five of the source's tasks: those the role itself carries out first, then others. */
  tasks: string[];
  phases: string;
}

/** Up to five key tasks: the generic KLIK task every role shares goes last, then the source's order. */
function keyTasks(role: Role): string[] {
  const all = [...role.tasks, ...role.responsibilities].map((i) => i.text);
  const generic = (t: string) => /^Bidrager til løsning af KLIK-opgaver/.test(t);
  return [...all.filter((t) => !generic(t)), ...all.filter(generic)].slice(0, 5);
}

/** A card per role in catalogue order, for the printable sheet (four A6 cards to an A4 page). */
export function roleCards(catalogue: Catalogue): RoleCard[] {
  const names = new Map(catalogue.phases.map((p) => [p.id, p.name]));
  const groups = new Map(catalogue.groups.map((g) => [g.id, g.name]));
  const order = new Map(catalogue.groups.map((g) => [g.id, g.order]));
  return [...catalogue.roles]
    .sort((a, b) => (order.get(a.group) ?? 0) - (order.get(b.group) ?? 0))
    .map((role) => {
      const phases = lifecyclePhases(catalogue, role);
      const known = role.lifecycle.activeFrom !== null || role.lifecycle.activeUntil !== null;
      return {
        id: role.id,
        name: displayName(role).name,
        group: groups.get(role.group) ?? role.group,
        colour: groupColour(role.group),
        effect: role.effect,
        tasks: keyTasks(role),
        phases: known ? phases.map((p) => names.get(p) ?? p).join(', ') : 'Hele forløbet (kilden knytter ikke rollen til bestemte faser)',
      };
    });
}
