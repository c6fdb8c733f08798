/**
 * The PDF importer: a PDF's bytes as a document draft, its text read with PDF.js. (Being written: see issue 14.)
 */
import type { DocumentDraft } from '../core/import-text';
import { ParleyError } from '../../shared/model';
import type { ImportSteps } from './index';

export interface PdfImportOptions {
  fileName: string;
  onStep?: ImportSteps;
}

export async function importPdf(_bytes: Uint8Array, options: PdfImportOptions): Promise<DocumentDraft> {
  throw new ParleyError(
    `Parley cannot read "${options.fileName}" yet: PDF import is not built.`,
    'unsupported-format',
  );
}
