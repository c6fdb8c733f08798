// One index of the reading column's text nodes, each with the offset where it starts in Document.text, so that
// DOM selections become UTF-16 offsets and offsets become DOM Ranges by the same arithmetic in both directions.

export interface TextIndexEntry {
  node: Text;
  /** Offset of the node's first code unit in Document.text. */
  start: number;
  end: number;
}

export interface TextIndex {
  root: HTMLElement;
  /** In document order, non-overlapping, ascending offsets. */
  entries: TextIndexEntry[];
  byNode: Map<Text, TextIndexEntry>;
  /**
   * Where only part of the text is in the page (the reading column mounts it a chunk at a time): puts the text
   * holding [start, end) in the page and gives the index that then holds it. Absent where all the text is there.
   */
  reach?: (start: number, end: number) => TextIndex;
}

/** The index holding [start, end) of the text: `index` itself, or the one after that text was put in the page. */
export function reachText(index: TextIndex, start: number, end: number): TextIndex {
  return index.reach ? index.reach(start, end) : index;
}

/** Text nodes of `block` that belong to it: not those inside a nested block (a list inside a list item). */
function blockTextNodes(block: HTMLElement): Text[] {
  const only = block.firstChild;
  if (only !== null && only === block.lastChild && only.nodeType === Node.TEXT_NODE) return [only as Text];
  const nodes: Text[] = [];
  const walker = block.ownerDocument.createTreeWalker(block, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.nodeType === Node.TEXT_NODE
        ? NodeFilter.FILTER_ACCEPT
        : (node as Element).hasAttribute('data-start')
          ? NodeFilter.FILTER_REJECT
          : NodeFilter.FILTER_SKIP,
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

/**
 * Reads every `[data-start]` block under `root`. A block's text may be split over several text nodes (inside
 * `<strong>`, `<a>`, …): each starts where the ones before it in the block end, so the block's text nodes together
 * are `text[start, start + their length)`. Empty text nodes are left out.
 */
export function buildTextIndex(root: HTMLElement): TextIndex {
  const entries: TextIndexEntry[] = [];
  for (const element of root.querySelectorAll<HTMLElement>('[data-start]')) {
    let at = Number(element.dataset.start);
    for (const node of blockTextNodes(element)) {
      if (node.length === 0) continue;
      entries.push({ node, start: at, end: at + node.length });
      at += node.length;
    }
  }
  return { root, entries, byNode: new Map(entries.map((entry) => [entry.node, entry])) };
}

function entryFor(index: TextIndex, node: Node): TextIndexEntry | undefined {
  return node instanceof Text ? index.byNode.get(node) : undefined;
}

/** -1 when (a, aOffset) comes before (b, bOffset), 0 when equal, 1 after. */
function comparePoints(a: Node, aOffset: number, b: Node, bOffset: number): number {
  const range = document.createRange();
  range.setStart(b, bOffset);
  return range.comparePoint(a, aOffset);
}

/**
 * The text offset of a DOM boundary point. A point between text nodes snaps forward to the next node's start
 * (`'start'`) or back to the previous node's end (`'end'`), so a selection that begins or ends on an element
 * still covers exactly the text the reader sees selected.
 */
export function pointToOffset(index: TextIndex, node: Node, offset: number, bias: 'start' | 'end'): number {
  const entries = index.entries;
  const direct = entryFor(index, node);
  if (direct) return direct.start + Math.min(Math.max(offset, 0), direct.node.length);
  if (entries.length === 0) return 0;
  if (bias === 'start') {
    // First entry whose start is at or after the point.
    let lo = 0;
    let hi = entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (comparePoints(entries[mid]!.node, 0, node, offset) >= 0) hi = mid;
      else lo = mid + 1;
    }
    return lo < entries.length ? entries[lo]!.start : entries[entries.length - 1]!.end;
  }
  // Last entry whose end is at or before the point.
  let lo = -1;
  let hi = entries.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const entry = entries[mid]!;
    if (comparePoints(entry.node, entry.node.length, node, offset) <= 0) lo = mid;
    else hi = mid - 1;
  }
  return lo >= 0 ? entries[lo]!.end : entries[0]!.start;
}

export interface TextSpan {
  start: number;
  end: number;
}

/**
 * Offsets of a DOM range, trimmed of surrounding white space in `text`; null when the range does not touch the
 * indexed text or holds only white space.
 */
export function rangeToOffsets(index: TextIndex, range: Range, text: string): TextSpan | null {
  if (range.collapsed || !range.intersectsNode(index.root)) return null;
  let start = pointToOffset(index, range.startContainer, range.startOffset, 'start');
  let end = pointToOffset(index, range.endContainer, range.endOffset, 'end');
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return start < end ? { start, end } : null;
}

/** The entry holding `offset`, or the nearest one on the side `bias` asks for when it falls between blocks. */
function locate(
  index: TextIndex,
  offset: number,
  bias: 'start' | 'end',
): { entry: TextIndexEntry; at: number } | null {
  const entries = index.entries;
  let lo = 0;
  let hi = entries.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const entry = entries[mid]!;
    if (bias === 'start' ? offset >= entry.end : offset > entry.end) lo = mid + 1;
    else if (bias === 'start' ? offset < entry.start : offset <= entry.start) hi = mid - 1;
    else return { entry, at: offset - entry.start };
  }
  // `lo` is the first entry after the offset, `hi` the last before it.
  if (bias === 'start') {
    const next = entries[lo];
    return next ? { entry: next, at: 0 } : null;
  }
  const previous = entries[hi];
  return previous ? { entry: previous, at: previous.node.length } : null;
}

/** A DOM Range over `[start, end)` of Document.text, or null when no rendered text lies in it. */
export function offsetsToRange(index: TextIndex, start: number, end: number): Range | null {
  if (!(start < end)) return null;
  const from = locate(index, start, 'start');
  const to = locate(index, end, 'end');
  if (!from || !to || from.entry.start + from.at >= to.entry.start + to.at) return null;
  const range = new Range();
  range.setStart(from.entry.node, from.at);
  range.setEnd(to.entry.node, to.at);
  return range;
}

/** The text offset under a viewport point, or null when the point is not over indexed text. */
export function offsetAtPoint(index: TextIndex, x: number, y: number): number | null {
  let node: Node | null = null;
  let offset = 0;
  if (typeof document.caretPositionFromPoint === 'function') {
    const position = document.caretPositionFromPoint(x, y);
    if (position) {
      node = position.offsetNode;
      offset = position.offset;
    }
  } else if (typeof document.caretRangeFromPoint === 'function') {
    const range = document.caretRangeFromPoint(x, y);
    if (range) {
      node = range.startContainer;
      offset = range.startOffset;
    }
  }
  if (!node) return null;
  const entry = entryFor(index, node);
  return entry ? entry.start + offset : null;
}

/** Whether a viewport point lies inside one of the range's line boxes. */
export function rangeContainsPoint(range: Range, x: number, y: number): boolean {
  for (const rect of range.getClientRects()) {
    if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return true;
  }
  return false;
}
