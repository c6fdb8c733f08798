// Find across a notebook: accents and case ignored, every word required, phrases kept whole, hits grouped by
// document in library order with snippets that show the match, filters that narrow to highlights, and the same
// answers as a plain scan on a notebook of ten thousand highlights.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { makeSnippet, parseQuery, search, SNIPPET_LENGTH } from '../../../main/core/search';
import { emptyNotebook, type Notebook } from '../../../shared/model';
import { highlightMaker, makeDocument } from './fixtures';
import { runs } from '../properties/seed';

const highlight = highlightMaker({
  createdAt: '2026-11-02T00:00:00.000Z',
  updatedAt: '2026-11-02T00:00:00.000Z',
});

/** Two documents, three topics (one a look-alike sibling), two parties. Highlights added out of text order. */
function fixture() {
  const nb: Notebook = emptyNotebook();
  const rt = makeDocument(
    'rt',
    [
      'Speaking about the notorious Lugovoy case, Lavrov stated that his extradition to UK is absolutely out of the question.',
      'The horrific murder of Mr. Litvinenko in 2006 has been followed up by the British side.',
      'On Iran, both sides agreed the nuclear question is out of patience and time.',
    ],
    {
      title: 'Miliband: bilateral differences will not obscure our relationship',
      note: 'Read alongside the Élysée communiqué.',
    },
  );
  const bbc = makeDocument(
    'bbc',
    [
      'Ministers met over coffee at the CAFÉ near the Kremlin.',
      'The question of extradition was not raised.',
    ],
    { title: 'Café diplomacy in Moscow' },
  );
  nb.documents.push(rt, bbc);
  nb.topics.push(
    { id: 't-ext', path: 'extradition', colour: '', description: '' },
    { id: 't-iran', path: 'iran', colour: '', description: '' },
    { id: 't-nuc', path: 'Iran/nuclear', colour: '', description: '' },
    { id: 't-deal', path: 'iran-deal', colour: '', description: '' },
  );
  nb.parties.push(
    { id: 'uk', name: 'United Kingdom', short: 'UK', colour: '', aliases: [] },
    { id: 'ru', name: 'Russia', short: 'RU', colour: '', aliases: [] },
  );
  const iran = highlight(rt, 'On Iran, both sides agreed the nuclear question is out of patience and time.', {
    topicIds: ['t-nuc'],
    partyId: 'uk',
    note: 'Compare with the **Geneva** talks.',
  });
  const lugovoy = highlight(rt, 'his extradition to UK is absolutely out of the question', {
    topicIds: ['t-ext'],
    partyId: 'ru',
    note: 'Flat refusal.',
  });
  const murder = highlight(rt, 'The horrific murder of Mr. Litvinenko', {
    topicIds: ['t-ext'],
    partyId: 'uk',
  });
  const coffee = highlight(bbc, 'Ministers met over coffee at the CAFÉ', { topicIds: ['t-deal'] });
  const raised = highlight(bbc, 'The question of extradition was not raised.', { note: '   ' });
  nb.annotations.push(iran, lugovoy, coffee, murder, raised);
  return { nb, rt, bbc, iran, lugovoy, murder, coffee, raised };
}

/** The hits in titles, passages and notes (text hits, which every query also finds, are tested apart). */
function hitsOf(results: ReturnType<typeof search>) {
  return allHitsOf(results).filter((h) => h.kind !== 'text');
}

function allHitsOf(results: ReturnType<typeof search>) {
  return results.groups.flatMap((g) =>
    g.hits.map((h) => ({ documentId: g.documentId, kind: h.kind, annotationId: h.annotationId })),
  );
}

function matched(hit: { snippet: string; matchStart: number; matchEnd: number }): string {
  return hit.snippet.slice(hit.matchStart, hit.matchEnd);
}

