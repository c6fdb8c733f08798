// The Markdown export: front matter that any YAML reader gets the same strings back from, highlights grouped by
// topic, quotes that render as exactly the quoted text in CommonMark, and notes whose own Markdown survives.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { marked } from 'marked';
import { parse as parseYaml } from 'yaml';
import { exportDocumentMarkdown } from '../../../main/core/export';
import { ParleyError, type Annotation, type Notebook, type ParleyDocument } from '../../../shared/model';
import { makeDocument, notebookWith, sampleDocument } from './fixtures';
import { runs } from '../properties/seed';

const NOW = new Date('2026-11-30T12:00:00.000Z');
/** Documents here open with a heading block, as an imported article does. */
const HEADING = { firstIsHeading: true };

let counter = 0;
function highlight(
  doc: ParleyDocument,
  exact: string,
  extra: Partial<Omit<Annotation, 'target'>> = {},
): Annotation {
  const start = doc.text.indexOf(exact);
  assert.ok(start >= 0, `fixture quote not in text: ${exact}`);
  const end = start + exact.length;
  counter += 1;
  return {
    id: `a${counter}`,
    documentId: doc.id,
    target: {
      start,
      end,
      exact,
      prefix: doc.text.slice(Math.max(0, start - 32), start),
      suffix: doc.text.slice(end, end + 32),
    },
    topicIds: [],
    partyId: null,
    stance: null,
    note: '',
    links: [],
    createdAt: '2026-11-02T10:00:00.000Z',
    updatedAt: '2026-11-02T10:00:00.000Z',
    ...extra,
  };
}

const topicId = (nb: Notebook, path: string): string => {
  const topic = nb.topics.find((t) => t.path === path);
  assert.ok(topic, `no topic ${path}`);
  return topic.id;
};

// --- A YAML reader for what the exporter writes, written from the YAML 1.2 spec rather than from the exporter ---

const YAML_ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
};

/** Reads one double-quoted scalar at the start of `s`; returns the value and the rest of the line. */
function readDoubleQuoted(s: string): { value: string; rest: string } {
  assert.equal(s[0], '"', `expected a double-quoted scalar: ${s}`);
  let value = '';
  let i = 1;
  for (;;) {
    const c = s[i];
    assert.ok(c !== undefined, 'unterminated double-quoted scalar');
    const cp = c.codePointAt(0)!;
    assert.ok(
      cp >= 0x20 && cp !== 0x7f && !(cp >= 0x80 && cp <= 0x9f),
      `raw control character U+${cp.toString(16)}`,
    );
    assert.ok(cp !== 0x2028 && cp !== 0x2029, 'raw line separator inside a scalar');
    if (c === '"') return { value, rest: s.slice(i + 1) };
    if (c !== '\\') {
      value += c;
      i += 1;
      continue;
    }
    const e = s[i + 1]!;
    const width = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
    if (width > 0) {
      const digits = s.slice(i + 2, i + 2 + width);
      assert.match(digits, new RegExp(`^[0-9a-fA-F]{${width}}$`));
      value += String.fromCodePoint(parseInt(digits, 16));
      i += 2 + width;
    } else {
      const decoded = YAML_ESCAPES[e];
      assert.ok(decoded !== undefined, `unknown escape \\${e}`);
      value += decoded;
      i += 2;
    }
  }
}

