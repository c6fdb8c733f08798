/**
 * Writing someone else's text into Markdown and YAML so that it comes out as that text and nothing else: a quoted
 * passage must not turn into a heading, a list, a table or a link, and a title with a colon or a quote must not
 * break the front matter. Kept apart from the exporters so every export escapes the same way.
 */
import type { Link, Nodes, Paragraph, PhrasingContent, Root, Text } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown, gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown, type Options as ToMarkdownOptions } from 'mdast-util-to-markdown';
import { toString } from 'mdast-util-to-string';
import { parse, postprocess, preprocess } from 'micromark';
import { gfm } from 'micromark-extension-gfm';

/** Characters YAML cannot carry literally inside a double-quoted scalar, or that some parsers read as line breaks. */
function needsYamlEscape(cp: number): boolean {
  return (
    cp < 0x20 ||
    (cp >= 0x7f && cp <= 0x9f) ||
    cp === 0x2028 ||
    cp === 0x2029 ||
    cp === 0xfeff ||
    cp === 0xfffe ||
    cp === 0xffff ||
    (cp >= 0xd800 && cp <= 0xdfff)
  );
}

const YAML_SHORT_ESCAPES: Record<number, string> = {
  0x00: '\\0',
  0x07: '\\a',
  0x08: '\\b',
  0x09: '\\t',
  0x0a: '\\n',
  0x0b: '\\v',
  0x0c: '\\f',
  0x0d: '\\r',
  0x1b: '\\e',
  0x85: '\\N',
  0x2028: '\\L',
  0x2029: '\\P',
};

/**
 * A YAML double-quoted scalar holding exactly `value`. Always quoted, so dates, numbers, `yes`, `null`, leading
 * `-`/`&`/`*`/`!`/`#`, colons and quotes all stay strings. A lone surrogate (not text) becomes U+FFFD.
 */
export function yamlString(value: string): string {
  let out = '"';
  for (const char of value) {
    const cp = char.codePointAt(0)!;
    if (char === '"') out += '\\"';
    else if (char === '\\') out += '\\\\';
    else if (cp >= 0xd800 && cp <= 0xdfff) out += '\\uFFFD';
    else if (needsYamlEscape(cp)) {
      out += YAML_SHORT_ESCAPES[cp] ?? (cp <= 0xff ? `\\x${hex(cp, 2)}` : `\\u${hex(cp, 4)}`);
    } else out += char;
  }
  return out + '"';
}

function hex(n: number, width: number): string {
  return n.toString(16).toUpperCase().padStart(width, '0');
}

/** A YAML flow sequence of strings: `["a", "b"]`. */
export function yamlStringList(values: readonly string[]): string {
  return `[${values.map(yamlString).join(', ')}]`;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Any character escapeInline may change; most text has none and is returned as it is. */
const INLINE_SPECIAL = /[\\`*[\]<|~_&]/;
const INLINE_SPECIAL_ALL = /[\\`*[\]<|~_&]/g;
const ENTITY_AT = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});/y;

/**
 * Escapes inline Markdown so `text` renders as itself in CommonMark and GFM: emphasis, code spans, links, images,
 * raw HTML, entities, strikethrough and table pipes. An underscore inside a word (`snake_case`) cannot start
 * emphasis and is left alone so plain-text readers see the word as written.
 */
export function escapeInline(text: string): string {
  if (!INLINE_SPECIAL.test(text)) return defuseBareLinks(text);
  return defuseBareLinks(escapeSpecials(text));
}

/** What GFM would turn into a link by itself: `https://…`, `www.…`, `name@host`. */
const BARE_LINK = /:\/\/|www\.|@/i;

/**
 * Escapes the `:` of `://`, the `.` of `www.` and every `@`, so text that names a web or mail address stays text in
 * GFM instead of becoming a bare link (markdownlint's MD034); the escapes render as the characters themselves.
 */
function defuseBareLinks(text: string): string {
  if (!BARE_LINK.test(text)) return text;
  return text
    .replace(/:(?=\/\/)/g, '\\:')
    .replace(/(www)\./gi, '$1\\.')
    .replace(/@/g, '\\@');
}

function escapeSpecials(text: string): string {
  return text.replace(INLINE_SPECIAL_ALL, (c: string, i: number) => {
    if (c === '_') {
      const before = text[i - 1];
      const after = text[i + 1];
      const inWord =
        before !== undefined &&
        after !== undefined &&
        LETTER_OR_DIGIT.test(before) &&
        LETTER_OR_DIGIT.test(after);
      return inWord ? c : '\\_';
    }
    if (c === '&') {
      // Only an entity-looking run (`&amp;`, `&#169;`) would be decoded; a bare ampersand stays readable.
      ENTITY_AT.lastIndex = i;
      return ENTITY_AT.test(text) ? '\\&' : c;
    }
    return '\\' + c;
  });
}

const BLOCK_START = /^[#>+=-]|^:-/;
const ORDERED_START = /^(\d{1,9})([.)])/;

/**
 * Escapes one line of text that starts a Markdown line, so it cannot open a block: ATX heading, block quote, list
 * item, thematic break, setext underline, table delimiter row or indented code. Leading and trailing blanks are dropped (Markdown drops
 * them anyway, and trailing spaces would mean a hard line break).
 */
