/** What tabs tell each other about stored workspaces. */
export type SyncMessage =
  /** A Yjs update of a workspace, already stored by the tab that sends it. */
  | { type: 'update'; id: string; update: Uint8Array }
  | { type: 'list-changed' };

function isSyncMessage(x: unknown): x is SyncMessage {
  if (typeof x !== 'object' || x === null) return false;
  const m = x as Record<string, unknown>;
  return (m.type === 'update' && typeof m.id === 'string' && m.update instanceof Uint8Array) || m.type === 'list-changed';
}

/** Keeps tabs of the same browser in step over BroadcastChannel; silent where it is missing. */
export class SyncChannel {
  #channel: BroadcastChannel | null = null;

  constructor(onMessage: (m: SyncMessage) => void, name = 'rollekort') {
    if (typeof BroadcastChannel === 'undefined') return;
    this.#channel = new BroadcastChannel(name);
    this.#channel.onmessage = (e: MessageEvent) => {
      if (isSyncMessage(e.data)) onMessage(e.data);
    };
  }

  post(message: SyncMessage) {
    this.#channel?.postMessage(message);
  }

  close() {
    this.#channel?.close();
    this.#channel = null;
  }
}
