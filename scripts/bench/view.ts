/**
 * The reading view of a big article, as a reader meets it: the 1 MB article with 5,000 highlights and notes (the
 * same generated data, from the same seeds, as the painting and heap figures) opened from the library while a
 * short document is open, until its first screen of text, highlights and margin notes is painted and the page
 * answers input (`open_ms`); the slowest frame while the whole article is scrolled at a steady speed
 * (`scroll_frame_ms`, which includes the painter registering the passages scrolling brings near); and the
 * renderer's JS heap with that view open, after garbage collection (`open_heap_mb`).
 */
import type { Browser, Page } from '@playwright/test';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Notebook } from '../../shared/model';
import { appPage } from './app-page';
import { lazy, log, notes, record, SEED, timeRuns } from './context';
import { generateArticle, generateNotebook, generateSpans, notebookWithArticle } from './data';

const ARTICLE_LENGTH = 1_000_000;
const HIGHLIGHTS = 5_000;
const RUNS = { open: 5, heap: 3 };
/** How far each frame scrolls: a steady, brisk scroll (about 12,000 px a second at 60 frames a second). */
const SCROLL_STEP = 200;

/** The article with its highlights (the seeds run.ts uses), beside a short document that is open first. */
const viewNotebook = lazy((): { notebook: Notebook; articleId: string; shortId: string } => {
  const article = generateArticle(SEED, ARTICLE_LENGTH);
  const spans = generateSpans(SEED + 1, article, HIGHLIGHTS);
  const withArticle = notebookWithArticle(SEED + 2, article, spans);
  const other = generateNotebook(SEED + 5, 1, 3_000, 0).documents[0]!;
  const shortDoc = {
    ...other,
    id: other.id.replace(/.$/, (c) => (c === 'f' ? 'e' : 'f')),
    openedAt: new Date(Date.UTC(2026, 0, 2)).toISOString(),
  };
  const articleId = withArticle.documents[0]!.id;
  if (shortDoc.id === articleId) throw new Error('The short document needs an id of its own.');
  return {
    notebook: { ...withArticle, documents: [...withArticle.documents, shortDoc] },
    articleId,
    shortId: shortDoc.id,
  };
});

/**
 * Clicks the library's entry for `id` inside the page and resolves, in page time, when that document's title is
 * shown with text, `cards` or more note cards (when it has notes) and painted passages, after the frame that shows
 * them is painted and a task posted from it has run (the page answers input).
 */
async function openFromLibrary(page: Page, id: string, expectNotes: boolean): Promise<number> {
  return page.evaluate(
    ([documentId, withNotes]) =>
      new Promise<number>((resolve, reject) => {
        const button = document.querySelector<HTMLElement>(
          `.library__item[data-document-id="${documentId}"] .library__open`,
        );
        if (!button) {
          reject(new Error(`No library entry for ${documentId}.`));
          return;
        }
        const ready = () => {
          const current = document.querySelector(
            `.library__item[data-document-id="${documentId}"] [aria-current]`,
          );
          const text = document.querySelector('.reading .doc-text [data-start]');
          if (!current || !text || text.getBoundingClientRect().top > window.innerHeight) return false;
          if (!withNotes) return true;
          let ranges = 0;
          CSS.highlights.forEach((highlight, name) => {
            if (name.startsWith('parley-t-') || name === 'parley-untagged') ranges += highlight.size;
          });
          const card = document.querySelector<HTMLElement>('.margin .card[data-placed]');
          return ranges > 0 && card !== null && card.getBoundingClientRect().top < window.innerHeight;
        };
        const deadline = performance.now() + 180_000;
        const started = performance.now();
        button.click();
        const frame = () => {
          if (performance.now() > deadline) {
            reject(new Error('The document did not open in 3 minutes.'));
            return;
          }
          if (!ready()) {
            requestAnimationFrame(frame);
            return;
          }
          // Shown in this frame: the time is when a task posted from it runs, after its style, layout and paint.
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve(performance.now() - started);
          channel.port2.postMessage(null);
        };
        requestAnimationFrame(frame);
      }),
    [id, expectNotes] as const,
  );
}

/**
 * Scrolls the window from the top to the bottom of the article by `step` pixels a frame and gives the longest
 * frame: from the first scroll event of a frame (or its animation frame callback) to a task posted from that
 * callback, which runs after the frame's style, layout and paint.
 */
