// Every known script-injection vector of the corpus (test/fixtures/xss), embedded in an article page three ways —
// in the head, between paragraphs and inside a paragraph — and taken through the real HTML import: the import
// either gives a well-formed document or refuses with a ParleyError, never anything else; the article's words
// survive; and nothing the page held as code (script and style bodies, event handler attributes, javascript:,
// vbscript: and data: addresses) comes through into the text unless the page itself showed it as words.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { importHtml } from '../../../main/import/html';
import { ParleyError } from '../../../shared/model';
import type { DocumentDraft } from '../../../main/core/import-text';

interface Payload {
  title: string;
  payload: string;
}

function corpus(name: string): { payloads?: Payload[]; html?: Payload[] } {
  return JSON.parse(readFileSync(new URL(`../../fixtures/xss/${name}`, import.meta.url), 'utf8')) as {
    payloads?: Payload[];
    html?: Payload[];
  };
}

const CLASSICS = corpus('classics.json').payloads ?? [];
const VECTORS = corpus('vectors.json').html ?? [];

const OPENING =
  'The committee met on Tuesday to weigh the proposal for a new bridge across the estuary, and its members heard ' +
  'from engineers, fishermen and the harbour authority about tides, costs and the shipping lanes.';
const MIDDLE =
  'The fishermen warned that the piers would change the currents near the harbour mouth, and asked for a survey ' +
  'of the sandbanks before any work began on either shore of the estuary.';
const CLOSING =
  'The harbour authority promised a full report before the summer, with the costs of each design and the ' +
  'effect of each on the shipping lanes set out side by side for the committee.';

