// Written for the annotation-import service that the window and the command line share: what was read goes in as
// one change named for its count, the topics and parties it lacks are made, one undo takes it all back, and a read
// with refusals adds nothing.
import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ops from '../../../main/core/notebook';
import { createParty } from '../../../main/core/parties';
import { importW3C } from '../../../main/core/w3c';
import { w3cJson } from '../../../main/services/export';
import { addAnnotations, annotationImportLabel } from '../../../main/services/import-annotations';
import { importText } from '../../../main/services/import-files';
import { openNotebookStore, type NotebookStore } from '../../../main/storage/notebook-store';

const NOW = new Date('2026-06-01T09:00:00.000Z');
let dir = '';
let store: NotebookStore;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'parley-annotation-service-'));
  store = await openNotebookStore(join(dir, 'notebook.json'), { debounceMs: 5 });
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

/** Two highlights of one document, with a topic and a party, exported; then the notebook keeps only the text. */
function exportedThenCleared(): unknown {
  const doc = importText(
    store,
    { fileName: 'talks.txt', content: 'The talks went well. Both sides agreed.' },
    NOW,
  );
  store.change((nb) => {
    const topic = ops.createTopic(nb, { path: 'diplomacy/talks' });
    const party = createParty(nb, { name: 'United Kingdom' });
    ops.createAnnotation(
      nb,
      { documentId: doc.id, start: 0, end: 20, topicIds: [topic.id], note: '', partyId: party.id },
      NOW,
    );
    ops.createAnnotation(nb, { documentId: doc.id, start: 21, end: 39, topicIds: [], note: '' }, NOW);
  });
  const json = JSON.parse(w3cJson(store.data, { now: NOW })) as unknown;
  store.change((nb) => {
    nb.annotations = [];
    nb.topics = [];
    nb.parties = [];
  });
  return json;
}

test('read annotations go in as one change, making the topic and party they name', () => {
  const json = exportedThenCleared();
  const read = importW3C(store.data, json, { now: NOW });
  assert.deepEqual(read.errors, []);
  const before = store.revision;
  const added = addAnnotations(store, read);
  assert.equal(added.length, 2);
  assert.equal(store.revision, before + 1, 'one change');
  assert.equal(store.history.undoLabel, 'Undo Import 2 annotations');
  assert.deepEqual(
    store.data.topics.map((t) => t.path),
    ['diplomacy/talks'],
  );
  assert.deepEqual(
    store.data.parties.map((p) => p.name),
    ['United Kingdom'],
  );
  store.undo();
  assert.deepEqual([store.data.annotations, store.data.topics, store.data.parties], [[], [], []]);
});

test('one annotation is named as one; a read with refusals adds nothing', () => {
  assert.equal(annotationImportLabel(1), 'Import annotation');
  const json = exportedThenCleared();
  const read = importW3C(store.data, json, { now: NOW });
  assert.deepEqual(read.errors, []);
  const before = store.revision;
  assert.throws(
    () => addAnnotations(store, { ...read, errors: ['One could not be used.'] }),
    /Nothing was imported/,
  );
  assert.equal(store.revision, before);
  assert.deepEqual(store.data.annotations, []);
});
