/**
 * The composition root: everything the app is made of, built and wired in one visible order. Before `ready`:
 * the profile folder, the single-instance lock, the privileged app:// scheme, the sandbox and the hardening of
 * every web contents. On `ready`: serve the renderer, open the notebook (a file it cannot read is never written
 * over: the user restores the last good backup, starts empty or quits), keep rolling backups, seed the sample on
 * first run, open team sync on it (off until the user shares or joins), register the IPC handlers behind the sender
 * check, open the window, forward save state and sync status, and set the menu. On quit: close sync, then flush the
 * notebook. What main tells the page waits until the page says it listens
 * (main/renderer-events.ts). The app binary given a command first (`parley export …`) is the command line
 * instead: it runs the command and exits, with no lock and no window (main/cli-mode.ts).
 */
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  nativeTheme,
  protocol,
  screen,
  session,
  shell,
} from 'electron';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { IMPORTABLE_EXTENSIONS } from './files';
import { importFiles } from './services/import-files';
import { loadWindowState, rememberWindowState, trackWindowState } from './window-state';
import { attachContextMenu } from './context-menu';
import { folderMemory } from './last-folder';
import { flushOnSessionEnd, guardQuit } from './quit-flush';
import type { EventName, Events, SyncStatus } from '../shared/contract';
import { commandLineArguments, launchArguments, runCommandLine } from './cli-mode';
import { RendererEvents } from './renderer-events';
import { notebookChange } from './core/notebook-change';
import {
  askedNotebook,
  launchedAddresses,
  launchRequest,
  otherNotebookMessage,
  refusedAddressesMessage,
  sameFile,
} from './second-launch';
import {
  askHowToRecover,
  askWhileSaving,
  confirmQuitWithoutSaving,
  electronDialogs,
  notebookOpenFailure,
} from './dialogs';
import { seedOnFirstRun } from './first-run';
import { SETTINGS_FILE, SettingsStore } from './settings';
import { settingsWelcome } from './welcome';
import { settingsPreferences } from './preferences';
import { createHandlers } from './ipc/handlers';
import { registerHandlers } from './ipc/register';
import { buildMenuTemplate, commandMenuId } from './menu';
import {
  appPaths,
  openedAddresses,
  relaunchArguments,
  resolveNotebookPath,
  userDataDirArgument,
  type OpenedAddresses,
} from './paths';
import { APP_SCHEME_PRIVILEGES, serveAppProtocol } from './protocol';
import { hardenSession, hardenWebContents, isTrustedSender } from './security';
import { keepRollingBackups } from './storage/backups';
import { NotebookLockedError } from './storage/notebook-lock';
import type { NotebookStore } from './storage/notebook-store';
import { openOrRecover, type Recovery } from './storage/recovery';
import { APP_ENTRY_URL } from './url-policy';
import { createMainWindow } from './window';
import { forgetFileState, openSync } from './sync/service';
import { syncOff, type SyncApi } from './sync/types';
import { errorMessage as message } from './errors';

let mainWindow: BrowserWindow | null = null;
let store: NotebookStore | null = null;
/** Team sync of the open notebook: off until the user shares or joins; closed before the notebook on quit. */
let sync: SyncApi | null = null;
/** The notebook this Parley is opening or has open, known before it is open (while recovery asks, say). */
let notebookInUse: string | null = null;

/** A launch's own arguments: argv less Electron's binary (and, under `electron .`, the app's path). */
const argumentsOf = (argv: readonly string[]) => launchArguments(argv, process.defaultApp === true);

/** What a launch names for import, absolute (taken from `cwd`, the launch's folder; file: URLs read), and the
 *  addresses it names that are no file on this computer. */
function addressesIn(argv: readonly string[], cwd: string): OpenedAddresses {
  return openedAddresses(argumentsOf(argv), cwd, IMPORTABLE_EXTENSIONS);
}

/** Says which addresses Parley was handed but cannot open (https:, a network folder's smb:): never in silence. */
function tellRefused(refused: readonly string[]): void {
  if (refused.length === 0) return;
  inform(refusedAddressesMessage(refused));
}

