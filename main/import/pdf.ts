/**
 * The PDF importer: a PDF's bytes as a document draft, its text read with PDF.js (Mozilla's own reader, the one in
 * Firefox), page by page, and put back into reading order by main/import/pdf-layout.ts: columns, paragraphs, words
 * broken at line ends joined again, ligatures as letters, running headers, footers and page numbers dropped. Each
 * block knows the page it starts on and the draft where each page begins, so a passage is cited as `p. 4`.
 *
 * Title, authors and date come from the file's Info dictionary (or its XMP metadata), else from its first page: the
 * largest text at its top is the title, a "By …" line under it the authors, or a line of two to four names joined by
 * "and", "&" or commas right under it ("Peter Novak and Hana Kim"), and a date line near it the date; the lines
 * right under the title that were read so leave the body. The
 * file's name, size and SHA-256 are kept with the document, never its bytes.
 *
 * Refused, with a message that says why and nothing added: a file that is not a PDF or is damaged (PDF.js cannot
 * parse it; "cut short" is said only when the file has no "%%EOF" at all, as bytes after it or a missing one alone
 * do not stop PDF.js reading a file), one that needs a password, and one with no text to read (a scan, which needs OCR).
 *
 * PDF.js is loaded on the first PDF imported (a dynamic import, so the bundles leave it in node_modules, where it
 * finds its own worker code), with its own "worker" run on this thread: this importer already runs on the import
 * worker (main/import/off-thread.ts), which reports each page read as a step. Its console warnings are off.
 */
import { createHash } from 'node:crypto';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Block } from '../../shared/model';
import { ParleyError } from '../../shared/model';
import { MAX_IMPORT_CHARS } from '../../shared/limits';
import { parseDateLine, type DocumentDraft } from '../core/import-text';
import { cleanTitle } from '../core/import-text/normalize';
import { authorsFromField } from '../core/import-text/authors';
import type { ImportSteps } from './index';
import { cleanRunText, layOutPages, type LaidBlock, type PageRuns, type TextRun } from './pdf-layout';

export interface PdfImportOptions {
  fileName: string;
  onStep?: ImportSteps;
}

type PdfJs = typeof PdfJsModule;
let pdfjs: Promise<PdfJs> | undefined;

/**
 * PDF.js, loaded once. In Node it runs its "worker" on this thread, importing its worker code (pdf.worker.mjs)
 * from beside itself in node_modules: the bundles leave the package there (scripts/build.mjs).
 */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs;
}

/**
 * "%PDF-" must open the file (within its first kilobyte, as readers allow). Its ending is not checked here: a valid
 * file may have bytes after its "%%EOF" (a download padded with zeros) or lack one, and PDF.js reads both; whether
 * "%%EOF" is anywhere in the file only says, when PDF.js cannot read it, whether it seems cut short.
 */
function checkShape(bytes: Uint8Array, quoted: string): void {
  if (!Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes('%PDF-')) {
    throw new ParleyError(
      `${quoted} is not a PDF: it does not begin as a PDF file does. Nothing was imported.`,
      'invalid',
    );
  }
}

/** Whether "%%EOF" appears anywhere in the file (a file cut short has none). */
function hasEnd(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes('%%EOF', 0, 'latin1');
}

interface PdfJsError {
  name?: string;
  message?: string;
}

function refusal(error: unknown, quoted: string, cutShort: boolean): ParleyError {
  if (error instanceof ParleyError) return error;
  const { name, message } = (error ?? {}) as PdfJsError;
  if (name === 'PasswordException') {
    return new ParleyError(
      `${quoted} is password-protected: Parley cannot read it without the password. Open it in a PDF reader, save a copy without the password, and import that. Nothing was imported.`,
      'encrypted',
    );
  }
  if (cutShort) {
    return new ParleyError(
      `${quoted} is damaged: it seems cut short (it does not end as a PDF does), as an interrupted download leaves it. Nothing was imported.`,
      'invalid',
    );
  }
  return new ParleyError(
    `${quoted} is damaged or not a PDF: ${name === 'InvalidPDFException' || name === 'FormatError' || !message ? 'its structure cannot be read' : message.replace(/[.\s]+$/, '')}. Nothing was imported.`,
    'invalid',
  );
}

