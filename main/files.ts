/**
 * Reading files for import and naming files for export, shared by the app and the command line: size and
 * encoding are checked before any text reaches an importer.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { ParleyError } from './core/model';

/** Bytes read from a file chosen for import, at most. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export async function readImportFile(path: string): Promise<string> {
  const info = await stat(path).catch(() => {
    throw new ParleyError(
      `Cannot read ${basename(path)}: the file does not exist or is not readable.`,
      'not-found',
    );
  });
  if (!info.isFile()) throw new ParleyError(`${basename(path)} is not a file.`);
  if (info.size > MAX_IMPORT_BYTES) {
    const mb = (info.size / 1024 / 1024).toFixed(1);
    throw new ParleyError(`${basename(path)} is ${mb} MB; Parley imports files of up to 20 MB.`, 'too-large');
  }
  const bytes = await readFile(path);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ParleyError(
      `${basename(path)} is not UTF-8 text; save it as UTF-8 and import it again.`,
      'encoding',
    );
  }
}

export function safeFileName(title: string, extension: string): string {
  const stem = title
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .toLowerCase();
  return `${stem || 'export'}.${extension}`;
}
