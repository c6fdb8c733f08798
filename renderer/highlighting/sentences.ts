// The sentences of a document, as the reading column's sentence cursor (J and K) moves over them: offsets into
// Document.text, found block by block so a sentence never runs from one paragraph into the next. The rule is simple
// and errs towards a longer sentence rather than a cut one: a sentence ends at `.`, `!`, `?` or `…` (with any
// closing quotes or brackets after it) followed by white space and a capital, a digit or an opening quote; not
// after a title such as "Mr." or "Dr.", an initial ("J."), or letters with points ("U.S."); and a point inside a
// number ("3.5") is never an end, because no space follows it; a month's short name keeps its point before a day
// ("Jan. 5"). The full-width marks of Chinese and Japanese (`。`, `！`, `？`) end a sentence with no space after them,
// unless a quotation they close runs on into the words that follow.

/** The part of a block the rule reads: where it lies in the text. */
export interface BlockSpan {
  start: number;
  end: number;
}

export interface Sentence {
  start: number;
  end: number;
}

/** Words that end in a point without ending a sentence (compared without case, without their point). */
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'mx',
  'dr',
  'prof',
  'sr',
  'jr',
  'st',
  'gen',
  'col',
  'lt',
  'sgt',
  'capt',
  'cmdr',
  'adm',
  'gov',
  'sen',
  'rep',
  'rev',
  'hon',
  'pres',
  'amb',
  'vs',
  'fig',
  'cf',
  'e.g',
  'i.e',
  'approx',
]);

/** Months' short names, which keep their point before a day ("Jan. 5") and end a sentence otherwise. */
const MONTHS = /^(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)$/i;

/** A sentence's last mark, then whatever closes around it. */
const TERMINATOR = /[.!?…。！？]+["'”’)\]»」』）]*/gu;
/** The full-width marks, which end a sentence wherever they stand. */
const FULL_WIDTH_END = /[。！？]/u;
/** What may open the next sentence. */
const OPENER = /^["'“‘([«]*[\p{Lu}\p{N}]/u;

/**
 * Whether the point at `dot` (the first of the terminator's characters) follows a word that keeps it; `next` is
 * the first character of what follows.
 */
function keepsPoint(text: string, from: number, dot: number, next: string): boolean {
  if (text[dot] !== '.') return false;
  let wordStart = dot;
  while (wordStart > from && /[\p{L}\p{N}.]/u.test(text[wordStart - 1]!)) wordStart--;
  const word = text.slice(wordStart, dot);
  if (word === '') return false;
  if (ABBREVIATIONS.has(word.toLowerCase())) return true;
  // "No. 10", "Nos. 3 and 4": a number's sign only before a number.
  if (/^nos?$/i.test(word) && /\p{N}/u.test(next)) return true;
  if (MONTHS.test(word) && /\p{N}/u.test(next)) return true;
  // An initial ("J. Smith") or letters with points ("U.S.", "U.K."): never the end of a sentence here.
  return /^(?:\p{L}\.)*\p{Lu}$/u.test(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word);
}

/** The sentences of `text[block.start, block.end)`, each trimmed of the white space around it. */
function blockSentences(text: string, block: BlockSpan): Sentence[] {
  const out: Sentence[] = [];
  const slice = text.slice(block.start, block.end);
  let from = 0;
  const push = (end: number) => {
    let s = from;
    let e = end;
    while (s < e && /\s/u.test(slice[s]!)) s++;
    while (e > s && /\s/u.test(slice[e - 1]!)) e--;
    if (s < e) out.push({ start: block.start + s, end: block.start + e });
  };
  TERMINATOR.lastIndex = 0;
  for (let match = TERMINATOR.exec(slice); match; match = TERMINATOR.exec(slice)) {
    const end = match.index + match[0].length;
    const after = slice.slice(end);
    // A full-width mark inside closing quotes ends the sentence only when no words follow the quotes at once
    // (「行きます。」と言った is one sentence).
    const closed = /[」』）"'”’)\]»]$/u.test(match[0]);
    if (FULL_WIDTH_END.test(match[0]) && (!closed || !/^[\p{L}\p{N}]/u.test(after))) {
      push(end);
      from = end;
      continue;
    }
    const space = /^\s+/u.exec(after);
    if (!space) continue;
    const rest = after.slice(space[0].length);
    if (!OPENER.test(rest)) continue;
    if (keepsPoint(slice, from, match.index, rest.replace(/^["'“‘([«]+/u, '').charAt(0))) continue;
    push(end);
    from = end;
  }
  push(slice.length);
  return out;
}

/**
 * Every sentence of the text, in order. Without blocks the whole text is one paragraph (as the reading column
 * shows it); empty blocks have none.
 */
export function sentencesOf(text: string, blocks: readonly BlockSpan[]): Sentence[] {
  const spans = blocks.length === 0 ? [{ start: 0, end: text.length }] : blocks;
  return spans.flatMap((block) => (block.end > block.start ? blockSentences(text, block) : []));
}

/** The index of the first sentence that ends after `offset` (the one holding it, or the next), or -1. */
export function sentenceAt(sentences: readonly Sentence[], offset: number): number {
  let lo = 0;
  let hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo < sentences.length ? lo : -1;
}
