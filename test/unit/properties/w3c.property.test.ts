// Export to W3C Web Annotation and import back loses nothing. A random notebook is built through the core's own
// operations (so it is one the app could hold): one to three documents of text with accents, CJK, combining marks,
// astral letters and emoji; topics by path, parties with short names, aliases and colours, stances of the user's
// own; highlights anywhere in the text with random topics, party, stance, a note of any Unicode, links between them
// of every type, and their own times. It is exported, written out as JSON and read back, and imported into a fresh
// notebook that holds the same documents and nothing else, through applyW3CImport with the makers the command line
// uses. Every highlight comes back the same: same id, document, position, quote and context, note, stance, times
// and links, the same topics by path in the same order, the same party by name, short name, colour and aliases.
// The topics and parties are made anew, so their ids must differ from the original ones.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  LINK_TYPES,
  emptyNotebook,
  type Annotation,
  type LinkType,
  type Notebook,
} from '../../../shared/model';
import { createAnnotation, createTopic } from '../../../main/core/notebook';
import { createParty } from '../../../main/core/parties';
import { addStance } from '../../../main/core/stances';
import { linkAnnotations } from '../../../main/core/links';
import { applyW3CImport, exportW3C, importW3C } from '../../../main/core/w3c';
import { pickEach, pickOne, spanOf, textDocument, tryTo } from './build';
import { runs, type Generated } from './seed';

const NOW = new Date('2026-11-30T12:00:00.000Z');

const WORDS = [
  'Lavrov',
  'Miliband',
  'said',
  'the',
  'Iran',
  'naïve',
  'Москва',
  '東京',
  'e\u0301te\u0301',
  '𝒜𝓈𝓉𝓇𝒶𝓁',
  '😀',
  '👩‍👩‍👧',
  '“quoted”',
  '—',
  '<b>',
  '&amp;',
  '*stars*',
];
const SEPARATORS = [' ', ' ', ', ', '. ', '\n', '\n\n'];

const documentText = fc
  .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEPARATORS)), { minLength: 5, maxLength: 60 })
  .map((parts) => parts.map(([word, separator]) => word + separator).join(''));

/** Any Unicode, astral and combining included, and the odd word from the text. */
const anyText = (maxLength: number) =>
  fc.oneof(
    fc.string({ unit: 'grapheme', maxLength }),
    fc.string({ unit: 'binary', maxLength }),
    fc.array(fc.constantFrom(...WORDS), { maxLength: 6 }).map((words) => words.join(' ')),
  );

const colour = fc
  .tuple(fc.nat(255), fc.nat(255), fc.nat(255))
  .map((rgb) => '#' + rgb.map((n) => n.toString(16).padStart(2, '0')).join(''));
const linkType = fc.constantFrom(...(Object.keys(LINK_TYPES) as LinkType[]));
const time = fc.date({
  min: new Date('2000-01-01T00:00:00.000Z'),
  max: new Date('2099-12-31T00:00:00.000Z'),
  noInvalidDate: true,
});

const notebookPlan = fc.record({
  texts: fc.array(documentText, { minLength: 1, maxLength: 3 }),
  urls: fc.array(fc.constantFrom('', 'https://example.org/a', 'https://news.example/ü?x=1#y'), {
    maxLength: 3,
  }),
  topics: fc.array(
    fc.oneof(
      anyText(20),
      fc
        .array(fc.constantFrom('iran', 'Iran', 'nuclear', 'екстрадиция', '東京', '𝒜', 'a b'), {
          minLength: 1,
          maxLength: 3,
        })
        .map((segments) => segments.join('/')),
    ),
    { maxLength: 6 },
  ),
  parties: fc.array(
    fc.record({
      name: anyText(30),
      short: fc.option(anyText(10), { nil: undefined }),
      aliases: fc.array(anyText(20), { maxLength: 3 }),
      colour: fc.option(colour, { nil: undefined }),
    }),
    { maxLength: 4 },
  ),
  stances: fc.array(anyText(20), { maxLength: 3 }),
  highlights: fc.array(
    fc.record({
      document: fc.nat(),
      from: fc.double({ min: 0, max: 1, noNaN: true }),
      length: fc.integer({ min: 1, max: 60 }),
      topics: fc.array(fc.nat(), { maxLength: 3 }),
      party: fc.option(fc.nat(), { nil: null }),
      stance: fc.option(fc.nat(), { nil: null }),
      note: fc.oneof(fc.constant(''), anyText(80)),
      created: time,
      later: fc.integer({ min: 0, max: 10_000_000_000 }),
      links: fc.array(fc.record({ to: fc.nat(), type: linkType }), { maxLength: 3 }),
    }),
    { minLength: 1, maxLength: 10 },
  ),
});

