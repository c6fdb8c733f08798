// The reading column of a long text, kept short in the page: the blocks are grouped into chunks of a few thousand
// characters (a run of list items or of quotes is never split), and only the chunks within a screen or so of the
// viewport hold their blocks. Every other chunk is an empty placeholder as tall as the chunk was when last seen (or
// as its length suggests, before it was ever seen), so the scrollbar and the place of everything on the page stay as
// they would be with the whole text present; the browser's scroll anchoring keeps the text in view still when an
// estimate is corrected. Chunks are mounted as scrolling brings them near, and on demand: whatever takes a text
// offset (a jump to a passage, Find's current hit, the sentence cursor, caret browsing) first asks the index to
// `reach` it, which mounts the chunk holding it at once. The chunks holding the selection's ends, the focus and the
// last place reached stay mounted however far the reader scrolls, so a selection and a focused element are never
// taken from under the reader; copying a selection that passes over chunks not in the page is answered from the text.
//
// For assistive technology the column is an ARIA feed: each chunk an article with its place in the set, focusable,
// and Page Down and Page Up on a chunk move to the next and the previous one (mounting it), so the article is read
// in order from start to end.
import { render, type VNode } from 'preact';
import { buildTextIndex, pointToOffset, type TextIndex } from '../highlighting/text-index';
import './reading-chunks.css';

/** About how many characters of text a chunk holds. */
export const CHUNK_CHARACTERS = 4_000;
/** Chunks this many viewport heights above and below the viewport are mounted… */
const MOUNT_MARGIN = 1;
/** …and stay mounted until they are farther than this. */
const KEEP_MARGIN = 2;
/** Placeholder height per character before any chunk has been measured. */
const FIRST_GUESS_PX_PER_CHARACTER = 0.4;

export interface BlockSpan {
  kind: string;
  start: number;
  end: number;
}

/** A chunk: the blocks [from, to) of the visible blocks, covering text [start, end). */
export interface ChunkPlan {
  from: number;
  to: number;
  start: number;
  end: number;
}

/**
 * Consecutive blocks grouped into chunks of about `size` characters. A chunk ends only where a new top-level element
 * starts: never inside a run of list items or of quotes, which render as one list or one block quote.
 */
export function planChunks(blocks: readonly BlockSpan[], size = CHUNK_CHARACTERS): ChunkPlan[] {
  const plans: ChunkPlan[] = [];
  let from = 0;
  let characters = 0;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const previous = blocks[i - 1];
    const continuesRun =
      previous !== undefined &&
      previous.kind === block.kind &&
      (block.kind === 'list-item' || block.kind === 'quote');
    if (i > from && characters >= size && !continuesRun) {
      plans.push({ from, to: i, start: blocks[from]!.start, end: blocks[i - 1]!.end });
      from = i;
      characters = 0;
    }
    characters += block.end - block.start;
  }
  if (from < blocks.length) {
    plans.push({ from, to: blocks.length, start: blocks[from]!.start, end: blocks[blocks.length - 1]!.end });
  }
  return plans;
}

/** The first words of a chunk's text, for its name: about eight words, cut with an ellipsis. */
function openingWords(text: string, plan: ChunkPlan): string {
  const opening = text
    .slice(plan.start, Math.min(plan.end, plan.start + 120))
    .replace(/\s+/g, ' ')
    .trim();
  const words = opening.split(' ');
  return words.length > 8 || plan.end - plan.start > 120 ? `${words.slice(0, 8).join(' ')}…` : opening;
}

/**
 * The text of a stretch of the page around the column (the document's header, when all is selected) as a copy
 * gives it: a line per element, and not the labels of its controls (the header's "Edit details" button).
 */
function textOutside(part: Range): string {
  const fragment = part.cloneContents();
  const lines: string[] = [];
  let last: Element | null = null;
  const walker = document.createTreeWalker(fragment, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const parent = node.parentElement;
    if (parent?.closest('button, [hidden], [aria-hidden="true"]')) continue;
    const text = node.data.replace(/\s+/g, ' ').trim();
    if (text === '') continue;
    if (parent === last && lines.length > 0) lines[lines.length - 1] += ` ${text}`;
    else lines.push(text);
    last = parent;
  }
  return lines.join('\n');
}

