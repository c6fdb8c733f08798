// The notebook's journal (journal.ts, notebook-store.ts): a save appends the edits since the last one, opening
// applies them, a torn or damaged tail is dropped, a journal that belongs to an older file is never applied, folds
// leave the file whole, and every reader (a read-only store, a `parley` command, a backup) sees saved changes.
// The notebooks here are made up for the tests.
import { afterEach, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { produce } from 'immer';
import { emptyNotebook, type Notebook, type Topic } from '../../../shared/model';
import {
  openNotebookStore,
  type NotebookStore,
  type OpenOptions,
} from '../../../main/storage/notebook-store';
import {
  applyOpsInPlace,
  diffStates,
  journalPathOf,
  notebookBytesOnDisk,
  parseJournal,
} from '../../../main/storage/journal';
import { listBackups, takeBackup } from '../../../main/storage/backups';
import { startEmpty } from '../../../main/storage/recovery';
import { seededRandom } from '../../../scripts/seeded-random';
import { parley } from '../../cli/support';
import { importPlainText } from '../../../main/core/import-text';
import { addDocuments } from '../../../main/core/notebook';

let dir: string;
let path: string;
const opened: NotebookStore[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'parley-journal-'));
  path = join(dir, 'notebook.json');
});

afterEach(async () => {
  for (const store of opened.splice(0)) await store.close().catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
});

function topic(n: number): Topic {
  return { id: `t${n}`, path: `topic/${n}`, colour: '#cc6600', description: '' };
}

async function open(options: OpenOptions = {}): Promise<NotebookStore> {
  const store = await openNotebookStore(path, { debounceMs: 0, ...options });
  opened.push(store);
  return store;
}

/** What a reader that does not write sees now. */
async function readNow(): Promise<Notebook> {
  const reader = await openNotebookStore(path, { access: 'read' });
  return reader.data;
}

async function journalRecords(): Promise<number> {
  return parseJournal(await readFile(journalPathOf(path))).records.length;
}

describe('saving to the journal', () => {
  test('a save appends a record and leaves the notebook file as it was; a reader sees the change', async () => {
    const store = await open();
    const fileBefore = await readFile(path);
    store.change((nb) => nb.topics.push(topic(1)));
    await store.flush();
    assert.ok((await readFile(path)).equals(fileBefore), 'the notebook file was not rewritten');
    assert.equal(await journalRecords(), 1);
    assert.deepEqual((await readNow()).topics, [topic(1)]);
  });

  test('undo and redo are saved like changes, and what is reopened is the state the store held', async () => {
    const store = await open();
    store.change((nb) => nb.topics.push(topic(1), topic(2)), 'Add topics');
    store.change((nb) => nb.topics.splice(0, 1), 'Delete topic');
    await store.flush();
    store.undo();
    await store.flush();
    assert.deepEqual((await readNow()).topics, [topic(1), topic(2)]);
    store.redo();
    await store.flush();
    assert.deepEqual((await readNow()).topics, [topic(2)]);
    store.undo();
    store.undo();
    await store.flush();
    assert.deepEqual(await readNow(), store.data);
    assert.deepEqual(store.data.topics, []);
  });

  test('the journal is folded into the file past its count, on close, and when idle', async () => {
    const store = await open({ journal: { foldAfterRecords: 3, foldWhenIdleMs: 60_000 } });
    for (let i = 1; i <= 3; i++) {
      store.change((nb) => nb.topics.push(topic(i)));
      await store.flush();
    }
    assert.equal(await journalRecords(), 3);
    store.change((nb) => nb.topics.push(topic(4)));
    await store.flush();
    assert.equal(await journalRecords(), 0, 'the fourth save folded');
    assert.deepEqual((JSON.parse(await readFile(path, 'utf8')) as Notebook).topics.length, 4);

    store.change((nb) => nb.topics.push(topic(5)));
    await store.close();
    assert.equal(await journalRecords(), 0, 'closing folded');
    assert.deepEqual((JSON.parse(await readFile(path, 'utf8')) as Notebook).topics.length, 5);

    const idle = await open({ journal: { foldWhenIdleMs: 30 } });
    idle.change((nb) => nb.topics.push(topic(6)));
    await idle.flush();
    assert.equal(await journalRecords(), 1);
    for (let waited = 0; (await journalRecords()) > 0 && waited < 5000; waited += 20) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    assert.equal(await journalRecords(), 0, 'folded after a while without changes');
    assert.deepEqual((JSON.parse(await readFile(path, 'utf8')) as Notebook).topics.length, 6);
  });

  test('a fold asked for while another runs is reported done only once it holds the changes made before it', async () => {
    const store = await open();
    store.change((nb) => nb.topics.push(topic(1)));
    await store.flush();
    // A fold of t1 starts (as an idle fold or another checkpoint would); t2 comes, and a fold is asked for again.
    const first = store.checkpoint();
    store.change((nb) => nb.topics.push(topic(2)));
    const second = store.checkpoint();
    await first;
    await second;
    // Read at once, before anything else runs: the file alone must hold t2, as the second fold promised.
    const file = JSON.parse(readFileSync(path, 'utf8')) as Notebook;
    assert.deepEqual(
      file.topics.map((t) => t.id),
      ['t1', 't2'],
    );
  });

  test('a journal removed behind the store is replaced by a fold, losing nothing', async () => {
    const store = await open();
    store.change((nb) => nb.topics.push(topic(1)));
    await store.flush();
    await rm(journalPathOf(path));
    store.change((nb) => nb.topics.push(topic(2)));
    await store.flush();
    assert.deepEqual(store.saveState, { status: 'saved' });
    assert.deepEqual((JSON.parse(await readFile(path, 'utf8')) as Notebook).topics, [topic(1), topic(2)]);
    assert.deepEqual((await readNow()).topics, [topic(1), topic(2)]);
  });
});

