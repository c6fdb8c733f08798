/**
 * Pandoc's citations, as a Markdown export writes one after each quote when asked to (`--cite pandoc`, or
 * "Citations: Pandoc [@key]" in the export dialogs): `[@rt2009miliband, ¶ 9]` for a passage in paragraph 9, and
 * `[@key, p. 4]` (`pp. 4-5` across a page break) for a passage of a document read from pages (PDF). The key is the
 * document's citation key, the `id` of its item in the CSL-JSON export (csl-json.ts), so Pandoc's citeproc finds
 * the reference there: `pandoc notes.md --citeproc --bibliography refs.json`.
 *
 * The locator is one Pandoc reads: `¶` and `p.`/`pp.` are terms of CSL's locales (paragraph and page), followed by
 * a space and the number. A key Pandoc cannot read bare (one that ends in punctuation, or has two marks in a row)
 * is written in braces, `@{key.}`, as Pandoc's manual says.
 */
import { pageAt, paragraphNumber, placeLabel, type ParleyDocument } from '../../../shared/model';
import { citationKeyBase } from '../citation';

/** How a Markdown export cites each quote's document: not at all, or with a Pandoc citation. */
export const CITE_STYLES = ['none', 'pandoc'] as const;
export type CiteStyle = (typeof CITE_STYLES)[number];

/**
 * The document's citation key: its own, or for a document that has none (one written before keys existed and not
 * yet migrated) the key its details would make.
 */
export function citationKeyOf(
  doc: Pick<ParleyDocument, 'citationKey' | 'authors' | 'source' | 'published' | 'title'>,
): string {
  return doc.citationKey.trim() || citationKeyBase(doc);
}

/**
 * Pandoc reads `@key` bare when the key starts with a letter, digit or `_` and holds only letters, digits and
 * single punctuation marks inside it (`:.#$%&-+?<>~/`); any other key goes in braces.
 */
const BARE_KEY = /^[\p{L}\p{N}_](?:[\p{L}\p{N}_]|[:.#$%&\-+?<>~/](?=[\p{L}\p{N}_]))*$/u;

/** `@key`, or `@{key}` for a key Pandoc would otherwise misread. */
export function pandocKey(key: string): string {
  return BARE_KEY.test(key) ? `@${key}` : `@{${key}}`;
}

/**
 * Where the passage `[start, end)` is, as a Pandoc locator: `p. 4` or `pp. 4-5` in a document read from pages,
 * else `¶ 9` (a figure caption is cited by the paragraph it follows, as its label says).
 */
export function pandocLocator(
  doc: Pick<ParleyDocument, 'blocks' | 'pageStarts'>,
  start: number,
  end: number,
): string {
  if (pageAt(doc, start) !== null) return placeLabel(doc, start, end);
  return `¶ ${paragraphNumber(doc, start)}`;
}

/**
 * `[@rt2009miliband, ¶ 9]`: the citation of the passage `[start, end)` of `doc`, placed in `layout` (the blocks and
 * pages of the version the passage is on, the document's own unless said).
 */
export function pandocCitation(
  doc: ParleyDocument,
  start: number,
  end: number,
  layout: Pick<ParleyDocument, 'blocks' | 'pageStarts'> = doc,
): string {
  return `[${pandocKey(citationKeyOf(doc))}, ${pandocLocator(layout, start, end)}]`;
}
