// Saved news pages keep their shape: lists (nested, numbered), block quotes, figure captions as caption blocks and
// inline links as link marks (http, https and mailto; relative ones resolved against the page's address), while
// what an embed leaves behind and blocks that only link elsewhere are dropped by a general rule, and real
// paragraphs that carry a link or two stay. The pages in test/fixtures/pages/*-like.html were written for these tests.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { importHtml } from '../../../main/import/html';
import type { DocumentDraft } from '../../../main/core/import-text';
import { paragraphLabel, paragraphNumber } from '../../../shared/model';

function fixture(name: string): DocumentDraft {
  return importHtml(readFileSync(new URL(`../../fixtures/pages/${name}`, import.meta.url), 'utf8'), {
    fileName: name,
  });
}

function texts(draft: DocumentDraft, kind?: string): string[] {
  return draft.blocks
    .filter((block) => kind === undefined || block.kind === kind)
    .map((block) => draft.text.slice(block.start, block.end));
}

function links(draft: DocumentDraft): Array<[string, string]> {
  return (draft.marks ?? [])
    .filter((mark) => mark.kind === 'link')
    .sort((a, b) => a.start - b.start)
    .map((mark) => [draft.text.slice(mark.start, mark.end), mark.href!]);
}

/** A page around `body`, as the article of a site whose address is `url` (none when empty). */
function page(body: string, url = 'https://news.example/world/2009/talks'): string {
  return `<!DOCTYPE html><html><head><title>Talks in Moscow</title>${
    url ? `<link rel="canonical" href="${url}">` : ''
  }</head><body><article><h1>Talks in Moscow</h1><div class="article-body">${body}</div></article></body></html>`;
}

const LONG =
  'The ministers met for four hours on Monday and came out saying that the nuclear programme had brought them closer while the old case still kept them apart, as officials on both sides had expected before the talks began.';

describe('a Guardian-like page', () => {
  const draft = fixture('guardian-like.html');

  test('keeps the byline, and the figure caption as a caption block', () => {
    assert.equal(draft.byline, 'Clara Mendez');
    assert.deepEqual(texts(draft, 'caption'), [
      'The two ministers at their joint press conference in Moscow on Monday. Photograph: Pool/Agency',
    ]);
  });

  test('keeps the list with its nesting and the quotation as a quote', () => {
    const items = draft.blocks.filter((block) => block.kind === 'list-item');
    assert.deepEqual(
      items.map((block) => [draft.text.slice(block.start, block.end), block.depth, block.ordered]),
      [
        ['the offices of the British Council in two Russian cities, closed since 2008;', 1, false],
        ['visas for the staff of both embassies, with', 1, false],
        ['a quota agreed by the end of the year', 2, false],
        ['and a joint review in the spring.', 2, false],
        ['a regular dialogue on Afghanistan.', 1, false],
      ],
    );
    assert.deepEqual(texts(draft, 'quote'), [
      '“We will not let one case define a relationship that matters to millions of people in both countries,” the British foreign secretary said.',
    ]);
  });

  test('keeps inline links as marks: relative ones resolved, mailto kept, others left as words', () => {
    assert.deepEqual(links(draft), [
      ['Iranian nuclear programme', 'https://www.northgate-chronicle.example/world/iran'],
      ['Litvinenko case', 'https://www.northgate-chronicle.example/uk/litvinenko'],
      [
        'the full text of the statement',
        'https://www.northgate-chronicle.example/uk/2009/nov/03/statement-text',
      ],
      ['Contact our reporters', 'mailto:tips@northgate-chronicle.example'],
    ]);
    // The javascript: and ftp: links are their words, unlinked.
    assert.ok(draft.text.includes('read the background in our explainer and in the agency’s report.'));
  });

  test('drops the embeds’ leftovers and the blocks that only link elsewhere, by rule', () => {
    for (const gone of [
      'This embed is not available',
      'skip past newsletter promotion',
      'Interactive',
      'Related:',
      'Russia and UK look for a thaw',
      'More on this story',
      'Iran signals it may accept uranium deal',
      'Share on',
      'All rights reserved',
    ]) {
      assert.ok(!draft.text.includes(gone), `"${gone}" was imported`);
    }
    assert.ok(
      texts(draft).includes(
        'The Foreign Office later published the full text of the statement on its website.',
      ),
    );
  });

  test('numbers paragraphs without the caption', () => {
    const caption = draft.blocks.find((block) => block.kind === 'caption')!;
    const after = draft.blocks[draft.blocks.indexOf(caption) + 1]!;
    assert.equal(paragraphNumber(draft, after.start), 3);
    assert.equal(paragraphNumber(draft, caption.start), 2);
    assert.equal(paragraphLabel(draft, caption.start + 4), 'caption after ¶2');
    assert.equal(paragraphLabel(draft, after.start), '¶3');
  });
});

