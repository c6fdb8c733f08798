// Importing: files from the dialog, dropped or pasted (their bytes go to main, which finds encoding and format),
// and W3C annotations; the first document added opens (main hands it back opened, so that is one call), and what
// was refused is shown.
import type { AnnotationImportReport, DocumentsImport, FilesImportReport } from '../../../shared/contract';
import { MAX_IMPORT_SIZE_TEXT } from '../../../shared/import-formats';
import type { OpenedDocument } from '../../types';
import type { Core } from '../core';
import * as nb from '../notebook';
import * as od from '../open-document';
import * as vs from '../versions';

/** A file handed to the page (dropped or pasted): a File fits. */
export interface FileLike {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export function fileSizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

export function importActions(core: Core, limits: { maxImportBytes: number }) {
  const { api, get, set, patchUi, fail, clearError, announce, openId, openDocument, claimOpen } = core;

  /** A page whose address is that of a document already in the notebook is offered as its newer version. */
  const offerVersions = (reply: DocumentsImport) => {
    const offers = reply.sameAddress ?? [];
    if (offers.length > 0) core.setVersions((current) => vs.addOffers(current, offers));
  };

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
    });
  }

  /**
   * Runs an import call, noting the revision as it is sent: its own steps (the import's change, then the opening's
   * bookkeeping) arrive before its reply. Any other step meanwhile (an Undo) may have changed the document after
   * main read it, so then the reply's opened document is not used and the document is read again.
   */
  async function importing<T extends DocumentsImport>(
    call: () => Promise<T>,
  ): Promise<{ reply: T; current: boolean }> {
    const sent = get().notebook.revision;
    const reply = await call();
    const own = reply.opened ? 2 : 1;
    return { reply, current: get().notebook.revision - sent <= own };
  }

  async function afterImport({
    reply: { added, opened },
    current,
  }: {
    reply: DocumentsImport;
    current: boolean;
  }) {
    const first = added[0];
    if (!first) return;
    if (opened && current && opened.document.id === first.id) show(opened);
    // Taken back meanwhile (an Undo of the import): nothing to open, and the Undo said what it did.
    else if (!get().notebook.documents.some((d) => d.id === first.id)) return;
    else await openDocument(first.id);
    announce(added.length === 1 ? `Imported “${first.title}”` : `Imported ${added.length} documents`);
  }

  async function importFromDialog(): Promise<void> {
    clearError();
    try {
      const result = await importing(() => api.importFromDialog());
      await afterImport(result);
      offerVersions(result.reply);
    } catch (failure) {
      // A refusal or a cancel ends the import before main's last progress report: the notice goes with it.
      patchUi({ progress: null });
      fail(failure);
    }
  }

  /**
   * Sends the files' bytes to main in one call, which finds each one's encoding and format and adds those it can
   * read as one change (one undo step); refusals are shown, one per file.
   */
  async function importBytes(items: Array<{ fileName: string; bytes: Uint8Array<ArrayBuffer> }>) {
    clearError();
    if (items.length === 0) return;
    if (items.length > 1) patchUi({ progress: { task: 'Importing', done: 0, total: items.length } });
    let result: { reply: FilesImportReport; current: boolean };
    try {
      const files = items.map(({ fileName, bytes }) => ({ fileName, bytes }));
      result = await importing(() => api.importFiles({ files }));
    } catch (failure) {
      patchUi({ progress: null });
      fail(failure);
      return;
    }
    const report = result.reply;
    patchUi({ progress: null });
    await afterImport(result).catch(fail);
    offerVersions(report);
    // Said after the first added opens, which clears the error line: the refusals stay in view.
    if (report.refused.length > 0) patchUi({ error: report.refused.map((r) => r.reason).join(' ') });
  }

  async function importFiles(files: readonly FileLike[]): Promise<void> {
    // Which formats can be read is main's decision: every file goes there, and its refusal is shown.
    const tooLarge = files.find((file) => file.size > limits.maxImportBytes);
    if (tooLarge) {
      patchUi({
        error: `Cannot import "${tooLarge.name}": it is ${fileSizeText(tooLarge.size)}, and Parley imports files of up to ${MAX_IMPORT_SIZE_TEXT}.`,
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

  /** The progress notice's Cancel: main ends the import under way, which then refuses with what it says. */
  async function cancelImport(): Promise<void> {
    try {
      await api.cancelImport();
    } catch (failure) {
      fail(failure);
    }
  }

  return { importFromDialog, importBytes, importFiles, importAnnotations, cancelImport };
}
