/**
 * Migration 4 on a notebook as schema 3 wrote it: every document gains no marks and an empty openedAt, its blocks
 * and everything else are kept, and the result is a valid current notebook.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SCHEMA_VERSION } from '../../../../shared/model';
import { migrate, runMigrations } from '../../../../main/storage/migrations';
import { formattingAndOpened } from '../../../../main/storage/migrations/004-formatting-and-opened';
import { talksDocument } from './fixtures';
import { upgradeOnDisk } from './on-disk';

/** As schema 3 wrote it: a Markdown document with the note and byline schema 3 added. */
const document = {
  ...talksDocument,
  format: 'markdown',
  text: 'Talks\n\nLavrov said no.',
  blocks: [
    { kind: 'heading', start: 0, end: 5 },
    { kind: 'paragraph', start: 7, end: 22 },
  ],
  note: 'My **note**.',
  byline: 'By Ann',
};
const v3 = {
  schemaVersion: 3,
  documents: [document],
  topics: [],
  parties: [],
  annotations: [],
  stances: ['ultimatum'],
  dismissedSuggestions: ['d1:7:22'],
};

test('every document gains no marks and an empty openedAt; nothing else changes', () => {
  const migrated = runMigrations(structuredClone(v3), [formattingAndOpened], 4);
  assert.equal(migrated.schemaVersion, 4);
  assert.deepEqual(migrated.documents, [{ ...document, marks: [], openedAt: '' }]);
  const { schemaVersion: _a, documents: _b, ...rest } = migrated;
  const { schemaVersion: _c, documents: _d, ...original } = v3;
  assert.deepEqual(rest, original);
});

test('the migrated notebook is valid at the current schema, old blocks and all', () => {
  const notebook = migrate(structuredClone(v3));
  assert.equal(notebook.schemaVersion, SCHEMA_VERSION);
  assert.deepEqual(notebook.documents[0]?.blocks, document.blocks);
  assert.deepEqual(notebook.documents[0]?.marks, []);
  assert.equal(notebook.documents[0]?.openedAt, '');
});

test('a documents list that is not an array, or a document that is not an object, is left for validation', () => {
  assert.deepEqual(formattingAndOpened.up({ documents: 'nope' }), { documents: 'nope' });
  assert.deepEqual(formattingAndOpened.up({ documents: [null, 3] }), { documents: [null, 3] });
});

test('opening a schema 3 file upgrades it on disk and keeps the old file beside it', async () => {
  const { onDisk, backup } = await upgradeOnDisk(v3, (store) => {
    assert.equal(store.data.documents[0]?.note, 'My **note**.');
    store.change((nb) => nb.stances.push('threat'));
  });
  assert.equal(onDisk.schemaVersion, SCHEMA_VERSION);
  assert.deepEqual(onDisk.documents[0]?.marks, []);
  assert.equal(onDisk.documents[0]?.openedAt, '');
  assert.equal(backup?.schemaVersion, 3);
});
