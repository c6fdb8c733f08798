// Notebook operations: what they add and change, and that a refused call (unknown id, bad range, bad input)
// throws a ParleyError a user can read and leaves the notebook exactly as it was.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { importPlainText, type DocumentDraft } from '../../../main/core/import-text';
import { emptyNotebook, NotebookSchema, ParleyError } from '../../../shared/model';
import {
  addDocument,
  addDocuments,
  addSampleDocument,
  createAnnotation,
  createTopic,
  deleteAnnotation,
  deleteDocument,
  getDocument,
  listDocuments,
  markOpened,
  listTopics,
  openDocument,
  updateAnnotation,
  updateDocument,
} from '../../../main/core/notebook';
import { linkAnnotations } from '../../../main/core/links';
import { dismissSuggestion } from '../../../main/core/suggest';
import { TOPIC_PALETTE } from '../../../main/core/topics';
import { assertRefused } from './fixtures';

const SAMPLE = readFileSync(new URL('../../../assets/sample-miliband-lavrov.txt', import.meta.url), 'utf8');
const T0 = new Date('2026-01-05T09:00:00.000Z');
const T1 = new Date('2026-01-05T10:30:00.000Z');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function draftOf(text: string, title = 'A document'): DocumentDraft {
  const paragraphs = text.split('\n\n');
  let at = 0;
  const blocks = paragraphs.map((p) => {
    const block = { kind: 'paragraph' as const, start: at, end: at + p.length };
    at += p.length + 2;
    return block;
  });
  return { title, source: 'Test', published: '', url: '', format: 'text', text, blocks };
}

/** A notebook with the sample, two topics and nothing else. */
function setup() {
  const nb = emptyNotebook();
  const doc = addSampleDocument(nb, SAMPLE, T0);
  const extradition = createTopic(nb, { path: 'extradition' });
  const nuclear = createTopic(nb, { path: 'iran/nuclear' });
  return { nb, doc, extradition, nuclear };
}

function rangeOf(text: string, quote: string): { start: number; end: number } {
  const start = text.indexOf(quote);
  assert.notEqual(start, -1);
  return { start, end: start + quote.length };
}

