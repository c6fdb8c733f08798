/**
 * The handler table: one thin function per contract call, each a core operation applied to the store or a use case
 * of main/services (import, accept suggestions, export), which the command line and the window wiring share.
 * Electron appears only behind `Dialogs`, so the renderer tests run this very table against a real notebook file.
 */
import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { deleteTopic, mergeTopics, removeUnusedTopics, updateTopic, withNewTopics } from '../core/codebook';
import {
  exportCsv,
  exportDocumentMarkdown,
  exportNotebookMarkdown,
  exportTopicMarkdown,
} from '../core/export';
import { search } from '../core/search';
import type { AnnotationImportReport, Progress } from '../../shared/contract';
import { ParleyError } from '../../shared/model';
import { compare, exportComparisonMarkdown } from '../core/compare';
import * as links from '../core/links';
import * as ops from '../core/notebook';
import * as parties from '../core/parties';
import { addStance, listStances } from '../core/stances';
import { dismissSuggestion, suggestStatements } from '../core/suggest';
import { partyNames, proposeTopic } from '../core/topic-proposal';
import { importW3C, usablePart } from '../core/w3c';
import type { NotebookStore } from '../storage/notebook-store';
import { documentAnnotations, notebookSnapshot } from '../core/notebook-change';
import { acceptSuggestions } from '../services/accept-suggestions';
import { addAnnotations } from '../services/import-annotations';
import { offeredFileName, w3cJson, writeNotebookFolder } from '../services/export';
import { suggestedCitationKey } from '../core/citation';
import { importFileBatch, importFileBytes, importFiles, importText } from '../services/import-files';
import { openDocument, openFirst } from '../services/open-document';
import { loadAnnotationFile } from '../files';
import { memoryWelcome, type WelcomeMemory } from '../services/welcome';
import { sameAddress } from '../core/versions';
import type { HandlerTable } from './dispatch';
import { accountHandlers, type AccountCalls } from './accounts-handlers';
import { versionHandlers, type VersionCalls } from './versions-handlers';
import { memoryPreferences, syncHandlers, type PreferencesMemory, type SyncCalls } from './sync-handlers';
import type { SyncApi } from '../sync/types';

export type ExportKind = 'markdown' | 'csv' | 'json';
/** Documents to read, or a file of W3C annotations. */
export type ImportKind = 'documents' | 'annotations';

export interface Dialogs {
  /** Paths the user chose to import (documents unless `kind` says annotations); empty when cancelled. */
  chooseImportFiles(kind?: ImportKind): Promise<string[]>;
  /** Where to save an export; null when cancelled. The dialog itself asks before replacing a file. */
  chooseExportPath(defaultName: string, kind?: ExportKind): Promise<string | null>;
  /** A folder for one file per document; null when cancelled. */
  chooseExportFolder(): Promise<string | null>;
  /** Whether to replace these existing files; false leaves them, and the export, alone. */
  confirmOverwrite(names: string[]): Promise<boolean>;
  /** Where to make a new notebook file (joining a shared notebook); null when cancelled. */
  chooseNotebookPath?(defaultName: string): Promise<string | null>;
}

export interface HandlerDeps {
  store: NotebookStore;
  dialogs: Dialogs;
  appVersion: string;
  now?: () => Date;
  /** Long imports and exports say how far they have got. */
  progress?: (progress: Progress) => void;
  /** Files imported from disk, for the system's recent documents. */
  imported?: (paths: string[]) => void;
  /** The window's page listens to main's events now (main/renderer-events.ts). */
  rendererReady?: () => void;
  /** The window's view choices, for the menu's ticks. */
  viewOptions?: (options: { partyColours: boolean }) => void;
  /** The first start's welcome (main/welcome.ts); without it, shown for a new notebook until dismissed. */
  welcome?: WelcomeMemory;
  /** Team sync for the open notebook (main/sync); without it sync stays off. */
  sync?: SyncApi;
  /** The user's preferences (the author name stamped on new highlights). */
  preferences?: PreferencesMemory;
  /**
   * Opens another notebook in place of this one, after a call's reply has gone (a shared notebook just joined):
   * the app restarts with it. Without it the new notebook is made and left for the user to open.
   */
  openNotebook?: (path: string) => void;
}

