/**
 * A plain-text file as a document draft: hard-wrapped lines joined into paragraphs, the headline and the publication
 * date lifted out of the body, and page furniture dropped from its edges.
 */
import type { DocumentDraft, ImportOptions } from './draft';
import { chooseTitle, joinParagraphs, normalizeSource, words } from './normalize';
import { isPageFurniture } from './furniture';
import { parseDateLine } from './dates';

/** A headline is a short line; anything longer is body text. */
const MAX_HEADLINE_LENGTH = 200;
const MAX_HEADLINE_WORDS = 30;
/** Lines longer than this are never hard-wrapped prose: each one is a paragraph. */
const LONG_LINE = 100;
/** How many leading units may hold furniture, the date and the headline before the body must have begun. */
const HEADER_SCAN = 12;
const FOOTER_SCAN = 12;
/** A paragraph-sized piece of the text before the edges are trimmed. Adjacent units of one group are the lines
 *  of one paragraph (a list, a verse, an address) and are joined again with line breaks. */
interface Unit {
  text: string;
  group: number;
}

/** The width a hard-wrapped text was wrapped at, or null when its line breaks are not wrapping. */
function wrapWidth(chunks: readonly string[][]): number | null {
  // Lines of lists and headers are short; only prose-length lines followed by another tell the wrap width.
  const inner = chunks
    .flatMap((lines) => lines.slice(0, -1).map((line) => line.length))
    .filter((length) => length >= 30);
  if (inner.length < 3) return null;
  inner.sort((a, b) => a - b);
  const width = inner[Math.min(inner.length - 1, Math.floor(inner.length * 0.9))]!;
  if (width < 30 || width > LONG_LINE) return null;
  const nearEdge = inner.filter((length) => length >= width * 0.8).length;
  return nearEdge >= 3 && nearEdge / inner.length >= 0.5 ? width : null;
}

/** Every line but the last ends near the wrap width, and the next line's first word would not have fitted. */
function isWrapped(lines: readonly string[], width: number): boolean {
  return lines.every((line, i) => {
    if (line.length > width + 10) return false;
    const next = lines[i + 1];
    if (next === undefined) return true;
    const firstWord = next.split(' ')[0] ?? '';
    return line.length >= width * 0.6 && line.length + 1 + firstWord.length > width;
  });
}

function unwrap(lines: readonly string[]): string {
  let text = lines[0] ?? '';
  for (const line of lines.slice(1)) {
    text += /\p{L}-$/u.test(text) && /^\p{Ll}/u.test(line) ? line : ` ${line}`;
  }
  return text;
}

function toUnits(text: string): Unit[] {
  const chunks: string[][] = [];
  let current: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') {
      if (current.length > 0) chunks.push(current);
      current = [];
    } else current.push(line);
  }
  if (current.length > 0) chunks.push(current);

  const width = wrapWidth(chunks);
  const units: Unit[] = [];
  let group = 0;
  for (const lines of chunks) {
    if (lines.length === 1) units.push({ text: lines[0]!, group: group++ });
    else if (width !== null && isWrapped(lines, width)) units.push({ text: unwrap(lines), group: group++ });
    else if (lines.some((line) => line.length > LONG_LINE)) {
      for (const line of lines) units.push({ text: line, group: group++ });
    } else {
      for (const line of lines) units.push({ text: line, group });
      group++;
    }
  }
  return units;
}

/** Body text begins with a line that ends as prose does, or one too long to be a heading. */
function isBodyText(line: string): boolean {
  return line.length > MAX_HEADLINE_LENGTH || /[.,;:…]["'”’»)\]]*$/u.test(line);
}

/** Ends as a sentence does (or is too long to be anything but prose). */
function isProse(line: string): boolean {
  return line.length > MAX_HEADLINE_LENGTH || /[.!?…]["'”’»)\]]*$/u.test(line);
}

function isHeadlineCandidate(line: string): boolean {
  const count = words(line).length;
  return count > 0 && count <= MAX_HEADLINE_WORDS && /\p{L}/u.test(line) && !isBodyText(line);
}

const isByline = (line: string): boolean => /^by\s/i.test(line);
const isBareUrl = (line: string): boolean => /^https?:\/\/\S+$/i.test(line);

/**
 * Reads plain text: paragraphs are separated by blank lines; a hard-wrapped paragraph is joined back into one
 * line; where single line breaks separate long lines, each line is a paragraph; short lines kept together (a
 * list, a verse) stay one paragraph with their line breaks. Before the body, page furniture is dropped, the first
 * date line becomes `published` and the headline becomes the title; furniture after the body is dropped too.
 */
export function importPlainText(raw: string, options: ImportOptions = {}): DocumentDraft {
  const units = toUnits(normalizeSource(raw));
  const dropped = new Set<number>();
  let published = '';
  let url = '';
  const candidates: number[] = [];

  let bodyStart = units.length;
  for (let i = 0; i < units.length; i++) {
    const line = units[i]!.text;
    if (i >= HEADER_SCAN) {
      bodyStart = i;
      break;
    }
    if (isPageFurniture(line)) {
      dropped.add(i);
      continue;
    }
    const date = parseDateLine(line);
    if (date !== null) {
      if (published === '') published = date;
      dropped.add(i);
      continue;
    }
    if (isBareUrl(line)) {
      if (url === '') url = line;
      dropped.add(i);
      continue;
    }
    if (!isHeadlineCandidate(line)) {
      bodyStart = i;
      break;
    }
    candidates.push(i);
  }

  // Section labels and site names above a headline are a word or two; a standfirst below it is often longer than
  // the headline, so the first line of three words or more is taken.
  const named = candidates.filter((i) => !isByline(units[i]!.text));
  const headline = named.find((i) => words(units[i]!.text).length >= 3) ?? named[0];
  if (headline !== undefined) dropped.add(headline);

  // The trailer: after the last line of prose, everything from the first furniture line on ("Topics", then the
  // topic links; "Share this article", then the share buttons) goes. Lines before it (a signature) stay.
  let trailer = units.length;
  for (let i = units.length - 1; i >= Math.max(bodyStart, units.length - FOOTER_SCAN); i--) {
    const line = units[i]!.text;
    if (isProse(line) && !isPageFurniture(line)) break;
    if (isPageFurniture(line) || isBareUrl(line)) trailer = i;
  }
  for (let i = trailer; i < units.length; i++) {
    if (isBareUrl(units[i]!.text) && url === '') url = units[i]!.text;
    dropped.add(i);
  }

  // A text that is nothing but its headline keeps it as its body.
  const remaining = units.filter((_, i) => !dropped.has(i));
  const body = remaining.length === 0 && headline !== undefined ? [units[headline]!] : remaining;

  // Lines left together in one group are one paragraph (a list, a verse), unless most of them are sentences:
  // then single line breaks separated paragraphs.
  const runs: Unit[][] = [];
  for (const unit of body) {
    const run = runs[runs.length - 1];
    if (run && run[0]!.group === unit.group) run.push(unit);
    else runs.push([unit]);
  }
  const paragraphs = runs.flatMap((run) => {
    const sentences = run.filter((unit) => isProse(unit.text)).length;
    return sentences * 2 >= run.length
      ? run.map((unit) => ({ kind: 'paragraph' as const, text: unit.text }))
      : [{ kind: 'paragraph' as const, text: run.map((unit) => unit.text).join('\n') }];
  });

  return {
    title: chooseTitle(headline === undefined ? null : units[headline]!.text, options),
    source: options.source ?? '',
    published,
    url,
    format: 'text',
    ...joinParagraphs(paragraphs),
  };
}
