/**
 * How `parley` speaks: usage errors on stderr with exit 2, help on stdout with exit 0, `--version`, messages that
 * name the path given, and commands in messages written the way this process was invoked (`parley` through a bin
 * link named parley, else `node /path/to/dist/cli.cjs`), so they can be pasted. In-process through `run`, and as
 * the built `dist/cli.cjs`, directly and through a link named parley.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import { promisify } from 'node:util';
import { invocationOf } from '../../main/cli/commands';
import { IMPORT_EXTENSIONS } from '../../shared/import-formats';
import { parley, root, useTempDir } from './support';

const dir = useTempDir('parley-cli-manners-');
const cli = join(root, 'dist/cli.cjs');
const built = { skip: !existsSync(cli) && 'dist/cli.cjs is not built: run npm run build' };
const exec = promisify(execFile);

/** Runs a program and returns its exit code and output, whether it succeeded or not. */
async function runProgram(file: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  try {
    const { stdout, stderr } = await exec(file, args, { env, cwd: root });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('usage and help', () => {
  test('no arguments is a usage error: usage on stderr, nothing on stdout, exit 2', async () => {
    const result = await parley();
    assert.equal(result.code, 2);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /^parley: .*\n\nUsage: parley <command>/);
  });

  test('--help, -h and help print usage on stdout with exit 0', async () => {
    for (const argv of [['--help'], ['-h'], ['help'], ['list', '--help']]) {
      const result = await parley(...argv);
      assert.equal(result.code, 0, argv.join(' '));
      assert.match(result.stdout, /^Usage: parley <command>/);
      assert.equal(result.stderr, '');
    }
  });

  test('the help names every importable extension, from shared/import-formats.ts (written for the one list)', async () => {
    const { stdout } = await parley('--help');
    const line = stdout.slice(stdout.indexOf('import FILE...'), stdout.indexOf('annotations import'));
    for (const extension of IMPORT_EXTENSIONS) assert.ok(line.includes(`.${extension}`), extension);
  });

  test('other usage errors go to stderr with exit 2 as well', async () => {
    for (const argv of [['frobnicate'], ['list', '--bogus'], ['import']]) {
      const result = await parley(...argv);
      assert.equal(result.code, 2, argv.join(' '));
      assert.equal(result.stdout, '');
      assert.match(result.stderr, /Usage: parley <command>/);
    }
  });

  test('--version prints the version in package.json, in-process and built', built, async () => {
    const { version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string };
    const inProcess = await parley('--version');
    assert.equal(inProcess.code, 0);
    assert.equal(inProcess.stdout, `${version}\n`);
    const shipped = await runProgram(process.execPath, [cli, '--version']);
    assert.equal(shipped.code, 0, shipped.stderr);
    assert.equal(shipped.stdout, `${version}\n`);
  });
});

describe('messages', () => {
  test('import of a missing file names the full path given', async () => {
    const missing = join(dir(), 'no such folder', 'nope.txt');
    const result = await parley('import', missing, '--notebook', join(dir(), 'import.json'));
    assert.equal(result.code, 1);
    assert.ok(result.stderr.includes(`Cannot read ${missing}:`), result.stderr);
  });

  test('list on a missing notebook says how to create one', async () => {
    const notebook = join(dir(), 'missing.json');
    const result = await parley('list', '--notebook', notebook);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /the file does not exist\./);
    assert.ok(result.stderr.includes(`create one with: parley init --notebook ${notebook}\n`), result.stderr);
    assert.equal(existsSync(notebook), false);
  });
});

describe('commands in messages are written as this process was invoked', () => {
  test('invocationOf: parley through a link named parley, else node and the script’s absolute path', () => {
    assert.equal(invocationOf('/usr/local/bin/parley'), 'parley');
    assert.equal(invocationOf('/work/x/dist/cli.cjs'), 'node /work/x/dist/cli.cjs');
    assert.equal(invocationOf("/work/it's here/dist/cli.cjs"), `node '/work/it'\\''s here/dist/cli.cjs'`);
  });

  /** A notebook that is damaged and has a good backup, in a folder of its own. */
  async function damaged(name: string): Promise<string> {
    const folder = join(dir(), name);
    await mkdir(folder);
    const notebook = join(folder, 'n.json');
    assert.equal((await parley('init', '--sample', '--notebook', notebook)).code, 0);
    const text = join(folder, 'text.txt');
    await writeFile(text, 'A text\n\nWritten for the tests.\n');
    assert.equal((await parley('import', text, '--notebook', notebook)).code, 0);
    await writeFile(notebook, 'not json');
    return notebook;
  }

  test('node dist/cli.cjs names node and the absolute path of dist/cli.cjs', built, async () => {
    const notebook = await damaged('as-node');
    const result = await runProgram(process.execPath, ['dist/cli.cjs', 'list', '--notebook', notebook]);
    assert.equal(result.code, 1);
    assert.ok(
      result.stderr.includes(`  node ${cli} restore --latest --notebook ${notebook}\n`),
      result.stderr,
    );
    const missing = join(dir(), 'as-node-missing.json');
    const list = await runProgram(process.execPath, [cli, 'list', '--notebook', missing]);
    assert.ok(list.stderr.includes(`create one with: node ${cli} init --notebook ${missing}`), list.stderr);
  });

  test('a bin link named parley names parley', built, async () => {
    const notebook = await damaged('as-parley');
    const bin = join(dir(), 'bin');
    await mkdir(bin);
    await symlink(cli, join(bin, 'parley'));
    const env = { ...process.env, PATH: `${bin}:${dirname(process.execPath)}:${process.env.PATH ?? ''}` };
    const result = await runProgram(join(bin, 'parley'), ['list', '--notebook', notebook], env);
    assert.equal(result.code, 1, result.stderr);
    assert.ok(result.stderr.includes(`  parley restore --latest --notebook ${notebook}\n`), result.stderr);
  });
});
