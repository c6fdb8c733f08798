/**
 * What the window and the command line ask of team sync (main/sync): share the open notebook, join a shared one,
 * sync, and settle what sync could not settle alone. The implementation is SyncService in service.ts.
 */
import type { SyncConflict, SyncStatus } from '../../shared/contract';

export interface SyncApi {
  /** Where sync stands now. */
  status(): SyncStatus;
  /** Hears every change of status. */
  onStatus(listener: (status: SyncStatus) => void): () => void;
  /** Puts the open notebook on the server and keeps it in sync from then on; the status carries the link. */
  share(server: string, token: string): Promise<SyncStatus>;
  /** Syncs now (and goes on syncing); resolves when the notebook and the server hold the same changes. */
  syncNow(): Promise<SyncStatus>;
  /** Turns sync off for the open notebook. */
  stop(): Promise<SyncStatus>;
  /** Conflicts and dangling links waiting for the user. */
  conflicts(): SyncConflict[];
  /** Settles one: the index of the value picked, or what to do with a dangling link. */
  resolve(id: string, choice: number | 'restore' | 'remove'): SyncStatus;
  /**
   * Makes a local copy of the shared notebook `link` at `path` (a file that must not exist yet), syncing it from
   * the server; the open notebook is untouched.
   */
  join(link: string, server: string, token: string, path: string): Promise<void>;
  /** Stops syncing and lets go of the network and the files. */
  close(): Promise<void>;
}

/** The status of a notebook that is not shared. */
export function syncOff(): SyncStatus {
  return { phase: 'off', server: null, link: null, conflicts: 0, lastSynced: null };
}
