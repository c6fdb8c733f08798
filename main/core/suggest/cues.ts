/**
 * What hangs on a speech cue: the verb's subject ("Lavrov (also) said"), a listener after "told", where a reported
 * clause begins and ends, and a statement in the making (Draft) with its speaker.
 */
import {
  CALLED_EVENTS,
  CLAUSE_WORDS,
  DETERMINERS,
  LISTENERS,
  LONGEST_ADVERBIAL,
  NOT_NAMES,
  PARTICIPLES,
  PREPOSITIONS,
  TERMINALS,
  TIME_NOUNS,
  TIME_WORDS,
} from './words';
import type { Analysis } from './tokens';
import {
  isFullName,
  isName,
  isPossessive,
  type Phrase,
  speakerEndingAt,
  speakerStartingAt,
  withName,
} from './speakers';
import { isAuxiliary, verbAt } from './verbs';

interface Subject {
  phrase: Phrase;
  /** First token of the cue: the subject, or the auxiliaries when the subject sits before an aside. */
  cueFirst: number;
  /** The subject is separated from its verb by an aside ("Andrey Lugovoy, suspected …, has told"). */
  aside: boolean;
}

/** Who is the subject of the verb at `i`: "Lavrov (also) said", "Andrey Lugovoy, suspected by …, has told". */
export function subjectOf(a: Analysis, i: number): Subject | null {
  const p = a.paragraphOf[i]!;
  const lo = Math.max(a.paragraphs[p]!.first, a.sentenceStart[i]!);
  let j = i - 1;
  for (let n = 0; n < 3 && j >= lo && isAuxiliary(a.tok(j)); n++) j--;
  if (j < lo || a.quoteOf[j] !== -1) return null;
  const direct = speakerEndingAt(a, j, lo);
  if (direct) return { phrase: direct, cueFirst: direct.first, aside: false };
  if (a.tok(j)!.lower === 'and') return coordinatedSubject(a, lo, j);
  // "…, Ruth Adeyemi, who said …": the person named just before the relative pronoun.
  if (a.tok(j)!.lower === 'who' && a.tok(j - 1)?.text === ',' && a.quoteOf[j - 1] === -1) {
    const named = speakerEndingAt(a, j - 2, lo);
    return named && !named.pronoun && isFullName(a, named)
      ? { phrase: named, cueFirst: j, aside: true }
      : null;
  }
  if (a.tok(j)!.text !== ',') return null;
  const opening = speakerStartingAt(a, lo, j);
  if (!opening || opening.pronoun || a.tok(opening.last + 1)?.text !== ',' || opening.last + 1 >= j) {
    // "After the interview, Karl Mott, the union’s general secretary, said …"
    const apposed = apposedSpeaker(a, j - 1, lo);
    if (apposed && a.tok(apposed.first - 1)?.text === ',') {
      return { phrase: apposed, cueFirst: apposed.first, aside: false };
    }
    // "His rival, Sam Oyelaran, said …": a full name between commas after a few words that hold no verb.
    const name = speakerEndingAt(a, j - 1, lo);
    if (!name || name.pronoun || !isFullName(a, name) || a.tok(name.first - 1)?.text !== ',') return null;
    if (name.first - 1 - lo < 1 || name.first - 1 - lo > 4) return null;
    for (let k = lo; k < name.first - 1; k++) {
      if (!a.isWord(k) || a.quoteOf[k] !== -1 || verbAt(a, k)) return null;
    }
    return { phrase: name, cueFirst: name.first, aside: false };
  }
  if (j - opening.last > 40) return null;
  for (let k = opening.last + 1; k < j; k++) if (a.quoteOf[k] !== -1 || verbAt(a, k)) return null;
  const named = withName(a, opening, j - 1);
  if (named.last === j - 1) return { phrase: named, cueFirst: named.first, aside: false };
  return { phrase: opening, cueFirst: j + 1, aside: true };
}

/**
 * The subject of a second verb joined by "and": "Pakistan's foreign ministry rejected the statement … and said
 * …". The sentence must open with the speaker and go straight on to its first verb.
 */
function coordinatedSubject(a: Analysis, lo: number, and: number): Subject | null {
  const opening = speakerStartingAt(a, lo, and - 1);
  if (!opening || opening.pronoun || and - opening.last > 40) return null;
  const verb = a.tok(opening.last + 1);
  if (!verb || !verb.word || verb.capital || CLAUSE_WORDS.has(verb.lower) || NOT_NAMES.has(verb.lower)) {
    return null;
  }
  return { phrase: opening, cueFirst: and, aside: true };
}

