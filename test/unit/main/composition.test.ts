// The composition root, run for real in a child process with a stand-in for the electron module: the order of
// start-up, the window and page it opens, IPC answered only for its own main frame, save state and menu commands
// forwarded, the notebook flushed before quitting, and a damaged notebook: the user is asked, the file kept aside
// unchanged, and Parley starts with the last good backup or an empty notebook, or quits having changed nothing.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { emptyNotebook } from '../../../shared/model';
import { CONTENT_SECURITY_POLICY } from '../../../main/protocol';
import { makeDocument } from '../core/fixtures';
import type { Step } from './electron-stand-in';
import { runUnderStandIn } from './run-under-stand-in';

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
  messageBoxes?: Array<{
    parented: boolean;
    title: string;
    message: string;
    detail: string;
    buttons: string[];
  }>;
  windows?: Array<{
    destroyed: boolean;
    loads: number;
    delivered: Array<[string, unknown]>;
    lost: Array<[string, unknown]>;
  }>;
  lockData?: unknown;
  results?: unknown[];
  openFilePrevented?: boolean;
}

const steps = (list: Step[]) => ({ STAND_IN_STEPS: JSON.stringify(list) });

/** The channels of the messages in a list, each with its payload. */
const on = (messages: Array<[string, unknown]> | undefined, channel: string) =>
  (messages ?? []).filter(([name]) => name === channel).map(([, payload]) => payload);

function runApp(
  appPath: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; report: Report; stderr: string; stdout: string }> {
  return runUnderStandIn<Report>(args, { STAND_IN_APP_PATH: appPath, PARLEY_NOTEBOOK: '', ...env });
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

  test('a second launch naming another notebook while Parley asks how to recover its own imports nothing', async () => {
    const { folder, notebook } = await damaged('asked', true);
    const other = join(folder, 'other.json');
    const file = join(dir, 'files', 'notes.md');
    const { code, report, stderr } = await runApp(
      appPath,
      ['--notebook', notebook, `--user-data-dir=${join(folder, 'profile')}`],
      {
        STAND_IN_CHOOSE: 'Restore Backup',
        STAND_IN_WHILE_ASKED: JSON.stringify({
          argv: ['/opt/electron/electron', appPath, file, '--notebook', other],
          cwd: folder,
          data: { notebook: other, files: [file], refused: [] },
        }),
      },
    );
    assert.equal(code, 0, stderr);
    const saved = JSON.parse(await readFile(notebook, 'utf8')) as { documents: Array<{ title: string }> };
    assert.deepEqual(
      saved.documents.map((doc) => doc.title),
      ['From the backup'],
      'notes.md went into no notebook',
    );
    const told = (report.messageBoxes ?? []).filter(
      (box) => box.title === 'Parley already has a notebook open',
    );
    assert.equal(told.length, 1, JSON.stringify(report.messageBoxes?.map((box) => box.title)));
    assert.match(told[0]!.detail, /notes\.md/);
  });

  test('a notebook another Parley has open: says who has it, opens no window and changes nothing', async () => {
    const folder = join(dir, 'locked');
    const notebook = join(folder, 'notebook.json');
    await mkdir(folder, { recursive: true });
    const nb = emptyNotebook();
    nb.documents.push(makeDocument('d1', ['Kept as it was', 'The ministers met on Monday.']));
    const text = JSON.stringify(nb);
    await writeFile(notebook, text);
    // This test's own process stands for the other Parley: alive, on this host.
    const lock = { pid: process.pid, hostname: hostname(), by: 'app', started: new Date().toISOString() };
    await writeFile(`${notebook}.lock`, JSON.stringify(lock));
    const { code, report } = await runApp(appPath, ['--notebook', notebook]);
    assert.equal(code, 1);
    assert.equal(report.errorBox?.title, 'Parley cannot open the notebook');
    assert.match(
      report.errorBox?.body ?? '',
      new RegExp(`^Another Parley has ${notebook.replace(/[.]/g, '\\.')} open \\(process ${process.pid}`),
    );
    assert.match(report.errorBox?.body ?? '', /Parley will now quit; nothing was changed\.$/);
    assert.ok(!report.order.includes('new BrowserWindow'));
    assert.equal(await readFile(notebook, 'utf8'), text);
    assert.deepEqual(JSON.parse(await readFile(`${notebook}.lock`, 'utf8')), lock, 'the other lock stays');
  });

  test('a second instance quits at once and opens nothing', async () => {
    const notebook = join(dir, 'second.json');
    const child = await runUnderStandIn<Report>(['--notebook', notebook], {
      STAND_IN_APP_PATH: appPath,
      STAND_IN_LOCK: 'taken',
    });
    const { report } = child;
    assert.equal(child.code, 0);
    assert.ok(!report.order.includes('whenReady'));
    assert.ok(!report.order.includes('new BrowserWindow'));
    await assert.rejects(readFile(notebook, 'utf8'), { code: 'ENOENT' });
    assert.deepEqual(
      report.lockData,
      { notebook, files: [], refused: [] },
      'the first instance is told which notebook was asked for, and what to import (nothing here)',
    );
  });
});

