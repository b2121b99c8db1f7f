import { getContext, setContext } from 'svelte';
import type { ShareManager } from '../../state/share-manager.svelte';

const KEY = Symbol('live-share');

/** Makes live sharing (presence, "Følg mig") available to the map inside. */
export function setLive(share: ShareManager) {
  setContext(KEY, share);
}

/** Live sharing, or null where the map is shown without it (the bench). */
export function maybeLive(): ShareManager | null {
  return getContext<ShareManager | undefined>(KEY) ?? null;
}