type FrontValue = string | number | string[];
function readFrontMatter(markdown: string): { data: Record<string, FrontValue>; body: string; yaml: string } {
  assert.ok(markdown.startsWith('---\n'), 'front matter opens the file');
  const close = markdown.indexOf('\n---\n', 3);
  assert.ok(close > 0, 'front matter is closed');
  const yaml = markdown.slice(4, close);
  const data: Record<string, FrontValue> = {};
  for (const line of yaml.split('\n')) {
    const m = /^([a-z]+): (.*)$/.exec(line);
    assert.ok(m, `front matter line is "key: value": ${JSON.stringify(line)}`);
    const [, key, raw] = m as unknown as [string, string, string];
    if (/^\d+$/.test(raw)) data[key] = Number(raw);
    else if (raw.startsWith('[')) {
      const items: string[] = [];
      let rest = raw.slice(1);
      while (!rest.startsWith(']')) {
        const read = readDoubleQuoted(rest);
        items.push(read.value);
        rest = read.rest.startsWith(', ') ? read.rest.slice(2) : read.rest;
      }
      assert.equal(rest, ']');
      data[key] = items;
    } else {
      const read = readDoubleQuoted(raw);
      assert.equal(read.rest, '', `nothing after the scalar on ${key}`);
      data[key] = read.value;
    }
  }
  return { data, body: markdown.slice(close + 5), yaml };
}

// --- Reading rendered HTML back as text ---

