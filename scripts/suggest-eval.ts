// Prints how well the statement finder reads the sample against the careful reader's list
// (test/unit/core/suggest-gold.ts): found with the right party, with the wrong one, missed, and suggestions that
// match no statement. Run with `node --import tsx scripts/suggest-eval.ts`.
import { readFileSync } from 'node:fs';
import { emptyNotebook } from '../main/core/model';
import { addSampleDocument } from '../main/core/notebook';
import { addSampleParties } from '../main/core/parties';
import { suggestStatements } from '../main/core/suggest';
import { evaluate, locateGold, matches } from '../test/unit/core/suggest-gold';

const sample = readFileSync(new URL('../assets/sample-miliband-lavrov.txt', import.meta.url), 'utf8');
const nb = emptyNotebook();
const doc = addSampleDocument(nb, sample, new Date());
if (nb.parties.length === 0) addSampleParties(nb);

const partyName = (id: string | null) => nb.parties.find((p) => p.id === id)?.name ?? null;
const suggestions = suggestStatements(nb, doc.id);
const gold = locateGold(doc.text, doc.blocks);
const result = evaluate(
  gold,
  suggestions.map((s) => ({ start: s.start, end: s.end, party: partyName(s.partyId) })),
);

const short = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text).replace(/\s+/g, ' ');
console.log(`Sample: ${doc.title} (${doc.blocks.length} paragraphs)\n`);
for (const statement of gold) {
  const found = suggestions.filter((s) => matches(statement, s));
  const right = found.find((s) => partyName(s.partyId) === statement.party);
  const mark = right ? 'ok   ' : found.length > 0 ? 'party' : 'miss ';
  const got = found[0] ? `${found[0].speaker} → ${partyName(found[0].partyId) ?? 'none'}` : '—';
  console.log(
    `${mark} ¶${statement.paragraph} ${statement.kind.padEnd(8)} ${(statement.party ?? 'none').padEnd(14)} ` +
      `"${short(statement.text)}"  [${got}]`,
  );
}
for (const s of result.details.falseSuggestions) {
  const suggestion = suggestions.find((x) => x.start === s.start && x.end === s.end)!;
  console.log(
    `false         ${(s.party ?? 'none').padEnd(14)} "${short(suggestion.quote)}"  [${suggestion.cue}]`,
  );
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
console.log(`
statements in the careful reader's list   ${result.gold}
suggestions                               ${result.suggested}
found with the right party                ${result.rightParty}  (recall ${pct(result.recall)})
found with the wrong party                ${result.wrongParty}
missed                                    ${result.missed}
suggestions matching no statement         ${result.falseSuggestions}  (precision ${pct(result.precision)})`);
