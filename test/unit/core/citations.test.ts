// Cite what you quote: Markdown exports cite each passage's page in documents read from pages (p. 4, pp. 4-5) and,
// when asked, follow each quote with a Pandoc citation ([@key, ¶ 9], [@key, p. 4]); the CSV has a page column; the
// documents' citations export as CSL-JSON; Edit details changes authors, address, pages and the key, which is
// checked and never made again by itself. Test texts written for Parley, not real reporting.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  CSV_COLUMNS,
  exportCslJson,
  exportCsv,
  exportDocumentMarkdown,
  exportNotebookMarkdown,
  exportTopicMarkdown,
  pandocCitation,
  toCslItem,
} from '../../../main/core/export';
import { cslDate, cslName, cslType } from '../../../main/core/export/csl-json';
import { pandocKey } from '../../../main/core/export/pandoc-cite';
import { exportComparisonMarkdown } from '../../../main/core/compare';
import { suggestedCitationKey } from '../../../main/core/citation';
import { updateDocument } from '../../../main/core/notebook';
import {
  DocumentSchema,
  emptyNotebook,
  ParleyError,
  type Notebook,
  type ParleyDocument,
} from '../../../shared/model';
import { highlightMaker, makeDocument } from './fixtures';

const NOW = new Date('2026-11-30T12:00:00.000Z');
const highlight = highlightMaker({
  createdAt: '2026-11-02T10:00:00.000Z',
  updatedAt: '2026-11-03T10:00:00.000Z',
});

/** A document read from three pages: paragraphs 1-2 on page 1, 3 on page 2, the break inside paragraph 4. */
function pagedDocument(): ParleyDocument {
  const paragraphs = [
    'Talks on the treaty opened in the morning.',
    'The minister spoke first about trade.',
    'The envoy said the proposal was unacceptable.',
    'Both sides agreed to meet again next month in the capital.',
  ];
  const doc = makeDocument('paper', paragraphs, {
    title: 'Treaty talks resume',
    source: 'Journal of Invented Affairs',
    published: '2021-03-04',
    authors: ['Mbeki, Ana', 'Invented Press Agency'],
    pages: '12-19',
    citationKey: 'mbeki2021treaty',
    format: 'pdf',
  });
  const third = doc.text.indexOf('The envoy');
  const fourth = doc.text.indexOf('Both sides');
  // Page 3 starts inside paragraph 4, after "Both sides agreed".
  const breakAt = fourth + 'Both sides agreed '.length;
  return { ...doc, pageStarts: [0, third, breakAt] };
}

function rtDocument(): ParleyDocument {
  return makeDocument(
    'rt',
    [
      'Lavrov said the request was out of the question.',
      'Miliband said the talks would continue.',
      'A figure caption about the talks.',
    ],
    {
      title: 'Miliband: bilateral differences',
      source: 'RT',
      published: '2009-11-02T10:22',
      url: 'https://example.org/rt/miliband',
      citationKey: 'rt2009miliband',
    },
  );
}

function notebook(): { nb: Notebook; paper: ParleyDocument; rt: ParleyDocument } {
  const nb = emptyNotebook();
  const paper = pagedDocument();
  const rt = rtDocument();
  nb.documents.push(rt, paper);
  nb.topics.push({ id: 't', path: 'talks', colour: '', description: '' });
  nb.annotations.push(
    highlight(rt, 'the talks would continue', { topicIds: ['t'] }),
    highlight(paper, 'The minister spoke first', { topicIds: ['t'] }),
    highlight(paper, 'the proposal was unacceptable', { topicIds: ['t'] }),
    // Paragraph 4 runs over the break from page 2 to page 3.
    highlight(paper, 'agreed to meet again', { topicIds: ['t'] }),
  );
  return { nb, paper, rt };
}

/** The attribution lines (`> — …`) of a Markdown export, in order. */
const attributions = (markdown: string) => markdown.split('\n').filter((line) => line.startsWith('> — '));

