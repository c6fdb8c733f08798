/**
 * Two versions of a text compared: their paragraphs (blocks) aligned by their text, a paragraph changed in place
 * paired with its older form and its words marked, and a map from places in the older text to places in the newer,
 * which carries highlights across (carry.ts). Paragraphs are aligned as wholes first (a Myers diff over the block
 * texts), so a megabyte with a few hundred scattered edits costs a word diff of only the paragraphs edited.
 */
import { diffArrays, diffWordsWithSpace, type ChangeObject } from 'diff';
import type { Block } from '../../../shared/model';
import type { DiffPart, DiffRow } from '../../../shared/contract';

/** A paragraph of one version: its block's index (or its place among blank-line paragraphs) and its span. */
export interface Segment {
  block: number;
  start: number;
  end: number;
}

/** The text's paragraphs: its blocks, or where it has none, its runs of text between blank lines. */
export function segmentsOf(text: string, blocks: readonly Block[]): Segment[] {
  if (blocks.length > 0) return blocks.map((block, i) => ({ block: i, start: block.start, end: block.end }));
  const segments: Segment[] = [];
  const blank = /\n[^\S\n]*\n\s*/g;
  let start = 0;
  for (let match = blank.exec(text); ; match = blank.exec(text)) {
    const end = match ? match.index : text.length;
    const trimmedStart = start + (text.slice(start, end).length - text.slice(start, end).trimStart().length);
    const trimmedEnd = end - (text.slice(start, end).length - text.slice(start, end).trimEnd().length);
    if (trimmedEnd > trimmedStart)
      segments.push({ block: segments.length, start: trimmedStart, end: trimmedEnd });
    if (!match) break;
    start = match.index + match[0].length;
  }
  return segments;
}

/** One row of the alignment: indexes into the older and newer segments. */
export interface AlignedRow {
  kind: 'same' | 'changed' | 'deleted' | 'inserted';
  from: number | null;
  to: number | null;
}

/** Paragraphs this alike (by their words, see likeness) or more, deleted and inserted together, are one changed. */
const CHANGED_LIKENESS = 0.5;
/** Most pairs of a run of deleted and inserted paragraphs weighed against each other; past it, in order. */
const MAX_PAIRINGS = 10_000;

const WORDS = /[\p{L}\p{N}]+/gu;

function wordCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [word] of text.toLowerCase().matchAll(WORDS)) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

/** How alike two paragraphs' words are, 0–1 (Dice's coefficient over their words, counted). */
function likeness(a: Map<string, number>, b: Map<string, number>): number {
  let sizeA = 0;
  let sizeB = 0;
  let shared = 0;
  for (const count of a.values()) sizeA += count;
  for (const [word, count] of b) {
    sizeB += count;
    shared += Math.min(count, a.get(word) ?? 0);
  }
  return sizeA + sizeB === 0 ? 1 : (2 * shared) / (sizeA + sizeB);
}

/**
 * A run of paragraphs deleted and paragraphs inserted at one place, as rows: each deleted one paired with an
 * inserted one it is like (in order, the pairing with the most likeness in all), the rest deleted or inserted.
 */
function pairRun(deleted: string[], inserted: string[], fromAt: number, toAt: number): AlignedRow[] {
  const rows: AlignedRow[] = [];
  if (deleted.length === 0 || inserted.length === 0) {
    deleted.forEach((_, i) => rows.push({ kind: 'deleted', from: fromAt + i, to: null }));
    inserted.forEach((_, j) => rows.push({ kind: 'inserted', from: null, to: toAt + j }));
    return rows;
  }
  const a = deleted.map(wordCounts);
  const b = inserted.map(wordCounts);
  const pairs: Array<[number, number]> = [];
  if (deleted.length * inserted.length > MAX_PAIRINGS) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      if (likeness(a[i]!, b[i]!) >= CHANGED_LIKENESS) pairs.push([i, i]);
    }
  } else {
    // The most likeness in all over pairings that keep both orders (as a longest common subsequence does).
    const n = a.length;
    const m = b.length;
    const best: Float64Array[] = Array.from({ length: n + 1 }, () => new Float64Array(m + 1));
    const like: Float64Array[] = Array.from({ length: n }, (_, i) =>
      Float64Array.from(b, (words) => likeness(a[i]!, words)),
    );
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        const paired = like[i]![j]! >= CHANGED_LIKENESS ? like[i]![j]! + best[i + 1]![j + 1]! : -1;
        best[i]![j] = Math.max(paired, best[i + 1]![j]!, best[i]![j + 1]!);
      }
    }
    for (let i = 0, j = 0; i < n && j < m;) {
      const here = best[i]![j]!;
      if (like[i]![j]! >= CHANGED_LIKENESS && here === like[i]![j]! + best[i + 1]![j + 1]!) {
        pairs.push([i, j]);
        i++;
        j++;
      } else if (here === best[i + 1]![j]!) i++;
      else j++;
    }
  }
  let i = 0;
  let j = 0;
  for (const [pi, pj] of [...pairs, [deleted.length, inserted.length] as [number, number]]) {
    for (; i < pi; i++) rows.push({ kind: 'deleted', from: fromAt + i, to: null });
    for (; j < pj; j++) rows.push({ kind: 'inserted', from: null, to: toAt + j });
    if (pi < deleted.length) rows.push({ kind: 'changed', from: fromAt + pi, to: toAt + pj });
    i = pi + 1;
    j = pj + 1;
  }
  return rows;
}

