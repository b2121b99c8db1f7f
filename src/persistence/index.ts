export { openDatabase, DB_NAME, DB_VERSION } from './db';
export { FROM_STORAGE, WorkspaceRepository, type WorkspaceStore, type WorkspaceSummary, type LoadedWorkspace } from './workspace-repository';
export { MemoryRepository } from './memory-repository';
export { SyncChannel, type SyncMessage } from './sync-channel';
export { storageError, BLOCKED, NO_ANSWER, UNAVAILABLE, NEWER_VERSION, type StorageError } from './errors';
