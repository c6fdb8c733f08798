/**
 * The notebook's data model, declared once as schemas so that what comes off disk, over IPC or out of a W3C file
 * is checked against the same definition the types are derived from.
 *
 * Offsets: every `start`/`end` in the notebook counts UTF-16 code units of `Document.text` (JavaScript string
 * indices). The W3C Web Annotation model counts code points; conversion happens only at that boundary (main/core/w3c/).
 */
import { z } from 'zod';
import {
  MAX_ALIASES,
  MAX_BLOCK_DEPTH,
  MAX_COLOUR_LENGTH,
  MAX_DESCRIPTION_LENGTH,
  MAX_HASH_LENGTH,
  MAX_ID_LENGTH,
  MAX_LINK_TYPE_LENGTH,
  MAX_LINKS,
  MAX_LIST_NUMBER,
  MAX_NAME_LENGTH,
  MAX_SHORT_NAME_LENGTH,
  MAX_STANCE_LENGTH,
  MAX_STANCES,
  MAX_SUGGESTION_KEY_LENGTH,
  MAX_TIME_LENGTH,
  MAX_TITLE_LENGTH,
  MAX_TOPIC_PATH_LENGTH,
  MAX_TOPICS_PER_ANNOTATION,
  MAX_URL_LENGTH,
} from './limits';

export { MAX_BLOCK_DEPTH } from './limits';

export const SCHEMA_VERSION = 7;

/** Characters of context kept on each side of a quote (as the Hypothesis client does). */
export const CONTEXT_LENGTH = 32;

const id = z.string().min(1).max(MAX_ID_LENGTH);
const isoTime = z.string().min(1).max(MAX_TIME_LENGTH);

/**
 * A run of the reading text laid out as one block. Every field beyond `kind`, `start` and `end` is optional so that
 * blocks written before they existed still read; absent, a heading is level 2 (as every heading was shown before),
 * a quote or list item has depth 1, a list item is unordered. A caption (schema 5) is the words under a figure: its
 * text is part of `Document.text` like any other block's, so highlights run across it, but it stands outside the
 * article's paragraph numbering (see paragraphNumber).
 */
export const BlockSchema = z.object({
  kind: z.enum(['heading', 'paragraph', 'quote', 'list-item', 'code', 'caption', 'note']),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** Headings: 1 (`#`) to 6 (`######`). */
  level: z.number().int().min(1).max(6).optional(),
  /** Quotes: how many quotes deep (1 = `>`); list items: how many lists deep (1 = a top-level list). */
  depth: z.number().int().min(1).max(MAX_BLOCK_DEPTH).optional(),
  /** List items: a numbered list. */
  ordered: z.boolean().optional(),
  /** Items of numbered lists: the item's number. */
  number: z.number().int().min(0).max(MAX_LIST_NUMBER).optional(),
  /** List items: a further paragraph of the item before it rather than an item of its own. */
  continues: z.boolean().optional(),
  /**
   * The page (1 = the first) the block starts on, in documents read from pages (PDF, schema 6); absent elsewhere.
   * Exports cite it (`p. 4`) where they cite the paragraph (`¶4`) of other documents.
   */
  page: z.number().int().min(1).max(1_000_000).optional(),
});
export type Block = z.infer<typeof BlockSchema>;
export type BlockKind = Block['kind'];

/** The block's fields and nothing else, without the optional ones it does not have. */
export function copyBlock(block: Block): Block {
  const copy: Block = { kind: block.kind, start: block.start, end: block.end };
  if (block.level !== undefined) copy.level = block.level;
  if (block.depth !== undefined) copy.depth = block.depth;
  if (block.ordered !== undefined) copy.ordered = block.ordered;
  if (block.number !== undefined) copy.number = block.number;
  if (block.continues !== undefined) copy.continues = block.continues;
  if (block.page !== undefined) copy.page = block.page;
  return copy;
}

/** Whether a link may be followed from the reading view: web pages and e-mail addresses only. */
export function isSafeHref(href: string): boolean {
  return /^(?:https?:\/\/|mailto:)[^\s\p{Cc}]+$/iu.test(href);
}

/**
 * Inline formatting over `[start, end)` of `Document.text`: emphasis, strong emphasis, code, a link (whose target
 * is an http(s) or mailto address) or struck-out text. Marks may nest; the text is the same with or without them.
 */