function build(plan: Generated<typeof notebookPlan>): Notebook {
  const nb = emptyNotebook();
  plan.texts.forEach((text, i) =>
    nb.documents.push(
      textDocument(text, { id: `doc-${i}`, title: `Document doc-${i}`, url: plan.urls[i] ?? '' }),
    ),
  );
  const topicIds = plan.topics.flatMap((path) => tryTo(() => createTopic(nb, { path }).id) ?? []);
  const partyIds = plan.parties.flatMap((party) => tryTo(() => createParty(nb, party).id) ?? []);
  for (const stance of plan.stances) tryTo(() => addStance(nb, stance));
  const stances = nb.stances.length > 0 ? nb.stances : ['demand', 'refusal'];
  const made: Array<{ annotation: Annotation; wish: (typeof plan.highlights)[number] }> = [];
  for (const wish of plan.highlights) {
    const doc = nb.documents[wish.document % nb.documents.length]!;
    const { start, end } = spanOf(doc.text, wish.from, wish.length);
    const annotation = tryTo(() =>
      createAnnotation(
        nb,
        {
          documentId: doc.id,
          start,
          end,
          topicIds: pickEach(topicIds, wish.topics),
          note: wish.note,
          partyId: pickOne(partyIds, wish.party),
          stance: pickOne(stances, wish.stance),
        },
        wish.created,
      ),
    );
    if (annotation) made.push({ annotation, wish });
  }
  for (const { annotation, wish } of made) {
    for (const link of wish.links) {
      const other = made[link.to % made.length]!.annotation;
      tryTo(() => linkAnnotations(nb, { fromId: annotation.id, toId: other.id, type: link.type }, NOW));
    }
  }
  // Times of their own, set last (linking stamps the linking highlight).
  for (const { annotation, wish } of made) {
    annotation.createdAt = wish.created.toISOString();
    annotation.updatedAt = new Date(
      Math.min(wish.created.getTime() + wish.later, 4102358400000),
    ).toISOString();
  }
  return nb;
}

/** An annotation as the notebook means it, with its topics and party by what they are rather than by id. */
function meaning(nb: Notebook, annotation: Annotation) {
  const party = annotation.partyId === null ? null : nb.parties.find((p) => p.id === annotation.partyId);
  assert.ok(party !== undefined, `party ${annotation.partyId} exists`);
  return {
    id: annotation.id,
    documentId: annotation.documentId,
    target: annotation.target,
    note: annotation.note,
    stance: annotation.stance,
    createdAt: annotation.createdAt,
    updatedAt: annotation.updatedAt,
    links: annotation.links,
    topics: annotation.topicIds.map((id) => {
      const topic = nb.topics.find((t) => t.id === id);
      assert.ok(topic, `topic ${id} exists`);
      return topic.path;
    }),
    party: party && { name: party.name, short: party.short, colour: party.colour, aliases: party.aliases },
  };
}

test('a notebook exported to W3C and imported into a fresh one with the same documents loses nothing', (t) => {
  fc.assert(
    fc.property(notebookPlan, (plan) => {
      const nb = build(plan);
      fc.pre(nb.annotations.length > 0);
      const file = JSON.parse(JSON.stringify(exportW3C(nb, { now: NOW }))) as unknown;

      const fresh = emptyNotebook();
      fresh.documents.push(...structuredClone(nb.documents));
      const result = importW3C(fresh, file, { now: NOW });
      assert.deepEqual(result.errors, []);
      const added = applyW3CImport(fresh, result, {
        createTopic: (path) => createTopic(fresh, { path }),
        createParty: ({ colour: wanted, ...party }) =>
          createParty(fresh, wanted ? { ...party, colour: wanted } : party),
      });

      assert.equal(added.length, nb.annotations.length);
      const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
      assert.deepEqual(
        fresh.annotations.map((a) => meaning(fresh, a)).sort(byId),
        nb.annotations.map((a) => meaning(nb, a)).sort(byId),
      );
      // The stances the highlights use are offered in the fresh notebook too.
      for (const annotation of fresh.annotations) {
        if (annotation.stance !== null) {
          assert.ok([...fresh.stances, 'demand', 'refusal'].includes(annotation.stance), annotation.stance);
        }
      }
      // Topics and parties were made anew: none has an id of the original notebook.
      const originalIds = new Set([...nb.topics, ...nb.parties].map((item) => item.id));
      for (const item of [...fresh.topics, ...fresh.parties]) assert.ok(!originalIds.has(item.id));
    }),
    runs(t, 120),
  );
});