describe('search: matching', () => {
  test('ignores case and accents in both directions, and marks the match in the snippet', () => {
    const { nb } = fixture();
    const results = search(nb, { query: 'cafe' });
    assert.deepEqual(hitsOf(results), [
      { documentId: 'bbc', kind: 'title', annotationId: null },
      { documentId: 'bbc', kind: 'passage', annotationId: hitsOf(results)[1]!.annotationId },
    ]);
    const [title, passage] = results.groups[0]!.hits;
    assert.equal(matched(title!), 'Café');
    assert.equal(matched(passage!), 'CAFÉ');
    // and the one place in the text: "CAFÉ" in the first paragraph of the second document.
    assert.equal(results.total, 3);

    const accented = search(nb, { query: 'ÉLYSÉE' });
    assert.deepEqual(hitsOf(accented), [{ documentId: 'rt', kind: 'document-note', annotationId: null }]);
    assert.equal(matched(accented.groups[0]!.hits[0]!), 'Élysée');
  });

  test('every word must occur in the same field; a word missing anywhere drops the hit', () => {
    const { nb, lugovoy, raised } = fixture();
    assert.deepEqual(hitsOf(search(nb, { query: 'extradition question' })), [
      { documentId: 'rt', kind: 'passage', annotationId: lugovoy.id },
      { documentId: 'bbc', kind: 'passage', annotationId: raised.id },
    ]);
    assert.deepEqual(hitsOf(search(nb, { query: 'extradition  question  lugovoy' })), []);
    // "refusal" is in the note only, "extradition" in the passage only: no field holds both.
    assert.deepEqual(hitsOf(search(nb, { query: 'refusal extradition' })), []);
    assert.deepEqual(hitsOf(search(nb, { query: 'REFUSAL' })), [
      { documentId: 'rt', kind: 'note', annotationId: lugovoy.id },
    ]);
  });

  test('a quoted phrase must occur as written, whatever the spacing and curly quotes', () => {
    const { nb, lugovoy, iran } = fixture();
    assert.deepEqual(hitsOf(search(nb, { query: '"out of the question"' })), [
      { documentId: 'rt', kind: 'passage', annotationId: lugovoy.id },
    ]);
    assert.deepEqual(hitsOf(search(nb, { query: '\u201cout  of\u201d patience' })), [
      { documentId: 'rt', kind: 'passage', annotationId: iran.id },
    ]);
    const phrase = search(nb, { query: '"question of extradition"' });
    assert.equal(matched(phrase.groups[0]!.hits[0]!), 'question of extradition');
    assert.deepEqual(parseQuery('  "Out of"  the "" IRAN "open'), ['out of', 'the', 'iran', 'open']);
  });

  test('groups follow the library order and hits the text order, title and document note first', () => {
    const { nb, rt, iran, lugovoy, murder } = fixture();
    const results = search(nb, { query: 'the' });
    assert.deepEqual(
      results.groups.map((g) => g.documentId),
      ['rt', 'bbc'],
    );
    assert.deepEqual(
      hitsOf(results).filter((h) => h.documentId === 'rt'),
      [
        { documentId: 'rt', kind: 'document-note', annotationId: null },
        { documentId: 'rt', kind: 'passage', annotationId: lugovoy.id },
        { documentId: 'rt', kind: 'passage', annotationId: murder.id },
        { documentId: 'rt', kind: 'passage', annotationId: iran.id },
        { documentId: 'rt', kind: 'note', annotationId: iran.id },
      ],
    );
    assert.equal(results.groups[0]!.title, rt.title);
    // Reordering the library reorders the groups.
    nb.documents.reverse();
    assert.deepEqual(
      search(nb, { query: 'the' }).groups.map((g) => g.documentId),
      ['bbc', 'rt'],
    );
  });

  test('an empty or blank query without filters finds nothing', () => {
    const { nb } = fixture();
    assert.deepEqual(search(nb, { query: '' }), { query: '', total: 0, groups: [] });
    assert.equal(search(nb, { query: '  "" ' }).total, 0);
  });

  test('a notebook edited in place or replaced is searched as it is now, not as cached', () => {
    const { nb, lugovoy } = fixture();
    assert.equal(search(nb, { query: 'geneva' }).total, 1);
    lugovoy.note = 'Same as Geneva.';
    assert.equal(search(nb, { query: 'geneva' }).total, 2);
    nb.annotations = nb.annotations.map((a) => (a.id === lugovoy.id ? { ...a, note: 'changed' } : a));
    assert.equal(search(nb, { query: 'geneva' }).total, 1);
    nb.documents[1]!.title = 'Tea in Moscow';
    assert.equal(search(nb, { query: 'cafe' }).groups[0]!.hits[0]!.kind, 'passage');
  });
});

