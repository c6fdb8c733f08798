// The sidebar's Highlights tab: the open document's highlights on its latest text as the store holds them (so an added, edited,
// deleted or undone highlight is listed at once, with no call of its own), each a way to its passage through the
// store's reveal, which brings it into view in the reading view and makes it active.
import { useMemo } from 'preact/hooks';
import { HighlightList } from '../components/highlight-list';
import * as nb from '../state/notebook';
import { latestOnly } from '../state/versions';
import { useAppState, useStore } from '../state/use-store';

export function HighlightListView() {
  const store = useStore();
  const { notebook, open, ui } = useAppState();
  const doc = open.document;
  const topics = useMemo(() => nb.topicMap(notebook), [notebook.topics]);
  const parties = useMemo(() => nb.partyMap(notebook), [notebook.parties]);
  // Highlights kept on an earlier version, or waiting for review there, are not in the latest text: the Review and
  // History panels list them.
  const all = doc ? nb.documentAnnotations(notebook, doc.id) : null;
  const annotations = useMemo(() => (all ? latestOnly(all) : null), [all]);
  return (
    <HighlightList
      annotations={annotations}
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
