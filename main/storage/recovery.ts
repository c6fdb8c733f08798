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
 *
 * restoreBackup is the same restore without a question, for `parley restore`, and startEmpty the same empty start
 * for `parley restore --empty`: the current file moved aside first (damaged, newer, or a good one, backed up into
 * the backups folder first, as `.replaced-<time>.json`).
 *
 * All of them hold the notebook's lock (notebook-lock.ts) from before they look at the file: through the question,
 * the moving aside and the restore, and on in the store they open, so no other writer sees a half-recovered
 * notebook or writes over the result. A notebook another process holds is refused (NotebookLockedError) before
 * anything is asked or changed. Everything is done at the notebook's real path (realNotebookPath), resolved before
 * the lock is taken, so a notebook reached through a symlink is recovered in its target and the symlink stays.
 */
import { mkdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { emptyNotebook, type Notebook } from '../../shared/model';
import {
  backupFolderOf,
  checkBackupFile,
  fileStamp,
  listBackups,
  newestValidBackup,
  pruneBackups,
  readNotebookFile,
  takeBackup,
  writeDurably,
  type BackupEntry,
} from './backups';
import { DurableJsonFile } from './durable-file';
import { journalPathOf, keepJournalAside, parseJournal } from './journal';
import { MigrationError } from './migrations/index';
import { acquireNotebookLock, realNotebookPath, type NotebookLock } from './notebook-lock';
import {
  NotebookFileError,
  openNotebookStore,
  type NotebookFileProblem,
  type NotebookStore,
  type OpenOptions,
} from './notebook-store';
import { errnoCode, errorMessage as messageOf } from '../errors';

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
  /** Whether a good notebook is backed up as it opens (default true); a reader that never writes passes false. */
  backUpOnOpen?: boolean;
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

/** What a file moved aside was: damaged, from a newer Parley, or a good notebook a restore replaced. */
export type AsideKind = 'damaged' | 'newer' | 'replaced';

function asideKindOf(problem: NotebookFileProblem): AsideKind {
  return problem === 'too-new' ? 'newer' : 'damaged';
}

/** `notebook.json.damaged-2026-11-30T18-22-05-123Z.json`, `.newer-…` or `.replaced-…`, never an existing name. */
async function asidePathFor(path: string, kind: AsideKind, time: Date): Promise<string> {
  const base = `${path}.${kind}-${fileStamp(time)}`;
  let candidate = `${base}.json`;
  for (let n = 2; await exists(candidate); n++) candidate = `${base}-${n}.json`;
  return candidate;
}

/** The backup taken at each successful open: the good file as read, before anything is written to it. */
async function backUpOnOpen(store: NotebookStore, options: RecoverOptions): Promise<void> {
  if (store.created || options.backUpOnOpen === false) return;
  try {
    await takeBackup(store.path, { keep: options.keepBackups, now: options.now });
  } catch (error) {
    (options.onBackupError ?? ((e) => console.error('[parley] could not take a backup', e)))(error);
  }
}

/**
 * The store's own options; a restored or empty notebook is written first, so it must be there to open. `lock` is
 * the lock taken for the whole recovery, handed to the store that opens.
 */
function openOptions(
  options: RecoverOptions,
  createIfMissing: boolean,
  lock: NotebookLock | null,
): OpenOptions {
  const open: OpenOptions = { createIfMissing };
  if (lock) open.heldLock = lock;
  else open.access = 'read';
  if (options.debounceMs !== undefined) open.debounceMs = options.debounceMs;
  if (options.adapterFor !== undefined) open.adapterFor = options.adapterFor;
  if (options.historyLimit !== undefined) open.historyLimit = options.historyLimit;
  return open;
}

/**
 * Moves the journal of the notebook at `from` (journal.ts) to go with the file moved to `to`, so a file set aside
 * keeps the changes saved in its journal and a file put in its place never meets them. A journal that holds no
 * change (the usual case: it is folded on close) is removed instead; a damaged one is moved, never removed. Nothing
 * to move is fine.
 */
async function moveJournal(from: string, to: string): Promise<void> {
  try {
    const journal = parseJournal(await readFile(journalPathOf(from)));
    if (journal.records.length === 0 && !journal.damaged) await unlink(journalPathOf(from));
    else await rename(journalPathOf(from), journalPathOf(to));
  } catch (error) {
    if (errnoCode(error) !== 'ENOENT') throw error;
  }
}

/**
 * Clears a journal left without its file, before new content is put at `path`: it belongs to none of it. One that
 * holds changes or is damaged is kept aside (keepJournalAside), never removed.
 */
async function dropJournal(path: string): Promise<void> {
  try {
    const journal = parseJournal(await readFile(journalPathOf(path)));
    if (journal.records.length > 0 || journal.damaged) await keepJournalAside(path);
    else await unlink(journalPathOf(path));
  } catch (error) {
    if (errnoCode(error) !== 'ENOENT') throw error;
  }
}

/**
 * Writes a backup's bytes over `path` durably and opens the result; on failure removes what it wrote. It takes no
 * backup of what it restored: that is a backup already, and a copy would push the oldest one out of the folder.
 */
async function installBackup(
  path: string,
  bytes: Uint8Array,
  options: RecoverOptions,
  lock: NotebookLock,
): Promise<NotebookStore> {
  let wrote = false;
  try {
    await dropJournal(path);
    await writeDurably(path, bytes);
    wrote = true;
    return await openNotebookStore(path, openOptions(options, false, lock));
  } catch (error) {
    // What was written is only a copy of the backup, which stays where it is.
    if (wrote) await unlink(path).catch(() => undefined);
    throw error;
  }
}

/**
 * Takes the notebook's lock, runs `work` holding it, and releases it unless `work` hands it to a store it returns
 * (`kept`); the lock is released when `work` throws. Reading takes no lock.
 */
async function holdingLock<T>(
  path: string,
  options: RecoverOptions,
  work: (lock: NotebookLock | null) => Promise<T>,
  kept: (result: T) => boolean = () => false,
): Promise<T> {
  const lock = options.access === 'read' ? null : await acquireNotebookLock(path, options.lock);
  let result: T;
  try {
    result = await work(lock);
  } catch (error) {
    await lock?.release();
    throw error;
  }
  if (!kept(result)) await lock?.release();
  return result;
}

/**
 * Opens the notebook at `path` (creating it on first run, as openNotebookStore does) and backs it up; when it
 * cannot be opened, asks `choose` what to do, as described above, until a notebook is open or the user quits.
 * Errors other than an unopenable notebook file are thrown, NotebookLockedError among them.
 */
export async function openOrRecover(
  path: string,
  choose: (question: RecoveryQuestion) => Promise<RecoveryChoice>,
  options: RecoverOptions = {},
): Promise<Recovery> {
  path = await realNotebookPath(path);
  return holdingLock(
    path,
    options,
    (lock) => openOrRecoverHolding(path, choose, options, lock),
    (recovery) => recovery.outcome !== 'quit',
  );
}

async function openOrRecoverHolding(
  path: string,
  choose: (question: RecoveryQuestion) => Promise<RecoveryChoice>,
  options: RecoverOptions,
  lock: NotebookLock | null,
): Promise<Recovery> {
  let failure: NotebookFileError;
  try {
    const store = await openNotebookStore(path, openOptions(options, options.createIfMissing ?? true, lock));
    await backUpOnOpen(store, options);
    return { outcome: 'opened', store };
  } catch (error) {
    if (!(error instanceof NotebookFileError)) throw error;
    failure = error;
  }

  const now = options.now ?? (() => new Date());
  const present = await exists(path);
  const keptAsidePath = present ? await asidePathFor(path, asideKindOf(failure.reason), now()) : null;
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
      await moveJournal(keptAsidePath, path);
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
    if (!lock) {
      lastFailure = `The notebook was opened to read only, so it was not changed.`;
      backup = null;
      canStartEmpty = false;
      continue;
    }

    if (keptAsidePath && !movedAside) {
      try {
        await rename(path, keptAsidePath);
        movedAside = true;
        await moveJournal(path, keptAsidePath);
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
      try {
        const store = await installBackup(path, await readFile(from.path), options, lock);
        return { outcome: 'restored', store, keptAsidePath, backup: from };
      } catch (error) {
        lastFailure = `Restoring the backup ${from.path} failed: ${messageOf(error)}`;
        backup = null;
        continue;
      }
    }

    let wrote = false;
    try {
      await dropJournal(path);
      await new DurableJsonFile<Notebook>(path).write(emptyNotebook());
      wrote = true;
      const store = await openNotebookStore(path, openOptions(options, false, lock));
      return { outcome: 'empty', store, keptAsidePath };
    } catch (error) {
      if (wrote) await unlink(path).catch(() => undefined);
      lastFailure = `Starting an empty notebook at ${path} failed: ${messageOf(error)}`;
      canStartEmpty = false;
    }
  }
}

/** A restore that was refused or failed; the message says so and that the notebook is as it was. */
export class RestoreError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RestoreError';
  }
}

