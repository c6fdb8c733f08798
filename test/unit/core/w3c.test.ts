// The W3C Web Annotation export and import: the shape other tools read, code-point offsets at the boundary, a
// lossless round trip through our own files, and imports that report every bad annotation instead of throwing.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { describeRange } from '../../../main/core/anchoring';
import {
  LINK_TYPES,
  STANDARD_STANCES,
  emptyNotebook,
  type Annotation,
  type Notebook,
  type ParleyDocument,
  type Party,
} from '../../../shared/model';
import { annotationOn, makeDocument, sampleDocument } from './fixtures';
import { createParty } from '../../../main/core/parties';
import {
  EXPORT_CONTEXT,
  PARLEY_NAMESPACE,
  W3C_CONTEXT,
  applyW3CImport,
  exportW3C,
  importW3C,
  usablePart,
  type W3CImportMakers,
} from '../../../main/core/w3c';
import { runs } from '../properties/seed';

const NOW = new Date('2026-11-30T12:00:00.000Z');

function annotationAt(
  doc: ParleyDocument,
  id: string,
  start: number,
  end: number,
  extra: Partial<Omit<Annotation, 'target'>> = {},
): Annotation {
  return annotationOn(doc.id, describeRange(doc.text, start, end), {
    id,
    createdAt: '2026-11-02T10:00:00.000Z',
    updatedAt: '2026-11-03T09:30:00.000Z',
    ...extra,
  });
}

function annotationOf(
  doc: ParleyDocument,
  id: string,
  exact: string,
  extra: Partial<Omit<Annotation, 'target'>> = {},
) {
  const start = doc.text.indexOf(exact);
  assert.ok(start >= 0, `fixture quote not in text: ${exact}`);
  return annotationAt(doc, id, start, start + exact.length, extra);
}

function sampleNotebook(): Notebook {
  const nb = emptyNotebook();
  const doc = sampleDocument();
  nb.documents.push(doc);
  nb.topics.push(
    { id: 't-ext', path: 'extradition', colour: '#88ccee', description: '' },
    { id: 't-iran', path: 'iran/nuclear', colour: '#cc6677', description: 'IAEA, enrichment' },
  );
  nb.annotations.push(
    annotationOf(
      doc,
      '0b6f9a52-8a1e-4c44-9f0e-2b8f1c7c1a01',
      'his extradition to UK is absolutely out of the question',
      {
        topicIds: ['t-ext'],
        note: 'Flat refusal. Compare **¶13**.\n\n- Constitution\n- "no obstacles"',
      },
    ),
    annotationOf(doc, '0b6f9a52-8a1e-4c44-9f0e-2b8f1c7c1a02', 'he expects Iran to accept IAEA proposal', {
      topicIds: ['t-iran', 't-ext'],
    }),
  );
  return nb;
}

/** The notebook with the same documents (and, if asked, topics) but no highlights. */
function emptyCopy(nb: Notebook, keepTopics: boolean): Notebook {
  const copy = structuredClone(nb);
  copy.annotations = [];
  if (!keepTopics) copy.topics = [];
  return copy;
}

/** Code points before a UTF-16 offset, counted without the code under test. */
const codePoints = (s: string, utf16: number): number => Array.from(s.slice(0, utf16)).length;

interface Collection {
  '@context': unknown;
  type: string;
  total: number;
  first: { type: string; items: Record<string, unknown>[] };
}
const asCollection = (value: object): Collection => value as Collection;

const byId = (a: Annotation, b: Annotation) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Makers for an import that must find everything in the notebook already. */
const nothingToMake: W3CImportMakers = {
  createTopic: () => assert.fail('no topic should be created'),
  createParty: () => assert.fail('no party should be created'),
};

describe('exportW3C', () => {
  test('an AnnotationCollection with the annotations inline in its first page', () => {
    const nb = sampleNotebook();
    const doc = nb.documents[0]!;
    const collection = asCollection(exportW3C(nb, { documentId: doc.id, now: NOW }));
    assert.deepEqual(collection['@context'], [
      W3C_CONTEXT,
      {
        parley: 'urn:parley:ns:',
        dc: 'http://purl.org/dc/terms/',
        'dc:creator': { '@container': '@list' },
        'parley:aliases': { '@container': '@list' },
        'parley:links': { '@container': '@list' },
        'parley:annotation': { '@type': '@id' },
      },
    ]);
    assert.equal(collection.type, 'AnnotationCollection');
    assert.equal(collection.total, 2);
    assert.equal(collection.first.type, 'AnnotationPage');
    assert.equal(collection.first.items.length, 2);

    // Text order: the Iran passage (earlier paragraph) first.
    const [iran, ext] = collection.first.items;
    const a = nb.annotations[0]!;
    assert.deepEqual(ext, {
      '@context': EXPORT_CONTEXT,
      id: `urn:uuid:${a.id}`,
      type: 'Annotation',
      motivation: 'commenting',
      created: '2026-11-02T10:00:00.000Z',
      modified: '2026-11-03T09:30:00.000Z',
      body: [
        { type: 'TextualBody', purpose: 'tagging', value: 'extradition' },
        { type: 'TextualBody', purpose: 'commenting', format: 'text/markdown', value: a.note },
      ],
      target: {
        source: `urn:parley:document:${doc.id}`,
        'parley:document': {
          id: `urn:parley:document:${doc.id}`,
          'dc:title': doc.title,
          'dc:issued': '2009-11-02',
          'dc:isPartOf': 'RT',
        },
        selector: [
          {
            type: 'TextPositionSelector',
            start: codePoints(doc.text, a.target.start),
            end: codePoints(doc.text, a.target.end),
          },
          {
            type: 'TextQuoteSelector',
            exact: a.target.exact,
            prefix: a.target.prefix,
            suffix: a.target.suffix,
          },
        ],
      },
    });
    assert.equal(iran!.motivation, 'highlighting');
    assert.deepEqual(iran!.body, [
      { type: 'TextualBody', purpose: 'tagging', value: 'iran/nuclear' },
      { type: 'TextualBody', purpose: 'tagging', value: 'extradition' },
    ]);
  });

  test('all documents when none is named; an unknown document is refused', () => {
    const nb = sampleNotebook();
    const second = makeDocument('doc-2', ['Another article', 'With 😀 one passage.']);
    nb.documents.push(second);
    nb.annotations.push(annotationOf(second, 'c1', 'one passage'));
    const all = asCollection(exportW3C(nb, { now: NOW }));
    assert.equal(all.total, 3);
    const targets = all.first.items.map((i) => (i.target as { source: string }).source);
    assert.deepEqual(targets, [
      'urn:parley:document:doc-sample',
      'urn:parley:document:doc-sample',
      'urn:parley:document:doc-2',
    ]);
    assert.equal(asCollection(exportW3C(nb, { documentId: 'doc-2', now: NOW })).total, 1);
    assert.throws(() => exportW3C(nb, { documentId: 'missing', now: NOW }), /missing/);
  });

  test('positions count code points, not UTF-16 units', () => {
    const nb = emptyNotebook();
    const doc = makeDocument('d', ['🇬🇧 and 🇷🇺 talk 𝐛𝐨𝐥𝐝𝐥𝐲', 'Then 😀😀 the passage here.']);
    nb.documents.push(doc);
    nb.annotations.push(annotationOf(doc, 'x', 'the passage'));
    const item = asCollection(exportW3C(nb, { now: NOW })).first.items[0]!;
    const [position] = (item.target as { selector: { start: number; end: number }[] }).selector;
    const utf16Start = doc.text.indexOf('the passage');
    assert.ok(position!.start < utf16Start, 'astral characters before the passage count once each');
    assert.equal(position!.start, codePoints(doc.text, utf16Start));
    assert.equal(position!.end - position!.start, 'the passage'.length);

    // A highlight that no longer fits its text (it needs review) still exports, clamped, with its quote.
    nb.annotations[0]!.target = {
      ...nb.annotations[0]!.target,
      start: doc.text.length + 5,
      end: doc.text.length + 9,
    };
    const stale = asCollection(exportW3C(nb, { now: NOW })).first.items[0]!;
    const [pos, quote] = (stale.target as { selector: [{ start: number; end: number }, { exact: string }] })
      .selector;
    assert.deepEqual([pos.start, pos.end], [Array.from(doc.text).length, Array.from(doc.text).length]);
    assert.equal(quote.exact, 'the passage');
  });
});

