/**
 * The peer for re-anchoring: quote anchoring as the Hypothesis client does it (its match-quote module), written
 * out here for comparison. Each quote is searched for over the whole text — exact occurrences if there are any,
 * else approximate ones with up to half the quote's length in errors (at most 256) by Myers' bit-parallel
 * algorithm (approx-string-match) — and every candidate is scored on the quote (weight 50), its prefix (20) and
 * suffix (20) and nearness to the old position (2); the best candidate wins, whatever its score.
 */
import approxSearch, { type Match } from 'approx-string-match';

function allMatches(text: string, pattern: string, maxErrors: number): Match[] {
  const exact: Match[] = [];
  for (let at = text.indexOf(pattern); at !== -1; at = text.indexOf(pattern, at + 1)) {
    exact.push({ start: at, end: at + pattern.length, errors: 0 });
  }
  return exact.length > 0 ? exact : approxSearch(text, pattern, maxErrors);
}

/** 1 when `expected` occurs in `actual` unchanged, falling with the edits it needs; 0 for an empty side. */
function similarity(actual: string, expected: string): number {
  if (actual === '' || expected === '') return 0;
  const best = allMatches(actual, expected, expected.length)[0];
  return best ? 1 - best.errors / expected.length : 0;
}

export interface QuoteContext {
  prefix?: string;
  suffix?: string;
  hint?: number;
}

/** The best match for `quote` in `text`, or null when nothing is within the error budget. */
export function matchQuote(
  text: string,
  quote: string,
  context: QuoteContext,
): { start: number; end: number } | null {
  if (quote === '') return null;
  const candidates = allMatches(text, quote, Math.min(256, quote.length / 2));
  let best: { start: number; end: number } | null = null;
  let bestScore = -Infinity;
  for (const match of candidates) {
    const quoteScore = 1 - match.errors / quote.length;
    const prefixScore = context.prefix
      ? similarity(text.slice(Math.max(0, match.start - context.prefix.length), match.start), context.prefix)
      : 1;
    const suffixScore = context.suffix
      ? similarity(text.slice(match.end, match.end + context.suffix.length), context.suffix)
      : 1;
    const positionScore =
      context.hint === undefined ? 1 : 1 - Math.abs(match.start - context.hint) / text.length;
    const score = (50 * quoteScore + 20 * prefixScore + 20 * suffixScore + 2 * positionScore) / 92;
    if (score > bestScore) {
      bestScore = score;
      best = { start: match.start, end: match.end };
    }
  }
  return best;
}
