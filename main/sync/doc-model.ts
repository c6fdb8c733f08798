/**
 * The notebook as one Automerge document, and the two ways across: a committed change of the notebook (the states
 * before and after it) written into the document as the edits it made, and the document read back as the
 * notebook's parts.
 *
 * One document per notebook: a notebook is one unit of consistency. A highlight names its document, its topics and
 * its party, and links to highlights in other documents; deleting a topic takes it off every highlight; a version
 * re-points highlights across a document. An Automerge change is atomic only within one document, so with a
 * document per article a replica could hold a highlight whose topic had not arrived, or half of a topic merge.
 * What costs memory in Automerge is text held character by character; here only the notes are (annotations' and
 * documents'), which is where two people editing at once must both be kept. An article's text, its paragraphs, a
 * highlight's quote and every other string are immutable strings, replaced whole, at the cost of a plain string.
 *
 * Each collection is a map by id (a version by document and number), never a list: two machines adding at once
 * add two keys, and neither insert can land inside the other. Deleting marks the entry deleted (`_deletedBy`) and
 * keeps it, so what another machine still references (a link to a deleted highlight) can be shown and restored,
 * and an edit made meanwhile elsewhere lands on the kept entry rather than nowhere. Fields that two machines set
 * at once keep both values as Automerge conflicts (conflicts.ts shows them). Lists inside an entry (a highlight's
 * topics and links, an event's accounts) are Automerge lists edited item by item, so two machines adding a topic
 * each keep both. The order of each collection is kept by `_pos`, the place an entry was first written at.
 */
import * as A from '@automerge/automerge';
import type { Notebook } from '../../shared/model';

/** The collections of the notebook that are lists of entries with ids. */
export const KINDS = ['documents', 'topics', 'parties', 'annotations', 'versions', 'events'] as const;
export type Kind = (typeof KINDS)[number];
/** The notebook's lists of plain strings, kept as sets. */
export const SETS = ['stances', 'dismissedSuggestions'] as const;
export type SetKind = (typeof SETS)[number];

/**
 * A set's values are the keys of a map, each written with a leading `=`: a value may be any string, and Automerge
 * refuses some as keys (`__proto__`).
 */
const setKey = (value: string) => `=${value}`;

/** The values of one of the notebook's sets, as the document holds them, sorted. */
export function readSet(doc: NotebookDoc, set: SetKind): string[] {
  return Object.keys(doc[set] ?? {})
    .filter((key) => key.startsWith('='))
    .map((key) => key.slice(1))
    .sort();
}

type ListItem = 'string' | 'json';
interface FieldSpec {
  /** Edited character by character (concurrent edits merge). */
  text: readonly string[];
  /** Lists edited item by item: of strings, or of small objects kept as JSON. */
  lists: Readonly<Record<string, ListItem>>;
  /** Objects and arrays replaced whole, as JSON. */
  json: readonly string[];
  /**
   * Fields kept together as one JSON value (`_data`): those set when the entry is made and those that only hold
   * together (a highlight's passage and the version it is on). Each field Automerge keeps costs time and memory in
   * every replica, and a notebook has thousands of highlights: one value instead of seven. Two machines that set
   * them at once leave one conflict, settled whole.
   */
  packed?: readonly string[];
  /** Values a field takes when the entry does not hold it (not written for a new entry). */
  defaults?: Readonly<Record<string, unknown>>;
}

/** The field that holds an entry's packed fields. */
export const PACKED = '_data';

export const SPEC: Record<Kind, FieldSpec> = {
  documents: {
    text: ['note'],
    lists: { authors: 'string' },
    json: ['blocks', 'marks', 'file', 'pageStarts'],
  },
  topics: { text: [], lists: {}, json: [] },
  parties: { text: [], lists: { aliases: 'string' }, json: [] },
  annotations: {
    text: ['note'],
    lists: { topicIds: 'string', links: 'json' },
    json: [],
    packed: ['id', 'documentId', 'createdAt', 'author', 'target', 'version', 'carried'],
    defaults: { partyId: null, stance: null },
  },
  versions: { text: [], lists: {}, json: ['blocks', 'marks', 'file', 'pageStarts'] },
  events: { text: [], lists: { documentIds: 'string' }, json: [] },
};