describe('importW3C', () => {
  test('round trip: export, then import into an empty copy, gives back identical annotations', () => {
    const nb = sampleNotebook();
    const json = JSON.parse(JSON.stringify(exportW3C(nb, { now: NOW }))) as unknown;
    const copy = emptyCopy(nb, true);
    const result = importW3C(copy, json, { now: new Date('2030-01-01T00:00:00Z') });
    assert.deepEqual(result.errors, []);
    assert.deepEqual(result.topicsToCreate, []);
    assert.deepEqual([...result.annotations].sort(byId), [...nb.annotations].sort(byId));
    assert.equal(copy.annotations.length, 0, 'import does not write');
    const added = applyW3CImport(copy, result, nothingToMake);
    assert.deepEqual([...copy.annotations].sort(byId), [...nb.annotations].sort(byId));
    assert.equal(added.length, 2);
  });

  test('round trip into a notebook without the topics: they are created, then referred to', () => {
    const nb = sampleNotebook();
    const copy = emptyCopy(nb, false);
    const result = importW3C(copy, JSON.stringify(exportW3C(nb, { now: NOW })), { now: NOW });
    assert.deepEqual(result.errors, []);
    assert.deepEqual([...result.topicsToCreate].sort(), ['extradition', 'iran/nuclear']);
    const iranImport = result.annotations.find((a) => a.id.endsWith('02'))!;
    assert.deepEqual(iranImport.topicIds, ['path:iran/nuclear', 'path:extradition']);

    const created: string[] = [];
    applyW3CImport(copy, result, {
      ...nothingToMake,
      createTopic: (path) => {
        created.push(path);
        const topic = { id: `new-${created.length}`, path, colour: '#000000', description: '' };
        copy.topics.push(topic);
        return topic;
      },
    });
    assert.deepEqual(created.sort(), ['extradition', 'iran/nuclear']);
    const pathsOf = (n: Notebook, a: Annotation) =>
      a.topicIds.map((id) => n.topics.find((t) => t.id === id)!.path);
    for (const original of nb.annotations) {
      const back = copy.annotations.find((a) => a.id === original.id);
      assert.ok(back);
      assert.deepEqual(pathsOf(copy, back), pathsOf(nb, original));
      assert.deepEqual({ ...back, topicIds: [] }, { ...original, topicIds: [] });
    }
  });

  test('property: round trip with astral text, quotes and notes keeps every annotation exactly', (t) => {
    const chunk = fc.constantFrom(
      'a',
      'Z',
      ' ',
      '.',
      'é',
      'e\u0301',
      '😀',
      '🇬🇧',
      '𝄞',
      '中',
      '\u200d',
      '—',
      '"',
    );
    const paragraph = fc.array(chunk, { minLength: 1, maxLength: 25 }).map((c) => c.join(''));
    const topicPaths = ['extradition', 'iran/nuclear', 'eu/lisbon', 'Ρωσία 🇷🇺'];
    const arb = fc.record({
      paragraphs: fc.array(paragraph, { minLength: 1, maxLength: 5 }),
      highlights: fc.array(
        fc.record({
          a: fc.nat(),
          b: fc.nat(),
          note: fc.oneof(fc.constant(''), fc.string({ unit: 'grapheme', maxLength: 40 })),
          topics: fc.subarray(topicPaths),
          created: fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        }),
        { minLength: 1, maxLength: 6 },
      ),
    });
    fc.assert(
      fc.property(arb, ({ paragraphs, highlights }) => {
        const nb = emptyNotebook();
        const doc = makeDocument('d', paragraphs);
        nb.documents.push(doc);
        nb.topics.push(
          ...topicPaths.map((path, i) => ({ id: `t${i}`, path, colour: '#123456', description: '' })),
        );
        // Ranges fall on code point boundaries: offsets are chosen among the starts of code points.
        const boundaries = [0];
        for (const ch of doc.text) boundaries.push(boundaries[boundaries.length - 1]! + ch.length);
        highlights.forEach((h, i) => {
          let s = boundaries[h.a % boundaries.length]!;
          let e = boundaries[h.b % boundaries.length]!;
          if (s > e) [s, e] = [e, s];
          if (s === e) return;
          nb.annotations.push(
            annotationAt(doc, `id-${i}`, s, e, {
              note: h.note,
              topicIds: h.topics.map((p) => `t${topicPaths.indexOf(p)}`),
              createdAt: h.created.toISOString(),
              updatedAt: h.created.toISOString(),
            }),
          );
        });
        fc.pre(nb.annotations.length > 0);

        const exported = asCollection(exportW3C(nb, { documentId: 'd', now: NOW }));
        for (const item of exported.first.items) {
          const original = nb.annotations.find((a) => `urn:uuid:${a.id}` === item.id)!;
          const [pos, quote] = (
            item.target as { selector: [{ start: number; end: number }, { exact: string }] }
          ).selector;
          assert.equal(pos.start, codePoints(doc.text, original.target.start));
          assert.equal(pos.end, codePoints(doc.text, original.target.end));
          assert.equal(Array.from(doc.text).slice(pos.start, pos.end).join(''), quote.exact);
        }

        const copy = emptyCopy(nb, true);
        const result = importW3C(copy, JSON.parse(JSON.stringify(exported)), { now: NOW });
        assert.deepEqual(result.errors, []);
        assert.deepEqual([...result.annotations].sort(byId), [...nb.annotations].sort(byId));
      }),
      runs(t, 200),
    );
  });

  test('a foreign annotation: quote only, found by search; the web address names the document', () => {
    const nb = sampleNotebook();
    nb.documents[0]!.url = 'https://www.rt.com/news/miliband-lavrov';
    nb.annotations = [];
    const exact = 'absolutely out of the question';
    const result = importW3C(
      nb,
      {
        '@context': W3C_CONTEXT,
        id: 'https://hypothes.is/a/AbCdEf',
        type: 'Annotation',
        motivation: 'commenting',
        body: [
          { type: 'TextualBody', value: 'A *note* in Markdown' },
          { type: 'TextualBody', purpose: 'tagging', value: 'Extradition' },
          { type: 'TextualBody', purpose: 'tagging', value: ' russia / refusals ' },
          'https://example.org/a-linked-resource',
        ],
        target: {
          source: 'https://www.rt.com/news/miliband-lavrov',
          selector: { type: 'TextQuoteSelector', exact },
        },
      },
      { now: NOW },
    );
    assert.deepEqual(result.errors, []);
    const [a] = result.annotations;
    assert.ok(a);
    const start = nb.documents[0]!.text.indexOf(exact);
    assert.deepEqual(a.target, describeRange(nb.documents[0]!.text, start, start + exact.length));
    assert.equal(a.note, 'A *note* in Markdown');
    assert.deepEqual(a.topicIds, ['t-ext', 'path:russia/refusals'], 'known tag matched whatever its case');
    assert.deepEqual(result.topicsToCreate, ['russia/refusals']);
    assert.match(a.id, /^[0-9a-f-]{36}$/, 'a foreign id gets a fresh one');
    assert.equal(a.createdAt, NOW.toISOString());
    assert.equal(a.updatedAt, NOW.toISOString());
  });

  test('a position alone is read in code points and taken as it is', () => {
    const nb = emptyNotebook();
    const doc = makeDocument('d', ['😀😀 ab 🇬🇧 ab ab', 'second 𝄞 paragraph']);
    nb.documents.push(doc);
    const source = 'urn:parley:document:d';
    const cp = Array.from(doc.text);
    const at = (start: number, end: number) => ({
      type: 'Annotation',
      target: { source, selector: { type: 'TextPositionSelector', start, end } },
    });
    // Code points 9–11 are the second "ab" (after 😀😀, " ab ", 🇬🇧 as two code points, " ").
    assert.equal(cp.slice(9, 11).join(''), 'ab');
    const result = importW3C(nb, [at(9, 11), at(cp.indexOf('𝄞'), cp.indexOf('𝄞') + 1)], { now: NOW });
    assert.deepEqual(result.errors, []);
    const [ab, clef] = result.annotations.map((a) => a.target);
    const second = doc.text.indexOf('ab', doc.text.indexOf('🇬🇧'));
    assert.deepEqual([ab!.start, ab!.end, ab!.exact], [second, second + 2, 'ab']);
    assert.equal(clef!.exact, '𝄞');
    assert.equal(clef!.end - clef!.start, 2);
    assert.match(importW3C(nb, at(3, 3), { now: NOW }).errors[0]!, /selects no text/);
  });

  test('a position that no longer holds the quote falls back to finding the quote', () => {
    const nb = sampleNotebook();
    const doc = nb.documents[0]!;
    const [exportedItem] = asCollection(exportW3C(nb, { now: NOW })).first.items.slice(1);
    const item = structuredClone(exportedItem!) as {
      target: { selector: { start?: number; end?: number }[] };
    };
    item.target.selector[0]!.start = 3;
    item.target.selector[0]!.end = 10;
    const beyond = structuredClone(exportedItem!) as typeof item;
    beyond.target.selector[0]!.start = 1_000_000;
    beyond.target.selector[0]!.end = 1_000_010;
    for (const moved of [item, beyond]) {
      const result = importW3C(emptyCopy(nb, true), moved, { now: NOW });
      assert.deepEqual(result.errors, []);
      assert.deepEqual(result.annotations[0]!.target, nb.annotations[0]!.target);
      assert.equal(
        doc.text.slice(result.annotations[0]!.target.start, result.annotations[0]!.target.end),
        nb.annotations[0]!.target.exact,
      );
    }
  });

  test('with documentId every annotation targets that document, whatever its source says', () => {
    const nb = sampleNotebook();
    const exported = exportW3C(nb, { now: NOW });
    const copy = emptyCopy(nb, true);
    copy.documents[0]!.id = 'renamed';
    const plain = importW3C(copy, exported, { now: NOW });
    assert.equal(plain.annotations.length, 0);
    assert.equal(plain.errors.length, 2);
    assert.match(
      plain.errors[0]!,
      /^Annotation 1 \(urn:uuid:[0-9a-f-]+\): .*doc-sample.*not in this notebook/,
    );
    const directed = importW3C(copy, exported, { documentId: 'renamed', now: NOW });
    assert.deepEqual(directed.errors, []);
    assert.deepEqual(
      directed.annotations.map((a) => a.documentId),
      ['renamed', 'renamed'],
    );
    const missing = importW3C(copy, exported, { documentId: 'nope', now: NOW });
    assert.equal(missing.errors.length, 2);
    assert.match(missing.errors[0]!, /nope/);
  });

  test('with documentId, targets that name no source are found by their quote, in the shapes other tools write', () => {
    const nb = sampleNotebook();
    nb.annotations = [];
    const text = nb.documents[0]!.text;
    const exact = 'his extradition to UK is absolutely out of the question';
    const at = text.indexOf(exact);
    const quote = { type: 'TextQuoteSelector', exact };
    const withContext = { ...quote, prefix: 'Lavrov stated that ', suffix: '.' };
    const targets: unknown[] = [
      { selector: quote },
      { selector: [quote] },
      [{ selector: quote }],
      { type: 'SpecificResource', selector: withContext },
      { source: 'https://elsewhere.example/article', selector: quote },
      { source: { id: 'urn:x:other' }, selector: [{ type: 'FragmentSelector', value: 'p11' }, quote] },
    ];
    const annotations = targets.map((target) => ({ type: 'Annotation', target }));
    const inputs: unknown[] = [
      annotations,
      { type: 'AnnotationCollection', items: annotations },
      { type: 'AnnotationCollection', first: { type: 'AnnotationPage', items: annotations } },
      { type: 'AnnotationPage', items: annotations },
    ];
    for (const input of inputs) {
      const result = importW3C(nb, input, { documentId: 'doc-sample', now: NOW });
      assert.deepEqual(result.errors, []);
      assert.equal(result.annotations.length, targets.length);
      for (const a of result.annotations) {
        assert.equal(a.documentId, 'doc-sample');
        assert.deepEqual(a.target, describeRange(text, at, at + exact.length));
      }
    }
    const single = importW3C(nb, annotations[0], { documentId: 'doc-sample', now: NOW });
    assert.deepEqual(single.errors, []);
    assert.equal(single.annotations.length, 1);
    // A target that is only an address names a whole resource, with nothing to find the passage by.
    const whole = importW3C(
      nb,
      { type: 'Annotation', target: 'https://elsewhere.example/article' },
      {
        documentId: 'doc-sample',
        now: NOW,
      },
    );
    assert.match(whole.errors[0]!, /^Annotation 1: its target is a whole resource \(https:\/\/elsewhere/);
  });

  test('without a document to import into, a target with no source is refused with what to do', () => {
    const nb = sampleNotebook();
    nb.annotations = [];
    const file = [
      {
        type: 'Annotation',
        id: 'note-7',
        target: { selector: { type: 'TextQuoteSelector', exact: 'revealed Lavrov' } },
      },
    ];
    const plain = importW3C(nb, file, { now: NOW });
    assert.equal(plain.annotations.length, 0);
    assert.match(
      plain.errors[0]!,
      /^Annotation 1 \(note-7\): its target names no source document; choose the document/,
    );
    const cli = importW3C(nb, file, { now: NOW, noSourceAdvice: 'name the document with --document ID' });
    assert.match(cli.errors[0]!, /names no source document; name the document with --document ID\.$/);
    // The app's default: the open document takes those that name none; the others go where their source says.
    nb.documents.push(
      makeDocument('doc-2', ['Another text, written for the tests, with revealed Lavrov in it.']),
    );
    const sourced = {
      type: 'Annotation',
      target: {
        source: 'urn:parley:document:doc-2',
        selector: { type: 'TextQuoteSelector', exact: 'revealed Lavrov' },
      },
    };
    const mixed = importW3C(nb, [...file, sourced], { defaultDocumentId: 'doc-sample', now: NOW });
    assert.deepEqual(mixed.errors, []);
    assert.deepEqual(
      mixed.annotations.map((a) => a.documentId),
      ['doc-sample', 'doc-2'],
    );
  });

  test('a quote that is not in the document is refused with the closest passage, how alike, and what to do', () => {
    const nb = sampleNotebook();
    nb.annotations = [];
    const result = importW3C(
      nb,
      [
        { type: 'Annotation', target: { selector: { type: 'TextQuoteSelector', exact: 'revealed Lavrov' } } },
        {
          type: 'Annotation',
          id: 'https://example.org/anno/2',
          target: { selector: { type: 'TextQuoteSelector', exact: 'in the international arena' } },
        },
        { type: 'Annotation', target: { selector: { type: 'TextQuoteSelector', exact: 'Sergey Lavrov' } } },
      ],
      { documentId: 'doc-sample', now: NOW },
    );
    assert.equal(result.annotations.length, 1, 'the quote that is there is read');
    assert.equal(result.errors.length, 2);
    assert.equal(
      result.errors[0],
      'Annotation 2 (https://example.org/anno/2): its quote “in the international arena” is not in ' +
        '“Miliband: bilateral differences will not obscure our relationship”; the closest passage, in ¶6, is ' +
        '“on the international stage” (76% alike). Correct the quote to read as the text does, or give its ' +
        'prefix and suffix (TextQuoteSelector) or its place (TextPositionSelector).',
    );
    const misplaced = importW3C(
      nb,
      {
        type: 'Annotation',
        target: {
          selector: {
            type: 'TextQuoteSelector',
            exact: 'revealed Lavrov',
            prefix: 'words written for the tests, in ',
            suffix: ' no document at all, nowhere here',
          },
        },
      },
      { documentId: 'doc-sample', now: NOW },
    );
    assert.match(
      misplaced.errors[0]!,
      /^Annotation 1: its quote “revealed Lavrov” is in ¶7, “revealed Lavrov”, but the text around it does not read as its prefix and suffix say/,
    );
    assert.match(
      result.errors[1]!,
      /^Annotation 3: its quote “Sergey Lavrov” fits 3 places equally well \(¶2, ¶5, ¶11\); give its prefix and suffix .* or its place .* to say which\.$/,
    );
  });

  test('usablePart keeps what anchors, refuses what links to a refused one, and makes only what is kept uses', () => {
    const nb = sampleNotebook();
    nb.annotations = [];
    const quote = (exact: string) => ({ selector: { type: 'TextQuoteSelector', exact } });
    const tag = (value: string) => ({ type: 'TextualBody', purpose: 'tagging', value });
    const a = 'urn:uuid:00000000-0000-4000-8000-00000000000a';
    const b = 'urn:uuid:00000000-0000-4000-8000-00000000000b';
    const c = 'urn:uuid:00000000-0000-4000-8000-00000000000c';
    const file = [
      { type: 'Annotation', id: a, body: tag('kept/topic'), target: quote('revealed Lavrov') },
      { type: 'Annotation', id: b, body: tag('lost/topic'), target: quote('in the international arena') },
      {
        type: 'Annotation',
        id: c,
        body: tag('stranded'),
        target: quote('retorted Lavrov'),
        'parley:links': [{ 'parley:linkType': 'rebuts', 'parley:annotation': b }],
      },
    ];
    const read = importW3C(nb, file, { defaultDocumentId: 'doc-sample', now: NOW });
    assert.equal(read.annotations.length, 2);
    assert.equal(read.errors.length, 1);
    const { usable, refused } = usablePart(nb, read);
    assert.deepEqual(
      usable.annotations.map((x) => x.id),
      [a.slice('urn:uuid:'.length)],
    );
    assert.deepEqual(usable.topicsToCreate, ['kept/topic']);
    assert.deepEqual(usable.errors, []);
    assert.equal(refused.length, 2);
    assert.match(refused[1]!, new RegExp(`^Annotation ${c}: it links to ${b}, which was refused\\.$`));
    const made: string[] = [];
    applyW3CImport(nb, usable, {
      createTopic: (path) => (made.push(path), { id: `t-${made.length}` }),
      createParty: () => assert.fail('no party'),
    });
    assert.deepEqual(made, ['kept/topic']);
    assert.equal(nb.annotations.length, 1);
  });

  test("reads another writer's spelling of a link type as Parley's own, and keeps a type it does not know", () => {
    const nb = sampleNotebook();
    nb.annotations = [];
    const quote = (exact: string) => ({ selector: { type: 'TextQuoteSelector', exact } });
    const a = 'urn:uuid:00000000-0000-4000-8000-00000000000a';
    const b = 'urn:uuid:00000000-0000-4000-8000-00000000000b';
    const link = (type: string) => ({ 'parley:linkType': type, 'parley:annotation': a });
    const file = [
      { type: 'Annotation', id: a, target: quote('revealed Lavrov') },
      {
        type: 'Annotation',
        id: b,
        target: quote('retorted Lavrov'),
        'parley:links': [link('concedes to'), link('Agrees_With'), link(' REBUTS '), link('a-newer-type')],
      },
    ];
    const read = importW3C(nb, file, { defaultDocumentId: 'doc-sample', now: NOW });
    assert.deepEqual(read.errors, []);
    const linked = read.annotations.find((x) => x.id === b.slice('urn:uuid:'.length))!;
    assert.deepEqual(
      linked.links.map((l) => l.type),
      ['concedes-to', 'agrees-with', 'rebuts', 'a-newer-type'],
    );
  });

  test('accepts an array, a single annotation, items on the collection, and a page', () => {
    const nb = sampleNotebook();
    const items = asCollection(exportW3C(nb, { now: NOW })).first.items;
    const counts = [
      items,
      items[0],
      { type: 'AnnotationCollection', items },
      { type: 'AnnotationPage', items },
      { type: ['AnnotationCollection'], first: { type: 'AnnotationPage', items, next: null } },
    ].map((input) => {
      const result = importW3C(emptyCopy(nb, true), input, { now: NOW });
      assert.deepEqual(result.errors, []);
      return result.annotations.length;
    });
    assert.deepEqual(counts, [2, 1, 2, 2, 2]);
  });

  test('malformed input is reported, never thrown, and nothing is taken from a bad annotation', () => {
    const nb = sampleNotebook();
    const copy = emptyCopy(nb, true);
    const good = asCollection(exportW3C(nb, { now: NOW })).first.items[0]!;
    const target = good.target as { source: string; selector: object[] };
    // Without an id, each bad copy is a different annotation, so only its own fault is reported.
    const { id: _id, ...anon } = good;
    const whole = (input: unknown) => importW3C(copy, input, { now: NOW }).errors;

    for (const input of [null, 42, 'not json {', { type: 'Something' }, { hello: 1 }, [], true]) {
      const errors = whole(input);
      assert.equal(errors.length, 1, `one error for ${JSON.stringify(input)}`);
    }
    assert.match(
      whole({ type: 'AnnotationCollection', first: 'https://example.org/page1' })[0]!,
      /only a link/,
    );
    assert.match(
      whole({ type: 'AnnotationCollection', first: { items: [good], next: 'p2' } })[0]!,
      /further pages/,
    );

    const bad: [unknown, RegExp][] = [
      ['a string', /not a W3C annotation/],
      [{ ...anon, type: 'Note' }, /type is not "Annotation"/],
      [{ ...anon, target: undefined }, /not a W3C annotation/],
      [{ ...anon, target: target.source }, /whole resource/],
      [{ ...anon, target: [target, target] }, /2 targets/],
      [
        { ...anon, target: { ...target, selector: [] } },
        /neither a TextPositionSelector nor a TextQuoteSelector/,
      ],
      [
        { ...anon, target: { ...target, selector: [{ type: 'TextPositionSelector', start: 'x', end: 3 }] } },
        /selector 0: start/,
      ],
      [
        { ...anon, target: { ...target, selector: [{ type: 'TextPositionSelector', start: 9, end: 3 }] } },
        /end comes before start/,
      ],
      [
        {
          ...anon,
          target: { ...target, selector: [{ type: 'TextQuoteSelector', exact: 'words that are nowhere' }] },
        },
        /is not in “Miliband/,
      ],
      [
        { ...anon, target: { ...target, selector: [{ type: 'TextPositionSelector', start: 0, end: 1e9 }] } },
        /beyond the document's end/,
      ],
      [
        { ...anon, target: { ...target, source: 'urn:parley:document:gone' } },
        /document gone, which is not in this notebook/,
      ],
      [{ ...anon, body: [{ type: 'TextualBody', value: 42 }] }, /body 0: a TextualBody needs a text value/],
      [
        { ...anon, body: { type: 'TextualBody', purpose: 'tagging', value: ' / ' } },
        /body 0: A topic needs a name/,
      ],
      [
        { ...anon, body: { type: 'TextualBody', purpose: 'commenting', format: 'image/png', value: 'x' } },
        /image\/png/,
      ],
      [{ ...anon, created: 'yesterday' }, /created is not a date/],
    ];
    const result = importW3C(copy, [good, ...bad.map(([input]) => input)], { now: NOW });
    assert.equal(result.annotations.length, 1, 'only the good one is read');
    assert.equal(result.errors.length, bad.length);
    bad.forEach(([, pattern], i) => {
      assert.match(result.errors[i]!, new RegExp(`^Annotation ${i + 2}\\b`));
      assert.match(result.errors[i]!, pattern);
    });
    assert.throws(
      () =>
        applyW3CImport(copy, result, { createTopic: () => ({ id: 'x' }), createParty: () => ({ id: 'y' }) }),
      /Nothing was imported/,
    );
    assert.equal(copy.annotations.length, 0);
  });

  test('property: no input makes it throw', (t) => {
    const nb = sampleNotebook();
    const good = asCollection(exportW3C(nb, { now: NOW })).first.items[0]!;
    const mutated = fc.record({
      key: fc.constantFrom(
        'id',
        'type',
        'body',
        'target',
        'created',
        'motivation',
        'parley:party',
        'parley:stance',
        'parley:links',
      ),
      value: fc.jsonValue(),
    });
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue(),
          fc.anything(),
          mutated.map(({ key, value }) => ({ ...good, [key]: value })),
        ),
        (input) => {
          const result = importW3C(emptyCopy(nb, true), input, { now: NOW });
          assert.ok(Array.isArray(result.errors) && Array.isArray(result.annotations));
          assert.ok(result.errors.length > 0 || result.annotations.length > 0);
        },
      ),
      runs(t, 500),
    );
  });

  test('does not change the notebook; importing twice is refused', () => {
    const nb = sampleNotebook();
    const before = structuredClone(nb);
    const exported = exportW3C(nb, { now: NOW });
    const again = importW3C(nb, exported, { now: NOW });
    assert.deepEqual(nb, before);
    assert.equal(again.errors.length, 2);
    assert.match(again.errors[0]!, /already in this notebook/);
    const twice = importW3C(
      emptyCopy(nb, true),
      [...asCollection(exported).first.items, asCollection(exported).first.items[0]],
      { now: NOW },
    );
    assert.equal(twice.errors.length, 1);
    assert.match(twice.errors[0]!, /^Annotation 3 .*twice/);
  });

  test('applyW3CImport uses a topic the notebook gained meanwhile and checks before writing', () => {
    const nb = sampleNotebook();
    const copy = emptyCopy(nb, false);
    const result = importW3C(copy, exportW3C(nb, { now: NOW }), { now: NOW });
    copy.topics.push({ id: 'late', path: 'Extradition', colour: '#000000', description: '' });
    const created: string[] = [];
    applyW3CImport(copy, result, {
      ...nothingToMake,
      createTopic: (path) => {
        created.push(path);
        return { id: `new:${path}` };
      },
    });
    assert.deepEqual(created, ['iran/nuclear']);
    const iran = copy.annotations.find((a) => a.id.endsWith('02'))!;
    assert.deepEqual(iran.topicIds, ['new:iran/nuclear', 'late']);

    // Applied a second time, the same result collides and nothing more is written.
    const count = copy.annotations.length;
    assert.throws(
      () => applyW3CImport(copy, result, { ...nothingToMake, createTopic: (path) => ({ id: path }) }),
      /already in this notebook/,
    );
    assert.equal(copy.annotations.length, count);
  });
});