function decodeEntities(html: string): string {
  return html
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The paragraphs of each top-level block quote in the rendered export, as text, and every tag seen inside them. */
function renderedQuotes(markdown: string): { paragraphs: string[]; tags: string[] }[] {
  const html = marked.parse(markdown, { async: false });
  const quotes: { paragraphs: string[]; tags: string[] }[] = [];
  for (const m of html.matchAll(/<blockquote>\n?([\s\S]*?)<\/blockquote>/g)) {
    const inner = m[1]!;
    const tags = [...inner.matchAll(/<\/?([a-z0-9]+)[^>]*>/g)].map((t) => t[1]!);
    const paragraphs = [...inner.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((p) => decodeEntities(p[1]!));
    quotes.push({ paragraphs, tags });
  }
  return quotes;
}

/** What a quote of `exact` must render as: its paragraphs, each line without surrounding blanks. */
function expectedParagraphs(exact: string): string[] {
  const paragraphs: string[] = [];
  let current: string[] = [];
  for (const line of exact.split(/\r\n|\r|\n/).map((l) => l.trim())) {
    if (line === '') {
      if (current.length > 0) paragraphs.push(current.join('\n'));
      current = [];
    } else current.push(line);
  }
  if (current.length > 0) paragraphs.push(current.join('\n'));
  return paragraphs;
}

function oneQuoteExport(exact: string, note = ''): string {
  const doc = makeDocument('d1', ['Headline', exact, 'Closing paragraph.'], {}, HEADING);
  const a = highlight(doc, exact, { note });
  a.target.start = doc.blocks[1]!.start;
  a.target.end = doc.blocks[1]!.end;
  return exportDocumentMarkdown(notebookWith(doc, [a]), 'd1', { now: NOW });
}

describe('exportDocumentMarkdown', () => {
  test('the sample article: front matter with the title, source line, topics in path order, Untagged last', () => {
    const doc = sampleDocument(HEADING);
    const nb = notebookWith(doc, [], ['iran/nuclear', 'extradition', 'iran', 'eu']);
    const extradition = highlight(doc, 'his extradition to UK is absolutely out of the question', {
      topicIds: [topicId(nb, 'extradition')],
      note: 'Flat refusal; cites the **Constitution** later.',
    });
    const iran = highlight(doc, 'he expects Iran to accept IAEA proposal on enriching uranium abroad', {
      topicIds: [topicId(nb, 'iran/nuclear'), topicId(nb, 'extradition')],
    });
    const untagged = highlight(doc, 'search for common ground');
    nb.annotations.push(extradition, iran, untagged);

    const md = exportDocumentMarkdown(nb, doc.id, { now: NOW });
    const { data, body } = readFrontMatter(md);
    assert.deepEqual(data, {
      title: 'Miliband: bilateral differences will not obscure our relationship',
      source: 'RT',
      url: '',
      author: '',
      published: '2009-11-02',
      topics: ['extradition', 'iran/nuclear'],
      highlights: 3,
      exported: '2026-11-30T12:00:00.000Z',
    });

    // The title is the front matter's (markdownlint MD025/MD041 read it as the top heading): the body has no `#`.
    assert.equal(Object.keys(data)[0], 'title');
    const lines = body.split('\n');
    assert.equal(lines[1], 'Source: RT · Published: 2009-11-02');
    assert.ok(!lines.some((l) => l.startsWith('# ')), body);
    const headings = lines.filter((l) => l.startsWith('## '));
    assert.deepEqual(headings, ['## extradition', '## iran/nuclear', '## Untagged']);

    // The two-topic highlight appears under both topics, and under extradition in text order (¶9 before ¶11).
    const section = (heading: string) => {
      const from = lines.indexOf(heading);
      const next = lines.findIndex((l, i) => i > from && l.startsWith('## '));
      return lines.slice(from, next < 0 ? undefined : next).join('\n');
    };
    const ext = section('## extradition');
    const iranAt = ext.indexOf('> he expects Iran');
    const lugovoyAt = ext.indexOf('> his extradition');
    assert.ok(iranAt > 0 && lugovoyAt > iranAt, 'text order within a topic, whatever the notebook order');
    assert.ok(section('## iran/nuclear').includes('> he expects Iran'));
    assert.ok(section('## Untagged').includes('> search for common ground'));

    const pIran = doc.blocks.findIndex((b) => b.start <= iran.target.start && iran.target.start < b.end) + 1;
    const pExt =
      doc.blocks.findIndex((b) => b.start <= extradition.target.start && extradition.target.start < b.end) +
      1;
    assert.ok(ext.includes(`> — ¶${pIran} · #extradition #iran/nuclear`), ext);
    assert.ok(
      ext.includes(
        `> — ¶${pExt} · #extradition ^p${pExt}-his-extradition-to\n\nFlat refusal; cites the **Constitution** later.`,
      ),
      ext,
    );
    assert.ok(section('## Untagged').includes('> — ¶'));
    assert.ok(md.endsWith('\n') && !md.endsWith('\n\n'), 'one trailing newline');
  });

  test('renders in CommonMark: quotes as their text, the note as Markdown', () => {
    const doc = sampleDocument(HEADING);
    const nb = notebookWith(doc, [], ['extradition']);
    const exact = 'his extradition to UK is absolutely out of the question';
    const note =
      'Compare **¶13**: the UK\n\n- wants a trial\n- cites [Litvinenko](https://example.org/l)\n\n```\ncode_here\n```';
    nb.annotations.push(highlight(doc, exact, { topicIds: ['t0'], note }));
    const md = exportDocumentMarkdown(nb, doc.id, { now: NOW });
    // The note as written, but for the language a bare code fence is given (markdownlint MD040).
    assert.ok(md.includes(`\n\n${note.replace('```\ncode', '```text\ncode')}\n`), 'the note is in the file');
    const quotes = renderedQuotes(md);
    assert.equal(quotes.length, 1);
    assert.equal(quotes[0]!.paragraphs[0], exact);
    assert.match(quotes[0]!.paragraphs[1]!, /^— ¶(\d+) · #extradition \^p\1-his-extradition-to$/);
    const html = marked.parse(md, { async: false });
    assert.match(html, /<strong>¶13<\/strong>/);
    assert.match(html, /<li>wants a trial<\/li>/);
    assert.match(html, /<a href="https:\/\/example.org\/l">Litvinenko<\/a>/);
    assert.match(html, /<pre><code class="language-text">code_here\n<\/code><\/pre>/);
    // The title is in the front matter only; the topic is the first heading of the body.
    assert.doesNotMatch(html, /<h1>/);
    assert.match(html, /<h2>extradition<\/h2>/);
  });

  test('a quote full of Markdown syntax renders as the literal text', () => {
    const exact = [
      '# not a heading > not a quote *not emphasis* _nor this_ snake_case stays',
      '> still not a quote | a | pipe | `not code` ``two`` [not](a link) ![nor](an image)',
      '- not a list',
      '+ nor this',
      '1. not ordered 2) either',
      '---',
      '===',
      ':---:',
      '<b>not html</b> &amp; not an entity &copy; AT&T',
      '~~not struck~~ ***',
      'back\\slash at the end\\',
      '',
      '    indented four spaces',
      '```',
      '[ref]: /not-a-definition',
    ].join('\n');
    const md = oneQuoteExport(exact);
    const [quote] = renderedQuotes(md);
    assert.ok(quote);
    assert.deepEqual(quote.paragraphs.slice(0, -1), expectedParagraphs(exact));
    assert.deepEqual(
      [...new Set(quote.tags)].sort(),
      ['p'],
      `only paragraphs inside the quote: ${quote.tags}`,
    );
    // Every line of the quote is inside the block quote, as plain text reads it too.
    const quoteLines = md.split('\n').filter((l) => l.startsWith('>'));
    assert.ok(quoteLines.length >= 15);
  });

  test('property: any quote built from Markdown-significant characters renders as itself', (t) => {
    const alphabet = fc.constantFrom(
      ...'ab Z9_*`#>|[]()!<>&;-+=~\\.:"\'\n\t'.split(''),
      '\n\n',
      '1.',
      '&amp;',
      '---',
      '```',
      'é',
      '😀',
    );
    fc.assert(
      fc.property(fc.array(alphabet, { minLength: 1, maxLength: 40 }), (parts) => {
        const exact = parts.join('');
        fc.pre(exact.trim() !== '');
        const md = oneQuoteExport(exact);
        const quotes = renderedQuotes(md);
        assert.equal(quotes.length, 1, md);
        const { paragraphs, tags } = quotes[0]!;
        assert.deepEqual(paragraphs.slice(0, -1), expectedParagraphs(exact), md);
        assert.ok(
          tags.every((t) => t === 'p'),
          `unexpected markup ${tags} in\n${md}`,
        );
      }),
      runs(t, 300),
    );
  });

  test('front matter quotes any string so YAML reads it back unchanged, url and author included', () => {
    const title = 'Lavrov: "no" — it\'s: #1\n- a list? & *star* !tag @at `tick` %pct\t\\ yes';
    const source = 'null';
    const published = '2009-11-02';
    const tricky = `${title}\u2028\u0085\u0007\u007f\u0000\ufeff😀`;
    const url = 'https://example.org/a?b=1&c="d"#e: f';
    const doc = makeDocument(
      'd1',
      ['Headline', 'Body text here.'],
      { title: tricky, source, published, url, byline: tricky },
      HEADING,
    );
    const md = exportDocumentMarkdown(notebookWith(doc, []), 'd1', { now: NOW });
    const { data, yaml } = readFrontMatter(md);
    assert.equal(data.title, tricky);
    assert.equal(data.author, tricky);
    assert.equal(data.url, url);
    assert.equal(data.source, 'null');
    assert.equal(data.published, '2009-11-02');
    assert.deepEqual(data.topics, []);
    assert.equal(data.highlights, 0);
    // A YAML library reads the same values back.
    assert.deepEqual(parseYaml(yaml), {
      title: tricky,
      source: 'null',
      url,
      author: tricky,
      published: '2009-11-02',
      topics: [],
      highlights: 0,
      exported: NOW.toISOString(),
    });
    // The title is the front matter's alone, however it was written: no `#` heading repeats it.
    assert.deepEqual(
      md.split('\n').filter((l) => l.startsWith('#')),
      [],
    );
  });

  test('property: YAML strings survive any characters, astral ones included', (t) => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 60 }),
        fc.string({ unit: 'grapheme' }),
        (title, path) => {
          fc.pre(title.trim() !== '' && !/\p{Cs}/u.test(title));
          const doc = makeDocument(
            'd1',
            ['Headline', 'Some text.'],
            { byline: title, source: path },
            HEADING,
          );
          const nb = notebookWith(doc, [], [path || 'p']);
          nb.annotations.push(highlight(doc, 'Some', { topicIds: ['t0'] }));
          const { data, yaml } = readFrontMatter(exportDocumentMarkdown(nb, 'd1', { now: NOW }));
          assert.equal(data.author, title);
          assert.equal(data.title, 'Headline');
          assert.deepEqual((parseYaml(yaml) as { author: string; title: string }).author, title);
          assert.equal(data.source, path);
          assert.deepEqual(data.topics, [path || 'p']);
        },
      ),
      runs(t, 300),
    );
  });

  test('no highlights: says so, with an empty topic list', () => {
    const doc = makeDocument('d1', ['A title', 'Text.'], { source: 'RT' }, HEADING);
    const md = exportDocumentMarkdown(notebookWith(doc, []), 'd1', { now: NOW });
    const { data, body } = readFrontMatter(md);
    assert.equal(data.highlights, 0);
    assert.deepEqual(data.topics, []);
    assert.ok(!body.includes('## '));
    assert.match(body, /No highlights yet\./);
    assert.equal(data.title, 'A title');
    assert.equal(body.split('\n')[1], 'Source: RT');
  });

  test('empty note: the attribution closes the block; tags with spaces become one word', () => {
    const doc = makeDocument('d1', ['Title', 'First para.', 'Second para with words.'], {}, HEADING);
    const nb = notebookWith(doc, [], ['human rights', 'a*b']);
    nb.parties.push({ id: 'p1', name: 'Russia', short: 'RU', colour: '#c00', aliases: [] });
    nb.annotations.push(
      highlight(doc, 'Second para', { topicIds: ['t0', 't1'], partyId: 'p1', note: '  \n ' }),
    );
    const md = exportDocumentMarkdown(nb, 'd1', { now: NOW });
    const { body } = readFrontMatter(md);
    assert.ok(
      body.includes(
        '> Second para\n>\n> — Russia · ¶3 · #a\\*b #human-rights ^p3-second-para\n\n## human rights\n',
      ),
      body,
    );
    assert.ok(body.endsWith('> — Russia · ¶3 · #a\\*b #human-rights\n'), body);
    assert.match(body, /^## a\\\*b$/m);
    const html = marked.parse(md, { async: false });
    assert.match(html, /<h2>a\*b<\/h2>/);
    assert.match(html, /<p>— Russia · ¶3 · #a\*b #human-rights<\/p>/);
  });

  test('each quote names its party and stance: party · stance · ¶N · tags', () => {
    const doc = makeDocument(
      'd1',
      ['Title', 'First para.', 'Second para with words.', 'Third *one*.'],
      {},
      HEADING,
    );
    const nb = notebookWith(doc, [], ['extradition']);
    nb.parties.push({ id: 'p1', name: 'Russia', short: 'RU', colour: '#c00', aliases: [] });
    nb.stances.push('ultimatum *now*');
    nb.annotations.push(
      highlight(doc, 'First para', { topicIds: ['t0'], partyId: 'p1', stance: 'refusal' }),
      highlight(doc, 'Second para', { stance: 'ultimatum *now*' }),
      highlight(doc, 'Third', { partyId: 'p1' }),
      highlight(doc, 'words', { partyId: 'gone', stance: null }),
    );
    const md = exportDocumentMarkdown(nb, 'd1', { now: NOW });
    const attributions = md.split('\n').filter((l) => l.startsWith('> — '));
    assert.deepEqual(attributions, [
      '> — Russia · refusal · ¶2 · #extradition ^p2-first-para',
      '> — ultimatum \\*now\\* · ¶3 ^p3-second-para',
      '> — ¶3 ^p3-words',
      '> — Russia · ¶4 ^p4-third',
    ]);
    const quotes = renderedQuotes(md);
    assert.deepEqual(
      quotes.map((q) => q.paragraphs[q.paragraphs.length - 1]),
      [
        '— Russia · refusal · ¶2 · #extradition ^p2-first-para',
        '— ultimatum *now* · ¶3 ^p3-second-para',
        '— ¶3 ^p3-words',
        '— Russia · ¶4 ^p4-third',
      ],
    );
  });

  test('a highlight made in a team notebook names who made it: ¶N · by Ana · tags; none without an author', () => {
    const doc = makeDocument('d1', ['Title', 'First para.', 'Second para.'], {}, HEADING);
    const nb = notebookWith(doc, [], ['extradition']);
    nb.parties.push({ id: 'p1', name: 'Russia', short: 'RU', colour: '#c00', aliases: [] });
    nb.annotations.push(
      highlight(doc, 'First para', { topicIds: ['t0'], partyId: 'p1', author: 'Ana  Silva' }),
      highlight(doc, 'Second para', { author: 'B*ris' }),
      highlight(doc, 'Title'),
    );
    const md = exportDocumentMarkdown(nb, 'd1', { now: NOW });
    const attributions = md.split('\n').filter((l) => l.startsWith('> — '));
    assert.deepEqual(attributions, [
      '> — Russia · ¶2 · by Ana Silva · #extradition ^p2-first-para',
      '> — ¶1 ^p1-title',
      '> — ¶3 · by B\\*ris ^p3-second-para',
    ]);
    assert.ok(renderedQuotes(md).some((q) => q.paragraphs.at(-1) === '— ¶3 · by B*ris ^p3-second-para'));
  });

  test('a note with an unclosed code fence does not swallow the next highlight', () => {
    const doc = makeDocument('d1', ['Title', 'Alpha beta.', 'Gamma delta.'], {}, HEADING);
    const nb = notebookWith(doc, []);
    nb.annotations.push(
      highlight(doc, 'Alpha', { note: 'see:\n```js\nconst x = 1;' }),
      highlight(doc, 'Gamma', { note: '~~~~\nx\n~~~\nstill code' }),
    );
    const md = exportDocumentMarkdown(nb, 'd1', { now: NOW });
    // Closed, set apart from the text by a blank line (MD031) and given a language when it has none (MD040).
    assert.ok(md.includes('see:\n\n```js\nconst x = 1;\n```\n'), md);
    assert.ok(md.includes('```text\nx\n~~~\nstill code\n```\n'), md);
    const quotes = renderedQuotes(md);
    assert.deepEqual(
      quotes.map((q) => q.paragraphs[0]),
      ['Alpha', 'Gamma'],
    );
  });

  test('source line links the web address; unknown documents are refused', () => {
    const doc = makeDocument(
      'd1',
      ['Title', 'Text.'],
      {
        source: 'RT [mirror]',
        url: 'https://www.rt.com/news/miliband',
        published: '',
      },
      HEADING,
    );
    const nb = notebookWith(doc, []);
    const md = exportDocumentMarkdown(nb, 'd1', { now: NOW });
    assert.ok(md.includes('\nSource: [RT \\[mirror\\]](<https://www.rt.com/news/miliband>)\n'), md);
    assert.match(
      marked.parse(md, { async: false }),
      /<a href="https:\/\/www.rt.com\/news\/miliband">RT \[mirror\]<\/a>/,
    );
    assert.throws(() => exportDocumentMarkdown(nb, 'nope', { now: NOW }), ParleyError);
  });
});

