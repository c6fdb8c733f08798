// Team sync from the window: main's syncStatus event fed into the store, sharing the notebook and joining a shared
// one, Sync Now and Stop Syncing, the conflicts read and settled, and the author name set in Preferences. The
// dialogs' calls throw, so a dialog says what went wrong and keeps what was typed; the commands' calls say it in
// the status bar.
import type { SyncStatus } from '../../../shared/contract';
import type { Core } from '../core';
import * as sy from '../sync';

export interface ShareInput {
  server: string;
  token: string;
  /** The author name, when the dialog asked for it (none was set). */
  authorName?: string;
}

export interface JoinInput extends ShareInput {
  link: string;
}

export function syncActions(core: Core) {
  const { api, get, setSync, say, fail } = core;
  /** Counts statuses taken in, so a call's reply older than an event that came meanwhile is not shown. */
  let statuses = 0;
  /** Counts reads of the conflicts: only the latest read's answer is kept. */
  let conflictReads = 0;

  async function loadConflicts(): Promise<void> {
    const ticket = ++conflictReads;
    try {
      const conflicts = await api.syncConflicts();
      if (ticket === conflictReads) setSync((current) => sy.setConflicts(current, conflicts));
    } catch (failure) {
      fail(failure);
    }
  }

  /** A status from main (its event or a call's reply): shown, and the conflicts read again when they changed. */
  function showStatus(status: SyncStatus): void {
    statuses++;
    const { next, reread } = sy.receiveStatus(get().sync, status);
    setSync(() => next);
    if (reread || get().ui.panel === 'conflicts') void loadConflicts();
  }

  /** A call's status, unless an event has said something newer since the call was sent. */
  async function statusOf(call: () => Promise<SyncStatus>): Promise<SyncStatus> {
    const sent = statuses;
    const status = await call();
    if (statuses === sent) showStatus(status);
    return status;
  }

  /** Listens to main's sync status and reads where sync stands and the preferences; returns the unsubscribe. */
  function startSync(): () => void {
    const off = api.onSyncStatus(showStatus);
    void (async () => {
      try {
        const [, preferences] = await Promise.all([statusOf(() => api.syncStatus()), api.preferences()]);
        setSync((current) => ({ ...current, preferences }));
      } catch (failure) {
        fail(failure);
      }
    })();
    return off;
  }

  async function setAuthorName(name: string): Promise<void> {
    const preferences = await api.setAuthorName({ name });
    setSync((current) => ({ ...current, preferences }));
  }

  /** Puts the notebook on the server; the status that comes back holds the link to give colleagues. */
  async function shareNotebook({ server, token, authorName }: ShareInput): Promise<SyncStatus> {
    if (authorName !== undefined) await setAuthorName(authorName);
    return statusOf(() => api.shareNotebook({ server: server.trim(), token: token.trim() }));
  }

  /** Makes a local copy of a shared notebook where the user says; null when they cancelled the save dialog. */
  async function joinNotebook({
    link,
    server,
    token,
    authorName,
  }: JoinInput): Promise<{ path: string } | null> {
    if (authorName !== undefined) await setAuthorName(authorName);
    return api.joinNotebook({ link: link.trim(), server: server.trim(), token: token.trim() });
  }

  const offText = 'Sync is off: share this notebook (File › Share Notebook…) or join a shared one first.';

  async function syncNow(): Promise<void> {
    if (!sy.syncOn(get().sync.status)) {
      say(offText);
      return;
    }
    try {
      const status = await statusOf(() => api.syncNow());
      const line = sy.statusLine(status);
      if (status.phase === 'synced') say('Synced: this notebook and the server hold the same changes.');
      else if (line) say(`${line.label}: ${line.detail}`);
    } catch (failure) {
      fail(failure);
    }
  }

  /** Turns sync off; true when it is off. */
  async function stopSync(): Promise<boolean> {
    try {
      await statusOf(() => api.stopSync());
      say('Sync is off for this notebook. It stays as it is here, and its copy on the server stays too.');
      return true;
    } catch (failure) {
      fail(failure);
      return false;
    }
  }

  /** Settles a conflict: the index of the value kept, or what to do with a dangling link. True when settled. */
  async function resolveConflict(id: string, pick: number | 'restore' | 'remove'): Promise<boolean> {
    try {
      await statusOf(() =>
        api.resolveSyncConflict(typeof pick === 'number' ? { id, choice: pick } : { id, action: pick }),
      );
      await loadConflicts();
      return true;
    } catch (failure) {
      fail(failure);
      return false;
    }
  }

  return {
    startSync,
    loadConflicts,
    setAuthorName,
    shareNotebook,
    joinNotebook,
    syncNow,
    stopSync,
    resolveConflict,
  };
}
