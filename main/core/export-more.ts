/**
 * Exports wider than one document: a topic (with its subtopics) across every document, the whole notebook as one
 * Markdown file or as one file per document, and a CSV of highlights for spreadsheets and QDA tools. The Markdown
 * pieces are the document export's own, so a passage reads the same in every export.
 */
import {
  ExportFile,
  annotationsByDocument,
  byTextOrder,
  exportDocumentMarkdown,
  exportLookups,
  pushDocumentMarkdownSection,
  pushHighlightBlocks,
  safeFileStem,
  sourceLine,
  topicsOfAnnotation,
} from './export-markdown';

export { safeFileStem };
import { ParleyError, paragraphNumber, type Annotation, type Notebook, type Topic } from '../../shared/model';
import { escapeLine, yamlString, yamlStringList } from './markdown-text';
import { linkTexts } from './links';
import { compareTopicPaths, topicPathKey } from './topics';

function documentTitle(title: string): string {
  return title.replace(/\s+/g, ' ').trim() || 'Untitled';
}

/** The topic and the topics under it by path, in codebook order. */
function topicSubtree(nb: Notebook, topic: Topic): Topic[] {
  const key = topicPathKey(topic.path);
  return nb.topics
    .filter((t) => {
      const k = topicPathKey(t.path);
      return k === key || k.startsWith(key + '/');
    })
    .sort((a, b) => compareTopicPaths(a.path, b.path));
}

/**
 * The passages of one topic and its subtopics across all documents: front matter, `# Topic: path` with the topic's
 * description, then a section per document (library order) and within it one per topic of the subtree that has
 * passages (codebook order). A passage tagged with two topics of the subtree is quoted under each.
 */
export function exportTopicMarkdown(nb: Notebook, topicId: string, options: { now: Date }): string {
  const topic = nb.topics.find((t) => t.id === topicId);
  if (!topic) throw new ParleyError(`There is no topic ${topicId} in this notebook.`, 'not-found');
  const subtree = topicSubtree(nb, topic);
  const inSubtree = new Set(subtree.map((t) => t.id));
  const topicById = new Map(nb.topics.map((t) => [t.id, t]));

  const byDocument = new Map<string, Annotation[]>();
  for (const annotation of nb.annotations) {
    if (!annotation.topicIds.some((id) => inSubtree.has(id))) continue;
    const list = byDocument.get(annotation.documentId) ?? [];
    list.push(annotation);
    byDocument.set(annotation.documentId, list);
  }
  const documents = nb.documents.filter((d) => byDocument.has(d.id));
  const highlights = documents.reduce((n, d) => n + byDocument.get(d.id)!.length, 0);
  const usedTopics = subtree.filter((t) =>
    documents.some((d) => byDocument.get(d.id)!.some((a) => a.topicIds.includes(t.id))),
  );

  // No `title` key: markdownlint (MD025) would count it as a second top heading beside `# Topic: …`.
  const out: string[] = [
    '---',
    `topic: ${yamlString(topic.path)}`,
    `topics: ${yamlStringList(usedTopics.map((t) => t.path))}`,
    `documents: ${yamlStringList(documents.map((d) => documentTitle(d.title)))}`,
    `highlights: ${highlights}`,
    `exported: ${yamlString(options.now.toISOString())}`,
    '---',
    '',
  ];
  const file = new ExportFile(nb);
  out.push(`# ${file.heading(`Topic: ${topic.path}`)}`);
  // With links every passage's id comes first, so a link can name one further down the file.
  if (file.hasLinks) for (const doc of documents) file.addDocument(doc, byDocument.get(doc.id)!);
  const description = topic.description
    .split(/\r\n|\r|\n/)
    .map((line) => escapeLine(line))
    .join('\n')
    .trim();
  if (description !== '') out.push('', description);
  if (documents.length === 0) out.push('', 'No highlights for this topic yet.');

  for (const doc of documents) {
    const annotations = byDocument.get(doc.id)!.sort(byTextOrder);
    out.push('', `## ${file.heading(documentTitle(doc.title))}`);
    const meta = sourceLine(doc);
    if (meta) out.push('', meta);
    for (const sub of subtree) {
      const passages = annotations.filter((a) => a.topicIds.includes(sub.id));
      if (passages.length === 0) continue;
      out.push('', `### ${file.heading(sub.path, documentTitle(doc.title))}`);
      pushHighlightBlocks(
        out,
        nb,
        doc,
        passages,
        (annotation) => topicsOfAnnotation(topicById, annotation),
        undefined,
        file,
      );
    }
  }
  return out.join('\n') + '\n';
}

