// The document's citation in W3C annotations: each target carries it (`parley:document`, Dublin Core terms, the
// source staying the document's IRI), and the import reads and checks it and finds the document by it when the
// source names none in this notebook (a file from another notebook). Test texts written for Parley, not real
// reporting.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyW3CImport, exportW3C, importW3C } from '../../../main/core/w3c';
import { DC_NAMESPACE, W3C_CONTEXT } from '../../../main/core/w3c/types';
import { emptyNotebook, type Notebook, type ParleyDocument } from '../../../shared/model';
import { highlightMaker, makeDocument } from './fixtures';

const NOW = new Date('2026-11-30T12:00:00.000Z');
const highlight = highlightMaker({
  createdAt: '2026-11-02T10:00:00.000Z',
  updatedAt: '2026-11-03T10:00:00.000Z',
});

function citedDocument(id: string, meta: Partial<ParleyDocument> = {}): ParleyDocument {
  return makeDocument(id, ['Treaty talks resume', 'The envoy said the proposal was unacceptable.'], {
    title: 'Treaty talks resume',
    source: 'Journal of Invented Affairs',
    published: '2021-03-04',
    url: 'https://example.org/treaty',
    authors: ['Mbeki, Ana', 'Invented Press Agency'],
    pages: '12-19',
    citationKey: 'mbeki2021treaty',
    ...meta,
  });
}

function notebookOf(...docs: ParleyDocument[]): Notebook {
  const nb = emptyNotebook();
  nb.documents.push(...docs);
  return nb;
}

interface Item {
  target: Record<string, unknown> & { source: string };
}

function exportedItems(nb: Notebook): Item[] {
  const collection = exportW3C(nb, { now: NOW }) as { '@context': unknown[]; first: { items: Item[] } };
  return collection.first.items;
}

describe('W3C export: the document citation', () => {
  test('the target carries the citation in Dublin Core terms beside its source', () => {
    const doc = citedDocument('d1');
    const nb = notebookOf(doc);
    nb.annotations.push(highlight(doc, 'the proposal was unacceptable'));
    const collection = exportW3C(nb, { now: NOW }) as { '@context': unknown[] };
    assert.equal(collection['@context'][0], W3C_CONTEXT);
    assert.equal((collection['@context'][1] as Record<string, unknown>).dc, DC_NAMESPACE);
    const [item] = exportedItems(nb);
    assert.equal(item!.target.source, 'urn:parley:document:d1');
    assert.deepEqual(item!.target['parley:document'], {
      id: 'urn:parley:document:d1',
      'dc:title': 'Treaty talks resume',
      'dc:creator': ['Mbeki, Ana', 'Invented Press Agency'],
      'dc:issued': '2021-03-04',
      'dc:isPartOf': 'Journal of Invented Affairs',
      'dc:identifier': 'mbeki2021treaty',
      'dc:source': 'https://example.org/treaty',
      'parley:pages': '12-19',
    });
  });

  test('fields the document lacks are left out', () => {
    const doc = makeDocument('d2', ['Bare text.'], { title: 'Bare' });
    const nb = notebookOf(doc);
    nb.annotations.push(highlight(doc, 'Bare text'));
    assert.deepEqual(exportedItems(nb)[0]!.target['parley:document'], {
      id: 'urn:parley:document:d2',
      'dc:title': 'Bare',
    });
  });
});

