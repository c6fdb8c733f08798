// How much one highlight may hold. Ctrl+A selects the whole article, as it does everywhere (a reader copies the
// text that way); pressing H then must not offer to highlight all of it. A highlight is a passage: a quotation may
// run over a few paragraphs, but one that holds more than a handful of paragraphs or a page of text is a selection
// made by mistake, so the Highlight command refuses it and says how to select a passage instead.
import type { BlockSpan } from './sentences';

/** The most paragraphs (blocks of the text) one highlight may run over. */
export const MAX_HIGHLIGHT_BLOCKS = 5;
/** The most characters one highlight may hold (UTF-16 code units, about 400 words). */
export const MAX_HIGHLIGHT_CHARS = 2500;

/** How many blocks the span runs over (at least one: text without blocks is one paragraph). */
export function blocksSpanned(span: { start: number; end: number }, blocks: readonly BlockSpan[]): number {
  const touched = blocks.filter((b) => b.end > b.start && b.start < span.end && b.end > span.start).length;
  return Math.max(touched, 1);
}

/** Why this span cannot be one highlight, or null when it can. */
export function highlightTooLong(
  span: { start: number; end: number },
  blocks: readonly BlockSpan[],
): string | null {
  const paragraphs = blocksSpanned(span, blocks);
  const chars = span.end - span.start;
  if (paragraphs <= MAX_HIGHLIGHT_BLOCKS && chars <= MAX_HIGHLIGHT_CHARS) return null;
  const size =
    paragraphs > MAX_HIGHLIGHT_BLOCKS
      ? `runs over ${paragraphs} paragraphs`
      : `holds ${chars.toLocaleString('en')} characters`;
  return (
    `The selection ${size}: a highlight holds at most ${MAX_HIGHLIGHT_BLOCKS} paragraphs and ` +
    `${MAX_HIGHLIGHT_CHARS.toLocaleString('en')} characters. Select a passage (J and K select a sentence, ` +
    `Shift+J extends it), then press H.`
  );
}
