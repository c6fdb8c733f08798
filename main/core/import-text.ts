/**
 * Turns a plain-text or Markdown file into a document draft: normalized reading text split into paragraphs, with
 * the headline and the publication date lifted out of the body and scraped page furniture (menus, icon names,
 * share bars, cookie notices) dropped from its edges. Pure: the caller reads the file.
 */
import { marked, type MarkedToken, type Token } from 'marked';
import {
  MAX_BLOCK_DEPTH,
  ParleyError,
  isSafeHref,
  type Block,
  type BlockKind,
  type DocumentFormat,
  type Mark,
} from '../../shared/model';

export interface DocumentDraft {
  title: string;
  source: string;
  published: string;
  url: string;
  format: DocumentFormat;
  text: string;
  blocks: Block[];
  /** Inline formatting over `text` (Markdown); none when absent. */
  marks?: Mark[];
  /** Who wrote it, when the source says (HTML pages). */
  byline?: string;
}

export interface ImportOptions {
  fileName?: string;
  source?: string;
}

const MAX_TITLE_LENGTH = 1000;
/** A headline is a short line; anything longer is body text. */
const MAX_HEADLINE_LENGTH = 200;
const MAX_HEADLINE_WORDS = 30;
/** Lines longer than this are never hard-wrapped prose: each one is a paragraph. */
const LONG_LINE = 100;
/** How many leading units may hold furniture, the date and the headline before the body must have begun. */
const HEADER_SCAN = 12;
const FOOTER_SCAN = 12;

// ---------------------------------------------------------------------------------------------------------------
// Normalization

function isDroppedControl(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a) || (code >= 0x7f && code <= 0x9f);
}

