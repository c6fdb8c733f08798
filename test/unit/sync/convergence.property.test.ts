// Three replicas that receive the same changes in different orders end identical. From a common notebook (the
// sample and a short briefing, with topics, parties, linked highlights: machines.ts), and after each replica has
// made a highlight and a topic and taken in the others' (each in its own order), each replica makes random
// changes through the core operations, each written into its document by writeDiff as the replica writes a
// committed change: highlights made, edited, deleted (and the deletion undone), notes edited line by line, topics
// renamed or made, stances set, highlights linked and unlinked, topics added to and taken off highlights; now and
// then a replica takes in what another has so far, so later changes depend on other machines' ones. Then every
// change there is goes to each replica one at a time, in an order of its own (Automerge holds back a change until
// the changes it depends on have come). Each replica must end with the same heads, read the same notebook (deep
// equal, order included) and list the same conflicts. 50 runs; the seed is printed, and PARLEY_FC_SEED replays it.
// The notes' words were written for the tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import * as A from '@automerge/automerge';
import { readNotebook, type NotebookDoc } from '../../../main/sync/doc-model';
import { findConflicts } from '../../../main/sync/conflicts';
import {
  addTopicToAnnotations,
  createAnnotation,
  createTopic,
  deleteAnnotation,
  updateAnnotation,
} from '../../../main/core/notebook';
import { updateTopic } from '../../../main/core/codebook';
import { linkAnnotations, unlinkAnnotations } from '../../../main/core/links';
import { addStance } from '../../../main/core/stances';
import { ParleyError, STANDARD_STANCES, type LinkType, type Notebook } from '../../../shared/model';
import { seededRandom } from '../../../scripts/seeded-random';
import { runs } from '../properties/seed';
import { ANA, BEN, CAT, Machine, T1, canonical, realistic, type Person } from './machines';

const BASE = { actor: 'ba5e'.repeat(8), name: 'Base' };
const PEOPLE: readonly Person[] = [ANA, BEN, CAT];
const NOW = T1;

const LINES = [
  'Compare with the briefing.',
  'He says it twice.',
  'Not what the Constitution says.',
  'Ask the ministry.',
  '',
  'See the next paragraph.',
];
const PATHS = ['extradition', 'lugovoy', 'iran/sanctions', 'treaty', 'middle-east'];
const STANCES = [...STANDARD_STANCES, 'ultimatum', 'threat', null];
/** Passages of the sample, one for each machine's first highlight. */
const QUOTES = [
  'Lavrov has called his talks with the head of British Foreign Office successful and fruitful',
  'they wouldn’t try to paper over their differences',
  'Our prosecutors have their own criteria and rules',
];
const LINKS: LinkType[] = ['rebuts', 'contradicts', 'agrees-with', 'answers'];

const op = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant('highlight' as const),
      doc: fc.nat(),
      from: fc.double({ min: 0, max: 1, noNaN: true }),
      length: fc.integer({ min: 1, max: 60 }),
      note: fc.constantFrom(...LINES),
      topic: fc.nat(),
    }),
    weight: 3,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('note' as const),
      which: fc.nat(5),
      line: fc.nat(),
      replace: fc.boolean(),
      text: fc.constantFrom(...LINES),
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({ kind: fc.constant('delete' as const), which: fc.nat(5), undo: fc.boolean() }),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('rename' as const),
      which: fc.nat(5),
      path: fc.constantFrom(...PATHS),
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({ kind: fc.constant('new-topic' as const), path: fc.constantFrom(...PATHS) }),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('stance' as const),
      which: fc.nat(5),
      stance: fc.constantFrom(...STANCES),
    }),
    weight: 3,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('add-stance' as const),
      stance: fc.constantFrom('threat', 'ultimatum', 'offer'),
    }),
    weight: 1,
  },
  {
    arbitrary: fc.record({ kind: fc.constant('party' as const), which: fc.nat(5), party: fc.nat() }),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('link' as const),
      from: fc.nat(),
      to: fc.nat(),
      type: fc.constantFrom(...LINKS),
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({ kind: fc.constant('unlink' as const), which: fc.nat(5), link: fc.nat() }),
    weight: 1,
  },
  {
    arbitrary: fc.record({ kind: fc.constant('add-topic' as const), which: fc.nat(5), topic: fc.nat() }),
    weight: 1,
  },
  {
    arbitrary: fc.record({ kind: fc.constant('remove-topic' as const), which: fc.nat(5), topic: fc.nat() }),
    weight: 1,
  },
  { arbitrary: fc.record({ kind: fc.constant('receive' as const), from: fc.nat() }), weight: 3 },
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

