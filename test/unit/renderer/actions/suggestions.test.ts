// Written for this project: accepting one or all suggested statements is one acceptSuggestions call (one undo
// step) with the topics chosen for each, dismissing one is one dismissSuggestion call; what is still suggested
// comes back with each, and a list that only lost statements asks for no topic proposals again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Suggestion } from '../../../../renderer/types';
import { annotation, change, topic } from '../fixtures';
import { started } from '../stand-in';

/** Statements of d1 as main suggests them, keyed "d1:start:end". */
function suggested(...quotes: string[]): Suggestion[] {
  return quotes.map((quote, i) => ({
    key: `d1:${i * 10}:${i * 10 + 5}`,
    documentId: 'd1',
    start: i * 10,
    end: i * 10 + 5,
    quote,
    speaker: 'Lavrov',
    partyId: null,
    kind: 'direct',
  })) as unknown as Suggestion[];
}

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

test('accepting one statement is one acceptSuggestions call with its chosen and proposed topics', async () => {
  const [first, second, third] = suggested('first one', 'second one', 'third one');
  const saved = { ...annotation('s2', 'd1', 10, 15), topicIds: ['t1', 't2'] };
  const asked: unknown[] = [];
  const { store, calls } = await started({
    acceptSuggestions: (args) => (asked.push(args), { annotations: [saved], suggestions: [first, third] }),
  });
  store.setSuggestions((s) => ({
    ...s,
    open: true,
    list: [first!, second!, third!],
    key: second!.key,
    pending: new Map([[second!.key, ['t1']]]),
    proposals: new Map([[second!.key, { topicId: 't2', path: 'extradition', score: 3, words: ['one'] }]]),
  }));
  calls.length = 0;
  await store.acceptSuggestion(second!, false, true);
  assert.deepEqual(calls, ['acceptSuggestions']);
  assert.deepEqual(asked, [{ documentId: 'd1', accept: [{ key: second!.key, topicIds: ['t1', 't2'] }] }]);
  const state = store.get();
  assert.equal(state.ui.message, 'Accepted “second one” on extradition. 2 suggestions left.');
  assert.deepEqual(state.suggestions.acceptedHere, ['s2']);
  assert.deepEqual(state.suggestions.list, [first, third]);
  assert.equal(state.suggestions.key, third!.key, 'focus stays at the place of the one accepted');
  assert.equal(state.suggestions.busy, false);
  assert.equal(state.ui.editor, null);
  assert.ok(
    state.notebook.annotations.get('d1')?.some((a) => a.id === 's2'),
    'the highlight is in place',
  );
});

test('"accept and edit" opens the editor on the highlight saved, back to the panel after', async () => {
  const [only] = suggested('only one');
  const saved = annotation('s1', 'd1');
  const { store, calls } = await started({
    acceptSuggestions: () => ({ annotations: [saved], suggestions: [] }),
  });
  store.setSuggestions((s) => ({ ...s, open: true, list: [only!], key: only!.key }));
  calls.length = 0;
  await store.acceptSuggestion(only!, true);
  assert.deepEqual(calls, ['acceptSuggestions']);
  assert.deepEqual(store.get().ui.editor, {
    mode: 'edit',
    annotation: saved,
    anchor: null,
    returnTo: 'suggestions',
  });
  assert.equal(store.get().ui.message, 'Accepted “only one”. No suggestions left.');
});

test('dismissing one statement is one dismissSuggestion call; what is left comes back with it', async () => {
  const [first, second] = suggested('first one', 'second one');
  const asked: unknown[] = [];
  const { store, calls } = await started({
    dismissSuggestion: (args) => (asked.push(args), { key: first!.key, suggestions: [second] }),
  });
  store.setSuggestions((s) => ({ ...s, open: true, list: [first!, second!], key: first!.key }));
  calls.length = 0;
  await store.dismissSuggestion(first!);
  assert.deepEqual(calls, ['dismissSuggestion']);
  assert.deepEqual(asked, [{ key: first!.key }]);
  assert.deepEqual(store.get().suggestions.list, [second]);
  assert.equal(store.get().suggestions.key, second!.key);
  assert.equal(
    store.get().ui.message,
    'Dismissed “first one”; it will not be suggested again. 1 suggestion left.',
  );
});

