/**
 * What every importer of a document produces (a DocumentDraft: title, source, date, address, reading text, blocks and
 * marks) and the options the text importers take.
 */
import type { Block, DocumentFormat, Mark } from '../../../shared/model';

export interface DocumentDraft {
  title: string;
  source: string;
  published: string;
  url: string;
  format: DocumentFormat;
  text: string;
  blocks: Block[];
  /** Inline formatting over `text` (Markdown); none when absent. */
  marks?: Mark[];
  /** Who wrote it, when the source says (HTML pages). */
  byline?: string;
}

export interface ImportOptions {
  fileName?: string;
  source?: string;
}
