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

export class HighlightPainter {
  private readonly sheet = new CSSStyleSheet();
  private readonly slots = new Map<string, number>();
  private readonly painted = new Set<string>();

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
   * Replaces every painted highlight. Returns each painted item's range, for hit-testing and laying out the
   * margin; items whose offsets cover no rendered text are left out.
   */
  paint(
    index: TextIndex,
    items: PaintItem[],
    active: { start: number; end: number } | null,
  ): Map<string, Range> {
    const groups = new Map<string, Range[]>();
    const ranges = new Map<string, Range>();
    for (const item of items) {
      const range = offsetsToRange(index, item.start, item.end);
      if (!range) continue;
      ranges.set(item.id, range);
      const name = this.nameFor(item.colour);
      const group = groups.get(name);
      if (group) group.push(range);
      else groups.set(name, [range]);
    }
    const activeRange = active ? offsetsToRange(index, active.start, active.end) : null;
    if (activeRange) groups.set(ACTIVE_HIGHLIGHT, [activeRange]);

    for (const name of this.painted) if (!groups.has(name)) CSS.highlights.delete(name);
    this.painted.clear();
    for (const [name, group] of groups) {
      const highlight = new Highlight(...group);
      if (name === ACTIVE_HIGHLIGHT) highlight.priority = 10;
      CSS.highlights.set(name, highlight);
      this.painted.add(name);
    }
    return ranges;
  }

  clear(): void {
    for (const name of this.painted) CSS.highlights.delete(name);
    this.painted.clear();
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
