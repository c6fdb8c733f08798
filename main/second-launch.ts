/**
 * A second launch while Parley runs. The single-instance lock is per profile, so the second process quits and the
 * first is handed its arguments, its own working folder and what it passed to requestSingleInstanceLock. Files it
 * names are imported into the open notebook. A second launch that names another notebook (`--notebook other.json`,
 * or PARLEY_NOTEBOOK) cannot have it in this process: one process holds one notebook, its store, its backups and
 * its window. Importing its files into the open notebook instead would put them where the researcher did not ask,
 * so nothing is imported and a message says which notebook is open, which was asked for, and the two ways to get
 * it: quit and start again with it, or run a second Parley beside this one with a profile of its own.
 */
import { realpathSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { shellQuote } from './cli/commands';
import { requestedNotebookPath } from './paths';

/** What a launch tells the first instance through requestSingleInstanceLock: the notebook it named, if any. */
export interface LaunchRequest {
  notebook?: string;
}

/** This launch's request, from its own argv, environment and folder (never throws: a bad flag names nothing). */
export function launchRequest(argv: readonly string[], env: NodeJS.ProcessEnv, cwd: string): LaunchRequest {
  try {
    const notebook = requestedNotebookPath({ argv, env, cwd });
    return notebook === undefined ? {} : { notebook };
  } catch {
    return {};
  }
}

/**
 * The notebook a second launch asked for: what it passed (its argv, environment and folder resolved there), or,
 * from a launch that passed nothing usable, its `--notebook` taken from its own working directory.
 */
export function askedNotebook(
  args: readonly string[],
  workingDirectory: string,
  data: unknown,
): string | undefined {
  const passed = (data as LaunchRequest | null | undefined)?.notebook;
  if (typeof passed === 'string' && passed !== '') return resolve(workingDirectory, passed);
  try {
    return requestedNotebookPath({ argv: args, env: {}, cwd: workingDirectory });
  } catch {
    return undefined;
  }
}

/** Whether two paths name the same file (links followed where the file exists; case aside where the disk ignores it). */
export function sameFile(a: string, b: string, platform: NodeJS.Platform = process.platform): boolean {
  const real = (path: string) => {
    try {
      return realpathSync.native(path);
    } catch {
      return resolve(path);
    }
  };
  const [x, y] = [real(a), real(b)];
  return platform === 'win32' || platform === 'darwin' ? x.toLowerCase() === y.toLowerCase() : x === y;
}

/** The message box for a second launch that asked for another notebook. */
export function otherNotebookMessage(
  open: string,
  asked: string,
  files: readonly string[],
): { type: 'info'; title: string; message: string; detail: string; buttons: string[] } {
  const notImported =
    files.length === 0
      ? ''
      : `\n\nNot imported, so that nothing goes into a notebook you did not choose: ${files.map((f) => basename(f)).join(', ')}.`;
  return {
    type: 'info',
    title: 'Parley already has a notebook open',
    message: 'The other notebook was not opened.',
    detail:
      `This Parley works in\n${open}\n\nThe new launch asked for\n${asked}` +
      notImported +
      '\n\nOne Parley opens one notebook. To work in the other one, quit Parley and start it again with ' +
      `--notebook ${shellQuote(asked)}, or run a second Parley beside this one with its own profile, adding ` +
      '--user-data-dir FOLDER (any folder of its own) to that launch.',
    buttons: ['OK'],
  };
}
