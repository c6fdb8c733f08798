/**
 * Turns the bytes of a file chosen for import into text, or refuses it with a message the researcher can act on.
 * Saved web pages come in many encodings; a wrong guess would silently corrupt every quote taken from the page, so
 * the encoding is read only from evidence (a byte order mark, the page's own declaration, valid UTF-8) and never
 * guessed from statistics.
 */
import { ParleyError } from '../../shared/model';
import { MAX_IMPORT_BYTES } from '../../shared/limits';
import {
  ACCEPTED_FORMATS,
  HTML_EXTENSIONS as HTML_PAGES,
  MAX_IMPORT_SIZE_TEXT,
  TEXT_EXTENSIONS as TEXT_FILES,
} from '../../shared/import-formats';

/** How far into a page its encoding declaration is looked for (browsers look at 1024 bytes; saved pages vary). */
const PRESCAN_BYTES = 8192;

/** Pages by name (the imported ones and two rarer names of a page): their charset declaration is looked for. */
const HTML_EXTENSIONS = new Set([...HTML_PAGES, 'xht', 'shtml']);
/** Files that are text by name: markup at their start is their content, not a declaration. */
const TEXT_EXTENSIONS = new Set(TEXT_FILES);

/**
 * Signatures of common binary files, so the message can say what the file seems to be, and, for the formats Parley
 * reads from their bytes (a PDF, a Word document), what to do: a file saved without its extension or under another
 * name is imported once it is given its right one.
 */
const MAGIC: Array<{ bytes: number[]; what: string; rename?: string }> = [
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  {
    bytes: [0x25, 0x50, 0x44, 0x46, 0x2d],
    what: 'a PDF document',
    rename: 'rename it to end in .pdf to import it',
  },
  {
    bytes: [0x50, 0x4b, 0x03, 0x04],
    what: 'a ZIP archive, which may be a Word document (.docx)',
    rename: 'if it is a Word document, rename it to end in .docx to import it',
  },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], what: 'an old Microsoft Office document' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive' },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: 'an RTF document' },
];

/**
 * Windows-1252 for bytes 0x80–0x9F, as the WHATWG Encoding Standard maps them. Node's TextDecoder decodes the
 * label as ISO-8859-1 and leaves these as C1 controls, which would turn every curly quote into an invisible
 * character; the five undefined bytes keep their C1 code points, as the standard says.
 */
const WINDOWS_1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function baseName(fileName: string): string {
  return fileName.split(/[/\\]/).pop() || fileName;
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, i) => bytes[i] === byte);
}

/** The first bytes as a Latin-1 string, for looking at ASCII markup without decoding. */
function asciiView(bytes: Uint8Array, length: number): string {
  const slice = bytes.subarray(0, Math.min(length, bytes.length));
  let out = '';
  for (let i = 0; i < slice.length; i += 4096) {
    out += String.fromCharCode(...slice.subarray(i, i + 4096));
  }
  return out;
}

function looksLikeHtml(head: string): boolean {
  return /^\s*(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html|head|meta|\?xml)\b/i.test(head);
}

/**
 * The encoding a page declares for itself: `<meta charset>`, `<meta http-equiv="Content-Type" content="…;
 * charset=…">`, or an XML declaration. Comments are skipped so a commented-out declaration is not believed.
 */
export function declaredCharset(head: string): string | null {
  const markup = head.replace(/<!--[\s\S]*?(-->|$)/g, ' ');
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i.exec(markup);
  for (const meta of markup.matchAll(/<meta\b[^>]*>/gi)) {
    const tag = meta[0];
    const direct = /\bcharset\s*=\s*["']?\s*([^\s"'/>;]+)/i.exec(tag);
    if (direct) return direct[1]!;
  }
  return xml ? xml[1]! : null;
}

function decoderFor(label: string): TextDecoder | null {
  try {
    return new TextDecoder(label.trim(), { fatal: true });
  } catch {
    return null;
  }
}

function fixWindows1252(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

function countControls(text: string): number {
  let controls = 0;
  const end = Math.min(text.length, 65536);
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c) || code === 0x7f) {
      controls++;
    }
  }
  return controls;
}

