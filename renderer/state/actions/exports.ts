// Exports (main asks where, and before replacing anything; the place is announced), the comparison of the
// parties, Find's search, and going to a passage from any of them.
import type { CallArgs, Progress } from '../../../shared/contract';
import type { Core } from '../core';

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

export function exportActions(core: Core) {
  const { api, setUi, patchUi, fail, clearError, announce, say, openId, openDocument } = core;
  const get = core.get;
  /** Runs one export: main asks where (and before replacing anything), the result's place is announced. */
  async function runExport(
    kind: ExportKind,
    options: { topicId?: string; mode?: 'file' | 'folder'; cite?: 'none' | 'pandoc' } = {},
  ): Promise<void> {
    clearError();
    patchUi({ exportBusy: true });
    const id = openId();
    // The choice the item names (this document with Pandoc citations), else the one last made in a dialog.
    const cite = options.cite ?? get().ui.exportCite;
    const cited = cite === 'pandoc' ? ' with Pandoc citations' : '';
    try {
      if (kind === 'document') {
        if (!id) return;
        const result = await api.saveMarkdown({ documentId: id, cite });
        if (result) announce(`Exported${cited} to ${result.path}`);
      } else if (kind === 'topic') {
        if (!options.topicId) return;
        const topic = get().notebook.topics.find((t) => t.id === options.topicId);
        const result = await api.saveTopicMarkdown({ topicId: options.topicId, cite });
        if (result) announce(`Exported the topic “${topic?.path ?? ''}”${cited} to ${result.path}`);
      } else if (kind === 'notebook-file' || kind === 'notebook-folder' || kind === 'notebook') {
        const mode = options.mode ?? (kind === 'notebook-folder' ? 'folder' : 'file');
        const progress: Progress = {
          task: 'Exporting the notebook',
          done: 0,
          total: get().notebook.documents.length || 1,
        };
        patchUi({ progress });
        const result = await api.saveNotebookMarkdown({ mode, cite });
        if (result) {
          announce(
            mode === 'folder'
              ? `Exported ${result.files === 1 ? '1 file' : `${result.files} files`}${cited} to ${result.path}`
              : `Exported the notebook${cited} to ${result.path}`,
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
        const topicId = get().ui.compareTopic;
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
      const cite = get().ui.exportCite;
      const result = await api.saveMarkdown({ documentId: id, cite });
      if (result) say(`Exported${cite === 'pandoc' ? ' with Pandoc citations' : ''} to ${result.path}`);
    } catch (failure) {
      fail(failure);
    }
  }

  async function exportComparison(): Promise<void> {
    clearError();
    try {
      const topicId = get().ui.compareTopic;
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
    const topicId = get().ui.compareTopic;
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

  return {
    runExport,
    exportMarkdown,
    exportComparison,
    loadComparison,
    goToPassage,
    chooseCompareTopic,
    search,
  };
}
