// Find in the full text: every occurrence of a term as a browser's Ctrl+F finds it (inside words, folded),
// several terms in one paragraph, phrases across any whitespace, exact offsets that fold to the term, the index
// cached per document object, and all of one document's ranges for marking them in the text.
// The texts below were written for these tests.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { MAX_SEARCH_RANGES, parseQuery, search } from '../../../main/core/search';
import { buildTextIndex, textIndexOf, textMatches } from '../../../main/core/text-search';
import { addSampleDocument } from '../../../main/core/notebook';
import { emptyNotebook, type Notebook, type SearchHit } from '../../../shared/model';
import { makeDocument } from './fixtures';
import { runs } from '../properties/seed';

const folds = (s: string) => parseQuery(`"${s}"`)[0] ?? '';

function textHits(nb: Notebook, query: string, extra: Record<string, unknown> = {}) {
  return search(nb, { query, limit: 10_000, ...extra }).groups.flatMap((g) =>
    g.hits
      .filter((h): h is SearchHit & { start: number; end: number } => h.kind === 'text')
      .map((h) => ({ documentId: g.documentId, start: h.start, end: h.end, hit: h })),
  );
}

function notebookOf(...docs: ReturnType<typeof makeDocument>[]): Notebook {
  const nb = emptyNotebook();
  nb.documents.push(...docs);
  return nb;
}