interface Chunk extends ChunkPlan {
  element: HTMLElement;
  mounted: boolean;
  /** Its height when last measured in the page; null before it was ever mounted. */
  measured: number | null;
}

export class ChunkedText {
  private readonly chunks: Chunk[];
  private index: TextIndex;
  /** Chunks kept mounted for the last place reached, until the reader has been there and scrolled away. */
  private pins = new Set<number>();
  /** Whether the pinned chunks have been near the viewport since they were pinned. */
  private pinsSeen = false;
  private pxPerCharacter = FIRST_GUESS_PX_PER_CHARACTER;
  private estimated = false;
  private destroyed = false;
  private frame = 0;
  private readonly resizes: ResizeObserver;

  constructor(
    private readonly root: HTMLElement,
    private readonly text: string,
    plans: readonly ChunkPlan[],
    private readonly renderChunk: (plan: ChunkPlan) => VNode,
    private readonly onIndex: (index: TextIndex) => void,
  ) {
    root.setAttribute('role', 'feed');
    root.setAttribute('aria-busy', 'false');
    this.chunks = plans.map((plan, i) => {
      const element = document.createElement('div');
      element.className = 'doc-chunk doc-chunk--placeholder';
      element.dataset.chunk = String(i);
      element.setAttribute('role', 'article');
      element.setAttribute('tabindex', '-1');
      element.setAttribute('aria-posinset', String(i + 1));
      element.setAttribute('aria-setsize', String(plans.length));
      element.setAttribute('aria-busy', 'true');
      // Named by where it is and how it begins, so that a screen reader moving through the feed hears each part,
      // mounted or not yet, and reaching one brings its text in.
      element.setAttribute('aria-label', `Part ${i + 1} of ${plans.length}: ${openingWords(text, plan)}`);
      element.style.height = `${Math.round((plan.end - plan.start) * this.pxPerCharacter)}px`;
      return { ...plan, element, mounted: false, measured: null };
    });
    root.replaceChildren(...this.chunks.map((chunk) => chunk.element));
    this.index = this.indexOfMounted();
    document.addEventListener('scroll', this.onScroll, { capture: true, passive: true });
    window.addEventListener('resize', this.schedule, { passive: true });
    document.addEventListener('copy', this.onCopy);
    root.addEventListener('keydown', this.onKeyDown);
    this.resizes = new ResizeObserver(this.schedule);
    this.resizes.observe(root);
    this.update();
    // The first chunks measured, every other one has its estimated height: what is near the viewport now.
    this.update();
  }

  destroy(): void {
    this.destroyed = true;
    cancelAnimationFrame(this.frame);
    document.removeEventListener('scroll', this.onScroll, { capture: true });
    window.removeEventListener('resize', this.schedule);
    document.removeEventListener('copy', this.onCopy);
    this.root.removeEventListener('keydown', this.onKeyDown);
    this.resizes.disconnect();
    for (const chunk of this.chunks) if (chunk.mounted) render(null, chunk.element);
    this.root.replaceChildren();
  }

  get current(): TextIndex {
    return this.index;
  }

  private readonly onScroll = (): void => this.update();

