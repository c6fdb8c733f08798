// Written for this project: the open document follows main's steps: which of its highlights need review, when its
// record is read again (its own record changed, not a bookkeeping step), and what opens when it is gone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as od from '../../../renderer/state/open-document';
import { annotation, change, summary } from './fixtures';

const open = (needsReview: string[] = []): od.OpenDocumentState => ({
  document: { id: 'd1', title: 'One' } as unknown as NonNullable<od.OpenDocumentState['document']>,
  needsReview,
});

test('a step says which of the highlights it touched need review', () => {
  const next = od.applyChange(
    open(['a1', 'a9']),
    change(2, {
      annotations: {
        upserted: [annotation('a1', 'd1'), annotation('a2', 'd1'), annotation('x1', 'd2')],
        removed: ['a9'],
        needsReview: ['a2', 'x1'],
      },
    }),
  );
  assert.deepEqual(next.needsReview, ['a2']);
});

test('a step without highlights leaves the list as it was', () => {
  const state = open(['a1']);
  assert.equal(od.applyChange(state, change(2)), state);
});

test('the record is read again when a change names it, not for bookkeeping or another document', () => {
  assert.deepEqual(od.followUp(open(), change(2, { changedDocuments: ['d1'] })), {
    kind: 'reread',
    id: 'd1',
  });
  assert.deepEqual(od.followUp(open(), change(2, { kind: 'undo', changedDocuments: ['d1'] })), {
    kind: 'reread',
    id: 'd1',
  });
  assert.deepEqual(od.followUp(open(), change(2, { kind: 'bookkeeping', changedDocuments: ['d1'] })), {
    kind: 'none',
  });
  assert.deepEqual(od.followUp(open(), change(2, { changedDocuments: ['d2'] })), { kind: 'none' });
  assert.deepEqual(od.followUp(od.initialOpenDocument, change(2, { changedDocuments: ['d1'] })), {
    kind: 'none',
  });
});

test('when the open document is gone the first one left opens, or none', () => {
  assert.deepEqual(od.followUp(open(), change(2, { documents: [summary('d2'), summary('d3')] })), {
    kind: 'gone',
    next: 'd2',
  });
  assert.deepEqual(od.followUp(open(), change(2, { documents: [] })), { kind: 'gone', next: null });
  assert.deepEqual(od.followUp(open(), change(2, { documents: [summary('d1')] })), { kind: 'none' });
});
