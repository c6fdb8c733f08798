// The sentence cursor and the keyboard's hold on the reading column's selection. J and K select the next or the
// previous sentence of the text (from the selection, or from the top of what is in view when nothing is selected),
// Shift+J and Shift+K grow the selection by a sentence at its end or its start, and Shift with the arrow keys (and
// Home and End) moves the selection's moving end by a character, a word (with Ctrl or Alt), a line or to the line's
// end, so that any passage can be selected without a mouse. The end of the last passage chosen is remembered, so
// that after a highlight is saved or cancelled (which leaves nothing selected) J goes on after it rather than
// starting again at the top of the view. What is selected is the page's own selection: H, the Highlight button beside it and
// copying all work on it as they do on a selection made with the mouse.
import { revealRange } from '../dom';
import {
  offsetAtPoint,
  offsetsToRange,
  pointToOffset,
  reachText,
  type TextIndex,
} from '../highlighting/text-index';
import { sentenceAt, sentencesOf, type BlockSpan, type Sentence } from '../highlighting/sentences';

export type SentenceMove = 'next' | 'previous' | 'extend-next' | 'extend-previous';

export interface TextShown {
  text: string;
  blocks: readonly BlockSpan[];
}

let cached: { text: string; blocks: readonly BlockSpan[]; sentences: Sentence[] } | null = null;

function sentencesFor(doc: TextShown): Sentence[] {
  if (!cached || cached.text !== doc.text || cached.blocks !== doc.blocks) {
    cached = { text: doc.text, blocks: doc.blocks, sentences: sentencesOf(doc.text, doc.blocks) };
  }
  return cached.sentences;
}

/** The selection inside the text, as offsets (equal when it is a caret), or null when it is not in the text. */
export function selectionInText(index: TextIndex): { start: number; end: number } | null {
  const selection = document.getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!index.root.contains(range.startContainer) || !index.root.contains(range.endContainer)) return null;
  const start = pointToOffset(index, range.startContainer, range.startOffset, 'start');
  const end = range.collapsed ? start : pointToOffset(index, range.endContainer, range.endOffset, 'end');
  return { start, end: Math.max(start, end) };
}

/** Where the last passage chosen in the text ended (by J or K, or highlighted), in the text it was chosen in. */
let lastPassage: { text: string; end: number } | null = null;

/** Remembers where a passage chosen in the text ends, for the next J when nothing is selected. */
export function rememberPassage(doc: TextShown, end: number): void {
  lastPassage = { text: doc.text, end };
}

/**
 * The end of the last passage chosen in this text, or null when there is none or the reader has scrolled it far out
 * of view (more than a screen away), where going on from it would jump the page back.
 */
export function rememberedEnd(index: TextIndex, doc: TextShown): number | null {
  if (!lastPassage || lastPassage.text !== doc.text) return null;
  const end = Math.min(lastPassage.end, doc.text.length);
  const range = offsetsToRange(index, Math.max(0, end - 1), end);
  const rect = range?.getBoundingClientRect();
  if (!rect) return null;
  const screen = window.innerHeight;
  return rect.bottom < -screen || rect.top > 2 * screen ? null : end;
}

/** The text offset at the top of what is in view, below the toolbar. */
function offsetInView(index: TextIndex): number {
  const top = (document.querySelector('.toolbar')?.getBoundingClientRect().bottom ?? 0) + 8;
  for (const element of index.root.querySelectorAll<HTMLElement>('[data-start]')) {
    const rect = element.getBoundingClientRect();
    if (rect.bottom <= top) continue;
    if (rect.top >= top) return Number(element.dataset.start);
    // A paragraph cut by the top of the view: the line at the top.
    return offsetAtPoint(index, rect.left + 2, top + 4) ?? Number(element.dataset.start);
  }
  return 0;
}

/** Where a caret starts when nothing in the text is selected: the first sentence at the top of the view. */
export function caretStart(index: TextIndex, doc: TextShown): number {
  const sentences = sentencesFor(doc);
  const at = sentenceAt(sentences, offsetInView(index));
  return at === -1 ? (sentences[sentences.length - 1]?.end ?? 0) : sentences[at]!.start;
}

function select(index: TextIndex, doc: TextShown, start: number, end: number, backward: boolean): boolean {
  // The sentence may lie in text not yet in the page (the column mounts it as the reader comes near).
  const range = offsetsToRange(reachText(index, start, end), start, end);
  const selection = document.getSelection();
  if (!range || !selection) return false;
  if (backward) {
    selection.setBaseAndExtent(range.endContainer, range.endOffset, range.startContainer, range.startOffset);
  } else {
    selection.setBaseAndExtent(range.startContainer, range.startOffset, range.endContainer, range.endOffset);
  }
  revealRange(range);
  rememberPassage(doc, end);
  return true;
}

/**
 * Moves or grows the selection by a sentence. Returns what to tell the reader when it cannot (at the end of the
 * text), or null.
 */