function page(payload: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Bridge over the estuary</title>
${payload}
</head><body>
<article>
<h1>Bridge over the estuary</h1>
<p>${OPENING}</p>
${payload}
<p>${MIDDLE} ${payload} The engineers answered that the survey was already under way.</p>
<p>${CLOSING}</p>
</article>
</body></html>`;
}

const squash = (text: string) => text.replace(/\s+/g, ' ');

const ACTIVE_SCHEME = /^(?:javascript|vbscript|data):/i;
const CODE_CONTENT = new Set(['script', 'style', 'template']);
/**
 * Elements whose words the importer leaves out by design, with everything in them: its own list (main/import/
 * html.ts) and the raw-text elements whose contents DOMPurify drops (xmp, noembed, noframes, plaintext, title).
 */
const LEFT_OUT = new Set(
  `script style noscript template svg math iframe frame frameset object embed applet video audio canvas picture img
  map form input button select option textarea dialog link meta base xmp noembed noframes plaintext title`.split(
    /\s+/,
  ),
);

/**
 * What the page holds, read with the parser the importer uses: its code (script and style bodies, event handler
 * values, javascript:/vbscript:/data: addresses); the words a browser would show (every text node outside script,
 * style and template), which may legitimately quote such code; and the words the importer is meant to keep (those
 * outside the elements it leaves out).
 */
function readPage(html: string): { code: string[]; shown: string; kept: string } {
  const window = new JSDOM(html).window;
  const code: string[] = [];
  let shown = '';
  let kept = '';
  const visit = (node: Node, hidden: boolean, dropped: boolean) => {
    if (node.nodeType === 3) {
      if (!hidden) shown += ` ${node.nodeValue ?? ''}`;
      if (!dropped) kept += ` ${node.nodeValue ?? ''}`;
      return;
    }
    if (node.nodeType === 1) {
      const element = node as Element;
      const name = element.localName.toLowerCase();
      if (CODE_CONTENT.has(name)) code.push(element.textContent ?? '');
      for (const attribute of element.attributes) {
        const bare = attribute.value.replace(/[\s\p{Cc}]/gu, '');
        if (/^on/i.test(attribute.name) || ACTIVE_SCHEME.test(bare)) code.push(attribute.value);
      }
      hidden ||= CODE_CONTENT.has(name);
      dropped ||= LEFT_OUT.has(name);
      if (name === 'template') visit((element as HTMLTemplateElement).content, true, true);
    }
    for (let child = node.firstChild; child !== null; child = child.nextSibling)
      visit(child, hidden, dropped);
  };
  visit(window.document, false, false);
  window.close();
  return {
    code: code.map((text) => text.trim()).filter((text) => text.length >= 8),
    shown: squash(shown),
    kept: squash(kept),
  };
}

function importPage(html: string): DocumentDraft | ParleyError {
  try {
    return importHtml(html, { fileName: 'hostile.html' });
  } catch (error) {
    if (error instanceof ParleyError) return error;
    throw error;
  }
}

function check(entry: Payload): void {
  const html = page(entry.payload);
  const { code, shown, kept } = readPage(html);
  const result = importPage(html);
  if (result instanceof ParleyError) {
    // Refused with a message for the user, and only when the page, as parsed, has no article words to keep: some
    // payloads (an unclosed <style> in the head, a <frameset>) swallow the whole page, in a browser too.
    assert.equal(result.code, 'invalid');
    assert.match(result.message, /has no article text to read/);
    assert.ok(!kept.includes(OPENING), `refused a page whose article is there: ${result.message}`);
    return;
  }
  const draft = result;

  // A document of plain text and blocks that cover it exactly.
  assert.equal(draft.format, 'html');
  const texts = draft.blocks.map((block) => draft.text.slice(block.start, block.end));
  assert.equal(texts.join('\n\n'), draft.text);
  assert.ok(draft.url === '' || /^https?:\/\//.test(draft.url), `url ${draft.url}`);

  // The article's opening paragraph, before the payload in the body, is read whole wherever the parser left it
  // as words to keep (an unclosed element in the head may have taken it).
  const text = squash(draft.text);
  if (kept.includes(OPENING)) assert.ok(text.includes(OPENING), 'the opening paragraph is kept');

  // Nothing that was code in the page is words in the document, unless the page showed it as words too.
  for (const piece of code) {
    const flat = squash(piece).trim();
    if (text.includes(flat))
      assert.ok(shown.includes(flat), `code came through as text: ${JSON.stringify(flat)}`);
  }
  // The cheat-sheet marker: a call that no vector shows as words.
  if (!shown.includes('__pwned')) assert.doesNotMatch(draft.text, /__pwned/);
}

describe('hostile HTML through the real page import', () => {
  test('the corpus is there', () => {
    assert.ok(CLASSICS.length >= 40, `${CLASSICS.length} classic bypass payloads`);
    assert.ok(VECTORS.length >= 60, `${VECTORS.length} cheat-sheet vectors`);
  });

  for (const [name, entries] of [
    ['classic bypasses', CLASSICS],
    ['cheat sheet', VECTORS],
  ] as const) {
    test(`${name}: every payload imports as plain text, or is refused with a ParleyError`, () => {
      const failures: string[] = [];
      for (const entry of entries) {
        try {
          check(entry);
        } catch (error) {
          failures.push(`${entry.title}: ${(error as Error).message.split('\n')[0]}`);
        }
      }
      assert.deepEqual(failures, []);
    });
  }

  test('the checks bite: code kept as words, or an article refused, would fail them', () => {
    const html = page(
      `<p>SAFE-WORDS</p><img src=x onerror="__pwned('direct')"><script>__pwned('script')</script>`,
    );
    const draft = importHtml(html);
    assert.match(draft.text, /SAFE-WORDS/);
    assert.doesNotMatch(draft.text, /__pwned/);
    const { code, shown, kept } = readPage(html);
    // Twice each (head and body; the paragraph's copy is inside <p>, a third).
    assert.equal(code.filter((piece) => piece === "__pwned('direct')").length, 3);
    assert.equal(code.filter((piece) => piece === "__pwned('script')").length, 3);
    assert.ok(!shown.includes('__pwned'));
    assert.ok(kept.includes(OPENING) && kept.includes(MIDDLE));
    // A page whose words are all inside elements the importer leaves out is refused, and the reference agrees.
    const swallowed = page('<b><style>');
    assert.ok(!readPage(swallowed).kept.includes(OPENING));
    assert.throws(() => importHtml(swallowed), ParleyError);
  });
});
