/**
 * A lowdb adapter that survives a crash or a power cut mid-save. lowdb's own TextFile (via steno) writes a temp
 * file and renames it, but never fsyncs, so after a power loss the rename can land before the data does and leave
 * an empty or torn notebook. Here every write goes: serialize → temp file in the same folder → fsync it → rename
 * over the target → fsync the folder, so the target is always either the old file or the complete new one.
 */
import type { Adapter } from 'lowdb';
import { open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { errnoCode } from '../errors';

const TEMP_SUFFIX = '.tmp';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `notebook.json.<pid>-<n>.tmp`: the pid tells a later open whether the writer is gone. */
function tempPattern(target: string): RegExp {
  return new RegExp(`^${escapeRegExp(basename(target))}\\.(\\d+)-\\d+${escapeRegExp(TEMP_SUFFIX)}$`);
}

let tempCounter = 0;

export async function syncFolder(folder: string): Promise<void> {
  let handle;
  try {
    handle = await open(folder, 'r');
  } catch (error) {
    // Windows cannot open a folder as a file; its rename is already durable enough through NTFS journaling.
    if (process.platform === 'win32') return;
    throw error;
  }
  try {
    await handle.sync();
  } catch (error) {
    // Some file systems (and Windows) refuse fsync on a folder; the file itself is already synced.
    const code = errnoCode(error);
    if (code !== 'EINVAL' && code !== 'EPERM' && code !== 'EISDIR' && code !== 'ENOTSUP') throw error;
  } finally {
    await handle.close();
  }
}

export class DurableJsonFile<T> implements Adapter<T> {
  readonly path: string;

  constructor(path: string) {
    this.path = path;
  }

  /** The parsed file, or null when it does not exist. Throws SyntaxError for text that is not JSON. */
  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') return null;
      throw error;
    }
    return JSON.parse(text) as T;
  }

  /**
   * Serializes `data` synchronously, before the first await, so the caller may keep changing it while the bytes
   * go to disk. Compact JSON: a notebook holds whole articles, and indentation would only make it larger.
   */
  async write(data: T): Promise<void> {
    await writeFileDurably(this.path, JSON.stringify(data));
  }
}

/**
 * Writes `content` to `target` durably: a temp file in the same folder, fsynced, renamed over the target, then the
 * folder fsynced, so the target is either untouched or complete. The target keeps its permissions.
 */
export async function writeFileDurably(target: string, content: string | Uint8Array): Promise<void> {
  const folder = dirname(target);
  const temp = join(folder, `${basename(target)}.${process.pid}-${++tempCounter}${TEMP_SUFFIX}`);
  let mode = 0o666;
  try {
    mode = (await stat(target)).mode & 0o777;
  } catch {
    // No file yet: the default mode (less the umask) applies.
  }
  try {
    const handle = await open(temp, 'wx', mode);
    try {
      await handle.writeFile(content);
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

function processIsGone(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return errnoCode(error) === 'ESRCH';
  }
}

/**
 * Deletes temp files a crashed writer left beside `target` (those whose process no longer runs). They never hold
 * anything that was reported saved: a write counts as done only after its rename. Returns the names removed.
 */
export async function removeStaleTempFiles(target: string): Promise<string[]> {
  const folder = dirname(target);
  const pattern = tempPattern(target);
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const match = pattern.exec(name);
    if (!match || !processIsGone(Number(match[1]))) continue;
    try {
      await unlink(join(folder, name));
      removed.push(name);
    } catch {
      // Already gone, or not ours to delete: either way it does not affect the notebook.
    }
  }
  return removed;
}
