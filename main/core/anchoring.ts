/**
 * Where a highlight is, said two ways (W3C position and quote selectors), and how it is found again when the text
 * around it has changed: the stored position if the quote is still there, else the quote itself, else a close
 * match that must clear a minimum score, so that a look-alike passage never silently takes its place. A quote
 * with neither position nor context is only found where the text reads the same once differences of form are set
 * aside, and a quote that fits two places equally well is refused rather than guessed.
 * Offsets are UTF-16 code units; the code point conversions are for the W3C boundary.
 */
import { CONTEXT_LENGTH, ParleyError, type TextTarget } from '../../shared/model';
import { isSpace } from './characters';

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** True when `offset` falls between the two halves of a surrogate pair. */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  return (
    offset > 0 &&
    offset < text.length &&
    isHigh(text.charCodeAt(offset - 1)) &&
    isLow(text.charCodeAt(offset))
  );
}

/** The selectors for `text[start, end)`: position, exact quote and up to CONTEXT_LENGTH units of context on each
 *  side (never cutting a surrogate pair in half). */
export function describeRange(text: string, start: number, end: number): TextTarget {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new ParleyError(
      `The range ${start}–${end} does not select any text in a document of ${text.length} characters.`,
    );
  }
  let prefixStart = Math.max(0, start - CONTEXT_LENGTH);
  if (splitsSurrogatePair(text, prefixStart)) prefixStart += 1;
  let suffixEnd = Math.min(text.length, end + CONTEXT_LENGTH);
  if (splitsSurrogatePair(text, suffixEnd)) suffixEnd -= 1;
  return {
    start,
    end,
    exact: text.slice(start, end),
    prefix: text.slice(prefixStart, start),
    suffix: text.slice(end, suffixEnd),
  };
}

export interface QuoteQuery {
  exact: string;
  prefix?: string;
  suffix?: string;
  /** Where the quote was last seen (a hint), in UTF-16 code units. */
  start?: number;
}

/** True when the target's exact quote is still at its position. */
export function isAnchored(text: string, target: TextTarget): boolean {
  return (
    target.start >= 0 &&
    target.end <= text.length &&
    target.end - target.start === target.exact.length &&
    text.startsWith(target.exact, target.start)
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Scoring

/** Weights of the evidence for a candidate: the quote itself, its context, and nearness to where it was. */
const QUOTE_WEIGHT = 50;
const CONTEXT_WEIGHT = 40;
const POSITION_WEIGHT = 2;
/** An approximate match is accepted only at this combined score or above... */
export const MIN_MATCH_SCORE = 0.7;
/**
 * ...and only when the quote itself is at least as similar (the share of its characters not edited) as its
 * evidence requires: MIN_QUOTE_SIMILARITY with full context that agrees and a quote of FULL_EVIDENCE_LENGTH or
 * more, closer for less (see requiredSimilarity).
 */
export const MIN_QUOTE_SIMILARITY = 0.75;
/** Quotes shorter than this need a closer match: a few edits in a short quote leave little of it to go by. */
const FULL_EVIDENCE_LENGTH = 40;
/**
 * Where context was given, the quote's own length and what its context and position say must add up to this for a
 * passage that reads as the quote to be taken: a short quote whose context is gone could be any of its look-alikes.
 */
const MIN_PLACE_EVIDENCE = 0.75;
/** What a position near the candidate is worth, against full context that agrees (1): offsets shift with any
 *  edit above the passage, so nearness alone says little. */
const POSITION_EVIDENCE = 0.3;
/** Quote similarity of a passage that equals the quote only with case, spacing and typography disregarded. */
const FOLDED_SIMILARITY = 0.98;
/** An exact quote whose context agrees this well is taken without looking for anything better. */
const TRUSTED_CONTEXT = 0.5;
/** Most edits an approximate quote match may need, whatever the quote's length. */
const MAX_EDITS = 32;
const MAX_OCCURRENCES = 20_000;
/** Most close matches scored for one quote. */
const MAX_CANDIDATES = 5_000;

function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let previous = Int32Array.from({ length: b.length + 1 }, (_, j) => j);
  let row = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    const unit = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(
        previous[j]! + 1,
        row[j - 1]! + 1,
        previous[j - 1]! + (unit === b.charCodeAt(j - 1) ? 0 : 1),
      );
    }
    [previous, row] = [row, previous];
  }
  return previous[b.length]!;
}

function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - editDistance(a, b) / longest;
}

interface Candidate {
  start: number;
  end: number;
  quote: number;
  context: number;
  distance: number;
  /** Reads as the quote but for form (spacing, typography, the first letter's case). */
  sameForm?: boolean;
  /** The prefix's and the suffix's agreement, apart (see sideAgreement). */
  sides: { before: number | null; after: number | null };
  /** Why a close match was refused for its words, over the passage widened to whole words (see wordChange). */
  change?: { words: WordChange; start: number; end: number };
}

/** How well the text around a candidate agrees with the query's prefix and suffix, 0–1 (1 when none is given). */
function contextAgreement(text: string, start: number, end: number, prefix: string, suffix: string): number {
  return meanAgreement(sideAgreement(text, start, end, prefix, suffix));
}

function meanAgreement({ before, after }: { before: number | null; after: number | null }): number {
  if (before === null) return after ?? 1;
  return after === null ? before : (before + after) / 2;
}

/** How well the text on each side of a candidate agrees with the prefix and with the suffix (null: none given). */
function sideAgreement(
  text: string,
  start: number,
  end: number,
  prefix: string,
  suffix: string,
): { before: number | null; after: number | null } {
  return {
    before: prefix === '' ? null : similarity(prefix, text.slice(Math.max(0, start - prefix.length), start)),
    after: suffix === '' ? null : similarity(suffix, text.slice(end, end + suffix.length)),
  };
}

/** Similarity that unrelated stretches of text reach by chance (a hundredth of 32-character pairs of prose do). */
const UNRELATED_CONTEXT = 0.4;

function score(candidate: Candidate, textLength: number, hasHint: boolean): number {
  const nearness = hasHint ? 1 - Math.min(1, candidate.distance / Math.max(1, textLength)) : 1;
  return (
    (QUOTE_WEIGHT * candidate.quote + CONTEXT_WEIGHT * candidate.context + POSITION_WEIGHT * nearness) /
    (QUOTE_WEIGHT + CONTEXT_WEIGHT + POSITION_WEIGHT)
  );
}

