// Written for the author of a highlight (team notebooks): the name set once in Preferences is kept in the profile's
// settings and recorded on every highlight the user makes through the handlers (a highlight of a selection, an
// accepted suggestion); none is recorded while no name is set; editing a highlight, re-selecting its passage after
// a new version, or setting another name later leaves the author it was made with. The ferry text is written for
// these tests; it is not real reporting.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { dispatch, type HandlerTable } from '../../../main/ipc/dispatch';
import { createHandlers, type Dialogs } from '../../../main/ipc/handlers';
import { settingsPreferences } from '../../../main/preferences';
import { SETTINGS_FILE, SettingsStore } from '../../../main/settings';
import { openNotebookStore, type NotebookStore } from '../../../main/storage/notebook-store';
import { calls, type CallArgs, type CallName, type CallResult } from '../../../shared/contract';

const SAMPLE = [
  'The harbour council put off its decision on the new ferry line on Tuesday.',
  '"We need more time to weigh the costs," said Mayor Ilse Brandt.',
  'A final vote is expected in March, when the council hears the shipping companies.',
].join('\n\n');

let dir = '';
let store: NotebookStore;
let table: HandlerTable;
let documentId = '';

async function call<K extends CallName>(name: K, args: CallArgs<K>): Promise<CallResult<K>> {
  const envelope = await dispatch(table, calls[name].channel, args);
  if (!envelope.ok) throw new Error(`${name}: ${envelope.error.message}`);
  return envelope.value as CallResult<K>;
}

function span(quote: string): { start: number; end: number } {
  const text = store.data.documents.find((d) => d.id === documentId)!.text;
  const start = text.indexOf(quote);
  assert.ok(start >= 0, `no “${quote}” in the text`);
  return { start, end: start + quote.length };
}

function settings(): SettingsStore {
  return new SettingsStore(join(dir, SETTINGS_FILE));
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'parley-author-'));
  store = await openNotebookStore(join(dir, 'notebook.json'), { debounceMs: 1 });
  table = createHandlers({
    store,
    dialogs: {} as Dialogs,
    appVersion: '0.0.0-test',
    preferences: settingsPreferences(settings()),
  });
  const doc = await call('importDocument', { fileName: 'ferry.txt', content: SAMPLE });
  documentId = doc.id;
});

afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the author of a highlight', () => {
  test('none is recorded while no name is set', async () => {
    assert.deepEqual(await call('preferences', undefined), { authorName: '' });
    const made = await call('createAnnotation', {
      documentId,
      ...span('put off its decision'),
      topicIds: [],
      note: '',
    });
    assert.equal(made.author, undefined);
    assert.ok(!('author' in store.data.annotations[0]!));
  });

  test('the name set in Preferences is kept in the settings and recorded on each highlight made', async () => {
    assert.deepEqual(await call('setAuthorName', { name: '  Ana  ' }), { authorName: 'Ana' });
    assert.equal(settings().authorName, 'Ana', 'kept in the profile’s settings file');
    assert.deepEqual(await call('preferences', undefined), { authorName: 'Ana' });

    const made = await call('createAnnotation', {
      documentId,
      ...span('put off its decision'),
      topicIds: [],
      note: '',
    });
    assert.equal(made.author, 'Ana');
    assert.equal(store.data.annotations.find((a) => a.id === made.id)?.author, 'Ana');

    const suggestions = await call('suggestStatements', { documentId });
    assert.ok(suggestions.length > 0, 'the mayor’s quote is suggested');
    const accepted = await call('acceptSuggestions', {
      documentId,
      accept: [{ key: suggestions[0]!.key, topicIds: [] }],
    });
    assert.deepEqual(
      accepted.annotations.map((a) => a.author),
      ['Ana'],
    );
  });

  test('an edit, a re-selection and a later name leave the author it was made with', async () => {
    await call('setAuthorName', { name: 'Ana' });
    const made = await call('createAnnotation', {
      documentId,
      ...span('A final vote is expected in March'),
      topicIds: [],
      note: '',
    });
    await call('setAuthorName', { name: 'Boris' });
    const edited = await call('updateAnnotation', { id: made.id, note: 'Boris adds a note.' });
    assert.equal(edited.author, 'Ana');

    // A newer version where the sentence is reworded: the highlight waits for review, and is re-selected.
    const reworded = SAMPLE.replace(
      'A final vote is expected in March',
      'The last vote should come in March',
    );
    await call('importVersionFile', {
      documentId,
      fileName: 'ferry-2.txt',
      bytes: new TextEncoder().encode(reworded),
    });
    const text = store.data.documents.find((d) => d.id === documentId)!.text;
    const start = text.indexOf('The last vote should come in March');
    const reselected = await call('reselectReview', {
      annotationId: made.id,
      start,
      end: start + 'The last vote should come in March'.length,
    });
    assert.equal(reselected.target.exact, 'The last vote should come in March');
    assert.equal(reselected.author, 'Ana');
    // Boris's own highlight is his.
    const his = await call('createAnnotation', {
      documentId,
      ...span('put off its decision'),
      topicIds: [],
      note: '',
    });
    assert.equal(his.author, 'Boris');
  });
});
