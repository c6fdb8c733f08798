// Written for this project: the store's core over a stand-in API that records every call: it starts from one
// snapshot, applies notebookChanged steps in order (a gap loading again, steps held while the snapshot is read),
// reads the open document again only when a step changed its record, and opens another when it is gone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createStore } from '../../../renderer/state/store';
import { change, snapshot, topic } from './fixtures';
import { settle, standIn, started } from './stand-in';

test('it starts from one snapshot, opens the first document and says it is ready', async () => {
  const { store, calls } = await started();
  assert.deepEqual([...calls].sort(), ['loadNotebook', 'openDocument', 'rendererReady', 'saveState']);
  assert.equal(store.get().open.document?.id, 'd1');
  assert.equal(store.get().ui.loading, false);
});

test('a missed step loads the notebook again and reads the open document', async () => {
  let revision = 5;
  const { store, calls, emit } = await started({
    loadNotebook: () => ({ ...snapshot(revision), topics: [topic('t1', 'iran', revision)] }),
  });
  calls.length = 0;
  revision = 9;
  emit('notebookChanged', change(8));
  await settle();
  await settle();
  assert.deepEqual(calls, ['loadNotebook', 'openDocument']);
  assert.equal(store.get().notebook.revision, 9);
  assert.equal(store.get().notebook.topics[0]?.count, 9);
});

test('steps that arrive while the snapshot is read are applied after it, those it holds skipped', async () => {
  let release: () => void = () => {};
  const waited = new Promise<void>((resolve) => (release = resolve));
  const fake = standIn({ loadNotebook: async () => (await waited, snapshot(5)) });
  const store = createStore(fake.api, { maxImportBytes: 1000 });
  store.start(() => undefined);
  fake.emit('notebookChanged', change(5, { stances: ['stale'] }));
  fake.emit('notebookChanged', change(6, { stances: ['fresh'] }));
  release();
  await settle();
  await settle();
  assert.deepEqual(store.get().notebook.stances, ['fresh']);
  assert.equal(store.get().notebook.revision, 6);
  assert.ok(!fake.calls.includes('openDocument'));
});

test('the open document is read again only when a step changed its record', async () => {
  const { calls, emit } = await started();
  calls.length = 0;
  emit('notebookChanged', change(6, { changedDocuments: ['d2'] }));
  emit('notebookChanged', change(7, { kind: 'bookkeeping', label: null, changedDocuments: ['d1'] }));
  await settle();
  assert.deepEqual(calls, []);
  emit('notebookChanged', change(8, { kind: 'undo', changedDocuments: ['d1'] }));
  await settle();
  assert.deepEqual(calls, ['openDocument']);
});

test('when the open document goes, the first one left opens', async () => {
  const { store, emit } = await started();
  emit('notebookChanged', change(6, { documents: [snapshot().documents[1]!] }));
  await settle();
  await settle();
  assert.equal(store.get().open.document?.id, 'd2');
});
