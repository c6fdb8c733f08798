// The store's core: the one state object and its listeners, the small changes every action makes (a message,
// an error, a highlight put in place), and following the notebook: reading main's snapshot, applying each
// notebookChanged step in revision order (a gap loads again), opening a document and reading it again when a step
// changed its record. A call's reply is news only while no step has arrived since it was sent (since()): the steps
// are complete, so once one is in, a late reply would only take back what a later step put right. The actions in
// actions/ are built on it; store.ts puts them together.
import type { MenuCommand, NotebookChange, ParleyApi } from '../../shared/contract';
import { errorMessage } from '../format';
import type { Annotation, DocumentSummary, OpenedDocument } from '../types';
import * as ac from './accounts';
import * as nb from './notebook';
import * as od from './open-document';
import * as sg from './suggestions';
import * as sy from './sync';
import * as ui from './ui';
import * as vs from './versions';

export interface State {
  notebook: nb.NotebookState;
  open: od.OpenDocumentState;
  ui: ui.UiState;
  suggestions: sg.SuggestionsState;
  versions: vs.VersionsState;
  accounts: ac.AccountsState;
  sync: sy.SyncState;
}

export const initialState: State = {
  notebook: nb.initialNotebook,
  open: od.initialOpenDocument,
  ui: ui.initialUi,
  suggestions: sg.initialSuggestions,
  versions: vs.initialVersions,
  accounts: ac.initialAccounts,
  sync: sy.initialSync,
};

export type Core = ReturnType<typeof createCore>;

