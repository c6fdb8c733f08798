/**
 * `add_one_ms`: what adding one highlight feels like with 5,000 present. The built reading view over the real
 * handlers (app-page.ts) opens the 1 MB article with its 5,000 highlights; a passage between highlights is
 * selected in the page, H opens the Highlight editor (the command table's `highlight`), and Ctrl+Enter (its
 * `save-highlight`) saves it. Each figure runs from that key press (the keydown event's own time stamp) through the
 * renderer store's call, the preload API, IPC dispatch, main's handler and its notebookChanged event back into the
 * store, until the new card is in the margin, its passage is registered with CSS.highlights, and that frame is
 * painted (an animation frame, then a task posted from it). Each run is undone before the next, so every run adds
 * to exactly 5,000.
 */
import type { Browser, Page } from '@playwright/test';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Notebook } from '../../shared/model';
import { appPage } from './app-page';
import { lazy, log, notes, record, SEED } from './context';
import { median } from './report';
import { generateArticle, generateSpans, notebookWithArticle, type Article, type Span } from './data';
import type { BenchPart } from './parts';

const ARTICLE_LENGTH = 1_000_000;
const HIGHLIGHTS = 5_000;
const RUNS = 7;
/** Opening the whole view took about 24 s on a quiet machine before it was virtualized: generous. */
const OPEN_TIMEOUT_MS = 300_000;
const STEP_TIMEOUT_MS = 120_000;

/** The reading view's article and highlights, from the same seeds as run.ts's articleNotebook. */
const articleData = lazy(() => {
  const article = generateArticle(SEED, ARTICLE_LENGTH);
  const spans = generateSpans(SEED + 1, article, HIGHLIGHTS);
  return { article, spans, notebook: notebookWithArticle(SEED + 2, article, spans) };
});

/**
 * `count` passages of four whole words that no highlight touches, each inside one paragraph, spread over the
 * article (a reader adds a highlight anywhere).
 */
export function freePassages(article: Article, spans: readonly Span[], count: number): Span[] {
  const free: Span[] = [];
  let s = 0;
  for (const block of article.blocks) {
    if (block.kind !== 'paragraph') continue;
    const words = [...article.text.slice(block.start, block.end).matchAll(/\S+/g)].map((m) => ({
      start: block.start + m.index,
      end: block.start + m.index + m[0].length,
    }));
    for (let w = 0; w + 4 <= words.length; w++) {
      const start = words[w]!.start;
      const end = words[w + 3]!.end;
      while (s < spans.length && spans[s]!.end <= start) s++;
      if (s < spans.length && spans[s]!.start < end) continue;
      free.push({ start, end });
      break;
    }
  }
  const step = free.length / count;
  return Array.from({ length: count }, (_, i) => free[Math.floor((i + 0.5) * step)]!);
}

async function waitFor<T>(
  what: string,
  problems: string[],
  check: () => Promise<T | null | false>,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (problems.length > 0) throw new Error(`The reading view failed: ${problems.join(' | ')}`);
    const value = await check();
    if (value !== null && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Waited ${timeoutMs / 1000} s for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Whether a passage of the text is registered with CSS.highlights, as one range in its block. */
function registered(page: Page, span: Span, quote: string): Promise<boolean> {
  return page.evaluate(
    ([start, text]) => {
      const block = document.querySelector(`.doc-text [data-start="${start}"]`);
      if (!block) return false;
      let found = false;
      CSS.highlights.forEach((highlight) => {
        for (const range of highlight) {
          if (!found && block.contains(range.startContainer) && range.toString() === text) found = true;
        }
      });
      return found;
    },
    [String(blockStartOf(span)), quote] as const,
  );
}

let blockStarts: number[] = [];
/** The start of the paragraph holding a span. */
function blockStartOf(span: Span): number {
  let lo = 0;
  let hi = blockStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (blockStarts[mid]! <= span.start) lo = mid;
    else hi = mid - 1;
  }
  return blockStarts[lo]!;
}

/** Scrolls the passage's paragraph to the middle of the window and selects the passage in it, as a drag would. */
async function selectPassage(
  page: Page,
  span: Span,
  blockStart: number,
  textLength: number,
  problems: string[],
): Promise<void> {
  const selected = () =>
    page.evaluate(
      ([blockAt, from, to, length]) => {
        const block = document.querySelector<HTMLElement>(`.doc-text [data-start="${blockAt}"]`);
        if (!block) {
          // Not in the DOM (a view that mounts only what is near the window): scroll towards where it would be,
          // by the share of the text between it and the mounted blocks, until its block is mounted.
          const blocks = document.querySelectorAll<HTMLElement>('.doc-text [data-start]');
          const first = Number(blocks[0]?.dataset.start ?? 0);
          const last = Number(blocks[blocks.length - 1]?.dataset.start ?? 0);
          const height = document.documentElement.scrollHeight;
          const gap = blockAt < first ? blockAt - first : blockAt - last;
          window.scrollBy({ top: (gap / length) * height + Math.sign(gap) * 200, behavior: 'instant' });
          return false;
        }
        block.scrollIntoView({ block: 'center', behavior: 'instant' });
        const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
        const range = document.createRange();
        let at = blockAt;
        let started = false;
        for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
          const end = at + node.data.length;
          if (!started && from >= at && from <= end) {
            range.setStart(node, from - at);
            started = true;
          }
          if (started && to >= at && to <= end) {
            range.setEnd(node, to - at);
            const selection = document.getSelection()!;
            selection.removeAllRanges();
            selection.addRange(range);
            return true;
          }
          at = end;
        }
        return false;
      },
      [blockStart, span.start, span.end, textLength] as const,
    );
  await waitFor('the passage to be selectable', problems, selected, STEP_TIMEOUT_MS);
}