/** The listener after "told"/"assured": "RT", "reporters", "the BBC", "him". */
export function listenerAt(a: Analysis, i: number, hi: number): number | null {
  const t = a.tok(i);
  if (!t || i > hi || a.quoteOf[i] !== -1) return null;
  let noun = -1;
  if (LISTENERS.has(t.lower)) noun = i;
  else if (DETERMINERS.has(t.lower) && i + 1 <= hi && LISTENERS.has(a.tok(i + 1)?.lower ?? '')) noun = i + 1;
  if (noun !== -1) {
    // "the radio station", "the television programme"
    while (noun + 1 <= hi && a.quoteOf[noun + 1] === -1 && LISTENERS.has(a.tok(noun + 1)!.lower)) noun++;
    // "the broadcaster NRK", "the newspaper Kommersant"
    const name = isName(a, noun + 1) ? speakerStartingAt(a, noun + 1, hi) : null;
    return name && !name.pronoun ? name.last : noun;
  }
  // "the BBC's Today programme", "the Sellen Herald’s podcast": an owner's name, then what of theirs was listening.
  let m = DETERMINERS.has(t.lower) ? i + 1 : i;
  for (let n = 0; n < 4 && m <= hi && a.quoteOf[m] === -1 && a.tok(m)!.capital; n++, m++) {
    if (!isPossessive(a.tok(m)!)) continue;
    while (m + 1 <= hi && a.quoteOf[m + 1] === -1 && a.tok(m + 1)!.capital && !isPossessive(a.tok(m + 1)!))
      m++;
    if (m + 1 <= hi && a.quoteOf[m + 1] === -1 && LISTENERS.has(a.tok(m + 1)!.lower)) return m + 1;
    break;
  }
  const name = speakerStartingAt(a, i, hi);
  return name && !name.pronoun ? name.last : null;
}

/**
 * Where the reported clause begins after a verb whose next token is `k`: after "that" if it comes before the
 * clause does ("said at a news conference that …", "warned Moscow that …"), else right away ("said he expects
 * …"); null when the verb introduces no clause ("said.", "said:", "said at a news conference.").
 */
export function clauseStart(a: Analysis, k: number, last: number): number | null {
  const after = skipTime(a, k, last);
  if (after > k) {
    const next = a.tok(after);
    if (!next || after > last || TERMINALS.has(next.text) || next.text === ',') return null;
    if (next.lower === 'that') return after + 1 <= last ? after + 1 : null;
    if (next.word) k = after;
  }
  const t = a.tok(k);
  if (!t || k > last || !t.word || a.quoteOf[k] !== -1) return null;
  if (t.lower === 'that') return k + 1 <= last ? k + 1 : null;
  const adverbial = PREPOSITIONS.has(t.lower);
  const limit = Math.min(last, k + (adverbial ? 15 : 8));
  for (let m = k; m <= limit; m++) {
    const c = a.tok(m)!;
    if (a.quoteOf[m] !== -1) break;
    if (c.lower === 'that') return m + 1 <= last ? m + 1 : null;
    if (adverbial) {
      if (CLAUSE_WORDS.has(c.lower) || verbAt(a, m) || TERMINALS.has(c.text)) break;
      continue;
    }
    // "told the Herald in an interview published on Sunday that …": past the participle's phrase to "that", or
    // nothing.
    if (m === k && /ed$/.test(c.lower) && PREPOSITIONS.has(a.tok(k + 1)?.lower ?? '')) {
      for (let n = k + 1; n <= Math.min(last, k + 8) && a.quoteOf[n] === -1; n++) {
        const w = a.tok(n)!;
        if (w.lower === 'that') return n + 1 <= last ? n + 1 : null;
        if (!w.word || CLAUSE_WORDS.has(w.lower) || verbAt(a, n)) break;
      }
      return null;
    }
    const objectLike = c.capital || LISTENERS.has(c.lower) || DETERMINERS.has(c.lower) || /ly$/.test(c.lower);
    if (!c.word || !objectLike || CLAUSE_WORDS.has(c.lower) || verbAt(a, m)) break;
  }
  return adverbial ? null : k;
}

/**
 * Past the words that say when after a verb ("Monday", "on Tuesday", "later that day"), at most five; `k` itself
 * when there are none.
 */
