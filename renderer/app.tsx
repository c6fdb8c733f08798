// The app: the library of documents, the reading view (one open document, its highlights painted in the text and
// its notes in the margin, suggested statements, Find or the Codebook beside it) and the comparison of the
// parties across every document, with every change made through window.parley and undone the same way. State
// lives here; the components below only show it and report intents.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { HistoryState, Progress } from '../shared/contract';
import { MAX_IMPORT_BYTES } from '../shared/limits';
import { CodebookPanel } from './components/codebook-panel';
import { ComparisonView } from './components/comparison-view';
import { DocumentNote } from './components/document-note';
import { NotebookExportDialog, TopicExportDialog, type ExportKind } from './components/export-menu';
import { FindPanel } from './components/find-panel';
import { LibrarySidebar, sortDocuments } from './components/library-sidebar';
import { ShortcutsDialog } from './components/shortcuts-dialog';
import { DetailsEditor, type DetailsPatch } from './components/details-editor';
import { HighlightEditor, type HighlightDraft } from './components/highlight-editor';
import { LinkDialog } from './components/link-dialog';
import { MarginNotes } from './components/margin-notes';
import { NeedsReview } from './components/needs-review';
import type { CardEnv } from './components/note-card';
import { PartiesDialog, type PartyInput } from './components/parties-dialog';
import { partyShortName } from './components/party-chip';
import { DocumentHeader, DocumentText } from './components/reading-column';
import { SelectionButton } from './components/selection-button';
import { SuggestionsPanel, type AcceptedStatement } from './components/suggestions-panel';
import { Toolbar, VIEW_PANEL_IDS, VIEW_TAB_IDS, type SidePanel, type View } from './components/toolbar';
import { errorMessage, isTextEntry, saveStatusText, shortQuote } from './format';
import { HighlightPainter } from './highlighting/painter';
import {
  offsetAtPoint,
  offsetsToRange,
  rangeContainsPoint,
  rangeToOffsets,
  type TextIndex,
  type TextSpan,
} from './highlighting/text-index';
import { isLinkType, linkLabel, type LinkItem, type PassageRef } from './links';
import { ALL_TOPICS, matchesFilter, paintColour } from './topics';
import type {
  Annotation,
  Comparison,
  DocumentSummary,
  LinkType,
  MenuCommand,
  OpenedDocument,
  PartyWithCount,
  SaveState,
  Suggestion,
  TopicProposal,
  Topic,
  TopicWithCount,
} from './types';

type EditorState =
  | { mode: 'create'; documentId: string; span: TextSpan; quote: string; anchor: DOMRect | null }
  | {
      mode: 'edit';
      annotation: Annotation;
      anchor: DOMRect | null;
      /** Where focus goes when the editor closes, when not to the card: the suggestions it was opened from. */
      returnTo?: 'suggestions';
    };

/** Another document's highlights, kept so links into and out of it can be shown and followed. */
interface LibraryDocument {
  id: string;
  title: string;
  annotations: Annotation[];
}

interface IndexedText {
  text: string;
  index: TextIndex;
}

interface PendingPaste {
  fileName: string;
  bytes: Uint8Array<ArrayBuffer>;
  /** What the offer calls it: "text" or "web page". */
  kind: string;
}

/** Within this many milliseconds, a menu command repeats a key the window already handled (an accelerator). */
const ACCELERATOR_ECHO_MS = 400;

/** An accepted suggestion becomes a highlight with its party, the topics chosen for it (if any) and no note. */
function asHighlight(suggestion: Suggestion, topicIds: readonly string[] = []) {
  const { documentId, start, end, partyId } = suggestion;
  return { documentId, start, end, partyId, topicIds: [...topicIds], note: '' };
}

/** Longest statement and most statements sent for topic proposals at once (the contract's limits). */
const PROPOSAL_TEXT_MAX = 20_000;
const PROPOSAL_COUNT_MAX = 1000;

function suggestionsLeft(count: number): string {
  return count === 1 ? '1 suggestion left' : `${count || 'No'} suggestions left`;
}

/** "Undo Delete highlight" → "Delete highlight". */
function historyAction(label: string | null | undefined): string {
  return (label ?? '').replace(/^(Undo|Redo)\s+/i, '').trim();
}

function fileSizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

function byPosition(a: Annotation, b: Annotation): number {
  return a.target.start - b.target.start || a.target.end - b.target.end;
}

function scrollBehavior(): ScrollBehavior {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
}

/** Scrolls the window just enough to show a passage below the toolbar, a third of the way down when it moves. */
function revealRange(range: Range): void {
  const rect = range.getBoundingClientRect();
  const toolbarBottom = document.querySelector('.toolbar')?.getBoundingClientRect().bottom ?? 0;
  const top = toolbarBottom + 24;
  const bottom = window.innerHeight - 24;
  if (rect.top >= top && rect.bottom <= bottom) return;
  const room = bottom - top;
  const delta = rect.height >= room ? rect.top - top : rect.top - top - (room - rect.height) / 3;
  window.scrollBy({ top: delta, behavior: scrollBehavior() });
}

function cardFor(id: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`.margin [data-annotation-id="${CSS.escape(id)}"]`);
}

function reviewCardFor(id: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`.review [data-annotation-id="${CSS.escape(id)}"]`);
}

function focusSuggestionList(): void {
  document.querySelector<HTMLElement>('.suggestions')?.focus({ preventScroll: true });
}

/** The list after a change, with the item at the same place (or the last) in focus. */
function keyAt(list: Suggestion[], index: number): string | null {
  return list[Math.min(Math.max(index, 0), list.length - 1)]?.key ?? null;
}

