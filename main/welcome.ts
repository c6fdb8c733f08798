/**
 * The first start's welcome: whether the window shows it, and the reader's "Dismiss", kept in the profile's
 * settings (main/settings.ts) so it stays dismissed across restarts. A profile that starts with a new notebook
 * records that the welcome is due, so a reader who quits before dismissing it sees it on the next start too; a
 * profile from before the welcome existed, opening a notebook it already had, records nothing and shows none (its
 * reader knows the way). Help › Getting Started shows it again from the window, without changing the setting.
 */
import type { WelcomeMemory } from './services/welcome';
import type { SettingsStore } from './settings';

/** The welcome kept in the settings file. `newNotebook`: this start created the notebook (a first start). */
export function settingsWelcome(settings: SettingsStore, newNotebook: boolean): WelcomeMemory {
  if (settings.welcome === undefined && newNotebook) {
    try {
      settings.changeWelcome({ dismissed: false });
    } catch (error) {
      // Not written: the welcome still shows now, and a later start decides again.
      console.error(`[parley] settings: could not record the welcome: ${(error as Error).message}`);
    }
  }
  let dismissed = settings.welcome ? settings.welcome.dismissed : !newNotebook;
  return {
    state: () => ({ show: !dismissed }),
    dismiss: () => {
      dismissed = true;
      settings.changeWelcome({ dismissed: true });
      return { show: false };
    },
  };
}
