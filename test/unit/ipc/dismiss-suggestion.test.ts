// Written for Parley: dismissing a suggestion through the window's handler is one change (one undo step named
// "Dismiss suggestion") and its answer holds what is still suggested for that document, the same list the
// suggestStatements handler gives, so the window needs no second call.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, test } from 'node:test';
import { createHandlers, type Dialogs } from '../../../main/ipc/handlers';
import { addSampleDocument } from '../../../main/core/notebook';
import { openNotebookStore, type NotebookStore } from '../../../main/storage/notebook-store';

const SAMPLE = readFileSync(new URL('../../../assets/sample-miliband-lavrov.txt', import.meta.url), 'utf8');
const T0 = new Date('2026-05-01T09:00:00.000Z');

let dir = '';
let store: NotebookStore;
let doc = '';

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'parley-dismiss-'));
  store = await openNotebookStore(join(dir, 'notebook.json'), { debounceMs: 5 });
  doc = store.change((nb) => addSampleDocument(nb, SAMPLE, T0).id, 'Set up');
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

const noDialogs = {} as Dialogs;

test('dismissing one suggestion answers with what is still suggested for its document', async () => {
  const handlers = createHandlers({ store, dialogs: noDialogs, appVersion: '0.0.0-test', now: () => T0 });
  const before = await handlers.suggestStatements({ documentId: doc });
  assert.ok(before.length >= 3, 'the sample has suggestions');
  const gone = before[1]!;
  const revision = store.revision;

  const result = await handlers.dismissSuggestion({ key: gone.key });
  assert.equal(result.key, gone.key);
  assert.deepEqual(
    result.suggestions.map((s) => s.key),
    before.filter((s) => s.key !== gone.key).map((s) => s.key),
  );
  assert.deepEqual(result.suggestions, await handlers.suggestStatements({ documentId: doc }));
  assert.equal(store.revision, revision + 1, 'one step was committed');
  assert.equal(store.history.undoLabel, 'Undo Dismiss suggestion');
  assert.deepEqual(store.data.dismissedSuggestions, [gone.key]);
});

test('a document id holding colons is found from the key all the same', async () => {
  const handlers = createHandlers({ store, dialogs: noDialogs, appVersion: '0.0.0-test', now: () => T0 });
  // Ids are made by Parley, but the key's document part is all that comes before its two numbers.
  store.change((nb) => {
    const sample = nb.documents.find((d) => d.id === doc)!;
    nb.documents.push({ ...(JSON.parse(JSON.stringify(sample)) as typeof sample), id: 'a:b:1' });
  }, 'Copy');
  const before = await handlers.suggestStatements({ documentId: 'a:b:1' });
  assert.ok(before.length >= 2);
  const result = await handlers.dismissSuggestion({ key: before[0]!.key });
  assert.deepEqual(result.suggestions, before.slice(1));
});
