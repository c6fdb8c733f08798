/**
 * The text cut into words and marks, paragraphs, quotations (curly, straight, guillemets, single quotes where no
 * apostrophe can be meant) and sentences, in one pass; every rule of the finder reads the text through it.
 */
import { isSpace } from '../characters';
import { ABBREVIATIONS, ELISIONS, LONGEST_STATEMENT, TIME, TITLES, ZONES } from './words';

export interface Token {
  start: number;
  end: number;
  text: string;
  lower: string;
  word: boolean;
  capital: boolean;
}

export interface Quote {
  /** Token index of the opening mark. */
  open: number;
  /** Token index of the closing mark; -1 when the quotation runs to the end of its last paragraph. */
  close: number;
  /** Paragraph of the closing mark (or where it stops). */
  lastParagraph: number;
  start: number;
  end: number;
  /** Ends in punctuation that hands over to an attribution ("…,” said X). */
  handsOver: boolean;
}

type Family = 'double' | 'straight' | 'guillemet' | 'single' | 'apostrophe';

const UPPER = /^\p{Lu}/u;
const WORD_CHAR = /^[\p{L}\p{M}\p{N}]/u;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** How many UTF-16 units the letter, mark or digit at `i` takes (0 when it is none). */
function wordCharWidth(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || isDigit(code) ? 1 : 0;
  if (Number.isNaN(code)) return 0;
  const point = text.codePointAt(i)!;
  return WORD_CHAR.test(String.fromCodePoint(point)) ? (point > 0xffff ? 2 : 1) : 0;
}
const PARAGRAPH_BREAK = /\n[ \t\r\f\v]*\n\s*/g;

const WORD = 1;
const CAPITAL = 2;

const OPEN_DOUBLE = 0x201c; // “
const CLOSE_DOUBLE = 0x201d; // ”
const OPEN_SINGLE = 0x2018; // ‘
const CLOSE_SINGLE = 0x2019; // ’
const STRAIGHT = 0x22; // "
const APOSTROPHE = 0x27; // '
const OPEN_GUILLEMET = 0xab; // «
const CLOSE_GUILLEMET = 0xbb; // »

function isTerminalCode(code: number): boolean {
  return code === 0x2e || code === 0x21 || code === 0x3f || code === 0x2026;
}

/**
 * The text cut into words and marks, paragraphs, quotations and sentences. Tokens are kept in typed arrays (a
 * megabyte of text has a quarter of a million of them); `tok(i)` gives one as an object where a rule reads it.
 */
export class Analysis {
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly flags: Uint8Array;
  count = 0;
  /** Token ranges [first, end) of each paragraph. */
  readonly paragraphs: Array<{ first: number; end: number }> = [];
  readonly paragraphOf: Int32Array;
  readonly quotes: Quote[] = [];
  /** The quote each token belongs to (marks included), or -1. */
  readonly quoteOf: Int32Array;
  readonly sentenceStart: Int32Array;
  readonly sentenceEnd: Int32Array;

  constructor(readonly text: string) {
    this.starts = new Int32Array(text.length + 1);
    this.ends = new Int32Array(text.length + 1);
    this.flags = new Uint8Array(text.length + 1);
    this.tokenize();
    const n = this.count;
    this.paragraphOf = new Int32Array(n);
    this.paragraphs.forEach((p, index) => this.paragraphOf.fill(index, p.first, p.end));
    this.quoteOf = new Int32Array(n).fill(-1);
    this.findQuotes();
    this.sentenceStart = new Int32Array(n);
    this.sentenceEnd = new Int32Array(n);
    this.findSentences();
  }

