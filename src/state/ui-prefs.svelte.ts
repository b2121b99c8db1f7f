/** The key the panel choice is kept under; a UI preference, not workspace data, so localStorage. */
export const PANELS_KEY = 'rollekort.panels';

/** localStorage, or null where it is missing or blocked. */
export function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // blocked storage (privacy settings): the choice then lasts for the visit only
    return null;
  }
}

/** How the user has arranged the screen: whether the side panels are open. Remembered in this browser. */
export class UiPrefs {
  #store: Storage | null;
  #panelsOpen = $state(true);

  constructor(store: Storage | null = storage()) {
    this.#store = store;
    this.#panelsOpen = store?.getItem(PANELS_KEY) !== 'closed';
  }

  get panelsOpen() {
    return this.#panelsOpen;
  }
  set panelsOpen(open: boolean) {
    this.#panelsOpen = open;
    try {
      this.#store?.setItem(PANELS_KEY, open ? 'open' : 'closed');
    } catch {
      // a full or blocked storage only costs the memory of the choice
    }
  }
}