/**
 * A PDF date ("D:20260314093000+01'00'") or an ISO one as `YYYY-MM-DD`, or '' when it is not one or has no day
 * (a year alone cannot be written as a date without making one up).
 */
export function pdfDate(value: unknown): string {
  if (typeof value !== 'string') return '';
  const match = /^(?:D:)?(\d{4})-?(\d{2})-?(\d{2})/.exec(value.trim());
  if (!match) return '';
  const [, year, month, day] = match as unknown as [string, string, string, string];
  const m = Number(month);
  const d = Number(day);
  if (Number(year) < 1900 || m < 1 || m > 12 || d < 1 || d > 31) return '';
  return `${year}-${month}-${day}`;
}

/**
 * An author field as citation names (main/core/import-text/authors.ts, shared with the Word and web page importers):
 * "A; B" and "A, B and C" are lists; "van der Berg, Jan" is one person already written as cited.
 */
export function parseAuthors(field: string): string[] {
  return authorsFromField(field);
}

/** Metadata titles that are not the document's: empty, "untitled", or a file name a program left there. */
function usableTitle(title: unknown): string {
  if (typeof title !== 'string') return '';
  const flat = title.replace(/\s+/g, ' ').trim();
  if (flat === '' || /^untitled\b/i.test(flat) || /\.(docx?|odt|pdf|tex|indd|rtf|txt|pages)$/i.test(flat))
    return '';
  if (/^microsoft (word|powerpoint) - /i.test(flat)) return '';
  return flat;
}

interface Metadata {
  title: string;
  author: string;
  date: string;
}

interface XmpLike {
  get(name: string): unknown;
}

function readMetadata(info: unknown, xmp: XmpLike | null): Metadata {
  const dict = (info ?? {}) as Record<string, unknown>;
  const fromXmp = (name: string): unknown => {
    const value = xmp?.get(name);
    return Array.isArray(value) ? value.join('; ') : value;
  };
  const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
  return {
    title: usableTitle(dict.Title) || usableTitle(fromXmp('dc:title')),
    author: text(dict.Author) || text(fromXmp('dc:creator')),
    date: pdfDate(dict.CreationDate) || pdfDate(fromXmp('xmp:createdate')),
  };
}

/** A person's name as a by-line writes it: two or three capitalised words ("Hana Kim", "Mary Ann Lee"). */
const PERSON = /^\p{Lu}[\p{Ll}'’-]+(?: \p{Lu}\.?[\p{Ll}'’-]*){1,2}$/u;

/**
 * The authors of a line of 2–4 names joined by "and", "&" or commas ("Peter Novak and Hana Kim"), as cited names,
 * or null when any part is not plainly a person's name (precision first: a sentence is never read as names).
 */
export function authorLine(line: string): string[] | null {
  const flat = line.replace(/\s+/g, ' ').trim();
  if (flat.length > 120 || !/,|\s(and|&)\s/.test(flat)) return null;
  const names = flat.split(/\s*,\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+/);
  if (names.length < 2 || names.length > 4) return null;
  if (!names.every((name) => PERSON.test(name))) return null;
  // Each name read as every author field is (main/core/import-text/authors.ts): one that is not plainly one person,
  // an organization's among them, leaves the line as text.
  const cited = names.map((name) => authorsFromField(name));
  if (!cited.every((one) => one.length === 1 && one[0]!.includes(','))) return null;
  return cited.map((one) => one[0]!);
}

/**
 * The lines at the start of the block right under the title that are its by-line and date ("Peter Novak and Hana
 * Kim", "12 March 2018", in either order): what they say, and how much of the block's text they take.
 */
function authorAndDateLines(block: LaidBlock): { authors: string[]; published: string; end: number } {
  let authors: string[] = [];
  let published = '';
  let end = 0;
  for (let i = 0; i < Math.min(2, block.lineStarts.length); i++) {
    const from = block.lineStarts[i]!;
    const to = block.lineStarts[i + 1] ?? block.text.length;
    const line = block.text.slice(from, to).trim();
    const date = line.length <= 40 && !published ? parseDateLine(line) : null;
    const names = authors.length === 0 && date === null ? authorLine(line) : null;
    if (date !== null) published = date;
    else if (names !== null) authors = names;
    else break;
    end = to;
  }
  return { authors, published, end };
}