describe('a BBC-like page', () => {
  const draft = fixture('bbc-like.html');

  test('keeps the byline, the caption, the numbered list and the quotation', () => {
    assert.equal(draft.byline, 'Anna Kowalska');
    assert.equal(texts(draft, 'caption').length, 1);
    assert.match(
      texts(draft, 'caption')[0]!,
      /The ministers shook hands before talks that lasted four hours$/,
    );
    const items = draft.blocks.filter((block) => block.kind === 'list-item');
    assert.deepEqual(
      items.map((block) => [block.ordered, block.number]),
      [
        [true, 1],
        [true, 2],
        [true, 3],
      ],
    );
    assert.equal(texts(draft, 'quote').length, 1);
  });

  test('drops the social media embed with its consent notice and skip links, and the post’s leftovers', () => {
    for (const gone of [
      'Skip twitter post',
      'Allow Twitter content',
      'This article contains content provided by Twitter',
      'End of twitter post',
      'View this post on Instagram',
      'A post shared by',
      'Read more',
      'More on this story',
      'Related Topics',
    ]) {
      assert.ok(!draft.text.includes(gone), `"${gone}" was imported`);
    }
  });

  test('keeps every article paragraph and its links', () => {
    assert.equal(texts(draft, 'paragraph').length, 5);
    assert.deepEqual(links(draft), [
      ["proposal on Iran's uranium", 'https://www.westbridge-news.example/news/world-middle-east-50102'],
      ['the inquiry in London', 'https://www.westbridge-news.example/news/uk-england-london-49800'],
    ]);
  });
});

describe('precision', () => {
  test('short and long paragraphs that carry a link or two stay, with their links', () => {
    const kept = [
      'The Foreign Office later published <a href="/statement">the full text of the statement</a> on its website.',
      '<a href="/people/miliband">Miliband</a> met <a href="/people/lavrov">Lavrov</a> on Monday.',
      `${LONG} <a href="https://example.org/a">One link</a> and <a href="https://example.org/b">another link</a>.`,
    ];
    const draft = importHtml(page(kept.map((p) => `<p>${p}</p>`).join('') + `<p>${LONG}</p>`));
    assert.equal(texts(draft).length, 4);
    assert.deepEqual(
      links(draft).map(([words]) => words),
      ['the full text of the statement', 'Miliband', 'Lavrov', 'One link', 'another link'],
    );
  });

  test('an embed beside a real paragraph takes only itself', () => {
    const draft = importHtml(
      page(`<div><p>${LONG}</p><iframe src="https://video.example/1"></iframe></div><p>${LONG} Again.</p>`),
    );
    assert.deepEqual(texts(draft), [LONG, `${LONG} Again.`]);
  });

  test('relative links are dropped when the page has no address; in-page links are never kept', () => {
    const body = `<p>${LONG} See <a href="/background">the background</a>, <a href="#notes">the notes</a> and <a href="https://example.org/x">this</a>.</p><p>${LONG}</p>`;
    assert.deepEqual(
      links(importHtml(page(body, ''))).map(([, href]) => href),
      ['https://example.org/x'],
    );
    assert.deepEqual(
      links(importHtml(page(body))).map(([, href]) => href),
      ['https://news.example/background', 'https://example.org/x'],
    );
  });

  test('a numbered list keeps its start and each item’s value; a link inside an item stays a link', () => {
    const draft = importHtml(
      page(
        `<p>${LONG}</p><ol start="4"><li>Fourth point, with <a href="https://example.org/4">a source</a> and more words of its own to read</li><li value="9">Ninth</li><li>Tenth</li></ol><p>${LONG}</p>`,
      ),
    );
    const items = draft.blocks.filter((block) => block.kind === 'list-item');
    assert.deepEqual(
      items.map((block) => block.number),
      [4, 9, 10],
    );
    assert.deepEqual(links(draft), [['a source', 'https://example.org/4']]);
  });
});
