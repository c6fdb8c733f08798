/**
 * Opening the notebook so that a damaged one never stops Parley. When the file cannot be opened (cut short, not
 * JSON, not a notebook, written by a newer Parley, unreadable) the caller is asked what to do, with the newest
 * backup that can be opened: restore it, start an empty notebook, or quit.
 *
 * Nothing is changed before the answer: the question names the place the file will be kept, and only restoring
 * or starting empty moves it there (renamed, so byte for byte the same: `notebook.json.damaged-<time>.json`, or
 * `.newer-<time>.json` for a file from a newer Parley, which that Parley can still open). Quitting leaves
 * everything as it was, so a crash or a kill while the question is open loses nothing either. If a restore fails,
 * the copy it made is removed, the failure is told, and the question is asked again without that choice; quitting
 * then puts the file back.
 *
 * Starting empty writes an empty notebook file before opening it, so the store does not count it as a first run
 * and the sample article is not added: the user is recovering their own notebook, not meeting Parley.
 */
import { readFile, rename, stat, unlink } from 'node:fs/promises';
import { emptyNotebook, type Notebook } from '../core/model';
import { fileStamp, newestValidBackup, takeBackup, writeDurably, type BackupEntry } from './backups';
import { DurableJsonFile } from './durable-file';
import {
  NotebookFileError,
  openNotebookStore,
  type NotebookFileProblem,
  type NotebookStore,
  type OpenOptions,
} from './notebook-store';

export type RecoveryChoice = 'restore' | 'empty' | 'quit';

export interface RecoveryQuestion {
  /** The notebook that could not be opened. */
  path: string;
  problem: NotebookFileProblem;
  /** What is wrong with the file, in the store's words. */
  message: string;
  /** Where the file is kept, unchanged, if the user restores or starts empty; null when there is no file. */
  keptAsidePath: string | null;
  /** True once the file has been moved there (a restore was tried and failed); until then nothing has changed. */
  movedAside: boolean;
  /** The newest backup that can be opened, when restoring is offered. */
  backup: BackupEntry | null;
  /** What may be chosen, in the order to offer it; always ends with 'quit'. */
  choices: RecoveryChoice[];
  /** What went wrong with the previous choice, when the question is asked again. */
  failure?: string;
}

export type Recovery =
  | { outcome: 'opened'; store: NotebookStore }
  | { outcome: 'restored'; store: NotebookStore; keptAsidePath: string | null; backup: BackupEntry }
  | { outcome: 'empty'; store: NotebookStore; keptAsidePath: string | null }
  /** `stillAsidePath` is set only if the file had been moved and could not be put back. */
  | { outcome: 'quit'; problem: NotebookFileProblem; stillAsidePath: string | null };

export interface RecoverOptions extends OpenOptions {
  /** How many rolling backups to keep (see backups.ts). */
  keepBackups?: number;
  /** The clock for backup and kept-aside names; tests pass their own. */
  now?: () => Date;
  /** Told when the backup taken at open could not be written; opening goes on regardless. */
  onBackupError?: (error: unknown) => void;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return false;
    throw error;
  }
}

/** `notebook.json.damaged-2026-11-30T18-22-05-123Z.json`, or `.newer-…` for a file from a newer Parley. */
async function asidePathFor(path: string, problem: NotebookFileProblem, time: Date): Promise<string> {
  const base = `${path}.${problem === 'too-new' ? 'newer' : 'damaged'}-${fileStamp(time)}`;
  let candidate = `${base}.json`;
  for (let n = 2; await exists(candidate); n++) candidate = `${base}-${n}.json`;
  return candidate;
}

/** The backup taken at each successful open: the good file as read, before anything is written to it. */
async function backUpOnOpen(store: NotebookStore, options: RecoverOptions): Promise<void> {
  if (store.created) return;
  try {
    await takeBackup(store.path, { keep: options.keepBackups, now: options.now });
  } catch (error) {
    (options.onBackupError ?? ((e) => console.error('[parley] could not take a backup', e)))(error);
  }
}

