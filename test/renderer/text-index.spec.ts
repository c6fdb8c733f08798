// The text index in Chromium, on generated documents: offsets become Ranges over exactly those characters, and
// Ranges come back as the same offsets, wherever the boundaries fall (inside a block, between blocks, on an
// element, inside a surrogate pair) — also when a block's text is split over several text nodes inside inline
// elements, and when blocks nest (a list inside a list item).
import fc from 'fast-check';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import type * as TextIndexModule from '../../renderer/highlighting/text-index';
import { pageScript } from '../../scripts/page-script';
import { seeded } from '../unit/properties/seed';

/** Shows a property's seed on the test's output and in the report, so that PARLEY_FC_SEED can replay it. */
function printSeed(line: string): void {
  console.log(line);
  test.info().annotations.push({ type: 'fast-check', description: line });
}

/** The module as the page sees it, on `window.textIndex`. */
type PageWindow = { textIndex: typeof TextIndexModule };

const entry = fileURLToPath(new URL('../../renderer/highlighting/text-index.ts', import.meta.url));

interface Doc {
  text: string;
  blocks: { start: number; end: number }[];
}

function joinBlocks(paragraphs: string[]): Doc {
  let text = '';
  const blocks: Doc['blocks'] = [];
  for (const paragraph of paragraphs) {
    if (text) text += '\n\n';
    blocks.push({ start: text.length, end: text.length + paragraph.length });
    text += paragraph;
  }
  return { text, blocks };
}

/** What a selection over [start, end) should come back as: snapped into blocks, white space trimmed. */
function expectedSpan(doc: Doc, start: number, end: number): { start: number; end: number } | null {
  const inside = (offset: number, side: 'start' | 'end') =>
    doc.blocks.some((b) =>
      side === 'start' ? offset >= b.start && offset < b.end : offset > b.start && offset <= b.end,
    );
  let s = start;
  while (s < doc.text.length && !inside(s, 'start')) s++;
  let e = end;
  while (e > 0 && !inside(e, 'end')) e--;
  while (s < e && /\s/.test(doc.text[s]!)) s++;
  while (e > s && /\s/.test(doc.text[e - 1]!)) e--;
  return s < e ? { start: s, end: e } : null;
}

/** The characters of [start, end) that are rendered, i.e. without the gaps between blocks. */
function renderedText(doc: Doc, start: number, end: number): string {
  return doc.blocks.map((b) => doc.text.slice(Math.max(b.start, start), Math.min(b.end, end))).join('');
}

interface RoundTrip {
  start: number;
  end: number;
  /** The Range's text, null when no Range was made. */
  rendered: string | null;
  /** The Range mapped back to offsets. */
  back: { start: number; end: number } | null;
}

/**
 * Each span's Range holds exactly the characters of it that are rendered (none at all when it covers only gaps
 * between blocks), and maps back to the span snapped into blocks and trimmed.
 */
function expectRoundTrips(doc: Doc, trips: RoundTrip[]): void {
  for (const { start, end, rendered, back } of trips) {
    const visible = renderedText(doc, start, end);
    if (visible === '') {
      expect(rendered, `[${start}, ${end}) covers no rendered text`).toBeNull();
      continue;
    }
    expect(rendered, `[${start}, ${end})`).toBe(visible);
    expect(back, `[${start}, ${end}) back`).toEqual(expectedSpan(doc, start, end));
  }
}

const unit = fc.constantFrom('a', 'b', 'z', ' ', 'é', '’', '\u00a0', '😀', '𝔸', 'ю', '.');
const paragraph = fc.string({ unit, minLength: 1, maxLength: 24 });
const documentArb = fc.array(paragraph, { minLength: 1, maxLength: 6 }).map(joinBlocks);

test.beforeEach(async ({ page }) => {
  await page.setContent('<!doctype html><div id="root"></div>');
  await page.addScriptTag({ content: await pageScript(entry, 'textIndex') });
});

