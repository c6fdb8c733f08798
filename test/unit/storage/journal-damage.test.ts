// A journal that cannot be applied whole (journal.ts, notebook-store.ts) loses nothing: damage before its last
// record, a header naming another file, or bytes that are no journal at all are kept aside, byte for byte, before
// anything new is written, and told to the store's caller and on the command line's stderr, with how many records
// were applied and where the journal is kept. Only the last record cut short, as a crash mid-append leaves it, is
// dropped without a word. The notebooks here are made up for the tests.
import { afterEach, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Notebook, type Topic } from '../../../shared/model';
import { openNotebookStore, type NotebookStore } from '../../../main/storage/notebook-store';
import { encodeRecord, journalPathOf, makeHeader } from '../../../main/storage/journal';
import { startEmpty } from '../../../main/storage/recovery';
import { parley } from '../../cli/support';

let dir: string;
let path: string;
const opened: NotebookStore[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'parley-journal-damage-'));
  path = join(dir, 'notebook.json');
});

afterEach(async () => {
  for (const store of opened.splice(0)) await store.close().catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
});

function topic(n: number): Topic {
  return { id: `t${n}`, path: `topic/${n}`, colour: '#cc6600', description: '' };
}

async function open(access: 'write' | 'read' = 'write'): Promise<NotebookStore> {
  const store = await openNotebookStore(path, { debounceMs: 0, access });
  opened.push(store);
  return store;
}

/**
 * The disk as a writer killed after saving three topics leaves it: the notebook file without them, and a journal of
 * three records (one a topic) that holds them.
 */
async function threeSavedRecords(): Promise<{ file: Buffer; journal: Buffer }> {
  const store = await openNotebookStore(path, { debounceMs: 0 });
  for (let i = 1; i <= 3; i++) {
    store.change((nb) => nb.topics.push(topic(i)));
    await store.flush();
  }
  const file = await readFile(path);
  const journal = await readFile(journalPathOf(path));
  await store.close();
  await writeFile(path, file);
  await writeFile(journalPathOf(path), journal);
  return { file, journal };
}

/** The journals kept aside beside the notebook. */
async function keptAside(): Promise<string[]> {
  return (await readdir(dir)).filter((name) => name.startsWith('notebook.json.journal.damaged-')).sort();
}

/** The byte where record `n` (from 1) begins: the header is line 0. */
function lineStart(journal: Buffer, n: number): number {
  let at = 0;
  for (let i = 0; i < n; i++) at = journal.indexOf(10, at) + 1;
  return at;
}

/** Overwrites 20 bytes inside record `n` with bytes that are no JSON. */
function garbleRecord(journal: Buffer, n: number): Buffer {
  const damaged = Buffer.from(journal);
  Buffer.from('\x00\xff GARBAGE \xfe\x01zzzzzz', 'latin1').copy(damaged, lineStart(journal, n) + 30);
  return damaged;
}

/** Opens for writing, saves one more topic, and checks the journal's bytes are kept aside and told. */
async function assertKeptAndTold(
  damagedBytes: Buffer,
  expected: { kind: string; applied: number; topics: string[] },
): Promise<void> {
  const store = await open();
  const problem = store.journalProblem;
  assert.ok(problem, 'the store tells that its journal could not be applied whole');
  assert.equal(problem.kind, expected.kind);
  assert.equal(problem.applied, expected.applied);
  assert.deepEqual(
    store.data.topics.map((t) => t.id),
    expected.topics,
  );
  const aside = await keptAside();
  assert.equal(aside.length, 1, 'one journal kept aside');
  assert.equal(problem.keptAsidePath, join(dir, aside[0]!));
  assert.ok(problem.message.includes(problem.keptAsidePath!), problem.message);
  // A new save writes beside the notebook; the journal kept aside is not touched by it.
  store.change((nb) => nb.topics.push(topic(9)));
  await store.flush();
  await store.close();
  assert.ok((await readFile(join(dir, aside[0]!))).equals(damagedBytes), 'kept byte for byte');
  const reader = await open('read');
  assert.deepEqual(
    reader.data.topics.map((t) => t.id),
    [...expected.topics, 't9'],
  );
  assert.equal(reader.journalProblem, null, 'the new journal is whole');
}

