// Written for this project: imports: a file too large is refused before any call, each file is one call whose
// refusal is shown, and the first document added opens.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { summary } from '../fixtures';
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

test('each file is one call; a refusal is shown and the first added opens', async () => {
  const { store, calls } = await started({
    importFile: (args) => {
      const { fileName } = args as { fileName: string };
      if (fileName === 'bad.txt') throw new Error('Cannot read bad.txt.');
      return summary('d9', 'Good');
    },
  });
  calls.length = 0;
  await store.importFiles([file('bad.txt', 10), file('good.txt', 10)]);
  await settle();
  assert.deepEqual(calls, ['importFile', 'importFile', 'openDocument']);
  assert.equal(store.get().ui.error, 'Cannot read bad.txt.');
  assert.equal(store.get().ui.message, 'Imported “Good”');
  assert.equal(store.get().open.document?.id, 'd9');
});
