// The comparison of the parties across every document, on one topic or all: read again whenever it is shown,
// its topic changes or the notebook does (each applied step counts), and exported from here. Once the notebook
// has an event, its columns can be the accounts of an event instead of the parties.
import { useEffect } from 'preact/hooks';
import { AccountComparisonView, ColumnsChoice } from '../components/account-comparison';
import { ComparisonView } from '../components/comparison-view';
import { VIEW_PANEL_IDS, VIEW_TAB_IDS } from '../components/toolbar';
import { useAppState, useStore } from '../state/use-store';

export function CompareView() {
  const store = useStore();
  const { notebook, ui, accounts } = useAppState();
  const shown = ui.view === 'compare';
  // An event chosen that has since gone leaves the parties' columns.
  const eventId = notebook.events.some((e) => e.id === accounts.compareEvent) ? accounts.compareEvent : null;

  useEffect(() => {
    if (shown && !eventId) void store.loadComparison();
  }, [store, shown, eventId, ui.compareTopic, notebook.version]);

  useEffect(() => {
    if (shown && eventId) void store.loadAccountComparison();
  }, [store, shown, eventId, ui.compareTopic, accounts.stamp]);

  return (
    <div id={VIEW_PANEL_IDS.compare} role="tabpanel" aria-labelledby={VIEW_TAB_IDS.compare} hidden={!shown}>
      {shown && notebook.events.length > 0 && (
        <div class="compare__choice">
          <ColumnsChoice events={notebook.events} eventId={eventId} onChoose={store.chooseCompareColumns} />
        </div>
      )}
      {shown &&
        (eventId ? (
          <AccountComparisonView
            comparison={accounts.accountComparison?.event.id === eventId ? accounts.accountComparison : null}
            topics={notebook.topics}
            topicId={ui.compareTopic}
            onTopic={(topicId) => {
              store.chooseCompareTopic(topicId);
              store.setAccounts((current) => ({ ...current, accountComparison: null }));
            }}
            onOpenPassage={(entry) => void store.goToPassage(entry.documentId, entry.annotationId)}
            onExport={() => void store.exportAccounts(eventId)}
            exportBusy={ui.exportBusy}
          />
        ) : (
          <ComparisonView
            comparison={ui.comparison}
            topics={notebook.topics}
            topicId={ui.compareTopic}
            onTopic={store.chooseCompareTopic}
            onOpenPassage={(entry) => void store.goToPassage(entry.documentId, entry.annotationId)}
            onExport={() => void store.exportComparison()}
          />
        ))}
    </div>
  );
}
