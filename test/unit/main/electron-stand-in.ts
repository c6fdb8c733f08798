// A stand-in for the `electron` module, loaded in place of it (through a resolve hook) when
// composition.test.ts runs main/index.ts in a child process. It records what the composition root does, drives
// one scenario once the window exists (serve a page, call IPC from trusted and untrusted frames, click a menu item,
// quit), answers message boxes with the button STAND_IN_CHOOSE names, and prints what it saw as one JSON line for
// the test to check. STAND_IN_STEPS (a JSON list, see `Step`) replaces the middle of that scenario with the
// shell events a test names: a second instance, a file opened from the dock, a window closed, a reload, a menu
// click, an IPC call. STAND_IN_SECURITY_PROBES puts hostile requests to the app's own window, session and IPC
// channels and reports what each did (securityProbes).
//
// It behaves as Electron does where the shell's correctness depends on it:
// - a message sent to a page before the page listens is lost. A page listens only some time after it has loaded
//   (the renderer subscribes in an effect, after its first render), and then calls the contract's rendererReady;
//   every load and reload starts again with a page that does not listen;
// - app.quit() emits before-quit (which can be prevented), then closes every window (`close`, which can be
//   prevented, then `closed`), then emits will-quit and quit; window-all-closed is not emitted while quitting;
// - second-instance passes (event, argv, workingDirectory, additionalData), additionalData being what the second
//   process gave requestSingleInstanceLock;
// - process.defaultApp is true, as under `electron .`: argv is [electron, app path, ...arguments], which is also
//   the shape of `node main/index.ts ...arguments` (STAND_IN_PACKAGED=1 makes it a packaged app instead).
import { EventEmitter } from 'node:events';
import { calls } from '../../../shared/contract';

type Listener = (...args: unknown[]) => unknown;
const report: Record<string, unknown> = { order: [] as string[] };
const order = report.order as string[];
/** Fires whenever something a wait can look at happens: a step noted, a message sent, a link handed out. */
const happenings = new EventEmitter();
const note = (step: string) => {
  order.push(step);
  happenings.emit('change');
};

/** How long a wait for something that should happen may take before the run fails saying what it waited for. */
const WAIT_MS = Number(process.env.STAND_IN_WAIT_MS ?? 20_000);

/**
 * Resolves once `condition` holds, looking again each time something happens; after WAIT_MS the run ends (exit 3)
 * with `stand-in: waited … for <what>` on stderr, which the tests print when the exit code is not 0.
 */
function until(condition: () => boolean, what: string): Promise<void> {
  if (condition()) return Promise.resolve();
  return new Promise((resolve) => {
    const check = () => {
      if (!condition()) return;
      clearTimeout(timer);
      happenings.off('change', later);
      resolve();
    };
    // A note can come just before the state it announces (a window noted, then listed): look once that is done.
    const later = () => queueMicrotask(check);
    const timer = setTimeout(() => {
      happenings.off('change', later);
      process.stderr.write(`stand-in: waited ${WAIT_MS} ms in vain for ${what}\n`);
      report.waitedInVain = what;
      finish(3);
    }, WAIT_MS);
    happenings.on('change', later);
  });
}

/** Lets one turn of the event loop pass: only for proving that nothing more happens, after what can be seen. */
const turn = () => new Promise((resolve) => setImmediate(resolve));

if (process.env.STAND_IN_PACKAGED !== '1') Object.defineProperty(process, 'defaultApp', { value: true });
if (process.env.STAND_IN_PLATFORM)
  Object.defineProperty(process, 'platform', { value: process.env.STAND_IN_PLATFORM });

function finish(code: number): never {
  if (BrowserWindow.created[0]) report.sent = BrowserWindow.created[0].webContents.sent;
  report.windows = BrowserWindow.created.map((win) => ({
    destroyed: win.destroyed,
    loads: win.webContents.loads,
    delivered: win.webContents.sent,
    lost: win.webContents.lost,
  }));
  process.stdout.write(`PARLEY_REPORT ${JSON.stringify(report)}\n`);
  process.exit(code);
}

