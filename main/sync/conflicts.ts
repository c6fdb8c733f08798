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
  POSITION,
  SPEC,
  authorOf,
  decodeField,
  encodeField,
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
};

/** Fields that change as a side effect, not as the user's choice. */
const IGNORED = new Set(['updatedAt', 'openedAt', 'createdAt', 'importedAt', POSITION, DELETED_BY]);

function short(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** How an entry is named in a conflict's title. */
function describe(kind: Kind, entry: Entry): string {
  const read = (field: string) => {
    const value = entry[field];
    return value === undefined || value === null ? '' : decodeField(kind, field, value);
  };
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
  if (typeof decoded === 'object') return JSON.stringify(decoded);
  return String(decoded);
}

const actorOf = (opId: string) => opId.slice(opId.indexOf('@') + 1);

/** The field conflicts of one entry. */
function entryConflicts(doc: NotebookDoc, kind: Kind, key: string, entry: Entry): SyncConflict[] {
  const label = LABELS[kind];
  if (!label) return [];
  const spec = SPEC[kind];
  const out: SyncConflict[] = [];
  for (const field of Object.keys(entry)) {
    if (IGNORED.has(field) || spec.text.includes(field) || spec.lists[field]) continue;
    const conflicts = A.getConflicts(entry, field);
    if (!conflicts) continue;
    const opIds = Object.keys(conflicts);
    if (opIds.length < 2) continue;
    const shown = entry[field];
    const values = opIds.map((opId) => ({
      opId,
      text: valueText(doc, kind, field, conflicts[opId]),
      raw: decodeField(kind, field, conflicts[opId]),
      author: authorOf(doc, actorOf(opId)),
    }));
    // The same value set on two machines is no conflict.
    if (values.every((value) => JSON.stringify(value.raw) === JSON.stringify(values[0]!.raw))) continue;
    const shownRaw = JSON.stringify(decodeField(kind, field, shown));
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
  for (const item of links) {
    const link = JSON.parse(stringOf(item)) as { type: string; annotationId: string };
    const target: Entry | undefined = doc.annotations[link.annotationId];
    if (target && target[DELETED_BY] === undefined) continue;
    const quote = target
      ? ((decodeField('annotations', 'target', target.target) as { exact?: string }).exact ?? '')
      : '';
    const deletedBy = target ? authorOf(doc, stringOf(target[DELETED_BY])) : 'unknown';
    out.push({
      id: `link:${key}:${link.type}:${link.annotationId}`,
      kind: 'dangling-link',
      title: `Link to a deleted highlight, from ${describe('annotations', entry)}`,
      values: [],
      link: { from: key, to: link.annotationId, type: link.type, quote, deletedBy },
    });
  }
  return out;
}

/** Every conflict and dangling link of the given entries (all of them when `only` is absent). */
export function findConflicts(doc: NotebookDoc, only?: Map<Kind, Set<string>>): SyncConflict[] {
  const out: SyncConflict[] = [];
  for (const kind of Object.keys(LABELS) as Kind[]) {
    const map = doc[kind] ?? {};
    const keys = only ? [...(only.get(kind) ?? [])].filter((key) => key !== '*') : Object.keys(map);
    const all = only?.get(kind)?.has('*');
    for (const key of all ? Object.keys(map) : keys) {
      const entry = map[key];
      if (!isLive(entry)) continue;
      out.push(...entryConflicts(doc, kind, key, entry));
      if (kind === 'annotations') out.push(...danglingLinks(doc, key, entry));
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
  const value = decodeField(entryKind, field, conflicts![opIds[choice]!]);
  entry[field] = encodeField(entryKind, field, value);
  return true;
}

/** Settles a dangling link: brings the deleted highlight back, or takes the link off the linking one. */
export function settleLink(
  d: NotebookDoc,
  link: { from: string; type: string; to: string },
  action: 'restore' | 'remove',
): boolean {
  const from = d.annotations[link.from];
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
