// Versions of a document: a newer version imported over one, its highlights carried across and each given its state
// by the kind of edit made around it, the review's choices, the diff of two versions, a third version, and a
// deleted document taking its versions with it. The article below was written for these tests; it is not real
// reporting, and the edited versions are made here, one edit per highlight.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { emptyNotebook, entryPlace, type Annotation, type Notebook } from '../../../shared/model';
import { compare } from '../../../main/core/compare';
import { notebookChange } from '../../../main/core/notebook-change';
import { exportCsv, exportDocumentMarkdown } from '../../../main/core/export';
import { exportW3C } from '../../../main/core/w3c';
import type { DocumentDraft } from '../../../main/core/import-text';
import * as ops from '../../../main/core/notebook';
import {
  addVersion,
  canonicalAddress,
  diffVersions,
  listVersions,
  makeVersion,
  reselectReview,
  resolveReview,
  sameAddress,
  versionReview,
  versionText,
} from '../../../main/core/versions';
import { assertRefused, makeDocument } from './fixtures';

const T1 = new Date('2026-11-01T10:00:00.000Z');
const T2 = new Date('2026-11-02T10:00:00.000Z');
const T3 = new Date('2026-11-03T10:00:00.000Z');

// Written for these tests: a short report of a fictional council meeting.
const P = {
  title: 'Harbour council delays the ferry decision',
  intro:
    'The harbour council of Westmere put off its decision on the new ferry line on Tuesday, after a meeting that ran for four hours.',
  mayor:
    'Mayor Ilse Brandt said the council needed more time to weigh the costs of the line against the needs of the islands.',
  opposition:
    'The opposition leader, Tomas Reyes, told reporters that the delay would cost the islanders another winter without a reliable service.',
  figures:
    'According to the harbour office, the line would carry about nine hundred passengers a day in the summer months.',
  schedule:
    'A final vote is expected in March, when the council will also hear from the shipping companies that bid for the route.',
  history: 'The ferry line was first proposed in 2019, when the old boat was taken out of service.',
  reaction: 'Shop owners on the islands said they were disappointed but not surprised by the delay.',
  closing: 'The ferry question has divided the town for years, and the islands wait.',
};

function draftOf(paragraphs: string[], meta: Partial<DocumentDraft> = {}): DocumentDraft {
  const doc = makeDocument('x', paragraphs);
  return {
    title: paragraphs[0]!,
    source: '',
    published: '',
    url: '',
    format: 'text',
    text: doc.text,
    blocks: doc.blocks,
    ...meta,
  };
}

const V1 = [P.title, P.intro, P.mayor, P.opposition, P.figures, P.schedule, P.history, P.reaction, P.closing];

function notebookOfV1(): { nb: Notebook; id: string } {
  const nb = emptyNotebook();
  const doc = ops.addDocument(nb, draftOf(V1, { source: 'Westmere Gazette' }), T1);
  return { nb, id: doc.id };
}

/** A highlight of `quote`, the first after the start of the paragraph `within` when given. */
function highlight(nb: Notebook, id: string, quote: string, within?: string): Annotation {
  const text = ops.getDocument(nb, id).text;
  const start = text.indexOf(quote, within === undefined ? 0 : text.indexOf(within));
  assert.ok(start >= 0, `quote not in text: ${quote}`);
  // A copy: the notebook's own object changes with the versions imported later.
  return structuredClone(
    ops.createAnnotation(
      nb,
      { documentId: id, start, end: start + quote.length, topicIds: [], note: '' },
      T1,
    ),
  );
}

const byId = (nb: Notebook, id: string) => nb.annotations.find((a) => a.id === id)!;

/** Version 2: each highlight below gets one kind of edit. */
function buildCase() {
  const { nb, id } = notebookOfV1();
  const untouched = highlight(nb, id, 'put off its decision on the new ferry line');
  const shifted = highlight(nb, id, 'the council needed more time');
  const moved = highlight(nb, id, 'the delay would cost the islanders another winter');
  const changed = highlight(nb, id, 'the line would carry about nine hundred passengers a day');
  const lost = highlight(nb, id, 'A final vote is expected in March');
  // "the islands" is in the closing paragraph and, before it, in the mayor's and the shop owners'; the closing
  // one goes.
  const short = highlight(nb, id, 'the islands', P.closing);
  // The opposition's paragraph goes to the end; the figures are edited; the schedule and the closing go.
  const v2 = [
    P.title,
    P.intro,
    `Speaking after the meeting, she was calm. ${P.mayor}`,
    // A number changed: a close match the anchoring would never take by itself, offered here for review.
    P.figures.replace('about nine hundred passengers', 'about 900 passengers'),
    P.history,
    P.reaction,
    P.opposition,
  ];
  return { nb, id, untouched, shifted, moved, changed, lost, short, v2 };
}

