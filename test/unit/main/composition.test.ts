// The composition root, run for real in a child process with a stand-in for the electron module: the order of
// start-up, the window and page it opens, IPC answered only for its own main frame, save state and menu commands
// forwarded, the notebook flushed before quitting, and a damaged notebook: the user is asked, the file kept aside
// unchanged, and Parley starts with the last good backup or an empty notebook, or quits having changed nothing.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { emptyNotebook } from '../../../main/core/model';
import { CONTENT_SECURITY_POLICY } from '../../../main/protocol';
import { makeDocument } from '../core/fixtures';

const repo = fileURLToPath(new URL('../../..', import.meta.url));
const standIn = pathToFileURL(join(repo, 'test', 'unit', 'main', 'electron-stand-in.ts')).href;
const resolveHook = `data:text/javascript,${encodeURIComponent(`
  export async function resolve(specifier, context, next) {
    if (specifier === 'electron') return next(${JSON.stringify(standIn)}, context);
    return next(specifier, context);
  }`)}`;
const registerHook = `data:text/javascript,${encodeURIComponent(
  `import { register } from 'node:module'; register(${JSON.stringify(resolveHook)});`,
)}`;
const SAMPLE =
  'icon bookmark-bicon menu\n2 Nov, 2009 10:22\n\nTalks in Moscow\n\nThe ministers met on Monday.\n';

interface Report {
  order: string[];
  exitCode?: number;
  quitCleanly?: boolean;
  errorBox?: { title: string; body: string };
  windowOptions?: { title: string; show: boolean; webPreferences: Record<string, unknown> };
  visible?: boolean;
  loaded?: string;
  webContentsListeners?: string[];
  page?: { status: number; csp: string | null; body: string };
  channels?: string[];
  trustedList?: { ok: boolean; value?: Array<{ title: string }> };
  subframeList?: { ok: boolean; error?: { code: string } };
  created?: { ok: boolean };
  sent?: Array<[string, unknown]>;
  schemes?: unknown;
  windowOpen?: unknown;
  openedExternally?: string;
  messageBoxes?: Array<{ parented: boolean; title: string; detail: string; buttons: string[] }>;
}

function runApp(
  appPath: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; report: Report; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--import', registerHook, join(repo, 'main', 'index.ts'), ...args],
      { cwd: repo, env: { ...process.env, STAND_IN_APP_PATH: appPath, PARLEY_NOTEBOOK: '', ...env } },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill(), 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const line = stdout.split('\n').find((l) => l.startsWith('PARLEY_REPORT '));
      if (!line) return reject(new Error(`no report (exit ${code}):\n${stdout}\n${stderr}`));
      resolvePromise({ code, report: JSON.parse(line.slice('PARLEY_REPORT '.length)) as Report, stderr });
    });
  });
}

