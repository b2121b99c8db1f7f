// The part of the workspace's storage that needs Yjs, in a chunk of its own: the map draws
// from the catalogue while this loads, and the workspace fills in when storage answers.
export * as Y from 'yjs';
export { applyEdit, docFromWorkspace, readWorkspace, sharedTypes } from '../sync/workspace-doc';
export { MemoryRepository } from '../persistence/memory-repository';
export { WorkspaceRepository } from '../persistence/workspace-repository';
