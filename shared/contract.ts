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
import { LinkTypeSchema } from './model';

/**
 * Bounds of what Edit details may send for a citation: loose enough that main's own checks (core/citation.ts) say
 * what is wrong in words, when a name is too long or there are too many authors.
 */
/** Whether a Markdown export follows each quote with a Pandoc citation, `[@key, ¶ 9]` (default none). */
const cite = z.enum(['none', 'pandoc']).optional();

const authorList = z.array(z.string().max(MAX_TITLE_LENGTH)).max(1000);
import type {
  Annotation,
  Comparison,
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
  kind: 'change' | 'undo' | 'redo' | 'bookkeeping';
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
}
export type EventName = keyof Events;
export const eventChannels: { readonly [K in EventName]: string } = {
  saveState: 'event:save-state',
  menuCommand: 'event:menu-command',
  progress: 'event:progress',
  documentsAdded: 'event:documents-added',
  notebookChanged: 'event:notebook-changed',
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