class StandInApp extends EventEmitter {
  isPackaged = false;
  private paths: Record<string, string> = { userData: '/nonexistent/default-profile' };
  requestSingleInstanceLock(additionalData?: unknown) {
    note('requestSingleInstanceLock');
    report.lockData = additionalData;
    return process.env.STAND_IN_LOCK !== 'taken';
  }
  setPath(name: string, value: string) {
    note(`setPath:${name}`);
    this.paths[name] = value;
  }
  getPath(name: string) {
    return this.paths[name] ?? `/nonexistent/${name}`;
  }
  getAppPath() {
    return process.env.STAND_IN_APP_PATH!;
  }
  getVersion() {
    return '0.1.0-test';
  }
  enableSandbox() {
    note('enableSandbox');
  }
  setAppUserModelId() {}
  recent: string[] = [];
  addRecentDocument(path: string) {
    this.recent.push(path);
  }
  setAboutPanelOptions(options: unknown) {
    report.about = options;
  }
  whenReady() {
    note('whenReady');
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        note('ready');
        resolve();
        void drive();
      }),
    );
  }
  /** True from app.quit() until the quit is cancelled: windows closed now do not emit window-all-closed. */
  quitting = false;
  quit() {
    note('quit');
    if (this.quitting) return;
    this.quitting = true;
    let prevented = false;
    this.emit('before-quit', { preventDefault: () => (prevented = true) });
    if (prevented) {
      this.quitting = false;
      note('quit-prevented');
      return;
    }
    for (const win of [...BrowserWindow.all]) {
      if (!win.close()) {
        this.quitting = false;
        note('quit-cancelled-by-window');
        return;
      }
    }
    this.emit('will-quit', { preventDefault: () => {} });
    this.emit('quit', {}, 0);
    report.quitCleanly = true;
    finish(0);
  }
  exit(code = 0) {
    note(`exit:${code}`);
    report.exitCode = code;
    finish(code);
  }
}

export const app = new StandInApp();

/** How long after a load the page's listeners are in place (the renderer subscribes after its first render). */
const SUBSCRIBE_AFTER_MS = Number(process.env.STAND_IN_SUBSCRIBE_MS ?? 40);

class StandInContents extends EventEmitter {
  /** Messages the page received: sent while it listened. */
  sent: Array<[string, unknown]> = [];
  /** Messages sent while the page did not listen (loading, not yet subscribed, reloading): Electron drops them. */
  lost: Array<[string, unknown]> = [];
  /** Whether the page has subscribed to main's events. */
  listening = false;
  loads = 0;
  destroyed = false;
  mainFrame = { url: '' };
  windowOpenHandler: Listener | null = null;
  setWindowOpenHandler(handler: Listener) {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload: unknown) {
    if (this.destroyed) throw new Error('Object has been destroyed');
    (this.listening ? this.sent : this.lost).push([channel, payload]);
    happenings.emit('change');
  }
  getURL() {
    return this.mainFrame.url;
  }
  isDestroyed() {
    return this.destroyed;
  }
  /** A load of `url` in the main frame, as Electron reports it; the page listens a moment after it has loaded. */
  load(url: string, onLoaded?: () => void) {
    const load = ++this.loads;
    this.listening = false;
    const details = { url, isMainFrame: true, isSameDocument: false };
    this.emit('did-start-loading');
    this.emit('did-start-navigation', details, url, false, true);
    // A new document commits: a new main frame, and nothing of the old page listens any more.
    this.mainFrame = { url };
    this.emit('did-navigate', {}, url, 200, 'OK');
    setImmediate(() => {
      if (this.destroyed || load !== this.loads) return;
      onLoaded?.();
      this.emit('dom-ready');
      this.emit('did-finish-load');
      this.emit('did-stop-loading');
      setTimeout(() => {
        if (this.destroyed || load !== this.loads) return;
        this.listening = true;
        note('page-listening');
        // As the renderer store does once subscribed: tell main, through the contract's call, from its main frame.
        const ready = (calls as Record<string, { channel: string } | undefined>).rendererReady?.channel;
        const handler = ready === undefined ? undefined : handlers.get(ready);
        if (handler) void handler({ senderFrame: this.mainFrame }, undefined);
      }, SUBSCRIBE_AFTER_MS);
    });
  }
  reload() {
    note('reload');
    this.load(this.mainFrame.url);
  }
}

