// Rolling backups over real temp files: each a byte-for-byte copy in the folder beside the notebook, named by
// time; an unchanged file not copied twice; only the newest K kept; each listed newest first and checked with the
// store's own migrations and schema; temp files and upgrade copies never taken for backups; and backups while
// saving, at most one per interval, never disturbing the save.
import { afterEach, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emptyNotebook, SCHEMA_VERSION, type Notebook } from '../../../shared/model';
import {
  backupFolderOf,
  backupTimeOf,
  checkBackupFile,
  keepRollingBackups,
  listBackups,
  pruneBackups,
  takeBackup,
} from '../../../main/storage/backups';
import { openNotebookStore, type NotebookStore } from '../../../main/storage/notebook-store';
import { highlightMaker, makeDocument, notebookWith } from '../core/fixtures';

let dir = '';
let path = '';
let folder = '';
const opened: NotebookStore[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'parley-backups-'));
  path = join(dir, 'notebook.json');
  folder = join(dir, 'notebook.json.backups');
});
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close().catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
});

/** A notebook with `documents` documents and one highlight on each. */
function notebookOf(documents: number): Notebook {
  const highlight = highlightMaker({
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
  });
  const nb = emptyNotebook();
  for (let i = 0; i < documents; i++) {
    const doc = makeDocument(`d${i}`, [`Title ${i}`, `The ministers met on day ${i}.`]);
    const one = notebookWith(doc, [highlight(doc, 'ministers met')]);
    nb.documents.push(...one.documents);
    nb.annotations.push(...one.annotations);
  }
  return nb;
}

/** A clock that starts at `start` and moves on by `stepMs` at each reading. */
function clock(start: string, stepMs = 1000): () => Date {
  let t = Date.parse(start);
  return () => {
    const now = new Date(t);
    t += stepMs;
    return now;
  };
}

describe('takeBackup', () => {
  test('copies the file byte for byte into the folder beside it, named by time, and leaves the file alone', async () => {
    // Indented on purpose: a backup is the file as it is, not the notebook written again.
    const bytes = JSON.stringify(notebookOf(2), null, 2);
    await writeFile(path, bytes);
    const taken = await takeBackup(path, { now: () => new Date('2026-11-30T18:22:05.123Z') });
    assert.equal(backupFolderOf(path), folder);
    assert.equal(taken, join(folder, 'notebook-2026-11-30T18-22-05-123Z.json'));
    assert.equal(await readFile(taken, 'utf8'), bytes);
    assert.equal(await readFile(path, 'utf8'), bytes);
    assert.deepEqual(await readdir(folder), ['notebook-2026-11-30T18-22-05-123Z.json']);
    assert.deepEqual((await readdir(dir)).sort(), ['notebook.json', 'notebook.json.backups']);
  });

  test('an unchanged file is not copied again, so reopening does not push older backups out', async () => {
    await writeFile(path, JSON.stringify(notebookOf(1)));
    const now = clock('2026-11-30T10:00:00.000Z');
    assert.ok(await takeBackup(path, { now }));
    assert.equal(await takeBackup(path, { now }), null);
    assert.equal((await readdir(folder)).length, 1);
    await writeFile(path, JSON.stringify(notebookOf(2)));
    assert.ok(await takeBackup(path, { now }));
    assert.equal((await readdir(folder)).length, 2);
  });

  test('two backups in the same millisecond both keep their own name', async () => {
    const at = () => new Date('2026-11-30T10:00:00.000Z');
    await writeFile(path, JSON.stringify(notebookOf(1)));
    await takeBackup(path, { now: at });
    await writeFile(path, JSON.stringify(notebookOf(2)));
    await takeBackup(path, { now: at });
    const listed = await listBackups(path);
    assert.deepEqual(
      listed.map((entry) => [entry.path.slice(folder.length + 1), entry.documents]),
      [
        ['notebook-2026-11-30T10-00-00-000Z-2.json', 2],
        ['notebook-2026-11-30T10-00-00-000Z.json', 1],
      ],
    );
  });

  test('rolling keeps only the newest K backups', async () => {
    const now = clock('2026-11-30T10:00:00.000Z', 60_000);
    for (let i = 1; i <= 13; i++) {
      await writeFile(path, JSON.stringify(notebookOf(i)));
      await takeBackup(path, { now, keep: 4 });
    }
    const listed = await listBackups(path);
    assert.deepEqual(
      listed.map((entry) => entry.documents),
      [13, 12, 11, 10],
    );
    assert.deepEqual((await readdir(folder)).sort(), [
      'notebook-2026-11-30T10-09-00-000Z.json',
      'notebook-2026-11-30T10-10-00-000Z.json',
      'notebook-2026-11-30T10-11-00-000Z.json',
      'notebook-2026-11-30T10-12-00-000Z.json',
    ]);
  });

  test('a notebook that does not exist cannot be backed up, and nothing is created', async () => {
    await assert.rejects(takeBackup(path), { code: 'ENOENT' });
    assert.deepEqual(await readdir(dir), []);
  });
});

