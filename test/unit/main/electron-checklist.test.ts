// Electron's security checklist (https://www.electronjs.org/docs/latest/tutorial/security), one test per item, in
// its order, against the code that implements each: the window factory, the session and web-contents hardening,
// the app:// protocol, the URL policy, the IPC gate and the preload. The wiring itself — that the composition root
// really calls all of this — is checked once, by running main/index.ts against the electron stand-in.
//
// Item 19, the fuses, is checked in the packaging configuration: they are flipped in the Electron binary when
// electron-builder packages it, and there is no binary here to read them back from.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent, Session, WebFrameMain } from 'electron';
import { channelNames, type HandlerTable } from '../../../main/ipc/dispatch';
import { registerHandlers } from '../../../main/ipc/register';
import {
  APP_SCHEME_PRIVILEGES,
  CONTENT_SECURITY_POLICY,
  resolveAppPath,
  serveAppRequest,
} from '../../../main/protocol';
import { hardenSession, isTrustedSender, withContentSecurityPolicy } from '../../../main/security';
import { APP_ENTRY_URL, APP_URL_PREFIX, isAppUrl, isSafeExternalUrl } from '../../../main/url-policy';
import { mainWindowOptions, mainWindowWebPreferences } from '../../../main/window';
import { calls, eventChannels, subscribeName, type EventName } from '../../../shared/contract';
import { hardened, quietly } from './fake-contents';

const repo = fileURLToPath(new URL('../../..', import.meta.url));
const prefs = mainWindowWebPreferences('/opt/parley/dist/preload/index.cjs');

// ---------------------------------------------------------------------------------------------------------------
// Running code under a stand-in `electron`, in a child process (a resolve hook swaps the module).

function hookFor(standIn: string): string {
  const resolveHook = `data:text/javascript,${encodeURIComponent(`
    export async function resolve(specifier, context, next) {
      if (specifier === 'electron') return next(${JSON.stringify(standIn)}, context);
      return next(specifier, context);
    }`)}`;
  return `data:text/javascript,${encodeURIComponent(
    `import { register } from 'node:module'; register(${JSON.stringify(resolveHook)});`,
  )}`;
}

function runNode(args: string[], env: Record<string, string>): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: repo, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill(), 60_000);
    child.on('error', reject);
    child.on('close', () => {
      clearTimeout(timer);
      resolve({ stdout, stderr });
    });
  });
}

/** What the composition root did, as electron-stand-in.ts reports it. */
interface AppReport {
  order: string[];
  windowOptions?: { webPreferences: Record<string, unknown> };
  loaded?: string;
  webContentsListeners?: string[];
  windowOpen?: unknown;
  page?: { status: number; csp: string | null };
  loadedUrls?: string[];
  /** What the app's own window, session and channels did with PROBES (electron-stand-in.ts, securityProbes). */
  security?: {
    navigations: Array<{ url: string; navigate: boolean; redirect: boolean }>;
    webviews: boolean[];
    opens: unknown[];
    opened: string[];
    permissions: Array<{ permission: string; granted: unknown; checked: unknown }>;
    headers: Array<{ url: string; served: unknown }>;
    ipc: Record<string, unknown[]>;
  };
  schemes?: unknown;
  channels?: string[];
  trustedList?: { ok: boolean };
  subframeList?: { ok: boolean; error?: { code: string } };
}