/** A run of paragraphs the same in both (neither flag), only in the older (`removed`) or only in the newer. */
interface BlockChange {
  value: string[];
  removed: boolean;
  added: boolean;
}

/**
 * The paragraphs of two texts as runs kept, removed and added. Paragraphs that occur once in each text are matched
 * first, in the order both keep (a longest increasing run, as patience diff does), and the diff (Myers, from jsdiff)
 * runs only over the few paragraphs between two such matches: a long article with edits scattered through it is
 * aligned in time proportional to its length, not to its length times its edits.
 */
function blockChanges(older: readonly string[], newer: readonly string[]): BlockChange[] {
  if (older.length === 0 || newer.length === 0) {
    return [
      { value: [...older], removed: true, added: false },
      { value: [...newer], removed: false, added: true },
    ].filter((change) => change.value.length > 0);
  }
  const once = (texts: readonly string[]) => {
    const at = new Map<string, number>();
    texts.forEach((text, i) => at.set(text, at.has(text) ? -1 : i));
    return at;
  };
  const inOld = once(older);
  const inNew = once(newer);
  const pairs: Array<[number, number]> = [];
  older.forEach((text, i) => {
    const j = inNew.get(text);
    if (j !== undefined && j !== -1 && inOld.get(text) === i) pairs.push([i, j]);
  });
  // The longest run of pairs rising in the newer text too (patience sorting).
  const tails: number[] = [];
  const previous = new Int32Array(pairs.length).fill(-1);
  pairs.forEach(([, j], k) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[tails[mid]!]![1] < j) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[k] = tails[lo - 1]!;
    tails[lo] = k;
  });
  const matched: Array<[number, number]> = [];
  for (let k = tails.length > 0 ? tails[tails.length - 1]! : -1; k !== -1; k = previous[k]!) {
    matched.push(pairs[k]!);
  }
  matched.reverse();
  if (matched.length === 0) {
    return diffArrays(older as string[], newer as string[]).map((change) => ({
      value: change.value,
      removed: change.removed,
      added: change.added,
    }));
  }
  const changes: BlockChange[] = [];
  const push = (change: BlockChange) => {
    if (change.value.length === 0) return;
    const last = changes[changes.length - 1];
    if (last && last.removed === change.removed && last.added === change.added)
      last.value.push(...change.value);
    else changes.push({ ...change, value: [...change.value] });
  };
  let i = 0;
  let j = 0;
  for (const [mi, mj] of [...matched, [older.length, newer.length] as [number, number]]) {
    // Between two matches: the diff of what lies there (or what is there, removed or added, when one side is empty).
    const gapOld = older.slice(i, mi);
    const gapNew = newer.slice(j, mj);
    if (gapOld.length > 0 && gapNew.length > 0) {
      for (const change of diffArrays(gapOld, gapNew)) push(change);
    } else {
      push({ value: gapOld, removed: true, added: false });
      push({ value: gapNew, removed: false, added: true });
    }
    if (mi < older.length) push({ value: [older[mi]!], removed: false, added: false });
    i = mi + 1;
    j = mj + 1;
  }
  return changes;
}

