/**
 * Where things live on disk: which notebook file to open (a `--notebook FILE` argument, else the PARLEY_NOTEBOOK
 * variable, else `notebook.json` in the user-data folder), where the profile goes when `--user-data-dir` is
 * given, and where the bundled renderer, preload and sample article sit. Pure functions of argv, env and folders.
 */
import { isAbsolute, join, resolve } from 'node:path';
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
  const fromArgs = flagValue(argv, NOTEBOOK_FLAG);
  if (fromArgs !== undefined) return absolute(fromArgs, cwd);
  const fromEnv = env[NOTEBOOK_ENV]?.trim();
  if (fromEnv) return absolute(fromEnv, cwd);
  return join(userDataDir, DEFAULT_NOTEBOOK_NAME);
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