const pick = <T>(list: readonly T[], n: number): T | undefined =>
  list.length === 0 ? undefined : list[n % list.length];
/** Counted from the end, so the entries made during the run (the newest) are picked most. */
const recent = <T>(list: readonly T[], n: number): T | undefined =>
  list.length === 0 ? undefined : list[list.length - 1 - (n % list.length)];

/** Runs a core operation on the machine's notebook; one the core refuses changes nothing, as in the app. */
function attempt(machine: Machine, mutate: (nb: Notebook) => unknown): boolean {
  try {
    machine.change(mutate);
    return true;
  } catch (error) {
    if (error instanceof ParleyError) return false;
    throw error;
  }
}

/** One random step of one machine. */
function step(machine: Machine, others: readonly Machine[], o: Op): void {
  const nb = machine.nb;
  const highlights = nb.annotations;
  const one = (n: number) => recent(highlights, n);
  switch (o.kind) {
    case 'highlight': {
      const doc = pick(nb.documents, o.doc)!;
      const start = Math.floor(o.from * doc.text.length);
      const end = Math.min(doc.text.length, start + o.length);
      const topic = pick(nb.topics, o.topic);
      attempt(machine, (n) =>
        createAnnotation(
          n,
          { documentId: doc.id, start, end, topicIds: topic ? [topic.id] : [], note: o.note },
          NOW,
        ),
      );
      break;
    }
    case 'note': {
      const target = one(o.which);
      if (!target) break;
      const lines = target.note.split('\n');
      const at = o.line % (lines.length + 1);
      if (o.replace && at < lines.length) lines[at] = o.text;
      else lines.splice(at, 0, o.text);
      attempt(machine, (n) => updateAnnotation(n, { id: target.id, note: lines.join('\n') }, NOW));
      break;
    }
    case 'delete': {
      const target = one(o.which);
      if (!target) break;
      // Undone at once, when it is: the undo brings back the highlight (and the links to it) as it was.
      if (attempt(machine, (n) => deleteAnnotation(n, target.id)) && o.undo) machine.undo();
      break;
    }
    case 'rename': {
      const topic = recent(nb.topics, o.which);
      if (topic) attempt(machine, (n) => updateTopic(n, { id: topic.id, path: o.path }));
      break;
    }
    case 'new-topic':
      attempt(machine, (n) => createTopic(n, { path: o.path }));
      break;
    case 'stance': {
      const target = one(o.which);
      if (target) attempt(machine, (n) => updateAnnotation(n, { id: target.id, stance: o.stance }, NOW));
      break;
    }
    case 'add-stance':
      attempt(machine, (n) => addStance(n, o.stance));
      break;
    case 'party': {
      const target = one(o.which);
      const party = pick([...nb.parties.map((p) => p.id), null], o.party);
      if (target && party !== undefined)
        attempt(machine, (n) => updateAnnotation(n, { id: target.id, partyId: party }, NOW));
      break;
    }
    case 'link': {
      const from = one(o.from);
      const to = one(o.to);
      if (from && to)
        attempt(machine, (n) => linkAnnotations(n, { fromId: from.id, toId: to.id, type: o.type }, NOW));
      break;
    }
    case 'unlink': {
      const from = pick(
        highlights.filter((a) => a.links.length > 0),
        o.which,
      );
      const link = from && pick(from.links, o.link);
      if (from && link)
        attempt(machine, (n) =>
          unlinkAnnotations(
            n,
            { fromId: from.id, toId: link.annotationId, type: link.type as LinkType },
            NOW,
          ),
        );
      break;
    }
    case 'add-topic': {
      const target = one(o.which);
      const topic = pick(nb.topics, o.topic);
      if (target && topic)
        attempt(machine, (n) =>
          addTopicToAnnotations(n, { annotationIds: [target.id], topicId: topic.id }, NOW),
        );
      break;
    }
    case 'remove-topic': {
      const target = one(o.which);
      const topicId = target && pick(target.topicIds, o.topic);
      if (target && topicId)
        attempt(machine, (n) =>
          updateAnnotation(
            n,
            { id: target.id, topicIds: target.topicIds.filter((id) => id !== topicId) },
            NOW,
          ),
        );
      break;
    }
    case 'receive':
      machine.receive(pick(others, o.from)!);
      break;
  }
}

