// The notebook store over real temp files: first run, reopening, coalesced writes, save states, and refusing
// (without touching) files it cannot read.
import { test, describe, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Adapter } from 'lowdb';
import { emptyNotebook, SCHEMA_VERSION, type Notebook, type Topic } from '../../../shared/model';
import type { SaveState } from '../../../shared/contract';
import { DurableJsonFile } from '../../../main/storage/durable-file';
import { notebookBytesOnDisk } from '../../../main/storage/journal';
import {
  NotebookFileError,
  openNotebookStore,
  type NotebookStore,
} from '../../../main/storage/notebook-store';

let dir = '';
let path = '';
const opened: NotebookStore[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'parley-store-'));
  path = join(dir, 'notebook.json');
});
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close().catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
});

function topic(n: number): Topic {
  return { id: `t${n}`, path: `topic/${n}`, colour: '#cc6600', description: '' };
}

/** Wraps the real adapter to count writes, watch for overlap, hold a write in flight, and fail on demand. */
class Probe {
  writes = 0;
  inFlight = 0;
  maxInFlight = 0;
  failNext = 0;
  private held: { started: () => void; gate: Promise<void> } | null = null;
  written: Notebook[] = [];

  adapterFor = (p: string): Adapter<Notebook> => {
    const inner = new DurableJsonFile<Notebook>(p);
    return {
      read: () => inner.read(),
      write: async (data: Notebook) => {
        this.writes++;
        this.inFlight++;
        this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
        try {
          if (this.failNext > 0) {
            this.failNext--;
            throw new Error('disk full (simulated)');
          }
          const pending = inner.write(data);
          this.written.push(structuredClone(data));
          const held = this.held;
          if (held) {
            this.held = null;
            held.started();
            await held.gate;
          }
          await pending;
        } finally {
          this.inFlight--;
        }
      },
    };
  };

  /** The next write, once started, waits for release(): a test can act while it is in flight. */
  holdNext(): { started: Promise<void>; release: () => void } {
    let started!: () => void;
    let release!: () => void;
    const begun = new Promise<void>((resolve) => (started = resolve));
    this.held = { started, gate: new Promise<void>((resolve) => (release = resolve)) };
    return { started: begun, release };
  }
}

/** Resolves when the store next says it has saved; fails after five seconds. */
function nextSaved(store: NotebookStore): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error('the store did not save within 5 s'));
    }, 5000);
    const off = store.onSaveState((s) => {
      if (s.status !== 'saved') return;
      clearTimeout(timer);
      off();
      resolve();
    });
  });
}

async function open(probe?: Probe, debounceMs = 20): Promise<NotebookStore> {
  const store = await openNotebookStore(path, {
    debounceMs,
    ...(probe ? { adapterFor: probe.adapterFor } : {}),
  });
  opened.push(store);
  return store;
}

/** The notebook as saved: its file with its journal's changes. */
async function onDisk(): Promise<Notebook> {
  return JSON.parse((await notebookBytesOnDisk(path)).toString('utf8')) as Notebook;
}

describe('opening', () => {
  test('first run creates the folder and an empty notebook; reopening reads it back', async () => {
    path = join(dir, 'deep', 'er', 'notebook.json');
    const first = await open();
    assert.equal(first.created, true);
    assert.deepEqual(first.data, emptyNotebook());
    assert.deepEqual(await onDisk(), emptyNotebook());
    first.change((nb) => nb.topics.push(topic(1)));
    await first.close();

    const second = await open();
    assert.equal(second.created, false);
    assert.deepEqual(second.data.topics, [topic(1)]);
    assert.equal(second.data.schemaVersion, SCHEMA_VERSION);
  });

  test('createIfMissing: false refuses a missing file and creates nothing', async () => {
    await assert.rejects(openNotebookStore(path, { createIfMissing: false }), {
      name: 'NotebookFileError',
      reason: 'unreadable',
    });
    assert.deepEqual(await readdir(dir), []);
  });

  test('stale temp files from a crashed writer do not stop the open and are swept', async () => {
    await writeFile(path, JSON.stringify({ ...emptyNotebook(), topics: [topic(7)] }));
    const dead = Number(
      spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout,
    );
    await writeFile(join(dir, `notebook.json.${dead}-4.tmp`), '{"schemaVersion": 1, "documents": [');
    const store = await open();
    assert.deepEqual(store.data.topics, [topic(7)]);
    // The open store holds the notebook's lock (notebook-lock.ts); the temp file is gone.
    assert.deepEqual((await readdir(dir)).sort(), ['notebook.json', 'notebook.json.lock']);
  });

  const corrupt: Array<{ name: string; bytes: string; reason: NotebookFileError['reason']; says: RegExp }> = [
    {
      name: 'truncated JSON',
      bytes: JSON.stringify({ ...emptyNotebook(), topics: [topic(1)] }).slice(0, 40),
      reason: 'not-json',
      says: /not valid JSON/,
    },
    { name: 'an empty file', bytes: '', reason: 'not-json', says: /not valid JSON/ },
    {
      name: 'not JSON at all',
      bytes: 'icon bookmark-bicon\n2 Nov, 2009 10:22\n',
      reason: 'not-json',
      says: /JSON/,
    },
    {
      name: 'JSON of the wrong shape',
      bytes: JSON.stringify({ ...emptyNotebook(), topics: [{ id: 't1', path: '' }] }),
      reason: 'invalid',
      says: /topics\[0\]/,
    },
    {
      name: 'no schemaVersion',
      bytes: JSON.stringify({ documents: [] }),
      reason: 'invalid',
      says: /schemaVersion/,
    },
    { name: 'a JSON array', bytes: '[]', reason: 'invalid', says: /JSON object/ },
    { name: 'the JSON literal null', bytes: 'null', reason: 'invalid', says: /null/ },
    {
      name: 'a newer schemaVersion',
      bytes: JSON.stringify({ ...emptyNotebook(), schemaVersion: SCHEMA_VERSION + 1 }),
      reason: 'too-new',
      says: /newer version of Parley/,
    },
  ];
  for (const { name, bytes, reason, says } of corrupt) {
    test(`refuses ${name} with reason ${reason} and leaves the bytes alone`, async () => {
      await writeFile(path, bytes);
      const probe = new Probe();
      await assert.rejects(open(probe), (error: unknown) => {
        assert.ok(error instanceof NotebookFileError, String(error));
        assert.equal(error.reason, reason);
        assert.equal(error.path, path);
        assert.ok(error.message.includes(path), error.message);
        assert.match(error.message, says);
        return true;
      });
      assert.equal(probe.writes, 0);
      assert.equal(await readFile(path, 'utf8'), bytes);
      assert.deepEqual(await readdir(dir), ['notebook.json']);
    });
  }

  test('a path that cannot be read as a file is unreadable, and is left alone', async () => {
    await mkdir(path);
    await assert.rejects(open(), { name: 'NotebookFileError', reason: 'unreadable' });
    assert.deepEqual(await readdir(path), []);
  });
});

