/**
 * Normalization shared by the text importers: line endings, control characters and Unicode form; paragraphs joined
 * into the reading text with their blocks; and the title, from the text or else from the file's name.
 */
import type { Block } from '../../../shared/model';
import { MAX_TITLE_LENGTH } from '../../../shared/limits';
import type { ImportOptions } from './draft';

function isDroppedControl(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a) || (code >= 0x7f && code <= 0x9f);
}

/** BOM, line endings (CRLF, CR, NEL, LS, PS, VT, FF), stray control characters and NFC; lines keep their spaces. */
export function normalizeSource(raw: string): string {
  const text = (raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw)
    .replace(/\r\n?|\u0085|\u2028|\v|\f/g, '\n')
    .replace(/\u2029/g, '\n\n');
  let kept = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    if (isDroppedControl(text.charCodeAt(i))) {
      kept += text.slice(from, i);
      from = i + 1;
    }
  }
  return (kept + text.slice(from)).normalize('NFC');
}

export function words(line: string): string[] {
  return line.split(/\s+/).filter((word) => /\p{L}|\p{N}/u.test(word));
}

export function joinParagraphs(paragraphs: readonly { kind: Block['kind']; text: string }[]): {
  text: string;
  blocks: Block[];
} {
  let text = '';
  const blocks: Block[] = [];
  for (const paragraph of paragraphs) {
    if (paragraph.text === '') continue;
    if (text !== '') text += '\n\n';
    blocks.push({ kind: paragraph.kind, start: text.length, end: text.length + paragraph.text.length });
    text += paragraph.text;
  }
  return { text, blocks };
}

/** The title an importer gives a draft with none of its own: its file's name without the extension. */
export function titleFromFileName(fileName: string | undefined): string {
  const base = (fileName ?? '').split(/[/\\]/).pop() ?? '';
  const stem = base.includes('.', 1) ? base.slice(0, base.lastIndexOf('.')) : base;
  return stem.trim();
}

export function cleanTitle(title: string): string {
  const flat = title.replace(/\s+/g, ' ').trim();
  if (flat.length <= MAX_TITLE_LENGTH) return flat;
  // Cut between characters, never inside one written as two code units.
  const cut = /[\udc00-\udfff]/.test(flat[MAX_TITLE_LENGTH]!) ? MAX_TITLE_LENGTH - 1 : MAX_TITLE_LENGTH;
  return flat.slice(0, cut).trimEnd();
}

export function chooseTitle(found: string | null, options: ImportOptions): string {
  return cleanTitle(found ?? '') || cleanTitle(titleFromFileName(options.fileName)) || 'Untitled';
}