export function escapeLine(line: string): string {
  const escaped = escapeInline(line.trim());
  // `:-` would make the line a GFM table's delimiter row under the line before it (`a` then `:---`).
  if (BLOCK_START.test(escaped)) return '\\' + escaped;
  const first = escaped.charCodeAt(0);
  if (first < 0x30 || first > 0x39) return escaped;
  const ordered = ORDERED_START.exec(escaped);
  if (ordered) return `${ordered[1]}\\${ordered[2]}${escaped.slice(ordered[0].length)}`;
  return escaped;
}

/** Text for an ATX heading: one line, inline-escaped, with no `#` that could be read as a closing sequence. */
export function escapeHeading(text: string): string {
  return escapeLine(text.replace(/\s+/g, ' ')).replace(/(^|\s)#/g, '$1\\#');
}

/**
 * A block quote whose rendering is exactly `text`: every line prefixed `> `, each line escaped, blank lines kept as
 * paragraph breaks inside the quote. Single newlines stay soft line breaks, as in the source.
 */
export function blockQuote(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/).map(escapeLine);
  while (lines.length > 0 && lines[0] === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const out: string[] = [];
  for (const line of lines) {
    if (line === '') {
      if (out[out.length - 1] !== '>') out.push('>');
    } else out.push(`> ${line}`);
  }
  return out;
}

/**
 * CommonMark's raw HTML blocks that run until a closing string rather than a blank line (kinds 1 to 5): what opens
 * each, at the start of a line after up to three spaces, and the line that closes it.
 */
const HTML_BLOCKS: ReadonlyArray<{ open: RegExp; close: (opener: string) => string }> = [
  { open: /^ {0,3}<(script|pre|style|textarea)(?=[\s>]|$)/i, close: (tag) => `</${tag.toLowerCase()}>` },
  { open: /^ {0,3}<!--/, close: () => '-->' },
  { open: /^ {0,3}<\?/, close: () => '?>' },
  { open: /^ {0,3}<![A-Za-z]/, close: () => '>' },
  { open: /^ {0,3}<!\[CDATA\[/, close: () => ']]>' },
];

const FENCE_OR_HTML_CHAR = /[`~<]/;

/**
 * The user's own Markdown, untouched except that surrounding blank lines are dropped and a code fence or raw HTML
 * block (`<!--`, `<?`, `<pre>`…) left open is closed by a line of its own, so one unfinished note cannot swallow the
 * rest of the export into a code block or a comment.
 */
export function containMarkdown(markdown: string): string {
  const lines = markdown.split(/\r\n|\r|\n/);
  while (lines.length > 0 && lines[0]!.trim() === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
  // Fences need a backtick or tilde and raw HTML blocks a `<`: without any there is nothing to close.
  if (!FENCE_OR_HTML_CHAR.test(markdown)) return lines.join('\n');
  let open: { char: string; length: number; indent: string } | null = null;
  let html: string | null = null;
  for (const line of lines) {
    if (html !== null) {
      if (line.toLowerCase().includes(html)) html = null;
      continue;
    }
    const fence = /^( {0,3})(`{3,}|~{3,})(.*)$/.exec(line);
    if (!fence) {
      if (open !== null) continue;
      for (const block of HTML_BLOCKS) {
        const opener = block.open.exec(line);
        if (!opener) continue;
        const close = block.close(opener[1] ?? '');
        // The closing string may be on the opening line itself (`<!-- note -->`).
        if (!line.toLowerCase().includes(close)) html = close;
        break;
      }
      continue;
    }
    const run = fence[2]!;
    const rest = fence[3]!;
    if (open === null) {
      // A backtick fence's info string may not contain a backtick.
      if (run[0] === '`' && rest.includes('`')) continue;
      open = { char: run[0]!, length: run.length, indent: fence[1]! };
    } else if (run[0] === open.char && run.length >= open.length && rest.trim() === '') {
      open = null;
    }
  }
  // Indented as the opening fence: inside a list item it closes there, not at the top with a new fence.
  if (open) lines.push(open.indent + open.char.repeat(open.length));
  if (html !== null) lines.push(html);
  return lines.join('\n');
}

/**
 * Text of several lines as one: each line trimmed, lines joined by a space, paragraphs (separated by a blank line)
 * by ` / `, runs of spaces and tabs made one. For places that hold a single line, such as a table cell; HTML
 * (`<br>`) is avoided so the file reads the same as plain text.
 */
export function oneLine(text: string): string {
  const paragraphs: string[] = [];
  let current: string[] = [];
  for (const raw of text.split(/\r\n|[\r\n\u2028\u2029\v\f\u0085]/)) {
    const line = raw.replace(/[ \t]+/g, ' ').trim();
    if (line === '') {
      if (current.length > 0) paragraphs.push(current.join(' '));
      current = [];
    } else current.push(line);
  }
  if (current.length > 0) paragraphs.push(current.join(' '));
  return paragraphs.join(' / ');
}

/**
 * A GFM table cell whose rendering is exactly `oneLine(text)`: one line, inline Markdown escaped, and every `|`
 * written `\|` so it cannot end the cell. Empty for blank text.
 */
export function tableCell(text: string): string {
  return escapeInline(oneLine(text));
}

/**
 * Raw HTML starts with `<`; GFM's bare links need `://`, `www.` or `@`; emphasis by underscores needs `_`; a link
 * reference definition or a reference to a label never defined a `]`. A note with none of them needs no parse.
 */
const NEEDS_PARSE = /[<@_\]]|:\/\/|[wW]{3}\./;

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** The blank line to put before a line of a note: its block quote markers, so the blank stays in the quote. */
function blankFor(line: string): string | null {
  const prefix = /^[ \t>]*/.exec(line)![0];
  return line.slice(prefix.length).trim() === '' ? null : prefix.replace(/[ \t]+$/, '');
}

