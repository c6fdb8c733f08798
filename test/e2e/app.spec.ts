// The whole app through Playwright's _electron: the built main process, the sandboxed preload and the renderer on
// app://parley/, over a temp notebook and a temp profile. It needs an Electron binary on disk and never downloads
// one: without it the test is skipped and says why (test/e2e/support.ts).
import { expect, test, type ElectronApplication } from '@playwright/test';
import { existsSync } from 'node:fs';
import { SCHEMA_VERSION } from '../../shared/model';
import { calls, eventChannels, subscribeName, type EventName } from '../../shared/contract';
import {
  HEADLINE,
  launch,
  readNotebook,
  removeWorkspace,
  requireBinary,
  workspace,
  type Workspace,
} from './support';

let space: Workspace | undefined;
let app: ElectronApplication | undefined;

test.afterEach(async () => {
  await app?.close().catch(() => {});
  app = undefined;
  await removeWorkspace(space);
  space = undefined;
});

test('the app opens the sample in a locked-down window and saves the notebook on quit', async () => {
  requireBinary();
  space = await workspace();
  const notebook = space.notebook;
  ({ app } = await launch(space));
  const launched = app;
  const page = await launched.firstWindow();

  await test.step('one window titled Parley, on app://parley/', async () => {
    await expect
      .poll(() => launched.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length))
      .toBe(1);
    await expect
      .poll(() => launched.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle()))
      .toMatch(/Parley/);
    expect(page.url()).toMatch(/^app:\/\/parley\//);
  });

  await test.step('the sample article is there on first run', async () => {
    const heading = page.getByRole('heading', { name: HEADLINE }).or(page.getByText(HEADLINE));
    await expect(heading.first()).toBeVisible();
  });

  await test.step('window.parley has the named functions and nothing of Node or raw IPC', async () => {
    const surface = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      const api = (w.parley ?? {}) as Record<string, unknown>;
      return {
        members: Object.keys(api)
          .sort()
          .map((key) => [key, typeof api[key]]),
        apiHasIpc: 'ipcRenderer' in api || 'invoke' in api || 'send' in api || 'on' in api,
        ipcRenderer: typeof w.ipcRenderer,
        require: typeof w.require,
        process: typeof w.process,
        module: typeof w.module,
      };
    });
    const expected = [
      ...Object.keys(calls),
      ...(Object.keys(eventChannels) as EventName[]).map((name) => subscribeName(name)),
    ].sort();
    expect(surface.members).toEqual(expected.map((name) => [name, 'function']));
    expect(surface.apiHasIpc).toBe(false);
    expect(surface.ipcRenderer).toBe('undefined');
    expect(surface.require).toBe('undefined');
    expect(surface.process).toBe('undefined');
    expect(surface.module).toBe('undefined');

    const titles = await page.evaluate(async () => {
      const api = (window as unknown as { parley: { listDocuments(): Promise<Array<{ title: string }>> } })
        .parley;
      return (await api.listDocuments()).map((doc) => doc.title);
    });
    expect(titles).toContain(HEADLINE);
  });

  await test.step('navigation away is refused', async () => {
    // Heard after main's own will-navigate listener, so it sees whether main refused.
    await launched.evaluate(({ BrowserWindow }) => {
      const contents = BrowserWindow.getAllWindows()[0]!.webContents;
      (globalThis as { refused?: Promise<boolean> }).refused = new Promise<boolean>((resolve) =>
        contents.once('will-navigate', (event) => resolve(event.defaultPrevented)),
      );
    });
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    expect(await launched.evaluate(() => (globalThis as { refused?: Promise<boolean> }).refused)).toBe(true);
    expect(page.url()).toMatch(/^app:\/\/parley\//);
    await expect
      .poll(() =>
        launched.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.webContents.getURL()),
      )
      .toMatch(/^app:\/\/parley\//);
  });

  await test.step('new windows are denied; only http(s) links reach the system browser', async () => {
    // Stand in for the system browser so nothing is opened for real.
    const stubbed = await launched.evaluate(({ shell }) => {
      const opened: string[] = [];
      (globalThis as unknown as { parleyOpened: string[] }).parleyOpened = opened;
      shell.openExternal = async (url: string) => {
        opened.push(url);
      };
      return shell.openExternal.toString().includes('opened.push');
    });
    if (!stubbed) {
      // Without the stand-in a real browser could open: leave this check out rather than reach the network.
      test.info().annotations.push({ type: 'note', description: 'shell.openExternal could not be replaced' });
      return;
    }
    await page.evaluate(() => {
      window.open('https://example.com/');
      window.open('file:///etc/passwd');
      window.open('javascript:alert(1)');
    });
    await expect
      .poll(() => launched.evaluate(() => (globalThis as unknown as { parleyOpened: string[] }).parleyOpened))
      .toEqual(['https://example.com/']);
    expect(await launched.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });

  await test.step('closing the app leaves the notebook on disk', async () => {
    await launched.close();
    app = undefined;
    expect(existsSync(notebook)).toBe(true);
    const saved = await readNotebook(notebook);
    expect(saved.schemaVersion).toBe(SCHEMA_VERSION);
    expect(saved.documents.map((doc) => doc.title)).toContain(HEADLINE);
  });
});
