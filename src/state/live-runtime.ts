// The sync provider for live workshops, in a chunk of its own: it loads only when a
// workspace is shared or a share link is opened.
export { HocuspocusProvider } from '@hocuspocus/provider';
export * as Y from 'yjs';
