// What each command of the window does (shared/commands.ts lists them once: id, label, keys, menu, toolbar): when
// it is enabled, read from the state, and what it runs. The key handler, the menu's commands, the toolbar and its
// Export menu all dispatch through `runCommand`, so one command does one thing wherever it is asked for.
import type {
  ExportMenuCommandId,
  MenuCommandId,
  ToolbarCommandId,
  WindowCommandId,
} from '../../shared/commands';
import type { State, Store } from './store';
import * as sg from './suggestions';
import { syncOn } from './sync';
import * as ui from './ui';

export type RunnableCommandId = MenuCommandId | WindowCommandId | ToolbarCommandId | ExportMenuCommandId;

/** What a command needs beyond the store: the page's own parts (the selection, scrolling, focus). */
export interface CommandHost {
  store: Store;
  /** Opens the highlight editor on the reading column's selection, or says to select first. */
  startHighlight(): void;
  /** Selects the next or the previous sentence of the text, or grows the selection by one (the sentence cursor). */
  moveSentence(move: 'next' | 'previous' | 'extend-next' | 'extend-previous'): void;
  /** Shows the reading view or the comparison, each where it was left. */
  changeView(view: ui.View): void;
  /** Focuses, after the next paint, the first element the selector finds. */
  focusSoon(selector: string, options?: { select?: boolean }): void;
  /** Focuses, after the next paint, the toolbar button that runs this command (a panel it opened closed). */
  focusToolbar(id: ToolbarCommandId): void;
}

export interface CommandAction {
  /** Whether asking for it does something now (a toolbar button shows it enabled). */
  enabled(state: State): boolean;
  run(host: CommandHost): void;
}

const always = () => true;
const hasDocument = (state: State) => state.open.document !== null;
/** A document's latest text is shown in the reading view and no dialog holds the keyboard. */
const reading = (state: State) =>
  hasDocument(state) && state.ui.view === 'reading' && !ui.modalOpen(state.ui) && !state.versions.page;
/** The open document has had a newer version imported over it. */
const hasVersions = (state: State) => (state.open.document?.version ?? 1) > 1;

/** Opens a versions panel on the reading view (or closes it when it is the one open). */
function versionsPanel(host: CommandHost, which: 'versions' | 'review'): void {
  if (!host.store.get().open.document) {
    host.store.say('Open a document first: its versions are listed beside it.');
    return;
  }
  if (host.store.get().ui.view !== 'reading') host.changeView('reading');
  togglePanel(host, which);
}

/**
 * Opens Find (or, when it is open, goes back to its search field); the suggestions give way. A Find that opens
 * focuses and selects its own field as it mounts: selecting it again a frame later would take the first letters
 * a quick typist has already put in, and replace them with the next.
 */
function openFind(host: CommandHost): void {
  const open = host.store.get().ui.panel === 'find';
  host.store.setUi((current) => ({ ...current, panel: 'find' }));
  host.store.setSuggestions((current) => ({ ...current, open: false, list: null }));
  if (open) host.focusSoon('.find__field', { select: true });
}

function togglePanel(host: CommandHost, which: ui.SidePanel): void {
  host.store.setUi((current) => ui.togglePanel(current, which));
  host.store.setSuggestions((current) => ({ ...current, open: false, list: null }));
}

/** Opens the suggestions drawer, or closes it and goes back to its toolbar button. */
function toggleSuggestions(host: CommandHost): void {
  if (host.store.get().suggestions.open) {
    host.store.setSuggestions(sg.close);
    host.focusToolbar('suggestions');
  } else host.store.setSuggestions((current) => ({ ...current, open: true }));
}

function toggleLibrary(host: CommandHost): void {
  const { notebook, ui: current } = host.store.get();
  const open = ui.libraryOpen(current, notebook.documents.length);
  host.store.patchUi(open ? { libraryChoice: false } : { libraryChoice: true, sidebarTab: 'documents' });
  if (!open) host.focusSoon('.library__filter');
}

/** Shows the open document's highlights in the sidebar, or hides the sidebar when they are what it shows. */
function toggleHighlights(host: CommandHost): void {
  const { notebook, ui: current } = host.store.get();
  const shown = ui.libraryOpen(current, notebook.documents.length) && current.sidebarTab === 'highlights';
  host.store.patchUi(shown ? { libraryChoice: false } : { libraryChoice: true, sidebarTab: 'highlights' });
  if (!shown) host.focusSoon('.highlight-list__filter');
}

const hasEvent = (state: State) => state.notebook.events.length > 0;

/** Opens the dialog that groups documents as accounts of one event, the open document ticked. */
function groupAccounts(host: CommandHost): void {
  const id = host.store.openId();
  host.store.patchUi({ error: null, eventDialog: { mode: 'create', documentIds: id ? [id] : [] } });
}

/** Exports the accounts of the event in view (or the only one); with several and none in view, asks which. */
function exportAccounts(host: CommandHost): void {
  const eventId = host.store.eventInView();
  if (eventId) void host.store.exportAccounts(eventId);
  else host.store.patchUi({ error: null, eventDialog: { mode: 'export' } });
}

const syncing = (state: State) => syncOn(state.sync.status);

/** Asks before turning sync off; with sync off already, says so. */
function stopSync(host: CommandHost): void {
  if (!syncing(host.store.get())) {
    host.store.say('Sync is already off for this notebook.');
    return;
  }
  host.store.patchUi({ error: null, syncDialog: 'stop' });
}

