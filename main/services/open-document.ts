/**
 * Opening a document, the one way the window's open call and its imports (which hand back the first document
 * they added already opened) do it: the opening is noted on the document (bookkeeping, kept out of undo history,
 * for the library's "Recently opened" and for opening it again at the next start), then the document is read.
 */
import * as ops from '../core/notebook';
import type { OpenedDocument } from '../../shared/model';
import type { NotebookStore } from '../storage/notebook-store';

/** Notes that the document was opened at `now` and reads it; refused with not-found, changing nothing, when absent. */
export function openDocument(store: NotebookStore, id: string, now: Date): OpenedDocument {
  store.changeOutsideHistory((nb) => ops.markOpened(nb, id, now));
  return ops.openDocument(store.data, id);
}

/** The first of the documents an import added, opened as above; null when it added none. */
export function openFirst(
  store: NotebookStore,
  added: ReadonlyArray<{ id: string }>,
  now: Date,
): OpenedDocument | null {
  const first = added[0];
  return first ? openDocument(store, first.id, now) : null;
}