/** The sample with two parties, a stance of the user's own, stances on two passages and links among three. */
function workbenchNotebook(): Notebook {
  const nb = sampleNotebook();
  nb.parties.push(
    {
      id: 'p-uk',
      name: 'United Kingdom',
      short: 'UK',
      colour: '#0077bb',
      aliases: ['Miliband', 'David Miliband'],
    },
    { id: 'p-ru', name: 'Russia', short: 'RU', colour: '#cc3311', aliases: ['Lavrov', 'Moscow'] },
  );
  nb.stances.push('ultimatum');
  const doc = nb.documents[0]!;
  const [ext, iran] = nb.annotations as [Annotation, Annotation];
  const uk = annotationOf(
    doc,
    '0b6f9a52-8a1e-4c44-9f0e-2b8f1c7c1a03',
    'The horrific murder of Mr. Litvinenko',
    {
      topicIds: ['t-ext'],
      partyId: 'p-uk',
      stance: 'ultimatum',
      links: [{ type: 'contradicts', annotationId: ext.id }],
    },
  );
  Object.assign(ext, {
    partyId: 'p-ru',
    stance: 'refusal',
    links: [
      { type: 'rebuts', annotationId: uk.id },
      { type: 'answers', annotationId: iran.id },
    ],
  });
  iran.partyId = 'p-ru';
  nb.annotations.push(uk);
  return nb;
}

