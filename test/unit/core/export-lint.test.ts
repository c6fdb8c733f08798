// Every Markdown export (document, one file per document, topic, notebook, comparison) of notes taken from the
// hostile content corpus and of generated notes, checked from outside: markdownlint with its default rules but line
// length (MD013) finds nothing; no raw HTML reaches a CommonMark or GFM reader (what the app's sanitizer would drop
// is shown as the characters typed, so nothing the user wrote is lost and nothing runs); and the reference
// CommonMark parser reads each note back as the same text as the note itself, its raw HTML counted as text.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { marked, type Token } from 'marked';
import { exportComparisonMarkdown } from '../../../main/core/compare';
import {
  exportDocumentMarkdown,
  exportNotebookFiles,
  exportNotebookMarkdown,
  exportTopicMarkdown,
} from '../../../main/core/export';
import { linkAnnotations } from '../../../main/core/links';
import { noteMarkdown } from '../../../main/core/markdown-text';
import { emptyNotebook, type LinkType, type Notebook } from '../../../shared/model';
import { addDocument, addSampleDocument, createAnnotation, createTopic } from '../../../main/core/notebook';
import { runs } from '../properties/seed';
import { assertReadsAsNote, commonMarkText, lintFindings, rawHtml, unsafeLinks } from './markdown-check';

const SAMPLE = readFileSync(new URL('../../../assets/sample-miliband-lavrov.txt', import.meta.url), 'utf8');
const T0 = new Date('2026-01-05T09:00:00.000Z');
const NOW = new Date('2026-11-30T12:00:00.000Z');

