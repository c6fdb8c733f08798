/**
 * A PDF's pages, as the positioned runs of text PDF.js reads from them, put back into reading text: lines, columns,
 * paragraphs, without the running headers, footers and page numbers. Pure and synchronous (main/import/pdf.ts does
 * the reading), so every rule here is tested on runs as well as on real files.
 *
 * The rules, each general (nothing depends on one file):
 * - Runs on one baseline (within a third of their size) and close together (a gap under 1.5 times their size)
 *   are one fragment of a line, joined with a space where the gap is a space's width or more.
 * - Furniture: a fragment among the first or last two lines of a page, in its top or bottom fifth, is dropped
 *   when it is a page number ("4", "- 4 -", "Page 4", "4 of 12", "Page 4 of 12", "iv", "- iv -", "— iv —") or when its text with
 *   the digits masked ("Harbour Review #") is the same at the same edge on at least 30% of the pages and on two
 *   or more.
 * - Columns: a page has two columns when a vertical line through its middle half crosses at most a fifth of its
 *   fragments while at least three lie wholly on each side; a page with fewer (the short last page of an article)
 *   is read with the gutter the document's two-column pages share, when they agree on it, no line of the page
 *   crosses it and at least one lies on each side (a page whose lines all start at its left margin never has one
 *   on the right, and stays one column). Fragments that cross it (a title over both columns)
 *   cut the page into bands; each band is read left column, then right.
 * - Paragraphs: a new one starts at a change of size (headings: text larger than the body's size by 15% or more),
 *   after a gap more than 1.5 times the body's line spacing, at an indented first line, and after a line that
 *   ends a sentence well short of its column's right edge. A paragraph runs on across a column or page break.
 * - Words broken at a line end: a line ending in a letter and "-" followed by one starting with a lower-case letter
 *   is joined without the hyphen ("nego-" + "tiations" = "negotiations"), unless the document itself writes the
 *   hyphenated form elsewhere and never the joined one ("well-" + "known" stays "well-known" where "well-known"
 *   appears in a line and "wellknown" does not): the document is its own dictionary. Before an upper-case letter
 *   or a digit the hyphen is kept and nothing is put between ("anti-" + "British" = "anti-British"), as after a
 *   digit before a digit ("pages 12-" + "14" = "pages 12-14"). A soft hyphen
 *   (U+00AD) at a line end is always a break and goes; an em or en dash at a line end joins without a space.
 * - Lists: a line that begins with a bullet ("• ", "◦ ", "▪ ", "‣ ") starts a list item; one that begins with a dash
 *   or asterisk and a space, a number ("1. ", "2) ") or a letter ("a) ") does when the line before ended a sentence
 *   or was in a list item. Bullets and numbers leave the text, as the reading view draws them; a lettered item
 *   stays a paragraph with its letter (the model numbers list items only with numbers).
 * - Characters: the ligatures ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ become their letters; other spaces (no-break, thin, …) become a
 *   plain space; control characters go; the text is then NFC, as every importer's is.
 */
import { ligaturesAsLetters } from '../core/characters';

/** One run of text as PDF.js gives it: its string, baseline start (x, y), advance width and font size. */
export interface TextRun {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

export interface PageRuns {
  width: number;
  height: number;
  runs: TextRun[];
}

/** A paragraph or heading read from the pages, with the page it starts on and where later pages begin in it. */
export interface LaidBlock {
  kind: 'heading' | 'paragraph' | 'list-item';
  /** List items: a numbered list, and the item's number. */
  ordered?: boolean;
  number?: number;
  text: string;
  /** 1-based. */
  page: number;
  /** For each later page the block runs onto: the page and the offset in `text` where its text begins. */
  pageBreaks: { page: number; offset: number }[];
  /** The font size of its first line (the title is chosen by size). */
  size: number;
  /** Where each of its lines begins in `text` (the first at 0), so front matter can be read line by line. */
  lineStarts: number[];
}

/** A run's characters as reading text: ligatures as letters, every space a plain one, no control characters. */
export function cleanRunText(text: string): string {
  return (
    ligaturesAsLetters(text)
      .replace(/[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g, ' ')
      // eslint-disable-next-line no-control-regex -- control characters are what this removes
      .replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u200b\u2060\ufeff]/g, '')
      .normalize('NFC')
  );
}

interface Fragment {
  text: string;
  x: number;
  xEnd: number;
  y: number;
  size: number;
}

