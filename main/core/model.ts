/**
 * The notebook's data model, declared once as schemas so that what comes off disk, over IPC or out of a W3C file
 * is checked against the same definition the types are derived from.
 *
 * Offsets: every `start`/`end` in the notebook counts UTF-16 code units of `Document.text` (JavaScript string
 * indices). The W3C Web Annotation model counts code points; conversion happens only at that boundary (w3c.ts).
 */
import { z } from 'zod';

export const SCHEMA_VERSION = 3;

/** Characters of context kept on each side of a quote (as the Hypothesis client does). */
export const CONTEXT_LENGTH = 32;

const id = z.string().min(1).max(100);
const isoTime = z.string().min(1).max(40);

export const BlockSchema = z.object({
  kind: z.enum(['heading', 'paragraph']),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type Block = z.infer<typeof BlockSchema>;

export const DocumentFormatSchema = z.enum(['text', 'markdown', 'html']);
export type DocumentFormat = z.infer<typeof DocumentFormatSchema>;

export const DocumentSchema = z.object({
  id,
  title: z.string().max(1000),
  source: z.string().max(1000),
  /** Publication date as written by the importer: `YYYY-MM-DD`, optionally with `THH:MM`. Empty when unknown. */
  published: z.string().max(40),
  url: z.string().max(4000),
  importedAt: isoTime,
  format: DocumentFormatSchema,
  /** Normalized plain text: paragraphs separated by a blank line ("\n\n"), no page furniture. */
  text: z.string(),
  blocks: z.array(BlockSchema),
  /** SHA-256 of `text`, hex. */
  contentHash: z.string().max(128),
  /** The researcher's own Markdown note on the whole document. */
  note: z.string(),
  /** Who wrote it, when the page said (HTML imports). */
  byline: z.string().max(1000),
});
export type ParleyDocument = z.infer<typeof DocumentSchema>;

export const TopicSchema = z.object({
  id,
  /** Slash-separated path, e.g. `iran/nuclear`. */
  path: z.string().min(1).max(200),
  colour: z.string().max(40),
  description: z.string().max(4000),
});
export type Topic = z.infer<typeof TopicSchema>;

export const PartySchema = z.object({
  id,
  name: z.string().min(1).max(200),
  short: z.string().max(40),
  colour: z.string().max(40),
  aliases: z.array(z.string().max(200)).max(200),
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
  type: z.string().min(1).max(40),
  annotationId: id,
});
export type AnnotationLink = z.infer<typeof LinkSchema>;

export const AnnotationSchema = z.object({
  id,
  documentId: id,
  target: TextTargetSchema,
  topicIds: z.array(id).max(200),
  partyId: id.nullable(),
  stance: z.string().max(40).nullable(),
  /** Markdown, as the user wrote it. */
  note: z.string(),
  links: z.array(LinkSchema).max(200),
  createdAt: isoTime,
  updatedAt: isoTime,
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

export const NotebookSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  documents: z.array(DocumentSchema),
  topics: z.array(TopicSchema),
  parties: z.array(PartySchema),
  annotations: z.array(AnnotationSchema),
  /** Stances the user added beyond STANDARD_STANCES. */
  stances: z.array(z.string().min(1).max(40)).max(200),
  /** Suggestion keys (see suggest.ts) the user dismissed, so they are not offered again. */
  dismissedSuggestions: z.array(z.string().max(300)),
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
  annotationCount: number;
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

/** 1-based number of the block (paragraph or heading) that contains `offset`, as shown in exports (¶N). */
export function paragraphNumber(doc: Pick<ParleyDocument, 'blocks'>, offset: number): number {
  let lo = 0;
  let hi = doc.blocks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const block = doc.blocks[mid]!;
    if (offset < block.start) hi = mid - 1;
    else if (offset >= block.end && mid < doc.blocks.length - 1) lo = mid + 1;
    else return mid + 1;
  }
  return Math.max(1, lo + 1);
}

/** One hit of a search: a title, a highlighted passage, or a note. */
export interface SearchHit {
  kind: 'title' | 'passage' | 'note' | 'document-note';
  /** The highlight hit (kind passage or note). */
  annotationId: string | null;
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
  quote: string;
  stance: string | null;
  note: string;
}

/** One topic: a cell per party (in party order), and the topic's one-line summary. */
export interface ComparisonRow {
  topicId: string;
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

export interface Comparison {
  parties: Party[];
  rows: ComparisonRow[];
  commonGround: CommonGround[];
}
