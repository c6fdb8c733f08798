// Checking exported Markdown from outside the exporter: markdownlint with its default rules (line length apart),
// and the reference CommonMark parser (commonmark.js) reading a text back, raw HTML counted as the characters typed.
import { Parser, type Node } from 'commonmark';
import { lint } from 'markdownlint/sync';

/** markdownlint's findings on `markdown` with its default rules but MD013 (line length), one line each. */
export function lintFindings(markdown: string): string[] {
  const results = lint({ strings: { export: markdown }, config: { default: true, MD013: false } });
  return (results['export'] ?? []).map(
    (e) =>
      `line ${e.lineNumber}: ${e.ruleNames.join('/')} ${e.ruleDescription}` +
      `${e.errorDetail ? ` (${e.errorDetail})` : ''}${e.errorContext ? ` [${e.errorContext}]` : ''}`,
  );
}

const parser = new Parser();

const BLOCKS = new Set([
  'paragraph',
  'heading',
  'code_block',
  'html_block',
  'item',
  'block_quote',
  'thematic_break',
]);

/**
 * The text a CommonMark reader sees in `markdown`: every text node, code and raw HTML as their literal characters,
 * line breaks and block boundaries as spaces, runs of whitespace as one space.
 */
export function commonMarkText(markdown: string): string {
  const walker = parser.parse(markdown).walker();
  let text = '';
  for (let step = walker.next(); step; step = walker.next()) {
    const node: Node = step.node;
    if (!step.entering) {
      if (BLOCKS.has(node.type)) text += ' ';
      continue;
    }
    if (node.type === 'text' || node.type === 'code' || node.type === 'html_inline')
      text += node.literal ?? '';
    else if (node.type === 'code_block' || node.type === 'html_block') text += ` ${node.literal ?? ''} `;
    else if (node.type === 'softbreak' || node.type === 'linebreak') text += ' ';
  }
  return text.replace(/\s+/g, ' ').trim();
}

/** The raw HTML a CommonMark reader would pass on to a browser: every html_block and html_inline node. */
export function rawHtml(markdown: string): string[] {
  const walker = parser.parse(markdown).walker();
  const found: string[] = [];
  for (let step = walker.next(); step; step = walker.next()) {
    const { node } = step;
    if (step.entering && (node.type === 'html_block' || node.type === 'html_inline'))
      found.push(node.literal ?? '');
  }
  return found;
}

/** What the app keeps as a live link or image: http(s), or mailto for a link. */
const KEPT = /^(https?:|mailto:)/i;

/**
 * Every link or image a CommonMark reader would make whose destination the app would not keep live (anything but
 * http(s) or mailto, relative ones included), as `link <destination>`.
 */
export function unsafeLinks(markdown: string): string[] {
  const walker = parser.parse(markdown).walker();
  const found: string[] = [];
  for (let step = walker.next(); step; step = walker.next()) {
    const { node } = step;
    if (step.entering && (node.type === 'link' || node.type === 'image')) {
      if (!KEPT.test(node.destination ?? '')) found.push(`${node.type} ${node.destination ?? ''}`);
    }
  }
  return found;
}

/** Characters the export may add around a note's words: Markdown punctuation shown as typed, blanks. */
const MARKUP_ONLY = /^[\s#=*_|:\-<>()[\]!^`~+.\\]*$/;
const LIST_NUMBER = /(^|\s)\d{1,9}[.)](?=\s|$)/g;
const ADDED_ADDRESS = /\(?(?:https?|mailto):[^\s()]*\)?/gi;
/** An address the export may write after a link's or image's text, or in place of a link the app would not keep. */
const ADDRESS = /(?:https?|mailto|javascript|vbscript|data|file):[^\s]*/gi;

/**
 * Fails unless `written` (a note as exported) reads as `note`: the same text, or all of the note's words in order
 * with nothing added but Markdown punctuation the note typed and is now shown (a heading's `#`, emphasis markers
 * around emphasis alone, a table's pipes) and addresses (a remote image's or a link's, written after its text).
 */
export function assertReadsAsNote(written: string, note: string, message: string): void {
  if (commonMarkText(written) === commonMarkText(note)) return;
  // Addresses (the one written after a link's or an image's text, or for an image with none) are set aside on
  // both sides: what is compared is the words around them.
  // So are list numbers: `* 1.` is an item holding an empty numbered item for commonmark.js, the text `1.` for
  // micromark (markdownlint's reader, which the export follows), and a GFM table (which commonmark.js does not
  // know) can end the paragraph that would have made `1.` text.
  const text = commonMarkText(written).replace(ADDED_ADDRESS, ' ').replace(LIST_NUMBER, '$1');
  const want = commonMarkText(note).replace(ADDED_ADDRESS, ' ').replace(LIST_NUMBER, '$1');
  let at = 0;
  let added = '';
  // Words and the punctuation between them apart: an address may be written between `here` and its `:`.
  for (const word of want.match(/[\p{L}\p{N}\p{M}]+|[^\s\p{L}\p{N}\p{M}]+/gu) ?? []) {
    if (MARKUP_ONLY.test(word)) continue;
    const found = text.indexOf(word, at);
    if (found < 0) {
      throw new Error(
        `${message}: "${word}" is not in order in\n  written: ${JSON.stringify(text)}\n  note:    ${JSON.stringify(want)}`,
      );
    }
    added += text.slice(at, found) + ' ';
    at = found + word.length;
  }
  added += text.slice(at);
  // A link the app would not keep is written as the characters typed, its address spelled as it was.
  if (unsafeLinks(note).length > 0) return;
  const rest = added.replace(ADDRESS, '');
  if (!MARKUP_ONLY.test(rest)) {
    throw new Error(
      `${message}: added ${JSON.stringify(rest.trim())}\n  written: ${JSON.stringify(text)}\n  note:    ${JSON.stringify(want)}`,
    );
  }
}
