/**
 * Which highlights' passages or notes may hold a search term, without reading every passage and note: an inverted
 * index from the distinct words (runs of non-whitespace) of the folded passages and notes to the highlights they
 * occur in. The words are also kept as one string, one per line, so a term is looked for in all of them by one
 * native scan: a term without whitespace lies inside one word wherever it occurs (inside longer words too), so the
 * words it is found in name every highlight that can hold it. The index only narrows: search.ts checks each
 * candidate exactly as it checks every highlight without it, so the hits are the same.
 *
 * One index is kept, for the notebook's latest list of highlights, and brought up to date when the list changes:
 * highlights new to the list (added or edited: the store replaces an edited one) are indexed, and those no longer
 * in it are left in the postings but dropped by a set of the live ones; when the dead outnumber the live the index
 * is made again. Only a frozen list (the store's) is indexed; a mutable one (a notebook being built) is not.
 */
import type { Annotation } from '../../shared/model';

interface PassageIndex {
  annotations: readonly Annotation[];
  live: Set<Annotation>;
  /** Highlights indexed that are no longer live. */
  dead: number;
  /** The words, one per line, each followed by "\n", and where each starts. */
  words: string;
  starts: number[];
  wordNumber: Map<string, number>;
  postings: Annotation[][];
}

let kept: PassageIndex | null = null;

const WHITESPACE = /\s+/;

function add(index: PassageIndex, annotation: Annotation, fields: readonly string[]): void {
  const seen = new Set<number>();
  const newWords: string[] = [];
  let end = index.words.length;
  for (const field of fields) {
    for (const word of field.split(WHITESPACE)) {
      if (word === '') continue;
      let n = index.wordNumber.get(word);
      if (n === undefined) {
        n = index.postings.length;
        index.wordNumber.set(word, n);
        index.postings.push([]);
        index.starts.push(end);
        end += word.length + 1;
        newWords.push(word);
      }
      if (seen.has(n)) continue;
      seen.add(n);
      index.postings[n]!.push(annotation);
    }
  }
  if (newWords.length > 0) index.words += newWords.join('\n') + '\n';
}

/**
 * The index for `annotations`, made or brought up to date; `fields(a)` gives a highlight's folded passage and note.
 * Null for a list that is not frozen.
 */
export function passageIndexFor(
  annotations: readonly Annotation[],
  fields: (annotation: Annotation) => readonly string[],
): PassageIndex | null {
  if (!Object.isFrozen(annotations)) return null;
  if (kept?.annotations === annotations) return kept;
  if (kept === null || kept.dead > kept.live.size) {
    kept = {
      annotations,
      live: new Set(annotations),
      dead: 0,
      words: '',
      starts: [],
      wordNumber: new Map(),
      postings: [],
    };
    for (const annotation of annotations) add(kept, annotation, fields(annotation));
    return kept;
  }
  const live = new Set(annotations);
  let added = 0;
  for (const annotation of annotations) {
    if (!kept.live.has(annotation)) {
      add(kept, annotation, fields(annotation));
      added++;
    }
  }
  kept.dead += kept.live.size - (live.size - added);
  kept.live = live;
  kept.annotations = annotations;
  return kept;
}

/**
 * The live highlights whose passage or note may hold every term (each folded as search.ts folds them), or null
 * when the terms give nothing to look up (only whitespace). A superset: each must still be checked.
 */
export function passageCandidates(index: PassageIndex, terms: readonly string[]): Set<Annotation> | null {
  // The longest run of non-whitespace of any term: every match of that term holds it inside one word.
  let probe = '';
  for (const term of terms) {
    for (const part of term.split(WHITESPACE)) if (part.length > probe.length) probe = part;
  }
  if (probe === '') return null;
  const found = new Set<Annotation>();
  const { words, starts, postings, live } = index;
  let at = words.indexOf(probe);
  while (at !== -1) {
    // The word the match is in (the last start at or before it), then on past that word.
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    for (const annotation of postings[lo]!) if (live.has(annotation)) found.add(annotation);
    const next = lo + 1 < starts.length ? starts[lo + 1]! : words.length;
    at = words.indexOf(probe, next);
  }
  return found;
}
