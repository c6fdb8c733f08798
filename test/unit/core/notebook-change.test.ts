// Written for the notebookChanged event: what one step changed, read from the states before and after it. Each
// kind of change names exactly the parts it touched, and a copy of the notebook kept up to date by applying the
// changes alone stays equal to a fresh snapshot, through changes, undo and redo.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { NotebookChange, NotebookSnapshot } from '../../../shared/contract';
import { emptyNotebook, type Annotation, type Notebook } from '../../../shared/model';
import { deleteTopic, mergeTopics } from '../../../main/core/codebook';
import { importPlainText } from '../../../main/core/import-text';
import {
  addDocuments,
  addSampleDocument,
  addTopicToAnnotations,
  createAnnotation,
  createTopic,
  deleteAnnotation,
  deleteDocument,
  markOpened,
  openDocument,
  updateAnnotation,
  updateDocument,
} from '../../../main/core/notebook';
import { notebookChange, notebookSnapshot } from '../../../main/core/notebook-change';
import { createParty, deleteParty, updateParty } from '../../../main/core/parties';
import { addStance } from '../../../main/core/stances';
import { dismissSuggestion } from '../../../main/core/suggest';
import { applyChange, freezeState, UndoHistory } from '../../../main/storage/history';

const SAMPLE = readFileSync(new URL('../../../assets/sample-miliband-lavrov.txt', import.meta.url), 'utf8');
const T0 = new Date('2026-04-01T09:00:00.000Z');
const T1 = new Date('2026-04-01T10:00:00.000Z');
const HISTORY = { canUndo: true, canRedo: false, undoLabel: 'Undo Step', redoLabel: null };

function rangeOf(text: string, quote: string): { start: number; end: number } {
  const start = text.indexOf(quote);
  assert.notEqual(start, -1, quote);
  return { start, end: start + quote.length };
}

/** A frozen notebook with the sample, a second document, a topic and a highlight. */
function seeded(): { nb: Notebook; doc: string; other: string; topic: string; a: string } {
  const { state, result } = applyChange(freezeState(emptyNotebook()), (nb) => {
    const doc = addSampleDocument(nb, SAMPLE, T0);
    const [other] = addDocuments(nb, [importPlainText('Lavrov answered.\n\nMiliband replied.', {})], T0);
    const topic = createTopic(nb, { path: 'extradition' });
    const a = createAnnotation(
      nb,
      {
        documentId: doc.id,
        ...rangeOf(doc.text, 'his extradition to UK is absolutely out of the question'),
        topicIds: [topic.id],
        note: '',
        partyId: nb.parties[0]!.id,
      },
      T0,
    );
    return { doc: doc.id, other: other!.id, topic: topic.id, a: a.id };
  });
  return { nb: state, ...result };
}

/** The change of one step made on `nb`, as the store would report it. */
function step(
  nb: Notebook,
  mutate: (draft: Notebook) => unknown,
): { change: NotebookChange; after: Notebook } {
  const { state } = applyChange(nb, mutate);
  return {
    change: notebookChange({
      revision: 7,
      kind: 'change',
      label: 'Step',
      history: HISTORY,
      before: nb,
      after: state,
    }),
    after: state,
  };
}

/** Which parts a change carries. */
function parts(change: NotebookChange): string[] {
  return Object.keys(change)
    .filter((key) => !['revision', 'kind', 'label', 'history'].includes(key))
    .sort();
}