/**
 * The user's Markdown with its raw HTML made visible text, its bare web and mail addresses made explicit links and
 * its emphasis written with `*` (as the exports' own is, markdownlint MD049 and MD050), its reference links written
 * inline and their definitions dropped (a note quoted twice, or two notes, would define a label twice: MD053),
 * a `[` that opens no link escaped (so `[text][label]` with no such label cannot read as a broken reference:
 * MD052), every other `<` outside code and autolinks escaped, everything else as written. Raw HTML is what the app's sanitizer drops or markdownlint (MD033) flags; here each piece of it is
 * escaped so it renders as the characters typed, as is a link, image or autolink to anything but http(s) or mailto
 * (`\[click\](javascript:…)`: the app opens no other), and a former HTML block is set apart by blank lines so it cannot
 * run into the block after it. Found with micromark (CommonMark and GFM, as markdownlint reads files), so code
 * spans, code blocks and autolinks are left alone.
 */
export function neutralizeHtml(markdown: string): string {
  if (!NEEDS_PARSE.test(markdown)) return markdown;
  // An escape can change what is around it (a web address after `<![CDATA[` is bare once the `<` is text), so the
  // note is read again until nothing changes.
  let out = markdown;
  for (let pass = 0; pass < 4; pass++) {
    const next = neutralizeOnce(out);
    if (next === out) return out;
    out = next;
  }
  return out;
}