export const COMMAND_ACTIONS: { readonly [K in RunnableCommandId]: CommandAction } = {
  highlight: {
    enabled: reading,
    run: (host) => host.startHighlight(),
  },
  'next-sentence': { enabled: reading, run: (host) => host.moveSentence('next') },
  'previous-sentence': { enabled: reading, run: (host) => host.moveSentence('previous') },
  'extend-next-sentence': { enabled: reading, run: (host) => host.moveSentence('extend-next') },
  'extend-previous-sentence': { enabled: reading, run: (host) => host.moveSentence('extend-previous') },
  'caret-browsing': {
    enabled: reading,
    run: (host) => {
      const on = !host.store.get().ui.caretBrowsing;
      host.store.patchUi({ caretBrowsing: on });
      host.store.say(
        on
          ? 'Caret browsing is on: the arrow keys move a caret in the text, Shift selects. F7 turns it off.'
          : 'Caret browsing is off.',
      );
    },
  },
  undo: {
    enabled: (state) => !!state.notebook.history?.canUndo,
    run: (host) => void host.store.runHistory('undo'),
  },
  redo: {
    enabled: (state) => !!state.notebook.history?.canRedo,
    run: (host) => void host.store.runHistory('redo'),
  },
  find: { enabled: always, run: openFind },
  'command-palette': { enabled: always, run: (host) => host.store.patchUi({ paletteOpen: true }) },
  'close-find': {
    enabled: (state) => state.ui.panel === 'find',
    run: (host) => {
      if (host.store.get().ui.panel === 'find') togglePanel(host, 'find');
    },
  },
  suggestions: { enabled: hasDocument, run: toggleSuggestions },
  parties: { enabled: always, run: (host) => host.store.patchUi({ error: null, partiesOpen: true }) },
  'toggle-library': { enabled: always, run: toggleLibrary },
  highlights: { enabled: always, run: toggleHighlights },
  codebook: { enabled: always, run: (host) => togglePanel(host, 'codebook') },
  'party-colours': { enabled: always, run: (host) => host.store.togglePartyColours() },
  reading: { enabled: always, run: (host) => host.changeView('reading') },
  compare: {
    enabled: always,
    run: (host) => host.changeView(host.store.get().ui.view === 'compare' ? 'reading' : 'compare'),
  },
  accounts: {
    enabled: always,
    run: (host) => host.changeView(host.store.get().ui.view === 'accounts' ? 'reading' : 'accounts'),
  },
  'group-accounts': { enabled: always, run: groupAccounts },
  'export-accounts': { enabled: hasEvent, run: exportAccounts },
  shortcuts: { enabled: always, run: (host) => host.store.patchUi({ shortcutsOpen: true }) },
  preferences: { enabled: always, run: (host) => host.store.patchUi({ error: null, preferencesOpen: true }) },
  'share-notebook': {
    enabled: always,
    run: (host) => host.store.patchUi({ error: null, syncDialog: 'share' }),
  },
  'join-notebook': {
    enabled: always,
    run: (host) => host.store.patchUi({ error: null, syncDialog: 'join' }),
  },
  'sync-now': { enabled: syncing, run: (host) => void host.store.syncNow() },
  'stop-sync': { enabled: syncing, run: stopSync },
  'sync-conflicts': { enabled: always, run: (host) => togglePanel(host, 'conflicts') },
  'getting-started': {
    enabled: always,
    run: (host) => {
      host.store.showWelcome();
      host.focusSoon('.welcome__heading');
    },
  },
  import: { enabled: always, run: (host) => void host.store.importFromDialog() },
  'import-annotations': { enabled: always, run: (host) => void host.store.importAnnotations() },
  'import-version': { enabled: hasDocument, run: (host) => void host.store.importVersionFromDialog() },
  'version-history': { enabled: hasDocument, run: (host) => versionsPanel(host, 'versions') },
  'version-review': { enabled: hasVersions, run: (host) => versionsPanel(host, 'review') },
  'compare-versions': {
    enabled: hasVersions,
    run: (host) => {
      const doc = host.store.get().open.document;
      if (!doc || doc.version < 2) {
        host.store.say('This document has one version: import a newer one to compare them.');
        return;
      }
      if (host.store.get().ui.view !== 'reading') host.changeView('reading');
      void host.store.openDiff(doc.version - 1, doc.version);
    },
  },
  'export-markdown': { enabled: hasDocument, run: (host) => void host.store.exportMarkdown() },
  'export-comparison': { enabled: always, run: (host) => void host.store.exportComparison() },
  'export-topic': { enabled: always, run: (host) => host.store.patchUi({ exportDialog: 'topic' }) },
  'export-notebook': { enabled: always, run: (host) => host.store.patchUi({ exportDialog: 'notebook' }) },
  'export-csv': { enabled: always, run: (host) => void host.store.runExport('csv') },
  'export-document': { enabled: hasDocument, run: (host) => void host.store.runExport('document') },
  'export-document-cited': {
    enabled: hasDocument,
    run: (host) => void host.store.runExport('document', { cite: 'pandoc' }),
  },
  'export-notebook-file': { enabled: always, run: (host) => void host.store.runExport('notebook-file') },
  'export-notebook-folder': { enabled: always, run: (host) => void host.store.runExport('notebook-folder') },
  'export-comparison-markdown': { enabled: always, run: (host) => void host.store.runExport('comparison') },
  'export-w3c-document': { enabled: hasDocument, run: (host) => void host.store.runExport('w3c-document') },
  'export-w3c-notebook': { enabled: always, run: (host) => void host.store.runExport('w3c-notebook') },
};

/** Runs a command; each checks for itself what it can do now, and says so when it cannot (Nothing to undo). */
export function runCommand(id: RunnableCommandId, host: CommandHost): void {
  COMMAND_ACTIONS[id].run(host);
}

export const commandEnabled = (id: RunnableCommandId, state: State): boolean =>
  COMMAND_ACTIONS[id].enabled(state);
