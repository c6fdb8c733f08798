// Markdown keeps its formatting beside the reading text: every mark covers exactly the words the source
// emphasized, blocks carry heading levels, quote and list depths and list numbers, only web and mail links are kept
// as links, and raw HTML never becomes markup. The text itself is what highlights point into, so it stays plain.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { importMarkdown, importPlainText, type DocumentDraft } from '../../../main/core/import-text';
import { addDocument } from '../../../main/core/notebook';
import {
  DocumentSchema,
  NotebookSchema,
  emptyNotebook,
  isSafeHref,
  type Block,
  type Mark,
} from '../../../shared/model';
import { makeDocument } from './fixtures';
import { runs } from '../properties/seed';

/** Each mark as [kind, the text it covers] (and its href for links), in order of start then kind. */
function marked(draft: DocumentDraft): string[][] {
  return [...(draft.marks ?? [])]
    .sort((a, b) => a.start - b.start || b.end - a.end || a.kind.localeCompare(b.kind))
    .map((mark) => [
      mark.kind,
      draft.text.slice(mark.start, mark.end),
      ...(mark.href === undefined ? [] : [mark.href]),
    ]);
}

/** Each block as its text and its layout fields other than the offsets. */
function laidOut(draft: DocumentDraft): Array<[string, Omit<Block, 'start' | 'end'>]> {
  return draft.blocks.map(({ start, end, ...layout }) => [draft.text.slice(start, end), layout]);
}

/** Every mark lies inside one block and covers at least one character. */
function assertMarksInBlocks(draft: DocumentDraft): void {
  for (const mark of draft.marks ?? []) {
    assert.ok(mark.start < mark.end, `empty mark ${JSON.stringify(mark)}`);
    assert.ok(
      draft.blocks.some((block) => block.start <= mark.start && mark.end <= block.end),
      `mark ${JSON.stringify(mark)} crosses a block boundary`,
    );
  }
}

describe('importMarkdown: inline marks', () => {
  test('emphasis, strong, code, struck-out text and links become marks over exactly their words', () => {
    const draft = importMarkdown(
      'Some **bold** and _em_ with [a link](https://example.com "title") and `a  code` and ~~gone~~ here.',
    );
    assert.equal(draft.text, 'Some bold and em with a link and a code and gone here.');
    assert.deepEqual(marked(draft), [
      ['strong', 'bold'],
      ['em', 'em'],
      ['link', 'a link', 'https://example.com'],
      ['code', 'a code'],
      ['del', 'gone'],
    ]);
    assertMarksInBlocks(draft);
  });

  test('nested and doubled emphasis gives nested marks', () => {
    const draft = importMarkdown(
      '**bold *and em* more** then ***both*** and [**strong link**](http://x.org/a).',
    );
    assert.equal(draft.text, 'bold and em more then both and strong link.');
    assert.deepEqual(marked(draft), [
      ['strong', 'bold and em more'],
      ['em', 'and em'],
      ['em', 'both'],
      ['strong', 'both'],
      ['link', 'strong link', 'http://x.org/a'],
      ['strong', 'strong link'],
    ]);
  });

  test('marks keep their words when soft and hard line breaks and runs of blanks are cleaned up', () => {
    const draft = importMarkdown(
      'A *soft\nbreak* and **hard  \nbreak**   and `x`   end.\n\n  Second   *para*.',
    );
    assert.equal(draft.text, 'A soft break and hard\nbreak and x end.\n\nSecond para.');
    assert.deepEqual(marked(draft), [
      ['em', 'soft break'],
      ['strong', 'hard\nbreak'],
      ['code', 'x'],
      ['em', 'para'],
    ]);
    assertMarksInBlocks(draft);
  });

  test('only http, https and mailto links stay links; any other link is its words as plain text', () => {
    const draft = importMarkdown(
      [
        '[web](https://a.example/x?y=1) [plain](http://b.example) [mail](mailto:ann@example.org)',
        '<https://auto.example> www.bare.example ann@example.org',
        '[script](javascript:alert(1)) [data](data:text/html,hi) [file](file:///etc/passwd)',
        '[relative](/local/page) [anchor](#top) [vb](vbscript:x)',
      ].join('\n'),
    );
    assert.equal(
      draft.text,
      'web plain mail https://auto.example www.bare.example ann@example.org script data file relative anchor vb',
    );
    assert.deepEqual(marked(draft), [
      ['link', 'web', 'https://a.example/x?y=1'],
      ['link', 'plain', 'http://b.example'],
      ['link', 'mail', 'mailto:ann@example.org'],
      ['link', 'https://auto.example', 'https://auto.example'],
      ['link', 'www.bare.example', 'http://www.bare.example'],
      ['link', 'ann@example.org', 'mailto:ann@example.org'],
    ]);
    for (const mark of draft.marks ?? []) assert.ok(isSafeHref(mark.href ?? ''));
  });

  test('images are dropped and raw HTML is never markup: its tags go, its words stay as text', () => {
    const draft = importMarkdown(
      'Before ![a chart](chart.png) <b>bold tag</b> <img src=x onerror=alert(1)> after.\n\n' +
        '<div class="x">Block <i>html</i> &amp; more</div>\n\n<!-- a comment -->\n\nEnd.',
    );
    assert.equal(draft.text, 'Before bold tag after.\n\nBlock html & more\n\nEnd.');
    assert.deepEqual(draft.marks, []);
    assert.ok(!/[<>]/.test(draft.text));
  });
});

