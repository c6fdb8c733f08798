/**
 * The statement finder run over the sets of texts with a careful reader's list, scored by suggest-gold.ts: the
 * sample through the notebook as the app opens it, the development set (OTHER_GOLD and
 * test/fixtures/attribution/dev/) the rules are written on, and the frozen held-out sets
 * (test/fixtures/attribution/heldout/, heldout-b/ and heldout-c/). Shared by the unit tests and
 * scripts/suggest-eval.ts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { emptyNotebook, type Party } from '../../../shared/model';
import { addSampleDocument } from '../../../main/core/notebook';
import { addSampleParties } from '../../../main/core/parties';
import { findStatements, suggestStatements } from '../../../main/core/suggest';
import {
  evaluate,
  locateGold,
  OTHER_GOLD,
  paragraphSpans,
  parseGoldText,
  type Evaluation,
  type GoldText,
} from './suggest-gold';

const FIXTURES = new URL('../../fixtures/attribution/', import.meta.url);
export const DEV_DIR = new URL('dev/', FIXTURES);
export const HELDOUT_DIR = new URL('heldout/', FIXTURES);
export const HELDOUT_B_DIR = new URL('heldout-b/', FIXTURES);
export const HELDOUT_C_DIR = new URL('heldout-c/', FIXTURES);
const SAMPLE_FILE = new URL('../../../assets/sample-miliband-lavrov.txt', import.meta.url);

/** The texts of a fixture folder, in file order. */
export function readGoldTexts(dir: URL): GoldText[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => parseGoldText(readFileSync(new URL(name, dir), 'utf8'), name));
}

export function partiesOf(spec: Record<string, string[]>): Party[] {
  return Object.entries(spec).map(([name, aliases], i) => ({
    id: `party-${i}`,
    name,
    short: name,
    colour: '#000000',
    aliases,
  }));
}

export function developmentSet(): GoldText[] {
  return [...OTHER_GOLD, ...readGoldTexts(DEV_DIR)];
}

export function heldOutSet(): GoldText[] {
  return readGoldTexts(HELDOUT_DIR);
}

/** The second held-out set, written by someone who had not seen the rules or the development texts. */
export function heldOutSetB(): GoldText[] {
  return readGoldTexts(HELDOUT_B_DIR);
}

/** The third held-out set, also written without sight of the rules, in house styles the first two lack. */
export function heldOutSetC(): GoldText[] {
  return readGoldTexts(HELDOUT_C_DIR);
}

/** One text scored: what the finder suggests, given the text's parties, against its list. */
export function scoreText(gold: GoldText): Evaluation {
  const parties = partiesOf(gold.parties);
  const found = findStatements(gold.text, parties).map((s) => ({
    ...s,
    party: parties.find((p) => p.id === s.partyId)?.name ?? null,
  }));
  return evaluate(gold.text, locateGold(gold.text, paragraphSpans(gold.text), gold.gold), found);
}

/** The sample, opened as the app opens it, with the sample's parties, scored against SAMPLE_GOLD. */
export function scoreSample(): { title: string; text: string; paragraphs: number; result: Evaluation } {
  const nb = emptyNotebook();
  const doc = addSampleDocument(nb, readFileSync(SAMPLE_FILE, 'utf8'), new Date());
  if (nb.parties.length === 0) addSampleParties(nb);
  const found = suggestStatements(nb, doc.id).map((s) => ({
    ...s,
    party: nb.parties.find((p) => p.id === s.partyId)?.name ?? null,
  }));
  return {
    title: doc.title,
    text: doc.text,
    paragraphs: doc.blocks.length,
    result: evaluate(doc.text, locateGold(doc.text, doc.blocks), found),
  };
}
