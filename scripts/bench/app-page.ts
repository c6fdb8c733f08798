/**
 * The built renderer in Chromium over the real main-process handlers (a notebook store on disk, the IPC dispatch
 * gate, the preload's own API over a binding), wired as the renderer tests wire it: what the bench's figures of the
 * whole reading view are measured on. Main's events reach the page as in the app: each committed step is sent as
 * its notebookChanged event (and the save state as it moves), so a change made from the page comes back to it the
 * way it does in a window.
 */
import type { Browser, Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { notebookChange } from '../../main/core/notebook-change';
import { dispatch } from '../../main/ipc/dispatch';
import { createHandlers, type Dialogs } from '../../main/ipc/handlers';
import { openNotebookStore } from '../../main/storage/notebook-store';
import { eventChannels, type EventName, type Events } from '../../shared/contract';
import { preloadApiBundle } from '../page-script';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const APP_ORIGIN = 'http://parley.test';

export async function appPage(
  browser: Browser,
  notebookPath: string,
): Promise<{ page: Page; problems: string[]; close: () => Promise<void> }> {
  const store = await openNotebookStore(notebookPath, { createIfMissing: false });
  const refuse = async () => null;
  const dialogs: Dialogs = {
    chooseImportFiles: async () => [],
    chooseExportPath: refuse,
    chooseExportFolder: refuse,
    confirmOverwrite: async () => false,
  };
  const table = createHandlers({ store, dialogs, appVersion: 'bench' });
  const preload = await preloadApiBundle();
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(String(error)));
  page.on('crash', () => problems.push('the page crashed'));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  const distDir = resolve(ROOT, 'dist/renderer');
  await page.route(`${APP_ORIGIN}/**`, async (route) => {
    const name = new URL(route.request().url()).pathname.replace(/^\/+/, '') || 'index.html';
    const file = resolve(distDir, name);
    if (!file.startsWith(distDir + sep)) return route.fulfill({ status: 404, body: 'Not found' });
    try {
      const types: Record<string, string> = {
        '.html': 'text/html',
        '.js': 'text/javascript',
        '.css': 'text/css',
      };
      return route.fulfill({
        body: await readFile(file),
        contentType: types[extname(file)] ?? 'application/octet-stream',
      });
    } catch {
      return route.fulfill({ status: 404, body: 'Not found' });
    }
  });
  await page.exposeBinding('__parleyInvoke', (_source, channel: string, args: unknown) =>
    dispatch(table, channel, args),
  );
  // The preload's own API over the binding, as the renderer tests' harness installs it, with its listeners.
  await page.addInitScript({
    content: `${preload}
      const listeners = new Map();
      // When each kind of event last reached the page, for parts that tell the path to main from the view's work.
      const arrived = {};
      Object.defineProperty(window, '__parleyEventArrived', { value: arrived });
      Object.defineProperty(window, '__parleyEmit', { value: (channel, payload) => {
        arrived[channel] = performance.now();
        for (const listener of listeners.get(channel) ?? []) listener(payload);
      } });
      Object.defineProperty(window, 'parley', { value: Object.freeze(__parleyPreload.buildApi(
        (channel, args) => window.__parleyInvoke(channel, args),
        (channel, listener) => {
          const set = listeners.get(channel) ?? new Set();
          listeners.set(channel, set);
          set.add(listener);
          return () => set.delete(listener);
        },
      )) });`,
  });
  /** Sends an event to the page as main's webContents.send does. */
  const emit = <K extends EventName>(name: K, payload: Events[K]) => {
    page
      .evaluate(
        ([channel, value]) =>
          (window as unknown as { __parleyEmit: (c: string, v: unknown) => void }).__parleyEmit(
            channel,
            value,
          ),
        [eventChannels[name], payload] as const,
      )
      .catch(() => {});
  };
  const offCommit = store.onCommit((commit) => emit('notebookChanged', notebookChange(commit)));
  const offSave = store.onSaveState((state) => emit('saveState', state));
  await page.goto(`${APP_ORIGIN}/index.html`);
  return {
    page,
    problems,
    close: async () => {
      offCommit();
      offSave();
      await context.close();
      await store.close();
    },
  };
}