describe('reading the journal after a crash', () => {
  /** A notebook with three saved records in its journal; the store is left open, as a killed writer leaves it. */
  async function threeRecords(): Promise<NotebookStore> {
    const store = await open();
    for (let i = 1; i <= 3; i++) {
      store.change((nb) => nb.topics.push(topic(i)));
      await store.flush();
    }
    return store;
  }

  test('a record cut short at any byte is dropped, and every record before it is kept', async () => {
    await threeRecords();
    const journal = await readFile(journalPathOf(path));
    const whole = parseJournal(journal);
    const twoRecords = parseJournal(journal.subarray(0, journal.lastIndexOf(10, journal.length - 2) + 1));
    assert.equal(whole.records.length, 3);
    assert.equal(twoRecords.records.length, 2);
    for (let cut = twoRecords.validBytes; cut < journal.length; cut++) {
      await writeFile(journalPathOf(path), journal.subarray(0, cut));
      assert.deepEqual(
        (await readNow()).topics.map((t) => t.id),
        ['t1', 't2'],
        `cut at byte ${cut} of ${journal.length}`,
      );
    }
  });

  test('a damaged record is dropped with everything after it', async () => {
    await threeRecords();
    const journal = await readFile(journalPathOf(path));
    const second = parseJournal(journal.subarray(0, journal.indexOf(10, journal.indexOf(10) + 1) + 1));
    const damaged = Buffer.from(journal);
    // A letter inside the second record's JSON, so its checksum no longer matches.
    const at = damaged.indexOf('topic/2');
    damaged[at] = 'T'.charCodeAt(0);
    await writeFile(journalPathOf(path), damaged);
    assert.equal(second.records.length, 1);
    assert.deepEqual(
      (await readNow()).topics.map((t) => t.id),
      ['t1'],
    );
  });

  test('a writer that opens after a torn journal folds before it appends, so nothing it saves is lost', async () => {
    const first = await threeRecords();
    const file = await readFile(path);
    const journal = await readFile(journalPathOf(path));
    opened.splice(opened.indexOf(first), 1);
    await first.close();
    // The disk as a writer killed while appending its third record leaves it.
    await writeFile(path, file);
    await writeFile(journalPathOf(path), journal.subarray(0, journal.length - 5));
    const second = await open();
    assert.deepEqual(
      second.data.topics.map((t) => t.id),
      ['t1', 't2'],
    );
    second.change((nb) => nb.topics.push(topic(9)));
    await second.flush();
    assert.deepEqual(
      (await readNow()).topics.map((t) => t.id),
      ['t1', 't2', 't9'],
    );
  });

  test('a journal that belongs to an older file (a crash between a fold and its new journal) is never applied', async () => {
    const store = await threeRecords();
    const oldJournal = await readFile(journalPathOf(path));
    await store.checkpoint();
    // The file now holds t1..t3; put back the journal of the file before, as a crash before the new one would.
    await writeFile(journalPathOf(path), oldJournal);
    const read = await readNow();
    assert.deepEqual(
      read.topics.map((t) => t.id),
      ['t1', 't2', 't3'],
      'each change once, not twice',
    );
  });

  test('a file changed by hand is checked against the schema even beside a journal that fitted it', async () => {
    const store = await open();
    store.change((nb) => nb.topics.push(topic(1)));
    await store.close();
    const text = await readFile(path, 'utf8');
    // Still JSON, no longer a notebook: a topic without its path.
    await writeFile(path, text.replace('"path":"topic/1",', ''));
    await assert.rejects(openNotebookStore(path, { access: 'read' }), { name: 'NotebookFileError' });
  });

  test('a journal beside a file that was put back from a backup does not reach it', async () => {
    const store = await open();
    store.change((nb) => nb.topics.push(topic(1)));
    await store.close();
    const folded = join(dir, 'folded.json');
    await copyFile(path, folded);
    const again = await open();
    again.change((nb) => nb.topics.push(topic(2)));
    await again.flush();
    // A file put in place by hand, identical to the journal's base: its own journal would apply, so bytes that
    // differ by a single space must not.
    await writeFile(path, (await readFile(folded, 'utf8')).replace('{', '{ '));
    assert.deepEqual(
      (await readNow()).topics.map((t) => t.id),
      ['t1'],
    );
  });
});

