/**
 * A quick reading of a notebook that is already well formed, the common case on every open: one walk over the
 * parsed JSON that checks what NotebookSchema checks and builds the same value it would (unknown keys dropped,
 * defaults filled in, keys in schema order). It never decides that a notebook is bad: on anything it does not
 * expect, even something the schema might accept, it gives up and returns null, and the caller asks the schema,
 * which gives the verdict and the message. So it can only be stricter than the schema, never looser.
 */
import {
  isSafeHref,
  MAX_BLOCK_DEPTH,
  SCHEMA_VERSION,
  type Annotation,
  type AnnotationLink,
  type Block,
  type BlockKind,
  type DocumentFormat,
  type Mark,
  type Notebook,
  type ParleyDocument,
  type Party,
  type TextTarget,
  type Topic,
} from '../../shared/model';

/** Thrown inside the walk at the first thing it does not accept; never leaves this module. */
const GIVE_UP: unique symbol = Symbol('give up');

/** The keys each part of the notebook has, in schema order; a test holds them equal to NotebookSchema's. */
export const READER_KEYS = {
  notebook: [
    'schemaVersion',
    'documents',
    'topics',
    'parties',
    'annotations',
    'stances',
    'dismissedSuggestions',
  ],
  document: [
    'id',
    'title',
    'source',
    'published',
    'url',
    'importedAt',
    'format',
    'text',
    'blocks',
    'contentHash',
    'note',
    'byline',
    'marks',
    'openedAt',
  ],
  block: ['kind', 'start', 'end', 'level', 'depth', 'ordered', 'number', 'continues'],
  mark: ['kind', 'start', 'end', 'href'],
  topic: ['id', 'path', 'colour', 'description'],
  party: ['id', 'name', 'short', 'colour', 'aliases'],
  annotation: [
    'id',
    'documentId',
    'target',
    'topicIds',
    'partyId',
    'stance',
    'note',
    'links',
    'createdAt',
    'updatedAt',
  ],
  target: ['start', 'end', 'exact', 'prefix', 'suffix'],
  link: ['type', 'annotationId'],
} as const;

const BLOCK_KINDS: ReadonlySet<string> = new Set<BlockKind>([
  'heading',
  'paragraph',
  'quote',
  'list-item',
  'code',
]);
const MARK_KINDS: ReadonlySet<string> = new Set<Mark['kind']>(['em', 'strong', 'code', 'link', 'del']);
const FORMATS: ReadonlySet<string> = new Set<DocumentFormat>(['text', 'markdown', 'html']);

type Json = Record<string, unknown>;

function object(value: unknown): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw GIVE_UP;
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) throw GIVE_UP;
  return value as Json;
}

/** A new array of `read` applied to each item; holes count as missing items. */
function array<T>(value: unknown, read: (item: unknown) => T, max = Infinity): T[] {
  if (!Array.isArray(value) || value.length > max) throw GIVE_UP;
  const out = new Array<T>(value.length);
  for (let i = 0; i < value.length; i++) out[i] = read(value[i]);
  return out;
}

function string(value: unknown, min: number, max: number): string {
  if (typeof value !== 'string' || value.length < min || value.length > max) throw GIVE_UP;
  return value;
}

function text(value: unknown): string {
  if (typeof value !== 'string') throw GIVE_UP;
  return value;
}

function int(value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) throw GIVE_UP;
  return value;
}

function boolean(value: unknown): boolean {
  if (typeof value !== 'boolean') throw GIVE_UP;
  return value;
}

const id = (value: unknown) => string(value, 1, 100);
const isoTime = (value: unknown) => string(value, 1, 40);
const offset = (value: unknown) => int(value, 0, Number.MAX_SAFE_INTEGER);

/**
 * An optional key: absent stays absent; present must be a value (a key present as undefined is left to the
 * schema, whose output would keep it).
 */
function has(input: Json, key: string): boolean {
  if (!(key in input)) return false;
  if (input[key] === undefined) throw GIVE_UP;
  return true;
}

