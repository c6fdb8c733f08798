/**
 * One writer per notebook. A store holds the whole notebook in memory and writes all of it back, so two processes
 * writing one file (the app and `parley import`, two commands at once, two app instances with different profiles)
 * would silently overwrite each other's work: the last save wins. Whoever opens a notebook for writing first
 * creates `<notebook>.lock` beside it, atomically (open with 'wx': exactly one creator succeeds), holding
 * {pid, hostname, by, command?, started}; it is removed on close, and on process exit as far as Node lets us.
 * Another writer that finds a live lock is refused with a message naming who holds it, and writes nothing.
 * Readers (`parley list`, `export`, `backups`) take no lock: they read a file that is always whole (durable-file).
 *
 * A lock can outlive its holder (a crash, a kill, a power cut). It is stale, and taken over, when:
 * - it was written on this computer and its process is gone (`process.kill(pid, 0)` throws ESRCH; EPERM means the
 *   process exists under another user, so it is live);
 * - it is not valid JSON and older than a minute (younger, its creator may be between open and write);
 * - it was written on another computer (a network or synced folder) by a command and is older than an hour.
 * A lock another computer's app holds is never taken over by age: the app stays open for days, and we cannot ask
 * that computer whether it still runs; mistaking a live app for a dead one loses its work, while the opposite
 * costs one file to delete, which the message names. The same goes for a pid reused after a crash on this one.
 *
 * Taking over renames the stale lock to a unique name first and checks it is still the one judged stale, so two
 * processes taking over at once cannot both end up holding the notebook.
 *
 * The lock belongs to the file, not to the path typed: a notebook reached through a symlink (`link.json` →
 * `real/nb.json`) or a symlinked folder must meet the same lock as its target, and every write (the lock, the
 * durable write's temp file and rename, backups beside it) must go to the target, or a save would rename its temp
 * file over the symlink, replacing it with a plain file and splitting the notebook in two. realNotebookPath()
 * resolves the path once, when a writer opens it: fs.realpath.native; for a file that does not exist yet, the
 * real path of its folder and its name; a dangling symlink is followed to the path it names. The path typed is
 * kept for messages.
 *
 * Case: on a case-insensitive file system (macOS, Windows by default) two spellings of one notebook need no
 * canonical case to meet the same lock, because `nb.json.lock` and `NB.json.lock` beside it are then one file
 * and its creation with 'wx' is decided by the file system. Node documents no case canonicalisation for
 * realpath.native (Windows' GetFinalPathNameByHandle does return the stored case; macOS's realpath(3) in practice
 * too), so nothing here relies on it, and the lock path is not lowercased either: on a case-sensitive volume
 * (possible on macOS) a lowercased path could name another folder or file.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, realpath as realpathCallback, unlinkSync } from 'node:fs';
import { link, mkdir, open, readFile, readlink, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, sep } from 'node:path';
import { hostname as osHostname } from 'node:os';
import { promisify } from 'node:util';
import { errnoCode } from '../errors';

/** Who holds a notebook: the app, or a `parley` command (which lasts seconds). */
export type LockHolderKind = 'app' | 'cli';

/** What a lock file holds. */
export interface LockInfo {
  pid: number;
  hostname: string;
  by: LockHolderKind;
  /** For a command: what it is (`parley import`). */
  command?: string;
  /** When it was taken, ISO 8601. */
  started: string;
}

export interface LockRequest {
  /** Who is asking (default 'app'); it shapes the message when refused. */
  by?: LockHolderKind;
  command?: string;
  /**
   * How long to keep trying while a command holds the lock (default 5 s): a command is short, so a writer that
   * finds one waits for it to finish rather than failing at once. A lock the app holds is refused at once.
   */
  waitForCommandMs?: number;
  /** Told when a stale lock is taken over, with what it held (the command line prints it on stderr). */
  onStaleTakeover?: (note: string) => void;
  /** This computer's name and the clock; tests pass their own. */
  hostname?: string;
  now?: () => Date;
}

