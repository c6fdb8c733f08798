// Written for this project: the window's state: a deletion's message offers Undo and others do not, the library
// shows by itself only when there is a choice, dialogs hold the keyboard, and a passage gone is no longer active.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as ui from '../../../renderer/state/ui';
import { annotation } from './fixtures';

test('a deletion offers its Undo; other messages and plain ones do not', () => {
  const deleted = ui.announce(ui.initialUi, 'Deleted the highlight on “x”.');
  assert.equal(deleted.undoOffer, 'Deleted the highlight on “x”.');
  assert.equal(ui.announce(deleted, 'Renamed to “y”.').undoOffer, null);
  const said = ui.say(deleted, 'Highlight saved.');
  assert.equal(said.message, 'Highlight saved.');
});

test('the library shows when there are two documents, until the reader chooses', () => {
  assert.equal(ui.libraryOpen(ui.initialUi, 1), false);
  assert.equal(ui.libraryOpen(ui.initialUi, 2), true);
  assert.equal(ui.libraryOpen({ ...ui.initialUi, libraryChoice: false }, 5), false);
  assert.equal(ui.libraryOpen({ ...ui.initialUi, libraryChoice: true }, 0), true);
});

test('every dialog holds the keyboard', () => {
  assert.equal(ui.modalOpen(ui.initialUi), false);
  assert.equal(ui.modalOpen({ ...ui.initialUi, shortcutsOpen: true }), true);
  assert.equal(ui.modalOpen({ ...ui.initialUi, exportDialog: 'topic' }), true);
  assert.equal(ui.modalOpen({ ...ui.initialUi, linking: annotation('a', 'd') }), true);
  assert.equal(ui.modalOpen({ ...ui.initialUi, editingDetails: true }), true);
  assert.equal(ui.modalOpen({ ...ui.initialUi, partiesOpen: true }), true);
});

test('a side panel toggles, and another one takes its place', () => {
  const find = ui.togglePanel(ui.initialUi, 'find');
  assert.equal(find.panel, 'find');
  assert.equal(ui.togglePanel(find, 'codebook').panel, 'codebook');
  assert.equal(ui.togglePanel(find, 'find').panel, null);
});

test('the active passage is forgotten once it is gone', () => {
  const state = { ...ui.initialUi, activeId: 'a1' };
  assert.equal(
    ui.forgetRemoved(state, () => true),
    state,
  );
  assert.equal(ui.forgetRemoved(state, () => false).activeId, null);
});
