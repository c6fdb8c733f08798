/** The IPC gate: every channel's argument is validated before its handler runs, and failures become envelopes. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ParleyError } from '../../../shared/model';
import { channelNames, dispatch, type HandlerTable } from '../../../main/ipc/dispatch';
import { calls } from '../../../shared/contract';

function recordingTable() {
  const seen: Array<[string, unknown]> = [];
  const table = new Proxy({} as HandlerTable, {
    get: (_target, name: string) => (args: unknown) => {
      seen.push([name, args]);
      if (name === 'deleteAnnotation') throw new ParleyError('No highlight with id x', 'not-found');
      if (name === 'listTopics') throw new TypeError('boom');
      return { called: name };
    },
  });
  return { table, seen };
}

describe('dispatch', () => {
  test('every contract call has a distinct domain:verb channel', () => {
    const channels = channelNames();
    assert.equal(new Set(channels).size, Object.keys(calls).length);
    for (const channel of channels) assert.match(channel, /^[a-z]+:[a-z0-9-]+$/);
  });

  test('a valid call reaches its handler with the parsed argument', async () => {
    const { table, seen } = recordingTable();
    const result = await dispatch(table, 'annotations:create', {
      documentId: 'd1',
      start: 3,
      end: 9,
      topicIds: ['t1'],
      note: '**hi**',
    });
    assert.deepEqual(result, { ok: true, value: { called: 'createAnnotation' } });
    assert.deepEqual(seen, [
      ['createAnnotation', { documentId: 'd1', start: 3, end: 9, topicIds: ['t1'], note: '**hi**' }],
    ]);
  });

  const hostile: Array<[string, unknown]> = [
    ['annotations:create', undefined],
    ['annotations:create', 'a string'],
    ['annotations:create', { documentId: 'd1', start: '3', end: 9, topicIds: [], note: '' }],
    ['annotations:create', { documentId: 'd1', start: -1, end: 9, topicIds: [], note: '' }],
    ['annotations:create', { documentId: 'd1', start: 1.5, end: 9, topicIds: [], note: '' }],
    ['annotations:create', { documentId: 'd1', start: 1, end: 9, topicIds: [], note: '', extra: true }],
    ['annotations:create', { documentId: 'x'.repeat(101), start: 1, end: 9, topicIds: [], note: '' }],
    ['annotations:create', { documentId: 'd1', start: 1, end: 9, topicIds: [], note: 'x'.repeat(1_000_001) }],
    ['annotations:update', { id: 'a1', topicIds: 'not-an-array' }],
    ['documents:open', {}],
    ['documents:open', { id: 42 }],
    ['documents:import', { fileName: 'a.txt', content: 'x'.repeat(20_000_001) }],
    ['documents:list', { unexpected: 1 }],
    ['topics:create', { path: '' }],
    ['topics:create', { path: { toString: 'evil' } }],
    ['export:markdown', null],
  ];
  for (const [channel, args] of hostile) {
    test(`refuses ${channel} with ${JSON.stringify(args)?.slice(0, 60)}`, async () => {
      const { table, seen } = recordingTable();
      const result = await dispatch(table, channel, args);
      assert.equal(result.ok, false);
      assert.equal(!result.ok && result.error.code, 'invalid-arguments');
      assert.deepEqual(seen, [], 'the handler must not run');
    });
  }

  test('an unknown channel is refused', async () => {
    const { table, seen } = recordingTable();
    const result = await dispatch(table, 'fs:readFile', { path: '/etc/passwd' });
    assert.deepEqual(result.ok ? null : result.error.code, 'unknown-channel');
    assert.deepEqual(seen, []);
  });

  test('a ParleyError keeps its code and message; any other error becomes an internal error', async () => {
    const { table } = recordingTable();
    const notFound = await dispatch(table, 'annotations:delete', { id: 'x' });
    assert.deepEqual(notFound, {
      ok: false,
      error: { code: 'not-found', message: 'No highlight with id x' },
    });
    const original = console.error;
    console.error = () => {};
    try {
      const internal = await dispatch(table, 'topics:list', undefined);
      assert.equal(!internal.ok && internal.error.code, 'internal');
      assert.match(!internal.ok ? internal.error.message : '', /boom/);
    } finally {
      console.error = original;
    }
  });
});
