/**
 * Migration 6 on notebooks as schema 5 wrote them: every document gets no authors, no pages and a citation key
 * made from its container, year and title, unique in the notebook in document order; nothing else changes; a
 * notebook of schema 6 with pages and notes loads here; opening a schema 5 file upgrades it on disk.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SCHEMA_VERSION } from '../../../../shared/model';
import { migrate, runMigrations } from '../../../../main/storage/migrations';
import { citationsAndPages } from '../../../../main/storage/migrations/006-citations-and-pages';
import { talksDocument } from './fixtures';
import { upgradeOnDisk } from './on-disk';

/** As schema 5 wrote it (the sample's own source, date and title). */
const document = {
  ...talksDocument,
  title: 'Miliband: bilateral differences will not obscure our relationship',
  note: '',
  byline: '',
  marks: [],
  openedAt: '',
};
const v5 = {
  schemaVersion: 5,
  documents: [
    document,
    { ...document, id: 'd2' },
    { ...document, id: 'd3', source: 'Le Monde', published: '', title: 'Événements : the talks' },
  ],
  topics: [],
  parties: [],
  annotations: [],
  stances: [],
  dismissedSuggestions: [],
};

test('schema 5 documents get no authors, no pages and keys unique in document order', () => {
  const migrated = runMigrations(structuredClone(v5), [citationsAndPages], 6);
  assert.equal(migrated.schemaVersion, 6);
  const docs = migrated.documents as Array<Record<string, unknown>>;
  assert.deepEqual(
    docs.map((doc) => doc.citationKey),
    ['rt2009miliband', 'rt2009milibanda', 'lemondendevenements'],
  );
  for (const [i, doc] of docs.entries()) {
    assert.deepEqual(doc.authors, []);
    assert.equal(doc.pages, '');
    const { authors: _a, pages: _p, citationKey: _k, ...rest } = doc;
    assert.deepEqual(rest, v5.documents[i]);
  }
  const notebook = migrate(structuredClone(v5));
  assert.equal(notebook.schemaVersion, SCHEMA_VERSION);
  assert.equal(notebook.documents[0]?.citationKey, 'rt2009miliband');
});

test('a schema 6 document read from pages, with a note block, loads as written', () => {
  const paged = {
    ...structuredClone(v5),
    schemaVersion: 6,
    documents: [
      {
        ...document,
        format: 'pdf',
        text: 'Lavrov said no.\n\nA note.',
        blocks: [
          { kind: 'paragraph', start: 0, end: 15, page: 1 },
          { kind: 'note', start: 17, end: 24, page: 2 },
        ],
        pageStarts: [0, 17],
        authors: ['Smith, Ann'],
        pages: '4-5',
        citationKey: 'smith2009miliband',
        file: { name: 'talks.pdf', size: 10, sha256: 'f'.repeat(64) },
      },
    ],
  };
  const notebook = migrate(structuredClone(paged));
  // Schema 7 makes it its own first version, and changes nothing else.
  assert.deepEqual(notebook.documents[0], { ...paged.documents[0], version: 1 });
});

test('opening a schema 5 file upgrades it on disk with keys, and keeps the old file beside it', async () => {
  const { onDisk, backup } = await upgradeOnDisk(v5, (store) => {
    store.change((nb) => nb.stances.push('threat'));
  });
  assert.equal(onDisk.schemaVersion, SCHEMA_VERSION);
  assert.equal(onDisk.documents[2]?.citationKey, 'lemondendevenements');
  assert.equal(backup?.schemaVersion, 5);
});
