/**
 * A Markdown file as a document draft: its blocks (headings, quotations, lists with their nesting) and inline marks
 * over the reading text; the title from its front matter or first heading, its source, date and address from its
 * front matter.
 */
import { marked, type MarkedToken, type Token } from 'marked';
import { MAX_BLOCK_DEPTH, isSafeHref, type Block, type BlockKind, type Mark } from '../../../shared/model';
import { MAX_URL_LENGTH } from '../../../shared/limits';
import type { DocumentDraft, ImportOptions } from './draft';
import { chooseTitle, cleanTitle, normalizeSource } from './normalize';
import { parseDateLine } from './dates';

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  copy: '©',
  shy: '\u00ad',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
        ? String.fromCodePoint(code)
        : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Stands for a hard line break while soft breaks are turned into spaces. */
const HARD_BREAK = '\u0000';

/** Blanks and hard breaks at the ends of a block's text. */
const EDGE_BLANKS = new RegExp(`^[\\s${HARD_BREAK}]+|[\\s${HARD_BREAK}]+$`, 'g');
/** A hard break with the blanks and further (empty-line) breaks around it. */
const HARD_BREAK_RUN = new RegExp(`\\s*${HARD_BREAK}[\\s${HARD_BREAK}]*`, 'g');

/** Text with its inline marks, offsets into `text`. */
interface MarkedText {
  text: string;
  marks: Mark[];
}

/** Appends `piece` to `into`, moving the piece's marks along. */
function append(into: MarkedText, piece: MarkedText): void {
  const shift = into.text.length;
  into.text += piece.text;
  for (const mark of piece.marks)
    into.marks.push({ ...mark, start: mark.start + shift, end: mark.end + shift });
}

/**
 * Inline tokens as reading text and marks: emphasis, strong, struck-out text, code spans and links become marks
 * over their words; a link to anything but an http(s) or mailto address is its words alone; images and raw HTML
 * tags are dropped (the words between tags stay, as text).
 */
function inlineText(tokens: readonly Token[] | undefined): MarkedText {
  const out: MarkedText = { text: '', marks: [] };
  const wrap = (kind: Mark['kind'], inner: MarkedText, href?: string) => {
    const start = out.text.length;
    append(out, inner);
    const end = out.text.length;
    if (end > start) out.marks.push(href === undefined ? { kind, start, end } : { kind, start, end, href });
  };
  for (const token of tokens ?? []) {
    const t = token as MarkedToken;
    switch (t.type) {
      case 'text':
        if (t.tokens) append(out, inlineText(t.tokens));
        else out.text += decodeEntities(t.text);
        break;
      case 'escape':
        out.text += t.text;
        break;
      case 'codespan':
        wrap('code', { text: t.text, marks: [] });
        break;
      case 'strong':
      case 'em':
      case 'del':
        wrap(t.type, inlineText(t.tokens));
        break;
      case 'link': {
        const href = t.href.trim();
        if (isSafeHref(href)) wrap('link', inlineText(t.tokens), href);
        else append(out, inlineText(t.tokens));
        break;
      }
      case 'br':
        out.text += HARD_BREAK;
        break;
      case 'image':
      case 'html':
      case 'checkbox':
        break;
      default: {
        const generic = token as { tokens?: Token[]; text?: unknown };
        if (generic.tokens) append(out, inlineText(generic.tokens));
        else if (typeof generic.text === 'string') out.text += generic.text;
      }
    }
  }
  return out;
}

/** Text being rewritten, with the offset in the original text that each code unit came from (non-decreasing). */
interface Rewriting {
  text: string;
  origin: number[];
}

/** Replaces every match of `pattern` (global, never empty) by `replacement`, whose units come from the match's start. */
function rewrite(state: Rewriting, pattern: RegExp, replacement: string): Rewriting {
  let text = '';
  const origin: number[] = [];
  let from = 0;
  const keep = (to: number) => {
    text += state.text.slice(from, to);
    for (let i = from; i < to; i++) origin.push(state.origin[i]!);
  };
  for (const match of state.text.matchAll(pattern)) {
    keep(match.index);
    text += replacement;
    for (let i = 0; i < replacement.length; i++) origin.push(state.origin[match.index]!);
    from = match.index + match[0].length;
  }
  keep(state.text.length);
  return { text, origin };
}