/** The store's own options; a restored or empty notebook is written first, so it must be there to open. */
function openOptions(options: RecoverOptions, createIfMissing: boolean): OpenOptions {
  const open: OpenOptions = { createIfMissing };
  if (options.debounceMs !== undefined) open.debounceMs = options.debounceMs;
  if (options.adapterFor !== undefined) open.adapterFor = options.adapterFor;
  if (options.historyLimit !== undefined) open.historyLimit = options.historyLimit;
  return open;
}

/**
 * Opens the notebook at `path` (creating it on first run, as openNotebookStore does) and backs it up; when it
 * cannot be opened, asks `choose` what to do, as described above, until a notebook is open or the user quits.
 * Errors other than an unopenable notebook file are thrown.
 */
export async function openOrRecover(
  path: string,
  choose: (question: RecoveryQuestion) => Promise<RecoveryChoice>,
  options: RecoverOptions = {},
): Promise<Recovery> {
  let failure: NotebookFileError;
  try {
    const store = await openNotebookStore(path, openOptions(options, options.createIfMissing ?? true));
    await backUpOnOpen(store, options);
    return { outcome: 'opened', store };
  } catch (error) {
    if (!(error instanceof NotebookFileError)) throw error;
    failure = error;
  }

  const now = options.now ?? (() => new Date());
  const present = await exists(path);
  const keptAsidePath = present ? await asidePathFor(path, failure.reason, now()) : null;
  let movedAside = false;
  let backup: BackupEntry | null = null;
  let lastFailure: string | undefined;
  try {
    backup = await newestValidBackup(path);
  } catch (error) {
    lastFailure = `The backups could not be read: ${messageOf(error)}`;
  }
  let canStartEmpty = true;

  /** Quitting after the file was moved puts it back, so quitting always leaves things as they were. */
  const quit = async (): Promise<Recovery> => {
    if (!movedAside || !keptAsidePath)
      return { outcome: 'quit', problem: failure.reason, stillAsidePath: null };
    try {
      if (await exists(path)) throw new Error(`${path} exists again`);
      await rename(keptAsidePath, path);
      return { outcome: 'quit', problem: failure.reason, stillAsidePath: null };
    } catch {
      return { outcome: 'quit', problem: failure.reason, stillAsidePath: keptAsidePath };
    }
  };

  for (;;) {
    const choices: RecoveryChoice[] = [];
    if (backup) choices.push('restore');
    if (canStartEmpty) choices.push('empty');
    choices.push('quit');
    let choice: RecoveryChoice;
    try {
      choice = await choose({
        path,
        problem: failure.reason,
        message: failure.message,
        keptAsidePath,
        movedAside,
        backup,
        choices,
        ...(lastFailure === undefined ? {} : { failure: lastFailure }),
      });
    } catch (error) {
      await quit();
      throw error;
    }
    if (choice === 'quit' || !choices.includes(choice)) return quit();

    if (keptAsidePath && !movedAside) {
      try {
        await rename(path, keptAsidePath);
        movedAside = true;
      } catch (error) {
        lastFailure =
          `The file could not be moved aside to ${keptAsidePath}, so nothing was changed: ` +
          `${messageOf(error)}`;
        backup = null;
        canStartEmpty = false;
        continue;
      }
    }

    if (choice === 'restore' && backup) {
      const from = backup;
      let wrote = false;
      try {
        await writeDurably(path, await readFile(from.path));
        wrote = true;
        const store = await openNotebookStore(path, openOptions(options, false));
        await backUpOnOpen(store, options);
        return { outcome: 'restored', store, keptAsidePath, backup: from };
      } catch (error) {
        // What was written is only a copy of the backup, which stays where it is.
        if (wrote) await unlink(path).catch(() => undefined);
        lastFailure = `Restoring the backup ${from.path} failed: ${messageOf(error)}`;
        backup = null;
        continue;
      }
    }

    let wrote = false;
    try {
      await new DurableJsonFile<Notebook>(path).write(emptyNotebook());
      wrote = true;
      const store = await openNotebookStore(path, openOptions(options, false));
      return { outcome: 'empty', store, keptAsidePath };
    } catch (error) {
      if (wrote) await unlink(path).catch(() => undefined);
      lastFailure = `Starting an empty notebook at ${path} failed: ${messageOf(error)}`;
      canStartEmpty = false;
    }
  }
}
