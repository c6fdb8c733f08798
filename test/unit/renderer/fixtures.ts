// Small notebooks for the renderer's state tests: annotations, summaries, topics and steps as main sends them.
import type { HistoryState, NotebookChange, NotebookSnapshot } from '../../../shared/contract';
import type { Annotation, DocumentSummary, TopicWithCount } from '../../../renderer/types';

export const history = (undoLabel: string | null = null): HistoryState => ({
  canUndo: undoLabel !== null,
  canRedo: false,
  undoLabel,
  redoLabel: null,
});

export function annotation(id: string, documentId: string, start = 0, end = 5): Annotation {
  return {
    id,
    documentId,
    target: { exact: `quote ${id}`, prefix: '', suffix: '', start, end },
    topicIds: [],
    note: '',
    partyId: null,
    stance: null,
    links: [],
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  } as unknown as Annotation;
}

export function summary(id: string, title = id): DocumentSummary {
  return { id, title, openedAt: '' } as unknown as DocumentSummary;
}

export function topic(id: string, path: string, count = 0): TopicWithCount {
  return { id, path, colour: '#aaaaaa', description: '', count } as unknown as TopicWithCount;
}

export function snapshot(revision = 5): NotebookSnapshot {
  return {
    revision,
    history: history(),
    documents: [summary('d1', 'One'), summary('d2', 'Two')],
    topics: [topic('t1', 'iran')],
    parties: [],
    stances: ['for'],
    events: [],
    annotations: [
      { documentId: 'd1', title: 'One', annotations: [annotation('a1', 'd1', 10, 20)] },
      { documentId: 'd2', title: 'Two', annotations: [annotation('b1', 'd2')] },
    ],
  };
}

export function change(revision: number, parts: Partial<NotebookChange> = {}): NotebookChange {
  return { revision, kind: 'change', label: 'Highlight', history: history('Undo Highlight'), ...parts };
}
