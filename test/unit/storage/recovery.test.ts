// Opening a damaged notebook over real temp files: for each kind of damage the question offers the newest backup
// that opens (skipping a damaged newer one), nothing changes until the answer, restoring gives back exactly the
// backup, starting empty adds no sample, the bad file is kept aside byte for byte, quitting changes nothing, and a
// restore that fails is told and the rest offered. restoreBackup, the same restore for `parley restore`: the file
// moved aside (a good one as .replaced-), and every refusal or failure leaving things as they were.
import { afterEach, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { emptyNotebook, SCHEMA_VERSION, type Notebook } from '../../../shared/model';
import { seedOnFirstRun } from '../../../main/first-run';
import { listBackups } from '../../../main/storage/backups';
import type { NotebookFileProblem, NotebookStore } from '../../../main/storage/notebook-store';
import {
  openOrRecover,
  restoreBackup,
  RestoreError,
  type Recovery,
  type RecoveryChoice,
  type RecoveryQuestion,
} from '../../../main/storage/recovery';
import { highlightMaker, makeDocument } from '../core/fixtures';

let dir = '';
let path = '';
let folder = '';
const opened: NotebookStore[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'parley-recovery-'));
  path = join(dir, 'notebook.json');
  folder = join(dir, 'notebook.json.backups');
});
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close().catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
});

/** A notebook with `documents` documents and `highlights` highlights on the first. */
function notebookOf(documents: number, highlights: number): Notebook {
  const highlight = highlightMaker({
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
  });
  const nb = emptyNotebook();
  for (let i = 0; i < documents; i++) {
    nb.documents.push(makeDocument(`d${i}`, [`Title ${i}`, `The ministers met on day ${i} and talked.`]));
  }
  for (let i = 0; i < highlights; i++) nb.annotations.push(highlight(nb.documents[0]!, 'ministers met'));
  return nb;
}

const NOW = () => new Date('2026-11-30T18:22:05.123Z');
const PNG = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00,
  0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89, 0xff, 0xfe,
]);

const damages: Array<{ name: string; bytes: Buffer; problem: NotebookFileProblem; aside: RegExp }> = [
  {
    name: 'truncated JSON',
    bytes: Buffer.from(JSON.stringify(notebookOf(1, 1)).slice(0, 80)),
    problem: 'not-json',
    aside: /^notebook\.json\.damaged-2026-11-30T18-22-05-123Z\.json$/,
  },
  {
    name: 'not JSON (a PNG)',
    bytes: PNG,
    problem: 'not-json',
    aside: /^notebook\.json\.damaged-2026-11-30T18-22-05-123Z\.json$/,
  },
  {
    name: 'valid JSON of the wrong shape',
    bytes: Buffer.from(JSON.stringify({ ...emptyNotebook(), documents: [{ id: 7 }] })),
    problem: 'invalid',
    aside: /^notebook\.json\.damaged-2026-11-30T18-22-05-123Z\.json$/,
  },
  {
    name: 'a newer schemaVersion',
    bytes: Buffer.from(JSON.stringify({ ...emptyNotebook(), schemaVersion: SCHEMA_VERSION + 96 })),
    problem: 'too-new',
    aside: /^notebook\.json\.newer-2026-11-30T18-22-05-123Z\.json$/,
  },
];

/** Backups: a valid one from the 28th (2 documents, 3 highlights), a damaged newer one from the 29th. */
async function backupsWithADamagedNewest(): Promise<{ good: string; goodBytes: string }> {
  await mkdir(folder);
  const good = join(folder, 'notebook-2026-11-28T09-00-00-000Z.json');
  const goodBytes = JSON.stringify(notebookOf(2, 3), null, 1);
  await writeFile(good, goodBytes);
  await writeFile(join(folder, 'notebook-2026-11-29T09-00-00-000Z.json'), goodBytes.slice(0, 100));
  return { good, goodBytes };
}

/** Answers with each choice in turn, recording each question and what was on disk when it was asked. */
function answers(...replies: RecoveryChoice[]) {
  const asked: Array<{ question: RecoveryQuestion; files: string[]; atPath: Buffer | null }> = [];
  const choose = async (question: RecoveryQuestion): Promise<RecoveryChoice> => {
    asked.push({
      question,
      files: (await readdir(dir)).sort(),
      atPath: await readFile(path).catch(() => null),
    });
    const reply = replies.shift();
    assert.ok(reply, 'asked more often than expected');
    return reply;
  };
  return { asked, choose };
}

async function run(
  choose: (question: RecoveryQuestion) => Promise<RecoveryChoice>,
  onBackupError?: (error: unknown) => void,
): Promise<Recovery> {
  const result = await openOrRecover(path, choose, {
    debounceMs: 0,
    now: NOW,
    ...(onBackupError ? { onBackupError } : {}),
  });
  if (result.outcome !== 'quit') opened.push(result.store);
  return result;
}

