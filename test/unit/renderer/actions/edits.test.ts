// Written for this project: changes to the notebook's contents are one call each; the step main sends after it
// brings the counts and history, and a document's record written by the call is not read again. A reply that
// arrives after a later step (an Undo) leaves what that step put right.
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

test('a delete reply that arrives after its Undo step leaves the highlight the Undo restored', async () => {
  const target = annotation('d1-a', 'd1');
  const fake = await started({
    deleteAnnotation: () => {
      // Main sends the deletion's step, then the page's Undo lands before the reply does.
      fake.emit(
        'notebookChanged',
        change(6, {
          label: 'Delete highlight',
          annotations: { upserted: [], removed: ['d1-a'], needsReview: [] },
        }),
      );
      fake.emit(
        'notebookChanged',
        change(7, {
          kind: 'undo',
          history: history(null),
          annotations: { upserted: [target], removed: [], needsReview: ['d1-a'] },
        }),
      );
      return { id: 'd1-a' };
    },
  });
  assert.equal(await fake.store.deleteAnnotation(target), true);
  const state = fake.store.get();
  assert.deepEqual(
    nb.documentAnnotations(state.notebook, 'd1').map((a) => a.id),
    ['d1-a'],
  );
  assert.deepEqual(state.open.needsReview, ['d1-a']);
  assert.match(state.ui.undoOffer ?? '', /^Deleted the highlight on /, 'what the reply says is still said');
});

test('a highlight saved whose reply arrives after a later step is not put back', async () => {
  const saved = annotation('new', 'd1', 0, 4);
  const fake = await started({
    createAnnotation: () => {
      fake.emit(
        'notebookChanged',
        change(6, { annotations: { upserted: [saved], removed: [], needsReview: [] } }),
      );
      fake.emit(
        'notebookChanged',
        change(7, {
          kind: 'undo',
          history: history(null),
          annotations: { upserted: [], removed: ['new'], needsReview: [] },
        }),
      );
      return saved;
    },
  });
  fake.store.patchUi({
    editor: { mode: 'create', documentId: 'd1', span: { start: 0, end: 4 }, quote: 'some', anchor: null },
  });
  await fake.store.saveHighlight({ topicIds: [], note: '', partyId: null, stance: null });
  const state = fake.store.get();
  assert.equal(nb.documentAnnotations(state.notebook, 'd1').filter((a) => a.id === 'new').length, 0);
  assert.equal(state.ui.message, 'Highlight saved.');
  assert.equal(state.ui.editor, null);
});

test("an undo reply that arrives after a later step leaves that step's history", async () => {
  const fake = await started({
    undo: () => {
      fake.emit('notebookChanged', change(7, { kind: 'undo', history: history(null) }));
      fake.emit('notebookChanged', change(8, { label: 'Highlight', history: history('Undo Highlight') }));
      return history(null);
    },
  });
  fake.emit(
    'notebookChanged',
    change(6, { label: 'Delete highlight', history: history('Undo Delete highlight') }),
  );
  await fake.store.runHistory('undo');
  assert.equal(fake.store.get().notebook.history?.undoLabel, 'Undo Highlight');
  assert.equal(fake.store.get().ui.message, 'Undone: Delete highlight.');
});

test('a rename whose reply arrives after its Undo step shows the record as read again', async () => {
  const renamed = { id: 'd1', title: 'Renamed', text: 'some text', openedAt: 'now', note: '' };
  const fake = await started({
    updateDocument: () => {
      fake.emit('notebookChanged', change(6, { label: 'Edit document details', changedDocuments: ['d1'] }));
      fake.emit('notebookChanged', change(7, { kind: 'undo', changedDocuments: ['d1'] }));
      return renamed;
    },
  });
  fake.calls.length = 0;
  await fake.store.renameDocument('d1', 'Renamed');
  await settle();
  assert.deepEqual(fake.calls, ['updateDocument', 'openDocument']);
  assert.equal(fake.store.get().open.document?.title, 'd1');
  assert.equal(fake.store.get().ui.message, 'Renamed to “Renamed”.');
});
