import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

/** The one place that opens Rollekort's IndexedDB database. */
export const DB_NAME = 'rollekort';
export const DB_VERSION = 1;

/** A stored workspace: its document (same envelope as an export) plus a revision for safe writes. */
export interface StoredWorkspace {
  id: string;
  revision: number;
  updatedAt: string;
  /** Checked through the same read path as an import whenever it is loaded. */
  doc: unknown;
}

export interface MetaRecord {
  key: 'lastWorkspaceId' | 'demoCreated';
  value: string | boolean;
}

export interface RollekortDB extends DBSchema {
  workspaces: { key: string; value: StoredWorkspace };
  meta: { key: string; value: MetaRecord };
}

export type Database = IDBPDatabase<RollekortDB>;

/**
 * Opens (and if needed creates or upgrades) the database. The upgrade only adds
 * what is missing, so running it again is harmless. `onNewerVersion` fires when
 * another tab needs a newer schema: this connection is closed and must not write.
 */
export async function openDatabase(onNewerVersion: () => void, name = DB_NAME): Promise<Database> {
  if (typeof indexedDB === 'undefined') throw new DOMException('IndexedDB findes ikke', 'NotSupportedError');
  const db = await openDB<RollekortDB>(name, DB_VERSION, {
    upgrade(db) {
      if (!db.objectStoreNames.contains('workspaces')) db.createObjectStore('workspaces', { keyPath: 'id' });
      if (!db.objectStoreNames.contains('meta')) db.createObjectStore('meta', { keyPath: 'key' });
    },
    blocking() {
      db.close();
      onNewerVersion();
    },
  });
  return db;
}
