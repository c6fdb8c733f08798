// Which notebook the app opens, and where the profile and bundled files are found.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  appPaths,
  flagValue,
  openedAddresses,
  openedFilePaths,
  relaunchArguments,
  requestedNotebookPath,
  resolveNotebookPath,
  userDataDirArgument,
} from '../../../main/paths';

const userDataDir = join(sep, 'home', 'ana', '.config', 'Parley');
const cwd = join(sep, 'work', 'reading');
const electron = ['/usr/lib/parley/parley'];

describe('resolveNotebookPath', () => {
  test('defaults to notebook.json in the user-data folder', () => {
    assert.equal(
      resolveNotebookPath({ argv: electron, env: {}, userDataDir, cwd }),
      join(userDataDir, 'notebook.json'),
    );
  });

  test('takes --notebook FILE and --notebook=FILE, wherever they stand', () => {
    const file = join(sep, 'data', 'thesis.json');
    for (const argv of [
      [...electron, '--notebook', file],
      [...electron, `--notebook=${file}`],
      ['/usr/bin/electron', '.', '--notebook', file, '--user-data-dir=/tmp/p'],
    ]) {
      assert.equal(resolveNotebookPath({ argv, env: {}, userDataDir, cwd }), file, argv.join(' '));
    }
  });

  test('prefers the argument over PARLEY_NOTEBOOK, and the variable over the default', () => {
    const env = { PARLEY_NOTEBOOK: join(sep, 'env', 'nb.json') };
    const fromArg = join(sep, 'arg', 'nb.json');
    assert.equal(
      resolveNotebookPath({ argv: [...electron, '--notebook', fromArg], env, userDataDir, cwd }),
      fromArg,
    );
    assert.equal(resolveNotebookPath({ argv: electron, env, userDataDir, cwd }), env.PARLEY_NOTEBOOK);
  });

  test('ignores an empty PARLEY_NOTEBOOK', () => {
    const env = { PARLEY_NOTEBOOK: '  ' };
    assert.equal(
      resolveNotebookPath({ argv: electron, env, userDataDir, cwd }),
      join(userDataDir, 'notebook.json'),
    );
  });

  test('resolves relative paths against the working directory', () => {
    assert.equal(
      resolveNotebookPath({ argv: [...electron, '--notebook', 'nb/one.json'], env: {}, userDataDir, cwd }),
      resolve(cwd, 'nb', 'one.json'),
    );
    assert.equal(
      resolveNotebookPath({ argv: electron, env: { PARLEY_NOTEBOOK: 'two.json' }, userDataDir, cwd }),
      resolve(cwd, 'two.json'),
    );
  });

  test('refuses --notebook without a value rather than opening another notebook', () => {
    for (const argv of [
      [...electron, '--notebook'],
      [...electron, '--notebook='],
      [...electron, '--notebook', '--user-data-dir=/tmp/p'],
    ]) {
      assert.throws(
        () => resolveNotebookPath({ argv, env: {}, userDataDir, cwd }),
        /--notebook needs a file path/,
      );
    }
  });
});

test('flagValue: the last occurrence wins and similar names do not match', () => {
  assert.equal(flagValue(['--notebook', 'a', '--notebook=b'], '--notebook'), 'b');
  assert.equal(flagValue(['--notebooks', 'a', '--notebook-x=b'], '--notebook'), undefined);
});

test('userDataDirArgument reads --user-data-dir in either form, made absolute', () => {
  assert.equal(userDataDirArgument([...electron, '--user-data-dir=/tmp/profile'], cwd), '/tmp/profile');
  assert.equal(
    userDataDirArgument([...electron, '--user-data-dir', 'profile'], cwd),
    resolve(cwd, 'profile'),
  );
  assert.equal(userDataDirArgument(electron, cwd), undefined);
});

test('appPaths finds the bundles and the sample inside the application', () => {
  const app = join(sep, 'opt', 'Parley', 'resources', 'app.asar');
  assert.deepEqual(appPaths(app), {
    renderer: join(app, 'dist', 'renderer'),
    preload: join(app, 'dist', 'preload', 'index.cjs'),
    sample: join(app, 'assets', 'sample-miliband-lavrov.txt'),
  });
});

