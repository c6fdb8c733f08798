/**
 * The one BrowserWindow factory. Every window Parley opens gets the same locked-down web preferences (Electron's
 * security checklist: isolated, sandboxed, no Node, no webviews), loads only our own app:// page and shows itself
 * once painted. The BrowserWindow class is passed in by the composition root, so tests can check all of this
 * under plain Node.
 */
import type { BrowserWindow, BrowserWindowConstructorOptions, WebPreferences } from 'electron';

import type { WindowState } from './window-state';

export const WINDOW_TITLE = 'Parley';
export const MIN_WIDTH = 720;
export const MIN_HEIGHT = 480;

export function mainWindowWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: true,
  };
}

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: WINDOW_TITLE,
    width: 1280,
    height: 860,
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: mainWindowWebPreferences(preloadPath),
  };
}

export type BrowserWindowClass = new (options: BrowserWindowConstructorOptions) => BrowserWindow;

export interface MainWindowOptions {
  BrowserWindow: BrowserWindowClass;
  /** Absolute path of dist/preload/index.cjs. */
  preloadPath: string;
  /** The app:// page to load. */
  url: string;
  /** Where the user left the window last time. */
  state?: WindowState | null;
  /** Painted before the page loads, so a dark system theme gets no white flash. */
  backgroundColor?: string;
}

export function createMainWindow({
  BrowserWindow,
  preloadPath,
  url,
  state,
  backgroundColor,
}: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    ...mainWindowOptions(preloadPath),
    ...state?.bounds,
    ...(backgroundColor ? { backgroundColor } : {}),
  });
  win.once('ready-to-show', () => {
    if (state?.maximized) win.maximize();
    win.show();
  });
  win.loadURL(url).catch((error: unknown) => {
    // Show the window anyway: an invisible app that failed to load is worse than an error page.
    console.error(`[parley] could not load ${url}`, error);
    if (!win.isDestroyed() && !win.isVisible()) win.show();
  });
  return win;
}
