/**
 * Find: one query across document titles, the full text of every document, highlighted passages, highlight notes
 * and document notes, insensitive to case, accents and typographic quotes (see fold.ts), with results grouped by
 * document for a jump to each hit. Folded titles, passages and notes are cached per object (the notebook's objects
 * are replaced, not edited, by each change), so a query over a large notebook scans prepared strings instead of
 * normalizing every passage again; the full text is searched through an inverted index per document
 * (text-search.ts), built the first time the document is searched after the notebook opens.
 *
 * Matching: in a title, passage or note every term must occur in that field, and the field is one hit. In the
 * full text a single term matches wherever a browser's Ctrl+F would (inside words too: "tradition" in
 * "extradition") and each occurrence is a hit; with several terms every term must occur in the same block
 * (paragraph), and each occurrence of each term in such a block is a hit. A "quoted phrase" is one term, its
 * whitespace matching any whitespace. A text hit carries its exact offsets: `text.slice(start, end)` folds to the
 * term.
 */
import type {
  Annotation,
  Notebook,
  ParleyDocument,
  SearchGroup,
  SearchHit,
  SearchResults,
} from '../../shared/model';
import { fold } from './fold';
import { passageCandidates, passageIndexFor } from './passage-index';
import { textIndexOf, textMatches } from './text-search';
import { topicPathKey } from './topics';

export interface SearchQuery {
  query: string;
  topicId?: string;
  partyId?: string;
  documentId?: string;
  hasNote?: boolean;
  limit?: number;
  /** A document whose text hits are all wanted as ranges (for marking them in the text), whatever `limit`. */
  rangesFor?: string;
}

export const DEFAULT_SEARCH_LIMIT = 200;

/** At most this many ranges are returned for `rangesFor`; `rangesTotal` says how many there were. */
export const MAX_SEARCH_RANGES = 10_000;

/** About how many characters of context a snippet shows around its match. */
export const SNIPPET_LENGTH = 60;

const WHITESPACE = /\s/;

interface Folded {
  source: string;
  folded: string;
}

type Field = 'title' | 'note' | 'exact';
const caches: Record<Field, WeakMap<object, Folded>> = {
  title: new WeakMap(),
  note: new WeakMap(),
  exact: new WeakMap(),
};

/** The folded form of `source`, cached on `owner`; checked against the source so an edit in place is never missed. */
function folded(owner: object, field: Field, source: string): string {
  const cache = caches[field];
  const hit = cache.get(owner);
  if (hit && hit.source === source) return hit.folded;
  const value = fold(source);
  cache.set(owner, { source, folded: value });
  return value;
}

/** A highlight's passage and note, folded, for the index of passages and notes. */
function foldedFields(annotation: Annotation): string[] {
  const passage = folded(annotation, 'exact', annotation.target.exact);
  return annotation.note === '' ? [passage] : [passage, folded(annotation, 'note', annotation.note)];
}

/** The terms of a query: words, and "quoted phrases" kept whole; each folded as the text is. Empty terms dropped. */
export function parseQuery(query: string): string[] {
  const terms: string[] = [];
  const pattern = /"([^"]*)"?|(\S+)/g;
  const normalizedQuotes = query.replace(/[\u201c\u201d\u201e\u201f\u00ab\u00bb]/g, '"');
  for (const match of normalizedQuotes.matchAll(pattern)) {
    const raw = match[1] ?? match[2] ?? '';
    const term = fold(raw).trim();
    if (term !== '' && !terms.includes(term)) terms.push(term);
  }
  return terms;
}

