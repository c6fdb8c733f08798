// Undo and redo over a real notebook file: every kind of change goes back to exactly the notebook before it and
// forward again, refused or empty changes leave no history, labels name the step, and undo is saved like a change.
import { test, describe, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deleteTopic, mergeTopics, updateTopic } from '../../../main/core/codebook';
import { importPlainText } from '../../../main/core/import-text';
import { linkAnnotations } from '../../../main/core/links';
import type { HistoryState, Notebook } from '../../../shared/model';
import {
  addDocuments,
  addSampleDocument,
  createAnnotation,
  markOpened,
  createTopic,
  deleteAnnotation,
  deleteDocument,
  updateAnnotation,
  updateDocument,
} from '../../../main/core/notebook';
import { dismissSuggestion } from '../../../main/core/suggest';
import { applyChange, detach, UndoHistory } from '../../../main/storage/history';
import {
  openNotebookStore,
  type NotebookStore,
  type StoreCommit,
} from '../../../main/storage/notebook-store';
import { notebookBytesOnDisk } from '../../../main/storage/journal';

const SAMPLE = readFileSync(new URL('../../../assets/sample-miliband-lavrov.txt', import.meta.url), 'utf8');
const T0 = new Date('2026-03-01T09:00:00.000Z');
const T1 = new Date('2026-03-01T10:00:00.000Z');

let dir = '';
let path = '';
const opened: NotebookStore[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'parley-history-'));
  path = join(dir, 'notebook.json');
});
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close().catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
});

async function open(options: { historyLimit?: number } = {}): Promise<NotebookStore> {
  const store = await openNotebookStore(path, { debounceMs: 5, ...options });
  opened.push(store);
  return store;
}

/** The notebook as saved: its file with its journal's changes. */
async function onDisk(): Promise<Notebook> {
  return JSON.parse((await notebookBytesOnDisk(path)).toString('utf8')) as Notebook;
}

function rangeOf(text: string, quote: string): { start: number; end: number } {
  const start = text.indexOf(quote);
  assert.notEqual(start, -1, quote);
  return { start, end: start + quote.length };
}

/**
 * A store holding the sample, three topics (one with a subtopic), two highlights linked across two documents and
 * a dismissed suggestion: enough for every kind of change to touch something.
 */
async function seeded(): Promise<{ store: NotebookStore; ids: Record<string, string> }> {
  const store = await open();
  const ids = store.change((nb) => {
    const doc = addSampleDocument(nb, SAMPLE, T0);
    const [other] = addDocuments(
      nb,
      [importPlainText('Lavrov answered.\n\nMiliband replied at length.', { fileName: 'other.txt' })],
      T0,
    );
    const extradition = createTopic(nb, { path: 'extradition' });
    const iran = createTopic(nb, { path: 'iran' });
    const nuclear = createTopic(nb, { path: 'iran/nuclear' });
    const a = createAnnotation(
      nb,
      {
        documentId: doc.id,
        ...rangeOf(doc.text, 'his extradition to UK is absolutely out of the question'),
        topicIds: [extradition.id, iran.id],
        note: 'Flat *refusal*.',
        partyId: nb.parties[1]!.id,
        stance: 'refusal',
      },
      T0,
    );
    const b = createAnnotation(
      nb,
      {
        documentId: other!.id,
        ...rangeOf(other!.text, 'Miliband replied'),
        topicIds: [nuclear.id],
        note: '',
      },
      T0,
    );
    linkAnnotations(nb, { fromId: b.id, toId: a.id, type: 'answers' }, T0);
    dismissSuggestion(nb, `${doc.id}:0:10`);
    return {
      doc: doc.id,
      other: other!.id,
      extradition: extradition.id,
      iran: iran.id,
      nuclear: nuclear.id,
      a: a.id,
      b: b.id,
    };
  }, 'Set up');
  return { store, ids };
}

