// The reading view: the open document (its header, highlights needing review, the text with its highlights
// painted, the document's note) and the notes in the margin; or, with no document, the invitation to import.
// It reads the store and reports intents to it; painting, scrolling and focus are its own.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import { DocumentNote } from '../components/document-note';
import { MarginNotes } from '../components/margin-notes';
import { NeedsReview } from '../components/needs-review';
import { PartyLegend } from '../components/party-legend';
import type { AlsoInEnv } from '../components/also-in';
import type { CardEnv } from '../components/note-card';
import { DocumentHeader, DocumentText } from '../components/reading-column';
import { VIEW_PANEL_IDS, VIEW_TAB_IDS } from '../components/toolbar';
import { cardFor, revealRange, reviewCardFor, scrollBehavior } from '../dom';
import { offsetAtPoint, rangeContainsPoint, reachText } from '../highlighting/text-index';
import * as nb from '../state/notebook';
import { useAppState, useStore } from '../state/use-store';
import { ALL_TOPICS, matchesFilter, paintColour } from '../topics';
import type { Annotation } from '../types';
import type { TextSurface } from './text-surface';
import { useVersionPage, VersionLine } from './versions-view';
import { latestOnly } from '../state/versions';

/** The open document's highlights that the filter keeps: in the text, and those needing review. */
export function useShownHighlights() {
  const state = useAppState();
  const { notebook, open, ui } = state;
  // Highlights kept on an earlier version (or waiting for review there) point into that version's text.
  const all = nb.documentAnnotations(notebook, open.document?.id ?? null);
  const annotations = useMemo(() => latestOnly(all), [all]);
  const topicMap = useMemo(() => nb.topicMap(notebook), [notebook.topics]);
  const shown = useMemo(() => {
    const needsReview = new Set(open.needsReview);
    const kept = annotations.filter((a) => matchesFilter(a, ui.filter, topicMap));
    return {
      visible: kept.filter((a) => !needsReview.has(a.id)).sort(nb.byPosition),
      review: kept.filter((a) => needsReview.has(a.id)).sort(nb.byPosition),
    };
  }, [annotations, open.needsReview, ui.filter, topicMap]);
  return { annotations, topicMap, ...shown };
}

export interface ReadingViewProps {
  surface: TextSurface;
  /** Focuses a highlight's card once it is rendered. */
  focusCard(id: string): void;
}

