// Machines for the sync model's tests: each holds a notebook as the store does (frozen states changed through
// history.ts's applyChange, so before and after share what a change did not touch) and its Automerge document, kept
// in step by writeDiff as the replica keeps them. No network: documents travel by A.merge or by their changes.
// The texts below, apart from the bundled sample article, were written for the tests and are not real reporting.
import { readFileSync } from 'node:fs';
import * as A from '@automerge/automerge';
import { applyChange, freezeState, UndoHistory } from '../../../main/storage/history';
import {
  initDoc,
  keyOf,
  KINDS,
  readNotebook,
  SETS,
  writeDiff,
  type NotebookDoc,
} from '../../../main/sync/doc-model';
import {
  addDocuments,
  addSampleDocument,
  createAnnotation,
  createTopic,
  updateDocument,
} from '../../../main/core/notebook';
import { importPlainText } from '../../../main/core/import-text';
import { linkAnnotations } from '../../../main/core/links';
import { addStance } from '../../../main/core/stances';
import { createEvent } from '../../../main/core/events';
import { addVersion } from '../../../main/core/versions';
import { dismissSuggestion, suggestionKey } from '../../../main/core/suggest/notebook';
import { emptyNotebook, type Notebook } from '../../../shared/model';

/** The sample article every new notebook starts with (the same text as the shared seed). */
export const SAMPLE = readFileSync(
  new URL('../../../assets/sample-miliband-lavrov.txt', import.meta.url),
  'utf8',
);

/** A short second article, written for the tests. */
export const BRIEFING = [
  'Talks in Moscow: a briefing',
  '',
  'The two ministers met for three hours on Monday.',
  '',
  'Lavrov said the extradition request could not be met under the Constitution.',
  '',
  'Miliband answered that the investigation should go on in London.',
].join('\n');

/** Its newer version: one sentence edited, one added. */
export const BRIEFING_V2 = [
  'Talks in Moscow: a briefing',
  '',
  'The two ministers met for four hours on Monday.',
  '',
  'Lavrov said the extradition request could not be met under the Constitution.',
  '',
  'Miliband answered that the investigation should go on in London.',
  '',
  'A joint statement on Afghanistan followed.',
].join('\n');

export const T0 = new Date('2026-11-02T10:00:00.000Z');
export const T1 = new Date('2026-11-02T11:00:00.000Z');
export const T2 = new Date('2026-11-02T11:05:00.000Z');

/** Actor ids (hex, as Automerge wants them) and the names their machines record. */
export const ANA = { actor: 'a1'.repeat(16), name: 'Ana Ortiz' };
export const BEN = { actor: 'b2'.repeat(16), name: 'Ben Okafor' };
export const CAT = { actor: 'c3'.repeat(16), name: 'Cat Lindqvist' };
export type Person = typeof ANA;

export function rangeOf(text: string, quote: string): { start: number; end: number } {
  const start = text.indexOf(quote);
  if (start === -1) throw new Error(`“${quote}” is not in the text`);
  return { start, end: start + quote.length };
}

export interface Realistic {
  nb: Notebook;
  ids: {
    sample: string;
    briefing: string;
    iran: string;
    nuclear: string;
    extradition: string;
    uk: string;
    russia: string;
    refusal: string;
    answer: string;
    talks: string;
    event: string;
  };
}

/**
 * A notebook made with the core operations: the sample and the briefing (with a second version), topics with a
 * subtopic, the sample's two parties, highlights with topics, notes, parties, stances and links, a stance of the
 * user's own, a dismissed suggestion and an event with both documents as accounts.
 */