export interface Restored {
  /** The backup restored; null for an empty start. */
  backup: BackupEntry | null;
  /** What was at the notebook's path before: nothing, a good notebook, or why it could not be opened. */
  before: 'missing' | 'good' | 'damaged' | 'too-new';
  /** Where that file was moved, byte for byte unchanged; null when there was none or nothing changed. */
  keptAsidePath: string | null;
  /**
   * The backup taken of a good notebook before it was replaced; null when there was no good notebook or the
   * newest backup already held exactly its bytes.
   */
  backedUpAs: string | null;
  /** True when the notebook already held exactly the backup's bytes, so nothing was changed. */
  unchanged: boolean;
}

/**
 * The backup `which` names — a file name in the backups folder, or a path — checked as the store would check it.
 * Refuses one that does not exist, does not open, or is the notebook itself.
 */
async function namedBackup(path: string, which: string): Promise<BackupEntry> {
  const folder = backupFolderOf(path);
  const candidates = basename(which) === which ? [join(folder, which), resolve(which)] : [resolve(which)];
  let found: string | null = null;
  for (const candidate of candidates) {
    if (await exists(candidate)) {
      found = candidate;
      break;
    }
  }
  if (!found) {
    throw new RestoreError(
      `There is no backup ${which} (looked in ${folder} and ${resolve('.')}); nothing was changed.`,
    );
  }
  if (resolve(found) === resolve(path)) {
    throw new RestoreError(`${found} is the notebook itself, not a backup of it; nothing was changed.`);
  }
  const listed = (await listBackups(path)).find((entry) => entry.path === found);
  const entry = listed ?? (await checkBackupFile(found));
  if (!entry.valid) {
    throw new RestoreError(`The backup ${found} cannot be opened: ${entry.problem}; nothing was changed.`);
  }
  return entry;
}

