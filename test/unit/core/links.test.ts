// Links between passages: stored once on the linking passage, shown on both ends with the right label, across
// documents, never to itself or to nothing, and never twice.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  emptyNotebook,
  LINK_TYPES,
  NotebookSchema,
  type LinkType,
  type Notebook,
} from '../../../shared/model';
import { assertRefused } from './fixtures';
import { addDocument, createAnnotation, deleteAnnotation } from '../../../main/core/notebook';
import { linkAnnotations, linkEnds, linksOf, unlinkAnnotations } from '../../../main/core/links';

const T0 = new Date('2026-03-01T09:00:00.000Z');
const T1 = new Date('2026-03-01T10:00:00.000Z');

function addText(nb: Notebook, text: string) {
  return addDocument(
    nb,
    {
      title: text.slice(0, 20),
      source: 'Test',
      published: '',
      url: '',
      format: 'text',
      text,
      blocks: [{ kind: 'paragraph', start: 0, end: text.length }],
    },
    T0,
  );
}

/** Two documents; a and b in the first, c in the second. */
function setup() {
  const nb = emptyNotebook();
  const first = addText(nb, 'We demand his extradition. That is out of the question.');
  const second = addText(nb, 'The documents were sent long ago.');
  const highlight = (documentId: string, start: number, end: number) =>
    createAnnotation(nb, { documentId, start, end, topicIds: [], note: '' }, T0);
  const a = highlight(first.id, 0, 26);
  const b = highlight(first.id, 27, 55);
  const c = highlight(second.id, 0, 33);
  return { nb, a, b, c };
}

describe('linkAnnotations', () => {
  test('stores the link on the linking passage and stamps it', () => {
    const { nb, a, b } = setup();
    const result = linkAnnotations(nb, { fromId: b.id, toId: a.id, type: 'rebuts' }, T1);
    assert.equal(result, b);
    assert.deepEqual(b.links, [{ type: 'rebuts', annotationId: a.id }]);
    assert.equal(b.updatedAt, T1.toISOString());
    assert.deepEqual(a.links, []);
    assert.equal(a.updatedAt, T0.toISOString());
    assert.ok(NotebookSchema.safeParse(nb).success);
  });

  test('the same link twice is kept once; another type or direction is another link', () => {
    const { nb, a, b } = setup();
    linkAnnotations(nb, { fromId: b.id, toId: a.id, type: 'rebuts' }, T0);
    const again = structuredClone(nb);
    linkAnnotations(nb, { fromId: b.id, toId: a.id, type: 'rebuts' }, T1);
    assert.deepEqual(nb, again);
    linkAnnotations(nb, { fromId: b.id, toId: a.id, type: 'answers' }, T1);
    linkAnnotations(nb, { fromId: a.id, toId: b.id, type: 'rebuts' }, T1);
    assert.deepEqual(b.links, [
      { type: 'rebuts', annotationId: a.id },
      { type: 'answers', annotationId: a.id },
    ]);
    assert.deepEqual(a.links, [{ type: 'rebuts', annotationId: b.id }]);
  });

  test('links passages in different documents', () => {
    const { nb, a, c } = setup();
    linkAnnotations(nb, { fromId: c.id, toId: a.id, type: 'answers' }, T1);
    assert.deepEqual(linksOf(nb, a.id), [
      { type: 'answers', label: 'answered by', direction: 'in', annotationId: c.id },
    ]);
  });

  test('refuses self-links, unknown passages and unknown types, changing nothing', () => {
    const { nb, a, b } = setup();
    assertRefused(
      nb,
      () => linkAnnotations(nb, { fromId: a.id, toId: a.id, type: 'rebuts' }, T1),
      'invalid',
      /itself/,
    );
    assertRefused(
      nb,
      () => linkAnnotations(nb, { fromId: a.id, toId: 'gone', type: 'rebuts' }, T1),
      'not-found',
      /gone/,
    );
    assertRefused(
      nb,
      () => linkAnnotations(nb, { fromId: 'gone', toId: b.id, type: 'rebuts' }, T1),
      'not-found',
    );
    assertRefused(
      nb,
      () => linkAnnotations(nb, { fromId: a.id, toId: b.id, type: 'refutes' as LinkType }, T1),
      'invalid',
      /"refutes" is not a kind of link/,
    );
  });
});

