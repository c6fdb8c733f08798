/**
 * The bench's part for PDF and Word files: `import_pdf_ms` is a generated 100-page PDF (scripts/fixtures/make-pdf.ts)
 * and `import_docx_ms` a generated 50-page Word file (scripts/fixtures/make-docx.ts), each read as the app and the
 * command line read one: on a fresh import worker from the built bundle (dist/main/import-worker.cjs, which
 * `npm run bench` builds first), the worker's start and its loading of PDF.js or mammoth included, to the draft
 * handed back. A note gives, for each, the read alone in a process that has loaded the library already.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DocumentDraft } from '../../main/core/import-text';
import { importDocx } from '../../main/import/docx';
import { importPdf } from '../../main/import/pdf';
import type { WorkerReply, WorkerTask } from '../../main/import/off-thread';
import { makeBenchDocx } from '../fixtures/make-docx';
import { makeBenchPdf } from '../fixtures/make-pdf';
import { log, notes, record, timeRuns } from './context';
import { median } from './report';
import type { BenchPart } from './parts';

const WORKER = fileURLToPath(new URL('../../dist/main/import-worker.cjs', import.meta.url));

/** One file read on a fresh built import worker, as the app reads it; the milliseconds and the draft. */
function readOnWorker(fileName: string, bytes: Uint8Array): Promise<{ ms: number; draft: DocumentDraft }> {
  const start = performance.now();
  const task: WorkerTask = { fileName, bytes };
  const worker = new Worker(`require(${JSON.stringify(WORKER)})`, { eval: true, workerData: task });
  return new Promise((resolve, reject) => {
    worker.on('message', (message: WorkerReply) => {
      if (message.kind === 'step') return;
      const ms = performance.now() - start;
      void worker.terminate();
      if (message.kind === 'draft') resolve({ ms, draft: message.draft });
      else reject(new Error(`${fileName} was not read: ${message.message}`));
    });
    worker.on('error', reject);
  });
}

export const importFilesPart: BenchPart = {
  name: 'files',
  async run() {
    if (!existsSync(WORKER)) throw new Error(`${WORKER} is missing: run \`npm run build\` first.`);
    const pdf = makeBenchPdf(100);
    const docx = makeBenchDocx(50);
    log(
      `files: a 100-page PDF of ${(pdf.length / 1e6).toFixed(1)} MB and a 50-page Word file of ${(docx.length / 1e3).toFixed(0)} KB`,
    );
    let pdfDraft: DocumentDraft | null = null;
    record(
      'import_pdf_ms',
      await timeRuns(3, async () => {
        const { ms, draft } = await readOnWorker('bench.pdf', pdf);
        pdfDraft = draft;
        return ms;
      }),
    );
    let docxDraft: DocumentDraft | null = null;
    record(
      'import_docx_ms',
      await timeRuns(3, async () => {
        const { ms, draft } = await readOnWorker('bench.docx', docx);
        docxDraft = draft;
        return ms;
      }),
    );

    // The reads alone, in this process, after a first read has loaded the library.
    await importPdf(pdf, { fileName: 'warm-up.pdf' });
    const pdfWarm = median(
      await timeRuns(3, async () => {
        const start = performance.now();
        await importPdf(pdf, { fileName: 'bench.pdf' });
        return performance.now() - start;
      }),
    );
    await importDocx(docx, { fileName: 'warm-up.docx' });
    const docxWarm = median(
      await timeRuns(3, async () => {
        const start = performance.now();
        await importDocx(docx, { fileName: 'bench.docx' });
        return performance.now() - start;
      }),
    );
    const pdfRead = pdfDraft as DocumentDraft | null;
    const docxRead = docxDraft as DocumentDraft | null;
    notes.push(
      `files: import_pdf_ms and import_docx_ms are each a fresh import worker from the built bundle, its start and its loading of PDF.js or mammoth included, as every import in the app and the command line runs; ` +
        `the 100-page PDF gave ${pdfRead?.blocks.length ?? 0} blocks on ${pdfRead?.pageStarts?.length ?? 0} pages, the 50-page Word file ${docxRead?.blocks.length ?? 0} blocks. ` +
        `Read alone in a process that has PDF.js and mammoth loaded already: PDF ${pdfWarm.toFixed(0)} ms, Word ${docxWarm.toFixed(0)} ms.`,
    );
  },
};
