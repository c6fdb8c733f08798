// Written for Parley's first-start welcome: whether it shows is decided in main and kept in the profile's
// settings; the two calls that read and dismiss it go through the same gate as every other (register.ts →
// dispatch.ts → the handler table), so a hostile caller (wrong arguments, prototype-pollution shapes, a frame
// that is not the app's) is refused and the settings file is left exactly as it was.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent, WebFrameMain } from 'electron';
import { createHandlers, type Dialogs } from '../../../main/ipc/handlers';
import { registerHandlers } from '../../../main/ipc/register';
import { isTrustedSender } from '../../../main/security';
import { SETTINGS_FILE, SettingsStore } from '../../../main/settings';
import { openNotebookStore } from '../../../main/storage/notebook-store';
import { settingsWelcome } from '../../../main/welcome';
import { calls, type Envelope } from '../../../shared/contract';

type Frame = { url: string; parent?: Frame | null };
type Handler = (event: IpcMainInvokeEvent, args: unknown) => unknown;

async function withGate(
  run: (gate: {
    settingsPath: string;
    invoke(channel: string, args: unknown, frame?: Frame | null): Promise<Envelope<unknown>>;
  }) => Promise<void>,
): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'parley-welcome-'));
  const store = await openNotebookStore(join(dir, 'notebook.json'), { debounceMs: 1 });
  const settingsPath = join(dir, SETTINGS_FILE);
  const table = createHandlers({
    store,
    dialogs: {} as Dialogs,
    appVersion: '0.0.0-test',
    welcome: settingsWelcome(new SettingsStore(settingsPath), store.created),
  });
  const handlers = new Map<string, Handler>();
  const ipcMain = {
    handle: (channel: string, handler: Handler) => void handlers.set(channel, handler),
    removeHandler: (channel: string) => void handlers.delete(channel),
  };
  const frame: Frame = { url: 'app://parley/index.html', parent: null };
  const win = { isDestroyed: () => false, webContents: { mainFrame: frame } };
  const unregister = registerHandlers(ipcMain as unknown as IpcMain, table, (sender) =>
    isTrustedSender(sender, win as unknown as BrowserWindow),
  );
  try {
    await run({
      settingsPath,
      async invoke(channel, args, from = frame) {
        const handler = handlers.get(channel);
        assert.ok(handler, `no handler for ${channel}`);
        return (await handler(
          { senderFrame: from as unknown as WebFrameMain } as IpcMainInvokeEvent,
          args,
        )) as Envelope<unknown>;
      },
    });
  } finally {
    unregister();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const HOSTILE: Array<[string, unknown]> = [
  ['an empty object', {}],
  ['a field', { dismissed: false }],
  ['a prototype-pollution shape', JSON.parse('{"__proto__": {"dismissed": false}, "constructor": {}}')],
  ['a string', 'dismiss'],
  ['a number', 1],
  ['null', null],
  ['an array', [true]],
  ['a huge string', 'x'.repeat(10 * 1024 * 1024)],
];

describe('the welcome over IPC', () => {
  test('a new notebook shows it; hostile calls are refused and change nothing; Dismiss is kept', async () => {
    await withGate(async ({ settingsPath, invoke }) => {
      const channel = calls.dismissWelcome.channel;
      assert.deepEqual(await invoke(calls.welcome.channel, undefined), { ok: true, value: { show: true } });
      const before = readFileSync(settingsPath, 'utf8');
      assert.deepEqual(JSON.parse(before).welcome, { dismissed: false, shown: true });

      for (const [label, args] of HOSTILE) {
        for (const name of [channel, calls.welcome.channel]) {
          const answer = await invoke(name, args);
          assert.equal(answer.ok, false, `${name} with ${label} was answered`);
          if (!answer.ok) assert.equal(answer.error.code, 'invalid-arguments', `${name} with ${label}`);
        }
      }
      // From a frame that is not the app's (a subframe, another page): refused before the arguments are read.
      for (const frame of [
        { url: 'app://parley/index.html', parent: { url: 'app://parley/index.html' } },
        { url: 'https://example.com/', parent: null },
        null,
      ]) {
        const answer = await invoke(channel, undefined, frame);
        assert.deepEqual(answer.ok ? 'answered' : answer.error.code, 'forbidden');
      }
      assert.equal(readFileSync(settingsPath, 'utf8'), before, 'the settings file is unchanged');
      assert.deepEqual(await invoke(calls.welcome.channel, undefined), { ok: true, value: { show: true } });
      assert.deepEqual(({} as Record<string, unknown>).dismissed, undefined, 'no prototype was polluted');

      // The reader's Dismiss: answered, written, and read back by the next start.
      assert.deepEqual(await invoke(channel, undefined), { ok: true, value: { show: false } });
      assert.deepEqual(await invoke(calls.welcome.channel, undefined), { ok: true, value: { show: false } });
      assert.deepEqual(JSON.parse(readFileSync(settingsPath, 'utf8')).welcome, {
        dismissed: true,
        shown: true,
      });
      assert.deepEqual(settingsWelcome(new SettingsStore(settingsPath), false).state(), { show: false });
    });
  });
});

describe('settingsWelcome', () => {
  const inTemp = (run: (path: string) => void) => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-welcome-'));
    try {
      run(join(dir, SETTINGS_FILE));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  test('a first start shows it once: it stays until dismissed there, and the next start shows none', () => {
    inTemp((path) => {
      const first = settingsWelcome(new SettingsStore(path), true);
      assert.deepEqual(first.state(), { show: true });
      // The window reloads within the first start: still shown, as it was not dismissed.
      assert.deepEqual(first.state(), { show: true });
      assert.deepEqual(JSON.parse(readFileSync(path, 'utf8')).welcome, { dismissed: false, shown: true });
      // The next start opens the notebook the first one made: the welcome was seen, and only Help shows it now.
      assert.deepEqual(settingsWelcome(new SettingsStore(path), false).state(), { show: false });
      // Even a start that makes a new notebook again (the old one moved away) does not show it twice.
      assert.deepEqual(settingsWelcome(new SettingsStore(path), true).state(), { show: false });
    });
  });

  test('a profile from before the welcome, opening its own notebook, shows none and writes nothing', () => {
    inTemp((path) => {
      assert.deepEqual(settingsWelcome(new SettingsStore(path), false).state(), { show: false });
      assert.equal(existsSync(path), false);
    });
  });

  test('the welcome is written beside the update settings, which it keeps', () => {
    inTemp((path) => {
      const settings = new SettingsStore(path);
      settings.changeUpdates({ automatic: true, consented: true });
      settingsWelcome(settings, true).dismiss();
      assert.deepEqual(JSON.parse(readFileSync(path, 'utf8')), {
        updates: { automatic: true, consented: true },
        welcome: { dismissed: true, shown: true },
      });
      settings.changeUpdates({ automatic: false });
      assert.deepEqual(JSON.parse(readFileSync(path, 'utf8')).welcome, { dismissed: true, shown: true });
    });
  });
});