describe('documents', () => {
  test('addDocument gives an id, the import time and the SHA-256 of the text', () => {
    const nb = emptyNotebook();
    const draft = draftOf('First paragraph.\n\nSecond one.', 'Talks');
    const doc = addDocument(nb, draft, T0);
    assert.match(doc.id, UUID);
    assert.equal(doc.importedAt, '2026-01-05T09:00:00.000Z');
    assert.equal(
      doc.contentHash,
      createHash('sha256').update('First paragraph.\n\nSecond one.').digest('hex'),
    );
    assert.equal(doc.title, 'Talks');
    assert.deepEqual(doc.blocks, draft.blocks);
    assert.deepEqual(nb.documents, [doc]);
    const other = addDocument(nb, draftOf('Other text.'), T1);
    assert.notEqual(other.id, doc.id);
    assert.notEqual(other.contentHash, doc.contentHash);
    assert.ok(NotebookSchema.safeParse(nb).success);
  });

  test('addDocument refuses a draft without text or with blocks that do not fit it', () => {
    const nb = emptyNotebook();
    assertRefused(nb, () => addDocument(nb, draftOf('   '), T0), 'invalid', /no text/);
    const draft = draftOf('Short.');
    assertRefused(
      nb,
      () => addDocument(nb, { ...draft, blocks: [{ kind: 'paragraph', start: 0, end: 99 }] }, T0),
      'invalid',
    );
    assertRefused(
      nb,
      () =>
        addDocument(
          nb,
          {
            ...draftOf('One.\n\nTwo.'),
            blocks: [
              { kind: 'paragraph', start: 6, end: 10 },
              { kind: 'paragraph', start: 0, end: 4 },
            ],
          },
          T0,
        ),
      'invalid',
    );
    assertRefused(nb, () => addDocument(nb, { ...draft, published: 'sometime' }, T0), 'invalid', /date/);
  });

  test('addSampleDocument imports the sample as the plain-text importer reads it, from RT', () => {
    const { nb, doc } = setup();
    const draft = importPlainText(SAMPLE);
    assert.equal(doc.title, 'Miliband: bilateral differences will not obscure our relationship');
    assert.equal(doc.source, 'RT');
    assert.equal(doc.url, '');
    assert.equal(doc.published, '2009-11-02T10:22');
    assert.equal(doc.format, 'text');
    assert.equal(doc.text, draft.text);
    assert.equal(doc.blocks.length, 14);
    assert.ok(doc.text.startsWith('Russian Foreign Minister Sergey Lavrov'));
    assert.equal(nb.documents.length, 1);
  });

  test('listDocuments summarizes each document with its highlight count, in import order', () => {
    const { nb, doc, extradition } = setup();
    const second = addDocument(nb, draftOf('Another article, without highlights.', 'Second'), T1);
    const { start, end } = rangeOf(doc.text, 'Lugovoy');
    createAnnotation(nb, { documentId: doc.id, start, end, topicIds: [extradition.id], note: '' }, T1);
    createAnnotation(nb, { documentId: doc.id, start: 0, end: 7, topicIds: [], note: '' }, T1);
    markOpened(nb, second.id, T1);
    assert.deepEqual(listDocuments(nb), [
      {
        id: doc.id,
        title: doc.title,
        source: 'RT',
        published: '2009-11-02T10:22',
        format: 'text',
        importedAt: T0.toISOString(),
        openedAt: '',
        annotationCount: 2,
        version: 1,
      },
      {
        id: second.id,
        title: 'Second',
        source: 'Test',
        published: '',
        format: 'text',
        importedAt: T1.toISOString(),
        openedAt: T1.toISOString(),
        annotationCount: 0,
        version: 1,
      },
    ]);
    assert.ok(!('text' in listDocuments(nb)[0]!));
  });

  test('getDocument finds a document or says it is not there', () => {
    const { nb, doc } = setup();
    assert.equal(getDocument(nb, doc.id), doc);
    assertRefused(nb, () => getDocument(nb, 'no-such-id'), 'not-found', /no-such-id/);
  });

  test('updateDocument edits title, source and date, reading dates as the importer does', () => {
    const { nb, doc } = setup();
    const updated = updateDocument(nb, {
      id: doc.id,
      title: '  Lavrov   meets Miliband ',
      source: ' RT English ',
    });
    assert.equal(updated.title, 'Lavrov meets Miliband');
    assert.equal(updated.source, 'RT English');
    assert.equal(updated.published, '2009-11-02T10:22');
    assert.equal(updateDocument(nb, { id: doc.id, published: '3 November 2009' }).published, '2009-11-03');
    assert.equal(
      updateDocument(nb, { id: doc.id, published: '2009-11-04T08:15' }).published,
      '2009-11-04T08:15',
    );
    assert.equal(updateDocument(nb, { id: doc.id, published: '' }).published, '');
    assert.equal(getDocument(nb, doc.id).title, 'Lavrov meets Miliband');
  });

  test('updateDocument refuses an empty title, an unreadable date or an unknown id, changing nothing', () => {
    const { nb, doc } = setup();
    assertRefused(nb, () => updateDocument(nb, { id: doc.id, title: '   ' }), 'invalid', /title/);
    // The valid title in the same call is not applied either.
    assertRefused(
      nb,
      () => updateDocument(nb, { id: doc.id, title: 'Fine', published: '02/11/2009' }),
      'invalid',
    );
    assertRefused(nb, () => updateDocument(nb, { id: doc.id, source: 'x'.repeat(1001) }), 'invalid');
    assertRefused(nb, () => updateDocument(nb, { id: 'missing', title: 'New' }), 'not-found');
  });
});