/** Runs on one baseline and close together, as fragments of lines, top to bottom and left to right. */
function fragmentsOf(runs: readonly TextRun[]): Fragment[] {
  const sorted = runs
    .filter((run) => run.text.trim() !== '' && run.size > 0)
    .map((run) => ({ ...run, text: cleanRunText(run.text) }))
    .sort((a, b) => b.y - a.y || a.x - b.x);
  // Group by baseline first (runs of one line may come in any order), then split each line at wide gaps.
  const lines: (typeof sorted)[] = [];
  for (const run of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line[0]!.y - run.y) <= Math.max(line[0]!.size, run.size) / 3) line.push(run);
    else lines.push([run]);
  }
  const fragments: Fragment[] = [];
  for (const line of lines) {
    line.sort((a, b) => a.x - b.x);
    let current: Fragment | null = null;
    for (const run of line) {
      const gap = current ? run.x - current.xEnd : Infinity;
      if (current && gap < 1.5 * Math.max(current.size, run.size)) {
        const space = gap >= 0.15 * run.size && !/\s$/.test(current.text) && !/^[\s\u00ad]/.test(run.text);
        current.text += (space ? ' ' : '') + run.text;
        current.xEnd = Math.max(current.xEnd, run.x + run.width);
        current.size = Math.max(current.size, run.size);
      } else {
        if (current) fragments.push(current);
        current = { text: run.text, x: run.x, xEnd: run.x + run.width, y: line[0]!.y, size: run.size };
      }
    }
    if (current) fragments.push(current);
  }
  for (const fragment of fragments) fragment.text = fragment.text.replace(/\s+/g, ' ').trim();
  return fragments.filter((fragment) => fragment.text !== '');
}

