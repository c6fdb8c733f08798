/**
 * The command line's backups, as the app keeps them: writing commands take a byte-for-byte backup of the good
 * notebook before they write (none when it equals the newest, the newest 10 kept), read-only ones take none;
 * `parley backups` lists them newest first; a damaged notebook is refused with a message that names the newest
 * backup that opens and the command that restores it, changing nothing; `parley restore` moves the current file
 * aside byte for byte and restores. In-process through `run`, and as the built `dist/cli.cjs`.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, truncate, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { describe, test } from 'node:test';
import { promisify } from 'node:util';
import { emptyNotebook, SCHEMA_VERSION } from '../../shared/model';
import { builtCli, needsBuiltCli, parley, quoteAnnotation, useTempDir, writeJson } from './support';

const dir = useTempDir('parley-cli-backups-');

const LINE = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)\t(\d+|damaged)\t(\d+|damaged)\t(.+)$/;

interface Listed {
  time: string;
  documents: string;
  highlights: string;
  path: string;
}

/** Runs `parley backups` and checks every line has the promised shape. */
async function listed(notebook: string): Promise<Listed[]> {
  const result = await parley('backups', '--notebook', notebook);
  assert.equal(result.code, 0, result.stderr);
  if (result.stdout === '') return [];
  assert.ok(result.stdout.endsWith('\n'));
  return result.stdout
    .slice(0, -1)
    .split('\n')
    .map((line) => {
      const m = LINE.exec(line);
      assert.ok(m, `a line of parley backups: ${JSON.stringify(line)}`);
      return { time: m[1]!, documents: m[2]!, highlights: m[3]!, path: m[4]! };
    });
}

async function backupNames(notebook: string): Promise<string[]> {
  return (await readdir(`${notebook}.backups`).catch(() => [] as string[])).sort();
}

/** A text file of `n` paragraphs, written for the tests. */
async function textFile(name: string, title: string, paragraphs = 1): Promise<string> {
  const file = join(dir(), name);
  const body = Array.from(
    { length: paragraphs },
    (_, i) => `Paragraph ${i} of a text written for the tests.`,
  );
  await writeFile(file, `${title}\n\n${body.join('\n\n')}\n`);
  return file;
}

async function ok(...argv: string[]) {
  const result = await parley(...argv);
  assert.equal(result.code, 0, `parley ${argv.join(' ')}: ${result.stderr}`);
  return result;
}

/** A folder of its own with a sample notebook in it; returns the notebook's path. */
async function sampleNotebook(name: string): Promise<string> {
  const folder = join(dir(), name);
  await mkdir(folder);
  const notebook = join(folder, 'notebook.json');
  await ok('init', '--sample', '--notebook', notebook);
  return notebook;
}

/** The sample article's id in the notebook. */
async function sampleId(notebook: string): Promise<string> {
  const lines = (await ok('list', '--notebook', notebook)).stdout.trim().split('\n');
  const sample = lines.map((line) => line.split('\t')).find((cols) => cols[1]!.startsWith('Miliband'));
  assert.ok(sample, lines.join('\n'));
  return sample[0]!;
}

/** Every file in the notebook's folder and its backups folder, with its bytes. */
async function snapshot(notebook: string): Promise<Map<string, Buffer>> {
  const folder = join(notebook, '..');
  const files = new Map<string, Buffer>();
  for (const name of (await readdir(folder)).sort()) {
    if (name.endsWith('.backups')) {
      for (const inner of (await readdir(join(folder, name))).sort()) {
        files.set(`${name}/${inner}`, await readFile(join(folder, name, inner)));
      }
    } else {
      files.set(name, await readFile(join(folder, name)));
    }
  }
  return files;
}

/** The path the output says the old file was moved to, with the kind of file it was. */
function asideFrom(stdout: string, kind: string): string {
  const m = new RegExp(
    `moved aside, unchanged, to (.+\\.${kind}-\\d{4}-\\d{2}-\\d{2}T[\\d-]+Z(?:-\\d+)?\\.json)\\n`,
  ).exec(stdout);
  assert.ok(m, stdout);
  return m[1]!;
}

