/**
 * One document's highlights as a Markdown file a researcher can keep, read as plain text, or open in any CommonMark
 * viewer: front matter for tools, then the passages grouped by topic, each quoted exactly with the party whose
 * position it is, its stance, paragraph number and tags (`> — Russia · refusal · ¶9 · #extradition`), followed by
 * the note as the user wrote it.
 */
import {
  ParleyError,
  paragraphNumber,
  type Annotation,
  type Notebook,
  type ParleyDocument,
  type Party,
  type Topic,
} from './model';
import {
  blockQuote,
  containMarkdown,
  escapeHeading,
  escapeInline,
  yamlString,
  yamlStringList,
} from './markdown-text';
import { compareTopicPaths } from './topics';

/** Heading of the group of highlights that have no topic. */
export const UNTAGGED_HEADING = 'Untagged';

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Highlights in the order their passages appear in the text. */
export function byTextOrder(a: Annotation, b: Annotation): number {
  return (
    a.target.start - b.target.start ||
    a.target.end - b.target.end ||
    compareCodeUnits(a.createdAt, b.createdAt) ||
    compareCodeUnits(a.id, b.id)
  );
}

/** `#iran/nuclear`; blanks inside a path become `-` so the tag stays one word. */
export function tagLabel(path: string): string {
  return '#' + escapeInline(path.trim().replace(/\s+/g, '-'));
}

/** `Source: RT · Published: 2009-11-02`, with the source linked when the document has a web address. */
export function sourceLine(doc: ParleyDocument): string | null {
  const parts: string[] = [];
  const url = /^https?:\/\/[^\s<>]+$/i.test(doc.url.trim()) ? doc.url.trim() : '';
  const source = escapeInline(doc.source.replace(/\s+/g, ' ').trim());
  if (source && url) parts.push(`Source: [${source}](<${url}>)`);
  else if (source) parts.push(`Source: ${source}`);
  else if (url) parts.push(`Source: <${url}>`);
  const published = escapeInline(doc.published.trim());
  if (published) parts.push(`Published: ${published}`);
  return parts.length > 0 ? parts.join(' · ') : null;
}

/**
 * What a long export looks up again and again, worked out once for the whole notebook: topics and parties by id,
 * codebook order, and each topic's tag and each party's name as written.
 */
export interface ExportLookups {
  topicById: ReadonlyMap<string, Topic>;
  order: ReadonlyMap<string, number>;
  partyById: ReadonlyMap<string, Party>;
  tagLabels: Map<string, string>;
  partyNames: Map<string, string>;
}

export function exportLookups(nb: Notebook): ExportLookups {
  const partyById = new Map<string, Party>();
  // The first party of an id wins, as `find` would have it.
  for (const party of nb.parties) if (!partyById.has(party.id)) partyById.set(party.id, party);
  const topicById = new Map(nb.topics.map((t) => [t.id, t]));
  return {
    topicById,
    order: codebookOrder(nb.topics),
    partyById,
    tagLabels: new Map(),
    partyNames: new Map(),
  };
}

function cachedTagLabel(path: string, lookups: ExportLookups | undefined): string {
  if (!lookups) return tagLabel(path);
  let label = lookups.tagLabels.get(path);
  if (label === undefined) {
    label = tagLabel(path);
    lookups.tagLabels.set(path, label);
  }
  return label;
}

function partyName(nb: Notebook, partyId: string, lookups: ExportLookups | undefined): string | undefined {
  if (!lookups) {
    const party = nb.parties.find((p) => p.id === partyId);
    return party ? escapeInline(party.name.replace(/\s+/g, ' ').trim()) : undefined;
  }
  let name = lookups.partyNames.get(partyId);
  if (name === undefined) {
    const party = lookups.partyById.get(partyId);
    if (!party) return undefined;
    name = escapeInline(party.name.replace(/\s+/g, ' ').trim());
    lookups.partyNames.set(partyId, name);
  }
  return name;
}