export const MarkSchema = z
  .object({
    kind: z.enum(['em', 'strong', 'code', 'link', 'del']),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
    href: z.string().max(MAX_URL_LENGTH).optional(),
  })
  .refine((mark) => mark.start < mark.end, { message: 'a mark must cover at least one character' })
  .refine((mark) => (mark.kind === 'link' ? mark.href !== undefined && isSafeHref(mark.href) : true), {
    message: 'a link must lead to an http, https or mailto address',
  });
export type Mark = z.infer<typeof MarkSchema>;

/** The mark's fields and nothing else. */
export function copyMark(mark: Mark): Mark {
  const copy: Mark = { kind: mark.kind, start: mark.start, end: mark.end };
  if (mark.href !== undefined) copy.href = mark.href;
  return copy;
}

export const DocumentFormatSchema = z.enum(['text', 'markdown', 'html', 'pdf', 'docx']);
export type DocumentFormat = z.infer<typeof DocumentFormatSchema>;

/** The file a document was read from (PDF and Word imports): its name, size and SHA-256, never its bytes. */
export const SourceFileSchema = z.object({
  name: z.string().min(1).max(MAX_TITLE_LENGTH),
  size: z.number().int().nonnegative(),
  /** SHA-256 of the file's bytes, hex. */
  sha256: z.string().min(64).max(64),
});
export type SourceFile = z.infer<typeof SourceFileSchema>;

/** The most versions one document keeps. */
export const MAX_VERSIONS = 10_000;

/** The most authors a document's citation lists. */
export const MAX_AUTHORS = 100;
/** The longest citation key. */
export const MAX_CITATION_KEY_LENGTH = 100;

export const DocumentSchema = z
  .object({
    id,
    title: z.string().max(MAX_TITLE_LENGTH),
    source: z.string().max(MAX_TITLE_LENGTH),
    /** Publication date as written by the importer: `YYYY-MM-DD`, optionally with `THH:MM`. Empty when unknown. */
    published: z.string().max(MAX_TIME_LENGTH),
    url: z.string().max(MAX_URL_LENGTH),
    importedAt: isoTime,
    format: DocumentFormatSchema,
    /** Normalized plain text: paragraphs separated by a blank line ("\n\n"), no page furniture. */
    text: z.string(),
    blocks: z.array(BlockSchema),
    /** SHA-256 of `text`, hex. */
    contentHash: z.string().max(MAX_HASH_LENGTH),
    /** The researcher's own Markdown note on the whole document. */
    note: z.string(),
    /** Who wrote it, when the page said (HTML imports). */
    byline: z.string().max(MAX_TITLE_LENGTH),
    /** Inline formatting over `text` (Markdown imports), in no particular order. */
    marks: z.array(MarkSchema).default([]),
    /** When the document was last opened for reading (ISO time); empty when never. */
    openedAt: z.string().max(MAX_TIME_LENGTH).default(''),
    /**
     * Citation (schema 6): the authors, each as written in a citation: "Family, Given" (a person, read as family and
     * given names) or a name without a comma (an organization, or a name cited whole). The title, date (`published`),
     * container (`source`: the paper or site) and `url` are the document's own fields.
     */
    authors: z.array(z.string().min(1).max(MAX_NAME_LENGTH)).max(MAX_AUTHORS).default([]),
    /** Citation: the pages the document spans in its container, as written ("12-19"); empty when unknown. */
    pages: z.string().max(MAX_NAME_LENGTH).default(''),
    /**
     * Citation key, unique in the notebook (Pandoc's `@key`): author + year + first title word, e.g.
     * `rt2009miliband`, unless the user changed it (main/core/citation.ts checks what a user types).
     */
    citationKey: z.string().max(MAX_CITATION_KEY_LENGTH).default(''),
    /** The file the document was read from (PDF, Word): name, size and hash, not its bytes. */
    file: SourceFileSchema.optional(),
    /**
     * Documents read from pages (PDF): where each page's text begins, as offsets into `text`, ascending; entry i is
     * page i + 1's. A passage is cited by the pages its offsets fall on. Absent for documents without pages.
     */
    pageStarts: z.array(z.number().int().nonnegative()).optional(),
    /**
     * Which version of the document `text` is (schema 7): 1 for the text first imported, counting up with each
     * newer version imported over it (File › Import new version…, `parley import FILE --replaces ID`). The earlier
     * versions are kept in `Notebook.versions`.
     */
    version: z.number().int().min(1).max(MAX_VERSIONS).default(1),
  })
  .refine((doc) => doc.marks.every((mark) => mark.end <= doc.text.length), {
    message: 'a mark reaches past the end of the text',
    path: ['marks'],
  })
  .refine(
    (doc) =>
      doc.pageStarts === undefined ||
      doc.pageStarts.every((start, i, all) => start <= doc.text.length && (i === 0 || start >= all[i - 1]!)),
    { message: 'page starts must rise and stay within the text', path: ['pageStarts'] },
  );
