export * from './schema';
export { parseCatalogue, checkIntegrity, type CatalogueError } from './load';
export { normalizeSourceText, normalizeQuote } from './provenance';