describe('topics', () => {
  test('createTopic normalizes the path and keeps its case', () => {
    const nb = emptyNotebook();
    const topic = createTopic(nb, { path: '  Iran //  Nuclear   Programme / ' });
    assert.equal(topic.path, 'Iran/Nuclear Programme');
    assert.match(topic.id, UUID);
    assert.equal(topic.description, '');
    assert.deepEqual(nb.topics, [topic]);
  });

  test('createTopic returns the existing topic for the same path in any case', () => {
    const nb = emptyNotebook();
    const first = createTopic(nb, { path: 'Iran/Nuclear' });
    assert.equal(createTopic(nb, { path: 'iran / nuclear' }), first);
    assert.equal(createTopic(nb, { path: 'IRAN/NUCLEAR', colour: '#000000' }).colour, first.colour);
    assert.equal(nb.topics.length, 1);
  });

  test('new topics take distinct palette colours until the palette is used up; a given colour is kept', () => {
    const nb = emptyNotebook();
    const colours = TOPIC_PALETTE.map((_, i) => createTopic(nb, { path: `topic ${i}` }).colour);
    assert.deepEqual(colours, [...TOPIC_PALETTE]);
    assert.ok(TOPIC_PALETTE.includes(createTopic(nb, { path: 'one more' }).colour));
    assert.equal(createTopic(nb, { path: 'chosen', colour: '#ABC' }).colour, '#aabbcc');
    assert.equal(createTopic(nb, { path: 'chosen too', colour: '#12AB9f' }).colour, '#12ab9f');
  });

  test('createTopic refuses an empty path or a colour that is not #rrggbb, changing nothing', () => {
    const nb = emptyNotebook();
    assertRefused(nb, () => createTopic(nb, { path: '   ' }), 'invalid', /empty/);
    assertRefused(nb, () => createTopic(nb, { path: ' / // ' }), 'invalid');
    assertRefused(nb, () => createTopic(nb, { path: 'x'.repeat(201) }), 'invalid', /200/);
    assertRefused(nb, () => createTopic(nb, { path: 'ok', colour: 'red' }), 'invalid', /colour/);
    assertRefused(nb, () => createTopic(nb, { path: 'ok', colour: '#12345' }), 'invalid');
  });

  test('listTopics lists the codebook in tree order with annotation counts', () => {
    const { nb, doc, extradition, nuclear } = setup();
    const deal = createTopic(nb, { path: 'iran-deal' });
    const iran = createTopic(nb, { path: 'Iran' });
    const { start, end } = rangeOf(doc.text, 'Iran’s nuclear programme');
    createAnnotation(nb, { documentId: doc.id, start, end, topicIds: [nuclear.id, iran.id], note: '' }, T1);
    createAnnotation(nb, { documentId: doc.id, start: 0, end: 7, topicIds: [nuclear.id], note: '' }, T1);
    assert.deepEqual(
      listTopics(nb).map((t) => [t.path, t.count]),
      [
        ['extradition', 0],
        ['Iran', 1],
        ['iran/nuclear', 2],
        ['iran-deal', 0],
      ],
    );
    const listed = listTopics(nb).find((t) => t.id === extradition.id)!;
    assert.deepEqual({ ...listed, count: undefined }, { ...extradition, count: undefined });
    assert.ok(deal.id);
  });
});

