/**
 * The one API between renderer and main, declared once: each call's channel, the schema its argument must pass,
 * and its result type. Main implements it (main/ipc), the preload exposes it as named functions on
 * `window.parley`, and the renderer calls it through the `ParleyApi` type derived here.
 */
import { z } from 'zod';
import {
  MAX_ALIASES,
  MAX_COLOUR_LENGTH,
  MAX_DESCRIPTION_LENGTH,
  MAX_ID_LENGTH,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_CHARS,
  MAX_NAME_LENGTH,
  MAX_NOTE_LENGTH,
  MAX_OFFSET,
  MAX_SHORT_NAME_LENGTH,
  MAX_STANCE_LENGTH,
  MAX_SUGGESTION_KEY_LENGTH,
  MAX_TIME_LENGTH,
  MAX_TITLE_LENGTH,
  MAX_TOPIC_PATH_LENGTH,
  MAX_TOPICS_PER_ANNOTATION,
  MAX_URL_LENGTH,
} from './limits';
import { MAX_IMPORT_SIZE_TEXT } from './import-formats';
import type { MenuCommandId } from './commands';
import { LinkTypeSchema, MAX_EVENT_ACCOUNTS, MAX_VERSIONS } from './model';

/**
 * Bounds of what Edit details may send for a citation: loose enough that main's own checks (core/citation.ts) say
 * what is wrong in words, when a name is too long or there are too many authors.
 */
/** Whether a Markdown export follows each quote with a Pandoc citation, `[@key, ¶ 9]` (default none). */
const cite = z.enum(['none', 'pandoc']).optional();

const authorList = z.array(z.string().max(MAX_TITLE_LENGTH)).max(1000);
import type {
  Annotation,
  Block,
  CarryState,
  Comparison,
  ComparisonEntry,
  Mark,
  ParleyEvent,
  ReviewOutcome,
  DocumentSummary,
  OpenedDocument,
  Party,
  ParleyDocument,
  HistoryState,
  SearchResults,
  Suggestion,
  Topic,
  TopicProposal,
} from './model';

export type { TopicProposal } from './model';
export type {
  Block,
  CarryState,
  Mark,
  ParleyEvent,
  ReviewOutcome,
  HistoryState,
  SearchGroup,
  SearchHit,
  SearchResults,
  Annotation,
  Comparison,
  ComparisonEntry,
  ComparisonRow,
  CommonGround,
  DocumentSummary,
  LinkType,
  OpenedDocument,
  Party,
  ParleyDocument,
  Suggestion,
  Topic,
} from './model';
export { LINK_TYPES, STANDARD_STANCES } from './model';

const id = z.string().min(1).max(MAX_ID_LENGTH);
const offset = z.number().int().nonnegative().max(MAX_OFFSET);
const note = z.string().max(MAX_NOTE_LENGTH);
const topicIds = z.array(id).max(MAX_TOPICS_PER_ANNOTATION);
const stanceName = z.string().trim().min(1).max(MAX_STANCE_LENGTH);
const stance = stanceName.nullable();
const suggestionKey = z.string().min(1).max(MAX_SUGGESTION_KEY_LENGTH);
const topicPath = z.string().min(1).max(MAX_TOPIC_PATH_LENGTH);
const newTopicPaths = z.array(topicPath).max(MAX_TOPICS_PER_ANNOTATION);
const colour = z.string().max(MAX_COLOUR_LENGTH);
const partyFields = {
  name: z.string().trim().min(1).max(MAX_NAME_LENGTH),
  short: z.string().trim().max(MAX_SHORT_NAME_LENGTH),
  colour,
  aliases: z.array(z.string().trim().min(1).max(MAX_NAME_LENGTH)).max(MAX_ALIASES),
};

export interface NotebookInfo {
  path: string;
  appVersion: string;
}

export interface TopicWithCount extends Topic {
  count: number;
}

/** Every document's highlights without its text: what links across documents need. */
export interface DocumentAnnotations {
  documentId: string;
  title: string;
  annotations: Annotation[];
}

export interface PartyWithCount extends Party {
  /** Highlights whose position this party holds. */
  count: number;
}

export type SaveStatus = 'saved' | 'saving' | 'error';
export interface SaveState {
  status: SaveStatus;
  /** Present when status is `error`: why the last write failed. */
  error?: string;
}

