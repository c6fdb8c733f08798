/**
 * The bench page, bundled for Chromium: the app's own painter over the app's own text index, and mark.js wrapping
 * the same ranges in elements, on the same rendered article. Each figure is timed from the start of an animation
 * frame, where the work runs, to a task posted from it, which runs once the browser has done that frame's style,
 * layout and paint on the main thread (rasterizing on the compositor thread is not included).
 */
import Mark from 'mark.js';
import { HighlightPainter, type PaintItem } from '../../renderer/highlighting/painter';
import { buildTextIndex, offsetsToRange, type TextIndex } from '../../renderer/highlighting/text-index';
import type { BenchPage, BenchWindow, PageBlock, PageCheck, PageSpan } from './page-api';

let text = '';
let blocks: PageBlock[] = [];
let spans: PageSpan[] = [];
let root: HTMLElement | null = null;
const painter = new HighlightPainter();
/** The ranges the last timed paint returned, one per painted item. */
let ranges = new Map<string, Range>();

function render(): { root: HTMLElement; index: TextIndex } {
  const column = document.createElement('div');
  column.className = 'doc-text';
  for (const block of blocks) {
    const element = document.createElement(block.kind === 'heading' ? 'h2' : 'p');
    element.className = block.kind === 'heading' ? 'doc-text__heading' : 'doc-text__paragraph';
    element.dataset.start = String(block.start);
    element.textContent = text.slice(block.start, block.end);
    column.append(element);
  }
  if (root) root.replaceWith(column);
  else document.body.append(column);
  root = column;
  return { root: column, index: buildTextIndex(column) };
}

let index: TextIndex | null = null;

/** Resolves after the next frame has been rendered, so that timing starts from a quiet page. */
function settle(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** Runs `work` at the start of a frame; resolves with the milliseconds until that frame's rendering is done. */
function timeFrame(work: () => void): Promise<number> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const started = performance.now();
      work();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now() - started);
      channel.port2.postMessage(null);
    });
  });
}

const items = (): PaintItem[] =>
  spans.map((span, i) => ({ id: `h${i}`, start: span.start, end: span.end, colour: span.colour }));

/** Offsets in the column's textContent, which has no blank lines between blocks as Document.text does. */
function contentOffsets(): Array<{ start: number; length: number; colour: string | null }> {
  const gapBefore: number[] = [];
  let gap = 0;
  let previousEnd = 0;
  for (const block of blocks) {
    gap += block.start - previousEnd;
    gapBefore.push(gap);
    previousEnd = block.end;
  }
  let b = 0;
  return spans.map((span) => {
    while (b + 1 < blocks.length && blocks[b + 1]!.start <= span.start) b++;
    return { start: span.start - gapBefore[b]!, length: span.end - span.start, colour: span.colour };
  });
}

const colourClasses = new Map<string, string>();
const markSheet = new CSSStyleSheet();
document.adoptedStyleSheets = [...document.adoptedStyleSheets, markSheet];

function classFor(colour: string | null): string {
  const key = colour ?? 'none';
  let name = colourClasses.get(key);
  if (!name) {
    name = `m${colourClasses.size}`;
    colourClasses.set(key, name);
    const paint = colour === null ? '#ffe066' : `color-mix(in srgb, ${colour} 34%, transparent)`;
    markSheet.insertRule(`mark.${name} { background-color: ${paint}; color: inherit; }`);
  }
  return name;
}

const bench: BenchPage = {
  load(newText, newBlocks, newSpans) {
    text = newText;
    blocks = newBlocks;
    spans = newSpans;
    index = render().index;
  },

  async paintOurs() {
    if (!root || root.querySelector('mark')) index = render().index;
    painter.clear();
    await settle();
    const all = items();
    const ms = await timeFrame(() => (ranges = painter.paint(index!, all, null)));
    await settle();
    return ms;
  },

  async addOne(which) {
    if (!root || root.querySelector('mark')) index = render().index;
    const all = items();
    const others = all.filter((_, i) => i !== which);
    // A passage is highlighted from a selection, so it is on screen: scroll it there before anything is timed.
    const span = spans[which]!;
    const target = offsetsToRange(index!, span.start, span.end)?.startContainer.parentElement;
    target?.scrollIntoView({ block: 'center' });
    painter.clear();
    painter.paint(index!, others, null);
    await settle();
    const ms = await timeFrame(() => (ranges = painter.paint(index!, all, null)));
    await settle();
    return ms;
  },

  async paintMarkJs() {
    painter.clear();
    index = null;
    const column = render().root;
    await settle();
    const ranges = contentOffsets();
    const colourAt = new Map(ranges.map((range) => [range.start, range.colour]));
    const ms = await timeFrame(() => {
      new Mark(column).markRanges(
        ranges.map(({ start, length }) => ({ start, length })),
        { each: (element, range) => (element.className = classFor(colourAt.get(range.start) ?? null)) },
      );
    });
    await settle();
    return ms;
  },

  async checkOurs(): Promise<PageCheck> {
    let wrong = 0;
    spans.forEach((span, i) => {
      if (ranges.get(`h${i}`)?.toString() !== text.slice(span.start, span.end)) wrong++;
    });
    // At the top, the middle, the end and back where it was, every range on screen must be registered (so painted
    // in the frame that scrolled there), and nothing registered may be other than the painter's ranges.
    const painted = new Set(ranges.values());
    const height = document.documentElement.clientHeight;
    const was = window.scrollY;
    const bottom = document.documentElement.scrollHeight - height;
    for (const y of [0, bottom / 2, bottom, was]) {
      window.scrollTo(0, y);
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const registered = new Set<AbstractRange>();
      CSS.highlights.forEach((highlight) => {
        for (const range of highlight) registered.add(range);
      });
      for (const range of registered) if (!(range instanceof Range) || !painted.has(range)) wrong++;
      for (const range of painted) {
        const box = range.getBoundingClientRect();
        if (box.bottom >= 0 && box.top <= height && !registered.has(range)) wrong++;
      }
    }
    return { painted: ranges.size, wrong };
  },

  checkMarkJs(): PageCheck {
    const marks = [...(root?.querySelectorAll('mark') ?? [])];
    const wrong = marks.filter((mark, i) => {
      const span = spans[i];
      return !span || mark.textContent !== text.slice(span.start, span.end);
    }).length;
    return { painted: marks.length, wrong };
  },
};

(window as unknown as BenchWindow).bench = bench;