describe('annotations', () => {
  test('createAnnotation trims whitespace off the range and records both selectors', () => {
    const { nb, doc, extradition } = setup();
    const quote = 'his extradition to UK is absolutely out of the question';
    const { start, end } = rangeOf(doc.text, quote);
    const annotation = createAnnotation(
      nb,
      {
        documentId: doc.id,
        start: start - 1,
        end: end,
        topicIds: [extradition.id, extradition.id],
        note: '*No* way.',
      },
      T1,
    );
    assert.match(annotation.id, UUID);
    assert.equal(annotation.documentId, doc.id);
    assert.equal(annotation.target.start, start);
    assert.equal(annotation.target.end, end);
    assert.equal(annotation.target.exact, quote);
    assert.equal(annotation.target.prefix, doc.text.slice(start - 32, start));
    assert.equal(annotation.target.suffix, doc.text.slice(end, end + 32));
    assert.deepEqual(annotation.topicIds, [extradition.id]);
    assert.equal(annotation.note, '*No* way.');
    assert.equal(annotation.partyId, null);
    assert.equal(annotation.stance, null);
    assert.deepEqual(annotation.links, []);
    assert.equal(annotation.createdAt, T1.toISOString());
    assert.equal(annotation.updatedAt, T1.toISOString());
    assert.deepEqual(nb.annotations, [annotation]);
    assert.ok(NotebookSchema.safeParse(nb).success);
  });

  test('a range spanning a paragraph break keeps its inner break but not its outer whitespace', () => {
    const { nb, doc } = setup();
    const firstEnd = doc.blocks[0]!.end;
    const annotation = createAnnotation(
      nb,
      { documentId: doc.id, start: firstEnd - 10, end: firstEnd + 5, topicIds: [], note: '' },
      T1,
    );
    assert.equal(annotation.target.exact, 'fruitful.\n\nHe');
    assert.equal(annotation.target.start, firstEnd - 9);
  });

  test('createAnnotation refuses bad ranges, unknown documents and topics, changing nothing', () => {
    const { nb, doc, extradition } = setup();
    const ok = { documentId: doc.id, start: 0, end: 7, topicIds: [extradition.id], note: '' };
    const gap = doc.blocks[0]!.end;
    assertRefused(nb, () => createAnnotation(nb, { ...ok, start: 5, end: 5 }, T1), 'invalid', /empty/);
    assertRefused(
      nb,
      () => createAnnotation(nb, { ...ok, start: gap, end: gap + 2 }, T1),
      'invalid',
      /whitespace/,
    );
    assertRefused(nb, () => createAnnotation(nb, { ...ok, start: 9, end: 3 }, T1), 'invalid');
    assertRefused(
      nb,
      () => createAnnotation(nb, { ...ok, end: doc.text.length + 1 }, T1),
      'invalid',
      /beyond/,
    );
    assertRefused(nb, () => createAnnotation(nb, { ...ok, start: -1 }, T1), 'invalid');
    assertRefused(nb, () => createAnnotation(nb, { ...ok, start: 1.5 }, T1), 'invalid');
    assertRefused(nb, () => createAnnotation(nb, { ...ok, documentId: 'gone' }, T1), 'not-found', /gone/);
    assertRefused(
      nb,
      () => createAnnotation(nb, { ...ok, topicIds: [extradition.id, 'no-topic'] }, T1),
      'not-found',
      /no-topic/,
    );
  });

  test('createAnnotation refuses a range that cuts a character in half', () => {
    const nb = emptyNotebook();
    const doc = addDocument(nb, draftOf('Smile 😀 please.'), T0);
    const at = doc.text.indexOf('😀');
    assertRefused(
      nb,
      () =>
        createAnnotation(nb, { documentId: doc.id, start: at + 1, end: at + 5, topicIds: [], note: '' }, T1),
      'invalid',
      /middle of a character/,
    );
    assertRefused(
      nb,
      () => createAnnotation(nb, { documentId: doc.id, start: 0, end: at + 1, topicIds: [], note: '' }, T1),
      'invalid',
    );
    const whole = createAnnotation(
      nb,
      { documentId: doc.id, start: at, end: at + 2, topicIds: [], note: '' },
      T1,
    );
    assert.equal(whole.target.exact, '😀');
  });

  test('updateAnnotation replaces topics and note and stamps the change', () => {
    const { nb, doc, extradition, nuclear } = setup();
    const created = createAnnotation(
      nb,
      { documentId: doc.id, start: 0, end: 7, topicIds: [extradition.id], note: 'a' },
      T0,
    );
    const start = created.target;
    const updated = updateAnnotation(nb, { id: created.id, note: 'b' }, T1);
    assert.equal(updated.note, 'b');
    assert.deepEqual(updated.topicIds, [extradition.id]);
    assert.equal(updated.createdAt, T0.toISOString());
    assert.equal(updated.updatedAt, T1.toISOString());
    const retagged = updateAnnotation(nb, { id: created.id, topicIds: [nuclear.id] }, T1);
    assert.deepEqual(retagged.topicIds, [nuclear.id]);
    assert.equal(retagged.note, 'b');
    assert.deepEqual(retagged.target, start);
    assert.deepEqual(nb.annotations, [retagged]);
  });

  test('updateAnnotation refuses unknown ids and topics, changing nothing', () => {
    const { nb, doc } = setup();
    const created = createAnnotation(
      nb,
      { documentId: doc.id, start: 0, end: 7, topicIds: [], note: 'a' },
      T0,
    );
    assertRefused(nb, () => updateAnnotation(nb, { id: 'nope', note: 'b' }, T1), 'not-found', /nope/);
    assertRefused(
      nb,
      () => updateAnnotation(nb, { id: created.id, note: 'b', topicIds: ['x'] }, T1),
      'not-found',
    );
  });

  test('deleteAnnotation removes it and the links that pointed to it', () => {
    const { nb, doc } = setup();
    const a = createAnnotation(nb, { documentId: doc.id, start: 0, end: 7, topicIds: [], note: '' }, T0);
    const b = createAnnotation(nb, { documentId: doc.id, start: 8, end: 15, topicIds: [], note: '' }, T0);
    b.links.push({ type: 'rebuts', annotationId: a.id });
    assert.deepEqual(deleteAnnotation(nb, a.id), { id: a.id });
    assert.deepEqual(
      nb.annotations.map((x) => x.id),
      [b.id],
    );
    assert.deepEqual(b.links, []);
    assertRefused(nb, () => deleteAnnotation(nb, a.id), 'not-found');
  });
});

