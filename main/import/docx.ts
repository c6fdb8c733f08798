/**
 * The Word importer: a .docx file's bytes as a document draft. mammoth reads the document's WordprocessingML into
 * plain, semantic HTML (headings, paragraphs, lists, emphasis, links, notes), and that HTML goes through the web
 * page importer's own sanitizing and block reading (main/import/html.ts, readWholeDocument), with no article
 * extraction: a Word file is all article, and Readability could leave a part of it out.
 *
 * What is read, and how:
 * - Headings keep their level (Word's "Heading 1" to "Heading 6"); paragraphs in the Quote, Intense Quote, Block Text
 *   (pandoc's), Block Quotation and Quotations (LibreOffice's) styles are block quotes; bullet and numbered lists are list items with their depth and number; italic and bold are
 *   emphasis and strong emphasis marks; links to web pages and e-mail addresses are link marks.
 * - The first paragraph in Word's Title style is the document's title, and not part of its text (as a web page's
 *   headline is not): it is what the reader of the file sees as its title, where the title in the file's
 *   properties is often a template's or an earlier draft's. Any later Title paragraph reads as a level-1 heading.
 *   Without one the title is the properties' title (dc:title), else the first heading, else the file's name.
 * - Footnotes and endnotes are blocks of kind 'note' after the body, in the order they are referred to, each
 *   beginning with its label ("[1] The note's text"); the reference in the body reads "[1]" where it stands, the
 *   same label, so a reader can find one from the other. One count runs over footnotes and endnotes together.
 * - Tracked changes are read as the document now stands: insertions are text, deletions are not (nor are moved-away
 *   runs). Comments are never text: mammoth leaves them out unless asked for them, and they are not asked for.
 * - Pictures are not read (their bytes are never unpacked); their place in the text is left out.
 * - The authors (dc:creator, "Jane Porter; John Smith"), the date (dcterms:created, else dcterms:modified) and the
 *   title come from docProps/core.xml, read here with JSZip (mammoth's own zip reader); placeholder authors that
 *   Office writes for an unnamed user ("Microsoft Office User") are left out.
 *
 * Refused, with a message and nothing imported: an empty file; a file that is not a zip (a .docx is one), and
 * among those a password-protected Word file or an old Word .doc (both OLE compound files) named as they are; a zip
 * that is not a Word document (a workbook, a presentation, an OpenDocument file); a damaged one; one whose parts
 * unpack to more than MAX_WORD_XML_BYTES; a document with no text.
 */
import { createHash } from 'node:crypto';
import type JSZip from 'jszip';
import type Mammoth from 'mammoth';
import type { DocumentDraft } from '../core/import-text';
import { ParleyError } from '../../shared/model';
import { MAX_IMPORT_CHARS, MAX_TITLE_LENGTH } from '../../shared/limits';
import { authorsFromField } from '../core/import-text/authors';
import { readWholeDocument } from './html';
import type { ImportSteps } from './index';

export interface DocxImportOptions {
  fileName: string;
  onStep?: ImportSteps;
}

/**
 * mammoth and JSZip take a moment to load: they are loaded with the first Word file read, not whenever Parley or
 * its command line starts (a dynamic import, which the bundles also leave until it runs).
 */
async function wordReaders(): Promise<{ mammoth: typeof Mammoth; zipReader: typeof JSZip }> {
  const [mammoth, zipReader] = await Promise.all([import('mammoth'), import('jszip')]);
  return { mammoth: mammoth.default, zipReader: zipReader.default };
}

/** How many steps importDocx reports: the file checked, its properties read, mammoth's HTML, the blocks, done. */
export const DOCX_STEPS = 5;

/**
 * The most the XML parts of a Word file may unpack to. A 1,000-page report is some tens of megabytes of XML; a
 * zip that claims more is refused before anything is unpacked (a few kilobytes can unpack to gigabytes).
 */
export const MAX_WORD_XML_BYTES = 200 * 1024 * 1024;

/**
 * mammoth's default style map, and this on top: Word's quotation styles (Quote, Intense Quote; Block Text, which
 * pandoc writes its block quotes in; Block Quotation; LibreOffice's Quotations) as block quotes (consecutive quoted
 * paragraphs in one quote), and a Title paragraph after the first (see the module's comment) as a top heading.
 */
