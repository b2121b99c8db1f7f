// Live presence: what each connected person shares over Yjs awareness (name, colour,
// selected role, camera), and the Danish texts for the connection's state.

/** The visible part of the map, in map (flow) coordinates. */
export interface ViewRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One person's awareness state, as this app publishes it. */
export interface Presence {
  name: string;
  color: string;
  /** The role this person has selected, or null. */
  role: string | null;
  /** Set while this person leads ("Følg mig"): their camera, for the others to follow. */
  leading: ViewRect | null;
  /** Joined with the read-only link: listed, but never followed. */
  viewer: boolean;
}

/** A connected person other than oneself. */
export interface Peer extends Presence {
  clientId: number;
}

/** Colours for people's dots and role markers: dark enough for white text, told apart by name too. */
export const PEER_COLOURS = ['#b3261e', '#1f5fa8', '#1b6e3a', '#8a3ab9', '#a1510e', '#006b70', '#6b5d00', '#c2185b'];

export const colourFor = (clientId: number) => PEER_COLOURS[clientId % PEER_COLOURS.length]!;

/**
 * The colour to show beside `peers`: one's own, unless someone who came earlier (a lower
 * client id) has it; then the first colour nobody has (with more people than colours, one's own).
 */
export function colourBeside(own: string, clientId: number, peers: readonly Pick<Peer, 'clientId' | 'color'>[]): string {
  if (!peers.some((p) => p.color === own && p.clientId < clientId)) return own;
  const used = new Set(peers.map((p) => p.color));
  return PEER_COLOURS.find((c) => !used.has(c)) ?? own;
}

const isRect = (v: unknown): v is ViewRect =>
  !!v && typeof v === 'object' && ['x', 'y', 'width', 'height'].every((k) => Number.isFinite((v as Record<string, unknown>)[k])) &&
  (v as ViewRect).width > 0 && (v as ViewRect).height > 0;

/**
 * Reads a peer's awareness state defensively: it comes from other browsers, so anything
 * malformed is dropped or cut to size rather than trusted.
 */
export function readPresence(clientId: number, state: unknown): Peer | null {
  if (!state || typeof state !== 'object') return null;
  const s = state as Record<string, unknown>;
  if (typeof s.name !== 'string' || !s.name.trim()) return null;
  return {
    clientId,
    name: s.name.trim().slice(0, 60),
    color: typeof s.color === 'string' && PEER_COLOURS.includes(s.color) ? s.color : colourFor(clientId),
    role: typeof s.role === 'string' && s.role.length <= 100 ? s.role : null,
    viewer: s.viewer === true,
    leading: s.viewer !== true && isRect(s.leading) ? s.leading : null,
  };
}

/** What `reannounce` needs of a y-protocols Awareness. */
export interface LocalAwareness {
  getLocalState(): Record<string, unknown> | null;
  setLocalState(state: Record<string, unknown> | null): void;
}

/**
 * Sends this person's presence again with a higher clock. Call it each time the connection
 * is back (synced). The provider re-sends the unchanged state with its old clock on
 * reconnecting, but the others (and the server) still hold that clock for the entry they
 * removed when the connection dropped, and y-protocols ignores a state whose clock is not
 * higher than the one it holds: without this the person stays missing from the others'
 * list until the awareness renewal 15 s later. setLocalState bumps the clock.
 */
export function reannounce(awareness: LocalAwareness | null | undefined): void {
  const state = awareness?.getLocalState();
  if (awareness && state) awareness.setLocalState(state);
}

/** The connection's state, as the status line shows it. */
export type LinkState = 'connecting' | 'connected' | 'offline' | 'unreachable' | 'refused';

export const LINK_TEXT: Record<LinkState, string> = {
  connecting: 'Forbinder …',
  connected: 'Forbundet',
  offline: 'Arbejder offline: ændringer sendes, når forbindelsen er tilbage',
  unreachable: 'Kan ikke forbinde: ændringer gemmes her og sendes, når serveren svarer',
  refused: 'Adgang nægtet',
};

/** The same for someone with the read-only link, who has no changes to send. */
export const VIEWER_LINK_TEXT: Record<LinkState, string> = {
  ...LINK_TEXT,
  offline: 'Offline: viser det senest hentede',
  unreachable: 'Kan ikke forbinde: viser det senest hentede',
};

/** Why the server refused (its `reason`), in Danish. */
export function refusalText(reason: string): string {
  switch (reason) {
    case 'wrong-secret':
      return 'Serveren afviste linket: hemmeligheden passer ikke til dette arbejdsområde. Bed om et nyt link.';
    case 'unknown-room':
      return 'Serveren kender ikke dette arbejdsområde. Bed den, der delte det, om at åbne det igen, så det bliver oprettet på serveren.';
    case 'no-secret':
    case 'bad-room':
      return 'Linket til arbejdsområdet er ufuldstændigt. Bed om et nyt link.';
    default:
      return `Serveren afviste forbindelsen (${reason.slice(0, 80)}).`;
  }
}