describe('openDocument', () => {
  test('returns the document with its annotations sorted by position', () => {
    const { nb, doc, extradition } = setup();
    const other = addDocument(nb, draftOf('Unrelated text.'), T0);
    const late = rangeOf(doc.text, 'Lugovoy case');
    const early = rangeOf(doc.text, 'Sergey Lavrov');
    const a = createAnnotation(nb, { documentId: doc.id, ...late, topicIds: [extradition.id], note: '' }, T0);
    const b = createAnnotation(nb, { documentId: doc.id, ...early, topicIds: [], note: '' }, T1);
    const c = createAnnotation(
      nb,
      { documentId: doc.id, start: early.start, end: early.end + 5, topicIds: [], note: '' },
      T1,
    );
    createAnnotation(nb, { documentId: other.id, start: 0, end: 9, topicIds: [], note: '' }, T1);
    const opened = openDocument(nb, doc.id);
    assert.equal(opened.document, doc);
    assert.deepEqual(
      opened.annotations.map((x) => x.id),
      [b.id, c.id, a.id],
    );
    assert.deepEqual(opened.needsReview, []);
    assertRefused(nb, () => openDocument(nb, 'missing'), 'not-found');
  });

  test('a highlight whose text moved is shown where it is now; one whose text is gone needs review', () => {
    const { nb, doc } = setup();
    const moved = createAnnotation(
      nb,
      { documentId: doc.id, ...rangeOf(doc.text, 'Lisbon Treaty'), topicIds: [], note: '' },
      T0,
    );
    const gone = createAnnotation(
      nb,
      {
        documentId: doc.id,
        ...rangeOf(doc.text, 'his extradition to UK is absolutely out of the question'),
        topicIds: [],
        note: '',
      },
      T0,
    );
    const kept = createAnnotation(nb, { documentId: doc.id, start: 0, end: 7, topicIds: [], note: '' }, T0);
    // The text changes under the highlights (as a re-import would): a sentence is inserted and one rewritten.
    const insertAt = doc.blocks[1]!.start;
    doc.text =
      doc.text.slice(0, insertAt) +
      'An inserted paragraph.\n\n' +
      doc.text
        .slice(insertAt)
        .replace('his extradition to UK is absolutely out of the question', 'a decision is pending');
    const stored = structuredClone(nb.annotations);

    const opened = openDocument(nb, doc.id);
    assert.deepEqual(opened.needsReview, [gone.id]);
    const shown = opened.annotations.find((x) => x.id === moved.id)!;
    assert.equal(doc.text.slice(shown.target.start, shown.target.end), 'Lisbon Treaty');
    assert.equal(shown.target.start, moved.target.start + 'An inserted paragraph.\n\n'.length);
    assert.equal(
      opened.annotations.find((x) => x.id === kept.id),
      kept,
    );
    // Opening is a read: the stored annotations are untouched.
    assert.deepEqual(nb.annotations, stored);
  });
});

describe('addDocuments', () => {
  test('adds every draft, or none when one is refused', () => {
    const nb = emptyNotebook();
    const good = importPlainText('A headline here\n\nA paragraph of real text.\n');
    const added = addDocuments(nb, [good, good], new Date('2026-01-01T00:00:00Z'));
    assert.equal(added.length, 2);
    assert.equal(nb.documents.length, 2);
    const refused = { ...good, text: '   ' };
    assert.throws(() => addDocuments(nb, [good, refused], new Date()), /no text/);
    assert.equal(nb.documents.length, 2, 'the first draft of the failed batch must be rolled back');
  });
});