function asideIn(files: string[]): string {
  const found = files.filter((name) => /\.(damaged|newer)-/.test(name));
  assert.equal(found.length, 1, `one file kept aside: ${files.join(', ')}`);
  return found[0]!;
}

describe('a notebook that opens', () => {
  test('is opened without a question, and backed up byte for byte before anything is written', async () => {
    const bytes = JSON.stringify(notebookOf(1, 2), null, 2);
    await writeFile(path, bytes);
    const { asked, choose } = answers();
    const result = await run(choose);
    assert.equal(result.outcome, 'opened');
    assert.equal(asked.length, 0);
    const backups = await listBackups(path);
    assert.equal(backups.length, 1);
    assert.equal(await readFile(backups[0]!.path, 'utf8'), bytes);
    assert.equal(backups[0]!.documents, 1);
    assert.equal(backups[0]!.highlights, 2);
  });

  test('a first run creates the notebook and takes no backup of it', async () => {
    const result = await run(answers().choose);
    assert.equal(result.outcome, 'opened');
    assert.equal(result.outcome === 'opened' && result.store.created, true);
    // The open store holds the notebook's lock and has started its journal; no backup.
    assert.deepEqual((await readdir(dir)).sort(), [
      'notebook.json',
      'notebook.json.journal',
      'notebook.json.lock',
    ]);
  });

  test('a backup that cannot be written is reported and the notebook opens anyway', async () => {
    await writeFile(path, JSON.stringify(notebookOf(1, 0)));
    await writeFile(folder, 'in the way');
    const errors: unknown[] = [];
    const result = await run(answers().choose, (error) => errors.push(error));
    assert.equal(result.outcome, 'opened');
    assert.equal(errors.length, 1);
  });
});