/** An information box over the window when there is one; nothing waits for its answer. */
function inform(box: Electron.MessageBoxOptions): void {
  const parent = mainWindow && !mainWindow.isDestroyed() ? mainWindow : null;
  void (parent ? dialog.showMessageBox(parent, box) : dialog.showMessageBox(box));
}

/** Files opened before the notebook is ready wait here. */
const pendingFiles: string[] = [];
let openFiles: (paths: string[]) => void = (paths) => void pendingFiles.push(...paths);

async function importOpenedFiles(open: NotebookStore, paths: string[]): Promise<void> {
  if (paths.length === 0) return;
  try {
    const docs = await importFiles(open, paths, new Date());
    paths.forEach((path) => app.addRecentDocument(path));
    tell(
      'documentsAdded',
      docs.map((doc) => doc.id),
    );
  } catch (error) {
    dialog.showErrorBox('Parley could not import the file', message(error));
  }
}

/** Says why Parley cannot go on, then leaves without touching anything. */
function stop(title: string, body: string): void {
  console.error(`[parley] ${title}: ${body}`);
  dialog.showErrorBox(title, body);
  app.exit(1);
}

/** What main tells a window's page waits until that page listens (main/renderer-events.ts). */
const events = new RendererEvents();

/** State for the window's page. With no window there is no one to tell: a new page reads the state itself. */
function send<K extends EventName>(name: K, payload: Events[K]): void {
  if (mainWindow && !mainWindow.isDestroyed()) events.send(mainWindow.webContents, name, payload);
}

/** What the user asked for (a file opened, a menu command): with no window open, one opens and is told. */
function tell<K extends EventName>(name: K, payload: Events[K]): void {
  const win =
    mainWindow && !mainWindow.isDestroyed() ? mainWindow : openWindow(appPaths(app.getAppPath()).preload);
  events.send(win.webContents, name, payload);
}

/** Greys File › Sync Now and Stop Syncing… while sync is off. */
function enableSyncItems(status: SyncStatus): void {
  for (const id of ['sync-now', 'stop-sync'] as const) {
    const item = Menu.getApplicationMenu()?.getMenuItemById(commandMenuId(id));
    if (item) item.enabled = status.phase !== 'off';
  }
}

/** Ticks the View menu's choices (Colour by Party) to match what the window shows. */
function tickViewOptions({ partyColours }: { partyColours: boolean }): void {
  const item = Menu.getApplicationMenu()?.getMenuItemById(commandMenuId('party-colours'));
  if (item) item.checked = partyColours;
}

/** How long the window shows that a joined notebook is about to open before Parley restarts with it. */
const RESTART_AFTER_JOIN_MS = 1500;

/**
 * Opens another notebook in place of this one (a shared notebook just joined): Parley restarts with it, since one
 * notebook is open per Parley and everything (the lock, sync, backups) hangs on it. The quit saves this one first.
 */
function openNotebookInstead(path: string): void {
  setTimeout(() => {
    app.relaunch({ args: relaunchArguments(process.argv, process.defaultApp === true, path) });
    app.quit();
  }, RESTART_AFTER_JOIN_MS);
}

function openWindow(preloadPath: string): BrowserWindow {
  const statePath = join(app.getPath('userData'), 'window-state.json');
  const workAreas = screen.getAllDisplays().map((display) => display.workArea);
  const win = createMainWindow({
    BrowserWindow,
    preloadPath,
    url: APP_ENTRY_URL,
    state: loadWindowState(statePath, workAreas),
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#1c1b19' : '#f7f5f0',
  });
  trackWindowState(win, statePath);
  // Windows shutdown and log-off: no before-quit, no close (main/quit-flush.ts).
  flushOnSessionEnd(win, {
    store: () => store,
    saveWindowState: () => rememberWindowState(statePath, win),
    quit: () => app.quit(),
  });
  events.watch(win.webContents);
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  mainWindow = win;
  return win;
}

