/**
 * One entry point for every format Parley imports, chosen by the file's extension, so the menu, drag and drop,
 * pasting and `parley import` all accept and refuse the same files with the same words.
 */
import { importByFileName, type DocumentDraft } from '../core/import-text';
import { ParleyError } from '../../shared/model';
import {
  ACCEPTED_FORMATS,
  extensionOf,
  HTML_EXTENSIONS,
  IMPORT_EXTENSIONS,
  TEXT_EXTENSIONS,
} from '../../shared/import-formats';
import { decodeImportBytes } from './decode';
import { importHtml } from './html';

/** Told how far a long import (a web page) has got: `done` of `total` steps. */
export type ImportSteps = (done: number, total: number) => void;

/** The list is shared/import-formats.ts's, named here too for the importer's callers. */
export { ACCEPTED_FORMATS, IMPORT_EXTENSIONS };

/** Dispatch by extension for all formats: .txt/.text, .md/.markdown, .html/.htm/.xhtml → the right importer. */
export function importAny(fileName: string, content: string, onStep?: ImportSteps): DocumentDraft {
  const base = fileName.split(/[/\\]/).pop() || fileName;
  const extension = extensionOf(base);
  if (TEXT_EXTENSIONS.includes(extension)) return importByFileName(base, content);
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

/** A file's bytes as a draft: encoding, then format, checked before anything reaches a notebook. */
export function importBytes(fileName: string, bytes: Uint8Array, onStep?: ImportSteps): DocumentDraft {
  return importAny(fileName, decodeImportBytes(fileName, bytes), onStep);
}
