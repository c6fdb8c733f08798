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
  return (stem) => Math.log(1 + n / (df.get(stem) ?? 1));
}

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
  const same = shared === a.length && shared === b.length;
  if (shared < MIN_SHARED && !(same && shared >= 2)) return 0;
  const wa = a.reduce((sum, stem) => sum + weight(stem), 0);
  const wb = b.reduce((sum, stem) => sum + weight(stem), 0);
  const contained = sharedWeight / Math.min(wa, wb);
  const dice = (2 * sharedWeight) / (wa + wb);
  return (contained + dice) / 2;
}

export function partiesConflict(a: { partyId: string | null }, b: { partyId: string | null }): boolean {
  return a.partyId !== null && b.partyId !== null && a.partyId !== b.partyId;
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
 * The rows of statements that are the same across accounts (`accounts[i]` the statements of account i, in text
 * order): one row per statement group, each row an array with a statement or null per account.
 */
export function alignStatements(accounts: readonly (readonly Statement[])[]): Array<Array<Statement | null>> {
  const weight = rarity(accounts.flat());
  const pairs: Pair[] = [];
  for (let i = 0; i < accounts.length; i++) {
    for (let j = i + 1; j < accounts.length; j++) {
      const scores = accounts[i]!.map((a) =>
        accounts[j]!.map((b) => (partiesConflict(a, b) ? 0 : similarity(a.stems, b.stems, weight))),
      );
      // A statement whose best match is tied with another is matched with neither; so is that best match.
      const tiedA = new Set<number>();
      const tiedB = new Set<number>();
      const bestOfB = accounts[j]!.map((_, y) => Math.max(0, ...scores.map((row) => row[y]!)));
      scores.forEach((row, x) => {
        const best = Math.max(0, ...row);
        if (best < MIN_SCORE) return;
        if (row.filter((s) => best - s < TIE).length > 1) tiedA.add(x);
      });
      bestOfB.forEach((best, y) => {
        if (best < MIN_SCORE) return;
        if (scores.filter((row) => best - row[y]! < TIE).length > 1) tiedB.add(y);
      });
      scores.forEach((row, x) => {
        if (tiedA.has(x)) return;
        const best = Math.max(0, ...row);
        row.forEach((score, y) => {
          if (score < MIN_SCORE || tiedB.has(y)) return;
          // Only each one's best: a second-best match is no evidence of the same statement.
          if (score < best || score < bestOfB[y]!) return;
          pairs.push({ a: accounts[i]![x]!, b: accounts[j]![y]!, score });
        });
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
    const conflict = members.some((x) => members.some((y) => partiesConflict(x, y)));
    if (clash || conflict) continue;
    rb.forEach((x, i) => {
      if (x !== null) {
        ra[i] = x;
        rowOf.set(x, ra);
      }
    });
  }

  // The first account's order; each other account's statements not yet placed go after the row of the statement
  // before them in that account.
  const ordered: Array<Array<Statement | null>> = [];
  const placed = new Set<Array<Statement | null>>();
  accounts.forEach((list) => {
    let at = -1;
    for (const s of list) {
      const row = rowFor(s);
      if (placed.has(row)) {
        at = ordered.indexOf(row);
        continue;
      }
      ordered.splice(at + 1, 0, row);
      placed.add(row);
      at += 1;
    }
  });
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
  const { stems: _stems, ...rest } = s;
  return rest;
}
