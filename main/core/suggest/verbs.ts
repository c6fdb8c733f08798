/**
 * A speech verb at a token, with the second word of a two-word cue ("expressed hope", "made it clear"), and the
 * auxiliaries and adverbs that may stand before one ("has also said").
 */
import { AUXILIARIES, PHRASAL, SPEECH_VERBS } from './words';
import type { Analysis, Token } from './tokens';

export interface Verb {
  first: number;
  last: number;
  word: string;
}

/** A speech verb at token `i` (lower case), with the second word of a two-word cue. */
export function verbAt(a: Analysis, i: number): Verb | null {
  const t = a.tok(i);
  if (!t || !t.word || t.capital || a.quoteOf[i] !== -1) return null;
  const phrasal = PHRASAL[t.lower];
  if (phrasal) {
    const next = a.tok(i + 1);
    if (next && phrasal.has(next.lower)) return { first: i, last: i + 1, word: t.lower };
    const it = a.tok(i + 2);
    if (t.lower === 'made' && next?.lower === 'it' && it && phrasal.has(it.lower)) {
      return { first: i, last: i + 2, word: t.lower };
    }
    return null;
  }
  return SPEECH_VERBS.has(t.lower) ? { first: i, last: i, word: t.lower } : null;
}

export function isAuxiliary(t: Token | undefined): boolean {
  return (
    t !== undefined && t.word && !t.capital && (AUXILIARIES.has(t.lower) || /^[a-z]{3,}ly$/.test(t.lower))
  );
}