/** Installs the watch for one add, started by the next Ctrl+Enter; `__addOne` resolves to its milliseconds. */
function watchAdd(page: Page, blockStart: number, quote: string): Promise<void> {
  return page.evaluate(
    ([blockAt, text, timeout]) => {
      const w = window as unknown as {
        __known: Set<string>;
        __addOne: Promise<{ ms: number; eventMs: number | null }>;
      };
      const known = w.__known;
      let pressed: number | null = null;
      let card: Element | null = null;
      const onKey = (event: KeyboardEvent) => {
        if (pressed === null && event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          pressed = event.timeStamp;
        }
      };
      window.addEventListener('keydown', onKey, true);
      const isNew = (el: Element) => {
        const id = el.getAttribute('data-annotation-id');
        return id !== null && !known.has(id) && el.closest('.margin') !== null;
      };
      const observer = new MutationObserver((records) => {
        if (card?.isConnected) return;
        for (const record of records) {
          if (record.type === 'attributes' && isNew(record.target as Element))
            card = record.target as Element;
          for (const node of record.addedNodes) {
            if (!(node instanceof Element)) continue;
            if (isNew(node)) card = node;
            else card = [...node.querySelectorAll('[data-annotation-id]')].find(isNew) ?? card;
          }
        }
      });
      observer.observe(document.body, {
        subtree: true,
        childList: true,
        attributes: true,
        attributeFilter: ['data-annotation-id'],
      });
      const painted = () => {
        const block = document.querySelector(`.doc-text [data-start="${blockAt}"]`);
        if (!block) return false;
        let found = false;
        CSS.highlights.forEach((highlight) => {
          for (const range of highlight) {
            if (!found && block.contains(range.startContainer) && range.toString() === text) found = true;
          }
        });
        return found;
      };
      const arrived = (window as unknown as { __parleyEventArrived: Record<string, number> })
        .__parleyEventArrived;
      const before = arrived['event:notebook-changed'];
      w.__addOne = new Promise<{ ms: number; eventMs: number | null }>((resolve, reject) => {
        const done = (value: { ms: number; eventMs: number | null } | Error) => {
          observer.disconnect();
          window.removeEventListener('keydown', onKey, true);
          clearTimeout(timer);
          if (value instanceof Error) reject(value);
          else resolve(value);
        };
        const timer = setTimeout(
          () =>
            done(
              new Error(
                `No ${card ? 'painted passage' : 'card'} ${timeout / 1000} s after Ctrl+Enter` +
                  (pressed === null ? ' (the key press never arrived)' : ''),
              ),
            ),
          timeout,
        );
        const frame = () => {
          // This frame shows the card and the passage: it is painted once a task posted from it runs.
          if (pressed !== null && card?.isConnected && painted()) {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => {
              const event = arrived['event:notebook-changed'];
              done({
                ms: performance.now() - pressed!,
                eventMs: event !== undefined && event !== before ? event - pressed! : null,
              });
            };
            channel.port2.postMessage(null);
          } else requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      });
    },
    [blockStart, quote, STEP_TIMEOUT_MS] as const,
  );
}

async function benchAddOne(browser: Browser): Promise<void> {
  log('Adding one highlight in the reading view…');
  const { article, spans, notebook } = articleData();
  blockStarts = article.blocks.map((b) => b.start);
  const passages = freePassages(article, spans, RUNS + 1);
  const dir = await mkdtemp(join(tmpdir(), 'parley-bench-add-'));
  try {
    const path = join(dir, 'notebook.json');
    await writeFile(path, JSON.stringify(notebook satisfies Notebook));
    const app = await appPage(browser, path);
    const { page, problems } = app;
    try {
      const opening = Date.now();
      await waitFor(
        'the reading view to show its highlights',
        problems,
        () =>
          page.evaluate(() => {
            let ranges = 0;
            CSS.highlights.forEach((highlight) => (ranges += highlight.size));
            return document.querySelector('.margin [data-annotation-id]') !== null && ranges > 0;
          }),
        OPEN_TIMEOUT_MS,
      );
      log(`  the view opened in ${((Date.now() - opening) / 1000).toFixed(1)} s`);
      // The functions handed to the page are compiled with their names kept (tsx), which calls a helper the page
      // lacks: an identity stands in for it.
      await page.evaluate('globalThis.__name = (fn) => fn');
      await page.evaluate(
        (ids) => Object.assign(window, { __known: new Set(ids) }),
        notebook.annotations.map((a) => a.id),
      );

      const samples: number[] = [];
      const editorSamples: number[] = [];
      const eventSamples: number[] = [];
      const editor = page.getByRole('dialog', { name: 'Highlight' });
      // The first passage is a warm-up, not counted.
      for (const [i, span] of passages.entries()) {
        const quote = article.text.slice(span.start, span.end);
        const blockStart = blockStartOf(span);
        await selectPassage(page, span, blockStart, article.text.length, problems);
        // Let the scroll settle (the painter registers what came into view) before the key.
        await page.evaluate(
          () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
        );
        const opened = Date.now();
        await page.keyboard.press('h');
        await editor.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
        const editorMs = Date.now() - opened;
        await watchAdd(page, blockStart, quote);
        await page.keyboard.press('Control+Enter');
        const { ms, eventMs } = await page.evaluate(
          () => (window as unknown as { __addOne: Promise<{ ms: number; eventMs: number | null }> }).__addOne,
        );
        if (eventMs === null) throw new Error('The add painted without its notebookChanged event.');
        if (!(await registered(page, span, quote))) throw new Error('The new passage is not painted.');
        await editor.waitFor({ state: 'hidden', timeout: STEP_TIMEOUT_MS });
        if (i > 0) {
          samples.push(ms);
          eventSamples.push(eventMs);
          editorSamples.push(editorMs);
        }
        log(
          `  add ${i}: ${ms.toFixed(1)} ms, its change event in the page after ${eventMs.toFixed(1)} ms ` +
            `(H to editor ${editorMs} ms, by the clock outside)`,
        );
        // Back to 5,000: the add is undone, and the next run starts once its card has left the margin.
        await page.evaluate(() =>
          (window as unknown as { parley: { undo(): Promise<unknown> } }).parley.undo(),
        );
        await waitFor(
          'the undone card to leave the margin',
          problems,
          () =>
            page.evaluate(() => {
              const known = (window as unknown as { __known: Set<string> }).__known;
              return ![...document.querySelectorAll('.margin [data-annotation-id]')].some(
                (el) => !known.has(el.getAttribute('data-annotation-id') ?? ''),
              );
            }),
          STEP_TIMEOUT_MS,
        );
      }
      record('add_one_ms', samples);
      const sorted = [...editorSamples].sort((a, b) => a - b);
      const eventMedian = median(eventSamples);
      notes.push(
        `add one: in the built reading view over the real handlers, with ${HIGHLIGHTS} highlights on the ` +
          `${(article.text.length / 1e6).toFixed(1)} MB article; a passage selected, H opens the Highlight editor ` +
          `(median ${sorted[sorted.length >> 1]} ms to the editor, by the clock outside the page, not counted), ` +
          'and add_one_ms runs from the Ctrl+Enter keydown through the store, preload API, IPC dispatch, main’s ' +
          'handler and its notebookChanged event until the new card is in the margin, its passage registered with ' +
          'CSS.highlights and that frame painted; each add is undone before the next. Of that, the path to main ' +
          `and back (from the key until the notebookChanged event reached the page) took a median ` +
          `${eventMedian.toFixed(1)} ms; the rest is the page's own work on the event and the save's reply ` +
          '(store, render, margin layout, painter, the editor closing)',
      );
    } finally {
      await app.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export const addOnePart: BenchPart = { name: 'add-one', run: benchAddOne };