/** Most agreeing context first, then nearest the hint, then earliest. */
function byContextThenNearness(a: Candidate, b: Candidate): number {
  return b.context - a.context || a.distance - b.distance || a.start - b.start;
}

function occurrences(haystack: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = haystack.indexOf(needle); at !== -1 && found.length < MAX_OCCURRENCES;) {
    found.push(at);
    at = haystack.indexOf(needle, at + 1);
  }
  return found;
}

// ---------------------------------------------------------------------------------------------------------------
// A forgiving view of the text: whitespace runs as one space, case folded, typographic quotes and dashes plain

interface FoldedText {
  text: string;
  /** For each folded code unit, the original range it came from. */
  from: Int32Array;
  to: Int32Array;
}

const FOLDS: Record<string, string> = {
  ʼ: "'",
  '´': "'",
  '‘': "'",
  '’': "'",
  '‚': "'",
  '‛': "'",
  '′': "'",
  '“': '"',
  '”': '"',
  '„': '"',
  '‟': '"',
  '″': '"',
  '«': '"',
  '»': '"',
  '‐': '-',
  '‑': '-',
  '‒': '-',
  '–': '-',
  '—': '-',
  '―': '-',
  '−': '-',
  '…': '...',
  '\u00ad': '',
  '\u200b': '',
  '\u200c': '',
  '\ufeff': '',
};

/** A combining mark, which Unicode normalization joins to the character before it. */
const MARK = /^\p{M}$/u;
const isMarkAt = (text: string, at: number) => {
  const code = text.charCodeAt(at);
  return code >= 0x300 && MARK.test(text[at]!);
};

/**
 * The text with whitespace runs as one space, typographic quotes, apostrophes and dashes ("--" and "---" too) plain, soft hyphens and
 * zero-width characters gone and Unicode compatibility normalization (NFKC) applied; lowercased unless
 * `keepCase`. Each folded unit records the range of the original it came from.
 */
function fold(text: string, keepCase = false): FoldedText {
  // Code units and their origins in typed arrays, so that folding an article takes milliseconds and what is kept of
  // it (see foldedText) stays small; grown in the rare case that folding lengthens the text ("…" → "...").
  let units: Uint16Array = new Uint16Array(text.length + 16);
  let from: Int32Array = new Int32Array(units.length);
  let to: Int32Array = new Int32Array(units.length);
  let length = 0;
  let lastWasSpace = false;
  for (let i = 0; i < text.length;) {
    const code = text.charCodeAt(i);
    if (code === 0x2d && text.charCodeAt(i + 1) === 0x2d) {
      // "--" and "---", the typewriter's dashes, are a dash.
      const width = text.charCodeAt(i + 2) === 0x2d ? 3 : 2;
      if (length === units.length) [units, from, to] = grow(units, from, to, length + 4);
      units[length] = 0x2d;
      from[length] = i;
      to[length] = i + width;
      length++;
      lastWasSpace = false;
      i += width;
      continue;
    }
    if (code < 0x80 && code !== 0x20 && (code < 0x09 || code > 0x0d) && !isMarkAt(text, i + 1)) {
      // Plain ASCII, the common case: one unit for one (lowercased unless the case is kept).
      if (length === units.length) [units, from, to] = grow(units, from, to, length + 4);
      units[length] = !keepCase && code >= 0x41 && code <= 0x5a ? code + 32 : code;
      from[length] = i;
      to[length] = i + 1;
      length++;
      lastWasSpace = false;
      i++;
      continue;
    }
    let width = isHigh(code) && isLow(text.charCodeAt(i + 1)) ? 2 : 1;
    if (isSpace(code)) {
      if (lastWasSpace) to[length - 1] = i + width;
      else {
        if (length === units.length) [units, from, to] = grow(units, from, to, length + 4);
        units[length] = 0x20;
        from[length] = i;
        to[length] = i + width;
        length++;
      }
      lastWasSpace = true;
    } else {
      // A character and the combining marks after it are normalized together ("e" + U+0301 is "é").
      while (i + width < text.length && isMarkAt(text, i + width)) width++;
      const char = text.slice(i, i + width);
      let mapped = FOLDS[char];
      if (mapped === undefined) {
        mapped = '';
        for (const part of char.normalize('NFKC')) {
          mapped += FOLDS[part] ?? (keepCase ? part : part.toLowerCase());
        }
      }
      if (length + mapped.length > units.length) {
        [units, from, to] = grow(units, from, to, length + mapped.length + 4);
      }
      for (let k = 0; k < mapped.length; k++) {
        units[length] = mapped.charCodeAt(k);
        from[length] = i;
        to[length] = i + width;
        length++;
      }
      // A character folded to nothing (a soft hyphen) does not end a run of spaces.
      if (mapped.length > 0) lastWasSpace = false;
    }
    i += width;
  }
  return {
    text: fromUnits(units.subarray(0, length)),
    from: from.subarray(0, length),
    to: to.subarray(0, length),
  };
}

/** The three arrays of fold, copied into arrays of at least `least` and twice their length. */
function grow(
  units: Uint16Array,
  from: Int32Array,
  to: Int32Array,
  least: number,
): [Uint16Array, Int32Array, Int32Array] {
  const size = Math.max(least, units.length * 2);
  const grownUnits = new Uint16Array(size);
  const grownFrom = new Int32Array(size);
  const grownTo = new Int32Array(size);
  grownUnits.set(units);
  grownFrom.set(from);
  grownTo.set(to);
  return [grownUnits, grownFrom, grownTo];
}

/** A string of UTF-16 code units, built in chunks (one call with a million arguments would overflow the stack). */
function fromUnits(units: Uint16Array): string {
  const chunks: string[] = [];
  for (let i = 0; i < units.length; i += 8192) {
    chunks.push(String.fromCharCode(...units.subarray(i, Math.min(units.length, i + 8192))));
  }
  return chunks.join('');
}

/**
 * The last text folded, each way, kept: opening a document re-anchors each of its highlights against the same
 * text, and folding a long article once per highlight would cost more than all the matching.
 */
const lastFolded: Record<'lower' | 'kept', { source: string; folded: FoldedText } | null> = {
  lower: null,
  kept: null,
};

function foldedText(text: string, keepCase = false): FoldedText {
  const which = keepCase ? 'kept' : 'lower';
  const last = lastFolded[which];
  if (last !== null && last.source === text) return last.folded;
  const folded = fold(text, keepCase);
  lastFolded[which] = { source: text, folded };
  return folded;
}