function hashOf(change: A.Change): string {
  return A.decodeChange(change).hash;
}

const base = Machine.start(realistic().nb, BASE);

const scenario = fc.record({
  edits: fc.tuple(
    fc.array(op, { minLength: 5, maxLength: 20 }),
    fc.array(op, { minLength: 5, maxLength: 20 }),
    fc.array(op, { minLength: 5, maxLength: 20 }),
  ),
  /** Interleaves the three machines' steps, so one can take in another's changes halfway through. */
  turns: fc.array(fc.nat(2), { minLength: 60, maxLength: 60 }),
  orders: fc.tuple(fc.integer(), fc.integer(), fc.integer()),
});

test('three replicas given every change in shuffled orders end identical', (t) => {
  const seen = { changes: 0, fields: 0, links: 0 };
  fc.assert(
    fc.property(scenario, ({ edits, turns, orders }) => {
      const machines = PEOPLE.map((person) => base.fork(person));
      // Each has made a highlight and a topic and taken in the others' since the base, each in its own order, so
      // their documents hold those entries in different orders of arrival.
      machines.forEach((machine, i) => {
        const doc = machine.nb.documents[0]!;
        const start = doc.text.indexOf(QUOTES[i]!);
        machine.change((nb) => createTopic(nb, { path: `${machine.person.name}/reading` }));
        machine.change((nb) =>
          createAnnotation(
            nb,
            { documentId: doc.id, start, end: start + QUOTES[i]!.length, topicIds: [], note: LINES[i]! },
            NOW,
          ),
        );
      });
      const made = machines.map((machine) => A.clone(machine.doc));
      machines.forEach((machine, i) =>
        machine.receive(...[1, 2].map((k) => new Machine(made[(i + k) % 3]!, machine.nb, machine.person))),
      );
      const next = [0, 0, 0];
      // Each machine's steps in its own order, the machines taking turns as `turns` says.
      for (const turn of [...turns, 0, 1, 2]) {
        for (let k = 0; k < 3; k++) {
          const i = (turn + k) % 3;
          if (next[i]! < edits[i]!.length) {
            const machine = machines[i]!;
            step(
              machine,
              machines.filter((m) => m !== machine),
              edits[i]![next[i]!++]!,
            );
            break;
          }
        }
      }
      for (const machine of machines) {
        assert.deepEqual(
          canonical(readNotebook(machine.doc)),
          canonical(machine.nb),
          'each document holds its notebook',
        );
      }

      // Every change there is, once each.
      const all = new Map<string, A.Change>();
      for (const machine of machines)
        for (const change of A.getAllChanges(machine.doc)) all.set(hashOf(change), change);
      const changes = [...all.values()];
      seen.changes += changes.length;

      const ends = machines.map((machine, i) => {
        const random = seededRandom(orders[i]!);
        const order = [...changes];
        for (let j = order.length - 1; j > 0; j--) {
          const k = Math.floor(random() * (j + 1));
          [order[j], order[k]] = [order[k]!, order[j]!];
        }
        let doc: A.Doc<NotebookDoc> = machine.doc;
        for (const change of order) [doc] = A.applyChanges(doc, [change]);
        assert.deepEqual(A.getMissingDeps(doc, []), [], 'nothing is held back at the end');
        return doc;
      });
      const heads = ends.map((doc) => [...A.getHeads(doc)].sort());
      assert.deepEqual(heads[1], heads[0]);
      assert.deepEqual(heads[2], heads[0]);
      const notebooks = ends.map((doc) => readNotebook(doc));
      assert.deepEqual(notebooks[1], notebooks[0]);
      assert.deepEqual(notebooks[2], notebooks[0]);
      const conflicts = ends.map((doc) => findConflicts(doc));
      assert.deepEqual(conflicts[1], conflicts[0]);
      assert.deepEqual(conflicts[2], conflicts[0]);
      seen.fields += conflicts[0]!.filter((c) => c.kind === 'field').length;
      seen.links += conflicts[0]!.filter((c) => c.kind === 'dangling-link').length;
    }),
    // A failure is shrunk for at most two minutes; a run without one takes a few seconds.
    { ...runs(t, 50), interruptAfterTimeLimit: 120_000, markInterruptAsFailure: true },
  );
  t.diagnostic(
    `over the runs: ${seen.changes} changes, ${seen.fields} field conflicts, ${seen.links} dangling links at the end`,
  );
});
