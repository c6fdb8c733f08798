// The codebook reshaped: a renamed or moved topic takes its subtree along, a merge keeps every passage's topics in
// order, a delete leaves passages and subtopics in place, and refused calls leave the notebook as it was.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  deleteTopic,
  mergeTopics,
  removeUnusedTopics,
  unusedTopics,
  updateTopic,
  withNewTopics,
} from '../../../main/core/codebook';
import { importPlainText } from '../../../main/core/import-text';
import { emptyNotebook, NotebookSchema, type Notebook } from '../../../shared/model';
import { assertRefused } from './fixtures';
import { addDocument, createAnnotation, createTopic, listTopics } from '../../../main/core/notebook';

const T0 = new Date('2026-04-01T09:00:00.000Z');

/** Topics by path, and three passages tagged with them. */
function setup() {
  const nb = emptyNotebook();
  const doc = addDocument(
    nb,
    importPlainText('One passage.\n\nTwo passage.\n\nThree passage.', { fileName: 'd.txt' }),
    T0,
  );
  const t: Record<string, string> = {};
  for (const path of [
    'iran',
    'iran/nuclear',
    'iran/nuclear/enrichment',
    'iran/sanctions',
    'russia',
    'russia/energy',
  ])
    t[path] = createTopic(nb, { path }).id;
  const passage = (quote: string, topicIds: string[]) => {
    const start = doc.text.indexOf(quote);
    return createAnnotation(
      nb,
      { documentId: doc.id, start, end: start + quote.length, topicIds, note: '' },
      T0,
    ).id;
  };
  const p1 = passage('One', [t['russia']!, t['iran']!, t['iran/sanctions']!]);
  const p2 = passage('Two', [t['iran/nuclear']!, t['russia']!]);
  const p3 = passage('Three', [t['russia/energy']!]);
  return { nb, t, p1, p2, p3 };
}

function paths(nb: Notebook): string[] {
  return listTopics(nb).map((topic) => topic.path);
}

function topicIdsOf(nb: Notebook, id: string): string[] {
  return nb.annotations.find((a) => a.id === id)!.topicIds;
}

