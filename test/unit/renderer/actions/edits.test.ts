// Written for this project: changes to the notebook's contents are one call each; the step main sends after it
// brings the counts and history, and a document's record written by the call is not read again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as nb from '../../../../renderer/state/notebook';
import { annotation, change, history, topic } from '../fixtures';
import { settle, started } from '../stand-in';

test('a highlight saved is one call; its event brings the counts and history', async () => {
  const saved = annotation('new', 'd1', 0, 4);
  const { store, calls, emit } = await started({ createAnnotation: () => saved });
  calls.length = 0;
  store.patchUi({
    editor: { mode: 'create', documentId: 'd1', span: { start: 0, end: 4 }, quote: 'some', anchor: null },
  });
  await store.saveHighlight({ topicIds: [], note: '', partyId: null, stance: null });
  emit(
    'notebookChanged',
    change(6, {
      topics: [topic('t1', 'iran', 3)],
      annotations: { upserted: [saved], removed: [], needsReview: [] },
    }),
  );
  await settle();
  assert.deepEqual(calls, ['createAnnotation']);
  const state = store.get();
  assert.equal(state.ui.message, 'Highlight saved.');
  assert.equal(state.ui.editor, null);
  assert.equal(state.notebook.topics[0]?.count, 3);
  assert.equal(state.notebook.history?.undoLabel, 'Undo Highlight');
  assert.equal(nb.documentAnnotations(state.notebook, 'd1').filter((a) => a.id === 'new').length, 1);
});

test('undo is one call and says what it undid; nothing to undo is said without a call', async () => {
  const { store, calls, emit } = await started({ undo: () => history() });
  calls.length = 0;
  await store.runHistory('undo');
  assert.deepEqual(calls, []);
  assert.equal(store.get().ui.message, 'Nothing to undo.');
  emit(
    'notebookChanged',
    change(6, { label: 'Delete highlight', history: history('Undo Delete highlight') }),
  );
  await store.runHistory('undo');
  assert.deepEqual(calls, ['undo']);
  assert.equal(store.get().ui.message, 'Undone: Delete highlight.');
});

test('renaming the open document is one call: the step naming its record arrives while the call runs', async () => {
  const record = { id: 'd1', title: 'Renamed', text: 'some text', openedAt: 'now', note: '' };
  const fake = await started({
    updateDocument: () => {
      // As in Electron, main's event reaches the page before the call's answer.
      fake.emit('notebookChanged', change(6, { label: 'Rename document', changedDocuments: ['d1'] }));
      return record;
    },
  });
  fake.calls.length = 0;
  await fake.store.renameDocument('d1', 'Renamed');
  await settle();
  assert.deepEqual(fake.calls, ['updateDocument']);
  assert.equal(fake.store.get().open.document?.title, 'Renamed');
  assert.equal(fake.store.get().ui.message, 'Renamed to “Renamed”.');
});

test('a deletion is one call and offers its Undo; the highlight is gone at once', async () => {
  const { store, calls } = await started({ deleteAnnotation: () => ({ id: 'd1-a' }) });
  const target = nb.documentAnnotations(store.get().notebook, 'd1')[0]!;
  store.patchUi({ activeId: target.id });
  calls.length = 0;
  assert.equal(await store.deleteAnnotation(target), true);
  assert.deepEqual(calls, ['deleteAnnotation']);
  assert.deepEqual(nb.documentAnnotations(store.get().notebook, 'd1'), []);
  assert.equal(store.get().ui.activeId, null);
  assert.match(store.get().ui.undoOffer ?? '', /^Deleted the highlight on /);
});
