// What the window shows around the notebook: which view and side panel, which dialog, the highlight editor, the
// topic filter and the active passage, and the notices (a polite message, an error, progress, a paste offer).
// Pure: the store calls these; views read them.
import type { Progress, SaveState } from '../../shared/contract';
import type { Annotation, Comparison } from '../types';

export type View = 'reading' | 'compare';
export type SidePanel = 'find' | 'codebook';
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
  exportDialog: 'topic' | 'notebook' | null;
  exportBusy: boolean;
  message: string;
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
  exportDialog: null,
  exportBusy: false,
  message: '',
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
  sidebarTab: 'documents',
  welcome: false,
};

/** Says something politely; a deletion offers its Undo beside it. */
export function announce(state: UiState, text: string): UiState {
  return { ...state, message: text, undoOffer: /^Deleted\b/.test(text) ? text : null };
}

/** Says something without the Undo offer (as the editor's and panels' own messages do). */
export function say(state: UiState, text: string): UiState {
  return { ...state, message: text };
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
  state.exportDialog !== null;

/** Opens a side panel, or closes it when it is the one open; suggestions give way to it. */
export function togglePanel(state: UiState, which: SidePanel): UiState {
  return { ...state, panel: state.panel === which ? null : which };
}

/** A passage asked for elsewhere is forgotten once it is gone. */
export function forgetRemoved(state: UiState, present: (id: string) => boolean): UiState {
  return state.activeId && !present(state.activeId) ? { ...state, activeId: null } : state;
}
