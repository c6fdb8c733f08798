/** Migration 3 on a notebook as schema 2 wrote it: every document gains an empty note and byline, all else kept. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { documentNotes } from '../../../../main/storage/migrations/003-document-notes';
import { runMigrations } from '../../../../main/storage/migrations';
import { talksDocument } from './fixtures';

const document = talksDocument;
const v2 = {
  schemaVersion: 2,
  documents: [document],
  topics: [],
  parties: [],
  annotations: [],
  stances: ['ultimatum'],
  dismissedSuggestions: ['d1:0:15'],
};

test('every document gains an empty note and byline; nothing else changes', () => {
  const migrated = runMigrations(structuredClone(v2), [documentNotes], 3);
  assert.equal(migrated.schemaVersion, 3);
  assert.deepEqual(migrated.documents, [{ ...document, note: '', byline: '' }]);
  assert.deepEqual(migrated.stances, ['ultimatum']);
  assert.deepEqual(migrated.dismissedSuggestions, ['d1:0:15']);
});

test('a documents list that is not an array is left for validation to refuse', () => {
  assert.deepEqual(documentNotes.up({ documents: 'nope' }), { documents: 'nope' });
});
