// Saved web pages: each realistic page gives exactly its headline, site, date, byline and article paragraphs, with
// the page around the article left behind; a hostile page keeps its words but loses everything active.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { importHtml, stripSiteFromTitle } from '../../../main/import/html';
import { decodeImportBytes } from '../../../main/import/decode';
import { ParleyError } from '../../../shared/model';
import type { DocumentDraft } from '../../../main/core/import-text';

function fixture(name: string): DocumentDraft {
  const bytes = new Uint8Array(readFileSync(new URL(`../../fixtures/pages/${name}`, import.meta.url)));
  return importHtml(decodeImportBytes(name, bytes), { fileName: name });
}

function paragraphs(draft: DocumentDraft): string[] {
  return draft.blocks.map((block) => draft.text.slice(block.start, block.end));
}

/** Blocks cover the text exactly: in order, separated by one blank line, nothing outside them. */
function assertWellFormed(draft: DocumentDraft): void {
  assert.equal(draft.format, 'html');
  assert.equal(paragraphs(draft).join('\n\n'), draft.text);
  for (const [i, block] of draft.blocks.entries()) {
    assert.ok(block.end > block.start, `block ${i} is empty`);
    const text = draft.text.slice(block.start, block.end);
    assert.equal(text, text.trim(), `block ${i} has untrimmed edges`);
    assert.doesNotMatch(text, /\n\n| {2}/, `block ${i} has uncollapsed whitespace`);
  }
}

describe('a news article page', () => {
  const draft = fixture('news-article.html');

  test('keeps the metadata the page declares', () => {
    assertWellFormed(draft);
    assert.equal(draft.title, 'Miliband and Lavrov agree to differ on Litvinenko');
    assert.equal(draft.source, 'The Northgate Herald');
    assert.equal(draft.published, '2009-11-02T10:22');
    assert.equal(draft.byline, 'Jane Porter');
    assert.equal(draft.url, 'https://www.northgateherald.example/world/2009/nov/02/miliband-lavrov-moscow');
  });

  test('reads the article from the standfirst to the last paragraph', () => {
    const texts = paragraphs(draft);
    assert.equal(
      texts[0],
      "The foreign secretary's first visit to Moscow ends with warm words on Iran and a flat refusal on extradition.",
    );
    assert.equal(
      texts.at(-1),
      "Miliband said the case was a matter for the courts and that Britain's position “has not changed and will not change”. Diplomats on both sides said privately that they did not expect it to be settled soon.",
    );
  });

  test('keeps headings, list items, quotations and line breaks as the page has them', () => {
    const headings = draft.blocks
      .filter((block) => block.kind === 'heading')
      .map((block) => draft.text.slice(block.start, block.end));
    assert.deepEqual(headings, ['Common ground on Iran', 'A case that will not close']);
    const texts = paragraphs(draft);
    assert.ok(texts.includes('visas for British Council staff in St Petersburg and Yekaterinburg;'));
    assert.ok(
      texts.includes(
        '“We have a shared interest in making sure that Iran does not acquire nuclear weapons,” Miliband told reporters.',
      ),
    );
    assert.ok(
      texts.includes(
        'Litvinenko, a former officer of the Russian security service, died in London in November 2006 after being poisoned with polonium-210. British prosecutors named Lugovoi as the suspect in 2007.\nMoscow has always denied any involvement.',
      ),
    );
  });

  test('leaves the page furniture behind', () => {
    for (const furniture of [
      'cookies',
      'Skip to main content',
      'Subscribe',
      'Facebook',
      'Related stories',
      'Russia and UK look for a thaw',
      'Most viewed',
      'Sign up',
      'All rights reserved',
      'By Jane Porter',
      'Mon 2 Nov 2009',
      'Photograph',
      'dataLayer',
    ]) {
      assert.ok(!draft.text.includes(furniture), `"${furniture}" was imported`);
    }
  });
});

describe('a windows-1252 page', () => {
  const draft = fixture('windows-1252.html');

  test('keeps its metadata, taking the site from the canonical host and the headline from its one <h1>', () => {
    assertWellFormed(draft);
    assert.equal(draft.title, 'Moscow talks: “a new page”, but the old chapter stays open');
    assert.equal(draft.source, 'whitcombe-review.example');
    assert.equal(draft.published, '2009-11-04');
    assert.equal(draft.byline, 'Thomas Whitcombe');
    assert.equal(draft.url, 'http://www.whitcombe-review.example/2009/11/moscow-talks.htm');
  });

  test('reads curly quotes, dashes, accents and the euro sign as the page meant them', () => {
    const texts = paragraphs(draft);
    assert.equal(texts.length, 5);
    assert.equal(
      texts[0],
      'There was something almost old-fashioned about David Miliband’s visit to Moscow this week. The foreign secretary arrived with a list of grievances, left with most of them intact, and yet both he and Sergei Lavrov spoke of a “new page” in relations between London and Moscow.',
    );
    assert.equal(
      texts.at(-1),
      'The bill for the British Council’s closed offices — some €2 million a year, by one estimate — is a smaller matter, but a telling one: it is the kind of dispute that a “new page” could settle quickly, and nobody expects it to.',
    );
    assert.ok(draft.text.includes('café-table'));
    assert.doesNotMatch(draft.text, /[\u0080-\u009f\ufffd]/);
  });
});