async function runApp(): Promise<AppReport> {
  const dir = await mkdtemp(join(tmpdir(), 'parley-checklist-'));
  try {
    const appPath = join(dir, 'app');
    await mkdir(join(appPath, 'dist', 'renderer'), { recursive: true });
    await mkdir(join(appPath, 'assets'), { recursive: true });
    await writeFile(join(appPath, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Parley</title>');
    await writeFile(join(appPath, 'assets', 'sample-miliband-lavrov.txt'), 'Talks\n\nThe ministers met.\n');
    const standIn = pathToFileURL(join(repo, 'test', 'unit', 'main', 'electron-stand-in.ts')).href;
    const { stdout, stderr } = await runNode(
      [
        '--import',
        'tsx',
        '--import',
        hookFor(standIn),
        join(repo, 'main', 'index.ts'),
        '--notebook',
        join(dir, 'notebook.json'),
      ],
      {
        STAND_IN_APP_PATH: appPath,
        PARLEY_NOTEBOOK: '',
        STAND_IN_SECURITY_PROBES: JSON.stringify({ urls: PROBE_URLS, permissions: PERMISSIONS }),
      },
    );
    const line = stdout.split('\n').find((l) => l.startsWith('PARLEY_REPORT '));
    assert.ok(line, `the app printed no report:\n${stdout}\n${stderr}`);
    return JSON.parse(line.slice('PARLEY_REPORT '.length)) as AppReport;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** What the preload puts on `window`, run under a stand-in electron that records contextBridge and ipcRenderer. */
interface PreloadReport {
  exposed: Array<{ key: string; names: string[]; types: string[] }>;
  invoked: Array<[string, unknown]>;
}

async function runPreload(): Promise<PreloadReport> {
  const standIn = `data:text/javascript,${encodeURIComponent(`
    const report = (globalThis.__preloadReport = { exposed: [], invoked: [], apis: [] });
    export const contextBridge = {
      exposeInMainWorld(key, api) {
        report.apis.push(api);
        report.exposed.push({ key, names: Object.keys(api), types: Object.values(api).map((v) => typeof v) });
      },
    };
    export const ipcRenderer = {
      async invoke(channel, args) {
        report.invoked.push([channel, args ?? null]);
        return { ok: true, value: null };
      },
      on() {},
      removeListener() {},
    };`)}`;
  const script = `
    await import(${JSON.stringify(pathToFileURL(join(repo, 'preload', 'index.ts')).href)});
    const report = globalThis.__preloadReport;
    const api = report.apis[0];
    if (api) {
      await api.listDocuments();
      await api.openDocument({ id: 'd1' });
    }
    delete report.apis;
    console.log('PRELOAD_REPORT ' + JSON.stringify(report));`;
  const { stdout, stderr } = await runNode(
    ['--import', 'tsx', '--import', hookFor(standIn), '--input-type=module', '-e', script],
    {},
  );
  const line = stdout.split('\n').find((l) => l.startsWith('PRELOAD_REPORT '));
  assert.ok(line, `the preload printed no report:\n${stdout}\n${stderr}`);
  return JSON.parse(line.slice('PRELOAD_REPORT '.length)) as PreloadReport;
}

/** Every .ts/.tsx/.html file under a folder of the repo, with its text. */
async function sources(folder: string): Promise<Array<{ path: string; text: string }>> {
  const entries = await readdir(join(repo, folder), { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile() && /\.(ts|tsx|html)$/.test(e.name));
  return Promise.all(
    files.map(async (e) => {
      const full = join(e.parentPath ?? e.path, e.name);
      return { path: relative(repo, full), text: await readFile(full, 'utf8') };
    }),
  );
}

const WEB_URLS = ['https://example.com/', 'http://example.org/a?b=c'];
const UNSAFE_URLS = [
  'file:///etc/passwd',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'smb://attacker.example/share/payload.exe',
  'ms-msdt:/id PCWDiagnostic',
  'vbscript:msgbox(1)',
  'app://parley/index.html',
  'https://user:secret@example.com/',
  `https://example.com/${'a'.repeat(5000)}`,
  'not a url',
  '',
];
/** Put to the app's own window: the web, the unsafe, a place inside the app and another app:// host. */
const PROBE_URLS = [...WEB_URLS, ...UNSAFE_URLS, 'app://parley/index.html#top', 'app://evil/index.html'];
const PERMISSIONS = [
  'media',
  'geolocation',
  'notifications',
  'clipboard-read',
  'openExternal',
  'fullscreen',
  'pointerLock',
  'hid',
  'serial',
  'usb',
];

describe("Electron's security checklist", () => {
  let app: AppReport;
  let preload: PreloadReport;
  before(async () => {
    [app, preload] = await Promise.all([runApp(), runPreload()]);
  });

  test('1. Only load secure content: the window loads our app:// page (what the page loads: page-policy.spec.ts)', () => {
    assert.equal(app.loaded, APP_ENTRY_URL);
    assert.ok(APP_ENTRY_URL.startsWith(APP_URL_PREFIX));
    assert.equal(APP_SCHEME_PRIVILEGES.privileges?.secure, true, 'app:// is registered as a secure scheme');
    // That the built page asks for nothing off its origin, and that its policy and this header refuse a remote
    // script, style, image, frame or fetch, is watched in Chromium: test/renderer/page-policy.spec.ts.
  });

  test('2. Do not enable Node.js integration for remote content: none in the page, its workers or its frames', () => {
    assert.equal(prefs.nodeIntegration, false);
    assert.equal(prefs.nodeIntegrationInWorker, false);
    assert.equal(prefs.nodeIntegrationInSubFrames, false);
    assert.equal(app.windowOptions?.webPreferences.nodeIntegration, false, 'the window the app opens');
    // The window the app opens has exactly the factory's preferences, so the checks on `prefs` hold for it.
    const { preload: _appPreload, ...opened } = app.windowOptions!.webPreferences;
    const { preload: _preload, ...factory } = mainWindowOptions('/any/preload.cjs').webPreferences!;
    assert.deepEqual(opened, factory);
  });

  test('3. Enable context isolation', () => {
    assert.equal(prefs.contextIsolation, true);
    assert.equal(app.windowOptions?.webPreferences.contextIsolation, true, 'the window the app opens');
  });

  test('4. Enable process sandboxing: for the window, and for every renderer before the app is ready', () => {
    assert.equal(prefs.sandbox, true);
    assert.equal(app.windowOptions?.webPreferences.sandbox, true, 'the window the app opens');
    const sandbox = app.order.indexOf('enableSandbox');
    assert.ok(sandbox >= 0, 'app.enableSandbox() is called');
    assert.ok(sandbox < app.order.indexOf('ready'), 'app.enableSandbox() comes before ready');
  });

  test('5. Handle session permission requests from remote content: every permission is refused', () => {
    const decisions: boolean[] = [];
    const handlers: {
      request?: (...args: unknown[]) => void;
      check?: (...args: unknown[]) => boolean;
    } = {};
    const session = {
      setPermissionRequestHandler: (handler: (...args: unknown[]) => void) => (handlers.request = handler),
      setPermissionCheckHandler: (handler: (...args: unknown[]) => boolean) => (handlers.check = handler),
      setSpellCheckerDictionaryDownloadURL: () => {},
      webRequest: { onHeadersReceived: () => {} },
    };
    hardenSession(session as unknown as Session);
    const { request, check } = handlers;
    assert.ok(request && check, 'both handlers are set');
    for (const permission of PERMISSIONS) {
      request({}, permission, (granted: boolean) => decisions.push(granted), {});
      assert.equal(check({}, permission, APP_ENTRY_URL, {}), false, `check ${permission}`);
    }
    assert.ok(decisions.length === 10 && decisions.every((granted) => granted === false));
    // And the running app's own session refuses each, asked and checked.
    assert.deepEqual(
      app.security?.permissions,
      PERMISSIONS.map((permission) => ({ permission, granted: false, checked: false })),
    );
  });

  test('6. Do not disable webSecurity', () => {
    assert.equal(prefs.webSecurity, true);
    assert.notEqual(app.windowOptions?.webPreferences.webSecurity, false);
  });

  test('7. Define a Content-Security-Policy: strict, on every app:// response, in the page itself too', async () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name!, values];
      }),
    );
    // What the policy refuses (inline script, eval, remote loads, fetch, form posts, <base>) is shown in Chromium,
    // as header and as <meta>, by test/renderer/page-policy.spec.ts. Read here: what no probe there reaches (plugins
    // are gone from Chromium; framing needs a second origin's page).
    assert.deepEqual(directives.get('object-src'), ["'none'"]);
    assert.deepEqual(directives.get('frame-ancestors'), ["'none'"]);
    // The protocol handler stamps it on what it serves, and the session on any app:// response.
    const root = await mkdtemp(join(tmpdir(), 'parley-csp-'));
    try {
      await writeFile(join(root, 'index.html'), '<!doctype html>');
      const page = await serveAppRequest(new Request(APP_ENTRY_URL), root);
      assert.equal(page.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY);
      const refused = await serveAppRequest(new Request('app://parley/../../etc/passwd'), root);
      assert.equal(refused.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
    const headers = withContentSecurityPolicy(APP_ENTRY_URL, {
      'content-security-policy': ['default-src *'],
    });
    assert.deepEqual(headers, { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
    assert.equal(app.page?.csp, CONTENT_SECURITY_POLICY, 'the page the app serves');
    // The running app's session puts it on app:// responses over a looser one, and leaves the web's alone.
    assert.deepEqual(app.security?.headers, [
      { url: APP_ENTRY_URL, served: { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } },
      { url: 'https://example.com/', served: { 'content-security-policy': ['default-src *'] } },
    ]);
  });

  test('8. Do not enable allowRunningInsecureContent', () => {
    assert.equal(prefs.allowRunningInsecureContent, false);
    assert.notEqual(app.windowOptions?.webPreferences.allowRunningInsecureContent, true);
  });

  test('9. Do not enable experimental features', () => {
    assert.equal(prefs.experimentalFeatures, false);
    assert.notEqual(app.windowOptions?.webPreferences.experimentalFeatures, true);
  });

  test('10. Do not use enableBlinkFeatures: not in the window, nor anywhere in main', async () => {
    assert.equal(prefs.enableBlinkFeatures, undefined);
    assert.equal(app.windowOptions?.webPreferences.enableBlinkFeatures, undefined);
    // Windows the run does not open cannot be watched; the source shows none asks for Blink features.
    for (const file of await sources('main'))
      assert.doesNotMatch(file.text, /enableBlinkFeatures/, file.path);
  });

  test('11. Do not use allowpopups for WebViews: the <webview> tag is off and the renderer has none', async () => {
    assert.equal(prefs.webviewTag, false);
    assert.equal(app.windowOptions?.webPreferences.webviewTag, false);
    // The renderer's markup runs only in Chromium; here its source is what can be read (item 12 refuses any webview).
    for (const file of await sources('renderer'))
      assert.doesNotMatch(file.text, /<webview|allowpopups/i, file.path);
  });

  test('12. Verify WebView options before creation: every webview is refused, whatever it asks for', () => {
    const { contents } = hardened();
    for (const params of [
      { src: 'https://evil.example/' },
      { src: APP_ENTRY_URL },
      { src: APP_ENTRY_URL, allowpopups: 'true' },
    ]) {
      const webPreferences: Record<string, unknown> = { nodeIntegration: true, preload: '/tmp/evil.js' };
      assert.equal(
        contents.fire('will-attach-webview', {}, webPreferences, params),
        true,
        JSON.stringify(params),
      );
    }
    assert.deepEqual(
      app.security?.webviews,
      PROBE_URLS.map(() => true),
      "the app's own window refuses every webview too",
    );
  });

  test('13. Disable or limit navigation: only within app://parley/, for links and redirects alike', () => {
    const { contents } = hardened();
    for (const event of ['will-navigate', 'will-redirect']) {
      assert.equal(contents.fire(event, { url: 'app://parley/index.html#top' }), false, `${event} inside`);
      for (const url of [...WEB_URLS, ...UNSAFE_URLS.filter((u) => !isAppUrl(u)), 'app://evil/index.html']) {
        assert.equal(
          quietly(() => contents.fire(event, { url })),
          true,
          `${event} to ${url.slice(0, 60)}`,
        );
      }
    }
    // The app's own window: only its own pages, for links and redirects alike.
    const navigations = app.security?.navigations ?? [];
    assert.equal(navigations.length, PROBE_URLS.length);
    for (const { url, navigate, redirect } of navigations) {
      assert.equal(navigate, !isAppUrl(url), `the app's window, will-navigate to ${url.slice(0, 60)}`);
      assert.equal(redirect, !isAppUrl(url), `the app's window, will-redirect to ${url.slice(0, 60)}`);
    }
    assert.ok(navigations.some((n) => !n.navigate) && navigations.some((n) => n.navigate));
  });

  test('14. Disable or limit creation of new windows: every window.open and target=_blank is denied', () => {
    const { contents } = hardened();
    assert.ok(contents.openHandler);
    for (const url of [...WEB_URLS, ...UNSAFE_URLS]) {
      assert.deepEqual(
        quietly(() => contents.openHandler!({ url })),
        { action: 'deny' },
        url.slice(0, 60),
      );
    }
    assert.deepEqual(
      app.security?.opens,
      PROBE_URLS.map(() => ({ action: 'deny' })),
      'in the window the app opens',
    );
  });

  test('15. Do not use shell.openExternal with untrusted content: only vetted http(s) URLs reach it', async () => {
    const { contents, opened } = hardened();
    for (const url of [...WEB_URLS, ...UNSAFE_URLS]) quietly(() => contents.openHandler!({ url }));
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(opened, WEB_URLS);
    for (const url of UNSAFE_URLS) assert.equal(isSafeExternalUrl(url), false, url.slice(0, 60));
    // From the app's own window, only the vetted links reach shell.openExternal.
    assert.deepEqual(app.security?.opened, WEB_URLS);
    // No run can show that no other path calls it; the source shows its only callers are the wiring and the policy.
    const callers = (await sources('main')).filter((f) => /\bopenExternal\s*\(/.test(f.text));
    assert.deepEqual(
      callers.map((f) => f.path),
      [join('main', 'index.ts'), join('main', 'security.ts')].sort(),
    );
  });

  test('16. Use a current version of Electron: one exact version everywhere (whether it is still supported needs the network)', async () => {
    // The version is configuration: with no Electron binary here, the files that name it are what there is.
    const pkg = JSON.parse(await readFile(join(repo, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    const version = pkg.devDependencies.electron;
    assert.match(version ?? '', /^\d+\.\d+\.\d+$/, 'pinned to an exact version, not a range');
    const lock = JSON.parse(await readFile(join(repo, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { version?: string }>;
    };
    assert.equal(lock.packages['node_modules/electron']?.version, version, 'package-lock.json');
    const installed = JSON.parse(
      await readFile(join(repo, 'node_modules', 'electron', 'package.json'), 'utf8'),
    ) as { version: string };
    assert.equal(installed.version, version, 'the installed package');
    const builder = await readFile(join(repo, 'electron-builder.yml'), 'utf8');
    assert.match(builder, new RegExp(`^electronVersion: ${version!.replace(/\./g, '\\.')}$`, 'm'));
    // A floor, so a downgrade below the supported line this was written against fails here.
    assert.ok(Number(version!.split('.')[0]) >= 45, `Electron ${version} is older than 45`);
  });

  test('17. Validate the sender of all IPC messages: every channel answers only our main frame on an app:// page', async () => {
    const mainFrame = { url: APP_ENTRY_URL };
    const win = { isDestroyed: () => false, webContents: { mainFrame } } as unknown as BrowserWindow;
    const handlers = new Map<string, (event: IpcMainInvokeEvent, args: unknown) => unknown>();
    const ran: string[] = [];
    const table = new Proxy({} as HandlerTable, {
      get: (_target, name: string) => () => void ran.push(name),
    });
    registerHandlers(
      {
        handle: (channel: string, h: never) => handlers.set(channel, h),
        removeHandler: () => {},
      } as unknown as IpcMain,
      table,
      (frame) => isTrustedSender(frame, win),
    );
    assert.deepEqual([...handlers.keys()].sort(), channelNames().sort());
    const untrusted = [
      { url: APP_ENTRY_URL, parent: mainFrame },
      { url: APP_ENTRY_URL },
      { url: 'https://evil.example/' },
      null,
    ];
    for (const [channel, handler] of handlers) {
      for (const frame of untrusted) {
        const event = { senderFrame: frame as unknown as WebFrameMain } as IpcMainInvokeEvent;
        const result = (await handler(event, undefined)) as { ok: boolean; error?: { code: string } };
        assert.equal(result.error?.code, 'forbidden', `${channel} from ${JSON.stringify(frame)}`);
      }
    }
    assert.deepEqual(ran, [], 'no handler ran for an untrusted frame');
    // The running app: every channel it registered refuses a subframe, a foreign page and no frame at all (the
    // stand-in's ipcMain has only handle, so an ipcMain.on anywhere would have stopped the app).
    assert.deepEqual(Object.keys(app.security?.ipc ?? {}).sort(), channelNames().sort());
    for (const [channel, codes] of Object.entries(app.security!.ipc)) {
      assert.deepEqual(codes, ['forbidden', 'forbidden', 'forbidden'], channel);
    }
    assert.equal(app.subframeList?.error?.code, 'forbidden', 'the app refuses a subframe');
    assert.equal(app.trustedList?.ok, true, 'and answers its own main frame');
  });

  test('18. Avoid usage of the file:// protocol and prefer usage of custom protocols: app://parley/ serves only dist/renderer', async () => {
    assert.ok(APP_ENTRY_URL.startsWith('app://parley/'));
    assert.deepEqual(APP_SCHEME_PRIVILEGES.privileges, {
      standard: true,
      secure: true,
      supportFetchAPI: true,
    });
    assert.ok(app.order.indexOf('registerSchemesAsPrivileged') < app.order.indexOf('ready'));
    assert.ok(app.order.includes('protocol.handle:app'));
    // Every page the app loaded is its own (the stand-in's windows have no loadFile: one would have stopped it).
    assert.ok(app.loadedUrls?.length, 'the app loaded a page');
    for (const url of app.loadedUrls!) assert.ok(url.startsWith('app://parley/'), url);
    const root = '/opt/parley/dist/renderer';
    assert.equal(resolveAppPath('app://parley/app.js', root), join(root, 'app.js'));
    for (const url of [
      'app://parley/../secret',
      'app://parley/%2e%2e/secret',
      'app://parley/a%2fb',
      'app://parley/.env',
      'app://evil/app.js',
      'file:///etc/passwd',
    ]) {
      assert.equal(resolveAppPath(url, root), null, url);
    }
  });

  test('19. Check which fuses you can change: the packaged binary has Node, its options and inspection off', async () => {
    const builder = await readFile(join(repo, 'electron-builder.yml'), 'utf8');
    const block = /^electronFuses:\n((?: {2}.*\n)+)/m.exec(builder);
    assert.ok(block, 'electron-builder.yml sets electronFuses');
    const fuses = new Map(
      block[1]!
        .trim()
        .split('\n')
        .map((line) => line.trim().split(/:\s*/) as [string, string]),
    );
    assert.deepEqual(Object.fromEntries(fuses), {
      runAsNode: 'false',
      enableCookieEncryption: 'true',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      enableEmbeddedAsarIntegrityValidation: 'true',
      onlyLoadAppFromAsar: 'true',
      grantFileProtocolExtraPrivileges: 'false',
      // Not a fuse: electron-builder re-signs the macOS app ad hoc after flipping them.
      resetAdHocDarwinSignature: 'true',
    });
    assert.match(builder, /^asar: true$/m, 'the integrity fuses need the app packed in an asar');
  });

  test('20. Do not expose Electron APIs to untrusted web content: the preload exposes only the named calls', () => {
    assert.equal(preload.exposed.length, 1, 'one object is exposed');
    const [exposed] = preload.exposed;
    assert.equal(exposed!.key, 'parley');
    const expected = [
      ...Object.keys(calls),
      ...(Object.keys(eventChannels) as EventName[]).map((name) => subscribeName(name)),
    ].sort();
    assert.deepEqual([...exposed!.names].sort(), expected, 'exactly one function per call and per event');
    assert.ok(
      exposed!.types.every((type) => type === 'function'),
      'functions only: no ipcRenderer, no objects',
    );
    for (const name of ['invoke', 'send', 'sendSync', 'on', 'ipcRenderer', 'require', 'process']) {
      assert.ok(!exposed!.names.includes(name), name);
    }
    // Each named function calls its own channel and nothing else.
    assert.deepEqual(preload.invoked, [
      [calls.listDocuments.channel, null],
      [calls.openDocument.channel, { id: 'd1' }],
    ]);
  });
});
