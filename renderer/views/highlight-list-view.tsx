// The sidebar's Highlights tab: the open document's highlights as the store holds them (so an added, edited,
// deleted or undone highlight is listed at once, with no call of its own), each a way to its passage through the
// store's reveal, which brings it into view in the reading view and makes it active.
import { useMemo } from 'preact/hooks';
import { HighlightList } from '../components/highlight-list';
import * as nb from '../state/notebook';
import { useAppState, useStore } from '../state/use-store';

export function HighlightListView() {
  const store = useStore();
  const { notebook, open, ui } = useAppState();
  const doc = open.document;
  const topics = useMemo(() => nb.topicMap(notebook), [notebook.topics]);
  const parties = useMemo(() => nb.partyMap(notebook), [notebook.parties]);
  return (
    <HighlightList
      annotations={doc ? nb.documentAnnotations(notebook, doc.id) : null}
      needsReview={open.needsReview}
      topics={topics}
      parties={parties}
      activeId={ui.activeId}
      onGo={(id) => {
        if (doc) void store.goToPassage(doc.id, id);
      }}
    />
  );
}