describe('listBackups', () => {
  test('newest first, with time, size, validity, and document and highlight counts', async () => {
    await mkdir(folder);
    const good = JSON.stringify(notebookOf(3));
    await writeFile(join(folder, 'notebook-2026-11-28T09-00-00-000Z.json'), good);
    await writeFile(join(folder, 'notebook-2026-11-29T09-00-00-000Z.json'), good.slice(0, 50));
    await writeFile(
      join(folder, 'notebook-2026-11-30T09-00-00-000Z.json'),
      JSON.stringify({ ...emptyNotebook(), schemaVersion: SCHEMA_VERSION + 1 }),
    );
    await writeFile(join(folder, 'notebook-2026-11-27T09-00-00-000Z.json'), JSON.stringify({ documents: 3 }));

    const listed = await listBackups(path);
    assert.deepEqual(
      listed.map((entry) => [entry.time.toISOString(), entry.valid]),
      [
        ['2026-11-30T09:00:00.000Z', false],
        ['2026-11-29T09:00:00.000Z', false],
        ['2026-11-28T09:00:00.000Z', true],
        ['2026-11-27T09:00:00.000Z', false],
      ],
    );
    const [tooNew, cut, valid, wrong] = listed;
    assert.match(tooNew!.problem ?? '', /newer version of Parley/);
    assert.match(cut!.problem ?? '', /not valid JSON/);
    assert.match(wrong!.problem ?? '', /schemaVersion/);
    assert.equal(valid!.size, Buffer.byteLength(good));
    assert.equal(valid!.documents, 3);
    assert.equal(valid!.highlights, 3);
    assert.equal(valid!.problem, undefined);
    assert.equal(cut!.documents, undefined);
  });

  test('no folder means no backups', async () => {
    assert.deepEqual(await listBackups(path), []);
  });

  test('one file checked as a backup takes its time from its name, else from when it was written', async () => {
    const named = join(dir, 'notebook-2026-11-28T09-00-00-000Z-2.json');
    await writeFile(named, JSON.stringify(notebookOf(2)));
    assert.equal(backupTimeOf(named)?.toISOString(), '2026-11-28T09:00:00.000Z');
    const entry = await checkBackupFile(named);
    assert.deepEqual(
      [entry.time.toISOString(), entry.valid, entry.documents, entry.highlights],
      ['2026-11-28T09:00:00.000Z', true, 2, 2],
    );

    const plain = join(dir, 'a copy.json');
    await writeFile(plain, '{"schemaVersion": 3');
    const mtime = new Date('2026-10-01T12:00:00.000Z');
    await utimes(plain, mtime, mtime);
    assert.equal(backupTimeOf(plain), null);
    const damaged = await checkBackupFile(plain);
    assert.equal(damaged.time.toISOString(), mtime.toISOString());
    assert.equal(damaged.valid, false);
    assert.match(damaged.problem ?? '', /not valid JSON/);
    await assert.rejects(checkBackupFile(join(dir, 'nothing.json')), { code: 'ENOENT' });
  });

  test('temp files, upgrade copies and other files are not backups, and pruning leaves them be', async () => {
    const good = JSON.stringify(notebookOf(1));
    await mkdir(folder);
    // Each of these holds a valid notebook, yet none is a backup.
    await writeFile(join(dir, 'notebook.json.schema-1.bak'), good);
    await writeFile(join(folder, 'notebook.json.schema-1.bak'), good);
    await writeFile(join(folder, `notebook-2026-11-30T09-00-00-000Z.json.${process.pid}-1.tmp`), good);
    await writeFile(join(folder, 'other-2026-11-30T09-00-00-000Z.json'), good);
    await writeFile(join(folder, 'notebook-yesterday.json'), good);
    await writeFile(join(folder, 'notebook-2026-13-45T09-00-00-000Z.json'), good);
    assert.deepEqual(await listBackups(path), []);
    const before = (await readdir(folder)).sort();
    assert.deepEqual(await pruneBackups(path, 1), []);
    assert.deepEqual((await readdir(folder)).sort(), before);
  });

  test('pruning sweeps a temp file a crashed backup left, and only that', async () => {
    const dead = Number(
      spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout,
    );
    await mkdir(folder);
    await writeFile(join(folder, `incoming.${dead}-3.tmp`), '{"schemaVersion": ');
    await writeFile(join(folder, `incoming.${process.pid}-3.tmp`), '{"schemaVersion": ');
    await pruneBackups(path);
    assert.deepEqual(await readdir(folder), [`incoming.${process.pid}-3.tmp`]);
  });
});

