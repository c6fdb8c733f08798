// Written for this project: events through the store. Grouping, changing and deleting are one call each, said in
// the notice (a deletion with its Undo); the accounts view reads the alignment and each account's text once, even
// while the steps its reads cause arrive; a highlight's "also in" is asked once while nothing changed; an export
// with no event named takes the one in view, or asks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AccountsAlignment, NotebookChange, ParleyEvent } from '../../../../shared/contract';
import { annotation, change, history } from '../fixtures';
import { settle, started } from '../stand-in';

const talks: ParleyEvent = {
  id: 'e1',
  name: 'Talks in Moscow',
  date: '2009-11-02',
  documentIds: ['d1', 'd2'],
  createdAt: '2026-01-01T00:00:00.000Z',
};

const aligned = (event: ParleyEvent): AccountsAlignment => ({
  event,
  accounts: event.documentIds.map((documentId) => ({ documentId, title: documentId, label: documentId })),
  rows: [],
  omissions: event.documentIds.map(() => []),
});

/** The step main sends after a change to the events. */
const eventsStep = (revision: number, events: ParleyEvent[], label = 'Group accounts'): NotebookChange =>
  change(revision, { label, events });

test('grouping is one call; its step lists the event; the notice says what was grouped', async () => {
  const { store, calls, emit } = await started({
    createEvent: (args) => {
      emit('notebookChanged', eventsStep(6, [talks]));
      return { ...talks, ...(args as object) };
    },
  });
  calls.length = 0;
  const made = await store.createEvent({
    name: 'Talks in Moscow',
    date: '2009-11-02',
    documentIds: ['d1', 'd2'],
  });
  assert.equal(made.id, 'e1');
  assert.deepEqual(calls, ['createEvent']);
  assert.deepEqual(store.get().notebook.events, [talks]);
  assert.equal(store.get().ui.message, 'Grouped 2 accounts as “Talks in Moscow”.');
});

test('a refused grouping is thrown for the dialog to show, and changes nothing', async () => {
  const { store } = await started({
    createEvent: () => {
      throw new Error('A document is an account of an event at most once.');
    },
  });
  await assert.rejects(store.createEvent({ name: 'Twice', documentIds: ['d1', 'd1'] }), /at most once/);
  assert.deepEqual(store.get().notebook.events, []);
  assert.equal(store.get().ui.message, '');
});

test('deleting an event offers Undo in the notice', async () => {
  const { store, emit, calls } = await started({
    deleteEvent: () => {
      emit(
        'notebookChanged',
        change(7, { label: 'Delete event', events: [], history: history('Undo Delete event') }),
      );
      return { id: 'e1' };
    },
  });
  emit('notebookChanged', eventsStep(6, [talks]));
  calls.length = 0;
  assert.equal(await store.deleteEvent('e1'), true);
  assert.deepEqual(calls, ['deleteEvent']);
  assert.deepEqual(store.get().notebook.events, []);
  assert.equal(store.get().ui.message, 'Deleted the event “Talks in Moscow”.');
  assert.equal(store.get().ui.undoOffer, 'Deleted the event “Talks in Moscow”.');
});

test("the accounts view reads the alignment and each account's text once, though reading notes an opening", async () => {
  let revision = 5;
  const sent: { emit?: (event: string, payload: unknown) => void } = {};
  const fake = await started({
    alignAccounts: () => aligned(talks),
    // Reading a document notes its opening: a bookkeeping step, sent before the answer.
    openDocument: (args) => {
      const { id } = args as { id: string };
      sent.emit?.('notebookChanged', { ...change(++revision), kind: 'bookkeeping', label: null });
      return {
        document: { id, title: id, text: `text of ${id}`, blocks: [], openedAt: 'now', note: '' },
        annotations: [annotation(`${id}-a`, id)],
        needsReview: [],
      };
    },
  });
  const { store, calls, emit } = fake;
  sent.emit = emit;
  emit('notebookChanged', eventsStep(++revision, [talks]));
  const stamp = store.get().accounts.stamp;
  calls.length = 0;
  store.showAccounts('e1');
  assert.equal(store.get().ui.view, 'accounts');
  // Two reads at once (the view asked twice): one read of the account that is not open.
  await Promise.all([store.loadAlignment(), store.loadAlignment()]);
  await settle();
  assert.deepEqual(
    calls.filter((c) => c === 'openDocument'),
    ['openDocument'],
  );
  const { accounts } = store.get();
  assert.deepEqual([...accounts.texts.keys()].sort(), ['d1', 'd2']);
  assert.equal(accounts.texts.get('d2')?.text, 'text of d2');
  assert.equal(accounts.alignment?.event.id, 'e1');
  // Bookkeeping steps do not ask for the alignment again.
  assert.equal(accounts.stamp, stamp);

  // A step that changed an account's record has its text read again; the stamp asks for the alignment again.
  emit('notebookChanged', change(++revision, { label: 'Import new version', changedDocuments: ['d2'] }));
  assert.equal(store.get().accounts.texts.has('d2'), false);
  assert.equal(store.get().accounts.stamp, stamp + 1);
  calls.length = 0;
  await store.loadAlignment();
  assert.deepEqual(calls.sort(), ['alignAccounts', 'openDocument']);
});

test("a highlight's also-in is asked once while the events stay as they are, and again after they change", async () => {
  let asked = 0;
  const { store, emit } = await started({
    alsoIn: () => {
      asked++;
      return [];
    },
  });
  emit('notebookChanged', eventsStep(6, [talks]));
  const highlight = annotation('a1', 'd1', 10, 20);
  await store.alsoIn(highlight);
  await store.alsoIn(highlight);
  assert.equal(asked, 1);
  emit('notebookChanged', eventsStep(7, [{ ...talks, name: 'Renamed' }], 'Change event'));
  await store.alsoIn(highlight);
  assert.equal(asked, 2);
  // An edited highlight is asked about again.
  await store.alsoIn({ ...highlight, updatedAt: '2026-02-02T00:00:00.000Z' });
  assert.equal(asked, 3);
});

test('opening an also-in shows the accounts view at that place, with its differences', async () => {
  const { store } = await started();
  const parts = [{ kind: 'same' as const, text: 'out of the question' }];
  store.openAlsoIn(
    {
      eventId: 'e1',
      documentId: 'd2',
      label: 'FCO',
      place: '¶4',
      start: 40,
      end: 59,
      quote: 'out of the question',
      wording: 'same',
      parts,
    },
    'RT',
  );
  const { ui, accounts } = store.get();
  assert.equal(ui.view, 'accounts');
  assert.equal(accounts.eventId, 'e1');
  assert.deepEqual(accounts.focus, { documentId: 'd2', start: 40, end: 59, parts, from: 'RT' });
});

test('an export with no event named takes the one in view, the only one, or none (the reader chooses)', async () => {
  const { store, emit } = await started({ saveAccountsMarkdown: () => ({ path: '/tmp/talks.md' }) });
  assert.equal(store.eventInView(), null);
  emit('notebookChanged', eventsStep(6, [talks]));
  assert.equal(store.eventInView(), 'e1');
  const other = { ...talks, id: 'e2', name: 'Other' };
  emit('notebookChanged', eventsStep(7, [talks, other]));
  assert.equal(store.eventInView(), null);
  store.showAccounts('e2');
  assert.equal(store.eventInView(), 'e2');
  await store.exportAccounts('e2');
  assert.equal(store.get().ui.message, 'Exported the accounts of “Other” to /tmp/talks.md');
  assert.equal(store.get().ui.exportBusy, false);
});