/** Where sync stands for the open notebook (status bar): off until the user shares or joins. */
export type SyncPhase = 'off' | 'synced' | 'syncing' | 'offline' | 'refused';
export interface SyncStatus {
  phase: SyncPhase;
  /** The server address as the user gave it; null while sync is off. */
  server: string | null;
  /** The notebook link to give colleagues (`automerge:…`); null while sync is off. */
  link: string | null;
  /** Conflicts and dangling links waiting for the user's pick (syncConflicts). */
  conflicts: number;
  /** When the notebook and the server last held the same changes (ISO time); null when never. */
  lastSynced: string | null;
  /** Why it is offline or refused, in a sentence for the user. */
  message?: string;
}

/** One value of a field set differently on two machines, with who set it. */
export interface SyncConflictValue {
  /** The value as the user reads it (a topic path, a stance, a party's name; "none" for an empty value). */
  text: string;
  /** Who set it: the author name of the machine that made the change. */
  author: string;
  /** Whether the notebook shows this value now (until the user picks). */
  shown: boolean;
}

/**
 * Something sync could not settle alone. `field`: one field given different values on different machines (a topic
 * renamed twice, a highlight given two stances): the user picks one of `values`. `dangling-link`: a link to a
 * highlight that another machine deleted: restore the highlight or remove the link.
 */
export interface SyncConflict {
  /** Names it for resolveSyncConflict. */
  id: string;
  kind: 'field' | 'dangling-link';
  /** What it is about, in words: "Topic “iran” renamed", "Stance of “We will not extradite…”". */
  title: string;
  /** `field`: every value set, with who set it. */
  values: SyncConflictValue[];
  /**
   * `dangling-link`: a highlight (`from`) that refers to something another machine deleted (`to`): a highlight it
   * links to (`deleted` 'highlight', `type` the link's type), a topic it is tagged with, the party it is attributed
   * to, or the document it is on; `quote` is what was deleted, as the user knew it (the quote, the topic's path, the
   * party's name, the document's title), and `deletedBy` who deleted it. Restore brings it back; remove takes the
   * reference off (for a document: deletes the highlight).
   */
  link?: {
    from: string;
    to: string;
    type: string;
    quote: string;
    deletedBy: string;
    deleted?: 'highlight' | 'topic' | 'party' | 'document';
  };
}

export interface Preferences {
  /** Recorded on every highlight made here, and on every change sync sends; empty until set. */
  authorName: string;
}

/** A command the application menu sends to the window: the ids the command table places in a menu. */
export type MenuCommand = MenuCommandId;

/**
 * What an import added, in one change, and the first of them already opened (exactly what openDocument returns
 * for it, its opening noted as openDocument notes it), so the window shows it without a second call; null when
 * nothing was added.
 */
export interface DocumentsImport {
  added: DocumentSummary[];
  opened: OpenedDocument | null;
  /**
   * Added documents whose address (canonical URL) is that of a document already in the notebook, each offered as a
   * newer version of it (makeVersion), with that document's title; absent when none is.
   */
  sameAddress?: Array<{ documentId: string; of: string; title: string }>;
}

/** What an import of several files added (the first opened), and each refused file with main's reason. */
export interface FilesImportReport extends DocumentsImport {
  refused: Array<{ fileName: string; reason: string }>;
}

/** What an import of W3C annotations added, and why the rest were refused. */
export interface AnnotationImportReport {
  /** The file's name, without its folder. */
  file: string;
  added: number;
  /** The documents that gained highlights, the open one first when it did. */
  documentIds: string[];
  /** One line per annotation that could not be used, naming it and saying why. */
  refused: string[];
}

/**
 * One committed step of the notebook (a change, an undo, a redo, or bookkeeping outside history), numbered, with
 * what it changed: the renderer's store applies it without asking again. A part that is absent did not change;
 * a part that is present is whole (every document's summary, every topic with its count), except annotations,
 * which come as the ones added or changed and the ids of the ones removed. Revisions count up by one from the
 * `revision` of the snapshot (`loadNotebook`): a gap means an event was missed, and the renderer loads again.
 */