/** The newest backup that opens, or a refusal that says what the backups folder holds. */
async function latestBackup(path: string): Promise<BackupEntry> {
  const all = await listBackups(path);
  const newest = all.find((entry) => entry.valid);
  if (newest) return newest;
  const folder = backupFolderOf(path);
  const why =
    all.length === 0 ? `there are none in ${folder}` : `none of the ${all.length} in ${folder} can be opened`;
  throw new RestoreError(`No backup of ${path} opens: ${why}; nothing was changed.`);
}

/** What is at `path`: nothing, a notebook that opens, or one that cannot be opened and why. */
async function currentState(path: string): Promise<Restored['before']> {
  if (!(await exists(path))) return 'missing';
  try {
    await readNotebookFile(path);
    return 'good';
  } catch (error) {
    return error instanceof MigrationError && error.reason === 'too-new' ? 'too-new' : 'damaged';
  }
}

/**
 * Puts new content in place of the notebook at `path`: a good notebook is first backed up into the backups folder
 * (the usual policy: a byte copy, none when the newest backup holds the same bytes, the newest `keepBackups`
 * kept — pruned only once the new content is in place, so a restore of the oldest backup cannot delete it before
 * it is read back), then the current file, if any, is renamed aside byte for byte as the app does, and `install`
 * writes and opens the new one. If that fails, what was written is removed and the file put back.
 */