interface Payload {
  id: string;
  payload: string;
}
const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../fixtures/xss/${name}`, import.meta.url), 'utf8')) as unknown;
const vectors = fixture('vectors.json') as { html: Payload[]; markdown: Payload[] };
const classics = fixture('classics.json') as { payloads: Payload[] };

/** The issue's own examples, then every vector of the corpus. */
const HOSTILE: string[] = [
  '<script>alert(1)</script>',
  'Before <img src=x onerror=alert(1)> after',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<style>body { display: none }</style>\n\nThe rest of the note.',
  ...vectors.html.map((v) => v.payload),
  ...vectors.markdown.map((v) => v.payload),
  ...classics.payloads.map((v) => v.payload),
];

const LINK_TYPES: LinkType[] = ['rebuts', 'concedes-to', 'answers', 'agrees-with', 'contradicts'];

/**
 * The sample and a second document (written for the tests), both with `documentNote`; one highlight per note,
 * alternating documents, topics (one, two, none), parties and stances, each linked to the one before it.
 */
function notebookWith(notes: readonly string[], documentNote: string): Notebook {
  const nb = emptyNotebook();
  const sample = addSampleDocument(nb, SAMPLE, T0);
  const paragraphs = [
    'Second article',
    'The minister said the talks would go on.',
    'His counterpart said the documents were never sent.',
    'Both sides said they would meet again in the spring.',
  ];
  let at = 0;
  const blocks = paragraphs.map((p) => {
    const block = { kind: 'paragraph' as const, start: at, end: at + p.length };
    at += p.length + 2;
    return block;
  });
  const other = addDocument(
    nb,
    {
      title: 'Talks go on',
      source: 'Test wire',
      published: '2026-01-05',
      url: 'https://example.org/talks',
      format: 'text',
      text: paragraphs.join('\n\n'),
      blocks,
    },
    T0,
  );
  sample.note = documentNote;
  other.note = documentNote;
  const topics = ['extradition', 'iran/nuclear', 'talks'].map((path) => createTopic(nb, { path }).id);
  const parties = [nb.parties[0]!.id, nb.parties[1]!.id, null];
  let previous: string | null = null;
  notes.forEach((note, i) => {
    const doc = i % 2 === 0 ? sample : other;
    const block = doc.blocks[1 + ((i >> 1) % (doc.blocks.length - 1))]!;
    const annotation = createAnnotation(
      nb,
      {
        documentId: doc.id,
        start: block.start,
        end: Math.min(block.end, block.start + 40),
        topicIds: [[topics[0]!], [topics[1]!, topics[2]!], []][i % 3]!,
        note,
        partyId: parties[i % 3]!,
        stance: i % 2 ? 'refusal' : null,
      },
      new Date(T0.getTime() + i * 1000),
    );
    if (previous !== null) {
      linkAnnotations(nb, { fromId: annotation.id, toId: previous, type: LINK_TYPES[i % 5]! }, T0);
    }
    previous = annotation.id;
  });
  return nb;
}

/** Every Markdown export of the notebook, by name. */
function everyExport(nb: Notebook): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const doc of nb.documents)
    out.push([`document ${doc.title}`, exportDocumentMarkdown(nb, doc.id, { now: NOW })]);
  for (const file of exportNotebookFiles(nb, { now: NOW }))
    out.push([`file ${file.fileName}`, file.markdown]);
  for (const topic of nb.topics)
    out.push([`topic ${topic.path}`, exportTopicMarkdown(nb, topic.id, { now: NOW })]);
  out.push(['notebook', exportNotebookMarkdown(nb, { now: NOW })]);
  out.push(['comparison', exportComparisonMarkdown(nb, { now: NOW })]);
  for (const topic of nb.topics) {
    out.push([`comparison ${topic.path}`, exportComparisonMarkdown(nb, { topicId: topic.id, now: NOW })]);
  }
  return out;
}

/** Raw HTML as marked (GFM, as the app renders notes) reads it. */
function gfmHtml(markdown: string): string[] {
  const found: string[] = [];
  marked.walkTokens(marked.lexer(markdown), (token: Token) => {
    if (token.type === 'html') found.push(token.raw);
  });
  return found;
}

/** What the exporter cannot change without changing what a note says: a numbered list that starts past 1. */
const USERS_OWN = ['MD029'];

/**
 * Lints, looks for raw HTML, and checks that every note reads as itself; returns nothing, fails with detail. An
 * ordered list that starts past 1 (MD029) is the note's own when the note alone, as exported, has one.
 */
function checkExports(nb: Notebook): void {
  const notes = [...nb.annotations.map((a) => a.note), ...nb.documents.map((d) => d.note)];
  const own = USERS_OWN.filter((rule) =>
    notes.some((n) => lintFindings(noteMarkdown(n)).some((f) => f.includes(` ${rule}/`))),
  );
  for (const [name, markdown] of everyExport(nb)) {
    const findings = lintFindings(markdown).filter((f) => !own.some((rule) => f.includes(` ${rule}/`)));
    assert.deepEqual(findings, [], `${name}: markdownlint\n${markdown}`);
    assert.deepEqual(rawHtml(markdown), [], `${name}: raw HTML for CommonMark\n${markdown}`);
    assert.deepEqual(gfmHtml(markdown), [], `${name}: raw HTML for GFM\n${markdown}`);
    assert.deepEqual(unsafeLinks(markdown), [], `${name}: a live link the app would not keep\n${markdown}`);
  }
  const notebookText = commonMarkText(exportNotebookMarkdown(nb, { now: NOW }));
  for (const note of [...nb.annotations.map((a) => a.note), nb.documents[0]!.note]) {
    const written = noteMarkdown(note);
    assertReadsAsNote(written, note, `the note reads as itself: ${JSON.stringify(note)}`);
    assert.ok(
      notebookText.includes(commonMarkText(written)),
      `the note reads as itself inside the export: ${JSON.stringify(note)}`,
    );
  }
}

describe('exports of hostile notes', () => {
  test('the issue’s example: the script shows as text, and nothing else changes', () => {
    const nb = notebookWith(['Flat **refusal**: <script>alert(1)</script> see [RT](https://rt.com/a)'], '');
    const md = exportDocumentMarkdown(nb, nb.documents[0]!.id, { now: NOW });
    assert.ok(
      md.includes('\nFlat **refusal**: \\<script>alert(1)\\</script> see [RT](https://rt.com/a)\n'),
      md,
    );
    const html = marked.parse(md, { async: false });
    assert.ok(html.includes('<strong>refusal</strong>: &lt;script&gt;alert(1)&lt;/script&gt;'), html);
    assert.deepEqual(lintFindings(md), []);
  });

  test('a link the app would not keep is its text as typed, in every export; http(s) and mailto stay links', () => {
    const note =
      'See [click](javascript:alert(1)), ![x](data:image/png;base64,AA) and [RT](https://rt.com/a)';
    const nb = notebookWith([`${note}, <file:///etc/passwd> or <press@example.org>`], note);
    const md = exportDocumentMarkdown(nb, nb.documents[0]!.id, { now: NOW });
    assert.ok(
      md.includes(
        '\nSee \\[click]\\(javascript:alert(1)), !\\[x]\\(data:image/png;base64,AA) and [RT](https://rt.com/a)\n',
      ),
      md,
    );
    for (const [name, markdown] of everyExport(nb)) {
      assert.deepEqual(unsafeLinks(markdown), [], `${name}\n${markdown}`);
      const text = commonMarkText(markdown);
      // The one highlight is under `extradition` only; the comparison is checked below.
      if (name.startsWith('comparison') || /^topic (iran|talks)/.test(name)) continue;
      assert.ok(text.includes('[click](javascript:alert(1))'), `${name}: ${text}`);
    }
    for (const markdown of [md, exportNotebookMarkdown(nb, { now: NOW })]) {
      assert.ok(commonMarkText(markdown).includes('<file:///etc/passwd>'), markdown);
    }
    const comparison = exportComparisonMarkdown(nb, { now: NOW });
    assert.ok(commonMarkText(comparison).includes('[click](javascript:alert(1))'), comparison);
    assert.ok(comparison.includes('[RT](https://rt.com/a)'), comparison);
    assert.ok(md.includes('<press@example.org>'), md);
  });

  test('every vector of the corpus, as highlight notes and as the document note, in every export', () => {
    assert.ok(HOSTILE.length > 100, 'the whole corpus');
    // One notebook per vector as the document note; the highlights hold all of them at once.
    checkExports(notebookWith(HOSTILE, HOSTILE[0]!));
    for (const payload of HOSTILE) checkExports(notebookWith([payload, 'A plain note.'], payload));
  });
});

