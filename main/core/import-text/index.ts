/**
 * Turns a plain-text or Markdown file into a document draft: normalized reading text split into paragraphs, with
 * the headline and the publication date lifted out of the body and scraped page furniture (menus, icon names,
 * share bars, cookie notices) dropped from its edges. Pure: the caller reads the file.
 *
 * draft.ts: what an importer produces; normalize.ts: line endings, paragraphs, titles; furniture.ts: page
 * furniture; dates.ts: a line that is a date; plain-text.ts and markdown.ts: the two formats; by-file-name.ts: which
 * of them a file's name calls for.
 */
export type { DocumentDraft, ImportOptions } from './draft';
export { importPlainText } from './plain-text';
export { importMarkdown } from './markdown';
export { importByFileName } from './by-file-name';
// Shared on purpose: the HTML importer drops the same furniture and reads dates the same way, and the notebook
// reads an edited publication date as the importers do.
export { isPageFurniture } from './furniture';
export { parseDateLine } from './dates';
// Both importers map offsets of a cleaned text back to where each character came from in the same way.
export { firstFrom } from './markdown';
