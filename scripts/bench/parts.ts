/**
 * The bench's parts beyond the first five (which run.ts runs itself): each a module of its own that records its
 * figures in context.ts. `--only=NAME` runs one of them. Chromium is launched once and handed to every part.
 */
import type { Browser } from '@playwright/test';
import { addOnePart } from './add-one';
import { linksPart } from './links';
import { scaleCorePart } from './scale-core';
import { scaleStorage } from './scale-storage';
import { importPart } from './import';
import { importFilesPart } from './import-files';
import { benchView } from './view';

export interface BenchPart {
  /** The name `--only=` selects it by. */
  name: string;
  run(browser: Browser): Promise<void>;
}

export const PARTS: BenchPart[] = [
  addOnePart, // add_one_ms
  linksPart, // delete_one_ms
  scaleCorePart, // search_100k_ms, export_all_100k_ms
  scaleStorage, // load_100k_ms, save_100k_ms, save_raw_100k_ms, save_one_100k_ms
  importPart, // import_html_ms, import_html_typical_ms, import_pathological_ms
  importFilesPart, // import_pdf_ms, import_docx_ms
  { name: 'view', run: benchView }, // open_ms, scroll_frame_ms, open_heap_mb
];
