/**
 * People and pronouns: the people a text introduces as a sentence's subject, the surname they go by later, and
 * he/she read as the last named speaker unless other people were named since.
 */
import {
  AUXILIARIES,
  CLAUSE_WORDS,
  DETERMINERS,
  LONGEST_NAME,
  NOT_NAMES,
  PREPOSITIONS,
  SUBJECT_PRONOUNS,
} from './words';
import { type Analysis, type Token, tokenAt } from './tokens';
import { gender, isFullName, isName, isPerson, isTitleDot, NOT_PERSONS, speakerStartingAt } from './speakers';
import { verbAt } from './verbs';
import type { Draft } from './cues';

/** A forename and a surname: "Lena Ortiz". */
const FULL_NAME = /(?<![\p{L}\p{M}])\p{Lu}\p{Ll}+\s+(?=(\p{Lu}\p{Ll}+)(?![\p{L}\p{M}]))/gu;

/**
 * People who open a sentence as its subject with no statement of their own ("Norwegian fisheries minister X opened the
 * session."): he or she in the next sentences may be them. A subject in apposition ("Iceland's foreign minister,
 * Thorgerdur Gunnarsdottir, rejected …") is taken by the name between the commas.
 */
export function subjectMentions(a: Analysis): Draft[] {
  const mentions: Draft[] = [];
  // Where each surname was first given with a forename: "Ortiz seized on …" after "Lena Ortiz" names her.
  const named = new Map<string, number>();
  for (const m of a.text.matchAll(FULL_NAME)) {
    const key = m[1]!.toLowerCase();
    if (!named.has(key)) named.set(key, m.index);
  }
  for (let s = 0; s < a.count; s = a.sentenceEnd[s]! + 1) {
    if (a.quoteOf[s] !== -1) continue;
    const last = a.sentenceEnd[s]!;
    let phrase = speakerStartingAt(a, s, last);
    if (!phrase || phrase.pronoun) continue;
    const after = a.tok(phrase.last + 1);
    if (after?.text === ',') {
      const inner = speakerStartingAt(a, phrase.last + 2, last);
      if (inner && !inner.pronoun && a.tok(inner.last + 1)?.text === ',' && isFullName(a, inner))
        phrase = inner;
    } else if (!after || !after.word || after.capital) {
      continue;
    }
    // "Lavrov said." names a speaker even with nothing reported.
    const known =
      phrase.first === phrase.last && (named.get(a.tok(phrase.first)!.lower) ?? Infinity) < a.starts[s]!;
    if (!known && !isPerson(a, phrase) && !(phrase.last + 1 <= last && verbAt(a, phrase.last + 1))) continue;
    const speaker = a.slice(phrase.first, phrase.last);
    mentions.push({
      start: 0,
      end: 0,
      kind: 'reported',
      cue: '',
      cueAt: a.tok(s)!.start,
      speaker,
      pronoun: false,
    });
  }
  return mentions;
}

/**
 * The word a person goes by later: the last word of the name, not of a role or complement around it ("Brell" of
 * "Regional analyst Tomas Brell of the Halden Institute", "Tolley" of "Bram Tolley, the association’s chair").
 */
export function surname(speaker: string): string {
  const parts = speaker.split(',').map((part) => part.split(/\s+(?:of|for|at|in|from)\s+/)[0]!.trim());
  const name = parts.find((part) => /(?:^|\s)\p{Lu}[^\s]*$/u.test(part)) ?? parts[0]!;
  return (name.split(/\s+/).pop() ?? '').toLowerCase();
}

/**
 * he/she → the most recent speaker named before the cue, or person who opened a sentence (`mentions`), skipping
 * one whose title (here or elsewhere in the text: "Ms Gunnarsdottir") says otherwise. When people already known
 * as speakers are named between that speaker's statement and the cue ("Varga met Osei. “…,” he said."), he or she
 * is the one of them (or that speaker, unless one of them is a sentence's subject) it can be: the only one not
 * known to be of the other sex (the previous speaker when none is); failing that, nobody, and the statement is
 * not offered. Who he or she turns out to be is remembered for the next cue.
 */
