// The index of incoming links (links.ts linkIndex) that linksOf and deleteAnnotation read instead of walking every
// passage: after linking, unlinking, deleting, undoing, importing links that point nowhere and linking across
// documents, what they answer is what a walk over every passage answers, inside a change (an immer draft, as the
// store makes them) and on a plain notebook alike; and an index kept for one frozen state is never read for another.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { emptyNotebook, LINK_TYPES, type LinkType, type Notebook } from '../../../shared/model';
import { addDocument, createAnnotation, deleteAnnotation } from '../../../main/core/notebook';
import {
  linkAnnotations,
  linkIndex,
  linksOf,
  unlinkAnnotations,
  type LinkView,
} from '../../../main/core/links';
import { applyChange, freezeState, UndoHistory } from '../../../main/storage/history';
import { seededRandom } from '../../../scripts/seeded-random';

const T0 = new Date('2026-03-01T09:00:00.000Z');
const TYPES = Object.keys(LINK_TYPES) as LinkType[];

/** linksOf as the documentation says it, by walking every passage: the answer the index must give. */
function linksByWalking(nb: Notebook, id: string): LinkView[] {
  const annotation = nb.annotations.find((a) => a.id === id)!;
  const exists = new Set(nb.annotations.map((a) => a.id));
  const views: LinkView[] = [];
  for (const link of annotation.links) {
    if (!Object.hasOwn(LINK_TYPES, link.type) || !exists.has(link.annotationId)) continue;
    const type = link.type as LinkType;
    views.push({ type, label: type.replace(/-/g, ' '), direction: 'out', annotationId: link.annotationId });
  }
  for (const other of nb.annotations) {
    if (other.id === id) continue;
    for (const link of other.links) {
      if (link.annotationId !== id || !Object.hasOwn(LINK_TYPES, link.type)) continue;
      const type = link.type as LinkType;
      views.push({ type, label: LINK_TYPES[type], direction: 'in', annotationId: other.id });
    }
  }
  return views;
}

function assertSameLinks(nb: Notebook, when: string): void {
  for (const a of nb.annotations) {
    assert.deepEqual(linksOf(nb, a.id), linksByWalking(nb, a.id), `${when}: links of ${a.id}`);
  }
}

/** Links pointing at `id` from anywhere, walking every passage. */
function linksTo(nb: Notebook, id: string): number {
  return nb.annotations.reduce((n, a) => n + a.links.filter((l) => l.annotationId === id).length, 0);
}

/** Three documents of ten highlights each; the written text says it was made for this test. */
function notebookOfThirty(): Notebook {
  const nb = emptyNotebook();
  for (let d = 0; d < 3; d++) {
    const text = Array.from({ length: 10 }, (_, i) => `Test sentence ${i} of document ${d}.`).join(' ');
    const doc = addDocument(
      nb,
      {
        title: `Made for the link index test ${d}`,
        source: 'Test',
        published: '',
        url: '',
        format: 'text',
        text,
        blocks: [{ kind: 'paragraph', start: 0, end: text.length }],
      },
      T0,
    );
    let at = 0;
    for (let i = 0; i < 10; i++) {
      const end = text.indexOf('.', at) + 1;
      createAnnotation(nb, { documentId: doc.id, start: at, end, topicIds: [], note: '' }, T0);
      at = end + 1;
    }
  }
  return nb;
}

