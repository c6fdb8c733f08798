/**
 * Rolling backups of the notebook file, kept in a folder beside it: `notebook.json` → `notebook.json.backups/`,
 * one file per backup named by the time it was taken (`notebook-2026-11-30T18-22-05-123Z.json`), so the names
 * sort by time. One is taken each time a notebook opens (a copy of the good file as read, before any write) and
 * at most every few minutes while changes are being saved; the newest few are kept and older ones deleted. A
 * backup is a byte-for-byte copy written durably (temp file, fsync, rename, fsync the folder) and never replaces
 * the live file. `listBackups` tells which of them a recovery can use: each is read and checked with the same
 * migrations and schema the store uses.
 */
import { mkdir, open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type { Notebook } from '../../shared/model';
import { removeStaleTempFiles, syncFolder } from './durable-file';
import { notebookBytesOnDisk } from './journal';
import { migrate } from './migrations/index';
import type { NotebookStore } from './notebook-store';
import { errnoCode, errorMessage as messageOf } from '../errors';

/** How many backups are kept. */
export const DEFAULT_KEEP = 10;
/** The least time between two backups taken while saving. */
export const DEFAULT_INTERVAL_MS = 10 * 60 * 1000;

/** A backup on disk and what it holds. */
export interface BackupEntry {
  path: string;
  /** When it was taken (from its name). */
  time: Date;
  size: number;
  /** Whether it reads as a notebook this Parley can open (after its migrations). */
  valid: boolean;
  /** Why it cannot be used, when it is not valid. */
  problem?: string;
  /** Documents and highlights in it, when it is valid. */
  documents?: number;
  highlights?: number;
}

export interface BackupOptions {
  /** How many backups to keep (default DEFAULT_KEEP, at least 1). */
  keep?: number;
  /** The clock; tests pass their own. */
  now?: () => Date;
}

/** Temp files of backups in progress are named after this, so the durable-file sweep finds a crashed one. */
const INCOMING = 'incoming';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The folder that holds the backups of the notebook at `notebookPath`. */
export function backupFolderOf(notebookPath: string): string {
  return join(dirname(notebookPath), `${basename(notebookPath)}.backups`);
}

/** `notebook.json` → `notebook`: the first part of each backup's name. */
function stemOf(notebookPath: string): string {
  const name = basename(notebookPath);
  const stem = name.slice(0, name.length - extname(name).length);
  return stem || name;
}

/** `2026-11-30T18:22:05.123Z` → `2026-11-30T18-22-05-123Z`: a time that sorts as text and is a valid file name. */
export function fileStamp(time: Date): string {
  return time.toISOString().replace(/[:.]/g, '-');
}

function parseStamp(stamp: string): Date | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/.exec(stamp);
  if (!m) return null;
  const time = new Date(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`);
  return Number.isNaN(time.getTime()) ? null : time;
}

interface BackupName {
  name: string;
  time: Date;
  /** 1 for the first backup taken at that millisecond, 2, 3… for the next. */
  sequence: number;
}

/**
 * The backups in the folder, newest first, recognised by name alone: `<stem>-<stamp>.json` or
 * `<stem>-<stamp>-<n>.json`. Temp files (`….tmp`) and anything else in the folder are not backups.
 */
async function backupNames(notebookPath: string): Promise<BackupName[]> {
  const pattern = new RegExp(`^${escapeRegExp(stemOf(notebookPath))}-([0-9TZ-]+?Z)(?:-(\\d+))?\\.json$`);
  let names: string[];
  try {
    names = await readdir(backupFolderOf(notebookPath));
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return [];
    throw error;
  }
  const found: BackupName[] = [];
  for (const name of names) {
    const match = pattern.exec(name);
    const time = match ? parseStamp(match[1]!) : null;
    if (!match || !time) continue;
    found.push({ name, time, sequence: match[2] === undefined ? 1 : Number(match[2]) });
  }
  return found.sort((a, b) => b.time.getTime() - a.time.getTime() || b.sequence - a.sequence);
}

let tempCounter = 0;

/**
 * Writes `bytes` to `target` durably: a temp file in the same folder (named after `tempBase`), fsynced, then
 * renamed over the target, then the folder fsynced. The target is either untouched or complete.
 */
export async function writeDurably(
  target: string,
  bytes: Uint8Array,
  tempBase: string = target,
): Promise<void> {
  const folder = dirname(target);
  const temp = join(folder, `${basename(tempBase)}.${process.pid}-${++tempCounter}.tmp`);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncFolder(folder);
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return false;
    throw error;
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}

/**
 * Deletes all but the newest `keep` backups (and temp files a crashed backup left behind). Returns the paths
 * deleted.
 */
export async function pruneBackups(notebookPath: string, keep: number = DEFAULT_KEEP): Promise<string[]> {
  const folder = backupFolderOf(notebookPath);
  await removeStaleTempFiles(join(folder, INCOMING));
  const removed: string[] = [];
  for (const old of (await backupNames(notebookPath)).slice(Math.max(1, keep))) {
    const path = join(folder, old.name);
    try {
      await unlink(path);
      removed.push(path);
    } catch (error) {
      if (errnoCode(error) !== 'ENOENT') throw error;
    }
  }
  return removed;
}

/**
 * Copies the notebook as it is on disk now (its file, with its journal's changes) into a new backup, unless the newest backup already holds exactly
 * these bytes (opening Parley ten times without a change must not push older backups out), then prunes to `keep`.
 * Returns the new backup's path, or null when none was needed. Never writes the live file.
 */
export async function takeBackup(notebookPath: string, options: BackupOptions = {}): Promise<string | null> {
  // With the changes its journal holds, so a backup has every saved change (see journal.ts).
  const bytes = await notebookBytesOnDisk(notebookPath);
  const folder = backupFolderOf(notebookPath);
  const existing = await backupNames(notebookPath);
  const newest = existing[0];
  if (newest) {
    let newestBytes: Buffer | null = null;
    try {
      newestBytes = await readFile(join(folder, newest.name));
    } catch {
      // Unreadable: a new backup is all the more worth taking.
    }
    if (newestBytes && sameBytes(newestBytes, bytes)) return null;
  }
  await mkdir(folder, { recursive: true });
  const time = (options.now ?? (() => new Date()))();
  const base = `${stemOf(notebookPath)}-${fileStamp(time)}`;
  let target = join(folder, `${base}.json`);
  for (let n = 2; await exists(target); n++) target = join(folder, `${base}-${n}.json`);
  await writeDurably(target, bytes, join(folder, INCOMING));
  await pruneBackups(notebookPath, options.keep ?? DEFAULT_KEEP);
  return target;
}

/** Reads one file and checks it as the store would: JSON, then the migrations, then the schema. */
export async function readNotebookFile(path: string): Promise<Notebook> {
  const text = await readFile(path, 'utf8');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new Error(`it is not valid JSON (it may be damaged or cut short): ${messageOf(error)}`, {
      cause: error,
    });
  }
  return migrate(raw);
}

/** The time in a backup's file name (`notebook-2026-11-30T18-22-05-123Z.json`), or null when it has none. */
export function backupTimeOf(path: string): Date | null {
  const match = /-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)(?:-\d+)?\.json$/.exec(basename(path));
  return match ? parseStamp(match[1]!) : null;
}

/**
 * One file read and checked as a backup: valid with its counts, or not valid with the reason. `time` defaults to
 * the time in its name, else when it was last modified. Throws only when the file cannot be found at all.
 */
export async function checkBackupFile(path: string, time?: Date): Promise<BackupEntry> {
  const info = await stat(path);
  const when = time ?? backupTimeOf(path) ?? info.mtime;
  try {
    const notebook = await readNotebookFile(path);
    return {
      path,
      time: when,
      size: info.size,
      valid: true,
      documents: notebook.documents.length,
      highlights: notebook.annotations.length,
    };
  } catch (error) {
    return { path, time: when, size: info.size, valid: false, problem: messageOf(error) };
  }
}

/** Every backup of the notebook at `notebookPath`, newest first, each read and checked. */
export async function listBackups(notebookPath: string): Promise<BackupEntry[]> {
  const folder = backupFolderOf(notebookPath);
  const entries: BackupEntry[] = [];
  for (const { name, time } of await backupNames(notebookPath)) {
    const path = join(folder, name);
    try {
      entries.push(await checkBackupFile(path, time));
    } catch (error) {
      entries.push({ path, time, size: 0, valid: false, problem: messageOf(error) });
    }
  }
  return entries;
}

/** The newest backup this Parley can open, or null. */
export async function newestValidBackup(notebookPath: string): Promise<BackupEntry | null> {
  return (await listBackups(notebookPath)).find((entry) => entry.valid) ?? null;
}

export interface RollingOptions extends BackupOptions {
  /** The least time between two backups (default DEFAULT_INTERVAL_MS). */
  intervalMs?: number;
  /** Told when a backup could not be taken; saving goes on regardless. */
  onError?: (error: unknown) => void;
}

export interface RollingBackups {
  /** Stops taking backups. */
  stop(): void;
  /** Resolves once the backup being taken (if any) has finished or failed. */
  settled(): Promise<void>;
}

/**
 * While the store saves, takes a backup of the saved file whenever a save completes and the last backup is at
 * least `intervalMs` old (counted from this call; the backup taken at open is the first). A failed backup is
 * reported to `onError` and never disturbs saving.
 */
export function keepRollingBackups(store: NotebookStore, options: RollingOptions = {}): RollingBackups {
  const now = options.now ?? (() => new Date());
  const interval = options.intervalMs ?? DEFAULT_INTERVAL_MS;
  const onError = options.onError ?? ((error) => console.error('[parley] could not take a backup', error));
  let last = now().getTime();
  let current: Promise<void> | null = null;
  const stop = store.onSaveState((state) => {
    if (state.status !== 'saved' || current) return;
    const at = now();
    if (at.getTime() - last < interval) return;
    last = at.getTime();
    // The journal folded into the file first, so the backup is a copy of the file as the store wrote it.
    current = store
      .checkpoint()
      .then(() => takeBackup(store.path, { keep: options.keep, now: () => at }))
      .then(() => undefined, onError)
      .finally(() => {
        current = null;
      });
  });
  return { stop, settled: () => current ?? Promise.resolve() };
}