describe('main/index.ts with a stand-in electron', () => {
  let dir: string;
  let appPath: string;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'parley-composition-'));
    appPath = join(dir, 'app');
    await mkdir(join(appPath, 'dist', 'renderer'), { recursive: true });
    await mkdir(join(appPath, 'assets'), { recursive: true });
    await writeFile(join(appPath, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Parley</title>');
    await writeFile(join(appPath, 'assets', 'sample-miliband-lavrov.txt'), SAMPLE);
  });
  after(() => rm(dir, { recursive: true, force: true }));

  test('starts in order, answers only its own frame, and flushes the notebook before quitting', async () => {
    const notebook = join(dir, 'first', 'notebook.json');
    const profile = join(dir, 'first', 'profile');
    const { code, report, stderr } = await runApp(appPath, [
      '--notebook',
      notebook,
      `--user-data-dir=${profile}`,
    ]);
    assert.equal(code, 0, stderr);
    assert.equal(report.quitCleanly, true);

    const at = (step: string) => {
      const index = report.order.indexOf(step);
      assert.notEqual(index, -1, `${step} never happened: ${report.order.join(', ')}`);
      return index;
    };
    assert.ok(at('setPath:userData') < at('requestSingleInstanceLock'));
    assert.ok(at('registerSchemesAsPrivileged') < at('ready'));
    assert.ok(at('enableSandbox') < at('ready'));
    assert.ok(at('ready') < at('protocol.handle:app'));
    assert.ok(at('setPermissionRequestHandler') < at('new BrowserWindow'));
    assert.ok(at('ipcMain.handle') < at('new BrowserWindow'));
    assert.ok(at('new BrowserWindow') < at('setApplicationMenu'));
    assert.ok(at('quit-prevented') < report.order.lastIndexOf('quit'));
    assert.deepEqual(report.schemes, [
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);

    assert.equal(report.windowOptions?.title, 'Parley');
    assert.equal(report.windowOptions?.show, false);
    assert.equal(report.windowOptions?.webPreferences.sandbox, true);
    assert.equal(report.windowOptions?.webPreferences.contextIsolation, true);
    assert.equal(report.windowOptions?.webPreferences.preload, join(appPath, 'dist', 'preload', 'index.cjs'));
    assert.equal(report.visible, true);
    assert.equal(report.loaded, 'app://parley/index.html');
    assert.deepEqual(report.webContentsListeners, ['will-navigate', 'will-redirect', 'will-attach-webview']);
    assert.deepEqual(report.windowOpen, { action: 'deny' });
    assert.equal(report.openedExternally, 'https://example.com/');
    assert.deepEqual(report.page, {
      status: 200,
      csp: CONTENT_SECURITY_POLICY,
      body: '<!doctype html><title>Parley</title>',
    });

    assert.ok(report.channels?.includes('documents:list'));
    assert.equal(report.trustedList?.ok, true);
    assert.deepEqual(
      report.trustedList?.value?.map((doc) => doc.title),
      ['Talks in Moscow'],
    );
    assert.equal(report.subframeList?.ok, false);
    assert.equal(report.subframeList?.error?.code, 'forbidden');
    assert.equal(report.created?.ok, true);

    const sent = report.sent ?? [];
    assert.ok(
      sent.some(([channel]) => channel === 'event:save-state'),
      `no save state sent: ${JSON.stringify(sent)}`,
    );
    assert.ok(sent.some(([channel, payload]) => channel === 'event:menu-command' && payload === 'import'));

    const saved = JSON.parse(await readFile(notebook, 'utf8')) as {
      documents: Array<{ title: string }>;
      topics: Array<{ path: string }>;
    };
    assert.deepEqual(
      saved.documents.map((doc) => doc.title),
      ['Talks in Moscow'],
    );
    assert.deepEqual(
      saved.topics.map((topic) => topic.path),
      ['extradition'],
    );
  });

  /** A damaged notebook in its own folder, with (optionally) one good backup beside it. */
  async function damaged(name: string, withBackup: boolean): Promise<{ folder: string; notebook: string }> {
    const folder = join(dir, name);
    const notebook = join(folder, 'notebook.json');
    await mkdir(folder, { recursive: true });
    await writeFile(notebook, GARBAGE);
    if (withBackup) {
      const nb = emptyNotebook();
      nb.documents.push(makeDocument('d1', ['From the backup', 'The ministers met on Monday.']));
      await mkdir(join(folder, 'notebook.json.backups'));
      await writeFile(
        join(folder, 'notebook.json.backups', 'notebook-2026-11-29T09-00-00-000Z.json'),
        JSON.stringify(nb),
      );
    }
    return { folder, notebook };
  }
  const GARBAGE = '{ this is not a notebook';

  async function keptAside(folder: string): Promise<string> {
    const names = (await readdir(folder)).filter((n) => n.startsWith('notebook.json.damaged-'));
    assert.equal(names.length, 1, `one file kept aside in ${folder}`);
    return readFile(join(folder, names[0]!), 'utf8');
  }

  test('a damaged notebook: Parley asks, keeps the file aside unchanged, and starts with the last good backup', async () => {
    const { folder, notebook } = await damaged('restore', true);
    const { code, report, stderr } = await runApp(
      appPath,
      ['--notebook', notebook, `--user-data-dir=${join(folder, 'profile')}`],
      { STAND_IN_CHOOSE: 'Restore Backup' },
    );
    assert.equal(code, 0, stderr);
    assert.equal(report.quitCleanly, true);
    assert.equal(report.errorBox, undefined);
    const box = report.messageBoxes?.[0];
    assert.ok(box, 'the recovery question was shown');
    assert.equal(box.parented, false);
    assert.deepEqual(box.buttons, ['Restore Backup', 'Start Empty Notebook', 'Quit']);
    assert.ok(box.detail.includes(notebook), box.detail);
    assert.match(box.detail, /kept unchanged/);
    assert.match(box.detail, /last good backup is from .* with 1 document and 0 highlights/);
    assert.ok(report.order.indexOf('showMessageBox') < report.order.indexOf('new BrowserWindow'));
    assert.deepEqual(
      report.trustedList?.value?.map((doc) => doc.title),
      ['From the backup'],
      'the backup, and no sample added',
    );
    assert.equal(await keptAside(folder), GARBAGE);
    const saved = JSON.parse(await readFile(notebook, 'utf8')) as { documents: Array<{ title: string }> };
    assert.deepEqual(
      saved.documents.map((doc) => doc.title),
      ['From the backup'],
    );
  });

  test('a damaged notebook with no backup: Start Empty Notebook opens an empty one, without the sample', async () => {
    const { folder, notebook } = await damaged('empty', false);
    const { code, report, stderr } = await runApp(
      appPath,
      ['--notebook', notebook, `--user-data-dir=${join(folder, 'profile')}`],
      { STAND_IN_CHOOSE: 'Start Empty Notebook' },
    );
    assert.equal(code, 0, stderr);
    assert.deepEqual(report.messageBoxes?.[0]?.buttons, ['Start Empty Notebook', 'Quit']);
    assert.match(report.messageBoxes?.[0]?.detail ?? '', /no backup/);
    assert.ok(report.order.includes('new BrowserWindow'));
    assert.deepEqual(report.trustedList?.value, []);
    assert.equal(await keptAside(folder), GARBAGE);
  });

  test('a damaged notebook: Quit leaves everything as it was and opens no window', async () => {
    const { folder, notebook } = await damaged('quit', true);
    const before = (await readdir(folder)).sort();
    const { code, report, stderr } = await runApp(
      appPath,
      ['--notebook', notebook, `--user-data-dir=${join(folder, 'profile')}`],
      { STAND_IN_CHOOSE: 'Quit' },
    );
    assert.equal(code, 0, stderr);
    assert.equal(report.messageBoxes?.length, 1);
    assert.ok(!report.order.includes('new BrowserWindow'));
    assert.equal(await readFile(notebook, 'utf8'), GARBAGE);
    assert.deepEqual((await readdir(folder)).filter((name) => name !== 'profile').sort(), before);
  });

  test('a second instance quits at once and opens nothing', async () => {
    const notebook = join(dir, 'second.json');
    const child = await new Promise<{ code: number | null; stdout: string }>((resolvePromise) => {
      const proc = spawn(
        process.execPath,
        ['--import', 'tsx', '--import', registerHook, join(repo, 'main', 'index.ts'), '--notebook', notebook],
        { cwd: repo, env: { ...process.env, STAND_IN_APP_PATH: appPath, STAND_IN_LOCK: 'taken' } },
      );
      let stdout = '';
      proc.stdout.on('data', (chunk) => (stdout += chunk));
      proc.on('close', (code) => resolvePromise({ code, stdout }));
    });
    const line = child.stdout.split('\n').find((l) => l.startsWith('PARLEY_REPORT '));
    assert.ok(line, 'no report');
    const report = JSON.parse(line.slice('PARLEY_REPORT '.length)) as Report;
    assert.equal(child.code, 0);
    assert.ok(!report.order.includes('whenReady'));
    assert.ok(!report.order.includes('new BrowserWindow'));
    await assert.rejects(readFile(notebook, 'utf8'), { code: 'ENOENT' });
  });
});
