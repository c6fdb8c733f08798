/**
 * The user's preferences as the handlers see them (main/ipc/sync-handlers.ts), kept in the profile's settings
 * (main/settings.ts): the author name, set once, recorded on every highlight made here and sent with every change
 * sync sends. A name that cannot be written is refused with the reason, and the old one stays.
 */
import { ParleyError } from '../shared/model';
import type { PreferencesMemory } from './ipc/sync-handlers';
import type { SettingsStore } from './settings';
import { errorMessage } from './errors';

export function settingsPreferences(settings: SettingsStore): PreferencesMemory {
  return {
    get: () => ({ authorName: settings.authorName }),
    setAuthorName: (name) => {
      try {
        return { authorName: settings.changeAuthorName(name) };
      } catch (error) {
        throw new ParleyError(`Your name could not be saved in the settings: ${errorMessage(error)}`);
      }
    },
  };
}
