// Written for the counts kept beside a frozen list of annotations (main/core/annotation-counts.ts): through many
// steps, undo and redo, each carried from the step before it by notebookChange, the documents', topics' and
// parties' counts the lists show stay equal to a count made afresh, one highlight at a time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emptyNotebook, type Notebook } from '../../../shared/model';
import { carryCounts, countAnnotations } from '../../../main/core/annotation-counts';
import { importPlainText } from '../../../main/core/import-text';
import {
  addDocuments,
  addTopicToAnnotations,
  createAnnotation,
  createTopic,
  deleteAnnotation,
  deleteDocument,
  listDocuments,
  listTopics,
  updateAnnotation,
} from '../../../main/core/notebook';
import { notebookChange } from '../../../main/core/notebook-change';
import { createParty, deleteParty, listParties } from '../../../main/core/parties';
import { applyChange, freezeState, UndoHistory } from '../../../main/storage/history';
import { seededRandom } from '../../../scripts/seeded-random';

const T0 = new Date('2026-04-01T09:00:00.000Z');
const HISTORY = { canUndo: true, canRedo: false, undoLabel: null, redoLabel: null };
const TEXT = Array.from({ length: 40 }, (_, i) => `Sentence ${i} of a text written for this test.`).join(' ');

/** The counts made afresh, the plain way: every highlight, every topic it names once, its party. */
function fresh(nb: Notebook) {
  const documents = new Map<string, number>();
  const topics = new Map<string, number>();
  const parties = new Map<string, number>();
  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  for (const a of nb.annotations) {
    bump(documents, a.documentId);
    for (const id of new Set(a.topicIds)) bump(topics, id);
    if (a.partyId) bump(parties, a.partyId);
  }
  return {
    documents: nb.documents.map((d) => [d.id, documents.get(d.id) ?? 0]),
    topics: nb.topics.map((t) => [t.id, topics.get(t.id) ?? 0]),
    parties: nb.parties.map((p) => [p.id, parties.get(p.id) ?? 0]),
  };
}

function shown(nb: Notebook) {
  const byId = <T extends { id: string }>(list: T[], count: (item: T) => number) =>
    list.map((item) => [item.id, count(item)]).sort((x, y) => String(x[0]).localeCompare(String(y[0])));
  return {
    documents: byId(listDocuments(nb), (d) => d.annotationCount),
    topics: byId(listTopics(nb), (t) => t.count),
    parties: byId(listParties(nb), (p) => p.count),
  };
}

function sortedFresh(nb: Notebook) {
  const f = fresh(nb);
  const sort = (list: Array<Array<string | number>>) =>
    [...list].sort((x, y) => String(x[0]).localeCompare(String(y[0])));
  return { documents: sort(f.documents), topics: sort(f.topics), parties: sort(f.parties) };
}

test('counts carried from step to step, through undo and redo, equal counts made afresh', () => {
  const random = seededRandom(13);
  const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(random() * items.length)];
  let nb = freezeState(emptyNotebook());
  const history = new UndoHistory();
  const advance = (next: Notebook, kind: 'change' | 'undo' | 'redo', label: string) => {
    notebookChange({ revision: 1, kind, label, history: HISTORY, before: nb, after: next });
    nb = next;
    assert.deepEqual(shown(nb), sortedFresh(nb), `after ${kind} ${label}`);
  };
  const change = (label: string, mutate: (d: Notebook) => unknown) => {
    const { state, step } = applyChange(nb, mutate, label);
    if (!step) return;
    history.record(step);
    advance(state, 'change', label);
  };
  change('documents', (d) => addDocuments(d, [importPlainText(TEXT, {}), importPlainText(TEXT, {})], T0));
  change('topics', (d) => ['a', 'b', 'c'].forEach((path) => createTopic(d, { path })));
  change('parties', (d) => ['North', 'South'].forEach((name) => createParty(d, { name })));
  for (let i = 0; i < 150; i++) {
    const r = random();
    const doc = pick(nb.documents);
    const topic = pick(nb.topics)?.id;
    const annotation = pick(nb.annotations);
    if (r < 0.4 && doc) {
      const start = Math.floor(random() * 1500);
      change('highlight', (d) =>
        createAnnotation(
          d,
          {
            documentId: doc.id,
            start,
            end: start + 10,
            // Sometimes the same topic twice, as a caller might send it.
            topicIds: topic ? (random() < 0.2 ? [topic, topic] : [topic]) : [],
            note: '',
            partyId: random() < 0.5 ? (pick(nb.parties)?.id ?? null) : null,
          },
          T0,
        ),
      );
    } else if (r < 0.55 && annotation) {
      change('edit', (d) =>
        updateAnnotation(
          d,
          { id: annotation.id, topicIds: topic ? [topic] : [], partyId: pick(nb.parties)?.id ?? null },
          T0,
        ),
      );
    } else if (r < 0.65 && annotation && topic) {
      change('topic on some', (d) =>
        addTopicToAnnotations(d, { annotationIds: [annotation.id], topicId: topic }, T0),
      );
    } else if (r < 0.75 && annotation) {
      change('delete', (d) => deleteAnnotation(d, annotation.id));
    } else if (r < 0.78 && nb.parties.length > 1) {
      change('delete party', (d) => deleteParty(d, nb.parties[0]!.id));
    } else if (r < 0.8 && doc && nb.documents.length > 1) {
      change('delete document', (d) => deleteDocument(d, doc.id));
    } else if (r < 0.9) {
      const undone = history.undo(nb);
      if (undone) advance(undone.state, 'undo', undone.step.label);
    } else {
      const redone = history.redo(nb);
      if (redone) advance(redone.state, 'redo', redone.step.label);
    }
  }
  assert.ok(nb.annotations.length > 10, `${nb.annotations.length} highlights at the end`);
});

test('a list that can still change is counted afresh each time, never from what was kept', () => {
  const nb = freezeState(emptyNotebook());
  const { state } = applyChange(nb, (d) => {
    const [doc] = addDocuments(d, [importPlainText(TEXT, {})], T0);
    createAnnotation(d, { documentId: doc!.id, start: 0, end: 8, topicIds: [], note: '' }, T0);
  });
  const open = [...state.annotations];
  assert.equal(countAnnotations(open).documents.get(state.documents[0]!.id), 1);
  open.push({ ...state.annotations[0]!, id: 'another' });
  assert.equal(countAnnotations(open).documents.get(state.documents[0]!.id), 2);
  // Nor is anything carried onto such a list.
  carryCounts(state.annotations, open, [], [open[1]!, open[1]!]);
  assert.equal(countAnnotations(open).documents.get(state.documents[0]!.id), 2);
});
