// What the window shows around the notebook: which view and side panel, which dialog, the highlight editor, the
// topic filter and the active passage, and the notices (a polite message, an error, progress, a paste offer).
// Pure: the store calls these; views read them.
import type { Progress, SaveState } from '../../shared/contract';
import type { Annotation, Comparison } from '../types';

export type View = 'reading' | 'compare' | 'accounts';
/**
 * `versions`: the open document's versions; `review`: its highlights carried onto its latest version;
 * `conflicts`: what team sync could not settle alone.
 */
export type SidePanel = 'find' | 'codebook' | 'versions' | 'review' | 'conflicts';
/** Team sync's dialogs: share this notebook, join a shared one, confirm stopping. */
export type SyncDialog = 'share' | 'join' | 'stop';
/** What the library sidebar lists: the notebook's documents, or the open document's highlights. */
export type SidebarTab = 'documents' | 'highlights';

/** Where a dialog is placed beside: the selection's or a card's rectangle (a DOMRect fits). */
export interface Anchor {
  top: number;
  bottom: number;
  left: number;
}

export type EditorState =
  | {
      mode: 'create';
      documentId: string;
      span: { start: number; end: number };
      quote: string;
      anchor: Anchor | null;
    }
  | {
      mode: 'edit';
      annotation: Annotation;
      anchor: Anchor | null;
      /** Where focus goes when the editor closes, when not to the card: the suggestions it was opened from. */
      returnTo?: 'suggestions';
    };

/** The events' dialog: documents grouped as a new event, an event changed, or which event's accounts to export. */
export type EventDialog =
  { mode: 'create'; documentIds: string[] } | { mode: 'edit'; eventId: string } | { mode: 'export' };

export interface PendingPaste {
  fileName: string;
  bytes: Uint8Array<ArrayBuffer>;
  /** What the offer calls it: "text" or "web page". */
  kind: string;
}

export interface UiState {
  /** Until the first document shows (or there is none), the empty library's invitation waits. */
  loading: boolean;
  view: View;
  panel: SidePanel | null;
  /** The reader's choice to show or hide the library; until they choose, it shows when there is a choice. */
  libraryChoice: boolean | null;
  filter: string;
  activeId: string | null;
  editor: EditorState | null;
  editingDetails: boolean;
  linking: Annotation | null;
  partiesOpen: boolean;
  shortcutsOpen: boolean;
  /** The command palette (Ctrl/⌘+Shift+P): every command by name. */
  paletteOpen: boolean;
  exportDialog: 'topic' | 'notebook' | null;
  eventDialog: EventDialog | null;
  syncDialog: SyncDialog | null;
  /** Edit › Preferences… (Settings… on macOS): the author name. */
  preferencesOpen: boolean;
  /**
   * Whether Markdown exports follow each quote with a Pandoc citation, as last chosen in an export dialog: the
   * document's own export (which has no dialog) uses it too. For the session only.
   */
  exportCite: 'none' | 'pandoc';
  exportBusy: boolean;
  message: string;
  /** Counts the messages said, so one said again (the same words) starts its time afresh. */
  messageTick: number;
  /** The status message that carries an Undo button (a deletion just made). */
  undoOffer: string | null;
  error: string | null;
  progress: Progress | null;
  saveState: SaveState | null;
  pendingPaste: PendingPaste | null;
  /** The comparison's topic ('' for all) and what main compared, null while it is read. */
  compareTopic: string;
  comparison: Comparison | null;
  /** Counts documents opened, so the reading view starts each at its top. */
  openTick: number;
  /** A passage to bring into view and make active once its document is open and painted. */
  reveal: string | null;
  /** Bumped to ask for the pending passage to be revealed when nothing else changes. */
  revealTick: number;
  /** Caret browsing (F7): the arrow keys move a caret in the reading column's text. */
  caretBrowsing: boolean;
  /** Highlights carry their party's colour as an underline (View › Colour by Party), the fill keeping the topic's. */
  partyColours: boolean;
  sidebarTab: SidebarTab;
  /** The first start's welcome shows (main says so at start; Help › Getting Started shows it again). */
  welcome: boolean;
}