export interface NotebookChange {
  revision: number;
  /** `sync`: changes made on another machine, arrived through sync (outside history, like bookkeeping). */
  kind: 'change' | 'undo' | 'redo' | 'bookkeeping' | 'sync';
  /** The step's name ("Add highlight"); null for bookkeeping. */
  label: string | null;
  /** What Undo and Redo would do after this step. */
  history: HistoryState;
  documents?: DocumentSummary[];
  /** Documents whose own record (text, title, note, details) changed: an open one is read again. */
  changedDocuments?: string[];
  topics?: TopicWithCount[];
  parties?: PartyWithCount[];
  stances?: string[];
  /** Every event, when any changed. */
  events?: ParleyEvent[];
  annotations?: {
    /** Annotations added or changed, in any document. */
    upserted: Annotation[];
    /** Ids of annotations removed. */
    removed: string[];
    /** Of the upserted, those whose quote no longer matches their document's text (as OpenedDocument says). */
    needsReview: string[];
  };
}

/** Everything the renderer's store starts from, at one revision. */
export interface NotebookSnapshot {
  revision: number;
  history: HistoryState;
  documents: DocumentSummary[];
  topics: TopicWithCount[];
  parties: PartyWithCount[];
  stances: string[];
  /** Every document's highlights without its text. */
  annotations: DocumentAnnotations[];
  events: ParleyEvent[];
}

// ---------------------------------------------------------------------------------------------------------------
// Versions of a document (main/core/versions)

/** One version of a document, as `parley versions` lists it, oldest first. */
export interface VersionSummary {
  /** 1 = the text first imported. */
  n: number;
  importedAt: string;
  /** Characters of its text (UTF-16 code units, as offsets count them). */
  characters: number;
  title: string;
  /** The document's latest version: the text it shows. */
  latest: boolean;
}

/** One version's text and layout, and the highlights that point into it. */
export interface VersionText {
  documentId: string;
  n: number;
  latest: boolean;
  title: string;
  importedAt: string;
  text: string;
  blocks: Block[];
  marks: Mark[];
  pageStarts?: number[];
  /**
   * The highlights on this version: for the latest, those on the document's own text (no `version`); for an
   * earlier one, those whose `version` is its number (kept there, or waiting for review).
   */
  annotations: Annotation[];
}

/** A run of words in a diff: in both texts, only in the older (deleted), or only in the newer (inserted). */
export interface DiffPart {
  kind: 'same' | 'deleted' | 'inserted';
  text: string;
}

/** Where a paragraph is in one version: its block's index and its offsets into that version's text. */
export interface DiffSide {
  block: number;
  start: number;
  end: number;
}

/**
 * One row of a diff, paragraphs aligned: the same paragraph in both (`same`), a paragraph changed in place
 * (`changed`, with its words marked), one only in the older version (`deleted`) or only in the newer (`inserted`).
 */
export interface DiffRow {
  kind: 'same' | 'changed' | 'deleted' | 'inserted';
  from: DiffSide | null;
  to: DiffSide | null;
  /** The paragraph's words: for `changed` the older and newer interleaved; otherwise one part of its whole text. */
  parts: DiffPart[];
}

export interface VersionDiff {
  documentId: string;
  from: number;
  to: number;
  rows: DiffRow[];
  /** Words inserted and deleted in all, and paragraphs that differ (changed, deleted or inserted). */
  stats: { inserted: number; deleted: number; paragraphs: number };
}

/** A highlight as it came through a newer version: where it was, where it is now (if found), what the user did. */
export interface ReviewItem {
  annotationId: string;
  state: CarryState;
  from: number;
  to: number;
  oldQuote: string;
  /** Where it was in version `from`: `¶4` (or `p. 4`). */
  oldPlace: string;
  /** The quote found on version `to`; null when lost. */
  newQuote: string | null;
  newPlace: string | null;
  /** The old quote against the new, word by word (empty when lost). */
  parts: DiffPart[];
  /** What the user did in the review; null while it waits (and for a kept one, which needs nothing). */
  outcome: ReviewOutcome | null;
}

/** Every highlight carried onto the document's latest version, in text order of where they were. */
export interface VersionReview {
  documentId: string;
  version: number;
  items: ReviewItem[];
}

/** What importing a newer version did: its number, and how many highlights came through in each state. */
export interface VersionImport {
  documentId: string;
  version: number;
  counts: Record<CarryState, number>;
  /** The document opened on its new version, as openDocument returns it. */
  opened: OpenedDocument;
}

/** The review's choices for one highlight. `reselect` takes the passage the user selected in the new text. */
export type ReviewAction = 'accept' | 'keep-on-old' | 'delete';