describe('a journal that cannot be applied whole', () => {
  test('damage inside record 1 of 3: nothing applied, the journal kept aside and told', async () => {
    const { journal } = await threeSavedRecords();
    const damaged = garbleRecord(journal, 1);
    await writeFile(journalPathOf(path), damaged);
    await assertKeptAndTold(damaged, { kind: 'damaged', applied: 0, topics: [] });
  });

  test('damage inside record 2 of 3: record 1 applied and written into the file, the journal kept aside', async () => {
    const { journal } = await threeSavedRecords();
    const damaged = garbleRecord(journal, 2);
    await writeFile(journalPathOf(path), damaged);
    const store = await open();
    assert.equal(store.journalProblem?.applied, 1);
    // The change applied is in the notebook file itself now, the journal beside it being a new one.
    const onDisk = JSON.parse(await readFile(path, 'utf8')) as Notebook;
    assert.deepEqual(
      onDisk.topics.map((t) => t.id),
      ['t1'],
    );
    assert.match(store.journalProblem.message, /first 1 saved change/);
    const aside = await keptAside();
    assert.ok((await readFile(join(dir, aside[0]!))).equals(damaged));
  });

  test('a stale journal beside a notebook.json edited by hand: not applied, kept aside and told', async () => {
    const { file, journal } = await threeSavedRecords();
    const edited = JSON.parse(file.toString('utf8')) as Notebook;
    edited.topics.push(topic(7));
    await writeFile(path, JSON.stringify(edited, null, 1));
    await assertKeptAndTold(journal, { kind: 'foreign', applied: 0, topics: ['t7'] });
  });

  test("another notebook's journal: not applied, kept aside and told", async () => {
    await threeSavedRecords();
    const other = encodeRecord(makeHeader(Buffer.from('{"other":true}'), 4, true));
    const foreign = Buffer.concat([other, encodeRecord({ seq: 1, ops: [] })]);
    await writeFile(journalPathOf(path), foreign);
    await assertKeptAndTold(foreign, { kind: 'foreign', applied: 0, topics: [] });
  });

  test('random bytes in place of the journal: kept aside and told', async () => {
    await threeSavedRecords();
    const random = Buffer.alloc(3000);
    for (let i = 0; i < random.length; i++) random[i] = (i * 7919 + 13) % 256;
    await writeFile(journalPathOf(path), random);
    await assertKeptAndTold(random, { kind: 'unreadable', applied: 0, topics: [] });
  });

  test('a reader tells and leaves the journal where it is', async () => {
    const { journal } = await threeSavedRecords();
    const damaged = garbleRecord(journal, 3);
    await writeFile(journalPathOf(path), damaged);
    const reader = await open('read');
    assert.equal(reader.journalProblem?.applied, 2);
    assert.equal(reader.journalProblem.keptAsidePath, null);
    assert.match(reader.journalProblem.message, /left unchanged/);
    assert.ok((await readFile(journalPathOf(path))).equals(damaged));
    assert.deepEqual(await keptAside(), []);
  });
});

describe('not damage', () => {
  test('the last record cut short, as a crash mid-append leaves it, is dropped without a word', async () => {
    const { journal } = await threeSavedRecords();
    await writeFile(journalPathOf(path), journal.subarray(0, journal.length - 40));
    const store = await open();
    assert.equal(store.journalProblem, null);
    assert.deepEqual(
      store.data.topics.map((t) => t.id),
      ['t1', 't2'],
    );
    assert.deepEqual(await keptAside(), []);
  });

  test('an empty journal, or one with only a header for this file, is not damage', async () => {
    const { file } = await threeSavedRecords();
    await writeFile(journalPathOf(path), '');
    assert.equal((await open('read')).journalProblem, null);
    await writeFile(journalPathOf(path), encodeRecord(makeHeader(file, 1, true)));
    assert.equal((await open()).journalProblem, null);
    assert.deepEqual(await keptAside(), []);
  });
});

describe('on the command line', () => {
  test('list tells on stderr; the import after it keeps the journal aside and tells where', async () => {
    const notebook = path;
    assert.equal((await parley('init', '--sample', '--notebook', notebook)).code, 0);
    const store = await openNotebookStore(notebook, { debounceMs: 0 });
    store.change((nb) => nb.topics.push(topic(1)));
    await store.flush();
    const file = await readFile(notebook);
    const journal = await readFile(journalPathOf(notebook));
    await store.close();
    await writeFile(notebook, file);
    const damaged = garbleRecord(journal, 1);
    await writeFile(journalPathOf(notebook), damaged);

    const list = await parley('list', '--notebook', notebook);
    assert.equal(list.code, 0, list.stderr);
    assert.match(list.stderr, /journal of saved changes .* is damaged/);

    const text = join(dir, 'a.txt');
    await writeFile(text, 'A short text written for this test.\n');
    const imported = await parley('import', text, '--notebook', notebook);
    assert.equal(imported.code, 0, imported.stderr);
    const aside = await keptAside();
    assert.equal(aside.length, 1);
    assert.ok(imported.stderr.includes(join(dir, aside[0]!)), imported.stderr);
    assert.ok((await readFile(join(dir, aside[0]!))).equals(damaged));
  });
});

describe('setting a notebook aside', () => {
  test('starting empty moves a damaged journal with the file it was beside, never removes it', async () => {
    const { journal } = await threeSavedRecords();
    const damaged = garbleRecord(journal, 1);
    await writeFile(journalPathOf(path), damaged);
    const done = await startEmpty(path);
    assert.ok(done.keptAsidePath);
    assert.ok((await readFile(journalPathOf(done.keptAsidePath))).equals(damaged));
  });
});
