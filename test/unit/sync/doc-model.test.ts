// The notebook as an Automerge document (main/sync/doc-model.ts), and what sync cannot settle alone
// (main/sync/conflicts.ts), with @automerge/automerge itself and no network: a notebook made with the core
// operations goes into a document and comes back out whole; every kind of change the store commits, written into
// the document, leaves the document holding the store's notebook; edits made at once on two machines merge (notes
// character by character, a highlight's topics item by item), a field set differently on both is listed with who
// set each value until the user's pick settles it, and a highlight deleted on one machine while linked on another
// is a dangling link to restore or remove. The texts, apart from the bundled sample, were written for the tests.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as A from '@automerge/automerge';
import {
  DELETED_BY,
  initDoc,
  mergeField,
  readNotebook,
  type NotebookDoc,
} from '../../../main/sync/doc-model';
import { findConflicts, parseConflictId, pickValue, settleLink } from '../../../main/sync/conflicts';
import { freezeState } from '../../../main/storage/history';
import {
  addDocuments,
  addTopicToAnnotations,
  createAnnotation,
  createTopic,
  deleteAnnotation,
  deleteDocument,
  markOpened,
  updateAnnotation,
  updateDocument,
} from '../../../main/core/notebook';
import { deleteTopic, mergeTopics, updateTopic } from '../../../main/core/codebook';
import { createParty, deleteParty, mergeParties, updateParty } from '../../../main/core/parties';
import { linkAnnotations, unlinkAnnotations } from '../../../main/core/links';
import { addStance } from '../../../main/core/stances';
import { createEvent, deleteEvent, updateEvent } from '../../../main/core/events';
import { addVersion, resolveReview } from '../../../main/core/versions';
import { dismissSuggestion, suggestionKey } from '../../../main/core/suggest/notebook';
import { importPlainText } from '../../../main/core/import-text';
import type { Notebook } from '../../../shared/model';
import { ANA, BEN, BRIEFING_V2, CAT, Machine, T1, T2, canonical, rangeOf, realistic, sign } from './machines';

const annotation = (nb: Notebook, id: string) => nb.annotations.find((a) => a.id === id);
const topic = (nb: Notebook, id: string) => nb.topics.find((t) => t.id === id);

/** The document read back holds exactly the machine's notebook (collections compared by key, sets as sets). */
function assertInStep(machine: Machine, what: string): void {
  assert.deepEqual(canonical(readNotebook(machine.doc)), canonical(machine.nb), what);
}

describe('a notebook into its document and back', () => {
  test('initDoc then readNotebook gives back the notebook, each collection in its order', () => {
    const { nb, ids } = realistic();
    const ana = Machine.start(nb, ANA);
    const back = readNotebook(ana.doc);
    // Sets come back sorted; everything else exactly, in the notebook's order.
    assert.deepEqual(
      { ...back, stances: [...back.stances], dismissedSuggestions: [...back.dismissedSuggestions] },
      {
        ...JSON.parse(JSON.stringify(nb)),
        stances: [...nb.stances].sort(),
        dismissedSuggestions: [...nb.dismissedSuggestions].sort(),
      },
    );
    assert.equal(back.versions.length, 1, 'the briefing’s first version is there');
    assert.equal(back.events[0]!.documentIds.length, 2);
    assert.deepEqual(annotation(back, ids.answer)!.links, [{ type: 'rebuts', annotationId: ids.refusal }]);
    // Notes are text that merges; an article's text is one immutable string.
    assert.equal(typeof ana.doc.annotations[ids.refusal]!.note, 'string');
    assert.equal(typeof ana.doc.documents[ids.sample]!.note, 'string');
    assert.ok(A.isImmutableString(ana.doc.documents[ids.sample]!.text));
    assert.ok(A.isImmutableString(ana.doc.topics[ids.iran]!.path));
  });

  test('a document loaded from its saved bytes reads as the same notebook', () => {
    const { nb } = realistic();
    const ana = Machine.start(nb, ANA);
    const loaded = A.load<NotebookDoc>(A.save(ana.doc));
    assert.deepEqual(canonical(readNotebook(loaded)), canonical(nb));
    assert.deepEqual(readNotebook(loaded), readNotebook(ana.doc));
  });

  test('initDoc keeps an author name recorded earlier in the same change', () => {
    // A replica records its author before it writes the notebook, in the change that starts the document.
    const { nb } = realistic();
    const doc = A.change(A.init<NotebookDoc>({ actor: ANA.actor }), (d) => {
      d.authors = {};
      sign(d, ANA);
      initDoc(d, nb, ANA.actor);
    });
    assert.equal(String(doc.authors[ANA.actor]), ANA.name);
  });
});