export type ParleyDocument = z.infer<typeof DocumentSchema>;

/**
 * An earlier version of a document (schema 7): the text and layout it had before a newer version was imported
 * over it, and the details it was imported with. The document's own record holds its latest version; a highlight
 * kept on an earlier one (Annotation.version) points into the text here.
 */
export const VersionSchema = z
  .object({
    documentId: id,
    /** 1 = the text first imported; the document's own `version` is the newest. */
    n: z.number().int().min(1).max(MAX_VERSIONS),
    importedAt: isoTime,
    title: z.string().max(MAX_TITLE_LENGTH),
    url: z.string().max(MAX_URL_LENGTH),
    published: z.string().max(MAX_TIME_LENGTH),
    format: DocumentFormatSchema,
    text: z.string(),
    blocks: z.array(BlockSchema),
    marks: z.array(MarkSchema).default([]),
    contentHash: z.string().max(MAX_HASH_LENGTH),
    pageStarts: z.array(z.number().int().nonnegative()).optional(),
    file: SourceFileSchema.optional(),
  })
  .refine((version) => version.marks.every((mark) => mark.end <= version.text.length), {
    message: 'a mark reaches past the end of the text',
    path: ['marks'],
  });
export type DocumentVersion = z.infer<typeof VersionSchema>;

/**
 * What became of a highlight when a newer version of its document was imported: `kept` (the same quote in the
 * same place), `moved` (the same quote elsewhere), `changed` (the passage is there in different words), `lost`
 * (nothing close enough, under the anchoring's minimum scores).
 */
export const CarryStateSchema = z.enum(['kept', 'moved', 'changed', 'lost']);
export type CarryState = z.infer<typeof CarryStateSchema>;

/** What the user did with a moved, changed or lost highlight in the review. */
export const ReviewOutcomeSchema = z.enum(['accepted', 'reselected', 'kept-on-old']);
export type ReviewOutcome = z.infer<typeof ReviewOutcomeSchema>;

export const TopicSchema = z.object({
  id,
  /** Slash-separated path, e.g. `iran/nuclear`. */
  path: z.string().min(1).max(MAX_TOPIC_PATH_LENGTH),
  colour: z.string().max(MAX_COLOUR_LENGTH),
  description: z.string().max(MAX_DESCRIPTION_LENGTH),
});
export type Topic = z.infer<typeof TopicSchema>;

export const PartySchema = z.object({
  id,
  name: z.string().min(1).max(MAX_NAME_LENGTH),
  short: z.string().max(MAX_SHORT_NAME_LENGTH),
  colour: z.string().max(MAX_COLOUR_LENGTH),
  aliases: z.array(z.string().max(MAX_NAME_LENGTH)).max(MAX_ALIASES),
});
export type Party = z.infer<typeof PartySchema>;

export const TextTargetSchema = z.object({
  /** Position selector, UTF-16 code units into `Document.text`. */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** Quote selector. */
  exact: z.string().min(1),
  prefix: z.string(),
  suffix: z.string(),
});
export type TextTarget = z.infer<typeof TextTargetSchema>;

export const LinkSchema = z.object({
  /** A LinkType; kept as a string on disk so a newer Parley's types survive a round trip through this one. */
  type: z.string().min(1).max(MAX_LINK_TYPE_LENGTH),
  annotationId: id,
});
export type AnnotationLink = z.infer<typeof LinkSchema>;