/** Appends one highlight's lines to `out`; see highlightBlock. */
function pushHighlightBlock(
  out: string[],
  nb: Notebook,
  doc: ParleyDocument,
  annotation: Annotation,
  topics: readonly Topic[],
  lookups?: ExportLookups,
): void {
  const lines = blockQuote(annotation.target.exact);
  for (const line of lines) out.push(line);
  let attribution = '';
  const party = annotation.partyId ? partyName(nb, annotation.partyId, lookups) : undefined;
  if (party) attribution = party;
  const stance = annotation.stance?.replace(/\s+/g, ' ').trim();
  if (stance) attribution += (attribution ? ' · ' : '') + escapeInline(stance);
  attribution += `${attribution ? ' · ' : ''}¶${paragraphNumber(doc, annotation.target.start)}`;
  if (topics.length > 0) {
    let tags = '';
    for (const topic of topics) tags += (tags ? ' ' : '') + cachedTagLabel(topic.path, lookups);
    attribution += ' · ' + tags;
  }
  if (lines.length > 0) out.push('>');
  out.push(`> — ${attribution}`);
  const note = containMarkdown(annotation.note);
  if (note.trim() !== '') out.push('', note);
}

/** One highlight: its quote, the attribution line (party · stance · ¶N · tags) and its note. */
export function highlightBlock(
  nb: Notebook,
  doc: ParleyDocument,
  annotation: Annotation,
  topics: readonly Topic[],
  lookups?: ExportLookups,
): string[] {
  const lines: string[] = [];
  pushHighlightBlock(lines, nb, doc, annotation, topics, lookups);
  return lines;
}

/**
 * The topics of a highlight that the notebook knows, in codebook order. `order` (from codebookOrder) saves
 * comparing paths again for each highlight of a long export.
 */
export function topicsOfAnnotation(
  topicById: ReadonlyMap<string, Topic>,
  annotation: Annotation,
  order?: ReadonlyMap<string, number>,
): Topic[] {
  const topics = [...new Set(annotation.topicIds)]
    .map((id) => topicById.get(id))
    .filter((t): t is Topic => t !== undefined);
  if (topics.length < 2) return topics;
  return order
    ? topics.sort((a, b) => order.get(a.id)! - order.get(b.id)!)
    : topics.sort((a, b) => compareTopicPaths(a.path, b.path));
}

/** Each topic's place in codebook order, by id. */
export function codebookOrder(topics: readonly Topic[]): Map<string, number> {
  return new Map(
    [...topics].sort((a, b) => compareTopicPaths(a.path, b.path)).map((topic, rank) => [topic.id, rank]),
  );
}

function findDocument(nb: Notebook, documentId: string): ParleyDocument {
  const doc = nb.documents.find((d) => d.id === documentId);
  if (!doc) throw new ParleyError(`There is no document ${documentId} in this notebook.`, 'not-found');
  return doc;
}

interface DocumentSections {
  doc: ParleyDocument;
  title: string;
  annotations: Annotation[];
  topicPaths: string[];
  /** The lines, appended to `into` when given (and returned). */
  lines: (depth: number, into?: string[]) => string[];
}

/**
 * A document's export without front matter; `lines(1)` starts with `# Title`, `lines(2)` with `## Title`.
 * `ofDocument`, when given, is the document's annotations (an export of many documents groups them once).
 */
