/**
 * Schema 4: each document carries its inline formatting (`marks`, none for what was imported before) and when it
 * was last opened (`openedAt`, empty: not yet recorded). Blocks gain optional layout fields that old blocks do
 * without, so they are left as they are.
 */
import type { Migration } from './types';

export const formattingAndOpened: Migration = {
  version: 4,
  name: 'formatting-and-opened',
  up: (notebook) => ({
    ...notebook,
    documents: Array.isArray(notebook.documents)
      ? notebook.documents.map((doc: unknown) =>
          typeof doc === 'object' && doc !== null ? { ...doc, marks: [], openedAt: '' } : doc,
        )
      : notebook.documents,
  }),
};
