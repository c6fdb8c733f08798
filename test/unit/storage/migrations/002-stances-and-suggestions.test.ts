/** Migration 2 on a notebook exactly as schema 1 wrote it: everything kept, the two new lists added empty. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SCHEMA_VERSION } from '../../../../shared/model';
import { migrate, runMigrations } from '../../../../main/storage/migrations';
import { stancesAndSuggestions } from '../../../../main/storage/migrations/002-stances-and-suggestions';
import { talksDocument } from './fixtures';
import { upgradeOnDisk } from './on-disk';

const v1 = {
  schemaVersion: 1,
  documents: [talksDocument],
  topics: [{ id: 't1', path: 'extradition', colour: '#88ccee', description: '' }],
  parties: [],
  annotations: [
    {
      id: 'a1',
      documentId: 'd1',
      target: { start: 0, end: 15, exact: 'Lavrov said no.', prefix: '', suffix: '' },
      topicIds: ['t1'],
      partyId: null,
      stance: null,
      note: '**no**',
      links: [],
      createdAt: '2026-11-30T10:00:00.000Z',
      updatedAt: '2026-11-30T10:00:00.000Z',
    },
  ],
};

test('a schema 1 notebook gains empty stances and dismissed suggestions and keeps the rest', () => {
  const migrated = runMigrations(structuredClone(v1), [stancesAndSuggestions], 2);
  assert.equal(migrated.schemaVersion, 2);
  assert.deepEqual(migrated.stances, []);
  assert.deepEqual(migrated.dismissedSuggestions, []);
  const { schemaVersion: _a, stances: _b, dismissedSuggestions: _c, ...rest } = migrated;
  const { schemaVersion: _d, ...original } = v1;
  assert.deepEqual(rest, original);
  assert.equal(migrate(structuredClone(v1)).schemaVersion, SCHEMA_VERSION, 'and on to the current schema');
});

test('opening a schema 1 file upgrades it and keeps the old file beside it', async () => {
  const { onDisk, backup } = await upgradeOnDisk(v1, (store) => {
    assert.equal(store.data.annotations[0]?.note, '**no**');
    store.change((nb) => nb.stances.push('ultimatum'));
  });
  assert.equal(onDisk.schemaVersion, SCHEMA_VERSION);
  assert.deepEqual(onDisk.stances, ['ultimatum']);
  assert.ok(backup !== null, 'the schema 1 file is kept as a backup');
  assert.equal(backup.schemaVersion, 1);
});