/** A held lock. release() removes the file if it is still ours; it may be called more than once. */
export interface NotebookLock {
  /** The notebook's real path (realNotebookPath): the file the holder writes. */
  readonly path: string;
  readonly lockPath: string;
  readonly info: LockInfo;
  release(): Promise<void>;
}

/** The notebook is held by another writer; `holder` is what its lock says (null when it could not be read). */
export class NotebookLockedError extends Error {
  readonly path: string;
  readonly lockPath: string;
  readonly holder: LockInfo | null;

  constructor(path: string, lockPath: string, holder: LockInfo | null, message: string) {
    super(message);
    this.name = 'NotebookLockedError';
    this.path = path;
    this.lockPath = lockPath;
    this.holder = holder;
  }
}

/** How many symlinks realNotebookPath follows before it calls them a loop (Linux's own limit is 40). */
const MAX_LINKS = 40;

/** fs.realpath.native (realpath(3); GetFinalPathNameByHandle on Windows): fs/promises has no native variant. */
const realpathNative = promisify(realpathCallback.native);

/**
 * The notebook's real path, every symlink in it resolved (see the top of this module): the file every writer locks
 * and writes. For a file not there yet, its folder's real path and its name; a dangling symlink is followed to
 * the path it names, so the notebook is created there and the symlink stays.
 */
export async function realNotebookPath(path: string): Promise<string> {
  let at = unnormalized(path, process.cwd());
  for (let links = 0; links <= MAX_LINKS; links++) {
    try {
      return await realpathNative(at);
    } catch (error) {
      const code = errnoCode(error);
      if (code === 'ELOOP') break;
      if (code !== 'ENOENT') throw error;
    }
    let target: string;
    try {
      target = await readlink(at);
    } catch (error) {
      const code = errnoCode(error);
      // Not a symlink, or not there: a file to create, in a folder that is resolved in turn.
      if (code === 'EINVAL' || code === 'ENOENT' || code === 'ENOTDIR' || code === 'UNKNOWN') {
        const folder = dirname(at);
        return folder === at ? at : join(await realNotebookPath(folder), basename(at));
      }
      throw error;
    }
    at = unnormalized(target, await realNotebookPath(dirname(at)));
  }
  throw Object.assign(new Error(`Cannot open the notebook ${path}: its symbolic links go round in a loop.`), {
    code: 'ELOOP',
  });
}

/**
 * `path` made absolute against `base` without tidying it: path.resolve would take `linkdir/..` away by its text,
 * while the file system goes through the symlink first and then to the parent of where it leads.
 */
function unnormalized(path: string, base: string): string {
  if (isAbsolute(path)) return path;
  return base.endsWith(sep) ? `${base}${path}` : `${base}${sep}${path}`;
}

/** `text` with control characters (terminal escapes among them) shown as `?`, for a message read in a terminal. */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}

export function lockPathOf(notebookPath: string): string {
  return `${notebookPath}.lock`;
}

const UNREADABLE_GRACE_MS = 60 * 1000;
const OTHER_HOST_COMMAND_MS = 60 * 60 * 1000;
const DEFAULT_WAIT_FOR_COMMAND_MS = 5000;
const RETRY_MS = 100;

/** True unless `pid` is certainly gone: ESRCH. EPERM means it runs under another user. */
export function processIsAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errnoCode(error) !== 'ESRCH';
  }
}

function parseLock(text: string): LockInfo | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (!Number.isInteger(v.pid) || (v.pid as number) <= 0) return null;
  if (typeof v.hostname !== 'string' || typeof v.started !== 'string') return null;
  if (v.by !== 'app' && v.by !== 'cli') return null;
  const info: LockInfo = { pid: v.pid as number, hostname: v.hostname, by: v.by, started: v.started };
  if (typeof v.command === 'string') info.command = v.command;
  return info;
}

/** What is in the way: the lock's text, what it says, how old the file is. Null when there is no lock. */
interface Found {
  text: string;
  info: LockInfo | null;
  ageMs: number;
}