describe('backups taken by the command line', () => {
  test('writing commands back up the notebook as it was before they wrote; read-only ones take none', async () => {
    const notebook = await sampleNotebook('writers');
    assert.deepEqual(await backupNames(notebook), [], 'a notebook just created has nothing to back up');

    const id = await sampleId(notebook);
    await ok('export', '--notebook', notebook);
    await ok('export', '--format', 'csv', '--notebook', notebook);
    await ok('suggest', '--document', id, '--notebook', notebook);
    await ok('backups', '--notebook', notebook);
    assert.deepEqual(await backupNames(notebook), [], 'list, export, suggest and backups take no backup');

    const beforeImport = await readFile(notebook);
    await ok('import', await textFile('one.txt', 'First text'), '--notebook', notebook);
    let names = await backupNames(notebook);
    assert.equal(names.length, 1);
    assert.match(names[0]!, /^notebook-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z(-\d+)?\.json$/);
    assert.ok(
      (await readFile(join(`${notebook}.backups`, names[0]!))).equals(beforeImport),
      'the backup is the file as it was before the import, byte for byte',
    );

    const beforeAccept = await readFile(notebook);
    await ok('suggest', '--document', id, '--accept', '--notebook', notebook);
    names = await backupNames(notebook);
    assert.equal(names.length, 2, 'suggest --accept writes, so it backs up first');
    const newest = (await listed(notebook))[0]!;
    assert.ok((await readFile(newest.path)).equals(beforeAccept));

    const annotations = await writeJson(dir(), 'writers.jsonld', [
      quoteAnnotation('Paragraph 0 of a text written for the tests.', 'A note.', 'tests'),
    ]);
    const docId = (await ok('list', '--notebook', notebook)).stdout
      .trim()
      .split('\n')
      .map((line) => line.split('\t'))
      .find((cols) => cols[1] === 'First text')![0]!;
    const beforeAnnotations = await readFile(notebook);
    await ok('annotations', 'import', annotations, '--document', docId, '--notebook', notebook);
    names = await backupNames(notebook);
    assert.equal(names.length, 3, 'annotations import writes, so it backs up first');
    assert.ok((await readFile((await listed(notebook))[0]!.path)).equals(beforeAnnotations));

    await ok('list', '--notebook', notebook);
    await ok('export', '--all', '--notebook', notebook);
    assert.equal((await backupNames(notebook)).length, 3);
  });

  test('a file identical to the newest backup is not copied again', async () => {
    const notebook = await sampleNotebook('dedupe');
    await ok('import', await textFile('dedupe.txt', 'Dedupe text'), '--notebook', notebook);
    const refused = await writeJson(dir(), 'refused.jsonld', [
      quoteAnnotation('words in no document', 'n', 't'),
    ]);
    // A refused import opens the notebook to write and writes nothing: the first backs up the imported state,
    // the second finds that state already the newest backup.
    for (let i = 0; i < 3; i++) {
      assert.equal((await parley('annotations', 'import', refused, '--notebook', notebook)).code, 1);
    }
    const names = await backupNames(notebook);
    assert.equal(names.length, 2, names.join(', '));
    assert.ok((await readFile(join(`${notebook}.backups`, names.at(-1)!))).equals(await readFile(notebook)));
  });

  test('only the newest 10 are kept', async () => {
    const notebook = await sampleNotebook('keep');
    for (let i = 1; i <= 12; i++) {
      await ok('import', await textFile(`keep-${i}.txt`, `Keep text ${i}`), '--notebook', notebook);
    }
    const backups = await listed(notebook);
    assert.equal(backups.length, 10);
    // Backed up before imports 3..12: the notebook then held the sample and 2..11 texts.
    assert.deepEqual(
      backups.map((b) => b.documents),
      ['12', '11', '10', '9', '8', '7', '6', '5', '4', '3'],
    );
  });
});

