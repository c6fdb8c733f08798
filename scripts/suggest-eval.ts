// Prints how well the statement finder reads the sample against the careful reader's list
// (test/unit/core/suggest-gold.ts): found with the right party, with the wrong one, missed, and suggestions that
// match no statement; then the same for two texts with other names and sides. Run with
// `node --import tsx scripts/suggest-eval.ts`.
import { readFileSync } from 'node:fs';
import { emptyNotebook, type Party } from '../main/core/model';
import { addSampleDocument } from '../main/core/notebook';
import { addSampleParties } from '../main/core/parties';
import { findStatements, suggestStatements } from '../main/core/suggest';
import {
  evaluate,
  locateGold,
  matches,
  OTHER_GOLD,
  paragraphSpans,
  type Evaluation,
  type GoldStatement,
  type Span,
} from '../test/unit/core/suggest-gold';

interface Found extends Span {
  quote: string;
  speaker: string;
  party: string | null;
  cue: string;
}

const short = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text).replace(/\s+/g, ' ');
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function report(
  title: string,
  gold: ReadonlyArray<GoldStatement & Span>,
  found: readonly Found[],
): Evaluation {
  const result = evaluate(gold, found);
  console.log(`\n${title}\n`);
  for (const statement of gold) {
    const matching = found.filter((s) => matches(statement, s));
    const right = matching.some((s) => s.party === statement.party);
    const mark = right ? 'ok   ' : matching.length > 0 ? 'party' : 'miss ';
    const got = matching[0] ? `${matching[0].speaker} → ${matching[0].party ?? 'none'}` : '—';
    console.log(
      `${mark} ¶${String(statement.paragraph).padEnd(2)} ${statement.kind.padEnd(8)} ` +
        `${(statement.party ?? 'none').padEnd(14)} "${short(statement.text)}"  [${got}]`,
    );
  }
  for (const s of found.filter((x) => !gold.some((g) => matches(g, x)))) {
    console.log(`false             ${(s.party ?? 'none').padEnd(14)} "${short(s.quote)}"  [${s.cue}]`);
  }
  console.log(`
  statements in the careful reader's list   ${result.gold}
  suggestions                               ${result.suggested}
  found with the right party                ${result.rightParty}  (recall ${pct(result.recall)})
  found with the wrong party                ${result.wrongParty}
  missed                                    ${result.missed}
  suggestions matching no statement         ${result.falseSuggestions}  (precision ${pct(result.precision)})`);
  return result;
}

// The sample, through the notebook as the app imports it.
const sample = readFileSync(new URL('../assets/sample-miliband-lavrov.txt', import.meta.url), 'utf8');
const nb = emptyNotebook();
const doc = addSampleDocument(nb, sample, new Date());
if (nb.parties.length === 0) addSampleParties(nb);
const partyName = (parties: readonly Party[], id: string | null) =>
  parties.find((p) => p.id === id)?.name ?? null;
report(
  `The sample: ${doc.title} (${doc.blocks.length} paragraphs)`,
  locateGold(doc.text, doc.blocks),
  suggestStatements(nb, doc.id).map((s) => ({ ...s, party: partyName(nb.parties, s.partyId) })),
);

// Other texts, other sides.
const totals = { gold: 0, right: 0, wrong: 0, missed: 0, suggested: 0, falseSuggestions: 0 };
for (const other of OTHER_GOLD) {
  const parties: Party[] = Object.entries(other.parties).map(([name, aliases], i) => ({
    id: `party-${i}`,
    name,
    short: name,
    colour: '#000000',
    aliases,
  }));
  const result = report(
    other.title,
    locateGold(other.text, paragraphSpans(other.text), other.gold),
    findStatements(other.text, parties).map((s) => ({ ...s, party: partyName(parties, s.partyId) })),
  );
  totals.gold += result.gold;
  totals.right += result.rightParty;
  totals.wrong += result.wrongParty;
  totals.missed += result.missed;
  totals.suggested += result.suggested;
  totals.falseSuggestions += result.falseSuggestions;
}
console.log(`
Other texts together: ${totals.right} of ${totals.gold} statements with the right party (recall ${pct(
  totals.right / totals.gold,
)}), ${totals.wrong} with the wrong party, ${totals.missed} missed; ${totals.falseSuggestions} of ${
  totals.suggested
} suggestions match no statement.`);