test('topic proposals are asked again when the codebook changes, not when the list only loses statements', async () => {
  const [first, second, third] = suggested('first one', 'second one', 'third one');
  const asked: string[][] = [];
  const { store, calls, emit } = await started({
    proposeTopics: (args) => {
      const { texts } = args as { texts: string[] };
      asked.push(texts);
      return texts.map(() => null);
    },
  });
  store.setSuggestions((s) => ({ ...s, open: true, list: [first!, second!, third!] }));
  calls.length = 0;
  await store.loadProposals();
  assert.deepEqual(asked, [['first one', 'second one', 'third one']]);
  assert.equal(store.get().suggestions.proposals.size, 3);

  // One accepted: the list lost it, and a count changed; nothing new to propose for.
  store.setSuggestions((s) => ({ ...s, list: [first!, third!] }));
  emit('notebookChanged', change(6, { topics: [topic('t1', 'iran', 4)] }));
  await store.loadProposals();
  assert.equal(asked.length, 1);

  // A topic added to the codebook can change every proposal.
  emit('notebookChanged', change(7, { topics: [topic('t1', 'iran', 4), topic('t2', 'extradition')] }));
  await store.loadProposals();
  assert.deepEqual(asked.at(-1), ['first one', 'third one']);

  // A statement not asked about yet is asked about, with the others.
  store.setSuggestions((s) => ({ ...s, list: [first!, second!, third!] }));
  await store.loadProposals();
  assert.deepEqual(asked.at(-1), ['first one', 'second one', 'third one']);

  // The panel closed and opened again: its list is read anew, and so are the proposals.
  store.setSuggestions((s) => ({ ...s, list: null }));
  await store.loadProposals();
  assert.equal(store.get().suggestions.proposals.size, 0);
  store.setSuggestions((s) => ({ ...s, list: [first!] }));
  await store.loadProposals();
  assert.deepEqual(asked.at(-1), ['first one']);
  assert.deepEqual(calls, ['proposeTopics', 'proposeTopics', 'proposeTopics', 'proposeTopics']);
});

test('an accept reply that arrives after its Undo step does not bring the highlight back', async () => {
  const [only] = suggested('only one');
  const saved = annotation('s1', 'd1');
  const fake = await started({
    acceptSuggestions: () => {
      fake.emit(
        'notebookChanged',
        change(6, { annotations: { upserted: [saved], removed: [], needsReview: [] } }),
      );
      fake.emit(
        'notebookChanged',
        change(7, { kind: 'undo', annotations: { upserted: [], removed: ['s1'], needsReview: [] } }),
      );
      return { annotations: [saved], suggestions: [] };
    },
  });
  fake.store.setSuggestions((s) => ({ ...s, open: true, list: [only!], key: only!.key }));
  await fake.store.acceptSuggestion(only!, true);
  const state = fake.store.get();
  assert.ok(!state.notebook.annotations.get('d1')?.some((a) => a.id === 's1'));
  assert.equal(state.ui.message, 'Accepted “only one”. No suggestions left.');
  assert.equal(state.ui.editor?.mode, 'edit', 'the editor still opens on what the reply saved');
});

test('topics set on accepted statements, answered after a later step, leave that step in place', async () => {
  const tagged = { ...annotation('a1', 'd1', 10, 20), topicIds: ['t1'] };
  const fake = await started({
    updateAnnotation: () => {
      fake.emit(
        'notebookChanged',
        change(6, { annotations: { upserted: [tagged], removed: [], needsReview: [] } }),
      );
      fake.emit(
        'notebookChanged',
        change(7, {
          kind: 'undo',
          annotations: { upserted: [annotation('a1', 'd1', 10, 20)], removed: [], needsReview: [] },
        }),
      );
      return tagged;
    },
  });
  await fake.store.setAcceptedTopics('a1', ['t1']);
  assert.deepEqual(
    fake.store
      .get()
      .notebook.annotations.get('d1')
      ?.find((a) => a.id === 'a1')?.topicIds,
    [],
  );
});