export class BrowserWindow extends EventEmitter {
  /** Open windows. */
  static all: BrowserWindow[] = [];
  /** Every window ever made, closed ones too. */
  static created: BrowserWindow[] = [];
  static getAllWindows() {
    return BrowserWindow.all;
  }
  webContents = new StandInContents();
  visible = false;
  destroyed = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    note('new BrowserWindow');
    BrowserWindow.all.push(this);
    BrowserWindow.created.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  async loadURL(url: string) {
    ((report.loadedUrls ??= []) as string[]).push(url);
    this.webContents.load(url, () => this.emit('ready-to-show'));
  }
  /** Closes the window unless a `close` listener prevents it; true when it closed. */
  close(): boolean {
    if (this.destroyed) return true;
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (prevented) return false;
    this.destroy();
    return true;
  }
  destroy() {
    if (this.destroyed) return;
    note('window-closed');
    this.destroyed = true;
    this.visible = false;
    BrowserWindow.all = BrowserWindow.all.filter((win) => win !== this);
    this.emit('closed');
    this.webContents.destroyed = true;
    this.webContents.listening = false;
    this.webContents.emit('destroyed');
    if (BrowserWindow.all.length === 0 && !app.quitting) app.emit('window-all-closed', {});
  }
  show() {
    this.visible = true;
  }
  isVisible() {
    return this.visible;
  }
  isDestroyed() {
    return this.destroyed;
  }
  isMinimized() {
    return false;
  }
  restore() {}
  focus() {}
  maximize() {}
  isMaximized() {
    return false;
  }
  getNormalBounds() {
    return { x: 0, y: 0, width: 1280, height: 860 };
  }
}

export const screen = {
  getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
};

export const nativeTheme = { shouldUseDarkColors: false };

const handlers = new Map<string, Listener>();
export const ipcMain = {
  handle(channel: string, handler: Listener) {
    if (handlers.size === 0) note('ipcMain.handle');
    handlers.set(channel, handler);
    happenings.emit('change');
  },
  removeHandler(channel: string) {
    handlers.delete(channel);
  },
};

let appHandler: ((request: Request) => Promise<Response>) | undefined;
export const protocol = {
  registerSchemesAsPrivileged(schemes: unknown) {
    note('registerSchemesAsPrivileged');
    report.schemes = schemes;
  },
  handle(scheme: string, handler: (request: Request) => Promise<Response>) {
    note(`protocol.handle:${scheme}`);
    appHandler = handler;
  },
};

/** What the app gave the default session, for securityProbes() to ask. */
const sessionHandlers: { request?: Listener; check?: Listener; headers?: Listener } = {};
export const session = {
  defaultSession: {
    setSpellCheckerDictionaryDownloadURL(url: string) {
      report.dictionaryUrl = url;
    },
    setPermissionRequestHandler(handler: Listener) {
      note('setPermissionRequestHandler');
      sessionHandlers.request = handler;
    },
    setPermissionCheckHandler(handler: Listener) {
      note('setPermissionCheckHandler');
      sessionHandlers.check = handler;
    },
    webRequest: {
      onHeadersReceived(listener: Listener) {
        sessionHandlers.headers = listener;
      },
    },
  },
};

let menuTemplate: Array<{ label?: string; submenu?: Array<{ label?: string; click?: () => void }> }> = [];
export const Menu = {
  buildFromTemplate(template: typeof menuTemplate) {
    return template;
  },
  setApplicationMenu(menu: typeof menuTemplate) {
    note('setApplicationMenu');
    menuTemplate = menu;
  },
  /** Menu items are plain objects here: there is no built menu to look an item up in. */
  getApplicationMenu() {
    return null;
  },
};

export const dialog = {
  showErrorBox(title: string, body: string) {
    note('showErrorBox');
    report.errorBox = { title, body };
  },
  async showOpenDialog() {
    return { canceled: true, filePaths: [] };
  },
  async showSaveDialog() {
    return { canceled: true };
  },
  showMessageBoxSync() {
    return 0;
  },
  /** Records each box; answers with the button named by STAND_IN_CHOOSE, else the first. */
  async showMessageBox(...args: unknown[]) {
    const options = args[args.length - 1] as { title?: string; detail?: string; buttons?: string[] };
    note('showMessageBox');
    const boxes = (report.messageBoxes ??= []) as unknown[];
    boxes.push({ parented: args.length > 1, ...options });
    // STAND_IN_WHILE_ASKED: a second launch ({argv, cwd, data}) that arrives while the first box waits for an
    // answer, as one can while Parley asks how to recover its notebook at start-up.
    const meanwhile = process.env.STAND_IN_WHILE_ASKED;
    if (meanwhile && boxes.length === 1) {
      const { argv, cwd, data } = JSON.parse(meanwhile) as { argv: string[]; cwd: string; data?: unknown };
      app.emit('second-instance', { preventDefault() {} }, argv, cwd, data ?? {});
      // The first box is answered only once the second launch has had its own answer (a box of its own).
      await until(() => boxes.length > 1, 'a message box answering the second launch');
    }
    const chosen = options.buttons?.indexOf(process.env.STAND_IN_CHOOSE ?? '') ?? -1;
    return { response: Math.max(0, chosen) };
  },
};