/** First index whose origin is at or after `offset` (`origin` ascending). */
export function firstFrom(origin: readonly number[], offset: number): number {
  let lo = 0;
  let hi = origin.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (origin[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * One block's text with soft line breaks and runs of blanks made single spaces, hard breaks made newlines, and
 * blank lines and the ends trimmed; each mark stays over the characters it covered (and is dropped if none is left).
 */
function cleanInline(piece: MarkedText): MarkedText {
  const origin = new Array<number>(piece.text.length);
  for (let i = 0; i < piece.text.length; i++) origin[i] = i;
  let state: Rewriting = { text: piece.text, origin };
  state = rewrite(state, /\s*\n\s*/g, ' ');
  state = rewrite(state, /[ \t]+/g, ' ');
  state = rewrite(state, EDGE_BLANKS, '');
  state = rewrite(state, HARD_BREAK_RUN, '\n');
  const marks: Mark[] = [];
  for (const mark of piece.marks) {
    const start = firstFrom(state.origin, mark.start);
    const end = firstFrom(state.origin, mark.end);
    if (end > start) marks.push({ ...mark, start, end });
  }
  return { text: state.text, marks };
}

/** A block of the Markdown document: its layout (see Block) and its marked text. */
interface MarkdownBlock extends MarkedText {
  kind: BlockKind;
  level?: number;
  depth?: number;
  ordered?: boolean;
  number?: number;
  continues?: boolean;
}

/** Where the tokens being read sit: inside how many quotes and lists, and in which list item. */
interface Nesting {
  quotes: number;
  lists: number;
  /** The list item being read: its first paragraph is the item, later ones continue it. */
  item: { ordered: boolean; number: number | undefined; started: boolean } | null;
}

const TOP: Nesting = { quotes: 0, lists: 0, item: null };

function collectBlocks(tokens: readonly Token[], out: MarkdownBlock[], nesting: Nesting = TOP): void {
  const paragraph = (piece: MarkedText) => {
    const cleaned = cleanInline(piece);
    const item = nesting.item;
    if (item) {
      const block: MarkdownBlock = {
        kind: 'list-item',
        ...cleaned,
        depth: nesting.lists,
        ordered: item.ordered,
      };
      if (item.number !== undefined) block.number = item.number;
      if (item.started) block.continues = true;
      if (cleaned.text.trim() !== '') item.started = true;
      out.push(block);
    } else if (nesting.quotes > 0) {
      out.push({ kind: 'quote', ...cleaned, depth: nesting.quotes });
    } else {
      out.push({ kind: 'paragraph', ...cleaned });
    }
  };
  for (const token of tokens) {
    const t = token as MarkedToken;
    switch (t.type) {
      case 'heading':
        out.push({ kind: 'heading', ...cleanInline(inlineText(t.tokens)), level: t.depth });
        break;
      case 'paragraph':
        paragraph(inlineText(t.tokens));
        break;
      case 'text':
        paragraph(t.tokens ? inlineText(t.tokens) : { text: decodeEntities(t.text), marks: [] });
        break;
      case 'list': {
        const first = typeof t.start === 'number' ? t.start : 1;
        t.items.forEach((item, i) =>
          collectBlocks(item.tokens, out, {
            quotes: nesting.quotes,
            lists: Math.min(nesting.lists + 1, MAX_BLOCK_DEPTH),
            item: { ordered: t.ordered, number: t.ordered ? first + i : undefined, started: false },
          }),
        );
        break;
      }
      case 'blockquote':
        collectBlocks(t.tokens, out, {
          quotes: Math.min(nesting.quotes + 1, MAX_BLOCK_DEPTH),
          lists: nesting.lists,
          item: null,
        });
        break;
      case 'code': {
        const code = t.text
          .split('\n')
          .map((line) => line.trimEnd())
          .join('\n')
          .replace(/^\n+|\n+$/g, '');
        if (code.trim() !== '') out.push({ kind: 'code', text: code, marks: [] });
        break;
      }
      case 'table':
        for (const row of [t.header, ...t.rows]) {
          const line: MarkedText = { text: '', marks: [] };
          row.forEach((cell, i) => {
            if (i > 0) line.text += ' | ';
            append(line, cleanInline(inlineText(cell.tokens)));
          });
          paragraph(line);
        }
        break;
      case 'html':
        if (!/^\s*<!--/.test(t.text)) {
          paragraph({ text: decodeEntities(t.text.replace(/<[^>]*>/g, ' ')), marks: [] });
        }
        break;
      case 'hr':
      case 'space':
      case 'def':
        break;
      default: {
        const generic = token as { tokens?: Token[]; text?: unknown };
        if (generic.tokens) collectBlocks(generic.tokens, out, nesting);
        else if (typeof generic.text === 'string') paragraph({ text: generic.text, marks: [] });
      }
    }
  }
}

/** The blocks' text joined by blank lines, with each block's layout and marks placed at its offsets. */
function joinMarkdownBlocks(parts: readonly MarkdownBlock[]): {
  text: string;
  blocks: Block[];
  marks: Mark[];
} {
  let text = '';
  const blocks: Block[] = [];
  const marks: Mark[] = [];
  for (const part of parts) {
    if (part.text === '') continue;
    if (text !== '') text += '\n\n';
    const start = text.length;
    const block: Block = { kind: part.kind, start, end: start + part.text.length };
    if (part.level !== undefined) block.level = part.level;
    if (part.depth !== undefined) block.depth = part.depth;
    if (part.ordered !== undefined) block.ordered = part.ordered;
    if (part.number !== undefined) block.number = part.number;
    if (part.continues !== undefined) block.continues = part.continues;
    blocks.push(block);
    for (const mark of part.marks) marks.push({ ...mark, start: mark.start + start, end: mark.end + start });
    text += part.text;
  }
  return { text, blocks, marks };
}

function unquoteYaml(value: string): string {
  const v = value.trim();
  if (v.length >= 2 && v.startsWith('"') && v.endsWith('"')) {
    return v
      .slice(1, -1)
      .replace(/\\(["\\/nt])/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c));
  }
  if (v.length >= 2 && v.startsWith("'") && v.endsWith("'")) return v.slice(1, -1).replace(/''/g, "'");
  return v.replace(/\s+#.*$/, '');
}

/** Reads the `key: value` lines of a leading YAML front matter block; nested values are ignored. */
function splitFrontMatter(text: string): { fields: Map<string, string>; body: string } {
  const fields = new Map<string, string>();
  const match = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(text);
  if (!match) return { fields, body: text };
  for (const line of match[1]!.split('\n')) {
    const field = /^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*)$/.exec(line);
    // Block scalars (`title: >`) and nested values are not read.
    if (field && field[2]!.trim() !== '' && !/^[|>][-+]?\s*$/.test(field[2]!)) {
      fields.set(field[1]!.toLowerCase(), unquoteYaml(field[2]!));
    }
  }
  return { fields, body: text.slice(match[0].length) };
}

/**
 * Reads Markdown as reading text with its formatting kept beside it. The text holds no syntax (heading marks,
 * emphasis, list markers, quote marks; links become their words, images are dropped, raw HTML tags are dropped and
 * their words kept as text, code is kept as text, table rows become lines of cells). The layout goes into the
 * blocks: headings with their level, paragraphs, quoted paragraphs with their depth, list items with their depth
 * and number, code blocks; emphasis, strong, struck-out text, code spans and http(s)/mailto links go into marks
 * over the text. The title comes from front matter `title:` or the first `# heading`; front matter `source`,
 * `date`/`published` and `url` are taken too.
 */
export function importMarkdown(raw: string, options: ImportOptions = {}): DocumentDraft {
  const { fields, body } = splitFrontMatter(normalizeSource(raw));
  const blocks: MarkdownBlock[] = [];
  collectBlocks(marked.lexer(body, { gfm: true }), blocks);
  const content = blocks.filter((block) => block.text.trim() !== '');

  const fmTitle = cleanTitle(fields.get('title') ?? '');
  const first = content[0];
  const leadingH1 = first && first.kind === 'heading' && first.level === 1 ? first : undefined;
  let title: string | null;
  if (fmTitle !== '') {
    title = fmTitle;
    if (leadingH1 && leadingH1.text.toLowerCase() === fmTitle.toLowerCase()) content.shift();
  } else if (leadingH1) {
    title = leadingH1.text;
    content.shift();
  } else {
    title = content.find((block) => block.kind === 'heading' && block.level === 1)?.text ?? null;
  }

  const dateField = fields.get('published') ?? fields.get('date') ?? '';
  const url = fields.get('url') ?? '';
  return {
    title: chooseTitle(title, options),
    source: cleanTitle(options.source ?? fields.get('source') ?? ''),
    published: dateField === '' ? '' : (parseDateLine(dateField) ?? ''),
    // A longer address would be a broken one if cut: it is left out.
    url: url.length <= MAX_URL_LENGTH ? url : '',
    format: 'markdown',
    ...joinMarkdownBlocks(content),
  };
}
