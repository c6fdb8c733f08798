/**
 * Schema 6: documents carry their citation (authors, the pages they span in their container, a citation key unique
 * in the notebook), may name the file they were read from, and documents read from pages (PDF) say where each page
 * begins; blocks may say their page and be notes (a Word file's footnotes). Existing documents get no authors and
 * no pages, and a key made as an import makes one (main/core/citation.ts), unique among them in their order.
 */
import { citationKeyBase, uniqueCitationKey } from '../../core/citation';
import type { Migration } from './types';

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export const citationsAndPages: Migration = {
  version: 6,
  name: 'citations-and-pages',
  up: (notebook) => {
    if (!Array.isArray(notebook.documents)) return { ...notebook };
    const taken = new Set<string>();
    const documents = notebook.documents.map((doc: unknown) => {
      if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return doc;
      const fields = doc as Record<string, unknown>;
      const key = uniqueCitationKey(
        citationKeyBase({
          authors: [],
          source: text(fields.source),
          published: text(fields.published),
          title: text(fields.title),
        }),
        taken,
      );
      taken.add(key);
      return { ...fields, authors: [], pages: '', citationKey: key };
    });
    return { ...notebook, documents };
  },
};
