/**
 * Proposing a topic for a statement from the codebook: the topic whose name or description shares words with the
 * statement. Precision comes first, since a wrong topic files a passage where nobody will look for it: words are
 * lower-cased, stripped of accents and stemmed (Porter), English stop words and the words that name the parties
 * (who speaks, not what about) are ignored, and a topic is proposed only on a real match and only when no other
 * topic matches as well.
 *
 * Weights, per distinct stem of the statement: 3 for a word of the topic's name (the last segment of its path),
 * 2 for a word of the rest of its path, 1 for a word of its description. A real match is a word of the path, or
 * at least two words of the description. A tie for the best score proposes nothing.
 */
import { stemmer } from 'stemmer';
import { eng as ENGLISH_STOP_WORDS } from 'stopword';
import type { Party, Topic, TopicProposal } from '../../shared/model';

export type { TopicProposal } from '../../shared/model';

const NAME_WEIGHT = 3;
const PATH_WEIGHT = 2;
const DESCRIPTION_WEIGHT = 1;
/** A description alone must share at least this many words. */
const MIN_DESCRIPTION_WORDS = 2;

/** Reporting verbs and other words that say how something was said, not what it is about. */
const REPORTING_WORDS = ['said', 'say', 'says', 'told', 'stated', 'added', 'also', 'would', 'could', 'just'];
const STOP = new Set([...ENGLISH_STOP_WORDS, ...REPORTING_WORDS].map((w) => w.toLowerCase()));

interface Word {
  written: string;
  stem: string;
}

/** Words of a text: letters and digits, without accents, possessives or stop words; one letter is no word. */
function words(text: string, ignore: ReadonlySet<string> = new Set()): Word[] {
  const plain = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/['’]s\b/giu, '');
  const out: Word[] = [];
  for (const match of plain.matchAll(/[\p{L}\p{N}]+/gu)) {
    const written = match[0];
    const lower = written.toLowerCase();
    if (lower.length < 2 || STOP.has(lower) || ignore.has(lower)) continue;
    out.push({ written, stem: stemmer(lower) });
  }
  return out;
}

function stems(text: string): Set<string> {
  return new Set(words(text).map((w) => w.stem));
}

/**
 * The topic to propose for `statement`, or null when none matches for real or two match equally well.
 * `ignore` holds names to leave out (the parties' names and one-word aliases).
 */
export function proposeTopic(
  statement: string,
  topics: readonly Pick<Topic, 'id' | 'path' | 'description'>[],
  options: { ignore?: readonly string[] } = {},
): TopicProposal | null {
  const ignore = new Set(
    (options.ignore ?? []).flatMap((name) => words(name).map((w) => w.written.toLowerCase())),
  );
  const said = words(statement, ignore);
  if (said.length === 0) return null;
  const firstWritten = new Map<string, string>();
  for (const word of said) if (!firstWritten.has(word.stem)) firstWritten.set(word.stem, word.written);

  let best: TopicProposal | null = null;
  let tied = false;
  for (const topic of topics) {
    const segments = topic.path.split('/');
    const name = stems(segments[segments.length - 1] ?? '');
    const path = stems(segments.slice(0, -1).join(' '));
    const description = stems(topic.description);
    let score = 0;
    let onPath = false;
    let inDescription = 0;
    const matched: string[] = [];
    for (const [stem, written] of firstWritten) {
      let weight = 0;
      if (name.has(stem)) weight = NAME_WEIGHT;
      else if (path.has(stem)) weight = PATH_WEIGHT;
      else if (description.has(stem)) weight = DESCRIPTION_WEIGHT;
      if (weight === 0) continue;
      if (weight > DESCRIPTION_WEIGHT) onPath = true;
      else inDescription++;
      score += weight;
      matched.push(written);
    }
    if (!onPath && inDescription < MIN_DESCRIPTION_WORDS) continue;
    if (best === null || score > best.score) {
      best = { topicId: topic.id, path: topic.path, score, words: matched };
      tied = false;
    } else if (score === best.score) {
      tied = true;
    }
  }
  return tied ? null : best;
}

/** The names a proposal leaves out: each party's name, short name and one-word aliases ("Lavrov", "Moscow"). */
export function partyNames(parties: readonly Pick<Party, 'name' | 'short' | 'aliases'>[]): string[] {
  return parties.flatMap((p) => [p.name, p.short, ...p.aliases.filter((alias) => !/\s/.test(alias.trim()))]);
}