describe('text search: matching', () => {
  const doc = makeDocument('a', [
    'Talks on extradition stalled; the EXTRADITION request was refused.',
    'A tradition of frank talks, said the minister in a café near the Kremlin.',
    'The minister\u2019s aide said: \u201cno comment\u201d on extradition.',
  ]);
  const nb = () => notebookOf(doc);

  test('one term: every occurrence, inside words too, case and accents folded, exact offsets', () => {
    const hits = textHits(nb(), 'tradition');
    assert.deepEqual(
      hits.map((h) => doc.text.slice(h.start, h.end)),
      ['tradition', 'TRADITION', 'tradition', 'tradition'],
    );
    assert.deepEqual(
      textHits(nb(), 'CAFE').map((h) => doc.text.slice(h.start, h.end)),
      ['café'],
    );
    assert.deepEqual(
      textHits(nb(), "minister's").map((h) => doc.text.slice(h.start, h.end)),
      ['minister\u2019s'],
    );
    const [first] = hits;
    assert.equal(first!.hit.snippet.slice(first!.hit.matchStart, first!.hit.matchEnd), 'tradition');
  });

  test('letters NFKD leaves whole are folded as a reader reads them, and each hit is still the original letters', () => {
    const letters = makeDocument('l', [
      'Written for the project: Łukasz met Ødegaard on the Straße by the Æsir hall; Œuvre, Đorđe, Dıyar and Þór came too.',
    ]);
    const found = (query: string) =>
      textHits(notebookOf(letters), query).map((h) => letters.text.slice(h.start, h.end));
    assert.deepEqual(found('lukasz'), ['Łukasz']);
    assert.deepEqual(found('strasse'), ['Straße']);
    assert.deepEqual(found('odegaard'), ['Ødegaard']);
    assert.deepEqual(found('aesir'), ['Æsir']);
    assert.deepEqual(found('oeuvre'), ['Œuvre']);
    assert.deepEqual(found('dorde'), ['Đorđe']);
    assert.deepEqual(found('diyar'), ['Dıyar']);
    assert.deepEqual(found('thor'), ['Þór']);
    // A match that would end inside "ß" (folded to "ss") is no hit: the slice would not be the term.
    assert.deepEqual(found('stras'), []);
  });

  test('several terms: every term in one paragraph, then each occurrence of each term there is a hit', () => {
    // "talks" and "extradition" share only the first paragraph; "minister" and "said" share the second and third.
    const hits = textHits(nb(), 'talks extradition');
    assert.deepEqual(
      hits.map((h) => doc.text.slice(h.start, h.end)),
      ['Talks', 'extradition', 'EXTRADITION'],
    );
    assert.equal(textHits(nb(), 'kremlin refused').length, 0);
    assert.deepEqual(
      textHits(nb(), 'said minister').map((h) => doc.text.slice(h.start, h.end)),
      ['said', 'minister', 'minister', 'said'],
    );
  });

  test('a quoted phrase is one term, its spaces matching any whitespace, never across paragraphs', () => {
    const spaced = makeDocument('b', ['out  of\nthe question', 'ends with out', 'of the question']);
    const hits = textHits(notebookOf(spaced), '"out of the question"');
    assert.deepEqual(
      hits.map((h) => spaced.text.slice(h.start, h.end)),
      ['out  of\nthe question'],
    );
    // "out" ends the second paragraph and "of the question" starts the third: no hit across them.
    assert.equal(textHits(notebookOf(spaced), '"with out of"').length, 0);
    assert.deepEqual(
      textHits(notebookOf(doc), '"no comment"').map((h) => doc.text.slice(h.start, h.end)),
      ['no comment'],
    );
  });

  test('a match may not begin or end inside one character: ligatures and astral characters stay whole', () => {
    const odd = makeDocument('c', ['The \ufb01nal o\ufb03ce \ud835\udc00lpha cafe\u0301 end']);
    const slice = (q: string) => textHits(notebookOf(odd), q).map((h) => odd.text.slice(h.start, h.end));
    assert.deepEqual(slice('final'), ['\ufb01nal']);
    assert.deepEqual(slice('office'), ['o\ufb03ce']);
    // "ﬃ" folds to "ffi": "fic" would start inside it.
    assert.deepEqual(slice('fice'), []);
    assert.deepEqual(slice('alpha'), ['\ud835\udc00lpha']);
    assert.deepEqual(slice('café'), ['cafe\u0301']);
  });

  test('the occurrences of one term do not overlap; text hits follow the fields, in text order', () => {
    const nb = notebookOf(makeDocument('d', ['aaaa aaa']));
    const hits = textHits(nb, 'aa');
    assert.deepEqual(
      hits.map((h) => [h.start, h.end]),
      [
        [0, 2],
        [2, 4],
        [5, 7],
      ],
    );
    const withTitle = search(notebookOf(doc), { query: 'talks' });
    assert.deepEqual(
      withTitle.groups[0]!.hits.map((h) => h.kind),
      ['title', 'text', 'text'],
    );
  });

  test('for any text of words and any term cut from it, each hit is exact and a plain scan finds as many', (t) => {
    const word = fc.stringMatching(/^[A-Za-zÀ-ÿ'’]{1,8}$/);
    fc.assert(
      fc.property(
        fc.array(fc.array(word, { minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 5 }),
        fc.nat(),
        fc.nat(),
        fc.nat(),
        (paragraphs, pick, from, length) => {
          const texts = paragraphs.map((p) => p.join(' '));
          const doc = makeDocument('p', texts);
          const source = texts[pick % texts.length]!;
          const at = from % source.length;
          const raw = source.slice(at, at + 1 + (length % 6)).trim();
          const term = folds(raw);
          if (term === '' || raw.includes(' ')) return;
          const hits = textMatches(buildTextIndex(doc.text, doc.blocks), [term]);
          for (const h of hits) assert.equal(folds(doc.text.slice(h.start, h.end)), term);
          // Every character folds to one (Latin-1 letters, quotes), so a plain scan counts the same.
          const expected = texts.reduce((n, p) => n + folds(p).split(term).length - 1, 0);
          assert.equal(hits.length, expected);
        },
      ),
      runs(t, 200),
    );
  });
});

describe('text search: the index and the results', () => {
  test('the index is built once per document object and rebuilt for a new or changed text', () => {
    const doc = makeDocument('a', ['First text about visas.']);
    const index = textIndexOf(doc);
    assert.equal(textIndexOf(doc), index);
    const visas = index.tokens.indexOf('visas.');
    assert.ok(visas >= 0);
    assert.deepEqual(index.postings[visas], [17]);
    assert.equal(index.dictionary, [...index.tokens].join('\n'));
    doc.text = 'Second text about trade.';
    doc.blocks = [{ kind: 'paragraph', start: 0, end: doc.text.length }];
    assert.notEqual(textIndexOf(doc), index);
    const nb = notebookOf(doc);
    assert.equal(textHits(nb, 'visas').length, 0);
    assert.equal(textHits(nb, 'trade').length, 1);
  });

  test('rangesFor gives every text hit of that document, beyond the limit; highlight filters give none', () => {
    const a = makeDocument(
      'a',
      Array.from({ length: 30 }, (_, i) => `Paragraph ${i} on visas and visas.`),
    );
    const b = makeDocument('b', ['Visas again.']);
    const nb = notebookOf(a, b);
    const results = search(nb, { query: 'visas', limit: 5, rangesFor: 'b' });
    // 60 + 1 in the texts, and the two titles (each a document's first paragraph).
    assert.equal(results.total, 63);
    assert.deepEqual(results.ranges, [[0, 5]]);
    assert.equal(results.rangesTotal, 1);
    const all = search(nb, { query: 'visas', limit: 5, rangesFor: 'a' });
    assert.equal(all.ranges!.length, 60);
    for (const [start, end] of all.ranges!) assert.equal(a.text.slice(start, end), 'visas');
    assert.equal(all.groups.flatMap((g) => g.hits).length, 5);
    assert.equal(search(nb, { query: 'visas' }).ranges, undefined);
    assert.deepEqual(search(nb, { query: 'visas', rangesFor: 'a', hasNote: true }).ranges, []);
    assert.ok(MAX_SEARCH_RANGES >= 1000);
  });

  test('on the sample, "extradition" is found four times in the text and "Lugovoy" without a highlight', () => {
    const text = readFileSync(new URL('../../../assets/sample-miliband-lavrov.txt', import.meta.url), 'utf8');
    const nb = emptyNotebook();
    const doc = addSampleDocument(nb, text, new Date(Date.UTC(2026, 10, 1)));
    const hits = textHits(nb, 'extradition');
    assert.equal(hits.length, 4);
    for (const h of hits) assert.match(doc.text.slice(h.start, h.end), /^extradition$/i);
    assert.ok(textHits(nb, 'Lugovoy').length >= 1);
    assert.equal(nb.annotations.length, 0);
  });
});
