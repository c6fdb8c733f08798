/**
 * Find in the full text of a document, through an inverted index built once per document object.
 *
 * The index of a document is its text folded (see fold.ts) with a map from each folded character back to the
 * original, and a dictionary of the folded text's tokens (maximal runs of non-space characters) to the folded
 * offsets where each occurs, with the tokens also kept sorted. A term without a space lies inside one token, so it
 * is looked for in the dictionary's tokens (a few thousand per document) instead of along the whole text; a
 * "quoted phrase" is looked for where its first word ends a token, then checked against the folded text.
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
 * notebook is opened (or after the document changes), and `warmTextIndexes` builds all of them at once.
 */
import type { Notebook, ParleyDocument } from '../../shared/model';
import { foldWithMap } from './fold';

export interface DocumentTextIndex {
  /** The text the index was built from, to notice a document edited in place. */
  readonly text: string;
  readonly folded: string;
  /** `map[i]`: offset in `text` of the character folded into position `i`; `map[folded.length] = text.length`. */
  readonly map: Int32Array;
  /** Folded token → folded offsets where it starts, ascending. */
  readonly words: ReadonlyMap<string, readonly number[]>;
  /** The dictionary's tokens, sorted. */
  readonly tokens: readonly string[];
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
  const ranges: Array<[number, number]> =
    blocks.length > 0 ? blocks.map((b) => [b.start, b.end]) : [[0, text.length]];
  ranges.sort((a, b) => a[0] - b[0]);
  return { text, folded, map, words, tokens, blocks: ranges };
}

/** The index of a document, built on first use and cached on the document object. */
export function textIndexOf(doc: ParleyDocument): DocumentTextIndex {
  const cached = indexes.get(doc);
  if (cached && cached.text === doc.text) return cached;
  const built = buildTextIndex(doc.text, doc.blocks);
  indexes.set(doc, built);
  return built;
}

/** Builds the index of every document not indexed yet (as the first search would). */
export function warmTextIndexes(nb: Notebook): void {
  for (const doc of nb.documents) textIndexOf(doc);
}

/** Folded offsets where `term` (folded, no leading or trailing space) occurs, ascending, overlaps dropped. */
function foldedMatches(index: DocumentTextIndex, term: string): number[] {
  const found: number[] = [];
  const space = term.indexOf(' ');
  if (space === -1) {
    for (const token of index.tokens) {
      if (!token.includes(term)) continue;
      const starts = index.words.get(token)!;
      for (let j = token.indexOf(term); j !== -1; j = token.indexOf(term, j + term.length)) {
        for (const p of starts) found.push(p + j);
      }
    }
  } else {
    const first = term.slice(0, space);
    for (const token of index.tokens) {
      if (!token.endsWith(first)) continue;
      for (const p of index.words.get(token)!) {
        const at = p + token.length - first.length;
        if (index.folded.startsWith(term, at)) found.push(at);
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
