// The window factory against Electron's security checklist, with a stand-in BrowserWindow class.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import type { BrowserWindowConstructorOptions } from 'electron';
import {
  createMainWindow,
  mainWindowOptions,
  mainWindowWebPreferences,
  MIN_HEIGHT,
  MIN_WIDTH,
  type BrowserWindowClass,
} from '../../../main/window';

const preload = '/opt/parley/dist/preload/index.cjs';

describe('mainWindowWebPreferences', () => {
  test("follows Electron's security checklist", () => {
    const prefs = mainWindowWebPreferences(preload);
    assert.equal(prefs.contextIsolation, true);
    assert.equal(prefs.sandbox, true);
    assert.equal(prefs.nodeIntegration, false);
    assert.equal(prefs.nodeIntegrationInWorker, false);
    assert.equal(prefs.nodeIntegrationInSubFrames, false);
    assert.equal(prefs.webSecurity, true);
    assert.equal(prefs.allowRunningInsecureContent, false);
    assert.equal(prefs.experimentalFeatures, false);
    assert.equal(prefs.webviewTag, false);
    assert.equal(prefs.navigateOnDragDrop, false);
    assert.equal(prefs.enableBlinkFeatures, undefined);
  });

  test('loads our preload and keeps spellcheck on', () => {
    const prefs = mainWindowWebPreferences(preload);
    assert.equal(prefs.preload, preload);
    assert.equal(prefs.spellcheck, true);
  });
});

test('window options: titled Parley, hidden until painted, with a minimum size', () => {
  const options = mainWindowOptions(preload);
  assert.equal(options.title, 'Parley');
  assert.equal(options.show, false);
  assert.equal(options.minWidth, MIN_WIDTH);
  assert.equal(options.minHeight, MIN_HEIGHT);
  assert.ok(MIN_WIDTH >= 600 && MIN_HEIGHT >= 400);
  assert.ok((options.width ?? 0) >= MIN_WIDTH && (options.height ?? 0) >= MIN_HEIGHT);
  assert.deepEqual(options.webPreferences, mainWindowWebPreferences(preload));
});

class FakeWindow extends EventEmitter {
  static created: FakeWindow[] = [];
  loaded: string[] = [];
  shown = 0;
  failLoad = false;
  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
    FakeWindow.created.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.loaded.push(url);
    return this.failLoad ? Promise.reject(new Error('ERR_FILE_NOT_FOUND')) : Promise.resolve();
  }
  show(): void {
    this.shown++;
  }
  isVisible(): boolean {
    return this.shown > 0;
  }
  isDestroyed(): boolean {
    return false;
  }
}

describe('createMainWindow', () => {
  test('builds the window with the secure options, loads the app page and shows it when ready', () => {
    FakeWindow.created = [];
    const win = createMainWindow({
      BrowserWindow: FakeWindow as unknown as BrowserWindowClass,
      preloadPath: preload,
      url: 'app://parley/index.html',
    }) as unknown as FakeWindow;
    assert.equal(FakeWindow.created.length, 1);
    assert.equal(win, FakeWindow.created[0]);
    assert.deepEqual(win.options, mainWindowOptions(preload));
    assert.deepEqual(win.loaded, ['app://parley/index.html']);
    assert.equal(win.shown, 0, 'shown before it was painted');
    win.emit('ready-to-show');
    assert.equal(win.shown, 1);
    win.emit('ready-to-show');
    assert.equal(win.shown, 1, 'ready-to-show is handled once');
  });

  test('shows the window anyway when the page fails to load', async () => {
    const Failing = class extends FakeWindow {
      override failLoad = true;
    };
    const originalError = console.error;
    console.error = () => {};
    try {
      const win = createMainWindow({
        BrowserWindow: Failing as unknown as BrowserWindowClass,
        preloadPath: preload,
        url: 'app://parley/index.html',
      }) as unknown as FakeWindow;
      await new Promise((resolve) => setImmediate(resolve));
      assert.equal(win.shown, 1);
    } finally {
      console.error = originalError;
    }
  });
});
