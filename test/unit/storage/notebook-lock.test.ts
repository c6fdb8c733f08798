// Written for Parley: one writer per notebook (main/storage/notebook-lock.ts). A store opened for writing holds
// `<notebook>.lock` until it closes; a second writer is refused and writes nothing; a lock whose holder is gone is
// taken over; a command's lock is waited for briefly; recovery and restore hold the lock too.
import { test, describe, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { lstat, mkdir, mkdtemp, readdir, readFile, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { emptyNotebook, type Topic } from '../../../shared/model';
import { openNotebookStore, type NotebookStore } from '../../../main/storage/notebook-store';
import {
  acquireNotebookLock,
  lockPathOf,
  NotebookLockedError,
  type LockInfo,
} from '../../../main/storage/notebook-lock';
import { openOrRecover, restoreBackup, startEmpty } from '../../../main/storage/recovery';
import { takeBackup } from '../../../main/storage/backups';

let dir = '';
let path = '';
let lockPath = '';
const opened: NotebookStore[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'parley-lock-'));
  path = join(dir, 'notebook.json');
  lockPath = lockPathOf(path);
});
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close().catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
});

function topic(n: number): Topic {
  return { id: `t${n}`, path: `topic/${n}`, colour: '#cc6600', description: '' };
}

async function open(): Promise<NotebookStore> {
  const store = await openNotebookStore(path, { debounceMs: 0 });
  opened.push(store);
  return store;
}

/** The pid of a process that has exited: nothing runs under it now (until the system reuses it). */
function deadPid(): number {
  return Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout);
}

async function writeLock(info: Partial<LockInfo> & { pid: number }, ageMs = 0): Promise<void> {
  const full = {
    hostname: hostname(),
    by: 'app',
    started: new Date(Date.now() - ageMs).toISOString(),
    ...info,
  };
  await writeFile(lockPath, JSON.stringify(full));
  if (ageMs > 0) {
    const then = new Date(Date.now() - ageMs);
    await utimes(lockPath, then, then);
  }
}

async function lockOnDisk(): Promise<LockInfo> {
  return JSON.parse(await readFile(lockPath, 'utf8')) as LockInfo;
}

describe('the lock a store holds', () => {
  test('opening for writing creates the lock naming this process; closing removes it', async () => {
    const store = await open();
    const lock = await lockOnDisk();
    assert.equal(lock.pid, process.pid);
    assert.equal(lock.hostname, hostname());
    assert.equal(lock.by, 'app');
    assert.ok(!Number.isNaN(Date.parse(lock.started)), lock.started);
    store.change((nb) => nb.topics.push(topic(1)));
    await store.close();
    assert.equal(existsSync(lockPath), false);
    assert.deepEqual(JSON.parse(await readFile(path, 'utf8')).topics, [topic(1)]);
  });

  test('a second store on the same file is refused, names the holder, and the first saves everything', async () => {
    const first = await open();
    first.change((nb) => nb.topics.push(topic(1)));
    await first.flush();
    const before = await readFile(path, 'utf8');
    await assert.rejects(openNotebookStore(path), (error: unknown) => {
      assert.ok(error instanceof NotebookLockedError, String(error));
      assert.equal(error.holder?.pid, process.pid);
      assert.match(error.message, new RegExp(`has ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} open`));
      assert.match(error.message, new RegExp(`process ${process.pid}`));
      return true;
    });
    assert.equal(await readFile(path, 'utf8'), before, 'the refused open wrote nothing');
    assert.equal((await lockOnDisk()).pid, process.pid, 'the refusal left the holder its lock');
    first.change((nb) => nb.topics.push(topic(2)));
    await first.close();
    assert.deepEqual(JSON.parse(await readFile(path, 'utf8')).topics, [topic(1), topic(2)]);
    const again = await open();
    assert.deepEqual(again.data.topics, [topic(1), topic(2)]);
  });

  test('a store opened to read takes no lock, works beside a writer and refuses changes', async () => {
    const writer = await open();
    writer.change((nb) => nb.topics.push(topic(1)));
    await writer.flush();
    const reader = await openNotebookStore(path, { access: 'read' });
    assert.deepEqual(reader.data.topics, [topic(1)]);
    assert.throws(() => reader.change((nb) => nb.topics.push(topic(9))), /read only/);
    await reader.close();
    assert.equal((await lockOnDisk()).pid, process.pid, "closing the reader left the writer's lock alone");
  });

  test('a failed open releases the lock it took', async () => {
    await writeFile(path, '{"schemaVersion": 1, "documents": [');
    await assert.rejects(openNotebookStore(path), { name: 'NotebookFileError' });
    assert.equal(existsSync(lockPath), false);
  });

  test('a lock left by a process that exited without closing is removed as it exits', () => {
    const module = resolve(import.meta.dirname, '../../../main/storage/notebook-lock.ts');
    const child = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        `import(${JSON.stringify(module)}).then(async (m) => { await m.acquireNotebookLock(${JSON.stringify(path)}); ` +
          `console.log(require('node:fs').existsSync(${JSON.stringify(lockPath)})); })`,
      ],
      { encoding: 'utf8' },
    );
    assert.equal(child.status, 0, child.stderr);
    assert.equal(child.stdout.trim(), 'true', 'the child held the lock');
    assert.equal(existsSync(lockPath), false, 'gone once the child exited');
  });
});

