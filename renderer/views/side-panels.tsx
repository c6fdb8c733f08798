// What opens beside the text: the suggested statements of the open document (painted faintly in the text while
// the drawer is open), Find across the notebook, and the Codebook. Each reads the store and reports to it.
import { useCallback, useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { CodebookPanel } from '../components/codebook-panel';
import { FindPanel } from '../components/find-panel';
import { SuggestionsPanel } from '../components/suggestions-panel';
import { toolbarLabel } from '../../shared/commands';
import { focusToolbarButton, revealRange } from '../dom';
import { offsetsToRange } from '../highlighting/text-index';
import * as nb from '../state/notebook';
import * as sg from '../state/suggestions';
import type { View } from '../state/ui';
import { useAppState, useStore } from '../state/use-store';
import type { TextSurface } from './text-surface';
import { useFindMarks, type FindMarks } from './find-marks';

/** The suggestions drawer shows while it is open on the reading view of a document. */
export function useDrawerOpen(): boolean {
  const { suggestions, ui, open } = useAppState();
  return suggestions.open && ui.view === 'reading' && !!open.document;
}

export function closeSuggestions(store: ReturnType<typeof useStore>): void {
  store.setSuggestions(sg.close);
  focusToolbarButton(toolbarLabel('suggestions'));
}

export function SuggestionsDrawer({ surface }: { surface: TextSurface }) {
  const store = useStore();
  const state = useAppState();
  const { suggestions, notebook } = state;
  const docId = state.open.document?.id ?? null;
  const drawerOpen = useDrawerOpen();
  const { painter, index } = surface;
  const partyMap = useMemo(() => nb.partyMap(notebook), [notebook.parties]);
  const annotations = nb.documentAnnotations(notebook, docId);

  // The panel lists the open document's statements: read again whenever it opens or the document changes.
  useEffect(() => {
    if (suggestions.open && docId) void store.loadSuggestions();
  }, [store, suggestions.open, docId]);

  // Each statement's proposed topic, read again when the statements, the codebook or the parties change.
  useEffect(() => {
    void store.loadProposals();
  }, [store, suggestions.list, notebook.topics, notebook.parties]);

  // Suggested statements, painted faintly while their panel is open.
  const painted = drawerOpen && !!suggestions.list;
  useLayoutEffect(() => {
    if (!index || !painted || !suggestions.list) {
      painter.clearSuggestions();
      return;
    }
    painter.paintSuggestions(index, suggestions.list, suggestions.key);
  }, [index, painted, suggestions.list, suggestions.key, painter]);

  // The suggestion in focus in the list is brought into view in the text.
  useEffect(() => {
    if (!index || !painted || !suggestions.key) return;
    const suggestion = suggestions.list?.find((s) => s.key === suggestions.key);
    const range = suggestion && offsetsToRange(index, suggestion.start, suggestion.end);
    if (range) revealRange(range);
  }, [suggestions.key, painted, index]);

  if (!drawerOpen) return null;
  return (
    <SuggestionsPanel
      suggestions={suggestions.list}
      parties={partyMap}
      activeKey={suggestions.key}
      busy={suggestions.busy}
      focusOnOpen
      onActivate={(key) => store.setSuggestions((current) => ({ ...current, key }))}
      onAccept={(suggestion) => void store.acceptSuggestion(suggestion, false)}
      onAcceptAndEdit={(suggestion) => void store.acceptSuggestion(suggestion, true)}
      onDismiss={(suggestion) => void store.dismissSuggestion(suggestion)}
      onAcceptAll={() => void store.acceptAllSuggestions()}
      onClose={() => closeSuggestions(store)}
      topics={notebook.topics}
      onCreateTopic={store.createTopic}
      pending={suggestions.pending}
      onPending={(key, ids) =>
        store.setSuggestions((current) => ({ ...current, pending: new Map(current.pending).set(key, ids) }))
      }
      proposals={suggestions.proposals}
      onAcceptWithProposal={(suggestion) => void store.acceptSuggestion(suggestion, false, true)}
      accepted={sg.acceptedStatements(suggestions, annotations)}
      onSetAcceptedTopics={(id, ids) => void store.setAcceptedTopics(id, ids)}
      untopicalCount={sg.untopicalAccepted(suggestions, annotations).length}
      onSetTopicOnAccepted={(topicId) => void store.setTopicOnAccepted(topicId)}
    />
  );
}

/**
 * Closes the side panel and gives focus back to the toolbar button that opened it (the Codebook, kept in the menu
 * and the palette rather than the slim toolbar, gives it to the palette's button).
 */
export function closePanel(store: ReturnType<typeof useStore>): void {
  const current = store.get().ui.panel;
  if (!current) return;
  store.patchUi({ panel: null });
  focusToolbarButton(toolbarLabel(current === 'find' ? 'find' : 'command-palette'));
}

export function SidePanel({ changeView, surface }: { changeView(view: View): void; surface: TextSurface }) {
  const store = useStore();
  const { notebook, ui, open } = useAppState();
  const annotationTopics = useMemo(() => nb.annotationTopics(notebook), [notebook.annotations]);
  // Find's hits in the open document's text, marked while Find is open on the reading view.
  const [marks, setMarks] = useState<FindMarks | null>(null);
  const reading = ui.view === 'reading' ? (open.document?.id ?? null) : null;
  useFindMarks(ui.panel === 'find' ? surface.index : null, reading, marks);
  const onMarks = useCallback((next: FindMarks | null) => setMarks(next), []);
  /** "Highlight this": the highlight editor on a text hit, as selecting it and pressing H opens it. */
  const onHighlightText = useCallback(
    (span: { documentId: string; start: number; end: number }) => {
      const { ui: now, open: opened } = store.get();
      const doc = opened.document;
      if (!doc || doc.id !== span.documentId || now.view !== 'reading') return;
      if (now.editor || now.editingDetails || now.linking || now.partiesOpen) return;
      const range = surface.index && offsetsToRange(surface.index, span.start, span.end);
      store.patchUi({
        error: null,
        editor: {
          mode: 'create',
          documentId: doc.id,
          span: { start: span.start, end: span.end },
          quote: doc.text.slice(span.start, span.end),
          anchor: range ? range.getBoundingClientRect() : null,
        },
      });
    },
    [store, surface.index],
  );
  if (ui.panel === 'find') {
    return (
      <div class="side-panel">
        <FindPanel
          search={store.search}
          topics={notebook.topics}
          parties={notebook.parties}
          documents={notebook.documents}
          onGoTo={({ documentId, annotationId }) => {
            if (annotationId) void store.goToPassage(documentId, annotationId);
            else {
              if (ui.view !== 'reading') changeView('reading');
              if (documentId !== open.document?.id) void store.openDocument(documentId);
            }
          }}
          onClose={() => closePanel(store)}
          announce={store.announce}
          openDocumentId={reading}
          onMarks={onMarks}
          onHighlightText={onHighlightText}
        />
      </div>
    );
  }
  if (ui.panel === 'codebook') {
    return (
      <div class="side-panel">
        <CodebookPanel
          topics={notebook.topics}
          annotationTopics={annotationTopics}
          onUpdateTopic={store.updateTopic}
          onMergeTopics={store.mergeTopics}
          onDeleteTopic={store.deleteTopic}
          onRemoveUnusedTopics={store.removeUnusedTopics}
          onClose={() => closePanel(store)}
          announce={store.announce}
          onExportTopic={(topicId) => void store.runExport('topic', { topicId })}
        />
      </div>
    );
  }
  return null;
}
