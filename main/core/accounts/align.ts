/**
 * The same statement across the accounts of an event, however each words it. Two statements are scored on the
 * content words they share (words.ts), each word weighted by how rare it is among the event's statements, so that
 * "Russia" or "extradition", which many statements share, count for less than "Lisbon" or "sextet". The score is
 * the mean of two shares of the weight: of the shorter statement's (a sentence cut short, or a quotation inside a
 * longer reported one, is all there) and of both (Dice). A pair counts only with at least three shared words (or
 * two, and nothing else in either), a score above MIN_SCORE, and parties that do not conflict (both known and
 * different).
 *
 * A false alignment is worse than a missed one: a statement whose best match in another account is tied with a
 * second one is matched with neither; the pairs are then taken best first, each statement in one row only, and a
 * row never holds two statements of one account or two parties.
 */
import type { AccountColumn, AccountsAlignment, AlignedStatement } from '../../../shared/contract';
import { ParleyError, type Notebook, type ParleyDocument, type ParleyEvent } from '../../../shared/model';
import { getEvent } from '../events';
import { accountStatements, type Statement } from './statements';
import { wordingKey } from './words';

/** The lowest score at which two statements are the same one. */
export const MIN_SCORE = 0.5;
/** Scores closer than this are a tie. */
const TIE = 0.01;
/** Shared content words a pair needs, unless the two statements have the same words. */
const MIN_SHARED = 3;

export type Weights = (stem: string) => number;

/** Weights from how many of `statements` hold each word: ln(1 + n / df). */
export function rarity(statements: readonly Statement[]): Weights {
  const df = new Map<string, number>();
  for (const s of statements) for (const stem of s.stems) df.set(stem, (df.get(stem) ?? 0) + 1);
  const n = Math.max(1, statements.length);
  const weights = new Map<string, number>();
  for (const [stem, count] of df) weights.set(stem, Math.log(1 + n / count));
  const unseen = Math.log(1 + n);
  return (stem) => weights.get(stem) ?? unseen;
}

/**
 * The score of two statements from what they share: `shared` words weighing `sharedWeight`, of `na` and `nb` words
 * weighing `wa` and `wb`; 0 when they share too few to be the same statement.
 */
function scoreOf(
  shared: number,
  sharedWeight: number,
  na: number,
  nb: number,
  wa: number,
  wb: number,
): number {
  const same = shared === na && shared === nb;
  if (shared < MIN_SHARED && !(same && shared >= 2)) return 0;
  const contained = sharedWeight / Math.min(wa, wb);
  const dice = (2 * sharedWeight) / (wa + wb);
  return (contained + dice) / 2;
}

const total = (stems: readonly string[], weight: Weights) =>
  stems.reduce((sum, stem) => sum + weight(stem), 0);

/** How alike two statements' words are, 0 to 1; 0 when they are too little alike to be the same statement. */
export function similarity(a: readonly string[], b: readonly string[], weight: Weights): number {
  if (a.length === 0 || b.length === 0) return 0;
  const inB = new Set(b);
  let shared = 0;
  let sharedWeight = 0;
  for (const stem of a) {
    if (inB.has(stem)) {
      shared++;
      sharedWeight += weight(stem);
    }
  }
  return scoreOf(shared, sharedWeight, a.length, b.length, total(a, weight), total(b, weight));
}

export function partiesConflict(a: { partyId: string | null }, b: { partyId: string | null }): boolean {
  return a.partyId !== null && b.partyId !== null && a.partyId !== b.partyId;
}

/**
 * Whether two statements cannot be one: their parties differ, or one says no where the other does not (a
 * statement and its opposite share nearly every word).
 */
export function conflict(
  a: { partyId: string | null; negated: boolean },
  b: { partyId: string | null; negated: boolean },
): boolean {
  return partiesConflict(a, b) || a.negated !== b.negated;
}

/** Column headers: each account's source, else its title; an account whose label another has uses its title. */
export function accountColumns(docs: readonly ParleyDocument[]): AccountColumn[] {
  const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
  const short = (text: string) => (text.length > 60 ? `${text.slice(0, 59)}…` : text);
  const first = docs.map((doc) => oneLine(doc.source) || short(oneLine(doc.title)) || 'Untitled');
  const labels = first.map((label, i) =>
    first.indexOf(label) !== first.lastIndexOf(label) ? short(oneLine(docs[i]!.title)) || label : label,
  );
  return docs.map((doc, i) => {
    const label = labels[i]!;
    const same = labels.slice(0, i).filter((l) => l === label).length;
    return { documentId: doc.id, title: doc.title, label: same > 0 ? `${label} (${same + 1})` : label };
  });
}

export function eventDocuments(nb: Notebook, event: ParleyEvent): ParleyDocument[] {
  const byId = new Map(nb.documents.map((doc) => [doc.id, doc]));
  return event.documentIds.map((id) => {
    const doc = byId.get(id);
    if (!doc)
      throw new ParleyError(
        `The event “${event.name}” names a document that is not in this notebook.`,
        'not-found',
      );
    return doc;
  });
}

interface Pair {
  a: Statement;
  b: Statement;
  score: number;
}

/**
 * For each statement of `as`, the statements of `bs` it could be: those sharing two words at least (found through
 * an index of `bs` by word, so that the work grows with the shared words rather than with every pair), of no
 * conflicting party, with their score when it is above 0.
 */