describe('a damaged notebook', () => {
  for (const { name, bytes, problem, aside } of damages) {
    test(`${name}: offers the newest backup that opens, keeps the file aside unchanged, restores exactly the backup`, async () => {
      const { good, goodBytes } = await backupsWithADamagedNewest();
      await writeFile(path, bytes);
      const { asked, choose } = answers('restore');
      const result = await run(choose);

      assert.equal(asked.length, 1);
      const { question, files, atPath } = asked[0]!;
      assert.equal(question.path, path);
      assert.equal(question.problem, problem);
      assert.ok(question.message.includes(path), question.message);
      assert.deepEqual(question.choices, ['restore', 'empty', 'quit']);
      assert.equal(question.backup?.path, good, 'the damaged newer backup is skipped');
      assert.equal(question.backup?.documents, 2);
      assert.equal(question.backup?.highlights, 3);
      assert.equal(question.backup?.time.toISOString(), '2026-11-28T09:00:00.000Z');
      assert.match(basename(question.keptAsidePath ?? ''), aside);
      assert.equal(dirname(question.keptAsidePath ?? ''), dir);
      assert.equal(question.movedAside, false);
      assert.equal(question.failure, undefined);
      // Nothing has changed while the question is open; the notebook's lock is held through it.
      assert.deepEqual(files, ['notebook.json', 'notebook.json.backups', 'notebook.json.lock']);
      assert.ok(atPath?.equals(bytes), 'the file is still in place, unchanged, while the user decides');

      assert.equal(result.outcome, 'restored');
      if (result.outcome !== 'restored') return;
      assert.deepEqual(result.store.data, JSON.parse(goodBytes));
      assert.equal(result.store.created, false);
      assert.equal(await readFile(path, 'utf8'), goodBytes);
      assert.equal(result.keptAsidePath, question.keptAsidePath);
      const kept = asideIn(await readdir(dir));
      assert.match(kept, aside);
      assert.ok((await readFile(join(dir, kept))).equals(bytes), 'kept aside byte for byte');
      assert.equal(await readFile(good, 'utf8'), goodBytes, 'the backup itself is untouched');
    });

    test(`${name}: starting empty keeps the file aside and adds no sample`, async () => {
      await backupsWithADamagedNewest();
      await writeFile(path, bytes);
      const result = await run(answers('empty').choose);
      assert.equal(result.outcome, 'empty');
      if (result.outcome !== 'empty') return;
      assert.equal(result.store.created, false, 'not a first run');
      await seedOnFirstRun(result.store, async () => 'Sample\n\nText of the sample.\n');
      assert.deepEqual(result.store.data, emptyNotebook());
      assert.deepEqual(JSON.parse(await readFile(path, 'utf8')), emptyNotebook());
      const kept = asideIn(await readdir(dir));
      assert.match(kept, aside);
      assert.ok((await readFile(join(dir, kept))).equals(bytes));
    });

    test(`${name}: quitting changes nothing at all`, async () => {
      await backupsWithADamagedNewest();
      await writeFile(path, bytes);
      const before = (await readdir(folder)).sort();
      const result = await run(answers('quit').choose);
      assert.deepEqual(result, { outcome: 'quit', problem, stillAsidePath: null });
      assert.deepEqual(await readdir(dir), ['notebook.json', 'notebook.json.backups']);
      assert.ok((await readFile(path)).equals(bytes));
      assert.deepEqual((await readdir(folder)).sort(), before);
    });
  }

  test('with no backup, restoring is not offered', async () => {
    await writeFile(path, PNG);
    const { asked, choose } = answers('quit');
    await run(choose);
    assert.equal(asked[0]!.question.backup, null);
    assert.deepEqual(asked[0]!.question.choices, ['empty', 'quit']);
  });

  test('upgrade copies and temp files are not offered as backups', async () => {
    const valid = JSON.stringify(notebookOf(1, 1));
    await writeFile(path, PNG);
    await writeFile(`${path}.schema-2.bak`, valid);
    await writeFile(join(dir, `notebook.json.${process.pid}-1.tmp`), valid);
    await mkdir(folder);
    await writeFile(join(folder, `incoming.${process.pid}-1.tmp`), valid);
    await writeFile(join(folder, `notebook-2026-11-28T09-00-00-000Z.json.${process.pid}-2.tmp`), valid);
    const { asked, choose } = answers('quit');
    await run(choose);
    assert.equal(asked[0]!.question.backup, null);
  });

  test('a restore that fails is told, the rest is offered, and quitting then puts the file back', async () => {
    const { good } = await backupsWithADamagedNewest();
    await writeFile(path, PNG);
    const asked: RecoveryQuestion[] = [];
    const result = await run(async (question) => {
      asked.push(question);
      if (asked.length === 1) {
        await unlink(good); // gone between the question and the restore
        return 'restore';
      }
      return 'quit';
    });
    assert.equal(asked.length, 2);
    const again = asked[1]!;
    assert.match(
      again.failure ?? '',
      /Restoring the backup .*notebook-2026-11-28T09-00-00-000Z\.json failed/,
    );
    assert.deepEqual(again.choices, ['empty', 'quit']);
    assert.equal(again.backup, null);
    assert.equal(again.movedAside, true);
    assert.deepEqual(result, { outcome: 'quit', problem: 'not-json', stillAsidePath: null });
    assert.deepEqual(await readdir(dir), ['notebook.json', 'notebook.json.backups']);
    assert.ok((await readFile(path)).equals(PNG));
  });

  test('after a failed restore, starting empty still works', async () => {
    const { good } = await backupsWithADamagedNewest();
    await writeFile(path, PNG);
    let calls = 0;
    const result = await run(async () => {
      calls++;
      if (calls === 1) {
        await writeFile(good, 'damaged after it was listed');
        return 'restore';
      }
      return 'empty';
    });
    assert.equal(result.outcome, 'empty');
    const kept = asideIn(await readdir(dir));
    assert.ok((await readFile(join(dir, kept))).equals(PNG));
    assert.deepEqual(JSON.parse(await readFile(path, 'utf8')), emptyNotebook());
  });

  test('a file that cannot be moved aside is not touched, and only quitting is left', async () => {
    await backupsWithADamagedNewest();
    await writeFile(path, PNG);
    const asked: RecoveryQuestion[] = [];
    const result = await run(async (question) => {
      asked.push(question);
      if (asked.length > 1) return 'quit';
      // Something takes the kept-aside name between the question and the answer: the rename must fail.
      await mkdir(join(question.keptAsidePath!, 'occupied'), { recursive: true });
      return 'restore';
    });
    assert.equal(asked.length, 2);
    assert.match(asked[1]!.failure ?? '', /could not be moved aside .* so nothing was changed/);
    assert.deepEqual(asked[1]!.choices, ['quit']);
    assert.equal(asked[1]!.movedAside, false);
    assert.deepEqual(result, { outcome: 'quit', problem: 'not-json', stillAsidePath: null });
    assert.ok((await readFile(path)).equals(PNG));
  });

  test('a question that cannot be asked puts the file back before the error goes on', async () => {
    await backupsWithADamagedNewest();
    await writeFile(path, PNG);
    let calls = 0;
    await assert.rejects(
      run(async () => {
        calls++;
        if (calls === 1) {
          await rm(folder, { recursive: true });
          return 'restore';
        }
        throw new Error('no display');
      }),
      /no display/,
    );
    assert.deepEqual(await readdir(dir), ['notebook.json']);
    assert.ok((await readFile(path)).equals(PNG));
  });
});