describe('a newer version carries each highlight in the state its edit calls for', () => {
  test('untouched → kept, text inserted before → kept and shifted, paragraph moved → moved, words changed → changed, passage deleted → lost', () => {
    const c = buildCase();
    const { nb, id } = c;
    const added = addVersion(nb, id, draftOf(c.v2), T2);
    assert.equal(added.version, 2);
    const text = ops.getDocument(nb, id).text;

    const untouched = byId(nb, c.untouched.id);
    assert.equal(untouched.version, undefined, 'a kept highlight points into the new text at once');
    assert.equal(untouched.carried?.state, 'kept');
    assert.equal(text.slice(untouched.target.start, untouched.target.end), c.untouched.target.exact);

    const shifted = byId(nb, c.shifted.id);
    assert.equal(shifted.carried?.state, 'kept');
    assert.equal(shifted.version, undefined);
    assert.ok(shifted.target.start > c.shifted.target.start, 'its offsets moved on with the text inserted');
    assert.equal(text.slice(shifted.target.start, shifted.target.end), c.shifted.target.exact);
    assert.deepEqual(shifted.carried?.old, c.shifted.target);

    const moved = byId(nb, c.moved.id);
    assert.equal(moved.carried?.state, 'moved');
    assert.equal(moved.version, 1, 'a moved highlight waits on version 1');
    assert.deepEqual(moved.target, c.moved.target, 'its target is not re-pointed before the review');
    const proposed = moved.carried!.proposed!;
    assert.equal(text.slice(proposed.start, proposed.end), c.moved.target.exact);
    assert.ok(proposed.start > text.indexOf(P.reaction), 'found where its paragraph went');

    const changed = byId(nb, c.changed.id);
    assert.equal(changed.carried?.state, 'changed');
    assert.equal(changed.version, 1);
    assert.equal(changed.carried!.proposed!.exact, 'the line would carry about 900 passengers a day');

    const lost = byId(nb, c.lost.id);
    assert.equal(lost.carried?.state, 'lost');
    assert.equal(lost.carried?.proposed, null);
    assert.equal(lost.version, 1);

    assert.deepEqual(added.counts, { kept: 2, moved: 1, changed: 1, lost: 2 });
  });

  test('a short quote whose paragraph is deleted is lost, not moved to the same words elsewhere', () => {
    const c = buildCase();
    addVersion(c.nb, c.id, draftOf(c.v2), T2);
    const short = byId(c.nb, c.short.id);
    assert.ok(ops.getDocument(c.nb, c.id).text.includes('the islands'), 'the words are still in the text');
    assert.equal(short.carried?.state, 'lost');
    assert.equal(short.carried?.proposed, null);
    assert.deepEqual(short.target, c.short.target);
  });

  test('a quote the new version has twice, its paragraph pasted in two places, goes to neither copy', () => {
    const c = buildCase();
    const v2 = [P.title, P.intro, P.mayor, P.figures, P.opposition, P.history, P.opposition, P.closing];
    addVersion(c.nb, c.id, draftOf(v2), T2);
    const moved = byId(c.nb, c.moved.id);
    assert.equal(moved.carried?.state, 'lost');
    assert.equal(moved.carried?.proposed, null);
    assert.deepEqual(moved.target, c.moved.target);
  });

  test('spacing changed inside a quote, and nothing else, keeps it: the words read the same', () => {
    const c = buildCase();
    const v2 = V1.map((p) => (p === P.figures ? p.replace('nine hundred', 'nine  hundred') : p));
    addVersion(c.nb, c.id, draftOf(v2), T2);
    const changed = byId(c.nb, c.changed.id);
    assert.equal(changed.carried?.state, 'kept');
    assert.equal(changed.version, undefined);
    assert.equal(changed.target.exact, 'the line would carry about nine  hundred passengers a day');
  });

  test('the document keeps its id, note and source, takes the new text and version 2, and version 1 is kept', () => {
    const c = buildCase();
    const before = structuredClone(ops.getDocument(c.nb, c.id));
    ops.updateDocument(c.nb, { id: c.id, note: 'My note' });
    addVersion(c.nb, c.id, draftOf(c.v2), T2);
    const doc = ops.getDocument(c.nb, c.id);
    assert.equal(doc.version, 2);
    assert.equal(doc.note, 'My note');
    assert.equal(doc.source, 'Westmere Gazette');
    assert.equal(doc.citationKey, before.citationKey);
    assert.equal(doc.importedAt, T2.toISOString());
    assert.equal(doc.text, draftOf(c.v2).text);
    assert.equal(c.nb.versions.length, 1);
    const [v1] = c.nb.versions;
    assert.equal(v1!.n, 1);
    assert.equal(v1!.text, before.text);
    assert.deepEqual(v1!.blocks, before.blocks);
    assert.equal(v1!.importedAt, before.importedAt);
    assert.equal(v1!.contentHash, before.contentHash);
  });

  test('opening the document shows only the highlights on its latest text, and none of them needs review', () => {
    const c = buildCase();
    const before = structuredClone(c.nb);
    addVersion(c.nb, c.id, draftOf(c.v2), T2);
    const change = notebookChange({
      revision: 2,
      kind: 'change',
      label: 'Import new version',
      history: { canUndo: true, canRedo: false, undoLabel: null, redoLabel: null },
      before,
      after: c.nb,
    });
    assert.equal(change.annotations?.upserted.length, 6);
    assert.deepEqual(
      change.annotations?.needsReview,
      [],
      'those on version 1 are not read against version 2',
    );
    const opened = ops.openDocument(c.nb, c.id);
    assert.deepEqual(opened.annotations.map((a) => a.id).sort(), [c.untouched.id, c.shifted.id].sort());
    assert.deepEqual(opened.needsReview, []);
  });

  test('an unknown document, an empty text and a text the same as the latest are refused, changing nothing', () => {
    const c = buildCase();
    assertRefused(c.nb, () => addVersion(c.nb, 'no-such-doc', draftOf(c.v2), T2), 'not-found');
    assertRefused(c.nb, () => addVersion(c.nb, c.id, draftOf(['  ']), T2), 'invalid', /no text/);
    assertRefused(c.nb, () => addVersion(c.nb, c.id, draftOf(V1), T2), 'invalid', /exactly as the latest/);
  });
});

