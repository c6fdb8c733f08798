/**
 * The app binary as a command line. Like `code --list-extensions`, `parley export …` run with the installed app
 * runs the `parley` commands (main/cli/commands.ts, the same `run()` as dist/cli.cjs) and exits with their code:
 * no window, no single-instance lock, no app:// scheme. This is argument handling in the main process, not Node
 * mode: the RunAsNode fuse stays off.
 *
 * Only a command's own name in the first place makes a command line (`parley list`, `parley --version`,
 * `parley help`); anything else starts the app as before, so `parley notes.md` or `parley --notebook x.json`
 * opens a window. Where the arguments start depends on how Electron was started: a packaged app's argv is
 * [binary, ...arguments]; `electron . ARGS` (process.defaultApp) puts the app's path before them.
 */
import { run } from './cli/commands';

/** The first words main/cli/commands.ts answers (its `main` switch, help and version). */
export const COMMAND_NAMES: readonly string[] = [
  'init',
  'import',
  'annotations',
  'export',
  'suggest',
  'list',
  'find',
  'backups',
  'restore',
  'event',
  'versions',
  'review',
  'diff',
  'share',
  'join',
  'sync',
  'help',
  '--help',
  '-h',
  '--version',
  '-V',
];

/**
 * The arguments a launch was given, without Electron's own: argv less the binary, and under `electron .` also
 * less the app's path (and any switch before it, such as --inspect).
 */
export function launchArguments(argv: readonly string[], defaultApp: boolean): string[] {
  if (!defaultApp) return argv.slice(1);
  let i = 1;
  while (i < argv.length && argv[i]!.startsWith('-')) i++;
  return argv.slice(i + 1);
}

/**
 * Chromium's and Electron's switches that a launch may carry before its command: `--no-sandbox` (which Electron
 * needs as root on Linux) and the display or logging switches people pass to Electron apps. They are Electron's,
 * so the command never sees them.
 */
function isChromiumSwitch(arg: string): boolean {
  return /^--(no-sandbox|disable-gpu(-sandbox)?|disable-dev-shm-usage|in-process-gpu|enable-logging(=.*)?|v=\d+|(ozone-platform|ozone-platform-hint|enable-features|disable-features|enable-wayland-ime|log-file|log-level)=.*)$/.test(
    arg,
  );
}

/** The command line to run when this launch names a command first; null when it starts the app. */
export function commandLineArguments(argv: readonly string[], defaultApp: boolean): string[] | null {
  const args = launchArguments(argv, defaultApp);
  let first = 0;
  while (first < args.length && isChromiumSwitch(args[first]!)) first++;
  if (first >= args.length || !COMMAND_NAMES.includes(args[first]!)) return null;
  return args.slice(first).filter((arg) => !isChromiumSwitch(arg));
}

interface Writable {
  write(text: string, done?: (error?: Error | null) => void): boolean;
  on(event: 'error', listener: (error: NodeJS.ErrnoException) => void): unknown;
}

export interface CommandLineDeps {
  /** The shipped sample article (inside app.asar when packaged). */
  samplePath: string;
  /** app.getVersion(). */
  version: string;
  /** app.exit: leaves with the command's code. */
  exit: (code: number) => void;
  env?: NodeJS.ProcessEnv;
  stdout?: Writable;
  stderr?: Writable;
  /** How long to wait for the output to drain before leaving anyway (a stream that never calls back). */
  drainMs?: number;
}

/** Resolves once what was written to `stream` is handed on, or after `ms`. */
function drained(stream: Writable, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    stream.write('', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Runs the command, writes what it prints, and exits with its code once the output has drained. */
export async function runCommandLine(args: string[], deps: CommandLineDeps): Promise<number> {
  const { samplePath, version, exit, env = process.env, drainMs = 2000 } = deps;
  const stdout = deps.stdout ?? process.stdout;
  const stderr = deps.stderr ?? process.stderr;
  // A reader that stops early (`parley export | head`) is not an error.
  stdout.on('error', (error) => {
    if (error.code === 'EPIPE') exit(0);
    else exit(1);
  });
  const code = await run(args, {
    out: (text) => void stdout.write(text),
    err: (text) => void stderr.write(text),
    env,
    samplePath,
    version,
    invocation: 'parley',
  });
  await Promise.all([drained(stdout, drainMs), drained(stderr, drainMs)]);
  exit(code);
  return code;
}
