import type { HocuspocusProvider, WebSocketStatus } from '@hocuspocus/provider';
import type * as Y from 'yjs';
import { err, ok, type Result } from '../domain/result';
import { blockedServerText } from '../sync/csp-check';
import { colourBeside, colourFor, LINK_TEXT, PEER_COLOURS, VIEWER_LINK_TEXT, readPresence, reannounce, refusalText, type LinkState, type Peer, type ViewRect } from '../sync/presence';
import {
  linksOf,
  newEditShare,
  normaliseServer,
  parseShareFragment,
  tokenOf,
  workspaceIdOf,
  type ShareTarget,
} from '../sync/share-link';

/** The sync provider (and Yjs), loaded the first time a workspace is shared or a link is opened. */
const loadLive = () => import('./live-runtime');

/** What sharing needs of the workspace (the WorkspaceManager provides it; see LIVE-CONTRACT). */
export interface SharedWorkspace {
  readonly id: string | null;
  readonly doc: Y.Doc | null;
  readOnly: boolean;
  openOrCreate(id: string, name: string): Promise<string | null>;
}

/** localStorage keys: UI memory, not workspace data. */
export const SERVER_KEY = 'rollekort.sync.server';
export const NAME_KEY = 'rollekort.sync.name';
export const ROOMS_KEY = 'rollekort.sync.rooms';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

const VIEW_THROTTLE_MS = 80;
const PEEK_TIMEOUT_MS = 3000;

/** Why this page may not reach `server` (its CSP meta tag), in Danish, or null. */
function blockedByPolicy(server: string): string | null {
  if (typeof document === 'undefined') return null;
  const meta = document.querySelector<HTMLMetaElement>('meta[http-equiv="Content-Security-Policy"]');
  return blockedServerText(meta?.content ?? null, location.origin, server);
}

/**
 * Live sharing of the open workspace: connects its Y.Doc to a Hocuspocus server, makes the
 * share links, and holds who else is connected (awareness) and "Følg mig".
 */
export class ShareManager {
  #workspace: SharedWorkspace;
  #store: Storage | null;
  #provider: HocuspocusProvider | null = null;
  /** The current connection's identity; callbacks of an older one are ignored. */
  #session: object | null = null;
  #doc: Y.Doc | null = null;
  #everConnected = false;
  #viewTimer: ReturnType<typeof setTimeout> | null = null;
  #view: ViewRect | null = null;

  #target = $state.raw<ShareTarget | null>(null);
  #state = $state<LinkState>('connecting');
  #refusal = $state<string | null>(null);
  #peers = $state.raw<Peer[]>([]);
  #links = $state.raw<{ edit: string; read: string } | null>(null);
  #name = $state('');
  #server = $state('');
  #leading = $state(false);
  #following = $state(true);
  #colour = $state(PEER_COLOURS[0]!);