async function render(page: Page, doc: Doc) {
  await page.evaluate((d) => {
    const root = document.getElementById('root')!;
    root.replaceChildren(
      ...d.blocks.map((b) => {
        const p = document.createElement('p');
        p.dataset.start = String(b.start);
        p.textContent = d.text.slice(b.start, b.end);
        return p;
      }),
    );
  }, doc);
}

test('offsets → Range → offsets round-trips on generated documents', async ({ page }) => {
  await fc.assert(
    fc.asyncProperty(
      documentArb.chain((doc) =>
        fc.record({
          doc: fc.constant(doc),
          spans: fc.array(
            fc
              .tuple(fc.nat({ max: doc.text.length }), fc.nat({ max: doc.text.length }))
              .map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const),
            { minLength: 1, maxLength: 12 },
          ),
        }),
      ),
      async ({ doc, spans }) => {
        await render(page, doc);
        const results = await page.evaluate(
          ({ d, list }) => {
            const lib = (window as unknown as PageWindow).textIndex;
            const index = lib.buildTextIndex(document.getElementById('root')!);
            return list.map(([start, end]) => {
              const range = lib.offsetsToRange(index, start, end);
              const back = range ? lib.rangeToOffsets(index, range, d.text) : null;
              return { start, end, rendered: range ? range.toString() : null, back };
            });
          },
          { d: doc, list: spans as (readonly [number, number])[] },
        );
        expectRoundTrips(doc, results);
      },
    ),
    seeded(printSeed, 60),
  );
});

test('selection boundaries on elements snap to the text they enclose', async ({ page }) => {
  const doc = joinBlocks(['First block.', '  Second, indented.', 'Third']);
  await render(page, doc);
  const result = await page.evaluate((text) => {
    const lib = (window as unknown as PageWindow).textIndex;
    const root = document.getElementById('root')!;
    const index = lib.buildTextIndex(root);
    const [first, second, third] = [...root.children] as HTMLElement[];
    const span = (setup: (r: Range) => void) => {
      const range = document.createRange();
      setup(range);
      return lib.rangeToOffsets(index, range, text);
    };
    return {
      wholeSecond: span((r) => {
        r.setStart(second!, 0);
        r.setEnd(second!, 1);
      }),
      betweenBlocks: span((r) => {
        r.setStart(root, 1);
        r.setEnd(root, 3);
      }),
      fromEndOfFirst: span((r) => {
        r.setStart(first!.firstChild!, 12);
        r.setEnd(third!.firstChild!, 2);
      }),
      outside: span((r) => {
        r.setStart(document.body, 0);
        r.setEnd(document.body, 0);
      }),
    };
  }, doc.text);
  const second = doc.blocks[1]!;
  expect(result.wholeSecond).toEqual({ start: second.start + 2, end: second.end });
  expect(result.betweenBlocks).toEqual({ start: second.start + 2, end: doc.blocks[2]!.end });
  expect(result.fromEndOfFirst).toEqual({ start: second.start + 2, end: doc.blocks[2]!.start + 2 });
  expect(result.outside).toBeNull();
});

test('a point over the text maps to the offset of the character under it', async ({ page }) => {
  const doc = joinBlocks(['Alpha beta gamma.', 'Delta 😀 epsilon.']);
  await render(page, doc);
  const hits = await page.evaluate((d) => {
    const lib = (window as unknown as PageWindow).textIndex;
    const index = lib.buildTextIndex(document.getElementById('root')!);
    return ['beta', 'epsilon'].map((word) => {
      const start = d.text.indexOf(word);
      const range = lib.offsetsToRange(index, start, start + 1)!;
      const rect = range.getBoundingClientRect();
      const at = lib.offsetAtPoint(index, rect.left + rect.width / 4, rect.top + rect.height / 2);
      const inside = lib.rangeContainsPoint(range, rect.left + 1, rect.top + 1);
      const outside = lib.rangeContainsPoint(range, rect.right + 40, rect.top + 1);
      return { start, at, inside, outside };
    });
  }, doc);
  for (const hit of hits) {
    expect(hit.at).toBe(hit.start);
    expect(hit.inside).toBe(true);
    expect(hit.outside).toBe(false);
  }
});

