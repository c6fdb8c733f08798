/**
 * `reanchor_version_ms` (part `versions`): a newer version of the 1 MB article, after 200 edits scattered through it
 * (sentences inserted and removed, words replaced, letters swapped, commas added: editArticle), imported over it
 * with its 5,000 highlights: the paragraphs of the two versions aligned, each highlight carried across and given
 * its state (main/core/versions addVersion, on the plain notebook). Node only. The states it came to are in the
 * notes, with what the edits did to the passages (edit-truth.ts), and the same import through a notebook store (an
 * undoable change of the whole notebook) for what the app pays beside it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addVersion } from '../../main/core/versions';
import type { DocumentDraft } from '../../main/core/import-text';
import { openNotebookStore } from '../../main/storage/notebook-store';
import type { Block, CarryState, Notebook } from '../../shared/model';
import { editArticle, generateArticle, generateSpans, notebookWithArticle } from './data';
import { passageTruth } from './edit-truth';
import { log, notes, record, SEED, timeRuns } from './context';

const ARTICLE_LENGTH = 1_000_000;
const HIGHLIGHTS = 5_000;
const EDITS = 200;
const RUNS = 7;
const STORE_RUNS = 3;

/** The text's blocks: a heading, then a paragraph per run of text between blank lines. */
function blocksOf(text: string): Block[] {
  const blocks: Block[] = [];
  let start = 0;
  for (;;) {
    const end = text.indexOf('\n\n', start);
    const stop = end === -1 ? text.length : end;
    blocks.push({ kind: blocks.length === 0 ? 'heading' : 'paragraph', start, end: stop });
    if (end === -1) return blocks;
    start = end + 2;
  }
}

/** A copy of the notebook that addVersion may change: its documents, highlights and versions, not their texts. */
function fresh(nb: Notebook): Notebook {
  return {
    ...nb,
    documents: nb.documents.map((doc) => ({ ...doc })),
    annotations: nb.annotations.map((a) => ({ ...a })),
    versions: [],
  };
}

export async function benchVersions(): Promise<void> {
  log('Re-anchoring onto a new version…');
  const article = generateArticle(SEED, ARTICLE_LENGTH);
  const spans = generateSpans(SEED + 1, article, HIGHLIGHTS);
  const notebook = notebookWithArticle(SEED + 2, article, spans);
  const edited = editArticle(SEED + 5, article.text, EDITS);
  const doc = notebook.documents[0]!;
  const draft: DocumentDraft = {
    title: doc.title,
    source: doc.source,
    published: doc.published,
    url: doc.url,
    format: doc.format,
    text: edited.text,
    blocks: blocksOf(edited.text),
  };
  const when = new Date('2026-11-30T12:00:00.000Z');
  addVersion(fresh(notebook), doc.id, draft, when); // warm-up, not counted
  let counts: Record<CarryState, number> | null = null;
  let after: Notebook = notebook;
  const samples = await timeRuns(RUNS, () => {
    const nb = fresh(notebook);
    const started = performance.now();
    const added = addVersion(nb, doc.id, draft, when);
    const ms = performance.now() - started;
    counts = added.counts;
    after = nb;
    return ms;
  });
  record('reanchor_version_ms', samples);

  const truth = passageTruth(
    article.text,
    edited.text,
    edited.changes,
    notebook.annotations.map((a) => a.target),
  );
  const intact = truth.filter((t) => t.intact).length;
  // Kept and moved ones are placed on the same quote: each against where its passage really went.
  let placedRight = 0;
  let placedWrong = 0;
  let intactNotKept = 0;
  after.annotations.forEach((a, i) => {
    const state = a.carried?.state;
    const proposed = a.carried?.proposed;
    const went = truth[i]!;
    if (went.intact && state !== 'kept' && state !== 'moved') intactNotKept++;
    if (!proposed || (state !== 'kept' && state !== 'moved')) return;
    if (went.went && proposed.start === went.went.start && proposed.end === went.went.end) placedRight++;
    else placedWrong++;
  });
  const c = counts!;
  notes.push(
    `re-anchoring onto a new version: ${edited.edits} edits (${Object.entries(edited.kinds)
      .map(([kind, n]) => `${n} ${kind}`)
      .join(', ')}) left ${intact} of ${HIGHLIGHTS} passages reading as their quotes; the import came to ` +
      `${c.kept} kept, ${c.moved} moved, ${c.changed} changed, ${c.lost} lost. Of those kept or moved, ` +
      `${placedRight} are placed exactly where their passage went and ${placedWrong} elsewhere; ` +
      `${intactNotKept} intact passages were sent to review as changed or lost`,
  );

  // The same import as the app makes it: one undoable change of a notebook store, with its history.
  const dir = await mkdtemp(join(tmpdir(), 'parley-bench-versions-'));
  try {
    const storeSamples: number[] = [];
    for (let i = 0; i < STORE_RUNS; i++) {
      const store = await openNotebookStore(join(dir, `notebook-${i}.json`), { debounceMs: 60_000 });
      store.change((nb) => {
        nb.documents = notebook.documents.map((d) => ({ ...d }));
        nb.annotations = notebook.annotations.map((a) => ({ ...a }));
      });
      const started = performance.now();
      store.change((nb) => addVersion(nb, doc.id, draft, when), 'Import new version');
      storeSamples.push(performance.now() - started);
      await store.close();
    }
    storeSamples.sort((a, b) => a - b);
    notes.push(
      `the same import as one undoable change of a notebook store (immer draft, history and change event): median ` +
        `${storeSamples[Math.floor(storeSamples.length / 2)]!.toFixed(0)} ms of ${STORE_RUNS}`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
