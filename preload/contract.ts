/**
 * The one API between renderer and main, declared once: each call's channel, the schema its argument must pass,
 * and its result type. Main implements it (main/ipc), the preload exposes it as named functions on
 * `window.parley`, and the renderer calls it through the `ParleyApi` type derived here.
 */
import { z } from 'zod';
import { LinkTypeSchema } from '../main/core/model';
import type {
  Annotation,
  Comparison,
  DocumentSummary,
  OpenedDocument,
  Party,
  ParleyDocument,
  Suggestion,
  Topic,
} from '../main/core/model';

export type {
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
} from '../main/core/model';
export { LINK_TYPES, STANDARD_STANCES } from '../main/core/model';

const id = z.string().min(1).max(100);
const offset = z.number().int().nonnegative().max(1_000_000_000);
const note = z.string().max(1_000_000);
const topicIds = z.array(id).max(200);
const stance = z.string().trim().min(1).max(40).nullable();
const partyFields = {
  name: z.string().trim().min(1).max(200),
  short: z.string().trim().max(40),
  colour: z.string().max(40),
  aliases: z.array(z.string().trim().min(1).max(200)).max(200),
};
/** Largest text accepted from a drop or paste, in UTF-16 code units (20 MB of ASCII). */
export const MAX_IMPORT_CHARS = 20_000_000;

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

export type MenuCommand =
  'import' | 'export-markdown' | 'export-comparison' | 'highlight' | 'find' | 'compare';

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

export const calls = {
  notebookInfo: call<NotebookInfo>()('notebook:info', none),
  saveState: call<SaveState>()('notebook:save-state', none),

  listDocuments: call<DocumentSummary[]>()('documents:list', none),
  openDocument: call<OpenedDocument>()('documents:open', z.strictObject({ id })),
  importDocument: call<DocumentSummary>()(
    'documents:import',
    z.strictObject({
      fileName: z.string().min(1).max(1000),
      content: z.string().max(MAX_IMPORT_CHARS),
    }),
  ),
  importFromDialog: call<DocumentSummary[]>()('documents:import-dialog', none),
  updateDocument: call<ParleyDocument>()(
    'documents:update',
    z.strictObject({
      id,
      title: z.string().min(1).max(1000).optional(),
      source: z.string().max(1000).optional(),
      published: z.string().max(40).optional(),
    }),
  ),

  listTopics: call<TopicWithCount[]>()('topics:list', none),
  createTopic: call<Topic>()(
    'topics:create',
    z.strictObject({
      path: z.string().min(1).max(200),
      colour: z.string().max(40).optional(),
    }),
  ),

  createAnnotation: call<Annotation>()(
    'annotations:create',
    z.strictObject({
      documentId: id,
      start: offset,
      end: offset,
      topicIds,
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
  addStance: call<string[]>()('stances:add', z.strictObject({ name: z.string().trim().min(1).max(40) })),

  suggestStatements: call<Suggestion[]>()('suggestions:list', z.strictObject({ documentId: id })),
  dismissSuggestion: call<{ key: string }>()(
    'suggestions:dismiss',
    z.strictObject({ key: z.string().min(1).max(300) }),
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

  exportMarkdown: call<string>()('export:markdown', z.strictObject({ documentId: id })),
  saveMarkdown: call<{ path: string } | null>()('export:save-markdown', z.strictObject({ documentId: id })),
  exportW3C: call<string>()('export:w3c', z.strictObject({ documentId: id.optional() })),
} as const;

export type Calls = typeof calls;
export type CallName = keyof Calls;
export type CallArgs<K extends CallName> = z.infer<Calls[K]['args']>;
export type CallResult<K extends CallName> = Calls[K] extends CallSpec<z.ZodType, infer R> ? R : never;

/** Messages main sends to the renderer. */
export interface Events {
  saveState: SaveState;
  menuCommand: MenuCommand;
}
export type EventName = keyof Events;
export const eventChannels: { readonly [K in EventName]: string } = {
  saveState: 'event:save-state',
  menuCommand: 'event:menu-command',
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
