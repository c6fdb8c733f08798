// The team sync server as the tests run it: scripts/sync-server.mjs in a child process on a free port of 127.0.0.1,
// with a token and a data folder, started and stopped by the test. Every server started here is killed when the
// test process exits, so a failed test leaves none behind.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../..');
const SCRIPT = join(ROOT, 'scripts/sync-server.mjs');
const START_TIMEOUT_MS = 20_000;
const KILL_AFTER_MS = 3_000;
// After a kill the port is normally free at once; a restart tries again for this long if it is still held.
const PORT_RETRY_MS = 5_000;

export interface RunningSyncServer {
  port: number;
  /** ws://127.0.0.1:PORT */
  url: string;
  token: string;
  dataDir: string;
  /** The one line the server printed when it listened. */
  line: string;
  /** Sends the signal (default SIGTERM) and resolves once the process has exited. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts it again on the same port, token and data folder (after kill); resolves when it listens again. */
  restart(): Promise<void>;
  /** Stops it (SIGTERM, then SIGKILL after 3 s) and removes a data folder it made itself. */
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
// Data folders made here, removed at exit if a test left its server running.
const ownDataDirs = new Set<string>();

function killAll(): void {
  for (const child of running) {
    try {
      child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
  running.clear();
  for (const dir of ownDataDirs) rmSync(dir, { recursive: true, force: true });
  ownDataDirs.clear();
}

let exitHooked = false;
function hookExit(): void {
  if (exitHooked) return;
  exitHooked = true;
  process.on('exit', killAll);
  // A test process stopped by a signal does not reach 'exit': the servers are killed first, then the signal is
  // given again so the process ends as it would have.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      killAll();
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    });
  }
}

/** A port of 127.0.0.1 that nothing listens on, as the OS hands one out. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => (port > 0 ? resolvePort(port) : reject(new Error('the OS gave no port'))));
    });
  });
}

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** Resolves once the child has exited; a timer keeps the test process alive while it waits. */
function waitForExit(child: ChildProcess): Promise<void> {
  if (exited(child)) return Promise.resolve();
  return new Promise((resolveExit) => {
    const keepAlive = setInterval(() => {}, 1_000);
    child.once('exit', () => {
      clearInterval(keepAlive);
      resolveExit();
    });
  });
}

class StartError extends Error {
  constructor(
    message: string,
    readonly portInUse: boolean,
  ) {
    super(message);
  }
}

/** Spawns the script and resolves with the child and its first stdout line once it listens. */
function spawnServer(
  port: number,
  token: string,
  dataDir: string,
): Promise<{ child: ChildProcess; line: string }> {
  hookExit();
  const child = spawn(
    process.execPath,
    [SCRIPT, '--port', String(port), '--token', token, '--data', dataDir],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  running.add(child);
  child.once('exit', () => running.delete(child));
  // The child does not keep the test process alive by itself: a test that forgets to stop it still ends, and the
  // exit hook kills it.
  child.unref();
  (child.stdout as unknown as Socket).unref();
  (child.stderr as unknown as Socket).unref();

  let stdout = '';
  let stderr = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => {
    if (stderr.length < 65_536) stderr += chunk;
  });
  child.stdout!.setEncoding('utf8');

  return new Promise((resolveStart, reject) => {
    let settled = false;
    const settle = (error: StartError | null, line = '') => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      child.off('exit', onExit);
      child.off('error', onError);
      // Whatever the server prints later is read and dropped, so a full pipe never blocks it.
      child.stdout!.resume();
      if (error) reject(error);
      else resolveStart({ child, line });
    };
    const onData = (chunk: string) => {
      stdout += chunk;
      const newline = stdout.indexOf('\n');
      if (newline >= 0) settle(null, stdout.slice(0, newline));
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
      // stderr may still be arriving when the process exits; it is read to its end first.
      const report = () =>
        settle(
          new StartError(
            `the sync server exited (${signal ?? `code ${code}`}) before it listened on port ${port}; ` +
              `stderr:\n${stderr}`,
            /already in use/.test(stderr),
          ),
        );
      if (child.stderr!.readableEnded) report();
      else child.stderr!.once('end', report);
    };
    const onError = (error: Error) =>
      settle(new StartError(`the sync server could not be started: ${error.message}`, false));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      settle(
        new StartError(
          `the sync server printed no line within ${START_TIMEOUT_MS / 1000} s on port ${port}; stderr:\n${stderr}`,
          false,
        ),
      );
    }, START_TIMEOUT_MS);
    child.stdout!.on('data', onData);
    child.on('exit', onExit);
    child.on('error', onError);
  });
}

/** Starts scripts/sync-server.mjs on 127.0.0.1 and resolves once it has printed its line. */
export async function startSyncServer(
  options: { token?: string; dataDir?: string; port?: number } = {},
): Promise<RunningSyncServer> {
  const token = options.token ?? randomBytes(16).toString('hex');
  const ownDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'parley-sync-server-'));
  if (ownDataDir) ownDataDirs.add(dataDir);
  const port = options.port ?? (await freePort());

  const started = await spawnServer(port, token, dataDir).catch((error: unknown) => {
    if (ownDataDir) {
      rmSync(dataDir, { recursive: true, force: true });
      ownDataDirs.delete(dataDir);
    }
    throw error;
  });
  let current = started.child;

  const server: RunningSyncServer = {
    port,
    url: `ws://127.0.0.1:${port}`,
    token,
    dataDir,
    line: started.line,
    async kill(signal: NodeJS.Signals = 'SIGTERM') {
      if (exited(current)) return;
      const done = waitForExit(current);
      current.kill(signal);
      await done;
    },
    async restart() {
      if (!exited(current)) throw new Error('restart() needs the sync server stopped first (kill() it)');
      const giveUpAt = Date.now() + PORT_RETRY_MS;
      for (;;) {
        try {
          const again = await spawnServer(port, token, dataDir);
          current = again.child;
          server.line = again.line;
          return;
        } catch (error) {
          if (!(error instanceof StartError && error.portInUse) || Date.now() > giveUpAt) throw error;
          await new Promise((wait) => setTimeout(wait, 100));
        }
      }
    },
    async stop() {
      if (!exited(current)) {
        const done = waitForExit(current);
        current.kill('SIGTERM');
        const hard = setTimeout(() => current.kill('SIGKILL'), KILL_AFTER_MS);
        await done;
        clearTimeout(hard);
      }
      if (ownDataDir) {
        rmSync(dataDir, { recursive: true, force: true });
        ownDataDirs.delete(dataDir);
      }
    },
  };
  return server;
}
