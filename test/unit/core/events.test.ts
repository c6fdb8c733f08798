// Events: documents grouped as accounts of one happening. Each refusal says why in words and changes nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEvent, deleteEvent, listEvents, updateEvent } from '../../../main/core/events';
import { MAX_NAME_LENGTH } from '../../../shared/limits';
import { MAX_EVENT_ACCOUNTS, emptyNotebook, type Notebook } from '../../../shared/model';
import { assertRefused, makeDocument } from './fixtures';

const NOW = new Date('2026-11-30T12:00:00.000Z');

function notebook(documents = 3): Notebook {
  const nb = emptyNotebook();
  for (let i = 1; i <= documents; i++) nb.documents.push(makeDocument(`d${i}`, [`Account ${i}`, 'Text.']));
  return nb;
}

test('an event keeps its trimmed name, its date and its accounts in the order given', () => {
  const nb = notebook();
  const event = createEvent(
    nb,
    { name: '  Talks   in Moscow ', date: '2009-11-02', documentIds: ['d3', 'd1'] },
    NOW,
  );
  assert.equal(event.name, 'Talks in Moscow');
  assert.equal(event.date, '2009-11-02');
  assert.deepEqual(event.documentIds, ['d3', 'd1']);
  assert.equal(event.createdAt, NOW.toISOString());
  assert.deepEqual(listEvents(nb), [event]);
  const undated = createEvent(nb, { name: 'Press conference', documentIds: ['d1', 'd2'] }, NOW);
  assert.equal(undated.date, '');
  assert.notEqual(undated.id, event.id);
});

test('creating an event refuses bad names, dates and accounts, and adds nothing', () => {
  const nb = notebook();
  const make = (input: { name: string; date?: string; documentIds: string[] }) => () =>
    createEvent(nb, input, NOW);
  assertRefused(nb, make({ name: '   ', documentIds: ['d1', 'd2'] }), 'invalid', /needs a name/);
  assertRefused(
    nb,
    make({ name: 'x'.repeat(MAX_NAME_LENGTH + 1), documentIds: ['d1', 'd2'] }),
    'invalid',
    /at most/,
  );
  for (const date of ['2009-02-30', '2009-13-01', '2 Nov 2009', '2009-11-2']) {
    assertRefused(nb, make({ name: 'Talks', date, documentIds: ['d1', 'd2'] }), 'invalid', /YYYY-MM-DD/);
  }
  assertRefused(nb, make({ name: 'Talks', documentIds: ['d1'] }), 'invalid', /at least two accounts/);
  assertRefused(nb, make({ name: 'Talks', documentIds: [] }), 'invalid', /at least two accounts/);
  assertRefused(nb, make({ name: 'Talks', documentIds: ['d1', 'd1'] }), 'invalid', /given twice/);
  assertRefused(
    nb,
    make({ name: 'Talks', documentIds: ['d1', 'nope'] }),
    'not-found',
    /no document with id "nope"/,
  );
  const many = notebook(MAX_EVENT_ACCOUNTS + 1);
  assertRefused(
    many,
    () => createEvent(many, { name: 'Talks', documentIds: many.documents.map((d) => d.id) }, NOW),
    'invalid',
    /at most 20 accounts/,
  );
});

test('editing an event changes only what is given, and refuses what creating refuses', () => {
  const nb = notebook();
  const event = createEvent(nb, { name: 'Talks', date: '2009-11-02', documentIds: ['d1', 'd2'] }, NOW);
  updateEvent(nb, { id: event.id, name: 'Talks in Moscow' });
  assert.equal(nb.events[0]!.name, 'Talks in Moscow');
  assert.equal(nb.events[0]!.date, '2009-11-02');
  updateEvent(nb, { id: event.id, date: '', documentIds: ['d2', 'd3', 'd1'] });
  assert.equal(nb.events[0]!.date, '');
  assert.deepEqual(nb.events[0]!.documentIds, ['d2', 'd3', 'd1']);
  assertRefused(nb, () => updateEvent(nb, { id: 'nope', name: 'x' }), 'not-found', /no event/);
  // A good name with bad accounts changes neither.
  assertRefused(nb, () => updateEvent(nb, { id: event.id, name: 'New', documentIds: ['d1'] }), 'invalid');
  assertRefused(nb, () => updateEvent(nb, { id: event.id, date: '2009-11-31' }), 'invalid', /not a date/);
});

test('deleting an event leaves its documents', () => {
  const nb = notebook();
  const event = createEvent(nb, { name: 'Talks', documentIds: ['d1', 'd2'] }, NOW);
  assertRefused(nb, () => deleteEvent(nb, 'nope'), 'not-found');
  assert.deepEqual(deleteEvent(nb, event.id), { id: event.id });
  assert.deepEqual(nb.events, []);
  assert.equal(nb.documents.length, 3);
});