/** Makes the change, then checks undo gives back exactly the notebook before it and redo exactly the one after. */
function assertRoundTrip(store: NotebookStore, mutate: (nb: Notebook) => unknown, label: string): Notebook {
  const before = structuredClone(store.data);
  store.change(mutate, label);
  const after = structuredClone(store.data);
  assert.notDeepEqual(after, before, `${label} changed nothing`);
  assert.equal(store.history.undoLabel, `Undo ${label}`);

  const undone = store.undo();
  assert.deepEqual(store.data, before, `undo ${label}`);
  assert.equal(undone.redoLabel, `Redo ${label}`);
  store.redo();
  assert.deepEqual(store.data, after, `redo ${label}`);
  store.undo();
  assert.deepEqual(store.data, before, `undo ${label} again`);
  store.redo();
  return after;
}

describe('undo and redo of every kind of change', () => {
  test('import', async () => {
    const store = await open();
    const after = assertRoundTrip(store, (nb) => addSampleDocument(nb, SAMPLE, T0), 'Import');
    assert.equal(after.documents.length, 1);
    assert.equal(after.parties.length, 2);
  });

  test('create, edit and delete a highlight', async () => {
    const { store, ids } = await seeded();
    const doc = store.data.documents.find((d) => d.id === ids.doc)!;
    assertRoundTrip(
      store,
      (nb) =>
        createAnnotation(
          nb,
          { documentId: ids.doc!, ...rangeOf(doc.text, 'Lugovoy'), topicIds: [ids.extradition!], note: 'x' },
          T1,
        ),
      'Highlight',
    );
    assertRoundTrip(
      store,
      (nb) =>
        updateAnnotation(nb, { id: ids.a!, note: 'Changed.', topicIds: [ids.nuclear!], stance: null }, T1),
      'Edit highlight',
    );
    const after = assertRoundTrip(store, (nb) => deleteAnnotation(nb, ids.a!), 'Delete highlight');
    assert.equal(after.annotations.find((a) => a.id === ids.b)!.links.length, 0);
  });

  test('edit a document and its note', async () => {
    const { store, ids } = await seeded();
    assertRoundTrip(
      store,
      (nb) => updateDocument(nb, { id: ids.doc!, title: 'Renamed', note: '# Mine\n\nA note.' }),
      'Edit document',
    );
  });

  test('rename (with the subtree), merge and delete topics', async () => {
    const { store, ids } = await seeded();
    const renamed = assertRoundTrip(
      store,
      (nb) => updateTopic(nb, { id: ids.iran!, path: 'persia', colour: '#123456' }),
      'Rename topic',
    );
    assert.deepEqual(renamed.topics.map((t) => t.path).sort(), ['extradition', 'persia', 'persia/nuclear']);
    const merged = assertRoundTrip(
      store,
      (nb) => mergeTopics(nb, { fromId: ids.extradition!, intoId: ids.nuclear! }),
      'Merge topics',
    );
    assert.deepEqual(merged.annotations.find((a) => a.id === ids.a)!.topicIds, [ids.nuclear, ids.iran]);
    const deleted = assertRoundTrip(store, (nb) => deleteTopic(nb, ids.iran!), 'Delete topic');
    assert.deepEqual(deleted.annotations.find((a) => a.id === ids.a)!.topicIds, [ids.nuclear]);
  });

  test('delete a document', async () => {
    const { store, ids } = await seeded();
    const after = assertRoundTrip(store, (nb) => deleteDocument(nb, ids.doc!), 'Delete document');
    assert.deepEqual(
      after.documents.map((d) => d.id),
      [ids.other],
    );
    assert.deepEqual(after.dismissedSuggestions, []);
    assert.deepEqual(after.annotations.find((a) => a.id === ids.b)!.links, []);
  });

  test('a chain of changes undoes step by step back to the start and redoes to the end', async () => {
    const { store, ids } = await seeded();
    const states = [structuredClone(store.data)];
    store.change((nb) => updateTopic(nb, { id: ids.iran!, path: 'middle east/iran' }), 'Move topic');
    states.push(structuredClone(store.data));
    store.change((nb) => deleteAnnotation(nb, ids.b!), 'Delete highlight');
    states.push(structuredClone(store.data));
    store.change((nb) => deleteDocument(nb, ids.other!), 'Delete document');
    states.push(structuredClone(store.data));
    for (let i = states.length - 2; i >= 0; i--) {
      store.undo();
      assert.deepEqual(store.data, states[i]);
    }
    store.undo(); // the set-up itself
    assert.equal(store.data.documents.length, 0);
    assert.equal(store.history.canUndo, false);
    store.undo();
    assert.equal(store.data.documents.length, 0, 'undo with nothing to undo does nothing');
    store.redo();
    for (let i = 1; i < states.length; i++) {
      store.redo();
      assert.deepEqual(store.data, states[i]);
    }
    assert.equal(store.history.canRedo, false);
  });
});

