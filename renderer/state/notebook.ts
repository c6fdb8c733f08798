// The notebook as the page knows it: documents, topics, parties, stances, events, every document's highlights and
// the history, at one revision. It starts from main's snapshot (loadNotebook) and follows main's notebookChanged
// events, so after a change nothing is read again. Pure: no API, no DOM; the store calls these.
import type { HistoryState, NotebookChange, NotebookSnapshot, ParleyEvent } from '../../shared/contract';
import type { PassageRef } from '../links';
import type { Annotation, DocumentSummary, PartyWithCount, Topic, TopicWithCount } from '../types';

export interface NotebookState {
  /** The snapshot's revision plus every event applied since; -1 before the snapshot. */
  revision: number;
  history: HistoryState | null;
  documents: DocumentSummary[];
  topics: TopicWithCount[];
  parties: PartyWithCount[];
  stances: string[];
  /** Events: documents grouped as accounts of one happening, each with its accounts in column order. */
  events: ParleyEvent[];
  /** Every document's highlights, by document id, in the order main listed them. */
  annotations: ReadonlyMap<string, Annotation[]>;
  /** Counts the steps applied, so what is derived from the whole notebook (the comparison) is read again. */
  version: number;
}

export const initialNotebook: NotebookState = {
  revision: -1,
  history: null,
  documents: [],
  topics: [],
  parties: [],
  stances: [],
  events: [],
  annotations: new Map(),
  version: 0,
};

export function fromSnapshot(snapshot: NotebookSnapshot, version = 0): NotebookState {
  return {
    revision: snapshot.revision,
    history: snapshot.history,
    documents: snapshot.documents,
    topics: snapshot.topics,
    parties: snapshot.parties,
    stances: snapshot.stances,
    events: snapshot.events,
    annotations: new Map(snapshot.annotations.map((entry) => [entry.documentId, entry.annotations])),
    version: version + 1,
  };
}

/** What a step means for this state: apply it, ignore it (already in), or load again (one was missed). */
export function changeFit(state: NotebookState, change: NotebookChange): 'apply' | 'stale' | 'gap' {
  if (state.revision < 0 || change.revision > state.revision + 1) return 'gap';
  return change.revision <= state.revision ? 'stale' : 'apply';
}

/** The state after one step; call only when changeFit says 'apply'. */
export function applyChange(state: NotebookState, change: NotebookChange): NotebookState {
  let annotations = state.annotations;
  if (change.annotations) {
    annotations = removeAnnotations(annotations, change.annotations.removed);
    for (const annotation of change.annotations.upserted)
      annotations = withAnnotation(annotations, annotation);
  }
  if (change.documents) {
    // A document that went took its highlights with it.
    const kept = new Set(change.documents.map((d) => d.id));
    if ([...annotations.keys()].some((id) => !kept.has(id))) {
      annotations = new Map([...annotations].filter(([id]) => kept.has(id)));
    }
  }
  return {
    revision: change.revision,
    history: change.history,
    documents: change.documents ?? state.documents,
    topics: change.topics ?? state.topics,
    parties: change.parties ?? state.parties,
    stances: change.stances ?? state.stances,
    events: change.events ?? state.events,
    annotations,
    version: state.version + 1,
  };
}

function withAnnotation(
  map: ReadonlyMap<string, Annotation[]>,
  saved: Annotation,
): ReadonlyMap<string, Annotation[]> {
  const next = new Map(map);
  const list = next.get(saved.documentId) ?? [];
  next.set(saved.documentId, [...list.filter((a) => a.id !== saved.id), saved]);
  return next;
}

function removeAnnotations(
  map: ReadonlyMap<string, Annotation[]>,
  ids: readonly string[],
): ReadonlyMap<string, Annotation[]> {
  if (ids.length === 0) return map;
  const gone = new Set(ids);
  const next = new Map<string, Annotation[]>();
  for (const [documentId, list] of map)
    next.set(
      documentId,
      list.filter((a) => !gone.has(a.id)),
    );
  return next;
}

/** A highlight a call returned, put in place before (or after) its event says the same. */
export function upsertAnnotation(state: NotebookState, saved: Annotation): NotebookState {
  return { ...state, annotations: withAnnotation(state.annotations, saved) };
}

export function removeAnnotation(state: NotebookState, id: string): NotebookState {
  return { ...state, annotations: removeAnnotations(state.annotations, [id]) };
}

/**
 * One document's highlights as read with the document, replacing what was known of them. A document is read with
 * the highlights on its latest text: those on an earlier version (kept there, or waiting for review) stay as the
 * notebook's steps left them.
 */
export function setDocumentAnnotations(
  state: NotebookState,
  documentId: string,
  list: Annotation[],
): NotebookState {
  const known = state.annotations.get(documentId) ?? [];
  const read = new Set(list.map((a) => a.id));
  const earlier = known.filter((a) => a.version !== undefined && !read.has(a.id));
  return {
    ...state,
    annotations: new Map(state.annotations).set(
      documentId,
      earlier.length > 0 ? [...list, ...earlier] : list,
    ),
  };
}

/** A topic a call created, listed until its event brings the counted list. */
export function addTopic(state: NotebookState, topic: Topic): NotebookState {
  const topics = [...state.topics.filter((t) => t.id !== topic.id), { ...topic, count: 0 }].sort((a, b) =>
    a.path.localeCompare(b.path),
  );
  return { ...state, topics };
}

/** The open document's last-opened time, as the call that opened it set it. */
export function markOpened(state: NotebookState, id: string, openedAt: string): NotebookState {
  return { ...state, documents: state.documents.map((d) => (d.id === id ? { ...d, openedAt } : d)) };
}

// Selectors.

/** One list for "none", so a view that memoizes on the list does not see a new one on every render. */
const NONE: Annotation[] = [];

export function documentAnnotations(state: NotebookState, documentId: string | null): Annotation[] {
  return (documentId && state.annotations.get(documentId)) || NONE;
}

export const topicMap = (state: NotebookState) => new Map(state.topics.map((topic) => [topic.id, topic]));
export const partyMap = (state: NotebookState) => new Map(state.parties.map((party) => [party.id, party]));

/** The events a document is an account of, in the notebook's order. */
export function eventsOf(state: NotebookState, documentId: string | null): ParleyEvent[] {
  return documentId ? state.events.filter((event) => event.documentIds.includes(documentId)) : [];
}

/** Every passage's topics, so a passage tagged twice within a subtree counts once there. */
export function annotationTopics(state: NotebookState): string[][] {
  return [...state.annotations.values()].flatMap((list) => list.map((a) => a.topicIds));
}

export function byPosition(a: Annotation, b: Annotation): number {
  return a.target.start - b.target.start || a.target.end - b.target.end;
}

/** Every highlight by id, for links: the other documents' first, then the open one's in reading order. */
export function passages(state: NotebookState, openId: string | null): Map<string, PassageRef> {
  const titles = new Map(state.documents.map((d) => [d.id, d.title]));
  const map = new Map<string, PassageRef>();
  const add = (documentId: string, list: Annotation[]) => {
    const documentTitle = titles.get(documentId) ?? '';
    for (const annotation of list) map.set(annotation.id, { annotation, documentId, documentTitle });
  };
  for (const [documentId, list] of state.annotations) if (documentId !== openId) add(documentId, list);
  if (openId) add(openId, [...documentAnnotations(state, openId)].sort(byPosition));
  return map;
}