describe('listing and reading versions', () => {
  test('versions are listed oldest first, the latest last, and each can be read with its highlights', () => {
    const c = buildCase();
    addVersion(c.nb, c.id, draftOf(c.v2, { title: 'Ferry decision delayed' }), T2);
    const list = listVersions(c.nb, c.id);
    assert.deepEqual(
      list.map(({ n, importedAt, latest, title }) => ({ n, importedAt, latest, title })),
      [
        { n: 1, importedAt: T1.toISOString(), latest: false, title: P.title },
        { n: 2, importedAt: T2.toISOString(), latest: true, title: 'Ferry decision delayed' },
      ],
    );
    assert.equal(list[0]!.characters, draftOf(V1).text.length);
    const first = versionText(c.nb, c.id, 1);
    assert.equal(first.text, draftOf(V1).text);
    assert.deepEqual(
      first.annotations.map((a) => a.id).sort(),
      [c.moved.id, c.changed.id, c.lost.id, c.short.id].sort(),
    );
    const latest = versionText(c.nb, c.id, 2);
    assert.equal(latest.latest, true);
    assert.deepEqual(latest.annotations.map((a) => a.id).sort(), [c.untouched.id, c.shifted.id].sort());
    assert.throws(() => versionText(c.nb, c.id, 3), /has no version 3: it has versions 1 to 2/);
  });
});

