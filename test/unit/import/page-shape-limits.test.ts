// The cheaper rules for pages whose shape would hold Readability for minutes: many empty elements (blank, no-break
// spaces, line breaks, punctuation alone), very deep nesting, and a page made mostly of furniture. Each page here was
// written for these tests; each must give the same article as the article alone, with the rule seen to apply.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { importHtml, readPageShape, MAX_EMPTY_ELEMENTS, MAX_NESTING } from '../../../main/import/html';

const PARAGRAPH =
  'This paragraph was written for a Parley test of page shapes; it has a sentence or two of real text, so that the extractor finds an article in it and keeps it whole.';
const ARTICLE = `<article><h1>Shape test</h1>${Array.from({ length: 8 }, (_, i) => `<p>${i}. ${PARAGRAPH}</p>`).join('')}</article>`;

function page(body: string): string {
  return `<!DOCTYPE html><html><head><title>Shape test</title></head><body>${body}</body></html>`;
}

const alone = importHtml(page(ARTICLE), { fileName: 'alone.html' }).text;

describe('pages past the shape limits', () => {
  for (const [name, filler] of [
    ['no-break spaces', '<p>&nbsp;</p>'],
    ['line breaks', '<p><br></p>'],
    ['punctuation alone', '<p>.</p>'],
  ] as const) {
    test(`an article among paragraphs of ${name} is read without them`, () => {
      const html = page(ARTICLE + filler.repeat(MAX_EMPTY_ELEMENTS + 1000));
      assert.equal(readPageShape(html).droppedEmpty, MAX_EMPTY_ELEMENTS + 1000);
      assert.equal(importHtml(html, { fileName: 'filled.html' }).text, alone);
    });
  }

  test('under the limit, empty paragraphs are left to Readability as before', () => {
    assert.equal(readPageShape(page(ARTICLE + '<p>&nbsp;</p>'.repeat(100))).droppedEmpty, 0);
  });

  test('a page of only empty paragraphs is refused as empty, not as furniture', () => {
    assert.throws(
      () =>
        importHtml(page('<p>&nbsp;</p><p><br></p>'.repeat(MAX_EMPTY_ELEMENTS)), { fileName: 'blank.html' }),
      (error: Error) =>
        /"blank\.html" has no text to read: .* elements are all empty/.test(error.message) &&
        !/furniture/.test(error.message),
    );
  });

  test('an article nested thousands of wrappers deep is unwrapped and read', () => {
    const depth = MAX_NESTING * 30;
    const html = page('<div>'.repeat(depth) + ARTICLE + '</div>'.repeat(depth));
    assert.ok(readPageShape(html).unwrapped >= depth - MAX_NESTING);
    assert.equal(importHtml(html, { fileName: 'deep.html' }).text, alone);
  });

  test('a page made mostly of menus and footers is read without them', () => {
    const menu = `<nav><ul>${'<li><a href="/s">Section</a></li>'.repeat(1000)}</ul></nav>`;
    const html = page(menu.repeat(6) + ARTICLE + `<footer>${menu}</footer>`.repeat(6));
    assert.ok(readPageShape(html).droppedFurniture >= 12);
    assert.equal(importHtml(html, { fileName: 'menus.html' }).text, alone);
  });
});