const STYLE_MAP = [
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  "p[style-name='Block Text'] => blockquote > p:fresh",
  "p[style-name='Block Quotation'] => blockquote > p:fresh",
  "p[style-name='Quotations'] => blockquote > p:fresh",
  'p.Quote => blockquote > p:fresh',
  'p.IntenseQuote => blockquote > p:fresh',
  'p.BlockText => blockquote > p:fresh',
  'p.BlockQuotation => blockquote > p:fresh',
  'p.Quotations => blockquote > p:fresh',
  "p[style-name='Title'] => h1:fresh",
  'p.Title => h1:fresh',
];

/** An element of mammoth's document tree, as far as this module reads it. */
interface WordElement {
  type: string;
  styleId?: string | null;
  styleName?: string | null;
  value?: string;
  children?: WordElement[];
}

function quoted(fileName: string): string {
  return `"${fileName.split(/[/\\]/).pop() || fileName}"`;
}

function flat(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

function clip(text: string, max: number): string {
  return text.length > max ? text.slice(0, max).trimEnd() : text;
}

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, i) => bytes[i] === byte);
}

/** Whether `bytes` hold `text` as UTF-16LE, as an OLE compound file names its streams. */
function holdsUtf16(bytes: Uint8Array, text: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from(text, 'utf16le'));
}

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_SIGNATURES = [
  [0x50, 0x4b, 0x03, 0x04],
  [0x50, 0x4b, 0x05, 0x06],
];

/** The refusal of a file that is not a zip archive, saying what it is where that is plain from its first bytes. */
function notAZip(name: string, bytes: Uint8Array): ParleyError {
  if (startsWith(bytes, OLE_SIGNATURE)) {
    if (holdsUtf16(bytes, 'EncryptedPackage')) {
      return new ParleyError(
        `${name} is password-protected, and Parley cannot read a protected Word file. Open it in Word, remove the password (File › Info › Protect Document), save it, and import it again. Nothing was imported.`,
        'invalid',
      );
    }
    return new ParleyError(
      `${name} is an old Word document (.doc) or another older Office file, named .docx, or a password-protected Word file: Parley reads only .docx documents. Open it in Word, save it as a Word Document (.docx) without a password, and import that. Nothing was imported.`,
      'invalid',
    );
  }
  const head = Buffer.from(bytes.subarray(0, 16)).toString('latin1');
  const kind = head.startsWith('%PDF')
    ? ' It is a PDF: rename it to .pdf and import it.'
    : head.startsWith('{\\rtf')
      ? ' It is a Rich Text (.rtf) file: open it in Word and save it as .docx.'
      : '';
  return new ParleyError(
    `${name} is not a Word document: a .docx file is a zip archive, and this file is not one (it may be damaged, or another kind of file named .docx).${kind} Nothing was imported.`,
    'invalid',
  );
}

/**
 * The sizes the zip's central directory declares its XML parts unpack to, added up; Infinity when it cannot say
 * (a zip64 archive, whose sizes are elsewhere: a Word document never needs one). Read after JSZip has read the
 * same directory, so it is whole; JSZip holds each part to its declared size as it unpacks it.
 */
function declaredXmlSize(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record is the last 22 bytes, but for a comment of up to 65,535 bytes after it.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return Infinity;
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return Infinity;
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    if (size === 0xffffffff) return Infinity;
    const name = Buffer.from(bytes.subarray(at + 46, at + 46 + nameLength)).toString('utf8');
    if (/\.(?:xml|rels)$/i.test(name)) total += size;
    at += 46 + nameLength + extra + comment;
  }
  return total;
}