describe('what goes into history', () => {
  test('a refused change leaves the data, the history and the save state alone', async () => {
    const { store, ids } = await seeded();
    await store.flush();
    const before = store.data;
    const history = store.history;
    assert.throws(
      () => store.change((nb) => updateTopic(nb, { id: ids.iran!, path: 'extradition' }), 'Rename'),
      {
        code: 'conflict',
      },
    );
    assert.throws(() =>
      store.change((nb) => {
        nb.topics.length = 0;
        throw new Error('half way');
      }),
    );
    assert.equal(store.data, before, 'the very same state');
    assert.deepEqual(store.history, history);
    assert.deepEqual(store.saveState, { status: 'saved' });
  });

  test('a change that changes nothing adds no step and keeps redo', async () => {
    const { store, ids } = await seeded();
    store.change((nb) => deleteTopic(nb, ids.nuclear!), 'Delete topic');
    store.undo();
    const state = store.data;
    const result = store.change((nb) => createTopic(nb, { path: 'Extradition' }), 'Add topic');
    assert.equal(result.id, ids.extradition, 'the existing topic, read after the change');
    store.change((nb) => updateDocument(nb, { id: ids.doc!, title: nb.documents[0]!.title }));
    assert.equal(store.data, state);
    assert.deepEqual(store.history, {
      canUndo: true,
      canRedo: true,
      undoLabel: 'Undo Set up',
      redoLabel: 'Redo Delete topic',
    });
  });

  test('a new change clears redo; a change without a label gets a generic one', async () => {
    const { store, ids } = await seeded();
    store.change((nb) => deleteTopic(nb, ids.nuclear!), 'Delete topic');
    store.undo();
    assert.equal(store.history.canRedo, true);
    store.change((nb) => updateTopic(nb, { id: ids.iran!, description: 'Iran' }));
    assert.deepEqual(store.history, {
      canUndo: true,
      canRedo: false,
      undoLabel: 'Undo Change',
      redoLabel: null,
    });
    store.redo();
    assert.ok(
      store.data.topics.some((t) => t.id === ids.nuclear),
      'redo after a new change does nothing',
    );
  });

  test('bookkeeping outside history is saved, is not undone and does not block undo or redo', async () => {
    const { store, ids } = await seeded();
    store.change((nb) => deleteTopic(nb, ids.nuclear!), 'Delete topic');
    store.undo();
    const history = store.history;
    const heard: HistoryState[] = [];
    const off = store.onHistory((s) => heard.push(s));
    const opened = new Date('2026-03-02T10:00:00.000Z');
    store.changeOutsideHistory((nb) => markOpened(nb, ids.doc!, opened));
    off();
    assert.deepEqual(store.history, history, 'no step recorded, redo kept');
    assert.deepEqual(heard, [], 'history listeners are not told');
    await store.flush();
    assert.equal((await onDisk()).documents[0]!.openedAt, opened.toISOString(), 'saved');

    store.redo();
    assert.ok(!store.data.topics.some((t) => t.id === ids.nuclear), 'redo still works');
    store.undo();
    store.undo();
    assert.equal(store.data.documents.length, 0, 'undo reaches back past it to the start');
    store.redo();
    assert.equal(store.data.documents[0]!.openedAt, '', 'the set-up step redoes as it was recorded');
  });

  test('listeners hear the state after every change, undo and redo, until they unsubscribe', async () => {
    const store = await open();
    const heard: HistoryState[] = [];
    const off = store.onHistory((s) => heard.push(s));
    store.change((nb) => createTopic(nb, { path: 'a' }), 'Add topic');
    store.undo();
    store.redo();
    off();
    store.change((nb) => createTopic(nb, { path: 'b' }), 'Add topic');
    assert.deepEqual(
      heard.map((s) => [s.undoLabel, s.redoLabel]),
      [
        ['Undo Add topic', null],
        [null, 'Redo Add topic'],
        ['Undo Add topic', null],
      ],
    );
  });

  test('history reaches back as far as its limit, dropping the oldest steps', async () => {
    const store = await open({ historyLimit: 3 });
    for (let i = 0; i < 5; i++) store.change((nb) => createTopic(nb, { path: `t${i}` }), `Add t${i}`);
    let undone = 0;
    while (store.history.canUndo) {
      store.undo();
      undone++;
    }
    assert.equal(undone, 3);
    assert.deepEqual(
      store.data.topics.map((t) => t.path),
      ['t0', 't1'],
    );
  });
});

