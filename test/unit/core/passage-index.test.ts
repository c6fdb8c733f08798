// The index of passages and notes (passage-index.ts) that search reads for a frozen notebook, the store's, must
// find exactly what the scan of every passage and note finds on the same notebook unfrozen: for words, parts of
// words, phrases and several terms, with filters, and after highlights are added, edited, deleted and brought
// back by undo (the index is brought up to date, never read stale). The notebooks are generated for the test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { search } from '../../../main/core/search';
import { createAnnotation, deleteAnnotation, updateAnnotation } from '../../../main/core/notebook';
import { applyChange, freezeState, UndoHistory } from '../../../main/storage/history';
import type { Notebook } from '../../../shared/model';
import { generateNotebook, searchTerms } from '../../../scripts/bench/data';
import { seededRandom } from '../../../scripts/seeded-random';

const T0 = new Date('2026-05-01T09:00:00.000Z');

function queries(nb: Notebook, random: () => number): string[] {
  const words = searchTerms(nb, 12);
  const passage = nb.annotations[Math.floor(random() * nb.annotations.length)]!.target.exact;
  const middle = passage.split(/\s+/).slice(1, 3).join(' ');
  return [
    ...words,
    ...words.slice(0, 4).map((w) => w.slice(1, 4)),
    `${words[0]} ${words[1]}`,
    `"${middle}"`,
    `"${passage.split(/\s+/)[0]} `,
    'the',
    'ka lo',
    'Zzzz-made-for-the-test',
  ];
}

function assertSame(frozen: Notebook, label: string, random: () => number): void {
  const scanned = structuredClone(frozen);
  assert.ok(!Object.isFrozen(scanned.annotations));
  for (const query of queries(frozen, random)) {
    for (const filters of [{}, { hasNote: true }, { partyId: frozen.parties[0]?.id }, { limit: 100_000 }]) {
      const q = { query, ...filters };
      assert.deepEqual(search(frozen, q), search(scanned, q), `${label}: ${JSON.stringify(q)}`);
    }
  }
}

test('the index finds what the scan finds, through additions, edits, deletions and undo', () => {
  const random = seededRandom(99);
  let state = freezeState(generateNotebook(20_260_501, 6, 10_000, 400));
  const history = new UndoHistory();
  assertSame(state, 'at first', random);
  for (let step = 0; step < 12; step++) {
    const pick = () => state.annotations[Math.floor(random() * state.annotations.length)]!;
    const r = random();
    const applied =
      r < 0.3
        ? applyChange(state, (nb) => deleteAnnotation(nb, pick().id))
        : r < 0.6
          ? applyChange(state, (nb) =>
              updateAnnotation(
                nb,
                { id: pick().id, note: `Edited for the test, step ${step}: zqxedit${step}` },
                T0,
              ),
            )
          : r < 0.8
            ? applyChange(state, (nb) => {
                const doc = nb.documents[step % nb.documents.length]!;
                createAnnotation(
                  nb,
                  { documentId: doc.id, start: 10, end: 60, topicIds: [], note: 'zqxnew' },
                  T0,
                );
              })
            : null;
    if (applied?.step) {
      history.record(applied.step);
      state = applied.state;
    } else {
      const undone = history.undo(state);
      if (undone) state = undone.state;
    }
    assertSame(state, `step ${step}`, random);
  }
  // Many deletions in a row: the index is made again once the dead outnumber the live.
  for (let i = 0; i < 250; i++) {
    const id = state.annotations[Math.floor(random() * state.annotations.length)]!.id;
    state = applyChange(state, (nb) => deleteAnnotation(nb, id)).state;
  }
  assertSame(state, 'after 250 deletions', random);
});
