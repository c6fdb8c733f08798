/**
 * What sync cannot settle alone, found in the notebook's Automerge document and settled by the user's pick:
 *
 * - a field two machines set at once (a topic renamed differently, a highlight given two stances): Automerge keeps
 *   every value as a conflict and shows one; each is listed with the author of the machine that set it, and the
 *   value the user keeps is written again, which ends the conflict everywhere;
 * - a link to a highlight another machine deleted: the deleted highlight is kept (doc-model.ts), so the user can
 *   restore it or remove the link.
 *
 * Notes merge character by character and never conflict; lists (topics on a highlight, links) merge item by item.
 */
import * as A from '@automerge/automerge';
import type { SyncConflict } from '../../shared/contract';
import {
  DELETED_BY,
  PACKED,
  POSITION,
  SPEC,
  authorOf,
  decodeField,
  encodeField,
  fieldOf,
  isLive,
  stringOf,
  type Entry,
  type Kind,
  type NotebookDoc,
} from './doc-model';

/** The kinds whose fields the user sets, and how each is named. */
const LABELS: Partial<Record<Kind, string>> = {
  topics: 'Topic',
  parties: 'Party',
  annotations: 'Highlight',
  documents: 'Document',
  events: 'Event',
};

const FIELD_NAMES: Record<string, string> = {
  [PACKED]: 'passage',
  path: 'name',
  name: 'name',
  short: 'short name',
  colour: 'colour',
  description: 'description',
  stance: 'stance',
  partyId: 'party',
  title: 'title',
  source: 'source',
  published: 'date',
  url: 'address',
  byline: 'byline',
  citationKey: 'citation key',
  pages: 'pages',
  date: 'date',
  target: 'passage',
  text: 'text',
  version: 'version',
};

/** Fields that change as a side effect, not as the user's choice. */
const IGNORED = new Set(['updatedAt', 'openedAt', 'createdAt', 'importedAt', POSITION, DELETED_BY]);

/**
 * Fields that hold only together: a document's text and what lies over it (a new version writes them all at once),
 * a highlight's passage and the version it is on. Two machines that each imported a new version of a document
 * leave conflicts on several of them, and a pick field by field could lay one text out by the other's paragraphs.
 * So a group is one conflict, listed under its first field that has one, and the pick takes every field of the
 * group as the machine that set the value picked had it.
 */
const GROUPS: Partial<Record<Kind, readonly string[]>> = {
  documents: [
    'text',
    'blocks',
    'marks',
    'contentHash',
    'pageStarts',
    'file',
    'format',
    'version',
    'importedAt',
  ],
};

