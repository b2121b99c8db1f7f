/** The keys that step a tour on and back: the arrows, and PageDown/PageUp, which presentation clickers send. */
export const NEXT_KEYS: ReadonlySet<string> = new Set(['ArrowRight', 'PageDown']);
export const PREV_KEYS: ReadonlySet<string> = new Set(['ArrowLeft', 'PageUp']);
