/**
 * Migration 5 on a notebook as schema 4 wrote it: nothing in it changes and it loads; a notebook with caption
 * blocks loads here, and a Parley that reads only up to schema 4 refuses it with a message that names the reason
 * (a newer version wrote it) rather than a schema error.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SCHEMA_VERSION } from '../../../../shared/model';
import { MigrationError, migrate, migrations, runMigrations } from '../../../../main/storage/migrations';
import { captionBlocks } from '../../../../main/storage/migrations/005-caption-blocks';
import { talksDocument } from './fixtures';
import { upgradeOnDisk } from './on-disk';

/** As schema 4 wrote it: an HTML document with a quote and a list item, marks and openedAt. */
const document = {
  ...talksDocument,
  format: 'html',
  text: 'Talks\n\nLavrov said no.\n\nOne point',
  blocks: [
    { kind: 'heading', start: 0, end: 5 },
    { kind: 'quote', start: 7, end: 22, depth: 1 },
    { kind: 'list-item', start: 24, end: 33, depth: 1, ordered: true, number: 1 },
  ],
  note: '',
  byline: 'Ann Smith',
  marks: [{ kind: 'link', start: 7, end: 13, href: 'https://example.org/lavrov' }],
  openedAt: '',
};
const v4 = {
  schemaVersion: 4,
  documents: [document],
  topics: [],
  parties: [],
  annotations: [],
  stances: [],
  dismissedSuggestions: [],
};

test('a schema 4 notebook is kept as it was, at schema 5', () => {
  const migrated = runMigrations(structuredClone(v4), [captionBlocks], 5);
  assert.equal(migrated.schemaVersion, 5);
  const { schemaVersion: _a, ...rest } = migrated;
  const { schemaVersion: _b, ...original } = v4;
  assert.deepEqual(rest, original);
  const notebook = migrate(structuredClone(v4));
  assert.equal(notebook.schemaVersion, SCHEMA_VERSION);
  assert.deepEqual(notebook.documents[0]?.blocks, document.blocks);
  assert.deepEqual(notebook.documents[0]?.marks, document.marks);
});

test('a notebook with a caption block loads at the current schema', () => {
  const withCaption = {
    ...structuredClone(v4),
    schemaVersion: 5,
    documents: [
      {
        ...document,
        blocks: [...document.blocks.slice(0, 2), { kind: 'caption', start: 24, end: 33 }],
      },
    ],
  };
  assert.equal(migrate(withCaption).documents[0]?.blocks[2]?.kind, 'caption');
});

test('a Parley that reads up to schema 4 refuses a notebook with captions, saying a newer version wrote it', () => {
  const older = migrations.filter((migration) => migration.version <= 4);
  const withCaption = {
    ...structuredClone(v4),
    schemaVersion: SCHEMA_VERSION,
    documents: [{ ...document, blocks: [{ kind: 'caption', start: 0, end: 5 }] }],
  };
  assert.throws(
    () => runMigrations(withCaption, older, 4),
    (error: unknown) =>
      error instanceof MigrationError &&
      error.reason === 'too-new' &&
      error.message.includes(
        `written by a newer version of Parley (notebook schema ${SCHEMA_VERSION}; this version reads up to 4)`,
      ),
  );
});

test('opening a schema 4 file upgrades it on disk and keeps the old file beside it', async () => {
  const { onDisk, backup } = await upgradeOnDisk(v4, (store) => {
    assert.equal(store.data.documents[0]?.byline, 'Ann Smith');
    store.change((nb) => nb.stances.push('threat'));
  });
  assert.equal(onDisk.schemaVersion, SCHEMA_VERSION);
  assert.deepEqual(onDisk.documents[0]?.blocks, document.blocks);
  assert.equal(backup?.schemaVersion, 4);
});
