// Runs the built renderer in Chromium against the real handler table over a real notebook file: the page gets
// `window.parley` from the preload's own buildApi, wired through a Playwright binding to the same dispatch main
// uses, so these tests exercise everything but Electron's IPC pipe.
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Notebook } from '../../shared/model';
import { ParleyError } from '../../shared/model';
import { seedOnFirstRun } from '../../main/first-run';
import { dispatch, type HandlerTable } from '../../main/ipc/dispatch';
import { createHandlers, type Dialogs } from '../../main/ipc/handlers';
import { notebookChange } from '../../main/core/notebook-change';
import { openNotebookStore, type NotebookStore } from '../../main/storage/notebook-store';
import { notebookBytesOnDisk } from '../../main/storage/journal';
import { SettingsStore } from '../../main/settings';
import { settingsWelcome } from '../../main/welcome';
import { settingsPreferences } from '../../main/preferences';
import type { SyncApi } from '../../main/sync/types';
import {
  eventChannels,
  type CallName,
  type EventName,
  type Events,
  type MenuCommand,
  type ParleyApi,
  type Progress,
  type SaveState,
} from '../../shared/contract';
import { preloadApiBundle } from '../../scripts/page-script';

export { selectPhrase } from './selection';

declare global {
  interface Window {
    parley: ParleyApi;
  }
}

