/**
 * The import part of the bench: web pages read into documents. `import_html_ms` is the generated 5 MB saved news
 * page (scripts/make-large-page.ts) read in-process by main/import/html.ts, `import_html_typical_ms` a 300 KB page
 * of the same kind, and `import_pathological_ms` a 600 KB page of 200,000 empty paragraphs
 * (scripts/make-pathological-page.ts) through the path the app takes: the import worker, its budget and all. The
 * peer, in a note: jsdom and Readability alone over the same 5 MB page, with none of Parley's own work.
 */
import { createRequire } from 'node:module';
import { Readability } from '@mozilla/readability';
import type * as Jsdom from 'jsdom';
import { importHtml } from '../../main/import/html';
import { importOffThread } from '../../main/import/off-thread';
import { makeLargePage } from '../make-large-page';
import { makePathologicalPage } from '../make-pathological-page';
import { log, notes, record, timeRuns } from './context';
import type { BenchPart } from './parts';

const ms = (start: number) => performance.now() - start;

export const importPart: BenchPart = {
  name: 'import',
  async run() {
    const large = makeLargePage(5).html;
    const typical = makeLargePage(0.3).html;
    const pathological = makePathologicalPage().html;
    log(
      `import: pages of ${(large.length / 1e6).toFixed(1)} MB, ${(typical.length / 1e3).toFixed(0)} KB and ${(pathological.length / 1e3).toFixed(0)} KB`,
    );
    // jsdom loads on the first page imported (about a second); the figures are for the pages after it.
    importHtml(typical, { fileName: 'warm-up.html' });

    record(
      'import_html_typical_ms',
      await timeRuns(9, () => {
        const start = performance.now();
        importHtml(typical, { fileName: 'typical.html' });
        return ms(start);
      }),
    );
    record(
      'import_html_ms',
      await timeRuns(3, () => {
        const start = performance.now();
        importHtml(large, { fileName: 'large.html' });
        return ms(start);
      }),
    );
    const bytes = new TextEncoder().encode(pathological);
    let outcome = '';
    record(
      'import_pathological_ms',
      await timeRuns(3, async () => {
        const start = performance.now();
        try {
          const draft = await importOffThread('empty-paragraphs.html', bytes);
          outcome = `imported: ${draft.blocks.length} blocks`;
        } catch (error) {
          outcome = `refused: ${(error as Error).message}`;
        }
        return ms(start);
      }),
    );

    // The peer: jsdom building the whole page and Readability finding its article, nothing else.
    const require = createRequire(import.meta.url);
    const { JSDOM, VirtualConsole } = require('jsdom') as typeof Jsdom;
    const start = performance.now();
    const dom = new JSDOM(large, { virtualConsole: new VirtualConsole() });
    new Readability(dom.window.document).parse();
    const peer = ms(start);
    dom.window.close();
    notes.push(
      `import: import_html_ms is the whole import (page lightened, DOM built, leftovers dropped, Readability, DOMPurify, blocks); jsdom + Readability alone over the same 5 MB page took ${peer.toFixed(0)} ms in this run. import_pathological_ms (200,000 empty paragraphs, through the import worker, its start included): ${outcome}.`,
    );
  },
};
