// The sample a first run adds is where the reader starts, not a step of their work: undo cannot take it away.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { seedOnFirstRun } from '../../../main/first-run';
import { openNotebookStore } from '../../../main/storage/notebook-store';

const SAMPLE = 'A sample written for this test\n\nIts one paragraph, written for this test.\n';

test('a first run adds the sample outside the history: nothing to undo, and undo leaves it', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'parley-first-run-'));
  try {
    const store = await openNotebookStore(join(dir, 'notebook.json'));
    assert.equal(store.created, true);
    await seedOnFirstRun(store, async () => SAMPLE);
    assert.equal(store.data.documents.length, 1);
    assert.equal(store.history.canUndo, false, 'the sample is not a step to undo');
    store.undo();
    assert.equal(store.data.documents.length, 1, 'undo leaves the sample');
    assert.ok(store.data.parties.length > 0, 'and its parties');
    await store.close();

    // The reader's first change is the first step; undoing it keeps the sample.
    const again = await openNotebookStore(join(dir, 'notebook.json'));
    assert.equal(again.data.documents.length, 1);
    again.change((nb) => {
      nb.documents[0]!.title = 'Renamed';
    }, 'Rename document');
    again.undo();
    assert.equal(again.data.documents[0]!.title, 'A sample written for this test');
    await again.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
