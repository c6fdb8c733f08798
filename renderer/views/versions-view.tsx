// The versions of the open document in the window: the line under its title ("Version 2 of 2 · History") and the
// count of highlights waiting for review, the Version history and Review panels docked beside the text, an earlier
// version or the changes between two shown in place of the latest text, the notices after an import, and the drop
// targets while files are dragged in. Each reads the store and reports to it.
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { toolbarLabel } from '../../shared/commands';
import { VersionDiffPage } from '../components/version-diff';
import { VersionDropTargets } from '../components/version-drop';
import { VersionHistoryPanel } from '../components/version-history';
import { VersionNotices } from '../components/version-notices';
import { EarlierVersion } from '../components/version-reader';
import { VersionReviewPanel } from '../components/version-review';
import { focusToolbarButton, revealRange } from '../dom';
import { offsetsToRange, reachText } from '../highlighting/text-index';
import * as nb from '../state/notebook';
import type { Store } from '../state/store';
import { useAppState, useStore } from '../state/use-store';
import * as vs from '../state/versions';
import type { TextSurface } from './text-surface';

/** The page shown in place of the open document's latest text, if any. */
export function useVersionPage(): vs.VersionPage | null {
  const { versions, open, ui } = useAppState();
  const page = versions.page;
  return page && ui.view === 'reading' && page.documentId === open.document?.id ? page : null;
}

function openPanel(store: Store, which: 'versions' | 'review'): void {
  store.patchUi({ panel: which });
  store.setSuggestions((current) => ({ ...current, open: false, list: null }));
}

function closePanel(store: Store): void {
  store.patchUi({ panel: null });
  focusToolbarButton(toolbarLabel('command-palette'));
}

/** Under the document's title: which version it reads as, the way to its history, and what waits for review. */
export function VersionLine() {
  const store = useStore();
  const { notebook, open } = useAppState();
  const doc = open.document;
  const waiting = vs.waitingCount(nb.documentAnnotations(notebook, doc?.id ?? null));
  if (!doc || (doc.version <= 1 && waiting === 0)) return null;
  return (
    <div class="version-line">
      {doc.version > 1 && (
        <p class="version-line__text">
          Version {doc.version} of {doc.version} ·{' '}
          <button
            type="button"
            class="button button--quiet button--small version-line__history"
            aria-label={`History: the ${doc.version} versions of this document`}
            onClick={() => openPanel(store, 'versions')}
          >
            History
          </button>
        </p>
      )}
      {waiting > 0 && (
        <p class="version-line__waiting" role="status">
          {waiting === 1 ? '1 highlight waits' : `${waiting} highlights wait`} for review after version{' '}
          {doc.version} was imported.{' '}
          <button
            type="button"
            class="button button--small button--primary"
            onClick={() => openPanel(store, 'review')}
          >
            Review
          </button>
        </p>
      )}
    </div>
  );
}

/** The Version history or the Review panel, when one is the side panel open. */
export function VersionsPanel({ surface }: { surface: TextSurface }) {
  const store = useStore();
  const state = useAppState();
  const { notebook, ui, versions, open } = state;
  const doc = open.document;
  const panel = ui.panel === 'versions' || ui.panel === 'review' ? ui.panel : null;
  const summary = notebook.documents.find((d) => d.id === doc?.id);

  // Read again after every step while open: an import, a review's choice or an undo changes what they list.
  useEffect(() => {
    if (!doc) return;
    if (panel === 'versions') void store.loadVersions();
    if (panel === 'review') void store.loadReview();
  }, [store, panel, doc?.id, notebook.revision]);

  const waiting = vs.waitingCount(nb.documentAnnotations(notebook, doc?.id ?? null));
  if (!panel || !doc) return null;
  const title = doc.title || 'Untitled';
  const latest = summary?.version ?? doc.version;

  if (panel === 'versions') {
    const list = versions.list?.documentId === doc.id ? versions.list.versions : null;
    const page = versions.page?.documentId === doc.id ? versions.page : null;
    return (
      <div class="side-panel">
        <VersionHistoryPanel
          title={title}
          versions={list}
          shown={page?.kind === 'version' ? page.text.n : latest}
          waiting={waiting}
          onRead={(n) => (n === latest ? store.closeVersionPage() : void store.openVersion(n))}
          onCompare={(from, to) => void store.openDiff(from, to)}
          onReview={() => openPanel(store, 'review')}
          onImport={() => void store.importVersionFromDialog()}
          onClose={() => closePanel(store)}
        />
      </div>
    );
  }
  const review = versions.review?.documentId === doc.id ? versions.review : null;
  return (
    <div class="side-panel">
      <VersionReviewPanel
        title={title}
        review={review}
        reselecting={versions.reselecting}
        onResolve={store.resolveReview}
        onStartReselect={(id) => {
          // The passage is chosen in the latest text: an earlier version shown in its place gives way.
          if (id) store.closeVersionPage();
          store.startReselect(id);
        }}
        onUseSelection={async () => {
          const done = await store.reselectReview(surface.currentSelection()?.span ?? null);
          if (done) document.getSelection()?.removeAllRanges();
          return done;
        }}
        onShowProposed={(id) => {
          store.closeVersionPage();
          const annotation = nb.documentAnnotations(notebook, doc.id).find((a) => a.id === id);
          const proposed = annotation?.carried?.proposed;
          if (!proposed || !surface.index) return;
          const index = reachText(surface.index, proposed.start, proposed.end);
          const range = offsetsToRange(index, proposed.start, proposed.end);
          if (!range) return;
          const selection = document.getSelection();
          selection?.removeAllRanges();
          selection?.addRange(range);
          revealRange(range);
        }}
        onVersions={() => openPanel(store, 'versions')}
        onClose={() => closePanel(store)}
      />
    </div>
  );
}