// ---------------------------------------------------------------------------------------------------------------
// Events and their accounts (main/core/accounts)

/** An account of an event: one of its documents, in column order. */
export interface AccountColumn {
  documentId: string;
  title: string;
  /** A short name for a column's header: the document's source (`RT`, `FCO`), else its title. */
  label: string;
}

/** A statement as one account gives it. */
export interface AccountStatement {
  documentId: string;
  /** Its span in the document's text (UTF-16 code units). */
  start: number;
  end: number;
  quote: string;
  /** Who made it, as the account names them; empty when it does not. */
  speaker: string;
  partyId: string | null;
  /** `¶4`, or `p. 4` in a document read from pages. */
  place: string;
  /** The highlight on this passage, if there is one. */
  annotationId: string | null;
}

/** One statement across the accounts: a cell per account, in column order, null where an account omits it. */
export interface AlignedStatement {
  cells: Array<AccountStatement | null>;
  /** Whether the accounts that give it use the same words. */
  wording: 'same' | 'differs';
}

export interface AccountsAlignment {
  event: ParleyEvent;
  accounts: AccountColumn[];
  /** In the order the statements come in the accounts, the first account's order first. */
  rows: AlignedStatement[];
  /** Per account, in column order: the rows (indexes into `rows`) that other accounts give and it omits. */
  omissions: number[][];
}

/** The same statement in another account of an event, for a highlight's "also in". */
export interface AlsoIn {
  eventId: string;
  documentId: string;
  label: string;
  place: string;
  start: number;
  end: number;
  quote: string;
  wording: 'same' | 'differs';
  /** The highlight's words against the other account's, word by word. */
  parts: DiffPart[];
}

/** The comparison with one column per account of an event: per topic, each account's highlights. */
export interface AccountComparison {
  event: ParleyEvent;
  accounts: AccountColumn[];
  rows: Array<{
    topicId: string | null;
    path: string;
    cells: Array<{ documentId: string; entries: ComparisonEntry[] }>;
  }>;
  /** Why there are no rows, when there are none. */
  empty: string | null;
}

/** What accepting suggested statements added, and what is still suggested for the document. */
export interface AcceptedSuggestions {
  annotations: Annotation[];
  suggestions: Suggestion[];
}

/** Whether the window shows the first start's welcome. */
export interface WelcomeState {
  show: boolean;
}

/** Long work (imports, exports) reports how far it has got. */
export interface Progress {
  task: string;
  done: number;
  total: number;
}

interface CallSpec<Args extends z.ZodType, Result> {
  channel: string;
  args: Args;
  /** Phantom: carries the result type, never read at run time. */
  result?: Result;
}

function call<Result>() {
  return <Args extends z.ZodType>(channel: string, args: Args): CallSpec<Args, Result> => ({
    channel,
    args,
  });
}

const none = z.undefined();

/** A dropped or pasted file: its name and bytes; main finds the encoding and the format. */
const importedFile = z.strictObject({
  fileName: z.string().min(1).max(1000),
  bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_IMPORT_BYTES, {
    message: `the file is over ${MAX_IMPORT_SIZE_TEXT}`,
  }),
});
const versionNumber = z.number().int().min(1).max(MAX_VERSIONS);
const eventName = z.string().trim().min(1).max(MAX_NAME_LENGTH);
/** An event's date: `YYYY-MM-DD`, or empty. */
const eventDate = z
  .string()
  .max(10)
  .regex(/^(?:\d{4}-\d{2}-\d{2})?$/, { message: 'a date is written YYYY-MM-DD' });
/** An event's accounts: at least two, which main checks itself (core/events.ts) to say in words why one is not enough. */
const accountIds = z.array(id).min(1).max(MAX_EVENT_ACCOUNTS);
/** A sync server's address: ws://, wss://, http:// or https://. */
const syncServer = z
  .string()
  .trim()
  .min(1)
  .max(MAX_URL_LENGTH)
  .regex(/^(?:wss?|https?):\/\/[^\s]+$/i, {
    message: 'a server address starts ws://, wss://, http:// or https://',
  });
const syncToken = z.string().trim().min(1).max(1000);
/** A notebook link as `parley share` prints it (`automerge:…`), or its id alone. */
const syncLink = z.string().trim().min(1).max(200);
/** Most files one drop may bring. */
const MAX_IMPORT_FILES = 1000;