/** How one block is drawn: its text cut into pieces, each wrapped in these elements, and whether it nests. */
interface Layout {
  /** Cut points inside the block's text (code units, any order, repeats allowed). */
  cuts: number[];
  /** For each piece in turn (cycled): the elements around it, outermost first; empty for a bare text node. */
  wraps: string[][];
  /** Drawn as a list item inside the block before it, rather than after it. */
  nested: boolean;
}

/** Draws the blocks with their text over several text nodes and elements, nesting blocks as lists. */
async function renderFormatted(page: Page, doc: Doc, layouts: Layout[]) {
  await page.evaluate(
    ({ d, layouts }) => {
      const root = document.getElementById('root')!;
      root.replaceChildren();
      let previous: HTMLElement | null = null;
      d.blocks.forEach((b, i) => {
        const layout = layouts[i]!;
        const nested = layout.nested && previous !== null;
        const block = document.createElement(nested ? 'li' : 'p');
        block.dataset.start = String(b.start);
        const text = d.text.slice(b.start, b.end);
        const cuts = [...new Set([0, ...layout.cuts.map((c) => c % (text.length + 1)), text.length])].sort(
          (x, y) => x - y,
        );
        for (let k = 0; k + 1 < cuts.length; k++) {
          const piece = document.createTextNode(text.slice(cuts[k], cuts[k + 1]));
          const wrap = layout.wraps.length > 0 ? layout.wraps[k % layout.wraps.length]! : [];
          let node: Node = piece;
          for (const tag of [...wrap].reverse()) {
            const element = document.createElement(tag);
            if (tag === 'a') element.setAttribute('href', 'https://example.org/');
            element.append(node);
            node = element;
          }
          block.append(node);
        }
        if (nested) {
          const list = document.createElement('ul');
          list.append(block);
          previous!.append(list);
        } else root.append(block);
        previous = block;
      });
    },
    { d: doc, layouts },
  );
}

const layoutArb = (length: number) =>
  fc.record({
    cuts: fc.array(fc.nat({ max: length }), { maxLength: 5 }),
    wraps: fc.array(fc.subarray(['strong', 'em', 'a', 'code', 'del']), { maxLength: 4 }),
    nested: fc.boolean(),
  });

test('blocks over several text nodes, inside inline elements and nested lists, round-trip the same', async ({
  page,
}) => {
  await fc.assert(
    fc.asyncProperty(
      documentArb.chain((doc) =>
        fc.record({
          doc: fc.constant(doc),
          layouts: fc.tuple(...doc.blocks.map((b) => layoutArb(b.end - b.start))),
          spans: fc.array(
            fc
              .tuple(fc.nat({ max: doc.text.length }), fc.nat({ max: doc.text.length }))
              .map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const),
            { minLength: 1, maxLength: 12 },
          ),
        }),
      ),
      async ({ doc, layouts, spans }) => {
        await renderFormatted(page, doc, layouts);
        const results = await page.evaluate(
          ({ d, list }) => {
            const lib = (window as unknown as PageWindow).textIndex;
            const root = document.getElementById('root')!;
            const index = lib.buildTextIndex(root);
            // Each block's own text nodes, read back in order, are exactly its text.
            const blocks = [...root.querySelectorAll<HTMLElement>('[data-start]')].map((el) =>
              index.entries
                .filter((e) => e.node.parentElement?.closest('[data-start]') === el)
                .map((e) => e.node.data)
                .join(''),
            );
            const contiguous = index.entries.every(
              (e, i) =>
                e.end - e.start === e.node.length && (i === 0 || e.start >= index.entries[i - 1]!.end),
            );
            const spans = list.map(([start, end]) => {
              const range = lib.offsetsToRange(index, start, end);
              const back = range ? lib.rangeToOffsets(index, range, d.text) : null;
              return { start, end, rendered: range ? range.toString() : null, back };
            });
            return { blocks, contiguous, spans };
          },
          { d: doc, list: spans as (readonly [number, number])[] },
        );
        expect(results.blocks).toEqual(doc.blocks.map((b) => doc.text.slice(b.start, b.end)));
        expect(results.contiguous).toBe(true);
        expectRoundTrips(doc, results.spans);
      },
    ),
    seeded(printSeed, 60),
  );
});