describe('a hostile page', () => {
  const draft = fixture('hostile.html');

  test('keeps every sentence of the statement, links included', () => {
    assertWellFormed(draft);
    assert.equal(draft.title, 'Statement on the Vienna proposal');
    assert.equal(draft.source, 'Press Office Mirror');
    assert.equal(draft.published, '2009-10-30');
    const texts = paragraphs(draft);
    assert.equal(
      texts[0],
      'The Foreign Office welcomes the proposal agreed in Vienna under which Iran would send most of its low-enriched uranium abroad for further enrichment and return as fuel for a research reactor in Tehran.',
    );
    assert.ok(
      texts.includes(
        'We call on Iran to accept the proposal without delay. As the minister said, you can read the full statement and the technical annex on our site, or the summary for journalists.',
      ),
    );
    assert.ok(
      texts.includes(
        "The proposal would build confidence that Iran's nuclear programme is exclusively peaceful. It would also meet the humanitarian need for medical isotopes.",
      ),
    );
    assert.ok(
      texts.includes(
        'Iran has said it needs more time to consider the text. We believe the time for consideration is over.',
      ),
    );
    assert.equal(
      texts.at(-1),
      'The United Kingdom will continue to work with its partners for a diplomatic solution.',
    );
  });

  test('keeps nothing active: no script, handler or javascript: URL, not even as the document URL', () => {
    const everything = JSON.stringify(draft);
    assert.ok(!everything.includes('<script'));
    assert.ok(!/javascript:/i.test(everything));
    assert.ok(!everything.includes('alert('));
    assert.ok(!everything.includes('data:'));
    assert.equal(draft.url, '');
  });

  test('drops the text of embedded things that Readability leaves and only the sanitizer removes', () => {
    // Readability keeps <svg>, <video> and <math> inside an article; DOMPurify, as configured, drops them whole.
    for (const marker of [
      'SVG-TEXT-MARKER',
      'VIDEO-FALLBACK-MARKER',
      'MATH-TEXT-MARKER',
      'TEMPLATE-MARKER',
      'IFRAME-FALLBACK-MARKER',
      'OBJECT-FALLBACK-MARKER',
      'NOSCRIPT-MARKER',
      'BUTTON-TEXT-MARKER',
      'INPUT-VALUE-MARKER',
      'IMG-ALT-MARKER',
      'HIDDEN-LINK-MARKER',
      'STYLE-TEXT-MARKER',
      'WRITTEN-BY-SCRIPT-MARKER',
    ]) {
      assert.ok(!draft.text.includes(marker), `${marker} was imported`);
    }
  });
});

describe('pages that are not articles', () => {
  test('a page with no article imports its body text, titled from <title>, with its canonical host as source', () => {
    const draft = fixture('no-article.html');
    assertWellFormed(draft);
    assert.equal(draft.title, 'Reading notes — week 9');
    assert.equal(draft.source, 'seminar-notes.example');
    assert.equal(draft.published, '');
    assert.equal(draft.byline, '');
    assert.deepEqual(paragraphs(draft), [
      'Week 9: coercive diplomacy',
      'Read before Tuesday:',
      'Schelling, Arms and Influence, ch. 2',
      'George, Forceful Persuasion, pp. 3–14',
      'Question for discussion: does a threat that is never carried out lose its force?\nBring one example.',
      'Date | Presenter',
      '10 Nov | Amira',
    ]);
  });

  test('a page of nothing but furniture is refused with a message naming it', () => {
    assert.throws(
      () => fixture('furniture-only.html'),
      (error: unknown) =>
        error instanceof ParleyError &&
        error.code === 'invalid' &&
        error.message.includes('"furniture-only.html"') &&
        /no article text/.test(error.message),
    );
  });

  test('an empty page is refused', () => {
    assert.throws(() => importHtml('<html><body></body></html>'), ParleyError);
  });

  test('without any title the file name stands in', () => {
    const draft = importHtml(
      '<html><body><p>The minister said that the talks had been useful and would continue next month.</p></body></html>',
      { fileName: '/tmp/saved/talks-report.html' },
    );
    assert.equal(draft.title, 'talks-report');
    assert.equal(
      draft.text,
      'The minister said that the talks had been useful and would continue next month.',
    );
    assert.equal(draft.source, '');
    assert.equal(draft.url, '');
  });
});