function matchesAll(text: string, terms: readonly string[]): boolean {
  for (const term of terms) if (!text.includes(term)) return false;
  return true;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/**
 * An excerpt of `text` around the first place any term occurs: about SNIPPET_LENGTH characters, cut at word
 * boundaries, with `…` where text was left out; whitespace runs shown as one space. Offsets are into the snippet.
 */
export function makeSnippet(
  text: string,
  terms: readonly string[],
): { snippet: string; matchStart: number; matchEnd: number } {
  const map: number[] = [];
  const haystack = fold(text, map);
  let first = -1;
  let firstEnd = -1;
  for (const term of terms) {
    const at = haystack.indexOf(term);
    if (at !== -1 && (first === -1 || at < first || (at === first && at + term.length > firstEnd))) {
      first = at;
      firstEnd = at + term.length;
    }
  }
  let ms = 0;
  let me: number;
  if (first === -1) {
    while (ms < text.length && WHITESPACE.test(text[ms]!)) ms++;
    me = ms;
  } else {
    ms = map[first]!;
    // Up to where the next folded character comes from, so marks that folded to nothing stay with the match,
    // and at least past the whole of the last matched character (a surrogate pair, or "ﬁ" folded to "fi").
    const last = map[firstEnd - 1]!;
    const width = /[\ud800-\udbff]/.test(text[last]!) && last + 1 < text.length ? 2 : 1;
    me = Math.max(map[firstEnd]!, last + width);
  }
  return snippetAround(text, ms, me);
}

/**
 * An excerpt of `text` around the match [ms, me), as makeSnippet cuts it, within `[from, to)` of the text (a
 * block, for a hit in a document's text); offsets in the result are into the snippet.
 */
export function snippetAround(
  whole: string,
  ms: number,
  me: number,
  from = 0,
  to = whole.length,
): { snippet: string; matchStart: number; matchEnd: number } {
  const text = from === 0 && to === whole.length ? whole : whole.slice(from, to);
  ms -= from;
  me -= from;
  const room = Math.max(0, SNIPPET_LENGTH - (me - ms));
  let start = ms - Math.floor(room / 2);
  let end = me + (room - Math.floor(room / 2));
  if (start < 0) {
    end -= start;
    start = 0;
  }
  if (end > text.length) {
    start = Math.max(0, start - (end - text.length));
    end = text.length;
  }
  // Cut at word boundaries, never into the match.
  if (start > 0 && !WHITESPACE.test(text[start - 1]!)) {
    let at = start;
    while (at < ms && !WHITESPACE.test(text[at]!)) at++;
    start = at;
  }
  if (end < text.length && !WHITESPACE.test(text[end]!)) {
    let at = end;
    while (at > me && !WHITESPACE.test(text[at - 1]!)) at--;
    end = at;
  }

  const before = collapse(text.slice(start, ms)).trimStart();
  const match = collapse(text.slice(ms, me));
  const after = collapse(text.slice(me, end)).trimEnd();
  const lead = start > 0 ? '…' : '';
  const trail = end < text.length ? '…' : '';
  const matchStart = lead.length + before.length;
  return {
    snippet: lead + before + match + after + trail,
    matchStart,
    matchEnd: matchStart + match.length,
  };
}

function byTextOrder(a: Annotation, b: Annotation): number {
  return (
    a.target.start - b.target.start ||
    a.target.end - b.target.end ||
    (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** Ids of the topic and every topic under it by path; empty when there is no such topic. */
function subtree(nb: Notebook, topicId: string): Set<string> {
  const topic = nb.topics.find((t) => t.id === topicId);
  if (!topic) return new Set();
  const key = topicPathKey(topic.path);
  const prefix = key + '/';
  return new Set(
    nb.topics
      .filter((t) => {
        const k = topicPathKey(t.path);
        return k === key || k.startsWith(prefix);
      })
      .map((t) => t.id),
  );
}

interface PendingHit {
  kind: SearchHit['kind'];
  annotation: Annotation | null;
  text: string;
  /** For a text hit: the match in the document's text and its block. */
  range?: { start: number; end: number; from: number; to: number };
}

/**
 * Searches the notebook (matching: see the module comment). Groups follow the library's order; within a group the
 * title comes first, then the document's note, then highlights in text order (passage before its note), then the
 * hits in the document's text, in text order.
 *
 * Filters: `documentId` keeps one document. `topicId` (the topic and its subtopics), `partyId` and `hasNote` are
 * about highlights, so with any of them only passage and note hits are returned. An empty query with a filter lists
 * every highlight the filters keep, as passage hits; an empty query without one finds nothing.
 *
 * `total` counts every hit; `groups` hold at most `limit` of them (default 200), in order. With `rangesFor`, the
 * results also carry every text hit of that document as `ranges` (at most MAX_SEARCH_RANGES) and `rangesTotal`.
 */
export function search(nb: Notebook, q: SearchQuery): SearchResults {
  const terms = parseQuery(q.query);
  const limit = Math.max(0, Math.floor(q.limit ?? DEFAULT_SEARCH_LIMIT));
  const highlightFilter = q.topicId !== undefined || q.partyId !== undefined || q.hasNote !== undefined;
  const wantsRanges = q.rangesFor !== undefined;
  const empty: SearchResults = {
    query: q.query,
    total: 0,
    groups: [],
    ...(wantsRanges ? { ranges: [], rangesTotal: 0 } : {}),
  };
  if (terms.length === 0 && !highlightFilter && q.documentId === undefined) return empty;

  const documents: ParleyDocument[] =
    q.documentId === undefined ? nb.documents : nb.documents.filter((d) => d.id === q.documentId);
  if (documents.length === 0) return empty;
  const wanted = new Set(documents.map((d) => d.id));
  const topics = q.topicId === undefined ? null : subtree(nb, q.topicId);

  // Matching highlights, per document.
  const byDocument = new Map<string, Array<{ annotation: Annotation; passage: boolean; note: boolean }>>();
  // With terms, only the highlights the index says may hold them are checked (the same check); in any order, as
  // each document's are sorted below.
  const index = terms.length === 0 ? null : passageIndexFor(nb.annotations, foldedFields);
  const candidates = index && passageCandidates(index, terms);
  for (const annotation of candidates ?? nb.annotations) {
    if (!wanted.has(annotation.documentId)) continue;
    if (q.partyId !== undefined && annotation.partyId !== q.partyId) continue;
    if (q.hasNote !== undefined && (annotation.note.trim() !== '') !== q.hasNote) continue;
    if (topics && !annotation.topicIds.some((id) => topics.has(id))) continue;
    let passage: boolean;
    let note: boolean;
    if (terms.length === 0) {
      passage = true;
      note = false;
    } else {
      passage = matchesAll(folded(annotation, 'exact', annotation.target.exact), terms);
      note = annotation.note !== '' && matchesAll(folded(annotation, 'note', annotation.note), terms);
      if (!passage && !note) continue;
    }
    let list = byDocument.get(annotation.documentId);
    if (!list) byDocument.set(annotation.documentId, (list = []));
    list.push({ annotation, passage, note });
  }

  let total = 0;
  let room = limit;
  const groups: SearchGroup[] = [];
  let ranges: Array<[number, number]> | undefined;
  let rangesTotal = 0;
  for (const doc of documents) {
    const pending: PendingHit[] = [];
    if (terms.length > 0 && !highlightFilter) {
      if (matchesAll(folded(doc, 'title', doc.title), terms)) {
        pending.push({ kind: 'title', annotation: null, text: doc.title });
      }
      if (doc.note !== '' && matchesAll(folded(doc, 'note', doc.note), terms)) {
        pending.push({ kind: 'document-note', annotation: null, text: doc.note });
      }
    }
    const matches = byDocument.get(doc.id);
    if (matches) {
      matches.sort((a, b) => byTextOrder(a.annotation, b.annotation));
      for (const m of matches) {
        if (m.passage)
          pending.push({ kind: 'passage', annotation: m.annotation, text: m.annotation.target.exact });
        if (m.note) pending.push({ kind: 'note', annotation: m.annotation, text: m.annotation.note });
      }
    }
    let hitCount = pending.length;
    if (terms.length > 0 && !highlightFilter) {
      const index = textIndexOf(doc);
      const found = textMatches(index, terms);
      hitCount += found.length;
      if (doc.id === q.rangesFor) {
        rangesTotal = found.length;
        ranges = found.slice(0, MAX_SEARCH_RANGES).map((o) => [o.start, o.end]);
      }
      // Only the hits that can still be shown are turned into snippets.
      const shown = Math.max(0, Math.min(found.length, room - pending.length));
      for (const o of found.slice(0, shown)) {
        const [from, to] = index.blocks[o.block]!;
        pending.push({ kind: 'text', annotation: null, text: doc.text, range: { ...o, from, to } });
      }
    }
    total += hitCount;
    if (room === 0 || pending.length === 0) continue;
    const kept = pending.slice(0, room);
    room -= kept.length;
    groups.push({
      documentId: doc.id,
      title: doc.title,
      hits: kept.map((p) =>
        p.range
          ? {
              kind: p.kind,
              annotationId: null,
              start: p.range.start,
              end: p.range.end,
              ...snippetAround(p.text, p.range.start, p.range.end, p.range.from, p.range.to),
            }
          : { kind: p.kind, annotationId: p.annotation?.id ?? null, ...makeSnippet(p.text, terms) },
      ),
    });
  }
  return {
    query: q.query,
    total,
    groups,
    ...(wantsRanges ? { ranges: ranges ?? [], rangesTotal } : {}),
  };
}

/** One hit in a document's text, with a one-line excerpt around it (as `parley find` prints it). */
export interface TextHit {
  documentId: string;
  start: number;
  end: number;
  snippet: string;
}

/**
 * Every hit of the query in the full text of the notebook's documents (or of one), in library order and then text
 * order, each with its snippet: the full-text part of `search`, without its cut.
 */
export function findInText(nb: Notebook, query: string, documentId?: string): TextHit[] {
  const terms = parseQuery(query);
  if (terms.length === 0) return [];
  const hits: TextHit[] = [];
  for (const doc of nb.documents) {
    if (documentId !== undefined && doc.id !== documentId) continue;
    const index = textIndexOf(doc);
    for (const o of textMatches(index, terms)) {
      const [from, to] = index.blocks[o.block]!;
      const { snippet } = snippetAround(doc.text, o.start, o.end, from, to);
      hits.push({ documentId: doc.id, start: o.start, end: o.end, snippet });
    }
  }
  return hits;
}