describe('writeDiff: every kind of change leaves the document holding the store’s notebook', () => {
  const { nb, ids } = realistic();
  const ana = Machine.start(nb, ANA);
  let third = '';
  const steps: Array<[string, (nb: Notebook) => unknown]> = [
    [
      'edit a document’s note',
      (n) =>
        updateDocument(n, {
          id: ids.sample,
          note: 'Read for the Lugovoy case.\nCompare with the briefing, then with the transcript.\nCheck the date.',
        }),
    ],
    [
      'edit a document’s title and citation',
      (n) =>
        updateDocument(n, { id: ids.briefing, title: 'Moscow briefing', authors: ['Ward, Tom'], pages: '3' }),
    ],
    ['note that a document was opened', (n) => markOpened(n, ids.sample, T1)],
    [
      'add a document',
      (n) => {
        third = addDocuments(
          n,
          [importPlainText('A third account.\n\nThe talks ran late.', { fileName: 'third.txt' })],
          T1,
        )[0]!.id;
      },
    ],
    ['create a topic', (n) => createTopic(n, { path: 'afghanistan' })],
    [
      'rename a topic with a subtopic',
      (n) =>
        updateTopic(n, { id: ids.iran, path: 'middle-east/iran', description: 'Iran and its programme' }),
    ],
    [
      'merge two topics',
      (n) => mergeTopics(n, { fromId: topicId(n, 'afghanistan'), intoId: ids.extradition }),
    ],
    ['create a party', (n) => createParty(n, { name: 'European Union', short: 'EU', aliases: ['Brussels'] })],
    [
      'change a party’s aliases',
      (n) => updateParty(n, { id: partyId(n, 'European Union'), aliases: ['Brussels', 'the Commission'] }),
    ],
    [
      'highlight a passage',
      (n) =>
        createAnnotation(
          n,
          {
            documentId: ids.sample,
            ...rangeOf(n.documents[0]!.text, 'ratifying the Lisbon Treaty'),
            topicIds: [ids.nuclear],
            note: 'EU.',
            partyId: partyId(n, 'European Union'),
            stance: 'demand',
          },
          T1,
        ),
    ],
    [
      'edit a highlight’s note, stance and party',
      (n) =>
        updateAnnotation(
          n,
          {
            id: ids.talks,
            note: 'An expectation, not a demand.\nSee the sextet.',
            stance: 'hedge',
            partyId: ids.uk,
          },
          T1,
        ),
    ],
    [
      'replace a highlight’s topics',
      (n) => updateAnnotation(n, { id: ids.talks, topicIds: [ids.nuclear, ids.extradition] }, T1),
    ],
    [
      'add a topic to several highlights',
      (n) => addTopicToAnnotations(n, { annotationIds: [ids.refusal, ids.answer], topicId: ids.iran }, T1),
    ],
    ['merge two parties', (n) => mergeParties(n, { fromId: partyId(n, 'European Union'), intoId: ids.uk })],
    ['delete a party', (n) => deleteParty(n, ids.uk)],
    [
      'link two highlights',
      (n) => linkAnnotations(n, { fromId: ids.talks, toId: ids.refusal, type: 'agrees-with' }, T1),
    ],
    [
      'unlink them',
      (n) => unlinkAnnotations(n, { fromId: ids.talks, toId: ids.refusal, type: 'agrees-with' }, T1),
    ],
    ['add a stance', (n) => addStance(n, 'threat')],
    ['dismiss a suggestion', (n) => dismissSuggestion(n, suggestionKey(ids.sample, 20, 40))],
    [
      'import a new version',
      (n) =>
        addVersion(
          n,
          ids.sample,
          importPlainText(
            n.documents[0]!.text.replace('he expects Iran to accept', 'he hopes Iran will accept'),
            {
              fileName: 'sample.txt',
            },
          ),
          T1,
        ),
    ],
    ['settle a highlight in the review', (n) => resolveReview(n, ids.talks, 'accept', T1)],
    [
      'create an event',
      (n) => createEvent(n, { name: 'Press conference', documentIds: [ids.sample, third], date: '' }, T1),
    ],
    [
      'reorder an event’s accounts and rename it',
      (n) =>
        updateEvent(n, {
          id: ids.event,
          name: 'Talks in Moscow',
          documentIds: [third, ids.briefing, ids.sample],
        }),
    ],
    ['delete a topic used by highlights', (n) => deleteTopic(n, ids.extradition)],
    ['delete a linked highlight', (n) => deleteAnnotation(n, ids.refusal)],
    ['delete an event', (n) => deleteEvent(n, ids.event)],
    ['delete a document with highlights, versions and events', (n) => deleteDocument(n, ids.sample)],
  ];
  for (const [label, mutate] of steps) {
    test(label, () => {
      const before = ana.nb;
      ana.change(mutate);
      assert.notEqual(ana.nb, before, `${label} changed the notebook`);
      assertInStep(ana, label);
    });
  }

  test('undo and redo of every step, back to the start and forward again', () => {
    const end = ana.nb;
    for (let i = 0; i < steps.length; i++) {
      ana.undo();
      assertInStep(ana, `undo of ${steps[steps.length - 1 - i]![0]}`);
    }
    assert.deepEqual(canonical(readNotebook(ana.doc)), canonical(nb), 'back at the start');
    for (const [label] of steps) {
      ana.redo();
      assertInStep(ana, `redo of ${label}`);
    }
    assert.deepEqual(canonical(readNotebook(ana.doc)), canonical(end));
  });
});

