/**
 * One entry point for every format Parley imports, chosen by the file's extension, so the menu, drag and drop,
 * pasting and `parley import` all accept and refuse the same files with the same words.
 */
import { importByFileName, type DocumentDraft } from '../core/import-text';
import { ParleyError } from '../../shared/model';
import {
  ACCEPTED_FORMATS,
  BINARY_EXTENSIONS,
  extensionOf,
  HTML_EXTENSIONS,
  IMPORT_EXTENSIONS,
  PDF_EXTENSIONS,
  TEXT_EXTENSIONS,
  WORD_EXTENSIONS,
} from '../../shared/import-formats';
import { decodeImportBytes } from './decode';
import { importDocx } from './docx';
import { importHtml } from './html';
import { importPdf } from './pdf';

/** Told how far a long import (a web page) has got: `done` of `total` steps. */
export type ImportSteps = (done: number, total: number) => void;

/** The list is shared/import-formats.ts's, named here too for the importer's callers. */
export { ACCEPTED_FORMATS, IMPORT_EXTENSIONS };

/** Dispatch by extension for all formats: .txt/.text, .md/.markdown, .html/.htm/.xhtml → the right importer. */
export function importAny(fileName: string, content: string, onStep?: ImportSteps): DocumentDraft {
  const base = fileName.split(/[/\\]/).pop() || fileName;
  const extension = extensionOf(base);
  if (TEXT_EXTENSIONS.includes(extension)) return importByFileName(base, content);
  if (BINARY_EXTENSIONS.includes(extension)) {
    throw new ParleyError(
      `"${base}" is a .${extension} file, which Parley reads from the file itself, not as text: import the file.`,
      'invalid',
    );
  }
  if (HTML_EXTENSIONS.includes(extension)) {
    if (content.trim() === '') {
      throw new ParleyError(`"${base}" is empty: there is no text in it to read.`, 'invalid');
    }
    return importHtml(content, { fileName: base, onStep });
  }
  throw new ParleyError(
    `Parley cannot import "${base}": ${extension ? `.${extension} files are not supported` : 'the file has no extension'}. Choose a ${ACCEPTED_FORMATS} file.`,
    'unsupported-format',
  );
}

/**
 * A text file's bytes as a draft: encoding, then format, checked before anything reaches a notebook. PDF and Word
 * files are not text: importFileBytes reads them.
 */
export function importBytes(fileName: string, bytes: Uint8Array, onStep?: ImportSteps): DocumentDraft {
  return importAny(fileName, decodeImportBytes(fileName, bytes), onStep);
}

/** Any importable file's bytes as a draft: PDF and Word files by their own readers, text by importBytes. */
export async function importFileBytes(
  fileName: string,
  bytes: Uint8Array,
  onStep?: ImportSteps,
): Promise<DocumentDraft> {
  const base = fileName.split(/[/\\]/).pop() || fileName;
  const extension = extensionOf(base);
  if (PDF_EXTENSIONS.includes(extension)) return importPdf(bytes, { fileName: base, onStep });
  if (WORD_EXTENSIONS.includes(extension)) return importDocx(bytes, { fileName: base, onStep });
  return importBytes(fileName, bytes, onStep);
}

/** Whether a file of this name is read from its bytes by a reader of its own (PDF, Word) rather than as text. */
export function isBinaryFormat(fileName: string): boolean {
  return BINARY_EXTENSIONS.includes(extensionOf(fileName));
}
