// The reading view: one open document, its highlights painted in the text and its notes in the margin, and every
// change made through window.parley. State lives here; the components below only show it and report intents.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { DetailsEditor, type DetailsPatch } from './components/details-editor';
import { HighlightEditor, type HighlightDraft } from './components/highlight-editor';
import { MarginNotes } from './components/margin-notes';
import { NeedsReview } from './components/needs-review';
import { DocumentHeader, DocumentText } from './components/reading-column';
import { SelectionButton } from './components/selection-button';
import { Toolbar } from './components/toolbar';
import { errorMessage, isTextEntry, saveStatusText, shortQuote } from './format';
import { HighlightPainter } from './highlighting/painter';
import {
  offsetAtPoint,
  rangeContainsPoint,
  rangeToOffsets,
  type TextIndex,
  type TextSpan,
} from './highlighting/text-index';
import { ALL_TOPICS, matchesFilter, paintColour } from './topics';
import type {
  Annotation,
  DocumentSummary,
  MenuCommand,
  OpenedDocument,
  SaveState,
  Topic,
  TopicWithCount,
} from './types';

type EditorState =
  | { mode: 'create'; documentId: string; span: TextSpan; quote: string; anchor: DOMRect | null }
  | { mode: 'edit'; annotation: Annotation; anchor: DOMRect | null };

interface IndexedText {
  text: string;
  index: TextIndex;
}

interface PendingPaste {
  fileName: string;
  content: string;
}