function topicId(nb: Notebook, path: string): string {
  const found = nb.topics.find((t) => t.path === path);
  if (!found) throw new Error(`no topic ${path}`);
  return found.id;
}

function partyId(nb: Notebook, name: string): string {
  const found = nb.parties.find((p) => p.name === name);
  if (!found) throw new Error(`no party ${name}`);
  return found.id;
}

/** Two machines holding the same notebook and document, Ana's and Ben's. */
function pair() {
  const { nb, ids } = realistic();
  const ana = Machine.start(nb, ANA);
  const ben = ana.fork(BEN);
  return { ana, ben, ids };
}

/** Each machine takes in the other's changes. */
function exchange(a: Machine, b: Machine): void {
  const aDoc = a.doc;
  a.receive(b);
  b.doc = A.merge(b.doc, A.clone(aDoc));
  b.nb = freezeState(readNotebook(b.doc));
  assert.deepEqual(A.getHeads(a.doc).sort(), A.getHeads(b.doc).sort(), 'both hold the same changes');
  assert.deepEqual(readNotebook(a.doc), readNotebook(b.doc), 'both read the same notebook');
}

describe('edits made at once on two machines', () => {
  test('two edits of one note, on different lines, are both kept', () => {
    const { ana, ben, ids } = pair();
    ana.change((nb) =>
      updateAnnotation(nb, { id: ids.refusal, note: 'Flat *refusal*, said twice.\nNo reason given.' }, T1),
    );
    ben.change((nb) =>
      updateAnnotation(
        nb,
        { id: ids.refusal, note: 'Flat *refusal*.\nNo reason given, but see the Constitution.' },
        T1,
      ),
    );
    exchange(ana, ben);
    assert.equal(
      annotation(ana.nb, ids.refusal)!.note,
      'Flat *refusal*, said twice.\nNo reason given, but see the Constitution.',
    );
    assert.deepEqual(findConflicts(ana.doc), [], 'a note never conflicts');
  });

  test('two edits of a document’s note are both kept', () => {
    const { ana, ben, ids } = pair();
    ana.change((nb) =>
      updateDocument(nb, {
        id: ids.sample,
        note: 'Read for the Lugovoy case and the Lisbon Treaty.\nCompare with the briefing.\nCheck the date.',
      }),
    );
    ben.change((nb) =>
      updateDocument(nb, {
        id: ids.sample,
        note: 'Read for the Lugovoy case.\nCompare with the briefing.\nCheck the date: 2 November.',
      }),
    );
    exchange(ana, ben);
    assert.equal(
      ana.nb.documents.find((d) => d.id === ids.sample)!.note,
      'Read for the Lugovoy case and the Lisbon Treaty.\nCompare with the briefing.\nCheck the date: 2 November.',
    );
  });

  test('two topics added to one highlight are both kept, and one added on both is kept once', () => {
    const { ana, ben, ids } = pair();
    const shared = ana.change((nb) => createTopic(nb, { path: 'lugovoy' }));
    ben.receive(ana);
    ana.change((nb) => addTopicToAnnotations(nb, { annotationIds: [ids.refusal], topicId: ids.iran }, T1));
    ana.change((nb) => addTopicToAnnotations(nb, { annotationIds: [ids.refusal], topicId: shared.id }, T1));
    ben.change((nb) => addTopicToAnnotations(nb, { annotationIds: [ids.refusal], topicId: ids.nuclear }, T1));
    ben.change((nb) => addTopicToAnnotations(nb, { annotationIds: [ids.refusal], topicId: shared.id }, T1));
    exchange(ana, ben);
    const topics = annotation(ana.nb, ids.refusal)!.topicIds;
    assert.deepEqual([...topics].sort(), [ids.extradition, ids.iran, ids.nuclear, shared.id].sort());
    assert.equal(topics.filter((id) => id === shared.id).length, 1, 'the topic added on both is there once');
    // Taking it off on one machine takes off both copies.
    ben.change((nb) =>
      updateAnnotation(nb, { id: ids.refusal, topicIds: topics.filter((id) => id !== shared.id) }, T1),
    );
    assertInStep(ben, 'after taking the doubled topic off');
    ana.receive(ben);
    assert.ok(!annotation(ana.nb, ids.refusal)!.topicIds.includes(shared.id));
  });

  test('a topic taken off a highlight on one machine stays off while another is added on the other', () => {
    const { ana, ben, ids } = pair();
    ana.change((nb) => updateAnnotation(nb, { id: ids.talks, topicIds: [ids.nuclear] }, T1));
    ben.change((nb) =>
      addTopicToAnnotations(nb, { annotationIds: [ids.talks], topicId: ids.extradition }, T1),
    );
    exchange(ana, ben);
    assert.deepEqual(annotation(ana.nb, ids.talks)!.topicIds, [ids.nuclear, ids.extradition]);
  });

  test('a topic renamed differently on both is a conflict with both names and who set each, until one is picked', () => {
    const { ana, ben, ids } = pair();
    ana.change((nb) => updateTopic(nb, { id: ids.extradition, path: 'lugovoy-extradition' }));
    ben.change((nb) => updateTopic(nb, { id: ids.extradition, path: 'extradition-request' }));
    exchange(ana, ben);
    const conflicts = findConflicts(ana.doc);
    assert.deepEqual(findConflicts(ben.doc), conflicts, 'both list the same conflict');
    assert.equal(conflicts.length, 1);
    const [conflict] = conflicts;
    assert.equal(conflict!.kind, 'field');
    assert.match(conflict!.title, /^Topic “(lugovoy-extradition|extradition-request)”: name$/);
    assert.deepEqual(
      conflict!.values
        .map(({ text, author }) => ({ text, author }))
        .sort((a, b) => a.text.localeCompare(b.text)),
      [
        { text: 'extradition-request', author: BEN.name },
        { text: 'lugovoy-extradition', author: ANA.name },
      ],
    );
    const shown = conflict!.values.filter((value) => value.shown);
    assert.equal(shown.length, 1, 'one value is the one shown');
    assert.equal(shown[0]!.text, topic(ana.nb, ids.extradition)!.path);
    // Ben picks the value not shown; the pick settles it on both once they have it.
    const pick = conflict!.values.findIndex((value) => !value.shown);
    const picked = conflict!.values[pick]!.text;
    const parsed = parseConflictId(conflict!.id);
    assert.ok(parsed && parsed.kind === 'field');
    ben.settle((d) => assert.ok(pickValue(d, parsed.entryKind, parsed.key, parsed.field, pick)));
    assert.deepEqual(findConflicts(ben.doc), []);
    assert.equal(topic(ben.nb, ids.extradition)!.path, picked);
    ana.receive(ben);
    assert.deepEqual(findConflicts(ana.doc), []);
    assert.equal(topic(ana.nb, ids.extradition)!.path, picked);
  });

  test('conflicts are listed in the same order on machines that received the changes in different orders', () => {
    const { ana, ben } = pair();
    // Each makes a topic; each machine's document then has the two in the order they reached it.
    const mine = ana.change((nb) => createTopic(nb, { path: 'sanctions' }));
    const theirs = ben.change((nb) => createTopic(nb, { path: 'treaty' }));
    exchange(ana, ben);
    ana.change((nb) => updateTopic(nb, { id: mine.id, path: 'eu-sanctions' }));
    ana.change((nb) => updateTopic(nb, { id: theirs.id, path: 'lisbon-treaty' }));
    ben.change((nb) => updateTopic(nb, { id: mine.id, path: 'un-sanctions' }));
    ben.change((nb) => updateTopic(nb, { id: theirs.id, path: 'treaty-ratification' }));
    exchange(ana, ben);
    const conflicts = findConflicts(ana.doc);
    assert.equal(conflicts.length, 2);
    assert.deepEqual(findConflicts(ben.doc), conflicts);
  });

  test('a highlight given two stances lists both, with who set each', () => {
    const { ana, ben, ids } = pair();
    ana.change((nb) => updateAnnotation(nb, { id: ids.refusal, stance: 'denial' }, T1));
    ben.change((nb) => updateAnnotation(nb, { id: ids.refusal, stance: 'warning' }, T2));
    exchange(ana, ben);
    const conflicts = findConflicts(ana.doc);
    assert.equal(
      conflicts.length,
      1,
      'the stance only: the times the edits were made are not the user’s choice',
    );
    assert.match(
      conflicts[0]!.title,
      /^Highlight “his extradition to UK is absolutely out of the question”: stance$/,
    );
    assert.deepEqual(conflicts[0]!.values.map(({ text, author }) => `${text} (${author})`).sort(), [
      `denial (${ANA.name})`,
      `warning (${BEN.name})`,
    ]);
  });

  test('two new versions of one document imported at once are one conflict, and the pick takes all of one', () => {
    // Ana's version changes one word for another as long, so its paragraphs fall where they were and the highlight
    // is kept; Ben's adds words, which moves the paragraphs, and rewords the highlight's passage, which leaves it
    // waiting on the earlier version. A pick of text from one and paragraphs from the other would lay one text out
    // by the other's paragraphs.
    const picks = [ANA, BEN].map((person) => {
      const { ana, ben, ids } = pair();
      ana.change((nb) =>
        addVersion(
          nb,
          ids.briefing,
          importPlainText(BRIEFING_V2.replace('four hours', 'five hours'), { fileName: 'briefing.txt' }),
          T1,
        ),
      );
      ben.change((nb) =>
        addVersion(
          nb,
          ids.briefing,
          importPlainText(
            BRIEFING_V2.replace('on Monday', 'on Monday and again at dinner').replace(
              'the investigation should go on in London',
              'inquiries ought to continue in Britain',
            ),
            {
              fileName: 'briefing.txt',
            },
          ),
          T2,
        ),
      );
      const imported = { [ANA.name]: ana.nb, [BEN.name]: ben.nb };
      exchange(ana, ben);
      const conflicts = findConflicts(ana.doc);
      const onDocument = conflicts.filter((c) => c.id.startsWith(`field:documents:${ids.briefing}:`));
      assert.deepEqual(
        onDocument.map((c) => c.id),
        [`field:documents:${ids.briefing}:text`],
      );
      assert.deepEqual(onDocument[0]!.values.map((v) => v.author).sort(), [ANA.name, BEN.name]);
      const onHighlight = conflicts.filter((c) => c.id.startsWith(`field:annotations:${ids.answer}:`));
      assert.equal(onHighlight.length, 1, 'the highlight carried onto each: one conflict too');
      // Pick this person's import, for the document and for the highlight.
      for (const conflict of [onDocument[0]!, onHighlight[0]!]) {
        const parsed = parseConflictId(conflict.id);
        assert.ok(parsed && parsed.kind === 'field');
        const choice = conflict.values.findIndex((v) => v.author === person.name);
        ana.settle((d) => assert.ok(pickValue(d, parsed.entryKind, parsed.key, parsed.field, choice)));
      }
      assert.deepEqual(findConflicts(ana.doc), []);
      const mine = imported[person.name]!;
      const document = (nb: Notebook) => nb.documents.find((d) => d.id === ids.briefing)!;
      assert.deepEqual(document(ana.nb), document(mine), `the document as ${person.name} imported it`);
      const { target, version, carried } = annotation(mine, ids.answer)!;
      assert.equal(version, person === ANA ? undefined : 2);
      const picked = annotation(ana.nb, ids.answer)!;
      assert.deepEqual(
        { target: picked.target, version: picked.version, carried: picked.carried },
        { target, version, carried },
      );
      return document(ana.nb).text;
    });
    assert.notEqual(picks[0], picks[1]);
  });

  test('a conflict on an entry deleted since is not listed', () => {
    const { ana, ben, ids } = pair();
    const cat = ana.fork(CAT);
    ana.change((nb) => updateTopic(nb, { id: ids.nuclear, path: 'iran/enrichment' }));
    ben.change((nb) => updateTopic(nb, { id: ids.nuclear, path: 'iran/iaea' }));
    exchange(ana, ben);
    assert.equal(findConflicts(ana.doc).length, 1);
    cat.change((nb) => deleteTopic(nb, ids.nuclear));
    ana.receive(cat);
    assert.equal(topic(ana.nb, ids.nuclear), undefined);
    assert.deepEqual(findConflicts(ana.doc), []);
  });

  test('the same value set on both machines is no conflict', () => {
    const { ana, ben, ids } = pair();
    ana.change((nb) => updateTopic(nb, { id: ids.extradition, path: 'lugovoy' }));
    ben.change((nb) => updateTopic(nb, { id: ids.extradition, path: 'lugovoy' }));
    exchange(ana, ben);
    assert.deepEqual(findConflicts(ana.doc), []);
  });

  test('a highlight deleted on one machine while linked on the other is a dangling link to restore', () => {
    const { ana, ben, ids } = pair();
    const quote = annotation(ana.nb, ids.talks)!.target.exact;
    ana.change((nb) => deleteAnnotation(nb, ids.talks));
    ben.change((nb) => linkAnnotations(nb, { fromId: ids.answer, toId: ids.talks, type: 'contradicts' }, T1));
    exchange(ana, ben);
    assert.equal(annotation(ana.nb, ids.talks), undefined, 'the deleted highlight is not in the notebook');
    const conflicts = findConflicts(ana.doc);
    assert.deepEqual(findConflicts(ben.doc), conflicts);
    assert.equal(conflicts.length, 1);
    assert.equal(conflicts[0]!.kind, 'dangling-link');
    assert.deepEqual(conflicts[0]!.link, {
      from: ids.answer,
      to: ids.talks,
      type: 'contradicts',
      quote,
      deletedBy: ANA.name,
    });
    const parsed = parseConflictId(conflicts[0]!.id);
    assert.ok(parsed && parsed.kind === 'link');
    ben.settle((d) => assert.ok(settleLink(d, parsed, 'restore')));
    assert.deepEqual(findConflicts(ben.doc), []);
    assert.equal(annotation(ben.nb, ids.talks)!.target.exact, quote, 'the highlight is back');
    ana.receive(ben);
    assert.equal(annotation(ana.nb, ids.talks)!.target.exact, quote);
    assert.deepEqual(annotation(ana.nb, ids.answer)!.links, [
      { type: 'rebuts', annotationId: ids.refusal },
      { type: 'contradicts', annotationId: ids.talks },
    ]);
  });

  test('a dangling link removed takes the link off and leaves the highlight deleted', () => {
    const { ana, ben, ids } = pair();
    ana.change((nb) => deleteAnnotation(nb, ids.talks));
    ben.change((nb) => linkAnnotations(nb, { fromId: ids.answer, toId: ids.talks, type: 'contradicts' }, T1));
    exchange(ana, ben);
    const [conflict] = findConflicts(ana.doc);
    const parsed = parseConflictId(conflict!.id);
    assert.ok(parsed && parsed.kind === 'link');
    ana.settle((d) => assert.ok(settleLink(d, parsed, 'remove')));
    assert.deepEqual(findConflicts(ana.doc), []);
    assert.deepEqual(annotation(ana.nb, ids.answer)!.links, [{ type: 'rebuts', annotationId: ids.refusal }]);
    assert.equal(annotation(ana.nb, ids.talks), undefined);
    ben.receive(ana);
    assert.deepEqual(findConflicts(ben.doc), []);
    assert.equal(annotation(ben.nb, ids.talks), undefined);
  });

  test('one link made on two machines to a highlight deleted on a third is listed once', () => {
    const { ana, ben, ids } = pair();
    const cat = ana.fork(CAT);
    ana.change((nb) => linkAnnotations(nb, { fromId: ids.answer, toId: ids.talks, type: 'contradicts' }, T1));
    ben.change((nb) => linkAnnotations(nb, { fromId: ids.answer, toId: ids.talks, type: 'contradicts' }, T1));
    cat.change((nb) => deleteAnnotation(nb, ids.talks));
    ana.receive(ben, cat);
    const conflicts = findConflicts(ana.doc);
    assert.equal(conflicts.length, 1, JSON.stringify(conflicts.map((c) => c.id)));
    assert.equal(conflicts[0]!.link!.deletedBy, CAT.name);
    const parsed = parseConflictId(conflicts[0]!.id);
    assert.ok(parsed && parsed.kind === 'link');
    ana.settle((d) => assert.ok(settleLink(d, parsed, 'remove')));
    assert.deepEqual(findConflicts(ana.doc), []);
  });

  test('a highlight deleted on one machine and edited on the other stays deleted, the edit kept for a restore', () => {
    const { ana, ben, ids } = pair();
    ana.change((nb) => deleteAnnotation(nb, ids.refusal));
    ben.change((nb) =>
      updateAnnotation(
        nb,
        {
          id: ids.refusal,
          note: 'Flat *refusal*.\nNo reason given.\nBut see the next answer.',
          stance: 'denial',
        },
        T1,
      ),
    );
    exchange(ana, ben);
    assert.equal(annotation(ana.nb, ids.refusal), undefined);
    assert.ok(ana.doc.annotations[ids.refusal]![DELETED_BY] !== undefined, 'kept, marked deleted');
    assert.deepEqual(
      annotation(ana.nb, ids.answer)!.links,
      [],
      'the link from the other highlight went with it',
    );
    assert.deepEqual(findConflicts(ana.doc), []);
    ana.settle((d) =>
      assert.ok(settleLink(d, { from: ids.answer, type: 'rebuts', to: ids.refusal }, 'restore')),
    );
    const back = annotation(ana.nb, ids.refusal)!;
    assert.equal(back.note, 'Flat *refusal*.\nNo reason given.\nBut see the next answer.');
    assert.equal(back.stance, 'denial');
  });

  test('an edit made to a highlight whose deletion has reached the document but not the notebook brings it back', () => {
    const { ana, ben, ids } = pair();
    ana.change((nb) => deleteAnnotation(nb, ids.talks));
    // Ben's document has the deletion; his notebook not yet, and he edits the highlight there.
    ben.doc = A.merge(ben.doc, A.clone(ana.doc));
    ben.change((nb) => updateAnnotation(nb, { id: ids.talks, note: 'Still needed.' }, T1));
    assertInStep(ben, 'the edited highlight is in the document again');
    ana.receive(ben);
    assert.equal(annotation(ana.nb, ids.talks)!.note, 'Still needed.');
  });

  test('undo of a delete brings the highlight back, on both machines', () => {
    const { ana, ben, ids } = pair();
    const before = annotation(ana.nb, ids.refusal)!;
    ana.change((nb) => deleteAnnotation(nb, ids.refusal));
    ben.receive(ana);
    assert.equal(annotation(ben.nb, ids.refusal), undefined);
    ana.undo();
    assertInStep(ana, 'after the undo');
    ben.receive(ana);
    assert.deepEqual(annotation(ben.nb, ids.refusal), before);
    assert.deepEqual(annotation(ben.nb, ids.answer)!.links, [{ type: 'rebuts', annotationId: ids.refusal }]);
    assert.deepEqual(findConflicts(ben.doc), []);
  });

  test('undo of a delete leaves nothing of what the kept entry gained meanwhile that the notebook lacks', () => {
    // While Ana's highlight is deleted, Ben's machine (which has not yet heard of the deletion) imports a new
    // version of its document: the highlight is carried and gains fields. Ana's undo brings back her highlight
    // as she had it, and the document holds what her notebook holds.
    const { ana, ben, ids } = pair();
    ana.change((nb) => deleteAnnotation(nb, ids.answer));
    ben.change((nb) =>
      addVersion(nb, ids.briefing, importPlainText(BRIEFING_CHANGED, { fileName: 'briefing.txt' }), T1),
    );
    assert.ok(annotation(ben.nb, ids.answer)!.version !== undefined, 'on Ben’s machine it waits for review');
    ana.receive(ben);
    ana.undo();
    assertInStep(ana, 'after the undo');
  });

  test('an event’s accounts reordered on one machine and renamed on the other keep both', () => {
    const { ana, ben, ids } = pair();
    ana.change((nb) => updateEvent(nb, { id: ids.event, documentIds: [ids.briefing, ids.sample] }));
    assertInStep(ana, 'after the reorder');
    assert.deepEqual(readNotebook(ana.doc).events[0]!.documentIds, [ids.briefing, ids.sample]);
    ben.change((nb) => updateEvent(nb, { id: ids.event, name: 'The Moscow talks' }));
    exchange(ana, ben);
    assert.deepEqual(ana.nb.events[0]!.documentIds, [ids.briefing, ids.sample]);
    assert.equal(ana.nb.events[0]!.name, 'The Moscow talks');
  });

  test('a stance added on both machines is there once; a suggestion dismissed on one stays dismissed', () => {
    const { ana, ben, ids } = pair();
    ana.change((nb) => addStance(nb, 'threat'));
    ben.change((nb) => addStance(nb, 'threat'));
    ben.change((nb) => dismissSuggestion(nb, suggestionKey(ids.sample, 5, 30)));
    exchange(ana, ben);
    assert.deepEqual([...ana.nb.stances].sort(), ['threat', 'ultimatum']);
    assert.ok(ana.nb.dismissedSuggestions.includes(suggestionKey(ids.sample, 5, 30)));
  });
});

