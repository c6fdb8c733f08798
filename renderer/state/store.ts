// The renderer's store: one state object made of the notebook (notebook.ts), the open document
// (open-document.ts), the window around them (ui.ts) and the suggestions panel (suggestions.ts), and the actions
// that change it. It is the only code that calls the API: an action makes one call and shows its answer; what
// else the change touched arrives with main's notebookChanged event, applied here in revision order (a gap loads
// the notebook again). No DOM: views focus and scroll after an action resolves.
import type {
  AnnotationImportReport,
  CallArgs,
  MenuCommand,
  NotebookChange,
  ParleyApi,
  Progress,
} from '../../shared/contract';
import { errorMessage, shortQuote } from '../format';
import { isLinkType, linkLabel, type LinkItem } from '../links';
import { partyShortName } from '../parties';
import { ALL_TOPICS, matchesFilter } from '../topics';
import type { Annotation, DocumentSummary, LinkType, Suggestion, Topic } from '../types';
import * as nb from './notebook';
import * as od from './open-document';
import * as sg from './suggestions';
import * as ui from './ui';

export interface State {
  notebook: nb.NotebookState;
  open: od.OpenDocumentState;
  ui: ui.UiState;
  suggestions: sg.SuggestionsState;
}

export const initialState: State = {
  notebook: nb.initialNotebook,
  open: od.initialOpenDocument,
  ui: ui.initialUi,
  suggestions: sg.initialSuggestions,
};

/** What the highlight editor hands back. */
export interface HighlightDraft {
  topicIds: string[];
  note: string;
  partyId: string | null;
  stance: string | null;
}

export type PartyInput = CallArgs<'createParty'>;

export type ExportKind =
  | 'document'
  | 'topic'
  | 'notebook-file'
  | 'notebook-folder'
  | 'notebook'
  | 'csv'
  | 'w3c-document'
  | 'w3c-notebook'
  | 'comparison';

