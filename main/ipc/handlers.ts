/**
 * The handler table: one thin function per contract call, each a core operation applied to the store. Electron
 * appears only behind `Dialogs`, so the renderer tests run this very table against a real notebook file.
 */
import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { exportDocumentMarkdown } from '../core/export-markdown';
import { importByFileName, type DocumentDraft } from '../core/import-text';
import type { DocumentSummary } from '../core/model';
import { compare, exportComparisonMarkdown } from '../core/compare';
import * as links from '../core/links';
import * as ops from '../core/notebook';
import * as parties from '../core/parties';
import { addStance, listStances } from '../core/stances';
import { dismissSuggestion, suggestStatements } from '../core/suggest';
import { exportW3C } from '../core/w3c';
import type { NotebookStore } from '../storage/notebook-store';
import { readImportFile, safeFileName } from '../files';
import type { HandlerTable } from './dispatch';

export interface Dialogs {
  /** Paths the user chose to import; empty when cancelled. */
  chooseImportFiles(): Promise<string[]>;
  /** Where to save an export; null when cancelled. */
  chooseExportPath(defaultName: string): Promise<string | null>;
}

export interface HandlerDeps {
  store: NotebookStore;
  dialogs: Dialogs;
  appVersion: string;
  now?: () => Date;
}

export function createHandlers({
  store,
  dialogs,
  appVersion,
  now = () => new Date(),
}: HandlerDeps): HandlerTable {
  /** Adds parsed documents in one change, so a failure leaves none of them behind. */
  const addDrafts = (drafts: DocumentDraft[]): DocumentSummary[] => {
    const docs = store.change((nb) => ops.addDocuments(nb, drafts, now()));
    const ids = new Set(docs.map((doc) => doc.id));
    return ops.listDocuments(store.data).filter((summary) => ids.has(summary.id));
  };

  /** Asks where to save, then writes; null when the user cancels. */
  const saveExport = async (text: string, defaultName: string) => {
    const path = await dialogs.chooseExportPath(defaultName);
    if (!path) return null;
    await writeFile(path, text, 'utf8');
    return { path };
  };

  return {
    notebookInfo: () => ({ path: store.path, appVersion }),
    saveState: () => store.saveState,

    listDocuments: () => ops.listDocuments(store.data),
    openDocument: ({ id }) => ops.openDocument(store.data, id),
    importDocument: ({ fileName, content }) => addDrafts([importByFileName(fileName, content)])[0]!,
    importFromDialog: async () => {
      const paths = await dialogs.chooseImportFiles();
      const files = await Promise.all(
        paths.map(async (path) => ({ path, content: await readImportFile(path) })),
      );
      return addDrafts(files.map(({ path, content }) => importByFileName(basename(path), content)));
    },
    updateDocument: (patch) => store.change((nb) => ops.updateDocument(nb, patch)),

    listTopics: () => ops.listTopics(store.data),
    createTopic: (input) => store.change((nb) => ops.createTopic(nb, input)),

    createAnnotation: (input) => store.change((nb) => ops.createAnnotation(nb, input, now())),
    updateAnnotation: (patch) => store.change((nb) => ops.updateAnnotation(nb, patch, now())),
    listAnnotations: () =>
      store.data.documents.map((doc) => ({
        documentId: doc.id,
        title: doc.title,
        annotations: store.data.annotations.filter((a) => a.documentId === doc.id),
      })),
    deleteAnnotation: ({ id }) => store.change((nb) => ops.deleteAnnotation(nb, id)),
    linkAnnotations: (input) => store.change((nb) => links.linkAnnotations(nb, input, now())),
    unlinkAnnotations: (input) => store.change((nb) => links.unlinkAnnotations(nb, input, now())),

    listParties: () => parties.listParties(store.data),
    createParty: (input) => store.change((nb) => parties.createParty(nb, input)),
    updateParty: (patch) => store.change((nb) => parties.updateParty(nb, patch)),
    mergeParties: (input) => store.change((nb) => parties.mergeParties(nb, input)),
    deleteParty: ({ id }) => store.change((nb) => parties.deleteParty(nb, id)),

    listStances: () => listStances(store.data),
    addStance: ({ name }) => store.change((nb) => addStance(nb, name)),

    suggestStatements: ({ documentId }) => suggestStatements(store.data, documentId),
    dismissSuggestion: ({ key }) => store.change((nb) => dismissSuggestion(nb, key)),

    compare: (options) => compare(store.data, options),
    exportComparisonMarkdown: (options) => exportComparisonMarkdown(store.data, { ...options, now: now() }),
    saveComparisonMarkdown: (options) =>
      saveExport(exportComparisonMarkdown(store.data, { ...options, now: now() }), 'comparison.md'),

    exportMarkdown: ({ documentId }) => exportDocumentMarkdown(store.data, documentId, { now: now() }),
    saveMarkdown: ({ documentId }) => {
      const doc = ops.getDocument(store.data, documentId);
      const markdown = exportDocumentMarkdown(store.data, documentId, { now: now() });
      return saveExport(markdown, safeFileName(doc.title, 'md'));
    },
    exportW3C: ({ documentId }) =>
      JSON.stringify(exportW3C(store.data, { now: now(), ...(documentId ? { documentId } : {}) }), null, 2),
  };
}
