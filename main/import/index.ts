/**
 * One entry point for every format Parley imports, chosen by the file's extension, so the menu, drag and drop,
 * pasting and `parley import` all accept and refuse the same files with the same words.
 */
import { importByFileName, type DocumentDraft } from '../core/import-text';
import { ParleyError } from '../../shared/model';
import { decodeImportBytes } from './decode';
import { importHtml } from './html';

export const ACCEPTED_FORMATS =
  'plain text (.txt, .text), Markdown (.md, .markdown) or a saved web page (.html, .htm, .xhtml)';

const TEXT_EXTENSIONS = new Set(['txt', 'text', 'md', 'markdown']);
const HTML_EXTENSIONS = new Set(['html', 'htm', 'xhtml']);

/** File extensions importAny accepts, without the dot (for file dialogs and file associations). */
export const IMPORT_EXTENSIONS: readonly string[] = [...TEXT_EXTENSIONS, ...HTML_EXTENSIONS];

/** Dispatch by extension for all formats: .txt/.text, .md/.markdown, .html/.htm/.xhtml → the right importer. */
export function importAny(fileName: string, content: string): DocumentDraft {
  const base = fileName.split(/[/\\]/).pop() || fileName;
  const dot = base.lastIndexOf('.');
  const extension = dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
  if (TEXT_EXTENSIONS.has(extension)) return importByFileName(base, content);
  if (HTML_EXTENSIONS.has(extension)) {
    if (content.trim() === '') {
      throw new ParleyError(`"${base}" is empty: there is no text in it to read.`, 'invalid');
    }
    return importHtml(content, { fileName: base });
  }
  throw new ParleyError(
    `Parley cannot import "${base}": ${extension ? `.${extension} files are not supported` : 'the file has no extension'}. Choose a ${ACCEPTED_FORMATS} file.`,
    'unsupported-format',
  );
}

/** A file's bytes as a draft: encoding, then format, checked before anything reaches a notebook. */
export function importBytes(fileName: string, bytes: Uint8Array): DocumentDraft {
  return importAny(fileName, decodeImportBytes(fileName, bytes));
}