describe('party and stance on a highlight', () => {
  /** The sample with its parties, and the sample's refusal passage as a range. */
  function withParties() {
    const { nb, doc, extradition } = setup();
    const [uk, russia] = nb.parties;
    assert.ok(uk && russia);
    const refusal = rangeOf(doc.text, 'his extradition to UK is absolutely out of the question');
    return { nb, doc, extradition, uk, russia, refusal };
  }

  test('addSampleDocument adds the sample parties once, unless the notebook has them by name', () => {
    const { nb } = setup();
    assert.deepEqual(
      nb.parties.map((p) => [p.name, p.short]),
      [
        ['United Kingdom', 'UK'],
        ['Russia', 'Russia'],
      ],
    );
    assert.ok(nb.parties[1]!.aliases.includes('Sergey Lavrov'));
    addSampleDocument(nb, SAMPLE, T1);
    assert.equal(nb.documents.length, 2);
    assert.equal(nb.parties.length, 2);
    assert.ok(NotebookSchema.safeParse(nb).success);

    const own = emptyNotebook();
    own.parties.push({ id: 'p1', name: 'united kingdom', short: 'GB', colour: '#000000', aliases: [] });
    addSampleDocument(own, SAMPLE, T0);
    assert.deepEqual(
      own.parties.map((p) => p.name),
      ['united kingdom', 'Russia'],
    );
  });

  test('addSampleDocument adds no party when the sample is refused', () => {
    const nb = emptyNotebook();
    assert.throws(() => addSampleDocument(nb, '   ', T0), ParleyError);
    assert.deepEqual(nb.parties, []);
  });

  test('createAnnotation records the party and stance, in the listed spelling', () => {
    const { nb, doc, extradition, russia, refusal } = withParties();
    const annotation = createAnnotation(
      nb,
      {
        documentId: doc.id,
        ...refusal,
        topicIds: [extradition.id],
        note: '',
        partyId: russia.id,
        stance: 'Refusal',
      },
      T1,
    );
    assert.equal(annotation.partyId, russia.id);
    assert.equal(annotation.stance, 'refusal');
    const plain = createAnnotation(
      nb,
      { documentId: doc.id, start: 0, end: 7, topicIds: [], note: '', partyId: null, stance: null },
      T1,
    );
    assert.equal(plain.partyId, null);
    assert.equal(plain.stance, null);
    nb.stances.push('red line');
    const own = createAnnotation(
      nb,
      { documentId: doc.id, start: 0, end: 7, topicIds: [], note: '', stance: 'red line' },
      T1,
    );
    assert.equal(own.stance, 'red line');
    assert.ok(NotebookSchema.safeParse(nb).success);
  });

  test('createAnnotation refuses an unknown party or stance, changing nothing', () => {
    const { nb, doc, refusal } = withParties();
    const ok = { documentId: doc.id, ...refusal, topicIds: [], note: '' };
    assertRefused(
      nb,
      () => createAnnotation(nb, { ...ok, partyId: 'nobody' }, T1),
      'not-found',
      /party.*nobody/,
    );
    assertRefused(nb, () => createAnnotation(nb, { ...ok, stance: 'grumble' }, T1), 'invalid', /grumble/);
  });

  test('updateAnnotation sets and clears party and stance, keeping the rest', () => {
    const { nb, doc, extradition, uk, russia, refusal } = withParties();
    const created = createAnnotation(
      nb,
      { documentId: doc.id, ...refusal, topicIds: [extradition.id], note: 'n', partyId: uk.id },
      T0,
    );
    const updated = updateAnnotation(nb, { id: created.id, partyId: russia.id, stance: 'denial' }, T1);
    assert.equal(updated.partyId, russia.id);
    assert.equal(updated.stance, 'denial');
    assert.equal(updated.note, 'n');
    assert.deepEqual(updated.topicIds, [extradition.id]);
    assert.equal(updated.updatedAt, T1.toISOString());
    // A patch without party or stance leaves them as they are.
    updateAnnotation(nb, { id: created.id, note: 'm' }, T1);
    assert.equal(created.partyId, russia.id);
    assert.equal(created.stance, 'denial');
    updateAnnotation(nb, { id: created.id, stance: null }, T1);
    assert.equal(created.stance, null);
    assert.equal(created.partyId, russia.id);
    updateAnnotation(nb, { id: created.id, partyId: null }, T1);
    assert.equal(created.partyId, null);
    // Nothing to change: the time stamp stays.
    const stamp = created.updatedAt;
    updateAnnotation(nb, { id: created.id }, new Date('2030-01-01T00:00:00Z'));
    assert.equal(created.updatedAt, stamp);
  });

  test('updateAnnotation refuses an unknown party or stance, applying none of the patch', () => {
    const { nb, doc, refusal } = withParties();
    const created = createAnnotation(nb, { documentId: doc.id, ...refusal, topicIds: [], note: 'a' }, T0);
    assertRefused(
      nb,
      () => updateAnnotation(nb, { id: created.id, note: 'b', partyId: 'nobody' }, T1),
      'not-found',
      /nobody/,
    );
    assertRefused(
      nb,
      () => updateAnnotation(nb, { id: created.id, note: 'b', stance: 'grumble' }, T1),
      'invalid',
      /grumble/,
    );
  });
});

