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
  commit: (value: string) => void;
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

  const commit = () => {
    clearTimeout(timer);
    timer = undefined;
    opts.host.releaseDraft(key);
    if (node.value === stored) return;
    stored = node.value;
    opts.commit(node.value);
  };
  const onInput = () => {
    clearTimeout(timer);
    if (node.value === stored) {
      timer = undefined;
      opts.host.releaseDraft(key);
      return;
    }
    opts.host.holdDraft(key, commit);
    timer = setTimeout(commit, opts.idleMs ?? DRAFT_IDLE_MS);
  };
  node.addEventListener('input', onInput);
  node.addEventListener('change', commit);
  return {
    update(next) {
      // what the field shows has changed under it (another edit, here or elsewhere): text still
      // waiting is committed first, by the commit it was typed for
      if (timer !== undefined) commit();
      opts = next;
      stored = next.value;
    },
    destroy() {
      commit();
      node.removeEventListener('input', onInput);
      node.removeEventListener('change', commit);
    },
  };
}
