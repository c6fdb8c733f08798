/**
 * Measuring the alignment of accounts against a careful reader's gold (test/fixtures/accounts/<set>/gold.json),
 * shared by the unit test that holds the development set's figures and scripts/accounts-eval.ts.
 *
 * A gold statement is words of each account that gives it (or null). An aligned cell holds those words when its span
 * covers more than half of them. Then:
 *  - shared statements found: of the gold's pairs (two accounts giving one statement), those with both accounts'
 *    words in one row of the alignment;
 *  - omissions found: of the gold's omissions (a statement some account gives and another does not), those where a
 *    row holding the giver's words is among the other account's omissions;
 *  - false alignments: of the aligner's pairs (two cells of one row), those that hold no gold statement's words in
 *    both cells;
 *  - wrong omissions: omissions the aligner reports for an account that does give the statement.
 */
import { readFileSync } from 'node:fs';
import { alignAccounts } from '../../../main/core/accounts';
import { createEvent } from '../../../main/core/events';
import { importMarkdown } from '../../../main/core/import-text';
import { addDocument, addSampleDocument } from '../../../main/core/notebook';
import { createParty } from '../../../main/core/parties';
import type { AccountsAlignment, AccountStatement } from '../../../shared/contract';
import { emptyNotebook, type Notebook } from '../../../shared/model';

const FIXTURES = new URL('../../fixtures/accounts/', import.meta.url);
const SAMPLE_FILE = new URL('../../../assets/sample-miliband-lavrov.txt', import.meta.url);
const T0 = new Date('2026-01-05T09:00:00.000Z');

/** The development set, whose failures may be read to improve the aligner, and the held-out set, which may not. */
export const SETS = { development: 'moscow-2009', heldOut: 'held-out' } as const;

type Cell = string | string[] | null;

interface GoldFile {
  note: string;
  event: { name: string; date: string };
  parties: 'sample' | Array<{ name: string; short: string; aliases: string[] }>;
  accounts: Array<{ label: string; file: string }>;
  statements: Array<{ id: string; cells: Cell[] }>;
}

interface Place {
  start: number;
  end: number;
}

export interface GoldStatement {
  id: string;
  /** Per account: where its words for the statement are (one place or more), or none. */
  places: Place[][];
  words: string[][];
}

export interface LoadedSet {
  name: string;
  nb: Notebook;
  eventId: string;
  labels: string[];
  statements: GoldStatement[];
}

/** The set's accounts imported into a new notebook as the app imports them, grouped as one event. */
export function loadSet(name: string): LoadedSet {
  const dir = new URL(`${name}/`, FIXTURES);
  const gold = JSON.parse(readFileSync(new URL('gold.json', dir), 'utf8')) as GoldFile;
  const nb = emptyNotebook();
  if (gold.parties !== 'sample') for (const party of gold.parties) createParty(nb, party);
  const docs = gold.accounts.map((account) =>
    account.file === 'sample'
      ? addSampleDocument(nb, readFileSync(SAMPLE_FILE, 'utf8'), T0)
      : addDocument(nb, importMarkdown(readFileSync(new URL(account.file, dir), 'utf8')), T0),
  );
  const event = createEvent(nb, { ...gold.event, documentIds: docs.map((d) => d.id) }, T0);
  const statements = gold.statements.map((s) => {
    const words = s.cells.map((cell) => (cell === null ? [] : Array.isArray(cell) ? cell : [cell]));
    const places = words.map((list, i) =>
      list.map((w) => {
        const text = docs[i]!.text;
        const start = text.indexOf(w);
        if (start === -1 || text.indexOf(w, start + 1) !== -1) {
          throw new Error(`${name}/${s.id}: “${w}” is not found once in ${gold.accounts[i]!.file}`);
        }
        return { start, end: start + w.length };
      }),
    );
    return { id: s.id, places, words };
  });
  return { name, nb, eventId: event.id, labels: gold.accounts.map((a) => a.label), statements };
}