describe('the document note and deleting a document', () => {
  test('updateDocument keeps a Markdown note as written, alone or with other fields', () => {
    const { nb, doc } = setup();
    const note = '# Reading\n\n* Lavrov *refuses*  \n  twice.\n';
    updateDocument(nb, { id: doc.id, note });
    assert.equal(getDocument(nb, doc.id).note, note);
    assert.equal(getDocument(nb, doc.id).title, doc.title);
    updateDocument(nb, { id: doc.id, title: 'Talks', note: '' });
    assert.deepEqual([doc.title, doc.note], ['Talks', '']);
    assertRefused(
      nb,
      () => updateDocument(nb, { id: doc.id, note: 42 as unknown as string }),
      'invalid',
      /text/,
    );
    assertRefused(
      nb,
      () => updateDocument(nb, { id: doc.id, note: 'kept?', published: 'someday' }),
      'invalid',
      /someday/,
    );
    NotebookSchema.parse(nb);
  });

  test('deleteDocument removes its highlights, its dismissed suggestions and the links to its highlights', () => {
    const { nb, doc, extradition } = setup();
    const other = addDocument(nb, draftOf('Miliband replied.\n\nLavrov answered.', 'Other'), T0);
    const here = createAnnotation(
      nb,
      { documentId: doc.id, ...rangeOf(doc.text, 'Lugovoy'), topicIds: [extradition.id], note: '' },
      T0,
    );
    const there = createAnnotation(
      nb,
      {
        documentId: other.id,
        ...rangeOf(other.text, 'Miliband replied'),
        topicIds: [extradition.id],
        note: '',
      },
      T0,
    );
    const thereToo = createAnnotation(
      nb,
      { documentId: other.id, ...rangeOf(other.text, 'Lavrov answered'), topicIds: [], note: '' },
      T0,
    );
    linkAnnotations(nb, { fromId: there.id, toId: here.id, type: 'answers' }, T0);
    linkAnnotations(nb, { fromId: there.id, toId: thereToo.id, type: 'agrees-with' }, T0);
    linkAnnotations(nb, { fromId: here.id, toId: there.id, type: 'rebuts' }, T0);
    dismissSuggestion(nb, `${doc.id}:0:5`);
    dismissSuggestion(nb, `${other.id}:0:5`);

    assert.deepEqual(deleteDocument(nb, doc.id), { id: doc.id });
    assert.deepEqual(
      nb.documents.map((d) => d.id),
      [other.id],
    );
    assert.deepEqual(
      nb.annotations.map((a) => a.id),
      [there.id, thereToo.id],
    );
    assert.deepEqual(nb.annotations[0]!.links, [{ type: 'agrees-with', annotationId: thereToo.id }]);
    assert.deepEqual(nb.dismissedSuggestions, [`${other.id}:0:5`]);
    assert.equal(nb.topics.length, 2, 'topics stay');
    assert.equal(nb.parties.length, 2, 'parties stay');
    assert.throws(() => getDocument(nb, doc.id), { code: 'not-found' });
    NotebookSchema.parse(nb);
  });

  test('deleteDocument of a document without highlights changes nothing else; an unknown id is refused', () => {
    const { nb, doc } = setup();
    const other = addDocument(nb, draftOf('Alone.'), T0);
    createAnnotation(nb, { documentId: doc.id, ...rangeOf(doc.text, 'Lugovoy'), topicIds: [], note: '' }, T0);
    const before = structuredClone(nb);
    deleteDocument(nb, other.id);
    assert.deepEqual(nb, { ...before, documents: before.documents.filter((d) => d.id !== other.id) });
    assertRefused(nb, () => deleteDocument(nb, other.id), 'not-found', /no document/);
  });
});
