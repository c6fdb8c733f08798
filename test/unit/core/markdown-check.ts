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

/**
 * Fails unless `written` (a note as exported) reads as `note`: the same text, or, when the note has links the app
 * would not keep (written as the characters typed), all of the note's text in order, with those characters added.
 */
export function assertReadsAsNote(written: string, note: string, message: string): void {
  const text = commonMarkText(written);
  if (unsafeLinks(note).length === 0) {
    if (text !== commonMarkText(note)) {
      throw new Error(
        `${message}\n  written: ${JSON.stringify(text)}\n  note:    ${JSON.stringify(commonMarkText(note))}`,
      );
    }
    return;
  }
  let at = 0;
  for (const word of commonMarkText(note).split(' ')) {
    const found = text.indexOf(word, at);
    if (found < 0) throw new Error(`${message}: "${word}" is not in ${JSON.stringify(text)}`);
    at = found + word.length;
  }
}
