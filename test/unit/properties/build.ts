// What the property tests build their notebooks from: a plain-text document, the core's operations run on random
// input, and a random span of a text made of whole characters.
import { splitsSurrogatePair } from '../../../main/core/anchoring';
import { ParleyError, type ParleyDocument } from '../../../shared/model';

/** A plain-text document of one paragraph holding all of `text`. */
export function textDocument(
  text: string,
  { id = 'doc', title = 'Edited', url = '' }: { id?: string; title?: string; url?: string } = {},
): ParleyDocument {
  return {
    id,
    title,
    source: '',
    published: '',
    url,
    importedAt: '2026-11-30T00:00:00.000Z',
    format: 'text',
    text,
    blocks: [{ kind: 'paragraph', start: 0, end: text.length }],
    contentHash: '',
    note: '',
    byline: '',
    marks: [],
    openedAt: '',
    authors: [],
    pages: '',
    citationKey: '',
    version: 1,
  };
}

/** Runs one of the core's operations; one that refuses its (random) input is left out, as the app would. */
export function tryTo<T>(make: () => T): T | null {
  try {
    return make();
  } catch (error) {
    if (error instanceof ParleyError) return null;
    throw error;
  }
}

/**
 * The span starting at `from` (a fraction of the text) and `length` code units long, clamped to the text and
 * widened so that neither end splits a surrogate pair.
 */
export function spanOf(text: string, from: number, length: number): { start: number; end: number } {
  let start = Math.floor(from * text.length);
  let end = Math.min(text.length, start + length);
  if (splitsSurrogatePair(text, start)) start -= 1;
  if (splitsSurrogatePair(text, end)) end += 1;
  return { start, end };
}

/** The items the random indices pick, each index wrapping round the list; none from an empty list. */
export function pickEach<T>(items: readonly T[], picks: readonly number[]): T[] {
  return items.length === 0 ? [] : picks.map((i) => items[i % items.length]!);
}

/** The item a random index picks, wrapping round the list; null when there is no index or nothing to pick. */
export function pickOne<T>(items: readonly T[], pick: number | null): T | null {
  return pick === null || items.length === 0 ? null : items[pick % items.length]!;
}