async function readLock(lockPath: string, now: Date): Promise<Found | null> {
  try {
    const [text, stats] = await Promise.all([readFile(lockPath, 'utf8'), stat(lockPath)]);
    return { text, info: parseLock(text), ageMs: now.getTime() - stats.mtimeMs };
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return null;
    if (errnoCode(error) === 'EISDIR') {
      // Told as a lock in the way (no holder known), so the app and the command line show it like any other.
      throw new NotebookLockedError(
        lockPath.slice(0, -'.lock'.length),
        lockPath,
        null,
        `The notebook's lock ${lockPath} is a folder, not a lock file, so Parley cannot tell whether another ` +
          `process is writing the notebook; nothing was written. If nothing in it is yours, remove that folder ` +
          `and try again.`,
      );
    }
    throw error;
  }
}

/** Why the lock found is stale, or null when it is live. */
function staleBecause(found: Found, host: string): string | null {
  const { info, ageMs } = found;
  if (!info) {
    return ageMs > UNREADABLE_GRACE_MS ? 'it was not a valid lock and is more than a minute old' : null;
  }
  if (info.hostname === host) {
    return processIsAlive(info.pid) ? null : `process ${info.pid} no longer runs`;
  }
  if (info.by === 'cli' && ageMs > OTHER_HOST_COMMAND_MS) {
    return `it was taken on ${info.hostname} by a command more than an hour ago`;
  }
  return null;
}

function twoDigits(n: number): string {
  return String(n).padStart(2, '0');
}

/** `10:02` today, `2026-12-04 10:02` another day, local time; the text as it is when it is no date. */
function since(started: string, now: Date): string {
  const time = new Date(started);
  if (Number.isNaN(time.getTime())) return started;
  const clock = `${twoDigits(time.getHours())}:${twoDigits(time.getMinutes())}`;
  if (time.toDateString() === now.toDateString()) return clock;
  return `${time.getFullYear()}-${twoDigits(time.getMonth() + 1)}-${twoDigits(time.getDate())} ${clock}`;
}

/** Why `by` may not write `path`, naming the holder and what to do. */
export function lockedMessage(
  path: string,
  lockPath: string,
  holder: LockInfo | null,
  by: LockHolderKind,
  host: string,
  now: Date,
  waitedMs = 0,
): string {
  const removeIt = `If it is not running, delete ${lockPath} and try again.`;
  if (!holder) {
    return (
      `Another Parley is opening ${path} (its lock ${lockPath} is being written). Try again in a minute; ` +
      `nothing was written.`
    );
  }
  const where = holder.hostname === host ? '' : ` on ${printable(holder.hostname)}`;
  const who = `process ${holder.pid}${where}, since ${printable(since(holder.started, now))}`;
  if (holder.by === 'cli') {
    const command = holder.command ? `\`${printable(holder.command)}\`` : 'A parley command';
    const waited = waitedMs > 0 ? ` (waited ${Math.round(waitedMs / 1000)} s)` : '';
    return (
      `${holder.command ? 'The command ' : ''}${command} is writing ${path} (${who})${waited}. ` +
      `Try again when it has finished; nothing was written. ${removeIt}`
    );
  }
  if (by === 'cli') {
    return (
      `Parley has ${path} open (${who}). Close it first, or open the files with Parley itself — double-click ` +
      "them, or run the installed app's `parley FILE…` — which imports them into the open notebook; nothing " +
      `was written. ${removeIt}`
    );
  }
  return (
    `Another Parley has ${path} open (${who}), perhaps with another profile. Close it first: two windows ` +
    `writing one notebook would overwrite each other's work. ${removeIt}`
  );
}

/** Held locks, removed on exit if their holder never closed them (the process crashed out of a command). */
const held = new Map<string, string>();
let exitHookInstalled = false;

function removeHeldOnExit(): void {
  for (const [lockPath, text] of held) {
    try {
      // Only our own: a lock taken over from us after we were thought dead is not ours to remove.
      if (readFileSync(lockPath, 'utf8') === text) unlinkSync(lockPath);
    } catch {
      // Gone already, or not removable: the next opener finds our pid gone and takes it over.
    }
  }
  held.clear();
}

