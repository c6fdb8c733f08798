/**
 * Folding for Find: text made comparable the way a reader compares it, insensitive to case, accents (combining
 * marks), compatibility forms (ligatures, full-width letters) and typographic quotes, with every run of whitespace
 * one space. Each folded character can be traced back to the character of the original text it came from, so a
 * match found in folded text is shown, marked and highlighted at exactly its place in the original.
 */

const COMBINING_MARK = /\p{M}/gu;
const WHITESPACE = /\s/;
const ASCII = /^[^\u0080-\uffff]*$/;
const ASCII_SPACES = /[\t\n\v\f\r ]+/g;

/**
 * Folds that NFKD and lowercasing leave apart but a reader would not: typographic quotes, final sigma, and letters
 * that are not a base letter with a mark ("Łukasz" is found as "lukasz", "Straße" as "strasse").
 */
const EXTRA_FOLDS: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u2032': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u201f': '"',
  '\u00ab': '"',
  '\u00bb': '"',
  ς: 'σ',
  ł: 'l',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ı: 'i',
  þ: 'th',
};

const foldedCodePoints = new Map<string, string>();

/** One character (code point) folded: compatibility-decomposed, combining marks dropped, lowercased. */
function foldCodePoint(ch: string): string {
  let folded = foldedCodePoints.get(ch);
  if (folded === undefined) {
    folded = '';
    for (const c of ch.normalize('NFKD').replace(COMBINING_MARK, '').toLowerCase()) {
      folded += EXTRA_FOLDS[c] ?? c;
    }
    if (foldedCodePoints.size < 100_000) foldedCodePoints.set(ch, folded);
  }
  return folded;
}

/**
 * `text` folded for matching, character by character so that every folded character can be traced back to the
 * original one: runs of whitespace become one space. With `map`, `map[i]` is the offset in `text` of the character
 * folded into position `i`, and `map[folded.length]` is `text.length`.
 */
export function fold(text: string, map?: number[]): string {
  if (!map && ASCII.test(text)) return text.toLowerCase().replace(ASCII_SPACES, ' ');
  // Built as an array and joined, so the result is one flat string that `includes` scans without flattening it.
  const out: string[] = [];
  let lastSpace = false;
  for (let i = 0; i < text.length;) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      const isSpace = code === 0x20 || (code >= 0x09 && code <= 0x0d);
      if (isSpace) {
        if (!lastSpace) {
          out.push(' ');
          map?.push(i);
        }
        lastSpace = true;
      } else {
        out.push(code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : text[i]!);
        map?.push(i);
        lastSpace = false;
      }
      i++;
      continue;
    }
    const width = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length ? 2 : 1;
    const ch = text.slice(i, i + width);
    if (WHITESPACE.test(ch)) {
      if (!lastSpace) {
        out.push(' ');
        map?.push(i);
      }
      lastSpace = true;
    } else {
      const folded = foldCodePoint(ch);
      for (const c of folded) {
        out.push(c);
        map?.push(i);
        if (c.length === 2) map?.push(i);
      }
      if (folded !== '') lastSpace = false;
    }
    i += width;
  }
  map?.push(text.length);
  return out.join('');
}

/**
 * `fold(text, map)` with the map as a typed array: what the full-text index keeps per document. Plain ASCII text,
 * the common case, is folded by a fast path that gives the same result.
 */
export function foldWithMap(text: string): { folded: string; map: Int32Array } {
  if (!ASCII.test(text)) {
    const list: number[] = [];
    const folded = fold(text, list);
    return { folded, map: Int32Array.from(list) };
  }
  const folded = fold(text);
  const map = new Int32Array(folded.length + 1);
  let at = 0;
  let lastSpace = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const isSpace = code === 0x20 || (code >= 0x09 && code <= 0x0d);
    if (isSpace && lastSpace) continue;
    lastSpace = isSpace;
    map[at++] = i;
  }
  map[at] = text.length;
  return { folded, map };
}