const root = fileURLToPath(new URL('../../', import.meta.url));
const distDir = resolve(root, 'dist/renderer');
const samplePath = resolve(root, 'assets/sample-miliband-lavrov.txt');
export const ORIGIN = 'http://parley.test';
export const APP_URL = `${ORIGIN}/index.html`;

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** Runs in the page before any of its scripts: stands in for the preload, over the test's binding. */
function installParley(preload: { buildApi: (invoke: unknown, listen: unknown) => unknown }): void {
  type Listener = (payload: unknown) => void;
  const listeners = new Map<string, Set<Listener>>();
  const w = window as unknown as { __parleyInvoke: (channel: string, args: unknown) => Promise<unknown> };
  const violations: string[] = [];
  document.addEventListener('securitypolicyviolation', (event) =>
    violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`),
  );
  Object.defineProperty(window, '__cspViolations', { value: violations });
  Object.defineProperty(window, '__parleyEmit', {
    value: (channel: string, payload: unknown) => {
      for (const listener of listeners.get(channel) ?? []) listener(payload);
    },
  });
  const api = preload.buildApi(
    (channel: string, args: unknown) => w.__parleyInvoke(channel, args),
    (channel: string, listener: Listener) => {
      const set = listeners.get(channel) ?? new Set<Listener>();
      listeners.set(channel, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  );
  Object.defineProperty(window, 'parley', { value: Object.freeze(api) });
}

/** How a test's notebook is set up beyond the defaults (`test.use({ parleyOptions: … })`). */
export interface ParleyOptions {
  /**
   * Team sync for each notebook the test opens, as main opens it after the store (main/sync's openSync, or a
   * double); its status goes to the page as main's syncStatus event. Without it sync stays off.
   */
  openSync?: (store: NotebookStore, options: { author: () => string }) => Promise<SyncApi>;
}

export interface Parley {
  /** The test's temp folder: notebook, exports, files to import. */
  dir: string;
  notebookPath: string;
  store: NotebookStore;
  page: Page;
  /** Every save state the store reported, in order. */
  saveEvents: SaveState[];
  /** What the stub "Import…" dialog returns next. */
  importPaths: string[];
  /** Paths the stub save dialog handed out. */
  exportPaths: string[];
  /** Folders the stub folder dialog handed out (one file per document). */
  exportFolders: string[];
  /** What the stub folder dialog returns next; a fresh folder under the temp folder when unset, null cancels. */
  nextExportFolder: string | null | undefined;
  /** The file names each overwrite question named, in order. */
  overwriteQuestions: string[][];
  /** The answer the stub gives when asked whether to replace files. */
  allowOverwrite: boolean;
  /** Every progress report main sent, in order. */
  progressEvents: Progress[];
  /** The channel of every call the page made, in order ("annotations:create"); tests may empty it. */
  calls: string[];
  /** Team sync of the notebook open now, when the test gave one (ParleyOptions.openSync). */
  sync: SyncApi | undefined;
  /** What the stub "save the shared notebook" dialog returns next; a new file in the temp folder when unset. */
  nextNotebookPath: string | null | undefined;
  /** Notebooks main was asked to open in place of this one (a shared notebook joined), in order. */
  openedNotebooks: string[];
  /** CSP violations matching `pattern` are expected in this test (the policy doing its job) and not failures. */
  allowCspViolations(pattern: RegExp): void;
  /** Makes the next call to `name` fail with `message`, as a failing handler would. */
  failNext(name: CallName, message: string): void;
  /** A new page on the same notebook file, after closing the store (which flushes) and opening it again. */
  reload(): Promise<Page>;
  menuCommand(command: MenuCommand): Promise<void>;
  /** The notebook as it is on disk now: its file with the changes its journal holds. */
  readNotebookFile(): Promise<Notebook>;
  /** Writes a file into the temp folder and returns its path. */
  writeFile(name: string, content: string): Promise<string>;
}

interface Backend {
  store: NotebookStore;
  sync: SyncApi | undefined;
  table: HandlerTable;
  /** Stops forwarding, closes sync, then the store (as main does on quit). */
  close: () => Promise<void>;
}

export const test = base.extend<{ parleyOptions: ParleyOptions; parley: Parley }>({
  parleyOptions: [{}, { option: true }],
  parley: async ({ context, parleyOptions }, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'parley-renderer-'));
    const notebookPath = join(dir, 'notebook.json');
    const saveEvents: SaveState[] = [];
    const failures = new Map<CallName, string>();
    const pageErrors: string[] = [];
    const allowedViolations: RegExp[] = [];
    const dialogs: Dialogs = {
      chooseImportFiles: async () => parley.importPaths.splice(0),
      chooseExportPath: async (defaultName) => {
        await mkdir(join(dir, 'exports'), { recursive: true });
        const path = join(dir, 'exports', defaultName);
        parley.exportPaths.push(path);
        return path;
      },
      chooseExportFolder: async () => {
        const next = parley.nextExportFolder;
        parley.nextExportFolder = undefined;
        if (next === null) return null;
        const folder = next ?? join(dir, `folder-${parley.exportFolders.length + 1}`);
        await mkdir(folder, { recursive: true });
        parley.exportFolders.push(folder);
        return folder;
      },
      confirmOverwrite: async (names) => {
        parley.overwriteQuestions.push([...names]);
        return parley.allowOverwrite;
      },
      chooseNotebookPath: async () => {
        const next = parley.nextNotebookPath;
        parley.nextNotebookPath = undefined;
        if (next === null) return null;
        return next ?? join(dir, `joined-${parley.openedNotebooks.length + 1}.json`);
      },
    };
    let page: Page | null = null;
    const calls: string[] = [];

    /** Sends an event to the page as main's webContents.send would. */
    const emit = <K extends EventName>(name: K, payload: Events[K]) => {
      page
        ?.evaluate(([channel, value]) => (window as unknown as TestWindow).__parleyEmit(channel, value), [
          eventChannels[name],
          payload,
        ] as const)
        .catch(() => {});
    };

    const openBackend = async (): Promise<Backend> => {
      const store = await openNotebookStore(notebookPath);
      await seedOnFirstRun(store, () => readFile(samplePath, 'utf8'));
      // The profile's settings, in the test's folder: a new notebook is a first start, as in the app; the author
      // name is kept there too.
      const settings = new SettingsStore(join(dir, 'settings.json'));
      const preferences = settingsPreferences(settings);
      const sync = await parleyOptions.openSync?.(store, { author: () => preferences.get().authorName });
      const real = createHandlers({
        store,
        dialogs,
        appVersion: 'test',
        welcome: settingsWelcome(settings, store.created),
        preferences,
        ...(sync ? { sync } : {}),
        openNotebook: (path) => parley.openedNotebooks.push(path),
        progress: (report) => {
          parley.progressEvents.push(report);
          emit('progress', report);
        },
      });
      const table = new Proxy(real, {
        get(target, name: CallName) {
          const message = failures.get(name);
          if (message === undefined) return target[name];
          return () => {
            failures.delete(name);
            throw new ParleyError(message);
          };
        },
      });
      const offSave = store.onSaveState((state) => {
        saveEvents.push(state);
        emit('saveState', state);
      });
      const offCommit = store.onCommit((commit) => emit('notebookChanged', notebookChange(commit)));
      const offSync = sync?.onStatus((status) => emit('syncStatus', status));
      const close = async () => {
        offSave();
        offCommit();
        offSync?.();
        await sync?.close();
        await store.close();
      };
      return { store, sync, table, close };
    };

    const openPage = async (ctx: BrowserContext, backend: Backend): Promise<Page> => {
      const next = await ctx.newPage();
      // Instant scrolling and no card glides, so positions read by a test are final.
      await next.emulateMedia({ reducedMotion: 'reduce' });
      next.on('pageerror', (error) => pageErrors.push(String(error)));
      next.on('console', (message) => {
        // Resource 404s are the routed fake origin's; CSP refusals are checked through their violation events.
        const text = message.text();
        if (message.type() === 'error' && !/Failed to load resource|Content Security Policy/.test(text)) {
          pageErrors.push(text);
        }
      });
      await next.route(`${ORIGIN}/**`, async (route) => {
        const name =
          decodeURIComponent(new URL(route.request().url()).pathname).replace(/^\/+/, '') || 'index.html';
        const file = resolve(distDir, name);
        if (!file.startsWith(distDir + sep)) return route.fulfill({ status: 404, body: 'Not found' });
        try {
          const body = await readFile(file);
          return route.fulfill({
            status: 200,
            body,
            contentType: contentTypes[extname(file)] ?? 'application/octet-stream',
          });
        } catch {
          return route.fulfill({ status: 404, body: 'Not found' });
        }
      });
      await next.exposeBinding('__parleyInvoke', (source, channel: string, args: unknown) => {
        if (source.frame !== next.mainFrame()) {
          return {
            ok: false,
            error: { code: 'forbidden', message: `Refused ${channel} from an untrusted frame` },
          };
        }
        calls.push(channel);
        return dispatch(backend.table, channel, args);
      });
      await next.addInitScript({
        content: `${await preloadApiBundle()}\n(${installParley.toString()})(__parleyPreload);`,
      });
      await next.goto(APP_URL);
      return next;
    };

    const assertCleanPage = async (current: Page) => {
      if (current.isClosed()) return;
      const violations = await current.evaluate(() => (window as unknown as TestWindow).__cspViolations);
      const unexpected = violations.filter(
        (violation) => !allowedViolations.some((re) => re.test(violation)),
      );
      expect(unexpected, 'Content-Security-Policy violations').toEqual([]);
    };

    try {
      await readFile(join(distDir, 'app.js'));
    } catch {
      throw new Error('dist/renderer/app.js is missing: run `npm run build` before the renderer tests.');
    }

    let backend = await openBackend();
    page = await openPage(context, backend);

    const parley: Parley = {
      dir,
      notebookPath,
      get store() {
        return backend.store;
      },
      get sync() {
        return backend.sync;
      },
      nextNotebookPath: undefined,
      openedNotebooks: [],
      get page() {
        return page!;
      },
      saveEvents,
      importPaths: [],
      exportPaths: [],
      exportFolders: [],
      nextExportFolder: undefined,
      overwriteQuestions: [],
      allowOverwrite: false,
      progressEvents: [],
      calls,
      allowCspViolations(pattern) {
        allowedViolations.push(pattern);
      },
      failNext(name, message) {
        failures.set(name, message);
      },
      async reload() {
        await assertCleanPage(page!);
        await page!.close();
        page = null;
        await backend.close();
        backend = await openBackend();
        page = await openPage(context, backend);
        return page;
      },
      async menuCommand(command) {
        await page!.evaluate(
          ([channel, payload]) => (window as unknown as TestWindow).__parleyEmit(channel, payload),
          [eventChannels.menuCommand, command] as const,
        );
      },
      async readNotebookFile() {
        // As saved: the file with the changes its journal holds, as every reader of the notebook sees it.
        return JSON.parse((await notebookBytesOnDisk(notebookPath)).toString('utf8')) as Notebook;
      },
      async writeFile(name, content) {
        const path = join(dir, name);
        await writeFile(path, content, 'utf8');
        return path;
      },
    };

    await use(parley);

    if (page) await assertCleanPage(page);
    expect(pageErrors, 'errors in the page').toEqual([]);
    await backend.close();
    await rm(dir, { recursive: true, force: true });
  },
});

export { expect };

export interface TestWindow {
  __parleyEmit(channel: string, payload: unknown): void;
  __cspViolations: string[];
}

/** Drops text files on the window, as a reader dragging them in from the desktop would. */
export async function dropFiles(page: Page, files: Array<{ name: string; text: string }>): Promise<void> {
  await page.evaluate((list) => {
    const data = new DataTransfer();
    for (const file of list) data.items.add(new File([file.text], file.name));
    document.body.dispatchEvent(
      new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }),
    );
  }, files);
}