test('inside inline elements, boundaries on elements and points over the text map to exact offsets', async ({
  page,
}) => {
  const doc = joinBlocks([
    'Plain then bold words and a link here.',
    'Item with code inside.',
    'Nested item.',
  ]);
  await page.evaluate((d) => {
    const root = document.getElementById('root')!;
    root.innerHTML =
      `<p data-start="${d.blocks[0]!.start}">Plain then <strong>bold <em>words</em></strong> and ` +
      `<a href="https://example.org/">a link</a> here.</p>` +
      `<ul><li data-start="${d.blocks[1]!.start}">Item with <code>code</code> inside.` +
      `<ul><li data-start="${d.blocks[2]!.start}"><em>Nested</em> item.</li></ul></li></ul>`;
  }, doc);
  const result = await page.evaluate((text) => {
    const lib = (window as unknown as PageWindow).textIndex;
    const root = document.getElementById('root')!;
    const index = lib.buildTextIndex(root);
    const span = (setup: (r: Range) => void) => {
      const range = document.createRange();
      setup(range);
      return lib.rangeToOffsets(index, range, text);
    };
    const strong = root.querySelector('strong')!;
    const link = root.querySelector('a')!;
    const outer = root.querySelector('ul > li')!;
    const nested = root.querySelector('li li')!;
    const at = (word: string) => {
      const start = text.indexOf(word);
      const range = lib.offsetsToRange(index, start, start + 1)!;
      const rect = range.getBoundingClientRect();
      return { start, at: lib.offsetAtPoint(index, rect.left + rect.width / 4, rect.top + rect.height / 2) };
    };
    return {
      nodes: index.entries.length,
      wholeStrong: span((r) => r.selectNode(strong)),
      strongContents: span((r) => r.selectNodeContents(strong)),
      intoLink: span((r) => {
        r.setStart(strong.firstChild!, 2);
        r.setEnd(link, 1);
      }),
      outerItem: span((r) => r.selectNodeContents(outer)),
      nestedItem: span((r) => r.selectNodeContents(nested)),
      ranges: ['bold words', 'words and a li', 'code inside.\n\nNested'].map((phrase) => {
        const start = text.indexOf(phrase);
        return lib.offsetsToRange(index, start, start + phrase.length)?.toString() ?? null;
      }),
      points: ['words', 'link', 'code', 'Nested'].map(at),
    };
  }, doc.text);
  const offsets = (phrase: string) => {
    const start = doc.text.indexOf(phrase);
    return { start, end: start + phrase.length };
  };
  expect(result.nodes).toBe(11);
  expect(result.wholeStrong).toEqual(offsets('bold words'));
  expect(result.strongContents).toEqual(offsets('bold words'));
  expect(result.intoLink).toEqual(offsets('ld words and a link'));
  // A list item's contents include the list nested in it: its text is the item's and the nested item's.
  expect(result.outerItem).toEqual(offsets('Item with code inside.\n\nNested item.'));
  expect(result.nestedItem).toEqual(offsets('Nested item.'));
  expect(result.ranges).toEqual(['bold words', 'words and a li', 'code inside.Nested']);
  for (const point of result.points) expect(point.at).toBe(point.start);
});
