/**
 * The scenario package.test.ts plays against the packaged main bundle (dist/main/index.cjs unpacked from app.asar),
 * loaded by test/unit/main/electron-stand-in.ts when STAND_IN_SCENARIO names this file. Once the window and menu
 * exist it: fetches index.html and app.js through the app:// handler the bundle registered; lists the documents
 * (the sample seeded on first run); imports the files named in STAND_IN_OPEN_FILES (a JSON array) through the real
 * `importFromDialog` handler, the stand-in's open dialog answering with them; opens each imported document; notes
 * which files the process loaded from a node_modules folder (jsdom must come from the package's own); then quits,
 * which flushes the notebook, and the stand-in prints the report.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { sep } from 'node:path';
import { calls } from '../../shared/contract';

type Listener = (...args: unknown[]) => unknown;

/** What the stand-in hands over (see `drive` in electron-stand-in.ts). */
export interface ScenarioContext {
  handlers: Map<string, Listener>;
  appHandler: () => ((request: Request) => Promise<Response>) | undefined;
  menuTemplate: () => unknown[];
  BrowserWindow: { all: Array<{ webContents: { mainFrame: { url: string } } }> };
  dialog: { showOpenDialog: (...args: unknown[]) => Promise<{ canceled: boolean; filePaths: string[] }> };
  app: { quit(): void };
  report: Record<string, unknown>;
  finish: (code: number) => never;
  tick: () => Promise<unknown>;
}

/** What a served file came back as: its status and the SHA-256 of its bytes. */
async function served(handler: (request: Request) => Promise<Response>, url: string) {
  const response = await handler(new Request(url));
  const bytes = Buffer.from(await response.arrayBuffer());
  return { status: response.status, sha256: createHash('sha256').update(bytes).digest('hex') };
}

export async function drive(context: ScenarioContext): Promise<void> {
  const { handlers, BrowserWindow, report, tick } = context;
  for (let i = 0; i < 500 && (BrowserWindow.all.length === 0 || context.menuTemplate().length === 0); i++) {
    await tick();
  }
  const win = BrowserWindow.all[0];
  const handler = context.appHandler();
  if (!win || !handler) {
    report.scenarioError = 'no window or no app:// handler';
    return context.finish(3);
  }
  const call = (name: keyof typeof calls, args?: unknown) =>
    handlers.get(calls[name].channel)!({ senderFrame: win.webContents.mainFrame }, args) as Promise<{
      ok: boolean;
      value?: unknown;
      error?: unknown;
    }>;

  report.served = {
    'index.html': await served(handler, 'app://parley/index.html'),
    'app.js': await served(handler, 'app://parley/app.js'),
  };
  report.listed = await call('listDocuments');

  const files = JSON.parse(process.env.STAND_IN_OPEN_FILES ?? '[]') as string[];
  context.dialog.showOpenDialog = async () => ({ canceled: false, filePaths: files });
  const imported = await call('importFromDialog');
  report.imported = imported;
  const value = imported.value as { added?: Array<{ id: string }> } | undefined;
  const summaries = value?.added ?? [];
  report.opened = await Promise.all(summaries.map(({ id }) => call('openDocument', { id })));

  const require = createRequire(import.meta.url);
  report.loadedFromNodeModules = Object.keys(require.cache).filter((path) =>
    path.includes(`${sep}node_modules${sep}`),
  );

  context.app.quit();
  // The flush resolves, then the composition root quits again and the stand-in reports and exits.
  for (let i = 0; i < 500; i++) await tick();
  report.timedOut = true;
  context.finish(2);
}