async function start(): Promise<void> {
  const paths = appPaths(app.getAppPath());

  // 1. Serve the built renderer on app://parley/ and lock the session down.
  serveAppProtocol(protocol, paths.renderer);
  hardenSession(session.defaultSession);

  // 2. Which notebook, then open it. A file that cannot be read is kept unchanged, and the user chooses: restore
  //    the last good backup, start an empty notebook, or quit. Backups roll while changes are saved.
  let notebookPath: string;
  try {
    notebookPath = resolveNotebookPath({
      argv: process.argv,
      env: process.env,
      userDataDir: app.getPath('userData'),
      cwd: process.cwd(),
    });
  } catch (error) {
    return stop('Parley cannot start', message(error));
  }
  let recovery: Recovery;
  try {
    notebookInUse = notebookPath;
    recovery = await openOrRecover(notebookPath, (question) => askHowToRecover(dialog, question));
  } catch (error) {
    // Another Parley (or a `parley` command) is writing it: the message says who, and what to do.
    if (error instanceof NotebookLockedError) {
      return stop(
        'Parley cannot open the notebook',
        `${error.message}\n\nParley will now quit; nothing was changed.`,
      );
    }
    const failure = notebookOpenFailure(notebookPath, undefined, message(error));
    return stop(failure.title, failure.message);
  }
  if (recovery.outcome === 'quit') {
    if (!recovery.stillAsidePath) return app.quit();
    return stop(
      'Parley could not put the notebook back',
      `The notebook is kept unchanged at\n${recovery.stillAsidePath}\nRename it to ${notebookPath} to open it again.`,
    );
  }
  const opened = recovery.store;
  store = opened;
  keepRollingBackups(opened);
  // A notebook put back from a backup or started empty is no deletion to send to the team (main/sync).
  if (recovery.outcome !== 'opened') await forgetFileState(opened.path).catch(() => {});

  // 3. First run: the sample article. A missing sample is no reason not to start.
  try {
    await seedOnFirstRun(opened, () => readFile(paths.sample, 'utf8'));
  } catch (error) {
    console.error('[parley] could not add the sample article', error);
  }

  // 4. The profile's settings are read once here: the welcome (a new notebook's first start), the author name and
  //    the update check share them. Team sync opens on the notebook: a notebook never shared or joined stays off
  //    and makes no network call; one shared or joined before syncs again. Sync that cannot start is said, and the
  //    notebook opens without it.
  const settings = new SettingsStore(join(app.getPath('userData'), SETTINGS_FILE));
  const preferences = settingsPreferences(settings);
  try {
    sync = await openSync(opened, { author: () => preferences.get().authorName });
  } catch (error) {
    console.error('[parley] team sync could not start', error);
    inform({
      type: 'warning',
      title: 'Sync could not start',
      message: 'Team sync could not start for this notebook',
      detail: `${message(error)}\n\nThe notebook opens as it is, without sync; your changes are kept here.`,
    });
  }

  // 5. The handlers, answered only for our own window's main frame on an app:// page.
  const handlers = createHandlers({
    store: opened,
    dialogs: electronDialogs(
      dialog,
      () => mainWindow,
      folderMemory(join(app.getPath('userData'), 'last-folders.json'), () => app.getPath('documents')),
    ),
    appVersion: app.getVersion(),
    progress: (progress) => send('progress', progress),
    imported: (paths) => paths.forEach((path) => app.addRecentDocument(path)),
    rendererReady: () => {
      if (mainWindow && !mainWindow.isDestroyed()) events.ready(mainWindow.webContents);
      // A page starts with its view choices off; the menu's ticks follow what it says after that.
      tickViewOptions({ partyColours: false });
    },
    viewOptions: tickViewOptions,
    welcome: settingsWelcome(settings, opened.created),
    preferences,
    ...(sync ? { sync } : {}),
    openNotebook: openNotebookInstead,
  });
  registerHandlers(ipcMain, handlers, (frame) => isTrustedSender(frame, mainWindow));

  // 6. The window, and what main tells it.
  openWindow(paths.preload);
  opened.onSaveState((state) => send('saveState', state));
  opened.onCommit((commit) => send('notebookChanged', notebookChange(commit)));
  sync?.onStatus((status) => {
    send('syncStatus', status);
    enableSyncItems(status);
  });

  // Files opened with Parley (file associations, the command line, the macOS dock) are imported.
  openFiles = (paths) => void importOpenedFiles(opened, paths);
  const launched = addressesIn(process.argv, process.cwd());
  openFiles(pendingFiles.splice(0).concat(launched.files));
  tellRefused(launched.refused);
  // A journal of saved changes that could not be applied whole was kept aside as the notebook opened: say so.
  if (opened.journalProblem) {
    inform({
      type: 'warning',
      title: 'Some saved changes could not be read',
      message: 'Some saved changes could not be read back',
      detail: opened.journalProblem.message,
    });
  }

  // 7. The menu. A command given while no window is open (macOS) opens one and is delivered once its page listens.
  //    Help holds the update check, off until the user turns it on; electron-updater loads only for a check.
  const { startUpdates } = await import('./updates');
  const updates = startUpdates({
    settings,
    app,
    dialog,
    getWindow: () => mainWindow,
    menu: Menu,
  });
  const template = buildMenuTemplate({
    isMac: process.platform === 'darwin',
    isPackaged: app.isPackaged,
    updates: {
      automatic: updates.automatic,
      checkNow: () => void updates.checkNow(),
      setAutomatic: (on) => updates.setAutomatic(on),
    },
    send: (command) => tell('menuCommand', command),
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  enableSyncItems(sync?.status() ?? syncOff());
  app.setAboutPanelOptions({
    applicationName: 'Parley',
    applicationVersion: app.getVersion(),
    credits: 'A research notebook for close reading. Nothing you read or write leaves this machine.',
  });

  // 8. macOS keeps running with no window; clicking the dock icon brings one back.
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow(paths.preload);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}

// Before ready. The app binary run as a command line (`parley export …`) runs the command and exits: no lock, no
// scheme, no window.
const commandLine = commandLineArguments(process.argv, process.defaultApp === true);

// The profile folder first: the single-instance lock and the default notebook live in it.
const userDataDir = (() => {
  try {
    return userDataDirArgument(process.argv, process.cwd());
  } catch {
    return undefined;
  }
})();
if (userDataDir && !commandLine) app.setPath('userData', userDataDir);

if (commandLine) {
  void runCommandLine(commandLine, {
    samplePath: appPaths(app.getAppPath()).sample,
    version: app.getVersion(),
    exit: (code) => app.exit(code),
  });
} else if (
  !app.requestSingleInstanceLock(
    launchRequest(process.argv, process.env, process.cwd(), addressesIn(process.argv, process.cwd())),
  )
) {
  // Another Parley owns this profile; it has been told (second-instance) and will come to the front.
  app.quit();
} else {
  app.on('open-file', (event, path) => {
    event.preventDefault();
    openFiles([path]);
  });
  // A second launch: its files, from its own folder, go into this notebook; another notebook it names is refused
  // with a message that says how to open it (main/second-launch.ts).
  // What the launch read from its own arguments comes first: the argv handed here may have been reordered.
  app.on('second-instance', (_event, argv, workingDirectory, additionalData) => {
    const { files, refused } = launchedAddresses(additionalData) ?? addressesIn(argv, workingDirectory);
    tellRefused(refused);
    const asked = askedNotebook(argumentsOf(argv), workingDirectory, additionalData);
    const inUse = store?.path ?? notebookInUse;
    if (asked !== undefined && inUse && !sameFile(asked, inUse)) {
      inform(otherNotebookMessage(inUse, asked, files));
    } else {
      openFiles(files);
    }
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });

  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
  app.enableSandbox();
  if (process.platform === 'win32') app.setAppUserModelId('org.parley.app');
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, (url) => shell.openExternal(url));
    attachContextMenu(contents, Menu, () => BrowserWindow.fromWebContents(contents));
  });

  // Quitting waits for the notebook to be on disk, within a time limit (main/quit-flush.ts). If the write fails
  // or hangs, the user decides: stay, or quit knowing what is lost.
  guardQuit({
    app,
    store: () => store,
    // Sync first: once it is closed nothing more arrives to change the notebook before its last write.
    closeFirst: async () => {
      const open = sync;
      sync = null;
      await open?.close();
    },
    ask: {
      afterFailure: (path, detail) => confirmQuitWithoutSaving(dialog, mainWindow, path, detail),
      whileSlow: (path, seconds, signal) => askWhileSaving(dialog, mainWindow, path, seconds, signal),
    },
    stay: () => {
      if (!mainWindow || mainWindow.isDestroyed()) openWindow(appPaths(app.getAppPath()).preload);
    },
  });

  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => stop('Parley cannot start', message(error)));
}