describe('saving', () => {
  test('a burst of 100 changes becomes a few writes holding the last change', async () => {
    const probe = new Probe();
    const store = await open(probe);
    const afterCreate = probe.writes;
    for (let i = 0; i < 100; i++) store.change((nb) => nb.topics.push(topic(i)));
    await store.flush();
    const burstWrites = probe.writes - afterCreate;
    assert.ok(burstWrites >= 1 && burstWrites <= 2, `${burstWrites} writes for one burst`);
    assert.equal((await onDisk()).topics.length, 100);
  });

  test('the debounce alone saves a burst as one write', async () => {
    const probe = new Probe();
    const store = await open(probe, 30);
    const afterCreate = probe.writes;
    const states: SaveState[] = [];
    store.onSaveState((s) => states.push(s));
    for (let i = 0; i < 50; i++) store.change((nb) => nb.topics.push(topic(i)));
    assert.equal(probe.writes, afterCreate, 'nothing written inside the debounce window');
    await new Promise<void>((resolve) => {
      const off = store.onSaveState((s) => {
        if (s.status === 'saved') {
          off();
          resolve();
        }
      });
    });
    assert.equal(probe.writes - afterCreate, 1);
    assert.equal((await onDisk()).topics.length, 50);
    assert.deepEqual(states, [{ status: 'saving' }, { status: 'saved' }]);
  });

  test('change() returns what mutate returns and applies at once in memory', async () => {
    const store = await open();
    const count = store.change((nb) => nb.topics.push(topic(1)));
    assert.equal(count, 1);
    assert.deepEqual(store.data.topics, [topic(1)]);
  });

  test('a change that changes nothing schedules no write', async () => {
    const probe = new Probe();
    const store = await open(probe, 5);
    store.change((nb) => nb.topics.push(topic(1)));
    await store.flush();
    const writes = probe.writes;
    const count = store.change((nb) => {
      nb.topics[0]!.path = 'topic/1';
      return nb.topics.length;
    });
    assert.equal(count, 1);
    assert.deepEqual(store.saveState, { status: 'saved' });
    // The point is a write that never comes: the 5 ms debounce passes first, then a flush finds nothing to write.
    await new Promise((r) => setTimeout(r, 30));
    await store.flush();
    assert.equal(probe.writes, writes);
  });

  test('each change makes a new state; one read before it still holds the old one', async () => {
    const store = await open();
    store.change((nb) => nb.topics.push(topic(1)));
    const earlier = store.data;
    store.change((nb) => nb.topics.push(topic(2)));
    assert.deepEqual(earlier.topics, [topic(1)]);
    assert.deepEqual(store.data.topics, [topic(1), topic(2)]);
    assert.equal(store.data.topics[0], earlier.topics[0], 'the unchanged topic is shared');
    await store.flush();
    assert.deepEqual((await onDisk()).topics, [topic(1), topic(2)]);
  });

  test('a throwing mutate schedules nothing', async () => {
    const probe = new Probe();
    const store = await open(probe, 5);
    const afterCreate = probe.writes;
    assert.throws(
      () =>
        store.change(() => {
          throw new Error('rejected by the core');
        }),
      /rejected by the core/,
    );
    assert.deepEqual(store.saveState, { status: 'saved' });
    // The point is a write that never comes: the 5 ms debounce passes first, then a flush finds nothing to write.
    await new Promise((r) => setTimeout(r, 30));
    await store.flush();
    assert.equal(probe.writes, afterCreate);
  });

  test('never two writes at once; changes during a write go into the next one; saved only at the end', async () => {
    const probe = new Probe();
    const store = await open(probe, 5);
    const afterCreate = probe.writes;
    const states: SaveState[] = [];
    store.onSaveState((s) => states.push(s));

    const held = probe.holdNext();
    store.change((nb) => nb.topics.push(topic(1)));
    const first = store.flush();
    await held.started; // the first write is now in flight
    assert.equal(probe.inFlight, 1);
    store.change((nb) => nb.topics.push(topic(2)));
    store.change((nb) => nb.topics.push(topic(3)));
    const second = store.flush();
    assert.equal(store.saveState.status, 'saving');

    held.release();
    await first;
    assert.equal(store.saveState.status, 'saving', 'not saved while the latest change is still unwritten');
    await second;
    assert.equal(store.saveState.status, 'saved');
    assert.equal(probe.maxInFlight, 1);
    assert.equal(probe.writes - afterCreate, 2);
    assert.deepEqual(
      probe.written.slice(-2).map((nb) => nb.topics.map((t) => t.id)),
      [['t1'], ['t1', 't2', 't3']],
    );
    assert.deepEqual(states, [{ status: 'saving' }, { status: 'saved' }]);
    assert.deepEqual((await onDisk()).topics, [topic(1), topic(2), topic(3)]);
  });

  test('flush with nothing to save resolves without writing', async () => {
    const probe = new Probe();
    const store = await open(probe);
    const before = probe.writes;
    await store.flush();
    assert.equal(probe.writes, before);
    assert.deepEqual(store.saveState, { status: 'saved' });
  });

  test('a failed write reports the error, keeps the data, and retries on the next flush', async () => {
    const probe = new Probe();
    const store = await open(probe, 5);
    const states: SaveState[] = [];
    store.onSaveState((s) => states.push(s));
    probe.failNext = 1;
    store.change((nb) => nb.topics.push(topic(1)));
    await assert.rejects(store.flush(), /disk full/);
    assert.equal(store.saveState.status, 'error');
    assert.match(store.saveState.error ?? '', /Could not save the notebook .*disk full/);
    assert.deepEqual(store.data.topics, [topic(1)]);
    assert.deepEqual((await onDisk()).topics, []);

    await store.flush();
    assert.deepEqual(store.saveState, { status: 'saved' });
    assert.deepEqual((await onDisk()).topics, [topic(1)]);
    assert.deepEqual(
      states.map((s) => s.status),
      ['saving', 'error', 'saved'],
    );
  });

  test('after a failed write the next change retries by itself', async () => {
    const probe = new Probe();
    const store = await open(probe, 5);
    probe.failNext = 1;
    store.change((nb) => nb.topics.push(topic(1)));
    await assert.rejects(store.flush());
    store.change((nb) => nb.topics.push(topic(2)));
    assert.equal(store.saveState.status, 'saving');
    await nextSaved(store);
    assert.deepEqual(store.saveState, { status: 'saved' });
    assert.deepEqual((await onDisk()).topics, [topic(1), topic(2)]);
  });

  test('unsubscribed listeners hear nothing more', async () => {
    const store = await open(undefined, 5);
    const heard: string[] = [];
    const off = store.onSaveState((s) => heard.push(s.status));
    store.change((nb) => nb.topics.push(topic(1)));
    await store.flush();
    off();
    store.change((nb) => nb.topics.push(topic(2)));
    await store.flush();
    assert.deepEqual(heard, ['saving', 'saved']);
  });

  test('close() saves pending changes and refuses later ones', async () => {
    const store = await open(undefined, 10_000);
    store.change((nb) => nb.topics.push(topic(1)));
    await store.close();
    assert.deepEqual((await onDisk()).topics, [topic(1)]);
    assert.throws(() => store.change((nb) => nb.topics.push(topic(2))), /closed/);
    assert.deepEqual(store.data.topics, [topic(1)]);
  });

  test('normal saving leaves no temp files behind', async () => {
    const store = await open(undefined, 1);
    for (let i = 0; i < 20; i++) {
      store.change((nb) => nb.topics.push(topic(i)));
      if (i % 3 === 0) await store.flush();
    }
    await store.close();
    assert.deepEqual((await readdir(dir)).sort(), ['notebook.json', 'notebook.json.journal']);
  });

  test('the file is compact JSON, the whole notebook once the journal is folded', async () => {
    const store = await open();
    store.change((nb) => nb.topics.push(topic(1)));
    await store.checkpoint();
    const text = await readFile(path, 'utf8');
    assert.equal(text, JSON.stringify(store.data));
    assert.ok(!text.includes('\n'));
  });
});