function short(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** How an entry is named in a conflict's title. */
function describe(kind: Kind, entry: Entry): string {
  const read = (field: string) => fieldOf(kind, entry, field) ?? '';
  switch (kind) {
    case 'topics':
      return `“${String(read('path'))}”`;
    case 'parties':
    case 'events':
      return `“${String(read('name'))}”`;
    case 'documents':
      return `“${short(String(read('title')))}”`;
    case 'annotations': {
      const target = read('target') as { exact?: string } | '';
      return `“${short(typeof target === 'object' ? (target.exact ?? '') : '')}”`;
    }
    default:
      return '';
  }
}

/** A value as the user reads it. */
function valueText(doc: NotebookDoc, kind: Kind, field: string, value: unknown): string {
  const decoded = decodeField(kind, field, value);
  if (decoded === null || decoded === undefined || decoded === '') return 'none';
  if (field === 'partyId' && typeof decoded === 'string') {
    const party = doc.parties?.[decoded];
    return party && isLive(party) ? stringOf(party.name) : 'a deleted party';
  }
  if (field === 'target' && typeof decoded === 'object')
    return `“${short((decoded as { exact: string }).exact)}”`;
  if (field === PACKED && kind === 'annotations' && typeof decoded === 'object') {
    const { target, version } = decoded as { target?: { exact: string }; version?: number };
    return `“${short(target?.exact ?? '')}”${version ? ` on version ${version}` : ''}`;
  }
  if (typeof decoded === 'object') return JSON.stringify(decoded);
  return String(decoded);
}

const actorOf = (opId: string) => opId.slice(opId.indexOf('@') + 1);

interface Value {
  opId: string;
  text: string;
  raw: unknown;
  author: string;
}

/** The values a field was set to at once, with who set each; null when it has one, or several that are the same. */
function valuesOf(doc: NotebookDoc, kind: Kind, entry: Entry, field: string): Value[] | null {
  const conflicts = A.getConflicts(entry, field);
  if (!conflicts) return null;
  const opIds = Object.keys(conflicts);
  if (opIds.length < 2) return null;
  const values = opIds.map((opId) => ({
    opId,
    text: valueText(doc, kind, field, conflicts[opId]),
    raw: decodeField(kind, field, conflicts[opId]),
    author: authorOf(doc, actorOf(opId)),
  }));
  // The same value set on two machines is no conflict.
  if (values.every((value) => JSON.stringify(value.raw) === JSON.stringify(values[0]!.raw))) return null;
  if (kind === 'documents' && field === 'text') {
    // Two versions of an article: each shown from where they part.
    const texts = values.map((value) => String(value.raw));
    let from = 0;
    while (texts.every((text) => from < text.length && text[from] === texts[0]![from])) from++;
    const start = Math.max(0, from - 20);
    values.forEach((value, i) => {
      value.text = `${start > 0 ? '…' : ''}${short(texts[i]!.slice(start))} (${texts[i]!.length} characters)`;
    });
  }
  if (
    (field === 'target' || (field === PACKED && kind === 'annotations')) &&
    new Set(values.map((value) => value.text)).size < values.length
  ) {
    // The same words in two places: where each is.
    for (const value of values) {
      const target = (field === PACKED ? (value.raw as { target: unknown }).target : value.raw) as {
        start: number;
        end: number;
      };
      value.text = `${value.text} at ${target.start}–${target.end}`;
    }
  }
  return values;
}

/** The field conflicts of one entry. */
function entryConflicts(doc: NotebookDoc, kind: Kind, key: string, entry: Entry): SyncConflict[] {
  const label = LABELS[kind];
  if (!label) return [];
  const spec = SPEC[kind];
  const group = GROUPS[kind] ?? [];
  const found = new Map<string, Value[]>();
  const lead = group.find((field) => {
    if (IGNORED.has(field) || !(field in entry)) return false;
    const values = valuesOf(doc, kind, entry, field);
    if (values) found.set(field, values);
    return values !== null;
  });
  const out: SyncConflict[] = [];
  for (const field of Object.keys(entry).sort()) {
    if (IGNORED.has(field) || spec.text.includes(field) || spec.lists[field]) continue;
    if (group.includes(field) && field !== lead) continue;
    const values = found.get(field) ?? valuesOf(doc, kind, entry, field);
    if (!values) continue;
    const shownRaw = JSON.stringify(decodeField(kind, field, entry[field]));
    let shownMarked = false;
    out.push({
      id: `field:${kind}:${key}:${field}`,
      kind: 'field',
      title: `${label} ${describe(kind, entry)}: ${FIELD_NAMES[field] ?? field}`,
      values: values.map((value) => {
        const isShown = !shownMarked && JSON.stringify(value.raw) === shownRaw;
        if (isShown) shownMarked = true;
        return { text: value.text, author: value.author, shown: isShown };
      }),
    });
  }
  return out;
}

/** Links from live highlights to highlights that were deleted. */
function danglingLinks(doc: NotebookDoc, key: string, entry: Entry): SyncConflict[] {
  const links = entry.links;
  if (!Array.isArray(links)) return [];
  const out: SyncConflict[] = [];
  const listed = new Set<string>();
  for (const item of links) {
    const link = JSON.parse(stringOf(item)) as { type: string; annotationId: string };
    const target: Entry | undefined = doc.annotations[link.annotationId];
    if (target && target[DELETED_BY] === undefined) continue;
    // The same link made on two machines at once is in the list twice: it is one link to settle.
    const id = `link:${key}:${link.type}:${link.annotationId}`;
    if (listed.has(id)) continue;
    listed.add(id);
    const quote = target
      ? ((fieldOf('annotations', target, 'target') as { exact?: string } | undefined)?.exact ?? '')
      : '';
    const deletedBy = target ? authorOf(doc, stringOf(target[DELETED_BY])) : 'unknown';
    out.push({
      id,
      kind: 'dangling-link',
      title: `Link to a deleted highlight, from ${describe('annotations', entry)}`,
      values: [],
      link: { from: key, to: link.annotationId, type: link.type, quote, deletedBy },
    });
  }
  return out;
}

/**
 * Every conflict and dangling link of the given entries (all of them when `only` is absent), in the order of their
 * kinds, keys and fields: the order of a map's keys in the document is the order they arrived in, which differs
 * from machine to machine, and every machine lists the same conflicts in the same order.
 */
export function findConflicts(doc: NotebookDoc, only?: Map<Kind, Set<string>>): SyncConflict[] {
  const out: SyncConflict[] = [];
  for (const kind of Object.keys(LABELS) as Kind[]) {
    const map = doc[kind] ?? {};
    const all = !only || only.get(kind)?.has('*');
    const keys = all ? Object.keys(map) : [...(only?.get(kind) ?? [])];
    for (const key of keys.sort()) {
      const entry = map[key];
      if (!isLive(entry)) continue;
      out.push(...entryConflicts(doc, kind, key, entry));
      if (kind === 'annotations')
        out.push(...danglingLinks(doc, key, entry), ...danglingRefs(doc, key, entry));
    }
  }
  return out;
}

/** The entry a conflict id names: its kind and key (and field or link). */
export function parseConflictId(
  id: string,
):
  | { kind: 'field'; entryKind: Kind; key: string; field: string }
  | { kind: 'link'; from: string; type: string; to: string }
  | null {
  const parts = id.split(':');
  if (parts[0] === 'field' && parts.length >= 4) {
    const entryKind = parts[1] as Kind;
    if (!LABELS[entryKind]) return null;
    return { kind: 'field', entryKind, key: parts.slice(2, -1).join(':'), field: parts[parts.length - 1]! };
  }
  if (parts[0] === 'link' && parts.length === 4)
    return { kind: 'link', from: parts[1]!, type: parts[2]!, to: parts[3]! };
  return null;
}

/**
 * Settles a field conflict inside a change: writes the picked value again, which supersedes every value set
 * before it. `choice` indexes the values as findConflicts listed them.
 */
export function pickValue(
  d: NotebookDoc,
  entryKind: Kind,
  key: string,
  field: string,
  choice: number,
): boolean {
  const entry = d[entryKind]?.[key];
  if (!entry) return false;
  const conflicts = A.getConflicts(entry, field);
  const opIds = conflicts ? Object.keys(conflicts) : [];
  if (choice < 0 || choice >= opIds.length) return false;
  const opId = opIds[choice]!;
  const group = GROUPS[entryKind];
  const seen = group?.includes(field) ? viewAfter(d, opId)?.[entryKind]?.[key] : undefined;
  if (group && seen) {
    // The whole group as the machine that set the value had it (see GROUPS): a field it did not write there (its
    // value unchanged, or absent) is taken from what it saw, not left as another machine set it.
    for (const member of group) {
      const value = seen[member];
      if (value !== undefined)
        entry[member] = encodeField(entryKind, member, decodeField(entryKind, member, value));
      else if (member in entry) delete entry[member];
    }
    return true;
  }
  entry[field] = encodeField(entryKind, field, decodeField(entryKind, field, conflicts![opId]));
  return true;
}

/** The document as the machine that made an operation (`counter@actor`) saw it once its change was made. */
function viewAfter(d: NotebookDoc, opId: string): NotebookDoc | null {
  const at = opId.indexOf('@');
  const counter = Number(opId.slice(0, at));
  const actor = opId.slice(at + 1);
  const change = A.getChangesMetaSince(d, []).find(
    (meta) => meta.actor === actor && meta.startOp <= counter && counter <= meta.maxOp,
  );
  return change ? A.view(d, [change.hash]) : null;
}

/** The kinds a highlight refers to besides other highlights, by the reference's type in a conflict's id. */
const REFERENCES = {
  topic: { kind: 'topics', field: 'path', noun: 'topic' },
  party: { kind: 'parties', field: 'name', noun: 'party' },
  document: { kind: 'documents', field: 'title', noun: 'document' },
} as const;
type Reference = keyof typeof REFERENCES;

/** A highlight's topics, party and document that another machine deleted. */
function danglingRefs(doc: NotebookDoc, key: string, entry: Entry): SyncConflict[] {
  const refs: Array<[Reference, string]> = [];
  const topicIds = fieldOf('annotations', entry, 'topicIds');
  if (Array.isArray(topicIds)) for (const id of topicIds) refs.push(['topic', String(id)]);
  const partyId = fieldOf('annotations', entry, 'partyId');
  if (typeof partyId === 'string') refs.push(['party', partyId]);
  const documentId = fieldOf('annotations', entry, 'documentId');
  if (typeof documentId === 'string') refs.push(['document', documentId]);
  const out: SyncConflict[] = [];
  for (const [type, id] of refs) {
    const { kind, field, noun } = REFERENCES[type];
    const target: Entry | undefined = doc[kind]?.[id];
    // Only what was there and was deleted: an id the document never held is not another machine's doing.
    if (!target || target[DELETED_BY] === undefined) continue;
    out.push({
      id: `link:${key}:${type}:${id}`,
      kind: 'dangling-link',
      title: `A ${noun} deleted on another machine, still used by ${describe('annotations', entry)}`,
      values: [],
      link: {
        from: key,
        to: id,
        type,
        quote: String(fieldOf(kind, target, field) ?? ''),
        deletedBy: authorOf(doc, stringOf(target[DELETED_BY])),
        deleted: type,
      },
    });
  }
  return out;
}

/** Settles a dangling link: brings the deleted highlight back, or takes the link off the linking one. */
export function settleLink(
  d: NotebookDoc,
  link: { from: string; type: string; to: string },
  action: 'restore' | 'remove',
): boolean {
  const from = d.annotations[link.from];
  if (link.type in REFERENCES) {
    const { kind } = REFERENCES[link.type as Reference];
    const target = d[kind]?.[link.to];
    if (action === 'restore') {
      if (!target || target[DELETED_BY] === undefined) return false;
      delete target[DELETED_BY];
      return true;
    }
    if (!from) return false;
    if (link.type === 'document') {
      if (from[DELETED_BY] === undefined) from[DELETED_BY] = new A.ImmutableString(A.getActorId(d));
      return true;
    }
    if (link.type === 'party') {
      from.partyId = null;
      return true;
    }
    const topics = from.topicIds;
    if (!Array.isArray(topics)) return false;
    let removed = false;
    for (let i = topics.length - 1; i >= 0; i--) {
      if (stringOf(topics[i]) === link.to) {
        topics.splice(i, 1);
        removed = true;
      }
    }
    return removed;
  }
  const to = d.annotations[link.to];
  if (action === 'restore') {
    if (!to) return false;
    delete to[DELETED_BY];
    return true;
  }
  const links = from?.links;
  if (!Array.isArray(links)) return false;
  let removed = false;
  for (let i = links.length - 1; i >= 0; i--) {
    const item = JSON.parse(stringOf(links[i])) as { type: string; annotationId: string };
    if (item.type === link.type && item.annotationId === link.to) {
      links.splice(i, 1);
      removed = true;
    }
  }
  return removed;
}
