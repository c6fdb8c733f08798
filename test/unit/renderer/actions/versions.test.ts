// Written for this project: versions in the window's store. A newer version of the open document is one call
// whose reply is shown (not read again after its own step) with a notice of what came through; a drop of more
// than one file or of a file too large is refused before any call; a page with a known address is offered as a
// version and the offer taken is one call; the review's choices are one call each, and a deletion offers Undo;
// an earlier version shown in place of the latest text is the latest request's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Annotation } from '../../../../renderer/types';
import * as nb from '../../../../renderer/state/notebook';
import * as vs from '../../../../renderer/state/versions';
import { annotation, change, snapshot, summary } from '../fixtures';
import { settle, started } from '../stand-in';

const file = (name: string, size: number) => ({
  name,
  size,
  arrayBuffer: async () => new ArrayBuffer(size),
});

const counts = { kept: 12, moved: 1, changed: 2, lost: 1 };

/** The document as main hands it back opened on its new version. */
const opened = (id: string, version: number) => ({
  document: { id, title: id, text: `Text of version ${version}.`, openedAt: 'now', note: '', version },
  annotations: [annotation(`${id}-a`, id)],
  needsReview: [],
});

const carried = (id: string, state: 'kept' | 'moved' | 'changed' | 'lost', outcome?: string) =>
  ({
    ...annotation(id, 'd1'),
    ...(state === 'kept' ? {} : { version: 1 }),
    carried: { from: 1, to: 2, state, old: {}, proposed: null, ...(outcome ? { outcome } : {}) },
  }) as unknown as Annotation;

test('the words of a version import, and which highlights wait for review', () => {
  assert.equal(vs.importedText(2, counts), 'Version 2 imported: 12 kept, 1 moved, 2 changed, 1 lost');
  assert.equal(vs.toReview(counts), 4);
  const list = [
    annotation('plain', 'd1'),
    carried('k', 'kept'),
    carried('m', 'moved'),
    carried('c', 'changed', 'accepted'),
    carried('l', 'lost', 'kept-on-old'),
  ];
  assert.equal(vs.waitingCount(list), 1);
  // On the latest text: those with no `version` (the kept one was re-pointed at once).
  assert.deepEqual(
    vs.latestOnly(list).map((a) => a.id),
    ['plain', 'k'],
  );
  const same = [annotation('a', 'd1')];
  assert.equal(vs.latestOnly(same), same);
  assert.equal(
    vs.diffStatsText({ inserted: 3, deleted: 1, paragraphs: 2 }),
    '3 words inserted, 1 word deleted, in 2 paragraphs.',
  );
  assert.equal(
    vs.diffStatsText({ inserted: 0, deleted: 0, paragraphs: 0 }),
    'No differences: the two versions read the same.',
  );
});

test('a document read again keeps its highlights on an earlier version, which main reads it without', () => {
  const state = nb.fromSnapshot(snapshot());
  const withWaiting = nb.upsertAnnotation(state, carried('w', 'lost'));
  // main's openDocument lists the highlights on the latest text only.
  const read = nb.setDocumentAnnotations(withWaiting, 'd1', [annotation('a1', 'd1', 10, 20)]);
  assert.deepEqual(
    nb.documentAnnotations(read, 'd1').map((a) => a.id),
    ['a1', 'w'],
  );
  assert.equal(vs.waitingCount(nb.documentAnnotations(read, 'd1')), 1);
});

test('Import New Version… is one call for the open document; its reply is shown with the notice', async () => {
  const { store, calls, emit } = await started({
    importVersionFromDialog: (args) => {
      assert.deepEqual(args, { documentId: 'd1' });
      // Main's own step, naming the document's record, comes before its reply.
      emit('notebookChanged', change(6, { label: 'Import new version', changedDocuments: ['d1'] }));
      return { documentId: 'd1', version: 2, counts, opened: opened('d1', 2) };
    },
  });
  assert.equal(store.get().open.document?.id, 'd1');
  calls.length = 0;
  await store.importVersionFromDialog();
  await settle();
  // Not read again: the reply is the record after its own step.
  assert.deepEqual(calls, ['importVersionFromDialog']);
  assert.equal(store.get().open.document?.text, 'Text of version 2.');
  assert.deepEqual(store.get().versions.notice, { documentId: 'd1', version: 2, counts });
});

test('a cancelled dialog changes nothing; a refusal is shown as an error', async () => {
  let refuse = false;
  const { store } = await started({
    importVersionFromDialog: () => {
      if (refuse) throw new Error('Cannot read “x.pdf”: it has no text layer.');
      return null;
    },
  });
  await store.importVersionFromDialog();
  assert.equal(store.get().versions.notice, null);
  assert.equal(store.get().ui.error, null);
  refuse = true;
  await store.importVersionFromDialog();
  assert.equal(store.get().ui.error, 'Cannot read “x.pdf”: it has no text layer.');
  assert.equal(store.get().versions.notice, null);
});

test('a drop of two files, or of one too large, is refused before any call', async () => {
  const { store, calls } = await started();
  calls.length = 0;
  await store.importVersionFile([file('a.txt', 10), file('b.txt', 10)]);
  assert.match(store.get().ui.error ?? '', /^Drop one file to import it as a new version; 2 were dropped\./);
  await store.importVersionFile([file('big.txt', 5000)]);
  assert.match(store.get().ui.error ?? '', /^Cannot import "big\.txt": it is 5 KB/);
  assert.deepEqual(calls, []);
});

