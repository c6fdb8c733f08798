/**
 * Find and the whole notebook's Markdown export at 100,000 highlights across 1,000 documents (scaleNotebook), in
 * Node, as `search_ms` and `export_md_ms` time them at 10,000: `search_100k_ms` is the median of different
 * one-word queries after a first (cold) one, whose time is a note; `export_all_100k_ms` the median of exports
 * after a first one. Find runs on a frozen copy, as the store holds a notebook (its index of passages and notes is
 * kept only for a frozen list); the same queries over the generated, unfrozen notebook time the scan of every
 * passage and note it replaces, for the note.
 */
import { exportNotebookMarkdown } from '../../main/core/export';
import { search } from '../../main/core/search';
import { freezeState } from '../../main/storage/history';
import { log, notes, record, timeRuns } from './context';
import { median } from './report';
import { searchTerms } from './data';
import type { BenchPart } from './parts';
import { SCALE_ANNOTATIONS, SCALE_DOCUMENTS, scaleNotebook } from './scale-data';

const RUNS = { search: 15, export: 5 };

async function benchScaleCore(): Promise<void> {
  log('Find and export at 100,000 highlights…');
  const generated = scaleNotebook();
  const nb = freezeState(structuredClone(generated));
  const terms = searchTerms(nb, RUNS.search + 1);
  const coldStart = performance.now();
  const cold = search(nb, { query: terms[0]! });
  const coldMs = performance.now() - coldStart;
  let hits = 0;
  record(
    'search_100k_ms',
    await timeRuns(RUNS.search, (i) => {
      const started = performance.now();
      hits += search(nb, { query: terms[i + 1]! }).total;
      return performance.now() - started;
    }),
  );
  search(generated, { query: terms[0]! });
  const scan = await timeRuns(RUNS.search, (i) => {
    const started = performance.now();
    search(generated, { query: terms[i + 1]! });
    return performance.now() - started;
  });
  notes.push(
    `search 100k: ${RUNS.search} different one-word queries over ${SCALE_ANNOTATIONS.toLocaleString('en')} ` +
      `highlights in ${SCALE_DOCUMENTS.toLocaleString('en')} documents, after a first (cold) one ` +
      `(${coldMs.toFixed(0)} ms, ${cold.total} hits) that folds every title, passage and note and indexes every ` +
      `text; ${Math.round(hits / RUNS.search)} hits on average; the scan of every passage and note instead of ` +
      `the index: median ${median(scan).toFixed(1)} ms`,
  );

  const now = new Date(Date.UTC(2026, 10, 30));
  const first = performance.now();
  let length = exportNotebookMarkdown(nb, { now }).length;
  const firstMs = performance.now() - first;
  record(
    'export_all_100k_ms',
    await timeRuns(RUNS.export, () => {
      const started = performance.now();
      length = exportNotebookMarkdown(nb, { now }).length;
      return performance.now() - started;
    }),
  );
  notes.push(
    `export 100k: the whole notebook as one Markdown file, ${(length / 1e6).toFixed(1)} million characters; ` +
      `the first export took ${firstMs.toFixed(0)} ms`,
  );
}

export const scaleCorePart: BenchPart = { name: 'scale-core', run: benchScaleCore };