/** The briefing's newer version with the answer's passage reworded, so the highlight waits for review. */
const BRIEFING_CHANGED = [
  'Talks in Moscow: a briefing',
  '',
  'The two ministers met for three hours on Monday.',
  '',
  'Lavrov said the extradition request could not be met under the Constitution.',
  '',
  'Miliband replied that inquiries ought to continue in Britain.',
].join('\n');

describe('mergeField: one field changed on both sides since a base, merged as sync merges it', () => {
  test('a note keeps both sides’ edits', () => {
    assert.equal(
      mergeField(
        'annotations',
        'note',
        'Flat *refusal*.\nNo reason given.',
        'Flat *refusal*, twice.\nNo reason given.',
        'Flat *refusal*.\nNo reason given at all.',
      ),
      'Flat *refusal*, twice.\nNo reason given at all.',
    );
  });

  test('a list keeps what either side added and loses what either took off', () => {
    // Two items put in one place at once: Automerge orders them.
    const topics = mergeField('annotations', 'topicIds', ['a', 'b', 'c'], ['a', 'c', 'd'], ['b', 'c', 'e']);
    assert.deepEqual([...(topics as string[])].sort(), ['c', 'd', 'e']);
    const link = (annotationId: string) => ({ type: 'rebuts', annotationId });
    assert.deepEqual(mergeField('annotations', 'links', [link('x')], [link('x'), link('y')], []), [
      link('y'),
    ]);
  });

  test('one side unchanged gives the other’s; any other field, or one taken off, is the remote’s', () => {
    assert.deepEqual(mergeField('events', 'documentIds', ['a', 'b'], ['b', 'a'], ['a', 'b']), ['b', 'a']);
    assert.equal(mergeField('annotations', 'note', 'x', 'x', 'y'), 'y');
    assert.equal(mergeField('topics', 'path', 'iran', 'persia', 'iran/nuclear'), 'iran/nuclear');
    assert.equal(mergeField('annotations', 'note', 'x', undefined, 'y'), 'y');
    assert.equal(mergeField('annotations', 'note', 'x', 'y', undefined), undefined);
  });
});
