// Written for Parley's end-to-end tests (test/e2e): how they find an Electron binary, launch the built app over a
// temp notebook and profile, click the application menu, stand in for the native dialogs, and read the notebook
// file. The tests drive the unpacked tree (`electron <repo>`, Electron's default app loading dist/main/index.cjs),
// not the package: the package's EnableNodeCliInspectArguments fuse is off, and Playwright's _electron needs
// --inspect to attach. The package and its fuses are checked by test/package and by release CI's smoke step.
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { selectPhrase } from '../renderer/selection';
import { notebookBytesOnDisk } from '../../main/storage/journal';

export const appRoot = fileURLToPath(new URL('../..', import.meta.url));
export const fixtures = join(appRoot, 'test', 'fixtures');
export const HEADLINE = 'Miliband: bilateral differences will not obscure our relationship';

/**
 * Electron 42 and later install no binary with `npm ci` (the electron package has no postinstall script; its
 * index.js downloads on first use, which these tests never trigger). `npx install-electron` runs the package's
 * install.js, which fetches the binary into node_modules/electron/dist; release CI does that before `npm test`.
 */
export const SKIP_REASON =
  'No Electron binary: run `npx install-electron` (release CI does) or set PARLEY_ELECTRON to an Electron binary';

/** PARLEY_ELECTRON, else the binary install.js put in node_modules/electron/dist (never `require('electron')`). */
export function electronBinary(): string | undefined {
  const fromEnv = process.env.PARLEY_ELECTRON;
  if (fromEnv) return fromEnv;
  const pkg = join(appRoot, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  const fallback =
    process.platform === 'darwin'
      ? 'Electron.app/Contents/MacOS/Electron'
      : process.platform === 'win32'
        ? 'electron.exe'
        : 'electron';
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : fallback;
  const candidate = join(pkg, 'dist', relative);
  return existsSync(candidate) ? candidate : undefined;
}

/** The binary, or a skip that prints its reason. Call first in every test. */
export function requireBinary(): string {
  const binary = electronBinary();
  if (!binary) {
    console.log(`Skipped: ${SKIP_REASON}`);
    test.skip(true, SKIP_REASON);
    throw new Error('unreachable: test.skip throws');
  }
  if (!existsSync(join(appRoot, 'dist', 'main', 'index.cjs'))) {
    throw new Error('dist/main/index.cjs is missing: run `npm run build` first.');
  }
  return binary;
}

/** A temp folder holding one notebook and one profile, removed after the test. */
export interface Workspace {
  dir: string;
  notebook: string;
  profile: string;
}

export async function workspace(): Promise<Workspace> {
  const dir = await mkdtemp(join(tmpdir(), 'parley-e2e-'));
  return { dir, notebook: join(dir, 'notebook.json'), profile: join(dir, 'profile') };
}

export async function removeWorkspace(space: Workspace | undefined): Promise<void> {
  if (space) await rm(space.dir, { recursive: true, force: true });
}

/** The environment without what would change how Parley starts (its notebook, Node mode). */
export function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && key !== 'PARLEY_NOTEBOOK' && key !== 'ELECTRON_RUN_AS_NODE') env[key] = value;
  }
  return { ...env, ...extra };
}

/** Chromium refuses to start as root with its own sandbox; the renderer stays sandboxed by Electron's settings. */
export const rootOnly = (): string[] => (process.getuid?.() === 0 ? ['--no-sandbox'] : []);

/** The arguments that start Parley on this workspace, before any files to open. */
export function appArguments(space: Workspace): string[] {
  return [appRoot, '--notebook', space.notebook, `--user-data-dir=${space.profile}`, ...rootOnly()];
}

/** A module Electron's default app preloads (`-r`) to answer message boxes shown before the app is ready. */
export const MESSAGE_BOX_STUB = join(appRoot, 'test', 'e2e', 'message-box-stub.cjs');

export interface LaunchOptions {
  /** Button labels to press, in order, in the message boxes Parley shows (the stub records each box). */
  messageBoxAnswers?: string[];
  /** Files named on the command line (file associations pass them so). */
  files?: string[];
}

export interface Launched {
  app: ElectronApplication;
  page: Page;
}

/**
 * Starts Parley on the workspace and waits for its window. Message boxes shown before `ready` (the notebook
 * recovery question) cannot be stubbed through `electronApp.evaluate`: Playwright attaches only after the app has
 * started, and with an executablePath it adds no loader that holds `ready` back. So those answers go to a module
 * that Electron's default app preloads with `-r`, before Parley's main runs.
 */
export async function launch(space: Workspace, options: LaunchOptions = {}): Promise<Launched> {
  const binary = requireBinary();
  const stub = options.messageBoxAnswers ? ['-r', MESSAGE_BOX_STUB] : [];
  const app = await electron.launch({
    executablePath: binary,
    args: [...stub, ...appArguments(space), ...(options.files ?? [])],
    cwd: appRoot,
    env: cleanEnv(
      options.messageBoxAnswers
        ? { PARLEY_E2E_MESSAGE_BOX_ANSWERS: JSON.stringify(options.messageBoxAnswers) }
        : {},
    ),
  });
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  return { app, page };
}