// --- Generated notes ---

const WORDS = ['Lavrov', 'said', 'naïve', 'Москва', '東京', 'e\u0301', '😀', 'AT&T', '3 < 4', 'a > b', 'x|y'];
const INLINE = [
  '**bold**',
  '*em*',
  '__strong__',
  '_under_',
  'snake_case',
  '`code <b>`',
  '[the RT report](https://example.org/rt)',
  '<https://example.org>',
  'https://example.org/bare',
  'www.example.org',
  'press@example.org',
  '&amp;',
  '&copy;',
  '&#169;',
  '\\*',
  '\\',
  '~~gone~~',
  '<b>',
  '</div>',
  '<!--',
  '-->',
  '<?php',
  '<![CDATA[',
  '<script>',
  '<img src=x onerror=alert(1)>',
  '[run](javascript:alert(1))',
  '![pic](data:image/png;base64,AAAA)',
  '<vbscript:msgbox(1)>',
  '[local](file:///etc/passwd)',
  '[ref][bad]\n\n[bad]: javascript:alert(1)',
];
const INLINE_SEPARATORS = [' ', ' ', ' ', '\n', '  \n', '\t', '   '];

/** A line of words and inline Markdown; it starts with a word, so it is never emphasis alone. */
const inline = fc
  .tuple(
    fc.constantFrom(...WORDS),
    fc.array(
      fc.tuple(
        fc.constantFrom(...INLINE_SEPARATORS),
        fc.oneof(fc.constantFrom(...WORDS, ...INLINE), fc.constantFrom(...HOSTILE)),
      ),
      {
        maxLength: 8,
      },
    ),
  )
  .map(([first, rest]) => first + rest.map(([separator, piece]) => separator + piece).join(''));

/** Inline pieces markdownlint would flag in a note written as typed: link texts that say nothing, images. */
const FLAGGED_INLINE = [
  '[here](https://x.example/a)',
  '[click here](https://x.example/b)',
  '[link](https://x.example/c)',
  '[More](https://x.example/d)',
  '![alt](https://tracker.example/p.png)',
  '![](https://tracker.example/q.png)',
  '=HYPERLINK("http://evil","x")',
];

/** A line as `inline` makes it, with now and then a piece markdownlint flags and an Obsidian-like `^id` at its end. */
const line = fc
  .tuple(
    inline,
    fc.option(fc.constantFrom(...FLAGGED_INLINE), { nil: '' }),
    fc.option(fc.constantFrom(' ^p2-second-paragraph-with', ' ^abc', ' x^2'), { nil: '' }),
  )
  .map(([text, flagged, id]) => text.replace(/\n/g, ' ') + (flagged ? ` ${flagged}` : '') + id);

/**
 * A table cell's words and inline Markdown, pipes escaped. No raw HTML: commonmark.js, the reference reader, has no
 * tables and would read one piece of HTML across the cells (`<?php | … ?>`) where GFM reads one per cell.
 */
const cellText = fc
  .array(
    fc.constantFrom(
      ...WORDS,
      ...INLINE.filter((p) => !p.includes('<') && !p.includes('\n')),
      ...FLAGGED_INLINE,
    ),
    {
      minLength: 1,
      maxLength: 5,
    },
  )
  .map((pieces) => pieces.join(' ').replace(/\|/g, '\\|'));

type Kind =
  | 'paragraph'
  | 'list'
  | 'ordered'
  | 'nested'
  | 'code'
  | 'indented'
  | 'quote'
  | 'heading'
  | 'setext'
  | 'rule'
  | 'emphasis'
  | 'table'
  | 'html';