// Written for Parley: the shell's promises that depend on Electron's timing (a message sent before the page listens
// is lost), on its quit sequence, on the second instance's own folder and on how file managers pass files.
describe('main/index.ts: what reaches the page, and what the shell is handed', () => {
  let dir: string;
  let appPath: string;
  let run = 0;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'parley-shell-'));
    appPath = join(dir, 'app');
    await mkdir(join(appPath, 'dist', 'renderer'), { recursive: true });
    await mkdir(join(appPath, 'assets'), { recursive: true });
    await writeFile(join(appPath, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Parley</title>');
    await writeFile(join(appPath, 'assets', 'sample-miliband-lavrov.txt'), SAMPLE);
    await mkdir(join(dir, 'files', 'with space'), { recursive: true });
    await writeFile(join(dir, 'files', 'notes.md'), '# Field notes\n\nThe delegation left early.\n');
    await writeFile(
      join(dir, 'files', 'with space', 'two words.txt'),
      'Second memo\n\nNothing was agreed.\n',
    );
  });
  after(() => rm(dir, { recursive: true, force: true }));

  /** A fresh notebook and profile for one run. */
  function fresh(): { notebook: string; args: string[] } {
    run++;
    const notebook = join(dir, `run-${run}`, 'notebook.json');
    return {
      notebook,
      args: ['--notebook', notebook, `--user-data-dir=${join(dir, `run-${run}`, 'profile')}`],
    };
  }
  async function titles(notebook: string): Promise<string[]> {
    const saved = JSON.parse(await readFile(notebook, 'utf8')) as { documents: Array<{ title: string }> };
    return saved.documents.map((doc) => doc.title);
  }
  /** The stand-in's dev-shaped argv of a second `electron . ARGS`. */
  const secondArgv = (...args: string[]) => ['/opt/electron/electron', appPath, ...args];
  // The page listens late, so a message sent at once on load or import is lost unless main waits for it.
  const slowPage = { STAND_IN_SUBSCRIBE_MS: '400' };

  test('a file named at launch is imported and the page is told once it listens', async () => {
    const { notebook, args } = fresh();
    const { code, report, stderr } = await runApp(
      appPath,
      [...args, join(dir, 'files', 'notes.md')],
      slowPage,
    );
    assert.equal(code, 0, stderr);
    assert.equal(report.errorBox, undefined);
    assert.deepEqual(await titles(notebook), ['Talks in Moscow', 'Field notes']);
    const page = report.windows?.[0];
    assert.deepEqual(on(page?.lost, 'event:documents-added'), [], 'nothing sent before the page listened');
    const added = on(page?.delivered, 'event:documents-added') as string[][];
    assert.equal(added.length, 1, JSON.stringify(page));
    assert.equal(added[0]!.length, 1);
    assert.deepEqual(on(page?.lost, 'event:save-state'), []);
  });

  test('Linux %U: a file: URL (with %20) is read as its path; other addresses are named in a message', async () => {
    const { notebook, args } = fresh();
    const url = pathToFileURL(join(dir, 'files', 'with space', 'two words.txt')).href;
    assert.match(url, /%20/);
    const { code, report, stderr } = await runApp(appPath, [
      ...args,
      url,
      'https://example.com/page.html',
      'mailto:someone@example.com',
    ]);
    assert.equal(code, 0, stderr);
    assert.equal(report.errorBox, undefined, JSON.stringify(report.errorBox));
    assert.deepEqual(await titles(notebook), ['Talks in Moscow', 'Second memo']);
    const told = (report.messageBoxes ?? []).filter((box) => box.title === 'Parley could not open that');
    assert.equal(told.length, 1, JSON.stringify(report.messageBoxes));
    assert.match(told[0]!.detail, /https:\/\/example\.com\/page\.html\nmailto:someone@example\.com/);
  });

  test('second instance: what the launch read itself is imported, though Chromium reordered its argv', async () => {
    const { notebook, args } = fresh();
    const file = join(dir, 'files', 'notes.md');
    // `parley notes.md --notebook NB` as the first instance may get it: switches first, the values after.
    const reordered = secondArgv('--notebook', 'notes.md', notebook);
    const { code, report, stderr } = await runApp(appPath, args, {
      ...steps([
        {
          do: 'second-instance',
          argv: reordered,
          cwd: join(dir, 'files'),
          data: { notebook, files: [file], refused: ['smb://server/share/c.md'] },
        },
        { do: 'wait', for: { delivered: 'event:documents-added' } },
      ]),
    });
    assert.equal(code, 0, stderr);
    assert.deepEqual((await titles(notebook)).sort(), ['Field notes', 'Talks in Moscow']);
    const told = (report.messageBoxes ?? []).filter((box) => box.title === 'Parley could not open that');
    assert.equal(told.length, 1, JSON.stringify(report.messageBoxes));
    assert.match(told[0]!.detail, /smb:\/\/server\/share\/c\.md/);
  });

  test('second instance: its relative paths and file: URLs are read from its own folder, and the page is told', async () => {
    const { notebook, args } = fresh();
    const url = pathToFileURL(join(dir, 'files', 'with space', 'two words.txt')).href;
    const { code, report, stderr } = await runApp(appPath, args, {
      ...slowPage,
      ...steps([
        { do: 'reload' },
        { do: 'second-instance', argv: secondArgv('notes.md', url), cwd: join(dir, 'files') },
        { do: 'wait', for: { delivered: 'event:documents-added' } },
      ]),
    });
    assert.equal(code, 0, stderr);
    assert.equal(report.errorBox, undefined, JSON.stringify(report.errorBox));
    assert.deepEqual((await titles(notebook)).sort(), ['Field notes', 'Second memo', 'Talks in Moscow']);
    const page = report.windows?.[0];
    assert.equal(page?.loads, 2, 'the page was reloaded');
    assert.deepEqual(on(page?.lost, 'event:documents-added'), [], 'nothing lost while the page reloaded');
    assert.equal(on(page?.delivered, 'event:documents-added').length, 1, JSON.stringify(page));
  });

  test('macOS, no window open: a menu command opens a window and reaches its page', async () => {
    const { args } = fresh();
    const { code, report, stderr } = await runApp(appPath, args, {
      STAND_IN_PLATFORM: 'darwin',
      ...slowPage,
      ...steps([
        { do: 'close-windows' },
        { do: 'menu', menu: 'File', item: 'Import…' },
        { do: 'wait', for: { delivered: 'event:menu-command' } },
      ]),
    });
    assert.equal(code, 0, stderr);
    assert.equal(report.windows?.length, 2, 'a second window was opened');
    assert.equal(report.windows?.[0]?.destroyed, true);
    const second = report.windows?.[1];
    assert.deepEqual(on(second?.lost, 'event:menu-command'), []);
    assert.deepEqual(on(second?.delivered, 'event:menu-command'), ['import']);
  });

  test('macOS, no window open: a file opened from the dock opens a window and is shown in it', async () => {
    const { notebook, args } = fresh();
    const { code, report, stderr } = await runApp(appPath, args, {
      STAND_IN_PLATFORM: 'darwin',
      ...slowPage,
      ...steps([
        { do: 'close-windows' },
        { do: 'open-file', path: join(dir, 'files', 'notes.md') },
        { do: 'wait', for: { delivered: 'event:documents-added' } },
      ]),
    });
    assert.equal(code, 0, stderr);
    assert.equal(report.openFilePrevented, true);
    assert.deepEqual(await titles(notebook), ['Talks in Moscow', 'Field notes']);
    assert.equal(report.windows?.length, 2, 'a window was opened for the file');
    assert.equal(on(report.windows?.[1]?.delivered, 'event:documents-added').length, 1);
  });

  test('a second launch with another notebook: a clear message, and nothing imported into this one', async () => {
    const { notebook, args } = fresh();
    const other = join(dir, 'elsewhere', 'other.json');
    const { code, report, stderr } = await runApp(
      appPath,
      args,
      steps([
        {
          do: 'second-instance',
          argv: secondArgv('--notebook', join('..', 'elsewhere', 'other.json'), 'notes.md'),
          cwd: join(dir, 'files'),
          data: { notebook: other },
        },
        { do: 'wait', for: { box: 'Parley already has a notebook open' } },
        // Nothing is imported: a turn after the answer for a wrong import to start and be saved on quit.
        { do: 'turn' },
      ]),
    );
    assert.equal(code, 0, stderr);
    const box = report.messageBoxes?.find((b) => b.detail?.includes(other));
    assert.ok(box, `a message names ${other}: ${JSON.stringify(report.messageBoxes)}`);
    assert.ok(box.detail.includes(notebook), box.detail);
    assert.match(box.detail, /--user-data-dir/);
    assert.match(box.detail, /notes\.md/, 'it names the file it did not import');
    assert.deepEqual(await titles(notebook), ['Talks in Moscow']);
    await assert.rejects(readFile(other, 'utf8'), { code: 'ENOENT' });
  });

  test('a second launch that names the open notebook (relative to its own folder) imports as usual', async () => {
    const { notebook, args } = fresh();
    const { code, report, stderr } = await runApp(
      appPath,
      args,
      steps([
        {
          do: 'second-instance',
          argv: secondArgv('--notebook', 'notebook.json', join(dir, 'files', 'notes.md')),
          cwd: join(notebook, '..'),
        },
        { do: 'wait', for: { delivered: 'event:documents-added' } },
      ]),
    );
    assert.equal(code, 0, stderr);
    assert.equal(report.messageBoxes, undefined);
    assert.deepEqual(await titles(notebook), ['Talks in Moscow', 'Field notes']);
  });

  test('a change made after start is saved on quit, and quitting closes the window', async () => {
    const { notebook, args } = fresh();
    const { code, report, stderr } = await runApp(
      appPath,
      args,
      steps([
        { do: 'call', channel: 'topics:create', args: { path: 'made-just-before-quit' } },
        { do: 'quit' },
      ]),
    );
    assert.equal(code, 0, stderr);
    assert.equal((report.results?.[0] as { ok: boolean }).ok, true);
    assert.equal(report.quitCleanly, true);
    assert.equal(report.windows?.[0]?.destroyed, true);
    const saved = JSON.parse(await readFile(notebook, 'utf8')) as { topics: Array<{ path: string }> };
    assert.ok(saved.topics.some((topic) => topic.path === 'made-just-before-quit'));
  });
});