const ROMAN = '(?=[ivxlc])(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})';
const PAGE_NUMBER = [
  /^[-–—]?\s*\d{1,5}\s*[-–—]?$/,
  new RegExp(`^[-–—]\\s*${ROMAN}\\s*[-–—]$`),
  new RegExp(`^[-–—]\\s*${ROMAN.toUpperCase()}\\s*[-–—]$`),
  /^(page|p\.|pg\.?)\s*\d{1,5}$/i,
  /^(page\s+)?\d{1,5}\s*(of|\/)\s*\d{1,5}$/i,
  /^(?=[ivxlc])(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$/,
  /^(?=[IVXLC])(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/,
];

/** A page number alone: "4", "- 4 -", "Page 4", "4 of 12", "Page 4 of 12", "iv", "- iv -", "— IV —". */
export function isPageNumber(text: string): boolean {
  return PAGE_NUMBER.some((pattern) => pattern.test(text.trim()));
}

/** The text with its digits masked, for comparing running headers and footers across pages. */
function furnitureKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/\d+/g, '#')
    .replace(/\b(?:[ivxlc]+|[IVXLC]+)$/, '#')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The fragments at a page's top and bottom edges: its first and last two lines, within a fifth of the page. */
function edgeFragments(
  page: PageRuns,
  fragments: readonly Fragment[],
): { top: Fragment[]; bottom: Fragment[] } {
  const baselines = [...new Set(fragments.map((fragment) => fragment.y))].sort((a, b) => b - a);
  const topLines = new Set(baselines.slice(0, 2).filter((y) => y >= page.height * 0.8));
  const bottomLines = new Set(baselines.slice(-2).filter((y) => y <= page.height * 0.2));
  return {
    top: fragments.filter((fragment) => topLines.has(fragment.y)),
    bottom: fragments.filter((fragment) => bottomLines.has(fragment.y) && !topLines.has(fragment.y)),
  };
}

/** Each page's fragments without its running headers, footers and page numbers (see the module's comment). */
function withoutFurniture(pages: readonly PageRuns[], fragments: readonly Fragment[][]): Fragment[][] {
  const edges = pages.map((page, i) => edgeFragments(page, fragments[i]!));
  const counts = new Map<string, number>();
  for (const edge of edges) {
    const keys = new Set([
      ...edge.top.map((fragment) => `top ${furnitureKey(fragment.text)}`),
      ...edge.bottom.map((fragment) => `bottom ${furnitureKey(fragment.text)}`),
    ]);
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const repeated = (key: string) => {
    const count = counts.get(key) ?? 0;
    return count >= 2 && count >= pages.length * 0.3;
  };
  return fragments.map((page, i) => {
    const drop = new Set<Fragment>();
    for (const [band, list] of [
      ['top', edges[i]!.top],
      ['bottom', edges[i]!.bottom],
    ] as const) {
      for (const fragment of list) {
        if (isPageNumber(fragment.text) || repeated(`${band} ${furnitureKey(fragment.text)}`))
          drop.add(fragment);
      }
    }
    return page.filter((fragment) => !drop.has(fragment));
  });
}

interface Line extends Fragment {
  page: number;
  /** Which column of its page (0 = the only or the left one), and a key for the column on its page. */
  column: string;
}

/** Where a page's gutter lies, if it has two columns (see the module's comment). */
function gutterOf(fragments: readonly Fragment[]): number | null {
  if (fragments.length < 6) return null;
  const left = Math.min(...fragments.map((fragment) => fragment.x));
  const right = Math.max(...fragments.map((fragment) => fragment.xEnd));
  const width = right - left;
  // For each candidate x: how many fragments cross it; the widest run of x's with the fewest crossings wins.
  let fewest = Infinity;
  let bestRun: [number, number] | null = null;
  let runStart: number | null = null;
  let lastX: number | null = null;
  for (let x = Math.ceil(left + width * 0.25); x <= left + width * 0.75; x++) {
    let crossing = 0;
    let before = 0;
    let after = 0;
    for (const fragment of fragments) {
      if (fragment.xEnd <= x) before++;
      else if (fragment.x >= x) after++;
      else crossing++;
    }
    if (before < 3 || after < 3 || crossing > fragments.length / 5 || crossing > fewest) {
      runStart = null;
      continue;
    }
    if (crossing < fewest) {
      fewest = crossing;
      bestRun = null;
      runStart = null;
    }
    if (runStart === null || lastX !== x - 1) runStart = x;
    lastX = x;
    if (!bestRun || x - runStart > bestRun[1] - bestRun[0]) bestRun = [runStart, x];
  }
  return bestRun ? (bestRun[0] + bestRun[1]) / 2 : null;
}

/**
 * The gutter the document's two-column pages share, when they agree on it (within 5% of the page's width), or null.
 */
function documentGutter(pages: readonly PageRuns[], gutters: readonly (number | null)[]): number | null {
  const known = gutters.filter((gutter): gutter is number => gutter !== null);
  if (known.length === 0) return null;
  const width = Math.max(...pages.map((page) => page.width));
  if (Math.max(...known) - Math.min(...known) > width * 0.05) return null;
  return median(known);
}

/**
 * A page too short for the column rule read with the document's gutter: when no line crosses it and at least one
 * lies wholly on each side. A page whose lines all start left of it (one column of short lines) has none on its
 * right, so it stays one column.
 */
function learnedGutter(fragments: readonly Fragment[], gutter: number | null): number | null {
  if (gutter === null) return null;
  if (fragments.some((fragment) => fragment.x < gutter && fragment.xEnd > gutter)) return null;
  const before = fragments.some((fragment) => fragment.xEnd <= gutter);
  const after = fragments.some((fragment) => fragment.x >= gutter);
  return before && after ? gutter : null;
}

/** One page's fragments in reading order, each tagged with its column. */
function readingOrder(fragments: readonly Fragment[], page: number, gutter: number | null): Line[] {
  const top = [...fragments].sort((a, b) => b.y - a.y || a.x - b.x);
  if (gutter === null)
    return mergeBaselines(top.map((fragment) => ({ ...fragment, page, column: `${page}:0` })));
  const lines: Line[] = [];
  let band: Fragment[] = [];
  let bandIndex = 0;
  const flush = () => {
    const leftColumn = band.filter((fragment) => fragment.xEnd <= gutter);
    const rightColumn = band.filter((fragment) => fragment.x >= gutter);
    for (const fragment of leftColumn) lines.push({ ...fragment, page, column: `${page}:${bandIndex}:0` });
    for (const fragment of rightColumn) lines.push({ ...fragment, page, column: `${page}:${bandIndex}:1` });
    band = [];
    bandIndex++;
  };
  for (const fragment of top) {
    if (fragment.x < gutter && fragment.xEnd > gutter) {
      flush();
      lines.push({ ...fragment, page, column: `${page}:${bandIndex++}:span` });
    } else band.push(fragment);
  }
  flush();
  return mergeBaselines(lines);
}

/** Fragments of one column on one baseline (a wide gap inside a line) as one line. */
function mergeBaselines(lines: Line[]): Line[] {
  const merged: Line[] = [];
  for (const line of lines) {
    const last = merged[merged.length - 1];
    if (last && last.column === line.column && Math.abs(last.y - line.y) <= line.size / 3) {
      last.text += ` ${line.text}`;
      last.xEnd = Math.max(last.xEnd, line.xEnd);
    } else merged.push({ ...line });
  }
  return merged;
}

/** The size most of the text is set in: the body's. */
function bodySize(lines: readonly Line[]): number {
  const weight = new Map<number, number>();
  for (const line of lines) {
    const size = Math.round(line.size * 2) / 2;
    weight.set(size, (weight.get(size) ?? 0) + line.text.length);
  }
  let best = 0;
  let bestWeight = -1;
  for (const [size, total] of weight) {
    if (total > bestWeight) {
      best = size;
      bestWeight = total;
    }
  }
  return best;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Words as the document writes them inside its lines (not broken at a line end), lower-cased. */
function documentWords(lines: readonly Line[]): Set<string> {
  const words = new Set<string>();
  for (const line of lines) {
    const text = line.text.replace(/\p{L}[-\u00ad]$/u, '');
    for (const match of text.matchAll(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu))
      words.add(match[0].toLowerCase());
  }
  return words;
}

/** `before` and `after` (two lines of one paragraph) joined as the module's comment says. */
export function joinLines(before: string, after: string, words: ReadonlySet<string>): string {
  // A soft hyphen, at the end of the line's text or drawn as a run of its own after a space, joins with nothing.
  if (/\u00ad$/.test(before)) return before.replace(/\s*\u00ad$/, '') + after;
  if (/\p{N}-$/u.test(before) && /^\p{N}/u.test(after)) return before + after;
  if (/\p{L}-$/u.test(before)) {
    if (/^[\p{Lu}\p{N}]/u.test(after)) return before + after;
    if (/^\p{Ll}/u.test(after)) {
      const head = /[\p{L}\p{N}-]*-$/u.exec(before)![0].slice(0, -1).toLowerCase();
      const tail = /^[\p{L}\p{N}]+/u.exec(after)![0].toLowerCase();
      const keepHyphen = words.has(`${head}-${tail}`) && !words.has(`${head}${tail}`);
      return keepHyphen ? before + after : before.slice(0, -1) + after;
    }
  }
  if (/[—–]$/.test(before)) return before + after;
  return `${before} ${after}`;
}

const SENTENCE_END = /[.!?:;]["'”’)\]]?$/;

/**
 * How a line begins a list item, or null: a bullet glyph and a space ("• ", "◦ ", "▪ ", "‣ ") always; a dash or
 * asterisk and a space ("– ", "- ", "* "), a number ("1. ", "2) ") or a letter ("a) ") only at the start of the text,
 * after a line that ended a sentence or after another item (a dash or a number may end a line mid-sentence and
 * begin the next). A bullet or number leaves the text (the reading view draws it); a letter stays, as the model
 * numbers items only with numbers, so a lettered item is a paragraph.
 */
function listStart(
  text: string,
  afterBreak: boolean,
): { kind: 'list-item' | 'paragraph'; ordered?: boolean; number?: number; text: string } | null {
  const bullet = /^[•◦▪‣]\s+(?=\S)/u.exec(text);
  if (bullet) return { kind: 'list-item', ordered: false, text: text.slice(bullet[0].length) };
  if (!afterBreak) return null;
  const dash = /^[-–*]\s+(?=\S)/.exec(text);
  if (dash) return { kind: 'list-item', ordered: false, text: text.slice(dash[0].length) };
  const numbered = /^(\d{1,3})[.)]\s+(?=\S)/.exec(text);
  if (numbered)
    return {
      kind: 'list-item',
      ordered: true,
      number: Number(numbered[1]),
      text: text.slice(numbered[0].length),
    };
  if (/^[a-z]\)\s+(?=\S)/.test(text)) return { kind: 'paragraph', text };
  return null;
}

/**
 * The pages' runs as paragraphs and headings in reading order (see the module's comment). `frontPage` is the
 * number of the first page (1).
 */
export function layOutPages(pages: readonly PageRuns[]): LaidBlock[] {
  const fragments = withoutFurniture(
    pages,
    pages.map((page) => fragmentsOf(page.runs)),
  );
  const gutters = fragments.map((page) => gutterOf(page));
  const shared = documentGutter(pages, gutters);
  const lines = fragments.flatMap((page, i) =>
    readingOrder(page, i + 1, gutters[i] ?? learnedGutter(page, shared)),
  );
  if (lines.length === 0) return [];
  const body = bodySize(lines);
  const isHeading = (line: Line) => line.size >= body * 1.15;

  // The body's line spacing: the usual distance between consecutive body lines of one column.
  const spacing =
    median(
      lines
        .slice(1)
        .map((line, i) => ({ line, previous: lines[i]! }))
        .filter(
          ({ line, previous }) =>
            line.column === previous.column &&
            !isHeading(line) &&
            !isHeading(previous) &&
            previous.y > line.y,
        )
        .map(({ line, previous }) => previous.y - line.y),
    ) ?? body * 1.2;

  // Each column's left and right edges: where most of its lines start, and where its longest lines end.
  const edges = new Map<string, { left: number; right: number }>();
  const byColumn = new Map<string, Line[]>();
  for (const line of lines) byColumn.set(line.column, [...(byColumn.get(line.column) ?? []), line]);
  const wellKnownLefts: number[] = [];
  for (const [column, members] of byColumn) {
    const left = Math.min(...members.map((line) => line.x));
    if (members.length >= 3) wellKnownLefts.push(left);
    edges.set(column, { left, right: Math.max(...members.map((line) => line.xEnd)) });
  }
  // A column of one or two lines may start indented: its edge is the nearest well-known edge at or left of it.
  for (const [column, members] of byColumn) {
    if (members.length >= 3) continue;
    const left = edges.get(column)!.left;
    const known = wellKnownLefts.filter((x) => x <= left + 0.5).sort((a, b) => b - a)[0];
    if (known !== undefined && left - known < body * 4) edges.get(column)!.left = known;
  }

  const words = documentWords(lines);
  const blocks: LaidBlock[] = [];
  let current: LaidBlock | null = null;
  let previous: Line | null = null;
  let inList = false;
  /** Where the line that began the current list item starts (its bullet or number). */
  let itemX = 0;
  for (const line of lines) {
    const edge = edges.get(line.column)!;
    const heading = isHeading(line);
    const item: ReturnType<typeof listStart> = heading
      ? null
      : listStart(line.text, previous === null || inList || SENTENCE_END.test(previous.text));
    let startsNew = current === null || previous === null || item !== null;
    if (!startsNew && previous) {
      const previousEdge = edges.get(previous.column)!;
      const sameColumn = previous.column === line.column;
      const indented = line.x - edge.left > body * 0.5 && line.x - edge.left < (edge.right - edge.left) / 3;
      const sizeChanged =
        heading !== isHeading(previous) || Math.abs(line.size - previous.size) > body * 0.15;
      const gap = sameColumn && previous.y - line.y > spacing * 1.5;
      const endedShort =
        /[.!?:;"'”’)\]]$/.test(previous.text) &&
        previousEdge.right - previous.xEnd > (previousEdge.right - previousEdge.left) * 0.3;
      // A list item's next line, set under its text (to the right of its bullet or number), goes on with it when
      // the item's line before ran to the column's edge, as a wrapped line does (an indented paragraph after a
      // short item starts anew).
      const filled = previousEdge.right - previous.xEnd <= (previousEdge.right - previousEdge.left) * 0.15;
      const goesOnItem =
        current?.kind === 'list-item' && sameColumn && filled && line.x - itemX > body * 0.5 && !endedShort;
      startsNew = sizeChanged || gap || (!heading && !goesOnItem && (indented || endedShort));
      if (heading && !sizeChanged && !gap && !sameColumn) startsNew = true;
    }
    if (startsNew || !current) {
      current = {
        kind: heading ? 'heading' : (item?.kind ?? 'paragraph'),
        text: item?.text ?? line.text,
        page: line.page,
        pageBreaks: [],
        size: line.size,
        lineStarts: [0],
        ...(item?.ordered !== undefined ? { ordered: item.ordered } : {}),
        ...(item?.number !== undefined ? { number: item.number } : {}),
      };
      inList = item !== null;
      if (item !== null) itemX = line.x;
      blocks.push(current);
    } else {
      const joined = joinLines(current.text, line.text, words);
      if (line.page !== previous!.page) {
        current.pageBreaks.push({ page: line.page, offset: joined.length - line.text.length });
      }
      current.lineStarts.push(joined.length - line.text.length);
      current.text = joined;
    }
    previous = line;
  }
  return blocks;
}