/**
 * Upper bound on alignment work (pattern length × text aligned) before a close match over the whole text is given
 * up; the text around the quote's old place and its context has been searched before (see locate).
 */
const MAX_ALIGNMENT_CELLS = 1_000_000;
/** Most places near which a changed quote is looked for first (see likelyPlaces). */
const MAX_LIKELY_PLACES = 8;

/**
 * Sellers' algorithm over `text[lo, hi)`: every place where `pattern` aligns with at most `maxEdits` edits
 * (insertions, deletions, substitutions), one per local minimum of the edit count.
 */
function alignInRegion(
  pattern: string,
  text: string,
  lo: number,
  hi: number,
  maxEdits: number,
): Array<{ start: number; end: number; edits: number }> {
  const n = hi - lo;
  let cost = new Int32Array(n + 1);
  let origin = Int32Array.from({ length: n + 1 }, (_, j) => j);
  let nextCost = new Int32Array(n + 1);
  let nextOrigin = new Int32Array(n + 1);
  for (let i = 1; i <= pattern.length; i++) {
    const unit = pattern.charCodeAt(i - 1);
    nextCost[0] = i;
    nextOrigin[0] = 0;
    for (let j = 1; j <= n; j++) {
      const substitute = cost[j - 1]! + (unit === text.charCodeAt(lo + j - 1) ? 0 : 1);
      const skipPattern = cost[j]! + 1;
      const skipText = nextCost[j - 1]! + 1;
      if (substitute <= skipPattern && substitute <= skipText) {
        nextCost[j] = substitute;
        nextOrigin[j] = origin[j - 1]!;
      } else if (skipPattern <= skipText) {
        nextCost[j] = skipPattern;
        nextOrigin[j] = origin[j]!;
      } else {
        nextCost[j] = skipText;
        nextOrigin[j] = nextOrigin[j - 1]!;
      }
    }
    [cost, nextCost] = [nextCost, cost];
    [origin, nextOrigin] = [nextOrigin, origin];
  }
  const matches: Array<{ start: number; end: number; edits: number }> = [];
  for (let j = 1; j <= n; j++) {
    const edits = cost[j]!;
    if (edits > maxEdits || edits > cost[j - 1]! || (j < n && edits >= cost[j + 1]!)) continue;
    matches.push({ start: lo + origin[j]!, end: lo + j, edits });
  }
  return matches;
}

/**
 * Approximate occurrences of `pattern` in `text` with at most `maxEdits` edits. With k edits, one of k + 1
 * pieces of the pattern must appear unchanged, so only the regions around exact piece matches are aligned.
 */
function approximateMatches(
  text: string,
  pattern: string,
  maxEdits: number,
): Array<{ start: number; end: number; edits: number }> {
  const m = pattern.length;
  const pieces = maxEdits + 1;
  const pieceLength = Math.floor(m / pieces);
  if (pieceLength === 0) return [];
  // Past this many places (fewer if pieces found the same ones) the regions would most likely exceed the bound.
  const mostStarts = Math.ceil(MAX_ALIGNMENT_CELLS / m);
  const starts: number[] = [];
  for (let p = 0; p < pieces; p++) {
    const offset = p * pieceLength;
    const piece = pattern.slice(offset, offset + pieceLength);
    for (let at = text.indexOf(piece); at !== -1; at = text.indexOf(piece, at + 1)) {
      if (starts.push(at - offset) > mostStarts) return [];
    }
  }
  starts.sort((a, b) => a - b);
  const regions: Array<[number, number]> = [];
  for (const start of starts) {
    const lo = Math.max(0, start - maxEdits);
    const hi = Math.min(text.length, start + m + maxEdits);
    const last = regions[regions.length - 1];
    if (last && lo <= last[1]) last[1] = Math.max(last[1], hi);
    else regions.push([lo, hi]);
  }
  const cells = regions.reduce((sum, [lo, hi]) => sum + (hi - lo), 0) * m;
  if (cells > MAX_ALIGNMENT_CELLS) return [];
  return closest(regions.flatMap(([lo, hi]) => alignInRegion(pattern, text, lo, hi, maxEdits)));
}

/** Approximate occurrences of `pattern` that start within about a pattern's length of one of `places`. */
function approximateMatchesNear(
  text: string,
  pattern: string,
  maxEdits: number,
  places: readonly number[],
): Array<{ start: number; end: number; edits: number }> {
  const reach = pattern.length + 2 * maxEdits + CONTEXT_LENGTH;
  const windows = places
    .map((at): [number, number] => [
      Math.max(0, at - reach),
      Math.min(text.length, at + pattern.length + reach),
    ])
    .sort((a, b) => a[0] - b[0]);
  const regions: Array<[number, number]> = [];
  for (const [lo, hi] of windows) {
    const last = regions[regions.length - 1];
    if (last && lo <= last[1]) last[1] = Math.max(last[1], hi);
    else regions.push([lo, hi]);
  }
  return closest(regions.flatMap(([lo, hi]) => alignInRegion(pattern, text, lo, hi, maxEdits)));
}

function closest(
  matches: Array<{ start: number; end: number; edits: number }>,
): Array<{ start: number; end: number; edits: number }> {
  // In very repetitive text, keep the closest matches only.
  return matches.length <= MAX_CANDIDATES
    ? matches
    : matches.sort((a, b) => a.edits - b.edits).slice(0, MAX_CANDIDATES);
}

/** Narrows a range to exclude whitespace at either end and widens it to whole code points. */
function tidyRange(text: string, start: number, end: number): { start: number; end: number } | null {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  if (splitsSurrogatePair(text, s)) s--;
  if (splitsSurrogatePair(text, e)) e++;
  return s < e ? { start: s, end: e } : null;
}

// ---------------------------------------------------------------------------------------------------------------
// Words: what a close match may not change