describe('the link index', () => {
  test('answers as a walk does after random links, unlinks and deletions, within and across documents', () => {
    const random = seededRandom(13);
    const nb = notebookOfThirty();
    const pick = () => nb.annotations[Math.floor(random() * nb.annotations.length)]!;
    let across = 0;
    for (let step = 0; step < 300; step++) {
      const r = random();
      const from = pick();
      const to = pick();
      if (r < 0.6 && from.id !== to.id) {
        const type = TYPES[Math.floor(random() * TYPES.length)]!;
        linkAnnotations(nb, { fromId: from.id, toId: to.id, type }, T0);
        if (from.documentId !== to.documentId) across++;
      } else if (r < 0.85 && from.links.length > 0) {
        const link = from.links[Math.floor(random() * from.links.length)]!;
        unlinkAnnotations(nb, { fromId: from.id, toId: link.annotationId, type: link.type as LinkType }, T0);
      } else if (r >= 0.97 && nb.annotations.length > 10) {
        deleteAnnotation(nb, from.id);
        assert.equal(linksTo(nb, from.id), 0, 'no link to a deleted passage is left');
      }
      assertSameLinks(nb, `step ${step}`);
    }
    assert.ok(across > 20, 'links across documents were made');
  });

  test('links to passages that are not there (an import) are left out, and one passage linking twice is listed once', () => {
    const nb = notebookOfThirty();
    const [a, b, c] = nb.annotations;
    a!.links.push({ type: 'rebuts', annotationId: '00000000-0000-4000-8000-00000000dead' });
    a!.links.push({ type: 'rebuts', annotationId: b!.id }, { type: 'answers', annotationId: b!.id });
    c!.links.push(
      { type: 'from-a-newer-parley', annotationId: b!.id },
      { type: 'agrees-with', annotationId: b!.id },
    );
    const index = linkIndex(nb.annotations);
    assert.deepEqual(index.incoming.get(b!.id), [a!.id, c!.id]);
    assert.deepEqual(index.incoming.get('00000000-0000-4000-8000-00000000dead'), [a!.id]);
    assertSameLinks(nb, 'dangling');
    assert.deepEqual(
      linksOf(nb, b!.id).map((v) => `${v.direction} ${v.label}`),
      ['in rebutted by', 'in answered by', 'in agreed with by'],
    );
    deleteAnnotation(nb, b!.id);
    assert.deepEqual(a!.links, [{ type: 'rebuts', annotationId: '00000000-0000-4000-8000-00000000dead' }]);
    assert.deepEqual(c!.links, []);
  });

  test('a deletion inside a change touches only the passages that link to it, and undo brings the links back', () => {
    const plain = notebookOfThirty();
    const [a, b, c] = plain.annotations;
    const far = plain.annotations[25]!;
    linkAnnotations(plain, { fromId: a!.id, toId: b!.id, type: 'rebuts' }, T0);
    linkAnnotations(plain, { fromId: far.id, toId: b!.id, type: 'answers' }, T0);
    linkAnnotations(plain, { fromId: b!.id, toId: c!.id, type: 'agrees-with' }, T0);
    let state = freezeState(plain);
    const history = new UndoHistory();
    // An index kept for this state must not be read for the next one.
    assert.equal(linksOf(state, b!.id).length, 3);

    const deleted = applyChange(state, (nb) => deleteAnnotation(nb, b!.id), 'Delete highlight');
    history.record(deleted.step!);
    const before = state;
    state = deleted.state;
    assert.ok(Object.isFrozen(state.annotations));
    assert.equal(state.annotations.length, 29);
    assert.equal(linksTo(state, b!.id), 0);
    // Only the two linking passages are new objects; the rest are shared with the state before.
    const changed = state.annotations.filter((x) => !before.annotations.includes(x)).map((x) => x.id);
    assert.deepEqual(changed.sort(), [a!.id, far.id].sort());
    assertSameLinks(state, 'after the deletion');
    assert.deepEqual(linksOf(state, c!.id), []);

    state = history.undo(state)!.state;
    assert.deepEqual(state, before);
    assertSameLinks(state, 'after undo');
    assert.equal(linksOf(state, b!.id).length, 3);

    state = history.redo(state)!.state;
    assert.equal(linksTo(state, b!.id), 0);
    assertSameLinks(state, 'after redo');
  });

  test('deletion after deletion, each handing its index on, answers as a walk does; so do the states left behind', () => {
    const random = seededRandom(77);
    const plain = notebookOfThirty();
    for (const from of plain.annotations) {
      for (let k = 0; k < 2; k++) {
        const to = plain.annotations[Math.floor(random() * plain.annotations.length)]!;
        if (to.id !== from.id) linkAnnotations(plain, { fromId: from.id, toId: to.id, type: 'answers' }, T0);
      }
    }
    let state = freezeState(plain);
    const states = [state];
    assertSameLinks(state, 'first state');
    while (state.annotations.length > 5) {
      const gone = state.annotations[Math.floor(random() * state.annotations.length)]!.id;
      state = applyChange(state, (nb) => deleteAnnotation(nb, gone)).state;
      states.push(state);
      assert.equal(linksTo(state, gone), 0);
      const after = state;
      assert.throws(() => applyChange(after, (nb) => deleteAnnotation(nb, gone)), /no highlight/);
      assertSameLinks(state, `${state.annotations.length} left`);
    }
    for (const earlier of [states[3]!, states[0]!, states[10]!]) assertSameLinks(earlier, 'an earlier state');
  });

  test('a deletion after another change in the same step still sees that change', () => {
    const state = freezeState(notebookOfThirty());
    const [a, b] = state.annotations;
    const { state: after } = applyChange(state, (nb) => {
      linkAnnotations(nb, { fromId: a!.id, toId: b!.id, type: 'rebuts' }, T0);
      nb.annotations[5]!.note = 'Changed in the same step.';
      deleteAnnotation(nb, b!.id);
    });
    assert.deepEqual(after.annotations[0]!.links, []);
    assert.equal(after.annotations[4]!.note, 'Changed in the same step.');
    assert.equal(after.annotations.length, 29);
  });

  test('an unknown highlight is refused and nothing changes', () => {
    const nb = notebookOfThirty();
    const before = structuredClone(nb);
    assert.throws(() => deleteAnnotation(nb, '00000000-0000-4000-8000-000000000000'), /no highlight/);
    assert.throws(() => linksOf(nb, '00000000-0000-4000-8000-000000000000'), /no highlight/);
    assert.deepEqual(nb, before);
  });
});
