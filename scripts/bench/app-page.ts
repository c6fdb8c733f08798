/**
 * The built renderer in Chromium over the real main-process handlers (a notebook store on disk, the IPC dispatch
 * gate, the preload's own API over a binding), wired as the renderer tests wire it: what the bench's figures of the
 * whole reading view are measured on. Main's events reach the page as in the app: each committed step is sent as
 * its notebookChanged event (and the save state as it moves), so a change made from the page comes back to it the
 * way it does in a window.
 */
import type { Browser, Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { notebookChange } from '../../main/core/notebook-change';
import { dispatch } from '../../main/ipc/dispatch';
import { createHandlers, type Dialogs } from '../../main/ipc/handlers';
import { openNotebookStore } from '../../main/storage/notebook-store';
import { eventChannels, type EventName, type Events } from '../../shared/contract';
import { preloadApiBundle } from '../page-script';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

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
  // The page's policy allows no fetch; the bench's answers below are fetched, so the policy is bypassed here.
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, bypassCSP: true });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(String(error)));
  page.on('crash', () => problems.push('the page crashed'));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  const distDir = resolve(ROOT, 'dist/renderer');
  const types: Record<string, string> = {
    '.html': 'text/html',
    '.js': 'text/javascript',
    '.css': 'text/css',
  };
  // Each answer crosses as one JSON string, as Electron's IPC passes one structured clone, fetched by the page from
  // the local server that also serves the built renderer: Playwright's own return path for a binding (and CDP for a
  // routed response) took seconds for an open document of a few megabytes, a cost of the harness that no user of
  // the app waits for.
  const answers = new Map<number, string>();
  await page.exposeBinding('__parleySend', async (_source, id: number, channel: string, args: unknown) => {
    answers.set(id, JSON.stringify(await dispatch(table, channel, args)));
  });
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path.startsWith('/__answer/')) {
      const id = Number(path.slice('/__answer/'.length));
      const body = answers.get(id) ?? 'null';
      answers.delete(id);
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(body);
      return;
    }
    // Chromium asks an http origin for its icon; the app has none.
    if (path === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    const file = resolve(distDir, path.replace(/^\/+/, '') || 'index.html');
    if (!file.startsWith(distDir + sep)) {
      response.writeHead(404).end('Not found');
      return;
    }
    readFile(file).then(
      (body) => {
        response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
        response.end(body);
      },
      () => response.writeHead(404).end('Not found'),
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The preload's own API over the binding, as the renderer tests' harness installs it, with its listeners.
  await page.addInitScript({
    content: `${preload}
      let sent = 0;
      const invoke = async (channel, args) => {
        const id = ++sent;
        await window.__parleySend(id, channel, args);
        return (await fetch('/__answer/' + id)).json();
      };
      const listeners = new Map();
      // When each kind of event last reached the page, for parts that tell the path to main from the view's work.
      const arrived = {};
      Object.defineProperty(window, '__parleyEventArrived', { value: arrived });
      Object.defineProperty(window, '__parleyEmit', { value: (channel, payload) => {
        arrived[channel] = performance.now();
        for (const listener of listeners.get(channel) ?? []) listener(payload);
      } });
      Object.defineProperty(window, 'parley', { value: Object.freeze(__parleyPreload.buildApi(
        invoke,
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
  await page.goto(`${origin}/index.html`);
  return {
    page,
    problems,
    close: async () => {
      offCommit();
      offSave();
      await context.close();
      server.close();
      await store.close();
    },
  };
}
