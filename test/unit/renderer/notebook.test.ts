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

test('events come with the snapshot and are replaced whole by a step that changed them, kept by one that did not', () => {
  const talks = {
    id: 'e1',
    name: 'Talks in Moscow',
    date: '2009-11-02',
    documentIds: ['d1', 'd2'],
    createdAt: '2026-01-01T00:00:00.000Z',
  };
  const state = nb.fromSnapshot({ ...snapshot(5), events: [talks] });
  assert.deepEqual(state.events, [talks]);
  assert.deepEqual(
    nb.eventsOf(state, 'd2').map((e) => e.id),
    ['e1'],
  );
  assert.deepEqual(nb.eventsOf(state, 'd3'), []);
  assert.deepEqual(nb.eventsOf(state, null), []);

  // A highlight added says nothing of events: they stay as they were.
  const highlighted = nb.applyChange(
    state,
    change(6, { annotations: { upserted: [annotation('a2', 'd1')], removed: [], needsReview: [] } }),
  );
  assert.equal(highlighted.events, state.events);

  // A rename, then a delete (each a step with every event), then its undo.
  const renamed = { ...talks, name: 'Lavrov and Miliband in Moscow' };
  const afterRename = nb.applyChange(highlighted, change(7, { label: 'Rename event', events: [renamed] }));
  assert.equal(afterRename.events[0]?.name, 'Lavrov and Miliband in Moscow');
  const afterDelete = nb.applyChange(afterRename, change(8, { label: 'Delete event', events: [] }));
  assert.deepEqual(afterDelete.events, []);
  assert.deepEqual(nb.eventsOf(afterDelete, 'd1'), []);
  const undone = nb.applyChange(afterDelete, change(9, { kind: 'undo', events: [renamed] }));
  assert.deepEqual(
    nb.eventsOf(undone, 'd1').map((e) => e.name),
    ['Lavrov and Miliband in Moscow'],
  );
});
