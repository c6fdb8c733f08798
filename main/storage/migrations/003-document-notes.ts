/** Schema 3: each document has the researcher's own Markdown note and, for web pages, its byline. */
import type { Migration } from './types';

export const documentNotes: Migration = {
  version: 3,
  name: 'document-notes',
  up: (notebook) => ({
    ...notebook,
    documents: Array.isArray(notebook.documents)
      ? notebook.documents.map((doc: unknown) =>
          typeof doc === 'object' && doc !== null ? { ...doc, note: '', byline: '' } : doc,
        )
      : notebook.documents,
  }),
};
