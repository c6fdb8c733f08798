// Written for this project: the suggestions panel's state: focus stays in place as items go, topics chosen and
// proposed go with an accepted statement, and the accepted ones are shown as the highlights they are now.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as sg from '../../../renderer/state/suggestions';
import type { Suggestion } from '../../../renderer/types';
import { annotation } from './fixtures';

const suggestion = (key: string): Suggestion =>
  ({ key, documentId: 'd1', start: 0, end: 4, quote: key, partyId: null }) as unknown as Suggestion;

test('focus stays at the same place, or the last, as the list changes', () => {
  const list = [suggestion('a'), suggestion('b'), suggestion('c')];
  assert.equal(sg.keyAt(list, 1), 'b');
  assert.equal(sg.keyAt(list, 9), 'c');
  assert.equal(sg.keyAt([], 0), null);
  const state = { ...sg.initialSuggestions, key: 'c' };
  assert.equal(sg.withList(state, list).key, 'c');
  assert.equal(sg.withList(state, list.slice(0, 2)).key, 'a');
  assert.equal(sg.withList(state, list, 1).key, 'b');
});

test('a statement is accepted with its chosen topics, and its proposal only when asked', () => {
  const state: sg.SuggestionsState = {
    ...sg.initialSuggestions,
    pending: new Map([['a', ['t1']]]),
    proposals: new Map([['a', { topicId: 't2', path: 'iran' } as never]]),
  };
  assert.deepEqual(sg.topicsFor(state, 'a', false), ['t1']);
  assert.deepEqual(sg.topicsFor(state, 'a', true), ['t1', 't2']);
  assert.deepEqual(sg.topicsFor(state, 'b', true), []);
});

test('accepted statements are the highlights as they are now; an undone one is gone', () => {
  const state = { ...sg.initialSuggestions, acceptedHere: ['a1', 'gone'] };
  const tagged = { ...annotation('a2', 'd1'), partyId: 'p1' };
  const list = [annotation('a1', 'd1'), tagged];
  assert.deepEqual(
    sg.acceptedStatements(state, list).map((a) => a.id),
    ['a1'],
  );
  assert.deepEqual(sg.untopicalAccepted(state, list), ['a1', 'a2']);
});

test('the count left is said in words', () => {
  assert.equal(sg.suggestionsLeft(0), 'No suggestions left');
  assert.equal(sg.suggestionsLeft(1), '1 suggestion left');
  assert.equal(sg.suggestionsLeft(3), '3 suggestions left');
});