  private tokenize(): void {
    const { text } = this;
    let from = 0;
    const add = (end: number) => {
      const first = this.count;
      let i = from;
      while (i < end) {
        const code = text.charCodeAt(i);
        if (isSpace(code)) {
          i++;
          continue;
        }
        const width = wordCharWidth(text, i);
        let j = i + Math.max(width, 1);
        if (width > 0) {
          if (isDigit(code)) {
            // 4.5, 10,000, 10:22 are one word
            while (j < end && isDigit(text.charCodeAt(j))) j++;
            while (j + 1 < end && /[.,:]/.test(text[j]!) && isDigit(text.charCodeAt(j + 1))) {
              j += 2;
              while (j < end && isDigit(text.charCodeAt(j))) j++;
            }
          }
          for (;;) {
            for (let w = wordCharWidth(text, j); j < end && w > 0; w = wordCharWidth(text, j)) j += w;
            const joiner = text.charCodeAt(j);
            if (
              j + 1 < end &&
              (joiner === 0x27 || joiner === CLOSE_SINGLE || joiner === 0x2d || joiner === 0x2010) &&
              wordCharWidth(text, j + 1) > 0
            ) {
              j++;
              continue;
            }
            break;
          }
        } else if (code >= 0xd800 && code <= 0xdbff && i + 1 < end) {
          j = i + 2;
        }
        const n = this.count++;
        this.starts[n] = i;
        this.ends[n] = j;
        const capital = width > 0 && (code < 128 ? code >= 65 && code <= 90 : UPPER.test(text.slice(i, j)));
        this.flags[n] = (width > 0 ? WORD : 0) | (capital ? CAPITAL : 0);
        i = j;
      }
      if (this.count > first) this.paragraphs.push({ first, end: this.count });
    };
    PARAGRAPH_BREAK.lastIndex = 0;
    for (let m = PARAGRAPH_BREAK.exec(text); m !== null; m = PARAGRAPH_BREAK.exec(text)) {
      add(m.index);
      from = m.index + m[0].length;
    }
    add(text.length);
  }

  /** Token `i` as an object, or undefined outside the text. */
  tok(i: number): Token | undefined {
    if (i < 0 || i >= this.count) return undefined;
    const start = this.starts[i]!;
    const end = this.ends[i]!;
    const text = this.text.slice(start, end);
    const flags = this.flags[i]!;
    const word = (flags & WORD) !== 0;
    return {
      start,
      end,
      text,
      lower: word ? text.toLowerCase() : text,
      word,
      capital: (flags & CAPITAL) !== 0,
    };
  }

  isWord(i: number): boolean {
    return i >= 0 && i < this.count && (this.flags[i]! & WORD) !== 0;
  }

  /** The first UTF-16 unit of token `i` (a mark is one character), or -1. */
  code(i: number): number {
    return i >= 0 && i < this.count ? this.text.charCodeAt(this.starts[i]!) : -1;
  }

  /** The token at `i` if it is in paragraph `p`. */
  inParagraph(i: number, p: number): Token | undefined {
    const range = this.paragraphs[p];
    return range && i >= range.first && i < range.end ? this.tok(i) : undefined;
  }

  private sameParagraph(i: number, j: number): boolean {
    return j >= 0 && j < this.count && this.paragraphOf[i] === this.paragraphOf[j];
  }

  /** Directly touching the previous token (no space between). */
  private touchesPrevious(i: number): boolean {
    return this.sameParagraph(i, i - 1) && this.ends[i - 1] === this.starts[i];
  }

  private touchesNext(i: number): boolean {
    return this.sameParagraph(i, i + 1) && this.starts[i + 1] === this.ends[i];
  }

  /** A mark that can open a quotation here: after a space, a bracket or a dash, before the quoted words. */
  private opensHere(i: number): boolean {
    if (!this.touchesNext(i)) return false;
    if (!this.touchesPrevious(i)) return true;
    return !this.isWord(i - 1) && '([{—–-/:'.includes(this.text[this.starts[i - 1]!]!);
  }

  /** A single curly quote that plainly closes: against a word or stop, with punctuation on one side of it. */
  private closesSingle(i: number): boolean {
    if (!this.touchesPrevious(i)) return false;
    const next = this.touchesNext(i) ? i + 1 : -1;
    if (next !== -1 && this.isWord(next)) return false;
    const before = this.isWord(i - 1) ? '' : this.text[this.starts[i - 1]!]!;
    const after = next === -1 ? '' : this.text[this.starts[next]!]!;
    return (before !== '' && '.,!?…'.includes(before)) || (after !== '' && ',.;:!?…'.includes(after));
  }

  /**
   * A straight single mark that opens a quotation: where an opening mark may stand, before a word that is no
   * elision ("'90s", "'em", "rock 'n' roll").
   */
  private opensApostrophe(i: number): boolean {
    if (!this.opensHere(i) || !this.isWord(i + 1)) return false;
    const next = this.tok(i + 1)!;
    return !isDigit(this.code(i + 1)) && !ELISIONS.has(next.lower);
  }

