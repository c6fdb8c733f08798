/**
 * The Markdown exports, each a file a researcher can keep, read as plain text, or open in any CommonMark viewer or
 * Obsidian: one document, a topic (with its subtopics) across every document, and the whole notebook as one file
 * or as one file per document. The pieces they share are in markdown-blocks.ts.
 *
 * One document's file: front matter for tools (the title first: the body has no `#` heading, as markdownlint's MD025
 * and MD041, Pandoc, Jekyll and Hugo expect), the source and the document's own note, then the passages grouped by
 * topic under `##` headings, each quoted exactly with the party whose position it is, its stance, paragraph number,
 * tags and an Obsidian block id (`> — Russia · refusal · ¶9 · #extradition ^p9-his-extradition-to`; a document
 * read from pages cites the page, `p. 4`, and with `cite: 'pandoc'` a Pandoc citation follows the tags), its links to
 * other passages (`→ rebuts ¶11 “…” [[#^p11-the-crown-prosecuting]]`), and the note in the user's own Markdown with
 * any raw HTML, and any link the app would not open, shown as text. The files pass markdownlint's default rules but
 * line length (MD013).
 */
import { ParleyError, type Annotation, type Notebook, type Topic } from '../../../shared/model';
import { escapeLine, yamlString, yamlStringList } from '../markdown-text';
import { compareTopicPaths, topicPathKey } from '../topics';
import { safeFileStem } from './file-name';
import type { CiteStyle } from './pandoc-cite';
import {
  ExportFile,
  annotationsByDocument,
  byTextOrder,
  documentSections,
  documentTitle,
  exportLookups,
  findDocument,
  pushDocumentMarkdownSection,
  pushHighlightBlocks,
  sourceLine,
  topicsOfAnnotation,
} from './markdown-blocks';

/**
 * What every Markdown export is asked: when it is (the front matter's `exported`), and whether each quote is cited
 * in Pandoc's form after its attribution (`[@rt2009miliband, ¶ 9]`, `[@key, p. 4]`; default none).
 */
export interface MarkdownExportOptions {
  now: Date;
  cite?: CiteStyle;
}

export function exportDocumentMarkdown(
  nb: Notebook,
  documentId: string,
  options: MarkdownExportOptions,
): string {
  const doc = findDocument(nb, documentId);
  const sections = documentSections(nb, doc);
  // The title is the front matter's alone, as markdownlint (MD025, MD041), Pandoc, Jekyll and Hugo read it: the
  // body opens with the source line, and topics are `##` headings.
  const out: string[] = [
    '---',
    `title: ${yamlString(doc.title.trim() === '' ? 'Untitled' : doc.title)}`,
    `source: ${yamlString(doc.source)}`,
    `url: ${yamlString(doc.url)}`,
    // The byline as the page shows it; a PDF's or Word file's has none, and its citation's authors stand there.
    `author: ${yamlString(doc.byline.trim() === '' ? doc.authors.join('; ') : doc.byline)}`,
    `published: ${yamlString(doc.published)}`,
    `topics: ${yamlStringList(sections.topicPaths)}`,
    `highlights: ${sections.annotations.length}`,
    `exported: ${yamlString(options.now.toISOString())}`,
    '---',
  ];
  sections.lines(1, out, new ExportFile(nb, options.cite), false);
  return out.join('\n') + '\n';
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
export function exportTopicMarkdown(nb: Notebook, topicId: string, options: MarkdownExportOptions): string {
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
  const file = new ExportFile(nb, options.cite);
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
export function exportNotebookMarkdown(nb: Notebook, options: MarkdownExportOptions): string {
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
  const file = new ExportFile(nb, options.cite);
  out.push(`# ${file.heading('Notebook')}`);
  if (nb.documents.length === 0) out.push('', 'No documents yet.');
  const byDocument = annotationsByDocument(nb);
  const lookups = exportLookups(nb);
  // Every passage's id first, so a link can point to a passage further down the file.
  if (file.hasLinks) for (const doc of nb.documents) file.addDocument(doc, byDocument.get(doc.id) ?? []);
  // Each document's lines are joined on their own, while they are young: one array of every line of a large
  // notebook (a million) would outlive the collector's young generation and be copied and joined whole.
  for (const doc of nb.documents) {
    const lines: string[] = [];
    pushDocumentMarkdownSection(lines, nb, doc, 2, byDocument.get(doc.id) ?? [], lookups, file);
    out.push('', lines.join('\n'));
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
  options: MarkdownExportOptions,
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