describe('page cites', () => {
  test('a document read from pages cites p. N and pp. N-M; block ids keep their paragraph numbers', () => {
    const { nb, paper } = notebook();
    const lines = attributions(exportDocumentMarkdown(nb, paper.id, { now: NOW }));
    assert.deepEqual(lines, [
      '> — p. 1 · #talks ^p2-the-minister-spoke',
      '> — p. 2 · #talks ^p3-the-proposal-was',
      '> — pp. 2-3 · #talks ^p4-agreed-to-meet',
    ]);
  });

  test('a document without pages still cites its paragraph', () => {
    const { nb, rt } = notebook();
    assert.deepEqual(attributions(exportDocumentMarkdown(nb, rt.id, { now: NOW })), [
      '> — ¶2 · #talks ^p2-the-talks-would',
    ]);
  });

  test('links name the other passage by its page', () => {
    const { nb, paper } = notebook();
    const [, minister, envoy] = nb.annotations;
    minister!.links = [{ type: 'rebuts', annotationId: envoy!.id }];
    const markdown = exportDocumentMarkdown(nb, paper.id, { now: NOW });
    assert.match(
      markdown,
      /^→ rebuts p\. 2 “the proposal was unacceptable” \[\[#\^p3-the-proposal-was\]\]$/m,
    );
    assert.match(
      markdown,
      /^→ rebutted by p\. 1 “The minister spoke first” \[\[#\^p2-the-minister-spoke\]\]$/m,
    );
    const csv = exportCsv(nb);
    assert.match(csv, /rebuts p\. 2 “the proposal was unacceptable”/);
  });

  test('the CSV has a page column, empty for documents without pages', () => {
    const { nb } = notebook();
    assert.equal(CSV_COLUMNS.at(-1), 'page');
    const rows = exportCsv(nb).trimEnd().split('\r\n').slice(1);
    assert.deepEqual(
      rows.map((row) => row.split(',').at(-1)),
      ['', '1', '2', '2-3'],
    );
    // The paragraph column stays the paragraph's number.
    assert.deepEqual(
      rows.map((row) => row.split(',')[2]),
      ['2', '2', '3', '4'],
    );
  });

  test('the comparison cites pages too', () => {
    const { nb, paper } = notebook();
    nb.parties.push({ id: 'p', name: 'Envoy', short: 'EN', colour: '', aliases: [] });
    nb.annotations.find((a) => a.documentId === paper.id && a.target.exact.includes('proposal'))!.partyId =
      'p';
    assert.match(exportComparisonMarkdown(nb, { now: NOW }), /Treaty talks resume p\. 2/);
  });
});

describe('Pandoc citations', () => {
  test('with cite pandoc each attribution is followed by [@key, ¶ N] or [@key, p. N], the block id last', () => {
    const { nb, paper, rt } = notebook();
    assert.deepEqual(attributions(exportDocumentMarkdown(nb, rt.id, { now: NOW, cite: 'pandoc' })), [
      '> — ¶2 · #talks [@rt2009miliband, ¶ 2] ^p2-the-talks-would',
    ]);
    assert.deepEqual(attributions(exportDocumentMarkdown(nb, paper.id, { now: NOW, cite: 'pandoc' })), [
      '> — p. 1 · #talks [@mbeki2021treaty, p. 1] ^p2-the-minister-spoke',
      '> — p. 2 · #talks [@mbeki2021treaty, p. 2] ^p3-the-proposal-was',
      '> — pp. 2-3 · #talks [@mbeki2021treaty, pp. 2-3] ^p4-agreed-to-meet',
    ]);
  });

  test('none, the default, writes no citation', () => {
    const { nb, rt } = notebook();
    assert.doesNotMatch(exportDocumentMarkdown(nb, rt.id, { now: NOW }), /\[@/);
    assert.doesNotMatch(exportDocumentMarkdown(nb, rt.id, { now: NOW, cite: 'none' }), /\[@/);
  });

  test('the topic and whole-notebook exports cite every quote', () => {
    const { nb } = notebook();
    for (const markdown of [
      exportTopicMarkdown(nb, 't', { now: NOW, cite: 'pandoc' }),
      exportNotebookMarkdown(nb, { now: NOW, cite: 'pandoc' }),
    ]) {
      const lines = attributions(markdown);
      assert.equal(lines.length, 4);
      for (const line of lines)
        assert.match(line, /\[@(rt2009miliband, ¶ \d|mbeki2021treaty, pp?\. [\d-]+)\] \^p\d/);
    }
  });

  test('a party and a stance come before the citation', () => {
    const { nb, rt } = notebook();
    nb.parties.push({ id: 'uk', name: 'United Kingdom', short: 'UK', colour: '', aliases: [] });
    nb.annotations[0]!.partyId = 'uk';
    nb.annotations[0]!.stance = 'demand';
    assert.deepEqual(attributions(exportDocumentMarkdown(nb, rt.id, { now: NOW, cite: 'pandoc' })), [
      '> — United Kingdom · demand · ¶2 · #talks [@rt2009miliband, ¶ 2] ^p2-the-talks-would',
    ]);
  });

  test('a figure caption is cited by the paragraph it follows', () => {
    const rt = rtDocument();
    rt.blocks[2]!.kind = 'caption';
    const start = rt.text.indexOf('A figure caption');
    assert.equal(pandocCitation(rt, start, start + 5), '[@rt2009miliband, ¶ 2]');
  });

  test('keys Pandoc cannot read bare go in braces', () => {
    assert.equal(pandocKey('rt2009miliband'), '@rt2009miliband');
    assert.equal(pandocKey('doe:2009.a'), '@doe:2009.a');
    assert.equal(pandocKey('_x'), '@_x');
    assert.equal(pandocKey('doe2009.'), '@{doe2009.}');
    assert.equal(pandocKey('doe--2009'), '@{doe--2009}');
  });

  test('a document without a key is cited by the key its details make', () => {
    const rt = { ...rtDocument(), citationKey: '' };
    assert.equal(pandocCitation(rt, 0, 5), '[@rt2009miliband, ¶ 1]');
  });
});

/**
 * Checks an item against the CSL-JSON schema's shape for what Parley writes: id and type strings, names as
 * {family, given?} or {literal}, dates as date-parts of one to three integers, the rest strings.
 */
function assertCslItem(item: unknown): void {
  assert.ok(item !== null && typeof item === 'object' && !Array.isArray(item));
  const record = item as Record<string, unknown>;
  const known = ['id', 'type', 'title', 'author', 'issued', 'accessed', 'container-title', 'URL', 'page'];
  for (const key of Object.keys(record)) assert.ok(known.includes(key), `unexpected key ${key}`);
  assert.equal(typeof record.id, 'string');
  assert.ok((record.id as string).length > 0);
  assert.ok(['article-journal', 'article-newspaper', 'webpage', 'document'].includes(record.type as string));
  for (const key of ['title', 'container-title', 'URL', 'page']) {
    if (key in record) assert.ok(typeof record[key] === 'string' && record[key] !== '', key);
  }
  if ('author' in record) {
    assert.ok(Array.isArray(record.author) && record.author.length > 0);
    for (const name of record.author as Record<string, unknown>[]) {
      const keys = Object.keys(name).sort().join(',');
      assert.ok(['family', 'family,given', 'literal'].includes(keys), keys);
      for (const value of Object.values(name)) assert.ok(typeof value === 'string' && value !== '');
    }
  }
  for (const key of ['issued', 'accessed']) {
    if (!(key in record)) continue;
    const date = record[key] as Record<string, unknown>;
    assert.deepEqual(Object.keys(date), ['date-parts']);
    const parts = date['date-parts'] as unknown[][];
    assert.equal(parts.length, 1);
    assert.ok(parts[0]!.length >= 1 && parts[0]!.length <= 3);
    for (const part of parts[0]!) assert.ok(Number.isInteger(part));
  }
}

describe('CSL-JSON', () => {
  test('every document as an item keyed by its citation key, in library order', () => {
    const { nb } = notebook();
    const text = exportCslJson(nb);
    assert.ok(text.endsWith(']\n'));
    const items = JSON.parse(text) as unknown[];
    assert.ok(Array.isArray(items));
    items.forEach(assertCslItem);
    assert.deepEqual(items, [
      {
        id: 'rt2009miliband',
        type: 'article-newspaper',
        title: 'Miliband: bilateral differences',
        issued: { 'date-parts': [[2009, 11, 2]] },
        accessed: { 'date-parts': [[2026, 11, 1]] },
        'container-title': 'RT',
        URL: 'https://example.org/rt/miliband',
      },
      {
        id: 'mbeki2021treaty',
        type: 'article-journal',
        title: 'Treaty talks resume',
        author: [{ family: 'Mbeki', given: 'Ana' }, { literal: 'Invented Press Agency' }],
        issued: { 'date-parts': [[2021, 3, 4]] },
        'container-title': 'Journal of Invented Affairs',
        page: '12-19',
      },
    ]);
  });

  test('one document with documentId; an unknown one is refused', () => {
    const { nb, paper } = notebook();
    const items = JSON.parse(exportCslJson(nb, { documentId: paper.id })) as Array<{ id: string }>;
    assert.deepEqual(
      items.map((item) => item.id),
      ['mbeki2021treaty'],
    );
    assert.throws(() => exportCslJson(nb, { documentId: 'nope' }), ParleyError);
    assert.equal(exportCslJson(emptyNotebook()), '[]\n');
  });

  test('names: Family, Given; a family alone; a name cited whole', () => {
    assert.deepEqual(cslName('Doe, Jane'), { family: 'Doe', given: 'Jane' });
    assert.deepEqual(cslName('Doe,'), { family: 'Doe' });
    assert.deepEqual(cslName('Reuters'), { literal: 'Reuters' });
    assert.deepEqual(cslName('van der Berg, Jan Willem'), { family: 'van der Berg', given: 'Jan Willem' });
  });

  test('dates: a day, a month, a year, a time left out, nothing for no date or a bad one', () => {
    assert.deepEqual(cslDate('2009-11-02'), { 'date-parts': [[2009, 11, 2]] });
    assert.deepEqual(cslDate('2009-11-02T10:22'), { 'date-parts': [[2009, 11, 2]] });
    assert.deepEqual(cslDate('2009-11'), { 'date-parts': [[2009, 11]] });
    assert.deepEqual(cslDate('2009'), { 'date-parts': [[2009]] });
    assert.equal(cslDate(''), null);
    assert.equal(cslDate('2009-13-02'), null);
    assert.equal(cslDate('2009-02-30'), null);
    assert.equal(cslDate('yesterday'), null);
  });

  test('types from what the document says of itself', () => {
    const base = { pages: '', source: '', published: '', url: '' };
    assert.equal(cslType({ ...base, source: 'Journal', pages: '3-9' }), 'article-journal');
    assert.equal(cslType({ ...base, source: 'RT', published: '2009-11-02' }), 'article-newspaper');
    assert.equal(cslType({ ...base, source: 'RT', url: 'https://example.org' }), 'webpage');
    assert.equal(cslType({ ...base, url: 'https://example.org' }), 'webpage');
    assert.equal(cslType(base), 'document');
  });

  test('a document with nothing to cite but its key has no empty fields', () => {
    const doc = makeDocument('d', ['Some text.'], { title: '  ', citationKey: 'anonndsome' });
    const item = toCslItem(doc);
    assertCslItem(item);
    assert.deepEqual(item, { id: 'anonndsome', type: 'document' });
  });
});

describe('Edit details: the citation', () => {
  function twoDocuments(): Notebook {
    const nb = emptyNotebook();
    nb.documents.push(rtDocument(), pagedDocument());
    return nb;
  }

  test('authors, address, pages and key are saved as the schema keeps them', () => {
    const nb = twoDocuments();
    const doc = updateDocument(nb, {
      id: 'rt',
      authors: [' Doe,  Jane ', '', 'Reuters'],
      url: ' https://example.org/b ',
      pages: ' 4-5 ',
      citationKey: ' doe2009talks ',
    });
    assert.deepEqual(doc.authors, ['Doe, Jane', 'Reuters']);
    assert.equal(doc.url, 'https://example.org/b');
    assert.equal(doc.pages, '4-5');
    assert.equal(doc.citationKey, 'doe2009talks');
    assert.ok(DocumentSchema.safeParse(doc).success);
  });

  test('the key is not made again when the other details change', () => {
    const nb = twoDocuments();
    const doc = updateDocument(nb, {
      id: 'rt',
      title: 'Another title',
      authors: ['Doe, Jane'],
      published: '2010-01-01',
    });
    assert.equal(doc.citationKey, 'rt2009miliband');
  });

  test('a key taken by another document, or malformed, is refused and nothing changes', () => {
    const nb = twoDocuments();
    const before = structuredClone(nb);
    assert.throws(
      () => updateDocument(nb, { id: 'rt', title: 'Changed', citationKey: 'mbeki2021treaty' }),
      (error: unknown) =>
        error instanceof ParleyError && /taken by "Treaty talks resume"/.test(error.message),
    );
    assert.throws(
      () => updateDocument(nb, { id: 'rt', citationKey: 'has space' }),
      /cannot be a citation key/,
    );
    assert.throws(() => updateDocument(nb, { id: 'rt', citationKey: '' }), /cannot be empty/);
    assert.throws(() => updateDocument(nb, { id: 'rt', url: 'https://a b' }), /cannot contain spaces/);
    assert.throws(
      () => updateDocument(nb, { id: 'rt', authors: Array.from({ length: 101 }, (_, i) => `Name ${i}`) }),
      /at most 100 authors/,
    );
    assert.deepEqual(nb, before);
  });

  test('the document may keep its own key', () => {
    const nb = twoDocuments();
    assert.equal(
      updateDocument(nb, { id: 'rt', citationKey: 'rt2009miliband' }).citationKey,
      'rt2009miliband',
    );
  });

  test('Make from details: the key the typed details make, unique among the other documents', () => {
    const nb = twoDocuments();
    const details = {
      authors: ['Mbeki, Sipho'],
      source: '',
      published: '2021-05-01',
      title: 'Treaty signed',
    };
    assert.equal(suggestedCitationKey(details, nb.documents, 'rt'), 'mbeki2021treatya');
    // The paper's own key does not count as taken for the paper.
    assert.equal(suggestedCitationKey(details, nb.documents, 'paper'), 'mbeki2021treaty');
  });
});