function block(value: unknown): Block {
  const input = object(value);
  const kind = input.kind;
  if (typeof kind !== 'string' || !BLOCK_KINDS.has(kind)) throw GIVE_UP;
  const out: Block = { kind: kind as BlockKind, start: offset(input.start), end: offset(input.end) };
  if (has(input, 'level')) out.level = int(input.level, 1, 6);
  if (has(input, 'depth')) out.depth = int(input.depth, 1, MAX_BLOCK_DEPTH);
  if (has(input, 'ordered')) out.ordered = boolean(input.ordered);
  if (has(input, 'number')) out.number = int(input.number, 0, 2_147_483_647);
  if (has(input, 'continues')) out.continues = boolean(input.continues);
  return out;
}

function mark(value: unknown): Mark {
  const input = object(value);
  const kind = input.kind;
  if (typeof kind !== 'string' || !MARK_KINDS.has(kind)) throw GIVE_UP;
  const out: Mark = { kind: kind as Mark['kind'], start: offset(input.start), end: offset(input.end) };
  if (has(input, 'href')) out.href = string(input.href, 0, 4000);
  if (out.start >= out.end) throw GIVE_UP;
  if (out.kind === 'link' && (out.href === undefined || !isSafeHref(out.href))) throw GIVE_UP;
  return out;
}

function document(value: unknown): ParleyDocument {
  const input = object(value);
  const out: ParleyDocument = {
    id: id(input.id),
    title: string(input.title, 0, 1000),
    source: string(input.source, 0, 1000),
    published: string(input.published, 0, 40),
    url: string(input.url, 0, 4000),
    importedAt: isoTime(input.importedAt),
    format: FORMATS.has(input.format as string) ? (input.format as DocumentFormat) : fail(),
    text: text(input.text),
    blocks: array(input.blocks, block),
    contentHash: string(input.contentHash, 0, 128),
    note: text(input.note),
    byline: string(input.byline, 0, 1000),
    marks: has(input, 'marks') ? array(input.marks, mark) : [],
    openedAt: has(input, 'openedAt') ? string(input.openedAt, 0, 40) : '',
  };
  for (const m of out.marks) if (m.end > out.text.length) throw GIVE_UP;
  return out;
}

function fail(): never {
  throw GIVE_UP;
}

function topic(value: unknown): Topic {
  const input = object(value);
  return {
    id: id(input.id),
    path: string(input.path, 1, 200),
    colour: string(input.colour, 0, 40),
    description: string(input.description, 0, 4000),
  };
}

function party(value: unknown): Party {
  const input = object(value);
  return {
    id: id(input.id),
    name: string(input.name, 1, 200),
    short: string(input.short, 0, 40),
    colour: string(input.colour, 0, 40),
    aliases: array(input.aliases, (alias) => string(alias, 0, 200), 200),
  };
}

function target(value: unknown): TextTarget {
  const input = object(value);
  return {
    start: offset(input.start),
    end: offset(input.end),
    exact: string(input.exact, 1, Infinity),
    prefix: text(input.prefix),
    suffix: text(input.suffix),
  };
}

function link(value: unknown): AnnotationLink {
  const input = object(value);
  return { type: string(input.type, 1, 40), annotationId: id(input.annotationId) };
}

function annotation(value: unknown): Annotation {
  const input = object(value);
  return {
    id: id(input.id),
    documentId: id(input.documentId),
    target: target(input.target),
    topicIds: array(input.topicIds, id, 200),
    partyId: input.partyId === null ? null : id(input.partyId),
    stance: input.stance === null ? null : string(input.stance, 0, 40),
    note: text(input.note),
    links: array(input.links, link, 200),
    createdAt: isoTime(input.createdAt),
    updatedAt: isoTime(input.updatedAt),
  };
}

/**
 * The notebook NotebookSchema.parse would give for `value`, read quickly, or null when this reading does not
 * accept it (then only the schema can say whether, and why, it is not a notebook).
 */
export function readWellFormedNotebook(value: unknown): Notebook | null {
  try {
    const input = object(value);
    if (input.schemaVersion !== SCHEMA_VERSION) return null;
    return {
      schemaVersion: SCHEMA_VERSION,
      documents: array(input.documents, document),
      topics: array(input.topics, topic),
      parties: array(input.parties, party),
      annotations: array(input.annotations, annotation),
      stances: array(input.stances, (stance) => string(stance, 1, 40), 200),
      dismissedSuggestions: array(input.dismissedSuggestions, (key) => string(key, 0, 300)),
    };
  } catch (error) {
    if (error === GIVE_UP) return null;
    throw error;
  }
}