/** The paragraphs of two versions aligned: the same, changed in place, deleted or inserted, in reading order. */
export function alignSegments(oldTexts: readonly string[], newTexts: readonly string[]): AlignedRow[] {
  // What is the same at both ends is aligned without the diff, which then runs over what lies between.
  let head = 0;
  while (head < oldTexts.length && head < newTexts.length && oldTexts[head] === newTexts[head]) head++;
  let tail = 0;
  while (
    tail < oldTexts.length - head &&
    tail < newTexts.length - head &&
    oldTexts[oldTexts.length - 1 - tail] === newTexts[newTexts.length - 1 - tail]
  ) {
    tail++;
  }
  const rows: AlignedRow[] = [];
  for (let k = 0; k < head; k++) rows.push({ kind: 'same', from: k, to: k });
  const middleOld = oldTexts.slice(head, oldTexts.length - tail);
  const middleNew = newTexts.slice(head, newTexts.length - tail);
  let from = head;
  let to = head;
  let deleted: string[] = [];
  let inserted: string[] = [];
  const flush = () => {
    rows.push(...pairRun(deleted, inserted, from - deleted.length, to - inserted.length));
    deleted = [];
    inserted = [];
  };
  if (middleOld.length > 0 || middleNew.length > 0) {
    for (const change of blockChanges(middleOld, middleNew)) {
      if (change.removed) {
        deleted.push(...change.value);
        from += change.value.length;
      } else if (change.added) {
        inserted.push(...change.value);
        to += change.value.length;
      } else {
        flush();
        for (let k = 0; k < change.value.length; k++) rows.push({ kind: 'same', from: from + k, to: to + k });
        from += change.value.length;
        to += change.value.length;
      }
    }
    flush();
  }
  for (let k = 0; k < tail; k++) {
    rows.push({ kind: 'same', from: oldTexts.length - tail + k, to: newTexts.length - tail + k });
  }
  return rows;
}

/** Past this many edits a paragraph's word diff is given up, and only what it begins and ends with is matched. */
const MAX_WORD_EDITS = 2_000;

/**
 * The words of two forms of a paragraph, those of both, only the older's and only the newer's, in order: the older
 * text is the same and deleted parts read in order, the newer the same and inserted ones.
 */
export function wordParts(older: string, newer: string): DiffPart[] {
  if (older === newer) return older === '' ? [] : [{ kind: 'same', text: older }];
  const changes: ChangeObject<string>[] | undefined = diffWordsWithSpace(older, newer, {
    maxEditLength: MAX_WORD_EDITS,
  });
  if (changes === undefined) return edgeParts(older, newer);
  return joinChanges(
    changes.map((change) => ({
      kind: change.added ? 'inserted' : change.removed ? 'deleted' : 'same',
      text: change.value,
    })),
  );
}

/**
 * Parts with each run of changes read as one: the words deleted together, then those inserted, where only spaces
 * part them ("[-nine hundred-]{+900+}" rather than "[-nine-]{+900+} [-hundred-]").
 */
function joinChanges(parts: readonly DiffPart[]): DiffPart[] {
  const joined: DiffPart[] = [];
  let deleted = '';
  let inserted = '';
  let pending = '';
  const flush = () => {
    if (deleted !== '') joined.push({ kind: 'deleted', text: deleted });
    if (inserted !== '') joined.push({ kind: 'inserted', text: inserted });
    deleted = '';
    inserted = '';
  };
  const same = (text: string) => {
    const last = joined[joined.length - 1];
    if (last && last.kind === 'same') last.text += text;
    else if (text !== '') joined.push({ kind: 'same', text });
  };
  for (const [i, part] of parts.entries()) {
    if (part.kind === 'same') {
      const inRun = deleted !== '' || inserted !== '';
      const next = parts[i + 1];
      if (inRun && /^\s+$/.test(part.text) && next !== undefined && next.kind !== 'same') {
        // Spaces between two changes: part of both sides of the run.
        pending += part.text;
        continue;
      }
      flush();
      same(pending + part.text);
      pending = '';
    } else {
      // The spaces are in both texts, so on both sides of the run.
      deleted += pending;
      inserted += pending;
      pending = '';
      if (part.kind === 'deleted') deleted += part.text;
      else inserted += part.text;
    }
  }
  flush();
  same(pending);
  return joined;
}

/** What two texts begin and end with alike, and the rest as deleted and inserted. */
function edgeParts(older: string, newer: string): DiffPart[] {
  let head = 0;
  while (head < older.length && head < newer.length && older[head] === newer[head]) head++;
  let tail = 0;
  while (
    tail < older.length - head &&
    tail < newer.length - head &&
    older[older.length - 1 - tail] === newer[newer.length - 1 - tail]
  ) {
    tail++;
  }
  const parts: DiffPart[] = [];
  if (head > 0) parts.push({ kind: 'same', text: older.slice(0, head) });
  if (older.length - tail > head)
    parts.push({ kind: 'deleted', text: older.slice(head, older.length - tail) });
  if (newer.length - tail > head)
    parts.push({ kind: 'inserted', text: newer.slice(head, newer.length - tail) });
  if (tail > 0) parts.push({ kind: 'same', text: older.slice(older.length - tail) });
  return parts;
}

/** A stretch the two texts share: `length` units at `from` in the older and at `to` in the newer. */
interface Anchor {
  from: number;
  to: number;
  length: number;
}

