/**
 * Where the app keeps its notebook when none is named, computed without Electron so the command line finds the
 * same file: Electron's userData folder (`appData/Parley`) plus `notebook.json`.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_FOLDER = 'Parley';
export const NOTEBOOK_FILE = 'notebook.json';

export function appDataDir(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home = homedir()): string {
  if (platform === 'win32') return env.APPDATA ?? join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME || join(home, '.config');
}

export function defaultNotebookPath(
  platform: NodeJS.Platform,
  env: NodeJS.ProcessEnv,
  home = homedir(),
): string {
  return join(appDataDir(platform, env, home), APP_FOLDER, NOTEBOOK_FILE);
}
