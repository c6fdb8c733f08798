// The margin beside the text: each note card sits level with the first line of its passage and is pushed down
// just enough not to overlap the card above it, like comments in a word processor.
import { useCallback, useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import type { Annotation } from '../types';
import { NoteCard, type CardEnv } from './note-card';

interface MarginNotesProps {
  annotations: Annotation[];
  ranges: ReadonlyMap<string, Range>;
  env: CardEnv;
  activeId: string | null;
  /** The text column, watched for reflow (window width, fonts) that moves the passages. */
  textRoot: HTMLElement | null;
  onActivate: (id: string) => void;
  onFocusCard: (id: string) => void;
}

const GAP = 12;

function firstLineTop(range: Range): number | null {
  for (const rect of range.getClientRects()) if (rect.width > 0 || rect.height > 0) return rect.top;
  return null;
}

export function MarginNotes(props: MarginNotesProps) {
  const { annotations, ranges, textRoot } = props;
  const listRef = useRef<HTMLDivElement>(null);

  const layout = useCallback(() => {
    const list = listRef.current;
    if (!list) return;
    const base = list.getBoundingClientRect().top;
    let floor = 0;
    for (const card of list.querySelectorAll<HTMLElement>(':scope > [data-annotation-id]')) {
      const range = ranges.get(card.dataset.annotationId ?? '');
      const lineTop = range ? firstLineTop(range) : null;
      const top = Math.max(lineTop === null ? floor : Math.round(lineTop - base), floor);
      card.style.setProperty('top', `${top}px`);
      floor = top + card.offsetHeight + GAP;
      // Reading offsetHeight placed the card; from now on it glides when it moves, but never slides in.
      card.dataset.placed = '';
    }
    list.style.setProperty('min-height', `${floor}px`);
  }, [ranges]);

  useLayoutEffect(layout);

  useEffect(() => {
    const list = listRef.current;
    if (!list) return undefined;
    let frame = 0;
    const schedule = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(layout);
    };
    const observer = new ResizeObserver(schedule);
    if (textRoot) observer.observe(textRoot);
    for (const card of list.children) observer.observe(card);
    void document.fonts?.ready.then(schedule);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
    };
  }, [layout, textRoot, annotations]);

  return (
    <div class="margin__list" ref={listRef}>
      {annotations.map((annotation) => (
        <NoteCard
          key={annotation.id}
          annotation={annotation}
          env={props.env}
          active={annotation.id === props.activeId}
          onActivate={props.onActivate}
          onFocusCard={props.onFocusCard}
        />
      ))}
    </div>
  );
}