test('requestedNotebookPath: only a notebook the launch names itself, else undefined', () => {
  assert.equal(requestedNotebookPath({ argv: electron, env: {}, cwd }), undefined);
  assert.equal(
    requestedNotebookPath({ argv: [...electron, '--notebook', 'a.json'], env: {}, cwd }),
    resolve(cwd, 'a.json'),
  );
  assert.equal(
    requestedNotebookPath({ argv: electron, env: { PARLEY_NOTEBOOK: 'b.json' }, cwd }),
    resolve(cwd, 'b.json'),
  );
});

// Written for Parley: what a launch hands over to import, from a shell, a file manager (%U) or a second instance.
describe('openedFilePaths', () => {
  const exts = ['.txt', '.md', '.html'];

  test('takes the importable files, made absolute from the given folder, and leaves flags and their values', () => {
    assert.deepEqual(
      openedFilePaths(
        [
          'notes.md',
          '--notebook',
          'other.md',
          `--user-data-dir`,
          'p.txt',
          '--flag=x.md',
          'a.json',
          '/abs/B.HTML',
        ],
        cwd,
        exts,
      ),
      [resolve(cwd, 'notes.md'), '/abs/B.HTML'],
    );
  });

  test('file: URLs, as Linux file managers pass them for %U, become their paths, spaces and all', () => {
    const path = join(sep, 'home', 'ana', 'two words', 'memo #1.txt');
    const url = pathToFileURL(path).href;
    assert.match(url, /^file:\/\/\/.*%20.*%231\.txt$/);
    assert.deepEqual(openedFilePaths([url], cwd, exts), [path]);
    assert.deepEqual(openedFilePaths(['FILE:///tmp/a.md'], cwd, exts), ['/tmp/a.md']);
  });

  test('other addresses, and file: URLs that name no local file, are left alone without an error', () => {
    assert.deepEqual(
      openedFilePaths(
        [
          'https://example.com/page.html',
          'mailto:ana@example.com',
          'smb://server/share/a.md',
          'file://server/share/a.md',
          'file:///tmp/bad%2Fslash.md',
        ],
        cwd,
        exts,
      ),
      [],
    );
  });

  test('openedAddresses names the addresses it cannot open, so the user is told rather than left waiting', () => {
    const good = resolve(sep, 'tmp', 'good.txt');
    const opened = openedAddresses(
      [
        'notes.md',
        'https://example.com/page.html',
        'smb://server/share/a.md',
        'file://server/share/a.md',
        'file:///tmp/bad%E9.md',
        pathToFileURL(good).href,
        '--notebook',
        'nb.json',
        'photo.png',
      ],
      cwd,
      exts,
    );
    assert.deepEqual(opened.files, [resolve(cwd, 'notes.md'), good]);
    assert.deepEqual(opened.refused, [
      'https://example.com/page.html',
      'smb://server/share/a.md',
      'file://server/share/a.md',
      'file:///tmp/bad%E9.md',
    ]);
    assert.deepEqual(openedAddresses([], cwd, exts), { files: [], refused: [] });
  });

  test('a relative path is taken from the folder given, not the process', () => {
    const elsewhere = join(sep, 'home', 'ana', 'Desktop');
    assert.deepEqual(openedFilePaths(['notes.md'], elsewhere, exts), [join(elsewhere, 'notes.md')]);
  });
});

test('relaunchArguments: a restart opens the notebook joined, keeping the profile and switches, not the files', () => {
  const joined = join(sep, 'home', 'ana', 'team', 'shared.json');
  // The installed app: argv is the binary, then the launch's own arguments.
  assert.deepEqual(
    relaunchArguments(
      [
        ...electron,
        '--no-sandbox',
        '--user-data-dir',
        '/tmp/profile',
        '--notebook',
        'old.json',
        'notes.md',
        'file:///home/ana/a.txt',
      ],
      false,
      joined,
    ),
    ['--no-sandbox', '--user-data-dir', '/tmp/profile', '--notebook', joined],
  );
  assert.deepEqual(relaunchArguments([...electron, '--notebook=old.json'], false, joined), [
    '--notebook',
    joined,
  ]);
  // `electron .`: the app's path, and a switch before it, stay in front.
  assert.deepEqual(
    relaunchArguments(['/usr/bin/electron', '--inspect', '.', '--notebook', 'x.json', 'a.txt'], true, joined),
    ['--inspect', '.', '--notebook', joined],
  );
  // And what it gives is read back as the notebook to open.
  const args = relaunchArguments([...electron, '--notebook', 'old.json'], false, joined);
  assert.equal(resolveNotebookPath({ argv: [...electron, ...args], env: {}, userDataDir, cwd }), joined);
});