// Written for Parley: `parley export …` run with the app's own binary is the command line, with no window.
describe('main/index.ts run as a command line', () => {
  let dir: string;
  let appPath: string;
  let notebook: string;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'parley-cli-mode-'));
    appPath = join(dir, 'app');
    await mkdir(join(appPath, 'assets'), { recursive: true });
    await mkdir(join(appPath, 'dist', 'renderer'), { recursive: true });
    await writeFile(join(appPath, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Parley</title>');
    await writeFile(join(appPath, 'assets', 'sample-miliband-lavrov.txt'), SAMPLE);
    notebook = join(dir, 'notebook.json');
    const nb = emptyNotebook();
    nb.documents.push(makeDocument('d1', ['Talks in Moscow', 'The ministers met on Monday.']));
    await writeFile(notebook, JSON.stringify(nb));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  /** Nothing of the app: no lock, no scheme, no window, no handlers. */
  function assertNoApp(report: Report): void {
    for (const step of [
      'requestSingleInstanceLock',
      'registerSchemesAsPrivileged',
      'whenReady',
      'new BrowserWindow',
    ]) {
      assert.ok(!report.order.includes(step), `${step} in ${report.order.join(', ')}`);
    }
  }

  test('--version prints the app version and exits 0', async () => {
    const { code, report, stdout } = await runApp(appPath, ['--version']);
    assert.equal(code, 0);
    assert.equal(stdout, '0.1.0-test\n');
    assert.equal(report.exitCode, 0);
    assertNoApp(report);
  });

  test('list and export print what the command line prints', async () => {
    const list = await runApp(appPath, ['list', '--notebook', notebook]);
    assert.equal(list.code, 0, list.stderr);
    assert.equal(list.stdout, 'd1\tTalks in Moscow\t0\n');
    assertNoApp(list.report);

    const exported = await runApp(appPath, ['export', '--notebook', notebook]);
    assert.equal(exported.code, 0, exported.stderr);
    assert.match(exported.stdout, /^---\n/);
    assert.match(exported.stdout, /Talks in Moscow/);
    assertNoApp(exported.report);
  });

  test('a failing command exits with its code and says why on stderr, with no window', async () => {
    const { code, report, stderr, stdout } = await runApp(appPath, [
      'export',
      '--notebook',
      join(dir, 'none.json'),
    ]);
    assert.equal(code, 1);
    assert.equal(report.exitCode, 1);
    assert.equal(stdout, '');
    assert.match(stderr, /^parley: /);
    assertNoApp(report);
  });

  test('a file argument is not a command: the app starts', async () => {
    // `parley export.md` opens the app with that file; only a command's own name starts the command line.
    const file = join(dir, 'export.md');
    await writeFile(file, '# Exported by hand\n\nA file named like a command.\n');
    const own = join(dir, 'app-run', 'notebook.json');
    const { code, report, stderr } = await runApp(
      appPath,
      ['--notebook', own, `--user-data-dir=${join(dir, 'app-run', 'profile')}`, file],
      steps([{ do: 'wait', for: { delivered: 'event:documents-added' } }]),
    );
    assert.equal(code, 0, stderr);
    assert.ok(report.order.includes('new BrowserWindow'));
    const saved = JSON.parse(await readFile(own, 'utf8')) as { documents: Array<{ title: string }> };
    assert.deepEqual(
      saved.documents.map((doc) => doc.title),
      ['Talks in Moscow', 'Exported by hand'],
    );
  });
});
