/**
 * The handlers of the sync calls and the preferences: team sync is main/sync's (SyncApi); without it (a window
 * given none) sync stays off and says so.
 */
import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { ParleyError } from '../../shared/model';
import type { Preferences } from '../../shared/contract';
import { SyncError } from '../sync/replica';
import { syncOff, type SyncApi } from '../sync/types';
import type { HandlerDeps } from './handlers';
import type { HandlerTable } from './dispatch';

export type SyncCalls =
  | 'syncStatus'
  | 'shareNotebook'
  | 'joinNotebook'
  | 'syncNow'
  | 'stopSync'
  | 'syncConflicts'
  | 'resolveSyncConflict'
  | 'preferences'
  | 'setAuthorName';

/** The user's preferences, kept by main (main/settings.ts in the app). */
export interface PreferencesMemory {
  get(): Preferences;
  setAuthorName(name: string): Preferences;
}

/** Preferences held in memory only: for tests and a window given none. */
export function memoryPreferences(initial: Preferences = { authorName: '' }): PreferencesMemory {
  let current = { ...initial };
  return {
    get: () => ({ ...current }),
    setAuthorName: (name) => {
      current = { ...current, authorName: name.trim() };
      return { ...current };
    },
  };
}

function unavailable(): never {
  throw new ParleyError('Sync is not available in this window.', 'unavailable');
}

/** Sync's refusals (a server that refuses the token, or cannot be reached) reach the window as what they say. */
async function said<T>(call: () => T | Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw error instanceof SyncError ? new ParleyError(error.message, error.reason) : error;
  }
}

export function syncHandlers({
  store,
  sync,
  dialogs,
  preferences = memoryPreferences(),
  openNotebook,
}: HandlerDeps & { sync?: SyncApi; preferences?: PreferencesMemory }): Pick<HandlerTable, SyncCalls> {
  return {
    syncStatus: () => sync?.status() ?? syncOff(),
    shareNotebook: ({ server, token }) => (sync ? said(() => sync.share(server, token)) : unavailable()),
    joinNotebook: async ({ link, server, token }) => {
      if (!sync) unavailable();
      if (!dialogs.chooseNotebookPath) unavailable();
      const path = await dialogs.chooseNotebookPath('Shared notebook.parley.json');
      if (!path) return null;
      // The copy is a new file: never the notebook open now, nor any file already there.
      if (resolve(path) === resolve(store.path)) {
        throw new ParleyError(
          'That is the notebook open now: choose a new file for the shared notebook.',
          'invalid',
        );
      }
      if (existsSync(path)) {
        throw new ParleyError(
          `${basename(path)} already exists: choose a new name, as a shared notebook is never copied over a file.`,
          'invalid',
        );
      }
      await said(() => sync.join(link, server, token, path));
      // Once the reply has gone, the app opens the new notebook (main restarts with it).
      if (openNotebook) setImmediate(() => openNotebook(path));
      return { path };
    },
    syncNow: () => (sync ? said(() => sync.syncNow()) : unavailable()),
    stopSync: () => (sync ? said(() => sync.stop()) : syncOff()),
    syncConflicts: () => sync?.conflicts() ?? [],
    resolveSyncConflict: ({ id, choice, action }) => {
      if (!sync) unavailable();
      const pick = action ?? choice;
      if (pick === undefined) throw new ParleyError('Say which value to keep, or what to do with the link.');
      return said(() => sync.resolve(id, pick));
    },
    preferences: () => preferences.get(),
    setAuthorName: ({ name }) => preferences.setAuthorName(name),
  };
}
