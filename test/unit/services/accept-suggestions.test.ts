// Written for the accept-suggestions service: suggested statements become highlights in one change (one undo
// step), only what is suggested now can be accepted, and a stale, unknown or repeated key refuses the whole call,
// names the key and adds nothing.
import { test, describe, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ParleyError } from '../../../shared/model';
import { addSampleDocument, createTopic } from '../../../main/core/notebook';
import { dismissSuggestion, suggestStatements } from '../../../main/core/suggest';
import { acceptSuggestions } from '../../../main/services/accept-suggestions';
import { openNotebookStore, type NotebookStore } from '../../../main/storage/notebook-store';

const SAMPLE = readFileSync(new URL('../../../assets/sample-miliband-lavrov.txt', import.meta.url), 'utf8');
const T0 = new Date('2026-05-01T09:00:00.000Z');
const T1 = new Date('2026-05-01T10:00:00.000Z');

let dir = '';
let store: NotebookStore;
let doc = '';
let topic = '';

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'parley-accept-'));
  store = await openNotebookStore(join(dir, 'notebook.json'), { debounceMs: 5 });
  ({ doc, topic } = store.change(
    (nb) => ({
      doc: addSampleDocument(nb, SAMPLE, T0).id,
      topic: createTopic(nb, { path: 'extradition' }).id,
    }),
    'Set up',
  ));
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

/** Runs the call, which must be refused with a ParleyError whose message matches, and change nothing. */
function assertRefused(run: () => unknown, message: RegExp): void {
  const before = store.data;
  const revision = store.revision;
  assert.throws(run, (error: unknown) => error instanceof ParleyError && message.test(error.message));
  assert.equal(store.data, before, 'the notebook is as it was');
  assert.equal(store.revision, revision, 'no step was committed');
  assert.equal(store.history.undoLabel, 'Undo Set up');
}

describe('accepting suggested statements', () => {
  test('several are added in one undo step, with their party and chosen topics, and no note', () => {
    const suggested = suggestStatements(store.data, doc);
    assert.ok(suggested.length >= 3, 'the sample has suggestions');
    const [first, second] = suggested;
    const result = acceptSuggestions(
      store,
      {
        documentId: doc,
        accept: [
          { key: first!.key, topicIds: [topic] },
          { key: second!.key, topicIds: [] },
        ],
      },
      T1,
    );
    assert.equal(store.revision, 2, 'one step');
    assert.equal(store.history.undoLabel, 'Undo Accept 2 statements');
    assert.deepEqual(
      result.annotations.map((a) => [
        a.documentId,
        a.target.start,
        a.target.end,
        a.partyId,
        a.topicIds,
        a.note,
      ]),
      [
        [doc, first!.start, first!.end, first!.partyId, [topic], ''],
        [doc, second!.start, second!.end, second!.partyId, [], ''],
      ],
    );
    assert.deepEqual(
      result.annotations.map((a) => store.data.annotations.find((x) => x.id === a.id)),
      result.annotations,
      'what is returned is what is stored',
    );
    assert.deepEqual(result.suggestions, suggestStatements(store.data, doc), 'what is still suggested');
    assert.ok(!result.suggestions.some((s) => s.key === first!.key || s.key === second!.key));

    store.undo();
    assert.equal(store.data.annotations.length, 0, 'one undo takes both back');
  });

  test('one is named as a highlight made by hand', () => {
    const [first] = suggestStatements(store.data, doc);
    acceptSuggestions(store, { documentId: doc, accept: [{ key: first!.key, topicIds: [] }] }, T1);
    assert.equal(store.history.undoLabel, 'Undo Highlight');
  });

  test('a key no longer suggested (dismissed meanwhile) refuses the whole call and names it', () => {
    const [first, second] = suggestStatements(store.data, doc);
    store.change((nb) => dismissSuggestion(nb, second!.key), 'Set up');
    assertRefused(
      () =>
        acceptSuggestions(
          store,
          {
            documentId: doc,
            accept: [
              { key: first!.key, topicIds: [] },
              { key: second!.key, topicIds: [] },
            ],
          },
          T1,
        ),
      new RegExp(`${second!.key}.*not suggested.*nothing was accepted`),
    );
  });

  test('a key already accepted is stale the second time', () => {
    const [first] = suggestStatements(store.data, doc);
    const accept = [{ key: first!.key, topicIds: [] }];
    acceptSuggestions(store, { documentId: doc, accept }, T1);
    store.change((nb) => createTopic(nb, { path: 'x' }), 'Set up');
    assertRefused(() => acceptSuggestions(store, { documentId: doc, accept }, T1), /not suggested/);
  });

  test('an unknown key, a repeated key, an unknown topic and an unknown document are refused', () => {
    const [first] = suggestStatements(store.data, doc);
    assertRefused(
      () => acceptSuggestions(store, { documentId: doc, accept: [{ key: `${doc}:0:3`, topicIds: [] }] }, T1),
      new RegExp(`${doc}:0:3 is not suggested`),
    );
    const twice = { key: first!.key, topicIds: [] };
    assertRefused(
      () => acceptSuggestions(store, { documentId: doc, accept: [twice, twice] }, T1),
      /named twice/,
    );
    assertRefused(
      () =>
        acceptSuggestions(
          store,
          { documentId: doc, accept: [{ key: first!.key, topicIds: ['no-such'] }] },
          T1,
        ),
      /./,
    );
    assertRefused(
      () =>
        acceptSuggestions(store, { documentId: 'no-such', accept: [{ key: first!.key, topicIds: [] }] }, T1),
      /./,
    );
  });
});