/** Fields of the entry kept by this module, not the notebook's. */
export const DELETED_BY = '_deletedBy';
export const POSITION = '_pos';

export type Entry = Record<string, unknown>;
/** The document's shape. */
export interface NotebookDoc {
  parley: number;
  schemaVersion: number;
  /** Author names by actor id: who made each change, for conflicts and deletions. */
  authors: Record<string, unknown>;
  documents: Record<string, Entry>;
  topics: Record<string, Entry>;
  parties: Record<string, Entry>;
  annotations: Record<string, Entry>;
  versions: Record<string, Entry>;
  events: Record<string, Entry>;
  stances: Record<string, boolean>;
  dismissedSuggestions: Record<string, boolean>;
}

/** The format of the document; a replica refuses a document of a newer one. */
export const DOC_FORMAT = 1;

type Item = { id?: string; documentId?: string; n?: number } & object;

/** An entry's key in its collection's map. */
export function keyOf(kind: Kind, item: Item): string {
  if (kind === 'versions') return `${item.documentId}#${item.n}`;
  return String(item.id);
}

const immutable = (value: string) => new A.ImmutableString(value);

function stringOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (A.isImmutableString(value)) return value.val;
  return String(value);
}

function encodeListItem(kind: ListItem, value: unknown): A.ImmutableString {
  return immutable(kind === 'json' ? JSON.stringify(value) : String(value));
}

function itemKey(kind: ListItem, value: unknown): string {
  return kind === 'json' ? JSON.stringify(value) : String(value);
}

/** A field's value as the document holds it, for a new entry or a replaced value. */
export function encodeField(kind: Kind, field: string, value: unknown): unknown {
  const spec = SPEC[kind];
  if (value === undefined) return undefined;
  if (field === PACKED) return immutable(JSON.stringify(value));
  if (spec.text.includes(field)) return String(value);
  const list = spec.lists[field];
  if (list) return (value as unknown[]).map((item) => encodeListItem(list, item));
  if (spec.json.includes(field)) return immutable(JSON.stringify(value));
  if (typeof value === 'string') return immutable(value);
  if (value !== null && typeof value === 'object') return immutable(JSON.stringify(value));
  return value;
}

/** Deep equality of plain JSON-like values, ignoring the order of keys and keys whose value is undefined. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, i) => sameValue(item, other[i]));
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  for (const key of keys) {
    if (!sameValue(ra[key], rb[key])) return false;
  }
  return true;
}

/** The packed fields of an item, as `_data` holds them; null when its kind packs none. */
function packedOf(kind: Kind, item: Entry): Record<string, unknown> | null {
  const packed = SPEC[kind].packed;
  if (!packed) return null;
  const out: Record<string, unknown> = {};
  for (const field of packed) if (item[field] !== undefined) out[field] = item[field];
  return out;
}

const isPacked = (kind: Kind, field: string) => SPEC[kind].packed?.includes(field) ?? false;

/** Whether a field's value is the default its kind gives a field the entry does not hold. */
function isDefault(kind: Kind, field: string, value: unknown): boolean {
  const defaults = SPEC[kind].defaults;
  return defaults !== undefined && field in defaults && sameValue(defaults[field], value);
}

/** Writes a whole entry (new, or brought back after a delete) at `key`. */
function putEntry(d: NotebookDoc, kind: Kind, key: string, item: Item, position: number): void {
  const map = d[kind];
  const existing = map[key];
  if (existing) {
    // Brought back (an undone delete, or an edit of an entry deleted elsewhere): the kept entry is made the
    // notebook's again in place, field by field against what it holds now, so a field that has the notebook's value
    // already is not written (an edit others make to it meanwhile merges) and one the notebook lacks is taken off.
    writeFields(d, kind, key, existing, readEntry(kind, existing) as Entry, item as Entry);
    delete existing[DELETED_BY];
    return;
  }
  const entry: Entry = {};
  const packed = packedOf(kind, item as Entry);
  if (packed) entry[PACKED] = encodeField(kind, PACKED, packed);
  for (const [field, value] of Object.entries(item)) {
    if (isPacked(kind, field) || isDefault(kind, field, value)) continue;
    const encoded = encodeField(kind, field, value);
    if (encoded !== undefined) entry[field] = encoded;
  }
  entry[POSITION] = position;
  map[key] = entry;
}