describe('keepRollingBackups', () => {
  async function open(): Promise<NotebookStore> {
    const store = await openNotebookStore(path, { debounceMs: 0 });
    opened.push(store);
    return store;
  }

  function addTopic(store: NotebookStore, n: number): void {
    store.change((nb) => {
      nb.topics.push({ id: `t${n}`, path: `topic/${n}`, colour: '#888', description: '' });
    });
  }

  test('backs up a saved change only once the interval has passed since the last backup', async () => {
    const store = await open();
    let t = Date.parse('2026-11-30T10:00:00.000Z');
    const rolling = keepRollingBackups(store, { intervalMs: 10 * 60_000, now: () => new Date(t) });

    t += 5 * 60_000;
    addTopic(store, 1);
    await store.flush();
    await rolling.settled();
    assert.deepEqual(await listBackups(path), [], 'five minutes in: no backup yet');

    t += 5 * 60_000;
    addTopic(store, 2);
    await store.flush();
    await rolling.settled();
    const first = await listBackups(path);
    assert.deepEqual(
      first.map((entry) => entry.time.toISOString()),
      ['2026-11-30T10:10:00.000Z'],
    );
    assert.equal(await readFile(first[0]!.path, 'utf8'), await readFile(path, 'utf8'));

    t += 60_000;
    addTopic(store, 3);
    await store.flush();
    await rolling.settled();
    assert.equal((await listBackups(path)).length, 1, 'a minute later: still one');

    t += 10 * 60_000;
    addTopic(store, 4);
    await store.flush();
    await rolling.settled();
    const second = await listBackups(path);
    assert.equal(second.length, 2);
    assert.deepEqual(
      (JSON.parse(await readFile(second[0]!.path, 'utf8')) as Notebook).topics.map((topic) => topic.id),
      ['t1', 't2', 't3', 't4'],
    );

    rolling.stop();
    t += 60 * 60_000;
    addTopic(store, 5);
    await store.flush();
    await rolling.settled();
    assert.equal((await listBackups(path)).length, 2, 'stopped: no more backups');
  });

  test('a backup that cannot be written is reported and the save still succeeds', async () => {
    const store = await open();
    // A file where the backup folder should be: every backup fails.
    await writeFile(folder, 'in the way');
    let t = Date.parse('2026-11-30T10:00:00.000Z');
    const errors: unknown[] = [];
    const rolling = keepRollingBackups(store, {
      intervalMs: 1000,
      now: () => new Date(t),
      onError: (error) => errors.push(error),
    });
    t += 2000;
    addTopic(store, 1);
    await store.flush();
    await rolling.settled();
    assert.equal(errors.length, 1);
    assert.deepEqual(store.saveState, { status: 'saved' });
    assert.deepEqual(
      (JSON.parse(await readFile(path, 'utf8')) as Notebook).topics.map((topic) => topic.id),
      ['t1'],
    );
    assert.equal(await readFile(folder, 'utf8'), 'in the way');
  });
});