describe('search: filters and limits', () => {
  test('a topic filter takes the topic and its subtopics, not a look-alike sibling', () => {
    const { nb, iran } = fixture();
    const results = search(nb, { query: '', topicId: 't-iran' });
    assert.deepEqual(hitsOf(results), [{ documentId: 'rt', kind: 'passage', annotationId: iran.id }]);
    assert.equal(search(nb, { query: 'coffee', topicId: 't-iran' }).total, 0);
    assert.equal(search(nb, { query: 'coffee', topicId: 't-deal' }).total, 1);
    assert.equal(search(nb, { query: '', topicId: 'no-such-topic' }).total, 0);
  });

  test('party, has-note and document filters narrow highlights; highlight filters drop title and note-of-document hits', () => {
    const { nb, murder, iran, lugovoy, raised, coffee } = fixture();
    assert.deepEqual(hitsOf(search(nb, { query: 'the', partyId: 'uk' })), [
      { documentId: 'rt', kind: 'passage', annotationId: murder.id },
      { documentId: 'rt', kind: 'passage', annotationId: iran.id },
      { documentId: 'rt', kind: 'note', annotationId: iran.id },
    ]);
    // A note of blanks is no note.
    assert.deepEqual(
      hitsOf(search(nb, { query: '', hasNote: true })).map((h) => h.annotationId),
      [lugovoy.id, iran.id],
    );
    assert.deepEqual(
      hitsOf(search(nb, { query: '', hasNote: false })).map((h) => h.annotationId),
      [murder.id, coffee.id, raised.id],
    );
    assert.deepEqual(
      hitsOf(search(nb, { query: 'cafe', documentId: 'bbc' })).map((h) => h.kind),
      ['title', 'passage'],
    );
    assert.equal(hitsOf(search(nb, { query: 'cafe', documentId: 'rt' })).length, 0);
    assert.deepEqual(
      hitsOf(search(nb, { query: '', documentId: 'bbc' })).map((h) => h.annotationId),
      [coffee.id, raised.id],
    );
  });

  test('an empty query with a filter lists the highlights, each with the start of its passage', () => {
    const { nb, lugovoy, murder } = fixture();
    const results = search(nb, { query: '', topicId: 't-ext' });
    assert.deepEqual(
      hitsOf(results).map((h) => h.annotationId),
      [lugovoy.id, murder.id],
    );
    const first = results.groups[0]!.hits[0]!;
    assert.ok(first.snippet.startsWith('his extradition'));
    assert.equal(first.matchStart, first.matchEnd);
  });

  test('total counts every hit; the groups hold only the first `limit`', () => {
    const { nb } = fixture();
    const all = search(nb, { query: 'the' });
    assert.equal(all.total, allHitsOf(all).length);
    const cut = search(nb, { query: 'the', limit: 3 });
    assert.equal(cut.total, all.total);
    assert.deepEqual(allHitsOf(cut), allHitsOf(all).slice(0, 3));
    assert.deepEqual(
      cut.groups.map((g) => g.documentId),
      ['rt'],
    );
    assert.equal(search(nb, { query: 'the', limit: 0 }).groups.length, 0);
  });
});

describe('search: snippets', () => {
  const long =
    'In the first part of a long and winding sentence the minister spoke about many things, then at last ' +
    'mentioned extradition before going on to talk about trade, visas, culture and much else besides.';

  test('about sixty characters around the first match, cut between words, with … where text was left out', () => {
    const s = makeSnippet(long, parseQuery('extradition'));
    assert.equal(matched(s), 'extradition');
    assert.ok(s.snippet.startsWith('…') && s.snippet.endsWith('…'), s.snippet);
    const inner = s.snippet.slice(1, -1);
    assert.ok(inner.length <= SNIPPET_LENGTH && inner.length >= SNIPPET_LENGTH - 20, s.snippet);
    assert.ok(long.includes(inner), 'whole words only');
    assert.ok(
      /\s/.test(long[long.indexOf(inner) - 1]!) && /\s/.test(long[long.indexOf(inner) + inner.length]!),
    );
  });

  test('the earliest match of any word wins; short text is shown whole, line breaks as spaces', () => {
    const s = makeSnippet('Trade,\n\nthen   extradition and trade', parseQuery('extradition trade'));
    assert.equal(s.snippet, 'Trade, then extradition and trade');
    assert.equal(matched(s), 'Trade');
  });

  test('matches over decomposed accents, ligatures and astral characters map back to whole characters', () => {
    const decomposed = 'Le cafe\u0301 de \ud835\udc00lpha et la \ufb01n.';
    assert.equal(matched(makeSnippet(decomposed, parseQuery('CAFÉ'))), 'cafe\u0301');
    assert.equal(matched(makeSnippet(decomposed, parseQuery('alpha'))), '\ud835\udc00lpha');
    assert.equal(matched(makeSnippet(decomposed, parseQuery('fin'))), '\ufb01n');
  });

  test('for any text and any word taken from it, the snippet marks text that folds to the word', (t) => {
    const word = fc.stringMatching(/^[A-Za-zÀ-ÿ]{1,12}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 40 }), fc.nat(), (words, pick) => {
        const text = words.join(' ');
        const term = words[pick % words.length]!;
        const [folded] = parseQuery(term);
        const s = makeSnippet(text, [folded!]);
        assert.equal(parseQuery(matched(s))[0], folded);
        assert.ok(s.snippet.replace(/^…|…$/g, '').length <= Math.max(SNIPPET_LENGTH, term.length));
      }),
      runs(t, 100),
    );
  });
});