  private readonly schedule = (): void => {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.update());
  };

  private indexOfMounted(): TextIndex {
    const index = buildTextIndex(this.root);
    index.reach = (start, end) => this.reach(start, end);
    return index;
  }

  /** The chunk a node lies in, or -1. */
  chunkOf(node: Node | null): number {
    const element = node instanceof Element ? node : (node?.parentElement ?? null);
    const chunk = element?.closest<HTMLElement>('.doc-chunk');
    return chunk && chunk.parentElement === this.root ? Number(chunk.dataset.chunk) : -1;
  }

  /** The chunk holding a text offset (the last one for the end of the text). */
  private chunkAt(offset: number): number {
    let lo = 0;
    let hi = this.chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.chunks[mid]!.start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Mounts the chunks holding [start, end) and one on either side, keeps them mounted, and gives the index. */
  reach(start: number, end: number): TextIndex {
    if (this.destroyed || this.chunks.length === 0) return this.index;
    const first = Math.max(0, this.chunkAt(start) - 1);
    const last = Math.min(this.chunks.length - 1, this.chunkAt(Math.max(start, end - 1)) + 1);
    this.pins = new Set();
    this.pinsSeen = false;
    for (let i = first; i <= last; i++) this.pins.add(i);
    const want = new Set(this.pins);
    this.chunks.forEach((chunk, i) => chunk.mounted && want.add(i));
    this.apply(want);
    return this.index;
  }

  /** The chunks that must stay: the selection's ends, the focus, the last place reached. */
  private held(): Set<number> {
    const held = new Set(this.pins);
    for (const i of this.holding()) held.add(i);
    return held;
  }

  /** The chunks holding the selection's ends and the focus. */
  private holding(): number[] {
    const selection = document.getSelection();
    return [selection?.anchorNode ?? null, selection?.focusNode ?? null, document.activeElement]
      .map((node) => this.chunkOf(node))
      .filter((i) => i >= 0);
  }

  private chunkHeld(i: number): boolean {
    return this.holding().includes(i);
  }

  /** Mounts what is near the viewport and what is held; unmounts what has gone far. */
  update(): void {
    if (this.destroyed || this.chunks.length === 0) return;
    const column = this.root.getBoundingClientRect();
    // Hidden (another view in front): nothing can be measured, and nothing needs to change.
    if (column.height === 0 && column.width === 0) return;
    const screen = window.innerHeight || document.documentElement.clientHeight;
    const rect = (i: number) => this.chunks[i]!.element.getBoundingClientRect();
    const want = this.held();
    const top = -screen * MOUNT_MARGIN;
    const bottom = screen * (1 + MOUNT_MARGIN);
    // The first chunk ending below `top`, then every chunk starting above `bottom`.
    let lo = 0;
    let hi = this.chunks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (rect(mid).bottom < top) lo = mid + 1;
      else hi = mid;
    }
    const near = new Set<number>();
    for (let i = lo; i < this.chunks.length; i++) {
      if (rect(i).top > bottom) break;
      near.add(i);
      want.add(i);
    }
    // The place last reached stays until the reader has been there and left it.
    if ([...this.pins].some((i) => near.has(i))) this.pinsSeen = true;
    else if (this.pinsSeen) {
      for (const i of this.pins) if (!this.chunkHeld(i)) want.delete(i);
      this.pins = new Set();
    }
    if (want.size === 0) want.add(Math.min(lo, this.chunks.length - 1));
    // Mounted chunks stay until they are well away.
    this.chunks.forEach((chunk, i) => {
      if (!chunk.mounted || want.has(i)) return;
      const { top: chunkTop, bottom: chunkBottom } = rect(i);
      if (chunkBottom >= -screen * KEEP_MARGIN && chunkTop <= screen * (1 + KEEP_MARGIN)) want.add(i);
    });
    this.apply(want);
  }

  /** Makes the mounted chunks exactly `want`, measuring what it mounts and what it takes out. */
  private apply(want: ReadonlySet<number>): void {
    const leaving: Array<[Chunk, number]> = [];
    const coming: Chunk[] = [];
    this.chunks.forEach((chunk, i) => {
      if (chunk.mounted && !want.has(i)) leaving.push([chunk, chunk.element.getBoundingClientRect().height]);
      else if (!chunk.mounted && want.has(i)) coming.push(chunk);
    });
    if (leaving.length === 0 && coming.length === 0) return;
    for (const [chunk, height] of leaving) {
      render(null, chunk.element);
      chunk.mounted = false;
      chunk.measured = height;
      chunk.element.style.height = `${height}px`;
      chunk.element.classList.add('doc-chunk--placeholder');
      chunk.element.setAttribute('aria-busy', 'true');
    }
    for (const chunk of coming) {
      render(this.renderChunk(chunk), chunk.element);
      chunk.mounted = true;
      chunk.element.style.removeProperty('height');
      chunk.element.classList.remove('doc-chunk--placeholder');
      chunk.element.removeAttribute('aria-busy');
    }
    for (const chunk of coming) chunk.measured = chunk.element.getBoundingClientRect().height;
    if (!this.estimated) this.estimate();
    this.index = this.indexOfMounted();
    this.onIndex(this.index);
  }

  /** After the first chunks are seen: every chunk never seen is given the height its length suggests. */
  private estimate(): void {
    let height = 0;
    let characters = 0;
    for (const chunk of this.chunks) {
      if (chunk.measured === null) continue;
      height += chunk.measured;
      characters += chunk.end - chunk.start;
    }
    if (characters === 0 || height === 0) return;
    this.estimated = true;
    this.pxPerCharacter = height / characters;
    for (const chunk of this.chunks) {
      if (chunk.mounted || chunk.measured !== null) continue;
      chunk.element.style.height = `${Math.round((chunk.end - chunk.start) * this.pxPerCharacter)}px`;
    }
  }

  /** The text offset of a DOM boundary point anywhere in the page, with the text not mounted counted in. */
  offsetOf(node: Node, offset: number, bias: 'start' | 'end'): number {
    if (node === this.root) {
      return offset < this.chunks.length ? (this.chunks[offset]?.start ?? 0) : this.text.length;
    }
    if (!this.root.contains(node)) {
      const around = document.createRange();
      around.selectNode(this.root);
      return around.comparePoint(node, offset) < 0 ? 0 : this.text.length;
    }
    const i = this.chunkOf(node);
    const chunk = this.chunks[i];
    if (!chunk) return 0;
    if (!chunk.mounted || node === chunk.element) {
      if (!chunk.mounted) return offset === 0 ? chunk.start : chunk.end;
      if (offset === 0) return chunk.start;
      if (offset >= chunk.element.childNodes.length) return chunk.end;
    }
    return pointToOffset(this.index, node, offset, bias);
  }

  /**
   * Copying a selection that passes over chunks not in the page: the text is taken from the document, with what
   * the selection holds of the page around the column (the title, when all is selected) before and after it.
   */
  private readonly onCopy = (event: ClipboardEvent): void => {
    const selection = document.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed || !event.clipboardData) return;
    const range = selection.getRangeAt(0);
    if (!range.intersectsNode(this.root)) return;
    if (!this.chunks.some((chunk) => !chunk.mounted && range.intersectsNode(chunk.element))) return;
    const start = this.offsetOf(range.startContainer, range.startOffset, 'start');
    const end = this.offsetOf(range.endContainer, range.endOffset, 'end');
    const parts: string[] = [];
    const outside = (from: 'before' | 'after'): string => {
      const part = document.createRange();
      if (from === 'before') {
        part.setStart(range.startContainer, range.startOffset);
        part.setEndBefore(this.root);
      } else {
        part.setStartAfter(this.root);
        part.setEnd(range.endContainer, range.endOffset);
      }
      return part.collapsed ? '' : textOutside(part);
    };
    if (!this.root.contains(range.startContainer) && range.startContainer !== this.root) {
      parts.push(outside('before'));
    }
    parts.push(this.text.slice(start, Math.max(start, end)));
    if (!this.root.contains(range.endContainer) && range.endContainer !== this.root)
      parts.push(outside('after'));
    event.clipboardData.setData('text/plain', parts.filter((part) => part !== '').join('\n\n'));
    event.preventDefault();
  };

  /** The feed's keys: Page Down and Page Up on a chunk move to the next and the previous chunk. */
  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'PageDown' && event.key !== 'PageUp') return;
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const target = event.target;
    if (!(target instanceof HTMLElement) || target.parentElement !== this.root) return;
    const next = Number(target.dataset.chunk) + (event.key === 'PageDown' ? 1 : -1);
    const chunk = this.chunks[next];
    if (!chunk) return;
    event.preventDefault();
    this.reach(chunk.start, chunk.end);
    chunk.element.scrollIntoView({ block: 'start' });
    chunk.element.focus({ preventScroll: true });
  };
}
