/**
 * Writes a small settings file (the window's place, the last folders used) synchronously and whole: the text goes
 * to a temp file beside the target, is fsynced, and is renamed over the target. The rename is atomic, so a crash,
 * a power cut or a quit in the middle leaves either the old file or the new one, never an empty or truncated one,
 * and a failed write removes its temp file. Synchronous on purpose: it runs in a window's `close` and in Windows'
 * session-end events, where nothing asynchronous is sure to finish before the process goes. The file system
 * calls are passed in so tests can make each step fail.
 */
import * as nodeFs from 'node:fs';
import { basename, dirname, join } from 'node:path';

export type SyncFs = Pick<
  typeof nodeFs,
  'openSync' | 'writeSync' | 'fsyncSync' | 'closeSync' | 'renameSync' | 'unlinkSync' | 'mkdirSync'
>;

let counter = 0;

export function writeSmallFileSync(path: string, text: string, fs: SyncFs = nodeFs): void {
  const folder = dirname(path);
  fs.mkdirSync(folder, { recursive: true });
  const temp = join(folder, `${basename(path)}.${process.pid}-${++counter}.tmp`);
  try {
    const fd = fs.openSync(temp, 'wx');
    try {
      fs.writeSync(fd, text, null, 'utf8');
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, path);
  } catch (error) {
    try {
      fs.unlinkSync(temp);
    } catch {
      // Never created, or already renamed: nothing to tidy.
    }
    throw error;
  }
}
