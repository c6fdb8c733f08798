// Durability observed, not assumed: a spy on every file handle's fsync and fdatasync records which file or folder
// was synced (its path read from /proc/self/fd), in order with the moment the store reports a save done. A whole
// write must sync its temp file, then the folder its rename changed, before the save is reported; a journal append
// must sync the journal; a new journal must be synced and its folder too. Linux only (it reads /proc).
import { afterEach, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readlinkSync } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { openNotebookStore } from '../../../main/storage/notebook-store';
import type { Topic } from '../../../shared/model';

const canSee = existsSync('/proc/self/fd');
const skip = canSee ? false : 'this system has no /proc/self/fd to tell which file a handle syncs';

interface Event {
  what: 'sync' | 'datasync' | 'saved';
  path: string;
}

let dir: string;
let path: string;
let events: Event[] = [];
let restore: () => void = () => undefined;

/** Wraps FileHandle's sync and datasync to note which path each one synced. */
async function spyOnSyncs(): Promise<() => void> {
  const probe = await open(tmpdir(), 'r');
  const proto = Object.getPrototypeOf(probe) as {
    sync: (this: { fd: number }) => Promise<void>;
    datasync: (this: { fd: number }) => Promise<void>;
  };
  await probe.close();
  const { sync, datasync } = proto;
  const note = (what: 'sync' | 'datasync', fd: number) => {
    let target = `fd ${fd}`;
    try {
      target = readlinkSync(`/proc/self/fd/${fd}`);
    } catch {
      // Left as the descriptor's number.
    }
    events.push({ what, path: target });
  };
  proto.sync = function (this: { fd: number }) {
    note('sync', this.fd);
    return sync.call(this);
  };
  proto.datasync = function (this: { fd: number }) {
    note('datasync', this.fd);
    return datasync.call(this);
  };
  return () => {
    proto.sync = sync;
    proto.datasync = datasync;
  };
}

function topic(n: number): Topic {
  return { id: `t${n}`, path: `topic/${n}`, colour: '#cc6600', description: '' };
}

/** The index of the first event after `from` that matches, or -1. */
function find(from: number, test: (event: Event) => boolean): number {
  for (let i = from; i < events.length; i++) if (test(events[i]!)) return i;
  return -1;
}

const isTempOf = (target: string) => (event: Event) =>
  event.what === 'sync' &&
  basename(event.path).startsWith(`${basename(target)}.`) &&
  event.path.endsWith('.tmp');
const isFolder = (event: Event) => event.what === 'sync' && event.path === dir;
const isSaved = (event: Event) => event.what === 'saved';

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'parley-durable-'));
  path = join(dir, 'notebook.json');
  events = [];
  if (canSee) restore = await spyOnSyncs();
});

afterEach(async () => {
  restore();
  await rm(dir, { recursive: true, force: true });
});

describe('a save is reported only once it is on disk', { skip }, () => {
  test('a whole write: the temp file, then the folder, are synced before the save is reported', async () => {
    const store = await openNotebookStore(path, { debounceMs: 0 });
    events = [];
    store.change((nb) => nb.topics.push(topic(1)));
    await store.checkpoint();
    events.push({ what: 'saved', path });
    const file = find(0, isTempOf(path));
    assert.ok(file >= 0, `the notebook's temp file was synced: ${JSON.stringify(events)}`);
    const folder = find(file + 1, isFolder);
    const journal = find(file + 1, isTempOf(`${path}.journal`));
    assert.ok(folder > file, `the folder was synced after the file: ${JSON.stringify(events)}`);
    assert.ok(journal < 0 || folder < journal, 'the folder was synced before the new journal was begun');
    assert.ok(find(0, isSaved) > folder, 'before the save was reported');
    await store.close();
  });

  test('a journal append: the journal is synced before the save is reported', async () => {
    const store = await openNotebookStore(path, { debounceMs: 0 });
    events = [];
    store.change((nb) => nb.topics.push(topic(1)));
    await store.flush();
    events.push({ what: 'saved', path });
    const journal = find(
      0,
      (event) => (event.what === 'datasync' || event.what === 'sync') && event.path === `${path}.journal`,
    );
    assert.ok(journal >= 0, `the journal was synced: ${JSON.stringify(events)}`);
    assert.ok(find(0, isSaved) > journal, 'before the save was reported');
    assert.equal(find(0, isTempOf(path)), -1, 'and the notebook was not written whole');
    await store.close();
  });

  test('a new journal: its temp file, then the folder its rename changed, are synced before it is used', async () => {
    const store = await openNotebookStore(path, { debounceMs: 0 });
    events = [];
    store.change((nb) => nb.topics.push(topic(1)));
    await store.checkpoint();
    events.push({ what: 'saved', path });
    const journal = find(0, isTempOf(`${path}.journal`));
    assert.ok(journal >= 0, `the new journal was synced: ${JSON.stringify(events)}`);
    const folder = find(journal + 1, isFolder);
    assert.ok(folder > journal, `then the folder: ${JSON.stringify(events)}`);
    assert.ok(find(0, isSaved) > folder, 'before the save was reported');
    await store.close();
  });
});