export function skipTime(a: Analysis, k: number, last: number): number {
  let m = k;
  while (m <= Math.min(last, k + 4) && a.quoteOf[m] === -1) {
    const t = a.tok(m)!;
    if (t.lower === 'that' && TIME_NOUNS.has(a.tok(m + 1)?.lower ?? '')) m += 2;
    else if (t.word && TIME_WORDS.has(t.lower)) m++;
    else break;
  }
  // "on" or "last" alone says nothing of when: "said on the radio" is not skipped.
  if (
    m > k &&
    !TIME_NOUNS.has(a.tok(m - 1)!.lower) &&
    !/day$|^(?:yesterday|today|tonight|later|earlier|afterwards)$/.test(a.tok(m - 1)!.lower)
  ) {
    return k;
  }
  return m;
}

/**
 * "said Monday, adding that …", "said on Thursday, blaming …": a cue that ends its clause and hands on to a
 * participle of the same speaker.
 */
export function endsAtParticiple(a: Analysis, k: number, last: number): boolean {
  const m = skipTime(a, k, last);
  if (a.tok(m)?.text !== ',' || m >= last || a.quoteOf[m] !== -1) return false;
  const next = a.tok(m + 1)!;
  return next.word && !next.capital && (PARTICIPLES.has(next.lower) || /^[a-z]{3,}ing$/.test(next.lower));
}

/** Nothing after the verb but an adverbial and the end of the sentence: "…, Lavrov said at a news conference." */
export function endsSentence(a: Analysis, k: number, last: number): boolean {
  if (k > last) return true;
  const t = a.tok(k)!;
  if (TERMINALS.has(t.text)) return true;
  if (!PREPOSITIONS.has(t.lower) || last - k > LONGEST_ADVERBIAL) return false;
  for (let m = k; m <= last; m++) {
    const c = a.tok(m)!;
    if (a.quoteOf[m] !== -1 || c.lower === 'that' || c.text === ',' || CLAUSE_WORDS.has(c.lower))
      return false;
  }
  return true;
}

export interface Draft {
  start: number;
  end: number;
  kind: 'quote' | 'reported';
  cue: string;
  /** Offset of the cue, for reading he/she as the last speaker named before it. */
  cueAt: number;
  speaker: string;
  pronoun: boolean;
}

export function draftOf(
  a: Analysis,
  span: { start: number; end: number },
  kind: Draft['kind'],
  phrase: Phrase,
  cueFirst: number,
  cueLast: number,
  aside = false,
): Draft {
  const speaker = a.slice(phrase.first, phrase.last);
  const cue = aside ? `${speaker} … ${a.slice(cueFirst, cueLast)}` : a.slice(cueFirst, cueLast);
  return {
    start: span.start,
    end: span.end,
    kind,
    cue,
    cueAt: a.tok(Math.min(cueFirst, phrase.first))!.start,
    speaker,
    pronoun: phrase.pronoun,
  };
}

/** "‘…,’ Eddie Dempsey said outside the talks": the cue of the quotation before it, not a statement of its own. */
export function attributesQuote(a: Analysis, first: number): boolean {
  let k = first - 1;
  if (a.tok(k)?.text === ',' && a.quoteOf[k] === -1) k--;
  const q = k >= 0 ? a.quoteOf[k]! : -1;
  return q !== -1 && a.quotes[q]!.close === k && a.paragraphOf[k] === a.paragraphOf[first];
}

/**
 * Two phrases between commas that end at `j`, one of them a full name: ", its director, Clara Wen" or ", Clara Wen,
 * its director". The statement must come before them, so the first comma is not the sentence's first token.
 */
export function apposedSpeaker(a: Analysis, j: number, lo: number): Phrase | null {
  const second = speakerEndingAt(a, j, lo);
  if (!second || second.pronoun || a.tok(second.first - 1)?.text !== ',') return null;
  const first = speakerEndingAt(a, second.first - 2, lo);
  if (!first || first.pronoun || a.tok(first.first - 1)?.text !== ',' || first.first - 1 <= lo) return null;
  if (!isFullName(a, first) && !isFullName(a, second)) return null;
  return { first: first.first, last: second.last, pronoun: false };
}

/** "called its first strike": an event within the next few words after "called", so no statement follows. */
export function callsAnEvent(a: Analysis, k: number, last: number): boolean {
  for (let n = k; n <= Math.min(last, k + 3); n++) {
    const t = a.tok(n)!;
    if (!t.word || a.quoteOf[n] !== -1) return false;
    // "called the vote a farce" passes a verdict on the event: a statement after all.
    if (CALLED_EVENTS.has(t.lower))
      return !DETERMINERS.has(a.tok(n + 1)?.lower ?? '') && a.quoteOf[n + 1] === -1;
  }
  return false;
}