describe('what one step changed', () => {
  test('the step itself is named: revision, kind, label and history pass through', () => {
    const { nb } = seeded();
    const { change } = step(nb, (d) => createTopic(d, { path: 'iran' }));
    assert.equal(change.revision, 7);
    assert.equal(change.kind, 'change');
    assert.equal(change.label, 'Step');
    assert.deepEqual(change.history, HISTORY);
  });

  test('a new highlight: its annotation, the counts of documents, topics and parties', () => {
    const { nb, doc, topic } = seeded();
    const { change, after } = step(nb, (d) =>
      createAnnotation(
        d,
        { documentId: doc, ...rangeOf(SAMPLE, 'Miliband'), topicIds: [topic], note: '', partyId: null },
        T1,
      ),
    );
    const added = after.annotations[after.annotations.length - 1]!;
    assert.deepEqual(parts(change), ['annotations', 'documents', 'parties', 'topics']);
    assert.deepEqual(change.annotations, { upserted: [added], removed: [], needsReview: [] });
    const snapshot = notebookSnapshot(after, 0, HISTORY);
    assert.deepEqual(change.documents, snapshot.documents);
    assert.deepEqual(change.topics, snapshot.topics);
    assert.deepEqual(change.parties, snapshot.parties);
    assert.equal(change.documents!.find((d) => d.id === doc)!.annotationCount, 2);
  });

  test('a highlight edited: only it, with topics and parties, since their counts may move', () => {
    const { nb, a } = seeded();
    const { change, after } = step(nb, (d) => updateAnnotation(d, { id: a, note: 'Flat refusal.' }, T1));
    assert.deepEqual(parts(change), ['annotations', 'parties', 'topics']);
    assert.deepEqual(change.annotations!.upserted, [after.annotations.find((x) => x.id === a)]);
  });

  test('a highlight deleted: its id, and the documents with their counts', () => {
    const { nb, a, doc } = seeded();
    const { change } = step(nb, (d) => deleteAnnotation(d, a));
    assert.deepEqual(parts(change), ['annotations', 'documents', 'parties', 'topics']);
    assert.deepEqual(change.annotations, { upserted: [], removed: [a], needsReview: [] });
    assert.equal(change.documents!.find((d) => d.id === doc)!.annotationCount, 0);
  });

  test('a document deleted: the documents, and its highlights removed', () => {
    const { nb, a, doc } = seeded();
    const { change } = step(nb, (d) => deleteDocument(d, doc));
    assert.deepEqual(change.annotations?.removed, [a]);
    assert.deepEqual(
      change.documents!.map((d) => d.id),
      [nb.documents[1]!.id],
    );
    assert.equal(change.changedDocuments, undefined, 'no remaining document changed');
  });

  test('a document note edited: the documents and that document, nothing else', () => {
    const { nb, other } = seeded();
    const { change } = step(nb, (d) => updateDocument(d, { id: other, note: 'Read again.' }));
    assert.deepEqual(parts(change), ['changedDocuments', 'documents']);
    assert.deepEqual(change.changedDocuments, [other]);
  });

  test('a document opened: the documents (when it was opened), but its record is not read again', () => {
    const { nb, doc } = seeded();
    const { change } = step(nb, (d) => markOpened(d, doc, T1));
    assert.deepEqual(parts(change), ['documents']);
    assert.equal(change.documents!.find((d) => d.id === doc)!.openedAt, T1.toISOString());
  });

  test('a document imported: the documents and the new one', () => {
    const { nb } = seeded();
    const { change, after } = step(nb, (d) => addDocuments(d, [importPlainText('One more.', {})], T1));
    assert.deepEqual(parts(change), ['changedDocuments', 'documents']);
    assert.deepEqual(change.changedDocuments, [after.documents[2]!.id]);
  });

  test('a topic, a party, a stance and a dismissed suggestion each name only their own part', () => {
    const { nb, doc } = seeded();
    assert.deepEqual(parts(step(nb, (d) => createTopic(d, { path: 'iran' })).change), ['topics']);
    assert.deepEqual(parts(step(nb, (d) => createParty(d, { name: 'European Union' })).change), ['parties']);
    assert.deepEqual(parts(step(nb, (d) => addStance(d, 'ultimatum')).change), ['stances']);
    assert.deepEqual(step(nb, (d) => addStance(d, 'ultimatum')).change.stances?.slice(-1), ['ultimatum']);
    assert.deepEqual(parts(step(nb, (d) => dismissSuggestion(d, `${doc}:0:10`)).change), []);
  });

  test('needsReview is what openDocument says of the upserted highlights', () => {
    const { nb, doc, a } = seeded();
    // A highlight whose quote is no longer in the text (as after an outside edit of the file).
    const broken = applyChange(nb, (d) => {
      const annotation = d.annotations.find((x) => x.id === a)!;
      annotation.target = { ...annotation.target, exact: 'words that are nowhere in the text' };
    }).state;
    assert.deepEqual(openDocument(broken, doc).needsReview, [a], 'the set-up breaks it');
    const { change, after } = step(broken, (d) => {
      updateAnnotation(d, { id: a, note: 'still lost' }, T1);
      createAnnotation(d, { documentId: doc, ...rangeOf(SAMPLE, 'Lavrov'), topicIds: [], note: '' }, T1);
    });
    const upserted = change.annotations!.upserted.map((x) => x.id);
    assert.equal(upserted.length, 2);
    const review = new Set(openDocument(after, doc).needsReview);
    assert.deepEqual(
      change.annotations!.needsReview,
      upserted.filter((id) => review.has(id)),
    );
    assert.deepEqual(change.annotations!.needsReview, [a]);
  });
});

