// Sync's part of the status bar, shown only while sync is on: Synced (when, on hover), Syncing…, Offline (why, on
// hover) or Refused (why, written out: it needs the user), and the conflicts waiting as a button that opens them.
import { conflictCount, statusLine } from '../state/sync';
import type { SyncStatus } from '../../shared/contract';
import './sync.css';

export interface SyncStatusLineProps {
  status: SyncStatus;
  /** The conflicts panel is open. */
  panelOpen: boolean;
  onConflicts(): void;
}

export function SyncStatusLine({ status, panelOpen, onConflicts }: SyncStatusLineProps) {
  const line = statusLine(status);
  if (!line && status.conflicts === 0) return null;
  const refused = status.phase === 'refused';
  return (
    <div class={`sync-status sync-status--${status.phase}`} role="group" aria-label="Sync">
      {line && (
        <span class="sync-status__state" title={line.detail}>
          <span class="sync-status__dot" aria-hidden="true" />
          <span class="sync-status__text">
            <span class="sync-status__label">{line.label}</span>
            {refused ? (
              <span class="sync-status__message">: {line.detail}</span>
            ) : (
              <span class="visually-hidden">: {line.detail}</span>
            )}
          </span>
        </span>
      )}
      {status.conflicts > 0 && (
        <button
          type="button"
          class="button button--small sync-status__conflicts"
          aria-expanded={panelOpen}
          onClick={onConflicts}
        >
          {conflictCount(status.conflicts)}
        </button>
      )}
    </div>
  );
}