function candidates(
  as: readonly Statement[],
  bs: readonly Statement[],
  weight: Weights,
): Array<Array<{ y: number; score: number }>> {
  const byStem = new Map<string, number[]>();
  bs.forEach((b, y) => {
    for (const stem of b.stems) {
      const list = byStem.get(stem);
      if (list) list.push(y);
      else byStem.set(stem, [y]);
    }
  });
  const wbs = bs.map((b) => total(b.stems, weight));
  // Counts per statement of `bs`, set back to 0 after each statement of `as` through the list of those touched.
  const count = new Int32Array(bs.length);
  const sharedWeight = new Float64Array(bs.length);
  return as.map((a) => {
    const touched: number[] = [];
    for (const stem of a.stems) {
      const w = weight(stem);
      for (const y of byStem.get(stem) ?? []) {
        if (count[y] === 0) touched.push(y);
        count[y]!++;
        sharedWeight[y]! += w;
      }
    }
    const wa = total(a.stems, weight);
    const found: Array<{ y: number; score: number }> = [];
    for (const y of touched) {
      const shared = count[y]!;
      const b = bs[y]!;
      if (shared >= 2 && !conflict(a, b)) {
        const score = scoreOf(shared, sharedWeight[y]!, a.stems.length, b.stems.length, wa, wbs[y]!);
        if (score > 0) found.push({ y, score });
      }
      count[y] = 0;
      sharedWeight[y] = 0;
    }
    return found;
  });
}

/**
 * The rows of statements that are the same across accounts (`accounts[i]` the statements of account i, in text
 * order): one row per statement group, each row an array with a statement or null per account.
 */
export function alignStatements(accounts: readonly (readonly Statement[])[]): Array<Array<Statement | null>> {
  const weight = rarity(accounts.flat());
  const pairs: Pair[] = [];
  for (let i = 0; i < accounts.length; i++) {
    for (let j = i + 1; j < accounts.length; j++) {
      const scored = candidates(accounts[i]!, accounts[j]!, weight);
      // A statement whose best match is tied with another is matched with neither; so is that best match.
      const bestOfA = scored.map((list) => list.reduce((best, c) => Math.max(best, c.score), 0));
      const bestOfB = new Array<number>(accounts[j]!.length).fill(0);
      for (const list of scored) for (const c of list) bestOfB[c.y] = Math.max(bestOfB[c.y]!, c.score);
      const nearB = new Array<number>(accounts[j]!.length).fill(0);
      for (const list of scored) for (const c of list) if (bestOfB[c.y]! - c.score < TIE) nearB[c.y]!++;
      scored.forEach((list, x) => {
        const best = bestOfA[x]!;
        if (best < MIN_SCORE || list.filter((c) => best - c.score < TIE).length > 1) return;
        for (const { y, score } of list) {
          if (score >= MIN_SCORE && nearB[y]! <= 1)
            pairs.push({ a: accounts[i]![x]!, b: accounts[j]![y]!, score });
        }
      });
    }
  }
  pairs.sort((p, q) => q.score - p.score);

  const index = new Map<Statement, number>();
  accounts.forEach((list, i) => list.forEach((s) => index.set(s, i)));
  const rowOf = new Map<Statement, Array<Statement | null>>();
  const rowFor = (s: Statement) => {
    let row = rowOf.get(s);
    if (!row) {
      row = accounts.map(() => null);
      row[index.get(s)!] = s;
      rowOf.set(s, row);
    }
    return row;
  };
  for (const { a, b } of pairs) {
    const ra = rowFor(a);
    const rb = rowFor(b);
    if (ra === rb) continue;
    const clash = ra.some((x, i) => x !== null && rb[i] !== null);
    const members = [...ra, ...rb].filter((x): x is Statement => x !== null);
    const clashes = members.some((x) => members.some((y) => conflict(x, y)));
    if (clash || clashes) continue;
    rb.forEach((x, i) => {
      if (x !== null) {
        ra[i] = x;
        rowOf.set(x, ra);
      }
    });
  }

  // The first account's order; each other account's statements not yet placed go after the row of the statement
  // before them in that account (a list linked row to row, so that each placing takes the same time).
  type Row = Array<Statement | null>;
  const next = new Map<Row | null, Row | null>([[null, null]]);
  accounts.forEach((list) => {
    let at: Row | null = null;
    for (const s of list) {
      const row = rowFor(s);
      if (!next.has(row)) {
        next.set(row, next.get(at)!);
        next.set(at, row);
      }
      at = row;
    }
  });
  const ordered: Row[] = [];
  for (let row = next.get(null)!; row !== null; row = next.get(row)!) ordered.push(row);
  return ordered;
}

export function wordingOf(cells: ReadonlyArray<{ quote: string } | null>): 'same' | 'differs' {
  const keys = new Set(cells.filter((c) => c !== null).map((c) => wordingKey(c.quote)));
  return keys.size <= 1 ? 'same' : 'differs';
}

/** An event's accounts side by side, statement by statement. */
export function alignAccounts(nb: Notebook, eventId: string): AccountsAlignment {
  const event = getEvent(nb, eventId);
  const docs = eventDocuments(nb, event);
  const statements = docs.map((doc) => accountStatements(nb, doc.id));
  const rows: AlignedStatement[] = alignStatements(statements).map((cells) => ({
    cells: cells.map((cell) => (cell === null ? null : publicStatement(cell))),
    wording: wordingOf(cells),
  }));
  const omissions = docs.map((_, i) =>
    rows.flatMap((row, r) => (row.cells[i] === null && row.cells.some((c) => c !== null) ? [r] : [])),
  );
  return { event, accounts: accountColumns(docs), rows, omissions };
}

export function publicStatement(s: Statement): AlignedStatement['cells'][number] & object {
  const { stems: _stems, negated: _negated, ...rest } = s;
  return rest;
}
