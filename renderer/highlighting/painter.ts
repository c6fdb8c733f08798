// Paints highlights with the CSS Custom Highlight API: one Highlight per topic colour, one for untagged passages
// and one for the active passage, so the reading DOM is never split into spans and stays exactly as rendered.
// Suggested statements are painted apart and faintly, under the highlights, and never mistaken for one.
// Colour by party adds one Highlight per party colour, an underline over the same ranges, so the fill stays the
// topic's and who holds the position shows beneath it.
//
// Chromium turns every range of every registered highlight into markers again whenever any highlight changes, so a
// frame that adds one passage costs as much as the number of ranges registered. Only the passages of the blocks in
// and near the viewport are registered, and that set follows the reader's scrolling: a change then costs what is on
// screen, not the length of the document. Every passage still gets its Range, for hit-testing and the margin.
import { offsetsToRange, type TextIndex, type TextIndexEntry } from './text-index';

export interface PaintItem {
  id: string;
  start: number;
  end: number;
  /** The colour of the topic the passage is painted with; null paints it as untagged. */
  colour: string | null;
  /** The colour of its party, drawn as an underline (colour by party); null or absent draws no party mark. */
  party?: string | null;
}

export const UNTAGGED_HIGHLIGHT = 'parley-untagged';
export const ACTIVE_HIGHLIGHT = 'parley-active';
export const SUGGESTION_HIGHLIGHT = 'parley-suggestion';
export const ACTIVE_SUGGESTION_HIGHLIGHT = 'parley-suggestion-active';
const TOPIC_PREFIX = 'parley-t-';
const PARTY_PREFIX = 'parley-p-';
/** How far above and below the viewport passages are registered, in viewport heights. */
const REGISTERED_MARGIN = 1;

/** The text offsets whose passages are registered; `all` (everything) when the column fits or has no layout. */
interface Band {
  start: number;
  end: number;
  all: boolean;
}

const EVERYTHING: Band = { start: -Infinity, end: Infinity, all: true };

function blockOf(entry: TextIndexEntry): Element | null {
  const parent = entry.node.parentElement;
  return parent?.closest('[data-start]') ?? parent;
}

/**
 * The offsets of the blocks that lie within `margin` viewport heights of the viewport, found by binary search
 * over the blocks in document order (the reading column stacks them top to bottom).
 */
function bandAround(index: TextIndex, margin: number): Band {
  const entries = index.entries;
  const height = document.documentElement.clientHeight || window.innerHeight;
  const column = index.root.getBoundingClientRect();
  if (entries.length === 0 || height === 0 || column.height === 0) return EVERYTHING;
  const top = -height * margin;
  const bottom = height * (1 + margin);
  if (column.top >= top && column.bottom <= bottom) return EVERYTHING;
  const rect = (i: number): DOMRect | undefined => blockOf(entries[i]!)?.getBoundingClientRect();
  // First entry whose block ends below `top`.
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((rect(mid)?.bottom ?? top) < top) lo = mid + 1;
    else hi = mid;
  }
  const first = lo;
  // Last entry whose block starts above `bottom`.
  lo = first - 1;
  hi = entries.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((rect(mid)?.top ?? bottom) <= bottom) lo = mid;
    else hi = mid - 1;
  }
  const last = lo;
  if (first >= entries.length || last < first) {
    // Nothing of the column is near the viewport: register the nearest block so a change still shows at once.
    const at = Math.min(first, entries.length - 1);
    return { start: entries[at]!.start, end: entries[at]!.end, all: false };
  }
  return { start: entries[first]!.start, end: entries[last]!.end, all: false };
}

function covers(outer: Band, inner: Band): boolean {
  return outer.all || (!inner.all && outer.start <= inner.start && inner.end <= outer.end);
}

/**
 * What `isSafeColour` answered for each colour: asking the style engine again for each of thousands of passages
 * on every paint cost more than the paint itself.
 */
const safeColours = new Map<string, boolean>();

