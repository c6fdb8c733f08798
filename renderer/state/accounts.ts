// The window's accounts: which event the side-by-side view shows, its alignment as main read it, each account's
// text as read for its column, the statement to bring level, and the comparison by account. The events themselves
// are the notebook's (notebook.ts). Pure: the store calls these; views read them.
import type { AccountComparison, AccountsAlignment, DiffPart, NotebookChange } from '../../shared/contract';
import type { Block } from '../types';

/** An account's text and blocks, as its column draws them. */
export interface AccountText {
  documentId: string;
  text: string;
  blocks: Block[];
}

/**
 * A place the view brings level across the columns and marks: a span of one account (a statement there, or the
 * words an "also in" found), with the differences of wording to show, when the reader came from a highlight.
 */
export interface AccountsFocus {
  documentId: string;
  start: number;
  end: number;
  /** The highlight's words against these, word by word ("also in"); absent when the row's own wordings are shown. */
  parts?: DiffPart[];
  /** What the highlight's side is called, for the differences' legend ("your highlight in RT"). */
  from?: string;
}

export interface AccountsState {
  /** The event the side-by-side view shows; null: the notebook's first. */
  eventId: string | null;
  /** The alignment of that event, null while it is read (or when there is no event). */
  alignment: AccountsAlignment | null;
  /** Accounts' texts read so far, by document id. */
  texts: ReadonlyMap<string, AccountText>;
  focus: AccountsFocus | null;
  /** Bumped to ask for the focus to be brought level again, when nothing else changes. */
  focusTick: number;
  /** The comparison's columns: the parties (null), or the accounts of this event. */
  compareEvent: string | null;
  /** The comparison by account, null while it is read. */
  accountComparison: AccountComparison | null;
  /**
   * Counts the steps that may change an alignment (every step but bookkeeping, such as a document opened), so the
   * views read it again after those only.
   */
  stamp: number;
}

export const initialAccounts: AccountsState = {
  eventId: null,
  alignment: null,
  texts: new Map(),
  focus: null,
  focusTick: 0,
  compareEvent: null,
  accountComparison: null,
  stamp: 0,
};

/**
 * After a step (not bookkeeping): an account whose record it changed (a new version, an edit) or that is gone is read
 * again when next shown, and the alignment with it.
 */
export function applyChange(state: AccountsState, change: NotebookChange): AccountsState {
  if (change.kind === 'bookkeeping') return state;
  const changed = change.changedDocuments ?? [];
  const gone = change.documents ? new Set(change.documents.map((d) => d.id)) : null;
  const stale = [...state.texts.keys()].filter((id) => changed.includes(id) || (gone && !gone.has(id)));
  let texts = state.texts;
  if (stale.length > 0) {
    const kept = new Map(texts);
    for (const id of stale) kept.delete(id);
    texts = kept;
  }
  return { ...state, texts, stamp: state.stamp + 1 };
}

/** The event shown: the one chosen while it still exists, else the first; null when there are none. */
export function shownEvent<E extends { id: string }>(state: AccountsState, events: readonly E[]): E | null {
  return events.find((event) => event.id === state.eventId) ?? events[0] ?? null;
}
