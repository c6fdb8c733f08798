/**
 * What one committed step changed, read from the notebook before and after it. The states are immutable and share
 * what did not change (storage/history.ts), so a part that is the same object before and after did not change and
 * is not looked into: the work is in proportion to what changed, plus one pass comparing the annotations' objects
 * when they did (and the counts the lists carry).
 * The result is the contract's NotebookChange, which the renderer's store applies without asking again; its parts
 * are built by the same functions the list calls use, so applying it gives what listing again would.
 */
import type { DocumentAnnotations, NotebookChange, NotebookSnapshot } from '../../shared/contract';
import type { Annotation, HistoryState, Notebook, ParleyDocument } from '../../shared/model';
import { locate } from './anchoring';
import { carryCounts, countAnnotations } from './annotation-counts';
import { listDocuments, listTopics } from './notebook';
import { listParties } from './parties';
import { listStances } from './stances';

/** One committed step as the store reports it. */
export interface CommittedStep {
  revision: number;
  kind: NotebookChange['kind'];
  label: string | null;
  history: HistoryState;
  before: Notebook;
  after: Notebook;
}

/** Every document's highlights without its text, in library order (the `listAnnotations` call). */
export function documentAnnotations(nb: Notebook): DocumentAnnotations[] {
  const byDocument = new Map<string, Annotation[]>();
  for (const a of nb.annotations) {
    const list = byDocument.get(a.documentId);
    if (list) list.push(a);
    else byDocument.set(a.documentId, [a]);
  }
  return nb.documents.map((doc) => ({
    documentId: doc.id,
    title: doc.title,
    annotations: byDocument.get(doc.id) ?? [],
  }));
}

/** Everything the renderer starts from, at `revision`. */
export function notebookSnapshot(nb: Notebook, revision: number, history: HistoryState): NotebookSnapshot {
  return {
    revision,
    history,
    documents: listDocuments(nb),
    topics: listTopics(nb),
    parties: listParties(nb),
    stances: listStances(nb),
    annotations: documentAnnotations(nb),
    events: nb.events,
  };
}

/**
 * Whether a highlight's quote is lost in its document's text, as openDocument decides it (no place found). One on
 * an earlier version (Annotation.version) points into that version's text, not the latest, and is not read here.
 */
function needsReview(annotation: Annotation, doc: ParleyDocument | undefined): boolean {
  return (
    doc !== undefined && annotation.version === undefined && locate(doc.text, annotation.target) === null
  );
}

/** Whether the document's own record changed; when it was last opened is bookkeeping and does not count. */
function recordChanged(before: ParleyDocument, after: ParleyDocument): boolean {
  if (before === after) return false;
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const key of keys) {
    if (key === 'openedAt') continue;
    if (!Object.is(before[key as keyof ParleyDocument], after[key as keyof ParleyDocument])) return true;
  }
  return false;
}

/**
 * Where two lists of annotations differ: the same object at the same place is skipped from the start and from the
 * end, and what is left between (`from` to each end, exclusive) is all that can hold a change.
 */
function differingStretch(
  before: readonly Annotation[],
  after: readonly Annotation[],
): { from: number; beforeEnd: number; afterEnd: number } {
  let from = 0;
  const shorter = Math.min(before.length, after.length);
  while (from < shorter && before[from] === after[from]) from++;
  let beforeEnd = before.length;
  let afterEnd = after.length;
  while (beforeEnd > from && afterEnd > from && before[beforeEnd - 1] === after[afterEnd - 1]) {
    beforeEnd--;
    afterEnd--;
  }
  return { from, beforeEnd, afterEnd };
}

/** The NotebookChange of one step: only the parts that changed, each whole except the annotations. */
export function notebookChange(step: CommittedStep): NotebookChange {
  const { before, after } = step;
  const change: NotebookChange = {
    revision: step.revision,
    kind: step.kind,
    label: step.label,
    history: step.history,
  };

  // Documents: which records changed (text, title, note, details), and which text, for the highlights' review.
  const changedDocuments: string[] = [];
  const textChanged = new Set<string>();
  if (before.documents !== after.documents) {
    const old = new Map(before.documents.map((doc) => [doc.id, doc]));
    for (const doc of after.documents) {
      const was = old.get(doc.id);
      if (was === undefined || recordChanged(was, doc)) changedDocuments.push(doc.id);
      if (was !== undefined && was.text !== doc.text) textChanged.add(doc.id);
    }
  }

  // Annotations: added or changed (by reference), removed (by id); a document whose text changed has all its
  // highlights looked at again, since whether their quote is found may have changed with it.
  let countsChanged = false;
  if (before.annotations !== after.annotations || textChanged.size > 0) {
    // Only the stretch between what is the same at both ends can differ (a step adds, edits or removes a few):
    // ids are unique, so a passage kept at the same place at either end is the same passage, unchanged. A changed
    // text looks at every passage of its document, wherever it is.
    const { from, beforeEnd, afterEnd } =
      textChanged.size > 0
        ? { from: 0, beforeEnd: before.annotations.length, afterEnd: after.annotations.length }
        : differingStretch(before.annotations, after.annotations);
    const old = new Map(before.annotations.slice(from, beforeEnd).map((a) => [a.id, a]));
    const upserted: Annotation[] = [];
    /** What an upserted highlight was before the step. */
    const replaced = new Map<string, Annotation>();
    for (const a of after.annotations.slice(from, afterEnd)) {
      const was = old.get(a.id);
      if (was === undefined) countsChanged = true;
      else {
        old.delete(a.id);
        replaced.set(a.id, was);
        if (was.documentId !== a.documentId) countsChanged = true;
      }
      if (was !== a || textChanged.has(a.documentId)) upserted.push(a);
    }
    const removed = [...old.keys()];
    if (removed.length > 0) countsChanged = true;
    // The lists below carry counts: those after the step are those before it, less what went, plus what came.
    countAnnotations(before.annotations);
    carryCounts(
      before.annotations,
      after.annotations,
      [...old.values(), ...upserted.flatMap((a) => replaced.get(a.id) ?? [])],
      upserted,
    );
    if (upserted.length > 0 || removed.length > 0) {
      const docs = new Map(after.documents.map((doc) => [doc.id, doc]));
      change.annotations = {
        upserted,
        removed,
        needsReview: upserted.filter((a) => needsReview(a, docs.get(a.documentId))).map((a) => a.id),
      };
    }
  }

  if (before.documents !== after.documents || countsChanged) change.documents = listDocuments(after);
  if (changedDocuments.length > 0) change.changedDocuments = changedDocuments;
  const annotationsChanged = before.annotations !== after.annotations;
  if (before.topics !== after.topics || annotationsChanged) change.topics = listTopics(after);
  if (before.parties !== after.parties || annotationsChanged) change.parties = listParties(after);
  if (before.stances !== after.stances) change.stances = listStances(after);
  if (before.events !== after.events) change.events = after.events;
  return change;
}