export const shell = {
  async openExternal(url: string) {
    report.openedExternally = url;
    ((report.openedAll ??= []) as string[]).push(url);
    happenings.emit('change');
  },
};

/** A short pause, for scenarios (STAND_IN_SCENARIO) that pace themselves. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 10));

/** What a `wait` step waits for: a message on `delivered`'s channel reaching an open page, or a box titled `box`. */
export type Awaited = { delivered: string } | { box: string };

function awaited(what: Awaited): Promise<void> {
  if ('box' in what) {
    const shown = () =>
      ((report.messageBoxes ?? []) as Array<{ title?: string }>).some((b) => b.title === what.box);
    return until(shown, `a message box titled ${JSON.stringify(what.box)}`);
  }
  const delivered = () =>
    BrowserWindow.all.some((win) => win.webContents.sent.some(([channel]) => channel === what.delivered));
  return until(delivered, `${what.delivered} delivered to an open page`);
}

/** One shell event, as STAND_IN_STEPS lists them. */
export type Step =
  | { do: 'second-instance'; argv: string[]; cwd: string; data?: unknown }
  | { do: 'open-file'; path: string }
  | { do: 'close-windows' }
  | { do: 'menu'; menu: string; item: string }
  | { do: 'reload' }
  | { do: 'call'; channel: string; args?: unknown }
  /** Until what the steps before set going has shown itself (what the test reads next depends on it). */
  | { do: 'wait'; for: Awaited }
  /** Proves nothing more happens: one turn of the event loop, after a `wait` on what can be seen. */
  | { do: 'turn' }
  /** Quit at once, with no pause after the steps before it. */
  | { do: 'quit' };

/** STAND_IN_SECURITY_PROBES: hostile requests put to the app's own window, session and IPC channels. */
interface SecurityProbes {
  urls: string[];
  permissions: string[];
}

/**
 * What the app's window and session do with each probe, as Electron would ask them: navigations and redirects
 * (refused?), new windows (the open handler's answer, and what reached shell.openExternal),
 * webviews (refused?), permission requests and checks (granted?), response headers (as served), and every IPC
 * channel called from a subframe and from a foreign page (the error code).
 */
async function securityProbes(win: BrowserWindow, probes: SecurityProbes): Promise<Record<string, unknown>> {
  const contents = win.webContents;
  const refused = (event: string, ...args: unknown[]) => {
    let prevented = false;
    contents.emit(event, { url: args[0], preventDefault: () => (prevented = true) }, ...args.slice(1));
    return prevented;
  };
  const navigations = probes.urls.map((url) => ({
    url,
    navigate: refused('will-navigate', url),
    redirect: refused('will-redirect', url),
  }));
  const webviews = probes.urls.map((src) => {
    let prevented = false;
    contents.emit(
      'will-attach-webview',
      { preventDefault: () => (prevented = true) },
      { nodeIntegration: true },
      { src, allowpopups: 'true' },
    );
    return prevented;
  });
  const openedBefore = ((report.openedAll ??= []) as string[]).length;
  const opens = probes.urls.map((url) => contents.windowOpenHandler?.({ url }) ?? null);
  // The handler answered each synchronously; a turn shows that no open hostile link comes after.
  await turn();
  const opened = (report.openedAll as string[]).slice(openedBefore);
  const permissions = probes.permissions.map((permission) => {
    let granted: unknown = 'unanswered';
    sessionHandlers.request?.(contents, permission, (answer: boolean) => (granted = answer), {});
    const checked = sessionHandlers.check?.(contents, permission, 'app://parley', {}) ?? 'unanswered';
    return { permission, granted, checked };
  });
  const headers = ['app://parley/index.html', 'https://example.com/'].map((url) => {
    let served: unknown = 'unanswered';
    sessionHandlers.headers?.(
      { url, responseHeaders: { 'content-security-policy': ['default-src *'] } },
      (answer: { responseHeaders?: unknown }) => (served = answer.responseHeaders),
    );
    return { url, served };
  });
  const ipc: Record<string, unknown[]> = {};
  for (const [channel, handler] of handlers) {
    ipc[channel] = [];
    for (const frame of [{ url: 'app://parley/index.html' }, { url: 'https://evil.example/' }, null]) {
      const answer = (await handler({ senderFrame: frame }, undefined)) as { error?: { code?: string } };
      ipc[channel].push(answer?.error?.code ?? answer);
    }
  }
  return { navigations, webviews, opens, opened, permissions, headers, ipc };
}

