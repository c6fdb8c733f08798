// Written for this project: exports say where they went, the comparison shows the answer to the latest question
// asked, and going to a passage opens its document and asks the reading view to reveal it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { settle, started } from '../stand-in';

test('a topic export is one call and names the topic and the place', async () => {
  const { store, calls } = await started({ saveTopicMarkdown: () => ({ path: '/tmp/iran.md' }) });
  calls.length = 0;
  await store.runExport('topic', { topicId: 't1' });
  assert.deepEqual(calls, ['saveTopicMarkdown']);
  assert.equal(store.get().ui.message, 'Exported the topic “iran” to /tmp/iran.md');
  assert.equal(store.get().ui.exportBusy, false);
});

test('the comparison shows the answer to the last question, not a slower earlier one', async () => {
  const answers: Array<(value: unknown) => void> = [];
  const { store } = await started({ compare: () => new Promise((resolve) => answers.push(resolve)) });
  store.chooseCompareTopic('');
  const first = store.loadComparison();
  store.chooseCompareTopic('t1');
  const second = store.loadComparison();
  answers[1]!({ rows: ['second'] });
  answers[0]!({ rows: ['first'] });
  await Promise.all([first, second]);
  assert.deepEqual(store.get().ui.comparison, { rows: ['second'] });
  assert.equal(store.get().ui.compareTopic, 't1');
});

test('going to a passage in another document opens it and asks for the passage', async () => {
  const { store, calls } = await started();
  store.patchUi({ view: 'compare' });
  calls.length = 0;
  await store.goToPassage('d2', 'b1');
  await settle();
  assert.deepEqual(calls, ['openDocument']);
  const { ui, open } = store.get();
  assert.equal(open.document?.id, 'd2');
  assert.equal(ui.view, 'reading');
  assert.equal(ui.reveal, 'b1');
  assert.ok(ui.revealTick > 0);
});
