/** The top-level views; the chosen one lives in the URL (`?visning=`), "kort" is the default. */
export type ViewId = 'kort' | 'rollekatalog';

/** The top-level view a query string names; anything unknown is the map. */
export function readView(search: string): ViewId {
  return new URLSearchParams(search).get('visning') === 'rollekatalog' ? 'rollekatalog' : 'kort';
}

/** What "Udskriv" prints: the system's catalogue, the workshop role cards, or the map alone. */
export type PrintWhat = 'katalog' | 'rollekort' | 'kort';
