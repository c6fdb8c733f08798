/**
 * The importer a file's name calls for (.txt and .text plain, .md and .markdown Markdown); anything else, binary
 * content and a file with no text in it are refused.
 */
import { ParleyError } from '../../../shared/model';
import type { DocumentDraft, ImportOptions } from './draft';
import { importPlainText } from './plain-text';
import { importMarkdown } from './markdown';

const ACCEPTED = 'plain text (.txt, .text) or Markdown (.md, .markdown)';

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
  const dot = base.lastIndexOf('.');
  const extension = dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
  const importer =
    extension === 'txt' || extension === 'text'
      ? importPlainText
      : extension === 'md' || extension === 'markdown'
        ? importMarkdown
        : null;
  if (!importer) {
    throw new ParleyError(
      `Parley cannot import "${base}": ${extension ? `.${extension} files are not supported` : 'the file has no extension'}. Choose a ${ACCEPTED} file.`,
      'unsupported-format',
    );
  }
  if (looksBinary(content)) {
    throw new ParleyError(
      `"${base}" does not contain readable text (it looks like a binary file). Choose a ${ACCEPTED} file.`,
      'unsupported-format',
    );
  }
  const draft = importer(content, { fileName: base, ...options });
  if (draft.text.trim() === '') {
    throw new ParleyError(`"${base}" is empty: there is no text in it to read.`);
  }
  return draft;
}