describe('parley backups', () => {
  test('prints time<TAB>documents<TAB>highlights<TAB>path per backup, newest first', async () => {
    const notebook = await sampleNotebook('listing');
    const id = await sampleId(notebook);
    await ok('import', await textFile('listing-1.txt', 'Listing one'), '--notebook', notebook);
    await ok('suggest', '--document', id, '--accept', '--notebook', notebook);
    await ok('import', await textFile('listing-2.txt', 'Listing two'), '--notebook', notebook);

    const backups = await listed(notebook);
    assert.deepEqual(
      backups.map((b) => [b.documents, b.highlights]),
      [
        ['2', '14'],
        ['2', '0'],
        ['1', '0'],
      ],
    );
    const names = await backupNames(notebook);
    assert.deepEqual(
      backups.map((b) => b.path),
      [...names].reverse().map((name) => join(`${notebook}.backups`, name)),
    );
    for (const b of backups) {
      // The time is the one in the backup's name, as ISO 8601 in UTC.
      assert.equal(
        basename(b.path).slice('notebook-'.length, 'notebook-'.length + 24),
        b.time.replace(/[:.]/g, '-'),
      );
    }
    const times = backups.map((b) => Date.parse(b.time));
    assert.deepEqual(
      times,
      [...times].sort((a, b) => b - a),
    );
  });

  test('a damaged backup is listed with damaged in its count columns', async () => {
    const notebook = await sampleNotebook('listing-damaged');
    await ok('import', await textFile('ld-1.txt', 'Damaged listing one'), '--notebook', notebook);
    await ok('import', await textFile('ld-2.txt', 'Damaged listing two'), '--notebook', notebook);
    const [newest, older] = await listed(notebook);
    await truncate(newest!.path, 100);
    const after = await listed(notebook);
    assert.deepEqual(after, [{ ...newest!, documents: 'damaged', highlights: 'damaged' }, { ...older! }]);
  });

  test('with no backups it prints nothing and says so on stderr', async () => {
    const notebook = await sampleNotebook('listing-none');
    const result = await parley('backups', '--notebook', notebook);
    assert.equal(result.code, 0);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /No backups of .*notebook\.json/);
  });
});