describe('linksOf', () => {
  test('shows outgoing links by type and incoming ones by the inverse label', () => {
    const { nb, a, b, c } = setup();
    linkAnnotations(nb, { fromId: b.id, toId: a.id, type: 'rebuts' }, T1);
    linkAnnotations(nb, { fromId: b.id, toId: c.id, type: 'concedes-to' }, T1);
    linkAnnotations(nb, { fromId: c.id, toId: b.id, type: 'agrees-with' }, T1);
    assert.deepEqual(linksOf(nb, b.id), [
      { type: 'rebuts', label: 'rebuts', direction: 'out', annotationId: a.id },
      { type: 'concedes-to', label: 'concedes to', direction: 'out', annotationId: c.id },
      { type: 'agrees-with', label: 'agreed with by', direction: 'in', annotationId: c.id },
    ]);
    assert.deepEqual(linksOf(nb, a.id), [
      { type: 'rebuts', label: 'rebutted by', direction: 'in', annotationId: b.id },
    ]);
    assertRefused(nb, () => linksOf(nb, 'gone'), 'not-found');
  });

  test('every link type reads with its inverse label on the linked end', () => {
    for (const type of Object.keys(LINK_TYPES) as LinkType[]) {
      const { nb, a, b } = setup();
      linkAnnotations(nb, { fromId: a.id, toId: b.id, type }, T1);
      assert.equal(linksOf(nb, b.id)[0]?.label, LINK_TYPES[type]);
      assert.equal(linksOf(nb, a.id)[0]?.label, type.replace('-', ' '));
    }
  });

  test('leaves out links to passages that are gone and types it does not know', () => {
    const { nb, a, b, c } = setup();
    a.links.push({ type: 'rebuts', annotationId: 'elsewhere' }, { type: 'footnotes', annotationId: b.id });
    linkAnnotations(nb, { fromId: a.id, toId: c.id, type: 'contradicts' }, T1);
    assert.deepEqual(linksOf(nb, a.id), [
      { type: 'contradicts', label: 'contradicts', direction: 'out', annotationId: c.id },
    ]);
    assert.deepEqual(linksOf(nb, b.id), []);
  });

  test('deleting a passage removes the links to it from both ends', () => {
    const { nb, a, b, c } = setup();
    linkAnnotations(nb, { fromId: b.id, toId: a.id, type: 'rebuts' }, T1);
    linkAnnotations(nb, { fromId: a.id, toId: c.id, type: 'answers' }, T1);
    deleteAnnotation(nb, a.id);
    assert.deepEqual(linksOf(nb, b.id), []);
    assert.deepEqual(linksOf(nb, c.id), []);
  });
});

describe('unlinkAnnotations', () => {
  test('removes only the link of that type, and nothing when there is none', () => {
    const { nb, a, b } = setup();
    linkAnnotations(nb, { fromId: b.id, toId: a.id, type: 'rebuts' }, T0);
    linkAnnotations(nb, { fromId: b.id, toId: a.id, type: 'answers' }, T0);
    const result = unlinkAnnotations(nb, { fromId: b.id, toId: a.id, type: 'rebuts' }, T1);
    assert.equal(result, b);
    assert.deepEqual(b.links, [{ type: 'answers', annotationId: a.id }]);
    assert.equal(b.updatedAt, T1.toISOString());
    const before = structuredClone(nb);
    unlinkAnnotations(nb, { fromId: b.id, toId: a.id, type: 'rebuts' }, T0);
    unlinkAnnotations(nb, { fromId: a.id, toId: b.id, type: 'answers' }, T0);
    assert.deepEqual(nb, before);
  });

  test('removes a link whose other end is gone; refuses unknown passages otherwise', () => {
    const { nb, a, b } = setup();
    a.links.push({ type: 'rebuts', annotationId: 'elsewhere' });
    unlinkAnnotations(nb, { fromId: a.id, toId: 'elsewhere', type: 'rebuts' }, T1);
    assert.deepEqual(a.links, []);
    assertRefused(
      nb,
      () => unlinkAnnotations(nb, { fromId: 'gone', toId: b.id, type: 'rebuts' }, T1),
      'not-found',
    );
    assertRefused(
      nb,
      () => unlinkAnnotations(nb, { fromId: a.id, toId: 'gone', type: 'rebuts' }, T1),
      'not-found',
    );
    assertRefused(
      nb,
      () => unlinkAnnotations(nb, { fromId: a.id, toId: b.id, type: 'nope' as LinkType }, T1),
      'invalid',
    );
  });
});

describe('linkEnds, what the exports write', () => {
  test('lists own links first, then those to the passage, and shows a kind this Parley does not know by its name', () => {
    const nb = emptyNotebook();
    const doc = addText(nb, 'One side said this. The other side said that. A third passage.');
    const a = createAnnotation(nb, { documentId: doc.id, start: 0, end: 19, topicIds: [], note: '' }, T0);
    const b = createAnnotation(nb, { documentId: doc.id, start: 20, end: 46, topicIds: [], note: '' }, T0);
    const c = createAnnotation(nb, { documentId: doc.id, start: 47, end: 62, topicIds: [], note: '' }, T0);
    linkAnnotations(nb, { fromId: b.id, toId: a.id, type: 'rebuts' }, T1);
    linkAnnotations(nb, { fromId: a.id, toId: c.id, type: 'answers' }, T1);
    c.links.push({ type: 'a-newer_type', annotationId: a.id });
    const label = (id: string) => (linkEnds(nb).get(id) ?? []).map((e) => `${e.label} ${e.other.id}`);
    assert.deepEqual(label(a.id), [
      `answers ${c.id}`,
      `rebutted by ${b.id}`,
      `linked as “a newer type” by ${c.id}`,
    ]);
    assert.deepEqual(label(c.id), [`a newer type ${a.id}`, `answered by ${a.id}`]);
  });
});
