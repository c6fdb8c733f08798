/**
 * The notebook of years of work the 100k figures are measured on: 100,000 highlights (with topics, parties and
 * Markdown notes) across 1,000 generated documents of about 10,000 characters. Made once per run, on first use.
 */
import { lazy, SEED } from './context';
import { generateNotebook } from './data';

export const SCALE_DOCUMENTS = 1_000;
export const SCALE_DOCUMENT_LENGTH = 10_000;
export const SCALE_ANNOTATIONS = 100_000;

export const scaleNotebook = lazy(() =>
  generateNotebook(SEED + 5, SCALE_DOCUMENTS, SCALE_DOCUMENT_LENGTH, SCALE_ANNOTATIONS),
);