export function resolvePronouns(
  a: Analysis,
  drafts: Draft[],
  mentions: readonly Draft[],
  isBody: (speaker: string) => boolean,
): void {
  // A statement after the mention of its own speaker: the statement is the nearer.
  const named = [...drafts.filter((d) => !d.pronoun), ...mentions].sort(
    (x, y) => x.cueAt - y.cueAt || x.end - y.end,
  );
  const genders = new Map<string, 'm' | 'f'>();
  const people = new Set<string>();
  for (const d of named) {
    const g = gender(d.speaker);
    const key = surname(d.speaker);
    if (g) genders.set(key, g);
    if (
      /^\p{Lu}/u.test(key.length ? d.speaker.slice(d.speaker.toLowerCase().lastIndexOf(key)) : '') &&
      !NOT_PERSONS.has(key) &&
      !isBody(d.speaker)
    )
      people.add(key);
  }
  const ordered = drafts.filter((d) => d.pronoun).sort((x, y) => x.cueAt - y.cueAt);
  let n = 0;
  for (const d of ordered) {
    while (n < named.length && named[n]!.cueAt < d.cueAt) n++;
    const wanted = /^she$/i.test(d.speaker) ? 'f' : 'm';
    let previous: Draft | null = null;
    for (let k = n - 1; k >= Math.max(0, n - 50); k--) {
      const g = genders.get(surname(named[k]!.speaker));
      if (g && g !== wanted) continue;
      previous = named[k]!;
      break;
    }
    if (!previous) continue;
    // From the sentence after the one holding the previous speaker's statement and cue.
    const after = a.sentenceEnd[tokenAt(a, Math.max(previous.end, previous.cueAt))]!;
    const { keys: between, subject } = namedBetween(a, a.ends[after]!, d.cueAt, people);
    if (between.length === 0) {
      d.speaker = previous.speaker;
      d.pronoun = false;
      genders.set(surname(previous.speaker), wanted);
      continue;
    }
    // Unless one of them opens a sentence as its subject, the previous speaker may still be meant.
    const last = surname(previous.speaker);
    if (!subject && !between.includes(last)) between.push(last);
    const possible = between.filter((key) => (genders.get(key) ?? wanted) === wanted);
    // Everyone named since is of the other sex: he or she is still the previous speaker.
    if (possible.length === 0) possible.push(last);

    let who: Draft | undefined;
    for (let k = n - 1; k >= Math.max(0, n - 50) && possible.length === 1 && !who; k--) {
      if (surname(named[k]!.speaker) === possible[0]) who = named[k];
    }
    if (who) {
      d.speaker = who.speaker;
      d.pronoun = false;
      genders.set(possible[0]!, wanted);
    }
  }
}

/** A word of an opening phrase before a sentence's subject: "later", "for", "on Tuesday", a comma. */
function leadsIn(t: Token): boolean {
  if (!t.word) return t.text === ',';
  return (
    PREPOSITIONS.has(t.lower) ||
    DETERMINERS.has(t.lower) ||
    AUXILIARIES.has(t.lower) ||
    /^\p{N}/u.test(t.text) ||
    (!t.capital && /ly$/.test(t.lower)) ||
    (t.capital && NOT_NAMES.has(t.lower) && !SUBJECT_PRONOUNS.has(t.lower) && !CLAUSE_WORDS.has(t.lower))
  );
}

/**
 * The known people (by surname) named outside quotations between two offsets, each once, and whether one of them
 * is the first name of its sentence (its subject, as a rule: "Varga met Osei", "For Ashby, that is …").
 */
function namedBetween(
  a: Analysis,
  from: number,
  to: number,
  people: ReadonlySet<string>,
): { keys: string[]; subject: boolean } {
  const keys: string[] = [];
  let subject = false;
  if (to - from > 2000) return { keys, subject };
  for (let k = tokenAt(a, from); k < a.count && a.starts[k]! < to; k++) {
    if (a.starts[k]! < from || a.quoteOf[k] !== -1 || !isName(a, k) || isName(a, k + 1)) continue;
    const key = a.tok(k)!.lower;
    if (!people.has(key)) continue;
    if (!keys.includes(key)) keys.push(key);
    const start = a.sentenceStart[k]!;
    let run = k;
    while (run > start && k - run < LONGEST_NAME && (isName(a, run - 1) || isTitleDot(a, run - 1))) run--;
    // Only an opening phrase before it: "Later Tolley met …", "For Ashby, …", not "She blamed Pratt".
    let opening = run - start <= 6;
    for (let m = start; m < run && opening; m++) opening = leadsIn(a.tok(m)!);
    if (opening) subject = true;
  }
  return { keys, subject };
}