/** Creates the lock file with 'wx'; false when one exists. The whole text is written before it counts as ours. */
async function tryCreate(lockPath: string, text: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(lockPath, 'wx');
  } catch (error) {
    if (errnoCode(error) === 'EEXIST') return false;
    if (errnoCode(error) !== 'ENOENT') throw error;
    // A first run: the notebook's folder is made here, as the store would make it to create the notebook.
    await mkdir(dirname(lockPath), { recursive: true });
    handle = await open(lockPath, 'wx').catch((again: unknown) => {
      if (errnoCode(again) === 'EEXIST') return null;
      throw again;
    });
    if (!handle) return false;
  }
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(lockPath).catch(() => undefined);
    throw error;
  }
  await handle.close();
  return true;
}

/**
 * Moves a stale lock out of the way, if it is still the one judged stale: renamed to a unique name and read back.
 * Had another process replaced it meanwhile (it took over first), the new lock is put back and left alone.
 */
async function takeOver(lockPath: string, staleText: string): Promise<void> {
  const aside = `${lockPath}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await rename(lockPath, aside);
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return;
    throw error;
  }
  const moved = await readFile(aside, 'utf8').catch(() => staleText);
  if (moved !== staleText) {
    // A fresh lock: put it back unless yet another has appeared (link refuses to replace one).
    await link(aside, lockPath).catch(() => undefined);
  }
  await unlink(aside).catch(() => undefined);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Takes the lock of the notebook at `path` for writing, or throws NotebookLockedError naming who holds it. A stale
 * lock is taken over (see the top of this module); a command's lock is waited for up to `waitForCommandMs`.
 */
export async function acquireNotebookLock(shown: string, request: LockRequest = {}): Promise<NotebookLock> {
  const path = await realNotebookPath(shown);
  const lockPath = lockPathOf(path);
  const host = request.hostname ?? osHostname();
  const now = request.now ?? (() => new Date());
  const by = request.by ?? 'app';
  const waitForCommandMs = request.waitForCommandMs ?? DEFAULT_WAIT_FOR_COMMAND_MS;
  const info: LockInfo = { pid: process.pid, hostname: host, by, started: now().toISOString() };
  if (request.command !== undefined) info.command = request.command;
  const text = `${JSON.stringify(info, null, 2)}\n`;
  const firstTry = Date.now();

  for (let attempt = 0; ; attempt++) {
    if (await tryCreate(lockPath, text)) break;
    const found = await readLock(lockPath, now());
    if (!found) continue; // Removed meanwhile: try again.
    const stale = staleBecause(found, host);
    if (stale) {
      const was = found.info ? `${found.info.by === 'cli' ? 'a parley command' : 'Parley'}, ` : '';
      request.onStaleTakeover?.(
        `The notebook ${shown} was left locked (${was}${stale}); taking the lock over.`,
      );
      await takeOver(lockPath, found.text);
      if (attempt > 20) throw new Error(`Could not take the lock ${lockPath}: it keeps changing.`);
      continue;
    }
    const waited = Date.now() - firstTry;
    const mayWait = found.info === null || found.info.by === 'cli';
    if (mayWait && waited < waitForCommandMs) {
      await sleep(Math.min(RETRY_MS, waitForCommandMs - waited));
      continue;
    }
    throw new NotebookLockedError(
      path,
      lockPath,
      found.info,
      lockedMessage(shown, lockPath, found.info, by, host, now(), mayWait ? waited : 0),
    );
  }

  held.set(lockPath, text);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', removeHeldOnExit);
  }
  let released = false;
  return {
    path,
    lockPath,
    info,
    async release() {
      if (released) return;
      released = true;
      held.delete(lockPath);
      try {
        if ((await readFile(lockPath, 'utf8')) === text) await unlink(lockPath);
      } catch (error) {
        if (errnoCode(error) !== 'ENOENT') throw error;
      }
    },
  };
}
