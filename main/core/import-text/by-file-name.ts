/**
 * The importer a file's name calls for (plain text or Markdown, by shared/import-formats.ts's lists); anything else,
 * binary content and a file with no text in it are refused.
 */
import { ParleyError } from '../../../shared/model';
import {
  extensionOf,
  MARKDOWN_EXTENSIONS,
  PLAIN_TEXT_EXTENSIONS,
  TEXT_FORMATS,
} from '../../../shared/import-formats';
import type { DocumentDraft, ImportOptions } from './draft';
import { importPlainText } from './plain-text';
import { importMarkdown } from './markdown';

function looksBinary(content: string): boolean {
  if (content.includes('\u0000')) return true;
  const sample = content.slice(0, 65536);
  let controls = 0;
  let replacements = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c) controls++;
    else if (code === 0xfffd) replacements++;
  }
  return (
    (controls >= 3 && controls / sample.length > 0.01) ||
    (replacements >= 8 && replacements / sample.length > 0.05)
  );
}

/**
 * Chooses the importer by extension: .txt/.text → plain, .md/.markdown → markdown; anything else is refused
 * (ParleyError 'unsupported-format', naming the accepted formats), as is binary content ('unsupported-format')
 * and a file with no text in it ('invalid').
 */
export function importByFileName(
  fileName: string,
  content: string,
  options: ImportOptions = {},
): DocumentDraft {
  const base = fileName.split(/[/\\]/).pop() ?? fileName;
  const extension = extensionOf(base);
  const importer = PLAIN_TEXT_EXTENSIONS.includes(extension)
    ? importPlainText
    : MARKDOWN_EXTENSIONS.includes(extension)
      ? importMarkdown
      : null;
  if (!importer) {
    throw new ParleyError(
      `Parley cannot import "${base}": ${extension ? `.${extension} files are not supported` : 'the file has no extension'}. Choose a ${TEXT_FORMATS} file.`,
      'unsupported-format',
    );
  }
  if (looksBinary(content)) {
    throw new ParleyError(
      `"${base}" does not contain readable text (it looks like a binary file). Choose a ${TEXT_FORMATS} file.`,
      'unsupported-format',
    );
  }
  const draft = importer(content, { fileName: base, ...options });
  if (draft.text.trim() === '') {
    throw new ParleyError(`"${base}" is empty: there is no text in it to read.`);
  }
  return draft;
}
