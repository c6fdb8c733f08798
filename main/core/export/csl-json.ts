/**
 * The documents' citations as CSL-JSON, the reference format Pandoc's citeproc and Zotero read: a JSON array with
 * one item per document, its `id` the document's citation key, so a Markdown export with Pandoc citations
 * (`[@rt2009miliband, ¶ 9]`, pandoc-cite.ts) is rendered with `pandoc notes.md --citeproc --bibliography refs.json`.
 *
 * Each item has what the document knows, and no empty field: `type`, `title`, `author` (a name written
 * "Family, Given" as {family, given}; one without a comma, an organization or a name cited whole, as {literal}),
 * `issued` (the date published, as date-parts: 2009-11-02 is [[2009, 11, 2]]; a time of day is left out),
 * `container-title` (the paper, site or journal: the document's source), `URL`, `page` and, for a document with a
 * web address, `accessed` (the day it was imported, when it was read from there).
 *
 * The type is chosen from what the document says of itself, as a reference manager would guess it:
 *   - a page range and a container: a piece printed in a journal or paper ("article-journal");
 *   - a container and a date: a dated piece of a named paper or news site, what Parley's documents mostly are
 *     ("article-newspaper");
 *   - otherwise a web address: a page of a site ("webpage");
 *   - otherwise: "document" (CSL's type for what fits no other).
 * The user can change the type in Zotero after importing; Parley does not store one.
 */
import { ParleyError, type Notebook, type ParleyDocument } from '../../../shared/model';
import { citationKeyOf } from './pandoc-cite';

export type CslName = { family: string; given?: string } | { literal: string };

export interface CslDate {
  'date-parts': [[number] | [number, number] | [number, number, number]];
}

export interface CslItem {
  id: string;
  type: 'article-journal' | 'article-newspaper' | 'webpage' | 'document';
  title?: string;
  author?: CslName[];
  issued?: CslDate;
  accessed?: CslDate;
  'container-title'?: string;
  URL?: string;
  page?: string;
}

/** One author as CSL names them: "Family, Given" → {family, given}; "Reuters" → {literal}. */
export function cslName(author: string): CslName {
  const comma = author.indexOf(',');
  if (comma < 0) return { literal: author.trim() };
  const family = author.slice(0, comma).trim();
  const given = author.slice(comma + 1).trim();
  if (family === '') return { literal: given };
  return given === '' ? { family } : { family, given };
}

/**
 * A date as CSL's date-parts: `2009-11-02` (or with a time) → [[2009, 11, 2]], `2009-11` → [[2009, 11]], `2009`
 * → [[2009]]; null for an empty date or one that is not a calendar date.
 */
export function cslDate(date: string): CslDate | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:$|T)/.exec(date.trim());
  if (!match) return null;
  const year = Number(match[1]);
  if (match[2] === undefined) return { 'date-parts': [[year]] };
  const month = Number(match[2]);
  if (month < 1 || month > 12) return null;
  if (match[3] === undefined) return { 'date-parts': [[year, month]] };
  const day = Number(match[3]);
  if (day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  return { 'date-parts': [[year, month, day]] };
}

/** The CSL type of a document (see the module comment). */
export function cslType(
  doc: Pick<ParleyDocument, 'pages' | 'source' | 'published' | 'url'>,
): CslItem['type'] {
  const container = doc.source.trim() !== '';
  if (container && doc.pages.trim() !== '') return 'article-journal';
  if (container && cslDate(doc.published) !== null) return 'article-newspaper';
  if (doc.url.trim() !== '') return 'webpage';
  return 'document';
}

/** One document's CSL-JSON item. */
export function toCslItem(doc: ParleyDocument): CslItem {
  const item: CslItem = { id: citationKeyOf(doc), type: cslType(doc) };
  const title = doc.title.replace(/\s+/g, ' ').trim();
  if (title) item.title = title;
  const authors = doc.authors.map((a) => a.trim()).filter((a) => a !== '');
  if (authors.length > 0) item.author = authors.map(cslName);
  const issued = cslDate(doc.published);
  if (issued) item.issued = issued;
  const container = doc.source.replace(/\s+/g, ' ').trim();
  if (container) item['container-title'] = container;
  const url = doc.url.trim();
  if (url) {
    item.URL = url;
    const accessed = cslDate(doc.importedAt.slice(0, 10));
    if (accessed) item.accessed = accessed;
  }
  const page = doc.pages.trim();
  if (page) item.page = page;
  return item;
}

/**
 * Every document's item, in library order, or only the document `documentId`'s (refused when there is none): a
 * pretty-printed JSON array, with a line end after it.
 */
export function exportCslJson(nb: Notebook, options: { documentId?: string } = {}): string {
  let docs = nb.documents;
  if (options.documentId !== undefined) {
    const doc = nb.documents.find((d) => d.id === options.documentId);
    if (!doc)
      throw new ParleyError(`There is no document ${options.documentId} in this notebook.`, 'not-found');
    docs = [doc];
  }
  return JSON.stringify(docs.map(toCslItem), null, 2) + '\n';
}
