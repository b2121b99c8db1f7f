/** What "Udskriv" prints: the system's catalogue, the workshop role cards, or the map alone. */
export type PrintWhat = 'katalog' | 'rollekort' | 'kort';
