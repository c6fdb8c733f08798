/**
 * Adding W3C annotations that have been read and checked (core/w3c's importW3C, and usablePart where a file may be
 * partly used) to the notebook: the topics and parties they name that the notebook lacks are made with the
 * codebook's and the party list's own rules, and everything goes in as one change, one undo step. The window's
 * "Import annotations" and the command line's `annotations import` both come here.
 */
import type { Annotation } from '../../shared/model';
import * as ops from '../core/notebook';
import { createParty } from '../core/parties';
import { applyW3CImport, type W3CImportResult } from '../core/w3c';
import type { NotebookStore } from '../storage/notebook-store';

/** The undo step's name: "Import annotation", "Import 3 annotations". */
export function annotationImportLabel(count: number): string {
  return count === 1 ? 'Import annotation' : `Import ${count} annotations`;
}

/** Adds the read annotations in one change; refused, adding nothing, when any of them could not be used. */
export function addAnnotations(store: NotebookStore, read: W3CImportResult): Annotation[] {
  return store.change(
    (nb) =>
      applyW3CImport(nb, read, {
        createTopic: (topicPath) => ops.createTopic(nb, { path: topicPath }),
        createParty: ({ colour, ...party }) => createParty(nb, colour ? { ...party, colour } : party),
      }),
    annotationImportLabel(read.annotations.length),
  );
}