/** BOM, line endings (CRLF, CR, NEL, LS, PS, VT, FF), stray control characters and NFC; lines keep their spaces. */
function normalizeSource(raw: string): string {
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

function words(line: string): string[] {
  return line.split(/\s+/).filter((word) => /\p{L}|\p{N}/u.test(word));
}

function joinParagraphs(paragraphs: readonly { kind: Block['kind']; text: string }[]): {
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

function titleFromFileName(fileName: string | undefined): string {
  const base = (fileName ?? '').split(/[/\\]/).pop() ?? '';
  const stem = base.includes('.', 1) ? base.slice(0, base.lastIndexOf('.')) : base;
  return stem.trim();
}

function cleanTitle(title: string): string {
  const flat = title.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_TITLE_LENGTH ? flat.slice(0, MAX_TITLE_LENGTH).trimEnd() : flat;
}

function chooseTitle(found: string | null, options: ImportOptions): string {
  return cleanTitle(found ?? '') || cleanTitle(titleFromFileName(options.fileName)) || 'Untitled';
}

// ---------------------------------------------------------------------------------------------------------------
// Page furniture

/** Words that name user-interface controls, site sections or widgets rather than say anything. */
const UI_WORDS = new Set(
  `icon icons menu menus share shares shared sharing search sign login logout log register registration subscribe
  subscribed subscription subscriptions unsubscribe newsletter newsletters cookie cookies chevron close open home news
  sport sports weather video videos audio podcast podcasts photo photos gallery galleries print email e-mail mail
  facebook twitter instagram youtube telegram vk whatsapp linkedin reddit pinterest tiktok rss feed skip content
  navigation nav advertisement advertisements advert adverts ad ads advertising sponsored promoted related comments
  comment reply replies like likes follow tags tag topics bookmark bookmarks save download app apps edit filter
  settings preferences privacy policy terms accept reject back top next previous prev arrow play pause mute unmute
  volume fullscreen expand collapse toggle trash delete flag ok check camera music swipe button btn loading load
  click tap read listen watch page pages stories trending popular latest sections section account profile
  notifications notification alerts donate support contact about faq help feedback cancel submit send copy link
  links permalink embed zoom article articles opinion culture lifestyle business tech technology science health
  travel entertainment arts books film tv radio games puzzles crosswords obituaries money environment education
  style food jobs shop store more`.split(/\s+/),
);

/** Stems of run-together widget names ("bookmarkicon", "v-playicon", "fa-share", "btn-close"). */
const UI_STEMS = [
  'icon',
  'button',
  'btn',
  'menu',
  'chevron',
  'arrow',
  'bookmark',
  'share',
  'toggle',
  'dropdown',
];

/** Words that carry grammar: a line of real prose is full of them, a menu has almost none. */
const FUNCTION_WORDS = new Set(
  `a an the of to in on at by for with from into onto about over under after before and or but nor so yet is are was
  were be been being am has have had having do does did will would shall should can could may might must not no
  that this these those it its he she they we i you his her hers their theirs our ours your yours my mine me him
  them us as if than then there here which who whom whose what when where why how said says all any some more most
  up out off now just also very`.split(/\s+/),
);

/** Labels that introduce a list of links or tags at the top or bottom of a scraped page. */
const LABELLED_LIST =
  /^(tags?|topics?|filed under|categor(y|ies)|keywords|related( articles| stories| topics| content| coverage)?|read more|see also|more on this( story)?|more from|share( this)?( article| story| page)?|follow us( on)?|posted in)\s*:/i;

function bareToken(token: string): string {
  return token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

function isRunTogetherWidget(word: string): boolean {
  if (!/^[a-z][a-z0-9_-]*$/.test(word)) return false;
  if (/^(fa|icon|btn|v|ico|glyph|svg)[-_]/.test(word)) return true;
  return UI_STEMS.some(
    (stem) => word.length > stem.length && (word.endsWith(stem) || word.includes(`${stem}-`)),
  );
}

/** A run of words that ends like a sentence, or two sentences meeting inside the line. */
function hasSentence(line: string, wordCount: number): boolean {
  const body = line.replace(/["'”’»)\]]+$/u, '');
  const endsLikeSentence = /[.!?]$/.test(body) && !/(^|\s)\S*\.{2,}$/.test(body);
  if (endsLikeSentence && wordCount >= 2) return true;
  return /\p{Ll}[.!?]["'”’)]*\s+["“‘(]?\p{Lu}/u.test(line) && wordCount >= 4;
}

function isCopyrightLine(line: string): boolean {
  return (
    line.length < 300 &&
    (/^(©|\(c\)\s*\d{4}|copyright\s+(©|\(c\)|\d{4}))/i.test(line) || /\ball rights reserved\b/i.test(line))
  );
}

/**
 * True for a line of scraped page furniture: menu entries, icon and widget names, share bars, cookie and
 * subscription prompts, copyright notices. Decided from the shape of the line, not from any one site's text:
 * such a line has no sentence in it, few of the function words prose is made of, and a high share of words that
 * name controls (or run-together widget names such as "bookmarkicon"). A sentence is never furniture.
 */
export function isPageFurniture(line: string): boolean {
  const text = line.replace(/\s+/g, ' ').trim();
  if (text === '') return false;
  if (isCopyrightLine(text)) return true;
  const raw = text
    .split(/[\s|•·›»«‹/]+/)
    .map(bareToken)
    .filter((token) => /\p{L}/u.test(token));
  const tokens = raw.map((token) => token.toLowerCase());
  if (tokens.length === 0) return false;
  if (hasSentence(text, tokens.length)) return false;
  // Breadcrumbs and link bars: three or more short items between separators.
  const items = text.split(/\s+[›»>|•·]\s+/);
  if (items.length >= 3 && items.every((item) => words(item).length <= 3)) return true;
  // "Site name - Back to home": short parts between separators, one of them furniture on its own.
  const parts = text.split(/\s+[-–—|·]\s+/);
  if (parts.length >= 2 && parts.every((part) => words(part).length <= 4) && parts.some(isPageFurniture)) {
    return true;
  }
  const labelled = LABELLED_LIST.exec(text);
  if (labelled) return !hasSentence(text.slice(labelled[0].length).trim(), tokens.length);

  let ui = 0;
  let grammar = 0;
  let runTogether = 0;
  let other = 0;
  for (const [i, word] of tokens.entries()) {
    if (UI_WORDS.has(word)) ui++;
    else if (FUNCTION_WORDS.has(word)) grammar++;
    else if (isRunTogetherWidget(word)) {
      ui++;
      runTogether++;
    } else if (/^[a-z]{1,2}$/.test(raw[i]!)) {
      // "fm", "v": fragments of class names (an acronym such as "RT" is not one).
      ui += 0.5;
    } else other++;
  }
  const content = ui + other;
  if (content === 0) return false;
  const uiShare = ui / content;
  if (uiShare >= 0.6) return true;
  // A long line of words with no punctuation and no grammar is a word list: a menu bar of section names, or a
  // sprite sheet's icon names.
  const punctuated = /[.,;:!?"“”()]/.test(text);
  if (punctuated || tokens.length < 8 || grammar / tokens.length >= 0.1) return false;
  const capitalized = text.split(/\s+/).filter((token) => /^\p{Lu}/u.test(token)).length;
  return uiShare >= 0.3 || runTogether >= 3 || capitalized / tokens.length >= 0.8;
}

// ---------------------------------------------------------------------------------------------------------------
// Dates

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const MONTH =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const ORDINAL = '(?:st|nd|rd|th)?';

interface DateParts {
  year: number;
  month: number;
  day: number;
}

function isValidDate({ year, month, day }: DateParts): boolean {
  if (year < 1800 || year > 2200 || month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days;
}

const monthNumber = (name: string): number => MONTHS[name.slice(0, 3)] ?? 0;

/** Each pattern reads one way of writing a date; its time, if it carries one, comes along. */
const DATE_PATTERNS: Array<{
  re: RegExp;
  read: (m: RegExpExecArray) => (DateParts & { hour?: number; minute?: number }) | null;
}> = [
  {
    // 2009-11-02, 2009-11-02T10:22, 2009-11-02 10:22:00+03:00
    re: /\b(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ](\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(?:z\b|\s?[+-]\d{2}:?\d{2}\b)?)?(?![\d-])/,
    read: (m) => ({
      year: +m[1]!,
      month: +m[2]!,
      day: +m[3]!,
      ...(m[4] !== undefined ? { hour: +m[4], minute: +m[5]! } : {}),
    }),
  },
  {
    // 2009/11/02
    re: /\b(\d{4})\/(\d{1,2})\/(\d{1,2})\b/,
    read: (m) => ({ year: +m[1]!, month: +m[2]!, day: +m[3]! }),
  },
  {
    // 02.11.2009: day first wherever dots are used
    re: /\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/,
    read: (m) => ({ year: +m[3]!, month: +m[2]!, day: +m[1]! }),
  },
  {
    // 25/11/2009 or 11/25/2009; 02/11/2009 could be either and is not read
    re: /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/,
    read: (m) => {
      const a = +m[1]!;
      const b = +m[2]!;
      const year = +m[3]!;
      if (a === b) return { year, month: a, day: a };
      if (a > 12 && b <= 12) return { year, month: b, day: a };
      if (b > 12 && a <= 12) return { year, month: a, day: b };
      return null;
    },
  },
  {
    // 2 Nov, 2009 · 2nd of November 2009 · Mon 2 Nov 2009
    re: new RegExp(`\\b(\\d{1,2})${ORDINAL}\\s+(?:of\\s+)?${MONTH}\\.?,?\\s+(\\d{4})\\b`),
    read: (m) => ({ year: +m[3]!, month: monthNumber(m[2]!), day: +m[1]! }),
  },
  {
    // November 2, 2009 · Nov. 2nd 2009
    re: new RegExp(`\\b${MONTH}\\.?\\s+(\\d{1,2})${ORDINAL},?\\s+(\\d{4})\\b`),
    read: (m) => ({ year: +m[3]!, month: monthNumber(m[1]!), day: +m[2]! }),
  },
];

/** 10:22, 10.22, 10:22:05, 10:22 pm, 10 p.m. (named groups: hour, minute, meridiem); read after the date. */
const TIME =
  /\b(?<hour>\d{1,2})(?:[:.](?<minute>\d{2})(?::\d{2})?(?:\s*(?<meridiem>[ap])\.?m\.?(?![a-z]))?|\s*(?<meridiem2>[ap])\.?m\.?(?![a-z]))/;

/** What may stand beside a date on a dateline: labels, weekdays, time zones, separators. */
const DATELINE_WORDS = new Set(
  `published updated posted modified created first last on at date time dated local the of
  mon monday tue tues tuesday wed wednesday thu thur thurs thursday fri friday sat saturday sun sunday
  gmt utc bst cet cest eet eest msk wet west est edt cst cdt mst mdt pst pdt ist jst aest aedt hkt sgt z`.split(
    /\s+/,
  ),
);

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/**
 * Reads a line that is a date and nothing else (labels such as "Published:", weekdays, times and time zones may
 * stand beside it) and returns it as `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM` when a time is given. Numeric dates
 * whose day and month could be swapped (02/11/2009) are not guessed: null.
 */
export function parseDateLine(line: string): string | null {
  let rest = line.replace(/\s+/g, ' ').trim().toLowerCase();
  if (rest === '' || rest.length > 80) return null;

  let date: (DateParts & { hour?: number; minute?: number }) | null = null;
  for (const pattern of DATE_PATTERNS) {
    const match = pattern.re.exec(rest);
    if (!match) continue;
    date = pattern.read(match);
    if (!date || !isValidDate(date)) return null;
    rest = `${rest.slice(0, match.index)} ${rest.slice(match.index + match[0].length)}`;
    break;
  }
  if (!date) return null;

  let hour = date.hour;
  let minute = date.minute;
  if (hour === undefined) {
    const time = TIME.exec(rest);
    if (time?.groups) {
      const { groups } = time;
      hour = Number(groups.hour);
      minute = groups.minute === undefined ? 0 : Number(groups.minute);
      const meridiem = groups.meridiem ?? groups.meridiem2;
      if (meridiem) {
        if (hour < 1 || hour > 12) return null;
        hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
      }
      rest = `${rest.slice(0, time.index)} ${rest.slice(time.index + time[0].length)}`;
    }
  }
  if (hour !== undefined && (hour > 23 || minute === undefined || minute > 59)) return null;

  const leftover = rest
    .replace(/[+-]\d{2}:?\d{2}\b/g, ' ')
    .split(/[\s,.:;|/()[\]•·–—-]+/)
    .filter((word) => word !== '' && !DATELINE_WORDS.has(word));
  if (leftover.length > 0) return null;

  const day = `${date.year}-${pad(date.month)}-${pad(date.day)}`;
  return hour === undefined ? day : `${day}T${pad(hour)}:${pad(minute!)}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Plain text

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

// ---------------------------------------------------------------------------------------------------------------
// Markdown

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

/** First index whose origin is at or after `offset`. */
function firstFrom(origin: readonly number[], offset: number): number {
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
  return {
    title: chooseTitle(title, options),
    source: options.source ?? fields.get('source') ?? '',
    published: dateField === '' ? '' : (parseDateLine(dateField) ?? ''),
    url: fields.get('url') ?? '',
    format: 'markdown',
    ...joinMarkdownBlocks(content),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// By file name

const ACCEPTED = 'plain text (.txt, .text) or Markdown (.md, .markdown)';

function looksBinary(content: string): boolean {
  if (content.includes('\u0000')) return true;
  const sample = content.slice(0, 65536);
  let controls = 0;
  let replacements = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c) controls++;
    else if (code === 0xfffd) replacements++;
  }
  return (
    (controls >= 3 && controls / sample.length > 0.01) ||
    (replacements >= 8 && replacements / sample.length > 0.05)
  );
}

/**
 * Chooses the importer by extension: .txt/.text → plain, .md/.markdown → markdown; anything else is refused
 * (ParleyError 'unsupported-format', naming the accepted formats), as is binary content ('unsupported-format')
 * and a file with no text in it ('invalid').
 */
export function importByFileName(
  fileName: string,
  content: string,
  options: ImportOptions = {},
): DocumentDraft {
  const base = fileName.split(/[/\\]/).pop() ?? fileName;
  const dot = base.lastIndexOf('.');
  const extension = dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
  const importer =
    extension === 'txt' || extension === 'text'
      ? importPlainText
      : extension === 'md' || extension === 'markdown'
        ? importMarkdown
        : null;
  if (!importer) {
    throw new ParleyError(
      `Parley cannot import "${base}": ${extension ? `.${extension} files are not supported` : 'the file has no extension'}. Choose a ${ACCEPTED} file.`,
      'unsupported-format',
    );
  }
  if (looksBinary(content)) {
    throw new ParleyError(
      `"${base}" does not contain readable text (it looks like a binary file). Choose a ${ACCEPTED} file.`,
      'unsupported-format',
    );
  }
  const draft = importer(content, { fileName: base, ...options });
  if (draft.text.trim() === '') {
    throw new ParleyError(`"${base}" is empty: there is no text in it to read.`);
  }
  return draft;
}
