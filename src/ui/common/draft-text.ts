import type { ActionReturn } from 'svelte/action';

/** Where typed text waits to be committed: the workspace, which counts it as unsaved until then. */
export interface DraftHost {
  holdDraft(key: object, commit: () => void): void;
  releaseDraft(key: object): void;
}

export interface DraftTextOptions {
  host: DraftHost;
  /** The stored value the field shows; typing that differs from it is a draft. */
  value: string;
  /**
   * Stores the text. `how` says whether the user paused or left the field (or the page is going).
   * Returning false leaves the text a draft: at a pause, for text that is only right once finished
   * (a title ending in a space, or empty); on leaving, after the field was put back.
   */
  commit: (value: string, how: 'pause' | 'leave') => boolean | void;
  /** How long a pause in typing is before the text is committed. */
  idleMs?: number;
}

/** A pause this long commits the text: short enough that a reload soon after loses nothing, long enough not to commit every key. */
export const DRAFT_IDLE_MS = 1000;

/**
 * A text field that commits what is typed when the user pauses, leaves the field, or the
 * page goes (the host's `commitDrafts`), instead of only on `change`: a reload or a closed
 * tab no longer loses the text, and the status line says "Gemmer …" until it is stored.
 */
export function draftText(node: HTMLInputElement | HTMLTextAreaElement, options: DraftTextOptions): ActionReturn<DraftTextOptions> {
  let opts = options;
  let stored = options.value;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const key = {};

  const commit = (how: 'pause' | 'leave') => {
    clearTimeout(timer);
    timer = undefined;
    if (node.value !== stored && opts.commit(node.value, how) === false) {
      if (how === 'leave') opts.host.releaseDraft(key);
      return;
    }
    stored = node.value;
    opts.host.releaseDraft(key);
  };
  const leave = () => commit('leave');
  const onInput = () => {
    clearTimeout(timer);
    if (node.value === stored) {
      timer = undefined;
      opts.host.releaseDraft(key);
      return;
    }
    opts.host.holdDraft(key, leave);
    timer = setTimeout(() => commit('pause'), opts.idleMs ?? DRAFT_IDLE_MS);
  };
  node.addEventListener('input', onInput);
  node.addEventListener('change', leave);
  return {
    update(next) {
      // what the field shows has changed under it (another edit, here or elsewhere): text still
      // waiting is committed first, by the commit it was typed for
      if (timer !== undefined) commit('pause');
      opts = next;
      stored = next.value;
    },
    destroy() {
      leave();
      node.removeEventListener('input', onInput);
      node.removeEventListener('change', leave);
    },
  };
}