describe('the review', () => {
  test('lists every highlight carried onto the latest version in text order, with places and the words that differ', () => {
    const c = buildCase();
    addVersion(c.nb, c.id, draftOf(c.v2), T2);
    const review = versionReview(c.nb, c.id);
    assert.equal(review.version, 2);
    assert.deepEqual(
      review.items.map((item) => [item.annotationId, item.state]),
      [
        [c.untouched.id, 'kept'],
        [c.shifted.id, 'kept'],
        [c.moved.id, 'moved'],
        [c.changed.id, 'changed'],
        [c.lost.id, 'lost'],
        [c.short.id, 'lost'],
      ],
    );
    const changed = review.items.find((item) => item.annotationId === c.changed.id)!;
    assert.equal(changed.oldPlace, '¶5');
    assert.equal(changed.newPlace, '¶4');
    assert.deepEqual(
      changed.parts.filter((part) => part.kind !== 'same').map((part) => [part.kind, part.text.trim()]),
      [
        ['deleted', 'nine hundred'],
        ['inserted', '900'],
      ],
    );
    const lost = review.items.find((item) => item.annotationId === c.lost.id)!;
    assert.equal(lost.newQuote, null);
    assert.equal(lost.newPlace, null);
    assert.deepEqual(lost.parts, []);
    assert.ok(review.items.every((item) => item.outcome === null));
  });

  test('accept points a moved highlight at its new place; a lost one cannot be accepted', () => {
    const c = buildCase();
    addVersion(c.nb, c.id, draftOf(c.v2), T2);
    const proposed = byId(c.nb, c.moved.id).carried!.proposed!;
    resolveReview(c.nb, c.moved.id, 'accept', T3);
    const moved = byId(c.nb, c.moved.id);
    assert.deepEqual(moved.target, proposed);
    assert.equal(moved.version, undefined);
    assert.equal(moved.carried?.outcome, 'accepted');
    assert.ok(ops.openDocument(c.nb, c.id).annotations.some((a) => a.id === c.moved.id));
    assertRefused(c.nb, () => resolveReview(c.nb, c.lost.id, 'accept', T3), 'invalid', /lost in version 2/);
    assertRefused(c.nb, () => resolveReview(c.nb, c.moved.id, 'accept', T3), 'invalid', /not waiting/);
    assertRefused(c.nb, () => resolveReview(c.nb, c.untouched.id, 'accept', T3), 'invalid', /not waiting/);
  });

  test('keep-on-old leaves it on version 1; delete removes it and the links to it; re-select takes the passage given', () => {
    const c = buildCase();
    ops.createAnnotation(c.nb, { documentId: c.id, start: 0, end: 7, topicIds: [], note: '' }, T1);
    const linking = c.nb.annotations[c.nb.annotations.length - 1]!;
    linking.links = [{ type: 'rebuts', annotationId: c.lost.id }];
    addVersion(c.nb, c.id, draftOf(c.v2), T2);

    resolveReview(c.nb, c.changed.id, 'keep-on-old', T3);
    assert.equal(byId(c.nb, c.changed.id).version, 1);
    assert.equal(byId(c.nb, c.changed.id).carried?.outcome, 'kept-on-old');
    assert.ok(versionText(c.nb, c.id, 1).annotations.some((a) => a.id === c.changed.id));

    resolveReview(c.nb, c.lost.id, 'delete', T3);
    assert.equal(byId(c.nb, c.lost.id), undefined);
    assert.deepEqual(byId(c.nb, linking.id).links, []);

    const text = ops.getDocument(c.nb, c.id).text;
    const at = text.indexOf('the islanders another winter');
    reselectReview(c.nb, { annotationId: c.short.id, start: at - 1, end: at + 28 }, T3);
    const short = byId(c.nb, c.short.id);
    assert.equal(short.target.exact, 'the islanders another winter');
    assert.equal(short.version, undefined);
    assert.equal(short.carried?.outcome, 'reselected');

    assertRefused(
      c.nb,
      () => reselectReview(c.nb, { annotationId: c.moved.id, start: 10, end: 5 }, T3),
      'invalid',
    );
    assertRefused(
      c.nb,
      () => reselectReview(c.nb, { annotationId: c.moved.id, start: 0, end: text.length + 1 }, T3),
      'invalid',
    );
    assertRefused(c.nb, () => resolveReview(c.nb, 'no-such-highlight', 'delete', T3), 'not-found');
    const outcomes = versionReview(c.nb, c.id).items.map((item) => [item.annotationId, item.outcome]);
    assert.deepEqual(outcomes, [
      [linking.id, null],
      [c.untouched.id, null],
      [c.shifted.id, null],
      [c.moved.id, null],
      [c.changed.id, 'kept-on-old'],
      [c.short.id, 'reselected'],
    ]);
  });
});

