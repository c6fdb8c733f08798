// Which notebook the app opens, and where the profile and bundled files are found.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join, resolve, sep } from 'node:path';
import { appPaths, flagValue, resolveNotebookPath, userDataDirArgument } from '../../../main/paths';

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
