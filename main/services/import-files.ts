/**
 * Importing documents, the one way the window's calls, the command line and files handed to Parley from outside
 * (double-click, a second launch, the dock) all do it: each file is read and checked (size, encoding, then format:
 * main/import) before anything reaches the notebook, and the drafts are then added in one change, so a failure
 * leaves none of them behind and one undo takes the import back.
 */
import type { DocumentDraft } from '../core/import-text';
import * as ops from '../core/notebook';
import { sameAddress } from '../core/versions';
import { importAny, importBytes } from '../import';
import { loadImportFile } from '../files';
import { importOffThread, type OffThreadOptions } from '../import/off-thread';
import { extensionOf, OFF_THREAD_EXTENSIONS } from '../../shared/import-formats';
import type { FilesImportReport, Progress } from '../../shared/contract';
import { ParleyError, type DocumentSummary, type ParleyDocument } from '../../shared/model';
import type { NotebookStore } from '../storage/notebook-store';
import { openFirst } from './open-document';

/** The undo step's name: "Import document", "Import 3 documents". */
export function importLabel(count: number): string {
  return count === 1 ? 'Import document' : `Import ${count} documents`;
}

/** Adds parsed documents in one change (one undo step), so a failure leaves none of them behind. */
export function addDrafts(
  store: NotebookStore,
  drafts: readonly DocumentDraft[],
  now: Date,
): ParleyDocument[] {
  if (drafts.length === 0) return [];
  return store.change((nb) => ops.addDocuments(nb, drafts, now), importLabel(drafts.length));
}

/** The library's summaries of these documents, in the order given. */
export function summariesOf(store: NotebookStore, docs: readonly ParleyDocument[]): DocumentSummary[] {
  const ids = new Set(docs.map((doc) => doc.id));
  return ops.listDocuments(store.data).filter((summary) => ids.has(summary.id));
}

/**
 * Reads files from disk as drafts, one after the other, saying how far it has got (a web page, read on a worker
 * thread, moves the count on by its steps: 2.5 is halfway through the third file); the first that cannot be read
 * or imported refuses them all, and so does a cancel (`signal`). Nothing reaches a notebook here.
 */
export async function loadImportFiles(
  paths: readonly string[],
  progress: (progress: Progress) => void = () => {},
  signal?: AbortSignal,
): Promise<DocumentDraft[]> {
  const drafts: DocumentDraft[] = [];
  for (const [i, path] of paths.entries()) {
    progress({ task: 'Importing', done: i, total: paths.length });
    const onStep = (done: number, total: number) => {
      if (done > 0 && done < total)
        progress({ task: 'Importing', done: i + done / total, total: paths.length });
    };
    drafts.push(await loadImportFile(path, signal ? { onStep, signal } : { onStep }));
  }
  if (paths.length > 0) progress({ task: 'Importing', done: paths.length, total: paths.length });
  return drafts;
}

/** Files from disk into the notebook as one change; their summaries. */
export async function importFiles(
  store: NotebookStore,
  paths: readonly string[],
  now: Date,
  progress?: (progress: Progress) => void,
  signal?: AbortSignal,
): Promise<DocumentSummary[]> {
  return summariesOf(store, addDrafts(store, await loadImportFiles(paths, progress, signal), now));
}

/** A file's bytes (dropped or pasted in the window): decoded, then imported (see draftOfBytes); its summary. */
export async function importFileBytes(
  store: NotebookStore,
  file: { fileName: string; bytes: Uint8Array },
  now: Date,
  options: OffThreadOptions = {},
): Promise<DocumentSummary> {
  const draft = await draftOfBytes(file, options);
  return summariesOf(store, addDrafts(store, [draft], now))[0]!;
}

/**
 * A file's bytes as a draft: a web page, PDF or Word file read on a worker thread (main/import/off-thread.ts), which
 * a cancel ends; text at once.
 */
export function draftOfBytes(
  file: { fileName: string; bytes: Uint8Array },
  options: OffThreadOptions = {},
): Promise<DocumentDraft> {
  if (OFF_THREAD_EXTENSIONS.includes(extensionOf(file.fileName))) {
    return importOffThread(file.fileName, file.bytes, options);
  }
  return Promise.resolve().then(() => importBytes(file.fileName, file.bytes));
}

/**
 * Several files' bytes (a drop or a paste of files): each decoded and imported on its own, so one that cannot be
 * read is refused with its reason while the rest go in, together, as one change (one undo step). The first added
 * comes back opened (services/open-document), so the window shows it without another call. A cancel (`signal`)
 * refuses them all and adds nothing.
 */
export async function importFileBatch(
  store: NotebookStore,
  files: ReadonlyArray<{ fileName: string; bytes: Uint8Array }>,
  now: Date,
  progress: (progress: Progress) => void = () => {},
  signal?: AbortSignal,
): Promise<FilesImportReport> {
  const drafts: DocumentDraft[] = [];
  const refused: FilesImportReport['refused'] = [];
  for (const [i, file] of files.entries()) {
    progress({ task: 'Importing', done: i, total: files.length });
    const onStep = (done: number, total: number) => {
      if (done > 0 && done < total)
        progress({ task: 'Importing', done: i + done / total, total: files.length });
    };
    try {
      drafts.push(await draftOfBytes(file, signal ? { onStep, signal } : { onStep }));
    } catch (error) {
      if (!(error instanceof ParleyError) || error.code === 'cancelled') throw error;
      refused.push({ fileName: file.fileName, reason: error.message });
    }
  }
  progress({ task: 'Importing', done: files.length, total: files.length });
  const added = summariesOf(store, addDrafts(store, drafts, now));
  const same = sameAddress(
    store.data,
    added.map((doc) => doc.id),
  );
  return {
    added,
    opened: openFirst(store, added, now),
    refused,
    ...(same.length > 0 ? { sameAddress: same } : {}),
  };
}

/** Text already decoded (the window's pasted text); its summary. */
export function importText(
  store: NotebookStore,
  file: { fileName: string; content: string },
  now: Date,
): DocumentSummary {
  return summariesOf(store, addDrafts(store, [importAny(file.fileName, file.content)], now))[0]!;
}