  constructor(workspace: SharedWorkspace, store: Storage | null = storage()) {
    this.#workspace = workspace;
    this.#store = store;
    this.#name = store?.getItem(NAME_KEY) ?? '';
    this.#server = store?.getItem(SERVER_KEY) ?? '';
    // An open WebSocket can outlive the network for a long time (until the provider's 30 s
    // silence check); when the browser knows it is offline, say so at once and reconnect
    // as soon as it is back.
    if (typeof window !== 'undefined') {
      window.addEventListener('offline', () => this.#provider?.configuration.websocketProvider.disconnect());
      window.addEventListener('online', () => void this.#provider?.configuration.websocketProvider.connect());
    }
  }

  /** The room the open workspace is connected to, or null when it is not shared. */
  get target() { return this.#target; }
  get state() { return this.#state; }
  get statusText() { return (this.readOnly ? VIEWER_LINK_TEXT : LINK_TEXT)[this.#state]; }
  get refusal() { return this.#refusal; }
  get peers() { return this.#peers; }
  get links() { return this.#links; }
  get name() { return this.#name; }
  get serverAddress() { return this.#server; }
  get leading() { return this.#leading; }
  get following() { return this.#following; }
  get ownColour() { return this.#colour; }
  get readOnly() { return this.#target?.access === 'read'; }

  /** The person leading ("Følg mig"), if someone else is. */
  readonly leader: Peer | null = $derived.by(() => this.#peers.find((p) => p.leading) ?? null);
  /** The camera to show while following a leader. */
  readonly followView: ViewRect | null = $derived.by(() => (this.#following && !this.#leading ? (this.leader?.leading ?? null) : null));
  /** The role to select while following (undefined: nothing to follow). */
  readonly followRole: string | null | undefined = $derived.by(() =>
    this.#following && !this.#leading && this.leader ? this.leader.role : undefined,
  );

  /** The other people who have this role selected. */
  peersOn(roleId: string): Peer[] {
    return this.#peers.filter((p) => p.role === roleId);
  }

  setName(name: string): string | null {
    const clean = name.trim();
    if (!clean) return 'Skriv dit navn, så de andre kan se, hvem du er.';
    if (clean.length > 60) return 'Navnet er for langt (højst 60 tegn).';
    this.#name = clean;
    this.#remember(NAME_KEY, clean);
    this.#provider?.setAwarenessField('name', clean);
    return null;
  }

  #remember(key: string, value: string) {
    try {
      this.#store?.setItem(key, value);
    } catch {
      // a full or blocked storage only costs the memory of the choice
    }
  }

  #rooms(): Record<string, ShareTarget> {
    try {
      const parsed: unknown = JSON.parse(this.#store?.getItem(ROOMS_KEY) ?? '{}');
      return parsed && typeof parsed === 'object' ? (parsed as Record<string, ShareTarget>) : {};
    } catch {
      return {};
    }
  }

  #saveRoom(workspaceId: string, target: ShareTarget | null) {
    const rooms = { ...this.#rooms() };
    if (target) rooms[workspaceId] = target;
    else delete rooms[workspaceId];
    this.#remember(ROOMS_KEY, JSON.stringify(rooms));
  }

  /**
   * Follows the open workspace: call it whenever the workspace or its doc changes. A
   * workspace that was shared before reconnects to its room.
   */
  attach(workspaceId: string | null, doc: Y.Doc | null) {
    if (doc === this.#doc) return;
    this.#disconnect();
    this.#doc = doc;
    const target = workspaceId ? this.#rooms()[workspaceId] : undefined;
    if (doc && target) void this.#connect(target, doc);
  }

  /** "Del arbejdsområde": puts the open workspace in a new room on the server. */
  async share(serverInput: string, appUrl: string): Promise<Result<null, string>> {
    const server = normaliseServer(serverInput, appUrl);
    if (!server.ok) return server;
    const blocked = blockedByPolicy(server.value);
    if (blocked) return err(blocked);
    const { id, doc } = this.#workspace;
    if (!id || !doc) return err('Der er intet åbent arbejdsområde at dele.');
    this.#server = serverInput.trim();
    this.#remember(SERVER_KEY, this.#server);
    const share = newEditShare(server.value);
    const target: ShareTarget = { server: share.server, room: share.room, access: 'edit', secret: share.editSecret };
    this.#saveRoom(id, target);
    this.#disconnect();
    this.#doc = doc;
    await this.#connect(target, doc);
    return ok(null);
  }

  /** Opens a share link (the URL's fragment). Returns a Danish error, or null (also when it is no link). */
  async openLink(hash: string): Promise<string | null> {
    const parsed = parseShareFragment(hash);
    if (!parsed) return null;
    if (!parsed.ok) return parsed.error;
    const target = parsed.value;
    const blocked = blockedByPolicy(target.server);
    if (blocked) return blocked;
    const workspaceId = workspaceIdOf(target.room);
    // a read-only link never downgrades an edit link this browser already has
    const known = this.#rooms()[workspaceId];
    const keep = known && known.room === target.room && known.access === 'edit' && target.access === 'read';
    const error = await this.#workspace.openOrCreate(workspaceId, (await this.#peekName(target)) ?? 'Delt arbejdsområde');
    if (error) return error;
    const opened = this.#workspace.id ?? workspaceId;
    this.#saveRoom(opened, keep ? known : target);
    this.#disconnect();
    this.#doc = null;
    this.attach(opened, this.#workspace.doc);
    return null;
  }

  /**
   * The room's workspace name, read from the server before a new local copy is made: the
   * copy is created with that name, so joining never puts a name of its own into the shared
   * document (two names written at once would leave whichever Yjs happens to keep).
   * Null when the server cannot tell within a few seconds.
   */
  async #peekName(target: ShareTarget): Promise<string | null> {
    const { HocuspocusProvider, Y } = await loadLive();
    const doc = new Y.Doc();
    return new Promise((resolve) => {
      let provider: HocuspocusProvider | null = null;
      const timer = setTimeout(() => finish(null), PEEK_TIMEOUT_MS);
      const finish = (name: string | null) => {
        clearTimeout(timer);
        provider?.destroy();
        doc.destroy();
        resolve(name);
      };
      const read = () => {
        const name = doc.getMap('meta').get('name');
        return typeof name === 'string' && name.trim() ? name : null;
      };
      // no awareness: nobody should see this short visit as a person in the room
      provider = new HocuspocusProvider({
        url: target.server,
        name: target.room,
        token: tokenOf(target),
        document: doc,
        awareness: null,
        onSynced: () => finish(read()),
        onAuthenticationFailed: () => finish(null),
      });
    });
  }

  /** Ends sharing for the open workspace on this device; the local copy stays. */
  stopSharing() {
    const id = this.#workspace.id;
    if (id) this.#saveRoom(id, null);
    this.#disconnect();
  }

  async #connect(target: ShareTarget, doc: Y.Doc) {
    this.#target = target;
    this.#state = 'connecting';
    this.#refusal = null;
    this.#everConnected = false;
    this.#workspace.readOnly = target.access === 'read';
    this.#links = null;
    const { HocuspocusProvider } = await loadLive();
    // the workspace (or the room) may have changed while the provider's code loaded
    if (this.#doc !== doc || this.#target !== target) return;
    // The provider calls back while it is being constructed (its first status), so the
    // callbacks know their connection by this token, not by the provider constant.
    const session = {};
    this.#session = session;
    const current = () => this.#session === session;
    const provider = new HocuspocusProvider({
      url: target.server,
      name: target.room,
      token: tokenOf(target),
      document: doc,
      onStatus: ({ status }) => {
        if (current()) this.#onStatus(status);
      },
      onSynced: () => {
        if (!current()) return;
        // back after a dropped connection: the others only take our presence with a new clock
        reannounce(this.#provider?.awareness);
        this.#everConnected = true;
        if (this.#state !== 'refused') this.#state = 'connected';
      },
      onAuthenticationFailed: ({ reason }) => {
        if (!current()) return;
        this.#state = 'refused';
        this.#refusal = refusalText(reason);
      },
      onAwarenessChange: ({ states }) => {
        if (!current()) return;
        const peers: Peer[] = [];
        for (const s of states) {
          if (s.clientId === doc.clientID) continue;
          const peer = readPresence(s.clientId, s);
          if (peer) peers.push(peer);
        }
        const colour = colourBeside(this.#colour, doc.clientID, peers);
        if (colour !== this.#colour) {
          this.#colour = colour;
          this.#provider?.setAwarenessField('color', colour);
        }
        // one leader at a time: someone else starting to lead ends this person's lead
        const before = new Set(this.#peers.filter((p) => p.leading).map((p) => p.clientId));
        if (this.#leading && peers.some((p) => p.leading && !before.has(p.clientId))) this.lead(false);
        this.#peers = peers;
      },
    });
    this.#provider = provider;
    const awareness = provider.awareness;
    this.#colour = colourFor(doc.clientID);
    awareness?.setLocalState({ name: this.#name, color: this.#colour, role: null, leading: null, viewer: target.access === 'read' });
    if (target.access === 'edit') this.#links = await linksOf(this.#appUrl(), { server: target.server, room: target.room, editSecret: target.secret });
  }

  #appUrl() {
    return typeof location === 'undefined' ? 'http://localhost/' : `${location.origin}${location.pathname}`;
  }

  #onStatus(status: WebSocketStatus) {
    if (this.#state === 'refused') return;
    if (status === ('connected' as WebSocketStatus)) {
      // connected, but not yet synced or authenticated: keep what we showed
      if (this.#provider?.isSynced) this.#state = 'connected';
    } else if (status === ('disconnected' as WebSocketStatus)) {
      const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
      this.#state = this.#everConnected || offline ? 'offline' : 'unreachable';
    }
  }

  #disconnect() {
    if (this.#viewTimer) clearTimeout(this.#viewTimer);
    this.#viewTimer = null;
    this.#session = null;
    this.#provider?.destroy();
    this.#provider = null;
    if (this.#target?.access === 'read') this.#workspace.readOnly = false;
    this.#target = null;
    this.#links = null;
    this.#peers = [];
    this.#refusal = null;
    this.#leading = false;
  }

  /** Tells the others which role this person has selected. */
  setRole(roleId: string | null) {
    this.#provider?.setAwarenessField('role', roleId);
  }

  /** The visible part of this person's map; sent to the others while leading. */
  setView(view: ViewRect) {
    this.#view = view;
    if (!this.#leading || this.#viewTimer) return;
    this.#viewTimer = setTimeout(() => {
      this.#viewTimer = null;
      if (this.#leading) this.#provider?.setAwarenessField('leading', this.#view);
    }, VIEW_THROTTLE_MS);
  }

  /** "Følg mig": everyone else follows this person's camera and selection (or stops). */
  lead(on: boolean) {
    // someone with the read-only link only looks on; they do not steer the others' maps
    if (on && this.readOnly) return;
    this.#leading = on;
    this.#provider?.setAwarenessField('leading', on ? this.#view : null);
  }

  /** A follower stops following the leader, or follows again. */
  follow(on: boolean) {
    this.#following = on;
  }
}