/** At most a few refusals, then how many more: enough to act on, short enough to read in a notice. */
function briefly(errors: string[]): string {
  const shown = errors.slice(0, 3).join(' ');
  return errors.length > 3 ? `${shown} … and ${errors.length - 3} more.` : shown;
}

/** Imports under way, each ended by the window's Cancel (cancelImport), whichever call started it. */
interface ImportRuns {
  cancellable<T>(run: (signal: AbortSignal) => Promise<T>): Promise<T>;
  cancelAll(): void;
}

function importRuns(): ImportRuns {
  const running = new Set<AbortController>();
  return {
    async cancellable<T>(run: (signal: AbortSignal) => Promise<T>): Promise<T> {
      const controller = new AbortController();
      running.add(controller);
      try {
        return await run(controller.signal);
      } finally {
        running.delete(controller);
      }
    },
    cancelAll() {
      for (const controller of running) controller.abort();
    },
  };
}

export function createHandlers(deps: HandlerDeps): HandlerTable {
  const runs = importRuns();
  const cancellable = <T>(run: (signal: AbortSignal) => Promise<T>) => runs.cancellable(run);
  // One memory of the preferences for the calls that set them and the highlights that record the author.
  const withPreferences = { ...deps, preferences: deps.preferences ?? memoryPreferences() };
  return {
    ...baseHandlers(withPreferences, runs),
    ...versionHandlers({ ...deps, cancellable }),
    ...accountHandlers(deps),
    ...syncHandlers(withPreferences),
  };
}

