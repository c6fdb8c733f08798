/**
 * Reading files for import, shared by the app and the command line: size, encoding and format are checked before
 * any text reaches a notebook.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { DocumentDraft } from './core/import-text';
import { ParleyError } from '../shared/model';
import { importBytes } from './import';
import { importOffThread, type OffThreadOptions } from './import/off-thread';
import { MAX_IMPORT_BYTES } from '../shared/limits';
import {
  extensionOf,
  OFF_THREAD_EXTENSIONS,
  IMPORT_EXTENSIONS,
  MAX_IMPORT_SIZE_TEXT,
} from '../shared/import-formats';

/** What Parley imports, by file name ending with its dot (shared/import-formats.ts), for files handed to main. */
export const IMPORTABLE_EXTENSIONS: readonly string[] = IMPORT_EXTENSIONS.map((extension) => `.${extension}`);

/**
 * Reads a file chosen for import, refusing what is not a file or is over the size limit before reading it. The
 * messages name the path as given, so the user can tell which of several files it was.
 */
export async function readImportBytes(path: string): Promise<Uint8Array> {
  const info = await stat(path).catch(() => {
    throw new ParleyError(`Cannot read ${path}: the file does not exist or is not readable.`, 'not-found');
  });
  if (!info.isFile()) throw new ParleyError(`${path} is not a file.`);
  if (info.size > MAX_IMPORT_BYTES) {
    const mb = (info.size / 1024 / 1024).toFixed(1);
    throw new ParleyError(
      `${path} is ${mb} MB; Parley imports files of up to ${MAX_IMPORT_SIZE_TEXT}.`,
      'too-large',
    );
  }
  return new Uint8Array(await readFile(path));
}

/** A file on disk as a draft document: size, encoding and format checked, nothing added to any notebook yet. */
export async function loadImportFile(path: string, options: OffThreadOptions = {}): Promise<DocumentDraft> {
  const name = basename(path);
  const bytes = await readImportBytes(path);
  // A web page is read on a worker thread (main/import/off-thread.ts): it can take seconds, and can be cancelled.
  if (OFF_THREAD_EXTENSIONS.includes(extensionOf(name))) return importOffThread(name, bytes, options);
  return importBytes(name, bytes);
}

/** A file of W3C annotations, parsed: size checked as for any import, read as UTF-8, JSON or refused. */
export async function loadAnnotationFile(path: string): Promise<unknown> {
  const name = basename(path);
  const bytes = await readImportBytes(path);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ParleyError(`${name} is not UTF-8 text; W3C annotations are JSON-LD in UTF-8.`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ParleyError(`${name} is not JSON: ${(error as Error).message}`);
  }
}