/** Writes the fields of `after` that differ from `before` into the entry. */
function writeFields(
  d: NotebookDoc,
  kind: Kind,
  key: string,
  entry: Entry,
  before: Entry,
  after: Entry,
): void {
  const spec = SPEC[kind];
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
  let packedChanged = false;
  for (const field of fields) {
    const old = before[field];
    const next = after[field];
    if (sameValue(old, next)) continue;
    if (isPacked(kind, field)) {
      packedChanged = true;
      continue;
    }
    if (isDefault(kind, field, next) && !(field in entry)) continue;
    if (next === undefined) {
      delete entry[field];
      continue;
    }
    if (spec.text.includes(field) && typeof entry[field] === 'string') {
      A.updateText(d, [kind, key, field], String(next));
      continue;
    }
    const list = spec.lists[field];
    if (list && Array.isArray(entry[field])) {
      editList(entry[field] as unknown[], list, next as unknown[]);
      continue;
    }
    entry[field] = encodeField(kind, field, next);
  }
  if (packedChanged) entry[PACKED] = encodeField(kind, PACKED, packedOf(kind, after));
}

/**
 * Edits a list in place into `next`, item by item: removes what is gone, inserts what is new where it goes, so a
 * concurrent edit on another machine merges with this one. A reordering rewrites the list.
 */
function editList(list: unknown[], kind: ListItem, next: readonly unknown[]): void {
  const wanted = next.map((item) => itemKey(kind, item));
  const current = list.map((item) => (kind === 'json' ? stringOf(item) : stringOf(item)));
  const left = new Map<string, number>();
  for (const key of wanted) left.set(key, (left.get(key) ?? 0) + 1);
  const keep: boolean[] = current.map((key) => {
    const n = left.get(key) ?? 0;
    if (n === 0) return false;
    left.set(key, n - 1);
    return true;
  });
  for (let i = current.length - 1; i >= 0; i--) {
    if (!keep[i]) {
      list.splice(i, 1);
      current.splice(i, 1);
    }
  }
  // What is left must be a subsequence of `wanted`; insert the rest where it goes, or rewrite on a reorder.
  let j = 0;
  for (let i = 0; i < wanted.length && j <= current.length; i++) {
    if (current[j] === wanted[i]) j++;
  }
  if (j < current.length) {
    list.splice(0, list.length, ...next.map((item) => encodeListItem(kind, item)));
    return;
  }
  let at = 0;
  for (let i = 0; i < wanted.length; i++) {
    if (current[at] === wanted[i]) {
      at++;
      continue;
    }
    list.splice(at, 0, encodeListItem(kind, next[i]));
    current.splice(at, 0, wanted[i]!);
    at++;
  }
}

/** Marks an entry deleted, keeping it (see the top of this module). */
function markDeleted(d: NotebookDoc, kind: Kind, key: string, actor: string): void {
  const entry = d[kind][key];
  if (entry && entry[DELETED_BY] === undefined) entry[DELETED_BY] = immutable(actor);
}

/** Starts the document of a notebook: its shape, then its whole content as one change. */
export function initDoc(d: NotebookDoc, notebook: Notebook, actor: string): void {
  d.parley = DOC_FORMAT;
  d.schemaVersion = notebook.schemaVersion;
  // Author names recorded earlier in the same change (the replica records its own first) are kept.
  d.authors ??= {};
  for (const kind of KINDS) d[kind] = {};
  for (const set of SETS) d[set] = {};
  writeDiff(d, null, notebook, actor);
}