function documentSections(
  nb: Notebook,
  doc: ParleyDocument,
  ofDocument?: readonly Annotation[],
  lookups?: ExportLookups,
): DocumentSections {
  const topicById = lookups?.topicById ?? new Map(nb.topics.map((t) => [t.id, t]));
  const order = lookups?.order ?? codebookOrder(nb.topics);
  const annotations = (ofDocument ?? nb.annotations.filter((a) => a.documentId === doc.id))
    .slice()
    .sort(byTextOrder);
  const topicsOf = new Map<Annotation, Topic[]>();
  const groups = new Map<string, { topic: Topic; annotations: Annotation[] }>();
  const untagged: Annotation[] = [];
  for (const annotation of annotations) {
    const topics = topicsOfAnnotation(topicById, annotation, order);
    topicsOf.set(annotation, topics);
    if (topics.length === 0) untagged.push(annotation);
    for (const topic of topics) {
      const group = groups.get(topic.id) ?? { topic, annotations: [] };
      group.annotations.push(annotation);
      groups.set(topic.id, group);
    }
  }
  // Codebook rank orders distinct paths as compareTopicPaths does; equal paths keep their first-seen order.
  const ordered = [...groups.values()].sort((a, b) =>
    a.topic.path === b.topic.path ? 0 : order.get(a.topic.id)! - order.get(b.topic.id)!,
  );
  const title = doc.title.replace(/\s+/g, ' ').trim() || 'Untitled';

  const lines = (depth: number, into: string[] = []): string[] => {
    const h = '#'.repeat(depth);
    const out = into;
    out.push(`${h} ${escapeHeading(title)}`);
    const meta = sourceLine(doc);
    if (meta) out.push('', meta);
    const sections: { heading: string; annotations: Annotation[] }[] = ordered.map((g) => ({
      heading: escapeHeading(g.topic.path),
      annotations: g.annotations,
    }));
    if (untagged.length > 0) sections.push({ heading: UNTAGGED_HEADING, annotations: untagged });
    if (sections.length === 0) out.push('', 'No highlights yet.');
    for (const section of sections) {
      out.push('', `${h}# ${section.heading}`);
      for (const annotation of section.annotations) {
        out.push('');
        pushHighlightBlock(out, nb, doc, annotation, topicsOf.get(annotation) ?? [], lookups);
      }
    }
    return out;
  };
  return { doc, title, annotations, topicPaths: ordered.map((g) => g.topic.path), lines };
}

/**
 * One document's section of a larger export: what exportDocumentMarkdown writes after its front matter, with every
 * heading at `depth` and below (`depth` 2: `## Title`, `### topic`). No trailing newline. `annotations`, when
 * given, must be exactly the document's own (see annotationsByDocument).
 */
export function documentMarkdownSection(
  nb: Notebook,
  documentId: string,
  depth: number,
  annotations?: readonly Annotation[],
  lookups?: ExportLookups,
): string {
  return documentSections(nb, findDocument(nb, documentId), annotations, lookups).lines(depth).join('\n');
}

/**
 * Appends the lines of documentMarkdownSection to `out` instead of joining them, for an export of many documents
 * that joins everything once.
 */
export function pushDocumentMarkdownSection(
  out: string[],
  nb: Notebook,
  documentId: string,
  depth: number,
  annotations: readonly Annotation[],
  lookups: ExportLookups,
): void {
  documentSections(nb, findDocument(nb, documentId), annotations, lookups).lines(depth, out);
}

/** Each document's annotations, in one pass over the notebook. */
export function annotationsByDocument(nb: Notebook): Map<string, Annotation[]> {
  const byDocument = new Map<string, Annotation[]>();
  for (const annotation of nb.annotations) {
    const list = byDocument.get(annotation.documentId);
    if (list) list.push(annotation);
    else byDocument.set(annotation.documentId, [annotation]);
  }
  return byDocument;
}

export function exportDocumentMarkdown(nb: Notebook, documentId: string, options: { now: Date }): string {
  const doc = findDocument(nb, documentId);
  const sections = documentSections(nb, doc);
  const out: string[] = [
    '---',
    `title: ${yamlString(doc.title.trim() === '' ? sections.title : doc.title)}`,
    `source: ${yamlString(doc.source)}`,
    `published: ${yamlString(doc.published)}`,
    `topics: ${yamlStringList(sections.topicPaths)}`,
    `highlights: ${sections.annotations.length}`,
    `exported: ${yamlString(options.now.toISOString())}`,
    '---',
    '',
    ...sections.lines(1),
  ];
  return out.join('\n') + '\n';
}
