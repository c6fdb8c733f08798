/**
 * Written for Parley: the command line and the notebook lock. While the app (a store opened for writing) has the
 * notebook open, commands that write are refused with a message naming it and write nothing, so the app's next
 * save cannot silently drop their work; commands that only read still work; a lock left by a process that is gone
 * is taken over with a note. In-process through `run`, and as the built `dist/cli.cjs`.
 */
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { lstat, mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { promisify } from 'node:util';
import { openNotebookStore, type NotebookStore } from '../../main/storage/notebook-store';
import { notebookBytesOnDisk } from '../../main/storage/journal';
import { builtCli, needsBuiltCli, parley, sampleNotebook, useTempDir } from './support';

const dir = useTempDir('parley-cli-lock-');

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A sample notebook, open in a store as the app opens it; `report.txt` ready to import. */
async function openInApp(name: string) {
  const { notebook, id } = await sampleNotebook(dir(), name);
  const report = join(dir(), `${name}.report.txt`);
  await writeFile(report, 'Quarterly report\n\nThe figures are in.\n');
  const store: NotebookStore = await openNotebookStore(notebook, { debounceMs: 0 });
  return { notebook, id, report, store };
}

/** Everything beside the notebook and in its backups folder, to show a refused command left it all as it was. */
async function filesAround(notebook: string): Promise<string[]> {
  const around = await readdir(dir());
  const backups = existsSync(`${notebook}.backups`) ? await readdir(`${notebook}.backups`) : [];
  return [...around, ...backups.map((b) => `backups/${b}`)].sort();
}

describe('a notebook the app has open', () => {
  test('parley import is refused, writes nothing, and the app keeps everything on its next save', async () => {
    const { notebook, report, store } = await openInApp('import.json');
    try {
      const before = await readFile(notebook, 'utf8');
      const files = await filesAround(notebook);

      const imported = await parley('import', report, '--notebook', notebook);
      assert.equal(imported.code, 1, imported.stdout);
      assert.equal(imported.stdout, '');
      assert.match(
        imported.stderr,
        new RegExp(
          `^parley: Parley has ${escaped(notebook)} open \\(process ${process.pid}, since \\d\\d:\\d\\d\\)`,
        ),
      );
      assert.match(
        imported.stderr,
        /Close it first, or open the files with Parley itself — double-click them, or run the installed app's `parley FILE…` — which imports them into the open notebook/,
      );
      assert.match(imported.stderr, /nothing was written/);
      assert.equal(await readFile(notebook, 'utf8'), before, 'the notebook is as the app wrote it');
      assert.deepEqual(await filesAround(notebook), files, 'no backup, no temp file, no lock taken over');

      // The app goes on: its next save holds all it had, and nothing was lost in silence.
      const titles = store.data.documents.map((d) => d.title);
      store.change((nb) => nb.topics.push({ id: 't1', path: 'later', colour: '#cc6600', description: '' }));
      await store.flush();
      // Saved: in the notebook file or in its journal beside it, which every reader applies.
      const saved = JSON.parse((await notebookBytesOnDisk(notebook)).toString('utf8'));
      assert.deepEqual(
        saved.documents.map((d: { title: string }) => d.title),
        titles,
      );
      assert.equal(saved.topics.at(-1).path, 'later');
    } finally {
      await store.close();
    }

    // Closed: the same import goes through, and the app's change is still there beside it.
    const again = await parley('import', report, '--notebook', notebook);
    assert.equal(again.code, 0, again.stderr);
    const list = await parley('list', '--notebook', notebook);
    assert.match(list.stdout, /\tQuarterly report\t0\n/);
    const saved = JSON.parse(await readFile(notebook, 'utf8'));
    assert.equal(saved.topics.at(-1).path, 'later');
    assert.equal(existsSync(`${notebook}.lock`), false, 'the command released its lock');
  });

  test('commands that only read work; every command that writes is refused and changes nothing', async () => {
    const { notebook, id, report, store } = await openInApp('readers.json');
    try {
      const before = await readFile(notebook, 'utf8');
      for (const args of [
        ['list'],
        ['export'],
        ['export', '--all'],
        ['export', '--format', 'csv'],
        ['suggest', '--document', id],
        ['backups'],
      ]) {
        const result = await parley(...args, '--notebook', notebook);
        assert.equal(result.code, 0, `${args.join(' ')}: ${result.stderr}`);
      }
      const annotations = join(dir(), 'none.jsonld');
      await writeFile(annotations, JSON.stringify({ type: 'AnnotationCollection', items: [] }));
      for (const args of [
        ['import', report],
        ['suggest', '--document', id, '--accept'],
        ['annotations', 'import', annotations, '--document', id],
        ['restore', '--latest'],
        ['restore', '--empty'],
      ]) {
        const files = await filesAround(notebook);
        const result = await parley(...args, '--notebook', notebook);
        assert.equal(result.code, 1, `${args.join(' ')}: ${result.stdout}`);
        assert.match(result.stderr, /^parley: Parley has .* open \(process \d+/, args.join(' '));
        assert.equal(await readFile(notebook, 'utf8'), before, args.join(' '));
        assert.deepEqual(await filesAround(notebook), files, args.join(' '));
      }
    } finally {
      await store.close();
    }
  });

  test('a lock left by a command that is gone is taken over, with a note on stderr', async () => {
    const { notebook } = await sampleNotebook(dir(), 'stale.json');
    const report = join(dir(), 'stale.txt');
    await writeFile(report, 'Stale\n\nAfter a crash.\n');
    const dead = Number(
      spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout,
    );
    await writeFile(
      `${notebook}.lock`,
      JSON.stringify({
        pid: dead,
        hostname: hostname(),
        by: 'cli',
        command: 'parley import',
        started: '2026-12-01',
      }),
    );
    const imported = await parley('import', report, '--notebook', notebook);
    assert.equal(imported.code, 0, imported.stderr);
    assert.match(
      imported.stderr,
      new RegExp(`was left locked \\(a parley command, process ${dead} no longer runs\\)`),
    );
    assert.match(imported.stdout, /\tStale\n$/);
    assert.equal(existsSync(`${notebook}.lock`), false);
  });
});

describe('a notebook reached through a symlink', () => {
  test("the app has link.json open: an import into its target is refused, and after the app's save nothing is lost", async () => {
    const { notebook: real } = await sampleNotebook(dir(), 'nb.json');
    await mkdir(join(dir(), 'real'));
    const target = join(dir(), 'real', 'nb.json');
    await writeFile(target, await readFile(real));
    const link = join(dir(), 'link.json');
    await symlink(join('real', 'nb.json'), link);
    const report = join(dir(), 'split.txt');
    await writeFile(report, 'Split notebook\n\nNothing may be lost.\n');

    const store = await openNotebookStore(link, { debounceMs: 0 });
    try {
      const refused = await parley('import', report, '--notebook', target);
      assert.equal(refused.code, 1, refused.stdout);
      assert.match(refused.stderr, /^parley: Parley has .* open \(process \d+/);
      store.change((nb) =>
        nb.topics.push({ id: 't1', path: 'app-change', colour: '#cc6600', description: '' }),
      );
      await store.flush();
    } finally {
      await store.close();
    }
    assert.ok((await lstat(link)).isSymbolicLink(), 'the app saved through the symlink, not over it');

    const imported = await parley('import', report, '--notebook', target);
    assert.equal(imported.code, 0, imported.stderr);
    // The backups sit beside the real file, and are found through the symlink too.
    const backups = await parley('backups', '--notebook', link);
    assert.equal(backups.code, 0, backups.stderr);
    assert.match(backups.stdout, new RegExp(escaped(join(dir(), 'real', 'nb.json.backups'))));
    for (const path of [link, target]) {
      const saved = JSON.parse(await readFile(path, 'utf8'));
      assert.equal(saved.topics.at(-1).path, 'app-change', path);
      assert.ok(
        saved.documents.some((d: { title: string }) => d.title === 'Split notebook'),
        path,
      );
    }
  });
});

describe('what a refusal prints', () => {
  test("terminal escapes in a lock's command do not reach the terminal raw", async () => {
    const { notebook } = await sampleNotebook(dir(), 'escapes.json');
    const report = join(dir(), 'escapes.txt');
    await writeFile(report, 'Escapes\n\nNone.\n');
    await writeFile(
      `${notebook}.lock`,
      JSON.stringify({
        pid: process.pid,
        hostname: hostname(),
        by: 'cli',
        command: 'parley \u001b]0;owned\u0007\u001b[2Jimport',
        started: new Date().toISOString(),
      }),
    );
    const before = await readFile(notebook, 'utf8');
    const { code, stderr: err } = await parley('import', report, '--notebook', notebook);
    assert.equal(code, 1);
    // eslint-disable-next-line no-control-regex
    assert.doesNotMatch(err, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/, JSON.stringify(err));
    assert.match(err, /parley .*import/);
    assert.equal(await readFile(notebook, 'utf8'), before);
  });

  test('a lock path that is a folder is named, with what to do', async () => {
    const { notebook } = await sampleNotebook(dir(), 'folder.json');
    const report = join(dir(), 'folder.txt');
    await writeFile(report, 'Folder\n\nNone.\n');
    await mkdir(`${notebook}.lock`);
    const result = await parley('import', report, '--notebook', notebook);
    assert.equal(result.code, 1);
    assert.ok(result.stderr.includes(`${notebook}.lock`), result.stderr);
    assert.match(result.stderr, /is a folder/);
    assert.doesNotMatch(result.stderr, /unexpected error|EISDIR/);
  });
});

describe('the built dist/cli.cjs', () => {
  test('refuses to import into a notebook the app has open', needsBuiltCli, async () => {
    const { notebook, report, store } = await openInApp('built.json');
    try {
      const before = await readFile(notebook, 'utf8');
      const failed = await promisify(execFile)(process.execPath, [
        builtCli,
        'import',
        report,
        '--notebook',
        notebook,
      ]).then(
        () => assert.fail('the import should have been refused'),
        (error: { code: number; stderr: string }) => error,
      );
      assert.equal(failed.code, 1);
      assert.match(
        failed.stderr,
        new RegExp(`^parley: Parley has ${escaped(notebook)} open \\(process ${process.pid}`),
      );
      assert.equal(await readFile(notebook, 'utf8'), before);
      const listed = await promisify(execFile)(process.execPath, [builtCli, 'list', '--notebook', notebook]);
      assert.match(listed.stdout, /\t0\n$/);
    } finally {
      await store.close();
    }
  });
});
