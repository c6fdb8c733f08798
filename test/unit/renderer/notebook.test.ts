// Written for this project: the renderer's notebook state follows main's steps in revision order, applies what
// each says changed without reading anything again, ignores a step it already holds and asks to load on a gap.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as nb from '../../../renderer/state/notebook';
import { annotation, change, snapshot, summary, topic } from './fixtures';

test('the snapshot is the starting point, one entry per document', () => {
  const state = nb.fromSnapshot(snapshot(5));
  assert.equal(state.revision, 5);
  assert.deepEqual([...state.annotations.keys()], ['d1', 'd2']);
  assert.deepEqual(
    nb.documentAnnotations(state, 'd1').map((a) => a.id),
    ['a1'],
  );
  assert.deepEqual(nb.documentAnnotations(state, null), []);
});

test('a step is applied once, in order; an older one is stale and a skipped one is a gap', () => {
  const state = nb.fromSnapshot(snapshot(5));
  assert.equal(nb.changeFit(state, change(6)), 'apply');
  assert.equal(nb.changeFit(state, change(5)), 'stale');
  assert.equal(nb.changeFit(state, change(4)), 'stale');
  assert.equal(nb.changeFit(state, change(7)), 'gap');
  assert.equal(nb.changeFit(nb.initialNotebook, change(1)), 'gap');
});

test('a highlight added arrives with its counts and history; untouched parts stay as they were', () => {
  const state = nb.fromSnapshot(snapshot(5));
  const added = annotation('a2', 'd1', 0, 4);
  const next = nb.applyChange(
    state,
    change(6, {
      topics: [topic('t1', 'iran', 1)],
      annotations: { upserted: [added], removed: [], needsReview: [] },
    }),
  );
  assert.equal(next.revision, 6);
  assert.equal(next.history?.undoLabel, 'Undo Highlight');
  assert.deepEqual(
    nb.documentAnnotations(next, 'd1').map((a) => a.id),
    ['a1', 'a2'],
  );
  assert.equal(next.topics[0]?.count, 1);
  assert.equal(next.documents, state.documents);
  assert.equal(next.parties, state.parties);
  assert.equal(next.stances, state.stances);
  assert.equal(next.version, state.version + 1);
});

test('removed highlights go from whichever document held them; a document gone takes its highlights', () => {
  const state = nb.fromSnapshot(snapshot(5));
  const removed = nb.applyChange(
    state,
    change(6, { annotations: { upserted: [], removed: ['b1'], needsReview: [] } }),
  );
  assert.deepEqual(nb.documentAnnotations(removed, 'd2'), []);
  const gone = nb.applyChange(state, change(6, { documents: [summary('d1', 'One')] }));
  assert.deepEqual([...gone.annotations.keys()], ['d1']);
});

test('a highlight a call returned and its event put it in the same place, once', () => {
  const state = nb.fromSnapshot(snapshot(5));
  const edited = { ...annotation('a1', 'd1', 10, 20), note: 'edited' };
  const fromCall = nb.upsertAnnotation(state, edited);
  const fromEvent = nb.applyChange(
    fromCall,
    change(6, { annotations: { upserted: [edited], removed: [], needsReview: [] } }),
  );
  assert.deepEqual(nb.documentAnnotations(fromEvent, 'd1'), [edited]);
});

test('passages list the other documents first, then the open one in reading order, with titles', () => {
  let state = nb.fromSnapshot(snapshot(5));
  state = nb.upsertAnnotation(state, annotation('a0', 'd1', 0, 3));
  const map = nb.passages(state, 'd1');
  assert.deepEqual([...map.keys()], ['b1', 'a0', 'a1']);
  assert.equal(map.get('b1')?.documentTitle, 'Two');
});

test('a topic created shows at once in path order, counted at zero', () => {
  const state = nb.addTopic(nb.fromSnapshot(snapshot(5)), topic('t0', 'economy'));
  assert.deepEqual(
    state.topics.map((t) => [t.path, t.count]),
    [
      ['economy', 0],
      ['iran', 0],
    ],
  );
});