/** XML's five named entities and its character references, as text. */
function decodeXml(text: string): string {
  return text.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi, (whole, hex, decimal, named) => {
    if (named)
      return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[(named as string).toLowerCase()] ?? whole;
    const code = hex ? parseInt(hex as string, 16) : parseInt(decimal as string, 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

/** The text of the first element `local` in namespace `namespace` of a small XML part, or ''. */
function xmlProperty(xml: string, namespace: string, local: string): string {
  const escaped = namespace.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  for (const declaration of xml.matchAll(new RegExp(`xmlns:([\\w.-]+)\\s*=\\s*["']${escaped}["']`, 'g'))) {
    const prefix = declaration[1]!;
    const element = new RegExp(`<${prefix}:${local}(?:\\s[^>]*)?>([\\s\\S]*?)</${prefix}:${local}\\s*>`).exec(
      xml,
    );
    if (element) return flat(decodeXml(element[1]!.replace(/<[^>]*>/g, '')));
  }
  return '';
}

const DC = 'http://purl.org/dc/elements/1.1/';
const DCTERMS = 'http://purl.org/dc/terms/';

interface CoreProperties {
  title: string;
  authors: string[];
  published: string;
}

/** A date from the core properties as `YYYY-MM-DD`, or '' when there is none or it cannot be a file's. */
function propertyDate(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return '';
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  // Word files were not written before 1980; a later year than next is a clock's mistake.
  if (
    year < 1980 ||
    year > new Date().getUTCFullYear() + 1 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > 31
  ) {
    return '';
  }
  return match[0];
}

/**
 * The authors as a citation lists them, from dc:creator (Word separates them with semicolons), read by the rule
 * every importer shares (main/core/import-text/authors.ts): a person's name written "Given Family" becomes "Family,
 * Given", one written "Family, Given" is kept, an organisation's or a doubtful name is cited whole, and Office's
 * placeholders ("Microsoft Office User") are dropped.
 */
export function authorsFromCreator(creator: string): string[] {
  return authorsFromField(creator);
}

async function readCoreProperties(zip: JSZip): Promise<CoreProperties> {
  const part = zip.file('docProps/core.xml');
  const xml = part ? await part.async('string') : '';
  return {
    title: clip(xmlProperty(xml, DC, 'title'), MAX_TITLE_LENGTH),
    authors: authorsFromCreator(xmlProperty(xml, DC, 'creator')),
    published:
      propertyDate(xmlProperty(xml, DCTERMS, 'created')) ||
      propertyDate(xmlProperty(xml, DCTERMS, 'modified')),
  };
}

/** Where the package says its main document is (its officeDocument relationship), else Word's usual place. */
async function mainPartPath(zip: JSZip): Promise<string> {
  const rels = (await zip.file('_rels/.rels')?.async('string')) ?? '';
  for (const relationship of rels.matchAll(/<(?:[\w.-]+:)?Relationship\b[^>]*>/g)) {
    const attribute = (name: string) =>
      new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`).exec(relationship[0])?.[1] ?? '';
    if (!attribute('Type').endsWith('/officeDocument')) continue;
    const target = decodeXml(attribute('Target')).replace(/^\/+/, '');
    if (target !== '') return target;
  }
  return 'word/document.xml';
}

/** What kind of Office or OpenDocument file a zip that is not a Word document is, in words, or ''. */
async function otherKind(zip: JSZip): Promise<string> {
  if (zip.file('xl/workbook.xml')) return 'an Excel workbook';
  if (zip.file('ppt/presentation.xml')) return 'a PowerPoint presentation';
  const mimetype = flat((await zip.file('mimetype')?.async('string')) ?? '');
  if (mimetype === 'application/vnd.oasis.opendocument.text') return 'an OpenDocument text (.odt) file';
  if (mimetype.startsWith('application/vnd.oasis.opendocument.')) return 'an OpenDocument file';
  return '';
}

/** The zip's Word document is there and is WordprocessingML, or the file is refused saying what it is instead. */
async function checkWordDocument(name: string, zip: JSZip): Promise<void> {
  const part = zip.file(await mainPartPath(zip));
  const head = part ? (await part.async('string')).slice(0, 4096) : '';
  if (/<(?:[\w.-]+:)?document\b[^>]*wordprocessingml/.test(head)) return;
  const kind = await otherKind(zip);
  throw new ParleyError(
    kind
      ? `${name} is not a Word document: it is ${kind} named .docx. Parley imports Word documents (.docx); save it as one to import it. Nothing was imported.`
      : `${name} is not a Word document: it is a zip archive with no Word document in it (it may be damaged, or another kind of file named .docx). Nothing was imported.`,
    'invalid',
  );
}

function damaged(name: string, error: unknown): ParleyError {
  const reason = flat(error instanceof Error ? error.message : String(error)).slice(0, 200);
  return new ParleyError(
    `${name} is damaged: Parley could not read the Word document in it${reason ? ` (${reason.replace(/\.$/, '')})` : ''}. Nothing was imported.`,
    'invalid',
  );
}

/** A paragraph's words as a reader sees them. */
function paragraphText(element: WordElement): string {
  let text = '';
  const visit = (node: WordElement) => {
    if (node.type === 'text') text += node.value ?? '';
    else if (node.type === 'tab' || node.type === 'break') text += ' ';
    for (const child of node.children ?? []) visit(child);
  };
  visit(element);
  return flat(text);
}

/**
 * Takes the first paragraph in the Title style out of mammoth's document (it is the title, not the text) and
 * answers its words; the document is changed in place, before mammoth writes its HTML.
 */
function takeTitleParagraph(document: WordElement): string {
  const children = document.children ?? [];
  const index = children.findIndex(
    (child) =>
      child.type === 'paragraph' &&
      (child.styleName === 'Title' || child.styleId === 'Title') &&
      paragraphText(child) !== '',
  );
  if (index < 0) return '';
  const [title] = children.splice(index, 1);
  return paragraphText(title!);
}

/**
 * The notes mammoth writes after the body (an ordered list of `<li id="footnote-N">` and `<li id="endnote-N">`,
 * each ending in a back-link "↑"): each note gets the label its reference reads in the body ("[1]") before its text,
 * loses its back-link, and is answered to be read as a note block.
 */
function prepareNotes(document: Document): Element[] {
  const notes = Array.from(document.querySelectorAll('li[id^="footnote-"], li[id^="endnote-"]'));
  if (notes.length === 0) return notes;
  const labels = new Map<string, string>();
  for (const reference of document.querySelectorAll('a[href^="#footnote-"], a[href^="#endnote-"]')) {
    const target = reference.getAttribute('href')!.slice(1);
    if (!labels.has(target)) labels.set(target, flat(reference.textContent ?? ''));
  }
  notes.forEach((note, i) => {
    for (const back of note.querySelectorAll('a[href^="#footnote-ref-"], a[href^="#endnote-ref-"]'))
      back.remove();
    const label = labels.get(note.id) || `[${i + 1}]`;
    const first = note.firstElementChild?.localName === 'p' ? note.firstElementChild : note;
    first.prepend(document.createTextNode(`${label} `));
  });
  return notes;
}

/** A Word file's bytes → DocumentDraft (format 'docx'); see the module's comment for what is read and refused. */
export async function importDocx(bytes: Uint8Array, options: DocxImportOptions): Promise<DocumentDraft> {
  const name = quoted(options.fileName);
  const step = (done: number) => options.onStep?.(done, DOCX_STEPS);
  if (bytes.length === 0) {
    throw new ParleyError(`${name} is empty: the file has no bytes in it. Nothing was imported.`, 'invalid');
  }
  if (!ZIP_SIGNATURES.some((signature) => startsWith(bytes, signature))) throw notAZip(name, bytes);
  const { mammoth, zipReader } = await wordReaders();
  let zip: JSZip;
  try {
    // Reads the zip's directory only: nothing is unpacked yet.
    zip = await zipReader.loadAsync(bytes);
  } catch (error) {
    throw damaged(name, error);
  }
  if (declaredXmlSize(bytes) > MAX_WORD_XML_BYTES) {
    throw new ParleyError(
      `${name} is too large to read: its document unpacks to more than ${MAX_WORD_XML_BYTES / (1024 * 1024)} MB. Nothing was imported.`,
      'too-large',
    );
  }
  let core: CoreProperties;
  try {
    await checkWordDocument(name, zip);
    step(1);
    core = await readCoreProperties(zip);
  } catch (error) {
    throw error instanceof ParleyError ? error : damaged(name, error);
  }
  step(2);

  let titleParagraph = '';
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: STYLE_MAP,
        // Pictures are left out unread: a data: URL of each would be megabytes of HTML for nothing.
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
        transformDocument: (document: WordElement) => {
          titleParagraph = takeTitleParagraph(document);
          return document;
        },
      },
    );
    html = result.value;
  } catch (error) {
    throw damaged(name, error);
  }
  step(3);

  const { text, blocks, marks } = readWholeDocument(html, { notes: prepareNotes });
  if (text.length > MAX_IMPORT_CHARS) {
    throw new ParleyError(
      `${name} is too large: its text runs past ${MAX_IMPORT_CHARS.toLocaleString('en-US')} characters. Nothing was imported.`,
      'too-large',
    );
  }
  if (blocks.length === 0) {
    throw new ParleyError(
      `${name} has no text to read: the document is empty, or holds only pictures. Nothing was imported.`,
      'invalid',
    );
  }
  step(4);

  const firstHeading = blocks.find((block) => block.kind === 'heading');
  const fromFileName = options.fileName
    .split(/[/\\]/)
    .pop()!
    .replace(/\.docx$/i, '');
  const title = clip(
    titleParagraph ||
      core.title ||
      (firstHeading ? flat(text.slice(firstHeading.start, firstHeading.end)) : '') ||
      flat(fromFileName),
    MAX_TITLE_LENGTH,
  );
  step(DOCX_STEPS);
  return {
    title: title || 'Untitled',
    source: '',
    published: core.published,
    url: '',
    format: 'docx',
    text,
    blocks,
    marks,
    authors: core.authors,
    file: {
      name: clip(options.fileName.split(/[/\\]/).pop() || options.fileName, MAX_TITLE_LENGTH),
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    },
  };
}
