/**
 * Versions of a document as the window's calls and the command line use them: a file read as a draft exactly as an
 * import reads it (web pages, PDF and Word files on the import worker, which a cancel ends), then added as the
 * document's newest version in one change (one undo step); and the review's choices, each its own undoable step.
 */
import type { ReviewAction, VersionImport } from '../../shared/contract';
import type { CarryState } from '../../shared/model';
import * as ops from '../core/notebook';
import * as versions from '../core/versions';
import type { DocumentDraft } from '../core/import-text';
import { cleanTitle, titleFromFileName } from '../core/import-text/normalize';
import { loadImportFile } from '../files';
import type { OffThreadOptions } from '../import/off-thread';
import type { NotebookStore } from '../storage/notebook-store';
import { openDocument } from './open-document';
import { draftOfBytes } from './import-files';

export const IMPORT_VERSION_LABEL = 'Import new version';

/**
 * A draft whose title is only its file's name (a text file has no title of its own; an importer names a draft by
 * its file when nothing in it gives one), given no title, so the document keeps its own: a newer copy saved as
 * `talks-v2.txt` is not a document called "talks-v2".
 */
export function withoutFileNameTitle(draft: DocumentDraft, fileName: string): DocumentDraft {
  const stem = cleanTitle(titleFromFileName(fileName));
  const title = draft.title.replace(/\s+/g, ' ').trim();
  return title === stem || title === 'Untitled' ? { ...draft, title: '' } : draft;
}

/** Adds a draft as the document's newest version (one undo step) and opens the document on it. */
export function addVersionDraft(
  store: NotebookStore,
  documentId: string,
  draft: DocumentDraft,
  now: Date,
): VersionImport {
  const added = store.change((nb) => versions.addVersion(nb, documentId, draft, now), IMPORT_VERSION_LABEL);
  return {
    documentId,
    version: added.version,
    counts: added.counts,
    opened: openDocument(store, documentId, now),
  };
}

/** A file from disk imported as the document's newest version. */
export async function importVersionPath(
  store: NotebookStore,
  documentId: string,
  path: string,
  now: () => Date,
  options: OffThreadOptions = {},
): Promise<VersionImport> {
  // An unknown document is refused before the file is read.
  ops.getDocument(store.data, documentId);
  const draft = withoutFileNameTitle(await loadImportFile(path, options), path);
  return addVersionDraft(store, documentId, draft, now());
}

/** A file's bytes (dropped on the open document) imported as its newest version. */
export async function importVersionBytes(
  store: NotebookStore,
  documentId: string,
  file: { fileName: string; bytes: Uint8Array },
  now: () => Date,
  options: OffThreadOptions = {},
): Promise<VersionImport> {
  ops.getDocument(store.data, documentId);
  const draft = withoutFileNameTitle(await draftOfBytes(file, options), file.fileName);
  return addVersionDraft(store, documentId, draft, now());
}

/** A document just imported made the newest version of `of` (one undo step), which is opened on it. */
export function makeVersion(store: NotebookStore, documentId: string, of: string, now: Date): VersionImport {
  const added = store.change((nb) => versions.makeVersion(nb, documentId, of, now), IMPORT_VERSION_LABEL);
  return {
    documentId: of,
    version: added.version,
    counts: added.counts,
    opened: openDocument(store, of, now),
  };
}

const STATE_NAMES: Record<CarryState, string> = {
  kept: 'kept',
  moved: 'moved',
  changed: 'changed',
  lost: 'lost',
};

/** The undo step's name for a review's choice: "Accept moved highlight", "Keep highlight on version 1". */
export function reviewLabel(
  store: NotebookStore,
  annotationId: string,
  action: ReviewAction | 'reselect',
): string {
  const annotation = store.data.annotations.find((a) => a.id === annotationId);
  const state = annotation?.carried ? STATE_NAMES[annotation.carried.state] : '';
  switch (action) {
    case 'accept':
      return state ? `Accept ${state} highlight` : 'Accept highlight';
    case 'keep-on-old':
      return `Keep highlight on version ${annotation?.version ?? annotation?.carried?.from ?? 1}`;
    case 'delete':
      return 'Delete highlight';
    case 'reselect':
      return 'Re-select highlight';
  }
}

/** The review's choice for one waiting highlight, as one undoable step. */
export function resolveReview(
  store: NotebookStore,
  annotationId: string,
  action: ReviewAction,
  now: Date,
): { id: string } {
  return store.change(
    (nb) => versions.resolveReview(nb, annotationId, action, now),
    reviewLabel(store, annotationId, action),
  );
}

/** A waiting highlight pointed at the passage the user selected in the latest text, as one undoable step. */
export function reselectReview(
  store: NotebookStore,
  input: { annotationId: string; start: number; end: number },
  now: Date,
) {
  return store.change(
    (nb) => versions.reselectReview(nb, input, now),
    reviewLabel(store, input.annotationId, 'reselect'),
  );
}
