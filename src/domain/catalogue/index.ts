export * from './schema';
export { parseCatalogue, checkIntegrity, type CatalogueError } from './load';
export { normalizeSourceText, normalizeQuote } from './provenance';
export { displayName, type DisplayName } from './display-name';
export { footnoteNotes, footnotesAsText, markersIn, splitFootnotes, type TextPart } from './footnotes';
