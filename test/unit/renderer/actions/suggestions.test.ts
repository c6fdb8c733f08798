// Written for this project: accepting all suggested statements is one acceptSuggestions call (one undo step)
// with the topics chosen for each; what is still suggested comes back with it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { annotation } from '../fixtures';
import { started } from '../stand-in';

test('accept all is one acceptSuggestions call with the chosen topics', async () => {
  const accepted = [annotation('s1', 'd1'), annotation('s2', 'd1')];
  const asked: unknown[] = [];
  const { store, calls } = await started({
    acceptSuggestions: (args) => (asked.push(args), { annotations: accepted, suggestions: [] }),
  });
  const list = ['k1', 'k2'].map((key) => ({
    key,
    documentId: 'd1',
    start: 0,
    end: 3,
    quote: key,
    partyId: null,
  }));
  store.setSuggestions((s) => ({
    ...s,
    open: true,
    list: list as never,
    pending: new Map([['k2', ['t1']]]),
  }));
  calls.length = 0;
  await store.acceptAllSuggestions();
  assert.deepEqual(calls, ['acceptSuggestions']);
  assert.deepEqual(asked, [
    {
      documentId: 'd1',
      accept: [
        { key: 'k1', topicIds: [] },
        { key: 'k2', topicIds: ['t1'] },
      ],
    },
  ]);
  assert.equal(store.get().ui.message, 'Accepted 2 suggestions.');
  assert.deepEqual(store.get().suggestions.acceptedHere, ['s1', 's2']);
  assert.deepEqual(store.get().suggestions.list, []);
});