const item = (kind: Kind, text: fc.Arbitrary<string>) => text.map((t): [Kind, string] => [kind, t]);
const items = fc.array(line, { minLength: 1, maxLength: 3 });
const bullet = fc.constantFrom('-', '*', '+');

const block = fc.oneof(
  { weight: 4, arbitrary: item('paragraph', fc.oneof(inline, line)) },
  {
    weight: 2,
    arbitrary: item(
      'list',
      fc.tuple(bullet, items).map(([b, list]) => list.map((i) => `${b} ${i}`).join('\n')),
    ),
  },
  {
    weight: 1,
    arbitrary: item(
      'ordered',
      items.map((list) => list.map((i, n) => `${n + 1}. ${i}`).join('\n')),
    ),
  },
  {
    weight: 1,
    arbitrary: item(
      'nested',
      fc
        .tuple(bullet, bullet, line, items, line)
        .map(
          ([a, b, first, inner, last]) =>
            `${a} ${first}\n${inner.map((i) => `  ${b} ${i}`).join('\n')}\n${a} ${last}`,
        ),
    ),
  },
  {
    weight: 1,
    arbitrary: item(
      'code',
      fc
        .tuple(fc.constantFrom('```js', '```', '~~~'), inline)
        .map(([fence, code]) => `${fence}\n${code}\n${fence.slice(0, 3)}`),
    ),
  },
  {
    weight: 1,
    arbitrary: item(
      'indented',
      fc.tuple(fc.constantFrom('\t', '    '), line).map(([indent, text]) => indent + text),
    ),
  },
  {
    weight: 1,
    arbitrary: item(
      'quote',
      inline.map((text) => `> ${text.replace(/\n/g, '\n> ')}`),
    ),
  },
  {
    weight: 1,
    arbitrary: item(
      'heading',
      fc
        .tuple(fc.integer({ min: 1, max: 6 }), line, fc.constantFrom('', ':', ' #'))
        .map(([depth, text, end]) => `${'#'.repeat(depth)} ${text}${end}`),
    ),
  },
  {
    weight: 1,
    arbitrary: item(
      'setext',
      fc.tuple(line, fc.constantFrom('===', '---', '=')).map(([text, underline]) => `${text}\n${underline}`),
    ),
  },
  { weight: 1, arbitrary: item('rule', fc.constantFrom('***', '___', '---', '* * *', '- - -')) },
  {
    weight: 1,
    arbitrary: item(
      'emphasis',
      fc
        .tuple(fc.constantFrom('*', '**', '_', '__', '***'), fc.constantFrom(...WORDS.slice(0, 7)))
        .map(([marker, word]) => `${marker}${word} said${marker}`),
    ),
  },
  {
    weight: 1,
    arbitrary: item(
      'table',
      fc.tuple(cellText, cellText).map(([a, b]) => `| head | other |\n|---|:--|\n| ${a} | ${b} |`),
    ),
  },
  {
    weight: 1,
    arbitrary: item(
      'html',
      fc
        .tuple(fc.constantFrom('div', 'section', 'pre', 'details'), fc.oneof(line, fc.constant('*md*')))
        .map(([tag, text]) => `<${tag}>\n\n${text}\n\n</${tag}>`),
    ),
  },
);

/**
 * A note: blocks apart by one or more blank lines or by none (a list or rule right under a line), with tabs and
 * spaces at line ends. Not generated, as the user's own choices that markdownlint would flag whatever the exporter
 * did: two numbered lists in a row (one list counting 1, 2, 1, 2: MD029), spaces inside emphasis, code or link text
 * (MD037 to MD039) and empty links (MD042).
 */
const note = fc
  .array(fc.tuple(block, fc.constantFrom('\n\n', '\n\n', '\n\n\n', ' \n\n', '\n')), {
    minLength: 1,
    maxLength: 4,
  })
  .filter((parts) =>
    parts.every(([[kind]], i) => i === 0 || !(kind === 'ordered' && parts[i - 1]![0][0] === kind)),
  )
  .map((parts) => parts.map(([[, text], separator]) => text + separator).join(''));

test('property: generated notes pass markdownlint in every export and read as themselves', (t) => {
  fc.assert(
    fc.property(fc.array(note, { minLength: 1, maxLength: 5 }), note, (notes, documentNote) => {
      checkExports(notebookWith(notes, documentNote));
    }),
    runs(t, 60),
  );
});

// --- The note's own constructs that markdownlint flags beside the export's own (notes written for the tests) ---

