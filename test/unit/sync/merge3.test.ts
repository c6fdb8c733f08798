// The merge a replica makes when it opens (main/sync/replica.ts's merge3): the notebook file (`local`) and the
// document (`remote`), against the document as the file last held it (`base`), entry by entry and field by field.
// A side that changed a field since the base wins it, and the document wins when both did; an entry added on
// either side is kept; one deleted on one side goes unless the other side changed it; with no base the file wins
// where the two differ and both sides' new entries are kept. The sets (stances, dismissed suggestions) likewise.
// The notebooks are made with the core operations; the notes' words were written for the tests.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { merge3 } from '../../../main/sync/replica';
import { applyChange } from '../../../main/storage/history';
import {
  addTopicToAnnotations,
  createAnnotation,
  createTopic,
  deleteAnnotation,
  updateAnnotation,
} from '../../../main/core/notebook';
import { deleteTopic, updateTopic } from '../../../main/core/codebook';
import { addStance } from '../../../main/core/stances';
import { addVersion, reselectReview } from '../../../main/core/versions';
import { dismissSuggestion, suggestionKey } from '../../../main/core/suggest/notebook';
import { importPlainText } from '../../../main/core/import-text';
import type { Notebook } from '../../../shared/model';
import { T1, canonical, rangeOf, realistic } from './machines';

const { nb: BASE, ids } = realistic();

/** The base changed by `mutate`, as the store would change it. */
function changed(from: Notebook, mutate: (nb: Notebook) => unknown): Notebook {
  return applyChange(from, mutate).state;
}

const topicPath = (nb: Notebook, id: string) => nb.topics.find((t) => t.id === id)?.path;
const textOf = (nb: Notebook, id: string) => nb.documents.find((d) => d.id === id)!.text;
const highlight = (nb: Notebook, id: string) => nb.annotations.find((a) => a.id === id);

