/**
 * Imports a file on a worker thread (main/import/worker.ts): the main process's event loop stays free while a web
 * page is read, the import says how far it has got, can be cancelled (the worker is ended at once, and nothing
 * reaches a notebook), and has a time budget past which the worker is ended and the page refused with a message
 * that says so. A worker that throws or exits gives a clear error instead of a draft. The page's shape has its own
 * budget inside the importer (main/import/html.ts, reduceByShape).
 */
import { Worker } from 'node:worker_threads';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import type { DocumentDraft } from '../core/import-text';
import { ParleyError } from '../../shared/model';

/** What the worker is asked to read. */
export interface WorkerTask {
  fileName: string;
  bytes: Uint8Array;
  /** Tests only: the worker throws, or exits, before reading. */
  crashForTest?: 'throw' | 'exit';
}

/** What the worker says back. */
export type WorkerReply =
  | { kind: 'step'; done: number; total: number }
  | { kind: 'draft'; draft: DocumentDraft }
  | { kind: 'refused'; message: string; code: string }
  | { kind: 'failed'; message: string };

/** The longest one file may take to read before it is refused (the whole 5 MB news page takes about 2 s). */
export const IMPORT_TIME_BUDGET_MS = 60_000;

export interface OffThreadOptions {
  /** Cancels the import: the worker is ended and the promise rejects with a ParleyError coded 'cancelled'. */
  signal?: AbortSignal;
  /** Told how far reading the file has got, in steps. */
  onStep?: (done: number, total: number) => void;
  /** The time budget in milliseconds (IMPORT_TIME_BUDGET_MS unless said). */
  budgetMs?: number;
  /** Tests only. */
  crashForTest?: WorkerTask['crashForTest'];
}

// Set by the build for each bundle: where the worker's own bundle lies, relative to the bundle that starts it.
declare const __PARLEY_IMPORT_WORKER__: string | undefined;

/** The worker's script: the built bundle beside this one, or the source when run from source (tests, tsx). */
function workerScript(): { file: string; source: boolean } {
  const here = fileURLToPath(import.meta.url);
  if (typeof __PARLEY_IMPORT_WORKER__ === 'string') {
    return { file: join(dirname(here), __PARLEY_IMPORT_WORKER__), source: false };
  }
  return { file: join(dirname(here), 'worker.ts'), source: true };
}

/** Quoted as the import's messages name a file: its base name. */
function named(fileName: string): string {
  return `"${fileName.split(/[/\\]/).pop() || fileName}"`;
}

/** A file's bytes as a draft, read on a worker thread; see the module's comment. */
export function importOffThread(
  fileName: string,
  bytes: Uint8Array,
  options: OffThreadOptions = {},
): Promise<DocumentDraft> {
  const { signal, onStep, budgetMs = IMPORT_TIME_BUDGET_MS, crashForTest } = options;
  if (signal?.aborted) return Promise.reject(cancelled(fileName));
  const { file, source } = workerScript();
  const task: WorkerTask = { fileName, bytes, ...(crashForTest ? { crashForTest } : {}) };
  // A bundle is required by the worker rather than loaded as its script, so that Electron's module loader (which
  // reads inside app.asar) loads it; the source (tests, the bench) is loaded through tsx, as this process was.
  const worker = new Worker(
    source
      ? `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(pathToFileURL(file).href)}); })`
      : `require(${JSON.stringify(file)})`,
    { eval: true, workerData: task },
  );
  return new Promise<DocumentDraft>((resolve, reject) => {
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      outcome();
    };
    const onAbort = () => finish(() => reject(cancelled(fileName)));
    signal?.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(
      () =>
        finish(() =>
          reject(
            new ParleyError(
              `${named(fileName)} took longer than ${seconds(budgetMs)} to read, so Parley stopped reading it: the page is too complex to find its article in. Nothing was imported.`,
              'too-complex',
            ),
          ),
        ),
      budgetMs,
    );
    worker.on('message', (message: WorkerReply) => {
      if (message.kind === 'step') onStep?.(message.done, message.total);
      else if (message.kind === 'draft') finish(() => resolve(message.draft));
      else if (message.kind === 'refused')
        finish(() => reject(new ParleyError(message.message, message.code)));
      else finish(() => reject(failed(fileName, message.message)));
    });
    worker.on('error', (error) => finish(() => reject(failed(fileName, error.message))));
    worker.on('exit', (code) =>
      finish(() => reject(failed(fileName, `the reader stopped (exit code ${code})`))),
    );
  });
}

function seconds(ms: number): string {
  const count = Math.max(1, Math.round(ms / 1000));
  return count === 1 ? '1 second' : `${count} seconds`;
}

function cancelled(fileName: string): ParleyError {
  return new ParleyError(
    `The import of ${named(fileName)} was cancelled: nothing was imported.`,
    'cancelled',
  );
}

function failed(fileName: string, reason: string): ParleyError {
  return new ParleyError(
    `Parley could not read ${named(fileName)}: ${reason.replace(/[.\s]+$/, '')}. Nothing was imported, and the notebook is as it was.`,
    'import-failed',
  );
}
