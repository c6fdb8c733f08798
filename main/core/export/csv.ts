/**
 * Every highlight as CSV, for spreadsheets and QDA tools: one row per highlight and topic, cells guarded against
 * formula injection, links named in words. The paragraph column holds the paragraph's number, or for a passage in a
 * figure caption (outside the numbering) where it sits, "caption after 3", as the Markdown export places it. The
 * page column (last, so the columns before it stay where they were) holds the page of a passage in a document read
 * from pages, "4", or "4-5" across a page break; it is empty for other documents.
 */
import type { placeLabel } from '../../../shared/model';
import {
  isInCaption,
  pageAt,
  paragraphLabel,
  paragraphNumber,
  type Annotation,
  type Notebook,
} from '../../../shared/model';
import { linkTexts } from '../links';
import { layoutOf, versionSuffix } from '../versions/on-version';
import { byTextOrder, documentTitle, topicsOfAnnotation } from './markdown-blocks';

export const CSV_COLUMNS = [
  'document',
  'title',
  'paragraph',
  'start',
  'end',
  'quote',
  'topic',
  'party',
  'stance',
  'note',
  'created',
  'updated',
  'links',
  'page',
] as const;

/**
 * A text cell. Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` (and some, after a tab or carriage
 * return) as a formula, so such a cell gets a leading `'`: the OWASP advice against CSV formula injection. Then RFC
 * 4180 quoting: a cell holding a comma, a double quote or a line break is put in double quotes, its quotes doubled.
 */
export function csvCell(value: string): string {
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/**
 * Every highlight as CSV (RFC 4180: comma-separated, CRLF line ends, a header row), one row per highlight and topic
 * as QDA tools lay them out, a highlight without topics on one row with an empty topic. Documents in library order,
 * highlights in text order, topics in codebook order. `document` is the document's id; `start`/`end` count UTF-16
 * code units of the document's text, as the notebook file does; `party` is the party's name; `note` is the Markdown
 * as written. `links` lists the passage's links both ways, `; `-separated, each naming the other passage:
 * `rebuts ¶11 “the Crown Prosecuting Service…”`, with the other document's title when it is another document. The
 * text is UTF-8 without a byte order mark (spreadsheets that want one can be given it when saving).
 */
export function exportCsv(nb: Notebook): string {
  const links = csvLinks(nb);
  const topicById = new Map(nb.topics.map((t) => [t.id, t]));
  const partyById = new Map(nb.parties.map((p) => [p.id, p]));
  const byDocument = new Map<string, Annotation[]>();
  for (const annotation of nb.annotations) {
    const list = byDocument.get(annotation.documentId) ?? [];
    list.push(annotation);
    byDocument.set(annotation.documentId, list);
  }
  const rows: string[] = [CSV_COLUMNS.join(',')];
  for (const doc of nb.documents) {
    const annotations = (byDocument.get(doc.id) ?? []).sort(byTextOrder);
    for (const annotation of annotations) {
      // A passage on an earlier version is placed in that version's text, and its paragraph says which.
      const layout = layoutOf(nb, annotation, doc);
      const version = versionSuffix(annotation);
      const topics = topicsOfAnnotation(topicById, annotation);
      const party = annotation.partyId ? partyById.get(annotation.partyId) : undefined;
      for (const topic of topics.length > 0 ? topics : [null]) {
        rows.push(
          [
            csvCell(doc.id),
            csvCell(doc.title),
            isInCaption(layout, annotation.target.start) || version !== ''
              ? csvCell(paragraphLabel(layout, annotation.target.start).replace('¶', '') + version)
              : String(paragraphNumber(layout, annotation.target.start)),
            String(annotation.target.start),
            String(annotation.target.end),
            csvCell(annotation.target.exact),
            csvCell(topic?.path ?? ''),
            csvCell(party?.name ?? ''),
            csvCell(annotation.stance ?? ''),
            csvCell(annotation.note),
            csvCell(annotation.createdAt),
            csvCell(annotation.updatedAt),
            csvCell(links.get(annotation.id)?.join('; ') ?? ''),
            pageCell(layout, annotation.target.start, annotation.target.end),
          ].join(','),
        );
      }
    }
  }
  return rows.join('\r\n') + '\r\n';
}

/**
 * Each passage's links as CSV text, by passage id: its own first, in the order made, then those to it, in notebook
 * order (as the app lists them). Empty when the notebook has none.
 */
function csvLinks(nb: Notebook): Map<string, string[]> {
  return linkTexts(nb, ({ from, label, other, doc, place }) => {
    const words = other.target.exact.replace(/\s+/g, ' ').trim().split(' ');
    const quote = words.length > 8 ? `${words.slice(0, 8).join(' ')}…` : words.join(' ');
    const where = other.documentId === from.documentId ? '' : `${documentTitle(doc.title)} `;
    return `${label} ${where}${place} “${quote}”`;
  });
}

/** The page column: `4`, or `4-5` across a page break, for a document read from pages; empty for any other. */
function pageCell(doc: Parameters<typeof placeLabel>[0], start: number, end: number): string {
  const first = pageAt(doc, start);
  if (first === null) return '';
  const last = pageAt(doc, Math.max(start, end - 1)) ?? first;
  return last > first ? `${first}-${last}` : String(first);
}