describe('merge3 with a base', () => {
  test('a field changed in the file only is the file’s', () => {
    const local = changed(BASE, (nb) => updateTopic(nb, { id: ids.extradition, path: 'lugovoy' }));
    const merged = merge3(BASE, local, BASE);
    assert.equal(topicPath(merged, ids.extradition), 'lugovoy');
    assert.deepEqual(canonical(merged), canonical(local));
  });

  test('a field changed in the document only is the document’s', () => {
    const remote = changed(BASE, (nb) => updateTopic(nb, { id: ids.extradition, path: 'lugovoy' }));
    const merged = merge3(BASE, BASE, remote);
    assert.equal(topicPath(merged, ids.extradition), 'lugovoy');
    assert.deepEqual(canonical(merged), canonical(remote));
  });

  test('a field changed on both sides is the document’s', () => {
    const local = changed(BASE, (nb) => updateAnnotation(nb, { id: ids.refusal, stance: 'denial' }, T1));
    const remote = changed(BASE, (nb) => updateAnnotation(nb, { id: ids.refusal, stance: 'warning' }, T1));
    assert.equal(highlight(merge3(BASE, local, remote), ids.refusal)!.stance, 'warning');
  });

  test('different fields of one entry changed on each side are both kept', () => {
    const local = changed(BASE, (nb) =>
      updateAnnotation(nb, { id: ids.refusal, note: 'Flat *refusal*.\nSaid at a news conference.' }, T1),
    );
    const remote = changed(BASE, (nb) => updateAnnotation(nb, { id: ids.refusal, stance: 'denial' }, T1));
    const merged = highlight(merge3(BASE, local, remote), ids.refusal)!;
    assert.equal(merged.note, 'Flat *refusal*.\nSaid at a news conference.');
    assert.equal(merged.stance, 'denial');
  });

  test('a field taken off on one side is off', () => {
    // The briefing's new version leaves the highlight waiting on version 2; re-selecting it takes `version` off.
    const waiting = changed(BASE, (nb) =>
      addVersion(nb, ids.briefing, importPlainText(REWORDED, { fileName: 'briefing.txt' }), T1),
    );
    assert.equal(highlight(waiting, ids.answer)!.version, 2);
    const accepted = changed(waiting, (nb) =>
      reselectReview(
        nb,
        { annotationId: ids.answer, ...rangeOf(textOf(nb, ids.briefing), 'inquiries ought to continue') },
        T1,
      ),
    );
    assert.equal(highlight(accepted, ids.answer)!.version, undefined);
    assert.ok(!('version' in highlight(merge3(waiting, accepted, waiting), ids.answer)!), 'in the file');
    assert.ok(!('version' in highlight(merge3(waiting, waiting, accepted), ids.answer)!), 'in the document');
  });

  test('an entry added on either side is kept', () => {
    let fileTopic = '';
    const local = changed(BASE, (nb) => {
      fileTopic = createTopic(nb, { path: 'afghanistan' }).id;
    });
    let docHighlight = '';
    const remote = changed(BASE, (nb) => {
      const doc = nb.documents.find((d) => d.id === ids.sample)!;
      docHighlight = createAnnotation(
        nb,
        {
          documentId: doc.id,
          ...rangeOf(doc.text, 'ratifying the Lisbon Treaty'),
          topicIds: [],
          note: 'EU.',
        },
        T1,
      ).id;
    });
    const merged = merge3(BASE, local, remote);
    assert.equal(topicPath(merged, fileTopic), 'afghanistan');
    assert.equal(highlight(merged, docHighlight)!.note, 'EU.');
    assert.equal(merged.topics.length, BASE.topics.length + 1);
    assert.equal(merged.annotations.length, BASE.annotations.length + 1);
  });

  test('an entry deleted on one side and unchanged on the other is deleted', () => {
    const deleted = changed(BASE, (nb) => deleteAnnotation(nb, ids.talks));
    for (const [name, merged] of [
      ['in the file', merge3(BASE, deleted, BASE)],
      ['in the document', merge3(BASE, BASE, deleted)],
    ] as const) {
      assert.equal(highlight(merged, ids.talks), undefined, name);
      assert.deepEqual(canonical(merged), canonical(deleted), name);
    }
  });

  test('an entry deleted on one side and changed on the other is kept, as changed', () => {
    const deleted = changed(BASE, (nb) => deleteAnnotation(nb, ids.talks));
    const edited = changed(BASE, (nb) => updateAnnotation(nb, { id: ids.talks, note: 'Keep this one.' }, T1));
    assert.equal(
      highlight(merge3(BASE, deleted, edited), ids.talks)!.note,
      'Keep this one.',
      'deleted in the file',
    );
    assert.equal(
      highlight(merge3(BASE, edited, deleted), ids.talks)!.note,
      'Keep this one.',
      'in the document',
    );
  });

  test('a topic deleted on one side and renamed on the other is kept, renamed', () => {
    const deleted = changed(BASE, (nb) => deleteTopic(nb, ids.iran));
    const renamed = changed(BASE, (nb) => updateTopic(nb, { id: ids.iran, path: 'persia' }));
    assert.equal(topicPath(merge3(BASE, deleted, renamed), ids.iran), 'persia');
    assert.equal(topicPath(merge3(BASE, renamed, deleted), ids.iran), 'persia');
  });

  test('nothing changed on either side gives the document’s notebook', () => {
    assert.deepEqual(canonical(merge3(BASE, BASE, BASE)), canonical(BASE));
  });

  test('sets: a value added on either side is kept, one removed on one side is removed', () => {
    const key = suggestionKey(ids.sample, 30, 60);
    const local = changed(BASE, (nb) => addStance(nb, 'threat'));
    const remote = changed(BASE, (nb) => {
      dismissSuggestion(nb, key);
      nb.stances = nb.stances.filter((s) => s !== 'ultimatum');
    });
    const merged = merge3(BASE, local, remote);
    assert.deepEqual([...merged.stances].sort(), ['threat']);
    assert.deepEqual([...merged.dismissedSuggestions].sort(), [...BASE.dismissedSuggestions, key].sort());
    const removedInFile = changed(BASE, (nb) => {
      nb.dismissedSuggestions = [];
    });
    assert.deepEqual(merge3(BASE, removedInFile, BASE).dismissedSuggestions, []);
  });
});