export const calls = {
  /**
   * The page has subscribed to main's events: main delivers what it held for this page and sends the rest at once
   * (messages sent before a page listens are lost; see main/renderer-events.ts). Called again after every reload.
   */
  rendererReady: call<void>()('app:renderer-ready', none),
  /** The window's view choices changed (View › Colour by Party): main ticks the menu's checkbox to match. */
  viewOptions: call<void>()('app:view-options', z.strictObject({ partyColours: z.boolean() })),
  notebookInfo: call<NotebookInfo>()('notebook:info', none),
  saveState: call<SaveState>()('notebook:save-state', none),
  /** Whether the first start's welcome shows (a new profile, until the reader dismisses it). */
  welcome: call<WelcomeState>()('settings:welcome', none),
  /** The reader dismissed the welcome: kept in the profile's settings, so it stays hidden after a restart. */
  dismissWelcome: call<WelcomeState>()('settings:dismiss-welcome', none),

  listDocuments: call<DocumentSummary[]>()('documents:list', none),
  openDocument: call<OpenedDocument>()('documents:open', z.strictObject({ id })),
  importDocument: call<DocumentSummary>()(
    'documents:import',
    z.strictObject({
      fileName: z.string().min(1).max(1000),
      content: z.string().max(MAX_IMPORT_CHARS),
    }),
  ),
  /** The files the user picks, added in one change; the first opened. */
  importFromDialog: call<DocumentsImport>()('documents:import-dialog', none),
  /** A dropped or pasted file's bytes: main finds the encoding and the format. */
  importFile: call<DocumentSummary>()('documents:import-file', importedFile),
  /** Dropped or pasted files' bytes, added in one change (one undo step); each refused file says why. */
  importFiles: call<FilesImportReport>()(
    'documents:import-files',
    z.strictObject({ files: z.array(importedFile).min(1).max(MAX_IMPORT_FILES) }),
  ),
  /** Ends the imports under way (the progress notice's Cancel): each refuses with 'cancelled' and adds nothing. */
  cancelImport: call<void>()('documents:cancel-import', none),
  deleteDocument: call<{ id: string }>()('documents:delete', z.strictObject({ id })),
  updateDocument: call<ParleyDocument>()(
    'documents:update',
    z.strictObject({
      id,
      title: z.string().min(1).max(MAX_TITLE_LENGTH).optional(),
      source: z.string().max(MAX_TITLE_LENGTH).optional(),
      published: z.string().max(MAX_TIME_LENGTH).optional(),
      note: note.optional(),
      /** Citation: "Family, Given" or a name cited whole, each; the web address; pages; the citation key. */
      authors: authorList.optional(),
      url: z
        .string()
        .max(MAX_URL_LENGTH + 100)
        .optional(),
      pages: z.string().max(MAX_TITLE_LENGTH).optional(),
      citationKey: z.string().max(MAX_TITLE_LENGTH).optional(),
    }),
  ),
  /**
   * The citation key "Make from details" offers for a document with these details (as typed, not yet saved):
   * author or container, year and first title word, unique among the other documents' keys.
   */
  suggestCitationKey: call<string>()(
    'documents:suggest-citation-key',
    z.strictObject({
      id,
      title: z.string().max(MAX_TITLE_LENGTH),
      source: z.string().max(MAX_TITLE_LENGTH),
      published: z.string().max(MAX_TIME_LENGTH),
      authors: authorList,
    }),
  ),

  listTopics: call<TopicWithCount[]>()('topics:list', none),
  /** Rename or move (a new path moves the subtree with it), recolour, describe. */
  updateTopic: call<Topic>()(
    'topics:update',
    z.strictObject({
      id,
      path: topicPath.optional(),
      colour: colour.optional(),
      description: z.string().max(MAX_DESCRIPTION_LENGTH).optional(),
    }),
  ),
  /** Passages of `from` gain `into` (keeping all their other topics); `from` goes. */
  mergeTopics: call<Topic>()('topics:merge', z.strictObject({ fromId: id, intoId: id })),
  /** The topic goes from every passage; the passages stay. */
  deleteTopic: call<{ id: string }>()('topics:delete', z.strictObject({ id })),
  createTopic: call<Topic>()(
    'topics:create',
    z.strictObject({
      path: topicPath,
      colour: colour.optional(),
    }),
  ),
  /** Removes topics no passage uses, nor any passage of a subtopic: all those named or, if one is in use, none. */
  removeUnusedTopics: call<{ topicIds: string[] }>()(
    'topics:remove-unused',
    z.strictObject({ topicIds: z.array(id).min(1).max(10_000) }),
  ),

  createAnnotation: call<Annotation>()(
    'annotations:create',
    z.strictObject({
      documentId: id,
      start: offset,
      end: offset,
      topicIds,
      /** Topics made (or found by path) with the highlight, in the same step, after `topicIds`. */
      newTopics: newTopicPaths.optional(),
      note,
      partyId: id.nullable().optional(),
      stance: stance.optional(),
    }),
  ),
  updateAnnotation: call<Annotation>()(
    'annotations:update',
    z.strictObject({
      id,
      topicIds: topicIds.optional(),
      newTopics: newTopicPaths.optional(),
      note: note.optional(),
      partyId: id.nullable().optional(),
      stance: stance.optional(),
    }),
  ),
  linkAnnotations: call<Annotation>()(
    'annotations:link',
    z.strictObject({ fromId: id, toId: id, type: LinkTypeSchema }),
  ),
  unlinkAnnotations: call<Annotation>()(
    'annotations:unlink',
    z.strictObject({ fromId: id, toId: id, type: LinkTypeSchema }),
  ),
  /** One topic added to many highlights (the accepted suggestions), as one step of undo. */
  addTopicToAnnotations: call<Annotation[]>()(
    'annotations:add-topic',
    z.strictObject({ annotationIds: z.array(id).min(1).max(10_000), topicId: id }),
  ),
  listAnnotations: call<DocumentAnnotations[]>()('annotations:list', none),
  deleteAnnotation: call<{ id: string }>()('annotations:delete', z.strictObject({ id })),

  listParties: call<PartyWithCount[]>()('parties:list', none),
  createParty: call<Party>()(
    'parties:create',
    z.strictObject({
      name: partyFields.name,
      short: partyFields.short.optional(),
      colour: partyFields.colour.optional(),
      aliases: partyFields.aliases.optional(),
    }),
  ),
  updateParty: call<Party>()(
    'parties:update',
    z.strictObject({
      id,
      name: partyFields.name.optional(),
      short: partyFields.short.optional(),
      colour: partyFields.colour.optional(),
      aliases: partyFields.aliases.optional(),
    }),
  ),
  mergeParties: call<Party>()('parties:merge', z.strictObject({ fromId: id, intoId: id })),
  deleteParty: call<{ id: string }>()('parties:delete', z.strictObject({ id })),

  listStances: call<string[]>()('stances:list', none),
  addStance: call<string[]>()('stances:add', z.strictObject({ name: stanceName })),

  suggestStatements: call<Suggestion[]>()('suggestions:list', z.strictObject({ documentId: id })),
  /**
   * Accepts suggested statements of one document as highlights, in one change (one undo step): each key must be
   * suggested now (else nothing is added and the stale key is named); each becomes a highlight of its party with
   * its topics and no note. Returns the highlights and what is still suggested.
   */
  acceptSuggestions: call<AcceptedSuggestions>()(
    'suggestions:accept',
    z.strictObject({
      documentId: id,
      accept: z
        .array(z.strictObject({ key: suggestionKey, topicIds }))
        .min(1)
        .max(10_000),
    }),
  ),
  /** Dismisses one suggestion (key "documentId:start:end"); returns what is still suggested for its document. */
  dismissSuggestion: call<{ key: string; suggestions: Suggestion[] }>()(
    'suggestions:dismiss',
    z.strictObject({ key: suggestionKey }),
  ),
  /** For each statement, the codebook's topic its words name (see topic-proposal.ts), or null. */
  proposeTopics: call<Array<TopicProposal | null>>()(
    'topics:propose',
    z.strictObject({ texts: z.array(z.string().max(20_000)).max(1000) }),
  ),

  compare: call<Comparison>()('compare:get', z.strictObject({ topicId: id.optional() })),
  exportComparisonMarkdown: call<string>()(
    'export:compare-markdown',
    z.strictObject({ topicId: id.optional() }),
  ),
  saveComparisonMarkdown: call<{ path: string } | null>()(
    'export:save-compare-markdown',
    z.strictObject({ topicId: id.optional() }),
  ),

  search: call<SearchResults>()(
    'search:query',
    z.strictObject({
      query: z.string().max(500),
      topicId: id.optional(),
      partyId: id.optional(),
      documentId: id.optional(),
      hasNote: z.boolean().optional(),
      limit: z.number().int().min(1).max(10_000).optional(),
      /** Also return every text hit of this document as `ranges`, to mark them in the text. */
      rangesFor: id.optional(),
    }),
  ),

  undo: call<HistoryState>()('history:undo', none),
  redo: call<HistoryState>()('history:redo', none),
  historyState: call<HistoryState>()('history:state', none),
  /** Everything the renderer's store starts from; `notebookChanged` events carry each step after it. */
  loadNotebook: call<NotebookSnapshot>()('notebook:load', none),

  exportTopicMarkdown: call<string>()('export:topic-markdown', z.strictObject({ topicId: id, cite })),
  saveTopicMarkdown: call<{ path: string } | null>()(
    'export:save-topic-markdown',
    z.strictObject({ topicId: id, cite }),
  ),
  /** The whole notebook: one Markdown file, or one file per document in a folder. */
  saveNotebookMarkdown: call<{ path: string; files: number } | null>()(
    'export:save-notebook-markdown',
    z.strictObject({ mode: z.enum(['file', 'folder']), cite }),
  ),
  exportCsv: call<string>()('export:csv', none),
  saveCsv: call<{ path: string } | null>()('export:save-csv', none),

  exportMarkdown: call<string>()('export:markdown', z.strictObject({ documentId: id, cite })),
  saveMarkdown: call<{ path: string } | null>()(
    'export:save-markdown',
    z.strictObject({ documentId: id, cite }),
  ),
  exportW3C: call<string>()('export:w3c', z.strictObject({ documentId: id.optional() })),
  /** The highlights as W3C Web Annotations (JSON-LD): one document's, or the whole notebook's. */
  saveW3C: call<{ path: string } | null>()('export:save-w3c', z.strictObject({ documentId: id.optional() })),
  /**
   * W3C annotations from a file the user chooses; those whose target names no source go to `documentId` (the
   * open document). What can be anchored is added as one undoable change; null when the user cancels.
   */
  importAnnotationsFromDialog: call<AnnotationImportReport | null>()(
    'annotations:import-dialog',
    z.strictObject({ documentId: id.optional() }),
  ),

  // Versions of a document.
  listVersions: call<VersionSummary[]>()('versions:list', z.strictObject({ documentId: id })),
  openVersion: call<VersionText>()('versions:open', z.strictObject({ documentId: id, n: versionNumber })),
  diffVersions: call<VersionDiff>()(
    'versions:diff',
    z.strictObject({ documentId: id, from: versionNumber, to: versionNumber }),
  ),
  /** A file the user chooses, imported as the document's newest version; null when cancelled. */
  importVersionFromDialog: call<VersionImport | null>()(
    'versions:import-dialog',
    z.strictObject({ documentId: id }),
  ),
  /** A file dropped on the open document, imported as its newest version. */
  importVersionFile: call<VersionImport>()(
    'versions:import-file',
    z.strictObject({
      documentId: id,
      fileName: importedFile.shape.fileName,
      bytes: importedFile.shape.bytes,
    }),
  ),
  /** A document just imported (offered as `sameAddress`) made the newest version of `of`, and removed as its own. */
  makeVersion: call<VersionImport>()('versions:make', z.strictObject({ documentId: id, of: id })),
  versionReview: call<VersionReview>()('versions:review', z.strictObject({ documentId: id })),
  resolveReview: call<{ id: string }>()(
    'versions:resolve',
    z.strictObject({ annotationId: id, action: z.enum(['accept', 'keep-on-old', 'delete']) }),
  ),
  /** A waiting highlight pointed at the passage the user selected in the latest text. */
  reselectReview: call<Annotation>()(
    'versions:reselect',
    z.strictObject({ annotationId: id, start: offset, end: offset }),
  ),

  // Events and their accounts.
  listEvents: call<ParleyEvent[]>()('events:list', none),
  createEvent: call<ParleyEvent>()(
    'events:create',
    z.strictObject({ name: eventName, date: eventDate.optional(), documentIds: accountIds }),
  ),
  updateEvent: call<ParleyEvent>()(
    'events:update',
    z.strictObject({
      id,
      name: eventName.optional(),
      date: eventDate.optional(),
      documentIds: accountIds.optional(),
    }),
  ),
  deleteEvent: call<{ id: string }>()('events:delete', z.strictObject({ id })),
  alignAccounts: call<AccountsAlignment>()('events:align', z.strictObject({ eventId: id })),
  /** The statement a highlight quotes, in the other accounts of every event its document belongs to. */
  alsoIn: call<AlsoIn[]>()('events:also-in', z.strictObject({ annotationId: id })),
  compareAccounts: call<AccountComparison>()(
    'compare:accounts',
    z.strictObject({ eventId: id, topicId: id.optional() }),
  ),
  exportAccountsMarkdown: call<string>()('export:accounts-markdown', z.strictObject({ eventId: id })),
  saveAccountsMarkdown: call<{ path: string } | null>()(
    'export:save-accounts-markdown',
    z.strictObject({ eventId: id }),
  ),
  // Team sync (main/sync): off until the user shares or joins; the token stays in main.
  syncStatus: call<SyncStatus>()('sync:status', none),
  /** Puts the open notebook on a sync server and turns sync on: the status holds the link to give colleagues. */
  shareNotebook: call<SyncStatus>()('sync:share', z.strictObject({ server: syncServer, token: syncToken })),
  /** Makes a new local copy of a shared notebook, in a file the user picks; null when the user cancelled. */
  joinNotebook: call<{ path: string } | null>()(
    'sync:join',
    z.strictObject({ link: syncLink, server: syncServer, token: syncToken }),
  ),
  /** Syncs now, and on reconnecting as usual. */
  syncNow: call<SyncStatus>()('sync:now', none),
  /** Turns sync off for this notebook (the notebook and its copy on the server stay as they are). */
  stopSync: call<SyncStatus>()('sync:stop', none),
  syncConflicts: call<SyncConflict[]>()('sync:conflicts', none),
  /**
   * Settles a conflict: a field's by `choice`, the index of the value picked; a dangling link's by `action`,
   * restoring the deleted highlight or removing the link.
   */
  resolveSyncConflict: call<SyncStatus>()(
    'sync:resolve',
    z.strictObject({
      id: z.string().min(1).max(1000),
      choice: z.number().int().min(0).max(1000).optional(),
      action: z.enum(['restore', 'remove']).optional(),
    }),
  ),
  preferences: call<Preferences>()('settings:preferences', none),
  setAuthorName: call<Preferences>()(
    'settings:author-name',
    z.strictObject({ name: z.string().trim().max(MAX_NAME_LENGTH) }),
  ),
} as const;

