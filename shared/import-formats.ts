/**
 * What Parley imports, by file name ending: written once here, for the importer's choice of format, the open
 * dialog's filters, the files main is handed from outside, the command line's help, and the words that name them
 * and the largest size accepted. electron-builder.yml associates Parley with exactly these files (a test holds the
 * associations to this list). The renderer sends every dropped or pasted file to main, whose refusal names the
 * formats.
 */

import { MAX_IMPORT_BYTES } from './limits';

const PLAIN_TEXT = ['txt', 'text'];
const MARKDOWN = ['md', 'markdown'];
/** Plain text, read by the text importer's plain reader. */
export const PLAIN_TEXT_EXTENSIONS: readonly string[] = PLAIN_TEXT;
/** Markdown, read by the text importer's Markdown reader. */
export const MARKDOWN_EXTENSIONS: readonly string[] = MARKDOWN;
/** Plain text and Markdown, read by the text importer (core/import-text). */
export const TEXT_EXTENSIONS: readonly string[] = [...PLAIN_TEXT, ...MARKDOWN];
/** Saved web pages, read by the HTML importer (main/import/html). */
export const HTML_EXTENSIONS: readonly string[] = ['html', 'htm', 'xhtml'];

/** PDF documents, read by the PDF importer (main/import/pdf, with PDF.js). */
export const PDF_EXTENSIONS: readonly string[] = ['pdf'];
/** Word documents, read by the Word importer (main/import/docx, with mammoth). */
export const WORD_EXTENSIONS: readonly string[] = ['docx'];
/** Formats read from their bytes by a reader of their own, not decoded as text first. */
export const BINARY_EXTENSIONS: readonly string[] = [...PDF_EXTENSIONS, ...WORD_EXTENSIONS];
/** Formats read on the import worker (main/import/off-thread.ts): they can take seconds, and can be cancelled. */
export const OFF_THREAD_EXTENSIONS: readonly string[] = [...HTML_EXTENSIONS, ...BINARY_EXTENSIONS];

/** Every extension Parley imports, without the dot. */
export const IMPORT_EXTENSIONS: readonly string[] = [
  ...TEXT_EXTENSIONS,
  ...HTML_EXTENSIONS,
  ...PDF_EXTENSIONS,
  ...WORD_EXTENSIONS,
];

const dotted = (extensions: readonly string[]) => extensions.map((extension) => `.${extension}`).join(', ');
const PLAIN_TEXT_WORDS = `plain text (${dotted(PLAIN_TEXT)})`;
const MARKDOWN_WORDS = `Markdown (${dotted(MARKDOWN)})`;

/** The text importer's formats in words, for a message that refuses a file there. */
export const TEXT_FORMATS = `${PLAIN_TEXT_WORDS} or ${MARKDOWN_WORDS}`;
/** The formats in words, for a message that refuses a file. */
export const ACCEPTED_FORMATS = `${PLAIN_TEXT_WORDS}, ${MARKDOWN_WORDS}, a saved web page (${dotted(HTML_EXTENSIONS)}), a PDF (${dotted(PDF_EXTENSIONS)}) or a Word document (${dotted(WORD_EXTENSIONS)})`;
/** Every importable extension with its dot, for the command line's help: ".txt, .text, .md, …". */
export const IMPORT_EXTENSIONS_TEXT = dotted(IMPORT_EXTENSIONS);

/** The largest file Parley imports in words, for the messages that refuse one: "20 MB", from MAX_IMPORT_BYTES. */
export const MAX_IMPORT_SIZE_TEXT = `${Math.round(MAX_IMPORT_BYTES / (1024 * 1024))} MB`;

/** The open dialog's filters: the common kinds together first (".text" is rare: only under Text), then each. */
export const IMPORT_FILTERS: Array<{ name: string; extensions: string[] }> = [
  {
    name: 'Articles',
    extensions: ['txt', ...MARKDOWN, ...HTML_EXTENSIONS, ...PDF_EXTENSIONS, ...WORD_EXTENSIONS],
  },
  { name: 'Text', extensions: [...PLAIN_TEXT] },
  { name: 'Markdown', extensions: [...MARKDOWN] },
  { name: 'Web pages', extensions: [...HTML_EXTENSIONS] },
  { name: 'PDF', extensions: [...PDF_EXTENSIONS] },
  { name: 'Word documents', extensions: [...WORD_EXTENSIONS] },
];

/** A file name's extension, lower case and without the dot; '' when it has none. */
export function extensionOf(fileName: string): string {
  const base = fileName.split(/[/\\]/).pop() || fileName;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** Whether Parley imports a file of this name (by its extension alone; its content is checked on import). */
export function isImportable(fileName: string): boolean {
  return IMPORT_EXTENSIONS.includes(extensionOf(fileName));
}