/** The block without its first `end` characters (lines read as front matter), or null when nothing is left. */
function withoutStart(block: LaidBlock, end: number): LaidBlock | null {
  const rest = block.text.slice(end).replace(/^\s+/, '');
  if (rest === '') return null;
  const cut = block.text.length - rest.length;
  return {
    ...block,
    text: rest,
    lineStarts: block.lineStarts.filter((start) => start >= cut).map((start) => start - cut),
    pageBreaks: block.pageBreaks.map(({ page, offset }) => ({ page, offset: offset - cut })),
  };
}

const same = (a: string, b: string) =>
  a.replace(/\s+/g, ' ').trim().toLowerCase() === b.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Title, authors and date, from the metadata else the first page, and the blocks without the front matter they were
 * read from: the title block when it is the title, a "By …" line right under it.
 */
function frontMatter(
  blocks: LaidBlock[],
  metadata: Metadata,
): { title: string; authors: string[]; published: string; body: LaidBlock[] } {
  const body = [...blocks];
  const firstPage = body.filter((block) => block.page === 1).slice(0, 8);
  // The largest text among the first blocks of page 1, when it is larger than the body's text.
  const headings = firstPage.filter((block) => block.kind === 'heading');
  const largest = headings.sort((a, b) => b.size - a.size)[0];
  let title = metadata.title;
  if (!title && largest) title = largest.text;
  let titleIndex = largest && same(largest.text, title) ? body.indexOf(largest) : -1;
  if (titleIndex === -1 && title) titleIndex = body.findIndex((block, i) => i < 8 && same(block.text, title));
  let authors = parseAuthors(metadata.author);
  let published = metadata.date;
  const drop = new Set<LaidBlock>();
  if (titleIndex !== -1) {
    drop.add(body[titleIndex]!);
    const next = body[titleIndex + 1];
    if (next && next.page === 1 && /^by\s+\S/i.test(next.text) && next.text.length <= 200) {
      // The by-line is the block's first line; a date line may follow it in the same block ("12 March 2018").
      const firstEnd = next.lineStarts[1] ?? next.text.length;
      let byLine = next.text.slice(0, firstEnd).trim();
      // "By Peter Novak and Hana Kim, 12 March 2018": the date after the last comma is the date.
      const tail = /,\s*([^,]{4,40})$/.exec(byLine);
      const dateInLine = tail ? parseDateLine(tail[1]!) : null;
      if (tail && dateInLine !== null) byLine = byLine.slice(0, tail.index).trim();
      const secondEnd = next.lineStarts[2] ?? next.text.length;
      const second = next.text.slice(firstEnd, secondEnd).trim();
      const dateBelow = dateInLine === null && second && second.length <= 40 ? parseDateLine(second) : null;
      // A by-line with digits left in it is not plainly names: it gives no authors and stays in the text.
      const names = /\d/.test(byLine) ? [] : parseAuthors(byLine);
      if (names.length > 0) {
        if (authors.length === 0) authors = names;
        const date = dateInLine ?? dateBelow;
        if (date !== null && !published) published = date;
        const end = dateBelow !== null ? secondEnd : firstEnd;
        const rest = end < next.text.length ? withoutStart(next, end) : null;
        if (rest) body[titleIndex + 1] = rest;
        else drop.add(next);
      }
    } else if (next && next.page === 1 && next.kind === 'paragraph') {
      // A by-line of names and a date line right under the title, before the body.
      const found = authorAndDateLines(next);
      if (found.end > 0) {
        if (authors.length === 0) authors = found.authors;
        if (!published) published = found.published;
        const rest = withoutStart(next, found.end);
        if (rest) body[titleIndex + 1] = rest;
        else drop.add(next);
      }
    }
  }
  if (!published) {
    for (const block of firstPage) {
      const date = block.text.length <= 60 ? parseDateLine(block.text) : null;
      if (date !== null) {
        published = date;
        break;
      }
    }
  }
  return { title, authors, published, body: body.filter((block) => !drop.has(block)) };
}

