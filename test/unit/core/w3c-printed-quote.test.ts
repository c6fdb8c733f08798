// A quote another tool took from a PDF's printed lines, with only a TextQuoteSelector: the line break and the
// hyphen that broke a word, ligatures and soft hyphens as printed. It anchors on the words as Parley's PDF reader
// reads them, and only where one place fits; a quote that is not in the text is still refused. Test text written
// for Parley, not real reporting.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { importW3C } from '../../../main/core/w3c';
import { emptyNotebook, type Notebook } from '../../../shared/model';
import { makeDocument } from './fixtures';

const NOW = new Date('2026-12-05T12:00:00.000Z');
const PARAGRAPHS = [
  'The delegates agreed that the final negotiations would resume in Tromsø next spring.',
  'A well-known envoy said the offer was not enough, and the talks on the treaty ended.',
  'The talks on the treaty resumed the next day.',
];

function notebook(): Notebook {
  const nb = emptyNotebook();
  const doc = makeDocument('pdf', PARAGRAPHS, { format: 'pdf', pageStarts: [0, 86] });
  nb.documents.push(doc);
  return nb;
}

function quoteOnly(exact: string, context: { prefix?: string; suffix?: string } = {}): unknown {
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'Annotation',
    id: 'urn:uuid:6f1c0b8e-4c1a-4a8e-9d3b-000000000001',
    body: [],
    target: { selector: { type: 'TextQuoteSelector', exact, ...context } },
  };
}

function anchored(exact: string, context: { prefix?: string; suffix?: string } = {}): string {
  const nb = notebook();
  const result = importW3C(nb, quoteOnly(exact, context), { now: NOW, documentId: 'pdf' });
  assert.deepEqual(result.errors, []);
  const { start, end } = result.annotations[0]!.target;
  return nb.documents[0]!.text.slice(start, end);
}

describe('a quote as printed on a PDF page', () => {
  test('a word broken by a hyphen across a line break, with a ligature, anchors on the word as read', () => {
    assert.equal(
      anchored('agreed that the \ufb01nal nego-\ntiations would resume in Tromsø'),
      'agreed that the final negotiations would resume in Tromsø',
    );
    assert.equal(
      anchored('the final nego- tiations would'),
      'the final negotiations would',
      'the line break as a space',
    );
    assert.equal(
      anchored('the final nego-tiations would'),
      'the final negotiations would',
      'the line break taken out',
    );
    assert.equal(anchored('the final negotia\u00ad\ntions would'), 'the final negotiations would');
  });

  test('a compound broken at its own hyphen keeps it, and a line break is any space', () => {
    assert.equal(anchored('A well-\nknown envoy said the\noffer'), 'A well-known envoy said the offer');
  });

  test('a quote in two places is anchored by its context, and refused without it', () => {
    const nb = notebook();
    const text = nb.documents[0]!.text;
    for (const [context, place] of [
      [{ suffix: ' resumed the' }, text.indexOf('talks on the treaty resumed')],
      [{ prefix: 'and the\n' }, text.indexOf('talks on the treaty ended')],
    ] as const) {
      const result = importW3C(nb, quoteOnly('talks on the\ntreaty', context), {
        now: NOW,
        documentId: 'pdf',
      });
      assert.deepEqual(result.errors, []);
      assert.equal(result.annotations[0]!.target.start, place);
      assert.equal(result.annotations[0]!.target.exact, 'talks on the treaty');
    }
    const bare = importW3C(notebook(), quoteOnly('talks on the\ntreaty'), { now: NOW, documentId: 'pdf' });
    assert.equal(bare.annotations.length, 0);
    assert.match(bare.errors[0]!, /fits 2 places/);
  });

  test('words that are not in the text are refused, and the refusal cites the page', () => {
    const result = importW3C(
      notebook(),
      quoteOnly('agreed that the final nego-\ntiations would stop in Oslo'),
      {
        now: NOW,
        documentId: 'pdf',
      },
    );
    assert.equal(result.annotations.length, 0);
    assert.match(result.errors[0]!, /on p\. 1/);
    assert.doesNotMatch(result.errors[0]!, /¶/);
  });
});
