/**
 * Find in the full text of a document, through an inverted index built once per document object.
 *
 * The index of a document is its text folded (see fold.ts) with a map from each folded character back to the
 * original, and a dictionary of the folded text's distinct tokens (maximal runs of non-space characters), sorted,
 * each with the folded offsets where it occurs. The dictionary is also kept as one string, the tokens one per line,
 * so a term is looked for in it by one native scan, shorter than the text (a text repeats its words): a term
 * without a space lies inside one token, and each token it is found in gives all the places it occurs. A "quoted
 * phrase" is looked for where its first word ends a token, then checked against the folded text.
 *
 * Semantics, as a browser's Ctrl+F finds text:
 * - a term matches anywhere, inside words too ("tradition" in "extradition"), folded as Find folds everything;
 * - a match never runs from one block (paragraph, heading) into the next;
 * - with several terms, a block is found when every term occurs in it, and then each occurrence of each term in
 *   it is a hit; occurrences of one term do not overlap (the earlier one wins);
 * - every hit is exact: `text.slice(start, end)` folds to the term. A match that would begin or end inside one
 *   original character (a ligature "ﬁ" folded to "fi", searched for "f") is no hit.
 *
 * Documents are replaced, not edited, by each change to the notebook, so the index is cached on the document
 * object and checked against its text; it is built lazily, the first time a document is searched after the
 * notebook is opened (or after the document changes).
 */
import type { ParleyDocument } from '../../shared/model';
import { foldWithMap } from './fold';

export interface DocumentTextIndex {
  /** The text the index was built from, to notice a document edited in place. */
  readonly text: string;
  readonly folded: string;
  /** `map[i]`: offset in `text` of the character folded into position `i`; `map[folded.length] = text.length`. */
  readonly map: Int32Array;
  /** The dictionary's tokens, sorted, and where each starts in `dictionary`. */
  readonly tokens: readonly string[];
  readonly tokenStarts: Int32Array;
  /** The tokens joined by "\n", for one scan of the whole dictionary. */
  readonly dictionary: string;
  /** `postings[i]`: the folded offsets where `tokens[i]` occurs, ascending. */
  readonly postings: readonly (readonly number[])[];
  /** Blocks as text ranges [start, end), in text order; the whole text when the document has none. */
  readonly blocks: readonly (readonly [number, number])[];
}

/** One match of a term in the text: UTF-16 offsets into the document's text, and the number of its block. */
export interface TextOccurrence {
  start: number;
  end: number;
  block: number;
}

const indexes = new WeakMap<ParleyDocument, DocumentTextIndex>();

/** Builds the index of a text (see the module comment). */
export function buildTextIndex(
  text: string,
  blocks: readonly { start: number; end: number }[],
): DocumentTextIndex {
  const { folded, map } = foldWithMap(text);
  const words = new Map<string, number[]>();
  const token = /[^ ]+/g;
  for (let m = token.exec(folded); m !== null; m = token.exec(folded)) {
    const list = words.get(m[0]);
    if (list) list.push(m.index);
    else words.set(m[0], [m.index]);
  }
  const tokens = [...words.keys()].sort();
  const postings = tokens.map((t) => words.get(t)!);
  const tokenStarts = new Int32Array(tokens.length);
  let at = 0;
  tokens.forEach((t, i) => {
    tokenStarts[i] = at;
    at += t.length + 1;
  });
  const ranges: Array<[number, number]> =
    blocks.length > 0 ? blocks.map((b) => [b.start, b.end]) : [[0, text.length]];
  ranges.sort((a, b) => a[0] - b[0]);
  return { text, folded, map, tokens, tokenStarts, dictionary: tokens.join('\n'), postings, blocks: ranges };
}

/** The index of a document, built on first use and cached on the document object. */
export function textIndexOf(doc: ParleyDocument): DocumentTextIndex {
  const cached = indexes.get(doc);
  if (cached && cached.text === doc.text) return cached;
  const built = buildTextIndex(doc.text, doc.blocks);
  indexes.set(doc, built);
  return built;
}

/** The index of the token that holds offset `at` of the dictionary string. */
function tokenAt(index: DocumentTextIndex, at: number): number {
  const starts = index.tokenStarts;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Folded offsets where `term` (folded, no leading or trailing space) occurs, ascending, overlaps dropped. */
function foldedMatches(index: DocumentTextIndex, term: string): number[] {
  const found: number[] = [];
  const { dictionary } = index;
  const space = term.indexOf(' ');
  // A phrase is found where its first word ends a token, a single term wherever it lies in one.
  const key = space === -1 ? term : term.slice(0, space);
  for (let d = dictionary.indexOf(key); d !== -1; d = dictionary.indexOf(key, d + 1)) {
    const i = tokenAt(index, d);
    const within = d - index.tokenStarts[i]!;
    const token = index.tokens[i]!;
    if (space === -1) {
      // Each place in the token, at each place the token occurs (overlaps are dropped below, in text order).
      for (const p of index.postings[i]!) found.push(p + within);
    } else {
      if (within + key.length !== token.length) continue;
      for (const p of index.postings[i]!) {
        if (index.folded.startsWith(term, p + within)) found.push(p + within);
      }
    }
  }
  found.sort((a, b) => a - b);
  const kept: number[] = [];
  let free = 0;
  for (const at of found) {
    if (at < free) continue;
    kept.push(at);
    free = at + term.length;
  }
  return kept;
}

/** The block holding [start, end) entirely, or -1. */
function blockOf(blocks: DocumentTextIndex['blocks'], start: number, end: number): number {
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid]![0] > start) hi = mid - 1;
    else lo = mid + 1;
  }
  const at = hi;
  if (at < 0) return -1;
  const block = blocks[at]!;
  return start >= block[0] && end <= block[1] ? at : -1;
}

/** Every exact occurrence of one folded term in the indexed text, in text order (see the module comment). */
export function termOccurrences(index: DocumentTextIndex, term: string): TextOccurrence[] {
  if (term === '') return [];
  const { map } = index;
  const out: TextOccurrence[] = [];
  for (const at of foldedMatches(index, term)) {
    const last = at + term.length;
    // Whole original characters only: a folded character that shares its source with its neighbour across the
    // edge of the match (a ligature, an expansion) would make the slice fold to more than the term.
    if (at > 0 && map[at - 1] === map[at]) continue;
    if (map[last] === map[last - 1]) continue;
    const start = map[at]!;
    const end = map[last]!;
    const block = blockOf(index.blocks, start, end);
    if (block === -1) continue;
    out.push({ start, end, block });
  }
  return out;
}

/**
 * The hits of a query's terms in the indexed text, in text order: with one term, its occurrences; with several,
 * each occurrence of each term in a block that holds every term.
 */
export function textMatches(index: DocumentTextIndex, terms: readonly string[]): TextOccurrence[] {
  if (terms.length === 0) return [];
  if (terms.length === 1) return termOccurrences(index, terms[0]!);
  const perTerm: TextOccurrence[][] = [];
  let blocks: Set<number> | null = null;
  for (const term of terms) {
    const found = termOccurrences(index, term);
    const inBlocks = new Set<number>();
    for (const o of found) if (blocks === null || blocks.has(o.block)) inBlocks.add(o.block);
    blocks = inBlocks;
    if (blocks.size === 0) return [];
    perTerm.push(found);
  }
  const shared = blocks!;
  const all = perTerm.flat().filter((o) => shared.has(o.block));
  all.sort((a, b) => a.start - b.start || a.end - b.end);
  return all;
}
