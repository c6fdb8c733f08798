/**
 * Migration 7 on notebooks as schema 6 wrote them: every document becomes its own first version, the notebook has no
 * earlier versions and no events, and highlights are unchanged; a schema 7 notebook with versions, a highlight kept
 * on an earlier version and an event loads as written; opening a schema 6 file upgrades it on disk.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SCHEMA_VERSION } from '../../../../shared/model';
import { migrate, runMigrations } from '../../../../main/storage/migrations';
import { versionsAndEvents } from '../../../../main/storage/migrations/007-versions-and-events';
import { talksDocument } from './fixtures';
import { upgradeOnDisk } from './on-disk';

/** As schema 6 wrote it. */
const document = {
  ...talksDocument,
  title: 'Miliband: bilateral differences will not obscure our relationship',
  note: '',
  byline: '',
  marks: [],
  openedAt: '',
  authors: [],
  pages: '',
  citationKey: 'rt2009miliband',
};
const quote = 'said no';
const at = talksDocument.text.indexOf(quote);
const annotation = {
  id: 'a1',
  documentId: talksDocument.id,
  target: { start: at, end: at + quote.length, exact: quote, prefix: '', suffix: '' },
  topicIds: [],
  partyId: null,
  stance: null,
  note: '',
  links: [],
  createdAt: '2009-11-02T10:00:00.000Z',
  updatedAt: '2009-11-02T10:00:00.000Z',
};
const v6 = {
  schemaVersion: 6,
  documents: [document, { ...document, id: 'd2', citationKey: 'rt2009milibanda' }],
  topics: [],
  parties: [],
  annotations: [annotation],
  stances: [],
  dismissedSuggestions: [],
};

test('schema 6 documents become their first version; no earlier versions, no events; highlights as they were', () => {
  const migrated = runMigrations(structuredClone(v6), [versionsAndEvents], 7);
  assert.equal(migrated.schemaVersion, 7);
  assert.deepEqual(migrated.versions, []);
  assert.deepEqual(migrated.events, []);
  const docs = migrated.documents as Array<Record<string, unknown>>;
  for (const [i, doc] of docs.entries()) {
    const { version, ...rest } = doc;
    assert.equal(version, 1);
    assert.deepEqual(rest, v6.documents[i]);
  }
  assert.deepEqual(migrated.annotations, v6.annotations);
  const notebook = migrate(structuredClone(v6));
  assert.equal(notebook.schemaVersion, SCHEMA_VERSION);
  assert.equal(notebook.documents[1]?.version, 1);
});

test('a schema 7 notebook with an earlier version, a highlight kept on it and an event loads as written', () => {
  const { text, blocks, contentHash } = talksDocument;
  const v7 = {
    ...structuredClone(v6),
    schemaVersion: 7,
    documents: [{ ...document, version: 2, text: `${text}\n\nA paragraph added later.` }],
    versions: [
      {
        documentId: document.id,
        n: 1,
        importedAt: '2009-11-02T09:00:00.000Z',
        title: document.title,
        url: document.url,
        published: document.published,
        format: document.format,
        text,
        blocks,
        marks: [],
        contentHash,
      },
    ],
    annotations: [
      {
        ...annotation,
        version: 1,
        carried: {
          from: 1,
          to: 2,
          state: 'lost',
          old: annotation.target,
          proposed: null,
          outcome: 'kept-on-old',
        },
      },
    ],
    events: [
      {
        id: 'e1',
        name: 'Miliband in Moscow',
        date: '2009-11-02',
        documentIds: [document.id],
        createdAt: '2009-11-03T09:00:00.000Z',
      },
    ],
  };
  const notebook = migrate(structuredClone(v7));
  assert.deepEqual(notebook, v7);
});

test('a schema 7 annotation whose review state is not one of the four is refused', () => {
  const bad = {
    ...structuredClone(v6),
    schemaVersion: 7,
    documents: [{ ...document, version: 1 }],
    versions: [],
    events: [],
    annotations: [
      {
        ...annotation,
        carried: { from: 1, to: 2, state: 'shifted', old: annotation.target, proposed: null },
      },
    ],
  };
  assert.throws(() => migrate(bad), /annotations\[0\]\.carried\.state/);
});

test('opening a schema 6 file upgrades it on disk, and keeps the old file beside it', async () => {
  const { onDisk, backup } = await upgradeOnDisk(v6, (store) => {
    store.change((nb) => nb.stances.push('threat'));
  });
  assert.equal(onDisk.schemaVersion, SCHEMA_VERSION);
  assert.deepEqual(onDisk.versions, []);
  assert.deepEqual(onDisk.events, []);
  assert.equal(onDisk.documents[0]?.version, 1);
  assert.equal(backup?.schemaVersion, 6);
});
