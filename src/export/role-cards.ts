import { displayName, footnotesAsText, type Catalogue, type Role } from '../domain/catalogue';
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

const MAX_TASK = 150;
const MAX_TASKS_TEXT = 560;

/** A task cut at a word to fit a card, marked with "…" when cut. */
const short = (t: string) => (t.length <= MAX_TASK ? t : `${t.slice(0, MAX_TASK).replace(/\s+\S*$/, '')} …`);

/**
 * Three to five key tasks that fit an A6 card: the source's order, the KLIK task every role
 * shares ("Løser/Bidrager til løsning af KLIK-opgaver …") last, long ones shortened.
 */
export function keyTasks(role: Role): string[] {
  // footnote markers as superscript letters, as the other printouts and exports write them
  const all = [...role.tasks, ...role.responsibilities].map((i) => short(footnotesAsText(i.text)));
  const generic = (t: string) => /KLIK-opgaver/.test(t.slice(0, 40));
  const ordered = [...all.filter((t) => !generic(t)), ...all.filter(generic)];
  const out: string[] = [];
  let used = 0;
  for (const t of ordered) {
    if (out.length >= 5 || (out.length >= 3 && used + t.length > MAX_TASKS_TEXT)) break;
    out.push(t);
    used += t.length;
  }
  return out;
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