/** Viewport rectangle of the first occurrence of `phrase` in the reading column. */
export async function phraseRect(
  page: Page,
  phrase: string,
): Promise<{
  top: number;
  bottom: number;
  left: number;
  right: number;
  firstLineTop: number;
  firstLineLeft: number;
} | null> {
  return page.evaluate((text) => {
    for (const block of document.querySelectorAll('.doc-text [data-start]')) {
      const node = block.firstChild;
      if (!(node instanceof Text)) continue;
      const at = node.data.indexOf(text);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + text.length);
      const rect = range.getBoundingClientRect();
      const first = range.getClientRects()[0] ?? rect;
      return {
        top: rect.top,
        bottom: rect.bottom,
        left: rect.left,
        right: rect.right,
        firstLineTop: first.top,
        firstLineLeft: first.left,
      };
    }
    return null;
  }, phrase);
}

/** Names of the CSS highlights that hold a range whose text is exactly `phrase`. */
export async function highlightsCovering(page: Page, phrase: string): Promise<string[]> {
  return page.evaluate((text) => {
    const names: string[] = [];
    CSS.highlights.forEach((highlight, name) => {
      for (const range of highlight) {
        if (range instanceof Range && range.toString() === text) names.push(name);
      }
    });
    return names;
  }, phrase);
}