export function ReadingView({ surface, focusCard }: ReadingViewProps) {
  const store = useStore();
  const state = useAppState();
  const { notebook, ui } = state;
  const doc = state.open.document;
  const { annotations, topicMap, visible, review } = useShownHighlights();
  const { painter, index, ranges, setRanges } = surface;
  const versionPage = useVersionPage();
  const partyMap = useMemo(() => nb.partyMap(notebook), [notebook.parties]);
  const passages = useMemo(() => nb.passages(notebook, doc?.id ?? null), [notebook, doc?.id]);

  // Each document opened starts at its top.
  useLayoutEffect(() => {
    if (ui.openTick > 0) window.scrollTo({ top: 0 });
  }, [ui.openTick]);

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
      colour: paintColour(a, ui.filter, topicMap),
      party: ui.partyColours && a.partyId ? (partyMap.get(a.partyId)?.colour ?? null) : null,
    }));
    const editor = ui.editor;
    const active =
      editor?.mode === 'create'
        ? editor.span
        : (visible.find((a) => a.id === (editor?.mode === 'edit' ? editor.annotation.id : ui.activeId))
            ?.target ?? null);
    setRanges(painter.paint(index, items, active));
  }, [index, visible, ui.filter, topicMap, ui.activeId, ui.editor, painter, ui.partyColours, partyMap]);

  // A passage asked for from a link, Find or the comparison: once its document is open and painted, show it.
  useEffect(() => {
    const id = ui.reveal;
    if (!id || ui.view !== 'reading' || !doc) return;
    const annotation = annotations.find((a) => a.id === id);
    if (!annotation) return;
    if (state.open.needsReview.includes(id)) {
      if (!matchesFilter(annotation, ui.filter, topicMap)) {
        store.patchUi({ filter: ALL_TOPICS });
        return;
      }
      store.patchUi({ reveal: null });
      const card = reviewCardFor(id);
      card?.scrollIntoView({ block: 'center', behavior: scrollBehavior() });
      card?.focus({ preventScroll: true });
      return;
    }
    if (!visible.some((a) => a.id === id)) {
      store.patchUi({ filter: ALL_TOPICS });
      return;
    }
    const range = ranges.get(id);
    if (!range) {
      // Its text is not in the page yet: mount it; the paint that follows gives the range, and this runs again.
      if (index) reachText(index, annotation.target.start, annotation.target.end);
      return;
    }
    store.patchUi({ reveal: null, activeId: id });
    revealRange(range);
    cardFor(id)?.focus({ preventScroll: true });
  }, [ui.view, doc, annotations, visible, ranges, ui.filter, topicMap, ui.revealTick]);

  // What the cards' handlers read when they run, so the handlers stay the same from one change to the next and a
  // card whose highlight did not change is not rendered again (see NoteCard).
  const latest = useRef({ visible, ranges, index });
  latest.current = { visible, ranges, index };

  // "Also in" on each card, while the document is an account of an event.
  const inEvent = nb.eventsOf(notebook, doc?.id ?? null).length > 0;
  const from = doc ? doc.source || doc.title : '';
  const alsoIn = useMemo<AlsoInEnv | null>(
    () =>
      inEvent
        ? { load: store.alsoIn, open: (item) => store.openAlsoIn(item, from), events: notebook.events }
        : null,
    [inEvent, store, from, notebook.events],
  );

  const cardEnv = useMemo<CardEnv>(
    () => ({
      topics: topicMap,
      parties: partyMap,
      passages,
      documentId: doc?.id ?? null,
      onEdit: (annotation) =>
        store.patchUi({
          error: null,
          activeId: annotation.id,
          editor: {
            mode: 'edit',
            annotation,
            anchor: cardFor(annotation.id)?.getBoundingClientRect() ?? null,
          },
        }),
      onDelete: (annotation) => {
        const shown = latest.current.visible;
        const next = shown[shown.findIndex((a) => a.id === annotation.id) + 1];
        void store.deleteAnnotation(annotation).then((deleted) => {
          if (!deleted) return;
          if (next) focusCard(next.id);
          else document.querySelector<HTMLElement>('.reading')?.focus({ preventScroll: true });
        });
      },
      onLink: (annotation) => store.patchUi({ error: null, linking: annotation }),
      onUnlink: (link) => {
        // The card the link was removed from keeps focus.
        const cardId = link.direction === 'out' ? link.fromId : link.toId;
        void store.unlinkPassages(link).then((done) => done && focusCard(cardId));
      },
      onGoTo: (passage) => void store.goToPassage(passage.documentId, passage.annotation.id),
      alsoIn,
    }),
    [topicMap, partyMap, passages, doc?.id, store, focusCard, alsoIn],
  );

  // Only the cards of passages in the page are in the margin: a card is mounted with the text its passage is in.
  const mountedCards = useMemo(() => visible.filter((a) => ranges.has(a.id)), [visible, ranges]);

  /** A card asked for whose passage was not in the page: focused once its text is mounted and it is painted. */
  const pendingCard = useRef<string | null>(null);
  useEffect(() => {
    const id = pendingCard.current;
    const card = id ? cardFor(id) : null;
    if (!card) return;
    pendingCard.current = null;
    card.focus({ preventScroll: true });
    card.scrollIntoView({ block: 'nearest' });
  }, [ranges]);

  /** Tab past the last card in the margin, or Shift+Tab before the first, goes on to the next passage's card. */
  const reachCard = (id: string) => {
    const annotation = visible.find((a) => a.id === id);
    if (!annotation || !index) return;
    pendingCard.current = id;
    reachText(index, annotation.target.start, annotation.target.end);
  };

  /** Keeps the text of a card's passage in the page while the card has the focus, and marks it active. */
  const focusedCard = useCallback(
    (id: string) => {
      const { visible: shown, index: text } = latest.current;
      const annotation = shown.find((a) => a.id === id);
      if (annotation && text) reachText(text, annotation.target.start, annotation.target.end);
      store.patchUi({ activeId: id });
    },
    [store],
  );

  /** Marks a highlight active and brings its passage into view. */
  const activate = useCallback(
    (id: string) => {
      store.patchUi({ activeId: id });
      const range = latest.current.ranges.get(id);
      if (range) revealRange(range);
    },
    [store],
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
      store.patchUi({ activeId: null });
      return;
    }
    store.patchUi({ activeId: best.id });
    const card = cardFor(best.id);
    if (card) {
      card.focus({ preventScroll: true });
      card.scrollIntoView({ block: 'nearest', behavior: scrollBehavior() });
    }
  };

  return (
    <div
      id={VIEW_PANEL_IDS.reading}
      role="tabpanel"
      aria-labelledby={VIEW_TAB_IDS.reading}
      hidden={ui.view !== 'reading' || versionPage !== null}
    >
      {doc ? (
        <div class="layout">
          <article
            class={ui.partyColours ? 'reading reading--party-colours' : 'reading'}
            aria-labelledby="doc-title"
            tabIndex={-1}
          >
            <DocumentHeader document={doc} onEditDetails={() => store.patchUi({ editingDetails: true })} />
            <VersionLine />
            {ui.partyColours && (
              <PartyLegend
                parties={notebook.parties.filter((party) => visible.some((a) => a.partyId === party.id))}
                onTurnOff={() => {
                  store.setPartyColours(false);
                  document.querySelector<HTMLElement>('.reading')?.focus({ preventScroll: true });
                }}
              />
            )}
            {review.length > 0 && <NeedsReview annotations={review} env={cardEnv} />}
            <div class="reading__text" onClick={onTextClick}>
              <DocumentText
                key={doc.id}
                text={doc.text}
                blocks={doc.blocks}
                marks={doc.marks}
                onIndex={surface.onIndex}
              />
            </div>
            <DocumentNote documentId={doc.id} note={doc.note} onSave={store.saveDocumentNote} />
          </article>
          <aside class="margin" aria-label="Notes">
            {visible.length === 0 && (
              <p class="margin__hint">
                {annotations.length === 0
                  ? 'Select a passage, then press H or the Highlight button to tag it and write a note.'
                  : 'No highlights match this topic.'}
              </p>
            )}
            <MarginNotes
              annotations={mountedCards}
              all={visible}
              onReachCard={reachCard}
              ranges={ranges}
              env={cardEnv}
              activeId={ui.activeId}
              textRoot={index?.root ?? null}
              onActivate={activate}
              onFocusCard={focusedCard}
            />
          </aside>
        </div>
      ) : (
        !ui.loading && (
          <section class="empty" aria-labelledby="empty-heading">
            <h1 id="empty-heading">No documents yet</h1>
            <p>Import an article (plain text, Markdown or HTML) to start reading, or drop a file here.</p>
            <button
              type="button"
              class="button button--primary"
              onClick={() => void store.importFromDialog()}
            >
              Import…
            </button>
          </section>
        )
      )}
    </div>
  );
}
