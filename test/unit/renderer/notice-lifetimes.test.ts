// Written for this project: how long the window's notices stay. A passing message leaves after a few seconds, an
// error after longer, a deletion's message with its Undo stays while the Undo can be taken, and a notice taken away
// (dismissed or timed out) goes only if it is still the one shown: a newer message, or the same words said again,
// stays.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as ui from '../../../renderer/state/ui';

test('a passing message leaves after a few seconds, an error after longer', () => {
  const said = ui.say(ui.initialUi, 'Exported the highlights as CSV to /tmp/x.csv');
  assert.equal(ui.noticeLifetime(said, 'message', true), ui.MESSAGE_MS);
  assert.ok(ui.MESSAGE_MS >= 3_000 && ui.MESSAGE_MS <= 8_000);
  const failed = { ...said, error: 'The disk is full.' };
  assert.equal(ui.noticeLifetime(failed, 'error', true), ui.ERROR_MS);
  assert.ok(ui.ERROR_MS > ui.MESSAGE_MS * 2);
});

test('nothing to show has no lifetime', () => {
  assert.equal(ui.noticeLifetime(ui.initialUi, 'message', true), null);
  assert.equal(ui.noticeLifetime(ui.initialUi, 'error', true), null);
});

test('a deletion with its Undo stays while Undo can be taken; a newer message replaces it', () => {
  const deleted = ui.announce(ui.initialUi, 'Deleted the highlight on “x”.');
  assert.equal(ui.messageHasAction(deleted, true), true);
  assert.equal(ui.noticeLifetime(deleted, 'message', true), null);
  // Nothing left to undo (undone from elsewhere): no action, so it passes like any message.
  assert.equal(ui.noticeLifetime(deleted, 'message', false), ui.MESSAGE_MS);
  const undone = ui.announce(deleted, 'Undone: Delete highlight.');
  assert.equal(undone.undoOffer, null);
  assert.equal(ui.noticeLifetime(undone, 'message', true), ui.MESSAGE_MS);
});

test('dismissing takes away the message shown, with its offer, and nothing newer', () => {
  const deleted = ui.announce(ui.initialUi, 'Deleted the highlight on “x”.');
  const shown = { text: deleted.message, tick: deleted.messageTick };
  const gone = ui.dismissNotice(deleted, 'message', shown);
  assert.equal(gone.message, '');
  assert.equal(gone.undoOffer, null);

  const newer = ui.say(deleted, 'Highlight saved.');
  assert.equal(ui.dismissNotice(newer, 'message', shown), newer);
  // The same words said again are a new message, with their own time.
  const again = ui.say(ui.say(ui.initialUi, 'Highlight saved.'), 'Highlight saved.');
  assert.equal(ui.dismissNotice(again, 'message', { text: 'Highlight saved.', tick: 1 }), again);
  assert.equal(ui.dismissNotice(again, 'message', { text: 'Highlight saved.', tick: 2 }).message, '');
});

test('dismissing an error takes away that error only', () => {
  const failed = { ...ui.initialUi, error: 'The disk is full.', message: 'Kept.' };
  const gone = ui.dismissNotice(failed, 'error', { text: 'The disk is full.' });
  assert.equal(gone.error, null);
  assert.equal(gone.message, 'Kept.');
  const other = { ...failed, error: 'Another failure.' };
  assert.equal(ui.dismissNotice(other, 'error', { text: 'The disk is full.' }), other);
});
