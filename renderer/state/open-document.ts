// The open document: its record (text, title, note, details) and which of its highlights no longer match their
// quote. Its highlights themselves are the notebook's (notebook.ts), so one event updates both views of them.
// Pure: the store calls these.
import type { NotebookChange } from '../../shared/contract';
import type { OpenedDocument, ParleyDocument } from '../types';

export interface OpenDocumentState {
  document: ParleyDocument | null;
  needsReview: string[];
}

export const initialOpenDocument: OpenDocumentState = { document: null, needsReview: [] };

export function fromOpened(opened: OpenedDocument): OpenDocumentState {
  return { document: opened.document, needsReview: opened.needsReview };
}

/** The record a call returned, when it is the open document's. */
export function withRecord(state: OpenDocumentState, record: ParleyDocument): OpenDocumentState {
  return state.document?.id === record.id ? { ...state, document: record } : state;
}

export const openId = (state: OpenDocumentState): string | null => state.document?.id ?? null;

/** Which highlights of the open document need review after a step: its own list says so for those it touched. */
export function applyChange(state: OpenDocumentState, change: NotebookChange): OpenDocumentState {
  const id = openId(state);
  if (!id || !change.annotations) return state;
  const { upserted, removed, needsReview } = change.annotations;
  const touched = new Set([...removed, ...upserted.filter((a) => a.documentId === id).map((a) => a.id)]);
  if (touched.size === 0) return state;
  const flagged = new Set(needsReview);
  const kept = state.needsReview.filter((a) => !touched.has(a));
  const added = upserted.filter((a) => a.documentId === id && flagged.has(a.id)).map((a) => a.id);
  return { ...state, needsReview: [...kept, ...added] };
}

/**
 * What the step asks of the open document: read it again (its record changed in a change, undo or redo; a
 * bookkeeping step such as opening it only touches the list), open another (it is gone), or nothing.
 */
export function followUp(
  state: OpenDocumentState,
  change: NotebookChange,
): { kind: 'none' } | { kind: 'reread'; id: string } | { kind: 'gone'; next: string | null } {
  const id = openId(state);
  if (!id) return { kind: 'none' };
  if (change.documents && !change.documents.some((d) => d.id === id)) {
    return { kind: 'gone', next: change.documents[0]?.id ?? null };
  }
  if (change.kind !== 'bookkeeping' && change.changedDocuments?.includes(id)) return { kind: 'reread', id };
  return { kind: 'none' };
}
