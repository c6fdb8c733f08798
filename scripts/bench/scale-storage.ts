/**
 * Saving and loading the notebook of years of work (scale-data.ts: 100,000 highlights across 1,000 documents):
 * - save_100k_ms: one highlight's note edited, then the store's whole durable write (the journal folded into the
 *   file: serialize, temp file, fsync, rename, fsync the folder, and a new journal) until it is on disk; peer,
 *   save_raw_100k_ms: JSON.stringify + write + fsync + rename of the same data, as run.ts's save_raw_ms.
 * - save_one_100k_ms: one highlight's note edited, from store.change until the store says it is on disk (a record
 *   appended to the journal and fdatasynced).
 * - load_100k_ms: opening that notebook as Parley left it (its file and the journal that names it), until the
 *   store holds it, frozen.
 * The notes say where the load's time goes, and what opening the same file costs without a journal that vouches
 * for it (read, parse, migrate and check against the schema).
 */
import { createHash } from 'node:crypto';
import { mkdtemp, open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { journalPathOf, notebookText, readOnDisk } from '../../main/storage/journal';
import { freezeState } from '../../main/storage/history';
import { openNotebookStore } from '../../main/storage/notebook-store';
import { log, notes, record, timeRuns } from './context';
import type { BenchPart } from './parts';
import { SCALE_ANNOTATIONS, scaleNotebook } from './scale-data';

const RUNS = { save: 3, saveOne: 30, load: 5 };

const elapsed = (started: number) => performance.now() - started;

async function run(): Promise<void> {
  log('Saving and loading 100,000 highlights…');
  const notebook = scaleNotebook();
  const dir = await mkdtemp(join(tmpdir(), 'parley-bench-scale-'));
  try {
    const path = join(dir, 'notebook.json');
    const text = JSON.stringify(notebook);
    const megabytes = (Buffer.byteLength(text) / 1e6).toFixed(1);
    // A notebook file as another program would leave it: no journal, so the first open checks it whole.
    await writeFile(path, text);
    let started = performance.now();
    const store = await openNotebookStore(path, { createIfMissing: false, debounceMs: 0 });
    const uncheckedLoad = elapsed(started);
    if (store.data.annotations.length !== SCALE_ANNOTATIONS)
      throw new Error('The notebook did not load whole.');

    record(
      'save_100k_ms',
      await timeRuns(RUNS.save, async (i) => {
        const begun = performance.now();
        store.change((nb) => {
          nb.annotations[i * 997]!.note = `Edited whole in run ${i}.`;
        }, 'Edit note');
        await store.checkpoint();
        return elapsed(begun);
      }),
    );

    record(
      'save_one_100k_ms',
      await timeRuns(RUNS.saveOne, async (i) => {
        const begun = performance.now();
        store.change((nb) => {
          nb.annotations[(i * 3_331) % SCALE_ANNOTATIONS]!.note = `Edited in run ${i}.`;
        }, 'Edit note');
        await store.flush();
        return elapsed(begun);
      }),
    );
    const journalBytes = (await readFile(journalPathOf(path))).length;
    started = performance.now();
    await store.close();
    const foldOnClose = elapsed(started);

    const rawPath = join(dir, 'raw.json');
    const data = store.data;
    record(
      'save_raw_100k_ms',
      await timeRuns(RUNS.save, async (i) => {
        const begun = performance.now();
        const raw = JSON.stringify(data);
        const temp = `${rawPath}.${i}.tmp`;
        const handle = await open(temp, 'wx');
        try {
          await handle.writeFile(raw, 'utf8');
          await handle.sync();
        } finally {
          await handle.close();
        }
        await rename(temp, rawPath);
        return elapsed(begun);
      }),
    );

    record(
      'load_100k_ms',
      await timeRuns(RUNS.load, async () => {
        const begun = performance.now();
        const reopened = await openNotebookStore(path, { createIfMissing: false });
        const ms = elapsed(begun);
        if (reopened.data.annotations.length !== SCALE_ANNOTATIONS)
          throw new Error('The notebook did not load whole.');
        await reopened.close();
        return ms;
      }),
    );

    // Where a load's time goes, step by step as the store takes them, once each.
    started = performance.now();
    const disk = await readOnDisk(path);
    const readAndHashMs = elapsed(started);
    started = performance.now();
    createHash('sha256').update(disk.bytes!).digest('hex');
    const hashMs = elapsed(started);
    started = performance.now();
    const decoded = notebookText(disk);
    const decodeMs = elapsed(started);
    started = performance.now();
    const parsed: unknown = JSON.parse(decoded);
    const parseMs = elapsed(started);
    started = performance.now();
    freezeState(parsed);
    const freezeMs = elapsed(started);

    notes.push(
      `save_100k: one note edited, then the store's whole durable write of the ${megabytes} MB notebook (the journal ` +
        'folded into the file, and a new journal) until on disk; raw: JSON.stringify + write + fsync + rename',
      `save_one_100k: one note edited until its journal record is fdatasynced (${RUNS.saveOne} saves made a ` +
        `${(journalBytes / 1e3).toFixed(1)} kB journal; folding it on close took ${foldOnClose.toFixed(0)} ms)`,
      `load_100k: the file Parley wrote, vouched for by its journal (SHA-256 of the bytes), so not checked again; ` +
        `a file without that (written by something else) took ${uncheckedLoad.toFixed(0)} ms, checked against ` +
        `the schema. One load, step by step: read ${(readAndHashMs - hashMs).toFixed(0)} ms, SHA-256 ` +
        `${hashMs.toFixed(0)} ms, decode ${decodeMs.toFixed(0)} ms (${disk.matches ? 'ASCII' : 'UTF-8'}), ` +
        `JSON.parse ${parseMs.toFixed(0)} ms, freeze ${freezeMs.toFixed(0)} ms`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export const scaleStorage: BenchPart = { name: 'scale-storage', run };
