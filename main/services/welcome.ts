/**
 * The first start's welcome as the handlers see it: whether the window shows it, and the reader's "Dismiss".
 * Where it is kept is the caller's: the app keeps it in the profile's settings (main/welcome.ts); the command line
 * and tests without a profile keep it only while they run.
 */
import type { WelcomeState } from '../../shared/contract';

export interface WelcomeMemory {
  /** Whether the window shows the welcome when it starts. */
  state(): WelcomeState;
  /** The reader dismissed it: it stays hidden, across restarts where the memory is kept on disk. */
  dismiss(): WelcomeState;
}

/** A welcome kept only while Parley runs: shown (when `show`) until dismissed. */
export function memoryWelcome(show: boolean): WelcomeMemory {
  let dismissed = !show;
  return {
    state: () => ({ show: !dismissed }),
    dismiss: () => {
      dismissed = true;
      return { show: false };
    },
  };
}
