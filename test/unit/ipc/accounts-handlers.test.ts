// Written for Parley: the events calls as the window makes them. Creating, editing and deleting an event are one
// undo step each, under their own names; the export is saved where the dialog says, and nowhere when it is
// cancelled.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, test } from 'node:test';
import { createHandlers, type Dialogs } from '../../../main/ipc/handlers';
import { addSampleDocument } from '../../../main/core/notebook';
import { openNotebookStore, type NotebookStore } from '../../../main/storage/notebook-store';

const SAMPLE = readFileSync(new URL('../../../assets/sample-miliband-lavrov.txt', import.meta.url), 'utf8');
const T0 = new Date('2026-05-01T09:00:00.000Z');

let dir = '';
let store: NotebookStore;
let sample = '';

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'parley-events-'));
  store = await openNotebookStore(join(dir, 'notebook.json'), { debounceMs: 5 });
  sample = store.change((nb) => addSampleDocument(nb, SAMPLE, T0).id, 'Set up');
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

function handlers(savePath: string | null = null) {
  const asked: string[] = [];
  const dialogs = {
    chooseExportPath: async (name: string) => {
      asked.push(name);
      return savePath;
    },
  } as unknown as Dialogs;
  return { asked, table: createHandlers({ store, dialogs, appVersion: '0.0.0-test', now: () => T0 }) };
}

test('new, edit and delete event are one undo step each, under their names', async () => {
  const { table } = handlers();
  const other = await table.importDocument({
    fileName: 'wire.txt',
    content: 'Lavrov rules out extradition\n\nLavrov said extraditing Lugovoy was out of the question.',
  });
  const event = await table.createEvent({
    name: 'Talks in Moscow',
    date: '2009-11-02',
    documentIds: [sample, other.id],
  });
  assert.equal(store.history.undoLabel, 'Undo New event');
  assert.deepEqual(await table.listEvents(undefined), [event]);
  await table.updateEvent({ id: event.id, name: 'Moscow talks' });
  assert.equal(store.history.undoLabel, 'Undo Edit event');
  assert.equal(store.data.events[0]!.name, 'Moscow talks');
  await table.deleteEvent({ id: event.id });
  assert.equal(store.history.undoLabel, 'Undo Delete event');
  assert.equal(store.data.events.length, 0);
  await table.undo(undefined);
  assert.equal(store.data.events[0]!.name, 'Moscow talks');
  await table.undo(undefined);
  assert.equal(store.data.events[0]!.name, 'Talks in Moscow');
  await table.undo(undefined);
  assert.deepEqual(store.data.events, []);
});

test('a refused event commits nothing', async () => {
  const { table } = handlers();
  const revision = store.revision;
  await assert.rejects(
    async () => table.createEvent({ name: 'Talks', documentIds: [sample, sample] }),
    /given twice/,
  );
  await assert.rejects(
    async () => table.createEvent({ name: 'Talks', documentIds: [sample] }),
    /at least two/,
  );
  assert.equal(store.revision, revision);
});

test('the accounts export is saved where the dialog says, under the event’s name, and not when cancelled', async () => {
  const path = join(dir, 'talks.md');
  const saving = handlers(path);
  const other = await saving.table.importDocument({
    fileName: 'wire.txt',
    content: 'Lavrov rules out extradition\n\nLavrov said extraditing Lugovoy was out of the question.',
  });
  const event = await saving.table.createEvent({ name: 'Talks in Moscow', documentIds: [sample, other.id] });
  assert.deepEqual(await saving.table.saveAccountsMarkdown({ eventId: event.id }), { path });
  assert.deepEqual(saving.asked, ['talks-in-moscow.md']);
  assert.equal(
    await readFile(path, 'utf8'),
    await saving.table.exportAccountsMarkdown({ eventId: event.id }),
  );
  const cancelled = handlers(null);
  assert.equal(await cancelled.table.saveAccountsMarkdown({ eventId: event.id }), null);
});