/** markdownlint's findings on every export of a notebook holding `notes` (and the first as the document note). */
function exportFindings(notes: readonly string[]): string[] {
  const nb = notebookWith(notes, notes[0]!);
  return everyExport(nb).flatMap(([name, markdown]) => lintFindings(markdown).map((f) => `${name}: ${f}`));
}

describe('a note’s own Markdown in the export', () => {
  const cases: Array<[string, string[]]> = [
    ['ATX headings, the same in two notes, one ending in a colon', ['# Heading', '# Heading', '## Sources:']],
    ['setext headings', ['Heading\n===', 'Other\n---\n\ntext']],
    [
      'lists with no blank line around them, either bullet',
      ['Before\n* one\n* two\nAfter', 'Intro\n- a\n- b'],
    ],
    ['lists with different bullets in one note', ['* one\n\n- two\n\n+ three']],
    ['a note that starts with a tab or four spaces', ['\tindented', '    four spaces']],
    ['thematic breaks of stars and underscores', ['one\n\n***\n\ntwo', 'one\n\n___\n\ntwo']],
    [
      'links with text that says nothing',
      ['[link](https://x.example)', 'see [click here](https://x.example/a) and [More](https://x.example/b)'],
    ],
    ['a paragraph of emphasis alone', ['*md*', '**strong alone**', '<div>\n\n*md*\n\n</div>']],
    ['a nested list and a table', ['* a\n  * b\n* c', '| a | b |\n|---|---|\n| 1 | 2 |']],
  ];
  for (const [name, notes] of cases) {
    test(name, () => {
      assert.deepEqual(exportFindings(notes), []);
      const nb = notebookWith(notes, notes[0]!);
      for (const note of notes) assertReadsAsNote(noteMarkdown(note), note, JSON.stringify(note));
      const notebook = exportNotebookMarkdown(nb, { now: NOW });
      assert.deepEqual(rawHtml(notebook), []);
    });
  }

  test('a heading in a note is shown as typed, never a heading of the export', () => {
    assert.equal(noteMarkdown('# Heading'), '\\# Heading');
    assert.equal(noteMarkdown('Title\n==='), 'Title\n\\===');
    assert.equal(noteMarkdown('> ## Sources: *two*'), '> \\## Sources: *two*');
  });

  test('a link that says only “link” or “here” is its text followed by its address', () => {
    assert.equal(noteMarkdown('[link](https://x.example)'), 'link (<https://x.example>)');
    assert.equal(noteMarkdown('see [here](https://x.example/a).'), 'see here (<https://x.example/a>).');
    assert.equal(noteMarkdown('[the report](https://x.example)'), '[the report](https://x.example)');
  });

  test('an emphasis-only paragraph is written with its markers escaped', () => {
    assert.equal(noteMarkdown('*md*'), '\\*md\\*');
    assert.equal(noteMarkdown('__md__'), '\\_\\_md\\_\\_');
    assert.equal(noteMarkdown('a *md* b'), 'a *md* b');
    // What markdownlint takes for no heading stays emphasis: a sentence, or emphasis in a list or a quote.
    assert.equal(noteMarkdown('*A sentence.*'), '*A sentence.*');
    assert.equal(noteMarkdown('- *md*\n- b'), '- *md*\n- b');
    assert.equal(noteMarkdown('> **md**'), '> **md**');
  });

  test('a trailing ^word in a note is no Obsidian block id', () => {
    assert.equal(
      noteMarkdown('ends with ^p2-second-paragraph-with'),
      'ends with \\^p2-second-paragraph-with',
    );
    assert.equal(noteMarkdown('line ^abc\nnext'), 'line \\^abc\nnext');
    assert.equal(noteMarkdown('x^2 and ^ alone'), 'x^2 and ^ alone');
  });

  test('a remote image is its alt text and its address, never an image that would be fetched', () => {
    const written = noteMarkdown('![alt](https://tracker.example/p.png)');
    assert.equal(written, 'alt (<https://tracker.example/p.png>)');
    const html = marked.parse(written, { async: false });
    assert.ok(!html.includes('<img'), html);
  });

  test('a bare address ends before a quote, as =HYPERLINK("…","x") shows', () => {
    assert.equal(noteMarkdown('=HYPERLINK("http://evil","x")'), '\\=HYPERLINK("<http://evil>","x")');
  });

  test('a list keeps `-` bullets and blank lines around it; code is fenced with a language', () => {
    assert.equal(noteMarkdown('Before\n* one\n* two'), 'Before\n\n- one\n- two');
    assert.equal(noteMarkdown('    code'), '```text\ncode\n```');
    assert.equal(noteMarkdown('a\n\n***\n\nb'), 'a\n\n---\n\nb');
  });
});
