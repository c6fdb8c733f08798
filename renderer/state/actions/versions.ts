// Versions of a document: importing a newer version of the open one (from the dialog or a dropped file), making a
// just-imported page with the same address a version of the older document, the list of versions, an earlier
// version or the differences between two shown in place of the latest text, and the review of the highlights
// carried onto the latest version (accept, re-select, keep on the old version, delete), each one call and one
// step of undo whose notebookChanged event brings the rest.
import type { ReviewAction, VersionImport } from '../../../shared/contract';
import { MAX_IMPORT_SIZE_TEXT } from '../../../shared/import-formats';
import { shortQuote } from '../../format';
import type { OpenedDocument } from '../../types';
import type { Core } from '../core';
import * as nb from '../notebook';
import * as od from '../open-document';
import * as vs from '../versions';
import { fileSizeText, type FileLike } from './imports';

export function versionActions(core: Core, limits: { maxImportBytes: number }) {
  const {
    api,
    get,
    set,
    setVersions,
    patchUi,
    fail,
    clearError,
    announce,
    say,
    openId,
    applySaved,
    since,
    claimOpen,
    writeRecord,
  } = core;

  /** Shows a document main handed back opened, as core's openDocument shows one it has read. */
  function show(opened: OpenedDocument): void {
    clearError();
    claimOpen();
    const state = get();
    const { id, openedAt } = opened.document;
    set({
      ...state,
      open: od.fromOpened(opened),
      notebook: nb.markOpened(
        nb.setDocumentAnnotations(state.notebook, id, opened.annotations),
        id,
        openedAt,
      ),
      ui: { ...state.ui, activeId: null, editor: null, openTick: state.ui.openTick + 1 },
      versions: vs.forDocument(state.versions, id),
    });
  }

  /** After a newer version came in: its text shown, the latest again in place of any earlier one, and the notice. */
  function imported(reply: VersionImport, current: boolean): void {
    if (current) show(reply.opened);
    setVersions((state) => ({
      ...vs.forDocument(state, reply.documentId),
      page: null,
      review: null,
      reselecting: null,
      notice: { documentId: reply.documentId, version: reply.version, counts: reply.counts },
    }));
  }

  /** Runs an import of a newer version of a document; while it runs, its record's step does not read it again. */
  async function importing(documentId: string, call: () => Promise<VersionImport | null>): Promise<void> {
    clearError();
    try {
      const { value, current } = await writeRecord(documentId, call);
      if (value) imported(value, current && openId() === documentId);
    } catch (failure) {
      patchUi({ progress: null });
      fail(failure);
    }
  }

  /** File › Import New Version…: a file the reader chooses, as the open document's newest version. */
  async function importVersionFromDialog(): Promise<void> {
    const id = openId();
    if (!id) {
      say('Open a document first: a new version is imported over the document being read.');
      return;
    }
    await importing(id, () => api.importVersionFromDialog({ documentId: id }));
  }

  /** A file dropped on the open document's "new version" target. */
  async function importVersionFile(files: readonly FileLike[]): Promise<void> {
    const id = openId();
    if (!id) return;
    if (files.length !== 1) {
      patchUi({
        error: `Drop one file to import it as a new version; ${files.length} were dropped. Nothing was imported.`,
      });
      return;
    }
    const file = files[0]!;
    if (file.size > limits.maxImportBytes) {
      patchUi({
        error: `Cannot import "${file.name}": it is ${fileSizeText(file.size)}, and Parley imports files of up to ${MAX_IMPORT_SIZE_TEXT}.`,
      });
      return;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    await importing(id, () => api.importVersionFile({ documentId: id, fileName: file.name, bytes }));
  }

  function dismissOffer(documentId: string): void {
    setVersions((state) => vs.dropOffer(state, documentId));
  }

  /** The offer taken: the document just imported becomes the newest version of the older one, which opens. */
  async function makeVersion(offer: vs.SameAddressOffer): Promise<void> {
    clearError();
    setVersions((state) => vs.dropOffer(state, offer.documentId));
    const sent = get().notebook.revision;
    try {
      const reply = await api.makeVersion({ documentId: offer.documentId, of: offer.of });
      // Its own steps are the change and the opening; another one meanwhile (an Undo) leaves the reply stale.
      const current = get().notebook.revision - sent <= 2;
      if (current) imported(reply, true);
      else if (get().notebook.documents.some((d) => d.id === reply.documentId)) {
        await core.openDocument(reply.documentId);
        imported(reply, false);
      }
    } catch (failure) {
      fail(failure);
    }
  }

  function dismissNotice(): void {
    setVersions((state) => ({ ...state, notice: null }));
  }

  // Reading: the list, an earlier version, the differences, the review. Only the latest request of each is shown.

  let listAsked = 0;
  async function loadVersions(): Promise<void> {
    const id = openId();
    if (!id) return;
    const ticket = ++listAsked;
    try {
      const versions = await api.listVersions({ documentId: id });
      if (ticket === listAsked && openId() === id) {
        setVersions((state) => ({ ...state, list: { documentId: id, versions } }));
      }
    } catch (failure) {
      if (ticket === listAsked) fail(failure);
    }
  }

  let pageAsked = 0;
  /** Shows version `n` of the open document, read-only, in place of its latest text; the latest itself closes it. */
  async function openVersion(n: number): Promise<void> {
    const id = openId();
    if (!id) return;
    const ticket = ++pageAsked;
    clearError();
    try {
      const text = await api.openVersion({ documentId: id, n });
      if (ticket !== pageAsked || openId() !== id) return;
      setVersions((state) => ({
        ...state,
        page: text.latest ? null : { kind: 'version', documentId: id, text },
      }));
    } catch (failure) {
      if (ticket === pageAsked) fail(failure);
    }
  }

  /** Shows what changed from version `from` to version `to` of the open document, in place of its latest text. */
  async function openDiff(from: number, to: number): Promise<void> {
    const id = openId();
    if (!id) return;
    const ticket = ++pageAsked;
    clearError();
    setVersions((state) => {
      const same = state.page?.kind === 'diff' && state.page.documentId === id ? state.page : null;
      // While the new pair is read, the last one's rows stay when the pair is the same (read again after a step).
      const diff = same && same.from === from && same.to === to ? same.diff : null;
      return { ...state, page: { kind: 'diff', documentId: id, from, to, diff } };
    });
    try {
      const diff = await api.diffVersions({ documentId: id, from, to });
      if (ticket !== pageAsked || openId() !== id) return;
      setVersions((state) => ({ ...state, page: { kind: 'diff', documentId: id, from, to, diff } }));
    } catch (failure) {
      if (ticket === pageAsked) fail(failure);
    }
  }

  /** Back to the latest text. */
  function closePage(): void {
    pageAsked++;
    setVersions((state) => (state.page ? { ...state, page: null } : state));
  }

  /** Reads the shown page again after a step (its highlights, or the versions themselves, may have changed). */
  async function refreshPage(): Promise<void> {
    const page = get().versions.page;
    if (!page || page.documentId !== openId()) return;
    const summary = get().notebook.documents.find((d) => d.id === page.documentId);
    const latest = summary?.version ?? 1;
    if (page.kind === 'version') {
      // The version read is now the latest (an Undo took the newer one back), or no longer there.
      if (page.text.n >= latest) closePage();
      else await openVersion(page.text.n);
    } else if (page.from > latest || page.to > latest) closePage();
    else await openDiff(page.from, page.to);
  }

  let reviewAsked = 0;
  async function loadReview(): Promise<void> {
    const id = openId();
    if (!id) return;
    const ticket = ++reviewAsked;
    try {
      const review = await api.versionReview({ documentId: id });
      if (ticket !== reviewAsked || openId() !== id) return;
      setVersions((state) => ({
        ...state,
        review,
        // A highlight being re-selected that the review no longer waits on (undone, deleted) is let go.
        reselecting:
          state.reselecting &&
          review.items.some((item) => item.annotationId === state.reselecting && item.outcome === null)
            ? state.reselecting
            : null,
      }));
    } catch (failure) {
      if (ticket === reviewAsked) fail(failure);
    }
  }

  const RESOLVED: Record<ReviewAction, string> = {
    accept: 'Accepted',
    'keep-on-old': 'Kept on the earlier version',
    delete: 'Deleted the highlight on',
  };

  /** Accept, keep on the old version, or delete a carried highlight: one step of undo. */
  async function resolveReview(annotationId: string, action: ReviewAction): Promise<boolean> {
    clearError();
    const item = get().versions.review?.items.find((i) => i.annotationId === annotationId);
    try {
      await api.resolveReview({ annotationId, action });
    } catch (failure) {
      fail(failure);
      return false;
    }
    const quote = item ? ` “${shortQuote(item.oldQuote, 60)}”` : '';
    const where = action === 'keep-on-old' && item ? ` (version ${item.from})` : '';
    announce(`${RESOLVED[action]}${action === 'delete' ? quote : `:${quote}`}${where}.`);
    setVersions((state) => (state.reselecting === annotationId ? { ...state, reselecting: null } : state));
    return true;
  }

  function startReselect(annotationId: string | null): void {
    setVersions((state) => ({ ...state, reselecting: annotationId }));
  }

  /** The highlight being re-selected pointed at the passage selected in the latest text: one step of undo. */
  async function reselectReview(span: { start: number; end: number } | null): Promise<boolean> {
    const annotationId = get().versions.reselecting;
    if (!annotationId) return false;
    if (!span) {
      say('Select the passage in the text first, then press Use selection.');
      return false;
    }
    clearError();
    const fresh = since();
    try {
      const saved = await api.reselectReview({ annotationId, start: span.start, end: span.end });
      if (fresh()) applySaved(saved);
      setVersions((state) => ({ ...state, reselecting: null }));
      announce(`Re-selected: “${shortQuote(saved.target.exact, 60)}”.`);
      return true;
    } catch (failure) {
      fail(failure);
      return false;
    }
  }

  return {
    importVersionFromDialog,
    importVersionFile,
    dismissOffer,
    makeVersion,
    dismissVersionNotice: dismissNotice,
    loadVersions,
    openVersion,
    openDiff,
    closeVersionPage: closePage,
    refreshVersionPage: refreshPage,
    loadReview,
    resolveReview,
    startReselect,
    reselectReview,
  };
}