const withoutParty = (a: Annotation) => ({ ...a, partyId: null });
/** The notebook with its annotations sorted by id: import appends them in text order. */
const inIdOrder = (nb: Notebook): Notebook => ({ ...nb, annotations: [...nb.annotations].sort(byId) });

describe('party, stance and links', () => {
  test('export carries them as Parley extension properties', () => {
    const nb = workbenchNotebook();
    const items = asCollection(exportW3C(nb, { now: NOW })).first.items;
    const item = (id: string) => items.find((i) => i.id === `urn:uuid:${id}`)!;
    const [ext, iran, uk] = nb.annotations as [Annotation, Annotation, Annotation];
    assert.deepEqual(item(ext.id)['parley:party'], {
      id: 'urn:parley:party:p-ru',
      type: 'parley:Party',
      'parley:name': 'Russia',
      'parley:short': 'RU',
      'parley:colour': '#cc3311',
      'parley:aliases': ['Lavrov', 'Moscow'],
    });
    assert.equal(item(ext.id)['parley:stance'], 'refusal');
    assert.deepEqual(item(ext.id)['parley:links'], [
      { 'parley:linkType': 'rebuts', 'parley:annotation': `urn:uuid:${uk.id}` },
      { 'parley:linkType': 'answers', 'parley:annotation': `urn:uuid:${iran.id}` },
    ]);
    assert.equal(item(uk.id)['parley:stance'], 'ultimatum');
    assert.equal((item(uk.id)['parley:party'] as { id: string }).id, 'urn:parley:party:p-uk');
    // Only what is set is written: no stance, no links on the Iran passage.
    assert.ok(!('parley:stance' in item(iran.id)) && !('parley:links' in item(iran.id)));
    assert.ok('parley:party' in item(iran.id));
    const bare = asCollection(exportW3C(sampleNotebook(), { now: NOW })).first.items[0]!;
    assert.deepEqual(
      Object.keys(bare).filter((k) => k.startsWith('parley:')),
      [],
    );
    // Every key an exported annotation adds to the W3C model is in Parley's namespace.
    const w3cKeys = ['@context', 'id', 'type', 'motivation', 'created', 'modified', 'body', 'target'];
    for (const i of items) {
      for (const key of Object.keys(i)) assert.ok(w3cKeys.includes(key) || key.startsWith('parley:'), key);
    }
  });

  test('round trip into a copy with the same parties and stances gives back identical annotations', () => {
    const nb = workbenchNotebook();
    const copy = emptyCopy(nb, true);
    const result = importW3C(copy, JSON.stringify(exportW3C(nb, { now: NOW })), { now: NOW });
    assert.deepEqual(result.errors, []);
    assert.deepEqual(result.partiesToCreate, []);
    assert.deepEqual(result.stancesToCreate, []);
    assert.deepEqual([...result.annotations].sort(byId), [...nb.annotations].sort(byId));
    applyW3CImport(copy, result, nothingToMake);
    assert.deepEqual(inIdOrder(copy), inIdOrder(nb));
  });

  test('round trip into a notebook without the parties, topics or stance: they are made, nothing is lost', () => {
    const nb = workbenchNotebook();
    const copy = emptyCopy(nb, false);
    copy.parties = [];
    copy.stances = [];
    const result = importW3C(copy, exportW3C(nb, { now: NOW }), { now: NOW });
    assert.deepEqual(result.errors, []);
    assert.deepEqual(
      [...result.partiesToCreate].sort((a, b) => a.name.localeCompare(b.name)),
      nb.parties.map(({ id: _id, ...party }) => party).sort((a, b) => a.name.localeCompare(b.name)),
    );
    assert.deepEqual(result.stancesToCreate, ['ultimatum']);
    assert.ok(result.annotations.some((a) => a.partyId === 'party:Russia'));

    applyW3CImport(copy, result, {
      createTopic: (path) => {
        const topic = { id: `topic-${path}`, path, colour: '#000000', description: '' };
        copy.topics.push(topic);
        return topic;
      },
      createParty: (party) => createParty(copy, party),
    });
    assert.deepEqual(copy.stances, ['ultimatum']);
    assert.deepEqual(
      copy.parties.map(({ id: _id, ...p }) => p).sort((a, b) => a.name.localeCompare(b.name)),
      nb.parties.map(({ id: _id, ...p }) => p).sort((a, b) => a.name.localeCompare(b.name)),
    );
    const partyName = (n: Notebook, id: string | null) => n.parties.find((p) => p.id === id)?.name;
    const paths = (n: Notebook, a: Annotation) =>
      a.topicIds.map((id) => n.topics.find((t) => t.id === id)!.path);
    for (const original of nb.annotations) {
      const back = copy.annotations.find((a) => a.id === original.id)!;
      assert.equal(partyName(copy, back.partyId), partyName(nb, original.partyId));
      assert.deepEqual(paths(copy, back), paths(nb, original));
      assert.deepEqual({ ...withoutParty(back), topicIds: [] }, { ...withoutParty(original), topicIds: [] });
    }
  });

  test('a party is found by its id, then by any name it answers to; a stance in any case', () => {
    const nb = workbenchNotebook();
    const exported = exportW3C(nb, { now: NOW });
    const partiesOf = (copy: Notebook) => {
      const result = importW3C(copy, exported, { now: NOW });
      assert.deepEqual(result.errors, []);
      assert.deepEqual(result.partiesToCreate, []);
      return new Set(result.annotations.map((a) => a.partyId));
    };
    const renamed = emptyCopy(nb, true);
    renamed.parties[1]!.name = 'Russian Federation';
    renamed.parties[0]!.name = 'Britain';
    assert.deepEqual(partiesOf(renamed), new Set(['p-ru', 'p-uk']), 'same id, whatever the name now');

    const other = emptyCopy(nb, true);
    other.parties = [
      { id: 'x-ru', name: 'RUSSIA', short: '', colour: '#000000', aliases: [] },
      { id: 'x-uk', name: 'Great Britain', short: 'GB', colour: '#000000', aliases: ['United Kingdom'] },
    ];
    other.stances = ['Ultimatum'];
    assert.deepEqual(partiesOf(other), new Set(['x-ru', 'x-uk']), 'by name in any case, or by alias');
    const result = importW3C(other, exported, { now: NOW });
    assert.deepEqual(result.stancesToCreate, []);
    assert.ok(
      result.annotations.some((a) => a.stance === 'Ultimatum'),
      "the notebook's spelling",
    );
  });

  test('read with only the W3C context, full IRIs for keys, or a party given by name alone', () => {
    const nb = workbenchNotebook();
    const copy = emptyCopy(nb, true);
    const [ext, iran] = nb.annotations as [Annotation, Annotation];
    const items = asCollection(exportW3C(nb, { now: NOW })).first.items;
    const plain = (id: string) => {
      const {
        'parley:party': _p,
        'parley:stance': _s,
        'parley:links': _l,
        ...rest
      } = structuredClone(items.find((i) => i.id === `urn:uuid:${id}`)!);
      return { ...rest, '@context': W3C_CONTEXT };
    };
    const result = importW3C(
      copy,
      [
        {
          ...plain(ext.id),
          [`${PARLEY_NAMESPACE}party`]: { [`${PARLEY_NAMESPACE}name`]: 'moscow' },
          [`${PARLEY_NAMESPACE}stance`]: '  REFUSAL ',
          [`${PARLEY_NAMESPACE}links`]: {
            [`${PARLEY_NAMESPACE}linkType`]: 'answers',
            [`${PARLEY_NAMESPACE}annotation`]: { id: `urn:uuid:${iran.id}` },
          },
        },
        { ...plain(iran.id), 'parley:party': 'A New Party', 'parley:stance': 'a stance never seen' },
      ],
      { now: NOW },
    );
    assert.deepEqual(result.errors, []);
    const [a, b] = result.annotations as [Annotation, Annotation];
    assert.equal(a.partyId, 'p-ru', 'an alias names the party');
    assert.equal(a.stance, 'refusal');
    assert.deepEqual(a.links, [{ type: 'answers', annotationId: iran.id }]);
    assert.equal(b.partyId, 'party:A New Party');
    assert.deepEqual(result.partiesToCreate, [{ name: 'A New Party', short: '', colour: '', aliases: [] }]);
    assert.deepEqual(result.stancesToCreate, ['a stance never seen']);
    const made: Omit<Party, 'id'>[] = [];
    applyW3CImport(copy, result, {
      ...nothingToMake,
      createParty: (party) => {
        made.push(party);
        return createParty(copy, { name: party.name });
      },
    });
    assert.equal(made.length, 1);
    const newParty = copy.parties.find((p) => p.name === 'A New Party')!;
    assert.equal(copy.annotations.find((x) => x.id === iran.id)!.partyId, newParty.id);
    assert.deepEqual(copy.stances, ['ultimatum', 'a stance never seen']);
  });

  test('links must reach an annotation in the file or the notebook; bad extensions are reported', () => {
    const nb = workbenchNotebook();
    const items = asCollection(exportW3C(nb, { now: NOW })).first.items;
    const [ext, , uk] = nb.annotations as [Annotation, Annotation, Annotation];
    const ukItem = items.find((i) => i.id === `urn:uuid:${uk.id}`)!;

    const alone = importW3C(emptyCopy(nb, true), ukItem, { now: NOW });
    assert.equal(alone.errors.length, 1);
    assert.match(
      alone.errors[0]!,
      new RegExp(`link \\(contradicts\\) points to urn:uuid:${ext.id}, which is neither in this file nor`),
    );
    const withTarget = emptyCopy(nb, true);
    withTarget.annotations.push(structuredClone(ext));
    const kept = importW3C(withTarget, ukItem, { now: NOW });
    assert.deepEqual(kept.errors, []);
    applyW3CImport(withTarget, kept, nothingToMake);
    assert.deepEqual(withTarget.annotations.find((a) => a.id === uk.id)!.links, uk.links);

    const { id: _id, ...anon } = ukItem;
    const party = ukItem['parley:party'] as Record<string, unknown>;
    const bad: [unknown, RegExp][] = [
      [{ ...anon, 'parley:stance': 42 }, /parley:stance is not text/],
      [{ ...anon, 'parley:stance': 'x'.repeat(41) }, /longer than 40/],
      [{ ...anon, 'parley:party': { ...party, 'parley:colour': 'blue' } }, /"blue" is not a colour/],
      [{ ...anon, 'parley:party': { ...party, 'parley:name': ' ' } }, /parley:party: .*name/],
      [{ ...anon, 'parley:party': { ...party, 'parley:aliases': 'Lavrov' } }, /parley:party: aliases/],
      [
        { ...anon, 'parley:links': [{ 'parley:annotation': `urn:uuid:${ext.id}` }] },
        /parley:links 0: linkType/,
      ],
      [
        {
          ...anon,
          'parley:links': [{ 'parley:linkType': 'rebuts', 'parley:annotation': 'https://x.org/a' }],
        },
        /points to https/,
      ],
    ];
    const copy = emptyCopy(nb, true);
    const result = importW3C(
      copy,
      bad.map(([input]) => input),
      { now: NOW },
    );
    assert.equal(result.annotations.length, 0);
    assert.equal(result.errors.length, bad.length);
    bad.forEach(([, pattern], i) => assert.match(result.errors[i]!, pattern));
  });

  test('applyWC3Import checks parties, stances and links, and takes back what it made when a maker refuses', () => {
    const nb = workbenchNotebook();
    const copy = emptyCopy(nb, false);
    copy.parties = [
      { id: 'watch', name: 'Kremlin watchers', short: 'KW', colour: '#000000', aliases: ['Moscow'] },
    ];
    copy.stances = [];
    const result = importW3C(copy, exportW3C(nb, { now: NOW }), { now: NOW });
    assert.deepEqual(result.errors, []);
    assert.equal(result.partiesToCreate.length, 2);
    const before = structuredClone(copy);
    const makers: W3CImportMakers = {
      createTopic: (path) => {
        const topic = { id: `t:${path}`, path, colour: '#000000', description: '' };
        copy.topics.push(topic);
        return topic;
      },
      // Russia's alias "Moscow" already names another party: creating it is refused.
      createParty: (party) => createParty(copy, party),
    };
    assert.throws(() => applyW3CImport(copy, result, makers), /"Moscow" already names the party/);
    assert.deepEqual(copy, before, 'topics, parties and stances made before the refusal are taken back');

    const tampered = (change: (a: Annotation) => void) => {
      const r = structuredClone(result);
      change(r.annotations[0]!);
      return () => applyW3CImport(copy, r, makers);
    };
    assert.throws(
      tampered((a) => (a.partyId = 'nobody')),
      /party nobody/,
    );
    assert.throws(
      tampered((a) => (a.stance = 'shrug')),
      /stance "shrug"/,
    );
    assert.throws(
      tampered((a) => (a.links = [{ type: 'rebuts', annotationId: 'gone' }])),
      /links to gone/,
    );
    assert.deepEqual(copy, before);
  });

  test('property: parties, stances and links survive the round trip, with the parties made or found', (t) => {
    const parties: Party[] = [
      { id: 'p1', name: 'Россия 🇷🇺', short: 'RU', colour: '#cc3311', aliases: ['Лавров', 'Moscow "M"'] },
      { id: 'p2', name: 'UK | *Gov*', short: 'UK', colour: '#0077bb', aliases: [] },
    ];
    const stances = [...STANDARD_STANCES, 'ultimatum', 'Große Geste'];
    const linkTypes = [...Object.keys(LINK_TYPES), 'a-newer-type'];
    const arb = fc.record({
      keep: fc.boolean(),
      highlights: fc.array(
        fc.record({
          paragraph: fc.nat(),
          party: fc.constantFrom(null, 'p1', 'p2'),
          stance: fc.option(fc.constantFrom(...stances)),
          links: fc.array(fc.record({ to: fc.nat(), type: fc.constantFrom(...linkTypes) }), { maxLength: 3 }),
        }),
        { minLength: 1, maxLength: 8 },
      ),
    });
    fc.assert(
      fc.property(arb, ({ keep, highlights }) => {
        const nb = emptyNotebook();
        const doc = makeDocument('d', ['Title 😀', 'First — one.', 'Second "two".', 'Third 𝄞 three.']);
        nb.documents.push(doc);
        nb.parties.push(...structuredClone(parties));
        nb.stances.push('ultimatum', 'Große Geste');
        highlights.forEach((h, i) => {
          const block = doc.blocks[h.paragraph % doc.blocks.length]!;
          nb.annotations.push(
            annotationAt(doc, `id-${i}`, block.start, block.end, {
              partyId: h.party,
              stance: h.stance,
              links: h.links.map((l) => ({ type: l.type, annotationId: `id-${l.to % highlights.length}` })),
            }),
          );
        });
        const copy = emptyCopy(nb, true);
        if (!keep) {
          copy.parties = [];
          copy.stances = [];
        }
        const result = importW3C(copy, JSON.parse(JSON.stringify(exportW3C(nb, { now: NOW }))), { now: NOW });
        assert.deepEqual(result.errors, []);
        applyW3CImport(copy, result, { ...nothingToMake, createParty: (party) => createParty(copy, party) });
        if (keep) assert.deepEqual(inIdOrder(copy), inIdOrder(nb));
        const nameOf = (n: Notebook, id: string | null) => n.parties.find((p) => p.id === id)?.name ?? null;
        for (const original of nb.annotations) {
          const back = copy.annotations.find((a) => a.id === original.id)!;
          assert.equal(nameOf(copy, back.partyId), nameOf(nb, original.partyId));
          assert.deepEqual(withoutParty(back), withoutParty(original));
        }
        for (const party of copy.parties) {
          const { id: _id, ...content } = party;
          const { id: _orig, ...expected } = nb.parties.find((p) => p.name === party.name)!;
          assert.deepEqual(content, expected);
        }
        assert.ok(copy.stances.every((s) => nb.stances.includes(s)));
      }),
      runs(t, 150),
    );
  });
});