export const AnnotationSchema = z.object({
  id,
  documentId: id,
  target: TextTargetSchema,
  topicIds: z.array(id).max(MAX_TOPICS_PER_ANNOTATION),
  partyId: id.nullable(),
  stance: z.string().max(MAX_STANCE_LENGTH).nullable(),
  /** Markdown, as the user wrote it. */
  note: z.string(),
  links: z.array(LinkSchema).max(MAX_LINKS),
  createdAt: isoTime,
  updatedAt: isoTime,
  /**
   * Schema 7: set while the highlight points into an earlier version of its document (`Notebook.versions`), the
   * number of that version: after a newer version was imported and before its review (moved, changed, lost), or
   * kept there by the user. Absent: it points into the document's latest text, as every highlight did before.
   */
  version: z.number().int().min(1).max(MAX_VERSIONS).optional(),
  /**
   * Who made the highlight: the author name set in the preferences of the machine it was made on (team notebooks,
   * main/sync). Absent when none was set.
   */
  author: z.string().max(MAX_NAME_LENGTH).optional(),
  /**
   * Schema 7: how the highlight came through the newest version imported over the one it was on. `old` is where it
   * was on version `from`; `proposed` where the re-anchoring found it on version `to` (null when lost). A kept one
   * points at `proposed` at once; a moved, changed or lost one stays on `from` (`version`) until the review's
   * `outcome`, and nothing is re-pointed without it.
   */
  carried: z
    .object({
      from: z.number().int().min(1).max(MAX_VERSIONS),
      to: z.number().int().min(1).max(MAX_VERSIONS),
      state: CarryStateSchema,
      old: TextTargetSchema,
      proposed: TextTargetSchema.nullable(),
      outcome: ReviewOutcomeSchema.optional(),
    })
    .optional(),
});
export type Annotation = z.infer<typeof AnnotationSchema>;

/** The stances every notebook offers; users add their own to `Notebook.stances`. */
export const STANDARD_STANCES = [
  'demand',
  'refusal',
  'proposal',
  'concession',
  'agreement',
  'warning',
  'denial',
  'hedge',
] as const;

/** Link types between passages, each read from the linking passage to the linked one, with its inverse. */
export const LINK_TYPES = {
  rebuts: 'rebutted by',
  contradicts: 'contradicted by',
  'concedes-to': 'conceded to by',
  'agrees-with': 'agreed with by',
  answers: 'answered by',
} as const;
export type LinkType = keyof typeof LINK_TYPES;
export const LinkTypeSchema = z.enum(Object.keys(LINK_TYPES) as [LinkType, ...LinkType[]]);

/** The most accounts one event groups. */
export const MAX_EVENT_ACCOUNTS = 20;

/**
 * An event (schema 7): documents grouped as accounts of one happening (a meeting, a press conference), compared
 * statement by statement (main/core/accounts).
 */
export const EventSchema = z.object({
  id,
  name: z.string().min(1).max(MAX_NAME_LENGTH),
  /** When it happened: `YYYY-MM-DD`, or empty when not given. */
  date: z.string().max(MAX_TIME_LENGTH),
  /** The accounts, in the order their columns are shown; each a document of the notebook, at most once. */
  documentIds: z.array(id).min(1).max(MAX_EVENT_ACCOUNTS),
  createdAt: isoTime,
});
export type ParleyEvent = z.infer<typeof EventSchema>;

export const NotebookSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  documents: z.array(DocumentSchema),
  topics: z.array(TopicSchema),
  parties: z.array(PartySchema),
  annotations: z.array(AnnotationSchema),
  /** Stances the user added beyond STANDARD_STANCES. */
  stances: z.array(z.string().min(1).max(MAX_STANCE_LENGTH)).max(MAX_STANCES),
  /** Suggestion keys (see main/core/suggest/notebook.ts) the user dismissed, so they are not offered again. */
  dismissedSuggestions: z.array(z.string().max(MAX_SUGGESTION_KEY_LENGTH)),
  /** Earlier versions of documents (schema 7), in the order they were replaced. */
  versions: z.array(VersionSchema),
  /** Events and their accounts (schema 7). */
  events: z.array(EventSchema),
});
export type Notebook = z.infer<typeof NotebookSchema>;

export function emptyNotebook(): Notebook {
  return {
    schemaVersion: SCHEMA_VERSION,
    documents: [],
    topics: [],
    parties: [],
    annotations: [],
    stances: [],
    dismissedSuggestions: [],
    versions: [],
    events: [],
  };
}