describe('the notebook file a fold writes', () => {
  test('is ASCII JSON that reads back to the same text, accents, symbols and emoji included', async () => {
    const store = await open();
    const description = 'Ça déborde — “quoted” ✓ 😀 \u2028 end';
    store.change((nb) => nb.topics.push({ ...topic(1), description }));
    await store.close();
    const bytes = await readFile(path);
    assert.ok(
      bytes.every((byte) => byte < 0x80),
      'every byte is ASCII',
    );
    assert.equal((JSON.parse(bytes.toString('utf8')) as Notebook).topics[0]!.description, description);
    assert.equal((await readNow()).topics[0]!.description, description);
    const again = await open();
    assert.equal(again.data.topics[0]!.description, description);
  });
});

describe('recovery and the journal', () => {
  test('starting empty sets a journal that holds changes aside with its file, and the empty notebook gets none', async () => {
    const store = await open();
    store.change((nb) => nb.topics.push(topic(1)));
    await store.flush();
    const file = await readFile(path);
    const journal = await readFile(journalPathOf(path));
    opened.splice(opened.indexOf(store), 1);
    await store.close();
    // The disk as a writer killed with the change only in its journal leaves it.
    await writeFile(path, file);
    await writeFile(journalPathOf(path), journal);
    const started = await startEmpty(path);
    assert.deepEqual((await readNow()).topics, []);
    const aside = started.keptAsidePath!;
    const kept = await openNotebookStore(aside, { access: 'read' });
    assert.deepEqual(kept.data.topics, [topic(1)], 'the file set aside still opens with its change');
  });
});

describe('every reader sees saved changes', () => {
  test('a `parley` command run while the window has unfolded changes sees them', async () => {
    const store = await open();
    store.change((nb) =>
      addDocuments(nb, [importPlainText('Seen by the command.\n', { fileName: 'journal.txt' })], new Date()),
    );
    await store.flush();
    assert.equal(await journalRecords(), 1, 'the change is in the journal, not yet in the file');
    const listed = await parley('list', '--notebook', path);
    assert.equal(listed.code, 0, listed.stderr);
    assert.match(listed.stdout, new RegExp(`^${store.data.documents[0]!.id}\t`));
  });

  test('a backup holds the changes in the journal', async () => {
    const store = await open();
    store.change((nb) => nb.topics.push(topic(1)));
    await store.flush();
    await takeBackup(path);
    const [backup] = await listBackups(path);
    const saved = JSON.parse(await readFile(backup!.path, 'utf8')) as Notebook;
    assert.deepEqual(saved.topics, [topic(1)]);
    assert.deepEqual(saved, JSON.parse((await notebookBytesOnDisk(path)).toString('utf8')));
  });
});

describe('the edits a record holds', () => {
  test('applying the edits between two states to a copy of the first gives the second', () => {
    const random = seededRandom(13);
    let state: Notebook = { ...emptyNotebook(), topics: Array.from({ length: 40 }, (_, i) => topic(i)) };
    for (let round = 0; round < 300; round++) {
      const next = produce(state, (nb) => {
        const n = nb.topics.length;
        const pick = Math.floor(random() * 6);
        const at = Math.floor(random() * (n + 1));
        if (pick === 0) nb.topics.splice(at, 0, topic(1000 + round));
        else if (pick === 1 && n > 0) nb.topics.splice(Math.min(at, n - 1), 1 + Math.floor(random() * 3));
        else if (pick === 2 && n > 0) nb.topics[Math.min(at, n - 1)]!.description = `round ${round}`;
        else if (pick === 3) nb.topics.reverse();
        else if (pick === 4)
          nb.parties.push({ id: `p${round}`, name: `Party ${round}` } as Notebook['parties'][number]);
        else nb.topics.push(topic(2000 + round), topic(3000 + round));
      });
      const copy = JSON.parse(JSON.stringify(state)) as Notebook;
      applyOpsInPlace(
        copy,
        JSON.parse(JSON.stringify(diffStates(state, next))) as ReturnType<typeof diffStates>,
      );
      assert.deepEqual(copy, JSON.parse(JSON.stringify(next)), `round ${round}`);
      state = next;
    }
  });

  test('deleting one item among 100,000 is one small splice, wherever it is', () => {
    const many: Notebook = {
      ...emptyNotebook(),
      topics: Array.from({ length: 100_000 }, (_, i) => topic(i)),
    };
    const fewer = produce(many, (nb) => {
      nb.topics.splice(10, 1);
    });
    const ops = diffStates(many, fewer);
    assert.deepEqual(ops, [{ op: 'splice', path: ['topics'], start: 10, remove: 1, items: [] }]);
  });
});
