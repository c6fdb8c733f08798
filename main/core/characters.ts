/** Character classes the text scanners share, tested on UTF-16 code units for speed. */

/** The characters JavaScript's `\s` matches. */
export function isSpace(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** The Latin ligatures (U+FB00–U+FB06) as the letters they join: ﬁ → fi, ﬃ → ffi, ﬅ and ﬆ → st. */
const LIGATURE_LETTERS: Readonly<Record<string, string>> = {
  '\ufb00': 'ff',
  '\ufb01': 'fi',
  '\ufb02': 'fl',
  '\ufb03': 'ffi',
  '\ufb04': 'ffl',
  '\ufb05': 'st',
  '\ufb06': 'st',
};

/** `text` with its Latin ligatures written as their letters, as Parley's importers read them. */
export function ligaturesAsLetters(text: string): string {
  return text.replace(/[\ufb00-\ufb06]/g, (ligature) => LIGATURE_LETTERS[ligature] ?? ligature);
}
