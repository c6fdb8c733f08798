/**
 * Carrying highlights from one version of a text onto a newer one. Each gets one of four states, and nothing is
 * re-pointed by a guess: `kept` when the diff puts its place where its quote still reads exactly; `moved` when the
 * same quote is found elsewhere by the anchoring's own rules (findQuote: context, position, a short quote never
 * given to a look-alike, ambiguity refused); `changed` when the passage is there in other words, as a close match
 * that clears the anchoring's minimum scores at the place the diff maps it to (closeMatchAt); `lost` when nothing
 * is close enough. The diff's map makes the common case, a highlight in an
 * untouched stretch, a binary search and one comparison.
 */
import { closeMatchAt, describeRange, findQuote, isAnchored, locate } from '../anchoring';
import type { CarryState, TextTarget } from '../../../shared/model';
import { mapOffset, type OffsetMap } from './diff';

export interface Carried {
  state: CarryState;
  /** Where it was found on the older text (its stored target, or where the anchoring finds its quote). */
  old: TextTarget;
  /** Where it is on the newer text; null when lost. */
  proposed: TextTarget | null;
}

/**
 * Whether two quotes read the same word for word, spacing aside (a double space, a line ending made CRLF): a
 * difference a reader cannot see, and a review could not show.
 */
function sameWords(a: string, b: string): boolean {
  return a === b || a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();
}

/** The older text's range the highlight covers: its stored place if its quote is there, else where it is found. */
function placeOn(text: string, target: TextTarget): TextTarget {
  if (isAnchored(text, target)) return target;
  const found = locate(text, target);
  return found ? describeRange(text, found.start, found.end) : target;
}

/** Where the older range `[start, end)` falls in the newer text: exactly (both ends), and as a span either way. */
function mapRange(
  map: OffsetMap,
  start: number,
  end: number,
): { exact: boolean; start: number; end: number } {
  const first = mapOffset(map, start);
  const last = mapOffset(map, Math.max(start, end - 1));
  const from = first.exact ? first.at : first.lo;
  const to = last.exact ? last.at + 1 : last.hi;
  return { exact: first.exact && last.exact, start: from, end: Math.max(from, to) };
}

/** What became of one highlight of `older` on `newer`, given the diff's map between them. */
export function carryTarget(older: string, newer: string, map: OffsetMap, target: TextTarget): Carried {
  const old = placeOn(older, target);
  const anchored = isAnchored(older, old);
  const mapped = anchored
    ? mapRange(map, old.start, old.end)
    : { exact: false, start: Math.min(old.start, newer.length), end: Math.min(old.end, newer.length) };
  if (mapped.exact && sameWords(newer.slice(mapped.start, mapped.end), old.exact)) {
    return { state: 'kept', old, proposed: describeRange(newer, mapped.start, mapped.end) };
  }
  const query = { exact: old.exact, prefix: old.prefix, suffix: old.suffix, start: mapped.start };
  // The same quote elsewhere is looked for only where the text still holds it: an edited one is weighed at the
  // place the diff puts it (below), and a search of the whole text for it would cost more than all the rest.
  if (newer.includes(old.exact)) {
    const found = findQuote(newer, query);
    if (found.found) {
      const proposed = describeRange(newer, found.start, found.end);
      if (!sameWords(proposed.exact, old.exact)) return { state: 'changed', old, proposed };
      const atItsPlace = found.start < Math.max(mapped.end, mapped.start + 1) && found.end > mapped.start;
      if (atItsPlace) return { state: 'kept', old, proposed };
      // Elsewhere, the place must be the quote's by its context alone: where the diff puts the old place says
      // nothing of a passage that left it, so a quote the new text has twice (a paragraph pasted twice, say)
      // goes to neither copy.
      const byContext = findQuote(newer, { exact: old.exact, prefix: old.prefix, suffix: old.suffix });
      if (!byContext.found || byContext.start !== found.start) return { state: 'lost', old, proposed: null };
      return { state: 'moved', old, proposed };
    }
    // Fits several places equally well: it is not moved to any of them.
    if (found.reason === 'ambiguous') return { state: 'lost', old, proposed: null };
  }
  const close = closeMatchAt(newer, query, mapped.start, mapped.end);
  if (close?.accepted) {
    const proposed = describeRange(newer, close.start, close.end);
    return { state: sameWords(proposed.exact, old.exact) ? 'kept' : 'changed', old, proposed };
  }
  return { state: 'lost', old, proposed: null };
}