function notText(name: string, detail: string): ParleyError {
  return new ParleyError(
    `"${name}" does not contain readable text: ${detail}. Parley imports ${ACCEPTED_FORMATS}.`,
    'unsupported-format',
  );
}

function decodeWith(name: string, decoder: TextDecoder, bytes: Uint8Array, offset: number): string {
  try {
    const text = decoder.decode(bytes.subarray(offset));
    return decoder.encoding === 'windows-1252' ? fixWindows1252(text) : text;
  } catch {
    throw new ParleyError(
      `"${name}" says it is written in ${decoder.encoding.toUpperCase()}, but its bytes are not valid ${decoder.encoding.toUpperCase()}. Open it in an editor and save it as UTF-8, then import it again.`,
      'encoding',
    );
  }
}

/**
 * Bytes → text: BOM, then (for HTML) <meta charset>/http-equiv, then strict UTF-8, then UTF-16 by BOM only;
 * windows-1252/iso-8859-1/other WHATWG labels via TextDecoder when declared. Binary (NUL bytes, many control chars)
 * or undecodable → ParleyError('encoding' | 'unsupported-format') with a plain message naming the file.
 * Empty files ('invalid') and files over MAX_IMPORT_BYTES ('too-large') are refused too.
 */
export function decodeImportBytes(fileName: string, bytes: Uint8Array): string {
  const name = baseName(fileName);
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    const mb = (bytes.byteLength / 1024 / 1024).toFixed(1);
    throw new ParleyError(
      `"${name}" is ${mb} MB; Parley imports files of up to ${MAX_IMPORT_SIZE_TEXT}.`,
      'too-large',
    );
  }
  if (bytes.byteLength === 0) {
    throw new ParleyError(`"${name}" is empty: there is no text in it to read.`, 'invalid');
  }

  // A byte order mark settles the encoding, whatever the file declares.
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    return checked(name, decodeWith(name, new TextDecoder('utf-8', { fatal: true }), bytes, 3));
  }
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const label = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    return checked(name, decodeWith(name, new TextDecoder(label, { fatal: true }), bytes, 2));
  }

  for (const magic of MAGIC) {
    if (startsWith(bytes, magic.bytes))
      throw notText(name, `it looks like ${magic.what}${magic.rename ? `: ${magic.rename}` : ''}`);
  }
  if (bytes.includes(0)) {
    throw notText(
      name,
      'it has NUL bytes: it is a binary file, or UTF-16 text without a byte order mark, which Parley cannot tell apart; save it as UTF-8',
    );
  }

  const head = asciiView(bytes, PRESCAN_BYTES);
  const extension = extensionOf(name);
  if (HTML_EXTENSIONS.has(extension) || (!TEXT_EXTENSIONS.has(extension) && looksLikeHtml(head))) {
    const label = declaredCharset(head);
    const decoder = label === null ? null : decoderFor(label);
    if (label !== null && decoder === null) {
      // A label TextDecoder does not know: the page may still be UTF-8, otherwise say what it declared.
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        throw new ParleyError(
          `"${name}" is written in an encoding Parley cannot read ("${label.trim()}"). Open it in a browser or editor and save it as UTF-8, then import it again.`,
          'encoding',
        );
      }
      return checked(name, text);
    }
    // A page cannot truly be UTF-16 if its declaration was readable as ASCII: browsers read it as UTF-8.
    if (decoder && !decoder.encoding.startsWith('utf-16')) {
      return checked(name, decodeWith(name, decoder, bytes, 0));
    }
  }

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ParleyError(
      `"${name}" is not UTF-8 and does not say which encoding it uses, so Parley cannot read it without garbling it. Open it in an editor and save it as UTF-8, then import it again.`,
      'encoding',
    );
  }
  return checked(name, text);
}

/** Refuses decoded text that is really binary: many control characters where text would have none. */
function checked(name: string, text: string): string {
  const sample = Math.min(text.length, 65536);
  const controls = countControls(text);
  if (controls >= 3 && controls / Math.max(sample, 1) > 0.01) {
    throw notText(name, 'it is full of control characters, as binary files are');
  }
  if (text.trim() === '') {
    throw new ParleyError(`"${name}" is empty: there is no text in it to read.`, 'invalid');
  }
  return text;
}
