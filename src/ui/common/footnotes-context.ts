import { getContext, setContext } from 'svelte';

const KEY = Symbol('footnotes');

/** Lets SourceText link a marker to the footnote its surrounding panel lists. */
export function setFootnotes(notes: () => ReadonlyMap<string, string>) {
  setContext(KEY, notes);
}

/** The footnotes of the enclosing panel; empty where there are none. */
export function getFootnotes(): ReadonlyMap<string, string> {
  return getContext<(() => ReadonlyMap<string, string>) | undefined>(KEY)?.() ?? new Map();
}