/** Reads the runs of every page, reporting each page as a step. */
async function readPages(
  document: Awaited<ReturnType<PdfJs['getDocument']>['promise']>,
  onStep: ImportSteps | undefined,
): Promise<PageRuns[]> {
  const pages: PageRuns[] = [];
  const total = document.numPages;
  onStep?.(0, total);
  for (let number = 1; number <= total; number++) {
    const page = await document.getPage(number);
    const [, , width, height] = page.view as [number, number, number, number];
    const content = await page.getTextContent({ disableNormalization: true });
    const runs: TextRun[] = [];
    for (const item of content.items) {
      if (!('str' in item) || item.str === '') continue;
      const [a, b, , , x, y] = item.transform as number[];
      runs.push({ text: item.str, x: x!, y: y!, width: item.width, size: Math.hypot(a!, b!) || item.height });
    }
    pages.push({ width: width - (page.view[0] ?? 0), height: height - (page.view[1] ?? 0), runs });
    page.cleanup();
    onStep?.(number, total);
  }
  return pages;
}

/** Joins the blocks into the reading text, with each block's page and where each page begins. */
function assemble(
  blocks: readonly LaidBlock[],
  pageCount: number,
): { text: string; blocks: Block[]; pageStarts: number[] } {
  let text = '';
  const out: Block[] = [];
  const starts: (number | undefined)[] = new Array<number | undefined>(pageCount).fill(undefined);
  for (const block of blocks) {
    if (text !== '') text += '\n\n';
    const start = text.length;
    out.push({
      kind: block.kind,
      start,
      end: start + block.text.length,
      page: block.page,
      ...(block.ordered !== undefined ? { ordered: block.ordered } : {}),
      ...(block.number !== undefined ? { number: block.number } : {}),
    });
    if (starts[block.page - 1] === undefined) starts[block.page - 1] = start;
    for (const { page, offset } of block.pageBreaks) starts[page - 1] ??= start + offset;
    text += block.text;
  }
  // A page with no text of its own (a figure, a blank page) begins where the next page with text does.
  let next = text.length;
  for (let i = pageCount - 1; i >= 0; i--) {
    if (starts[i] === undefined) starts[i] = next;
    else next = starts[i]!;
  }
  return { text, blocks: out, pageStarts: starts as number[] };
}

/** A PDF's bytes as a draft; see the module's comment. */
export async function importPdf(bytes: Uint8Array, options: PdfImportOptions): Promise<DocumentDraft> {
  const quoted = `"${options.fileName}"`;
  if (bytes.length === 0)
    throw new ParleyError(`${quoted} is empty: there is no text in it to read.`, 'invalid');
  checkShape(bytes, quoted);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const size = bytes.length;

  const { getDocument, VerbosityLevel } = await loadPdfJs();
  // PDF.js takes the bytes over (it may detach them), so it gets a copy.
  const task = getDocument({
    data: bytes.slice(),
    verbosity: VerbosityLevel.ERRORS,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: true,
  });
  let pages: PageRuns[];
  let metadata: Metadata;
  try {
    const document = await task.promise;
    try {
      const meta = await document.getMetadata().catch(() => null);
      metadata = readMetadata(meta?.info, (meta?.metadata as XmpLike | null | undefined) ?? null);
      pages = await readPages(document, options.onStep);
    } finally {
      await document.destroy();
    }
  } catch (error) {
    throw refusal(error, quoted, !hasEnd(bytes));
  } finally {
    await task.destroy().catch(() => undefined);
  }

  if (!pages.some((page) => page.runs.some((run) => cleanRunText(run.text).trim() !== ''))) {
    throw new ParleyError(
      `${quoted} has no text to read: its pages are images only. It may be a scan, which needs text recognition (OCR) in another program before Parley can read it. Nothing was imported.`,
      'no-text',
    );
  }

  const laid = layOutPages(pages);
  const front = frontMatter(laid, metadata);
  const { text, blocks, pageStarts } = assemble(front.body, pages.length);
  if (text.length > MAX_IMPORT_CHARS) {
    throw new ParleyError(`${quoted} is too large: its text is longer than Parley imports.`, 'too-large');
  }
  if (text.trim() === '') {
    throw new ParleyError(`${quoted} has no text to read beyond its title. Nothing was imported.`, 'no-text');
  }
  const stem = options.fileName.replace(/\.pdf$/i, '');
  return {
    title: cleanTitle(front.title) || cleanTitle(stem) || 'Untitled',
    source: '',
    published: front.published,
    url: '',
    format: 'pdf',
    text,
    blocks,
    ...(front.authors.length > 0 ? { authors: front.authors } : {}),
    file: { name: options.fileName, size, sha256 },
    pageStarts,
  };
}
