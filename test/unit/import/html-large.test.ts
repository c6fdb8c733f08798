// A large saved news page, with the furniture of a real one (menus, inline scripts and styles, SVG icons, comments,
// adverts in iframes and related-link boxes between the paragraphs, a comment thread, a footer): every paragraph of
// the article comes through in order and none of the furniture does. How long it takes is measured elsewhere.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { importHtml } from '../../../main/import/html';
import { makeLargePage } from '../../../scripts/make-large-page';

describe('a large saved news page', () => {
  const page = makeLargePage(3);
  const draft = importHtml(page.html, { fileName: 'geneva-talks.html' });
  const texts = draft.blocks.map((block) => draft.text.slice(block.start, block.end));

  test('is the size it claims, with its furniture in it', () => {
    assert.ok(page.html.length > 3_000_000, `the page has ${page.html.length} characters`);
    assert.ok(page.paragraphs.length > 1000, `the page has ${page.paragraphs.length} paragraphs`);
    for (const marker of page.furnitureMarkers) {
      assert.ok(page.html.includes(marker), `the page carries ${marker}`);
    }
  });

  test('keeps the metadata the page declares', () => {
    assert.equal(draft.title, page.title);
    assert.equal(draft.source, page.site);
    assert.equal(draft.byline, page.byline);
    assert.equal(draft.published, page.published);
    assert.equal(draft.url, page.url);
  });

  test('keeps every paragraph and heading of the article, in order', () => {
    const paragraphs = new Set(page.paragraphs);
    assert.deepEqual(
      texts.filter((text) => paragraphs.has(text)),
      page.paragraphs,
    );
    assert.deepEqual(
      draft.blocks
        .filter((block) => block.kind === 'heading')
        .map((block) => draft.text.slice(block.start, block.end)),
      page.headings,
    );
  });

  test('leaves out all the furniture: only the article and its picture captions remain', () => {
    for (const marker of page.furnitureMarkers) {
      assert.ok(!draft.text.includes(marker), `${marker} is in the imported text`);
    }
    const known = new Set([...page.paragraphs, ...page.headings]);
    const others = new Set(texts.filter((text) => !known.has(text)));
    assert.deepEqual([...others], ['Delegates arrive at the Palais des Nations. Photograph: Agency']);
    assert.doesNotMatch(draft.text, /Advertisement|Recommend|googletag|window\.__APP_STATE__|css-/);
  });
});