describe('importMarkdown: block layout', () => {
  test('headings keep their level; the leading # heading is still the title', () => {
    const draft = importMarkdown(
      '# Title\n\nIntro.\n\n## Two *em*\n\n### Three\n\n###### Six\n\nSetext\n---\n',
    );
    assert.equal(draft.title, 'Title');
    assert.deepEqual(laidOut(draft), [
      ['Intro.', { kind: 'paragraph' }],
      ['Two em', { kind: 'heading', level: 2 }],
      ['Three', { kind: 'heading', level: 3 }],
      ['Six', { kind: 'heading', level: 6 }],
      ['Setext', { kind: 'heading', level: 2 }],
    ]);
    assert.deepEqual(marked(draft), [['em', 'em']]);
  });

  test('lists: ordered with their numbers, nested by depth, further paragraphs continue their item', () => {
    const draft = importMarkdown(
      [
        '3. three',
        '4. four *x*',
        '',
        '   more of four',
        '',
        '   - deep **d**',
        '     - deeper',
        '5. five',
        '',
        '- [ ] a task',
        '* star',
      ].join('\n'),
    );
    assert.deepEqual(laidOut(draft), [
      ['three', { kind: 'list-item', depth: 1, ordered: true, number: 3 }],
      ['four x', { kind: 'list-item', depth: 1, ordered: true, number: 4 }],
      ['more of four', { kind: 'list-item', depth: 1, ordered: true, number: 4, continues: true }],
      ['deep d', { kind: 'list-item', depth: 2, ordered: false }],
      ['deeper', { kind: 'list-item', depth: 3, ordered: false }],
      ['five', { kind: 'list-item', depth: 1, ordered: true, number: 5 }],
      ['a task', { kind: 'list-item', depth: 1, ordered: false }],
      ['star', { kind: 'list-item', depth: 1, ordered: false }],
    ]);
    assert.deepEqual(marked(draft), [
      ['em', 'x'],
      ['strong', 'd'],
    ]);
  });

  test('block quotes: each paragraph a quote block with its depth, marks inside kept', () => {
    const draft = importMarkdown('> first *e*\n> still first\n>\n> second\n>\n> > inner `c`\n\nAfter.');
    assert.deepEqual(laidOut(draft), [
      ['first e still first', { kind: 'quote', depth: 1 }],
      ['second', { kind: 'quote', depth: 1 }],
      ['inner c', { kind: 'quote', depth: 2 }],
      ['After.', { kind: 'paragraph' }],
    ]);
    assert.deepEqual(marked(draft), [
      ['em', 'e'],
      ['code', 'c'],
    ]);
  });

  test('a code block is one block of its lines as written, with nothing inside read as Markdown', () => {
    const draft = importMarkdown(
      'Text.\n\n```ts\nconst a = **b**;   \n\n  indented <i>x</i>\n```\n\n    four-space code\n',
    );
    assert.deepEqual(laidOut(draft), [
      ['Text.', { kind: 'paragraph' }],
      ['const a = **b**;\n\n  indented <i>x</i>', { kind: 'code' }],
      ['four-space code', { kind: 'code' }],
    ]);
    assert.deepEqual(draft.marks, []);
  });

  test('tables stay lines of cells, with the cells’ marks', () => {
    const draft = importMarkdown('| a | *b* |\n|---|---|\n| `1` | 2 |');
    assert.deepEqual(laidOut(draft), [
      ['a | b', { kind: 'paragraph' }],
      ['1 | 2', { kind: 'paragraph' }],
    ]);
    assert.deepEqual(marked(draft), [
      ['em', 'b'],
      ['code', '1'],
    ]);
  });

  test('plain-text import is unchanged: plain blocks and no marks', () => {
    const draft = importPlainText('A *starred* line.\n\n> not a quote');
    assert.equal(draft.marks, undefined);
    assert.deepEqual(draft.blocks, [
      { kind: 'paragraph', start: 0, end: 17 },
      { kind: 'paragraph', start: 19, end: 32 },
    ]);
  });
});