/**
 * The whole notebook in one file: one front matter (title "Notebook", the documents, topics and highlight count),
 * `# Notebook`, then each document as its own export writes it after the front matter, headings one level down.
 */
export function exportNotebookMarkdown(nb: Notebook, options: { now: Date }): string {
  const used = new Set<string>();
  for (const annotation of nb.annotations) for (const id of annotation.topicIds) used.add(id);
  const topics = nb.topics
    .filter((t) => used.has(t.id))
    .map((t) => t.path)
    .sort(compareTopicPaths);
  const known = new Set(nb.documents.map((d) => d.id));
  const out: string[] = [
    '---',
    `documents: ${yamlStringList(nb.documents.map((d) => documentTitle(d.title)))}`,
    `topics: ${yamlStringList(topics)}`,
    `highlights: ${nb.annotations.filter((a) => known.has(a.documentId)).length}`,
    `exported: ${yamlString(options.now.toISOString())}`,
    '---',
    '',
  ];
  const file = new ExportFile(nb);
  out.push(`# ${file.heading('Notebook')}`);
  if (nb.documents.length === 0) out.push('', 'No documents yet.');
  const byDocument = annotationsByDocument(nb);
  const lookups = exportLookups(nb);
  // Every passage's id first, so a link can point to a passage further down the file.
  if (file.hasLinks) for (const doc of nb.documents) file.addDocument(doc, byDocument.get(doc.id) ?? []);
  for (const doc of nb.documents) {
    out.push('');
    pushDocumentMarkdownSection(out, nb, doc.id, 2, byDocument.get(doc.id) ?? [], lookups, file);
  }
  return out.join('\n') + '\n';
}

/**
 * One Markdown file per document (library order), each the document's own export; names come from the titles,
 * made safe and unique ignoring case and Unicode form (as macOS and Windows compare names): "Title.md",
 * "Title (2).md", …
 */
export function exportNotebookFiles(
  nb: Notebook,
  options: { now: Date },
): Array<{ fileName: string; markdown: string }> {
  const taken = new Set<string>();
  return nb.documents.map((doc) => {
    const stem = safeFileStem(doc.title);
    let fileName = `${stem}.md`;
    for (let n = 2; taken.has(fileName.normalize('NFC').toLowerCase()); n++) fileName = `${stem} (${n}).md`;
    taken.add(fileName.normalize('NFC').toLowerCase());
    return { fileName, markdown: exportDocumentMarkdown(nb, doc.id, options) };
  });
}

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
      const topics = topicsOfAnnotation(topicById, annotation);
      const party = annotation.partyId ? partyById.get(annotation.partyId) : undefined;
      for (const topic of topics.length > 0 ? topics : [null]) {
        rows.push(
          [
            csvCell(doc.id),
            csvCell(doc.title),
            String(paragraphNumber(doc, annotation.target.start)),
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
  return linkTexts(nb, ({ from, label, other, doc }) => {
    const words = other.target.exact.replace(/\s+/g, ' ').trim().split(' ');
    const quote = words.length > 8 ? `${words.slice(0, 8).join(' ')}…` : words.join(' ');
    const where = other.documentId === from.documentId ? '' : `${documentTitle(doc.title)} `;
    return `${label} ${where}¶${paragraphNumber(doc, other.target.start)} “${quote}”`;
  });
}