/**
 * Writes the edits that turned `before` into `after` (a committed change of the store) into the document: entries
 * added, changed field by field, deleted (kept, marked). `before` null writes all of `after`. Parts the change did
 * not touch (the same arrays, the same entries) are skipped without being looked at.
 */
export function writeDiff(d: NotebookDoc, before: Notebook | null, after: Notebook, actor: string): void {
  for (const kind of KINDS) {
    const old = (before?.[kind] ?? []) as readonly Item[];
    const next = after[kind] as readonly Item[];
    if (old === next) continue;
    const map = d[kind];
    // Most changes keep the list's order and length: then only the entries that are new objects are looked at.
    const sameOrder =
      old.length === next.length &&
      old.every((item, i) => item === next[i] || keyOf(kind, item) === keyOf(kind, next[i]!));
    const oldByKey = new Map<string, Item>();
    for (let i = 0; i < old.length; i++) {
      if (!sameOrder || old[i] !== next[i]) oldByKey.set(keyOf(kind, old[i]!), old[i]!);
    }
    const seen = new Set<string>();
    let position: number | null = null;
    next.forEach((item, i) => {
      if (sameOrder && old[i] === item) return;
      const key = keyOf(kind, item);
      seen.add(key);
      const was = oldByKey.get(key);
      if (was === item) return;
      const entry = map[key];
      if (was && entry && entry[DELETED_BY] === undefined) {
        writeFields(d, kind, key, entry, was as Entry, item as Entry);
      } else {
        position ??= Object.keys(map).length;
        putEntry(d, kind, key, item, entry ? Number(entry[POSITION] ?? position) : position++);
      }
    });
    for (const key of oldByKey.keys()) {
      if (!seen.has(key)) markDeleted(d, kind, key, actor);
    }
  }
  for (const set of SETS) {
    const old = before?.[set] ?? [];
    const next = after[set];
    if (old === next) continue;
    const map = d[set];
    const wanted = new Set(next);
    for (const value of old) if (!wanted.has(value)) delete map[setKey(value)];
    for (const value of next) if (map[setKey(value)] !== true) map[setKey(value)] = true;
  }
}

const MERGE_ACTORS = ['0a'.repeat(16), '0b'.repeat(16), '0c'.repeat(16)] as const;

/**
 * Three-way merge of one field of an entry that both sides changed since `base`, as sync would have merged the two
 * edits (for the replica's merge of the notebook file and the document on opening): a note keeps both sides' edits,
 * merged character by character; a list keeps what either side added and loses what either took off; any other
 * field, or a field taken off on either side, is `remote`'s.
 */
export function mergeField(
  kind: Kind,
  field: string,
  base: unknown,
  local: unknown,
  remote: unknown,
): unknown {
  const spec = SPEC[kind];
  const list = spec.lists[field];
  const text = spec.text.includes(field);
  if ((!text && !list) || local === undefined || remote === undefined) return remote;
  if (sameValue(local, base)) return remote;
  if (sameValue(remote, base)) return local;
  type Scratch = { value: unknown };
  const edit = (d: Scratch, value: unknown) => {
    if (text) A.updateText(d, ['value'], String(value));
    else editList(d.value as unknown[], list!, value as unknown[]);
  };
  const start = A.change(A.init<Scratch>({ actor: MERGE_ACTORS[0] }), (d) => {
    d.value = text ? String(base ?? '') : [];
    if (!text) edit(d, base ?? []);
  });
  const mine = A.change(A.clone(start, { actor: MERGE_ACTORS[1] }), (d) => edit(d, local));
  const theirs = A.change(A.clone(start, { actor: MERGE_ACTORS[2] }), (d) => edit(d, remote));
  const merged = A.merge(mine, theirs).value;
  return text ? merged : decodeField(kind, field, merged);
}

