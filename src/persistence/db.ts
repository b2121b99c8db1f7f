import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

/** The one place that opens Rollekort's IndexedDB database. */
export const DB_NAME = 'rollekort';
/**
 * 2 added `backups`: the stored document of a workspace as it was before a repair.
 * 3 added `updates` and `state`: a workspace is a Yjs document, stored as a checkpoint
 * plus a log of the updates since, so an edit writes only its own update.
 */
export const DB_VERSION = 3;

/**
 * A stored workspace at its last checkpoint: the document (same envelope as an export,
 * for the list, raw export and the damage check) and the Yjs state it was made from.
 * The updates since the checkpoint are in `updates`. A workspace stored by version 2 has
 * no `state`: it is turned into a Yjs document when it is first loaded.
 */
export interface StoredWorkspace {
  id: string;
  revision: number;
  updatedAt: string;
  /** Checked through the same read path as an import whenever it is loaded. */
  doc: unknown;
  state?: Uint8Array;
}

/** One Yjs update of a workspace since its checkpoint. */
export interface UpdateRecord {
  workspaceId: string;
  update: Uint8Array;
}

export interface MetaRecord {
  key: 'lastWorkspaceId' | 'demoCreated';
  value: string | boolean;
}

/** A stored document kept as it was before "Reparér" changed it, so the repair can be undone. */
export interface BackupRecord {
  id: string;
  workspaceId: string;
  savedAt: string;
  doc: unknown;
}

export interface RollekortDB extends DBSchema {
  workspaces: { key: string; value: StoredWorkspace };
  meta: { key: string; value: MetaRecord };
  backups: { key: string; value: BackupRecord };
  updates: { key: number; value: UpdateRecord; indexes: { byWorkspace: string } };
}

export type Database = IDBPDatabase<RollekortDB>;

/**
 * Opens (and if needed creates or upgrades) the database. The upgrade only adds
 * what is missing, so running it again is harmless. `onNewerVersion` fires when
 * another tab needs a newer schema: this connection is closed and must not write.
 * `onBlocked` fires when an older connection elsewhere holds up the upgrade.
 */
export async function openDatabase(onNewerVersion: () => void, name = DB_NAME, onBlocked: () => void = () => {}): Promise<Database> {
  if (typeof indexedDB === 'undefined') throw new DOMException('IndexedDB findes ikke', 'NotSupportedError');
  const db = await openDB<RollekortDB>(name, DB_VERSION, {
    upgrade(db) {
      if (!db.objectStoreNames.contains('workspaces')) db.createObjectStore('workspaces', { keyPath: 'id' });
      if (!db.objectStoreNames.contains('meta')) db.createObjectStore('meta', { keyPath: 'key' });
      if (!db.objectStoreNames.contains('backups')) db.createObjectStore('backups', { keyPath: 'id' });
      if (!db.objectStoreNames.contains('updates')) db.createObjectStore('updates', { autoIncrement: true }).createIndex('byWorkspace', 'workspaceId');
    },
    // an older connection elsewhere does not close: the open waits until it does
    blocked: onBlocked,
    blocking() {
      db.close();
      onNewerVersion();
    },
  });
  return db;
}