/** What the library lists: a document without its text. */
export interface DocumentSummary {
  id: string;
  title: string;
  source: string;
  published: string;
  format: DocumentFormat;
  importedAt: string;
  /** When the reader last opened it (ISO time); empty when never. */
  openedAt: string;
  annotationCount: number;
  /** Which version of the document its text is (1 when no newer version was imported). */
  version: number;
}

/** Whether a stored highlight still matches its document's text. */
export type AnchorState = 'anchored' | 'needs-review';

/** A document opened for reading: its text, its highlights, and which of them need review. */
export interface OpenedDocument {
  document: ParleyDocument;
  annotations: Annotation[];
  /** Ids of annotations whose quote no longer matches the text at their position (and was not found elsewhere). */
  needsReview: string[];
}

/** An error whose message is meant for the user. */
export class ParleyError extends Error {
  constructor(
    message: string,
    readonly code: string = 'invalid',
  ) {
    super(message);
    this.name = 'ParleyError';
  }
}

/** Per blocks array: how many numbered blocks (all but captions) come before each block, or null without captions. */
const numberedBefore = new WeakMap<readonly Block[], number[] | null>();

function numberedCounts(blocks: readonly Block[]): number[] | null {
  let counts = numberedBefore.get(blocks);
  if (counts !== undefined) return counts;
  counts = null;
  if (blocks.some((block) => block.kind === 'caption')) {
    counts = [];
    let numbered = 0;
    for (const block of blocks) {
      counts.push(numbered);
      if (block.kind !== 'caption') numbered++;
    }
  }
  numberedBefore.set(blocks, counts);
  return counts;
}

/** Index of the block that contains `offset` (or the nearest one before it, between blocks), clamped to the list. */
function blockIndexAt(blocks: readonly Block[], offset: number): number {
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const block = blocks[mid]!;
    if (offset < block.start) hi = mid - 1;
    else if (offset >= block.end && mid < blocks.length - 1) lo = mid + 1;
    else return mid;
  }
  return Math.max(0, lo);
}

/**
 * 1-based number of the block (paragraph, heading, quote, list item, code) that contains `offset`, as shown in
 * exports (¶N). Captions are not numbered, as they are not part of the article's run of paragraphs: an offset in a
 * caption gets the number of the paragraph before it (1 when the caption comes first); isInCaption tells them apart.
 */
export function paragraphNumber(doc: Pick<ParleyDocument, 'blocks'>, offset: number): number {
  const index = blockIndexAt(doc.blocks, offset);
  const counts = numberedCounts(doc.blocks);
  if (counts === null) return index + 1;
  const block = doc.blocks[index];
  return Math.max(1, counts[index]! + (block && block.kind !== 'caption' ? 1 : 0));
}

/** Whether `offset` falls in a caption block (which has no paragraph number of its own). */
export function isInCaption(doc: Pick<ParleyDocument, 'blocks'>, offset: number): boolean {
  if (numberedCounts(doc.blocks) === null) return false;
  const block = doc.blocks[blockIndexAt(doc.blocks, offset)];
  return block !== undefined && block.kind === 'caption' && offset >= block.start && offset < block.end;
}

/** Where a passage starting at `offset` sits, as exports write it: `¶4`, or `caption after ¶3` for a caption. */
export function paragraphLabel(doc: Pick<ParleyDocument, 'blocks'>, offset: number): string {
  const number = paragraphNumber(doc, offset);
  if (!isInCaption(doc, offset)) return `¶${number}`;
  const index = blockIndexAt(doc.blocks, offset);
  const before = doc.blocks.slice(0, index).some((block) => block.kind !== 'caption');
  return before ? `caption after ¶${number}` : `caption before ¶1`;
}