/** The message boxes the `-r` stub answered: title, message and the button pressed. */
export async function answeredMessageBoxes(
  app: ElectronApplication,
): Promise<Array<{ title: string; message: string; detail: string; pressed: string }>> {
  return app.evaluate(
    () =>
      (
        globalThis as unknown as {
          parleyMessageBoxes?: Array<{ title: string; message: string; detail: string; pressed: string }>;
        }
      ).parleyMessageBoxes ?? [],
  );
}

/** Clicks an item of the application menu by its labels (mnemonic & left out), as a person would. */
export async function clickMenu(app: ElectronApplication, ...labels: string[]): Promise<void> {
  const found = await app.evaluate(({ BrowserWindow, Menu }, path) => {
    let items = Menu.getApplicationMenu()?.items ?? [];
    let item: Electron.MenuItem | undefined;
    for (const label of path) {
      item = items.find((candidate) => candidate.label.replace(/&/g, '') === label);
      if (!item) return `no menu item ${label} in ${path.join(' › ')}`;
      items = item.submenu?.items ?? [];
    }
    const win = BrowserWindow.getAllWindows()[0];
    item!.click(undefined, win, win?.webContents);
    return '';
  }, labels);
  expect(found).toBe('');
}

/** Stands in for the open and save dialogs from now on (Parley reads `dialog`'s functions at call time). */
export async function stubFileDialogs(
  app: ElectronApplication,
  answers: { open?: string[]; save?: string },
): Promise<void> {
  const stubbed = await app.evaluate(({ dialog }, { open, save }) => {
    const openStub = async () => ({ canceled: !open, filePaths: open ?? [] });
    const saveStub = async () => ({ canceled: !save, filePath: save ?? '' });
    dialog.showOpenDialog = openStub;
    dialog.showSaveDialog = saveStub;
    return dialog.showOpenDialog === openStub && dialog.showSaveDialog === saveStub;
  }, answers);
  expect(stubbed, 'the dialog module could not be stood in for').toBe(true);
}

/** The titles of the notebook's documents, as the page's API lists them. */
export async function documentTitles(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const api = (window as unknown as { parley: { listDocuments(): Promise<Array<{ title: string }>> } })
      .parley;
    return (await api.listDocuments()).map((doc) => doc.title);
  });
}

export interface SavedNotebook {
  schemaVersion: number;
  documents: Array<{ id: string; title: string }>;
  annotations: Array<{ note?: string; documentId?: string }>;
}

/** The notebook as saved: its file with the changes its journal holds. */
export async function readNotebook(path: string): Promise<SavedNotebook> {
  return JSON.parse((await notebookBytesOnDisk(path)).toString('utf8')) as SavedNotebook;
}

/**
 * Selects `phrase` in the reading column with the keyboard: a one-character selection at its start (as a click
 * and drag would begin), then Shift+Right to its end, as a keyboard reader extends it.
 */
export async function selectWithKeyboard(page: Page, phrase: string): Promise<void> {
  await page.locator('.doc-text [data-start]').first().waitFor();
  // Keys go to the reading column, not to whatever control had focus (a toolbar's arrows switch views).
  await page.locator('.reading').focus();
  await selectPhrase(page, phrase, 1);
  for (let i = 1; i < phrase.length; i++) await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(() => page.evaluate(() => document.getSelection()?.toString())).toBe(phrase);
}

/** Highlights the selection with the keyboard (h) and saves a note on it. */
export async function highlightWithNote(page: Page, phrase: string, note: string): Promise<void> {
  await selectWithKeyboard(page, phrase);
  await page.keyboard.press('h');
  const editor = page.getByRole('dialog', { name: 'Highlight' });
  await expect(editor).toBeVisible();
  await editor.getByRole('textbox', { name: 'Note (Markdown)' }).fill(note);
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toBeHidden();
}

/** The note card on a passage starting with `quoteStart`. */
export function noteCard(page: Page, quoteStart: string) {
  return page.getByRole('article', { name: new RegExp(`^Note on “${quoteStart}`) });
}

/** Runs the binary again as a second launch (a file manager opening a file) and waits for it to leave. */
export function secondLaunch(args: string[], cwd: string): Promise<{ code: number | null; output: string }> {
  const binary = requireBinary();
  // As Playwright does for the first instance on Linux, where a CI runner may not allow Chromium's sandbox.
  const sandbox = process.platform === 'linux' && !args.includes('--no-sandbox') ? ['--no-sandbox'] : [];
  return new Promise((resolve, reject) => {
    const child = spawn(binary, [...sandbox, ...args], {
      cwd,
      env: cleanEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`the second launch did not leave within 30 s:\n${output}`));
    }, 30_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}
