/**
 * Writing someone else's text into Markdown and YAML so that it comes out as that text and nothing else: a quoted
 * passage must not turn into a heading, a list, a table or a link, and a title with a colon or a quote must not
 * break the front matter. Kept apart from the exporters so every export escapes the same way.
 */

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
  if (!INLINE_SPECIAL.test(text)) return text;
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
  let open: { char: string; length: number } | null = null;
  let html: string | null = null;
  for (const line of lines) {
    if (html !== null) {
      if (line.toLowerCase().includes(html)) html = null;
      continue;
    }
    const fence = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
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
    const run = fence[1]!;
    const rest = fence[2]!;
    if (open === null) {
      // A backtick fence's info string may not contain a backtick.
      if (run[0] === '`' && rest.includes('`')) continue;
      open = { char: run[0]!, length: run.length };
    } else if (run[0] === open.char && run.length >= open.length && rest.trim() === '') {
      open = null;
    }
  }
  if (open) lines.push(open.char.repeat(open.length));
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