/** The page (1 = the first) that `offset` falls on, in a document read from pages; null in any other. */
export function pageAt(doc: Pick<ParleyDocument, 'pageStarts'>, offset: number): number | null {
  const starts = doc.pageStarts;
  if (!starts || starts.length === 0) return null;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/**
 * Where the passage `[start, end)` sits, as exports cite it: `p. 4` (or `pp. 4-5` across a page break) in a
 * document read from pages, else its paragraph label (`¶4`, `caption after ¶3`).
 */
export function placeLabel(
  doc: Pick<ParleyDocument, 'blocks' | 'pageStarts'>,
  start: number,
  end: number = start + 1,
): string {
  const first = pageAt(doc, start);
  if (first === null) return paragraphLabel(doc, start);
  const last = pageAt(doc, Math.max(start, end - 1)) ?? first;
  return last > first ? `pp. ${first}-${last}` : `p. ${first}`;
}

/** One hit of a search: a title, a place in a document's text, a highlighted passage, or a note. */
export interface SearchHit {
  kind: 'title' | 'text' | 'passage' | 'note' | 'document-note';
  /** The highlight hit (kind passage or note). */
  annotationId: string | null;
  /** For a text hit: the match in the document's text, as UTF-16 offsets (`text.slice(start, end)`). */
  start?: number;
  end?: number;
  /** A short excerpt around the match, and the match's offsets inside `snippet`. */
  snippet: string;
  matchStart: number;
  matchEnd: number;
}

export interface SearchGroup {
  documentId: string;
  title: string;
  hits: SearchHit[];
}

export interface SearchResults {
  query: string;
  /** Hits in all, before any cut. */
  total: number;
  groups: SearchGroup[];
  /**
   * Asked for with `rangesFor: documentId`: every text hit of that document as [start, end) offsets into its text,
   * in text order, whatever the limit on `groups` (at most 10,000; `rangesTotal` counts them all), for marking them
   * in the text.
   */
  ranges?: Array<[number, number]>;
  rangesTotal?: number;
}

/** What undo and redo would do now, for the menu and the toolbar. */
export interface HistoryState {
  canUndo: boolean;
  canRedo: boolean;
  /** "Undo Delete highlight". */
  undoLabel: string | null;
  redoLabel: string | null;
}

/** A statement found in a document, offered as a draft highlight. */
export interface Suggestion {
  /** Stable for the same statement in the same text: `documentId:start:end`. */
  key: string;
  documentId: string;
  /** The statement's span in Document.text (UTF-16 code units). */
  start: number;
  end: number;
  quote: string;
  /** Who made it, as the text names them ("Sergey Lavrov", "Lugovoy"). */
  speaker: string;
  /** The party whose alias matched the speaker; null when none did. */
  partyId: string | null;
  /** Direct quotation, or reported speech ("Lavrov stated that …"). */
  kind: 'quote' | 'reported';
  /** The words that attribute it ("retorted Lavrov", "He also said"). */
  cue: string;
}

/** One passage in the comparison. */
export interface ComparisonEntry {
  annotationId: string;
  documentId: string;
  documentTitle: string;
  paragraph: number;
  /**
   * Set only for a passage in a figure caption, which has no number of its own ("caption after ¶3"), and for one
   * of a document read from pages, cited by its page ("p. 4").
   */
  place?: string;
  quote: string;
  stance: string | null;
  note: string;
}

/** Where a comparison's passage is: "¶4", or its place in a caption. */
export function entryPlace(entry: Pick<ComparisonEntry, 'paragraph' | 'place'>): string {
  return entry.place ?? `¶${entry.paragraph}`;
}

/** One topic: a cell per party (in party order), and the topic's one-line summary. */
export interface ComparisonRow {
  /** null for the "No topic" row: passages that hold a party's position and have no topic. */
  topicId: string | null;
  path: string;
  /** "extradition: UK demand ↔ Russia refusal". */
  summary: string;
  cells: Array<{ partyId: string; entries: ComparisonEntry[] }>;
}

export interface CommonGround {
  topicId: string;
  path: string;
  /** Why this counts as agreement ("both agreement", "UK agrees with Russia (¶6)"). */
  reason: string;
}

/** Why a comparison has no rows, and what the user can do about it. */
export interface ComparisonEmpty {
  kind: 'no-parties' | 'no-highlights' | 'no-party-named' | 'topic-without-party';
  message: string;
}

export interface Comparison {
  parties: Party[];
  rows: ComparisonRow[];
  commonGround: CommonGround[];
  /** Set exactly when there are no rows. */
  empty: ComparisonEmpty | null;
}

/** A topic the codebook proposes for a statement, and the words that made the case. */
export interface TopicProposal {
  topicId: string;
  path: string;
  score: number;
  /** The statement's words that matched, as written there, in their order of first appearance. */
  words: string[];
}
