// The text index in Chromium, on generated documents: offsets become Ranges over exactly those characters, and
// Ranges come back as the same offsets, wherever the boundaries fall (inside a block, between blocks, on an
// element, inside a surrogate pair).
import { build } from 'esbuild';
import fc from 'fast-check';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import type * as TextIndexModule from '../../renderer/highlighting/text-index';

/** The module as the page sees it, on `window.textIndex`. */
type PageWindow = { textIndex: typeof TextIndexModule };

const entry = fileURLToPath(new URL('../../renderer/highlighting/text-index.ts', import.meta.url));

let bundle: Promise<string> | null = null;
function textIndexBundle(): Promise<string> {
  bundle ??= build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'textIndex',
    platform: 'browser',
    target: 'chrome130',
    logLevel: 'warning',
  }).then((result) => result.outputFiles[0]!.text);
  return bundle;
}

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

const unit = fc.constantFrom('a', 'b', 'z', ' ', 'é', '’', '\u00a0', '😀', '𝔸', 'ю', '.');
const paragraph = fc.string({ unit, minLength: 1, maxLength: 24 });
const documentArb = fc.array(paragraph, { minLength: 1, maxLength: 6 }).map(joinBlocks);

test.beforeEach(async ({ page }) => {
  await page.setContent('<!doctype html><div id="root"></div>');
  await page.addScriptTag({ content: await textIndexBundle() });
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
        for (const { start, end, rendered, back } of results) {
          const visible = renderedText(doc, start, end);
          if (visible === '') {
            expect(rendered, `[${start}, ${end}) covers no rendered text`).toBeNull();
            continue;
          }
          expect(rendered, `[${start}, ${end})`).toBe(visible);
          expect(back, `[${start}, ${end}) back`).toEqual(expectedSpan(doc, start, end));
        }
      },
    ),
    { numRuns: 60 },
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
