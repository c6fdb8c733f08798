// Caret browsing in the reading column, as browsers give it with F7: a visible caret in the text that the arrow
// keys move (by a character, a word with Ctrl, a line; Home and End to the ends of the line), and Shift with them
// selects, so a passage of any length can be chosen without a mouse and highlighted with H. The caret is the page's
// own collapsed selection, moved with Selection.modify, which Chromium applies to text that cannot be edited; it
// is drawn as a bar over the text, since the browser shows no caret there. Keys are taken only while the focus is
// in the reading column (or nowhere in particular), so the toolbar, menus and panels keep their arrows.
import { useEffect } from 'preact/hooks';
import { isTextEntry, revealRange } from '../dom';
import { offsetsToRange, reachText, type TextIndex } from '../highlighting/text-index';
import {
  caretStart,
  keepInText,
  reachAroundFocus,
  rememberedEnd,
  selectionInText,
  type TextShown,
} from './sentence-cursor';
import './caret.css';

/** Whether keys pressed now belong to the reading column: focus is in it, or on the page itself. */
export function focusInReading(target: EventTarget | null): boolean {
  if (isTextEntry(target)) return false;
  const active = document.activeElement;
  return !active || active === document.body || !!active.closest('.reading');
}

const MOVES: Record<
  string,
  { direction: 'backward' | 'forward'; granularity: 'character' | 'line' | 'lineboundary' }
> = {
  ArrowLeft: { direction: 'backward', granularity: 'character' },
  ArrowRight: { direction: 'forward', granularity: 'character' },
  ArrowUp: { direction: 'backward', granularity: 'line' },
  ArrowDown: { direction: 'forward', granularity: 'line' },
  Home: { direction: 'backward', granularity: 'lineboundary' },
  End: { direction: 'forward', granularity: 'lineboundary' },
};

/** Puts the caret at a text offset. */
function placeCaret(shown: TextIndex, offset: number): void {
  const index = reachText(shown, offset, offset + 1);
  const range = offsetsToRange(index, offset, offset + 1);
  const last = index.entries[index.entries.length - 1];
  if (range) document.getSelection()?.collapse(range.startContainer, range.startOffset);
  else if (last) document.getSelection()?.collapse(last.node, last.node.length);
}

/**
 * Puts the caret back at the end of the passage last chosen in the text (as after its highlight is saved), with focus
 * in the reading column, so the arrows go on from there. Nothing when no passage is remembered or it is far away.
 */
export function caretAfterLastPassage(index: TextIndex, doc: TextShown): void {
  const end = rememberedEnd(index, doc);
  if (end === null) return;
  const range = offsetsToRange(reachText(index, Math.max(0, end - 1), end), Math.max(0, end - 1), end);
  if (!range) return;
  document.querySelector<HTMLElement>('.reading')?.focus({ preventScroll: true });
  document.getSelection()?.collapse(range.endContainer, range.endOffset);
}

/**
 * An arrow key (without Shift) while caret browsing: moves the caret, or from a selection goes to the end the key
 * points to, as editors do. True when the key was used.
 */
export function moveCaret(shown: TextIndex, doc: TextShown, event: KeyboardEvent): boolean {
  const move = MOVES[event.key];
  if (!move || event.shiftKey || event.metaKey || event.altKey) return false;
  const selection = document.getSelection();
  if (!selection) return false;
  if (!selectionInText(shown)) {
    placeCaret(shown, caretStart(shown, doc));
    return true;
  }
  const index = reachAroundFocus(shown);
  if (!selection.isCollapsed && move.granularity === 'character') {
    if (move.direction === 'backward') selection.collapseToStart();
    else selection.collapseToEnd();
    return true;
  }
  const granularity = move.granularity === 'character' && event.ctrlKey ? 'word' : move.granularity;
  selection.modify('move', move.direction, granularity);
  // The caret stays in the text: past its first or last character it would wander into the page around it.
  keepInText(selection, index, move.direction, 'collapse');
  if (selection.rangeCount > 0) revealRange(selection.getRangeAt(0));
  return true;
}

/** Draws the caret while caret browsing is on, where the collapsed selection is in the text, and keeps it in view. */
export function useCaretBrowsing(index: TextIndex | null, doc: TextShown | null, on: boolean): void {
  useEffect(() => {
    if (!on || !index || !doc) return undefined;
    // Turned on: the caret starts where the selection is, or at the first sentence in view; keys go to the text.
    if (!selectionInText(index)) placeCaret(index, caretStart(index, doc));
    const active = document.activeElement;
    if (!active || active === document.body || !active.closest('.reading')) {
      document.querySelector<HTMLElement>('.reading')?.focus({ preventScroll: true });
    }
    const caret = document.createElement('div');
    caret.className = 'reading-caret';
    caret.setAttribute('aria-hidden', 'true');
    caret.hidden = true;
    document.body.append(caret);
    let frame = 0;
    const draw = () => {
      const selection = document.getSelection();
      const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : null;
      const rect =
        range && range.collapsed && index.root.contains(range.startContainer)
          ? [...range.getClientRects()].find((r) => r.height > 0)
          : undefined;
      caret.hidden = !rect;
      if (!rect) return;
      caret.style.setProperty('left', `${Math.round(rect.left + window.scrollX)}px`);
      caret.style.setProperty('top', `${Math.round(rect.top + window.scrollY)}px`);
      caret.style.setProperty('height', `${Math.round(rect.height)}px`);
    };
    const schedule = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(draw);
    };
    document.addEventListener('selectionchange', schedule);
    window.addEventListener('resize', schedule);
    draw();
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('selectionchange', schedule);
      window.removeEventListener('resize', schedule);
      caret.remove();
    };
  }, [index, doc, on]);
}