/** An earlier version, or the changes between two, in place of the latest text. */
export function VersionPageView() {
  const store = useStore();
  const { notebook, open } = useAppState();
  const page = useVersionPage();
  const doc = open.document;
  const topics = useMemo(() => nb.topicMap(notebook), [notebook.topics]);
  const latest = notebook.documents.find((d) => d.id === doc?.id)?.version ?? doc?.version ?? 1;

  // After a step the page is read again: its highlights, or the versions themselves, may have changed.
  const seen = useRef(notebook.revision);
  useEffect(() => {
    if (seen.current === notebook.revision) return;
    seen.current = notebook.revision;
    if (page) void store.refreshVersionPage();
  }, [store, notebook.revision]);

  if (!page || !doc) return null;
  const back = () => {
    store.closeVersionPage();
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>('.reading')?.focus({ preventScroll: true }),
    );
  };
  if (page.kind === 'version') {
    return (
      <EarlierVersion
        text={page.text}
        latest={latest}
        topics={topics}
        onLatest={back}
        onChanges={() => void store.openDiff(page.text.n, latest)}
      />
    );
  }
  return (
    <VersionDiffPage
      title={doc.title}
      from={page.from}
      to={page.to}
      latest={latest}
      diff={page.diff}
      onPick={(from, to) => void store.openDiff(from, to)}
      onLatest={back}
    />
  );
}

/** The status bar's notices about versions. */
export function VersionStatus() {
  const store = useStore();
  const { versions, notebook } = useAppState();
  const titles = new Map(notebook.documents.map((d) => [d.id, d]));
  const notice = versions.notice;
  // A notice of a version that is gone again (an Undo of its import) is not shown.
  const shownNotice =
    notice && (titles.get(notice.documentId)?.version ?? 0) >= notice.version ? notice : null;
  // An offer whose document or older document is gone (undone, deleted, already made a version) is not shown.
  const offers = versions.offers.flatMap((offer) => {
    const added = titles.get(offer.documentId);
    const of = titles.get(offer.of);
    return added && of
      ? [{ ...offer, title: added.title || 'Untitled', ofTitle: of.title || offer.title || 'Untitled' }]
      : [];
  });
  return (
    <VersionNotices
      notice={shownNotice}
      offers={offers}
      onReview={() => {
        const id = shownNotice?.documentId;
        store.dismissVersionNotice();
        if (!id) return;
        if (store.get().open.document?.id !== id) void store.openDocument(id);
        if (store.get().ui.view !== 'reading') store.patchUi({ view: 'reading' });
        openPanel(store, 'review');
      }}
      onDismissNotice={store.dismissVersionNotice}
      onMakeVersion={(offer) => void store.makeVersion(offer)}
      onDismissOffer={store.dismissOffer}
    />
  );
}

/** The two drop targets while files are dragged over a document being read. */
export function VersionDrop({ dragging }: { dragging: boolean }) {
  const store = useStore();
  const { open, ui } = useAppState();
  const page = useVersionPage();
  const doc = open.document;
  if (!dragging || !doc || ui.view !== 'reading' || page) return null;
  return (
    <VersionDropTargets title={doc.title} onDropVersion={(files) => void store.importVersionFile(files)} />
  );
}
