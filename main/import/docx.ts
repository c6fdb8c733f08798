/**
 * The Word importer: a .docx file's bytes as a document draft, read with mammoth. (Being written: see issue 14.)
 */
import type { DocumentDraft } from '../core/import-text';
import { ParleyError } from '../../shared/model';
import type { ImportSteps } from './index';

export interface DocxImportOptions {
  fileName: string;
  onStep?: ImportSteps;
}

export async function importDocx(_bytes: Uint8Array, options: DocxImportOptions): Promise<DocumentDraft> {
  throw new ParleyError(
    `Parley cannot read "${options.fileName}" yet: Word import is not built.`,
    'unsupported-format',
  );
}
