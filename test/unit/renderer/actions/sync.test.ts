// Written for this project: team sync through the store. Main's syncStatus event is kept as it comes; a call's reply
// older than an event that came meanwhile is not shown over it; the conflicts are read when their count moves (and
// on every status while their panel is open), the latest read kept; sharing with a name sets the name first; the
// commands say when sync is off instead of calling; and the status bar's words for each state.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SyncConflict, SyncStatus } from '../../../../shared/contract';
import {
  initialSync,
  lastSyncedText,
  receiveStatus,
  serverProblem,
  statusLine,
  SYNC_OFF,
} from '../../../../renderer/state/sync';
import { settle, started } from '../stand-in';

const on = (patch: Partial<SyncStatus> = {}): SyncStatus => ({
  phase: 'synced',
  server: 'ws://127.0.0.1:4000',
  link: 'automerge:x',
  conflicts: 0,
  lastSynced: '2026-12-06T14:02:00.000Z',
  ...patch,
});

const conflict = (id: string): SyncConflict => ({
  id,
  kind: 'field',
  title: `Topic “${id}”: name`,
  values: [
    { text: 'a', author: 'Ana', shown: true },
    { text: 'b', author: 'Boris', shown: false },
  ],
});

const syncDefaults = {
  syncStatus: () => SYNC_OFF,
  preferences: () => ({ authorName: '' }),
};

test('the status bar: nothing while off; a word for each state, and what the pointer learns', () => {
  assert.equal(statusLine(SYNC_OFF), null);
  assert.equal(statusLine(on())?.label, 'Synced');
  assert.match(statusLine(on())!.detail, /^Last synced 6 December 2026, \d\d:\d\d$/);
  assert.equal(lastSyncedText(null), 'Not synced yet');
  assert.deepEqual(statusLine(on({ phase: 'syncing' })), {
    label: 'Syncing…',
    detail: 'With ws://127.0.0.1:4000',
  });
  assert.deepEqual(statusLine(on({ phase: 'offline', message: 'No route.' })), {
    label: 'Offline',
    detail: 'No route.',
  });
  assert.deepEqual(statusLine(on({ phase: 'refused', message: 'Wrong token.' })), {
    label: 'Refused',
    detail: 'Wrong token.',
  });
});

test('a status asks for the conflicts again only when their count moves', () => {
  assert.equal(receiveStatus(initialSync, on()).reread, false);
  assert.equal(receiveStatus(initialSync, on({ conflicts: 2 })).reread, true);
  const held = { ...initialSync, conflicts: [conflict('x'), conflict('y')] };
  assert.equal(receiveStatus(held, on({ conflicts: 2 })).reread, false);
  assert.equal(receiveStatus(held, on({ conflicts: 1 })).reread, true);
});

test('a server address is checked as the contract checks it', () => {
  assert.match(serverProblem('')!, /Give the address/);
  assert.match(serverProblem('sync.example.org')!, /starts ws:\/\//);
  assert.match(serverProblem('ftp://sync.example.org')!, /starts ws:\/\//);
  for (const fine of ['ws://127.0.0.1:4000', 'wss://sync.example.org', ' https://x.org/sync ', 'HTTP://x']) {
    assert.equal(serverProblem(fine), null, fine);
  }
});

test('main’s status is kept as it comes, and the conflicts are read when their count moves', async () => {
  let list: SyncConflict[] = [];
  const { store, calls, emit } = await started({
    ...syncDefaults,
    syncConflicts: () => list,
  });
  store.startSync();
  await settle();
  assert.deepEqual(store.get().sync.status, SYNC_OFF);
  assert.deepEqual(store.get().sync.preferences, { authorName: '' });
  calls.length = 0;

  emit('syncStatus', on());
  await settle();
  assert.equal(store.get().sync.status.phase, 'synced');
  assert.deepEqual(calls, [], 'no conflicts to read');

  list = [conflict('x'), conflict('y')];
  emit('syncStatus', on({ conflicts: 2 }));
  await settle();
  assert.deepEqual(calls, ['syncConflicts']);
  assert.deepEqual(
    store.get().sync.conflicts?.map((c) => c.id),
    ['x', 'y'],
  );
  emit('syncStatus', on({ phase: 'syncing', conflicts: 2 }));
  await settle();
  assert.deepEqual(calls, ['syncConflicts'], 'the same count: not read again');
  // While the panel is open, every status reads them again (a value changed, say).
  store.patchUi({ panel: 'conflicts' });
  emit('syncStatus', on({ conflicts: 2 }));
  await settle();
  assert.deepEqual(calls, ['syncConflicts', 'syncConflicts']);
});

test('a call’s reply older than an event that came meanwhile is not shown over it', async () => {
  let answer!: (status: SyncStatus) => void;
  const { store, emit } = await started({
    ...syncDefaults,
    syncNow: () => new Promise<SyncStatus>((resolve) => (answer = resolve)),
  });
  store.startSync();
  await settle();
  emit('syncStatus', on({ phase: 'offline', message: 'Unreachable.' }));
  const running = store.syncNow();
  await settle();
  emit('syncStatus', on({ phase: 'synced', lastSynced: '2026-12-06T15:00:00.000Z' }));
  answer(on({ phase: 'syncing' }));
  await running;
  assert.equal(store.get().sync.status.phase, 'synced');
});

test('sharing with a name sets the name first; a refusal is thrown for the dialog and the status stays', async () => {
  const { store, calls } = await started({
    ...syncDefaults,
    setAuthorName: (args) => ({ authorName: (args as { name: string }).name }),
    shareNotebook: (args) => {
      const { server, token } = args as { server: string; token: string };
      if (token === 'wrong') throw new Error('The sync server refused the team token.');
      return on({ server });
    },
  });
  store.startSync();
  await settle();
  calls.length = 0;
  await assert.rejects(
    store.shareNotebook({ server: 'ws://127.0.0.1:4000', token: 'wrong', authorName: 'Ana' }),
    /refused the team token/,
  );
  assert.deepEqual(store.get().sync.status, SYNC_OFF);
  const status = await store.shareNotebook({ server: ' ws://127.0.0.1:4000 ', token: ' t ' });
  assert.equal(status.link, 'automerge:x');
  assert.deepEqual(calls, ['setAuthorName', 'shareNotebook', 'shareNotebook']);
  assert.deepEqual(store.get().sync.preferences, { authorName: 'Ana' });
  assert.equal(store.get().sync.status.phase, 'synced');
});

test('Sync Now while sync is off says so and calls nothing; a conflict settled reads the list again', async () => {
  let list = [conflict('x')];
  const { store, calls } = await started({
    ...syncDefaults,
    syncConflicts: () => list,
    resolveSyncConflict: (args) => {
      const { id, choice } = args as { id: string; choice: number };
      assert.deepEqual([id, choice], ['x', 1]);
      list = [];
      return on();
    },
  });
  store.startSync();
  await settle();
  calls.length = 0;
  await store.syncNow();
  assert.deepEqual(calls, []);
  assert.match(store.get().ui.message, /^Sync is off: share this notebook/);

  assert.equal(await store.resolveConflict('x', 1), true);
  assert.deepEqual(calls, ['resolveSyncConflict', 'syncConflicts']);
  assert.deepEqual(store.get().sync.conflicts, []);
});
