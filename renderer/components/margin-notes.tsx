// The margin beside the text: each note card sits level with the first line of its passage and is pushed down
// just enough not to overlap the card above it, like comments in a word processor. Where the page is too narrow
// for a margin (the stylesheet says so with `--notes-inline: 1` on the margin), the notes stay next to their
// passages all the same: each card sits directly under the block (paragraph, list item, quote) its passage ends
// in, and that block makes room for the cards under it, as a comment thread shown inline.
// Only the cards of passages whose text is in the page are here (the reading column mounts its text near the
// viewport): Tab past the last of them, or Shift+Tab before the first, asks for the next passage's card all the same.
import { useCallback, useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import type { Annotation } from '../types';
import { NoteCard, type CardEnv } from './note-card';

interface MarginNotesProps {
  /** The highlights whose cards are in the margin now. */
  annotations: Annotation[];
  /** Every highlight shown in the text, in text order, the mounted ones among them. */
  all: Annotation[];
  /** Asks for the card of a highlight that is not in the margin now, to be focused once it is. */
  onReachCard: (id: string) => void;
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

/** The attribute a block of the text carries while it makes room for notes under it (see app.css). */
const ROOM = 'data-note-room';

/** The block of the text (a `[data-start]` element) that the passage ends in. */
function blockOf(range: Range): HTMLElement | null {
  const node =
    range.endOffset === 0 && range.endContainer !== range.startContainer
      ? range.startContainer
      : range.endContainer;
  const element = node instanceof Element ? node : node.parentElement;
  return element?.closest<HTMLElement>('.doc-text [data-start]') ?? null;
}

/** Gives back the room every block made for notes, but the ones still to keep it. */
function releaseRoom(root: ParentNode | null, keep: ReadonlySet<HTMLElement> = new Set()): void {
  if (!root) return;
  for (const block of root.querySelectorAll<HTMLElement>(`[${ROOM}]`)) {
    if (keep.has(block)) continue;
    block.removeAttribute(ROOM);
    block.style.removeProperty('--note-room');
  }
}

/**
 * The narrow layout: each card directly under the block its passage ends in, the cards of one block stacked in
 * the order of their passages, and the block given room for them below its text. All reads, then the writes that
 * make room, then one read of where the blocks now end, then the cards' tops.
 */
function layoutInline(
  list: HTMLElement,
  cards: HTMLElement[],
  ranges: ReadonlyMap<string, Range>,
  textRoot: HTMLElement | null,
): void {
  const blocks = cards.map((card) => {
    const range = ranges.get(card.dataset.annotationId ?? '');
    return range ? blockOf(range) : null;
  });
  const heights = cards.map((card) => card.offsetHeight);
  const room = new Map<HTMLElement, number>();
  blocks.forEach((block, i) => {
    if (block) room.set(block, (room.get(block) ?? GAP) + (heights[i] ?? 0) + GAP);
  });
  releaseRoom(textRoot, new Set(room.keys()));
  for (const [block, space] of room) {
    const value = `${space}px`;
    if (block.style.getPropertyValue('--note-room') !== value) block.style.setProperty('--note-room', value);
    block.setAttribute(ROOM, '');
  }
  const base = list.getBoundingClientRect().top;
  const bottoms = blocks.map((block) => (block ? block.getBoundingClientRect().bottom : null));
  let floor = -Infinity;
  // A card whose passage is not in the text follows the text, at the list's own place.
  let after = 0;
  cards.forEach((card, i) => {
    const bottom = bottoms[i];
    const height = heights[i] ?? 0;
    let top: number;
    if (bottom === null || bottom === undefined) {
      top = after;
      after = top + height + GAP;
    } else {
      top = Math.max(Math.round(bottom - base + GAP), floor);
      floor = top + height + GAP;
    }
    const value = `${top}px`;
    if (card.style.getPropertyValue('top') !== value) card.style.setProperty('top', value);
    card.dataset.placed = '';
  });
  list.style.setProperty('min-height', `${after}px`);
}

export function MarginNotes(props: MarginNotesProps) {
  const { annotations, ranges, textRoot } = props;
  const listRef = useRef<HTMLDivElement>(null);

  /**
   * What the wide layout measured, kept until the text reflows: each passage's first line, from the top of the
   * text (a passage's Range is made again whenever the text in the page changes, so a new Range is measured anew),
   * each card's height (kept up to date by the observer below), whether the margin is laid out inline, and the
   * width of the text they were measured at. A change then measures only the cards and passages that are new.
   */
  const measured = useRef({
    lines: new WeakMap<Range, number | null>(),
    heights: new WeakMap<Element, number>(),
    inline: null as boolean | null,
    width: -1,
  });

  // All reads first, then all writes: a card is absolutely placed, so its height does not depend on its top, and
  // reading every passage's line and every card's height in one layout costs one layout instead of one per card
  // (with thousands of notes, setting a top and then reading a height per card re-laid the whole page each time).
  const layout = useCallback(() => {
    const list = listRef.current;
    if (!list) return;
    const cache = measured.current;
    const cards = Array.from(list.querySelectorAll<HTMLElement>(':scope > [data-annotation-id]'));
    cache.inline ??= getComputedStyle(list).getPropertyValue('--notes-inline').trim() === '1';
    if (cache.inline) {
      layoutInline(list, cards, ranges, textRoot);
      return;
    }
    if (textRoot?.querySelector(`[${ROOM}]`)) releaseRoom(textRoot);
    const listTop = list.getBoundingClientRect().top;
    const textTop = textRoot ? textRoot.getBoundingClientRect().top : listTop;
    const lineTops = cards.map((card) => {
      const range = ranges.get(card.dataset.annotationId ?? '');
      if (!range) return null;
      let line = cache.lines.get(range);
      if (line === undefined) {
        const top = firstLineTop(range);
        line = top === null ? null : top - textTop;
        cache.lines.set(range, line);
      }
      return line === null ? null : line + textTop - listTop;
    });
    const heights = cards.map((card) => {
      let height = cache.heights.get(card);
      if (height === undefined) {
        height = card.offsetHeight;
        cache.heights.set(card, height);
      }
      return height;
    });
    let floor = 0;
    cards.forEach((card, i) => {
      const lineTop = lineTops[i] ?? null;
      const top = Math.max(lineTop === null ? floor : Math.round(lineTop), floor);
      const value = `${top}px`;
      if (card.style.getPropertyValue('top') !== value) card.style.setProperty('top', value);
      floor = top + (heights[i] ?? 0) + GAP;
      // Its height was read before it was placed; from now on it glides when it moves, but never slides in.
      if (card.dataset.placed === undefined) card.dataset.placed = '';
    });
    const minHeight = `${floor}px`;
    if (list.style.getPropertyValue('min-height') !== minHeight)
      list.style.setProperty('min-height', minHeight);
  }, [ranges, textRoot]);

  // Measured when what it places changes; a card that grows or shrinks on its own (a note edited, a confirmation
  // shown) and a text column that reflows are caught by the observer below. Measuring on every render of the app
  // cost a full layout of the page each time.
  useLayoutEffect(layout, [layout, annotations, props.activeId]);

  const layoutRef = useRef(layout);
  layoutRef.current = layout;
  const observerRef = useRef<ResizeObserver | null>(null);
  const observedRef = useRef(new Set<Element>());

  useEffect(() => {
    let frame = 0;
    const schedule = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => layoutRef.current());
    };
    /** Everything measured again: the text may have reflowed (fonts, the window's width). */
    const remeasure = () => {
      measured.current = { lines: new WeakMap(), heights: new WeakMap(), inline: null, width: -1 };
      schedule();
    };
    const observer = new ResizeObserver((entries) => {
      const cache = measured.current;
      let changed = false;
      for (const entry of entries) {
        const box = entry.borderBoxSize[0];
        const width = box ? box.inlineSize : entry.contentRect.width;
        const height = box ? box.blockSize : entry.contentRect.height;
        if (entry.target === textRoot) {
          // Taller or shorter as chunks of text come and go (whose passages get new ranges); narrower or wider
          // is a reflow, after which every line is somewhere else.
          if (width !== cache.width) {
            remeasure();
            measured.current.width = width;
            return;
          }
          changed = true;
        } else {
          const element = entry.target as HTMLElement;
          const known = cache.heights.get(element);
          if (known !== undefined && Math.abs(known - height) < 1) continue;
          cache.heights.set(element, element.offsetHeight);
          changed = true;
        }
      }
      if (changed) schedule();
    });
    observerRef.current = observer;
    const observed = observedRef.current;
    if (textRoot) observer.observe(textRoot);
    void document.fonts?.ready.then(remeasure);
    return () => {
      cancelAnimationFrame(frame);
      releaseRoom(textRoot);
      observer.disconnect();
      observed.clear();
      observerRef.current = null;
    };
  }, [textRoot]);

  // Cards are watched as they come and go; observing thousands of them again whenever one changed took seconds.
  useEffect(() => {
    const list = listRef.current;
    const observer = observerRef.current;
    if (!list || !observer) return;
    const observed = observedRef.current;
    const present = new Set<Element>(list.children);
    for (const card of observed) {
      if (!present.has(card)) {
        observer.unobserve(card);
        observed.delete(card);
      }
    }
    for (const card of present) {
      if (!observed.has(card)) {
        observer.observe(card);
        observed.add(card);
      }
    }
  }, [annotations, textRoot]);

  /** Tab from the last control of the last card, or Shift+Tab from the first card: on to the neighbour not here. */
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Tab' || event.altKey || event.ctrlKey || event.metaKey) return;
    const list = listRef.current;
    const target = event.target;
    if (!list || !(target instanceof HTMLElement)) return;
    const card = target.closest<HTMLElement>('[data-annotation-id]');
    if (!card || card.parentElement !== list) return;
    const cards = list.querySelectorAll<HTMLElement>(':scope > [data-annotation-id]');
    const backward = event.shiftKey;
    if (backward ? card !== cards[0] || target !== card : card !== cards[cards.length - 1]) return;
    if (!backward) {
      const controls = card.querySelectorAll<HTMLElement>(
        'button, a[href], input, textarea, select, [tabindex="0"]',
      );
      const lastControl = controls.length > 0 ? controls[controls.length - 1] : card;
      if (target !== lastControl) return;
    }
    const all = props.all;
    const at = all.findIndex((a) => a.id === card.dataset.annotationId);
    const neighbour = at === -1 ? undefined : all[at + (backward ? -1 : 1)];
    if (!neighbour || props.annotations.some((a) => a.id === neighbour.id)) return;
    event.preventDefault();
    props.onReachCard(neighbour.id);
  };

  return (
    <div class="margin__list" ref={listRef} onKeyDown={onKeyDown}>
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