/** Reads a field's value out of the document into the notebook's form. */
export function decodeField(kind: Kind, field: string, value: unknown): unknown {
  const spec = SPEC[kind];
  if (field === PACKED) return JSON.parse(stringOf(value));
  const list = spec.lists[field];
  if (list && Array.isArray(value)) {
    const items = value.map((item) => (list === 'json' ? JSON.parse(stringOf(item)) : stringOf(item)));
    // Two machines adding the same item at once leave it twice: one is enough.
    const seen = new Set<string>();
    return items.filter((item) => {
      const key = itemKey(list, item);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }
  if (spec.json.includes(field)) return JSON.parse(stringOf(value));
  if (A.isImmutableString(value)) return value.val;
  return value;
}

/** Whether the entry is there and not deleted. */
export function isLive(entry: Entry | undefined): entry is Entry {
  return entry !== undefined && entry !== null && entry[DELETED_BY] === undefined;
}

/** An entry as the notebook holds it (without this module's own fields). */
export function readEntry(kind: Kind, entry: Entry): Item {
  const item: Entry = { ...SPEC[kind].defaults };
  for (const [field, value] of Object.entries(entry)) {
    if (field === DELETED_BY || field === POSITION) continue;
    if (field === PACKED) Object.assign(item, decodeField(kind, field, value));
    else item[field] = decodeField(kind, field, value);
  }
  return item as Item;
}

/** One field of an entry, as the notebook holds it, packed or not (undefined when it has none). */
export function fieldOf(kind: Kind, entry: Entry, field: string): unknown {
  if (isPacked(kind, field)) {
    const packed = entry[PACKED];
    return packed === undefined ? undefined : (decodeField(kind, PACKED, packed) as Entry)[field];
  }
  const value = entry[field];
  if (value === undefined) return SPEC[kind].defaults?.[field];
  return decodeField(kind, field, value);
}

/** The live entries of a collection, in order (by `_pos`, then key). */
export function readCollection(doc: NotebookDoc, kind: Kind): Item[] {
  const map = doc[kind] ?? {};
  const keys = Object.keys(map).filter((key) => isLive(map[key]));
  keys.sort((a, b) => {
    const pa = Number(map[a]![POSITION] ?? 0);
    const pb = Number(map[b]![POSITION] ?? 0);
    return pa - pb || (a < b ? -1 : a > b ? 1 : 0);
  });
  return keys.map((key) => readEntry(kind, map[key]!));
}

/** The notebook the document holds, whole (its schema checked by the caller). */
export function readNotebook(doc: NotebookDoc): Notebook {
  const notebook: Record<string, unknown> = { schemaVersion: doc.schemaVersion };
  for (const kind of KINDS) notebook[kind] = readCollection(doc, kind);
  for (const set of SETS) notebook[set] = readSet(doc, set);
  return notebook as unknown as Notebook;
}

/** Which entries (by kind and key) and which sets the patches of a change touched. */
export interface Touched {
  entries: Map<Kind, Set<string>>;
  sets: Set<SetKind>;
  authors: boolean;
}

export function touchedBy(patches: readonly A.Patch[]): Touched {
  const touched: Touched = { entries: new Map(), sets: new Set(), authors: false };
  for (const patch of patches) {
    const [top, key] = patch.path;
    if (typeof top !== 'string') continue;
    if ((KINDS as readonly string[]).includes(top)) {
      const kind = top as Kind;
      if (key === undefined) {
        // The whole map was set: everything in it.
        touched.entries.set(kind, new Set(['*']));
        continue;
      }
      let keys = touched.entries.get(kind);
      if (!keys) touched.entries.set(kind, (keys = new Set()));
      keys.add(String(key));
    } else if ((SETS as readonly string[]).includes(top)) {
      touched.sets.add(top as SetKind);
    } else if (top === 'authors') {
      touched.authors = true;
    }
  }
  return touched;
}

/** The author name of an actor, as the document records it; a short form of the actor id when it has none. */
export function authorOf(doc: NotebookDoc, actor: string): string {
  const name = doc.authors?.[actor];
  const text = name === undefined ? '' : stringOf(name).trim();
  return text || `someone (${actor.slice(0, 8)})`;
}

export { stringOf };