/** A word: letters and digits, with inner apostrophes ("wouldn't") and no other punctuation. */
const WORD_TOKEN = /[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu;
const NEGATIONS = new Set([
  'not',
  'no',
  'never',
  'none',
  'nor',
  'neither',
  'nothing',
  'nobody',
  'nowhere',
  'without',
  'cannot',
]);
/** Most words in ten a close match may change (at least one in any quote). */
const CHANGED_WORDS_PER_TEN = 1;

interface Token {
  word: string;
  key: string;
  /** Starts a sentence (first of its text after a full stop, or of the text itself). */
  initial: boolean;
}

/** The words of `text` (folded for form, case kept); `startsSentence`: whether its first word starts one. */
function tokens(text: string, startsSentence: boolean): Token[] {
  const folded = fold(text, true).text;
  const found: Token[] = [];
  let last = 0;
  for (const match of folded.matchAll(WORD_TOKEN)) {
    const before = folded.slice(last, match.index);
    const initial = found.length === 0 ? startsSentence || /[.!?]/.test(before) : /[.!?]/.test(before);
    found.push({ word: match[0], key: match[0].toLowerCase(), initial });
    last = match.index + match[0].length;
  }
  return found;
}

function isNumber(token: Token): boolean {
  return /\p{N}/u.test(token.word);
}
function isName(token: Token): boolean {
  const letters = token.word.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase())
    return true;
  return !token.initial && /^\p{Lu}/u.test(token.word);
}
function isNegation(token: Token): boolean {
  return NEGATIONS.has(token.key) || token.key.endsWith("n't");
}

/**
 * What the words of `passage` (at `start` in `text`) change of `quote`, when a close match may not take it: a
 * number, a name or a negation among the words that differ, or more of them than CHANGED_WORDS_PER_TEN in ten.
 * Null when the words differ only in form (case, punctuation, spacing) or few and harmless ones.
 */