/** Largest file read for import; main refuses longer text anyway, this spares reading it. */
const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

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
  const painter = useMemo(() => new HighlightPainter(), []);
  const filterRef = useRef<HTMLSelectElement>(null);
  const focusAfterRender = useRef<string | null>(null);

  const topicMap = useMemo(() => new Map(topics.map((topic) => [topic.id, topic])), [topics]);
  const doc = opened?.document ?? null;
  const index = indexed && doc && indexed.text === doc.text ? indexed.index : null;

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

  const refreshLists = useCallback(async () => {
    const [docs, topicList] = await Promise.all([api.listDocuments(), api.listTopics()]);
    setDocuments(docs);
    setTopics(topicList);
  }, [api]);

  const openDocument = useCallback(
    async (id: string) => {
      setError(null);
      try {
        const next = await api.openDocument({ id });
        setOpened(next);
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
      setMessage(added.length === 1 ? `Imported “${first.title}”` : `Imported ${added.length} documents`);
    },
    [refreshLists, openDocument],
  );

  const importFromDialog = useCallback(async () => {
    setError(null);
    try {
      await afterImport(await api.importFromDialog());
    } catch (failure) {
      fail(failure);
    }
  }, [api, afterImport, fail]);

  const importContents = useCallback(
    async (items: PendingPaste[]) => {
      setError(null);
      const added: DocumentSummary[] = [];
      try {
        for (const item of items) added.push(await api.importDocument(item));
      } catch (failure) {
        fail(failure);
      }
      await afterImport(added).catch(fail);
    },
    [api, afterImport, fail],
  );

  const importFiles = useCallback(
    async (files: File[]) => {
      // Which formats can be read is main's decision: every file goes there, and its refusal is shown.
      const tooLarge = files.find((file) => file.size > MAX_IMPORT_BYTES);
      if (tooLarge) {
        setError(`${tooLarge.name} is larger than 20 MB; Parley imports files of up to 20 MB.`);
        return;
      }
      const items = await Promise.all(
        files.map(async (file) => ({ fileName: file.name, content: await file.text() })),
      );
      await importContents(items);
    },
    [importContents],
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
    if (editor || editingDetails || !doc) return;
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
  }, [editor, editingDetails, doc, currentSelection]);

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
        });
        document.getSelection()?.removeAllRanges();
      } else {
        saved = await api.updateAnnotation({
          id: editor.annotation.id,
          topicIds: draft.topicIds,
          note: draft.note,
        });
      }
      setOpened((current) => {
        if (!current || current.document.id !== saved.documentId) return current;
        const others = current.annotations.filter((a) => a.id !== saved.id);
        return { ...current, annotations: [...others, saved] };
      });
      if (!matchesFilter(saved, filter, topicMap)) setFilter(ALL_TOPICS);
      setActiveId(saved.id);
      setEditor(null);
      setMessage(editor.mode === 'create' ? 'Highlight saved.' : 'Note updated.');
      focusAfterRender.current = saved.id;
      refreshLists().catch(fail);
    },
    [api, editor, filter, topicMap, refreshLists, fail],
  );

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
      setMessage(`Deleted the highlight on “${shortQuote(annotation.target.exact, 60)}”.`);
      if (next) focusAfterRender.current = next.id;
      else document.querySelector<HTMLElement>('.reading')?.focus({ preventScroll: true });
      refreshLists().catch(fail);
    },
    [api, visible, refreshLists, fail],
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
  const handlers = useRef({
    startHighlight,
    importFromDialog,
    exportMarkdown,
    importFiles,
    currentSelection,
  });
  handlers.current = { startHighlight, importFromDialog, exportMarkdown, importFiles, currentSelection };
  const modalOpen = useRef(false);
  modalOpen.current = !!editor || editingDetails;

  useEffect(() => {
    let cancelled = false;
    const offSave = api.onSaveState((state) => setSaveState(state));
    const offMenu = api.onMenuCommand((command: MenuCommand) => {
      if (command === 'import') void handlers.current.importFromDialog();
      else if (command === 'export-markdown') void handlers.current.exportMarkdown();
      else if (command === 'highlight') handlers.current.startHighlight();
      else if (command === 'find') filterRef.current?.focus();
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
        if (docs[0]) await openDocument(docs[0].id);
      } catch (failure) {
        fail(failure);
      } finally {
        if (!cancelled) setLoading(false);
      }
    })();
    return () => {
      cancelled = true;
      offSave();
      offMenu();
    };
  }, [api, openDocument, fail]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (modalOpen.current || event.altKey || event.isComposing) return;
      const key = event.key.toLowerCase();
      const withCommand = event.ctrlKey || event.metaKey;
      if (key === 'h' && withCommand && event.shiftKey) {
        event.preventDefault();
        handlers.current.startHighlight();
      } else if (key === 'h' && !withCommand && !event.shiftKey && !isTextEntry(event.target)) {
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
      const text = event.clipboardData.getData('text/plain');
      if (!text.trim()) return;
      event.preventDefault();
      setPendingPaste({ fileName: 'Pasted text.txt', content: text });
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
  const editorTopicsAnnotation = editor?.mode === 'edit' ? editor.annotation : null;

  return (
    <div class={`app${dragging ? ' app--dragging' : ''}`}>
      <a class="skip-link" href="#reading">
        Skip to the text
      </a>
      <Toolbar
        documents={documents}
        documentId={doc?.id ?? null}
        topics={topics}
        filter={filter}
        saveStatus={saveText}
        saveFailed={saveState?.status === 'error'}
        filterRef={filterRef}
        onOpenDocument={(id) => void openDocument(id)}
        onImport={() => void importFromDialog()}
        onFilter={setFilter}
        onExport={() => void exportMarkdown()}
      />

      <div class="notices">
        <p class="notice" role="status" aria-live="polite">
          {message}
        </p>
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
            <span>Import the pasted text as a new document?</span>
            <button
              type="button"
              class="button button--small button--primary"
              onClick={() => {
                const item = pendingPaste;
                setPendingPaste(null);
                void importContents([item]);
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

      <main class="page" id="reading">
        {doc && opened ? (
          <div class="layout">
            <article class="reading" aria-labelledby="doc-title" tabIndex={-1}>
              <DocumentHeader document={doc} onEditDetails={() => setEditingDetails(true)} />
              {review.length > 0 && (
                <NeedsReview
                  annotations={review}
                  topics={topicMap}
                  onEdit={editAnnotation}
                  onDelete={(a) => void deleteAnnotation(a)}
                />
              )}
              <div class="reading__text" onClick={onTextClick}>
                <DocumentText key={doc.id} text={doc.text} blocks={doc.blocks} onIndex={onIndex} />
              </div>
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
                topics={topicMap}
                activeId={activeId}
                textRoot={index?.root ?? null}
                onActivate={activate}
                onFocusCard={setActiveId}
                onEdit={editAnnotation}
                onDelete={(a) => void deleteAnnotation(a)}
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
      </main>

      {selectionSpot && !editor && (
        <SelectionButton top={selectionSpot.top} left={selectionSpot.left} onHighlight={startHighlight} />
      )}

      {editor && (
        <HighlightEditor
          mode={editor.mode}
          quote={editor.mode === 'create' ? editor.quote : editor.annotation.target.exact}
          topics={topics}
          initial={
            editorTopicsAnnotation
              ? { topicIds: editorTopicsAnnotation.topicIds, note: editorTopicsAnnotation.note }
              : { topicIds: filter && topicMap.has(filter) ? [filter] : [], note: '' }
          }
          anchor={editor.anchor}
          onCreateTopic={createTopic}
          onSave={saveEditor}
          onCancel={() => {
            const id = editor.mode === 'edit' ? editor.annotation.id : null;
            setEditor(null);
            if (id) focusAfterRender.current = id;
          }}
        />
      )}

      {editingDetails && doc && (
        <DetailsEditor document={doc} onSave={saveDetails} onCancel={() => setEditingDetails(false)} />
      )}
    </div>
  );
}
