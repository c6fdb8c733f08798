// Paints highlights with the CSS Custom Highlight API: one Highlight per topic colour, one for untagged passages
// and one for the active passage, so the reading DOM is never split into spans and stays exactly as rendered.
// Suggested statements are painted apart and faintly, under the highlights, and never mistaken for one.
import { offsetsToRange, type TextIndex } from './text-index';

export interface PaintItem {
  id: string;
  start: number;
  end: number;
  /** The colour of the topic the passage is painted with; null paints it as untagged. */
  colour: string | null;
}

export const UNTAGGED_HIGHLIGHT = 'parley-untagged';
export const ACTIVE_HIGHLIGHT = 'parley-active';
export const SUGGESTION_HIGHLIGHT = 'parley-suggestion';
export const ACTIVE_SUGGESTION_HIGHLIGHT = 'parley-suggestion-active';
const TOPIC_PREFIX = 'parley-t-';

/** Topic colours are the user's data: only plain colour values reach a style rule. */
export function isSafeColour(colour: string): boolean {
  return /^[#\w\s(),.%/+-]{1,40}$/.test(colour) && CSS.supports('color', colour);
}

/** A painted item: where it was painted, under which highlight name, and its range. */
interface Painted {
  start: number;
  end: number;
  name: string;
  range: Range;
}

export class HighlightPainter {
  private readonly sheet = new CSSStyleSheet();
  private readonly slots = new Map<string, number>();
  private readonly painted = new Set<string>();
  /** What the last paint drew, by item id, over `paintedIndex`; ranges are reused while nothing about them changed. */
  private items = new Map<string, Painted>();
  private paintedIndex: TextIndex | null = null;
  /** The live Highlight of each name registered by the last paint (the active passage's aside). */
  private readonly highlights = new Map<string, Highlight>();

  constructor() {
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, this.sheet];
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
   * Makes the painted highlights exactly `items` and `active`. Returns each painted item's range, for hit-testing
   * and laying out the margin; items whose offsets cover no rendered text are left out.
   *
   * Over the same text index, only what changed is touched: an item painted before at the same offsets in the
   * same colour keeps its Range, and the registered Highlights gain and lose just the ranges that came and went,
   * so adding one highlight to thousands costs one Range, not thousands.
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
    }
    const next = new Map<string, Painted>();
    const ranges = new Map<string, Range>();
    const added = new Map<string, Range[]>();
    for (const item of items) {
      const name = this.nameFor(item.colour);
      const before = previous.get(item.id);
      let painted: Painted;
      if (before && before.start === item.start && before.end === item.end && before.name === name) {
        previous.delete(item.id);
        painted = before;
      } else {
        const range = offsetsToRange(index, item.start, item.end);
        if (!range) continue;
        painted = { start: item.start, end: item.end, name, range };
        const group = added.get(name);
        if (group) group.push(range);
        else added.set(name, [range]);
      }
      next.set(item.id, painted);
      ranges.set(item.id, painted.range);
    }
    // What is left of `previous` is no longer painted as it was.
    for (const gone of previous.values()) this.highlights.get(gone.name)?.delete(gone.range);
    for (const [name, group] of added) {
      const highlight = this.highlights.get(name);
      if (highlight) for (const range of group) highlight.add(range);
      else this.register(name, new Highlight(...group));
    }
    for (const [name, highlight] of this.highlights) {
      if (highlight.size === 0) this.unregister(name);
    }
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

  private register(name: string, highlight: Highlight): void {
    this.highlights.set(name, highlight);
    CSS.highlights.set(name, highlight);
    this.painted.add(name);
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