async function replaceNotebook(
  path: string,
  before: Restored['before'],
  what: string,
  install: () => Promise<NotebookStore>,
  options: RecoverOptions,
): Promise<{ keptAsidePath: string | null; backedUpAs: string | null }> {
  const now = options.now ?? (() => new Date());
  let backedUpAs: string | null = null;
  if (before === 'good') {
    try {
      backedUpAs = await takeBackup(path, { keep: Number.MAX_SAFE_INTEGER, now });
    } catch (error) {
      throw new RestoreError(
        `The notebook could not be backed up into ${backupFolderOf(path)}, so nothing was changed: ` +
          `${messageOf(error)}`,
        { cause: error },
      );
    }
  }
  let keptAsidePath: string | null = null;
  if (before !== 'missing') {
    const kind: AsideKind = before === 'good' ? 'replaced' : before === 'too-new' ? 'newer' : 'damaged';
    const aside = await asidePathFor(path, kind, now());
    try {
      await rename(path, aside);
      await moveJournal(path, aside);
    } catch (error) {
      throw new RestoreError(
        `The notebook could not be moved aside to ${aside}, so nothing was changed: ${messageOf(error)}`,
        { cause: error },
      );
    }
    keptAsidePath = aside;
  } else {
    await mkdir(dirname(path), { recursive: true });
  }

  try {
    const store = await install();
    await store.close();
  } catch (error) {
    let after = 'nothing was changed';
    if (keptAsidePath) {
      const aside = keptAsidePath;
      const putBack =
        !(await exists(path).catch(() => true)) &&
        (await rename(aside, path).then(
          () =>
            moveJournal(aside, path).then(
              () => true,
              () => true,
            ),
          () => false,
        ));
      after = putBack
        ? 'the notebook was put back as it was'
        : `the notebook is kept unchanged at ${aside}: rename it to ${path} to have it back`;
    }
    throw new RestoreError(`${what} failed (${messageOf(error)}); ${after}.`, { cause: error });
  }
  if (backedUpAs !== null) {
    await pruneBackups(path, options.keepBackups).catch(
      options.onBackupError ?? ((e) => console.error('[parley] could not prune the backups', e)),
    );
  }
  return { keptAsidePath, backedUpAs };
}

/**
 * Restores a backup over the notebook at `path` without a question: `which` names one (see namedBackup), or null
 * for the newest that opens. The current file is backed up when good and moved aside (see replaceNotebook); no
 * backup is taken of what was restored. Throws RestoreError when nothing was done.
 */
export async function restoreBackup(
  path: string,
  which: string | null,
  options: RecoverOptions = {},
): Promise<Restored> {
  path = await realNotebookPath(path);
  return holdingLock(path, writing(options), (lock) => restoreHolding(path, which, options, lock!));
}

/** A restore or an empty start always writes: it takes the lock even when asked to read. */
function writing(options: RecoverOptions): RecoverOptions {
  return { ...options, access: 'write' };
}

async function restoreHolding(
  path: string,
  which: string | null,
  options: RecoverOptions,
  lock: NotebookLock,
): Promise<Restored> {
  const backup = which === null ? await latestBackup(path) : await namedBackup(path, which);
  const bytes = await readFile(backup.path);
  const before = await currentState(path);
  if (before === 'good' && Buffer.compare(await readFile(path), bytes) === 0) {
    return { backup, before, keptAsidePath: null, backedUpAs: null, unchanged: true };
  }
  const done = await replaceNotebook(
    path,
    before,
    `Restoring the backup ${backup.path}`,
    () => installBackup(path, bytes, options, lock),
    options,
  );
  return { backup, before, ...done, unchanged: false };
}

/**
 * Starts an empty notebook (no sample) at `path`, as the app's Start Empty Notebook does: the current file, if
 * any, backed up when good and moved aside first (see replaceNotebook). Throws RestoreError when nothing was done.
 */
export async function startEmpty(path: string, options: RecoverOptions = {}): Promise<Restored> {
  path = await realNotebookPath(path);
  return holdingLock(path, writing(options), (lock) => startEmptyHolding(path, options, lock!));
}

async function startEmptyHolding(
  path: string,
  options: RecoverOptions,
  lock: NotebookLock,
): Promise<Restored> {
  const before = await currentState(path);
  const done = await replaceNotebook(
    path,
    before,
    `Starting an empty notebook at ${path}`,
    async () => {
      let wrote = false;
      try {
        await dropJournal(path);
        await new DurableJsonFile<Notebook>(path).write(emptyNotebook());
        wrote = true;
        return await openNotebookStore(path, openOptions(options, false, lock));
      } catch (error) {
        if (wrote) await unlink(path).catch(() => undefined);
        throw error;
      }
    },
    options,
  );
  return { backup: null, before, ...done, unchanged: false };
}
