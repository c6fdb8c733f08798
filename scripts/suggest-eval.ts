// Prints how well the statement finder reads texts against a careful reader's lists
// (test/unit/core/suggest-gold.ts for the scoring rule): first the texts the rules were written on (the sample and
// the development set), statement by statement, then the three frozen held-out sets as one line of whole-set
// figures each, so their failures are not read to tune the rules.
// A suggestion is right only with a statement's exact span, speaker and party; a second suggestion for one
// statement counts as false. Run with `npm run eval:suggest`.
import { combine, type Evaluation, type GoldStatement, type Span } from '../test/unit/core/suggest-gold';
import {
  developmentSet,
  heldOutSet,
  heldOutSetB,
  heldOutSetC,
  scoreSample,
  scoreText,
} from '../test/unit/core/suggest-corpus';

const short = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text).replace(/\s+/g, ' ');
const fixed = (x: number) => x.toFixed(2);

type Figures = Omit<Evaluation, 'verdicts' | 'notRight'>;

function figures(r: Figures): string {
  return (
    `precision ${fixed(r.precision)}  recall ${fixed(r.recall)}  speaker accuracy ${fixed(r.speakerAccuracy)}  ` +
    `(${r.right} right of ${r.gold} statements and ${r.suggested} suggestions; ${r.duplicates} duplicate, ` +
    `${r.inexact} inexact span, ${r.wrongSpeaker} wrong speaker, ${r.wrongParty} wrong party, ` +
    `${r.falseSuggestions} no statement, ${r.missed} missed)`
  );
}

/** Statement by statement: for the texts the rules are written on only. */
function details(result: Evaluation, text: string): void {
  for (const { suggestion: s, verdict, gold } of result.verdicts) {
    const quote = short(text.slice(s.start, s.end));
    const wanted = gold && verdict !== 'right' ? `  [wanted ${gold.speaker} → ${gold.party ?? 'none'}]` : '';
    console.log(`  ${verdict.padEnd(13)} ${s.speaker} → ${s.party ?? 'none'}: "${quote}"${wanted}`);
  }
  const suggestedFor = new Set(result.verdicts.map((v) => v.gold).filter(Boolean));
  for (const g of result.notRight.filter((x: GoldStatement & Span) => !suggestedFor.has(x))) {
    console.log(`  missed        ${g.speaker} → ${g.party ?? 'none'}: "${short(g.text)}"`);
  }
}

console.log('RULES WRITTEN ON THESE (development set)\n');
const sample = scoreSample();
console.log(`The sample: ${sample.title} (${sample.paragraphs} paragraphs)`);
details(sample.result, sample.text);
console.log(`  ${figures(sample.result)}\n`);

const dev = developmentSet().map((t) => ({ t, result: scoreText(t) }));
for (const { t, result } of dev) {
  console.log(`${t.title}${t.file ? ` [dev/${t.file}]` : ''}`);
  details(result, t.text);
  console.log(`  ${figures(result)}\n`);
}
console.log(
  `Development set without the sample (${dev.length} texts): ${figures(combine(dev.map((d) => d.result)))}`,
);
console.log(
  `Development set with the sample (${dev.length + 1} texts): ${figures(
    combine([sample.result, ...dev.map((d) => d.result)]),
  )}`,
);

console.log('\nHELD OUT (frozen before the rules were changed; whole-set figures only)\n');
const held = heldOutSet().map((t) => scoreText(t));
console.log(`Held-out set (${held.length} texts): ${figures(combine(held))}`);

console.log('\nHELD OUT B (second frozen set, written without sight of the rules; whole-set figures only)\n');
const heldB = heldOutSetB().map((t) => scoreText(t));
console.log(`Held-out set B (${heldB.length} texts): ${figures(combine(heldB))}`);

console.log('\nHELD OUT C (third frozen set, written without sight of the rules; whole-set figures only)\n');
const heldC = heldOutSetC().map((t) => scoreText(t));
console.log(`Held-out set C (${heldC.length} texts): ${figures(combine(heldC))}`);