describe('updateTopic', () => {
  test('renaming a topic moves its whole subtree and keeps ids and passages', () => {
    const { nb, t, p2 } = setup();
    const before = structuredClone(nb.annotations);
    const topic = updateTopic(nb, { id: t['iran']!, path: '  Persia ' });
    assert.equal(topic.path, 'Persia');
    assert.deepEqual(paths(nb), [
      'Persia',
      'Persia/nuclear',
      'Persia/nuclear/enrichment',
      'Persia/sanctions',
      'russia',
      'russia/energy',
    ]);
    assert.equal(
      nb.topics.find((x) => x.id === t['iran/nuclear/enrichment'])!.path,
      'Persia/nuclear/enrichment',
    );
    assert.deepEqual(nb.annotations, before);
    assert.deepEqual(topicIdsOf(nb, p2), [t['iran/nuclear'], t['russia']]);
    NotebookSchema.parse(nb);
  });

  test('moving a topic under another path carries its children, deeper or shallower', () => {
    const { nb, t } = setup();
    updateTopic(nb, { id: t['iran/nuclear']!, path: 'russia/nuclear' });
    assert.deepEqual(paths(nb), [
      'iran',
      'iran/sanctions',
      'russia',
      'russia/energy',
      'russia/nuclear',
      'russia/nuclear/enrichment',
    ]);
    updateTopic(nb, { id: t['iran/nuclear']!, path: 'nuclear' });
    assert.ok(paths(nb).includes('nuclear/enrichment'));
  });

  test('a change of case only is allowed, and children follow it', () => {
    const { nb, t } = setup();
    updateTopic(nb, { id: t['iran']!, path: 'Iran' });
    assert.deepEqual(paths(nb).slice(0, 4), [
      'Iran',
      'Iran/nuclear',
      'Iran/nuclear/enrichment',
      'Iran/sanctions',
    ]);
  });

  test('a topic with a prefix-like name is not part of the subtree', () => {
    const { nb, t } = setup();
    const iranDeal = createTopic(nb, { path: 'iran-deal' });
    updateTopic(nb, { id: t['iran']!, path: 'persia' });
    assert.equal(nb.topics.find((x) => x.id === iranDeal.id)!.path, 'iran-deal');
  });

  test('colour and description change alone; the path stays', () => {
    const { nb, t } = setup();
    const topic = updateTopic(nb, { id: t['russia']!, colour: '#ABC', description: '  Moscow’s side. ' });
    assert.deepEqual(
      { path: topic.path, colour: topic.colour, description: topic.description },
      { path: 'russia', colour: '#aabbcc', description: 'Moscow’s side.' },
    );
  });

  test('refuses collisions, moving below itself, bad colours, unknown ids and long paths', () => {
    const { nb, t } = setup();
    assertRefused(
      nb,
      () => updateTopic(nb, { id: t['iran']!, path: 'RUSSIA' }),
      'conflict',
      /already a topic "russia"/,
    );
    // The child would land on an existing path even though the topic itself would not.
    createTopic(nb, { path: 'persia/sanctions' });
    assertRefused(
      nb,
      () => updateTopic(nb, { id: t['iran']!, path: 'persia' }),
      'conflict',
      /persia\/sanctions/,
    );
    assertRefused(nb, () => updateTopic(nb, { id: t['iran']!, path: 'iran/sub' }), 'invalid', /below itself/);
    assertRefused(nb, () => updateTopic(nb, { id: t['iran']!, path: ' / ' }), 'invalid', /empty/);
    assertRefused(nb, () => updateTopic(nb, { id: t['iran']!, colour: 'blue' }), 'invalid', /not a colour/);
    assertRefused(
      nb,
      () => updateTopic(nb, { id: t['iran']!, path: 'p', colour: 'blue' }),
      'invalid',
      /not a colour/,
    );
    assertRefused(nb, () => updateTopic(nb, { id: 'nope', path: 'x' }), 'not-found');
    assertRefused(nb, () => updateTopic(nb, { id: t['iran']!, description: 'x'.repeat(4001) }), 'invalid');
    assertRefused(
      nb,
      () => updateTopic(nb, { id: t['iran']!, path: 'x'.repeat(190) }),
      'invalid',
      /longer than 200/,
    );
  });
});

describe('mergeTopics', () => {
  test('passages get the target in the place of the source, once, order kept', () => {
    const { nb, t, p1, p2, p3 } = setup();
    const into = mergeTopics(nb, { fromId: t['russia']!, intoId: t['iran/sanctions']! });
    assert.equal(into.id, t['iran/sanctions']);
    // p1 had both: russia leaves, iran/sanctions stays where it was.
    assert.deepEqual(topicIdsOf(nb, p1), [t['iran'], t['iran/sanctions']]);
    // p2 had only russia: iran/sanctions takes its place.
    assert.deepEqual(topicIdsOf(nb, p2), [t['iran/nuclear'], t['iran/sanctions']]);
    assert.deepEqual(topicIdsOf(nb, p3), [t['russia/energy']]);
    assert.ok(!nb.topics.some((x) => x.id === t['russia']));
    assert.equal(nb.annotations.length, 3);
    NotebookSchema.parse(nb);
  });

  test('children of the source move under the target, keeping their relative paths', () => {
    const { nb, t } = setup();
    mergeTopics(nb, { fromId: t['iran']!, intoId: t['russia']! });
    assert.deepEqual(paths(nb), [
      'russia',
      'russia/energy',
      'russia/nuclear',
      'russia/nuclear/enrichment',
      'russia/sanctions',
    ]);
    const counts = Object.fromEntries(listTopics(nb).map((x) => [x.path, x.count]));
    assert.equal(counts['russia'], 2, 'p1 and p2, each once');
  });

  test('merging a subtopic into its parent lifts its children one level', () => {
    const { nb, t } = setup();
    mergeTopics(nb, { fromId: t['iran/nuclear']!, intoId: t['iran']! });
    assert.deepEqual(paths(nb).slice(0, 3), ['iran', 'iran/enrichment', 'iran/sanctions']);
  });

  test('refuses merging into itself, into its own subtopic, unknown ids and colliding children', () => {
    const { nb, t } = setup();
    assertRefused(nb, () => mergeTopics(nb, { fromId: t['iran']!, intoId: t['iran']! }), 'invalid', /itself/);
    assertRefused(
      nb,
      () => mergeTopics(nb, { fromId: t['iran']!, intoId: t['iran/nuclear']! }),
      'invalid',
      /own subtopic/,
    );
    assertRefused(nb, () => mergeTopics(nb, { fromId: 'nope', intoId: t['iran']! }), 'not-found');
    assertRefused(nb, () => mergeTopics(nb, { fromId: t['iran']!, intoId: 'nope' }), 'not-found');
    createTopic(nb, { path: 'russia/Sanctions' });
    assertRefused(
      nb,
      () => mergeTopics(nb, { fromId: t['iran']!, intoId: t['russia']! }),
      'conflict',
      /russia\/Sanctions/,
    );
  });
});