describe('what the user made, all of it', () => {
  /** The sample, a second document (written for the tests) and three passages linked to each other. */
  function linked() {
    const doc = sampleDocument(HEADING);
    const other = makeDocument('d2', ['Talks in Geneva', 'The UK said extradition talks would go on.'], {
      title: 'Talks in Geneva',
    });
    const nb = notebookWith(doc, [], ['extradition']);
    nb.documents.push(other);
    const refusal = highlight(doc, 'his extradition to UK is absolutely out of the question', {
      topicIds: ['t0'],
      note: 'Flat **refusal**.',
    });
    const cps = highlight(doc, 'the Crown Prosecuting Service has been full');
    const talks = highlight(other, 'extradition talks would go on');
    refusal.links = [{ type: 'rebuts', annotationId: cps.id }];
    talks.links = [{ type: 'answers', annotationId: refusal.id }];
    nb.annotations.push(refusal, cps, talks);
    const paragraph = (a: Annotation, d: ParleyDocument) =>
      d.blocks.findIndex((b) => b.start <= a.target.start && a.target.start < b.end) + 1;
    return { nb, doc, other, refusal, cps, talks, p: (a: Annotation) => paragraph(a, doc) };
  }

  test('links: a line under the quote naming the other passage, with a block reference Obsidian follows', () => {
    const { nb, doc, refusal, cps, p } = linked();
    const md = exportDocumentMarkdown(nb, doc.id, { now: NOW });
    const refusalId = `p${p(refusal)}-his-extradition-to`;
    const cpsId = `p${p(cps)}-the-crown-prosecuting`;
    // The block id ends the quote; the links follow it, then the note.
    assert.ok(
      md.includes(
        `> — ¶${p(refusal)} · #extradition ^${refusalId}\n\n` +
          `→ rebuts ¶${p(cps)} “the Crown Prosecuting Service has been full” [[#^${cpsId}]]\n\n` +
          `→ answered by Talks in Geneva ¶2 “extradition talks would go on” [[Talks in Geneva#^p2-extradition-talks-would]]\n\n` +
          'Flat **refusal**.\n',
      ),
      md,
    );
    // Both ends show the link, the linked end with the inverse label.
    assert.ok(
      md.includes(
        `> — ¶${p(cps)} ^${cpsId}\n\n→ rebutted by ¶${p(refusal)} “his extradition to UK is absolutely out of…” [[#^${refusalId}]]\n`,
      ),
      md,
    );
    // Every id a reference names is on exactly one quote of the file.
    for (const id of [refusalId, cpsId]) assert.equal(md.split(` ^${id}\n`).length - 1, 1, id);
    // The other document's own export gives the passage the id this file points to.
    const otherMd = exportDocumentMarkdown(nb, 'd2', { now: NOW });
    assert.ok(otherMd.includes('^p2-extradition-talks-would\n'), otherMd);
    assert.ok(
      otherMd.includes(
        `→ answers Miliband: bilateral differences will not obscure our relationship ¶${p(refusal)}`,
      ),
    );
    // Rendered, the link line is plain text that reads as written.
    const html = marked.parse(md, { async: false });
    assert.ok(
      html.includes(
        `<p>→ rebuts ¶${p(cps)} “the Crown Prosecuting Service has been full” [[#^${cpsId}]]</p>`,
      ),
    );
  });

  test('block ids are unique in the file even when passages start alike', () => {
    const doc = makeDocument('d1', ['Title', 'He said no. He said no again.'], {}, HEADING);
    const first = highlight(doc, 'He said no.');
    const second = highlight(doc, 'He said no again.');
    const md = exportDocumentMarkdown(notebookWith(doc, [first, second]), 'd1', { now: NOW });
    const ids = md.split('\n').flatMap((l) => /\^([a-z0-9-]+)$/.exec(l)?.[1] ?? []);
    assert.deepEqual(ids, ['p2-he-said-no', 'p2-he-said-no-2']);
  });

  test('front matter has the url and the author; the document note is under the title, its HTML as text', () => {
    const doc = makeDocument(
      'd1',
      ['Headline', 'Body text.'],
      {
        source: 'RT',
        url: 'https://www.rt.com/news/miliband',
        byline: 'Staff: "RT" #1',
        note: 'Read **twice**. <img src=x onerror=alert(1)>',
      },
      HEADING,
    );
    const md = exportDocumentMarkdown(notebookWith(doc, []), 'd1', { now: NOW });
    const { yaml, body } = readFrontMatter(md);
    const data = parseYaml(yaml) as Record<string, unknown>;
    assert.equal(data.title, 'Headline');
    assert.equal(data.url, 'https://www.rt.com/news/miliband');
    assert.equal(data.author, 'Staff: "RT" #1');
    assert.ok(
      body.startsWith(
        '\nSource: [RT](<https://www.rt.com/news/miliband>) · By: Staff: "RT" #1\n\nRead **twice**. \\<img src=x onerror=alert(1)>\n\nNo highlights yet.\n',
      ),
      body,
    );
  });
});