export type Calls = typeof calls;
export type CallName = keyof Calls;
export type CallArgs<K extends CallName> = z.infer<Calls[K]['args']>;
export type CallResult<K extends CallName> = Calls[K] extends CallSpec<z.ZodType, infer R> ? R : never;

/** Messages main sends to the renderer. */
export interface Events {
  saveState: SaveState;
  menuCommand: MenuCommand;
  progress: Progress;
  /** Documents added from outside the window (a file opened with Parley): the renderer opens the first. */
  documentsAdded: string[];
  /** After every committed step of the notebook: what changed (see NotebookChange). */
  notebookChanged: NotebookChange;
  /** Sync's state, whenever it changes. */
  syncStatus: SyncStatus;
}
export type EventName = keyof Events;
export const eventChannels: { readonly [K in EventName]: string } = {
  saveState: 'event:save-state',
  menuCommand: 'event:menu-command',
  progress: 'event:progress',
  documentsAdded: 'event:documents-added',
  notebookChanged: 'event:notebook-changed',
  syncStatus: 'event:sync-status',
};

type Subscribe<K extends EventName> = `on${Capitalize<K>}`;

/** `window.parley`: one named async function per call, one `onX(listener) → unsubscribe` per event. */
export type ParleyApi = {
  [K in CallName]: CallArgs<K> extends undefined
    ? () => Promise<CallResult<K>>
    : (args: CallArgs<K>) => Promise<CallResult<K>>;
} & {
  [K in EventName as Subscribe<K>]: (listener: (payload: Events[K]) => void) => () => void;
};

/** What every handler returns over IPC: errors become data the renderer can show, never a thrown clone. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

export function subscribeName<K extends EventName>(name: K): Subscribe<K> {
  return `on${name[0]!.toUpperCase()}${name.slice(1)}` as Subscribe<K>;
}