describe('a damaged notebook', () => {
  test('is refused by every command with the newest backup that opens and the command that restores it', async () => {
    const notebook = await sampleNotebook('damaged');
    const id = await sampleId(notebook);
    await ok('import', await textFile('dm-1.txt', 'Damaged one'), '--notebook', notebook);
    await ok('suggest', '--document', id, '--accept', '--notebook', notebook);
    await ok('import', await textFile('dm-2.txt', 'Damaged two'), '--notebook', notebook);
    await ok('import', await textFile('dm-3.txt', 'Damaged three'), '--notebook', notebook);
    const [newest, older] = await listed(notebook);
    // The newest backup is damaged too: the message must skip it for the next one that opens.
    await truncate(newest!.path, 50);
    await truncate(notebook, 100);
    const before = await snapshot(notebook);

    const time = `${older!.time.slice(0, 10)} ${older!.time.slice(11, 16)} UTC`;
    const file = join(dir(), 'dm-4.txt');
    await writeFile(file, 'Another\n\nText written for the tests.\n');
    for (const argv of [
      ['list'],
      ['export'],
      ['import', file],
      ['suggest', '--document', id, '--accept'],
      ['init'],
    ]) {
      const result = await parley(...argv, '--notebook', notebook);
      assert.equal(result.code, 1, argv.join(' '));
      assert.equal(result.stdout, '');
      assert.ok(result.stderr.includes(`Cannot open the notebook ${notebook}`), result.stderr);
      assert.ok(result.stderr.includes('not valid JSON'), result.stderr);
      assert.ok(
        result.stderr.includes(
          `The newest backup that opens is ${basename(older!.path)} (${time}, 2 documents, 14 highlights)`,
        ),
        result.stderr,
      );
      assert.ok(result.stderr.includes(`parley restore --latest --notebook ${notebook}\n`), result.stderr);
      assert.deepEqual(await snapshot(notebook), before, `${argv[0]} changed nothing`);
    }
  });

  test('a path that needs quoting is quoted in the command', async () => {
    const folder = join(dir(), "it's a folder");
    await mkdir(folder);
    const notebook = join(folder, 'note book.json');
    await ok('init', '--sample', '--notebook', notebook);
    await ok('import', await textFile('quote.txt', 'Quoted'), '--notebook', notebook);
    await writeFile(notebook, 'not json');
    const result = await parley('list', '--notebook', notebook);
    assert.equal(result.code, 1);
    const quoted = `'${notebook.replace(/'/g, `'\\''`)}'`;
    assert.ok(result.stderr.includes(`parley restore --latest --notebook ${quoted}\n`), result.stderr);
  });

  test('with no backup that opens, the message says so and offers no restore', async () => {
    const folder = join(dir(), 'no-backup');
    await mkdir(folder);
    const notebook = join(folder, 'notebook.json');
    await writeFile(notebook, '{"schemaVersion": 1, "documents": [');
    const result = await parley('list', '--notebook', notebook);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /No backup of it opens/);
    assert.doesNotMatch(result.stderr, /restore --latest/);
    assert.deepEqual([...(await snapshot(notebook)).keys()], ['notebook.json']);
  });
});

describe('parley restore', () => {
  async function damagedWithBackups(name: string) {
    const notebook = await sampleNotebook(name);
    await ok('import', await textFile(`${name}-1.txt`, `${name} one`), '--notebook', notebook);
    await ok('import', await textFile(`${name}-2.txt`, `${name} two`), '--notebook', notebook);
    const backups = await listed(notebook);
    const damaged = (await readFile(notebook)).subarray(0, 100);
    await writeFile(notebook, damaged);
    return { notebook, backups, damaged };
  }

  test('--latest restores the newest backup that opens and keeps the damaged file aside byte for byte', async () => {
    const { notebook, backups, damaged } = await damagedWithBackups('latest');
    const newestBytes = await readFile(backups[0]!.path);
    const result = await ok('restore', '--latest', '--notebook', notebook);
    assert.ok(result.stdout.startsWith(`Restored ${notebook} from ${backups[0]!.path} (`), result.stdout);
    assert.match(result.stdout, /\(\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC, 2 documents, 0 highlights\)/);
    const aside = asideFrom(result.stdout, 'damaged');
    assert.equal(join(aside, '..'), join(notebook, '..'));
    assert.match(basename(aside), /^notebook\.json\.damaged-/);
    assert.ok((await readFile(aside)).equals(damaged), 'the damaged file is kept aside byte for byte');
    assert.ok((await readFile(notebook)).equals(newestBytes), 'the notebook is now exactly the backup');
    const list = await ok('list', '--notebook', notebook);
    assert.equal(list.stdout.trim().split('\n').length, 2);
  });

  test('with no argument it restores the latest, skipping a damaged newer backup', async () => {
    const { notebook, backups } = await damagedWithBackups('bare');
    await truncate(backups[0]!.path, 10);
    const result = await ok('restore', '--notebook', notebook);
    assert.ok(result.stdout.startsWith(`Restored ${notebook} from ${backups[1]!.path} (`), result.stdout);
    assert.ok((await readFile(notebook)).equals(await readFile(backups[1]!.path)));
  });

  test('a backup named by its file name in the backups folder, or by a path', async () => {
    const { notebook, backups } = await damagedWithBackups('named');
    const older = backups[1]!;
    const byName = await ok('restore', basename(older.path), '--notebook', notebook);
    assert.ok(byName.stdout.startsWith(`Restored ${notebook} from ${older.path} (`), byName.stdout);
    assert.ok((await readFile(notebook)).equals(await readFile(older.path)));
    assert.equal((await ok('list', '--notebook', notebook)).stdout.trim().split('\n').length, 1);

    // The notebook is good now: restoring over it keeps it aside as replaced, byte for byte.
    const current = await readFile(notebook);
    const copy = join(dir(), 'a copy of a backup.json');
    await writeFile(copy, await readFile(backups[0]!.path));
    const byPath = await ok('restore', copy, '--notebook', notebook);
    assert.ok(byPath.stdout.startsWith(`Restored ${notebook} from ${copy} (`), byPath.stdout);
    const aside = asideFrom(byPath.stdout, 'replaced');
    assert.ok((await readFile(aside)).equals(current));
    assert.ok((await readFile(notebook)).equals(await readFile(copy)));
  });

  test('a notebook from a newer Parley is moved aside as .newer-', async () => {
    const { notebook } = await damagedWithBackups('newer');
    const newer = Buffer.from(JSON.stringify({ ...emptyNotebook(), schemaVersion: SCHEMA_VERSION + 5 }));
    await writeFile(notebook, newer);
    const listedMessage = await parley('list', '--notebook', notebook);
    assert.equal(listedMessage.code, 1);
    assert.match(listedMessage.stderr, /parley restore --latest --notebook/);
    const result = await ok('restore', '--latest', '--notebook', notebook);
    const aside = asideFrom(result.stdout, 'newer');
    assert.ok((await readFile(aside)).equals(newer));
  });

  test('with no backup it refuses plainly and changes nothing', async () => {
    const folder = join(dir(), 'restore-none');
    await mkdir(folder);
    const notebook = join(folder, 'notebook.json');
    await writeFile(notebook, 'damaged, and never backed up');
    const before = await snapshot(notebook);
    const result = await parley('restore', '--latest', '--notebook', notebook);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /No backup of .*notebook\.json opens/);
    assert.match(result.stderr, /nothing was changed/);
    assert.deepEqual(await snapshot(notebook), before);
  });

  test('a damaged or missing backup is refused and nothing changes', async () => {
    const { notebook, backups } = await damagedWithBackups('refused');
    await truncate(backups[1]!.path, 20);
    const before = await snapshot(notebook);
    const damaged = await parley('restore', basename(backups[1]!.path), '--notebook', notebook);
    assert.equal(damaged.code, 1);
    assert.match(damaged.stderr, /cannot be opened/);
    assert.match(damaged.stderr, /nothing was changed/);
    const missing = await parley('restore', 'notebook-2020-01-01T00-00-00-000Z.json', '--notebook', notebook);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /notebook-2020-01-01T00-00-00-000Z\.json/);
    const itself = await parley('restore', notebook, '--notebook', notebook);
    assert.equal(itself.code, 1);
    assert.deepEqual(await snapshot(notebook), before);
  });

  test('a backup and --latest together is a usage error', async () => {
    const { notebook, backups } = await damagedWithBackups('usage');
    const result = await parley('restore', backups[0]!.path, '--latest', '--notebook', notebook);
    assert.equal(result.code, 2);
  });

  /** A folder of its own whose backups folder is full: 10 distinct notebooks that open, oldest first. */
  async function fullFolder(name: string) {
    const folder = join(dir(), name);
    const backupsFolder = join(folder, 'notebook.json.backups');
    await mkdir(backupsFolder, { recursive: true });
    const notebook = join(folder, 'notebook.json');
    const contents: Buffer[] = [];
    for (let i = 0; i < 10; i++) {
      // The same empty notebook, indented differently: ten different files that all open.
      const bytes = Buffer.from(JSON.stringify(emptyNotebook(), null, i));
      await writeFile(
        join(backupsFolder, `notebook-2026-01-${String(i + 1).padStart(2, '0')}T00-00-00-000Z.json`),
        bytes,
      );
      contents.push(bytes);
    }
    return { notebook, backupsFolder, contents };
  }

  /** Every file's bytes in the notebook's folder and its backups folder, as hex strings, to look contents up. */
  async function contentsOnDisk(notebook: string): Promise<Set<string>> {
    return new Set([...(await snapshot(notebook)).values()].map((bytes) => bytes.toString('hex')));
  }

  test('over a good notebook it backs that up first and takes no copy of what it restored; nothing distinct is lost', async () => {
    const { notebook, backupsFolder, contents } = await fullFolder('full-good');
    const good = Buffer.from(JSON.stringify({ ...emptyNotebook(), schemaVersion: SCHEMA_VERSION }, null, 12));
    await writeFile(notebook, good);
    const before = await backupNames(notebook);
    const chosen = before[4]!;

    const result = await ok('restore', chosen, '--notebook', notebook);
    assert.ok((await readFile(notebook)).equals(contents[4]!), 'the notebook is now the chosen backup');
    const after = await backupNames(notebook);
    assert.equal(after.length, 10, 'the newest 10 are kept');
    const newest = await readFile(join(backupsFolder, after.at(-1)!));
    assert.ok(newest.equals(good), 'the newest backup is the good notebook as it was before the restore');
    assert.deepEqual(after.slice(0, 9), before.slice(1), 'only the oldest went, to make room for it');
    let copies = 0;
    for (const name of after) if ((await readFile(join(backupsFolder, name))).equals(contents[4]!)) copies++;
    assert.equal(copies, 1, 'no copy of the restored backup was added');
    const aside = asideFrom(result.stdout, 'replaced');
    assert.ok((await readFile(aside)).equals(good), 'the replaced notebook is also kept aside byte for byte');
    assert.match(result.stdout, /backed up/);
    // Every distinct notebook there was is still on disk: the oldest backup's content is the notebook's now only
    // if it was the one restored; here it went by the newest-10 rule, and only because a new backup came in.
    const disk = await contentsOnDisk(notebook);
    for (const bytes of [good, ...contents.slice(1)]) assert.ok(disk.has(bytes.toString('hex')));
  });

  test('restoring the oldest of a full folder over a good notebook loses no content', async () => {
    const { notebook, contents } = await fullFolder('full-oldest');
    const good = Buffer.from(JSON.stringify(emptyNotebook(), null, 11));
    await writeFile(notebook, good);
    const oldest = (await backupNames(notebook))[0]!;
    await ok('restore', oldest, '--notebook', notebook);
    assert.ok((await readFile(notebook)).equals(contents[0]!));
    const disk = await contentsOnDisk(notebook);
    for (const bytes of [good, ...contents]) assert.ok(disk.has(bytes.toString('hex')));
  });

  test('over a damaged notebook it takes no backup at all, so a full folder stays as it was', async () => {
    const { notebook, backupsFolder } = await fullFolder('full-damaged');
    await writeFile(notebook, 'damaged, written for the tests');
    const folderBefore = new Map<string, Buffer>();
    for (const name of await backupNames(notebook)) {
      folderBefore.set(name, await readFile(join(backupsFolder, name)));
    }
    const chosen = [...folderBefore.keys()][3]!;
    await ok('restore', chosen, '--notebook', notebook);
    assert.ok((await readFile(notebook)).equals(folderBefore.get(chosen)!));
    const folderAfter = new Map<string, Buffer>();
    for (const name of await backupNames(notebook)) {
      folderAfter.set(name, await readFile(join(backupsFolder, name)));
    }
    assert.deepEqual(folderAfter, folderBefore);
  });
});

describe('parley restore --empty', () => {
  test('a damaged notebook with no backup: the message names it, and it keeps the file aside and starts empty', async () => {
    const folder = join(dir(), 'empty-damaged');
    await mkdir(folder);
    const notebook = join(folder, 'notebook.json');
    const damaged = Buffer.from('{"schemaVersion": 1, "documents": [');
    await writeFile(notebook, damaged);
    const refused = await parley('list', '--notebook', notebook);
    assert.equal(refused.code, 1);
    assert.ok(refused.stderr.includes(`  parley restore --empty --notebook ${notebook}\n`), refused.stderr);

    const result = await ok('restore', '--empty', '--notebook', notebook);
    const aside = asideFrom(result.stdout, 'damaged');
    assert.equal(join(aside, '..'), folder);
    assert.ok((await readFile(aside)).equals(damaged), 'kept aside byte for byte');
    assert.deepEqual(JSON.parse(await readFile(notebook, 'utf8')), emptyNotebook(), 'empty, with no sample');
    assert.equal((await ok('list', '--notebook', notebook)).stdout, '');
  });

  test('a notebook from a newer Parley goes aside as .newer-', async () => {
    const folder = join(dir(), 'empty-newer');
    await mkdir(folder);
    const notebook = join(folder, 'notebook.json');
    const newer = Buffer.from(JSON.stringify({ ...emptyNotebook(), schemaVersion: SCHEMA_VERSION + 3 }));
    await writeFile(notebook, newer);
    const result = await ok('restore', '--empty', '--notebook', notebook);
    assert.ok((await readFile(asideFrom(result.stdout, 'newer'))).equals(newer));
    assert.deepEqual(JSON.parse(await readFile(notebook, 'utf8')), emptyNotebook());
  });

  test('a good notebook is backed up and kept aside as .replaced-', async () => {
    const notebook = await sampleNotebook('empty-good');
    const good = await readFile(notebook);
    const result = await ok('restore', '--empty', '--notebook', notebook);
    assert.ok((await readFile(asideFrom(result.stdout, 'replaced'))).equals(good));
    const [newest] = await listed(notebook);
    assert.ok((await readFile(newest!.path)).equals(good), 'backed up before it was replaced');
    assert.deepEqual(JSON.parse(await readFile(notebook, 'utf8')), emptyNotebook());
  });

  test('with no notebook it writes an empty one; with a BACKUP or --latest it is a usage error', async () => {
    const folder = join(dir(), 'empty-missing');
    await mkdir(folder);
    const notebook = join(folder, 'notebook.json');
    const result = await ok('restore', '--empty', '--notebook', notebook);
    assert.match(result.stdout, /no notebook/i);
    assert.deepEqual(JSON.parse(await readFile(notebook, 'utf8')), emptyNotebook());
    assert.equal((await parley('restore', '--empty', '--latest', '--notebook', notebook)).code, 2);
    assert.equal((await parley('restore', 'x.json', '--empty', '--notebook', notebook)).code, 2);
  });
});

describe('the built dist/cli.cjs', () => {
  test(
    'backs up, lists, refuses a damaged notebook naming the backup, and restores it',
    needsBuiltCli,
    async () => {
      const exec = promisify(execFile);
      const folder = join(dir(), 'built');
      await mkdir(folder);
      const notebook = join(folder, 'n.json');
      const parleyBuilt = (...argv: string[]) =>
        exec(process.execPath, [builtCli, ...argv, '--notebook', notebook]);
      await parleyBuilt('init', '--sample');
      const text = await textFile('built.txt', 'Built text');
      await parleyBuilt('import', text);
      await parleyBuilt('import', text);
      const { stdout } = await parleyBuilt('backups');
      const lines = stdout.trim().split('\n');
      assert.equal(lines.length, 2);
      assert.match(lines[0]!, /^\S+Z\t2\t0\t.*n\.json\.backups\/n-\S+\.json$/);
      assert.match(lines[1]!, /^\S+Z\t1\t0\t.*n\.json\.backups\/n-\S+\.json$/);

      const good = await readFile(notebook);
      const damaged = good.subarray(0, 100);
      await writeFile(notebook, damaged);
      await assert.rejects(parleyBuilt('list'), (error: { code: number; stderr: string }) => {
        assert.equal(error.code, 1);
        assert.ok(
          error.stderr.includes(`The newest backup that opens is ${basename(lines[0]!.split('\t')[3]!)}`),
        );
        // Run as node dist/cli.cjs, the command in the message is written the same way.
        assert.ok(
          error.stderr.includes(`node ${builtCli} restore --latest --notebook ${notebook}`),
          error.stderr,
        );
        return true;
      });
      assert.ok((await readFile(notebook)).equals(damaged));

      const restored = await parleyBuilt('restore', '--latest');
      assert.match(restored.stdout, /^Restored /);
      const asides = (await readdir(folder)).filter((name) => name.startsWith('n.json.damaged-'));
      assert.equal(asides.length, 1);
      assert.ok((await readFile(join(folder, asides[0]!))).equals(damaged));
      const list = await parleyBuilt('list');
      assert.equal(list.stdout.trim().split('\n').length, 2);
    },
  );
});
