// Written for the versions service: a file imported as a newer version of a document is one change (one undo step)
// named for what it did, each choice of the review is one too, and a page imported again from the same address is
// offered as a version. The texts are written for these tests; they are not real reporting.
import { afterEach, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ops from '../../../main/core/notebook';
import { importFileBatch, importFiles } from '../../../main/services/import-files';
import {
  importVersionBytes,
  importVersionPath,
  makeVersion,
  reselectReview,
  resolveReview,
} from '../../../main/services/versions';
import { openNotebookStore, type NotebookStore } from '../../../main/storage/notebook-store';

const NOW = () => new Date('2026-06-01T09:00:00.000Z');
let dir = '';
let store: NotebookStore;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'parley-versions-service-'));
  store = await openNotebookStore(join(dir, 'notebook.json'), { debounceMs: 5 });
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

const PARAGRAPHS = [
  'The harbour council put off its decision on the new ferry line on Tuesday.',
  'Mayor Ilse Brandt said the council needed more time to weigh the costs of the line.',
  'A final vote is expected in March, when the council hears the shipping companies.',
  'The ferry question has divided the town for years.',
  'Shop owners on the islands said they were disappointed but not surprised.',
];
const markdown = (paragraphs: string[]) => ['# Ferry decision delayed', ...paragraphs].join('\n\n');

/** A document of PARAGRAPHS with a highlight on each of the first three, in the store. */
async function documentWithHighlights() {
  const [summary] = await importFiles(store, [await file('ferry.md', markdown(PARAGRAPHS))], NOW());
  const id = summary!.id;
  const quotes = ['put off its decision', 'needed more time to weigh the costs', 'A final vote is expected'];
  const ids = quotes.map((quote) => {
    const text = ops.getDocument(store.data, id).text;
    const start = text.indexOf(quote);
    return store.change(
      (nb) =>
        ops.createAnnotation(
          nb,
          { documentId: id, start, end: start + quote.length, topicIds: [], note: '' },
          NOW(),
        ),
      'Highlight',
    ).id;
  });
  return { id, ids };
}

describe('importing a newer version', () => {
  test('a file from disk goes in as one undoable step, and the counts say what became of the highlights', async () => {
    const { id, ids } = await documentWithHighlights();
    const before = store.data;
    const path = await file(
      'ferry-2.md',
      markdown([
        PARAGRAPHS[0]!,
        PARAGRAPHS[1]!.replace('the costs', 'the high costs'),
        PARAGRAPHS[3]!,
        PARAGRAPHS[4]!,
      ]),
    );
    const result = await importVersionPath(store, id, path, NOW);
    assert.equal(result.version, 2);
    assert.deepEqual(result.counts, { kept: 1, moved: 0, changed: 1, lost: 1 });
    assert.equal(result.opened.document.version, 2);
    assert.deepEqual(
      result.opened.annotations.map((a) => a.id),
      [ids[0]],
    );
    assert.equal(store.history.undoLabel, 'Undo Import new version');
    store.undo();
    // When a document was last opened is bookkeeping outside undo; everything else is as it was.
    const unopened = (nb: typeof before) => ({
      ...nb,
      documents: nb.documents.map((doc) => ({ ...doc, openedAt: '' })),
    });
    assert.deepEqual(unopened(store.data), unopened(before), 'one undo takes the whole import back');
  });

  test('dropped bytes are read as an import reads them; an unknown document is refused before reading', async () => {
    const { id } = await documentWithHighlights();
    const bytes = new TextEncoder().encode(markdown(PARAGRAPHS.slice(1)));
    const result = await importVersionBytes(store, id, { fileName: 'ferry.md', bytes }, NOW);
    assert.equal(result.counts.lost, 1);
    assert.equal(ops.getDocument(store.data, id).title, 'Ferry decision delayed');
    await assert.rejects(
      importVersionBytes(store, 'no-such-doc', { fileName: 'ferry.md', bytes }, NOW),
      /There is no document/,
    );
    await assert.rejects(
      importVersionBytes(store, id, { fileName: 'ferry.md', bytes }, NOW),
      /exactly as the latest version/,
    );
  });
});

describe('the review, step by step', () => {
  test('each choice is its own undoable step, named for what it does', async () => {
    const { id, ids } = await documentWithHighlights();
    // The vote's paragraph goes to the end, past two that stay as they were.
    const moved = [
      PARAGRAPHS[0]!,
      PARAGRAPHS[1]!.replace('the costs', 'the high costs'),
      PARAGRAPHS[3]!,
      PARAGRAPHS[4]!,
      PARAGRAPHS[2]!,
    ];
    await importVersionPath(store, id, await file('ferry-2.md', markdown(moved)), NOW);
    const states = ids.map((a) => store.data.annotations.find((x) => x.id === a)!.carried!.state);
    assert.deepEqual(states, ['kept', 'changed', 'moved']);

    const afterImport = store.data;
    resolveReview(store, ids[2]!, 'accept', NOW());
    assert.equal(store.history.undoLabel, 'Undo Accept moved highlight');
    store.undo();
    assert.deepEqual(store.data, afterImport);

    resolveReview(store, ids[1]!, 'keep-on-old', NOW());
    assert.equal(store.history.undoLabel, 'Undo Keep highlight on version 1');
    store.undo();
    assert.deepEqual(store.data, afterImport);

    resolveReview(store, ids[1]!, 'accept', NOW());
    assert.equal(store.history.undoLabel, 'Undo Accept changed highlight');
    store.undo();

    resolveReview(store, ids[1]!, 'delete', NOW());
    assert.equal(store.history.undoLabel, 'Undo Delete highlight');
    store.undo();
    assert.deepEqual(store.data, afterImport);

    const text = ops.getDocument(store.data, id).text;
    const start = text.indexOf('the high costs');
    reselectReview(store, { annotationId: ids[1]!, start, end: start + 14 }, NOW());
    assert.equal(store.history.undoLabel, 'Undo Re-select highlight');
    store.undo();
    assert.deepEqual(store.data, afterImport);
  });
});

describe('pages from the same address', () => {
  const page = (body: string) =>
    `<!doctype html><html><head><title>Ferry decision delayed</title>` +
    `<link rel="canonical" href="https://news.example.org/ferry/"></head><body><article><h1>Ferry decision delayed</h1>` +
    body +
    `</article></body></html>`;

  test('a page imported again is listed as the same address, and can be made the newest version', async () => {
    const first = await importFileBatch(
      store,
      [
        {
          fileName: 'ferry.html',
          bytes: new TextEncoder().encode(page(`<p>${PARAGRAPHS.join('</p><p>')}</p>`)),
        },
      ],
      NOW(),
    );
    assert.equal(first.sameAddress, undefined);
    const old = first.added[0]!.id;
    const again = await importFileBatch(
      store,
      [
        {
          fileName: 'ferry-again.html',
          bytes: new TextEncoder().encode(page(`<p>${PARAGRAPHS.slice(0, 3).join('</p><p>')}</p>`)),
        },
      ],
      NOW(),
    );
    const fresh = again.added[0]!.id;
    assert.deepEqual(again.sameAddress, [{ documentId: fresh, of: old, title: 'Ferry decision delayed' }]);
    const before = store.data;
    const made = makeVersion(store, fresh, old, NOW());
    assert.equal(made.version, 2);
    assert.equal(store.data.documents.length, 1);
    assert.equal(store.history.undoLabel, 'Undo Import new version');
    store.undo();
    assert.deepEqual(store.data, before);
  });
});
