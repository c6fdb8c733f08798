// Prints how well the accounts of one event are aligned against a careful reader's gold (test/unit/core/
// accounts-gold.ts for the scoring rule): first the development set (the sample and two accounts written for the
// tests), statement by statement, then the held-out set as one line of figures, so its failures are not read to
// tune the aligner. Run with `npm run -s eval:accounts`.
import { describe, loadSet, score, SETS } from '../test/unit/core/accounts-gold';

const short = (text: string) => (text.length > 70 ? `${text.slice(0, 67)}…` : text).replace(/\s+/g, ' ');

const dev = loadSet(SETS.development);
const { figures, verdicts } = score(dev);
const pair = (i: number, j: number) => `${dev.labels[i]} ~ ${dev.labels[j]}`;
console.log(`DEVELOPMENT SET (${SETS.development}: ${dev.labels.join(', ')})\n`);
for (const p of verdicts.pairs) console.log(`  ${p.found ? 'found ' : 'missed'}  ${p.id}: ${pair(p.i, p.j)}`);
for (const o of verdicts.omissions) {
  console.log(`  ${o.found ? 'found ' : 'missed'}  ${o.id}: omitted by ${dev.labels[o.account]}`);
}
for (const f of verdicts.falsePairs) {
  console.log(`  FALSE   ${pair(f.i, f.j)}: “${short(f.a.quote)}” ~ “${short(f.b.quote)}”`);
}
for (const w of verdicts.wrongOmissions)
  console.log(`  WRONG   ${w.id}: said to be omitted by ${dev.labels[w.account]}`);
console.log(`\nDevelopment set: ${describe(figures)}`);

const held = loadSet(SETS.heldOut);
console.log(
  `Held-out set (${SETS.heldOut}, ${held.labels.length} accounts): ${describe(score(held).figures)}`,
);