describe('the diff of two versions', () => {
  test('paragraphs aligned: the same, changed in place with its words marked, deleted and inserted', () => {
    const c = buildCase();
    addVersion(c.nb, c.id, draftOf(c.v2), T2);
    const diff = diffVersions(c.nb, c.id, 1, 2);
    const kinds = diff.rows.map((row) => [row.kind, row.from?.block ?? null, row.to?.block ?? null]);
    assert.deepEqual(kinds, [
      ['same', 0, 0],
      ['same', 1, 1],
      ['changed', 2, 2],
      ['deleted', 3, null],
      ['changed', 4, 3],
      ['deleted', 5, null],
      ['same', 6, 4],
      ['same', 7, 5],
      ['deleted', 8, null],
      ['inserted', null, 6],
    ]);
    const mayor = diff.rows[2]!;
    assert.deepEqual(mayor.parts[0], {
      kind: 'inserted',
      text: 'Speaking after the meeting, she was calm. ',
    });
    assert.equal(
      mayor.parts
        .filter((p) => p.kind !== 'inserted')
        .map((p) => p.text)
        .join(''),
      P.mayor,
    );
    const v1 = draftOf(V1).text;
    assert.equal(v1.slice(mayor.from!.start, mayor.from!.end), P.mayor);
    assert.equal(diff.stats.paragraphs, 6);
    assert.ok(diff.stats.inserted > 0 && diff.stats.deleted > 0);
    const same = diffVersions(c.nb, c.id, 2, 2);
    assert.ok(same.rows.every((row) => row.kind === 'same'));
    assert.deepEqual(same.stats, { inserted: 0, deleted: 0, paragraphs: 0 });
    assert.throws(() => diffVersions(c.nb, c.id, 1, 5), /has no version 5/);
  });
});

describe('a third version', () => {
  test('kept ones are carried again; one still waiting is carried from its version; one kept on version 1 stays', () => {
    const c = buildCase();
    addVersion(c.nb, c.id, draftOf(c.v2), T2);
    resolveReview(c.nb, c.lost.id, 'keep-on-old', T3);
    const v3 = [...c.v2.slice(0, 4), P.opposition.replace('Tomas Reyes', 'Tomás Reyes'), P.closing];
    const added = addVersion(c.nb, c.id, draftOf(v3), T3);
    assert.equal(added.version, 3);
    assert.equal(ops.getDocument(c.nb, c.id).version, 3);
    assert.deepEqual(
      listVersions(c.nb, c.id).map((v) => v.n),
      [1, 2, 3],
    );
    assert.equal(byId(c.nb, c.untouched.id).carried?.state, 'kept');
    assert.equal(byId(c.nb, c.untouched.id).carried?.from, 2);
    assert.equal(byId(c.nb, c.untouched.id).carried?.to, 3);
    // Waiting on version 1 since version 2, and carried from version 1 onto version 3, where its paragraph is
    // back as it was: kept, and on the latest text.
    const short = byId(c.nb, c.short.id);
    assert.equal(short.carried?.from, 1);
    assert.equal(short.carried?.to, 3);
    assert.equal(short.carried?.state, 'kept');
    assert.equal(short.version, undefined);
    assert.equal(ops.getDocument(c.nb, c.id).text.slice(short.target.start, short.target.end), 'the islands');
    assert.ok(short.target.start > ops.getDocument(c.nb, c.id).text.indexOf(P.closing));
    // Waiting since version 2, and carried again from version 1.
    assert.equal(byId(c.nb, c.moved.id).carried?.from, 1);
    assert.equal(byId(c.nb, c.moved.id).carried?.to, 3);
    const lost = byId(c.nb, c.lost.id);
    assert.equal(lost.version, 1);
    assert.equal(lost.carried?.to, 2, 'one kept on its version is left as it was');
    assert.equal(lost.carried?.outcome, 'kept-on-old');
    assert.deepEqual(
      versionReview(c.nb, c.id)
        .items.map((item) => item.annotationId)
        .includes(c.lost.id),
      false,
    );
    assert.equal(diffVersions(c.nb, c.id, 1, 3).from, 1);
  });
});

