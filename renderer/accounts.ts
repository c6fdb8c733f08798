// What the accounts view computes for itself, from an event's alignment (main/core/accounts): two wordings of one
// statement set word against word, each account's text cut into pieces (plain text, a statement, the words of a
// statement the other account words differently), and which statements can be held level across two columns
// while they scroll. Pure: no DOM; the view draws what these return.
import type { AccountsAlignment, AccountStatement, DiffPart } from '../shared/contract';
import type { Block } from './types';

/** Words and the spaces and punctuation between them, so a diff joins back into the text it came from. */
function tokens(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*|\s+|[^\s\p{L}\p{N}]/gu) ?? [];
}

/** A word as compared: case, curly quotes and accents aside; spaces and punctuation compare as nothing. */
function wordKey(token: string): string {
  return /^[\p{L}\p{N}]/u.test(token)
    ? token.normalize('NFD').replace(/\p{M}/gu, '').replace(/’/g, "'").toLowerCase()
    : '';
}

/** Runs of parts of one kind made one part. */
function joined(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  for (const part of parts) {
    if (!part.text) continue;
    const last = out[out.length - 1];
    if (last && last.kind === part.kind) last.text += part.text;
    else out.push({ ...part });
  }
  return out;
}

/**
 * One wording against another, word by word: the words both give (`same`), those only in the first (`deleted`)
 * and those only in the second (`inserted`), in reading order. Spaces and punctuation go with the second
 * wording, so its text reads whole from the `same` and `inserted` parts.
 */
export function wordDiff(from: string, to: string): DiffPart[] {
  const a = tokens(from);
  const b = tokens(to);
  const ak = a.map(wordKey);
  const bk = b.map(wordKey);
  // Longest common run of words (spaces and punctuation never anchor it), by the usual table from the end.
  const width = b.length + 1;
  const table = new Uint16Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i * width + j] =
        ak[i] && ak[i] === bk[j]
          ? table[(i + 1) * width + j + 1]! + 1
          : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!);
    }
  }
  const parts: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && ak[i] && ak[i] === bk[j]) {
      parts.push({ kind: 'same', text: b[j]! });
      i++;
      j++;
    } else if (i < a.length && !ak[i]) {
      i++; // The first wording's spaces and punctuation: the second's stand for them.
    } else if (j < b.length && !bk[j]) {
      parts.push({ kind: 'same', text: b[j]! });
      j++;
    } else if (i < a.length && (j >= b.length || table[(i + 1) * width + j]! >= table[i * width + j + 1]!)) {
      // Words taken out come before the words put in their place.
      parts.push({ kind: 'deleted', text: `${a[i]!} ` });
      i++;
    } else {
      parts.push({ kind: 'inserted', text: b[j]! });
      j++;
    }
  }
  // Spaces and punctuation between two words put in go with them ("of Lugovoy", not "of" and "Lugovoy").
  const merged = parts.map((part, k) =>
    part.kind === 'same' &&
    !/[\p{L}\p{N}]/u.test(part.text) &&
    parts[k - 1]?.kind === 'inserted' &&
    parts[k + 1]?.kind === 'inserted'
      ? { kind: 'inserted' as const, text: part.text }
      : part,
  );
  return joined(merged);
}

/** The wording a statement's cell is set against: the row's first other cell, else none. */
export function referenceCell(
  cells: ReadonlyArray<AccountStatement | null>,
  column: number,
): AccountStatement | null {
  return cells.find((cell, i) => i !== column && cell !== null) ?? null;
}

/** A piece of a column's text: plain, or part of a statement (a row of the alignment), its words differing or not. */
export interface Piece {
  start: number;
  end: number;
  row: number | null;
  /** The words of the statement the reference account does not give. */
  differs: boolean;
  /** The first piece of its statement (the one the view makes a control of). */
  first: boolean;
}

/** A block of a column: its kind and its pieces. */
export interface ColumnBlock {
  block: Block;
  pieces: Piece[];
}

/**
 * One account's text cut for its column: each block, its statements marked by row (a statement that overlaps an
 * earlier one in the same text gives way to it), and within a statement the words the reference wording lacks.
 */
