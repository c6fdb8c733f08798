// Written for this project: the renderer's store over a stand-in API that records every call: it starts from one
// snapshot, makes one call per action and takes the rest from notebookChanged events (in order, a gap loading
// again, steps held while the snapshot is read), reads the open document again only when its record changed,
// opens another when it is gone, and accepts all suggestions in one call.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ParleyApi } from '../../../shared/contract';
import { createStore } from '../../../renderer/state/store';
import * as nb from '../../../renderer/state/notebook';
import type { OpenedDocument } from '../../../renderer/types';
import { annotation, change, history, snapshot, topic } from './fixtures';

type Handler = (args: unknown) => unknown;

function standIn(handlers: Record<string, Handler> = {}) {
  const calls: string[] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const opened = (id: string): OpenedDocument =>
    ({
      document: { id, title: id, text: 'some text', openedAt: 'now', note: '' },
      annotations: [annotation(`${id}-a`, id)],
      needsReview: [],
    }) as unknown as OpenedDocument;
  const defaults: Record<string, Handler> = {
    loadNotebook: () => snapshot(5),
    saveState: () => ({ status: 'saved' }),
    openDocument: (args) => opened((args as { id: string }).id),
    rendererReady: () => undefined,
  };
  const api = new Proxy({} as ParleyApi, {
    get(_target, name: string) {
      if (name.startsWith('on')) {
        const event = name[2]!.toLowerCase() + name.slice(3);
        return (listener: (payload: unknown) => void) => {
          const set = listeners.get(event) ?? new Set();
          listeners.set(event, set);
          set.add(listener);
          return () => set.delete(listener);
        };
      }
      return async (args: unknown) => {
        calls.push(name);
        const handler = handlers[name] ?? defaults[name];
        if (!handler) throw new Error(`no stand-in for ${name}`);
        return handler(args);
      };
    },
  });
  const emit = (event: string, payload: unknown) => {
    for (const listener of listeners.get(event) ?? []) listener(payload);
  };
  return { api, calls, emit };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

async function started(handlers: Record<string, Handler> = {}) {
  const fake = standIn(handlers);
  const store = createStore(fake.api, { maxImportBytes: 1000 });
  store.start((docs) => docs[0]);
  await settle();
  await settle();
  return { ...fake, store };
}

test('it starts from one snapshot, opens the first document and says it is ready', async () => {
  const { store, calls } = await started();
  assert.deepEqual([...calls].sort(), ['loadNotebook', 'openDocument', 'rendererReady', 'saveState']);
  assert.equal(store.get().open.document?.id, 'd1');
  assert.equal(store.get().ui.loading, false);
});

test('a highlight saved is one call; its event brings the counts and history', async () => {
  const saved = annotation('new', 'd1', 0, 4);
  const { store, calls, emit } = await started({ createAnnotation: () => saved });
  calls.length = 0;
  store.patchUi({
    editor: { mode: 'create', documentId: 'd1', span: { start: 0, end: 4 }, quote: 'some', anchor: null },
  });
  await store.saveHighlight({ topicIds: [], note: '', partyId: null, stance: null });
  emit(
    'notebookChanged',
    change(6, {
      topics: [topic('t1', 'iran', 3)],
      annotations: { upserted: [saved], removed: [], needsReview: [] },
    }),
  );
  await settle();
  assert.deepEqual(calls, ['createAnnotation']);
  const state = store.get();
  assert.equal(state.ui.message, 'Highlight saved.');
  assert.equal(state.ui.editor, null);
  assert.equal(state.notebook.topics[0]?.count, 3);
  assert.equal(state.notebook.history?.undoLabel, 'Undo Highlight');
  assert.equal(nb.documentAnnotations(state.notebook, 'd1').filter((a) => a.id === 'new').length, 1);
});

test('a missed step loads the notebook again and reads the open document', async () => {
  let revision = 5;
  const { store, calls, emit } = await started({
    loadNotebook: () => ({ ...snapshot(revision), topics: [topic('t1', 'iran', revision)] }),
  });
  calls.length = 0;
  revision = 9;
  emit('notebookChanged', change(8));
  await settle();
  await settle();
  assert.deepEqual(calls, ['loadNotebook', 'openDocument']);
  assert.equal(store.get().notebook.revision, 9);
  assert.equal(store.get().notebook.topics[0]?.count, 9);
});

test('steps that arrive while the snapshot is read are applied after it, those it holds skipped', async () => {
  let release: () => void = () => {};
  const waited = new Promise<void>((resolve) => (release = resolve));
  const fake = standIn({ loadNotebook: async () => (await waited, snapshot(5)) });
  const store = createStore(fake.api, { maxImportBytes: 1000 });
  store.start(() => undefined);
  fake.emit('notebookChanged', change(5, { stances: ['stale'] }));
  fake.emit('notebookChanged', change(6, { stances: ['fresh'] }));
  release();
  await settle();
  await settle();
  assert.deepEqual(store.get().notebook.stances, ['fresh']);
  assert.equal(store.get().notebook.revision, 6);
  assert.ok(!fake.calls.includes('openDocument'));
});

test('the open document is read again only when a step changed its record', async () => {
  const { calls, emit } = await started();
  calls.length = 0;
  emit('notebookChanged', change(6, { changedDocuments: ['d2'] }));
  emit('notebookChanged', change(7, { kind: 'bookkeeping', label: null, changedDocuments: ['d1'] }));
  await settle();
  assert.deepEqual(calls, []);
  emit('notebookChanged', change(8, { kind: 'undo', changedDocuments: ['d1'] }));
  await settle();
  assert.deepEqual(calls, ['openDocument']);
});

test('when the open document goes, the first one left opens', async () => {
  const { store, emit } = await started();
  emit('notebookChanged', change(6, { documents: [snapshot().documents[1]!] }));
  await settle();
  await settle();
  assert.equal(store.get().open.document?.id, 'd2');
});

test('accept all is one acceptSuggestions call with the chosen topics', async () => {
  const accepted = [annotation('s1', 'd1'), annotation('s2', 'd1')];
  const asked: unknown[] = [];
  const { store, calls } = await started({
    acceptSuggestions: (args) => (asked.push(args), { annotations: accepted, suggestions: [] }),
  });
  const list = ['k1', 'k2'].map((key) => ({
    key,
    documentId: 'd1',
    start: 0,
    end: 3,
    quote: key,
    partyId: null,
  }));
  store.setSuggestions((s) => ({
    ...s,
    open: true,
    list: list as never,
    pending: new Map([['k2', ['t1']]]),
  }));
  calls.length = 0;
  await store.acceptAllSuggestions();
  assert.deepEqual(calls, ['acceptSuggestions']);
  assert.deepEqual(asked, [
    {
      documentId: 'd1',
      accept: [
        { key: 'k1', topicIds: [] },
        { key: 'k2', topicIds: ['t1'] },
      ],
    },
  ]);
  assert.equal(store.get().ui.message, 'Accepted 2 suggestions.');
  assert.deepEqual(store.get().suggestions.acceptedHere, ['s1', 's2']);
  assert.deepEqual(store.get().suggestions.list, []);
});

test('undo is one call and says what it undid; nothing to undo is said without a call', async () => {
  const { store, calls, emit } = await started({ undo: () => history() });
  calls.length = 0;
  await store.runHistory('undo');
  assert.deepEqual(calls, []);
  assert.equal(store.get().ui.message, 'Nothing to undo.');
  emit('history', history('Undo Delete highlight'));
  await store.runHistory('undo');
  assert.deepEqual(calls, ['undo']);
  assert.equal(store.get().ui.message, 'Undone: Delete highlight.');
});
