// Written for joining a shared notebook from the window: main asks where to save the copy, refuses the notebook open
// now and any file already there (a copy is never made over a file), has sync make the copy, and only once the
// reply has gone opens the new notebook in place of this one. Sync here is a double that records what it is asked
// (the engine's own join is tested with the engine); the gate, the schema and the handler are the real ones.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, test } from 'node:test';
import { dispatch } from '../../../main/ipc/dispatch';
import { createHandlers, type Dialogs } from '../../../main/ipc/handlers';
import { syncOff, type SyncApi } from '../../../main/sync/types';
import { openNotebookStore, type NotebookStore } from '../../../main/storage/notebook-store';
import { calls } from '../../../shared/contract';

const LINK = 'automerge:4MQy4ed5stNqcHb5yp8vFytj1eXB';
let dir = '';
let store: NotebookStore;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'parley-join-'));
  store = await openNotebookStore(join(dir, 'notebook.json'), { debounceMs: 1 });
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

/** A sync double: every join recorded, each made as a file so the test sees it happened. */
function recordingSync(joined: string[][]): SyncApi {
  return {
    status: syncOff,
    onStatus: () => () => {},
    share: async () => syncOff(),
    syncNow: async () => syncOff(),
    stop: async () => syncOff(),
    conflicts: () => [],
    resolve: () => syncOff(),
    join: async (link, server, token, path) => {
      joined.push([link, server, token, path]);
      await writeFile(path, '{}');
    },
    close: async () => {},
  };
}

function table(answer: string | null, joined: string[][], opened: string[]) {
  const dialogs = { chooseNotebookPath: async () => answer } as unknown as Dialogs;
  return createHandlers({
    store,
    dialogs,
    appVersion: '0.0.0-test',
    sync: recordingSync(joined),
    openNotebook: (path) => opened.push(path),
  });
}

const args = { link: LINK, server: 'ws://127.0.0.1:9', token: 'team-token' };

test('the copy is made where the user chose, then that notebook is opened, after the reply', async () => {
  const joined: string[][] = [];
  const opened: string[] = [];
  const path = join(dir, 'shared.json');
  const envelope = await dispatch(table(path, joined, opened), calls.joinNotebook.channel, args);
  assert.deepEqual(envelope, { ok: true, value: { path } });
  assert.deepEqual(joined, [[LINK, 'ws://127.0.0.1:9', 'team-token', path]]);
  assert.deepEqual(opened, [], 'not before the reply');
  await new Promise((done) => setImmediate(done));
  assert.deepEqual(opened, [path]);
});

test('cancelled: nothing is made and nothing opens', async () => {
  const joined: string[][] = [];
  const opened: string[] = [];
  const envelope = await dispatch(table(null, joined, opened), calls.joinNotebook.channel, args);
  assert.deepEqual(envelope, { ok: true, value: null });
  await new Promise((done) => setImmediate(done));
  assert.deepEqual([joined, opened], [[], []]);
});

test('the notebook open now, or a file already there, is refused in words and nothing is made', async () => {
  const existing = join(dir, 'mine.json');
  await writeFile(existing, 'kept as it is');
  for (const [path, words] of [
    [store.path, /notebook open now/],
    [existing, /mine\.json already exists/],
  ] as const) {
    const joined: string[][] = [];
    const opened: string[] = [];
    const envelope = await dispatch(table(path, joined, opened), calls.joinNotebook.channel, args);
    assert.equal(envelope.ok, false);
    assert.match(envelope.ok ? '' : envelope.error.message, words);
    await new Promise((done) => setImmediate(done));
    assert.deepEqual([joined, opened], [[], []]);
  }
});