describe('revisions and commit events', () => {
  // Written for the notebookChanged event: the store numbers its committed steps and tells listeners of each.
  test('every step that changed something counts one revision and is heard once, in order', async () => {
    const { store, ids } = await seeded();
    const start = store.revision;
    assert.equal(start, 1, 'the set-up change is the first revision');
    const heard: StoreCommit[] = [];
    const off = store.onCommit((commit) => heard.push(commit));
    const states: Notebook[] = [store.data];
    store.change((nb) => createTopic(nb, { path: 'sanctions' }), 'New topic');
    states.push(store.data);
    store.changeOutsideHistory((nb) => markOpened(nb, ids.doc!, T1));
    states.push(store.data);
    store.undo();
    states.push(store.data);
    store.redo();
    states.push(store.data);
    off();
    store.change((nb) => createTopic(nb, { path: 'unheard' }), 'New topic');

    assert.deepEqual(
      heard.map((c) => [c.revision, c.kind, c.label]),
      [
        [start + 1, 'change', 'New topic'],
        [start + 2, 'bookkeeping', null],
        [start + 3, 'undo', 'New topic'],
        [start + 4, 'redo', 'New topic'],
      ],
    );
    heard.forEach((commit, i) => {
      assert.equal(commit.before, states[i], `step ${i + 1} starts from the state before it`);
      assert.equal(commit.after, states[i + 1], `step ${i + 1} ends at the state after it`);
    });
    assert.deepEqual(
      heard.map((c) => c.history.undoLabel),
      ['Undo New topic', 'Undo New topic', 'Undo Set up', 'Undo New topic'],
    );
    assert.equal(store.revision, start + 5, 'unheard steps still count');
  });

  test('nothing changed, a refused change, and undo or redo with nothing to do are not revisions', async () => {
    const store = await open();
    const heard: StoreCommit[] = [];
    store.onCommit((commit) => heard.push(commit));
    store.undo();
    store.redo();
    store.change(() => undefined, 'Nothing');
    store.changeOutsideHistory(() => undefined);
    assert.throws(() =>
      store.change((nb) => {
        createTopic(nb, { path: 'half' });
        throw new Error('refused');
      }),
    );
    assert.equal(store.revision, 0);
    assert.deepEqual(heard, []);
  });

  test('a listener that throws does not stop the change or the other listeners', async () => {
    const store = await open();
    const heard: number[] = [];
    const errors = console.error;
    console.error = () => {};
    try {
      store.onCommit(() => {
        throw new Error('listener broke');
      });
      store.onCommit((commit) => heard.push(commit.revision));
      store.change((nb) => createTopic(nb, { path: 'a' }), 'New topic');
    } finally {
      console.error = errors;
    }
    assert.deepEqual(heard, [1]);
    assert.equal(store.data.topics.length, 1);
    assert.equal(store.history.undoLabel, 'Undo New topic');
  });
});