describe('stale locks', () => {
  test('a lock whose process is gone (this computer) is taken over, and says so', async () => {
    await writeFile(path, JSON.stringify({ ...emptyNotebook(), topics: [topic(3)] }));
    const dead = deadPid();
    await writeLock({ pid: dead, by: 'cli', command: 'parley import' });
    const notes: string[] = [];
    const store = await openNotebookStore(path, { lock: { onStaleTakeover: (note) => notes.push(note) } });
    opened.push(store);
    assert.deepEqual(store.data.topics, [topic(3)]);
    assert.equal((await lockOnDisk()).pid, process.pid);
    assert.equal(notes.length, 1);
    assert.match(notes[0]!, new RegExp(`process ${dead} no longer runs`));
    assert.deepEqual((await readdir(dir)).sort(), ['notebook.json', 'notebook.json.lock']);
  });

  test('a lock that is not JSON is taken over only once it is more than a minute old', async () => {
    await writeFile(lockPath, '{"pid": 12');
    await assert.rejects(openNotebookStore(path, { lock: { waitForCommandMs: 150 } }), (error: unknown) => {
      assert.ok(error instanceof NotebookLockedError, String(error));
      assert.equal(error.holder, null);
      assert.match(error.message, /is being written/);
      return true;
    });
    assert.equal(await readFile(lockPath, 'utf8'), '{"pid": 12', 'the young lock was left alone');
    const then = new Date(Date.now() - 2 * 60 * 1000);
    await utimes(lockPath, then, then);
    await open();
    assert.equal((await lockOnDisk()).pid, process.pid);
  });

  test("another computer's app lock is never taken over by age; its command lock after an hour", async () => {
    await writeLock({ pid: 4242, hostname: 'elsewhere.example', by: 'app' }, 3 * 24 * 60 * 60 * 1000);
    await assert.rejects(openNotebookStore(path), (error: unknown) => {
      assert.ok(error instanceof NotebookLockedError, String(error));
      assert.match(error.message, /process 4242 on elsewhere\.example/);
      assert.match(error.message, new RegExp(`delete ${lockPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
      return true;
    });
    await writeLock({ pid: 4242, hostname: 'elsewhere.example', by: 'cli' }, 2 * 60 * 60 * 1000);
    await open();
    assert.equal((await lockOnDisk()).pid, process.pid);
  });
});

describe("waiting for a command's lock", () => {
  test('the app waits for a command that finishes, then opens', async () => {
    const command = await acquireNotebookLock(path, { by: 'cli', command: 'parley import' });
    // The clock is read once for the new lock's date, then on each lock found: the command finishes once the app
    // has found its lock twice, so it has waited.
    let readings = 0;
    const now = () => {
      if (++readings === 3) void command.release();
      return new Date();
    };
    const store = await openNotebookStore(path, { lock: { waitForCommandMs: 5000, now } });
    opened.push(store);
    assert.equal((await lockOnDisk()).by, 'app');
  });

  test('a command that does not finish in time is named in the refusal', async () => {
    const command = await acquireNotebookLock(path, { by: 'cli', command: 'parley import' });
    try {
      const started = Date.now();
      await assert.rejects(openNotebookStore(path, { lock: { waitForCommandMs: 300 } }), (error: unknown) => {
        assert.ok(error instanceof NotebookLockedError, String(error));
        assert.match(error.message, /The command `parley import` is writing/);
        assert.match(error.message, /Try again when it has finished/);
        return true;
      });
      assert.ok(Date.now() - started >= 280, 'it waited');
    } finally {
      await command.release();
    }
  });

  test("an app's lock is refused at once, without waiting", async () => {
    await open();
    const started = Date.now();
    await assert.rejects(openNotebookStore(path, { lock: { waitForCommandMs: 5000 } }), {
      name: 'NotebookLockedError',
    });
    assert.ok(Date.now() - started < 2000, 'refused without waiting for the command timeout');
  });
});

describe('recovery and restore hold the lock', () => {
  test('openOrRecover on a notebook another writer holds is refused before anything is asked', async () => {
    await writeFile(path, '{"schemaVersion": 1, "documents": [');
    const holder = await acquireNotebookLock(path);
    try {
      let asked = 0;
      await assert.rejects(
        openOrRecover(path, async () => {
          asked++;
          return 'empty';
        }),
        { name: 'NotebookLockedError' },
      );
      assert.equal(asked, 0);
      assert.equal(await readFile(path, 'utf8'), '{"schemaVersion": 1, "documents": [');
    } finally {
      await holder.release();
    }
  });

  test('the lock is held while the recovery question is open, and handed to the store', async () => {
    await writeFile(path, 'not json');
    const recovery = await openOrRecover(path, async () => {
      assert.equal((await lockOnDisk()).pid, process.pid, 'locked while the user decides');
      return 'empty';
    });
    if (recovery.outcome !== 'empty') return assert.fail(`outcome ${recovery.outcome}`);
    assert.ok(existsSync(lockPath));
    await recovery.store.close();
    assert.equal(existsSync(lockPath), false);
  });

  test('quitting the recovery question releases the lock', async () => {
    await writeFile(path, 'not json');
    const recovery = await openOrRecover(path, async () => 'quit');
    assert.equal(recovery.outcome, 'quit');
    assert.equal(existsSync(lockPath), false);
  });

  test('restore and start-empty are refused while the notebook is open, changing nothing', async () => {
    const store = await open();
    store.change((nb) => nb.topics.push(topic(1)));
    await store.flush();
    await takeBackup(path);
    store.change((nb) => nb.topics.push(topic(2)));
    await store.flush();
    const before = await readFile(path, 'utf8');
    const files = (await readdir(dir)).sort();
    await assert.rejects(restoreBackup(path, null), { name: 'NotebookLockedError' });
    await assert.rejects(startEmpty(path), { name: 'NotebookLockedError' });
    assert.equal(await readFile(path, 'utf8'), before);
    assert.deepEqual((await readdir(dir)).sort(), files);
    await store.close();
    const restored = await restoreBackup(path, null);
    assert.equal(restored.unchanged, false);
    assert.equal(existsSync(lockPath), false, 'the restore released its lock');
    assert.deepEqual(JSON.parse(await readFile(path, 'utf8')).topics, [topic(1)]);
  });
});

describe('one lock per file, however it is reached', () => {
  test('a notebook opened through a symlink meets the lock of its target, and the other way round', async () => {
    const real = join(dir, 'real.json');
    const link = join(dir, 'link.json');
    await writeFile(real, JSON.stringify(emptyNotebook()));
    await symlink(real, link);
    const viaLink = await openNotebookStore(link, { debounceMs: 0 });
    opened.push(viaLink);
    await assert.rejects(openNotebookStore(real, { debounceMs: 0 }), NotebookLockedError);
    await assert.rejects(acquireNotebookLock(real, { waitForCommandMs: 0 }), NotebookLockedError);
    await viaLink.close();
    const direct = await openNotebookStore(real, { debounceMs: 0 });
    opened.push(direct);
    await assert.rejects(openNotebookStore(link, { debounceMs: 0 }), NotebookLockedError);
  });

  test('through a symlinked folder (and `..` past it) the lock, the writes and the backups are the real ones', async () => {
    // linkdir → a/realdir, so linkdir/../nb.json is a/nb.json to the file system, though it reads as nb.json here.
    await mkdir(join(dir, 'a', 'realdir'), { recursive: true });
    await symlink(join(dir, 'a', 'realdir'), join(dir, 'linkdir'));
    const real = join(dir, 'a', 'nb.json');
    await writeFile(real, JSON.stringify(emptyNotebook()));
    const recovery = await openOrRecover(
      // Not join(): it would take `linkdir/..` away by its text, as the file system does not.
      [dir, 'linkdir', '..', 'nb.json'].join(sep),
      async () => 'quit',
      {
        debounceMs: 0,
      },
    );
    if (recovery.outcome !== 'opened') assert.fail(`not opened: ${recovery.outcome}`);
    const store = recovery.store;
    opened.push(store);
    await assert.rejects(openNotebookStore(real, { debounceMs: 0 }), NotebookLockedError);
    store.change((nb) => nb.topics.push(topic(1)));
    await store.flush();
    assert.equal(JSON.parse(await readFile(real, 'utf8')).topics.length, 1);
    assert.equal(
      (await readdir(join(dir, 'a', 'nb.json.backups'))).length,
      1,
      'the backup is beside a/nb.json',
    );
    assert.deepEqual(
      (await readdir(dir)).sort(),
      ['a', 'linkdir'],
      'nothing written where the path only seems to lead',
    );
  });

  test('saving through a symlink writes its target and leaves the symlink in place', async () => {
    const real = join(dir, 'real.json');
    const link = join(dir, 'link.json');
    await writeFile(real, JSON.stringify(emptyNotebook()));
    await symlink('real.json', link);
    const store = await openNotebookStore(link, { debounceMs: 0 });
    opened.push(store);
    store.change((nb) => nb.topics.push(topic(1)));
    await store.flush();
    assert.ok((await lstat(link)).isSymbolicLink(), 'link.json is still a symlink');
    const saved = JSON.parse(await readFile(real, 'utf8'));
    assert.deepEqual(
      saved.topics.map((t: Topic) => t.id),
      ['t1'],
    );
    assert.deepEqual((await readdir(dir)).sort(), [
      'link.json',
      'real.json',
      'real.json.journal',
      'real.json.lock',
    ]);
  });

  test('a dangling symlink is followed: the notebook is created at its target and the symlink stays', async () => {
    const link = join(dir, 'link.json');
    await mkdir(join(dir, 'there'));
    await symlink(join('there', 'nb.json'), link);
    const store = await openNotebookStore(link, { debounceMs: 0 });
    opened.push(store);
    assert.ok((await lstat(link)).isSymbolicLink());
    assert.ok(existsSync(join(dir, 'there', 'nb.json')));
    await assert.rejects(
      openNotebookStore(join(dir, 'there', 'nb.json'), { debounceMs: 0 }),
      NotebookLockedError,
    );
  });

  test('a lock path that is a folder is refused with a message naming it', async () => {
    await writeFile(path, JSON.stringify(emptyNotebook()));
    await mkdir(lockPath);
    await assert.rejects(openNotebookStore(path, { debounceMs: 0 }), (error: Error) => {
      assert.ok(error.message.includes(lockPath), error.message);
      assert.match(error.message, /is a folder/);
      assert.match(error.message, /nothing was written/);
      return true;
    });
  });
});