  /**
   * A straight single mark that closes: as a curly one closes, except that "ministers'." with a stop only after
   * it may be a plural possessive, so it gives way to a mark after a stop further on, before the next opening.
   */
  private closesApostrophe(i: number): boolean {
    if (!this.closesSingle(i)) return false;
    const before = this.tok(i - 1)!;
    if (!before.word || !/s$/i.test(before.text)) return true;
    const p = this.paragraphOf[i]!;
    const end = Math.min(this.paragraphs[p]!.end, i + LONGEST_STATEMENT);
    for (let k = i + 1; k < end; k++) {
      if (this.code(k) !== APOSTROPHE) continue;
      if (this.opensApostrophe(k)) return true;
      if (this.closesSingle(k) && !this.isWord(k - 1)) return false;
    }
    return true;
  }

  /** A straight double mark against the words before it and not against a word after it. */
  private closesStraight(i: number): boolean {
    return this.touchesPrevious(i) && !(this.touchesNext(i) && this.isWord(i + 1));
  }

  private opening(i: number): Family | null {
    const mark = this.code(i);
    if (mark === OPEN_DOUBLE) return 'double';
    if (mark === OPEN_GUILLEMET) return 'guillemet';
    if (mark === STRAIGHT) return this.opensHere(i) ? 'straight' : null;
    if (mark === OPEN_SINGLE) return this.opensHere(i) ? 'single' : null;
    if (mark === APOSTROPHE) return this.opensApostrophe(i) ? 'apostrophe' : null;
    return null;
  }

  private closing(i: number, family: Family): boolean {
    const mark = this.code(i);
    switch (family) {
      case 'double':
        // A scraped page may close a curly quotation with a straight mark: “…," she said.
        return mark === CLOSE_DOUBLE || (mark === STRAIGHT && this.closesStraight(i));
      case 'guillemet':
        return mark === CLOSE_GUILLEMET;
      case 'straight':
        return mark === STRAIGHT || mark === CLOSE_DOUBLE;
      case 'single':
        return mark === CLOSE_SINGLE && this.closesSingle(i);
      case 'apostrophe':
        return mark === APOSTROPHE && this.closesApostrophe(i);
    }
  }

  /**
   * Pairs quote marks paragraph by paragraph. A quotation left open at the end of a paragraph continues when the
   * next paragraph opens with a quote mark (the English convention for long quotations); otherwise it ends with
   * its paragraph, except a single quote, which is then taken for an apostrophe.
   */
  private findQuotes(): void {
    let open: { family: Family; at: number } | null = null;
    const finish = (close: number, lastParagraph: number) => {
      if (!open) return;
      const range = this.paragraphs[lastParagraph]!;
      const contentStart = this.ends[open.at]!;
      const endOffset = close >= 0 ? this.starts[close]! : this.ends[range.end - 1]!;
      const stop = close >= 0 ? close : range.end - 1;
      this.quoteOf.fill(this.quotes.length, open.at, stop + 1);
      const span = contentStart < endOffset ? trimSpan(this.text, contentStart, endOffset) : null;
      if (span) {
        const raw = this.text.slice(contentStart, endOffset).trimEnd();
        const after = close >= 0 ? this.inParagraph(close + 1, lastParagraph) : undefined;
        this.quotes.push({
          open: open.at,
          close,
          lastParagraph,
          ...span,
          handsOver: /[,.!?…—–\-:;]$/.test(raw) || after?.text === ',',
        });
      } else {
        this.quoteOf.fill(-1, open.at, stop + 1);
      }
      open = null;
    };
    this.paragraphs.forEach((range, p) => {
      let i = range.first;
      if (open) {
        const mark = this.code(i);
        const family: Family = open.family;
        const continues =
          i < range.end &&
          (family === 'single'
            ? mark === OPEN_SINGLE
            : family === 'apostrophe'
              ? mark === APOSTROPHE && this.opensApostrophe(i)
              : mark === OPEN_DOUBLE || mark === OPEN_GUILLEMET || mark === STRAIGHT || mark === OPEN_SINGLE);
        if (continues) i++;
        else if (family === 'single' || family === 'apostrophe') open = null;
        else finish(-1, p - 1);
      }
      for (; i < range.end; i++) {
        if ((this.flags[i]! & WORD) !== 0) continue;
        if (!open) {
          const family = this.opening(i);
          if (family) open = { family, at: i };
        } else if (this.closing(i, open.family)) {
          finish(i, p);
        } else if (open.family === 'apostrophe' && this.code(i) === APOSTROPHE && this.opensApostrophe(i)) {
          // Two opening marks and no close between: the first was an apostrophe after all, or nobody can tell.
          open = { family: 'apostrophe', at: i };
        }
      }
    });
    if (open) {
      const family: Family = (open as { family: Family }).family;
      if (family === 'single' || family === 'apostrophe') open = null;
      else finish(-1, this.paragraphs.length - 1);
    }
  }