export function App() {
  const api = window.parley;
  const [documents, setDocuments] = useState<DocumentSummary[]>([]);
  const [opened, setOpened] = useState<OpenedDocument | null>(null);
  const [topics, setTopics] = useState<TopicWithCount[]>([]);
  const [filter, setFilter] = useState(ALL_TOPICS);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [editor, setEditor] = useState<EditorState | null>(null);
  const [editingDetails, setEditingDetails] = useState(false);
  const [saveState, setSaveState] = useState<SaveState | null>(null);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [indexed, setIndexed] = useState<IndexedText | null>(null);
  const [ranges, setRanges] = useState<ReadonlyMap<string, Range>>(new Map());
  const [selectionSpot, setSelectionSpot] = useState<{ top: number; left: number } | null>(null);
  const [dragging, setDragging] = useState(false);
  const [pendingPaste, setPendingPaste] = useState<PendingPaste | null>(null);
  const [view, setView] = useState<View>('reading');
  const [parties, setParties] = useState<PartyWithCount[]>([]);
  const [stances, setStances] = useState<string[]>([]);
  const [library, setLibrary] = useState<ReadonlyMap<string, LibraryDocument>>(new Map());
  const [linking, setLinking] = useState<Annotation | null>(null);
  const [partiesOpen, setPartiesOpen] = useState(false);
  const [suggestOpen, setSuggestOpen] = useState(false);
  const [suggestions, setSuggestions] = useState<Suggestion[] | null>(null);
  const [suggestionKey, setSuggestionKey] = useState<string | null>(null);
  const [suggestBusy, setSuggestBusy] = useState(false);
  /** Topics chosen in the panel for statements not yet accepted, by suggestion key. */
  const [pendingTopics, setPendingTopics] = useState<ReadonlyMap<string, string[]>>(new Map());
  /** Highlights accepted from the panel since it was opened on this document, in the order accepted. */
  const [acceptedHere, setAcceptedHere] = useState<string[]>([]);
  const [proposals, setProposals] = useState<ReadonlyMap<string, TopicProposal | null>>(new Map());
  const [comparison, setComparison] = useState<Comparison | null>(null);
  const [compareTopic, setCompareTopic] = useState('');
  /** Counts changes to the notebook, so the comparison is fetched again after any of them. */
  const [dataVersion, setDataVersion] = useState(0);
  /** Bumped to ask for a pending passage to be revealed when nothing else re-renders. */
  const [revealTick, setRevealTick] = useState(0);
  const [history, setHistory] = useState<HistoryState | null>(null);
  /** The reader's choice to show or hide the library; until they choose, it shows when there is a choice to make. */
  const [libraryChoice, setLibraryChoice] = useState<boolean | null>(null);
  const [panel, setPanel] = useState<SidePanel | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  /** The status message that carries an Undo button (a deletion just made). */
  const [undoOffer, setUndoOffer] = useState<string | null>(null);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [exportDialog, setExportDialog] = useState<'topic' | 'notebook' | null>(null);
  const [exportBusy, setExportBusy] = useState(false);
  const historyRef = useRef<HistoryState | null>(null);
  historyRef.current = history;
  const openedIdRef = useRef<string | null>(null);
  openedIdRef.current = opened?.document.id ?? null;
  /**
   * When undo or redo last ran from a key. In a text field the key is left to the browser (it undoes typing), so
   * on Windows and Linux the menu's accelerator can fire too; its echo is ignored. Other keys are consumed
   * (preventDefault), which keeps the menu from seeing them.
   */
  const keyedAt = useRef(new Map<string, number>());
  const painter = useMemo(() => new HighlightPainter(), []);
  const filterRef = useRef<HTMLSelectElement>(null);
  const focusAfterRender = useRef<string | null>(null);
  /** A passage to bring into view and make active once its document is open and painted. */
  const pendingReveal = useRef<string | null>(null);
  /** Where the reading view was scrolled when the comparison took its place. */
  const readingScroll = useRef(0);

  const topicMap = useMemo(() => new Map(topics.map((topic) => [topic.id, topic])), [topics]);
  const partyMap = useMemo(() => new Map(parties.map((party) => [party.id, party])), [parties]);
  const doc = opened?.document ?? null;
  const index = indexed && doc && indexed.text === doc.text ? indexed.index : null;

  /** Every highlight in the notebook by id: the open document's as they are now, the others' as last read. */
  const passages = useMemo(() => {
    const map = new Map<string, PassageRef>();
    for (const other of library.values()) {
      if (other.id === opened?.document.id) continue;
      for (const annotation of other.annotations) {
        map.set(annotation.id, { annotation, documentId: other.id, documentTitle: other.title });
      }
    }
    if (opened) {
      const { id, title } = opened.document;
      for (const annotation of [...opened.annotations].sort(byPosition)) {
        map.set(annotation.id, { annotation, documentId: id, documentTitle: title });
      }
    }
    return map;
  }, [library, opened]);

  const { visible, review } = useMemo(() => {
    if (!opened) return { visible: [], review: [] };
    const needsReview = new Set(opened.needsReview);
    const shown = opened.annotations.filter((a) => matchesFilter(a, filter, topicMap));
    return {
      visible: shown.filter((a) => !needsReview.has(a.id)).sort(byPosition),
      review: shown.filter((a) => needsReview.has(a.id)).sort(byPosition),
    };
  }, [opened, filter, topicMap]);

  // Paint whenever the text, the highlights, the filter or the active passage change.
  useLayoutEffect(() => {
    if (!index) {
      painter.clear();
      setRanges(new Map());
      return;
    }
    const items = visible.map((a) => ({
      id: a.id,
      start: a.target.start,
      end: a.target.end,
      colour: paintColour(a, filter, topicMap),
    }));
    const active =
      editor?.mode === 'create'
        ? editor.span
        : (visible.find((a) => a.id === (editor?.mode === 'edit' ? editor.annotation.id : activeId))
            ?.target ?? null);
    setRanges(painter.paint(index, items, active));
  }, [index, visible, filter, topicMap, activeId, editor, painter]);

  useEffect(() => () => painter.clear(), [painter]);

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

  // Suggested statements, painted faintly while their panel is open.
  const showSuggestions = suggestOpen && view === 'reading' && !!suggestions;
  useLayoutEffect(() => {
    if (!index || !showSuggestions || !suggestions) {
      painter.clearSuggestions();
      return;
    }
    painter.paintSuggestions(index, suggestions, suggestionKey);
  }, [index, showSuggestions, suggestions, suggestionKey, painter]);

  useEffect(() => () => painter.clearSuggestions(), [painter]);

  // The suggestion in focus in the list is brought into view in the text.
  useEffect(() => {
    if (!index || !showSuggestions || !suggestionKey) return;
    const suggestion = suggestions?.find((s) => s.key === suggestionKey);
    const range = suggestion && offsetsToRange(index, suggestion.start, suggestion.end);
    if (range) revealRange(range);
  }, [suggestionKey, showSuggestions, index]);

  // A passage asked for from a link or the comparison: once its document is open and painted, show it.
  useEffect(() => {
    const id = pendingReveal.current;
    if (!id || view !== 'reading' || !opened) return;
    const annotation = opened.annotations.find((a) => a.id === id);
    if (!annotation) return;
    if (opened.needsReview.includes(id)) {
      if (!matchesFilter(annotation, filter, topicMap)) {
        setFilter(ALL_TOPICS);
        return;
      }
      pendingReveal.current = null;
      const card = reviewCardFor(id);
      card?.scrollIntoView({ block: 'center', behavior: scrollBehavior() });
      card?.focus({ preventScroll: true });
      return;
    }
    if (!visible.some((a) => a.id === id)) {
      setFilter(ALL_TOPICS);
      return;
    }
    const range = ranges.get(id);
    if (!range) return;
    pendingReveal.current = null;
    setActiveId(id);
    revealRange(range);
    cardFor(id)?.focus({ preventScroll: true });
  }, [view, opened, visible, ranges, filter, topicMap, revealTick]);

  useEffect(() => {
    const id = focusAfterRender.current;
    if (!id) return;
    focusAfterRender.current = null;
    cardFor(id)?.focus({ preventScroll: true });
  });

  useEffect(() => {
    document.title = doc ? `${doc.title || 'Untitled'} — Parley` : 'Parley';
  }, [doc?.title]);

  const fail = useCallback((failure: unknown) => setError(errorMessage(failure)), []);
  const libraryOpen = libraryChoice ?? documents.length >= 2;

  /** Says something politely; a deletion offers its Undo beside it. */
  const announce = useCallback((text: string) => {
    setMessage(text);
    setUndoOffer(/^Deleted\b/.test(text) ? text : null);
  }, []);

  /** Reads every document's highlights (without their texts), for links that cross documents. */
  const refreshLibrary = useCallback(async () => {
    const read = await api.listAnnotations();
    setLibrary(
      new Map(
        read
          .filter((entry) => entry.annotations.length > 0)
          .map(({ documentId, title, annotations }) => [documentId, { id: documentId, title, annotations }]),
      ),
    );
  }, [api]);

  /** What Undo and Redo would do now; the history event says the same, this covers a missed one. */
  const refreshHistory = useCallback(async () => {
    try {
      setHistory(await api.historyState());
    } catch {
      // The history event keeps the buttons right; a failed read only leaves them as they were.
    }
  }, [api]);

  const refreshLists = useCallback(async (): Promise<DocumentSummary[]> => {
    const [docs, topicList, partyList] = await Promise.all([
      api.listDocuments(),
      api.listTopics(),
      api.listParties(),
    ]);
    setDocuments(docs);
    setTopics(topicList);
    setParties(partyList);
    setDataVersion((v) => v + 1);
    await Promise.all([refreshLibrary(), refreshHistory()]);
    return docs;
  }, [api, refreshLibrary, refreshHistory]);

  /** Puts a saved highlight in place wherever it is shown: the open document, or another one's list. */
  const applySaved = useCallback((saved: Annotation) => {
    setOpened((current) => {
      if (!current || current.document.id !== saved.documentId) return current;
      const others = current.annotations.filter((a) => a.id !== saved.id);
      return { ...current, annotations: [...others, saved] };
    });
    setLibrary((current) => {
      const entry = current.get(saved.documentId);
      if (!entry) return current;
      const next = new Map(current);
      next.set(entry.id, {
        ...entry,
        annotations: [...entry.annotations.filter((a) => a.id !== saved.id), saved],
      });
      return next;
    });
  }, []);

  const openDocument = useCallback(
    async (id: string) => {
      setError(null);
      try {
        const next = await api.openDocument({ id });
        setOpened(next);
        const { openedAt } = next.document;
        setDocuments((docs) => docs.map((d) => (d.id === id ? { ...d, openedAt } : d)));
        setActiveId(null);
        setEditor(null);
        window.scrollTo({ top: 0 });
      } catch (failure) {
        fail(failure);
      }
    },
    [api, fail],
  );

  const afterImport = useCallback(
    async (added: DocumentSummary[]) => {
      const first = added[0];
      if (!first) return;
      await refreshLists();
      await openDocument(first.id);
      announce(added.length === 1 ? `Imported “${first.title}”` : `Imported ${added.length} documents`);
    },
    [refreshLists, openDocument, announce],
  );

  const importFromDialog = useCallback(async () => {
    setError(null);
    try {
      await afterImport(await api.importFromDialog());
    } catch (failure) {
      fail(failure);
    }
  }, [api, afterImport, fail]);

  /** Sends each file's bytes to main, which finds its encoding and format; refusals are shown, one per file. */
  const importBytes = useCallback(
    async (items: Array<{ fileName: string; bytes: Uint8Array<ArrayBuffer> }>) => {
      setError(null);
      const added: DocumentSummary[] = [];
      const refused: string[] = [];
      for (const [i, item] of items.entries()) {
        if (items.length > 1) setProgress({ task: 'Importing', done: i, total: items.length });
        try {
          added.push(await api.importFile({ fileName: item.fileName, bytes: item.bytes }));
        } catch (failure) {
          refused.push(errorMessage(failure));
        }
      }
      setProgress(null);
      if (refused.length > 0) setError(refused.join(' '));
      await afterImport(added).catch(fail);
    },
    [api, afterImport, fail],
  );

  const importFiles = useCallback(
    async (files: File[]) => {
      // Which formats can be read is main's decision: every file goes there, and its refusal is shown.
      const tooLarge = files.find((file) => file.size > MAX_IMPORT_BYTES);
      if (tooLarge) {
        setError(
          `Cannot import "${tooLarge.name}": it is ${fileSizeText(tooLarge.size)}, and Parley imports files of up to 20 MB.`,
        );
        return;
      }
      const items = await Promise.all(
        files.map(async (file) => ({ fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })),
      );
      await importBytes(items);
    },
    [importBytes],
  );

  const exportMarkdown = useCallback(async () => {
    if (!doc) return;
    setError(null);
    try {
      const result = await api.saveMarkdown({ documentId: doc.id });
      if (result) setMessage(`Exported to ${result.path}`);
    } catch (failure) {
      fail(failure);
    }
  }, [api, doc, fail]);

  /** The reading column's current selection as text offsets, with where it sits on screen. */
  const currentSelection = useCallback((): { span: TextSpan; range: Range } | null => {
    if (!index || !doc) return null;
    const selection = document.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
    const range = selection.getRangeAt(0);
    const span = rangeToOffsets(index, range, doc.text);
    return span ? { span, range } : null;
  }, [index, doc]);

  const startHighlight = useCallback(() => {
    if (editor || editingDetails || linking || partiesOpen || !doc || view !== 'reading') return;
    const current = currentSelection();
    if (!current) {
      setMessage('Select a passage in the text first, then press H.');
      return;
    }
    setError(null);
    setSelectionSpot(null);
    setEditor({
      mode: 'create',
      documentId: doc.id,
      span: current.span,
      quote: doc.text.slice(current.span.start, current.span.end),
      anchor: current.range.getBoundingClientRect(),
    });
  }, [editor, editingDetails, linking, partiesOpen, doc, view, currentSelection]);

  const editAnnotation = useCallback((annotation: Annotation) => {
    setError(null);
    setActiveId(annotation.id);
    setEditor({ mode: 'edit', annotation, anchor: cardFor(annotation.id)?.getBoundingClientRect() ?? null });
  }, []);

  const createTopic = useCallback(
    async (path: string): Promise<Topic> => {
      const topic = await api.createTopic({ path });
      setTopics((list) =>
        [...list.filter((t) => t.id !== topic.id), { ...topic, count: 0 }].sort((a, b) =>
          a.path.localeCompare(b.path),
        ),
      );
      return topic;
    },
    [api],
  );

  const saveEditor = useCallback(
    async (draft: HighlightDraft) => {
      if (!editor) return;
      let saved: Annotation;
      if (editor.mode === 'create') {
        saved = await api.createAnnotation({
          documentId: editor.documentId,
          start: editor.span.start,
          end: editor.span.end,
          topicIds: draft.topicIds,
          note: draft.note,
          partyId: draft.partyId,
          stance: draft.stance,
        });
        document.getSelection()?.removeAllRanges();
      } else {
        saved = await api.updateAnnotation({
          id: editor.annotation.id,
          topicIds: draft.topicIds,
          note: draft.note,
          partyId: draft.partyId,
          stance: draft.stance,
        });
      }
      applySaved(saved);
      if (!matchesFilter(saved, filter, topicMap)) setFilter(ALL_TOPICS);
      setActiveId(saved.id);
      setEditor(null);
      setMessage(editor.mode === 'create' ? 'Highlight saved.' : 'Highlight updated.');
      if (editor.mode === 'edit' && editor.returnTo === 'suggestions')
        requestAnimationFrame(focusSuggestionList);
      else focusAfterRender.current = saved.id;
      refreshLists().catch(fail);
    },
    [api, editor, filter, topicMap, applySaved, refreshLists, fail],
  );

  const addStance = useCallback(
    async (name: string): Promise<string[]> => {
      const list = await api.addStance({ name });
      setStances(list);
      return list;
    },
    [api],
  );

  /** Reads the open document again after a change made elsewhere (a party merged or deleted). */
  const reloadOpened = useCallback(async () => {
    if (!doc) return;
    const next = await api.openDocument({ id: doc.id });
    setOpened((current) => (current && current.document.id === next.document.id ? next : current));
  }, [api, doc]);

  const createParty = useCallback(
    async (input: PartyInput) => {
      const party = await api.createParty(input);
      setMessage(`Added the party “${party.name}”.`);
      await refreshLists();
    },
    [api, refreshLists],
  );

  const updateParty = useCallback(
    async (id: string, input: PartyInput) => {
      const party = await api.updateParty({ id, ...input });
      setMessage(`Saved “${party.name}”.`);
      await refreshLists();
    },
    [api, refreshLists],
  );

  const mergeParties = useCallback(
    async (fromId: string, intoId: string) => {
      const from = partyMap.get(fromId);
      const into = await api.mergeParties({ fromId, intoId });
      setMessage(`Merged “${from?.name ?? 'the party'}” into “${into.name}”.`);
      await Promise.all([reloadOpened(), refreshLists()]);
    },
    [api, partyMap, reloadOpened, refreshLists],
  );

  const deleteParty = useCallback(
    async (id: string) => {
      const party = partyMap.get(id);
      await api.deleteParty({ id });
      setMessage(`Deleted the party “${party?.name ?? ''}”; its passages are kept.`);
      await Promise.all([reloadOpened(), refreshLists()]);
    },
    [api, partyMap, reloadOpened, refreshLists],
  );

  const linkPassages = useCallback(
    async ({ toId, type }: { toId: string; type: LinkType }) => {
      if (!linking) return;
      const saved = await api.linkAnnotations({ fromId: linking.id, toId, type });
      applySaved(saved);
      const to = passages.get(toId);
      setLinking(null);
      setMessage(
        `Linked: “${shortQuote(saved.target.exact, 40)}” ${linkLabel(type)} “${shortQuote(to?.annotation.target.exact ?? '', 40)}”.`,
      );
      focusAfterRender.current = saved.id;
      refreshLists().catch(fail);
    },
    [api, linking, passages, applySaved, refreshLists, fail],
  );

  const unlinkPassages = useCallback(
    async (link: LinkItem) => {
      if (!isLinkType(link.type)) return;
      setError(null);
      // The card the link was removed from keeps focus.
      const cardId = link.direction === 'out' ? link.fromId : link.toId;
      try {
        const saved = await api.unlinkAnnotations({ fromId: link.fromId, toId: link.toId, type: link.type });
        applySaved(saved);
        setMessage(`Removed the link “${link.label}”.`);
        focusAfterRender.current = cardId;
        refreshLists().catch(fail);
      } catch (failure) {
        fail(failure);
      }
    },
    [api, applySaved, refreshLists, fail],
  );

  const changeView = useCallback(
    (next: View) => {
      if (next === view) return;
      if (view === 'reading') readingScroll.current = window.scrollY;
      setView(next);
      setSelectionSpot(null);
    },
    [view],
  );

  // Each view keeps its own place: the comparison starts at the top, the reading view where it was left.
  useLayoutEffect(() => {
    if (view === 'compare') window.scrollTo({ top: 0 });
    else if (!pendingReveal.current) window.scrollTo({ top: readingScroll.current });
  }, [view]);

  /** Goes to a highlight in the reading view: opens its document if needed, scrolls to it, makes it active. */
  const goToPassage = useCallback(
    async (documentId: string, annotationId: string) => {
      setError(null);
      pendingReveal.current = annotationId;
      if (view !== 'reading') setView('reading');
      if (doc?.id !== documentId) await openDocument(documentId);
      setRevealTick((tick) => tick + 1);
    },
    [view, doc, openDocument],
  );

  const loadSuggestions = useCallback(
    async (documentId: string, keepIndex?: number) => {
      const list = await api.suggestStatements({ documentId });
      setSuggestions(list);
      setSuggestionKey((key) =>
        keepIndex !== undefined
          ? keyAt(list, keepIndex)
          : list.some((s) => s.key === key)
            ? key
            : keyAt(list, 0),
      );
      return list;
    },
    [api],
  );

  // The panel lists the open document's statements: read again whenever it opens or the document changes.
  useEffect(() => {
    if (!suggestOpen || !doc) return undefined;
    let cancelled = false;
    setSuggestions(null);
    setAcceptedHere([]);
    setPendingTopics(new Map());
    api
      .suggestStatements({ documentId: doc.id })
      .then((list) => {
        if (cancelled) return;
        setSuggestions(list);
        setSuggestionKey(keyAt(list, 0));
      })
      .catch((failure: unknown) => {
        if (!cancelled) {
          setSuggestions([]);
          fail(failure);
        }
      });
    return () => {
      cancelled = true;
    };
  }, [api, suggestOpen, doc?.id, fail]);

  // Each statement's proposed topic, read again when the statements, the codebook or the parties change.
  useEffect(() => {
    if (!suggestions || suggestions.length === 0) {
      setProposals(new Map());
      return undefined;
    }
    let cancelled = false;
    const asked = suggestions.slice(0, PROPOSAL_COUNT_MAX);
    api
      .proposeTopics({ texts: asked.map((s) => s.quote.slice(0, PROPOSAL_TEXT_MAX)) })
      .then((found) => {
        if (!cancelled) setProposals(new Map(asked.map((s, i) => [s.key, found[i] ?? null])));
      })
      .catch((failure: unknown) => {
        if (!cancelled) fail(failure);
      });
    return () => {
      cancelled = true;
    };
  }, [api, suggestions, topics, parties, fail]);

  const acceptSuggestion = useCallback(
    async (suggestion: Suggestion, edit: boolean, withProposal = false) => {
      if (suggestBusy) return;
      setSuggestBusy(true);
      setError(null);
      const at = suggestions?.findIndex((s) => s.key === suggestion.key) ?? 0;
      const topicIds = pendingTopics.get(suggestion.key) ?? [];
      const proposed = withProposal ? proposals.get(suggestion.key) : undefined;
      try {
        const saved = await api.createAnnotation(
          asHighlight(
            suggestion,
            proposed && !topicIds.includes(proposed.topicId) ? [...topicIds, proposed.topicId] : topicIds,
          ),
        );
        applySaved(saved);
        setAcceptedHere((ids) => [...ids, saved.id]);
        const party = suggestion.partyId ? partyMap.get(suggestion.partyId) : undefined;
        const list = await loadSuggestions(suggestion.documentId, at);
        const left = suggestionsLeft(list.length);
        setMessage(
          `Accepted “${shortQuote(suggestion.quote, 50)}”${party ? ` as ${partyShortName(party)}` : ''}${
            proposed ? ` on ${proposed.path}` : ''
          }. ${left}.`,
        );
        if (edit) setEditor({ mode: 'edit', annotation: saved, anchor: null, returnTo: 'suggestions' });
        refreshLists().catch(fail);
      } catch (failure) {
        fail(failure);
      } finally {
        setSuggestBusy(false);
      }
    },
    [
      api,
      suggestBusy,
      suggestions,
      pendingTopics,
      proposals,
      partyMap,
      applySaved,
      loadSuggestions,
      refreshLists,
      fail,
    ],
  );

  const dismissSuggestion = useCallback(
    async (suggestion: Suggestion) => {
      if (suggestBusy) return;
      setSuggestBusy(true);
      setError(null);
      const at = suggestions?.findIndex((s) => s.key === suggestion.key) ?? 0;
      try {
        await api.dismissSuggestion({ key: suggestion.key });
        const list = await loadSuggestions(suggestion.documentId, at);
        const left = suggestionsLeft(list.length);
        setMessage(
          `Dismissed “${shortQuote(suggestion.quote, 50)}”; it will not be suggested again. ${left}.`,
        );
      } catch (failure) {
        fail(failure);
      } finally {
        setSuggestBusy(false);
      }
    },
    [api, suggestBusy, suggestions, loadSuggestions, fail],
  );

  const acceptAllSuggestions = useCallback(async () => {
    if (suggestBusy || !suggestions || suggestions.length === 0) return;
    setSuggestBusy(true);
    setError(null);
    let accepted = 0;
    try {
      for (const suggestion of suggestions) {
        const saved = await api.createAnnotation(asHighlight(suggestion, pendingTopics.get(suggestion.key)));
        applySaved(saved);
        setAcceptedHere((ids) => [...ids, saved.id]);
        accepted++;
      }
      setMessage(accepted === 1 ? 'Accepted 1 suggestion.' : `Accepted ${accepted} suggestions.`);
    } catch (failure) {
      fail(failure);
      if (accepted > 0) setMessage(`Accepted ${accepted} of ${suggestions.length} suggestions.`);
    } finally {
      const documentId = suggestions[0]?.documentId;
      if (documentId) await loadSuggestions(documentId, 0).catch(fail);
      setSuggestBusy(false);
      refreshLists().catch(fail);
    }
  }, [api, suggestBusy, suggestions, pendingTopics, applySaved, loadSuggestions, refreshLists, fail]);

  // The statements accepted here, as the highlights they are now (an undone one is gone from the list).
  const acceptedStatements = useMemo<AcceptedStatement[]>(() => {
    const byId = new Map((opened?.annotations ?? []).map((a) => [a.id, a]));
    return acceptedHere
      .map((id) => byId.get(id))
      .filter((a): a is Annotation => !!a)
      .map((a) => ({ id: a.id, quote: a.target.exact, partyId: a.partyId, topicIds: a.topicIds }));
  }, [acceptedHere, opened]);

  /** What "Set topic on all accepted" gives a topic to: those accepted here and, in this document, the highlights
   *  that hold a party's position (as accepted statements do) — each only while it has no topic. */
  const untopicalAccepted = useMemo(() => {
    const here = new Set(acceptedHere);
    return (opened?.annotations ?? [])
      .filter((a) => a.topicIds.length === 0 && (here.has(a.id) || a.partyId !== null))
      .map((a) => a.id);
  }, [acceptedHere, opened]);

  const setAcceptedTopics = useCallback(
    async (id: string, topicIds: string[]) => {
      setError(null);
      try {
        applySaved(await api.updateAnnotation({ id, topicIds }));
        refreshLists().catch(fail);
      } catch (failure) {
        fail(failure);
      }
    },
    [api, applySaved, refreshLists, fail],
  );

  const setTopicOnAccepted = useCallback(
    async (topicId: string) => {
      if (suggestBusy || untopicalAccepted.length === 0) return;
      setSuggestBusy(true);
      setError(null);
      try {
        const updated = await api.addTopicToAnnotations({ annotationIds: untopicalAccepted, topicId });
        for (const annotation of updated) applySaved(annotation);
        const path = topics.find((t) => t.id === topicId)?.path ?? 'the topic';
        setMessage(
          updated.length === 1
            ? `Set ${path} on 1 accepted statement.`
            : `Set ${path} on ${updated.length} accepted statements.`,
        );
        refreshLists().catch(fail);
      } catch (failure) {
        fail(failure);
      } finally {
        setSuggestBusy(false);
      }
    },
    [api, suggestBusy, untopicalAccepted, topics, applySaved, refreshLists, fail],
  );

  const closeSuggestions = useCallback(() => {
    setSuggestOpen(false);
    setSuggestions(null);
    setSuggestionKey(null);
    requestAnimationFrame(() =>
      [...document.querySelectorAll<HTMLElement>('.toolbar button')]
        .find((b) => b.textContent === 'Suggestions')
        ?.focus({ preventScroll: true }),
    );
  }, []);

  const exportComparison = useCallback(async () => {
    setError(null);
    try {
      const result = await api.saveComparisonMarkdown(compareTopic ? { topicId: compareTopic } : {});
      if (result) setMessage(`Exported the comparison to ${result.path}`);
    } catch (failure) {
      fail(failure);
    }
  }, [api, compareTopic, fail]);

  // The comparison is read again whenever it is shown, its topic changes, or the notebook does.
  useEffect(() => {
    if (view !== 'compare') return undefined;
    let cancelled = false;
    api
      .compare(compareTopic ? { topicId: compareTopic } : {})
      .then((result) => {
        if (!cancelled) setComparison(result);
      })
      .catch((failure: unknown) => {
        if (!cancelled) fail(failure);
      });
    return () => {
      cancelled = true;
    };
  }, [api, view, compareTopic, dataVersion, fail]);

  const deleteAnnotation = useCallback(
    async (annotation: Annotation) => {
      setError(null);
      const next = visible[visible.findIndex((a) => a.id === annotation.id) + 1];
      try {
        await api.deleteAnnotation({ id: annotation.id });
      } catch (failure) {
        fail(failure);
        return;
      }
      setOpened(
        (current) =>
          current && {
            ...current,
            annotations: current.annotations.filter((a) => a.id !== annotation.id),
            needsReview: current.needsReview.filter((id) => id !== annotation.id),
          },
      );
      setActiveId((id) => (id === annotation.id ? null : id));
      announce(`Deleted the highlight on “${shortQuote(annotation.target.exact, 60)}”.`);
      if (next) focusAfterRender.current = next.id;
      else document.querySelector<HTMLElement>('.reading')?.focus({ preventScroll: true });
      refreshLists().catch(fail);
    },
    [api, visible, refreshLists, fail, announce],
  );

  /** Reads everything shown again after undo or redo; if the open document went, another one opens. */
  const refreshEverything = useCallback(async () => {
    const docs = await refreshLists();
    const openId = openedIdRef.current;
    if (openId && docs.some((d) => d.id === openId)) {
      const next = await api.openDocument({ id: openId });
      setOpened((current) => (current && current.document.id === next.document.id ? next : current));
      setActiveId((id) => (id && next.annotations.some((a) => a.id === id) ? id : null));
    } else if (docs[0]) {
      await openDocument(docs[0].id);
    } else {
      setOpened(null);
      setEditor(null);
    }
  }, [api, refreshLists, openDocument]);

  /** Adds W3C annotations from a file the user picks: those that name no document go to the open one. */
  const importAnnotations = useCallback(async () => {
    setError(null);
    try {
      const report = await api.importAnnotationsFromDialog(doc ? { documentId: doc.id } : {});
      if (!report) return;
      await refreshEverything();
      const first = report.documentIds[0];
      if (first && !(doc && report.documentIds.includes(doc.id))) await openDocument(first);
      announce(
        `Imported ${report.added === 1 ? '1 annotation' : `${report.added} annotations`} from ${report.file}.`,
      );
      if (report.refused.length > 0) {
        const shown = report.refused.slice(0, 3).join(' ');
        const more = report.refused.length > 3 ? ` … and ${report.refused.length - 3} more.` : '';
        setError(`${report.refused.length} not imported from ${report.file}: ${shown}${more}`);
      }
    } catch (failure) {
      fail(failure);
    }
  }, [api, doc, refreshEverything, openDocument, announce, fail]);

  const runHistory = useCallback(
    async (which: 'undo' | 'redo') => {
      const before = historyRef.current;
      const can = which === 'undo' ? before?.canUndo : before?.canRedo;
      if (before && !can) {
        announce(which === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.');
        return;
      }
      setError(null);
      try {
        const state = which === 'undo' ? await api.undo() : await api.redo();
        setHistory(state);
        await refreshEverything();
        const action = historyAction(which === 'undo' ? before?.undoLabel : before?.redoLabel);
        const done = which === 'undo' ? 'Undone' : 'Redone';
        announce(action ? `${done}: ${action}.` : `${done}.`);
      } catch (failure) {
        fail(failure);
      }
    },
    [api, refreshEverything, announce, fail],
  );

  const deleteDocument = useCallback(
    async (id: string) => {
      const summary = documents.find((d) => d.id === id);
      await api.deleteDocument({ id });
      const docs = await refreshLists();
      if (openedIdRef.current === id) {
        if (docs[0]) await openDocument(docs[0].id);
        else {
          setOpened(null);
          setEditor(null);
        }
      }
      announce(`Deleted the document “${summary?.title || 'Untitled'}”.`);
      requestAnimationFrame(() =>
        document
          .querySelector<HTMLElement>('.library__open, .library__filter')
          ?.focus({ preventScroll: true }),
      );
    },
    [api, documents, refreshLists, openDocument, announce],
  );

  const renameDocument = useCallback(
    async (id: string, title: string) => {
      const updated = await api.updateDocument({ id, title });
      setOpened((current) =>
        current && current.document.id === updated.id ? { ...current, document: updated } : current,
      );
      announce(`Renamed to “${updated.title}”.`);
      await refreshLists();
    },
    [api, refreshLists, announce],
  );

  const saveDocumentNote = useCallback(
    async (note: string) => {
      if (!doc) return;
      const updated = await api.updateDocument({ id: doc.id, note });
      setOpened((current) =>
        current && current.document.id === updated.id ? { ...current, document: updated } : current,
      );
      announce('Document note saved.');
      refreshHistory().catch(fail);
    },
    [api, doc, refreshHistory, announce, fail],
  );

  /** Runs one export: main asks where (and before replacing anything), the result's place is announced. */
  const runExport = useCallback(
    async (kind: ExportKind | 'notebook', options: { topicId?: string; mode?: 'file' | 'folder' } = {}) => {
      setError(null);
      setExportBusy(true);
      try {
        if (kind === 'document') {
          if (!doc) return;
          const result = await api.saveMarkdown({ documentId: doc.id });
          if (result) announce(`Exported to ${result.path}`);
        } else if (kind === 'topic') {
          if (!options.topicId) return;
          const topic = topics.find((t) => t.id === options.topicId);
          const result = await api.saveTopicMarkdown({ topicId: options.topicId });
          if (result) announce(`Exported the topic “${topic?.path ?? ''}” to ${result.path}`);
        } else if (kind === 'notebook-file' || kind === 'notebook-folder' || kind === 'notebook') {
          const mode = options.mode ?? (kind === 'notebook-folder' ? 'folder' : 'file');
          setProgress({ task: 'Exporting the notebook', done: 0, total: documents.length || 1 });
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
          if (kind === 'w3c-document' && !doc) return;
          const result = await api.saveW3C(kind === 'w3c-document' && doc ? { documentId: doc.id } : {});
          if (result) announce(`Exported the highlights as W3C annotations to ${result.path}`);
        } else {
          const result = await api.saveComparisonMarkdown(compareTopic ? { topicId: compareTopic } : {});
          if (result) announce(`Exported the comparison to ${result.path}`);
        }
      } catch (failure) {
        fail(failure);
      } finally {
        setExportBusy(false);
        setProgress(null);
      }
    },
    [api, doc, topics, documents.length, compareTopic, announce, fail],
  );

  const chooseExport = useCallback(
    (kind: ExportKind) => {
      if (kind === 'topic') setExportDialog('topic');
      else void runExport(kind);
    },
    [runExport],
  );

  const togglePanel = useCallback((which: SidePanel) => {
    setPanel((current) => (current === which ? null : which));
    if (which) {
      setSuggestOpen(false);
      setSuggestions(null);
    }
  }, []);

  /** Opens Find (or, when it is open, goes back to its search field). */
  const openFind = useCallback(() => {
    setPanel('find');
    setSuggestOpen(false);
    setSuggestions(null);
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>('.find-panel input[type=search]')?.focus({ preventScroll: true }),
    );
  }, []);

  const closePanel = useCallback(() => {
    setPanel((current) => {
      if (current) {
        const label = current === 'find' ? 'Find' : 'Codebook';
        requestAnimationFrame(() =>
          [...document.querySelectorAll<HTMLElement>('.toolbar button')]
            .find((b) => b.textContent === label)
            ?.focus({ preventScroll: true }),
        );
      }
      return null;
    });
  }, []);

  const toggleLibrary = useCallback(() => {
    setLibraryChoice(!libraryOpen);
    if (!libraryOpen) {
      requestAnimationFrame(() =>
        document.querySelector<HTMLElement>('.library__filter')?.focus({ preventScroll: true }),
      );
    }
  }, [libraryOpen]);

  const cardEnv = useMemo<CardEnv>(
    () => ({
      topics: topicMap,
      parties: partyMap,
      passages,
      documentId: doc?.id ?? null,
      onEdit: editAnnotation,
      onDelete: (annotation) => void deleteAnnotation(annotation),
      onLink: (annotation) => {
        setError(null);
        setLinking(annotation);
      },
      onUnlink: (link) => void unlinkPassages(link),
      onGoTo: (passage) => void goToPassage(passage.documentId, passage.annotation.id),
    }),
    [topicMap, partyMap, passages, doc?.id, editAnnotation, deleteAnnotation, unlinkPassages, goToPassage],
  );

  const saveDetails = useCallback(
    async (patch: DetailsPatch) => {
      if (!doc) return;
      const updated = await api.updateDocument({ id: doc.id, ...patch });
      setOpened((current) =>
        current && current.document.id === updated.id ? { ...current, document: updated } : current,
      );
      setEditingDetails(false);
      setMessage('Details saved.');
      refreshLists().catch(fail);
    },
    [api, doc, refreshLists, fail],
  );

  /** Marks a highlight active and brings its passage into view. */
  const activate = useCallback(
    (id: string) => {
      setActiveId(id);
      const range = ranges.get(id);
      if (range) revealRange(range);
    },
    [ranges],
  );

  const onTextClick = (event: MouseEvent) => {
    if (!index) return;
    const selection = document.getSelection();
    if (selection && !selection.isCollapsed) return;
    const offset = offsetAtPoint(index, event.clientX, event.clientY);
    let best: Annotation | null = null;
    if (offset !== null) {
      for (const annotation of visible) {
        const { start, end } = annotation.target;
        if (offset < start || offset > end) continue;
        const range = ranges.get(annotation.id);
        if (!range || !rangeContainsPoint(range, event.clientX, event.clientY)) continue;
        if (!best || end - start < best.target.end - best.target.start) best = annotation;
      }
    }
    if (!best) {
      setActiveId(null);
      return;
    }
    setActiveId(best.id);
    const card = cardFor(best.id);
    if (card) {
      card.focus({ preventScroll: true });
      card.scrollIntoView({ block: 'nearest', behavior: scrollBehavior() });
    }
  };

  // The latest handlers, for listeners registered once.
  const latest = {
    startHighlight,
    importFromDialog,
    importAnnotations,
    exportMarkdown,
    importFiles,
    currentSelection,
    exportComparison,
    changeView,
    view,
    runHistory,
    runExport,
    togglePanel,
    toggleLibrary,
    importBytes,
    refreshLists,
    openDocument,
  };
  const handlers = useRef(latest);
  handlers.current = latest;
  const modalOpen = useRef(false);
  modalOpen.current =
    !!editor || editingDetails || !!linking || partiesOpen || shortcutsOpen || exportDialog !== null;

  useEffect(() => {
    let cancelled = false;
    const offSave = api.onSaveState((state) => setSaveState(state));
    const offHistory = api.onHistory((state) => setHistory(state));
    const offProgress = api.onProgress((next) => setProgress(next.done >= next.total ? null : next));
    const offAdded = api.onDocumentsAdded((ids) => {
      const first = ids[0];
      void handlers.current
        .refreshLists()
        .then(() => (first ? handlers.current.openDocument(first) : undefined))
        .catch(fail);
    });
    /** A menu command that repeats, within a moment, what a key press already did is the accelerator's echo. */
    const echoed = (command: MenuCommand) => {
      const at = keyedAt.current.get(command);
      return at !== undefined && performance.now() - at < ACCELERATOR_ECHO_MS;
    };
    const offMenu = api.onMenuCommand((command: MenuCommand) => {
      if (echoed(command)) return;
      if (command === 'undo' || command === 'redo') {
        // In a text field the Edit menu's Undo undoes typing, as everywhere else.
        if (isTextEntry(document.activeElement)) document.execCommand(command);
        else if (!modalOpen.current) void handlers.current.runHistory(command);
      } else if (command === 'shortcuts') setShortcutsOpen(true);
      else if (command === 'toggle-library') handlers.current.toggleLibrary();
      else if (command === 'codebook') handlers.current.togglePanel('codebook');
      else if (command === 'export-topic') setExportDialog('topic');
      else if (command === 'export-notebook') setExportDialog('notebook');
      else if (command === 'export-csv') void handlers.current.runExport('csv');
      else if (command === 'import') void handlers.current.importFromDialog();
      else if (command === 'import-annotations') void handlers.current.importAnnotations();
      else if (command === 'export-markdown') void handlers.current.exportMarkdown();
      else if (command === 'highlight') handlers.current.startHighlight();
      else if (command === 'export-comparison') void handlers.current.exportComparison();
      else if (command === 'compare') {
        handlers.current.changeView(handlers.current.view === 'compare' ? 'reading' : 'compare');
      } else if (command === 'find') {
        openFind();
      }
    });
    (async () => {
      try {
        const [state, docs, topicList] = await Promise.all([
          api.saveState(),
          api.listDocuments(),
          api.listTopics(),
        ]);
        if (cancelled) return;
        setSaveState((current) => current ?? state);
        setDocuments(docs);
        setTopics(topicList);
        // Where the reader left off: the document opened last, else the first.
        const resume = docs.some((d) => d.openedAt) ? sortDocuments(docs, 'opened')[0] : docs[0];
        if (resume) await openDocument(resume.id);
      } catch (failure) {
        fail(failure);
      } finally {
        if (!cancelled) setLoading(false);
      }
      // Subscribed and loaded: main now delivers what it held for this page (a file opened at launch or while the
      // page loaded, a menu command that opened the window), after the resumed document, so that file is shown.
      if (!cancelled) api.rendererReady().catch(fail);
      // Parties, stances and the other documents' highlights dress the view; the text does not wait for them.
      try {
        const [partyList, stanceList] = await Promise.all([api.listParties(), api.listStances()]);
        if (cancelled) return;
        setParties(partyList);
        setStances(stanceList);
        await refreshLibrary();
      } catch (failure) {
        if (!cancelled) fail(failure);
      }
    })();
    void refreshHistory();
    return () => {
      cancelled = true;
      offSave();
      offMenu();
      offHistory();
      offProgress();
      offAdded();
    };
  }, [api, openDocument, refreshLibrary, refreshHistory, fail]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (modalOpen.current || event.altKey || event.isComposing) return;
      const key = event.key.toLowerCase();
      const withCommand = event.ctrlKey || event.metaKey;
      const typing = isTextEntry(event.target);
      const keyed = (command: MenuCommand) => keyedAt.current.set(command, performance.now());
      const historyKey = withCommand && (key === 'z' || (key === 'y' && event.ctrlKey && !event.shiftKey));
      if (historyKey) {
        // Outside text fields the notebook's history answers; in them the browser undoes the typing.
        const which = key === 'z' && !event.shiftKey ? 'undo' : 'redo';
        keyed(which);
        if (!typing) {
          event.preventDefault();
          void handlers.current.runHistory(which);
        }
      } else if (withCommand && !event.shiftKey && key === 'f') {
        event.preventDefault();
        openFind();
      } else if (withCommand && !event.shiftKey && key === 'b') {
        event.preventDefault();
        handlers.current.toggleLibrary();
      } else if (withCommand && event.shiftKey && key === 'k') {
        event.preventDefault();
        handlers.current.togglePanel('codebook');
      } else if ((event.key === '?' && !withCommand && !typing) || (withCommand && event.key === '/')) {
        event.preventDefault();
        setShortcutsOpen(true);
      } else if (key === 'h' && withCommand && event.shiftKey) {
        event.preventDefault();
        handlers.current.startHighlight();
      } else if (key === 'h' && !withCommand && !event.shiftKey && !typing) {
        event.preventDefault();
        handlers.current.startHighlight();
      }
    };
    let frame = 0;
    const onSelectionChange = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const current = modalOpen.current ? null : handlers.current.currentSelection();
        const rects = current ? current.range.getClientRects() : null;
        const last = rects && rects.length > 0 ? rects[rects.length - 1] : null;
        setSelectionSpot(
          last ? { top: last.bottom + window.scrollY + 6, left: last.right + window.scrollX - 40 } : null,
        );
      });
    };
    const hasFiles = (event: DragEvent) => !!event.dataTransfer?.types.includes('Files');
    const onDragOver = (event: DragEvent) => {
      if (!hasFiles(event) || modalOpen.current) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
      setDragging(true);
    };
    const onDragLeave = (event: DragEvent) => {
      if (!event.relatedTarget) setDragging(false);
    };
    const onDrop = (event: DragEvent) => {
      setDragging(false);
      if (!hasFiles(event) || modalOpen.current) return;
      event.preventDefault();
      void handlers.current.importFiles([...(event.dataTransfer?.files ?? [])]);
    };
    const onPaste = (event: ClipboardEvent) => {
      if (modalOpen.current || isTextEntry(event.target) || !event.clipboardData) return;
      const files = [...event.clipboardData.files];
      if (files.length > 0) {
        event.preventDefault();
        void handlers.current.importFiles(files);
        return;
      }
      const encoder = new TextEncoder();
      const html = event.clipboardData.getData('text/html');
      if (html.trim()) {
        event.preventDefault();
        setPendingPaste({ fileName: 'pasted-page.html', bytes: encoder.encode(html), kind: 'web page' });
        return;
      }
      const text = event.clipboardData.getData('text/plain');
      if (!text.trim()) return;
      event.preventDefault();
      setPendingPaste({ fileName: 'Pasted text.txt', bytes: encoder.encode(text), kind: 'text' });
    };
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('selectionchange', onSelectionChange);
    window.addEventListener('resize', onSelectionChange);
    document.addEventListener('dragover', onDragOver);
    document.addEventListener('dragleave', onDragLeave);
    document.addEventListener('drop', onDrop);
    document.addEventListener('paste', onPaste);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('selectionchange', onSelectionChange);
      window.removeEventListener('resize', onSelectionChange);
      document.removeEventListener('dragover', onDragOver);
      document.removeEventListener('dragleave', onDragLeave);
      document.removeEventListener('drop', onDrop);
      document.removeEventListener('paste', onPaste);
    };
  }, []);

  const onIndex = useCallback((next: TextIndex, text: string) => setIndexed({ index: next, text }), []);

  const saveText = saveStatusText(saveState);
  const editing = editor?.mode === 'edit' ? editor.annotation : null;
  const linkCandidates = useMemo(
    () => (linking ? [...passages.values()].filter((p) => p.annotation.id !== linking.id) : []),
    [linking, passages],
  );
  const drawerOpen = suggestOpen && view === 'reading' && !!doc;
  const sideOpen = drawerOpen || panel !== null;

  return (
    <div
      class={`app${dragging ? ' app--dragging' : ''}${sideOpen ? ' app--drawer' : ''}${libraryOpen ? ' app--library' : ''}`}
    >
      <a class="skip-link" href={view === 'reading' ? '#reading' : '#compare'}>
        {view === 'reading' ? 'Skip to the text' : 'Skip to the comparison'}
      </a>
      <Toolbar
        view={view}
        documents={documents}
        documentId={doc?.id ?? null}
        topics={topics}
        filter={filter}
        saveStatus={saveText}
        saveFailed={saveState?.status === 'error'}
        suggestionsOpen={drawerOpen}
        filterRef={filterRef}
        onView={changeView}
        onOpenDocument={(id) => void openDocument(id)}
        onImport={() => void importFromDialog()}
        onFilter={setFilter}
        onExport={() => void exportMarkdown()}
        onSuggestions={() => (suggestOpen ? closeSuggestions() : setSuggestOpen(true))}
        onParties={() => {
          setError(null);
          setPartiesOpen(true);
        }}
        libraryOpen={libraryOpen}
        onToggleLibrary={toggleLibrary}
        panel={panel}
        onPanel={(which) => (which === 'find' && panel !== 'find' ? openFind() : togglePanel(which))}
        history={history}
        onUndo={() => void runHistory('undo')}
        onRedo={() => void runHistory('redo')}
        exportBusy={exportBusy}
        onExportKind={chooseExport}
      />

      <div class="notices">
        <div class="notice-row">
          <p class="notice" role="status" aria-live="polite">
            {message}
          </p>
          {undoOffer && undoOffer === message && history?.canUndo && (
            <button
              type="button"
              class="button button--small notice__undo"
              onClick={() => void runHistory('undo')}
            >
              Undo
            </button>
          )}
        </div>
        {progress && (
          <div class="notice notice--progress">
            <label class="progress">
              <span>{progress.task}…</span>
              <progress
                max={progress.total || undefined}
                value={progress.total ? progress.done : undefined}
                aria-valuetext={progress.total ? `${progress.done} of ${progress.total}` : undefined}
              />
            </label>
          </div>
        )}
        <div class="notice notice--error" role="alert">
          {error && (
            <>
              <span>{error}</span>
              <button type="button" class="button button--small button--quiet" onClick={() => setError(null)}>
                Dismiss
              </button>
            </>
          )}
        </div>
        {pendingPaste && (
          <div class="notice notice--question" role="group" aria-label="Import pasted text">
            <span>Import the pasted {pendingPaste.kind} as a new document?</span>
            <button
              type="button"
              class="button button--small button--primary"
              onClick={() => {
                const item = pendingPaste;
                setPendingPaste(null);
                void importBytes([item]);
              }}
            >
              Import
            </button>
            <button type="button" class="button button--small" onClick={() => setPendingPaste(null)}>
              Dismiss
            </button>
          </div>
        )}
      </div>

      {libraryOpen && (
        <div id="library" class="library-slot">
          <LibrarySidebar
            documents={documents}
            openId={doc?.id ?? null}
            onOpen={(id) => {
              if (view !== 'reading') changeView('reading');
              if (id !== doc?.id) void openDocument(id);
            }}
            onRename={renameDocument}
            onDelete={deleteDocument}
            onClose={() => {
              setLibraryChoice(false);
              requestAnimationFrame(() =>
                document.querySelector<HTMLElement>('.toolbar__library')?.focus({ preventScroll: true }),
              );
            }}
          />
        </div>
      )}

      <main class="page">
        <div
          id={VIEW_PANEL_IDS.reading}
          role="tabpanel"
          aria-labelledby={VIEW_TAB_IDS.reading}
          hidden={view !== 'reading'}
        >
          {doc && opened ? (
            <div class="layout">
              <article class="reading" aria-labelledby="doc-title" tabIndex={-1}>
                <DocumentHeader document={doc} onEditDetails={() => setEditingDetails(true)} />
                {review.length > 0 && <NeedsReview annotations={review} env={cardEnv} />}
                <div class="reading__text" onClick={onTextClick}>
                  <DocumentText
                    key={doc.id}
                    text={doc.text}
                    blocks={doc.blocks}
                    marks={doc.marks}
                    onIndex={onIndex}
                  />
                </div>
                <DocumentNote documentId={doc.id} note={doc.note} onSave={saveDocumentNote} />
              </article>
              <aside class="margin" aria-label="Notes">
                {visible.length === 0 && (
                  <p class="margin__hint">
                    {opened.annotations.length === 0
                      ? 'Select a passage, then press H or the Highlight button to tag it and write a note.'
                      : 'No highlights match this topic.'}
                  </p>
                )}
                <MarginNotes
                  annotations={visible}
                  ranges={ranges}
                  env={cardEnv}
                  activeId={activeId}
                  textRoot={index?.root ?? null}
                  onActivate={activate}
                  onFocusCard={setActiveId}
                />
              </aside>
            </div>
          ) : (
            !loading && (
              <section class="empty" aria-labelledby="empty-heading">
                <h1 id="empty-heading">No documents yet</h1>
                <p>Import an article (plain text, Markdown or HTML) to start reading, or drop a file here.</p>
                <button type="button" class="button button--primary" onClick={() => void importFromDialog()}>
                  Import…
                </button>
              </section>
            )
          )}
        </div>
        <div
          id={VIEW_PANEL_IDS.compare}
          role="tabpanel"
          aria-labelledby={VIEW_TAB_IDS.compare}
          hidden={view !== 'compare'}
        >
          {view === 'compare' && (
            <ComparisonView
              comparison={comparison}
              topics={topics}
              topicId={compareTopic}
              onTopic={(topicId) => {
                setComparison(null);
                setCompareTopic(topicId);
              }}
              onOpenPassage={(entry) => void goToPassage(entry.documentId, entry.annotationId)}
              onExport={() => void exportComparison()}
            />
          )}
        </div>
      </main>

      {drawerOpen && (
        <SuggestionsPanel
          suggestions={suggestions}
          parties={partyMap}
          activeKey={suggestionKey}
          busy={suggestBusy}
          focusOnOpen
          onActivate={setSuggestionKey}
          onAccept={(suggestion) => void acceptSuggestion(suggestion, false)}
          onAcceptAndEdit={(suggestion) => void acceptSuggestion(suggestion, true)}
          onDismiss={(suggestion) => void dismissSuggestion(suggestion)}
          onAcceptAll={() => void acceptAllSuggestions()}
          onClose={closeSuggestions}
          topics={topics}
          onCreateTopic={createTopic}
          pending={pendingTopics}
          onPending={(key, ids) => setPendingTopics((map) => new Map(map).set(key, ids))}
          proposals={proposals}
          onAcceptWithProposal={(suggestion) => void acceptSuggestion(suggestion, false, true)}
          accepted={acceptedStatements}
          onSetAcceptedTopics={(id, ids) => void setAcceptedTopics(id, ids)}
          untopicalCount={untopicalAccepted.length}
          onSetTopicOnAccepted={(topicId) => void setTopicOnAccepted(topicId)}
        />
      )}

      {panel === 'find' && (
        <div class="side-panel">
          <FindPanel
            api={api}
            topics={topics}
            parties={parties}
            documents={documents}
            onGoTo={({ documentId, annotationId }) => {
              if (annotationId) void goToPassage(documentId, annotationId);
              else {
                if (view !== 'reading') changeView('reading');
                if (documentId !== doc?.id) void openDocument(documentId);
              }
            }}
            onClose={closePanel}
            announce={announce}
          />
        </div>
      )}

      {panel === 'codebook' && (
        <div class="side-panel">
          <CodebookPanel
            api={api}
            topics={topics}
            onChanged={() => void refreshEverything().catch(fail)}
            onClose={closePanel}
            announce={announce}
            onExportTopic={(topicId) => void runExport('topic', { topicId })}
          />
        </div>
      )}

      {shortcutsOpen && <ShortcutsDialog onClose={() => setShortcutsOpen(false)} />}

      {exportDialog === 'topic' && (
        <TopicExportDialog
          topics={topics}
          initialTopicId={filter && topics.some((t) => t.id === filter) ? filter : null}
          onCancel={() => setExportDialog(null)}
          onExport={(topicId) => {
            setExportDialog(null);
            void runExport('topic', { topicId });
          }}
        />
      )}

      {exportDialog === 'notebook' && (
        <NotebookExportDialog
          onCancel={() => setExportDialog(null)}
          onExport={(mode) => {
            setExportDialog(null);
            void runExport('notebook', { mode });
          }}
        />
      )}

      {selectionSpot && !editor && view === 'reading' && (
        <SelectionButton top={selectionSpot.top} left={selectionSpot.left} onHighlight={startHighlight} />
      )}

      {editor && (
        <HighlightEditor
          mode={editor.mode}
          quote={editor.mode === 'create' ? editor.quote : editor.annotation.target.exact}
          topics={topics}
          parties={parties}
          stances={stances}
          initial={
            editing
              ? {
                  topicIds: editing.topicIds,
                  note: editing.note,
                  partyId: editing.partyId,
                  stance: editing.stance,
                }
              : {
                  topicIds: filter && topicMap.has(filter) ? [filter] : [],
                  note: '',
                  partyId: null,
                  stance: null,
                }
          }
          anchor={editor.anchor}
          onCreateTopic={createTopic}
          onAddStance={addStance}
          onSave={saveEditor}
          onCancel={() => {
            const returnTo = editor.mode === 'edit' ? editor.returnTo : undefined;
            const id = editor.mode === 'edit' ? editor.annotation.id : null;
            setEditor(null);
            if (returnTo === 'suggestions') requestAnimationFrame(focusSuggestionList);
            else if (id) focusAfterRender.current = id;
          }}
        />
      )}

      {linking && (
        <LinkDialog
          from={linking}
          candidates={linkCandidates}
          documentId={doc?.id ?? null}
          parties={partyMap}
          onLink={linkPassages}
          onCancel={() => {
            focusAfterRender.current = linking.id;
            setLinking(null);
          }}
        />
      )}

      {partiesOpen && (
        <PartiesDialog
          parties={parties}
          onCreate={createParty}
          onUpdate={updateParty}
          onMerge={mergeParties}
          onDelete={deleteParty}
          onClose={() => {
            setPartiesOpen(false);
            requestAnimationFrame(() =>
              [...document.querySelectorAll<HTMLElement>('.toolbar button')]
                .find((b) => b.textContent === 'Parties…')
                ?.focus({ preventScroll: true }),
            );
          }}
        />
      )}

      {editingDetails && doc && (
        <DetailsEditor document={doc} onSave={saveDetails} onCancel={() => setEditingDetails(false)} />
      )}
    </div>
  );
}
