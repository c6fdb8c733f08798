// Written for the project: how the app ends, run for real (main/index.ts in a child process with the stand-in
// electron, playing shell-end-scenario.ts). A quit closes the window and goes straight on, so the window's place
// must be written synchronously in close; on Windows shutdown and log-off before-quit never comes, so the window's
// query-session-end and session-end events must save the notebook and the window themselves.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repo, runUnderStandIn } from './run-under-stand-in';
import { notebookBytesOnDisk } from '../../../main/storage/journal';

const here = (name: string) => pathToFileURL(join(repo, 'test', 'unit', 'main', name)).href;

interface Report {
  quitCleanly?: boolean;
  timedOut?: boolean;
  sessionEndPrevented?: boolean;
  windowStateRightAfter?: string | null;
  endedBySystem?: boolean;
  created?: { ok: boolean };
}

function end(appPath: string, folder: string, how: string): Promise<{ code: number | null; report: Report }> {
  const notebook = join(folder, 'notebook.json');
  return runUnderStandIn<Report>(['--notebook', notebook, `--user-data-dir=${join(folder, 'profile')}`], {
    STAND_IN_APP_PATH: appPath,
    STAND_IN_SCENARIO: here('shell-end-scenario.ts'),
    PARLEY_NOTEBOOK: '',
    SHELL_END: how,
    SHELL_NOTEBOOK: notebook,
  });
}

const STAND_IN_BOUNDS = { bounds: { x: 0, y: 0, width: 1280, height: 860 }, maximized: false };

describe('how Parley ends', () => {
  let dir: string;
  let appPath: string;
  let run = 0;
  const folder = async () => {
    const path = join(dir, `run-${++run}`);
    await mkdir(path);
    return path;
  };
  /** Whether the notebook on disk (its file with its journal's changes) holds the topic the scenario made. */
  const saved = async (folder: string) =>
    (await notebookBytesOnDisk(join(folder, 'notebook.json'))).toString('utf8').includes('extradition');

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'parley-shell-end-'));
    appPath = join(dir, 'app');
    await mkdir(join(appPath, 'dist', 'renderer'), { recursive: true });
    await mkdir(join(appPath, 'assets'), { recursive: true });
    await writeFile(join(appPath, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Parley</title>');
    await writeFile(join(appPath, 'assets', 'sample-miliband-lavrov.txt'), 'Talks in Moscow\n\nThey met.\n');
  });
  after(() => rm(dir, { recursive: true, force: true }));

  test('a quit leaves the window state whole on disk, and the change saved', async () => {
    const at = await folder();
    const { code, report } = await end(appPath, at, 'quit');
    assert.equal(code, 0);
    assert.equal(report.quitCleanly, true);
    assert.deepEqual(
      JSON.parse(await readFile(join(at, 'profile', 'window-state.json'), 'utf8')),
      STAND_IN_BOUNDS,
    );
    assert.ok(await saved(at), 'the change is in the notebook file');
  });

  test('Windows asks to end the session with a change unsaved: held back, saved, then Parley quits', async () => {
    const at = await folder();
    const { code, report } = await end(appPath, at, 'query-session-end');
    assert.equal(report.sessionEndPrevented, true);
    assert.equal(code, 0);
    assert.equal(report.quitCleanly, true);
    assert.ok(await saved(at), 'the change is in the notebook file');
    assert.deepEqual(
      JSON.parse(await readFile(join(at, 'profile', 'window-state.json'), 'utf8')),
      STAND_IN_BOUNDS,
    );
  });

  test('Windows ends the session: the window state is on disk at once and the change is written', async () => {
    const at = await folder();
    const { report } = await end(appPath, at, 'session-end');
    assert.equal(report.endedBySystem, true);
    assert.deepEqual(JSON.parse(report.windowStateRightAfter ?? 'null'), STAND_IN_BOUNDS);
    assert.ok(await saved(at), 'the change is in the notebook file');
  });
});
