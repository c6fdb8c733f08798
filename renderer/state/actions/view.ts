// The window's view choices: highlights coloured by party (View › Colour by Party). A choice belongs to the window,
// so it holds across the documents opened in it; main is told each change, so the menu's tick follows it.
import type { Core } from '../core';
import * as ui from '../ui';

export function viewActions(core: Core) {
  const { api, get, setUi, say, fail } = core;

  /** Turns colour by party on or off, says so, and has the menu's checkbox follow. */
  function setPartyColours(on: boolean): void {
    if (get().ui.partyColours === on) return;
    setUi((current) => ui.setPartyColours(current, on));
    say(
      on
        ? 'Colour by party: each highlight is underlined in its party’s colour.'
        : 'Colour by party is off: highlights show their topic’s colour only.',
    );
    api.viewOptions({ partyColours: on }).catch(fail);
  }

  return {
    setPartyColours,
    togglePartyColours: () => setPartyColours(!get().ui.partyColours),
  };
}
