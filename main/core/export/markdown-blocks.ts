/**
 * The pieces every Markdown export is made of, so a passage reads the same in each: a highlight's block (its exact
 * quote, the party whose position it is, stance, paragraph number, tags and an Obsidian block id, its links and
 * note), a document's sections grouped by topic, and the block ids and headings one file hands out.
 */
import {
  ParleyError,
  paragraphNumber,
  type Annotation,
  type Notebook,
  type ParleyDocument,
  type Party,
  type Topic,
} from '../../../shared/model';
import { blockQuote, escapeHeading, escapeInline, noteMarkdown, oneLine, quoteEnds } from '../markdown-text';
import { layoutOf, placeOf } from '../versions/on-version';
import { linkEnds, type LinkEnd } from '../links';
import { compareTopicPaths } from '../topics';
import { safeFileStem } from './file-name';
import { pandocCitation, type CiteStyle } from './pandoc-cite';

/** Heading of the group of highlights that have no topic. */
export const UNTAGGED_HEADING = 'Untagged';

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A document's title on one line, "Untitled" when blank, as headings and lists of documents show it. */
export function documentTitle(title: string): string {
  return title.replace(/\s+/g, ' ').trim() || 'Untitled';
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

/** `Source: RT · By: Jane Doe · Published: 2009-11-02`, the source linked when the document has a web address. */
export function sourceLine(doc: ParleyDocument): string | null {
  const parts: string[] = [];
  const url = /^https?:\/\/[^\s<>]+$/i.test(doc.url.trim()) ? doc.url.trim() : '';
  const source = escapeInline(doc.source.replace(/\s+/g, ' ').trim());
  if (source && url) parts.push(`Source: [${source}](<${url}>)`);
  else if (source) parts.push(`Source: ${source}`);
  else if (url) parts.push(`Source: <${url}>`);
  const author = escapeInline(doc.byline.replace(/\s+/g, ' ').trim());
  if (author) parts.push(`By: ${author}`);
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
  /** Each stance as written, by the stance as stored. */
  stanceLabels: Map<string, string>;
  /** Each highlight's note as written, for a highlight quoted under more than one topic. */
  notes: Map<Annotation, string>;
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
    stanceLabels: new Map(),
    notes: new Map(),
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

function stanceLabel(stance: string, lookups: ExportLookups | undefined): string {
  let label = lookups?.stanceLabels.get(stance);
  if (label === undefined) {
    const oneSpaced = stance.replace(/\s+/g, ' ').trim();
    label = oneSpaced ? escapeInline(oneSpaced) : '';
    lookups?.stanceLabels.set(stance, label);
  }
  return label;
}

/** The note as written; one quoted under several topics is worked out once. */
function writtenNote(annotation: Annotation, topics: number, lookups: ExportLookups | undefined): string {
  if (topics < 2 || !lookups) return noteMarkdown(annotation.note);
  let note = lookups.notes.get(annotation);
  if (note === undefined) {
    note = noteMarkdown(annotation.note);
    lookups.notes.set(annotation, note);
  }
  return note;
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

const NO_LINES: readonly string[] = [];

/**
 * Appends one highlight's lines to `out` (see highlightBlock); true when they end with the quote itself, with no
 * link or note after it.
 */
function pushHighlightBlock(
  out: string[],
  nb: Notebook,
  doc: ParleyDocument,
  annotation: Annotation,
  topics: readonly Topic[],
  lookups?: ExportLookups,
  file?: ExportFile,
): boolean {
  const lines = blockQuote(annotation.target.exact);
  for (const line of lines) out.push(line);
  let attribution = '';
  const party = annotation.partyId ? partyName(nb, annotation.partyId, lookups) : undefined;
  if (party) attribution = party;
  const stance = annotation.stance ? stanceLabel(annotation.stance, lookups) : '';
  if (stance) attribution += (attribution ? ' · ' : '') + stance;
  const { start, end } = annotation.target;
  // A passage on an earlier version is placed in that version: `¶4, version 1`.
  attribution += `${attribution ? ' · ' : ''}${placeOf(nb, annotation, doc)}`;
  // Who made it, in a team notebook: `¶9 · by Ana`.
  const author = annotation.author?.replace(/\s+/g, ' ').trim();
  if (author) attribution += ` · by ${escapeInline(author)}`;
  if (topics.length > 0) {
    let tags = '';
    for (const topic of topics) tags += (tags ? ' ' : '') + cachedTagLabel(topic.path, lookups);
    attribution += ' · ' + tags;
  }
  // The Pandoc citation follows the attribution; the block id stays last, where Obsidian looks for it.
  if (file?.cite === 'pandoc') {
    attribution += ` ${pandocCitation(doc, start, end, layoutOf(nb, annotation, doc))}`;
  }
  // Obsidian takes a block id at the end of a quote's last line; only the passage's first quotation carries it.
  const blockId = file?.take(annotation, doc);
  if (blockId !== undefined) attribution += ` ^${blockId}`;
  if (lines.length > 0) out.push('>');
  out.push(`> — ${attribution}`);
  const links = file ? file.linkLines(annotation) : NO_LINES;
  for (const line of links) out.push('', line);
  const note = writtenNote(annotation, topics.length, lookups);
  if (note.trim() === '') return links.length === 0;
  const quotes = quoteEnds(note);
  // A note that opens with a quote would read as more of the passage's quote (markdownlint MD028).
  if (quotes.first && links.length === 0) out.push('', '---');
  out.push('', note);
  return quotes.last;
}

/**
 * Appends the highlights of one section, each after a blank line; a quote right after a quote (a passage with no
 * links or note, or a note that ends with a quote) is parted from it by a thematic break, as a blank line alone
 * would read as a gap inside one quote (markdownlint's MD028).
 */
export function pushHighlightBlocks(
  out: string[],
  nb: Notebook,
  doc: ParleyDocument,
  annotations: readonly Annotation[],
  topicsOf: (annotation: Annotation) => readonly Topic[],
  lookups?: ExportLookups,
  file?: ExportFile,
): void {
  let endsWithQuote = false;
  for (const annotation of annotations) {
    // One entry for the blank, the break and the blank after it, as the export joins lines with `\n`.
    out.push(endsWithQuote ? '\n---\n' : '');
    endsWithQuote = pushHighlightBlock(out, nb, doc, annotation, topicsOf(annotation), lookups, file);
  }
}

/**
 * One highlight: its quote, the attribution line (party · stance · ¶N or p. N · by its author · tags, then with
 * `file` its Pandoc citation when the file cites and its block id), its links (with `file`) and its note.
 */
export function highlightBlock(
  nb: Notebook,
  doc: ParleyDocument,
  annotation: Annotation,
  topics: readonly Topic[],
  lookups?: ExportLookups,
  file?: ExportFile,
): string[] {
  const lines: string[] = [];
  pushHighlightBlock(lines, nb, doc, annotation, topics, lookups, file);
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

export function findDocument(nb: Notebook, documentId: string): ParleyDocument {
  const doc = nb.documents.find((d) => d.id === documentId);
  if (!doc) throw new ParleyError(`There is no document ${documentId} in this notebook.`, 'not-found');
  return doc;
}

interface DocumentSections {
  doc: ParleyDocument;
  title: string;
  annotations: Annotation[];
  topicPaths: string[];
  /**
   * The lines, appended to `into` when given (and returned); without `titled`, no title heading (the front matter
   * has the title) and the topics still a level below `depth`.
   */
  lines: (depth: number, into?: string[], file?: ExportFile, titled?: boolean) => string[];
}

/**
 * A document's export without front matter; `lines(1)` starts with `# Title`, `lines(2)` with `## Title`, and
 * `lines(1, out, file, false)` with the source line (the single export, whose title is in the front matter).
 * `ofDocument`, when given, is the document's annotations (an export of many documents groups them once).
 */
export function documentSections(
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

  const lines = (depth: number, into: string[] = [], file?: ExportFile, titled = true): string[] => {
    const h = '#'.repeat(depth);
    const out = into;
    if (titled) out.push(`${h} ${file ? file.heading(title) : escapeHeading(title)}`);
    const meta = sourceLine(doc);
    if (meta) out.push('', meta);
    const note = noteMarkdown(doc.note);
    if (note.trim() !== '') out.push('', note);
    // With links, ids go in text order before any is written, so a link can name one further down; without, each
    // passage gets its id where it is first quoted.
    if (file?.hasLinks) file.addDocument(doc, annotations, true);
    const heading = (text: string) => (file ? file.heading(text, title) : escapeHeading(text));
    const sections: { heading: string; annotations: Annotation[] }[] = ordered.map((g) => ({
      heading: heading(g.topic.path),
      annotations: g.annotations,
    }));
    if (untagged.length > 0) sections.push({ heading: heading(UNTAGGED_HEADING), annotations: untagged });
    if (sections.length === 0) out.push('', 'No highlights yet.');
    for (const section of sections) {
      out.push('', `${h}# ${section.heading}`);
      pushHighlightBlocks(
        out,
        nb,
        doc,
        section.annotations,
        (annotation) => topicsOf.get(annotation) ?? [],
        lookups,
        file,
      );
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
  doc: ParleyDocument,
  depth: number,
  annotations: readonly Annotation[],
  lookups: ExportLookups,
  file?: ExportFile,
): void {
  documentSections(nb, doc, annotations, lookups).lines(depth, out, file);
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

/** Obsidian allows letters, digits and dashes in a block id; the words come from the quote's Latin letters. */
function blockIdBase(doc: ParleyDocument, annotation: Annotation): string {
  // The first words are all it needs (what 60 characters hold): a long quote is not read whole, and only accented
  // Latin letters need normalizing (é → e), not typographic quotes or dashes. One id per passage of a whole-notebook
  // export: words are found by character code.
  let head = annotation.target.exact.slice(0, 60);
  if (ACCENTED.test(head)) head = head.normalize('NFKD');
  let id = `p${paragraphNumber(doc, annotation.target.start)}`;
  let words = 0;
  let start = -1;
  for (let i = 0; i <= head.length && words < 3; i++) {
    const c = i < head.length ? head.charCodeAt(i) : 0;
    const wordChar = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
    if (wordChar && start < 0) start = i;
    else if (!wordChar && start >= 0) {
      id += `-${head.slice(start, i).toLowerCase()}`;
      words++;
      start = -1;
    }
  }
  return id;
}

/** Latin letters with diacritics, and fullwidth forms, which NFKD turns into ASCII letters and marks. */
const ACCENTED = /[\u00c0-\u024f\u1e00-\u1eff\uff10-\uff5a]/;

/** Blanks made one space and trimmed, without a new string when there is nothing to do. */
function oneSpaced(text: string): string {
  return /\s\s|[\t\n\r\f\v\u00a0\u2028\u2029]|^\s|\s$/.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
}

/**
 * The block ids of one Markdown file: `p9-his-extradition-to` (paragraph number and the quote's first words),
 * unique within the file (`-2`, `-3` after a repeat). When the notebook has links, a document's highlights get
 * theirs in text order before any is written, so a document's own export names a passage as the files that link
 * to it do.
 */
export class BlockIds {
  private readonly taken = new Set<string>();
  private readonly ids = new Map<string, string>();
  /**
   * The next number to try after a base that repeats: every number below it was taken, and what is taken stays
   * taken, so a base that a thousand passages share is not tried from 2 each time (a file of many stays linear).
   */
  private readonly nextNumber = new Map<string, number>();

  /** Gives ids to the document's highlights that have none, in text order (`sorted`: they come in text order). */
  addDocument(doc: ParleyDocument, annotations: readonly Annotation[], sorted = false): void {
    // A document already given its ids (a notebook export with links gives them all first) is not sorted again.
    if (annotations.every((a) => this.ids.has(a.id))) return;
    for (const annotation of sorted ? annotations : [...annotations].sort(byTextOrder))
      this.idFor(doc, annotation);
  }

  /** The passage's id, given now if it has none yet. */
  idFor(doc: ParleyDocument, annotation: Annotation): string {
    return this.ids.get(annotation.id) ?? this.give(doc, annotation);
  }

  /** The passage's id when given now; nothing when it had one. */
  giveNew(doc: ParleyDocument, annotation: Annotation): string | undefined {
    return this.ids.has(annotation.id) ? undefined : this.give(doc, annotation);
  }

  private give(doc: ParleyDocument, annotation: Annotation): string {
    const base = blockIdBase(doc, annotation);
    let id = base;
    if (this.taken.has(id)) {
      let n = this.nextNumber.get(base) ?? 2;
      while (this.taken.has(`${base}-${n}`)) n++;
      id = `${base}-${n}`;
      this.nextNumber.set(base, n + 1);
    }
    this.taken.add(id);
    this.ids.set(annotation.id, id);
    return id;
  }

  get(annotationId: string): string | undefined {
    return this.ids.get(annotationId);
  }
}

/** The first few words of a quote, for naming the passage at the other end of a link. */
function excerpt(quote: string): string {
  const words = oneLine(quote).split(' ');
  return words.length > 8 ? `${words.slice(0, 8).join(' ')}…` : words.join(' ');
}

/**
 * What one Markdown file needs to write block ids and links: the ids of the passages it holds, the links of each
 * passage both ways (worked out once, and only when the notebook has any), and the ids other files give theirs.
 */
export class ExportFile {
  readonly blockIds = new BlockIds();
  private readonly written = new Set<string>();
  private readonly ends: Map<string, LinkEnd[]> | null = null;
  private readonly annotationById = new Map<string, Annotation>();
  private readonly docById = new Map<string, ParleyDocument>();
  private readonly ownIds = new Map<string, BlockIds>();
  private readonly headings = new Set<string>();
  /** escapeHeading of the parts headings are made of, as many repeat. */
  private readonly escaped = new Map<string, string>();
  /** The next number to try for a heading that repeats, by its text: a file of many repeats stays linear. */
  private readonly nextNumber = new Map<string, number>();

  /** `cite`: whether each quote's attribution is followed by a Pandoc citation (pandoc-cite.ts). */
  constructor(
    private readonly nb: Notebook,
    readonly cite: CiteStyle = 'none',
  ) {
    if (!nb.annotations.some((a) => a.links.length > 0)) return;
    for (const annotation of nb.annotations) this.annotationById.set(annotation.id, annotation);
    for (const doc of nb.documents) this.docById.set(doc.id, doc);
    this.ends = linkEnds(nb);
  }

  /**
   * A heading's text, escaped, unlike every earlier heading of the file (markdownlint's MD024): a repeat names its
   * `context` (the document it is under), then counts: `extradition (Talks in Geneva)`, `Talks (2)`.
   */
  heading(text: string, context?: string): string {
    const base = oneSpaced(text);
    let heading = base;
    let suffix = '';
    if (this.headings.has(heading) && context !== undefined) {
      suffix = oneSpaced(context) || 'Untitled';
      heading = `${base} (${suffix})`;
    }
    if (this.headings.has(heading)) {
      let n = this.nextNumber.get(base) ?? 2;
      while (this.headings.has(`${base} (${n})`)) n++;
      suffix = String(n);
      heading = `${base} (${suffix})`;
      this.nextNumber.set(base, n + 1);
    }
    this.headings.add(heading);
    // Escaped by parts (the same escapes as the whole): a blank before `(` leaves nothing to read as a closing `#`.
    return suffix === '' ? this.escape(base) : `${this.escape(base)} (${this.escape(suffix)})`;
  }

  private escape(text: string): string {
    let escaped = this.escaped.get(text);
    if (escaped === undefined) {
      escaped = escapeHeading(text);
      this.escaped.set(text, escaped);
    }
    return escaped;
  }

  /** Whether any passage of the notebook has a link. */
  get hasLinks(): boolean {
    return this.ends !== null;
  }

  /** Gives the document's passages their ids in this file (`sorted`: they come in text order). */
  addDocument(doc: ParleyDocument, annotations: readonly Annotation[], sorted = false): void {
    this.blockIds.addDocument(doc, annotations, sorted);
  }

  /** The passage's block id the first time it is quoted in the file; nothing after. */
  take(annotation: Annotation, doc: ParleyDocument): string | undefined {
    if (this.ends === null) {
      // Without links ids are given where first quoted, so one already given was written.
      return this.blockIds.giveNew(doc, annotation);
    }
    if (this.written.has(annotation.id)) return undefined;
    this.written.add(annotation.id);
    return this.blockIds.idFor(doc, annotation);
  }

  /**
   * One paragraph per link of the passage, its own and those to it: `→ rebuts ¶11 “…” [[#^p11-the-crown]]`, with
   * the other document's title, and its file in the reference, when the other passage is in another document
   * that this file does not hold.
   */
  linkLines(annotation: Annotation): readonly string[] {
    const ends = this.ends?.get(annotation.id);
    if (!ends) return NO_LINES;
    return ends.flatMap(({ label, other }) => {
      const doc = this.docById.get(other.documentId);
      if (!doc) return [];
      const paragraph = placeOf(this.nb, other, doc);
      const here = this.blockIds.get(other.id);
      const sameDocument = other.documentId === annotation.documentId;
      const title = doc.title.replace(/\s+/g, ' ').trim() || 'Untitled';
      const where = sameDocument ? paragraph : `${escapeInline(title)} ${paragraph}`;
      const ref =
        here !== undefined
          ? `[[#^${here}]]`
          : `[[${escapeInline(safeFileStem(doc.title))}#^${this.idInOwnExport(doc, other)}]]`;
      return [`→ ${label} ${where} “${escapeInline(excerpt(other.target.exact))}” ${ref}`];
    });
  }

  /** The id the passage has in its document's own export. */
  private idInOwnExport(doc: ParleyDocument, annotation: Annotation): string {
    let ids = this.ownIds.get(doc.id);
    if (!ids) {
      ids = new BlockIds();
      ids.addDocument(
        doc,
        this.nb.annotations.filter((a) => a.documentId === doc.id),
      );
      this.ownIds.set(doc.id, ids);
    }
    return ids.get(annotation.id)!;
  }
}
