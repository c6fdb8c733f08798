// A stand-in for the `electron` module, loaded in place of it (through a resolve hook) when
// composition.test.ts runs main/index.ts in a child process. It records what the composition root does, drives
// one scenario once the window exists (serve a page, call IPC from trusted and untrusted frames, click a menu item,
// quit), answers message boxes with the button STAND_IN_CHOOSE names, and prints what it saw as one JSON line for
// the test to check.
import { EventEmitter } from 'node:events';

type Listener = (...args: unknown[]) => unknown;
const report: Record<string, unknown> = { order: [] as string[] };
const order = report.order as string[];
const note = (step: string) => order.push(step);

function finish(code: number): never {
  process.stdout.write(`PARLEY_REPORT ${JSON.stringify(report)}\n`);
  process.exit(code);
}

class StandInApp extends EventEmitter {
  isPackaged = false;
  private paths: Record<string, string> = { userData: '/nonexistent/default-profile' };
  private quitting = false;
  requestSingleInstanceLock() {
    note('requestSingleInstanceLock');
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
  quit() {
    note('quit');
    if (this.quitting) return;
    this.quitting = true;
    let prevented = false;
    this.emit('before-quit', { preventDefault: () => (prevented = true) });
    this.quitting = false;
    if (prevented) {
      note('quit-prevented');
      return;
    }
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

class StandInContents extends EventEmitter {
  sent: Array<[string, unknown]> = [];
  mainFrame = { url: '' };
  windowOpenHandler: Listener | null = null;
  setWindowOpenHandler(handler: Listener) {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload: unknown) {
    this.sent.push([channel, payload]);
  }
  getURL() {
    return this.mainFrame.url;
  }
}

export class BrowserWindow extends EventEmitter {
  static all: BrowserWindow[] = [];
  static getAllWindows() {
    return BrowserWindow.all;
  }
  webContents = new StandInContents();
  visible = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    note('new BrowserWindow');
    BrowserWindow.all.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  async loadURL(url: string) {
    this.webContents.mainFrame = { url };
    setImmediate(() => this.emit('ready-to-show'));
  }
  show() {
    this.visible = true;
  }
  isVisible() {
    return this.visible;
  }
  isDestroyed() {
    return false;
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

export const session = {
  defaultSession: {
    setSpellCheckerDictionaryDownloadURL(url: string) {
      report.dictionaryUrl = url;
    },
    setPermissionRequestHandler() {
      note('setPermissionRequestHandler');
    },
    setPermissionCheckHandler() {
      note('setPermissionCheckHandler');
    },
    webRequest: { onHeadersReceived() {} },
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
    const chosen = options.buttons?.indexOf(process.env.STAND_IN_CHOOSE ?? '') ?? -1;
    return { response: Math.max(0, chosen) };
  },
};

export const shell = {
  async openExternal(url: string) {
    report.openedExternally = url;
  },
};

const tick = () => new Promise((resolve) => setTimeout(resolve, 10));

async function drive(): Promise<void> {
  for (let i = 0; i < 500 && (BrowserWindow.all.length === 0 || menuTemplate.length === 0); i++) await tick();
  const win = BrowserWindow.all[0];
  if (!win) return;
  await tick();
  report.windowOptions = win.options;
  report.visible = win.visible;
  report.loaded = win.webContents.mainFrame.url;
  report.webContentsListeners = ['will-navigate', 'will-redirect', 'will-attach-webview'].filter(
    (event) => win.webContents.listenerCount(event) > 0,
  );
  report.windowOpen = win.webContents.windowOpenHandler?.({ url: 'https://example.com/' });
  await tick();

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

  const file = menuTemplate.find((item) => item.label?.replace('&', '') === 'File');
  file?.submenu?.find((item) => item.label === 'Import…')?.click?.();
  await tick();

  app.quit();
  // The flush resolves, then the composition root quits again; the stand-in then reports and exits.
  for (let i = 0; i < 500; i++) {
    report.sent = win.webContents.sent;
    await tick();
  }
  report.timedOut = true;
  finish(2);
}
