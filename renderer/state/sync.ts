// Team sync as the window shows it: where sync stands (main's syncStatus event and call), the conflicts and
// dangling links waiting for the user, and the preferences (the author name recorded on highlights). Pure: the
// store calls these; views read them.
import type { Preferences, SyncConflict, SyncStatus } from '../../shared/contract';
import { formatPublished } from '../format';

export interface SyncState {
  status: SyncStatus;
  /** What sync could not settle alone; null until read. Read again when the status's count moves. */
  conflicts: SyncConflict[] | null;
  /** Null until main has said. */
  preferences: Preferences | null;
}

export const SYNC_OFF: SyncStatus = {
  phase: 'off',
  server: null,
  link: null,
  conflicts: 0,
  lastSynced: null,
};

export const initialSync: SyncState = { status: SYNC_OFF, conflicts: null, preferences: null };

export const syncOn = (status: SyncStatus): boolean => status.phase !== 'off';

/** "1 conflict", "2 conflicts". */
export function conflictCount(n: number): string {
  return n === 1 ? '1 conflict' : `${n} conflicts`;
}

/** When sync last held the same changes as the server, in the reader's own time: "6 December 2026, 14:02". */
export function lastSyncedText(iso: string | null): string {
  if (!iso) return 'Not synced yet';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return `Last synced ${iso}`;
  const pad = (n: number) => String(n).padStart(2, '0');
  const local = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
  return `Last synced ${formatPublished(local)}`;
}

/**
 * What the status bar says about sync: a word for the state and what the pointer (and a screen reader) learns
 * besides; null while sync is off, when the bar says nothing of it.
 */
export function statusLine(status: SyncStatus): { label: string; detail: string } | null {
  switch (status.phase) {
    case 'off':
      return null;
    case 'synced':
      return { label: 'Synced', detail: lastSyncedText(status.lastSynced) };
    case 'syncing':
      return { label: 'Syncing…', detail: `With ${status.server ?? 'the server'}` };
    case 'offline':
      return {
        label: 'Offline',
        detail:
          status.message ?? 'The sync server cannot be reached; changes are kept and sent when it can be.',
      };
    case 'refused':
      return { label: 'Refused', detail: status.message ?? 'The sync server refused this notebook.' };
  }
}

/**
 * A new status: kept, and whether the conflicts must be read again (their count moved, or they were never read
 * while there are some).
 */
export function receiveStatus(state: SyncState, status: SyncStatus): { next: SyncState; reread: boolean } {
  const held = state.conflicts;
  const reread = held === null ? status.conflicts > 0 : held.length !== status.conflicts;
  return { next: { ...state, status }, reread };
}

/** The conflicts as main listed them; a status whose count says none leaves none. */
export function setConflicts(state: SyncState, conflicts: SyncConflict[]): SyncState {
  return { ...state, conflicts };
}

/** A server address as the contract takes it: ws://, wss://, http:// or https://, with a host. */
export function serverProblem(server: string): string | null {
  const trimmed = server.trim();
  if (!trimmed) return 'Give the address of the sync server (ws://, wss://, http:// or https://).';
  if (!/^(?:wss?|https?):\/\/[^\s/]+/i.test(trimmed)) {
    return 'A server address starts ws://, wss://, http:// or https://, then the server’s name.';
  }
  return null;
}