export const initialUi: UiState = {
  loading: true,
  view: 'reading',
  panel: null,
  libraryChoice: null,
  filter: '',
  activeId: null,
  editor: null,
  editingDetails: false,
  linking: null,
  partiesOpen: false,
  shortcutsOpen: false,
  paletteOpen: false,
  exportDialog: null,
  eventDialog: null,
  syncDialog: null,
  preferencesOpen: false,
  exportCite: 'none',
  exportBusy: false,
  message: '',
  messageTick: 0,
  undoOffer: null,
  error: null,
  progress: null,
  saveState: null,
  pendingPaste: null,
  compareTopic: '',
  comparison: null,
  openTick: 0,
  reveal: null,
  revealTick: 0,
  caretBrowsing: false,
  partyColours: false,
  sidebarTab: 'documents',
  welcome: false,
};

/** Says something politely; a deletion offers its Undo beside it. */
export function announce(state: UiState, text: string): UiState {
  return {
    ...state,
    message: text,
    messageTick: state.messageTick + 1,
    undoOffer: /^Deleted\b/.test(text) ? text : null,
  };
}

/** Says something without the Undo offer (as the editor's and panels' own messages do). */
export function say(state: UiState, text: string): UiState {
  return { ...state, message: text, messageTick: state.messageTick + 1 };
}

/** How long a passing message shows before it leaves by itself. */
export const MESSAGE_MS = 5_000;
/** How long an error shows: long enough to read twice, unless dismissed first. */
export const ERROR_MS = 12_000;

/** Whether the status message carries an action the reader can still take (Undo of a deletion just made). */
export const messageHasAction = (state: UiState, canUndo: boolean): boolean =>
  state.message !== '' && state.undoOffer === state.message && canUndo;

/**
 * How long a notice shows before it leaves by itself, in milliseconds; null when it stays until the reader
 * dismisses it or acts on it (a message with an action), or when there is nothing to show. A newer message
 * replaces any of them.
 */
export function noticeLifetime(state: UiState, which: 'message' | 'error', canUndo: boolean): number | null {
  if (which === 'error') return state.error ? ERROR_MS : null;
  if (!state.message) return null;
  return messageHasAction(state, canUndo) ? null : MESSAGE_MS;
}

/**
 * Takes a notice away, when dismissed or when its time is up, if it is still the one named: a newer message said
 * meanwhile (or the same words said again, a new tick) stays.
 */
export function dismissNotice(
  state: UiState,
  which: 'message' | 'error',
  shown: { text: string; tick?: number },
): UiState {
  if (which === 'error') return state.error === shown.text ? { ...state, error: null } : state;
  if (state.message !== shown.text || (shown.tick !== undefined && shown.tick !== state.messageTick)) {
    return state;
  }
  return { ...state, message: '', undoOffer: null };
}

/** Turns colour by party on or off; the choice holds for the window, across the documents opened in it. */
export function setPartyColours(state: UiState, on: boolean): UiState {
  return state.partyColours === on ? state : { ...state, partyColours: on };
}

export const libraryOpen = (state: UiState, documentCount: number): boolean =>
  state.libraryChoice ?? documentCount >= 2;

/** A dialog holds the keyboard: window keys, drops and pastes wait. */
export const modalOpen = (state: UiState): boolean =>
  !!state.editor ||
  state.editingDetails ||
  !!state.linking ||
  state.partiesOpen ||
  state.shortcutsOpen ||
  state.paletteOpen ||
  state.exportDialog !== null ||
  state.eventDialog !== null ||
  state.syncDialog !== null ||
  state.preferencesOpen;

/** Opens a side panel, or closes it when it is the one open; suggestions give way to it. */
export function togglePanel(state: UiState, which: SidePanel): UiState {
  return { ...state, panel: state.panel === which ? null : which };
}

/** A passage asked for elsewhere is forgotten once it is gone. */
export function forgetRemoved(state: UiState, present: (id: string) => boolean): UiState {
  return state.activeId && !present(state.activeId) ? { ...state, activeId: null } : state;
}