describe('marks and layout in the notebook', () => {
  const NOW = new Date('2026-11-30T12:00:00.000Z');

  test('an imported Markdown document keeps its blocks and marks, is valid, and has not been opened', () => {
    const nb = emptyNotebook();
    const draft = importMarkdown('# T\n\nSome **bold** [link](https://e.example).\n\n1. one\n\n> quote');
    const doc = addDocument(nb, draft, NOW);
    assert.deepEqual(doc.blocks, draft.blocks);
    assert.deepEqual(doc.marks, draft.marks);
    assert.equal(doc.openedAt, '');
    assert.ok(NotebookSchema.safeParse(nb).success);
  });

  test('a plain-text document gets no marks', () => {
    const nb = emptyNotebook();
    const doc = addDocument(nb, importPlainText('Just a sentence of text.'), NOW);
    assert.deepEqual(doc.marks, []);
    assert.equal(doc.openedAt, '');
  });

  test('the schema refuses a link to anything but http(s) or mailto, an empty mark, or one past the text', () => {
    const base = makeDocument('d', ['Hello world.']);
    const withMark = (mark: Mark) => DocumentSchema.safeParse({ ...base, marks: [mark] }).success;
    assert.equal(withMark({ kind: 'link', start: 0, end: 5, href: 'https://ok.example' }), true);
    assert.equal(withMark({ kind: 'link', start: 0, end: 5, href: 'javascript:alert(1)' }), false);
    assert.equal(withMark({ kind: 'link', start: 0, end: 5, href: ' https://lead.example' }), false);
    assert.equal(withMark({ kind: 'link', start: 0, end: 5 }), false);
    assert.equal(withMark({ kind: 'em', start: 3, end: 3 }), false);
    assert.equal(withMark({ kind: 'em', start: 6, end: 13 }), false);
    assert.equal(withMark({ kind: 'strong', start: 6, end: 12 }), true);
  });

  test('a document written before marks and openedAt existed reads with none and never', () => {
    const { marks: _m, openedAt: _o, ...old } = makeDocument('d', ['Hello.'], {}, { firstIsHeading: true });
    const parsed = DocumentSchema.parse(old);
    assert.deepEqual(parsed.marks, []);
    assert.equal(parsed.openedAt, '');
    assert.deepEqual(parsed.blocks, [{ kind: 'heading', start: 0, end: 6 }]);
  });
});

describe('importMarkdown: generated documents', () => {
  type Style = 'plain' | 'strong' | 'em' | 'code' | 'del' | 'link';
  const word = fc.stringMatching(/^[a-zA-Z0-9éü’]{1,8}$/);
  const segment = fc.record({
    words: fc.array(word, { minLength: 1, maxLength: 4 }),
    style: fc.constantFrom<Style>('plain', 'strong', 'em', 'code', 'del', 'link'),
  });
  const paragraph = fc.array(segment, { minLength: 1, maxLength: 6 });

  const syntax = (style: Style, words: string): string =>
    style === 'strong'
      ? `**${words}**`
      : style === 'em'
        ? `*${words}*`
        : style === 'code'
          ? `\`${words}\``
          : style === 'del'
            ? `~~${words}~~`
            : style === 'link'
              ? `[${words}](https://example.org/${encodeURIComponent(words)})`
              : words;

  test('each styled run comes out as one mark over exactly its words, at its place in the text', (t) => {
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 1, maxLength: 4 }), (paragraphs) => {
        const source = paragraphs
          .map((segments) => segments.map((s) => syntax(s.style, s.words.join(' '))).join(' | '))
          .join('\n\n');
        const draft = importMarkdown(source);
        const expectedText = paragraphs
          .map((segments) => segments.map((s) => s.words.join(' ')).join(' | '))
          .join('\n\n');
        assert.equal(draft.text, expectedText);
        const expected: string[][] = [];
        let at = 0;
        paragraphs.forEach((segments, p) => {
          if (p > 0) at += 2;
          segments.forEach((s, i) => {
            if (i > 0) at += 3;
            const text = s.words.join(' ');
            if (s.style !== 'plain') {
              expected.push([
                s.style === 'code' ? 'code' : s.style,
                String(at),
                text,
                ...(s.style === 'link' ? [`https://example.org/${encodeURIComponent(text)}`] : []),
              ]);
            }
            at += text.length;
          });
        });
        const actual = [...(draft.marks ?? [])]
          .sort((a, b) => a.start - b.start)
          .map((m) => [
            m.kind,
            String(m.start),
            draft.text.slice(m.start, m.end),
            ...(m.href === undefined ? [] : [m.href]),
          ]);
        assert.deepEqual(actual, expected);
        assertMarksInBlocks(draft);
      }),
      runs(t, 200),
    );
  });
});