describe('making an imported document a version of another', () => {
  test('its text becomes the newest version and it is removed; one with highlights is refused', () => {
    const c = buildCase();
    const other = ops.addDocument(c.nb, draftOf(c.v2, { url: 'https://example.org/ferry' }), T2);
    makeVersion(c.nb, other.id, c.id, T2);
    assert.equal(c.nb.documents.length, 1);
    assert.equal(ops.getDocument(c.nb, c.id).version, 2);
    assert.equal(ops.getDocument(c.nb, c.id).text, other.text);
    const third = ops.addDocument(c.nb, draftOf(V1), T3);
    ops.createAnnotation(c.nb, { documentId: third.id, start: 0, end: 7, topicIds: [], note: '' }, T3);
    assertRefused(c.nb, () => makeVersion(c.nb, third.id, c.id, T3), 'invalid', /highlights of its own/);
    assertRefused(c.nb, () => makeVersion(c.nb, c.id, c.id, T3), 'invalid', /of itself/);
  });

  test('pages offered as versions: the same address however it is written', () => {
    assert.equal(
      canonicalAddress('HTTPS://www.Example.org/news/ferry/?utm_source=x&id=4#top'),
      canonicalAddress('http://example.org/news/ferry?id=4'),
    );
    assert.notEqual(canonicalAddress('https://example.org/a'), canonicalAddress('https://example.org/b'));
    assert.equal(canonicalAddress('  '), null);
    const nb = emptyNotebook();
    const old = ops.addDocument(nb, draftOf(V1, { url: 'https://example.org/ferry' }), T1);
    const fresh = ops.addDocument(nb, draftOf(V1, { url: 'https://example.org/ferry/#x' }), T2);
    const unrelated = ops.addDocument(nb, draftOf(V1, { url: 'https://example.org/bus' }), T2);
    assert.deepEqual(sameAddress(nb, [fresh.id, unrelated.id]), [
      { documentId: fresh.id, of: old.id, title: old.title },
    ]);
  });
});

describe('deleting a document', () => {
  test('takes its versions with it, and its place in every event; an event left with no account goes', () => {
    const c = buildCase();
    addVersion(c.nb, c.id, draftOf(c.v2), T2);
    const other = ops.addDocument(c.nb, draftOf(['Another', 'Text.']), T2);
    const keep = ops.addDocument(c.nb, draftOf(['A third', 'Text.']), T2);
    c.nb.events.push(
      { id: 'e1', name: 'Both', date: '', documentIds: [c.id, other.id], createdAt: T2.toISOString() },
      { id: 'e2', name: 'Alone', date: '', documentIds: [c.id], createdAt: T2.toISOString() },
      { id: 'e3', name: 'Else', date: '', documentIds: [keep.id, other.id], createdAt: T2.toISOString() },
    );
    ops.deleteDocument(c.nb, c.id);
    assert.deepEqual(c.nb.versions, []);
    assert.deepEqual(
      c.nb.events.map((e) => [e.id, e.documentIds]),
      [
        ['e1', [other.id]],
        ['e3', [keep.id, other.id]],
      ],
    );
    assert.equal(c.nb.annotations.length, 0);
  });
});

describe('a highlight on an earlier version is read against that version', () => {
  test('exports place it in its version and say so; W3C gives its quote alone; it is not listed for review', () => {
    const c = buildCase();
    c.nb.parties.push({ id: 'p1', name: 'Council', short: 'C', colour: '#336699', aliases: [] });
    for (const a of c.nb.annotations) a.partyId = 'p1';
    addVersion(c.nb, c.id, draftOf(c.v2), T2);
    resolveReview(c.nb, c.lost.id, 'keep-on-old', T3);
    // The schedule paragraph is ¶6 of version 1; version 2 has only six paragraphs and no schedule.
    const markdown = exportDocumentMarkdown(c.nb, c.id, { now: T3 });
    assert.match(markdown, /A final vote is expected in March[\s\S]*?¶6, version 1/);
    const csv = exportCsv(c.nb).split('\r\n');
    const row = csv.find((line) => line.includes('A final vote is expected in March'))!;
    assert.match(row, /,"6, version 1",/);
    const entries = compare(c.nb, {}).rows.flatMap((r) => r.cells.flatMap((cell) => cell.entries));
    const entry = entries.find((e) => e.annotationId === c.lost.id)!;
    assert.equal(entryPlace(entry), '¶6, version 1');
    const kept = entries.find((e) => e.annotationId === c.untouched.id)!;
    assert.equal(entryPlace(kept), '¶2');
    const w3c = exportW3C(c.nb, { documentId: c.id, now: T3 }) as {
      first: {
        items: Array<{
          id: string;
          target: { selector: Array<{ type: string }>; 'parley:version'?: number };
        }>;
      };
    };
    const item = w3c.first.items.find((i) => i.id.endsWith(c.lost.id))!;
    assert.equal(item.target['parley:version'], 1);
    assert.deepEqual(
      item.target.selector.map((s) => s.type),
      ['TextQuoteSelector'],
    );
    const latest = w3c.first.items.find((i) => i.id.endsWith(c.untouched.id))!;
    assert.equal(latest.target['parley:version'], undefined);
    assert.equal(latest.target.selector.length, 2);
  });
});
