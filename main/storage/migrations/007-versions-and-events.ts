/**
 * Schema 7: a document may have earlier versions (kept in `versions` when a newer one is imported over it) and says
 * which version its own text is; highlights may point into an earlier version and say how they came through the
 * newest; documents may be grouped as accounts of one event (`events`). Every existing document is its first
 * version, with no earlier ones, and the notebook has no events; highlights are unchanged.
 */
import type { Migration } from './types';

export const versionsAndEvents: Migration = {
  version: 7,
  name: 'versions-and-events',
  up: (notebook) => {
    const documents = Array.isArray(notebook.documents)
      ? notebook.documents.map((doc: unknown) =>
          typeof doc === 'object' && doc !== null && !Array.isArray(doc) ? { ...doc, version: 1 } : doc,
        )
      : notebook.documents;
    return { ...notebook, documents, versions: [], events: [] };
  },
};