function holds(cell: AccountStatement | null, places: readonly Place[]): boolean {
  if (cell === null) return false;
  return places.some(
    (p) => (Math.min(cell.end, p.end) - Math.max(cell.start, p.start)) * 2 > p.end - p.start,
  );
}

export interface Figures {
  goldPairs: number;
  pairsFound: number;
  goldOmissions: number;
  omissionsFound: number;
  alignedPairs: number;
  falsePairs: number;
  wrongOmissions: number;
}

export interface Verdicts {
  /** Per gold statement and pair of accounts: found or not. */
  pairs: Array<{ id: string; i: number; j: number; found: boolean }>;
  omissions: Array<{ id: string; account: number; found: boolean }>;
  /** The aligner's pairs that the gold does not hold. */
  falsePairs: Array<{ i: number; j: number; a: AccountStatement; b: AccountStatement }>;
  wrongOmissions: Array<{ id: string; account: number }>;
}

export function score(set: LoadedSet, alignment: AccountsAlignment = alignAccounts(set.nb, set.eventId)) {
  const { rows, omissions } = alignment;
  const n = set.labels.length;
  const verdicts: Verdicts = { pairs: [], omissions: [], falsePairs: [], wrongOmissions: [] };
  for (const g of set.statements) {
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        if (g.places[i]!.length === 0 || g.places[j]!.length === 0) continue;
        const found = rows.some((r) => holds(r.cells[i]!, g.places[i]!) && holds(r.cells[j]!, g.places[j]!));
        verdicts.pairs.push({ id: g.id, i, j, found });
      }
    }
    for (let i = 0; i < n; i++) {
      if (g.places[i]!.length > 0) continue;
      const givers = g.places.flatMap((p, j) => (p.length > 0 ? [j] : []));
      if (givers.length === 0) continue;
      const found = omissions[i]!.some((r) => givers.some((j) => holds(rows[r]!.cells[j]!, g.places[j]!)));
      verdicts.omissions.push({ id: g.id, account: i, found });
    }
  }
  let alignedPairs = 0;
  for (const row of rows) {
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const a = row.cells[i];
        const b = row.cells[j];
        if (!a || !b) continue;
        alignedPairs++;
        if (!set.statements.some((g) => holds(a, g.places[i]!) && holds(b, g.places[j]!))) {
          verdicts.falsePairs.push({ i, j, a, b });
        }
      }
    }
  }
  omissions.forEach((list, i) => {
    for (const r of list) {
      const row = rows[r]!;
      for (const g of set.statements) {
        const given = row.cells.some((cell, j) => j !== i && holds(cell, g.places[j]!));
        if (given && g.places[i]!.length > 0) verdicts.wrongOmissions.push({ id: g.id, account: i });
      }
    }
  });
  const figures: Figures = {
    goldPairs: verdicts.pairs.length,
    pairsFound: verdicts.pairs.filter((p) => p.found).length,
    goldOmissions: verdicts.omissions.length,
    omissionsFound: verdicts.omissions.filter((o) => o.found).length,
    alignedPairs,
    falsePairs: verdicts.falsePairs.length,
    wrongOmissions: verdicts.wrongOmissions.length,
  };
  return { figures, verdicts };
}

const share = (part: number, whole: number) => (whole === 0 ? '–' : (part / whole).toFixed(2));

/** One line of figures, as the eval script and the README give them. */
export function describe(f: Figures): string {
  return (
    `shared statements found ${share(f.pairsFound, f.goldPairs)} (${f.pairsFound} of ${f.goldPairs} pairs)  ` +
    `omissions found ${share(f.omissionsFound, f.goldOmissions)} (${f.omissionsFound} of ${f.goldOmissions})  ` +
    `false alignments ${f.falsePairs} (${share(f.falsePairs, f.alignedPairs)} of ${f.alignedPairs} pairs)  ` +
    `wrong omissions ${f.wrongOmissions}`
  );
}