describe('deleteTopic', () => {
  test('the topic leaves every passage; passages and subtopics stay as they are', () => {
    const { nb, t, p1, p2 } = setup();
    assert.deepEqual(deleteTopic(nb, t['iran']!), { id: t['iran'] });
    assert.deepEqual(topicIdsOf(nb, p1), [t['russia'], t['iran/sanctions']]);
    assert.deepEqual(topicIdsOf(nb, p2), [t['iran/nuclear'], t['russia']]);
    assert.equal(nb.annotations.length, 3);
    assert.deepEqual(paths(nb), [
      'iran/nuclear',
      'iran/nuclear/enrichment',
      'iran/sanctions',
      'russia',
      'russia/energy',
    ]);
    NotebookSchema.parse(nb);
  });

  test('refuses an unknown id', () => {
    const { nb } = setup();
    assertRefused(nb, () => deleteTopic(nb, 'nope'), 'not-found', /no topic/);
  });
});

describe('unusedTopics and removeUnusedTopics', () => {
  test('a topic is unused when no passage has it nor any topic below it', () => {
    const { nb, t } = setup();
    // enrichment has no passage and nothing below it in use; extr and centrifuges are new and bare.
    const extr = createTopic(nb, { path: 'extr' }).id;
    const deep = createTopic(nb, { path: 'iran/nuclear/enrichment/centrifuges' }).id;
    assert.deepEqual(
      unusedTopics(nb).map((topic) => topic.path),
      ['iran/nuclear/enrichment', 'extr', 'iran/nuclear/enrichment/centrifuges'],
    );
    // iran/nuclear has a passage, so its parent iran is in use even without one of its own.
    assert.ok(!unusedTopics(nb).some((topic) => topic.id === t['iran']));
    assert.deepEqual(removeUnusedTopics(nb, [extr, deep, extr]), { topicIds: [extr, deep] });
    assert.deepEqual(paths(nb), [
      'iran',
      'iran/nuclear',
      'iran/nuclear/enrichment',
      'iran/sanctions',
      'russia',
      'russia/energy',
    ]);
    NotebookSchema.parse(nb);
  });

  test('refuses the whole list when one topic is in use or unknown', () => {
    const { nb, t } = setup();
    const extr = createTopic(nb, { path: 'extr' }).id;
    assertRefused(nb, () => removeUnusedTopics(nb, [extr, t['iran']!]), 'conflict', /"iran" is in use/);
    assertRefused(nb, () => removeUnusedTopics(nb, [extr, t['russia/energy']!]), 'conflict', /in use/);
    assertRefused(nb, () => removeUnusedTopics(nb, [extr, 'nope']), 'not-found', /no topic/);
  });
});

describe('withNewTopics', () => {
  test('makes the topics named by path after those chosen, finding existing ones in any case', () => {
    const { nb, t } = setup();
    const ids = withNewTopics(nb, [t['russia']!], ['  Extradition ', 'IRAN', 'extradition']);
    const extradition = nb.topics.find((topic) => topic.path === 'Extradition')!;
    assert.deepEqual(ids, [t['russia'], extradition.id, t['iran']]);
    assert.equal(nb.topics.length, 7);
    assert.deepEqual(withNewTopics(nb, [t['iran']!]), [t['iran']]);
  });

  test('refuses a blank path before making any topic', () => {
    const { nb, t } = setup();
    assertRefused(nb, () => withNewTopics(nb, [t['iran']!], ['eu', ' / ']), 'invalid', /empty/);
  });
});
