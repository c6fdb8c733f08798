/**
 * The handlers of the versions calls: a document's earlier versions, importing a newer one, the diff between two,
 * and the review of the highlights carried onto the newest (main/core/versions, main/services/versions).
 */
import * as ops from '../core/notebook';
import { diffVersions, listVersions, versionReview, versionText } from '../core/versions';
import {
  importVersionBytes,
  importVersionPath,
  makeVersion,
  reselectReview,
  resolveReview,
} from '../services/versions';
import type { HandlerDeps } from './handlers';
import type { HandlerTable } from './dispatch';

export type VersionCalls =
  | 'listVersions'
  | 'openVersion'
  | 'diffVersions'
  | 'importVersionFromDialog'
  | 'importVersionFile'
  | 'makeVersion'
  | 'versionReview'
  | 'resolveReview'
  | 'reselectReview';

export function versionHandlers({
  store,
  dialogs,
  now = () => new Date(),
  progress = () => {},
  imported = () => {},
  cancellable = (run) => run(new AbortController().signal),
}: HandlerDeps & {
  /** Runs an import that the window's Cancel (cancelImport) can end (handlers.ts keeps the running ones). */
  cancellable?: <T>(run: (signal: AbortSignal) => Promise<T>) => Promise<T>;
}): Pick<HandlerTable, VersionCalls> {
  return {
    listVersions: ({ documentId }) => listVersions(store.data, documentId),
    openVersion: ({ documentId, n }) => versionText(store.data, documentId, n),
    diffVersions: ({ documentId, from, to }) => diffVersions(store.data, documentId, from, to),
    importVersionFromDialog: async ({ documentId }) => {
      // An unknown document is refused before any dialog opens.
      ops.getDocument(store.data, documentId);
      const [path] = await dialogs.chooseImportFiles();
      if (path === undefined) return null;
      const task = 'Importing new version';
      progress({ task, done: 0, total: 1 });
      try {
        const result = await cancellable((signal) =>
          importVersionPath(store, documentId, path, now, {
            signal,
            onStep: (done, total) => progress({ task, done: done / total, total: 1 }),
          }),
        );
        imported([path]);
        return result;
      } finally {
        progress({ task, done: 1, total: 1 });
      }
    },
    importVersionFile: ({ documentId, fileName, bytes }) => {
      ops.getDocument(store.data, documentId);
      const task = `Importing ${fileName} as a new version`;
      progress({ task, done: 0, total: 1 });
      return cancellable((signal) =>
        importVersionBytes(store, documentId, { fileName, bytes }, now, {
          signal,
          onStep: (done, total) => progress({ task, done: done / total, total: 1 }),
        }),
      ).finally(() => progress({ task, done: 1, total: 1 }));
    },
    makeVersion: ({ documentId, of }) => makeVersion(store, documentId, of, now()),
    versionReview: ({ documentId }) => versionReview(store.data, documentId),
    resolveReview: ({ annotationId, action }) => resolveReview(store, annotationId, action, now()),
    reselectReview: (input) => reselectReview(store, input, now()),
  };
}