  private isAbbreviationDot(i: number): boolean {
    if (!this.isWord(i - 1) || this.ends[i - 1] !== this.starts[i]) return false;
    const prev = this.tok(i - 1)!;
    if (TITLES.has(prev.lower) || ABBREVIATIONS.has(prev.lower)) return true;
    return prev.text.length === 1 && prev.capital;
  }

  /** Whether token `i` (or the end of the paragraph, -1) can begin a sentence. */
  private startsSentence(i: number): boolean {
    if (i === -1) return true;
    const code = this.code(i);
    if (this.isWord(i))
      return (this.flags[i]! & CAPITAL) !== 0 || isDigit(code) || /^\p{N}/u.test(this.text[this.starts[i]!]!);
    return (
      code === OPEN_DOUBLE ||
      code === STRAIGHT ||
      code === OPEN_SINGLE ||
      (code === APOSTROPHE && this.quoteOf[i] !== -1 && this.quotes[this.quoteOf[i]!]!.open === i) ||
      code === OPEN_GUILLEMET ||
      code === 0x28
    );
  }

  private findSentences(): void {
    for (const range of this.paragraphs) {
      let start = range.first;
      const close = (last: number) => {
        this.sentenceStart.fill(start, start, last + 1);
        this.sentenceEnd.fill(last, start, last + 1);
        start = last + 1;
      };
      // A live blog's "10:05 GMT" before a post is a sentence of its own, not part of the first speaker's name.
      const stamp = this.timestampLength(range.first, range.end);
      if (stamp > 0 && range.first + stamp < range.end && this.startsSentence(range.first + stamp)) {
        close(range.first + stamp - 1);
      }
      for (let i = range.first; i < range.end; i++) {
        if ((this.flags[i]! & WORD) !== 0) continue;
        const next = i + 1 < range.end ? i + 1 : -1;
        const code = this.code(i);
        const q = this.quoteOf[i]!;
        if (q === -1) {
          if (isTerminalCode(code) && !(code === 0x2e && this.isAbbreviationDot(i))) {
            const after = next === -1 ? -1 : this.code(next);
            if (after === 0x29 || after === 0x5d || (!this.isWord(next) && isTerminalCode(after))) continue;
            if (next !== -1 && this.isWord(next) && this.starts[next] === this.ends[i]) continue;
            if (this.startsSentence(next)) close(i);
          }
        } else if (this.quotes[q]!.close === i) {
          if (
            !this.isWord(i - 1) &&
            isTerminalCode(this.code(i - 1)) &&
            next !== -1 &&
            this.startsSentence(next)
          ) {
            close(i);
          }
        }
      }
      if (start < range.end) close(range.end - 1);
    }
  }

  /** How many tokens a time stamp opening a paragraph takes: "10:05", "10:05 GMT", "2.15pm" (0 if none). */
  private timestampLength(first: number, end: number): number {
    if (!this.isWord(first) || !TIME.test(this.text.slice(this.starts[first]!, this.ends[first]!))) return 0;
    const next = first + 1 < end ? this.tok(first + 1) : undefined;
    return next && next.word && ZONES.has(next.lower) ? 2 : 1;
  }

  slice(first: number, last: number): string {
    const text = this.text.slice(this.starts[first]!, this.ends[last]!);
    return /\s\s|[^\S ]/.test(text) ? text.replace(/\s+/g, ' ') : text;
  }
}

/** [start, end) without surrounding space, a trailing comma, or a trailing full stop when `dropStop`. */
export function trimSpan(
  text: string,
  start: number,
  end: number,
  dropStop = false,
): { start: number; end: number } | null {
  while (start < end && /\s/.test(text[start]!)) start++;
  for (;;) {
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    const last = text[end - 1];
    if (last === ',' || last === ';' || last === ':' || (dropStop && last === '.')) end--;
    else break;
  }
  return end > start ? { start, end } : null;
}
/** The token that holds offset `at` (the last one starting at or before it). */
export function tokenAt(a: Analysis, at: number): number {
  let lo = 0;
  let hi = a.count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a.starts[mid]! <= at) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(0, lo - 1);
}
