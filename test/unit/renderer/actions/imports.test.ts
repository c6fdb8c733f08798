// Written for this project: imports: a file too large is refused before any call, the files of a drop are one
// call whose refusals are shown, and the first document added opens as main handed it back (read again only when
// another step overtook the reply).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { annotation, change, snapshot, summary } from '../fixtures';
import { settle, started } from '../stand-in';

const file = (name: string, size: number) => ({
  name,
  size,
  arrayBuffer: async () => new ArrayBuffer(size),
});

test('a file over the limit is refused with its size, and nothing is sent', async () => {
  const { store, calls } = await started();
  calls.length = 0;
  await store.importFiles([file('big.txt', 5000)]);
  assert.deepEqual(calls, []);
  assert.equal(
    store.get().ui.error,
    'Cannot import "big.txt": it is 5 KB, and Parley imports files of up to 20 MB.',
  );
});

/** The first added document as main hands it back opened. */
const opened = (id: string, title: string) => ({
  document: { id, title, text: 'Good text.', openedAt: '2026-02-02T00:00:00.000Z', note: '' },
  annotations: [annotation(`${id}-a`, id)],
  needsReview: [],
});

test('the files of a drop are one call; a refusal is shown and the first added opens as main handed it back', async () => {
  const { store, calls, emit } = await started({
    importFiles: (args) => {
      const { files } = args as { files: Array<{ fileName: string }> };
      assert.deepEqual(
        files.map((f) => f.fileName),
        ['bad.txt', 'good.txt'],
      );
      // Main's own steps come before its reply: the import, then the opening's bookkeeping.
      emit('notebookChanged', change(6, { label: 'Import document' }));
      emit('notebookChanged', change(7, { kind: 'bookkeeping' }));
      return {
        added: [summary('d9', 'Good')],
        opened: opened('d9', 'Good'),
        refused: [{ fileName: 'bad.txt', reason: 'Cannot read bad.txt.' }],
      };
    },
  });
  calls.length = 0;
  await store.importFiles([file('bad.txt', 10), file('good.txt', 10)]);
  await settle();
  assert.deepEqual(calls, ['importFiles']);
  assert.equal(store.get().ui.error, 'Cannot read bad.txt.');
  assert.equal(store.get().ui.message, 'Imported “Good”');
  assert.equal(store.get().open.document?.id, 'd9');
  assert.equal(store.get().open.document?.text, 'Good text.');
  assert.deepEqual(
    store
      .get()
      .notebook.annotations.get('d9')
      ?.map((a) => a.id),
    ['d9-a'],
  );
});

test('the dialog import is one call: the first added opens as main handed it back', async () => {
  const { store, calls } = await started({
    importFromDialog: () => ({
      added: [summary('d9', 'Good'), summary('d10', 'More')],
      opened: opened('d9', 'Good'),
    }),
  });
  calls.length = 0;
  await store.importFromDialog();
  await settle();
  assert.deepEqual(calls, ['importFromDialog']);
  assert.equal(store.get().ui.message, 'Imported 2 documents');
  assert.equal(store.get().open.document?.id, 'd9');
});

test('the reply’s opened document is used only when no other step overtook it; else it is read again', async () => {
  let revision = 5;
  let overtaken = false;
  const { store, calls, emit } = await started({
    importFiles: () => {
      emit(
        'notebookChanged',
        change(++revision, {
          label: 'Import document',
          documents: [...snapshot().documents, summary('d9', 'Good')],
        }),
      );
      emit('notebookChanged', change(++revision, { kind: 'bookkeeping' }));
      // Another change (an Undo, say) after main read the document it hands back.
      if (overtaken) emit('notebookChanged', change(++revision, { label: 'Edit document details' }));
      return { added: [summary('d9', 'Good')], opened: opened('d9', 'Good'), refused: [] };
    },
  });
  calls.length = 0;
  await store.importFiles([file('good.txt', 10)]);
  await settle();
  assert.deepEqual(calls, ['importFiles']);
  assert.equal(store.get().open.document?.text, 'Good text.');

  overtaken = true;
  calls.length = 0;
  await store.importFiles([file('good.txt', 10)]);
  await settle();
  assert.deepEqual(calls, ['importFiles', 'openDocument']);
  assert.equal(store.get().open.document?.id, 'd9');
  // The stand-in's read, not the reply's.
  assert.equal(store.get().open.document?.text, 'some text');
});

test('an import taken back before its reply arrives opens nothing', async () => {
  let revision = 5;
  const { store, calls, emit } = await started({
    importFiles: () => {
      emit(
        'notebookChanged',
        change(++revision, {
          label: 'Import document',
          documents: [...snapshot().documents, summary('d9', 'Good')],
        }),
      );
      emit('notebookChanged', change(++revision, { kind: 'bookkeeping' }));
      // Undo of the import, before the reply reaches the page.
      emit('notebookChanged', change(++revision, { kind: 'undo', documents: snapshot().documents }));
      return { added: [summary('d9', 'Good')], opened: opened('d9', 'Good'), refused: [] };
    },
  });
  calls.length = 0;
  await store.importFiles([file('good.txt', 10)]);
  await settle();
  assert.deepEqual(calls, ['importFiles']);
  assert.notEqual(store.get().open.document?.id, 'd9');
  assert.equal(store.get().ui.error, null);
});