describe('metadata from the page head', () => {
  const page = (head: string, body = '') =>
    importHtml(
      `<!doctype html><html><head>${head}</head><body><article><h1>Talks resume in Geneva</h1>${body}<p>Negotiators from both sides returned to Geneva on Monday for a third round of talks on the proposal, officials said.</p></article></body></html>`,
    );

  test('JSON-LD in a @graph gives headline, date, author and publisher', () => {
    const draft = page(
      `<title>Talks | Site</title><script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Ignored"},{"@type":["NewsArticle"],"headline":"Geneva talks resume","datePublished":"2010-03-01T08:05:00Z","author":[{"@type":"Person","name":"A. Writer"},{"@type":"Person","name":"B. Writer"}],"publisher":{"@type":"Organization","name":"Geneva Daily"},"url":"https://geneva-daily.example/talks"}]}</script>`,
    );
    assert.equal(draft.title, 'Geneva talks resume');
    assert.equal(draft.published, '2010-03-01T08:05');
    assert.equal(draft.byline, 'A. Writer, B. Writer');
    assert.equal(draft.source, 'Geneva Daily');
    assert.equal(draft.url, 'https://geneva-daily.example/talks');
  });

  test('a broken JSON-LD block does not stop Open Graph from counting', () => {
    const draft = page(
      `<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script><meta property="og:title" content="Talks resume in Geneva"><meta property="og:site_name" content="Lakeside Post"><meta property="article:published_time" content="2010-03-01">`,
    );
    assert.equal(draft.title, 'Talks resume in Geneva');
    assert.equal(draft.source, 'Lakeside Post');
    assert.equal(draft.published, '2010-03-01');
    assert.ok(draft.text.startsWith('Negotiators from both sides'));
  });

  test('a <time> marked as the publication date wins over an earlier one', () => {
    const draft = page(
      '',
      '<p><time datetime="2010-02-27">Updated Saturday</time> <time itemprop="datePublished" datetime="2010-02-26T17:40+01:00">Friday</time></p>',
    );
    assert.equal(draft.published, '2010-02-26T17:40');
  });
});

describe('titles', () => {
  test('the site name is cut from either end of a title', () => {
    assert.equal(stripSiteFromTitle('Talks resume | Lakeside Post', ['Lakeside Post']), 'Talks resume');
    assert.equal(stripSiteFromTitle('Lakeside Post - Talks resume', ['Lakeside Post']), 'Talks resume');
    assert.equal(
      stripSiteFromTitle('Talks resume — lakeside.example', ['', 'lakeside.example']),
      'Talks resume',
    );
  });

  test('short sections after bars go, but a title that is only the site stays', () => {
    assert.equal(stripSiteFromTitle('Talks resume in Geneva | World | Post', []), 'Talks resume in Geneva');
    assert.equal(stripSiteFromTitle('Lakeside Post', ['Lakeside Post']), 'Lakeside Post');
    assert.equal(
      stripSiteFromTitle('Miliband: bilateral differences will not obscure our relationship', ['RT']),
      'Miliband: bilateral differences will not obscure our relationship',
    );
  });
});

describe('size', () => {
  test('a page over the limit is refused before it is parsed', () => {
    const huge = '<p>' + 'a'.repeat(20_000_001) + '</p>';
    assert.throws(
      () => importHtml(huge, { fileName: 'huge.html' }),
      (error: unknown) => error instanceof ParleyError && error.code === 'too-large',
    );
  });

  test('a generated 5 MB page imports whole', () => {
    const paragraph = (i: number) =>
      `<p>Paragraph ${i}: the delegations met again on enrichment, and the minister said the talks had been “useful and frank”.</p>\n`;
    const parts: string[] = [];
    let length = 0;
    let count = 0;
    while (length < 5 * 1024 * 1024) {
      const part = (count % 100 === 0 ? `<h2>Session ${count / 100 + 1}</h2>\n` : '') + paragraph(count);
      parts.push(part);
      length += part.length;
      count++;
    }
    const html = `<!doctype html><html><head><title>Transcript | Archive</title></head><body><nav><a href="/">Home</a></nav><article><h1>Full transcript of the Geneva round</h1>${parts.join('')}</article></body></html>`;
    const draft = importHtml(html, { fileName: 'transcript.html' });
    assert.equal(draft.title, 'Full transcript of the Geneva round');
    const texts = paragraphs(draft);
    assert.equal(texts.filter((text) => text.startsWith('Paragraph ')).length, count);
    assert.equal(texts.filter((text) => text.startsWith('Session ')).length, Math.ceil(count / 100));
    assert.equal(
      texts.at(-1),
      `Paragraph ${count - 1}: the delegations met again on enrichment, and the minister said the talks had been “useful and frank”.`,
    );
  });
});