async function runSteps(steps: Step[]): Promise<void> {
  const results: unknown[] = (report.results = []);
  for (const step of steps) {
    note(`step:${step.do}`);
    if (step.do === 'second-instance') {
      app.emit('second-instance', { preventDefault() {} }, step.argv, step.cwd, step.data ?? {});
    } else if (step.do === 'open-file') {
      let prevented = false;
      app.emit('open-file', { preventDefault: () => (prevented = true) }, step.path);
      report.openFilePrevented = prevented;
    } else if (step.do === 'close-windows') {
      for (const win of [...BrowserWindow.all]) win.close();
    } else if (step.do === 'menu') {
      const menu = menuTemplate.find((entry) => entry.label?.replace('&', '') === step.menu);
      const item = menu?.submenu?.find((entry) => entry.label === step.item);
      if (!item?.click) throw new Error(`no menu item ${step.menu} › ${step.item}`);
      item.click();
    } else if (step.do === 'reload') {
      BrowserWindow.all[0]?.webContents.reload();
    } else if (step.do === 'call') {
      const win = BrowserWindow.all[0];
      const handler = handlers.get(step.channel);
      results.push(
        win && handler ? await handler({ senderFrame: win.webContents.mainFrame }, step.args) : null,
      );
    } else if (step.do === 'quit') {
      return;
    } else if (step.do === 'wait') {
      await awaited(step.for);
    } else {
      await turn();
    }
  }
}

async function drive(): Promise<void> {
  // test/package/package.test.ts plays its own scenario (a module exporting `drive`) against the packaged bundle.
  if (process.env.STAND_IN_SCENARIO) {
    const scenario = (await import(process.env.STAND_IN_SCENARIO)) as {
      drive(context: Record<string, unknown>): Promise<void>;
    };
    const context = { handlers, BrowserWindow, dialog, app, report, finish, tick, until };
    return scenario.drive({ ...context, appHandler: () => appHandler, menuTemplate: () => menuTemplate });
  }
  // A run that opens no window (a recovery answered Quit, a locked notebook) ends before this wait does.
  await until(() => BrowserWindow.all.length > 0 && menuTemplate.length > 0, 'a window and the menu');
  const win = BrowserWindow.all[0]!;
  // As a person would: the page is up before anything is clicked.
  await until(() => win.webContents.listening, 'the page to listen');
  report.windowOptions = win.options;
  report.visible = win.visible;
  report.loaded = win.webContents.mainFrame.url;
  report.webContentsListeners = ['will-navigate', 'will-redirect', 'will-attach-webview'].filter(
    (event) => win.webContents.listenerCount(event) > 0,
  );
  report.windowOpen = win.webContents.windowOpenHandler?.({ url: 'https://example.com/' });
  await until(
    () => report.openedExternally !== undefined,
    'https://example.com/ handed to shell.openExternal',
  );

  const page = await appHandler!(new Request('app://parley/index.html'));
  report.page = {
    status: page.status,
    csp: page.headers.get('content-security-policy'),
    body: await page.text(),
  };

  const call = (channel: string, frame: unknown, args?: unknown) =>
    handlers.get(channel)!({ senderFrame: frame }, args) as Promise<unknown>;
  report.channels = [...handlers.keys()].sort();
  report.trustedList = await call('documents:list', win.webContents.mainFrame);
  report.subframeList = await call('documents:list', { url: 'app://parley/index.html' });
  report.created = await call('topics:create', win.webContents.mainFrame, { path: 'extradition' });
  if (process.env.STAND_IN_SECURITY_PROBES) {
    report.security = await securityProbes(
      win,
      JSON.parse(process.env.STAND_IN_SECURITY_PROBES) as SecurityProbes,
    );
  }

  if (process.env.STAND_IN_STEPS) {
    await runSteps(JSON.parse(process.env.STAND_IN_STEPS) as Step[]);
  } else {
    const file = menuTemplate.find((item) => item.label?.replace('&', '') === 'File');
    file?.submenu?.find((item) => item.label === 'Import…')?.click?.();
    await awaited({ delivered: 'event:menu-command' });
  }

  app.quit();
  // The flush resolves, then the composition root quits again; the stand-in then reports and exits.
  setTimeout(() => {
    report.timedOut = true;
    finish(2);
  }, WAIT_MS);
}
