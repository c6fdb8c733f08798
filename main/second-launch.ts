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
import { basename, isAbsolute, resolve } from 'node:path';
import { shellQuote } from './cli/commands';
import { requestedNotebookPath, type OpenedAddresses } from './paths';

/**
 * What a launch tells the first instance through requestSingleInstanceLock: the notebook it named, if any, and
 * what it hands over to import, read from its own argv in its own folder. Electron warns that the argv the first
 * instance gets may be reordered (Chromium puts switches first, so `notes.md --notebook nb.json` could arrive as
 * `--notebook notes.md nb.json`); what the launch read itself is what it meant.
 */
export interface LaunchRequest {
  notebook?: string;
  files?: string[];
  refused?: string[];
}

/** This launch's request, from its own argv, environment and folder (never throws: a bad flag names nothing). */
export function launchRequest(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
  opened: OpenedAddresses = { files: [], refused: [] },
): LaunchRequest {
  const request: LaunchRequest = { files: opened.files, refused: opened.refused };
  try {
    const notebook = requestedNotebookPath({ argv, env, cwd });
    if (notebook !== undefined) request.notebook = notebook;
  } catch {
    // A bad --notebook names nothing.
  }
  return request;
}

/** The most addresses a launch can hand over; a file manager opening a whole folder stays well below. */
const MAX_LAUNCH_ADDRESSES = 1000;

/** Every slot a string that passes `each` (a loop, not `every`, which skips the holes of a sparse array). */
const strings = (value: unknown, each: (text: string) => boolean): string[] | undefined => {
  if (!Array.isArray(value) || value.length > MAX_LAUNCH_ADDRESSES) return undefined;
  const list: string[] = [];
  for (let i = 0; i < value.length; i++) {
    const item: unknown = value[i];
    if (typeof item !== 'string' || item.length > 4096 || !each(item)) return undefined;
    list.push(item);
  }
  return list;
};

/** An address as the message shows it: control and direction-changing characters as `?`, so it stays one line. */
const asShown = (address: string) => address.replace(/[\p{Cc}\p{Cf}]/gu, '?');

/**
 * What a second launch handed over to import, as it read its own arguments; undefined when it passed nothing
 * usable (an older or foreign launch), and the first instance reads the argv it was given instead.
 */
export function launchedAddresses(data: unknown): OpenedAddresses | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { files, refused } = data as LaunchRequest;
  const okFiles = strings(files, (file) => isAbsolute(file));
  const okRefused = strings(refused, () => true);
  return okFiles && okRefused ? { files: okFiles, refused: okRefused } : undefined;
}

/** The message box for addresses Parley was handed but cannot open: it imports files on this computer. */
export function refusedAddressesMessage(refused: readonly string[]): {
  type: 'info';
  title: string;
  message: string;
  detail: string;
  buttons: string[];
} {
  const shown =
    refused.slice(0, 10).map(asShown).join('\n') +
    (refused.length > 10 ? `\n… and ${refused.length - 10} more` : '');
  return {
    type: 'info',
    title: 'Parley could not open that',
    message:
      refused.length === 1
        ? 'This address is not a file on this computer, so nothing was imported from it:'
        : 'These addresses are not files on this computer, so nothing was imported from them:',
    detail:
      `${shown}\n\nParley imports files from this computer. Save the page or copy the file from the network ` +
      'folder to a folder here, then open it or use File › Import.',
    buttons: ['OK'],
  };
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
