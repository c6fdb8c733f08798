// Written for this project: imports: a file too large is refused before any call, the files of a drop are one
// call whose refusals are shown, and the first document added opens.
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

test('the files of a drop are one call; a refusal is shown and the first added opens', async () => {
  const { store, calls } = await started({
    importFiles: (args) => {
      const { files } = args as { files: Array<{ fileName: string }> };
      assert.deepEqual(
        files.map((f) => f.fileName),
        ['bad.txt', 'good.txt'],
      );
      return {
        added: [summary('d9', 'Good')],
        refused: [{ fileName: 'bad.txt', reason: 'Cannot read bad.txt.' }],
      };
    },
  });
  calls.length = 0;
  await store.importFiles([file('bad.txt', 10), file('good.txt', 10)]);
  await settle();
  assert.deepEqual(calls, ['importFiles', 'openDocument']);
  assert.equal(store.get().ui.error, 'Cannot read bad.txt.');
  assert.equal(store.get().ui.message, 'Imported “Good”');
  assert.equal(store.get().open.document?.id, 'd9');
});
