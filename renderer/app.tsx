// The app: the toolbar, the notices, the library, the reading view or the comparison, the side panels and the
// dialogs, composed around one store (renderer/state/) that holds the notebook, the open document and the
// window's state and is the only code that calls main. Views read the state and report intents; commands (keys,
// the menu, the toolbar) run through one table (renderer/state/commands.ts).
import { useCallback, useEffect, useMemo, useRef } from 'preact/hooks';
import { LibrarySidebar, sortDocuments } from './components/library-sidebar';
import { SelectionButton } from './components/selection-button';
import { Toolbar } from './components/toolbar';
import { WelcomeCard } from './components/welcome-card';
import { cardFor, focusSoon } from './dom';
import { saveStatusText } from './format';
import { commandEnabled, runCommand, type RunnableCommandId } from './state/commands';
import type { Store } from './state/store';
import { libraryOpen as isLibraryOpen } from './state/ui';
import { connectStore, StoreContext, useAppState } from './state/use-store';
import { CompareView } from './views/compare-view';
import { Dialogs } from './views/dialogs';
import { Notices } from './views/notices';
import { HighlightListView } from './views/highlight-list-view';
import { ReadingView } from './views/reading-view';
import { SidePanel, SuggestionsDrawer, useDrawerOpen } from './views/side-panels';
import { useCommandHost } from './views/command-host';
import { useTextSurface } from './views/text-surface';

export function App() {
  const store = useMemo(connectStore, []);
  return (
    <StoreContext.Provider value={store}>
      <Window store={store} />
    </StoreContext.Provider>
  );
}

/** Focuses a highlight's card after the render that shows it. */
function useFocusAfterRender(): (id: string) => void {
  const pending = useRef<string | null>(null);
  useEffect(() => {
    const id = pending.current;
    if (!id) return;
    pending.current = null;
    cardFor(id)?.focus({ preventScroll: true });
  });
  return useCallback((id: string) => {
    pending.current = id;
  }, []);
}

function Window({ store }: { store: Store }) {
  const state = useAppState();
  const { notebook, ui } = state;
  const doc = state.open.document;
  const surface = useTextSurface(doc);
  const focusCard = useFocusAfterRender();

  useEffect(
    () =>
      // Where the reader left off: the document opened last, else the first.
      store.start((docs) => (docs.some((d) => d.openedAt) ? sortDocuments(docs, 'opened')[0] : docs[0])),
    [store],
  );

  // The first start's welcome: main says whether it shows.
  useEffect(() => void store.loadWelcome(), [store]);

  useEffect(() => {
    document.title = doc ? `${doc.title || 'Untitled'} — Parley` : 'Parley';
  }, [doc?.title]);

  // The toolbar wraps on narrow windows; the panels fixed below it read its height from --toolbar-height.
  useEffect(() => {
    const toolbar = document.querySelector<HTMLElement>('.toolbar');
    if (!toolbar) return undefined;
    const observer = new ResizeObserver(() =>
      document.documentElement.style.setProperty('--toolbar-height', `${toolbar.offsetHeight}px`),
    );
    observer.observe(toolbar);
    return () => observer.disconnect();
  }, []);

  const { host, events } = useCommandHost(store, surface);
  const run = (id: RunnableCommandId) => runCommand(id, host);

  const libraryOpen = isLibraryOpen(ui, notebook.documents.length);
  const drawerOpen = useDrawerOpen();
  const sideOpen = drawerOpen || ui.panel !== null;

  return (
    <div
      class={`app${events.dragging ? ' app--dragging' : ''}${sideOpen ? ' app--drawer' : ''}${libraryOpen ? ' app--library' : ''}`}
    >
      <a class="skip-link" href={ui.view === 'reading' ? '#reading' : '#compare'}>
        {ui.view === 'reading' ? 'Skip to the text' : 'Skip to the comparison'}
      </a>
      <Toolbar
        view={ui.view}
        documents={notebook.documents}
        documentId={doc?.id ?? null}
        topics={notebook.topics}
        filter={ui.filter}
        saveStatus={saveStatusText(ui.saveState)}
        saveFailed={ui.saveState?.status === 'error'}
        suggestionsOpen={drawerOpen}
        onView={host.changeView}
        onOpenDocument={(id) => void store.openDocument(id)}
        onFilter={(filter) => store.patchUi({ filter })}
        libraryOpen={libraryOpen}
        panel={ui.panel}
        history={notebook.history}
        exportBusy={ui.exportBusy}
        isEnabled={(id) => commandEnabled(id, state)}
        onCommand={run}
      />

      <Notices />

      {libraryOpen && (
        <div id="library" class="library-slot">
          <LibrarySidebar
            documents={notebook.documents}
            openId={doc?.id ?? null}
            onOpen={(id) => {
              if (ui.view !== 'reading') host.changeView('reading');
              if (id !== doc?.id) void store.openDocument(id);
            }}
            onRename={store.renameDocument}
            onDelete={async (id) => {
              await store.deleteDocument(id);
              focusSoon('.library__open, .library__filter');
            }}
            onClose={() => {
              store.patchUi({ libraryChoice: false });
              focusSoon('.toolbar__library');
            }}
            tab={ui.sidebarTab}
            onTab={(sidebarTab) => store.patchUi({ sidebarTab })}
            highlights={<HighlightListView />}
          />
        </div>
      )}

      <main class="page">
        {ui.welcome && (
          <WelcomeCard
            onCommand={run}
            onDismiss={() => {
              void store.dismissWelcome();
              focusSoon('.reading');
            }}
          />
        )}
        <ReadingView surface={surface} focusCard={focusCard} />
        <CompareView />
      </main>

      <SuggestionsDrawer surface={surface} />
      <SidePanel changeView={host.changeView} />

      {events.selectionSpot && !ui.editor && ui.view === 'reading' && (
        <SelectionButton
          top={events.selectionSpot.top}
          left={events.selectionSpot.left}
          onHighlight={() => run('highlight')}
        />
      )}

      <Dialogs focusCard={focusCard} />
    </div>
  );
}