/** A file handed to the page (dropped or pasted): a File fits. */
export interface FileLike {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** "Undo Delete highlight" → "Delete highlight". */
export function historyAction(label: string | null | undefined): string {
  return (label ?? '').replace(/^(Undo|Redo)\s+/i, '').trim();
}

export function fileSizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** An accepted suggestion becomes a highlight with its party, the topics chosen for it (if any) and no note. */
function asHighlight(suggestion: Suggestion, topicIds: readonly string[] = []) {
  const { documentId, start, end, partyId } = suggestion;
  return { documentId, start, end, partyId, topicIds: [...topicIds], note: '' };
}

export type Store = ReturnType<typeof createStore>;

export function createStore(api: ParleyApi, limits: { maxImportBytes: number }) {
  let state: State = initialState;
  const listeners = new Set<() => void>();
  /** Steps that arrived while the snapshot was read: applied after it, those it already holds skipped. */
  let held: NotebookChange[] | null = [];

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
    const next = od.followUp(state.open, change);
    const notebook = nb.applyChange(state.notebook, change);
    const open = od.applyChange(state.open, change);
    const present = new Set(nb.documentAnnotations(notebook, od.openId(open)).map((a) => a.id));
    set({ ...state, notebook, open, ui: ui.forgetRemoved(state.ui, (id) => present.has(id)) });
    if (next.kind === 'reread') void reread(next.id).catch(fail);
    else if (next.kind === 'gone') void openOrClear(next.next);
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

  /** Reads the open document's record again, where it stands. */
  async function reread(id: string): Promise<void> {
    const next = await api.openDocument({ id });
    if (openId() !== next.document.id) return;
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
    try {
      const next = await api.openDocument({ id });
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
      fail(failure);
    }
  }

  /** Subscribes to main's events and reads the notebook; returns the unsubscribe. */
  function start(resume: (documents: DocumentSummary[]) => DocumentSummary | undefined): () => void {
    let cancelled = false;
    const offs = [
      api.onNotebookChanged(receive),
      api.onSaveState((saveState) => patchUi({ saveState })),
      api.onHistory((history) => setNotebook((current) => ({ ...current, history }))),
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

  // Importing.

  async function afterImport(added: DocumentSummary[]): Promise<void> {
    const first = added[0];
    if (!first) return;
    await openDocument(first.id);
    announce(added.length === 1 ? `Imported “${first.title}”` : `Imported ${added.length} documents`);
  }

  async function importFromDialog(): Promise<void> {
    clearError();
    try {
      await afterImport(await api.importFromDialog());
    } catch (failure) {
      fail(failure);
    }
  }

  /** Sends each file's bytes to main, which finds its encoding and format; refusals are shown, one per file. */
  async function importBytes(items: Array<{ fileName: string; bytes: Uint8Array<ArrayBuffer> }>) {
    clearError();
    const added: DocumentSummary[] = [];
    const refused: string[] = [];
    for (const [i, item] of items.entries()) {
      if (items.length > 1) patchUi({ progress: { task: 'Importing', done: i, total: items.length } });
      try {
        added.push(await api.importFile({ fileName: item.fileName, bytes: item.bytes }));
      } catch (failure) {
        refused.push(errorMessage(failure));
      }
    }
    patchUi({ progress: null });
    if (refused.length > 0) patchUi({ error: refused.join(' ') });
    await afterImport(added).catch(fail);
  }

  async function importFiles(files: readonly FileLike[]): Promise<void> {
    // Which formats can be read is main's decision: every file goes there, and its refusal is shown.
    const tooLarge = files.find((file) => file.size > limits.maxImportBytes);
    if (tooLarge) {
      patchUi({
        error: `Cannot import "${tooLarge.name}": it is ${fileSizeText(tooLarge.size)}, and Parley imports files of up to 20 MB.`,
      });
      return;
    }
    const items = await Promise.all(
      files.map(async (file) => ({ fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })),
    );
    await importBytes(items);
  }

  /** Adds W3C annotations from a file the user picks: those that name no document go to the open one. */
  async function importAnnotations(): Promise<void> {
    clearError();
    const id = openId();
    try {
      const report: AnnotationImportReport | null = await api.importAnnotationsFromDialog(
        id ? { documentId: id } : {},
      );
      if (!report) return;
      const first = report.documentIds[0];
      if (first && !(id && report.documentIds.includes(id))) await openDocument(first);
      announce(
        `Imported ${report.added === 1 ? '1 annotation' : `${report.added} annotations`} from ${report.file}.`,
      );
      if (report.refused.length > 0) {
        const shown = report.refused.slice(0, 3).join(' ');
        const more = report.refused.length > 3 ? ` … and ${report.refused.length - 3} more.` : '';
        patchUi({ error: `${report.refused.length} not imported from ${report.file}: ${shown}${more}` });
      }
    } catch (failure) {
      fail(failure);
    }
  }

  // Highlights, topics, stances.

  /** Puts a highlight a call returned in place; its event says the same (and whatever else changed). */
  const applySaved = (saved: Annotation) => setNotebook((current) => nb.upsertAnnotation(current, saved));

  /** Saves the editor's highlight; throws to the editor, which shows the failure. */
  async function saveHighlight(draft: HighlightDraft): Promise<Annotation | null> {
    const editor = state.ui.editor;
    if (!editor) return null;
    let saved: Annotation;
    if (editor.mode === 'create') {
      saved = await api.createAnnotation({
        documentId: editor.documentId,
        start: editor.span.start,
        end: editor.span.end,
        ...draft,
      });
    } else {
      saved = await api.updateAnnotation({ id: editor.annotation.id, ...draft });
    }
    applySaved(saved);
    const topics = nb.topicMap(state.notebook);
    const filter = matchesFilter(saved, state.ui.filter, topics) ? state.ui.filter : ALL_TOPICS;
    patchUi({
      filter,
      activeId: saved.id,
      editor: null,
      message: editor.mode === 'create' ? 'Highlight saved.' : 'Highlight updated.',
    });
    return saved;
  }

  async function createTopic(path: string): Promise<Topic> {
    const topic = await api.createTopic({ path });
    setNotebook((current) => nb.addTopic(current, topic));
    return topic;
  }

  async function addStance(name: string): Promise<string[]> {
    const stances = await api.addStance({ name });
    setNotebook((current) => ({ ...current, stances }));
    return stances;
  }

  async function deleteAnnotation(annotation: Annotation): Promise<boolean> {
    clearError();
    try {
      await api.deleteAnnotation({ id: annotation.id });
    } catch (failure) {
      fail(failure);
      return false;
    }
    set({
      ...state,
      notebook: nb.removeAnnotation(state.notebook, annotation.id),
      open: { ...state.open, needsReview: state.open.needsReview.filter((id) => id !== annotation.id) },
    });
    setUi((current) =>
      ui.announce(
        { ...current, activeId: current.activeId === annotation.id ? null : current.activeId },
        `Deleted the highlight on “${shortQuote(annotation.target.exact, 60)}”.`,
      ),
    );
    return true;
  }

  /** Links the passage being linked to another; throws to the dialog. */
  async function linkPassages({ toId, type }: { toId: string; type: LinkType }): Promise<Annotation | null> {
    const linking = state.ui.linking;
    if (!linking) return null;
    const saved = await api.linkAnnotations({ fromId: linking.id, toId, type });
    applySaved(saved);
    const to = nb.passages(state.notebook, openId()).get(toId);
    patchUi({
      linking: null,
      message: `Linked: “${shortQuote(saved.target.exact, 40)}” ${linkLabel(type)} “${shortQuote(to?.annotation.target.exact ?? '', 40)}”.`,
    });
    return saved;
  }

  async function unlinkPassages(link: LinkItem): Promise<boolean> {
    if (!isLinkType(link.type)) return false;
    clearError();
    try {
      applySaved(await api.unlinkAnnotations({ fromId: link.fromId, toId: link.toId, type: link.type }));
      say(`Removed the link “${link.label}”.`);
      return true;
    } catch (failure) {
      fail(failure);
      return false;
    }
  }

  // Parties (each throws to the parties dialog, which shows the failure).

  async function createParty(input: PartyInput): Promise<void> {
    const party = await api.createParty(input);
    say(`Added the party “${party.name}”.`);
  }

  async function updateParty(id: string, input: PartyInput): Promise<void> {
    const party = await api.updateParty({ id, ...input });
    say(`Saved “${party.name}”.`);
  }

  async function mergeParties(fromId: string, intoId: string): Promise<void> {
    const from = nb.partyMap(state.notebook).get(fromId);
    const into = await api.mergeParties({ fromId, intoId });
    say(`Merged “${from?.name ?? 'the party'}” into “${into.name}”.`);
  }

  async function deleteParty(id: string): Promise<void> {
    const party = nb.partyMap(state.notebook).get(id);
    await api.deleteParty({ id });
    say(`Deleted the party “${party?.name ?? ''}”; its passages are kept.`);
  }

  // Topics from the codebook (each throws to the panel, which shows the failure).

  const updateTopic = (args: CallArgs<'updateTopic'>) => api.updateTopic(args);
  const mergeTopics = (args: CallArgs<'mergeTopics'>) => api.mergeTopics(args);
  const deleteTopic = (args: CallArgs<'deleteTopic'>) => api.deleteTopic(args);

  // Documents.

  async function deleteDocument(id: string): Promise<void> {
    const summary = state.notebook.documents.find((d) => d.id === id);
    await api.deleteDocument({ id });
    // Its event takes it from the list and opens another if it was open.
    announce(`Deleted the document “${summary?.title || 'Untitled'}”.`);
  }

  async function renameDocument(id: string, title: string): Promise<void> {
    const updated = await api.updateDocument({ id, title });
    set({ ...state, open: od.withRecord(state.open, updated) });
    announce(`Renamed to “${updated.title}”.`);
  }

  async function saveDocumentNote(note: string): Promise<void> {
    const id = openId();
    if (!id) return;
    const updated = await api.updateDocument({ id, note });
    set({ ...state, open: od.withRecord(state.open, updated) });
    announce('Document note saved.');
  }

  async function saveDetails(patch: Omit<CallArgs<'updateDocument'>, 'id'>): Promise<void> {
    const id = openId();
    if (!id) return;
    const updated = await api.updateDocument({ id, ...patch });
    set({ ...state, open: od.withRecord(state.open, updated), ui: { ...state.ui, editingDetails: false } });
    say('Details saved.');
  }

  // History.

  async function runHistory(which: 'undo' | 'redo'): Promise<void> {
    const before = state.notebook.history;
    const can = which === 'undo' ? before?.canUndo : before?.canRedo;
    if (before && !can) {
      announce(which === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.');
      return;
    }
    clearError();
    try {
      const history = which === 'undo' ? await api.undo() : await api.redo();
      setNotebook((current) => ({ ...current, history }));
      const action = historyAction(which === 'undo' ? before?.undoLabel : before?.redoLabel);
      const done = which === 'undo' ? 'Undone' : 'Redone';
      announce(action ? `${done}: ${action}.` : `${done}.`);
    } catch (failure) {
      fail(failure);
    }
  }

  // Exports.

  /** Runs one export: main asks where (and before replacing anything), the result's place is announced. */
  async function runExport(
    kind: ExportKind,
    options: { topicId?: string; mode?: 'file' | 'folder' } = {},
  ): Promise<void> {
    clearError();
    patchUi({ exportBusy: true });
    const id = openId();
    try {
      if (kind === 'document') {
        if (!id) return;
        const result = await api.saveMarkdown({ documentId: id });
        if (result) announce(`Exported to ${result.path}`);
      } else if (kind === 'topic') {
        if (!options.topicId) return;
        const topic = state.notebook.topics.find((t) => t.id === options.topicId);
        const result = await api.saveTopicMarkdown({ topicId: options.topicId });
        if (result) announce(`Exported the topic “${topic?.path ?? ''}” to ${result.path}`);
      } else if (kind === 'notebook-file' || kind === 'notebook-folder' || kind === 'notebook') {
        const mode = options.mode ?? (kind === 'notebook-folder' ? 'folder' : 'file');
        const progress: Progress = {
          task: 'Exporting the notebook',
          done: 0,
          total: state.notebook.documents.length || 1,
        };
        patchUi({ progress });
        const result = await api.saveNotebookMarkdown({ mode });
        if (result) {
          announce(
            mode === 'folder'
              ? `Exported ${result.files === 1 ? '1 file' : `${result.files} files`} to ${result.path}`
              : `Exported the notebook to ${result.path}`,
          );
        }
      } else if (kind === 'csv') {
        const result = await api.saveCsv();
        if (result) announce(`Exported the highlights as CSV to ${result.path}`);
      } else if (kind === 'w3c-document' || kind === 'w3c-notebook') {
        if (kind === 'w3c-document' && !id) return;
        const result = await api.saveW3C(kind === 'w3c-document' && id ? { documentId: id } : {});
        if (result) announce(`Exported the highlights as W3C annotations to ${result.path}`);
      } else {
        const topicId = state.ui.compareTopic;
        const result = await api.saveComparisonMarkdown(topicId ? { topicId } : {});
        if (result) announce(`Exported the comparison to ${result.path}`);
      }
    } catch (failure) {
      fail(failure);
    } finally {
      patchUi({ exportBusy: false, progress: null });
    }
  }

  /** The document's Markdown (File › Export): only the path is said, as before the Export menu. */
  async function exportMarkdown(): Promise<void> {
    const id = openId();
    if (!id) return;
    clearError();
    try {
      const result = await api.saveMarkdown({ documentId: id });
      if (result) say(`Exported to ${result.path}`);
    } catch (failure) {
      fail(failure);
    }
  }

  async function exportComparison(): Promise<void> {
    clearError();
    try {
      const topicId = state.ui.compareTopic;
      const result = await api.saveComparisonMarkdown(topicId ? { topicId } : {});
      if (result) say(`Exported the comparison to ${result.path}`);
    } catch (failure) {
      fail(failure);
    }
  }

  // The comparison and Find.

  /** Reads the comparison for the topic chosen; a later read wins over an earlier one still on its way. */
  let comparing = 0;
  async function loadComparison(): Promise<void> {
    const ticket = ++comparing;
    const topicId = state.ui.compareTopic;
    try {
      const comparison = await api.compare(topicId ? { topicId } : {});
      if (ticket === comparing) patchUi({ comparison });
    } catch (failure) {
      if (ticket === comparing) fail(failure);
    }
  }

  /** Goes to a highlight in the reading view: opens its document if needed; the view scrolls to it. */
  async function goToPassage(documentId: string, annotationId: string): Promise<void> {
    patchUi({ error: null, reveal: annotationId, view: 'reading' });
    if (openId() !== documentId) await openDocument(documentId);
    setUi((current) => ({ ...current, revealTick: current.revealTick + 1 }));
  }

  const chooseCompareTopic = (topicId: string) => patchUi({ comparison: null, compareTopic: topicId });
  const search = (question: CallArgs<'search'>) => api.search(question);

  // Suggested statements.

  /** Reads the open document's statements when the panel opens or the document changes. */
  let suggesting = 0;
  async function loadSuggestions(): Promise<void> {
    const id = openId();
    if (!id) return;
    const ticket = ++suggesting;
    setSuggestions(sg.restart);
    try {
      const list = await api.suggestStatements({ documentId: id });
      if (ticket === suggesting) setSuggestions((current) => sg.withList(current, list, 0));
    } catch (failure) {
      if (ticket === suggesting) {
        setSuggestions((current) => ({ ...current, list: [] }));
        fail(failure);
      }
    }
  }

  /** Each statement's proposed topic, read again when the statements, the codebook or the parties change. */
  let proposing = 0;
  async function loadProposals(): Promise<void> {
    const list = state.suggestions.list;
    const ticket = ++proposing;
    if (!list || list.length === 0) {
      if (state.suggestions.proposals.size > 0)
        setSuggestions((current) => ({ ...current, proposals: new Map() }));
      return;
    }
    const asked = list.slice(0, sg.PROPOSAL_COUNT_MAX);
    try {
      const found = await api.proposeTopics({
        texts: asked.map((s) => s.quote.slice(0, sg.PROPOSAL_TEXT_MAX)),
      });
      if (ticket !== proposing) return;
      setSuggestions((current) => ({
        ...current,
        proposals: new Map(asked.map((s, i) => [s.key, found[i] ?? null])),
      }));
    } catch (failure) {
      if (ticket === proposing) fail(failure);
    }
  }

  /** Marks the panel busy for one action, so a second press waits for the first. */
  async function busy(work: () => Promise<void>): Promise<void> {
    if (state.suggestions.busy) return;
    setSuggestions((current) => ({ ...current, busy: true }));
    clearError();
    try {
      await work();
    } catch (failure) {
      fail(failure);
    } finally {
      setSuggestions((current) => ({ ...current, busy: false }));
    }
  }

  function acceptSuggestion(suggestion: Suggestion, edit: boolean, withProposal = false): Promise<void> {
    return busy(async () => {
      const at = sg.indexOf(state.suggestions, suggestion.key);
      const topicIds = sg.topicsFor(state.suggestions, suggestion.key, withProposal);
      const proposed = withProposal ? state.suggestions.proposals.get(suggestion.key) : undefined;
      const saved = await api.createAnnotation(asHighlight(suggestion, topicIds));
      applySaved(saved);
      setSuggestions((current) => ({ ...current, acceptedHere: [...current.acceptedHere, saved.id] }));
      const party = suggestion.partyId ? nb.partyMap(state.notebook).get(suggestion.partyId) : undefined;
      const list = await api.suggestStatements({ documentId: suggestion.documentId });
      setSuggestions((current) => sg.withList(current, list, at));
      say(
        `Accepted “${shortQuote(suggestion.quote, 50)}”${party ? ` as ${partyShortName(party)}` : ''}${
          proposed ? ` on ${proposed.path}` : ''
        }. ${sg.suggestionsLeft(list.length)}.`,
      );
      if (edit)
        patchUi({ editor: { mode: 'edit', annotation: saved, anchor: null, returnTo: 'suggestions' } });
    });
  }

  function dismissSuggestion(suggestion: Suggestion): Promise<void> {
    return busy(async () => {
      const at = sg.indexOf(state.suggestions, suggestion.key);
      await api.dismissSuggestion({ key: suggestion.key });
      const list = await api.suggestStatements({ documentId: suggestion.documentId });
      setSuggestions((current) => sg.withList(current, list, at));
      say(
        `Dismissed “${shortQuote(suggestion.quote, 50)}”; it will not be suggested again. ${sg.suggestionsLeft(list.length)}.`,
      );
    });
  }

  /** Accepts every statement listed, in one call and one undo step. */
  function acceptAllSuggestions(): Promise<void> {
    const list = state.suggestions.list;
    if (!list || list.length === 0 || !list[0]) return Promise.resolve();
    const documentId = list[0].documentId;
    return busy(async () => {
      const accept = list.map((s) => ({ key: s.key, topicIds: state.suggestions.pending.get(s.key) ?? [] }));
      const result = await api.acceptSuggestions({ documentId, accept });
      for (const saved of result.annotations) applySaved(saved);
      setSuggestions((current) =>
        sg.withList(
          { ...current, acceptedHere: [...current.acceptedHere, ...result.annotations.map((a) => a.id)] },
          result.suggestions,
          0,
        ),
      );
      const accepted = result.annotations.length;
      say(accepted === 1 ? 'Accepted 1 suggestion.' : `Accepted ${accepted} suggestions.`);
    });
  }

  async function setAcceptedTopics(id: string, topicIds: string[]): Promise<void> {
    clearError();
    try {
      applySaved(await api.updateAnnotation({ id, topicIds }));
    } catch (failure) {
      fail(failure);
    }
  }

  function setTopicOnAccepted(topicId: string): Promise<void> {
    const ids = sg.untopicalAccepted(state.suggestions, openAnnotations());
    if (ids.length === 0) return Promise.resolve();
    return busy(async () => {
      const updated = await api.addTopicToAnnotations({ annotationIds: ids, topicId });
      for (const annotation of updated) applySaved(annotation);
      const path = state.notebook.topics.find((t) => t.id === topicId)?.path ?? 'the topic';
      say(
        updated.length === 1
          ? `Set ${path} on 1 accepted statement.`
          : `Set ${path} on ${updated.length} accepted statements.`,
      );
    });
  }

  return {
    get,
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Menu commands come from main through the API too; the command table runs them. */
    onMenuCommand: (listener: (command: MenuCommand) => void) => api.onMenuCommand(listener),
    start,
    // Plain state changes the views ask for.
    patchUi,
    setUi,
    setSuggestions,
    announce,
    say,
    fail,
    clearError,
    // Actions that call main.
    openDocument,
    importFromDialog,
    importBytes,
    importFiles,
    importAnnotations,
    saveHighlight,
    createTopic,
    addStance,
    deleteAnnotation,
    linkPassages,
    unlinkPassages,
    createParty,
    updateParty,
    mergeParties,
    deleteParty,
    updateTopic,
    mergeTopics,
    deleteTopic,
    deleteDocument,
    renameDocument,
    saveDocumentNote,
    saveDetails,
    runHistory,
    runExport,
    exportMarkdown,
    exportComparison,
    loadComparison,
    chooseCompareTopic,
    goToPassage,
    search,
    loadSuggestions,
    loadProposals,
    acceptSuggestion,
    dismissSuggestion,
    acceptAllSuggestions,
    setAcceptedTopics,
    setTopicOnAccepted,
  };
}