export function realistic(): Realistic {
  const nb = emptyNotebook();
  const sample = addSampleDocument(nb, SAMPLE, T0);
  const [briefing] = addDocuments(nb, [importPlainText(BRIEFING, { fileName: 'briefing.txt' })], T0);
  updateDocument(nb, {
    id: sample.id,
    note: 'Read for the Lugovoy case.\nCompare with the briefing.\nCheck the date.',
    authors: ['Smith, Jane', 'RT'],
    pages: '1-2',
  });
  const iran = createTopic(nb, { path: 'iran' });
  const nuclear = createTopic(nb, { path: 'iran/nuclear' });
  const extradition = createTopic(nb, { path: 'extradition' });
  const [uk, russia] = nb.parties;
  addStance(nb, 'ultimatum');
  const refusal = createAnnotation(
    nb,
    {
      documentId: sample.id,
      ...rangeOf(sample.text, 'his extradition to UK is absolutely out of the question'),
      topicIds: [extradition.id],
      note: 'Flat *refusal*.\nNo reason given.',
      partyId: russia!.id,
      stance: 'refusal',
    },
    T0,
  );
  const talks = createAnnotation(
    nb,
    {
      documentId: sample.id,
      ...rangeOf(sample.text, 'Lavrov said he expects Iran to accept IAEA proposal'),
      topicIds: [iran.id, nuclear.id],
      note: 'An expectation, not a demand.',
      partyId: russia!.id,
      stance: 'proposal',
    },
    T0,
  );
  const answer = createAnnotation(
    nb,
    {
      documentId: briefing!.id,
      ...rangeOf(briefing!.text, 'the investigation should go on in London'),
      topicIds: [extradition.id],
      note: '',
      partyId: uk!.id,
      stance: 'ultimatum',
    },
    T0,
  );
  linkAnnotations(nb, { fromId: answer.id, toId: refusal.id, type: 'rebuts' }, T0);
  dismissSuggestion(nb, suggestionKey(sample.id, 0, 10));
  addVersion(nb, briefing!.id, importPlainText(BRIEFING_V2, { fileName: 'briefing.txt' }), T1);
  const event = createEvent(
    nb,
    { name: 'Moscow talks', date: '2009-11-02', documentIds: [sample.id, briefing!.id] },
    T0,
  );
  return {
    nb: freezeState(nb),
    ids: {
      sample: sample.id,
      briefing: briefing!.id,
      iran: iran.id,
      nuclear: nuclear.id,
      extradition: extradition.id,
      uk: uk!.id,
      russia: russia!.id,
      refusal: refusal.id,
      answer: answer.id,
      talks: talks.id,
      event: event.id,
    },
  };
}

/** Records the machine's author name in the document, as a replica does in each of its changes. */
export function sign(d: NotebookDoc, person: Person): void {
  const current = d.authors[person.actor];
  if (!(A.isImmutableString(current) && current.val === person.name))
    d.authors[person.actor] = new A.ImmutableString(person.name);
}

/** One machine: its notebook (as the store holds it) and its document. */
export class Machine {
  /** Undo and redo of this machine's own changes, as the store keeps them. */
  readonly history = new UndoHistory();

  constructor(
    public doc: A.Doc<NotebookDoc>,
    public nb: Notebook,
    readonly person: Person,
  ) {}

  /** A machine that starts the shared document from its notebook. */
  static start(nb: Notebook, person: Person): Machine {
    const doc = A.change(A.init<NotebookDoc>({ actor: person.actor }), (d) => {
      initDoc(d, nb, person.actor);
      sign(d, person);
    });
    return new Machine(doc, freezeState(nb), person);
  }

  /** Another machine holding the same document and notebook (as after a join). */
  fork(person: Person): Machine {
    return new Machine(A.clone(this.doc, { actor: person.actor }), this.nb, person);
  }

  /** A change of the notebook, written into the document as the replica writes a committed change. */
  change<T>(mutate: (nb: Notebook) => T): T {
    const { state, result, step } = applyChange(this.nb, mutate);
    if (step) this.history.record(step);
    this.commit(this.nb, state);
    return result;
  }

  /** Undoes this machine's last change, as the store does, and writes the undo into the document. */
  undo(): void {
    const undone = this.history.undo(this.nb);
    if (!undone) throw new Error('nothing to undo');
    this.commit(this.nb, undone.state);
  }

  redo(): void {
    const redone = this.history.redo(this.nb);
    if (!redone) throw new Error('nothing to redo');
    this.commit(this.nb, redone.state);
  }

  /** Writes the step from `before` to `after` (the store's states) into the document. */
  commit(before: Notebook, after: Notebook): void {
    this.doc = A.change(this.doc, (d) => {
      sign(d, this.person);
      writeDiff(d, before, after, this.person.actor);
    });
    this.nb = after;
  }

  /** A change made to the document directly (settling a conflict); the notebook is read back from it. */
  settle(fn: (d: NotebookDoc) => void): void {
    this.doc = A.change(this.doc, (d) => {
      sign(d, this.person);
      fn(d);
    });
    this.nb = freezeState(readNotebook(this.doc));
  }

  /** Takes in what the other machines have, and reads the notebook back from the document. */
  receive(...others: Machine[]): void {
    for (const other of others) this.doc = A.merge(this.doc, A.clone(other.doc));
    this.nb = freezeState(readNotebook(this.doc));
  }
}

/**
 * A notebook in a form to compare: as JSON (as the file holds it), each collection ordered by key and each set
 * sorted, so two notebooks holding the same entries compare equal whatever their order.
 */
export function canonical(nb: Notebook): unknown {
  const plain = JSON.parse(JSON.stringify(nb)) as Record<string, unknown>;
  for (const kind of KINDS) {
    const list = plain[kind] as Array<Record<string, unknown>>;
    list.sort((a, b) => {
      const ka = keyOf(kind, a);
      const kb = keyOf(kind, b);
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    });
  }
  for (const set of SETS) (plain[set] as string[]).sort();
  return plain;
}
