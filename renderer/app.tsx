// The app: the toolbar, the notices, the library, the reading view or the comparison, the side panels (the sync
// conflicts among them), the command palette and the dialogs, composed around one store (renderer/state/) that holds the notebook, the open document and the
// window's state and is the only code that calls main. Views read the state and report intents; commands (keys,
// the menu, the toolbar) run through one table (renderer/state/commands.ts).
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { CommandPalette, paletteItems } from './components/command-palette';
import { LibrarySidebar, sortDocuments } from './components/library-sidebar';
import { SelectionButton } from './components/selection-button';
import { Toolbar } from './components/toolbar';
import { WelcomeCard } from './components/welcome-card';
import { cardFor, focusSoon } from './dom';
import { saveStatusText } from './format';
import { COMMAND_ACTIONS, commandEnabled, runCommand, type RunnableCommandId } from './state/commands';
import type { Store } from './state/store';
import { libraryOpen as isLibraryOpen, type View } from './state/ui';
import { connectStore, StoreContext, useAppState } from './state/use-store';
import { AccountsView } from './views/accounts-view';
import { CompareView } from './views/compare-view';
import { Dialogs } from './views/dialogs';
import { EventDialogs, LibraryEventsView } from './views/events-view';
import { Notices } from './views/notices';
import { HighlightListView } from './views/highlight-list-view';
import { ReadingView } from './views/reading-view';
import { SidePanel, SuggestionsDrawer, useDrawerOpen } from './views/side-panels';
import { useCommandHost } from './views/command-host';
import { useTextSurface } from './views/text-surface';
import { SyncConflictsView, SyncDialogs } from './views/sync-view';
import { VersionDrop, VersionPageView, VersionsPanel } from './views/versions-view';

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

const SKIP_TEXT: Record<View, string> = {
  reading: 'Skip to the text',
  compare: 'Skip to the comparison',
  accounts: 'Skip to the accounts',
};

/** The palette lists every command the window can run but its own and the Find button's twin (Close Find). */
const PALETTE_COMMANDS = (Object.keys(COMMAND_ACTIONS) as RunnableCommandId[]).filter(
  (id) => id !== 'command-palette' && id !== 'close-find',
);

/**
 * What was focused and selected when the palette opened, given back when it closes so a command runs where the
 * reader was (Highlight on their selection, Escape back to their place).
 */
function useReturnPlace(open: boolean): () => void {
  const place = useRef<{ focus: Element | null; range: Range | null } | null>(null);
  if (open && !place.current) {
    const selection = document.getSelection();
    place.current = {
      focus: document.activeElement,
      range: selection && selection.rangeCount > 0 ? selection.getRangeAt(0).cloneRange() : null,
    };
  }
  return useCallback(() => {
    const saved = place.current;
    place.current = null;
    if (!saved) return;
    if (saved.focus instanceof HTMLElement && saved.focus.isConnected)
      saved.focus.focus({ preventScroll: true });
    if (saved.range && saved.range.startContainer.isConnected) {
      const selection = document.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(saved.range);
    }
  }, []);
}

/** Whether a media query matches now, following it as the window is resized. */
function useMediaQuery(query: string): boolean {
  const [matches, setMatches] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const list = window.matchMedia(query);
    const changed = () => setMatches(list.matches);
    changed();
    list.addEventListener('change', changed);
    return () => list.removeEventListener('change', changed);
  }, [query]);
  return matches;
}

/**
 * Below this width the library and a side panel together would leave the text a sliver, so the library gives way
 * while a panel is open (and comes back when it closes); the comparison keeps it and scrolls its columns.
 */
const NARROW_WINDOW = '(max-width: 68rem)';

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

  // Team sync: where it stands, from main's event and a first read, and the author name.
  useEffect(() => store.startSync(), [store]);

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
  const paletteItemsList = useMemo(() => paletteItems(PALETTE_COMMANDS), []);
  const returnFromPalette = useReturnPlace(ui.paletteOpen);

  const drawerOpen = useDrawerOpen();
  const sideOpen = drawerOpen || ui.panel !== null;
  const narrow = useMediaQuery(NARROW_WINDOW);
  const libraryGivesWay = narrow && sideOpen;
  const libraryOpen = isLibraryOpen(ui, notebook.documents.length) && !libraryGivesWay;
  /** The toolbar's commands; its Library button, while the library gives way to a panel, closes the panel. */
  const onToolbarCommand = (id: RunnableCommandId) => {
    if (id === 'toggle-library' && libraryGivesWay && isLibraryOpen(ui, notebook.documents.length)) {
      store.patchUi({ panel: null });
      store.setSuggestions((current) => ({ ...current, open: false, list: null }));
      return;
    }
    run(id);
  };

  return (
    <div
      class={`app${events.dragging ? ' app--dragging' : ''}${sideOpen ? ' app--drawer' : ''}${libraryOpen ? ' app--library' : ''}`}
    >
      <a class="skip-link" href={`#${ui.view}`}>
        {SKIP_TEXT[ui.view]}
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
        showAccounts={ui.view === 'accounts'}
        isEnabled={(id) => commandEnabled(id, state)}
        onCommand={onToolbarCommand}
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
            events={<LibraryEventsView />}
          />
        </div>
      )}

      <main class="page">
        {ui.welcome && ui.view === 'reading' && (
          <WelcomeCard
            onCommand={run}
            onDismiss={() => {
              void store.dismissWelcome();
              focusSoon('.reading');
            }}
          />
        )}
        <ReadingView surface={surface} focusCard={focusCard} />
        <VersionPageView />
        <CompareView />
        <AccountsView />
      </main>

      <SuggestionsDrawer surface={surface} />
      <SidePanel changeView={host.changeView} surface={surface} />
      <VersionsPanel surface={surface} />
      <SyncConflictsView />
      <VersionDrop dragging={events.dragging} />

      {events.selectionSpot && !ui.editor && ui.view === 'reading' && (
        <SelectionButton
          top={events.selectionSpot.top}
          left={events.selectionSpot.left}
          onHighlight={() => run('highlight')}
        />
      )}

      <Dialogs focusCard={focusCard} />
      <EventDialogs />
      <SyncDialogs />

      {ui.paletteOpen && (
        <CommandPalette
          items={paletteItemsList}
          // Each command as it will be once the palette has closed (Highlight is not held back by the palette).
          isEnabled={(id) => commandEnabled(id, { ...state, ui: { ...ui, paletteOpen: false } })}
          onClose={(command) => {
            store.patchUi({ paletteOpen: false });
            // After the palette has gone (the page is no longer inert), focus goes back, then the command runs.
            requestAnimationFrame(() => {
              returnFromPalette();
              if (command) run(command);
            });
          }}
        />
      )}
    </div>
  );
}