describe('merge3 without a base', () => {
  test('the file wins where the two differ, and both sides’ new entries are kept', () => {
    let fileTopic = '';
    const local = changed(BASE, (nb) => {
      updateTopic(nb, { id: ids.extradition, path: 'lugovoy' });
      updateAnnotation(nb, { id: ids.refusal, note: 'The file’s note.' }, T1);
      fileTopic = createTopic(nb, { path: 'afghanistan' }).id;
    });
    let docTopic = '';
    const remote = changed(BASE, (nb) => {
      updateTopic(nb, { id: ids.extradition, path: 'extradition-request' });
      updateAnnotation(nb, { id: ids.refusal, stance: 'denial' }, T1);
      docTopic = createTopic(nb, { path: 'treaty' }).id;
    });
    const merged = merge3(null, local, remote);
    assert.equal(topicPath(merged, ids.extradition), 'lugovoy');
    const refusal = highlight(merged, ids.refusal)!;
    assert.equal(refusal.note, 'The file’s note.');
    assert.equal(
      refusal.stance,
      highlight(local, ids.refusal)!.stance,
      'the file’s stance too: nothing says which changed',
    );
    assert.equal(topicPath(merged, fileTopic), 'afghanistan');
    assert.equal(topicPath(merged, docTopic), 'treaty');
  });

  test('an entry on one side only is kept, whichever side', () => {
    const deleted = changed(BASE, (nb) => deleteAnnotation(nb, ids.talks));
    assert.ok(highlight(merge3(null, deleted, BASE), ids.talks));
    assert.ok(highlight(merge3(null, BASE, deleted), ids.talks));
  });

  test('sets: every value of either side is kept', () => {
    const local = changed(BASE, (nb) => addStance(nb, 'threat'));
    const remote = changed(BASE, (nb) => {
      nb.stances = ['offer'];
    });
    assert.deepEqual([...merge3(null, local, remote).stances].sort(), ['offer', 'threat', 'ultimatum']);
  });
});

/** The briefing's newer version with the answer's passage reworded, written for the tests. */
const REWORDED = [
  'Talks in Moscow: a briefing',
  '',
  'The two ministers met for three hours on Monday.',
  '',
  'Lavrov said the extradition request could not be met under the Constitution.',
  '',
  'Miliband replied that inquiries ought to continue in Britain.',
].join('\n');

describe('a field both sides changed since the base merges as sync would', () => {
  test('a note edited on both sides keeps both edits', () => {
    const local = changed(BASE, (nb) =>
      updateAnnotation(nb, { id: ids.refusal, note: 'Flat *refusal*, twice.\nNo reason given.' }, T1),
    );
    const remote = changed(BASE, (nb) =>
      updateAnnotation(nb, { id: ids.refusal, note: 'Flat *refusal*.\nNo reason given at all.' }, T1),
    );
    assert.equal(
      highlight(merge3(BASE, local, remote), ids.refusal)!.note,
      'Flat *refusal*, twice.\nNo reason given at all.',
    );
  });

  test('a topic added to one highlight on each side keeps both', () => {
    const local = changed(BASE, (nb) =>
      addTopicToAnnotations(nb, { annotationIds: [ids.refusal], topicId: ids.iran }, T1),
    );
    const remote = changed(BASE, (nb) =>
      addTopicToAnnotations(nb, { annotationIds: [ids.refusal], topicId: ids.nuclear }, T1),
    );
    assert.deepEqual(
      [...highlight(merge3(BASE, local, remote), ids.refusal)!.topicIds].sort(),
      [ids.extradition, ids.iran, ids.nuclear].sort(),
    );
  });
});