export function createCore(api: ParleyApi) {
  let state: State = initialState;
  const listeners = new Set<() => void>();
  /** Steps that arrived while the snapshot was read: applied after it, those it already holds skipped. */
  let held: NotebookChange[] | null = [];
  /** Calls writing a document's record now, each with the steps naming that record that arrived meanwhile. */
  const writing = new Set<{ id: string; named: NotebookChange[] }>();
  /** Reads of a document now, each marked stale when a step that is not bookkeeping arrives meanwhile. */
  const reading = new Set<{ stale: boolean }>();
  /** How many times a read overtaken by steps is made again before its answer is taken as it is. */
  const MAX_READS = 3;
  /** Counts the documents asked to be shown: only the latest asked is shown when reads come back out of order. */
  let shown = 0;
  /** Claims the window for a document about to be shown; the check says whether no later one has claimed it since. */
  const claimOpen = () => {
    const ticket = ++shown;
    return () => ticket === shown;
  };
  /** The document a step that took the open one away is opening now (null: none is being opened). */
  let replacing: string | null = null;

  const get = () => state;
  const set = (next: State) => {
    if (next === state) return;
    state = next;
    for (const listener of listeners) listener();
  };
  const setUi = (fn: (current: ui.UiState) => ui.UiState) => {
    const next = fn(state.ui);
    if (next !== state.ui) set({ ...state, ui: next });
  };
  const setNotebook = (fn: (current: nb.NotebookState) => nb.NotebookState) =>
    set({ ...state, notebook: fn(state.notebook) });
  const setSuggestions = (fn: (current: sg.SuggestionsState) => sg.SuggestionsState) =>
    set({ ...state, suggestions: fn(state.suggestions) });
  const setVersions = (fn: (current: vs.VersionsState) => vs.VersionsState) => {
    const next = fn(state.versions);
    if (next !== state.versions) set({ ...state, versions: next });
  };
  const setAccounts = (fn: (current: ac.AccountsState) => ac.AccountsState) => {
    const next = fn(state.accounts);
    if (next !== state.accounts) set({ ...state, accounts: next });
  };
  const setSync = (fn: (current: sy.SyncState) => sy.SyncState) => {
    const next = fn(state.sync);
    if (next !== state.sync) set({ ...state, sync: next });
  };
  /** Changes some of the window's state; a patch that changes nothing renders nothing. */
  const patchUi = (patch: Partial<ui.UiState>) =>
    setUi((current) =>
      (Object.keys(patch) as Array<keyof ui.UiState>).every((key) => Object.is(current[key], patch[key]))
        ? current
        : { ...current, ...patch },
    );
  const fail = (failure: unknown) => patchUi({ error: errorMessage(failure) });
  const clearError = () => {
    if (state.ui.error !== null) patchUi({ error: null });
  };
  const announce = (text: string) => setUi((current) => ui.announce(current, text));
  const say = (text: string) => setUi((current) => ui.say(current, text));
  const openId = () => od.openId(state.open);
  const openAnnotations = () => nb.documentAnnotations(state.notebook, openId());
  /** Puts a highlight a call returned in place; its event says the same (and whatever else changed). */
  const applySaved = (saved: Annotation) => setNotebook((current) => nb.upsertAnnotation(current, saved));
  /**
   * Notes the revision as a call is sent; the check says whether its reply's notebook data is still news (no step
   * has arrived since). Once one has, the steps (this call's own among them) already said everything.
   */
  const since = () => {
    const sent = state.notebook.revision;
    return () => state.notebook.revision === sent;
  };

  /**
   * Runs a call that writes a document's record; while it runs, a step naming that record is not read again, as
   * the reply brings the record. Steps carry no record, so the reply is current when at most one step named it
   * and that one was a change (its own step: main sends it before the reply). A second one (an undo, another
   * edit) or a failed call leaves the reply stale or absent: the record is read again where it stands.
   */
  async function writeRecord<T>(id: string, call: () => Promise<T>): Promise<{ value: T; current: boolean }> {
    const entry = { id, named: [] as NotebookChange[] };
    writing.add(entry);
    let current = false;
    try {
      const value = await call();
      const { named } = entry;
      current = named.length === 0 || (named.length === 1 && named[0]!.kind === 'change');
      return { value, current };
    } finally {
      writing.delete(entry);
      if (!current && entry.named.length > 0 && openId() === id) void reread(id).catch(fail);
    }
  }

  // Reading the notebook and following its steps.

  async function loadSnapshot(): Promise<void> {
    held ??= [];
    try {
      const snapshot = await api.loadNotebook();
      setNotebook((current) => nb.fromSnapshot(snapshot, current.version));
    } finally {
      const waiting = held ?? [];
      held = null;
      for (const change of waiting) receive(change);
    }
  }

  function receive(change: NotebookChange): void {
    if (held) {
      held.push(change);
      return;
    }
    const fit = nb.changeFit(state.notebook, change);
    if (fit === 'stale') return;
    if (fit === 'gap') {
      void reloadAfterGap();
      return;
    }
    // Opening notes when the document was read (bookkeeping); any other step may have changed what a read returns.
    if (change.kind !== 'bookkeeping') for (const entry of reading) entry.stale = true;
    const next = od.followUp(state.open, change);
    const notebook = nb.applyChange(state.notebook, change);
    const open = od.applyChange(state.open, change);
    // Only the active highlight is looked for (no set of every highlight of the document for each step).
    const shown = nb.documentAnnotations(notebook, od.openId(open));
    set({
      ...state,
      notebook,
      open,
      ui: ui.forgetRemoved(state.ui, (id) => shown.some((a) => a.id === id)),
      accounts: ac.applyChange(state.accounts, change),
    });
    if (next.kind === 'reread') {
      const pending = [...writing].filter((entry) => entry.id === next.id);
      for (const entry of pending) entry.named.push(change);
      if (pending.length === 0) void reread(next.id).catch(fail);
    } else if (next.kind === 'gone') {
      // Opening the next one is a step too (its openedAt), which arrives before the open's reply: while the
      // document being opened is still listed, that open stands.
      if (replacing === null || !notebook.documents.some((d) => d.id === replacing)) void replace(next.next);
    }
  }

  async function replace(id: string | null): Promise<void> {
    replacing = id;
    try {
      await openOrClear(id);
    } finally {
      if (replacing === id) replacing = null;
    }
  }

  /** A step was missed: everything is read again, and the open document with it. */
  async function reloadAfterGap(): Promise<void> {
    if (held) return;
    try {
      await loadSnapshot();
      const id = openId();
      if (!id) return;
      if (state.notebook.documents.some((d) => d.id === id)) await reread(id);
      else await openOrClear(state.notebook.documents[0]?.id ?? null);
    } catch (failure) {
      fail(failure);
    }
  }

  /**
   * Reads a document (an open, which main notes as a bookkeeping step). A step of any other kind arriving before the
   * answer may have changed it after main read it (an Undo): the answer is stale, and it is read again (at most
   * MAX_READS times in all).
   */
  async function read(id: string): Promise<OpenedDocument> {
    for (let attempt = 1; ; attempt++) {
      const entry = { stale: false };
      reading.add(entry);
      try {
        const next = await api.openDocument({ id });
        const gone = !state.notebook.documents.some((d) => d.id === id);
        // A document gone meanwhile is not read again: its step already opens the next one.
        if (!entry.stale || gone || attempt >= MAX_READS) return next;
      } finally {
        reading.delete(entry);
      }
    }
  }

  /** Reads the open document's record again, where it stands. */
  async function reread(id: string): Promise<void> {
    const ticket = shown;
    const next = await read(id);
    if (ticket !== shown || openId() !== next.document.id) return;
    set({
      ...state,
      open: od.fromOpened(next),
      notebook: nb.setDocumentAnnotations(state.notebook, id, next.annotations),
    });
  }

  async function openOrClear(id: string | null): Promise<void> {
    if (id) await openDocument(id);
    else set({ ...state, open: od.initialOpenDocument, ui: { ...state.ui, editor: null } });
  }

  async function openDocument(id: string): Promise<void> {
    clearError();
    const latest = claimOpen();
    try {
      const next = await read(id);
      if (!latest()) return;
      set({
        ...state,
        open: od.fromOpened(next),
        notebook: nb.markOpened(
          nb.setDocumentAnnotations(state.notebook, id, next.annotations),
          id,
          next.document.openedAt,
        ),
        ui: { ...state.ui, activeId: null, editor: null, openTick: state.ui.openTick + 1 },
      });
    } catch (failure) {
      if (latest()) fail(failure);
    }
  }

  /** Subscribes to main's events and reads the notebook; returns the unsubscribe. */
  function start(resume: (documents: DocumentSummary[]) => DocumentSummary | undefined): () => void {
    let cancelled = false;
    const offs = [
      api.onNotebookChanged(receive),
      api.onSaveState((saveState) => patchUi({ saveState })),
      api.onProgress((next) => patchUi({ progress: next.done >= next.total ? null : next })),
      api.onDocumentsAdded((ids) => {
        if (ids[0]) void openDocument(ids[0]);
      }),
    ];
    void (async () => {
      try {
        const [saveState] = await Promise.all([api.saveState(), loadSnapshot()]);
        if (cancelled) return;
        setUi((current) => ({ ...current, saveState: current.saveState ?? saveState }));
        // Where the reader left off: the document opened last, else the first.
        const first = resume(state.notebook.documents);
        if (first) await openDocument(first.id);
      } catch (failure) {
        fail(failure);
      } finally {
        if (!cancelled) patchUi({ loading: false });
      }
      // Subscribed and loaded: main now delivers what it held for this page (a file opened at launch or while
      // the page loaded, a menu command that opened the window), after the resumed document, so that file shows.
      if (!cancelled) api.rendererReady().catch(fail);
    })();
    return () => {
      cancelled = true;
      for (const off of offs) off();
    };
  }

  return {
    api,
    get,
    set,
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Menu commands come from main through the API too; the command table runs them. */
    onMenuCommand: (listener: (command: MenuCommand) => void) => api.onMenuCommand(listener),
    start,
    setUi,
    setNotebook,
    setSuggestions,
    setVersions,
    setAccounts,
    setSync,
    patchUi,
    fail,
    clearError,
    announce,
    say,
    openId,
    openAnnotations,
    applySaved,
    since,
    claimOpen,
    writeRecord,
    openDocument,
  };
}
