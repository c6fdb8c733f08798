// Written for this project: the store's core over a stand-in API that records every call: it starts from one
// snapshot, applies notebookChanged steps in order (a gap loading again, steps held while the snapshot is read),
// reads the open document again only when a step changed its record (or a record write's reply was overtaken),
// opens another once when it is gone, and counts a reply as news only while no step has arrived since its call.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createStore } from '../../../renderer/state/store';
import { annotation, change, snapshot, topic } from './fixtures';
import * as nb from '../../../renderer/state/notebook';
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

test('a reply is news only while no step has arrived since its call was sent', async () => {
  const { store, emit } = await started();
  const fresh = store.since();
  assert.equal(fresh(), true);
  store.patchUi({ message: 'a message is not a step' });
  assert.equal(fresh(), true);
  emit('notebookChanged', change(6));
  assert.equal(fresh(), false);
  assert.equal(store.since()(), true, 'a call sent after the step is news again');
});

test('deleting the open document opens the next one once, though that open makes a step of its own', async () => {
  const left = [snapshot().documents[1]!];
  const fake = await started({
    openDocument: (args) => {
      const { id } = args as { id: string };
      // Opening notes when it was read: a bookkeeping step, sent before the reply, while d1 is still shown.
      if (id === 'd2')
        fake.emit('notebookChanged', change(7, { kind: 'bookkeeping', label: null, documents: left }));
      return {
        document: { id, title: id, text: 'text', openedAt: 'now', note: '' },
        annotations: [],
        needsReview: [],
      };
    },
  });
  fake.calls.length = 0;
  fake.emit('notebookChanged', change(6, { label: 'Delete document', documents: left }));
  await settle();
  await settle();
  assert.deepEqual(fake.calls, ['openDocument']);
  assert.equal(fake.store.get().open.document?.id, 'd2');
});

// Guards the rule above from holding back too much: this passed before it as well.
test('when the document being opened goes too, the next one left opens', async () => {
  let release: () => void = () => {};
  const waited = new Promise<void>((resolve) => (release = resolve));
  const opened: string[] = [];
  const fake = await started({
    openDocument: async (args) => {
      const { id } = args as { id: string };
      opened.push(id);
      if (id === 'd2') await waited;
      return {
        document: { id, title: id, text: 'text', openedAt: 'now', note: '' },
        annotations: [],
        needsReview: [],
      };
    },
  });
  opened.length = 0;
  const d2 = snapshot().documents[1]!;
  const d3 = { ...d2, id: 'd3', title: 'Three' };
  fake.emit('notebookChanged', change(6, { documents: [d2, d3] }));
  await settle();
  fake.emit('notebookChanged', change(7, { documents: [d3] }));
  await settle();
  release();
  await settle();
  assert.deepEqual(opened, ['d2', 'd3']);
});

test('a record written while a later step names it too is read again, the reply left aside', async () => {
  const written = { id: 'd1', title: 'Written', text: 'some text', openedAt: 'now', note: '' };
  const fake = await started({
    updateDocument: () => {
      fake.emit('notebookChanged', change(6, { label: 'Edit document details', changedDocuments: ['d1'] }));
      fake.emit('notebookChanged', change(7, { kind: 'undo', changedDocuments: ['d1'] }));
      return written;
    },
  });
  fake.calls.length = 0;
  const { current } = await fake.store.writeRecord('d1', () =>
    fake.api.updateDocument({ id: 'd1', title: 'x' }),
  );
  await settle();
  assert.equal(current, false);
  assert.deepEqual(fake.calls, ['updateDocument', 'openDocument']);
  assert.equal(fake.store.get().open.document?.title, 'd1', 'the record as read again');
});

test('a record write that fails still reads again a step that named the record meanwhile', async () => {
  const fake = await started({
    updateDocument: () => {
      fake.emit('notebookChanged', change(6, { kind: 'undo', changedDocuments: ['d1'] }));
      throw new Error('refused');
    },
  });
  fake.calls.length = 0;
  await assert.rejects(fake.store.writeRecord('d1', () => fake.api.updateDocument({ id: 'd1', title: 'x' })));
  await settle();
  assert.deepEqual(fake.calls, ['updateDocument', 'openDocument']);
});

test('an open overtaken by a step other than its own bookkeeping reads again, so an Undo meanwhile stands', async () => {
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  let revision = 5;
  let hold = false;
  const fake = await started({
    openDocument: async (args) => {
      const { id } = args as { id: string };
      const first = hold;
      hold = false;
      // The open's own step, sent before its reply.
      fake.emit('notebookChanged', change(++revision, { kind: 'bookkeeping', label: null }));
      if (first) await held;
      return {
        document: { id, title: id, text: 'text', openedAt: 'now', note: '' },
        // Main read d2 with its highlight; the Undo below takes it away before this reply arrives.
        annotations: first ? [annotation('b1', id)] : [],
        needsReview: [],
      };
    },
  });
  fake.calls.length = 0;
  hold = true;
  const opening = fake.store.openDocument('d2');
  await settle();
  fake.emit(
    'notebookChanged',
    change(++revision, { kind: 'undo', annotations: { upserted: [], removed: ['b1'], needsReview: [] } }),
  );
  release();
  await opening;
  assert.deepEqual(fake.calls, ['openDocument', 'openDocument']);
  assert.equal(fake.store.get().open.document?.id, 'd2');
  assert.deepEqual(nb.documentAnnotations(fake.store.get().notebook, 'd2'), []);
});

test('an open followed only by its own bookkeeping step is one read', async () => {
  let revision = 5;
  const fake = await started({
    openDocument: (args) => {
      const { id } = args as { id: string };
      fake.emit('notebookChanged', change(++revision, { kind: 'bookkeeping', label: null }));
      return {
        document: { id, title: id, text: 'text', openedAt: 'now', note: '' },
        annotations: [],
        needsReview: [],
      };
    },
  });
  fake.calls.length = 0;
  await fake.store.openDocument('d2');
  assert.deepEqual(fake.calls, ['openDocument']);
  assert.equal(fake.store.get().open.document?.id, 'd2');
});

test('of two opens whose answers come back out of order, the one asked for last is shown', async () => {
  let releaseFirst: () => void = () => {};
  const first = new Promise<void>((resolve) => (releaseFirst = resolve));
  const fake = await started({
    openDocument: async (args) => {
      const { id } = args as { id: string };
      if (id === 'd2') await first;
      return {
        document: { id, title: id, text: 'text', openedAt: 'now', note: '' },
        annotations: [],
        needsReview: [],
      };
    },
  });
  const slow = fake.store.openDocument('d2');
  const quick = fake.store.openDocument('d1');
  await quick;
  releaseFirst();
  await slow;
  assert.equal(fake.store.get().open.document?.id, 'd1');
});