function wordChange(quote: string, text: string, start: number, end: number): WordChange | null {
  const startsSentence =
    /(^|[.!?]["'”’»)\]]*)\s*$/u.test(text.slice(Math.max(0, start - 8), start)) ||
    /\n\s*$/.test(text.slice(Math.max(0, start - 8), start));
  const a = tokens(quote, startsSentence);
  const b = tokens(text.slice(start, end), startsSentence);
  // Longest common subsequence of the words, by their folded keys.
  const lcs: Int32Array[] = Array.from({ length: a.length + 1 }, () => new Int32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i]![j] =
        a[i]!.key === b[j]!.key ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const hunks: Array<{ quote: Token[]; passage: Token[]; at: [number, number] }> = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i]!.key === b[j]!.key) {
      i++;
      j++;
      continue;
    }
    const hunk = { quote: [] as Token[], passage: [] as Token[], at: [i, j] as [number, number] };
    while ((i < a.length || j < b.length) && !(i < a.length && j < b.length && a[i]!.key === b[j]!.key)) {
      if (j >= b.length || (i < a.length && lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) hunk.quote.push(a[i++]!);
      else hunk.passage.push(b[j++]!);
    }
    hunks.push(hunk);
  }
  if (hunks.length === 0) return null;
  const differing = hunks.flatMap((hunk) => [...hunk.quote, ...hunk.passage]);
  const changed = hunks.reduce((sum, hunk) => sum + Math.max(hunk.quote.length, hunk.passage.length), 0);
  const kind = differing.some(isNumber)
    ? 'number'
    : differing.some(isName)
      ? 'name'
      : differing.some(isNegation)
        ? 'negation'
        : changed > Math.max(1, Math.floor((a.length * CHANGED_WORDS_PER_TEN) / 10))
          ? 'words'
          : null;
  if (kind === null) return null;
  const show = (list: Token[]) => list.map((token) => token.word).join(' ');
  return {
    kind,
    hunks: hunks.map(({ quote: q, passage: p, at: [qi, pj] }) => {
      if (q.length > 0 && p.length > 0) return { quote: show(q), passage: show(p) };
      // A word added or dropped is shown between the words around it, which both read.
      const before = qi > 0 ? [a[qi - 1]!] : [];
      const after = a[qi + q.length] ? [a[qi + q.length]!] : [];
      const passageBefore = pj > 0 ? [b[pj - 1]!] : [];
      const passageAfter = b[pj + p.length] ? [b[pj + p.length]!] : [];
      return {
        quote: show([...before, ...q, ...after]),
        passage: show([...passageBefore, ...p, ...passageAfter]),
      };
    }),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Locating

/** A passage near a quote that was not taken, and how alike the two are (the share of the quote not edited). */
export interface ClosestPassage {
  start: number;
  end: number;
  similarity: number;
}

/**
 * What a search for a quote came to: found; or not, because nothing matches well enough (`absent`: nothing reads
 * the same; `weak`: the best match falls short of what its evidence requires) or because it fits several places
 * equally well (`ambiguous`, with those places). `closest` and `caseOnly` are filled in when asked to explain.
 */
/**
 * How a passage's words differ from a quote's: each hunk of words that differ (with a word of agreement on each
 * side when one side has none), and what the worst of them is (a number, a name, a negation, or too many words).
 */
export interface WordChange {
  kind: 'number' | 'name' | 'negation' | 'words';
  hunks: Array<{ quote: string; passage: string }>;
}

/** "reads ‘2006’ where the quote has ‘2007’", for each hunk of a change. */
export function describeChange(change: WordChange): string {
  return change.hunks.map((hunk) => `reads ‘${hunk.passage}’ where the quote has ‘${hunk.quote}’`).join('; ');
}

export type QuoteSearch =
  | { found: true; start: number; end: number }
  | {
      found: false;
      reason: 'absent' | 'weak';
      closest: ClosestPassage | null;
      caseOnly?: boolean;
      /** For a close match refused for the words it changes: which. */
      change?: WordChange;
    }
  | { found: false; reason: 'ambiguous'; places: Array<{ start: number; end: number }> };

/** Finds a quote in `text` (see findQuote); null when it is not found or fits several places equally well. */
export function locate(text: string, query: QuoteQuery): { start: number; end: number } | null {
  const result = findQuote(text, query);
  return result.found ? { start: result.start, end: result.end } : null;
}

/**
 * Finds a quote in `text`.
 *
 * With neither a position nor context (a bare quote), only where the text reads the same once whitespace,
 * typographic quotes, apostrophes and dashes, soft hyphens, Unicode normalization and the case of the first letter
 * are set aside; one such place is the answer, two or more are ambiguous, none is `absent`.
 *
 * With a position or context, a cascade: the hinted position if the exact quote and its context are there → the
 * exact quote's occurrences, best by prefix/suffix agreement then nearness to the hint → the quote with whitespace,
 * case, typographic quotes and dashes disregarded, ranked the same way → an approximate match of the quote,
 * accepted only when its combined score (quote similarity, context agreement, nearness) reaches MIN_MATCH_SCORE
 * and the quote is as similar as its evidence requires (requiredSimilarity). An exact occurrence whose context
 * disagrees competes on score with close matches whose context agrees; two places that score the same are
 * ambiguous.
 *
 * `explain` looks for the closest passage of a refused quote, which costs a search of its own.
 */
export function findQuote(text: string, query: QuoteQuery, options: { explain?: boolean } = {}): QuoteSearch {
  const { exact } = query;
  const prefix = query.prefix ?? '';
  const suffix = query.suffix ?? '';
  const explain = options.explain === true;
  if (exact === '' || text === '') return { found: false, reason: 'absent', closest: null };
  const hint =
    query.start !== undefined &&
    Number.isInteger(query.start) &&
    query.start >= 0 &&
    query.start <= text.length
      ? query.start
      : undefined;
  const hasHint = hint !== undefined;
  const hasContext = prefix !== '' || suffix !== '';
  if (!hasHint && !hasContext) return findBareQuote(text, exact, explain);

  // The stored position, if the quote and all its context are still there; otherwise it competes below.
  if (
    hint !== undefined &&
    text.startsWith(exact, hint) &&
    contextAgreement(text, hint, hint + exact.length, prefix, suffix) === 1
  ) {
    return { found: true, start: hint, end: hint + exact.length };
  }

  // Most highlights have only moved with the text around them: the nearest place where the quote and all its
  // context are is then the best candidate there is, and is found without reading the whole text.
  if (hint !== undefined) {
    const near = nearestWithFullContext(text, exact, prefix, suffix, hint);
    if (near !== null) return { found: true, start: near, end: near + exact.length };
  }

  // The quote as it reads (but for form) with its prefix and/or suffix reading exactly so beside it: once is the
  // place, however short they are; in several places it is ambiguous, unless the position tells them apart.
  const exactContext = placesWithExactContext(text, exact, prefix, suffix);
  if (exactContext.length === 1) return { found: true, ...exactContext[0]! };
  if (exactContext.length > 1) {
    if (hint === undefined) return ambiguous(exactContext);
    const nearest = (place: { start: number }) => Math.abs(place.start - hint);
    const sorted = [...exactContext].sort((a, b) => nearest(a) - nearest(b));
    if (nearest(sorted[0]!) < nearest(sorted[1]!)) return { found: true, ...sorted[0]! };
    return ambiguous(sorted.filter((place) => nearest(place) === nearest(sorted[0]!)));
  }

  const evidenceOf = (candidate: Candidate, length: number): number =>
    placeEvidence(candidate, prefix.length, suffix.length, hasHint, length);
  /** Whether a passage that reads as the quote is placed well enough: at the stored position, or by its length,
   *  context and nearness together. */
  const vouched = (candidate: Candidate, length: number): boolean =>
    !hasContext ||
    (hasHint && candidate.distance === 0) ||
    Math.min(1, length / FULL_EVIDENCE_LENGTH) + evidenceOf(candidate, length) >= MIN_PLACE_EVIDENCE;
  let nearMiss: Candidate | null = null;

  const exactCandidates: Candidate[] = [];
  for (const start of occurrences(text, exact)) {
    const sides = sideAgreement(text, start, start + exact.length, prefix, suffix);
    const candidate: Candidate = {
      start,
      end: start + exact.length,
      quote: 1,
      context: meanAgreement(sides),
      distance: hasHint ? Math.abs(start - hint) : 0,
      sides,
    };
    if (vouched(candidate, exact.length)) exactCandidates.push(candidate);
    else if (nearMiss === null || byContextThenNearness(candidate, nearMiss) < 0) nearMiss = candidate;
  }
  exactCandidates.sort(byContextThenNearness);
  const bestExact = exactCandidates[0];
  if (bestExact && (!hasContext || bestExact.context >= TRUSTED_CONTEXT)) {
    return decided(bestExact, exactCandidates);
  }

  const folded = foldedText(text);
  const pattern = fold(exact).text.trim();
  if (pattern === '') {
    return bestExact
      ? decided(bestExact, exactCandidates)
      : { found: false, reason: 'absent', closest: null };
  }
  const foldedPrefix = fold(prefix).text;
  const foldedSuffix = fold(suffix).text;
  const foldedHint = hasHint ? Math.max(0, lowerBound(folded.from, hint)) : 0;
  const bare = bareForm(exact);

  const toCandidate = (start: number, end: number, edits: number): Candidate | null => {
    const range = tidyRange(text, folded.from[start]!, folded.to[end - 1]!);
    if (!range) return null;
    // Equal only once folded (case, spacing, typography) is a shade less than equal.
    const passage = text.slice(range.start, range.end);
    const unchanged = passage === exact;
    const sides = sideAgreement(folded.text, start, end, foldedPrefix, foldedSuffix);
    return {
      ...range,
      quote: (1 - edits / pattern.length) * (unchanged ? 1 : FOLDED_SIMILARITY),
      context: meanAgreement(sides),
      sides,
      distance: hasHint ? Math.abs(start - foldedHint) : 0,
      sameForm: unchanged || (edits === 0 && bare !== null && sameBareForm(bare, passage)),
    };
  };

  /** How similar the quote must be at this candidate: the less its context and position vouch for it, and the
   *  shorter the quote, the closer. A passage that reads the same but for form need only be vouched for. */
  const requiredSimilarity = (candidate: Candidate): number => {
    const length = Math.min(1, pattern.length / FULL_EVIDENCE_LENGTH);
    return 1 - (1 - MIN_QUOTE_SIMILARITY) * evidenceOf(candidate, pattern.length) * length;
  };
  const clears = (candidate: Candidate): boolean => {
    let ok = candidate.sameForm
      ? vouched(candidate, pattern.length)
      : candidate.quote >= requiredSimilarity(candidate) &&
        score(candidate, text.length, hasHint) >= MIN_MATCH_SCORE;
    // A close match that scores well may still change what the quote says: a number, a name, a negation.
    if (ok && !candidate.sameForm) {
      const { start, end } = wholeWords(text, candidate.start, candidate.end);
      const words = wordChange(exact, text, start, end);
      if (words) {
        candidate.change = { words, start, end };
        ok = false;
      }
    }
    // The refusal to explain: a match refused for its words first, then the most alike.
    const rank = (c: Candidate) => (c.change ? 1 : 0) + c.quote;
    if (!ok && (nearMiss === null || rank(candidate) > rank(nearMiss))) nearMiss = candidate;
    return ok;
  };

  const foldedExact = occurrences(folded.text, pattern)
    .map((start) => toCandidate(start, start + pattern.length, 0))
    .filter((candidate): candidate is Candidate => candidate !== null)
    .sort(byContextThenNearness);
  const bestFolded = foldedExact[0];
  if (
    !bestExact &&
    bestFolded &&
    (!hasContext || bestFolded.context >= TRUSTED_CONTEXT) &&
    clears(bestFolded)
  ) {
    return decided(bestFolded, foldedExact);
  }

  const maxEdits = Math.min(MAX_EDITS, Math.floor(pattern.length * (1 - MIN_QUOTE_SIMILARITY)));
  const acceptable = (matches: Array<{ start: number; end: number; edits: number }>) =>
    matches
      .filter((match) => match.edits > 0)
      .map((match) => toCandidate(match.start, match.end, match.edits))
      .filter((candidate): candidate is Candidate => candidate !== null && clears(candidate));
  // A quote edited where it stands is found where it was, or beside its context: a close match there that clears
  // the bar is taken without searching the whole text, which in a long document costs far more.
  let approximate: Candidate[] = [];
  if (maxEdits > 0) {
    const places = likelyPlaces(
      folded.text,
      foldedPrefix,
      foldedSuffix,
      pattern.length,
      hasHint ? foldedHint : null,
    );
    approximate = acceptable(approximateMatchesNear(folded.text, pattern, maxEdits, places));
    if (approximate.length === 0)
      approximate = acceptable(approximateMatches(folded.text, pattern, maxEdits));
  }

  // Exact and whitespace-insensitive occurrences are always acceptable; approximate ones have cleared the bar.
  // Where the exact quote is, nothing else is considered.
  const overlapsExact = (candidate: Candidate) =>
    bestExact !== undefined && candidate.start < bestExact.end && bestExact.start < candidate.end;
  const pool = [
    ...exactCandidates,
    ...[...foldedExact.filter(clears), ...approximate].filter((candidate) => !overlapsExact(candidate)),
  ];
  let best: Candidate | undefined;
  let bestScore = -1;
  for (const candidate of pool) {
    const value = score(candidate, text.length, hasHint);
    if (value > bestScore) {
      best = candidate;
      bestScore = value;
    }
  }
  if (best) {
    const chosen = best;
    const rivals = pool.filter(
      (candidate) =>
        (candidate.end <= chosen.start || candidate.start >= chosen.end) &&
        Math.abs(score(candidate, text.length, hasHint) - bestScore) < TIE,
    );
    if (rivals.length > 0) return ambiguous([chosen, ...rivals]);
    return { found: true, start: chosen.start, end: chosen.end };
  }
  const missed = nearMiss as Candidate | null;
  if (!explain) return { found: false, reason: missed ? 'weak' : 'absent', closest: null };
  // A near miss refused on score is still described by its words when they change what the quote says.
  if (missed && !missed.change && !missed.sameForm) {
    const { start, end } = wholeWords(text, missed.start, missed.end);
    const words = wordChange(exact, text, start, end);
    if (words) missed.change = { words, start, end };
  }
  if (missed?.change) {
    const { words, start, end } = missed.change;
    return { found: false, reason: 'weak', closest: { start, end, similarity: missed.quote }, change: words };
  }
  if (missed) {
    return {
      found: false,
      reason: 'weak',
      closest: { start: missed.start, end: missed.end, similarity: missed.quote },
    };
  }
  return { found: false, reason: 'absent', closest: closestPassage(text, folded, pattern, false) };
}

/** What one side's context says for a candidate, 0–1: nothing at chance agreement, all when whole and equal. */
function fromSide(agreement: number | null, given: number): number {
  return agreement === null
    ? 0
    : (Math.max(0, agreement - UNRELATED_CONTEXT) / (1 - UNRELATED_CONTEXT)) *
        Math.min(1, given / CONTEXT_LENGTH);
}

/**
 * How much a candidate's context (each side its own witness, given `prefixLength` and `suffixLength` units of it)
 * and nearness to the stated position (when there is one) vouch for it, 0–1.
 */
function placeEvidence(
  candidate: Pick<Candidate, 'sides' | 'distance'>,
  prefixLength: number,
  suffixLength: number,
  hasHint: boolean,
  length: number,
): number {
  const fromContext =
    1 -
    (1 - fromSide(candidate.sides.before, prefixLength)) *
      (1 - fromSide(candidate.sides.after, suffixLength));
  const reach = CONTEXT_LENGTH * 2 + length;
  const fromPosition = hasHint ? POSITION_EVIDENCE * Math.min(1, reach / Math.max(1, candidate.distance)) : 0;
  return 1 - (1 - fromContext) * (1 - fromPosition);
}

/** How a passage at a given place measures up as a quote's edited form (see closeMatchAt). */
export interface CloseMatch {
  start: number;
  end: number;
  /** The share of the quote not edited (case, spacing and typography aside). */
  similarity: number;
  /** The combined score of quote, context and nearness, as findQuote scores a close match. */
  score: number;
  /** Whether it clears MIN_MATCH_SCORE and the similarity its context, position and length require. */
  accepted: boolean;
}

/**
 * The passage `text[start, end)` (trimmed of whitespace, widened to whole words) weighed as the quote's edited form
 * by the minimum scores every close match must clear: MIN_MATCH_SCORE, and a quote similarity of at least
 * MIN_QUOTE_SIMILARITY, closer for a short quote or one whose context and position vouch for it less. Unlike
 * findQuote it does not refuse a passage for the words that changed (a number, a name, a negation): the caller
 * found the place by other means (a diff of two versions) and only offers the passage for the reader to accept.
 * Null when the range holds nothing but whitespace.
 */
export function closeMatchAt(text: string, query: QuoteQuery, start: number, end: number): CloseMatch | null {
  const tidy = tidyRange(text, Math.max(0, start), Math.min(text.length, end));
  if (!tidy) return null;
  const range = wholeWords(text, tidy.start, tidy.end);
  const pattern = fold(query.exact).text.trim();
  const passage = fold(text.slice(range.start, range.end)).text.trim();
  if (pattern === '' || passage === '') return null;
  const prefix = query.prefix ?? '';
  const suffix = query.suffix ?? '';
  const hasHint = query.start !== undefined;
  // Lengths alone can rule a passage out before its edit distance is counted.
  const longest = Math.max(pattern.length, passage.length);
  const quote =
    Math.abs(pattern.length - passage.length) / longest > 1 - MIN_QUOTE_SIMILARITY
      ? 1 - Math.abs(pattern.length - passage.length) / longest
      : similarity(pattern, passage);
  const sides = sideAgreement(text, range.start, range.end, prefix, suffix);
  const candidate = {
    start: range.start,
    end: range.end,
    quote,
    context: meanAgreement(sides),
    sides,
    distance: hasHint ? Math.abs(range.start - query.start!) : 0,
  };
  const value = score(candidate, text.length, hasHint);
  const length = Math.min(1, pattern.length / FULL_EVIDENCE_LENGTH);
  const required =
    1 -
    (1 - MIN_QUOTE_SIMILARITY) *
      placeEvidence(candidate, prefix.length, suffix.length, hasHint, pattern.length) *
      length;
  return {
    start: range.start,
    end: range.end,
    similarity: quote,
    score: value,
    accepted: quote >= required && value >= MIN_MATCH_SCORE,
  };
}

/** Scores closer than this are the same. */
const TIE = 1e-9;

/** The best of candidates sorted best first, unless the next is as good (same context, as near): then neither. */
function decided(best: Candidate, sorted: readonly Candidate[]): QuoteSearch {
  const tied = sorted.filter(
    (other) =>
      other !== best &&
      other.context === best.context &&
      other.distance === best.distance &&
      (other.end <= best.start || other.start >= best.end),
  );
  return tied.length > 0 ? ambiguous([best, ...tied]) : { found: true, start: best.start, end: best.end };
}

function ambiguous(candidates: ReadonlyArray<{ start: number; end: number }>): QuoteSearch {
  const places = candidates
    .map(({ start, end }) => ({ start, end }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  return { found: false, reason: 'ambiguous', places };
}

/** A quote with its case kept and everything else folded, and its first letter's position in the folded form. */
interface BareForm {
  pattern: string;
  variants: string[];
}

function bareForm(exact: string): BareForm | null {
  const pattern = fold(exact, true).text.trim();
  if (pattern === '') return null;
  const variants = new Set([pattern]);
  const at = pattern.search(/\p{L}/u);
  if (at !== -1) {
    const letter = pattern[at]!;
    for (const other of [letter.toLowerCase(), letter.toUpperCase()]) {
      if (other.length === 1) variants.add(pattern.slice(0, at) + other + pattern.slice(at + 1));
    }
  }
  return { pattern, variants: [...variants] };
}

/** Whether `passage` reads as the quote once differences of form (see findQuote) are set aside. */
function sameBareForm(bare: BareForm, passage: string): boolean {
  const folded = fold(passage, true).text.trim();
  return bare.variants.includes(folded);
}

/**
 * Where the quote reads as given but for form (see bareForm) with the prefix and the suffix, each where given,
 * reading exactly so (but for form) right beside it; failing that (both given), with either one so. Empty when
 * neither side reads so anywhere.
 */
function placesWithExactContext(
  text: string,
  exact: string,
  prefix: string,
  suffix: string,
): Array<{ start: number; end: number }> {
  // A quote that begins or ends with a space is left to the search by score, which keeps its edges.
  const bare = exact === exact.trim() ? bareForm(exact) : null;
  if (bare === null) return [];
  const before = fold(prefix, true).text;
  const after = fold(suffix, true).text;
  if (before.trim() === '' && after.trim() === '') return [];
  const folded = foldedText(text, true);
  const length = bare.pattern.length;
  const starts = new Set<number>();
  for (const variant of bare.variants) for (const at of occurrences(folded.text, variant)) starts.add(at);
  const both: Array<{ start: number; end: number }> = [];
  const either: Array<{ start: number; end: number }> = [];
  for (const at of [...starts].sort((a, b) => a - b)) {
    // Spacing at the quote's edge is the quote's or the context's alike: either may hold the one space. Only the
    // few units beside the quote are read.
    const left = folded.text.slice(Math.max(0, at - before.length - 1), at);
    const right = folded.text.slice(at + length, at + length + after.length + 1);
    const prefixReads =
      before.trim() !== '' && (left.endsWith(before) || left.trimEnd().endsWith(before.trimEnd()));
    const suffixReads =
      after.trim() !== '' && (right.startsWith(after) || right.trimStart().startsWith(after.trimStart()));
    if (!prefixReads && !suffixReads) continue;
    const range = tidyRange(text, folded.from[at]!, folded.to[at + length - 1]!);
    if (!range) continue;
    const all = (before.trim() === '' || prefixReads) && (after.trim() === '' || suffixReads);
    const list = all ? both : either;
    if (!list.some((p) => p.start === range.start && p.end === range.end)) list.push(range);
  }
  return both.length > 0 ? both : either;
}

/** A quote with neither position nor context: found only where it reads the same but for form, and only once. */
function findBareQuote(text: string, exact: string, explain: boolean): QuoteSearch {
  const bare = bareForm(exact);
  if (bare === null) return { found: false, reason: 'absent', closest: null };
  const folded = foldedText(text, true);
  const starts = new Set<number>();
  for (const variant of bare.variants) for (const at of occurrences(folded.text, variant)) starts.add(at);
  const places: Array<{ start: number; end: number }> = [];
  for (const at of [...starts].sort((a, b) => a - b)) {
    const range = tidyRange(text, folded.from[at]!, folded.to[at + bare.pattern.length - 1]!);
    if (range && !places.some((p) => p.start === range.start && p.end === range.end)) places.push(range);
  }
  if (places.length === 1) return { found: true, ...places[0]! };
  if (places.length > 1) return { found: false, reason: 'ambiguous', places };
  if (!explain) return { found: false, reason: 'absent', closest: null };
  // A quote that differs only in letter case is shown the passage it would be, however unlike by case.
  const lowered = foldedText(text);
  const lower = fold(exact).text.trim();
  const at = lower === '' ? -1 : lowered.text.indexOf(lower);
  if (at !== -1) {
    const range = tidyRange(text, lowered.from[at]!, lowered.to[at + lower.length - 1]!);
    if (range) {
      const passage = fold(text.slice(range.start, range.end), true).text.trim();
      return {
        found: false,
        reason: 'absent',
        closest: { ...range, similarity: similarity(bare.pattern, passage) },
        caseOnly: true,
      };
    }
  }
  return { found: false, reason: 'absent', closest: closestPassage(text, folded, bare.pattern, true) };
}

/** Most alignment work spent on finding the closest passage to a refused quote (pattern × text units). */
const MAX_CLOSEST_CELLS = 40_000_000;

/** The passage of `text` whose folded form needs the fewest edits to become `pattern`, if any is half alike. */
function closestPassage(
  text: string,
  folded: FoldedText,
  pattern: string,
  keepCase: boolean,
): ClosestPassage | null {
  let matches = approximateMatches(
    folded.text,
    pattern,
    Math.min(MAX_EDITS, Math.floor(pattern.length * (1 - MIN_QUOTE_SIMILARITY))),
  );
  if (matches.length === 0 && pattern.length * folded.text.length <= MAX_CLOSEST_CELLS) {
    matches = alignInRegion(pattern, folded.text, 0, folded.text.length, Math.floor(pattern.length / 2));
  }
  let best: { start: number; end: number; edits: number } | undefined;
  for (const match of matches) {
    if (!best || match.edits < best.edits) best = match;
  }
  if (!best) return null;
  const range = tidyRange(text, folded.from[best.start]!, folded.to[best.end - 1]!);
  if (!range) return null;
  // Shown as whole words, and scored as shown: the alignment may end inside a word ("stage" as "sta").
  const { start, end } = wholeWords(text, range.start, range.end);
  const passage = fold(text.slice(start, end), keepCase).text.trim();
  return { start, end, similarity: similarity(pattern, passage) };
}

const WORD = /[\p{L}\p{N}]/u;

/** The range widened to whole words at each end. */
function wholeWords(text: string, from: number, to: number): { start: number; end: number } {
  let start = from;
  let end = to;
  while (start > 0 && WORD.test(text[start - 1]!) && WORD.test(text[start]!)) start--;
  while (end < text.length && WORD.test(text[end]!) && WORD.test(text[end - 1]!)) end++;
  return { start, end };
}

/** How far from its old place a highlight is looked for before the whole text is searched. */
const NEAR_REACH = 65_536;

/**
 * The start of the occurrence of `exact` nearest `hint` (the earlier one of two as near) whose prefix and suffix
 * agree completely, within NEAR_REACH of the hint; null when there is none there. Looks in windows around the hint
 * that grow fourfold, so the answer is the one a scan of the whole text would give: no occurrence outside a window
 * can be nearer.
 */
function nearestWithFullContext(
  text: string,
  exact: string,
  prefix: string,
  suffix: string,
  hint: number,
): number | null {
  for (let reach = 1024; reach <= NEAR_REACH; reach *= 4) {
    const lo = Math.max(0, hint - reach);
    const hi = Math.min(text.length, hint + reach);
    // A slice shares the text's memory; searching it stops at the window's end.
    const window = text.slice(lo, Math.min(text.length, hi + exact.length));
    let best: number | null = null;
    for (let found = window.indexOf(exact); found !== -1; found = window.indexOf(exact, found + 1)) {
      const at = lo + found;
      if (best !== null && Math.abs(at - hint) >= Math.abs(best - hint)) {
        if (at > hint) break;
        continue;
      }
      // Complete agreement is equality, which is cheaper to test than an edit distance.
      const fullContext =
        at >= prefix.length &&
        text.startsWith(prefix, at - prefix.length) &&
        text.startsWith(suffix, at + exact.length);
      if (fullContext) best = at;
    }
    if (best !== null) return best;
    if (lo === 0 && hi === text.length) break;
  }
  return null;
}

/** Where `needle` occurs within `reach` of `around`, or, when it occurs nowhere there, anywhere in `haystack`. */
function occurrencesNear(haystack: string, needle: string, around: number | null, reach: number): number[] {
  if (around !== null) {
    const lo = Math.max(0, around - reach);
    const window = haystack.slice(lo, Math.min(haystack.length, around + reach + needle.length));
    const near = occurrences(window, needle).map((at) => lo + at);
    if (near.length > 0) return near;
  }
  return occurrences(haystack, needle);
}

/**
 * Where in the folded text an edited quote most likely starts now: at its old place, right after where the end of
 * its prefix still is, and right before where the start of its suffix still is (near the old place if they are
 * there, else anywhere); nearest the hint first.
 */
function likelyPlaces(
  folded: string,
  prefix: string,
  suffix: string,
  patternLength: number,
  hint: number | null,
): number[] {
  const places: number[] = hint === null ? [] : [hint];
  const prefixTail = prefix.slice(-CONTEXT_LENGTH / 2);
  const suffixHead = suffix.slice(0, CONTEXT_LENGTH / 2);
  if (prefixTail.trim() !== '') {
    for (const at of occurrencesNear(folded, prefixTail, hint, NEAR_REACH))
      places.push(at + prefixTail.length);
  }
  if (suffixHead.trim() !== '') {
    for (const at of occurrencesNear(folded, suffixHead, hint, NEAR_REACH)) {
      places.push(Math.max(0, at - patternLength));
    }
  }
  const origin = hint ?? 0;
  return places.sort((a, b) => Math.abs(a - origin) - Math.abs(b - origin)).slice(0, MAX_LIKELY_PLACES);
}

/** Index of the first element of the ascending `values` that is >= `target` (values.length if none). */
function lowerBound(values: ArrayLike<number>, target: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// ---------------------------------------------------------------------------------------------------------------
// Code points

function checkOffset(offset: number, limit: number, unit: string): void {
  if (!Number.isInteger(offset) || offset < 0 || offset > limit) {
    throw new RangeError(`Offset ${offset} is outside the text (0–${limit} ${unit}).`);
  }
}

/** The code point offset of a UTF-16 offset. An offset inside a surrogate pair counts the pair as not reached. */
export function toCodePointOffset(text: string, utf16Offset: number): number {
  checkOffset(utf16Offset, text.length, 'code units');
  let count = 0;
  for (let i = 0; i < utf16Offset; i++) {
    if (isHigh(text.charCodeAt(i)) && isLow(text.charCodeAt(i + 1))) {
      if (i + 1 >= utf16Offset) break;
      i++;
    }
    count++;
  }
  return count;
}

/** The UTF-16 offset of a code point offset (W3C selectors count code points). */
export function toUtf16Offset(text: string, codePointOffset: number): number {
  if (!Number.isInteger(codePointOffset) || codePointOffset < 0) {
    throw new RangeError(`Offset ${codePointOffset} is outside the text.`);
  }
  let i = 0;
  for (let count = 0; count < codePointOffset; count++) {
    if (i >= text.length) {
      throw new RangeError(`Offset ${codePointOffset} is beyond the end of the text.`);
    }
    i += isHigh(text.charCodeAt(i)) && isLow(text.charCodeAt(i + 1)) ? 2 : 1;
  }
  return i;
}