describe('importW3C: refusals that say what differs', () => {
  const quote = (selector: Record<string, string>) => ({
    type: 'Annotation',
    target: { selector: { type: 'TextQuoteSelector', ...selector } },
  });

  test('a number changed in a quote with the right context is refused, naming the words that differ', () => {
    const nb = sampleNotebook();
    nb.annotations = [];
    const text = nb.documents[0]!.text;
    const original =
      'The horrific murder of Mr. Litvinenko in 2006 has been followed up by our independent prosecuting authorities';
    const at = text.indexOf(original);
    const result = importW3C(
      nb,
      quote({
        exact: original.replace('2006', '2007'),
        prefix: text.slice(at - 32, at),
        suffix: text.slice(at + original.length, at + original.length + 32),
      }),
      { documentId: 'doc-sample', now: NOW },
    );
    assert.equal(result.annotations.length, 0);
    assert.match(result.errors[0]!, /reads ‘2006’ where the quote has ‘2007’/);
    assert.match(result.errors[0]!, /a number differs/);
  });

  test('an exact quote with short exact context that reads so once is imported', () => {
    const nb = sampleNotebook();
    nb.annotations = [];
    const result = importW3C(nb, quote({ exact: 'Lavrov', prefix: 'revealed ', suffix: '.' }), {
      documentId: 'doc-sample',
      now: NOW,
    });
    assert.deepEqual(result.errors, []);
    assert.equal(result.annotations.length, 1);
  });

  test('a closest passage that differs only past what is shown is shown where it differs', () => {
    const nb = sampleNotebook();
    nb.annotations = [];
    const original =
      'The horrific murder of Mr. Litvinenko in 2006 has been followed up by our independent prosecuting authorities';
    const result = importW3C(nb, quote({ exact: original.replace('prosecuting', 'prosecutin') }), {
      documentId: 'doc-sample',
      now: NOW,
    });
    const message = result.errors[0]!;
    assert.match(message, /is not in/);
    assert.match(message, /…[^“”]*independent prosecutin authorities”/, message);
    assert.match(message, /…[^“”]*independent prosecuting authorities”/, message);
  });

  test('places in one paragraph are counted, not repeated', () => {
    const nb = sampleNotebook();
    nb.annotations = [];
    nb.documents.push(
      makeDocument('doc-2', ['Written for the tests: talks, talks and talks.', 'More talks.']),
    );
    const result = importW3C(nb, quote({ exact: 'talks' }), { documentId: 'doc-2', now: NOW });
    assert.match(result.errors[0]!, /fits 4 places equally well \(3 times in ¶1, ¶2\)/, result.errors[0]);
  });

  test('a source that is no document here: the caller says what to do (the command line names --document)', () => {
    const nb = sampleNotebook();
    nb.annotations = [];
    const file = {
      type: 'Annotation',
      target: {
        source: 'https://elsewhere.example/story',
        selector: { type: 'TextQuoteSelector', exact: 'revealed Lavrov' },
      },
    };
    const app = importW3C(nb, file, { now: NOW });
    assert.match(
      app.errors[0]!,
      /which is no document in this notebook; choose the document to import into\.$/,
    );
    const cli = importW3C(nb, file, {
      now: NOW,
      unknownSourceAdvice: 'name the document to import into with --document ID (see parley list)',
    });
    assert.match(
      cli.errors[0]!,
      /which is no document in this notebook; name the document to import into with --document ID \(see parley list\)\.$/,
    );
  });
});
