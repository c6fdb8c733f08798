// Giving many highlights one topic at once (the accepted suggestions): one change, one step of undo, all or none;
// and the proposals main makes for statements from the notebook's own codebook and parties.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addSampleDocument } from '../../../main/core/notebook';
import { ParleyError } from '../../../shared/model';
import { createHandlers, type Dialogs } from '../../../main/ipc/handlers';
import { openNotebookStore } from '../../../main/storage/notebook-store';

const SAMPLE = await readFile(new URL('../../../assets/sample-miliband-lavrov.txt', import.meta.url), 'utf8');
const NOW = new Date('2026-11-30T12:00:00.000Z');

async function withHandlers(
  run: (
    h: ReturnType<typeof createHandlers>,
    store: Awaited<ReturnType<typeof openNotebookStore>>,
  ) => Promise<void>,
) {
  const dir = await mkdtemp(join(tmpdir(), 'parley-annotation-topics-'));
  const store = await openNotebookStore(join(dir, 'n.json'), { createIfMissing: true, debounceMs: 1 });
  try {
    store.change((nb) => addSampleDocument(nb, SAMPLE, NOW));
    await run(createHandlers({ store, dialogs: {} as Dialogs, appVersion: 'test', now: () => NOW }), store);
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

describe('addTopicToAnnotations', () => {
  test('gives every accepted suggestion the topic in one change that one undo takes back', () =>
    withHandlers(async (h, store) => {
      const doc = store.data.documents[0]!;
      const suggestions = await h.suggestStatements({ documentId: doc.id });
      const accepted = [];
      for (const s of suggestions) {
        accepted.push(
          await h.createAnnotation({
            documentId: doc.id,
            start: s.start,
            end: s.end,
            partyId: s.partyId,
            topicIds: [],
            note: '',
          }),
        );
      }
      const iran = await h.createTopic({ path: 'iran' });
      await h.updateAnnotation({ id: accepted[0]!.id, topicIds: [iran.id] });
      const topic = await h.createTopic({ path: 'extradition' });
      const before = structuredClone(store.data.annotations);
      const ids = accepted.map((a) => a.id);

      const updated = await h.addTopicToAnnotations({ annotationIds: [...ids, ids[1]!], topicId: topic.id });
      assert.deepEqual(
        updated.map((a) => a.id),
        ids,
      );
      assert.deepEqual(
        store.data.annotations.map((a) => a.topicIds),
        before.map((_a, i) => (i === 0 ? [iran.id, topic.id] : [topic.id])),
      );
      assert.equal(store.history.undoLabel, `Undo Set topic on ${ids.length} highlights`);
      const comparison = await h.compare({});
      assert.deepEqual(
        comparison.rows.map((r) => r.path),
        ['extradition', 'iran'],
      );

      await h.undo(undefined);
      assert.deepEqual(store.data.annotations, before, 'one undo takes back every topic it gave');
      assert.equal(store.history.undoLabel, 'Undo New topic');
      assert.ok((await h.compare({})).rows.some((r) => r.topicId === null));
    }));

  test('an unknown highlight or topic refuses the whole call and changes nothing', () =>
    withHandlers(async (h, store) => {
      const doc = store.data.documents[0]!;
      const a = await h.createAnnotation({ documentId: doc.id, start: 0, end: 10, topicIds: [], note: '' });
      const topic = await h.createTopic({ path: 'extradition' });
      const data = structuredClone(store.data);
      const history = store.history;
      await assert.rejects(
        async () => h.addTopicToAnnotations({ annotationIds: [a.id, 'gone'], topicId: topic.id }),
        ParleyError,
      );
      await assert.rejects(
        async () => h.addTopicToAnnotations({ annotationIds: [a.id], topicId: 'gone' }),
        ParleyError,
      );
      assert.deepEqual(store.data, data);
      assert.deepEqual(store.history, history);
    }));
});

describe('proposeTopics', () => {
  test('proposes from the notebook’s codebook, leaving out its parties’ names', () =>
    withHandlers(async (h) => {
      await h.createTopic({ path: 'extradition' });
      await h.createTopic({ path: 'russia' });
      const proposals = await h.proposeTopics({
        texts: [
          'his extradition to UK is absolutely out of the question',
          'Russia would like to see',
          'nothing here',
        ],
      });
      assert.deepEqual(
        proposals.map((p) => p?.path ?? null),
        ['extradition', null, null],
      );
    }));
});

describe('topics made with a highlight, and unused topics removed', () => {
  test('a highlight saved with a new topic makes both in one step, which one undo takes back', () =>
    withHandlers(async (h, store) => {
      const doc = store.data.documents[0]!;
      const start = doc.text.indexOf('his extradition to UK');
      const before = structuredClone(store.data);
      const saved = await h.createAnnotation({
        documentId: doc.id,
        start,
        end: start + 'his extradition to UK'.length,
        topicIds: [],
        newTopics: ['extradition'],
        note: '',
      });
      const made = store.data.topics.find((t) => t.path === 'extradition');
      assert.ok(made, 'the topic is made');
      assert.deepEqual(saved.topicIds, [made.id]);
      assert.equal(store.history.undoLabel, 'Undo Highlight');
      await h.undo(undefined);
      assert.deepEqual(store.data.topics, before.topics, 'the topic goes with the highlight');
      assert.deepEqual(store.data.annotations, before.annotations);

      // Editing: a new topic joins the passage's own, found by path when it exists already.
      const again = await h.createAnnotation({
        documentId: doc.id,
        start,
        end: start + 5,
        topicIds: [],
        newTopics: ['iran'],
        note: '',
      });
      const edited = await h.updateAnnotation({ id: again.id, newTopics: ['IRAN', 'extradition'] });
      assert.deepEqual(
        edited.topicIds.map((id) => store.data.topics.find((t) => t.id === id)?.path),
        ['iran', 'extradition'],
      );
    }));

  test('unused topics go in one call and one step of undo; one in use refuses them all', () =>
    withHandlers(async (h, store) => {
      const doc = store.data.documents[0]!;
      const used = await h.createTopic({ path: 'extradition' });
      const extr = await h.createTopic({ path: 'extr' });
      const other = await h.createTopic({ path: 'eu' });
      await h.createAnnotation({ documentId: doc.id, start: 0, end: 8, topicIds: [used.id], note: '' });
      await assert.rejects(
        async () => h.removeUnusedTopics({ topicIds: [extr.id, used.id] }),
        (e: unknown) => {
          assert.ok(e instanceof ParleyError && e.code === 'conflict');
          return true;
        },
      );
      assert.equal(store.data.topics.length, 3);
      assert.deepEqual(await h.removeUnusedTopics({ topicIds: [extr.id, other.id] }), {
        topicIds: [extr.id, other.id],
      });
      assert.deepEqual(
        store.data.topics.map((t) => t.path),
        ['extradition'],
      );
      assert.equal(store.history.undoLabel, 'Undo Remove unused topics');
      await h.undo(undefined);
      assert.deepEqual(
        store.data.topics.map((t) => t.path),
        ['extradition', 'extr', 'eu'],
      );
    }));
});
