/**
 * Where things live on disk: which notebook file to open (a `--notebook FILE` argument, else the PARLEY_NOTEBOOK
 * variable, else `notebook.json` in the user-data folder), where the profile goes when `--user-data-dir` is
 * given, which files a launch hands Parley to import, and where the bundled renderer, preload and sample article
 * sit. Pure functions of argv, env and folders.
 */
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SAMPLE_FILE } from './first-run';

export const NOTEBOOK_FLAG = '--notebook';
export const USER_DATA_FLAG = '--user-data-dir';
export const NOTEBOOK_ENV = 'PARLEY_NOTEBOOK';
export const DEFAULT_NOTEBOOK_NAME = 'notebook.json';

/**
 * The value of `--name VALUE` or `--name=VALUE` in argv (the last one wins, as with most command lines), or
 * undefined when the flag is absent. Throws when the flag is given without a value.
 */
export function flagValue(argv: readonly string[], name: string): string | undefined {
  let found: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === name) {
      const next = argv[i + 1];
      if (next === undefined || next === '' || next.startsWith('--')) {
        throw new Error(`${name} needs a file path after it.`);
      }
      found = next;
      i++;
    } else if (arg.startsWith(`${name}=`)) {
      const value = arg.slice(name.length + 1);
      if (value === '') throw new Error(`${name} needs a file path after it.`);
      found = value;
    }
  }
  return found;
}

export interface NotebookPathInput {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  /** Electron's `app.getPath('userData')`. */
  userDataDir: string;
  /** Relative paths in argv or env are taken from here (the working directory Parley was started in). */
  cwd: string;
}

/** The absolute path of the notebook file to open. */
export function resolveNotebookPath({ argv, env, userDataDir, cwd }: NotebookPathInput): string {
  return requestedNotebookPath({ argv, env, cwd }) ?? join(userDataDir, DEFAULT_NOTEBOOK_NAME);
}

/**
 * The notebook a launch names itself (`--notebook`, else PARLEY_NOTEBOOK), made absolute, or undefined when it
 * names none and takes the profile's own. A second launch that names one tells the first which it asked for.
 */
export function requestedNotebookPath({
  argv,
  env,
  cwd,
}: Omit<NotebookPathInput, 'userDataDir'>): string | undefined {
  const fromArgs = flagValue(argv, NOTEBOOK_FLAG);
  if (fromArgs !== undefined) return absolute(fromArgs, cwd);
  const fromEnv = env[NOTEBOOK_ENV]?.trim();
  if (fromEnv) return absolute(fromEnv, cwd);
  return undefined;
}

/** Flags whose value is the next argument, so that value is no file to open. */
const FLAGS_WITH_VALUES = [NOTEBOOK_FLAG, USER_DATA_FLAG];

/** What a launch hands Parley: the files to import, and the addresses it names that Parley cannot open. */
export interface OpenedAddresses {
  /** Importable files, absolute. */
  files: string[];
  /** Addresses as given that name no file on this computer: another scheme (https:, smb:), a `file:` address
   *  of another host or one that does not decode. Said to the user, never dropped in silence. */
  refused: string[];
}

/**
 * The files a launch hands Parley to import, as absolute paths: the arguments (not flags, nor a flag's value) that
 * end in one of `extensions`. Relative paths are taken from `cwd`, the launching process's folder (a second
 * instance's own, not the first's). `file:` addresses, which Linux file managers pass for `%U` in the .desktop
 * file (`file:///home/ana/two%20words.txt`), become their paths. Any other address (https:, smb: from a network
 * folder), and a `file:` address that names no local file, is refused: Parley imports files on this computer.
 */
export function openedAddresses(
  args: readonly string[],
  cwd: string,
  extensions: readonly string[],
): OpenedAddresses {
  const opened: OpenedAddresses = { files: [], refused: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (FLAGS_WITH_VALUES.includes(arg)) {
      i++;
      continue;
    }
    if (arg.startsWith('-') || arg === '') continue;
    let path = arg;
    if (/^file:/i.test(arg)) {
      try {
        path = fileURLToPath(arg);
      } catch {
        opened.refused.push(arg);
        continue;
      }
    } else if (/^[a-z][a-z0-9+.-]+:/i.test(arg)) {
      // Another scheme; two letters at least, so a Windows drive (C:\notes.md) is a path.
      opened.refused.push(arg);
      continue;
    }
    const lower = path.toLowerCase();
    if (extensions.some((ext) => lower.endsWith(ext))) opened.files.push(absolute(path, cwd));
  }
  return opened;
}

/** The importable files of a launch (see openedAddresses), absolute. */
export function openedFilePaths(
  args: readonly string[],
  cwd: string,
  extensions: readonly string[],
): string[] {
  return openedAddresses(args, cwd, extensions).files;
}

/** The profile folder given with `--user-data-dir`, made absolute, or undefined. */
export function userDataDirArgument(argv: readonly string[], cwd: string): string | undefined {
  const value = flagValue(argv, USER_DATA_FLAG);
  return value === undefined ? undefined : absolute(value, cwd);
}

/** Paths inside the application (the project folder in development, app.asar when packaged). */
export function appPaths(appPath: string): { renderer: string; preload: string; sample: string } {
  return {
    renderer: join(appPath, 'dist', 'renderer'),
    preload: join(appPath, 'dist', 'preload', 'index.cjs'),
    sample: join(appPath, SAMPLE_FILE),
  };
}

function absolute(path: string, cwd: string): string {
  return isAbsolute(path) ? path : resolve(cwd, path);
}

/**
 * The arguments to restart Parley with so that it opens another notebook (a shared notebook just joined): this
 * launch's own, less any notebook it named and the files it handed over to import (imported already), with
 * `--notebook PATH` added. Electron's binary is not among them (app.relaunch adds it); under `electron .` the app's
 * path, and any switch before it, are kept in front.
 */
export function relaunchArguments(argv: readonly string[], defaultApp: boolean, notebook: string): string[] {
  let first = 1;
  if (defaultApp) {
    while (first < argv.length && argv[first]!.startsWith('-')) first++;
    first++;
  }
  const kept = argv.slice(1, Math.min(first, argv.length));
  const own = argv.slice(first);
  for (let i = 0; i < own.length; i++) {
    const arg = own[i]!;
    if (arg === NOTEBOOK_FLAG) {
      i++;
      continue;
    }
    if (arg.startsWith(`${NOTEBOOK_FLAG}=`)) continue;
    if (FLAGS_WITH_VALUES.includes(arg)) {
      kept.push(arg, ...(own[i + 1] === undefined ? [] : [own[i + 1]!]));
      i++;
      continue;
    }
    // Files to import and addresses were handed over at this launch; the restart must not import them again.
    if (!arg.startsWith('-')) continue;
    kept.push(arg);
  }
  return [...kept, NOTEBOOK_FLAG, notebook];
}