/** Every call but those of versions, events and sync (versions-handlers.ts, accounts-handlers.ts, sync-handlers.ts). */
function baseHandlers(
  {
    store,
    dialogs,
    appVersion,
    now = () => new Date(),
    progress = () => {},
    imported = () => {},
    rendererReady = () => {},
    viewOptions = () => {},
    welcome = memoryWelcome(store.created),
    preferences = memoryPreferences(),
  }: HandlerDeps,
  runs: ImportRuns,
): Omit<HandlerTable, VersionCalls | AccountCalls | SyncCalls> {
  /** Asks where to save, then writes; null when the user cancels. */
  const saveExport = async (text: string, defaultName: string, kind: ExportKind = 'markdown') => {
    const path = await dialogs.chooseExportPath(defaultName, kind);
    if (!path) return null;
    await writeFile(path, text, 'utf8');
    return { path };
  };
  const cancellable = <T>(run: (signal: AbortSignal) => Promise<T>) => runs.cancellable(run);
  /** Who makes a highlight here: the author name of the preferences, recorded on it when set. */
  const author = () => preferences.get().authorName;

  return {
    rendererReady: () => rendererReady(),
    viewOptions: (options) => viewOptions(options),
    notebookInfo: () => ({ path: store.path, appVersion }),
    saveState: () => store.saveState,
    welcome: () => welcome.state(),
    dismissWelcome: () => welcome.dismiss(),

    listDocuments: () => ops.listDocuments(store.data),
    // Refused with not-found, changing nothing, when there is no such document.
    openDocument: ({ id }) => openDocument(store, id, now()),
    importDocument: (file) => importText(store, file, now()),
    importFile: (file) => {
      const task = `Importing ${file.fileName}`;
      progress({ task, done: 0, total: 1 });
      return cancellable((signal) =>
        importFileBytes(store, file, now(), {
          signal,
          onStep: (done, total) => progress({ task, done: done / total, total: 1 }),
        }),
      ).finally(() => progress({ task, done: 1, total: 1 }));
    },
    importFiles: ({ files }) =>
      cancellable((signal) => importFileBatch(store, files, now(), progress, signal)),
    importFromDialog: async () => {
      const paths = await dialogs.chooseImportFiles();
      const added = await cancellable((signal) => importFiles(store, paths, now(), progress, signal));
      imported(paths);
      const same = sameAddress(
        store.data,
        added.map((doc) => doc.id),
      );
      return {
        added,
        opened: openFirst(store, added, now()),
        ...(same.length > 0 ? { sameAddress: same } : {}),
      };
    },
    cancelImport: () => runs.cancelAll(),
    deleteDocument: ({ id }) => store.change((nb) => ops.deleteDocument(nb, id), 'Delete document'),
    updateDocument: (patch) =>
      store.change(
        (nb) => ops.updateDocument(nb, patch),
        patch.note !== undefined ? 'Edit document note' : 'Edit document details',
      ),
    suggestCitationKey: ({ id, ...details }) => {
      ops.getDocument(store.data, id);
      return suggestedCitationKey(details, store.data.documents, id);
    },

    listTopics: () => ops.listTopics(store.data),
    createTopic: (input) => store.change((nb) => ops.createTopic(nb, input), 'New topic'),
    updateTopic: (patch) => store.change((nb) => updateTopic(nb, patch), 'Edit topic'),
    mergeTopics: (input) => store.change((nb) => mergeTopics(nb, input), 'Merge topics'),
    deleteTopic: ({ id }) => store.change((nb) => deleteTopic(nb, id), 'Delete topic'),
    removeUnusedTopics: ({ topicIds }) =>
      store.change((nb) => removeUnusedTopics(nb, topicIds), 'Remove unused topics'),

    createAnnotation: ({ newTopics, ...input }) =>
      store.change((nb) => {
        const topicIds = withNewTopics(nb, input.topicIds, newTopics);
        return ops.createAnnotation(nb, { ...input, topicIds, author: author() }, now());
      }, 'Highlight'),
    updateAnnotation: ({ newTopics, ...patch }) =>
      store.change((nb) => {
        // New topics join the topics named, or the passage's own when none are named.
        const current = patch.topicIds ?? nb.annotations.find((a) => a.id === patch.id)?.topicIds ?? [];
        const topicIds = newTopics?.length ? withNewTopics(nb, current, newTopics) : patch.topicIds;
        return ops.updateAnnotation(nb, { ...patch, topicIds }, now());
      }, 'Edit highlight'),
    addTopicToAnnotations: (input) => {
      const count = new Set(input.annotationIds).size;
      const label = `Set topic on ${count === 1 ? '1 highlight' : `${count} highlights`}`;
      return store.change((nb) => ops.addTopicToAnnotations(nb, input, now()), label);
    },
    listAnnotations: () => documentAnnotations(store.data),
    deleteAnnotation: ({ id }) => store.change((nb) => ops.deleteAnnotation(nb, id), 'Delete highlight'),
    linkAnnotations: (input) =>
      store.change((nb) => links.linkAnnotations(nb, input, now()), 'Link passages'),
    unlinkAnnotations: (input) =>
      store.change((nb) => links.unlinkAnnotations(nb, input, now()), 'Remove link'),

    listParties: () => parties.listParties(store.data),
    createParty: (input) => store.change((nb) => parties.createParty(nb, input), 'New party'),
    updateParty: (patch) => store.change((nb) => parties.updateParty(nb, patch), 'Edit party'),
    mergeParties: (input) => store.change((nb) => parties.mergeParties(nb, input), 'Merge parties'),
    deleteParty: ({ id }) => store.change((nb) => parties.deleteParty(nb, id), 'Delete party'),

    listStances: () => listStances(store.data),
    addStance: ({ name }) => store.change((nb) => addStance(nb, name), 'New stance'),

    suggestStatements: ({ documentId }) => suggestStatements(store.data, documentId),
    acceptSuggestions: (input) => acceptSuggestions(store, input, now(), { author: author() }),
    dismissSuggestion: ({ key }) => {
      const dismissed = store.change((nb) => dismissSuggestion(nb, key), 'Dismiss suggestion');
      // A key dismissed is one of "documentId:start:end", so its document is what comes before the two numbers.
      const documentId = key.replace(/:\d+:\d+$/, '');
      return { ...dismissed, suggestions: suggestStatements(store.data, documentId) };
    },
    proposeTopics: ({ texts }) => {
      const ignore = partyNames(store.data.parties);
      return texts.map((text) => proposeTopic(text, store.data.topics, { ignore }));
    },

    compare: (options) => compare(store.data, options),
    exportComparisonMarkdown: (options) => exportComparisonMarkdown(store.data, { ...options, now: now() }),
    saveComparisonMarkdown: (options) =>
      saveExport(exportComparisonMarkdown(store.data, { ...options, now: now() }), 'comparison.md'),

    search: (query) => search(store.data, query),

    undo: () => store.undo(),
    redo: () => store.redo(),
    historyState: () => store.history,
    loadNotebook: () => notebookSnapshot(store.data, store.revision, store.history),

    exportTopicMarkdown: ({ topicId, cite }) =>
      exportTopicMarkdown(store.data, topicId, { now: now(), cite }),
    saveTopicMarkdown: ({ topicId, cite }) => {
      const topic = store.data.topics.find((t) => t.id === topicId);
      const markdown = exportTopicMarkdown(store.data, topicId, { now: now(), cite });
      return saveExport(markdown, offeredFileName(topic?.path ?? 'topic', 'md'));
    },
    saveNotebookMarkdown: async ({ mode, cite }) => {
      if (mode === 'file') {
        const saved = await saveExport(
          exportNotebookMarkdown(store.data, { now: now(), cite }),
          'notebook.md',
        );
        return saved && { path: saved.path, files: 1 };
      }
      const folder = await dialogs.chooseExportFolder();
      if (!folder) return null;
      return writeNotebookFolder(store.data, folder, {
        now: now(),
        cite,
        confirmOverwrite: (names) => dialogs.confirmOverwrite(names),
        progress,
      });
    },
    exportCsv: () => exportCsv(store.data),
    saveCsv: () => saveExport(exportCsv(store.data), 'highlights.csv', 'csv'),

    exportMarkdown: ({ documentId, cite }) =>
      exportDocumentMarkdown(store.data, documentId, { now: now(), cite }),
    saveMarkdown: ({ documentId, cite }) => {
      const doc = ops.getDocument(store.data, documentId);
      const markdown = exportDocumentMarkdown(store.data, documentId, { now: now(), cite });
      return saveExport(markdown, offeredFileName(doc.title, 'md'));
    },
    exportW3C: ({ documentId }) => w3cJson(store.data, { now: now(), documentId }),
    saveW3C: ({ documentId }) => {
      const doc = documentId === undefined ? undefined : ops.getDocument(store.data, documentId);
      const text = w3cJson(store.data, { now: now(), documentId: doc?.id });
      return saveExport(`${text}\n`, offeredFileName(doc ? doc.title : 'notebook', 'jsonld'), 'json');
    },
    importAnnotationsFromDialog: async ({ documentId }): Promise<AnnotationImportReport | null> => {
      if (documentId !== undefined) ops.getDocument(store.data, documentId);
      const [path] = await dialogs.chooseImportFiles('annotations');
      if (path === undefined) return null;
      const file = basename(path);
      const read = importW3C(store.data, await loadAnnotationFile(path), {
        now: now(),
        noSourceAdvice: 'open the document they belong to, then import them again',
        ...(documentId !== undefined ? { defaultDocumentId: documentId } : {}),
      });
      // What anchors is added, what does not is reported: a file from another tool is rarely all usable.
      const { usable, refused } = usablePart(store.data, read);
      if (usable.annotations.length === 0) {
        throw new ParleyError(`Nothing was imported from ${file}. ${briefly(refused)}`);
      }
      const added = addAnnotations(store, usable);
      const documentIds = [...new Set(added.map((a) => a.documentId))].sort(
        (a, b) => Number(b === documentId) - Number(a === documentId),
      );
      return { file, added: added.length, documentIds, refused };
    },
  };
}