describe('opening without a backup', () => {
  test('backUpOnOpen: false opens a good notebook and takes no backup', async () => {
    await writeFile(path, JSON.stringify(notebookOf(1, 1)));
    const result = await openOrRecover(path, answers().choose, { debounceMs: 0, backUpOnOpen: false });
    assert.equal(result.outcome, 'opened');
    if (result.outcome === 'opened') opened.push(result.store);
    // The open store holds the notebook's lock; no backup folder.
    assert.deepEqual((await readdir(dir)).sort(), ['notebook.json', 'notebook.json.lock']);
  });
});

describe('restoreBackup, the restore without a question', () => {
  test('a damaged file goes aside byte for byte and the newest backup that opens takes its place', async () => {
    const { good, goodBytes } = await backupsWithADamagedNewest();
    await writeFile(path, PNG);
    const restored = await restoreBackup(path, null, { debounceMs: 0, now: NOW });
    assert.equal(restored.backup?.path, good);
    assert.equal(restored.before, 'damaged');
    assert.equal(restored.unchanged, false);
    assert.equal(restored.keptAsidePath, join(dir, 'notebook.json.damaged-2026-11-30T18-22-05-123Z.json'));
    assert.ok((await readFile(restored.keptAsidePath!)).equals(PNG));
    assert.equal(await readFile(path, 'utf8'), goodBytes);
  });

  test('a good file goes aside as .replaced-, and one that already holds the backup is left alone', async () => {
    const { good, goodBytes } = await backupsWithADamagedNewest();
    const current = JSON.stringify(notebookOf(1, 0));
    await writeFile(path, current);
    const restored = await restoreBackup(path, basename(good), { debounceMs: 0, now: NOW });
    assert.equal(restored.before, 'good');
    assert.equal(basename(restored.keptAsidePath!), 'notebook.json.replaced-2026-11-30T18-22-05-123Z.json');
    assert.equal(await readFile(restored.keptAsidePath!, 'utf8'), current);
    assert.equal(await readFile(path, 'utf8'), goodBytes);

    const filesBefore = (await readdir(dir)).sort();
    const again = await restoreBackup(path, good, { debounceMs: 0, now: NOW });
    assert.equal(again.unchanged, true);
    assert.equal(again.keptAsidePath, null);
    assert.deepEqual((await readdir(dir)).sort(), filesBefore);
  });

  test('with no notebook file, the backup is simply put in place', async () => {
    const { goodBytes } = await backupsWithADamagedNewest();
    const restored = await restoreBackup(path, null, { debounceMs: 0, now: NOW });
    assert.equal(restored.before, 'missing');
    assert.equal(restored.keptAsidePath, null);
    assert.equal(await readFile(path, 'utf8'), goodBytes);
  });

  test('a restore that fails after moving the file aside puts it back and says so', async () => {
    await backupsWithADamagedNewest();
    await writeFile(path, PNG);
    const backupsBefore = (await readdir(folder)).sort();
    await assert.rejects(
      restoreBackup(path, null, {
        debounceMs: 0,
        now: NOW,
        adapterFor: () => ({
          read: async () => {
            throw new Error('the disk went away');
          },
          write: async () => undefined,
        }),
      }),
      (error: Error) => {
        assert.ok(error instanceof RestoreError);
        assert.match(error.message, /the disk went away/);
        assert.match(error.message, /put back as it was/);
        return true;
      },
    );
    assert.deepEqual(await readdir(dir), ['notebook.json', 'notebook.json.backups']);
    assert.ok((await readFile(path)).equals(PNG));
    assert.deepEqual((await readdir(folder)).sort(), backupsBefore);
  });

  test('refusals change nothing: no backup, a damaged one, one that is not there, the notebook itself', async () => {
    await writeFile(path, PNG);
    await assert.rejects(
      restoreBackup(path, null),
      /No backup of .* opens: there are none in .*nothing was changed/,
    );
    await backupsWithADamagedNewest();
    const damaged = 'notebook-2026-11-29T09-00-00-000Z.json';
    await assert.rejects(restoreBackup(path, damaged), /cannot be opened: .*nothing was changed/);
    await assert.rejects(restoreBackup(path, 'notebook-2001-01-01T00-00-00-000Z.json'), /There is no backup/);
    await assert.rejects(restoreBackup(path, path), /is the notebook itself/);
    await unlink(join(folder, 'notebook-2026-11-28T09-00-00-000Z.json'));
    await assert.rejects(restoreBackup(path, null), /none of the 1 in .* can be opened/);
    assert.deepEqual(await readdir(dir), ['notebook.json', 'notebook.json.backups']);
    assert.ok((await readFile(path)).equals(PNG));
  });
});