describe('state and results', () => {
  test('undo and redo are saved like any change', async () => {
    const { store, ids } = await seeded();
    store.change((nb) => deleteDocument(nb, ids.doc!), 'Delete document');
    await store.flush();
    assert.equal((await onDisk()).documents.length, 1);
    store.undo();
    assert.equal(store.saveState.status, 'saving');
    await store.flush();
    assert.deepEqual(await onDisk(), JSON.parse(JSON.stringify(store.data)));
    assert.equal((await onDisk()).documents.length, 2);
    store.redo();
    await store.close();
    assert.equal((await onDisk()).documents.length, 1);
    assert.throws(() => store.undo(), /closed/);
  });

  test('the data is frozen between changes, from the moment it is opened', async () => {
    const { store } = await seeded();
    await store.close();
    const reopened = await open();
    assert.throws(() => reopened.data.topics.push({ id: 'x', path: 'x', colour: '', description: '' }));
    assert.throws(() => {
      reopened.data.documents[0]!.title = 'Sneaked';
    });
    assert.equal(reopened.data.topics.length, 3);
    assert.equal(reopened.history.canUndo, false, 'history starts when the notebook is opened');
    reopened.change((nb) => createTopic(nb, { path: 'fresh' }));
    assert.throws(() => {
      reopened.data.topics[3]!.path = 'sneaked';
    }, 'what a change adds is frozen too');
    assert.throws(() => reopened.data.topics.pop());
  });

  test('results made of drafts stay readable after the change, and unchanged parts are shared', async () => {
    const { store, ids } = await seeded();
    const edited = store.change((nb) => updateAnnotation(nb, { id: ids.a!, note: 'New note.' }, T1));
    assert.equal(edited.note, 'New note.');
    assert.equal(edited.links.length, 0);
    const docs = store.change((nb) =>
      addDocuments(nb, [importPlainText('One.\n\nTwo.', { fileName: 'one.txt' })], T1),
    );
    assert.equal(docs[0]!.text, 'One.\n\nTwo.');
    const nested = store.change((nb) => ({ topic: nb.topics[0]!, list: [nb.documents[0]!] }));
    assert.equal(nested.topic.path, 'extradition');
    assert.equal(nested.list[0]!.id, ids.doc);

    const before = store.data;
    store.change((nb) => updateTopic(nb, { id: ids.iran!, description: 'Shared?' }));
    assert.equal(store.data.documents, before.documents, 'untouched arrays are the same objects');
    assert.equal(store.data.annotations, before.annotations);
    assert.notEqual(store.data.topics, before.topics);
  });
});

describe('undo keeps sharing', () => {
  test('undoing a deletion puts back the very objects it removed, and leaves the rest shared', async () => {
    const { store, ids } = await seeded();
    const before = store.data;
    store.change((nb) => deleteDocument(nb, ids.doc!), 'Delete document');
    store.undo();
    assert.deepEqual(store.data, before);
    assert.equal(store.data.documents[0], before.documents[0], 'the same document object');
    assert.equal(store.data.annotations[0], before.annotations[0]);
    assert.equal(store.data.parties, before.parties);
  });
});

describe('applyChange, detach and UndoHistory alone', () => {
  test('applyChange leaves the base untouched and its step undoes the change', () => {
    const base = { list: [1, 2, 3], name: 'a' };
    const { state, result, step } = applyChange(base, (draft) => {
      draft.list.length = 1;
      draft.name = 'b';
      return draft.list;
    });
    assert.deepEqual(base, { list: [1, 2, 3], name: 'a' });
    assert.deepEqual(state, { list: [1], name: 'b' });
    assert.deepEqual(result, [1]);
    assert.ok(step && step.patches.length > 0);
    const history = new UndoHistory();
    history.record(step);
    const undone = history.undo(state);
    assert.deepEqual(undone?.state, base);
    assert.equal(history.undo(undone!.state), null);
  });

  test('detach returns values without drafts as they are', () => {
    const value = { a: [1, { b: 2 }] };
    assert.equal(detach(value), value);
    assert.equal(detach('text'), 'text');
    assert.equal(detach(null), null);
  });
});
