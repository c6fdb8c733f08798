// Find's hits in the open document, marked in the text with the CSS Custom Highlight API (as the painter marks
// passages: the reading DOM is never split), the current hit marked apart and brought into view when it moves.
// The marks are registered under their own names, above the passages' highlights, and go when Find closes.
// Hits in text not yet in the page (the column mounts it as the reader comes near) are marked when it is mounted;
// the current hit is put in the page when it moves there.
import { useEffect, useLayoutEffect, useMemo } from 'preact/hooks';
import { revealRange } from '../dom';
import { offsetsToRange, reachText, type TextIndex } from '../highlighting/text-index';
import './find-marks.css';

export const FIND_HIGHLIGHT = 'parley-find';
export const FIND_CURRENT_HIGHLIGHT = 'parley-find-current';

/** What Find marks in the open document's text. */
export interface FindMarks {
  documentId: string;
  /** Every text hit, [start, end) offsets into the document's text, in text order. */
  ranges: ReadonlyArray<readonly [number, number]>;
  /** Index of the current hit in `ranges`. */
  current: number;
  /** Changes each time the current hit should be brought into view (a move, a new query). */
  reveal: number;
}

function clear(): void {
  CSS.highlights.delete(FIND_HIGHLIGHT);
  CSS.highlights.delete(FIND_CURRENT_HIGHLIGHT);
}

/** Marks `marks` in the text `index` lays out (when it is the marked document's), and clears them when gone. */
export function useFindMarks(
  index: TextIndex | null,
  documentId: string | null,
  marks: FindMarks | null,
): void {
  const shown = marks && index && marks.documentId === documentId ? marks : null;
  const ranges = useMemo(
    () => (shown && index ? shown.ranges.map(([start, end]) => offsetsToRange(index, start, end)) : []),
    [index, shown?.ranges],
  );
  const current = shown ? (ranges[shown.current] ?? null) : null;

  // Every hit in one Highlight, made again only when the hits change; a move replaces the one-range current mark
  // above it, so going through hundreds of hits does not repaint them all each time.
  useLayoutEffect(() => {
    const all = ranges.filter((r): r is Range => r !== null);
    if (all.length === 0) {
      clear();
      return;
    }
    const highlight = new Highlight(...all);
    highlight.priority = 10;
    CSS.highlights.set(FIND_HIGHLIGHT, highlight);
  }, [ranges]);

  useLayoutEffect(() => {
    if (ranges.length === 0) return;
    const now = new Highlight(...(current ? [current] : []));
    now.priority = 11;
    CSS.highlights.set(FIND_CURRENT_HIGHLIGHT, now);
  }, [ranges, current]);

  useEffect(() => clear, []);

  // The current hit in text not in the page: mount it (a new index follows, and with it the hit's range).
  const want = shown ? shown.ranges[shown.current] : undefined;
  useEffect(() => {
    if (index && want && !current) reachText(index, want[0], want[1]);
  }, [index, want?.[0], want?.[1], current === null]);

  useEffect(() => {
    if (current) revealRange(current);
  }, [shown?.reveal, current !== null]);
}