async function scrollWhole(
  page: Page,
  step: number,
): Promise<{ slowest: number; frames: number; height: number }> {
  return page.evaluate(
    (pixels) =>
      new Promise<{ slowest: number; frames: number; height: number }>((resolve) => {
        window.scrollTo({ top: 0, behavior: 'instant' });
        let frameStart: number | null = null;
        const onScroll = () => {
          frameStart ??= performance.now();
        };
        window.addEventListener('scroll', onScroll, { capture: true, passive: true });
        let slowest = 0;
        let frames = 0;
        let stuck = 0;
        const frame = () => {
          const start = frameStart ?? performance.now();
          frameStart = null;
          const before = window.scrollY;
          window.scrollBy({ top: pixels, behavior: 'instant' });
          stuck = window.scrollY === before ? stuck + 1 : 0;
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            frames++;
            slowest = Math.max(slowest, performance.now() - start);
            if (stuck >= 5) {
              window.removeEventListener('scroll', onScroll, { capture: true });
              resolve({ slowest, frames, height: document.documentElement.scrollHeight });
            } else requestAnimationFrame(frame);
          };
          channel.port2.postMessage(null);
        };
        // Two quiet frames first, so the scroll starts from a settled page.
        requestAnimationFrame(() => requestAnimationFrame(frame));
      }),
    step,
  );
}

async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / (1024 * 1024);
}

async function counts(page: Page): Promise<{ blocks: number; cards: number }> {
  return page.evaluate(() => ({
    blocks: document.querySelectorAll('.reading .doc-text [data-start]').length,
    cards: document.querySelectorAll('.margin .card').length,
  }));
}

export async function benchView(browser: Browser): Promise<void> {
  log('The reading view of the big article…');
  const { notebook, articleId, shortId } = viewNotebook();
  const dir = await mkdtemp(join(tmpdir(), 'parley-bench-view-'));
  try {
    const path = join(dir, 'notebook.json');
    await writeFile(path, JSON.stringify(notebook));
    const app = await appPage(browser, path);
    const failed = () => {
      if (app.problems.length > 0) throw new Error(`The reading view failed: ${app.problems.join(' | ')}`);
    };
    try {
      const { page } = app;
      // The functions below are compiled with their names kept (esbuild's __name helper), which the page lacks.
      await page.evaluate('globalThis.__name = (f) => f');
      await page.waitForSelector(`.library__item[data-document-id="${shortId}"] [aria-current]`, {
        timeout: 60_000,
      });
      let shown = { blocks: 0, cards: 0 };
      const samples = await timeRuns(RUNS.open, async () => {
        await openFromLibrary(page, shortId, false);
        const ms = await openFromLibrary(page, articleId, true);
        failed();
        shown = await counts(page);
        return ms;
      });
      record('open_ms', samples);
      notes.push(
        `open: the ${(ARTICLE_LENGTH / 1e6).toFixed(0)} MB article with ${HIGHLIGHTS} highlights and notes, clicked in ` +
          'the library while a short document is open, until its title, text, painted passages and a placed note ' +
          'card are on screen and a task posted from that frame has run; ' +
          `${shown.blocks} blocks and ${shown.cards} note cards were then in the page`,
      );

      const heap = await timeRuns(RUNS.heap, () => heapMb(page));
      record('open_heap_mb', heap);

      const scrolled = await scrollWhole(page, SCROLL_STEP);
      failed();
      record('scroll_frame_ms', [scrolled.slowest]);
      const after = await counts(page);
      notes.push(
        `scroll: the whole article (${Math.round(scrolled.height).toLocaleString('en')} px) at ${SCROLL_STEP} px a ` +
          `frame, ${scrolled.frames} frames; the slowest from its first scroll event to a task posted after its ` +
          'paint, with the mounting of blocks and cards and the registration of passages that scrolling brings ' +
          `near; at the bottom ${after.blocks} blocks and ${after.cards} cards were in the page`,
      );
      notes.push(
        'open heap: the renderer with that view open, after two garbage collections (CDP ' +
          'HeapProfiler.collectGarbage, then Runtime.getHeapUsage usedSize)',
      );
    } finally {
      await app.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
