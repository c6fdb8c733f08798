// The first start's welcome: main says whether it shows (a new profile, until dismissed), and Dismiss is kept in
// the profile's settings by main, so it stays hidden after a restart. Showing it again (Help › Getting Started)
// is the window's own state and changes no setting.
import type { Core } from '../core';

export function welcomeActions(core: Core) {
  const { api, patchUi, fail } = core;

  /** Asks main once, at start, whether the welcome shows; a failure only leaves it hidden, and says why. */
  async function loadWelcome(): Promise<void> {
    try {
      const { show } = await api.welcome();
      if (show) patchUi({ welcome: true });
    } catch (failure) {
      fail(failure);
    }
  }

  /** Hides the welcome now and asks main to keep it hidden; a failed write is said, the card stays hidden. */
  async function dismissWelcome(): Promise<void> {
    patchUi({ welcome: false });
    try {
      await api.dismissWelcome();
    } catch (failure) {
      fail(failure);
    }
  }

  const showWelcome = () => patchUi({ welcome: true });

  return { loadWelcome, dismissWelcome, showWelcome };
}