export function moveBySentence(index: TextIndex, doc: TextShown, move: SentenceMove): string | null {
  const sentences = sentencesFor(doc);
  if (sentences.length === 0) return 'This document has no text to select.';
  const current = selectionInText(index);
  const after = current ? null : rememberedEnd(index, doc);
  if (after !== null) {
    // Nothing selected, but a passage was chosen here a moment ago (and highlighted): go on from its end.
    const forward = move === 'next' || move === 'extend-next';
    const i = forward
      ? sentences.findIndex((s) => s.start >= after)
      : sentences.findLastIndex((s) => s.end <= after);
    const sentence = i === -1 ? undefined : sentences[i];
    if (!sentence)
      return forward ? 'That is the last sentence of the text.' : 'That is the first sentence of the text.';
    select(index, doc, sentence.start, sentence.end, false);
    return null;
  }
  if (!current) {
    const at = sentenceAt(sentences, offsetInView(index));
    const sentence = sentences[at === -1 ? sentences.length - 1 : at]!;
    select(index, doc, sentence.start, sentence.end, false);
    return null;
  }
  const { start, end } = current;
  const caret = start === end;
  switch (move) {
    case 'next': {
      const i = caret ? sentenceAt(sentences, start) : sentences.findIndex((s) => s.start >= end);
      const sentence = i === -1 ? undefined : sentences[i];
      if (!sentence) return 'That is the last sentence of the text.';
      select(index, doc, sentence.start, sentence.end, false);
      return null;
    }
    case 'previous': {
      const i = caret ? sentenceAt(sentences, start) : sentences.findLastIndex((s) => s.end <= start);
      const sentence = i === -1 ? undefined : sentences[i];
      if (!sentence) return 'That is the first sentence of the text.';
      select(index, doc, sentence.start, sentence.end, false);
      return null;
    }
    case 'extend-next': {
      const i = sentenceAt(sentences, end);
      const sentence = i === -1 ? undefined : sentences[i];
      if (!sentence) return 'The selection already reaches the end of the text.';
      select(index, doc, start, sentence.end, false);
      return null;
    }
    case 'extend-previous': {
      const i = sentences.findLastIndex((s) => s.start < start);
      const sentence = i === -1 ? undefined : sentences[i];
      if (!sentence) return 'The selection already reaches the start of the text.';
      select(index, doc, sentence.start, end, true);
      return null;
    }
  }
}

const ARROWS: Record<string, { direction: 'backward' | 'forward'; line: 'no' | 'line' | 'lineboundary' }> = {
  ArrowLeft: { direction: 'backward', line: 'no' },
  ArrowRight: { direction: 'forward', line: 'no' },
  ArrowUp: { direction: 'backward', line: 'line' },
  ArrowDown: { direction: 'forward', line: 'line' },
  Home: { direction: 'backward', line: 'lineboundary' },
  End: { direction: 'forward', line: 'lineboundary' },
};

/**
 * Shift with an arrow key, Home or End, while a selection (or the caret) lies in the text: its moving end goes by a
 * character, a word (Ctrl, or Alt on a Mac), a line, or to the start or end of the line, as in an editor. True when the key was used.
 */
/**
 * Brings the selection's moving end back to the text's edge when a move took it past the first or last character
 * (into the page around the text): by moving the caret there (`collapse`) or the selection's end (`extend`).
 */
export function keepInText(
  selection: Selection,
  index: TextIndex,
  direction: 'forward' | 'backward',
  how: 'collapse' | 'extend',
): void {
  const focus = selection.focusNode;
  if (!focus || index.root.contains(focus)) return;
  const entries = index.entries;
  const edge = direction === 'forward' ? entries[entries.length - 1] : entries[0];
  if (!edge) return;
  const offset = direction === 'forward' ? edge.node.length : 0;
  if (how === 'extend') selection.extend(edge.node, offset);
  else selection.collapse(edge.node, offset);
}

/**
 * The index with the text on both sides of the selection's moving end in the page, so a move by a character, a
 * word or a line never runs into text that is not mounted.
 */
export function reachAroundFocus(index: TextIndex): TextIndex {
  const focus = document.getSelection()?.focusNode;
  if (!focus || !index.root.contains(focus)) return index;
  const at = pointToOffset(index, focus, document.getSelection()!.focusOffset, 'start');
  return reachText(index, at, at);
}

export function adjustSelection(shown: TextIndex, event: KeyboardEvent): boolean {
  const arrow = ARROWS[event.key];
  if (!arrow || !event.shiftKey || event.metaKey) return false;
  const selection = document.getSelection();
  if (!selection || selection.rangeCount === 0 || !selectionInText(shown)) return false;
  const index = reachAroundFocus(shown);
  const granularity = arrow.line !== 'no' ? arrow.line : event.ctrlKey || event.altKey ? 'word' : 'character';
  selection.modify('extend', arrow.direction, granularity);
  // The moving end stays in the text: past its last character the selection would take the page around it.
  keepInText(selection, index, arrow.direction, 'extend');
  return true;
}