/** A copy of the notebook's lists kept only from changes, as the renderer's store keeps it. */
function applyTo(replica: NotebookSnapshot, change: NotebookChange): NotebookSnapshot {
  const next = { ...replica, revision: change.revision, history: change.history };
  if (change.documents) next.documents = change.documents;
  if (change.topics) next.topics = change.topics;
  if (change.parties) next.parties = change.parties;
  if (change.stances) next.stances = change.stances;
  const all = new Map<string, Annotation>(
    replica.annotations.flatMap((group) => group.annotations.map((x) => [x.id, x] as const)),
  );
  if (change.annotations) {
    for (const id of change.annotations.removed) all.delete(id);
    for (const x of change.annotations.upserted) all.set(x.id, x);
  }
  next.annotations = next.documents.map((doc) => ({
    documentId: doc.id,
    title: doc.title,
    annotations: [...all.values()].filter((x) => x.documentId === doc.id),
  }));
  return next;
}

/** Annotations in a stable order: a change says what, not where in the notebook's list. */
function sorted(snapshot: NotebookSnapshot): NotebookSnapshot {
  return {
    ...snapshot,
    annotations: snapshot.annotations.map((group) => ({
      ...group,
      annotations: [...group.annotations].sort((x, y) => x.id.localeCompare(y.id)),
    })),
  };
}

test('a copy kept from changes alone equals a fresh snapshot after every step, undo and redo', () => {
  const seed = seeded();
  let nb = seed.nb;
  const history = new UndoHistory();
  let revision = 0;
  let replica = notebookSnapshot(nb, revision, history.state);
  const check = (kind: NotebookChange['kind'], before: Notebook, after: Notebook, label: string) => {
    revision++;
    const change = notebookChange({ revision, kind, label, history: history.state, before, after });
    replica = applyTo(replica, change);
    assert.deepEqual(sorted(replica), sorted(notebookSnapshot(after, revision, history.state)), label);
  };
  const ids: Record<string, string> = {};
  const steps: Array<[string, (d: Notebook) => unknown]> = [
    ['new topic', (d) => (ids.iran = createTopic(d, { path: 'iran' }).id)],
    [
      'highlight',
      (d) =>
        (ids.b = createAnnotation(
          d,
          { documentId: seed.doc, ...rangeOf(SAMPLE, 'Lavrov'), topicIds: [ids.iran!], note: '' },
          T1,
        ).id),
    ],
    [
      'topic on both',
      (d) => addTopicToAnnotations(d, { annotationIds: [seed.a, ids.b!], topicId: seed.topic }, T1),
    ],
    ['merge topics', (d) => mergeTopics(d, { fromId: ids.iran!, intoId: seed.topic })],
    ['new party', (d) => (ids.eu = createParty(d, { name: 'European Union' }).id)],
    ['party on b', (d) => updateAnnotation(d, { id: ids.b!, partyId: ids.eu! }, T1)],
    ['rename party', (d) => updateParty(d, { id: ids.eu!, name: 'EU' })],
    ['delete party', (d) => deleteParty(d, ids.eu!)],
    ['rename document', (d) => updateDocument(d, { id: seed.doc, title: 'Renamed' })],
    ['delete topic', (d) => deleteTopic(d, seed.topic)],
    ['stance', (d) => addStance(d, 'ultimatum')],
    ['delete document', (d) => deleteDocument(d, seed.doc)],
  ];
  for (const [label, mutate] of steps) {
    const { state, step: recorded } = applyChange(nb, mutate, label);
    assert.ok(recorded, `${label} changed something`);
    history.record(recorded);
    check('change', nb, state, label);
    nb = state;
  }
  for (let i = 0; i < steps.length; i++) {
    const undone = history.undo(nb)!;
    check('undo', nb, undone.state, `undo ${undone.step.label}`);
    nb = undone.state;
  }
  for (let i = 0; i < steps.length; i++) {
    const redone = history.redo(nb)!;
    check('redo', nb, redone.state, `redo ${redone.step.label}`);
    nb = redone.state;
  }
});
