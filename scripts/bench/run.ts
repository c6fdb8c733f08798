/**
 * `npm run bench`: times Parley's own code on generated data, in Node and in Debian's Chromium, against the peers
 * the issue names, and prints a table, or with `--json` only one JSON object of the figures on stdout. Progress
 * goes to stderr. Each figure is the median of several runs; the number of runs is printed with it.
 */
import { chromium, type Browser } from '@playwright/test';
import { mkdtemp, open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { locate } from '../../main/core/anchoring';
import { exportNotebookMarkdown } from '../../main/core/export';
import type { Notebook } from '../../shared/model';
import { openDocument } from '../../main/core/notebook';
import { search } from '../../main/core/search';
import { buildTextIndex } from '../../main/core/text-search';
import { DurableJsonFile } from '../../main/storage/durable-file';
import { openNotebookStore } from '../../main/storage/notebook-store';
import { pageScript } from '../page-script';
import {
  editArticle,
  generateArticle,
  generateNotebook,
  generateSpans,
  notebookWithArticle,
  paintColours,
  searchTerms,
} from './data';
import type { BenchWindow, PageSpan } from './page-api';
import { matchQuote } from './quote-match';
import { passageTruth, scoreAnswers, type Score } from './edit-truth';
import { chromiumPath } from '../chromium-path';
import { FIGURE_KEYS, formatJson, formatTable, median, type Figures } from './report';
import { figures, log, notes, record, recordOnce, runsOf, SEED, timeRuns } from './context';
import { appPage } from './app-page';
import { PARTS } from './parts';
import { benchVersions } from './versions';
import { benchSync } from './sync';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CHROMIUM = chromiumPath();
const json = process.argv.includes('--json');
/** `--only=paint,heap` runs some parts (PART_NAMES), for working on one figure. */
const only = process.argv
  .find((arg) => arg.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const PART_NAMES = [
  'reanchor',
  'versions',
  'sync',
  'export',
  'storage',
  'paint',
  'heap',
  ...PARTS.map((part) => part.name),
];
const unknown = only?.filter((name) => !PART_NAMES.includes(name)) ?? [];
if (unknown.length > 0) {
  process.stderr.write(
    `The bench has no part ${unknown.map((name) => `"${name}"`).join(', ')}: --only takes a comma-separated list of ` +
      `${PART_NAMES.join(', ')}.\n`,
  );
  process.exit(2);
}
const selected = (part: string) => only === undefined || only.includes(part);

const ARTICLE_LENGTH = 1_000_000;
const HIGHLIGHTS = 5_000;
const EDITS = 250;
const DOCUMENTS = 100;
const DOCUMENT_LENGTH = 10_000;
const ANNOTATIONS = 10_000;

/** Runs per figure. */
const RUNS = {
  paint: 7,
  markjs: 3,
  addOne: 15,
  save: 9,
  load: 5,
  reanchor: 5,
  reanchorNaive: 3,
  exportMd: 7,
  search: 15,
  searchIndex: 5,
  heap: 3,
};

// ---------------------------------------------------------------------------------------------------------------
// Data

log(`Generating data (seed ${SEED})…`);
const article = generateArticle(SEED, ARTICLE_LENGTH);
const spans = generateSpans(SEED + 1, article, HIGHLIGHTS);
const articleNotebook = notebookWithArticle(SEED + 2, article, spans);
const edited = editArticle(SEED + 3, article.text, EDITS);
const bigNotebook = generateNotebook(SEED + 4, DOCUMENTS, DOCUMENT_LENGTH, ANNOTATIONS);
const notebookBytes = Buffer.byteLength(JSON.stringify(bigNotebook));
log(
  `  article ${article.text.length} characters, ${article.blocks.length} blocks, ${spans.length} highlights; ` +
    `${edited.edits} edits; notebook ${bigNotebook.documents.length} documents, ` +
    `${bigNotebook.annotations.length} annotations, ${(notebookBytes / 1e6).toFixed(1)} MB`,
);

// ---------------------------------------------------------------------------------------------------------------
// Re-anchoring: ours (what opening a document does) against fuzzy matching of every quote over the whole text

/** Opening a document keeps the folded text of the last one; another text in between makes each run start cold. */
function forgetFoldedText(): void {
  locate('a different text', { exact: 'absent', prefix: 'x', suffix: 'y' });
}

async function benchReanchor(): Promise<void> {
  log('Re-anchoring…');
  const doc = articleNotebook.documents[0]!;
  const editedNotebook: Notebook = { ...articleNotebook, documents: [{ ...doc, text: edited.text }] };
  forgetFoldedText();
  openDocument(editedNotebook, doc.id); // warm-up, not counted
  let ours: Map<string, { start: number; end: number } | null> = new Map();
  const samples = await timeRuns(RUNS.reanchor, () => {
    forgetFoldedText();
    const started = performance.now();
    const opened = openDocument(editedNotebook, doc.id);
    const ms = performance.now() - started;
    const review = new Set(opened.needsReview);
    ours = new Map(opened.annotations.map((a) => [a.id, review.has(a.id) ? null : a.target]));
    return ms;
  });
  record('reanchor_ms', samples);

  let naive: Array<{ start: number; end: number } | null> = [];
  const naiveSamples = await timeRuns(RUNS.reanchorNaive, () => {
    const started = performance.now();
    naive = articleNotebook.annotations.map((a) =>
      matchQuote(edited.text, a.target.exact, {
        prefix: a.target.prefix,
        suffix: a.target.suffix,
        hint: a.target.start,
      }),
    );
    return performance.now() - started;
  });
  record('reanchor_naive_ms', naiveSamples);

  let agree = 0;
  let oursFound = 0;
  let naiveFound = 0;
  articleNotebook.annotations.forEach((a, i) => {
    const mine = ours.get(a.id) ?? null;
    const theirs = naive[i] ?? null;
    if (mine) oursFound++;
    if (theirs) naiveFound++;
    if (
      mine === null
        ? theirs === null
        : theirs !== null && mine.start === theirs.start && mine.end === theirs.end
    ) {
      agree++;
    }
  });
  figures.reanchor_agree = agree / articleNotebook.annotations.length;
  runsOf.reanchor_agree = 1;

  // Against the truth: where each passage really went (edit-truth.ts says how it is worked out and scored).
  const truth = passageTruth(
    article.text,
    edited.text,
    edited.changes,
    articleNotebook.annotations.map((a) => a.target),
  );
  const mine = scoreAnswers(
    truth,
    articleNotebook.annotations.map((a) => ours.get(a.id) ?? null),
  );
  const theirs = scoreAnswers(truth, naive);
  recordOnce('reanchor_correct', mine.correct);
  recordOnce('reanchor_wrong', mine.wrong);
  recordOnce('reanchor_naive_correct', theirs.correct);
  recordOnce('reanchor_naive_wrong', theirs.wrong);
  const counts = (score: Score) =>
    `${score.counts.correct} correct, ${score.counts.wrong} wrong, ${score.counts.needlessReview} intact ones sent ` +
    'to review';
  notes.push(
    `re-anchoring against the truth: the edits changed the quoted text of ${mine.counts.destroyed} of ` +
      `${HIGHLIGHTS} passages (or removed it); a highlight is correct when placed exactly where its passage went, ` +
      'or when its quote was destroyed and it is sent to review; wrong when placed anywhere else; an intact one ' +
      'sent to review is neither. ' +
      `Ours: ${counts(mine)}; the fuzzy search: ${counts(theirs)}`,
  );
  notes.push(
    `re-anchoring: ${edited.edits} edits (${Object.entries(edited.kinds)
      .map(([kind, n]) => `${n} ${kind}`)
      .join(
        ', ',
      )}); ours placed ${oursFound} of ${HIGHLIGHTS} and sent ${HIGHLIGHTS - oursFound} to review, ` +
      `the fuzzy search placed ${naiveFound}; both gave the same span (or both none) for ${agree}`,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Export and search over the big notebook

async function benchExportAndSearch(): Promise<void> {
  log('Markdown export and search…');
  const now = new Date(Date.UTC(2026, 10, 30));
  let length = 0;
  exportNotebookMarkdown(bigNotebook, { now }); // warm-up
  record(
    'export_md_ms',
    await timeRuns(RUNS.exportMd, () => {
      const started = performance.now();
      length = exportNotebookMarkdown(bigNotebook, { now }).length;
      return performance.now() - started;
    }),
  );
  notes.push(
    `export: the whole notebook, ${ANNOTATIONS} annotations in ${DOCUMENTS} documents, ${length} characters`,
  );

  // The full-text index: built for each document the first time it is searched after the notebook opens.
  const characters = bigNotebook.documents.reduce((n, d) => n + d.text.length, 0);
  buildTextIndex(bigNotebook.documents[0]!.text, bigNotebook.documents[0]!.blocks); // warm-up
  record(
    'search_index_ms',
    await timeRuns(RUNS.searchIndex, () => {
      const started = performance.now();
      for (const doc of bigNotebook.documents) buildTextIndex(doc.text, doc.blocks);
      return performance.now() - started;
    }),
  );
  notes.push(
    `search index: built lazily, not stored: the first query after a notebook opens indexes the text of every ` +
      `document (${DOCUMENTS} documents, ${characters.toLocaleString('en')} characters here), and a changed ` +
      `document is indexed again at the next query; search_index_ms is that build`,
  );

  const terms = searchTerms(bigNotebook, RUNS.search + 1);
  const coldStart = performance.now();
  const cold = search(bigNotebook, { query: terms[0]! });
  const coldMs = performance.now() - coldStart;
  // The first query after the notebook opens is the one a reader waits longest for: it is a figure of its own.
  recordOnce('search_cold_ms', coldMs);
  let hits = 0;
  record(
    'search_ms',
    await timeRuns(RUNS.search, (i) => {
      const started = performance.now();
      hits += search(bigNotebook, { query: terms[i + 1]! }).total;
      return performance.now() - started;
    }),
  );
  notes.push(
    `search: search_ms is the median of ${RUNS.search} different one-word queries after a first one; ` +
      `search_cold_ms is that first one (${cold.total} hits), the first search since the notebook was loaded, which ` +
      `folds and caches every title, passage and note and indexes every text; ${Math.round(hits / RUNS.search)} ` +
      `hits on average, in titles, passages, notes and the full text`,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Saving and loading

async function benchStorage(): Promise<void> {
  log('Saving and loading…');
  const dir = await mkdtemp(join(tmpdir(), 'parley-bench-'));
  try {
    const path = join(dir, 'notebook.json');
    await new DurableJsonFile<Notebook>(path).write(bigNotebook);
    const store = await openNotebookStore(path, { debounceMs: 0 });
    const samples = await timeRuns(RUNS.save, async (i) => {
      const started = performance.now();
      store.change((nb) => {
        nb.annotations[i]!.note = `Edited in run ${i}.`;
      }, 'Edit note');
      await store.flush();
      return performance.now() - started;
    });
    await store.close();
    record('save_ms', samples);

    const rawPath = join(dir, 'raw.json');
    const data = store.data;
    record(
      'save_raw_ms',
      await timeRuns(RUNS.save, async (i) => {
        const started = performance.now();
        const text = JSON.stringify(data);
        const temp = `${rawPath}.${i}.tmp`;
        const handle = await open(temp, 'wx');
        try {
          await handle.writeFile(text, 'utf8');
          await handle.sync();
        } finally {
          await handle.close();
        }
        await rename(temp, rawPath);
        return performance.now() - started;
      }),
    );
    notes.push(
      `save: one note edited, then the store's coalesced durable write of the whole ${(notebookBytes / 1e6).toFixed(1)} MB ` +
        'notebook until it is on disk; raw: JSON.stringify + write + fsync + rename of the same data',
    );

    record(
      'load_ms',
      await timeRuns(RUNS.load, async () => {
        const started = performance.now();
        const reopened = await openNotebookStore(path, { createIfMissing: false });
        const ms = performance.now() - started;
        if (reopened.data.annotations.length !== ANNOTATIONS)
          throw new Error('The notebook did not load whole.');
        await reopened.close();
        return ms;
      }),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Painting in Chromium: ours and mark.js on the same rendered article

const BENCH_ORIGIN = 'http://parley-bench.test';

async function benchPainting(browser: Browser): Promise<void> {
  log('Painting in Chromium…');
  const script = await pageScript(resolve(ROOT, 'scripts/bench/page.ts'));
  const css = await readFile(resolve(ROOT, 'dist/renderer/app.css'), 'utf8');
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  try {
    await page.route(`${BENCH_ORIGIN}/**`, (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path === '/bench.js') return route.fulfill({ body: script, contentType: 'text/javascript' });
      if (path === '/app.css') return route.fulfill({ body: css, contentType: 'text/css' });
      return route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="app.css"></head><body><script src="bench.js"></script></body></html>',
      });
    });
    await page.goto(`${BENCH_ORIGIN}/`);
    const colours = paintColours(articleNotebook);
    const pageSpans: PageSpan[] = spans.map((span, i) => ({ ...span, colour: colours[i] ?? null }));
    await page.evaluate(
      ([text, blocks, items]) => (globalThis as unknown as BenchWindow).bench.load(text, blocks, items),
      [article.text, article.blocks, pageSpans] as const,
    );

    await page.evaluate(() => (globalThis as unknown as BenchWindow).bench.paintOurs()); // warm-up
    record(
      'paint_ms',
      await timeRuns(RUNS.paint, () =>
        page.evaluate(() => (globalThis as unknown as BenchWindow).bench.paintOurs()),
      ),
    );
    const ours = await page.evaluate(() => (globalThis as unknown as BenchWindow).bench.checkOurs());
    if (ours.painted !== HIGHLIGHTS || ours.wrong !== 0) {
      throw new Error(`Our painter painted ${ours.painted} ranges, ${ours.wrong} of them wrong.`);
    }

    // The painter's own share of adding one (its diff and the frame), for the note; add_one_ms (add-one.ts) is the
    // whole of it, from the key press in the app.
    const painterAdds = await timeRuns(RUNS.addOne, (i) =>
      page.evaluate(
        (which) => (globalThis as unknown as BenchWindow).bench.addOne(which),
        (i * 331) % HIGHLIGHTS,
      ),
    );
    const afterAdd = await page.evaluate(() => (globalThis as unknown as BenchWindow).bench.checkOurs());
    if (afterAdd.painted !== HIGHLIGHTS || afterAdd.wrong !== 0) {
      throw new Error(
        `After adding one, our painter holds ${afterAdd.painted} ranges, ${afterAdd.wrong} wrong.`,
      );
    }

    record(
      'paint_markjs_ms',
      await timeRuns(RUNS.markjs, () =>
        page.evaluate(() => (globalThis as unknown as BenchWindow).bench.paintMarkJs()),
      ),
    );
    const marks = await page.evaluate(() => (globalThis as unknown as BenchWindow).bench.checkMarkJs());
    if (marks.painted !== HIGHLIGHTS || marks.wrong !== 0) {
      throw new Error(`mark.js made ${marks.painted} marks, ${marks.wrong} of them wrong.`);
    }
    notes.push(
      `painting: ${HIGHLIGHTS} highlights on the ${(article.text.length / 1e6).toFixed(1)} MB article in a 1280×860 ` +
        'page styled by the app; each time runs from the start of an animation frame to a task posted from it, after ' +
        "the frame's style, layout and paint on the main thread; ours starts from a cleared painter each run; the " +
        `painter alone adds one to the other ${HIGHLIGHTS - 1} and paints it in ${median(painterAdds).toFixed(2)} ms ` +
        `(median of ${painterAdds.length}), part of add_one_ms`,
    );
  } finally {
    await page.close();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The reading view's heap: the built renderer over the real handlers, with the article and its highlights

async function benchHeap(browser: Browser): Promise<void> {
  log('The reading view’s heap…');
  const dir = await mkdtemp(join(tmpdir(), 'parley-bench-heap-'));
  try {
    const path = join(dir, 'notebook.json');
    await writeFile(path, JSON.stringify(articleNotebook));
    const samples = await timeRuns(RUNS.heap, async () => {
      const app = await appPage(browser, path);
      try {
        // Opened: the text near the viewport is in the page with its passages painted and their cards in the
        // margin (the reading column mounts only the chunks near the viewport, and a card with its passage's text).
        const opened = () =>
          app.page.evaluate(() => {
            let ranges = 0;
            CSS.highlights.forEach((highlight, name) => {
              if (name.startsWith('parley-t-') || name === 'parley-untagged') ranges += highlight.size;
            });
            return { cards: document.querySelectorAll('.card').length, ranges };
          });
        const deadline = Date.now() + 180_000;
        let state = await opened();
        while (state.cards === 0 || state.ranges === 0) {
          if (Date.now() > deadline) {
            throw new Error(
              `The reading view showed ${state.cards} notes and painted ${state.ranges} ` +
                'passages in 3 minutes.' +
                (app.problems.length > 0 ? ` The page said: ${app.problems.join(' | ')}` : ''),
            );
          }
          if (app.problems.length > 0)
            throw new Error(`The reading view failed: ${app.problems.join(' | ')}`);
          await new Promise((resolve) => setTimeout(resolve, 500));
          state = await opened();
        }
        const cdp = await app.page.context().newCDPSession(app.page);
        await cdp.send('HeapProfiler.collectGarbage');
        await cdp.send('HeapProfiler.collectGarbage');
        const { usedSize } = await cdp.send('Runtime.getHeapUsage');
        return usedSize / (1024 * 1024);
      } finally {
        await app.close();
      }
    });
    record('renderer_heap_mb', samples);
    notes.push(
      'heap: the built reading view over the real handlers, once open (the text near the viewport with its ' +
        'passages painted and their notes in the margin), ' +
        'after two garbage collections (CDP HeapProfiler.collectGarbage, then Runtime.getHeapUsage usedSize)',
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const started = Date.now();
  if (selected('reanchor')) await benchReanchor();
  if (selected('versions')) await benchVersions();
  if (selected('sync')) await benchSync();
  if (selected('export')) await benchExportAndSearch();
  if (selected('storage')) await benchStorage();
  // The parts that run in Node alone need no browser: one run of them only does not start Chromium.
  const inBrowser = ['paint', 'heap', ...PARTS.map((part) => part.name)];
  if (!inBrowser.some(selected)) {
    report(null, started);
    return;
  }
  const browser = await chromium.launch({
    ...(CHROMIUM ? { executablePath: CHROMIUM } : {}),
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  const browserVersion = browser.version();
  try {
    if (selected('paint')) await benchPainting(browser);
    if (selected('heap')) await benchHeap(browser);
    for (const part of PARTS) if (selected(part.name)) await part.run(browser);
  } finally {
    await browser.close();
  }
  report(browserVersion, started);
}

/** Prints the figures: the JSON object, or the table with its notes. */
function report(browserVersion: string | null, started: number): void {
  const result = figures as Figures;
  if (json) {
    process.stdout.write(`${formatJson(result, { partial: only !== undefined })}\n`);
    return;
  }
  const runs = FIGURE_KEYS.map((key) => `${key} ${runsOf[key] ?? 0}`).join(', ');
  process.stdout.write(
    [
      `Parley bench — ${new Date().toISOString()}, Node ${process.version}, ` +
        `${browserVersion ? `Chromium ${browserVersion}` : 'no browser'}, ${cpus().length} cores`,
      '',
      formatTable(result),
      '',
      `Medians of runs: ${runs}.`,
      ...(only === undefined ? [`As JSON (--json): ${formatJson(result)}`] : []),
      ...notes.map((note) => `- ${note}`),
      `Took ${Math.round((Date.now() - started) / 1000)} s.`,
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
