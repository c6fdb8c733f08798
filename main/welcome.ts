/**
 * The first start's welcome: whether the window shows it, and the reader's "Dismiss", kept in the profile's
 * settings (main/settings.ts). It is shown once: at the start that made a new notebook, where it stays until the
 * reader dismisses it or quits. That start records it as shown, so later starts do not show it again; Help › Getting
 * Started shows it from the window whenever asked, without changing the setting. A profile from before the welcome
 * existed, opening a notebook it already had, records nothing and shows none (its reader knows the way).
 */
import type { WelcomeMemory } from './services/welcome';
import type { SettingsStore } from './settings';

/** The welcome kept in the settings file. `newNotebook`: this start created the notebook (a first start). */
export function settingsWelcome(settings: SettingsStore, newNotebook: boolean): WelcomeMemory {
  const show = settings.welcome === undefined && newNotebook;
  if (show) {
    try {
      settings.changeWelcome({ dismissed: false, shown: true });
    } catch (error) {
      // Not written: the welcome still shows now; a later start, opening the notebook this one made, shows none.
      console.error(`[parley] settings: could not record the welcome: ${(error as Error).message}`);
    }
  }
  let dismissed = !show;
  return {
    state: () => ({ show: !dismissed }),
    dismiss: () => {
      dismissed = true;
      settings.changeWelcome({ dismissed: true });
      return { show: false };
    },
  };
}
