/**
 * What every importer of a document produces (a DocumentDraft: title, source, date, address, reading text, blocks and
 * marks) and the options the text importers take.
 */
import type { Block, DocumentFormat, Mark, SourceFile } from '../../../shared/model';

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
  /** Its authors for citing, each "Family, Given" or a name cited whole, when the file says (PDF, Word metadata). */
  authors?: string[];
  /** The file it was read from (PDF, Word): name, size and SHA-256. */
  file?: SourceFile;
  /** Documents read from pages: where each page's text begins in `text` (see ParleyDocument.pageStarts). */
  pageStarts?: number[];
}

export interface ImportOptions {
  fileName?: string;
  source?: string;
}
