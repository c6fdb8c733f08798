// The comparison of the parties across every document, on one topic or all: read again whenever it is shown,
// its topic changes or the notebook does (each applied step counts), and exported from here.
import { useEffect } from 'preact/hooks';
import { ComparisonView } from '../components/comparison-view';
import { VIEW_PANEL_IDS, VIEW_TAB_IDS } from '../components/toolbar';
import { useAppState, useStore } from '../state/use-store';

export function CompareView() {
  const store = useStore();
  const { notebook, ui } = useAppState();
  const shown = ui.view === 'compare';

  useEffect(() => {
    if (shown) void store.loadComparison();
  }, [store, shown, ui.compareTopic, notebook.version]);

  return (
    <div id={VIEW_PANEL_IDS.compare} role="tabpanel" aria-labelledby={VIEW_TAB_IDS.compare} hidden={!shown}>
      {shown && (
        <ComparisonView
          comparison={ui.comparison}
          topics={notebook.topics}
          topicId={ui.compareTopic}
          onTopic={store.chooseCompareTopic}
          onOpenPassage={(entry) => void store.goToPassage(entry.documentId, entry.annotationId)}
          onExport={() => void store.exportComparison()}
        />
      )}
    </div>
  );
}
