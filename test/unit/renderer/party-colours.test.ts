// Written for this project: colour by party as the window's state. It starts off, turns on and off, holds across
// the documents opened in the window, says what changed, and tells main each change (so the menu's tick follows).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as ui from '../../../renderer/state/ui';
import { settle, started } from './stand-in';

test('colour by party starts off and turns on and off; asking for what is already so changes nothing', () => {
  assert.equal(ui.initialUi.partyColours, false);
  const on = ui.setPartyColours(ui.initialUi, true);
  assert.equal(on.partyColours, true);
  assert.equal(ui.setPartyColours(on, true), on);
  assert.equal(ui.setPartyColours(on, false).partyColours, false);
});

test('toggling tells main each change and says it; the choice holds when another document opens', async () => {
  const told: unknown[] = [];
  const { store, calls } = await started({
    viewOptions: (args) => {
      told.push(args);
      return undefined;
    },
  });
  store.togglePartyColours();
  assert.equal(store.get().ui.partyColours, true);
  assert.match(store.get().ui.message, /^Colour by party: /);
  await store.openDocument('d1');
  assert.equal(store.get().ui.partyColours, true);
  store.setPartyColours(true);
  store.togglePartyColours();
  await settle();
  assert.equal(store.get().ui.partyColours, false);
  assert.deepEqual(told, [{ partyColours: true }, { partyColours: false }]);
  assert.equal(calls.filter((name) => name === 'viewOptions').length, 2);
});
