// Written for the notebookChanged event's reading of which highlights a step added, changed and removed: it walks
// the lists before and after side by side while they keep step and maps only the rest, and must name exactly what
// a map of every highlight names (in the same order) for any step: one or several removed, changed, added, moved,
// and all of these at once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emptyNotebook, type Annotation, type Notebook } from '../../../shared/model';
import { notebookChange } from '../../../main/core/notebook-change';
import { seededRandom } from '../../../scripts/seeded-random';

const HISTORY = { canUndo: true, canRedo: false, undoLabel: 'Undo Step', redoLabel: null };

function highlight(n: number, documentId: string): Annotation {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    documentId,
    target: { start: 0, end: 4, exact: 'Made for this test', prefix: '', suffix: '' },
    topicIds: [],
    partyId: null,
    stance: null,
    note: '',
    links: [],
    createdAt: '2026-04-01T09:00:00.000Z',
    updatedAt: '2026-04-01T09:00:00.000Z',
  };
}

/** What changed, by a map of every highlight before (the reading the walk stands in for). */
function byMap(before: readonly Annotation[], after: readonly Annotation[]) {
  const old = new Map(before.map((a) => [a.id, a]));
  const upserted: Annotation[] = [];
  for (const a of after) {
    const was = old.get(a.id);
    if (was !== undefined) old.delete(a.id);
    if (was !== a) upserted.push(a);
  }
  return { upserted: upserted.map((a) => a.id), removed: [...old.keys()] };
}

test('the walk names what a map of every highlight names, step after random step', () => {
  const random = seededRandom(4242);
  const nb: Notebook = emptyNotebook();
  let next = 0;
  let list = Array.from({ length: 60 }, () => highlight(next++, 'd1'));
  for (let step = 0; step < 400; step++) {
    const after = list.slice();
    const edits = 1 + Math.floor(random() * 4);
    for (let e = 0; e < edits && after.length > 2; e++) {
      const at = Math.floor(random() * after.length);
      const r = random();
      if (r < 0.35) after.splice(at, 1);
      else if (r < 0.6) after[at] = { ...after[at]!, note: `Changed at step ${step}` };
      else if (r < 0.75) after.push(highlight(next++, 'd1'));
      else if (r < 0.9) {
        const [moved] = after.splice(at, 1);
        after.splice(Math.floor(random() * after.length), 0, moved!);
      } else after[at] = { ...after[at]!, documentId: 'd2' };
    }
    const change = notebookChange({
      revision: step + 1,
      kind: 'change',
      label: 'Step',
      history: HISTORY,
      before: { ...nb, annotations: list },
      after: { ...nb, annotations: after },
    });
    const expected = byMap(list, after);
    assert.deepEqual(
      {
        upserted: change.annotations?.upserted.map((a) => a.id) ?? [],
        removed: change.annotations?.removed ?? [],
      },
      expected,
      `step ${step}`,
    );
    list = after;
  }
});