test('a dropped file is sent as the open document’s new version', async () => {
  const { store, calls } = await started({
    importVersionFile: (args) => {
      const { documentId, fileName, bytes } = args as {
        documentId: string;
        fileName: string;
        bytes: Uint8Array;
      };
      assert.equal(documentId, 'd1');
      assert.equal(fileName, 'edited.txt');
      assert.equal(bytes.length, 10);
      return { documentId: 'd1', version: 3, counts, opened: opened('d1', 3) };
    },
  });
  calls.length = 0;
  await store.importVersionFile([file('edited.txt', 10)]);
  assert.deepEqual(calls, ['importVersionFile']);
  assert.equal(store.get().versions.notice?.version, 3);
});

test('a page with a known address is offered as a version; taking the offer is one call', async () => {
  let revision = 5;
  const { store, calls, emit } = await started({
    importFiles: () => {
      emit(
        'notebookChanged',
        change(++revision, {
          label: 'Import document',
          documents: [...snapshot().documents, summary('d9', 'Page')],
        }),
      );
      emit('notebookChanged', change(++revision, { kind: 'bookkeeping' }));
      return {
        added: [summary('d9', 'Page')],
        opened: { ...opened('d9', 1), document: { ...opened('d9', 1).document, title: 'Page' } },
        refused: [],
        sameAddress: [{ documentId: 'd9', of: 'd1', title: 'One' }],
      };
    },
    makeVersion: (args) => {
      assert.deepEqual(args, { documentId: 'd9', of: 'd1' });
      emit(
        'notebookChanged',
        change(++revision, {
          label: 'Make version',
          documents: snapshot().documents,
          changedDocuments: ['d1'],
        }),
      );
      return { documentId: 'd1', version: 2, counts, opened: opened('d1', 2) };
    },
  });
  await store.importFiles([file('page.html', 10)]);
  await settle();
  assert.deepEqual(store.get().versions.offers, [{ documentId: 'd9', of: 'd1', title: 'One' }]);
  calls.length = 0;
  await store.makeVersion(store.get().versions.offers[0]!);
  await settle();
  assert.equal(calls[0], 'makeVersion');
  assert.deepEqual(store.get().versions.offers, []);
  assert.equal(store.get().open.document?.id, 'd1');
  assert.equal(store.get().versions.notice?.version, 2);
});

test('each review choice is one call; a deletion is said with its Undo', async () => {
  const resolved: unknown[] = [];
  const { store, calls } = await started({
    versionReview: () => ({
      documentId: 'd1',
      version: 2,
      items: [
        {
          annotationId: 'a1',
          state: 'changed',
          from: 1,
          to: 2,
          oldQuote: 'the old words',
          oldPlace: '¶2',
          newQuote: 'the new words',
          newPlace: '¶2',
          parts: [],
          outcome: null,
        },
      ],
    }),
    resolveReview: (args) => {
      resolved.push(args);
      return { id: 'a1' };
    },
    reselectReview: (args) => ({ ...annotation('a1', 'd1', 3, 9), ...(args as object) }),
  });
  await store.loadReview();
  assert.equal(store.get().versions.review?.items.length, 1);
  calls.length = 0;
  assert.equal(await store.resolveReview('a1', 'keep-on-old'), true);
  assert.equal(store.get().ui.message, 'Kept on the earlier version: “the old words” (version 1).');
  assert.equal(await store.resolveReview('a1', 'delete'), true);
  assert.equal(store.get().ui.message, 'Deleted the highlight on “the old words”.');
  assert.equal(store.get().ui.undoOffer, store.get().ui.message);
  assert.deepEqual(resolved, [
    { annotationId: 'a1', action: 'keep-on-old' },
    { annotationId: 'a1', action: 'delete' },
  ]);

  // Re-select: nothing selected is said, not sent; a selection is one call.
  store.startReselect('a1');
  assert.equal(await store.reselectReview(null), false);
  assert.match(store.get().ui.message, /^Select the passage in the text first/);
  assert.equal(await store.reselectReview({ start: 3, end: 9 }), true);
  assert.equal(store.get().versions.reselecting, null);
  assert.deepEqual(calls, ['resolveReview', 'resolveReview', 'reselectReview']);
});

test('an earlier version is shown in place of the latest text; the latest, or a late reply, is not', async () => {
  const replies: Array<(value: unknown) => void> = [];
  const { store } = await started({
    openVersion: (args) =>
      new Promise((resolve) => {
        const { n } = args as { n: number };
        replies.push(() =>
          resolve({
            documentId: 'd1',
            n,
            latest: n === 3,
            title: 'One',
            importedAt: '',
            text: `v${n}`,
            blocks: [],
            marks: [],
            annotations: [],
          }),
        );
      }),
  });
  const first = store.openVersion(1);
  const second = store.openVersion(2);
  replies[1]!(undefined);
  await second;
  replies[0]!(undefined);
  await first;
  const page = store.get().versions.page;
  assert.equal(page?.kind === 'version' ? page.text.n : null, 2);
  const third = store.openVersion(3);
  replies[2]!(undefined);
  await third;
  assert.equal(store.get().versions.page, null);
});