/** Topic colours are the user's data: only plain colour values reach a style rule. */
export function isSafeColour(colour: string): boolean {
  let safe = safeColours.get(colour);
  if (safe === undefined) {
    safe = /^[#\w\s(),.%/+-]{1,40}$/.test(colour) && CSS.supports('color', colour);
    safeColours.set(colour, safe);
  }
  return safe;
}

/** Adds a range to the group of ranges to register under `name`. */
function addTo(added: Map<string, Range[]>, name: string, range: Range): void {
  const group = added.get(name);
  if (group) group.push(range);
  else added.set(name, [range]);
}

/** A painted item: where it was painted, under which highlight name, and its range. */
interface Painted {
  start: number;
  end: number;
  name: string;
  /** The party mark's highlight name, when it carries one. */
  mark: string | null;
  range: Range;
  /** Whether the range is in its registered Highlight (it is near the viewport). */
  shown: boolean;
}

export class HighlightPainter {
  private readonly sheet = new CSSStyleSheet();
  private readonly slots = new Map<string, number>();
  private readonly partySlots = new Map<string, number>();
  private readonly painted = new Set<string>();
  /** What the last paint drew, by item id, over `paintedIndex`; ranges are reused while nothing about them changed. */
  private items = new Map<string, Painted>();
  private paintedIndex: TextIndex | null = null;
  /** The live Highlight of each name registered by the last paint (the active passage's aside). */
  private readonly highlights = new Map<string, Highlight>();
  /** The offsets whose passages are registered, over `paintedIndex`. */
  private band: Band = EVERYTHING;
  private resizes: ResizeObserver | null = null;
  private readonly follow = (): void => this.followViewport();

  constructor() {
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, this.sheet];
  }

  private shows(item: { start: number; end: number }): boolean {
    return item.start < this.band.end && item.end > this.band.start;
  }

  /** On scroll or resize: when the viewport has left the registered window, registers the passages around it. */
  private followViewport(): void {
    const index = this.paintedIndex;
    if (!index) return;
    if (!this.band.all && covers(this.band, bandAround(index, 0))) return;
    const next = bandAround(index, REGISTERED_MARGIN);
    if (this.band.all && next.all) return;
    this.band = next;
    const added = new Map<string, Range[]>();
    for (const painted of this.items.values()) {
      const shows = this.shows(painted);
      if (shows === painted.shown) continue;
      painted.shown = shows;
      if (shows) {
        addTo(added, painted.name, painted.range);
        if (painted.mark) addTo(added, painted.mark, painted.range);
      } else {
        this.highlights.get(painted.name)?.delete(painted.range);
        if (painted.mark) this.highlights.get(painted.mark)?.delete(painted.range);
      }
    }
    this.register(added);
  }

  private watch(index: TextIndex): void {
    document.addEventListener('scroll', this.follow, { capture: true, passive: true });
    window.addEventListener('resize', this.follow, { passive: true });
    this.resizes = new ResizeObserver(this.follow);
    this.resizes.observe(index.root);
  }

  private unwatch(): void {
    document.removeEventListener('scroll', this.follow, { capture: true });
    window.removeEventListener('resize', this.follow);
    this.resizes?.disconnect();
    this.resizes = null;
  }

  /** The highlight name a colour paints under, registering its `::highlight()` rules the first time. */
  nameFor(colour: string | null): string {
    if (colour === null || !isSafeColour(colour)) return UNTAGGED_HIGHLIGHT;
    let slot = this.slots.get(colour);
    if (slot === undefined) {
      slot = this.slots.size;
      this.slots.set(colour, slot);
      const name = `${TOPIC_PREFIX}${slot}`;
      this.sheet.insertRule(
        `::highlight(${name}) { background-color: color-mix(in srgb, ${colour} 34%, transparent); }`,
        this.sheet.cssRules.length,
      );
      this.sheet.insertRule(
        `@media (prefers-color-scheme: dark) { ::highlight(${name}) { background-color: color-mix(in srgb, ${colour} 42%, transparent); } }`,
        this.sheet.cssRules.length,
      );
    }
    return `${TOPIC_PREFIX}${slot}`;
  }

  /**
   * The highlight name a party's underline paints under, registering its rules the first time; null (no mark) for
   * a colour that is not a plain colour value. In the dark theme the line is lightened so it stays visible.
   */
  markFor(colour: string): string | null {
    if (!isSafeColour(colour)) return null;
    let slot = this.partySlots.get(colour);
    if (slot === undefined) {
      slot = this.partySlots.size;
      this.partySlots.set(colour, slot);
      const name = `${PARTY_PREFIX}${slot}`;
      const line =
        'text-decoration-line: underline; text-decoration-style: solid; text-decoration-thickness: 3px; text-decoration-skip-ink: none;';
      this.sheet.insertRule(
        `::highlight(${name}) { ${line} text-decoration-color: ${colour}; }`,
        this.sheet.cssRules.length,
      );
      this.sheet.insertRule(
        `@media (prefers-color-scheme: dark) { ::highlight(${name}) { text-decoration-color: color-mix(in srgb, ${colour} 60%, white); } }`,
        this.sheet.cssRules.length,
      );
    }
    return `${PARTY_PREFIX}${slot}`;
  }

  /**
   * Makes the painted highlights exactly `items` and `active`. Returns each painted item's range, for hit-testing
   * and laying out the margin; items whose offsets cover no rendered text are left out.
   *
   * Over the same text index, only what changed is touched: an item painted before at the same offsets in the
   * same colour keeps its Range, and the registered Highlights gain and lose just the ranges that came and went,
   * so adding one highlight to thousands costs one Range, not thousands. Only ranges near the viewport are
   * registered (see the top of this file); the rest are registered as the reader scrolls to them.
   */
  paint(
    index: TextIndex,
    items: PaintItem[],
    active: { start: number; end: number } | null,
  ): Map<string, Range> {
    const previous = index === this.paintedIndex ? this.items : new Map<string, Painted>();
    if (index !== this.paintedIndex) {
      // A new index means new text nodes: every range is made again, in new Highlights.
      this.removeAll();
      this.paintedIndex = index;
      this.band = bandAround(index, REGISTERED_MARGIN);
      this.watch(index);
    }
    const next = new Map<string, Painted>();
    const ranges = new Map<string, Range>();
    const added = new Map<string, Range[]>();
    for (const item of items) {
      const name = this.nameFor(item.colour);
      const mark = item.party ? this.markFor(item.party) : null;
      const before = previous.get(item.id);
      let painted: Painted;
      if (
        before &&
        before.start === item.start &&
        before.end === item.end &&
        before.name === name &&
        before.mark === mark
      ) {
        previous.delete(item.id);
        painted = before;
      } else {
        const range = offsetsToRange(index, item.start, item.end);
        if (!range) continue;
        painted = { start: item.start, end: item.end, name, mark, range, shown: this.shows(item) };
        if (painted.shown) {
          addTo(added, name, range);
          if (mark) addTo(added, mark, range);
        }
      }
      next.set(item.id, painted);
      ranges.set(item.id, painted.range);
    }
    // What is left of `previous` is no longer painted as it was.
    for (const gone of previous.values()) {
      if (!gone.shown) continue;
      this.highlights.get(gone.name)?.delete(gone.range);
      if (gone.mark) this.highlights.get(gone.mark)?.delete(gone.range);
    }
    this.register(added);
    this.items = next;

    const activeRange = active ? offsetsToRange(index, active.start, active.end) : null;
    if (activeRange) {
      const highlight = new Highlight(activeRange);
      highlight.priority = 10;
      CSS.highlights.set(ACTIVE_HIGHLIGHT, highlight);
      this.painted.add(ACTIVE_HIGHLIGHT);
    } else if (this.painted.delete(ACTIVE_HIGHLIGHT)) {
      CSS.highlights.delete(ACTIVE_HIGHLIGHT);
    }
    return ranges;
  }

  /** Adds `added` to the registered Highlights, registering new ones, and unregisters those left empty. */
  private register(added: Map<string, Range[]>): void {
    for (const [name, group] of added) {
      const highlight = this.highlights.get(name);
      if (highlight) {
        for (const range of group) highlight.add(range);
      } else {
        const made = new Highlight(...group);
        this.highlights.set(name, made);
        CSS.highlights.set(name, made);
        this.painted.add(name);
      }
    }
    for (const [name, highlight] of this.highlights) {
      if (highlight.size === 0) this.unregister(name);
    }
  }

  private unregister(name: string): void {
    this.highlights.delete(name);
    CSS.highlights.delete(name);
    this.painted.delete(name);
  }

  private removeAll(): void {
    for (const name of this.painted) CSS.highlights.delete(name);
    this.painted.clear();
    this.highlights.clear();
    this.items = new Map();
    this.paintedIndex = null;
    this.band = EVERYTHING;
    this.unwatch();
  }

  clear(): void {
    this.removeAll();
  }

  /** Paints suggested statements faintly, and the one in focus in the list a little more. */
  paintSuggestions(
    index: TextIndex,
    spans: ReadonlyArray<{ key: string; start: number; end: number }>,
    activeKey: string | null,
  ): Range | null {
    const ranges: Range[] = [];
    let active: Range | null = null;
    for (const span of spans) {
      const range = offsetsToRange(index, span.start, span.end);
      if (!range) continue;
      if (span.key === activeKey) active = range;
      else ranges.push(range);
    }
    const faint = new Highlight(...ranges);
    faint.priority = -1;
    CSS.highlights.set(SUGGESTION_HIGHLIGHT, faint);
    if (active) {
      const focused = new Highlight(active);
      focused.priority = -1;
      CSS.highlights.set(ACTIVE_SUGGESTION_HIGHLIGHT, focused);
    } else {
      CSS.highlights.delete(ACTIVE_SUGGESTION_HIGHLIGHT);
    }
    return active;
  }

  clearSuggestions(): void {
    CSS.highlights.delete(SUGGESTION_HIGHLIGHT);
    CSS.highlights.delete(ACTIVE_SUGGESTION_HIGHLIGHT);
  }
}