function neutralizeOnce(markdown: string): string {
  const events = postprocess(
    parse({ extensions: [gfm()] })
      .document()
      .write(preprocess()(markdown, undefined, true)),
  );
  const edits: Edit[] = [];
  let flowLineStart = false;
  // For each emphasis or strong being read: whether its underscores can become asterisks (none inside already).
  const swaps: boolean[] = [];
  const definitions = definitionsOf(events, markdown);
  // For each link or image being read: where its label ends, whether it has a resource, and its reference.
  const links: Array<{
    labelEnd: number;
    label: string;
    resource: boolean;
    destination: string;
    reference: Edit | null;
  }> = [];
  // Inside a link's parts or a definition, text is left to the edits of the whole.
  let inParts = 0;
  for (const [kind, token] of events) {
    // GFM's token types are not in micromark's own type map.
    const type: string = token.type;
    const start = token.start.offset;
    const end = token.end.offset;
    if (type === 'label' || type === 'reference' || type === 'resource' || type === 'definition') {
      inParts += kind === 'enter' ? 1 : -1;
    }
    if (kind === 'enter' && type === 'data' && inParts === 0) {
      // A `<` that starts no HTML here could with text beside it elsewhere (a table's next row, in a reader
      // without tables): it is escaped too.
      const text = markdown.slice(start, end);
      if (/[[<]/.test(text)) edits.push({ start, end, text: text.replace(/[[<]/g, '\\$&') });
    } else if (type === 'link' || type === 'image') {
      if (kind === 'enter') {
        links.push({ labelEnd: -1, label: '', resource: false, destination: '', reference: null });
      } else {
        const link = links.pop()!;
        const definition = link.resource
          ? undefined
          : definitions.get(normalizeLabel(link.reference?.text || link.label));
        const destination = definition ? definition.destination : link.destination;
        if (!KEPT_DESTINATION.test(destination)) {
          // The app keeps no live link or image but http(s) and mailto: the rest is shown as the text typed, the
          // destination of a reference written after its label.
          const typed = markdown.slice(start, definition ? link.labelEnd : end);
          for (let i = edits.length - 1; i >= 0; i--) if (edits[i]!.start >= start) edits.splice(i, 1);
          edits.push({ start, end, text: escapeInline(definition ? typed + definition.written : typed) });
        } else if (definition !== undefined) {
          const at = link.reference ?? { start: link.labelEnd, end: link.labelEnd, text: '' };
          edits.push({ start: at.start, end: at.end, text: definition.target });
        }
      }
    } else if (kind === 'enter' && type === 'definition') {
      edits.push({ start, end, text: '' });
    } else if (kind === 'exit' && type === 'label' && links.length > 0) {
      links[links.length - 1]!.labelEnd = end;
    } else if (kind === 'enter' && type === 'labelText' && links.length > 0) {
      links[links.length - 1]!.label = markdown.slice(start, end);
    } else if (kind === 'enter' && type === 'resource' && links.length > 0) {
      links[links.length - 1]!.resource = true;
    } else if (kind === 'enter' && type === 'resourceDestinationString' && links.length > 0) {
      links[links.length - 1]!.destination = markdown.slice(start, end);
    } else if (kind === 'enter' && type === 'autolinkProtocol') {
      // `<javascript:…>` is a CommonMark autolink: one the app would not keep is shown as the text typed.
      if (!KEPT_DESTINATION.test(markdown.slice(start, end))) {
        const open = markdown.lastIndexOf('<', start);
        const close = markdown.indexOf('>', end);
        edits.push({ start: open, end: close + 1, text: escapeInline(markdown.slice(open, close + 1)) });
      }
    } else if (kind === 'enter' && type === 'reference' && links.length > 0) {
      const label = /^\[([\s\S]*)\]$/.exec(markdown.slice(start, end))?.[1] ?? '';
      links[links.length - 1]!.reference = { start, end, text: label };
    } else if (type === 'emphasis' || type === 'strong') {
      if (kind === 'enter') swaps.push(!markdown.slice(start, end).includes('*'));
      else swaps.pop();
    } else if (kind === 'enter' && (type === 'emphasisSequence' || type === 'strongSequence')) {
      if (swaps[swaps.length - 1] && markdown[start] === '_') {
        edits.push({ start, end, text: '*'.repeat(end - start) });
      }
    } else if (kind === 'enter' && token.type === 'htmlFlow') {
      flowLineStart = true;
      const lineStart = markdown.lastIndexOf('\n', start - 1) + 1;
      const previousStart = markdown.lastIndexOf('\n', lineStart - 2) + 1;
      const own = markdown.slice(lineStart, start);
      // Inside a quote (or at the top), a blank line keeps the HTML from joining the paragraph above it.
      if (lineStart > 0 && /^[ \t>]*$/.test(own)) {
        const blank = blankFor(markdown.slice(previousStart, lineStart - 1));
        if (blank !== null)
          edits.push({ start: lineStart, end: lineStart, text: own.replace(/[ \t]+$/, '') + '\n' });
      }
    } else if (kind === 'exit' && token.type === 'htmlFlow') {
      const next = markdown.indexOf('\n', end);
      if (next >= 0) {
        const lineEnd = markdown.indexOf('\n', next + 1);
        const blank = blankFor(markdown.slice(next + 1, lineEnd < 0 ? undefined : lineEnd));
        if (blank !== null) edits.push({ start: next + 1, end: next + 1, text: blank + '\n' });
      }
    } else if (kind === 'enter' && token.type === 'htmlFlowData') {
      const chunk = markdown.slice(start, end);
      edits.push({ start, end, text: flowLineStart ? escapeLine(chunk) : escapeInline(chunk) });
      flowLineStart = false;
    } else if (kind === 'enter' && token.type === 'lineEnding') {
      flowLineStart = true;
    } else if (kind === 'enter' && token.type === 'htmlTextData') {
      edits.push({ start, end, text: escapeInline(markdown.slice(start, end)) });
    } else if (kind === 'enter' && type === 'literalAutolinkHttp') {
      // A backslash would be literal inside `<…>`: the address ends before it, and the escape it began stays one
      // (a `<` or `[` after it is escaped again as text below, so that backslash goes).
      const address = markdown.slice(start, end);
      const cut = address.includes('\\') ? address.indexOf('\\') : address.length;
      const rest =
        /^\\+$/.test(address.slice(cut)) && /[<[]/.test(markdown[end] ?? '') ? '' : address.slice(cut);
      edits.push({ start, end, text: `<${address.slice(0, cut)}>${rest}` });
    } else if (kind === 'enter' && type === 'literalAutolinkEmail') {
      edits.push({ start, end, text: `<${markdown.slice(start, end)}>` });
    } else if (kind === 'enter' && type === 'literalAutolinkWww') {
      const address = markdown.slice(start, end);
      edits.push({ start, end, text: `[${escapeInline(address)}](<http://${address}>)` });
    }
  }
  if (edits.length === 0) return markdown;
  let out = '';
  let at = 0;
  for (const edit of edits.sort((a, b) => a.start - b.start)) {
    out += markdown.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + markdown.slice(at);
}

/**
 * A destination the app keeps live, as written (a scheme spelled with escapes or entities is not taken for one):
 * its sanitizer and main open http(s) and mailto only.
 */
const KEPT_DESTINATION = /^(https?|mailto):/i;

/** A link label as CommonMark matches it: case folded, inner whitespace made one space. */
function normalizeLabel(label: string): string {
  return label
    .replace(/[\t\n\r ]+/g, ' ')
    .trim()
    .toLowerCase()
    .toUpperCase();
}

type Events = ReturnType<typeof postprocess>;

interface Definition {
  /** As an inline link's target: `(<url> "title")`. */
  target: string;
  /** The destination as typed. */
  destination: string;
  /** Destination and title as typed, in an inline link's parentheses: `(url "title")`. */
  written: string;
}

/** The note's link reference definitions by label; the first wins. */
function definitionsOf(events: Events, markdown: string): Map<string, Definition> {
  const out = new Map<string, Definition>();
  let label = '';
  let destination = '';
  let title: string | null = null;
  for (const [kind, token] of events) {
    const text = markdown.slice(token.start.offset, token.end.offset);
    if (kind === 'enter' && token.type === 'definition') {
      label = '';
      destination = '';
      title = null;
    } else if (kind === 'enter' && token.type === 'definitionLabelString') label = text;
    else if (kind === 'enter' && token.type === 'definitionDestinationString') destination = text;
    else if (kind === 'enter' && token.type === 'definitionTitleString') title = text;
    else if (kind === 'exit' && token.type === 'definition') {
      const key = normalizeLabel(label);
      if (out.has(key)) continue;
      // A destination written bare has no blank or angle bracket; one written <…> may have blanks.
      const url = /[<>\n]/.test(destination) ? destination : `<${destination}>`;
      const titled = title === null ? '' : ` "${title.replace(/\\?"/g, '\\"').replace(/\s*\n\s*/g, ' ')}"`;
      out.set(key, {
        target: `(${url}${titled})`,
        destination,
        written: `(${destination}${title === null ? '' : ` "${title}"`})`,
      });
    }
  }
  return out;
}

/** Two blank lines in a row (markdownlint MD012). */
const BLANK_RUN = /\n[ \t]*\r?\n[ \t]*\r?\n/;

/** Tabs, spaces at line ends and runs of blank lines: what markdownlint flags (MD010, MD009, MD012). */
function looseWhitespace(markdown: string): boolean {
  return (
    markdown.includes('\t') ||
    markdown.includes(' \n') ||
    markdown.includes(' \r') ||
    markdown.endsWith(' ') ||
    markdown.includes('\n\n\n') ||
    (markdown.includes('\n\n') && BLANK_RUN.test(markdown))
  );
}

/**
 * Whitespace as markdownlint wants it and Markdown renders the same: tabs expanded to the next multiple of four
 * columns, spaces at a line's end dropped (two or more before a line that goes on are a hard line break, kept as
 * exactly two), and no two blank lines in a row.
 */
export function tidyWhitespace(markdown: string): string {
  if (!looseWhitespace(markdown)) return markdown;
  const lines = markdown.split(/\r\n|\r|\n/).map((line) => {
    if (!line.includes('\t')) return line;
    let out = '';
    for (const char of line) out += char === '\t' ? ' '.repeat(4 - (out.length % 4)) : char;
    return out;
  });
  const out: string[] = [];
  lines.forEach((line, i) => {
    const trimmed = line.replace(/ +$/, '');
    const next = lines[i + 1];
    const hardBreak =
      line.length - trimmed.length >= 2 && trimmed.trim() !== '' && next !== undefined && next.trim() !== '';
    if (trimmed.trim() === '' && out.length > 0 && out[out.length - 1]!.trim() === '') return;
    out.push(trimmed.trim() === '' ? '' : hardBreak ? trimmed + '  ' : trimmed);
  });
  return out.join('\n');
}

/**
 * A note as every Markdown export writes it. A note of plain sentences is kept as typed, whitespace tidied; any
 * other is read once (CommonMark and GFM, as markdownlint reads files) and written again in the export's own style
 * (see `rewriteNote`).
 */
export function noteMarkdown(note: string): string {
  if (!RISKY.test(note) || plainEnough(note)) return trimBlankLines(tidyWhitespace(note));
  // An export writes a note once under each of its topics: it is read once.
  let written = rewritten.get(note);
  if (written === undefined) {
    if (rewritten.size >= 4096) rewritten.clear();
    written = trimBlankLines(tidyWhitespace(rewriteNote(note)));
    rewritten.set(note, written);
  }
  return written;
}

const rewritten = new Map<string, string>();

/** Only sentences, `*` emphasis and `-` lists apart by blank lines: no character that could mean anything else. */
const NOT_PLAIN = /[\\`_[\]<>#|~!&@^=+{}\r]|:\/\/|www\./i;
/** A line that opens as text: not a bullet, a list number, a rule or a blank (an indent). */
const TEXT_START = /^(?![*-]\s|\d{1,9}[.)](\s|$)|[*\s-]*$)[\p{L}\p{N}*"'(“‘«]/u;
/** Emphasis alone, which markdownlint would take for a heading (MD036). */
const EMPHASIS_ONLY = /^(\*{1,3})[^*]+\1[.,;:!?]?\s*$/;

/**
 * Whether a note is sentences with `*` emphasis and `-` lists set apart by blank lines, all of it as the export
 * writes it, so it can be kept as typed (most notes are; reading and writing one again is slower).
 */
function plainEnough(note: string): boolean {
  if (NOT_PLAIN.test(note)) return false;
  let previous: 'blank' | 'text' | 'item' = 'blank';
  let lines = 0;
  for (const line of note.split('\n')) {
    if (line.trim() === '') {
      previous = 'blank';
      continue;
    }
    const item = line.startsWith('- ');
    const text = item ? line.slice(2) : line;
    const first = text.charCodeAt(0) | 0x20;
    // An ASCII letter opens text; anything else is looked at closer.
    if (!(first >= 0x61 && first <= 0x7a) && !TEXT_START.test(text)) return false;
    const kind = item ? 'item' : 'text';
    // A list right under a line, or a line right under a list, needs a blank line between (MD032).
    if (previous !== 'blank' && previous !== kind) return false;
    lines = previous === kind ? lines + 1 : 1;
    if (kind === 'text' && lines === 1 && text[0] === '*' && EMPHASIS_ONLY.test(text)) return false;
    previous = kind;
  }
  return true;
}

/**
 * What may make a note more than sentences: Markdown's punctuation, an address, a line that could open a list, a
 * rule, a setext underline or an indented code block.
 */
const RISKY = /[\\`*_[\]<>#|~!&@^=+{}]|:\/\/|www\.|^[ \t]*[-\d]|^( {4}|\t)/im;

type MdNode = Nodes;

/** What markdownlint (MD036) takes to end a sentence rather than a heading. */
const SENTENCE_END = /[.,;:!?。，；：！？]$/;

/** Link texts markdownlint (MD059) finds say nothing, compared as it compares them. */
const NONDESCRIPTIVE = new Set(['click here', 'here', 'link', 'more']);
const normalizeLinkText = (text: string): string =>
  text
    .replace(/[\W_]+/g, ' ')
    .replace(/\s+/g, ' ')
    .toLowerCase()
    .trim();

/** A `^word` at a line's end is an Obsidian block id; in a note it is text (only the export's own ids are ids). */
const BLOCK_ID_UNSAFE = [
  {
    character: '^',
    before: '[ \\t]',
    after: '[\\w-]+[ \\t]*(?:\\r?\\n|$)',
    inConstruct: 'phrasing' as const,
  },
  { character: '^', atBreak: true, after: '[\\w-]+[ \\t]*(?:\\r?\\n|$)', inConstruct: 'phrasing' as const },
];

const FROM_MARKDOWN = { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] };
const TO_MARKDOWN: ToMarkdownOptions = {
  // Padded to line up, a table would not line up for markdownlint (MD060) once it holds wide or control characters.
  extensions: [gfmToMarkdown({ tablePipeAlign: false })],
  bullet: '-',
  bulletOrdered: '.',
  emphasis: '*',
  strong: '*',
  rule: '-',
  fences: true,
  fence: '`',
  listItemIndent: 'one',
  unsafe: BLOCK_ID_UNSAFE,
};

/**
 * The note read into a syntax tree and written again in the export's own style: `-` bullets, `*` emphasis,
 * `**` strong, `---` rules, fenced code with a language (`text` when none), blank lines around blocks. What the
 * export's reader must see as typed is made text (escaped where it is written): raw HTML (what the app's sanitizer
 * drops), a heading (it would join the export's outline: markdownlint MD001, MD003, MD024 to MD026), a top-level
 * paragraph of emphasis alone that does not end a sentence (MD036), and a link, image or autolink to anything but http(s) or mailto (the app opens no
 * other). A remote image becomes its alt text and its address, as the app shows no remote image and nothing is
 * fetched; a link whose text says nothing (MD059) its text followed by its address; reference links are written
 * inline and their definitions dropped (two notes could define one label twice: MD053).
 */
function rewriteNote(note: string, cell = false): string {
  const tree = fromMarkdown(note, FROM_MARKDOWN);
  const definitions = new Map<string, { url: string; title: string | null | undefined }>();
  visitDefinitions(tree, definitions);
  const rewritten = { ...tree, children: rewriteBlocks(tree.children, note, definitions, cell) } as Root;
  return toMarkdown(rewritten, TO_MARKDOWN);
}

type Definitions = Map<string, { url: string; title: string | null | undefined }>;

function visitDefinitions(node: MdNode, out: Definitions): void {
  if (node.type === 'definition') {
    if (!out.has(node.identifier)) out.set(node.identifier, { url: node.url, title: node.title });
    return;
  }
  if ('children' in node) for (const child of node.children as MdNode[]) visitDefinitions(child, out);
}

const sourceOf = (node: MdNode, note: string): string =>
  note.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);

const text = (value: string): Text => ({ type: 'text', value });

/** Raw HTML as paragraphs of text: one per run of lines, each line trimmed (it would be code indented). */
function htmlAsParagraphs(value: string): Paragraph[] {
  return value
    .split(/\n[ \t]*\n/)
    .map((part) =>
      part
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '')
        .join('\n'),
    )
    .filter((part) => part !== '')
    .map((part) => ({ type: 'paragraph', children: [text(part)] }));
}

function rewriteBlocks(
  blocks: readonly MdNode[],
  note: string,
  definitions: Definitions,
  keepEmphasis: boolean,
): MdNode[] {
  const out: MdNode[] = [];
  for (const block of blocks) {
    for (const node of rewriteBlock(block, note, definitions, keepEmphasis)) {
      const before = out[out.length - 1];
      // Two lists in a row would be told apart by another bullet (MD004): they are one list here.
      if (node.type === 'list' && before?.type === 'list' && before.ordered === node.ordered) {
        before.children.push(...node.children);
        before.spread = before.spread || node.spread;
      } else if (node.type === 'blockquote' && before?.type === 'blockquote') {
        // Two quotes parted by a blank line read as one with a gap (MD028): they are one quote here.
        before.children.push(...node.children);
      } else out.push(node);
    }
  }
  return out;
}

function rewriteBlock(node: MdNode, note: string, definitions: Definitions, keepEmphasis: boolean): MdNode[] {
  switch (node.type) {
    case 'definition':
      return [];
    case 'html':
      return htmlAsParagraphs(node.value);
    case 'code':
      return [{ ...node, lang: node.lang || 'text' }];
    case 'heading': {
      const source = sourceOf(node, note);
      const atx = /^#{1,6}/.exec(source);
      const children = rewriteInline(node.children, note, definitions, false);
      if (atx) {
        return [
          { type: 'paragraph', children: [text(children.length > 0 ? `${atx[0]} ` : atx[0]), ...children] },
        ];
      }
      const lines = source.split(/\r\n|\r|\n/);
      const underline = lines[lines.length - 1]!.replace(/^[ \t>]*/, '').trim();
      return [{ type: 'paragraph', children: [...children, text(`\n${underline}`)] }];
    }
    case 'paragraph': {
      const children = rewriteInline(node.children, note, definitions, false) as PhrasingContent[];
      const visible = children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
      const only = visible.length === 1 ? visible[0]! : null;
      // In a table cell, a list or a quote, or ending in punctuation, emphasis alone is no heading: it stays.
      if (
        !keepEmphasis &&
        only &&
        (only.type === 'emphasis' || only.type === 'strong') &&
        !SENTENCE_END.test(toString(only))
      ) {
        // Emphasis alone reads as a heading (MD036): its markers are shown as typed.
        const start = only.position?.start.offset ?? 0;
        const marker = note.slice(start, start + (only.type === 'strong' ? 2 : 1));
        return [{ type: 'paragraph', children: [text(marker), ...only.children, text(marker)] }];
      }
      return [{ ...node, children }];
    }
    case 'table': {
      const columns = node.children[0]?.children.length ?? 0;
      return [
        {
          ...node,
          children: node.children.map((row) => ({
            ...row,
            children: [
              ...row.children.map((cell) => ({
                ...cell,
                children: rewriteInline(cell.children, note, definitions, false) as PhrasingContent[],
              })),
              // A short row is read with empty cells; written out, it has as many as the header (MD056).
              ...Array.from({ length: Math.max(0, columns - row.children.length) }, () => ({
                type: 'tableCell' as const,
                children: [],
              })),
            ],
          })),
        },
      ];
    }
    case 'blockquote':
    case 'listItem':
    case 'footnoteDefinition':
    case 'list':
      // markdownlint takes emphasis alone for a heading at the top level only (MD036).
      return [{ ...node, children: rewriteBlocks(node.children, note, definitions, true) } as MdNode];
    default:
      return [node];
  }
}

/** A bare address ends before a quote: `=HYPERLINK("http://evil","x")` links `http://evil` only. */
function cutAtQuote(link: Link, note: string): MdNode[] {
  const source = sourceOf(link, note);
  const quote = source.search(/["']/);
  if (quote <= 0 || /^[<[]/.test(source)) return [link];
  const address = source.slice(0, quote);
  const url = link.url.slice(0, link.url.length - (source.length - quote));
  return [{ ...link, url, children: [text(address)] }, text(source.slice(quote))];
}

function rewriteInline(
  nodes: readonly MdNode[],
  note: string,
  definitions: Definitions,
  inLink: boolean,
): PhrasingContent[] {
  const out: MdNode[] = [];
  for (const node of nodes) out.push(...rewritePhrase(node, note, definitions, inLink));
  return out as PhrasingContent[];
}

function rewritePhrase(node: MdNode, note: string, definitions: Definitions, inLink: boolean): MdNode[] {
  switch (node.type) {
    case 'html':
      return [text(node.value)];
    case 'linkReference': {
      const definition = definitions.get(node.identifier);
      if (!definition) return [text(sourceOf(node, note))];
      const link: Link = {
        type: 'link',
        url: definition.url,
        title: definition.title,
        children: node.children,
      };
      if (!KEPT_DESTINATION.test(link.url)) return [text(sourceOf(node, note))];
      return rewriteLink(link, note, definitions);
    }
    case 'link':
      if (!KEPT_DESTINATION.test(node.url) || inLink) return [text(sourceOf(node, note))];
      return rewriteLink(node, note, definitions).flatMap((n) =>
        n.type === 'link' && n.position ? cutAtQuote(n, note) : [n],
      );
    case 'imageReference': {
      const definition = definitions.get(node.identifier);
      if (!definition) return [text(sourceOf(node, note))];
      return imageAsText(definition.url, node.alt ?? '', sourceOf(node, note), inLink);
    }
    case 'image':
      return imageAsText(node.url, node.alt ?? '', sourceOf(node, note), inLink);
    case 'emphasis':
    case 'strong':
    case 'delete':
      return [{ ...node, children: rewriteInline(node.children, note, definitions, inLink) } as MdNode];
    default:
      return [node];
  }
}

/** A link with its text rewritten; one whose text says nothing (MD059) as that text and its address. */
function rewriteLink(link: Link, note: string, definitions: Definitions): MdNode[] {
  const children = rewriteInline(link.children, note, definitions, true);
  const rewritten: Link = { ...link, children };
  const says = normalizeLinkText(toString({ type: 'paragraph', children }));
  if (!NONDESCRIPTIVE.has(says) || children.some((c) => c.type === 'inlineCode')) return [rewritten];
  const address: Link = { type: 'link', url: link.url, children: [text(link.url)] };
  return [...children, text(' ('), address, text(')')];
}

/**
 * An image as the app shows it: a remote one (never fetched) as its alt text followed by its address, any other
 * (`data:`, relative, other schemes) as the characters typed.
 */
function imageAsText(url: string, alt: string, source: string, inLink: boolean): MdNode[] {
  if (!/^https?:/i.test(url)) return [text(source)];
  // Inside a link the address cannot be a link too: it is text.
  const address: MdNode = inLink ? text(url) : { type: 'link', url, children: [text(url)] };
  return alt.trim() === '' ? [address] : [text(`${alt} (`), address, text(')')];
}

/** Without the blank lines before and after. */
function trimBlankLines(markdown: string): string {
  if (!/^\s|\s$/.test(markdown)) return markdown;
  const lines = markdown.split(/\r\n|\r|\n/);
  while (lines.length > 0 && lines[0]!.trim() === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
  return lines.join('\n');
}

/**
 * A note in a GFM table cell: flattened to one line as `oneLine` does, its inline Markdown kept working, its code
 * blocks made code spans, its raw HTML shown as text, its links and images as `noteMarkdown` writes them, and
 * every `|` not already escaped written `\|` so it cannot end the cell.
 */
export function noteCell(note: string): string {
  // Raw HTML is found in the note as written (an HTML block spans lines), and again once it is one line.
  const flat = neutralizeHtml(oneLine(dashBullets(codeBlocksAsSpans(neutralizeHtml(note)))));
  // A link whose text says nothing, or a remote image, is written as in noteMarkdown.
  const line = flat.includes(']') ? rewriteNote(flat, true).trim() : flat;
  if (!line.includes('|')) return line;
  return line.replace(/(\\*)\|/g, (run: string, slashes: string) =>
    slashes.length % 2 === 1 ? run : `${slashes}\\|`,
  );
}

/**
 * `*` bullets as `-`, and rules as `---`: inside a line, `* one * two` or `* * *` would look like emphasis
 * with blanks inside (MD037).
 */
function dashBullets(markdown: string): string {
  return markdown
    .replace(/^([ \t>]*)([*_])(?:[ \t]*\2){2,}[ \t]*$/gm, '$1---')
    .replace(/^([ \t>]*)\*(?=[ \t])/gm, '$1-');
}

/** Whether Markdown starts and ends with a block quote, as top-level blocks go. */
export function quoteEnds(markdown: string): { first: boolean; last: boolean } {
  if (!markdown.includes('>')) return { first: false, last: false };
  const events = postprocess(
    parse({ extensions: [gfm()] })
      .document()
      .write(preprocess()(markdown, undefined, true)),
  );
  const top: string[] = [];
  let depth = 0;
  for (const [kind, token] of events) {
    if (kind === 'exit') {
      depth--;
      continue;
    }
    if (depth === 0 && !/^(lineEnding|lineEndingBlank|linePrefix)$/.test(token.type)) top.push(token.type);
    depth++;
  }
  return { first: top[0] === 'blockQuote', last: top[top.length - 1] === 'blockQuote' };
}

/** Code blocks as code spans of their lines joined by a blank, for places that hold one line; empty ones dropped. */
function codeBlocksAsSpans(markdown: string): string {
  if (!/```|~~~|^ *( {4}|\t)/m.test(markdown)) return markdown;
  const events = postprocess(
    parse({ extensions: [gfm()] })
      .document()
      .write(preprocess()(markdown, undefined, true)),
  );
  const edits: Edit[] = [];
  let block: { start: number; lines: string[] } | null = null;
  for (const [kind, token] of events) {
    if (token.type === 'codeFenced' || token.type === 'codeIndented') {
      if (kind === 'enter') block = { start: token.start.offset, lines: [] };
      else if (block) {
        const code = block.lines.join(' ').replace(/\s+/g, ' ').trim();
        const ticks = '`'.repeat(Math.max(0, ...(code.match(/`+/g) ?? []).map((run) => run.length)) + 1);
        const pad = code.startsWith('`') || code.endsWith('`') ? ' ' : '';
        edits.push({
          start: block.start,
          end: token.end.offset,
          text: code ? ticks + pad + code + pad + ticks : '',
        });
        block = null;
      }
    } else if (kind === 'enter' && token.type === 'codeFlowValue' && block) {
      block.lines.push(markdown.slice(token.start.offset, token.end.offset));
    }
  }
  let out = '';
  let at = 0;
  for (const edit of edits) {
    out += markdown.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + markdown.slice(at);
}