describe('W3C import: the document citation', () => {
  test('a file from another notebook finds the document by its citation key, and leaves its details alone', () => {
    const from = citedDocument('there');
    const source = notebookOf(from);
    source.annotations.push(highlight(from, 'the proposal was unacceptable'));
    const json = JSON.stringify(exportW3C(source, { now: NOW }));
    // The same article in another notebook: another id, no address, other details, the same key.
    const here = citedDocument('here', { url: '', title: 'Treaty talks (my copy)', authors: [] });
    const nb = notebookOf(here, citedDocument('other', { citationKey: 'other2021treaty', url: '' }));
    const before = structuredClone(nb.documents);
    const result = importW3C(nb, json, { now: NOW });
    assert.deepEqual(result.errors, []);
    assert.deepEqual(
      result.annotations.map((a) => [a.documentId, a.target.exact]),
      [['here', 'the proposal was unacceptable']],
    );
    assert.deepEqual(nb.documents, before);
  });

  test('the import brings the citation back: the document’s empty fields are filled in, the rest kept', () => {
    const from = citedDocument('there');
    const source = notebookOf(from);
    source.annotations.push(highlight(from, 'the proposal was unacceptable'));
    const json = JSON.stringify(exportW3C(source, { now: NOW }));
    // The same article imported afresh elsewhere: no authors, no address, no pages; its own title, date and key.
    const here = citedDocument('here', {
      url: '',
      authors: [],
      pages: '',
      source: '',
      title: 'Treaty talks (my copy)',
      published: '2021-03-05',
    });
    const nb = notebookOf(here);
    const result = importW3C(nb, json, { now: NOW });
    assert.deepEqual(result.errors, []);
    applyW3CImport(nb, result, {
      createTopic: () => assert.fail('no topic to make'),
      createParty: () => assert.fail('no party to make'),
    });
    const doc = nb.documents[0]!;
    assert.deepEqual(doc.authors, ['Mbeki, Ana', 'Invented Press Agency']);
    assert.equal(doc.url, 'https://example.org/treaty');
    assert.equal(doc.pages, '12-19');
    assert.equal(doc.source, 'Journal of Invented Affairs');
    assert.equal(doc.title, 'Treaty talks (my copy)', 'a title is never taken from a file');
    assert.equal(doc.published, '2021-03-05', 'a field the document has is kept');
    assert.equal(doc.citationKey, 'mbeki2021treaty');
  });

  test('without a matching key, the citation’s address finds it', () => {
    const from = citedDocument('there');
    const source = notebookOf(from);
    source.annotations.push(highlight(from, 'the proposal was unacceptable'));
    const json = JSON.stringify(exportW3C(source, { now: NOW }));
    const nb = notebookOf(citedDocument('here', { citationKey: 'mine2021' }));
    const result = importW3C(nb, json, { now: NOW });
    assert.deepEqual(result.errors, []);
    assert.equal(result.annotations[0]!.documentId, 'here');
  });

  test('without the citation, a document of another notebook is not found', () => {
    const from = citedDocument('there');
    const source = notebookOf(from);
    source.annotations.push(highlight(from, 'the proposal was unacceptable'));
    const item = exportedItems(source)[0]!;
    delete item.target['parley:document'];
    const nb = notebookOf(citedDocument('here', { url: '' }));
    const result = importW3C(nb, [item], { now: NOW });
    assert.equal(result.annotations.length, 0);
    assert.match(result.errors[0]!, /targets document there, which is not in this notebook/);
  });

  test('full Dublin Core IRIs, a JSON-LD list and a dcterms: prefix are read too', () => {
    const nb = notebookOf(citedDocument('here', { url: '' }));
    const annotation = (document: Record<string, unknown>) => ({
      '@context': W3C_CONTEXT,
      type: 'Annotation',
      target: {
        source: 'urn:parley:document:elsewhere',
        'urn:parley:ns:document': document,
        selector: { type: 'TextQuoteSelector', exact: 'the proposal was unacceptable' },
      },
    });
    const result = importW3C(
      nb,
      [
        annotation({
          [`${DC_NAMESPACE}identifier`]: 'mbeki2021treaty',
          [`${DC_NAMESPACE}creator`]: { '@list': ['Mbeki, Ana'] },
        }),
        annotation({ 'dcterms:identifier': 'mbeki2021treaty', 'dcterms:creator': 'Mbeki, Ana' }),
      ],
      { now: NOW },
    );
    assert.deepEqual(result.errors, []);
    assert.equal(result.annotations.length, 2);
  });

  test('a malformed citation rejects the annotation, saying what is wrong', () => {
    const nb = notebookOf(citedDocument('here'));
    const result = importW3C(
      nb,
      {
        type: 'Annotation',
        target: {
          source: 'urn:parley:document:here',
          'parley:document': { 'dc:creator': [42] },
          selector: { type: 'TextQuoteSelector', exact: 'the proposal was unacceptable' },
        },
      },
      { now: NOW },
    );
    assert.equal(result.annotations.length, 0);
    assert.match(result.errors[0]!, /parley:document: dc:creator\.0: /);
  });

  test('another tool’s annotation, with no citation, imports as before', () => {
    const nb = notebookOf(citedDocument('here'));
    const result = importW3C(
      nb,
      {
        '@context': W3C_CONTEXT,
        type: 'Annotation',
        target: {
          source: 'https://example.org/treaty',
          selector: { type: 'TextQuoteSelector', exact: 'the proposal was unacceptable' },
        },
      },
      { now: NOW },
    );
    assert.deepEqual(result.errors, []);
    assert.equal(result.annotations[0]!.documentId, 'here');
  });
});
