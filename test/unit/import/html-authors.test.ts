// A web page's authors for citing come from the author its metadata states (JSON-LD, <meta name="author">,
// article:author that is a name), read as citations write them; a byline in the text alone gives none. Pages and
// names written for Parley's tests, not real reporting.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { importHtml } from '../../../main/import/html';

const BODY = `<article><h1>Harbour rebuilt after the storm</h1>
<p>By Karin Holm</p>
${'<p>The quay at the north harbour was rebuilt over the spring, and the ferries returned to their old berths in May after two years at the temporary pier across the bay.</p>'.repeat(4)}
</article>`;

function page(head: string, body = BODY): string {
  return `<!doctype html><html><head><title>Harbour rebuilt after the storm</title>${head}</head><body>${body}</body></html>`;
}

describe('web page authors', () => {
  test('<meta name="author"> gives the citation author, "Family, Given"; the byline is kept', () => {
    const draft = importHtml(page('<meta name="author" content="Karin Holm">'));
    assert.deepEqual(draft.authors, ['Holm, Karin']);
    assert.equal(draft.byline, 'Karin Holm');
  });

  test('JSON-LD authors, people and an organisation, each as a citation lists them', () => {
    const ld = JSON.stringify({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Harbour rebuilt after the storm',
      author: [
        { '@type': 'Person', name: 'Jan van der Berg' },
        { '@type': 'Person', name: 'Holm, Karin' },
        { '@type': 'Organization', name: 'Coastal Data Network' },
        { '@type': 'Person', url: 'https://example.org/staff/no-name' },
      ],
    });
    const draft = importHtml(
      page(`<script type="application/ld+json">${ld}</script><meta name="author" content="Someone Else">`),
    );
    assert.deepEqual(draft.authors, ['van der Berg, Jan', 'Holm, Karin', 'Coastal Data Network']);
  });

  test('article:author is read when it is a name, never when it is a profile address', () => {
    assert.deepEqual(importHtml(page('<meta property="article:author" content="Maria Svensson">')).authors, [
      'Svensson, Maria',
    ]);
    assert.equal(
      importHtml(page('<meta property="article:author" content="https://www.example.org/karin.holm">'))
        .authors,
      undefined,
    );
  });

  test('a byline in the text alone gives no citation authors', () => {
    const draft = importHtml(page(''));
    assert.equal(draft.authors, undefined);
  });
});
