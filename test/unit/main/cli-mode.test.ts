// Written for Parley: when the app binary is a command line (`parley export …`), and what it then prints and exits.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../../main/cli/commands';
import { COMMAND_NAMES, commandLineArguments, launchArguments, runCommandLine } from '../../../main/cli-mode';
import { emptyNotebook } from '../../../shared/model';
import { makeDocument } from '../core/fixtures';

const packaged = '/opt/Parley/parley';

describe('launchArguments', () => {
  test('a packaged app: everything after the binary', () => {
    assert.deepEqual(launchArguments([packaged, 'export', '--all'], false), ['export', '--all']);
    assert.deepEqual(launchArguments([packaged], false), []);
  });

  test('electron . ARGS: everything after the app path, and switches before it are Electron’s', () => {
    assert.deepEqual(launchArguments(['/x/electron', '.', 'list'], true), ['list']);
    assert.deepEqual(launchArguments(['/x/electron', '--inspect=0', '/work/app', 'notes.md'], true), [
      'notes.md',
    ]);
    assert.deepEqual(launchArguments(['/x/electron', '.'], true), []);
  });
});

describe('commandLineArguments', () => {
  test('a command named first is a command line, with all its arguments', () => {
    assert.deepEqual(commandLineArguments([packaged, 'export', '--format', 'csv'], false), [
      'export',
      '--format',
      'csv',
    ]);
    assert.deepEqual(commandLineArguments(['/x/electron', '.', 'list'], true), ['list']);
    for (const name of ['--version', '-V', 'help', '--help', '-h', 'backups', 'restore', 'init']) {
      assert.deepEqual(commandLineArguments([packaged, name], false), [name], name);
    }
  });

  test('Chromium switches before the command are Electron’s, and leave the command its own arguments', () => {
    // As root on Linux Electron needs --no-sandbox, which the README tells such users to add.
    assert.deepEqual(commandLineArguments([packaged, '--no-sandbox', 'list'], false), ['list']);
    assert.deepEqual(
      commandLineArguments([packaged, '--no-sandbox', '--ozone-platform=x11', 'export', '--all'], false),
      ['export', '--all'],
    );
    assert.deepEqual(commandLineArguments([packaged, 'list', '--no-sandbox'], false), ['list']);
    assert.deepEqual(commandLineArguments(['/x/electron', '.', '--no-sandbox', '--version'], true), [
      '--version',
    ]);
    // Parley's own flags are not skipped: `--notebook x.json list` starts the app, as the command line wants its
    // command first.
    assert.equal(
      commandLineArguments([packaged, '--no-sandbox', '--notebook', 'x.json', 'list'], false),
      null,
    );
  });

  test('files, flags and anything else start the app', () => {
    for (const args of [
      [],
      ['notes.md'],
      ['export.md'],
      ['--notebook', 'x.json'],
      ['--notebook', 'x.json', 'list'],
      ['file:///home/ana/list'],
      ['Export'],
    ]) {
      assert.equal(commandLineArguments([packaged, ...args], false), null, args.join(' '));
    }
    // Under `electron .` the app path is not the command, and `.` alone is no command.
    assert.equal(commandLineArguments(['/x/electron', 'list'], true), null);
  });

  test('names every command the command line documents, and nothing it does not answer', async () => {
    let usage = '';
    await run(['help'], {
      out: (text) => (usage += text),
      err: () => {},
      env: {},
      samplePath: '/none',
      version: '0',
    });
    const commands = usage
      .slice(usage.indexOf('Commands:'), usage.indexOf('parley --help'))
      .split('\n')
      .map((line) => /^ {2}([a-z]+)\b/.exec(line)?.[1])
      .filter((name): name is string => name !== undefined);
    assert.ok(commands.length >= 8, commands.join(' '));
    assert.deepEqual(
      [...new Set(commands)].sort(),
      COMMAND_NAMES.filter((name) => /^[a-z]+$/.test(name) && name !== 'help').sort(),
    );
  });
});

/** A stream that keeps what is written and answers write callbacks as Node's do. */
function sink(): { text: string; write(text: string, done?: () => void): boolean; on(): void } {
  return {
    text: '',
    write(text, done) {
      this.text += text;
      if (done) setImmediate(done);
      return true;
    },
    on() {},
  };
}

describe('runCommandLine', () => {
  test('prints what the command prints, then exits with its code once the output has drained', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'parley-cli-mode-unit-'));
    try {
      const notebook = join(dir, 'notebook.json');
      const nb = emptyNotebook();
      nb.documents.push(makeDocument('d1', ['Talks in Moscow', 'The ministers met on Monday.']));
      await writeFile(notebook, JSON.stringify(nb));
      const out = sink();
      const err = sink();
      const exits: Array<[number, string]> = [];
      const code = await runCommandLine(['list', '--notebook', notebook], {
        samplePath: '/none',
        version: '9.9.9',
        exit: (c) => exits.push([c, out.text]),
        stdout: out,
        stderr: err,
        env: {},
      });
      assert.equal(code, 0);
      assert.deepEqual(exits, [[0, 'd1\tTalks in Moscow\t0\n']], 'exit comes after the output');
      assert.equal(err.text, '');

      const failing = sink();
      const failingErr = sink();
      const codes: number[] = [];
      await runCommandLine(['export', '--notebook', join(dir, 'missing.json')], {
        samplePath: '/none',
        version: '9.9.9',
        exit: (c) => codes.push(c),
        stdout: failing,
        stderr: failingErr,
        env: {},
      });
      assert.deepEqual(codes, [1]);
      assert.match(failingErr.text, /^parley: /);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('--version prints the version it is given; a stream that never drains does not keep it from exiting', async () => {
    const out = { text: '', write: (text: string) => ((out.text += text), true), on() {} };
    const codes: number[] = [];
    await runCommandLine(['--version'], {
      samplePath: '/none',
      version: '1.2.3',
      exit: (c) => codes.push(c),
      stdout: out,
      stderr: sink(),
      drainMs: 20,
    });
    assert.equal(out.text, '1.2.3\n');
    assert.deepEqual(codes, [0]);
  });
});
