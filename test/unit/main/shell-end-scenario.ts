/**
 * Written for the project: the scenario shell-end.test.ts plays against main/index.ts, loaded by
 * electron-stand-in.ts when STAND_IN_SCENARIO names this file. Once the window is up it makes a change (a topic,
 * through the real IPC handler), then ends the app the way SHELL_END names:
 * - `quit`: app.quit(), which (as in Electron) closes the window once the quit goes on;
 * - `query-session-end`: Windows asks whether the session may end (the window's event, which may be prevented);
 * - `session-end`: Windows ends the session (may not be prevented; the process is ended soon after): the
 *   scenario reads window-state.json right after the event, then gives the notebook write a bounded while.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type Listener = (...args: unknown[]) => unknown;

interface ScenarioContext {
  handlers: Map<string, Listener>;
  BrowserWindow: {
    all: Array<{
      webContents: { mainFrame: { url: string } };
      emit(event: string, ...args: unknown[]): boolean;
    }>;
  };
  app: { quit(): void; getPath(name: string): string };
  report: Record<string, unknown>;
  finish: (code: number) => never;
  tick: () => Promise<unknown>;
}

const read = (path: string) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
};

export async function drive({ handlers, BrowserWindow, app, report, finish, tick }: ScenarioContext) {
  for (let i = 0; i < 500 && (BrowserWindow.all.length === 0 || !handlers.has('topics:create')); i++)
    await tick();
  const win = BrowserWindow.all[0];
  if (!win) return finish(3);
  report.created = await handlers.get('topics:create')!(
    { senderFrame: win.webContents.mainFrame },
    { path: 'extradition' },
  );
  const statePath = join(app.getPath('userData'), 'window-state.json');
  const end = process.env.SHELL_END;
  if (end === 'quit') {
    app.quit();
  } else if (end === 'query-session-end') {
    let prevented = false;
    win.emit('query-session-end', { reasons: ['logoff'], preventDefault: () => (prevented = true) });
    report.sessionEndPrevented = prevented;
  } else if (end === 'session-end') {
    win.emit('session-end', { reasons: ['shutdown'], preventDefault: () => {} });
    report.windowStateRightAfter = read(statePath);
    const notebook = process.env.SHELL_NOTEBOOK!;
    for (let i = 0; i < 300 && !read(notebook)?.includes('extradition'); i++) await tick();
    report.endedBySystem = true;
    return finish(0);
  }
  // The flush, then the quit; the stand-in reports when the quit goes through.
  for (let i = 0; i < 500; i++) await tick();
  report.timedOut = true;
  finish(2);
}