/** Where a place in the older text is in the newer. */
export type MappedOffset =
  | { exact: true; at: number }
  /** In an edited stretch: what took its place in the newer text lies between `lo` and `hi`. */
  | { exact: false; lo: number; hi: number };

/** The older text's places in the newer: what is the same in both, in order (see mapOffset). */
export interface OffsetMap {
  anchors: Anchor[];
  newLength: number;
}

/** Two versions compared: the rows of their paragraphs, and the map of places from the older to the newer. */
export interface Alignment {
  oldSegments: Segment[];
  newSegments: Segment[];
  rows: AlignedRow[];
  map: OffsetMap;
  /** Each changed row's word parts, by row index, as they were worked out for the map. */
  parts: Map<number, DiffPart[]>;
}

/** Aligns two versions' paragraphs and maps the older's places into the newer. */
export function alignVersions(
  older: { text: string; blocks: readonly Block[] },
  newer: { text: string; blocks: readonly Block[] },
): Alignment {
  const oldSegments = segmentsOf(older.text, older.blocks);
  const newSegments = segmentsOf(newer.text, newer.blocks);
  const rows = alignSegments(
    oldSegments.map((s) => older.text.slice(s.start, s.end)),
    newSegments.map((s) => newer.text.slice(s.start, s.end)),
  );
  const anchors: Anchor[] = [];
  const parts = new Map<number, DiffPart[]>();
  rows.forEach((row, index) => {
    if (row.kind === 'same') {
      const a = oldSegments[row.from!]!;
      const b = newSegments[row.to!]!;
      if (a.end > a.start) anchors.push({ from: a.start, to: b.start, length: a.end - a.start });
    } else if (row.kind === 'changed') {
      const a = oldSegments[row.from!]!;
      const b = newSegments[row.to!]!;
      const rowParts = wordParts(older.text.slice(a.start, a.end), newer.text.slice(b.start, b.end));
      parts.set(index, rowParts);
      let from = a.start;
      let to = b.start;
      for (const part of rowParts) {
        if (part.kind === 'same') {
          anchors.push({ from, to, length: part.text.length });
          from += part.text.length;
          to += part.text.length;
        } else if (part.kind === 'deleted') from += part.text.length;
        else to += part.text.length;
      }
    }
  });
  return { oldSegments, newSegments, rows, map: { anchors, newLength: newer.text.length }, parts };
}

/** Where `offset` of the older text is in the newer: exactly, or within the stretch that replaced its own. */
export function mapOffset(map: OffsetMap, offset: number): MappedOffset {
  const { anchors } = map;
  // The last anchor starting at or before the offset.
  let lo = 0;
  let hi = anchors.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (anchors[mid]!.from <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const anchor = found === -1 ? null : anchors[found]!;
  if (anchor && offset < anchor.from + anchor.length)
    return { exact: true, at: anchor.to + offset - anchor.from };
  const next = anchors[found + 1];
  return {
    exact: false,
    lo: anchor ? anchor.to + anchor.length : 0,
    hi: next ? next.to : map.newLength,
  };
}

/** Words in a run of text, for a diff's counts. */
function countWords(text: string): number {
  let count = 0;
  for (const _ of text.matchAll(WORDS)) count++;
  return count;
}

/** A diff's rows as the contract gives them (each paragraph's words), with its counts. */
export function diffRows(
  alignment: Alignment,
  older: { text: string },
  newer: { text: string },
): { rows: DiffRow[]; stats: { inserted: number; deleted: number; paragraphs: number } } {
  const stats = { inserted: 0, deleted: 0, paragraphs: 0 };
  const side = (segment: Segment | undefined) =>
    segment ? { block: segment.block, start: segment.start, end: segment.end } : null;
  const rows = alignment.rows.map((row, index): DiffRow => {
    const a = row.from === null ? undefined : alignment.oldSegments[row.from];
    const b = row.to === null ? undefined : alignment.newSegments[row.to];
    let parts: DiffPart[];
    if (row.kind === 'same') parts = [{ kind: 'same', text: older.text.slice(a!.start, a!.end) }];
    else if (row.kind === 'deleted') parts = [{ kind: 'deleted', text: older.text.slice(a!.start, a!.end) }];
    else if (row.kind === 'inserted')
      parts = [{ kind: 'inserted', text: newer.text.slice(b!.start, b!.end) }];
    else parts = alignment.parts.get(index) ?? [];
    if (row.kind !== 'same') {
      stats.paragraphs++;
      for (const part of parts) {
        if (part.kind === 'inserted') stats.inserted += countWords(part.text);
        else if (part.kind === 'deleted') stats.deleted += countWords(part.text);
      }
    }
    return { kind: row.kind, from: side(a), to: side(b), parts };
  });
  return { rows, stats };
}