export function columnBlocks(
  text: string,
  blocks: readonly Block[],
  alignment: AccountsAlignment,
  column: number,
): ColumnBlock[] {
  type Span = { start: number; end: number; row: number; differs: boolean };
  const statements: Span[] = [];
  alignment.rows.forEach((row, index) => {
    const cell = row.cells[column];
    if (!cell || cell.end <= cell.start) return;
    statements.push({ start: cell.start, end: cell.end, row: index, differs: false });
  });
  statements.sort((a, b) => a.start - b.start || b.end - a.end);
  const spans: Span[] = [];
  let reached = -1;
  for (const span of statements) {
    if (span.start < reached) continue;
    reached = span.end;
    const cells = alignment.rows[span.row]!.cells;
    const reference = alignment.rows[span.row]!.wording === 'differs' ? referenceCell(cells, column) : null;
    if (!reference) {
      spans.push(span);
      continue;
    }
    // Walks the diff's parts of this wording (same and inserted) along the text: inserted ones differ.
    let at = span.start;
    for (const part of wordDiff(reference.quote, text.slice(span.start, span.end))) {
      if (part.kind === 'deleted') continue;
      const end = Math.min(span.end, at + part.text.length);
      if (end > at) spans.push({ start: at, end, row: span.row, differs: part.kind === 'inserted' });
      at = end;
    }
    if (at < span.end) spans.push({ start: at, end: span.end, row: span.row, differs: false });
  }

  const seen = new Set<number>();
  return blocks.map((block) => {
    const pieces: Piece[] = [];
    let at = block.start;
    for (const span of spans) {
      if (span.end <= block.start || span.start >= block.end) continue;
      const start = Math.max(span.start, block.start);
      const end = Math.min(span.end, block.end);
      if (start > at) pieces.push({ start: at, end: start, row: null, differs: false, first: false });
      const first = !seen.has(span.row);
      seen.add(span.row);
      pieces.push({ start, end, row: span.row, differs: span.differs, first });
      at = end;
    }
    if (at < block.end) pieces.push({ start: at, end: block.end, row: null, differs: false, first: false });
    return { block, pieces };
  });
}

/**
 * The statements two columns give that can be held level together: pairs of positions (in each column's
 * content, top down), the longest run in which both go down together. A statement the two give in a different
 * order cannot be level with the others around it, and is left out rather than jerk the other column back.
 */
export function levelPairs(pairs: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  const sorted = [...pairs].sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  // Longest strictly increasing run by the second position (patience sorting, with the way back).
  const tails: number[] = [];
  const before: number[] = new Array<number>(sorted.length).fill(-1);
  sorted.forEach((pair, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[tails[mid]!]![1] < pair[1]) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) before[i] = tails[lo - 1]!;
    tails[lo] = i;
  });
  const out: Array<[number, number]> = [];
  for (let i = tails[tails.length - 1] ?? -1; i >= 0; i = before[i]!)
    out.push([sorted[i]![0], sorted[i]![1]]);
  out.reverse();
  // Two statements at one height in the first column cannot both be level: the first is kept.
  return out.filter((pair, i) => i === 0 || pair[0] > out[i - 1]![0]);
}

/**
 * Where the other column's content sits at the line where the driving column's content is at `y`: level with
 * the held statement there, or in proportion between the two held statements around it (the columns' starts
 * and ends held too).
 */
export function followPosition(
  y: number,
  pairs: ReadonlyArray<readonly [number, number]>,
  heights: readonly [number, number],
): number {
  const points: Array<readonly [number, number]> = [[0, 0], ...pairs, [heights[0], heights[1]]];
  for (let i = 1; i < points.length; i++) {
    const [x0, y0] = points[i - 1]!;
    const [x1, y1] = points[i]!;
    if (y > x1 && i < points.length - 1) continue;
    if (x1 <= x0) return y1;
    const t = Math.min(1, Math.max(0, (y - x0) / (x1 - x0)));
    return y0 + t * (y1 - y0);
  }
  return y;
}

/** The rows an account omits, each with the first account that gives it: where a click takes the reader. */
export function omissionsOf(
  alignment: AccountsAlignment,
  column: number,
): Array<{ row: number; cell: AccountStatement; column: number }> {
  return (alignment.omissions[column] ?? []).flatMap((row) => {
    const cells = alignment.rows[row]?.cells ?? [];
    const at = cells.findIndex((cell) => cell !== null);
    const cell = cells[at];
    return cell ? [{ row, cell, column: at }] : [];
  });
}

/** The row whose cell in this column is the span asked for, or the one that overlaps it most; null when none. */
export function rowAt(
  alignment: AccountsAlignment,
  column: number,
  start: number,
  end: number,
): number | null {
  let best: number | null = null;
  let bestOverlap = 0;
  alignment.rows.forEach((row, index) => {
    const cell = row.cells[column];
    if (!cell) return;
    const overlap = Math.min(end, cell.end) - Math.max(start, cell.start);
    if (overlap > bestOverlap || (overlap === bestOverlap && overlap > 0 && cell.start === start)) {
      best = index;
      bestOverlap = overlap;
    }
  });
  return best;
}
