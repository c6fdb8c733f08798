/**
 * First run: a notebook that was just created gets the sample article, imported through the same plain-text
 * importer users get. A notebook the user emptied stays empty. The sample is where the reader starts, not a step of
 * their work: it is added outside the undo history, so a first Ctrl+Z cannot take it (and its parties) away.
 */
import { addSampleDocument } from './core/notebook';
import type { NotebookStore } from './storage/notebook-store';

export const SAMPLE_FILE = 'assets/sample-miliband-lavrov.txt';

export async function seedOnFirstRun(store: NotebookStore, readSample: () => Promise<string>): Promise<void> {
  if (!store.created || store.data.documents.length > 0) return;
  const sample = await readSample();
  store.changeOutsideHistory((nb) => addSampleDocument(nb, sample, new Date()));
  await store.flush();
}
