// Saved news pages a reviewer found losing real content or keeping leftovers: what the article says stays (a
// linked sentence, a list the article introduces, statements beside a video), and what only points elsewhere or
// stood for something not there goes, by general rules. The pages test/fixtures/pages/review-*.html were written
// for these tests and are not real reporting.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { importHtml } from '../../../main/import/html';
import type { DocumentDraft } from '../../../main/core/import-text';

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

describe('blocks made of links', () => {
  test('a paragraph that is one linked sentence stays', () => {
    assert.ok(
      texts(fixture('review-guardian.html')).includes(
        'Farmers along the lower Kessel have lost two harvests in three years.',
      ),
    );
    assert.ok(
      texts(fixture('review-fragment-long.html')).includes(
        "The full text of the plan is published on the council's website.",
      ),
    );
  });

  test('a list of linked titles that the article introduces with a colon stays; a "Read more" list goes', () => {
    const draft = fixture('review-nyt.html');
    const all = texts(draft);
    const at = all.indexOf('Supporters of the ban pointed to three studies:');
    assert.deepEqual(all.slice(at + 1, at + 4), [
      'a 2022 study of childhood asthma',
      'a 2023 study of methane leaks from stoves',
      'a 2024 study of indoor nitrogen dioxide',
    ]);
    assert.ok(!draft.text.includes('What the Studies Say'));
    assert.ok(!draft.text.includes('Read more about gas stoves'));
  });

  test('a label with a colon before links goes', () => {
    const draft = fixture('review-wordpress.html');
    assert.ok(!draft.text.includes('Why the creek map matters'));
    assert.ok(draft.text.includes('My earlier posts: the map, the spill, sampling.'));
  });
});

describe('embeds and notices', () => {
  test('statements that share a wrapper with a video stay; only the video goes', () => {
    const all = texts(fixture('review-short-embed.html'));
    assert.ok(
      all.includes(
        'The minister arrived at the summit shortly after two o\'clock and told reporters the deal was "close but not done".',
      ),
    );
    assert.ok(
      all.includes(
        'Her counterpart said talks would continue into the evening and refused to set a deadline.',
      ),
    );
    assert.ok(!all.join(' ').includes('does not support video'));
  });

  test('a sentence holding an inline frame keeps its words', () => {
    const draft = importHtml(
      `<html><body><article><h1>Frames</h1><p>${'A long opening sentence of the article that gives the extractor enough text to read. '.repeat(4)}</p><p>Third paragraph: plus an iframe <iframe src="https://frame.example/"></iframe> and it ends ok.</p></article></body></html>`,
    );
    assert.ok(texts(draft).includes('Third paragraph: plus an iframe and it ends ok.'));
  });

  test('a short wrapper named as an embed, with no frame left, goes; so does a notice with a button', () => {
    const nyt = fixture('review-nyt.html');
    assert.ok(!nyt.text.includes('trouble retrieving'));
    assert.ok(!nyt.text.includes('enable JavaScript'));
    assert.ok(nyt.text.includes('The council will take up the question again on June 16.'));
    const draft = importHtml(
      `<html><body><article><h1>Notice</h1><p>${'A long opening sentence of the article that gives the extractor enough text to read. '.repeat(4)}</p><div><p>Allow video content? We ask for your permission before anything is loaded.</p><button>Accept and continue</button></div><p>The last sentence of the article stays where it was.</p></article></body></html>`,
    );
    assert.ok(!draft.text.includes('Allow video content'));
    assert.ok(!draft.text.includes('Accept and continue'));
    assert.ok(texts(draft).includes('The last sentence of the article stays where it was.'));
  });

  test('a skip link and the short line it points to go; a sentence it points to stays', () => {
    const draft = importHtml(
      `<html><body><article><h1>Skips</h1><p>${'A long opening sentence of the article that gives the extractor enough text to read. '.repeat(4)}</p><div><a href="#end-1">Skip twitter post by Someone</a></div><div><p id="end-1">End of twitter post by Someone</p></div><p><a href="#after">Skip past newsletter promotion</a></p><p id="after">The next paragraph of the article is a sentence and stays.</p></article></body></html>`,
    );
    assert.ok(!draft.text.includes('twitter post'));
    assert.ok(!draft.text.includes('Skip past'));
    assert.ok(texts(draft).includes('The next paragraph of the article is a sentence and stays.'));
  });
});

describe('hidden text', () => {
  test('text hidden from sight is dropped, and the pieces around it are not glued together', () => {
    assert.deepEqual(texts(fixture('review-nyt.html'), 'caption'), [
      'Restaurant owners said induction ranges would cost them tens of thousands of dollars. Sasha Brin for The New York Times',
    ]);
    const draft = importHtml(
      `<html><body><article><h1>Hidden</h1><p>${'A long opening sentence of the article that gives the extractor enough text to read. '.repeat(4)}</p><p>Seen <span class="sr-only">for screen readers</span>words, <span aria-hidden="true">decoration</span>and <span hidden>nothing</span>more.</p></article></body></html>`,
    );
    assert.ok(texts(draft).includes('Seen words, and more.'));
  });
});

describe('bylines', () => {
  test('a WordPress byline that Readability misses is read from the page, less its leading "by"', () => {
    assert.equal(fixture('review-wordpress.html').byline, 'Marta Kowal');
  });

  test('a date and "Updated" glued after the names are trimmed', () => {
    assert.equal(fixture('review-reuters.html').byline, 'Maria Sol Reyes and Tom Ashby');
  });
});

describe('a short page or a pasted fragment', () => {
  test('keeps its caption, list, quote and links where Readability alone would flatten it', () => {
    const draft = fixture('review-fragment.html');
    assert.deepEqual(texts(draft, 'caption'), ['Councillors during the vote on Tuesday night.']);
    assert.deepEqual(texts(draft, 'list-item'), [
      'the plan caps abstraction at 30%;',
      'it sets up a joint board;',
    ]);
    assert.equal(texts(draft, 'quote').length, 1);
    assert.match(texts(draft, 'quote')[0]!, /^"This is the first step, not the last,"/);
    assert.ok(
      texts(draft, 'paragraph').includes("The full text of the plan is published on the council's website."),
    );
    const linked = (draft.marks ?? [])
      .filter((mark) => mark.kind === 'link')
      .map((mark) => draft.text.slice(mark.start, mark.end));
    assert.ok(linked.includes('adopt the river plan'));
    assert.ok(linked.includes('a joint board'));
  });
});