describe('search: a large notebook', () => {
  const WORDS = [
    'treaty',
    'Kremlin',
    'sanctions',
    'Genève',
    'extradition',
    'visa',
    'nuclear',
    'Élysée',
    'trade',
  ];

  function generate(): Notebook {
    const nb = emptyNotebook();
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    const sentence = () =>
      Array.from({ length: 12 }, () => WORDS[next() % WORDS.length]! + (next() % 3 === 0 ? ',' : '')).join(
        ' ',
      );
    nb.topics.push(
      { id: 'p', path: 'policy', colour: '', description: '' },
      { id: 'p-n', path: 'policy/nuclear', colour: '', description: '' },
      { id: 'o', path: 'other', colour: '', description: '' },
    );
    let counter = 0;
    for (let d = 0; d < 100; d++) {
      const paragraphs = Array.from({ length: 100 }, sentence);
      const doc = makeDocument(`d${d}`, paragraphs, {
        title: `Document ${d} ${sentence()}`,
        note: d % 3 ? sentence() : '',
      });
      nb.documents.push(doc);
      for (let i = 0; i < 100; i++) {
        const block = doc.blocks[i]!;
        const start = block.start + (next() % 20);
        const end = Math.min(block.end, start + 30 + (next() % 40));
        counter += 1;
        nb.annotations.push({
          id: `g${counter}`,
          documentId: doc.id,
          target: { start, end, exact: doc.text.slice(start, end), prefix: '', suffix: '' },
          topicIds: [['p'], ['p-n'], ['o'], []][next() % 4]!,
          partyId: next() % 2 ? 'x' : null,
          stance: null,
          note: next() % 2 ? sentence() : '',
          links: [],
          createdAt: '2026-11-02T00:00:00.000Z',
          updatedAt: '2026-11-02T00:00:00.000Z',
        });
      }
    }
    return nb;
  }

  const plain = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

  test('100 documents × 100 highlights (10,000): the same hits as a plain scan', (t) => {
    const nb = generate();
    assert.equal(nb.annotations.length, 10_000);
    const queries = ['geneve', 'ELYSEE visa', '"nuclear trade"', 'kremlin sanctions treaty'];
    const started = performance.now();
    search(nb, { query: 'warm the cache' });
    const cold = performance.now() - started;
    for (const query of queries) {
      const terms = parseQuery(query);
      const has = (s: string) => terms.every((term) => plain(s).replace(/\s+/g, ' ').includes(term));
      let expected = 0;
      for (const doc of nb.documents)
        expected += (has(doc.title) ? 1 : 0) + (doc.note && has(doc.note) ? 1 : 0);
      for (const a of nb.annotations)
        expected += (has(a.target.exact) ? 1 : 0) + (a.note && has(a.note) ? 1 : 0);
      // The text: in each paragraph holding every term, each term's occurrences, counted by a plain scan.
      for (const doc of nb.documents) {
        for (const block of doc.blocks) {
          const paragraph = plain(doc.text.slice(block.start, block.end)).replace(/\s+/g, ' ');
          if (!terms.every((term) => paragraph.includes(term))) continue;
          for (const term of terms) expected += paragraph.split(term).length - 1;
        }
      }
      const began = performance.now();
      const results = search(nb, { query });
      const ms = performance.now() - began;
      t.diagnostic(
        `"${query}": ${results.total} hits in ${ms.toFixed(1)} ms (first query ${cold.toFixed(0)} ms)`,
      );
      assert.ok(expected > 0, `the generated notebook should contain ${query}`);
      t.diagnostic(`expected ${expected}`);
      assert.equal(results.total, expected);
      assert.equal(
        results.groups.reduce((n, g) => n + g.hits.length, 0),
        Math.min(200, expected),
      );
      for (const group of results.groups) {
        for (const hit of group.hits) {
          const shown = plain(matched(hit)).replace(/\s+/g, ' ');
          assert.ok(terms.includes(shown), `${shown} is one of ${terms.join(', ')}`);
        }
      }
    }
    const subtree = search(nb, { query: 'visa', topicId: 'p', partyId: 'x', hasNote: true, limit: 100_000 });
    const expected = nb.annotations.filter(
      (a) =>
        (a.topicIds.includes('p') || a.topicIds.includes('p-n')) &&
        a.partyId === 'x' &&
        a.note.trim() !== '' &&
        (plain(a.target.exact).includes('visa') || plain(a.note).includes('visa')),
    );
    const ids = new Set(hitsOf(subtree).map((h) => h.annotationId));
    assert.deepEqual(ids, new Set(expected.map((a) => a.id)));
  });
});
