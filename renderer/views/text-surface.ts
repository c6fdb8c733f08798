// The open document's text as painted on the page: its index (text offsets ↔ DOM), the painter of highlights
// and suggestions, where each highlight is painted, and the reader's selection as offsets. Shared by the
// reading view, the suggestions drawer and the Highlight command.
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { HighlightPainter } from '../highlighting/painter';
import { rangeToOffsets, type TextIndex, type TextSpan } from '../highlighting/text-index';
import type { ParleyDocument } from '../types';

export interface TextSurface {
  painter: HighlightPainter;
  /** The index of the text shown now; null while the text is being laid out. */
  index: TextIndex | null;
  onIndex(index: TextIndex, text: string): void;
  ranges: ReadonlyMap<string, Range>;
  setRanges(ranges: ReadonlyMap<string, Range>): void;
  /** The reading column's current selection as text offsets, with where it sits on screen. */
  currentSelection(): { span: TextSpan; range: Range } | null;
}

export function useTextSurface(doc: ParleyDocument | null): TextSurface {
  const painter = useMemo(() => new HighlightPainter(), []);
  const [indexed, setIndexed] = useState<{ text: string; index: TextIndex } | null>(null);
  const [ranges, setRanges] = useState<ReadonlyMap<string, Range>>(new Map());
  const index = indexed && doc && indexed.text === doc.text ? indexed.index : null;
  useEffect(
    () => () => {
      painter.clear();
      painter.clearSuggestions();
    },
    [painter],
  );
  const onIndex = useCallback((next: TextIndex, text: string) => setIndexed({ index: next, text }), []);
  const currentSelection = useCallback(() => {
    if (!index || !doc) return null;
    const selection = document.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
    const range = selection.getRangeAt(0);
    const span = rangeToOffsets(index, range, doc.text);
    return span ? { span, range } : null;
  }, [index, doc]);
  return { painter, index, onIndex, ranges, setRanges, currentSelection };
}
