/**
 * Reported speech outside quotations, sentence by sentence: "Lavrov stated that …", "said X but insisted that Y" as
 * two, and where the reporter's words take over from the speaker's.
 */
import {
  CALLING,
  FINITE,
  LISTENER_VERBS,
  LONGEST_CUE_WORD,
  LONGEST_STATEMENT,
  PARTICIPLES,
  QUOTE_ONLY_VERBS,
  REFUSALS,
  REPORTER_NOUNS,
  REPORTER_TAILS,
  SAYING,
  words,
} from './words';
import { type Analysis, trimSpan } from './tokens';
import { speakerStartingAt, withName } from './speakers';
import { isAuxiliary, verbAt } from './verbs';
import {
  apposedSpeaker,
  attributesQuote,
  callsAnEvent,
  clauseStart,
  type Draft,
  draftOf,
  endsAtParticiple,
  endsSentence,
  listenerAt,
  subjectOf,
} from './cues';

/** Reported speech, sentence by sentence, outside quotations. */
export function findReported(a: Analysis): Draft[] {
  const found: Draft[] = [];
  let skipTo = 0;
  for (let i = 0; i < a.count; i++) {
    if (i < skipTo || a.quoteOf[i] !== -1 || !a.isWord(i)) continue;
    const length = a.ends[i]! - a.starts[i]!;
    if (length < 3 || length > LONGEST_CUE_WORD) continue;
    const t = a.tok(i)!;
    if (!(t.lower === 'according' && a.tok(i + 1)?.lower === 'to') && !verbAt(a, i)) continue;
    // "A said X; B said Y": a semicolon outside quotation marks bounds a statement like a full stop.
    let last = a.sentenceEnd[i]!;
    let first = a.sentenceStart[i]!;
    // So does ", and Quade said …": another speaker's statement in the same sentence.
    for (let k = i + 1; k <= Math.min(last, i + LONGEST_STATEMENT); k++) {
      if (a.quoteOf[k] !== -1) continue;
      if (a.tok(k)!.text === ';' || newSpeaker(a, k, last)) {
        last = k - 1;
        break;
      }
    }
    for (let k = i - 1; k >= Math.max(first, i - LONGEST_STATEMENT); k--) {
      if (a.quoteOf[k] !== -1) continue;
      if (a.tok(k)!.text === ';') {
        first = k + 1;
        break;
      }
      if (newSpeaker(a, k, last)) {
        first = k + 2;
        break;
      }
    }

    if (t.lower === 'according' && a.tok(i + 1)?.lower === 'to' && i + 2 <= last) {
      const who = withName(a, speakerStartingAt(a, i + 2, last), last);
      if (!who || who.pronoun) continue;
      const after = who.last + 1;
      let span: { start: number; end: number } | null = null;
      if (i === first && a.tok(after)?.text === ',') {
        span = clauseSpan(a, after + 1, last);
      } else if (a.tok(i - 1)?.text === ',' && endsSentence(a, after, last)) {
        span = leadSpan(a, first, i - 2);
      }
      if (span) {
        found.push(draftOf(a, span, 'reported', who, i, who.last));
        skipTo = last + 1;
      }
      continue;
    }

    const verb = verbAt(a, i);
    if (!verb || QUOTE_ONLY_VERBS.has(verb.word)) continue;
    if ((verb.word === 'called' || verb.word === 'calls') && callsAnEvent(a, verb.last + 1, last)) continue;
    const subject = subjectOf(a, i);
    if (subject && !subject.aside && attributesQuote(a, subject.phrase.first)) continue;
    if (!subject) {
      // "…, said Lavrov." — the statement comes first and the cue is inverted.
      const who =
        a.tok(i - 1)?.text === ',' ? withName(a, speakerStartingAt(a, verb.last + 1, last), last) : null;
      if (
        who &&
        !who.pronoun &&
        (endsSentence(a, who.last + 1, last) || endsAtParticiple(a, who.last + 1, last))
      ) {
        const span = leadSpan(a, first, i - 2);
        if (span) {
          found.push(draftOf(a, span, 'reported', who, i, who.last));
          skipTo = last + 1;
        }
        continue;
      }
      // "…, its managing director, Nils Dunmore, said on Monday." — a role and a name between commas.
      const apposed = a.tok(i - 1)?.text === ',' ? apposedSpeaker(a, i - 2, first) : null;
      if (apposed && (endsSentence(a, verb.last + 1, last) || endsAtParticiple(a, verb.last + 1, last))) {
        const span = leadSpan(a, first, apposed.first - 2);
        if (span) {
          found.push(draftOf(a, span, 'reported', apposed, apposed.first, verb.last));
          skipTo = last + 1;
        }
      }
      continue;
    }
    let k = verb.last + 1;
    let cueLast = verb.last;
    if (LISTENER_VERBS.has(verb.word)) {
      const listener = listenerAt(a, k, last);
      if (listener !== null) {
        k = listener + 1;
        cueLast = listener;
      } else if (verb.word === 'told' || verb.word === 'tells') {
        continue;
      }
    }
    const begin = clauseStart(a, k, last);
    if (begin !== null) {
      // "said the fine was deserved but insisted that …": two statements, one for each cue.
      const second = secondCue(a, begin, last);
      const span = clauseSpan(a, begin, second ? second.cut - 1 : last);
      if (span) {
        found.push(draftOf(a, span, 'reported', subject.phrase, subject.cueFirst, cueLast, subject.aside));
        skipTo = last + 1;
      }
      const more = second && clauseSpan(a, second.begin, last);
      if (second && more) {
        const draft = draftOf(a, more, 'reported', subject.phrase, subject.cueFirst, cueLast, subject.aside);
        found.push({ ...draft, cue: `${draft.cue} … ${a.slice(second.cut, second.verbLast)}` });
      }
      continue;
    }
    // "Russia will not extradite him, Lavrov said." — the statement before the comma.
    const before = subject.phrase.first - 1;
    if (
      !subject.aside &&
      a.tok(before)?.text === ',' &&
      before > first &&
      (endsSentence(a, k, last) || endsAtParticiple(a, k, last))
    ) {
      const span = leadSpan(a, first, before - 1);
      if (span) {
        found.push(draftOf(a, span, 'reported', subject.phrase, subject.cueFirst, cueLast));
        skipTo = last + 1;
      }
    }
  }
  return found;
}

/** ", and Quade said", ", but the union insisted": a comma, a conjunction and a new subject with its own cue. */
function newSpeaker(a: Analysis, k: number, last: number): boolean {
  if (a.tok(k)!.text !== ',' || !SWITCHES.has(a.tok(k + 1)?.lower ?? '') || k + 2 > last) return false;
  const who = speakerStartingAt(a, k + 2, last);
  if (!who || who.pronoun) return false;
  let v = who.last + 1;
  for (let n = 0; n < 3 && v <= last && isAuxiliary(a.tok(v)); n++) v++;
  return v <= last && verbAt(a, v) !== null;
}

const SWITCHES = words('and but while whereas');

/**
 * A second cue of the same subject inside a reported clause: "… but insisted that …", "… but added that …", "…
 * and warned that …" (with "and", only before "that", so "… and expressed hope they could …" stays one statement).
 */
function secondCue(
  a: Analysis,
  first: number,
  last: number,
): { cut: number; verbLast: number; begin: number } | null {
  for (let m = first + 1; m < Math.min(last, first + LONGEST_STATEMENT); m++) {
    const t = a.tok(m)!;
    if (a.quoteOf[m] !== -1 || (t.lower !== 'but' && t.lower !== 'and')) continue;
    // "said A, and that B": the same verb reports a second clause.
    if (
      a.tok(m - 1)!.text === ',' &&
      a.tok(m + 1)?.lower === 'that' &&
      m + 2 <= last &&
      a.isWord(m + 2) &&
      !FINITE.has(a.tok(m + 2)!.lower)
    ) {
      return { cut: m, verbLast: m + 1, begin: m + 2 };
    }
    let v = m + 1;
    for (let n = 0; n < 3 && v <= last && isAuxiliary(a.tok(v)); n++) v++;
    const verb = v <= last ? verbAt(a, v) : null;
    if (!verb || QUOTE_ONLY_VERBS.has(verb.word)) continue;
    let k = verb.last + 1;
    if (LISTENER_VERBS.has(verb.word)) k = (listenerAt(a, k, last) ?? verb.last) + 1;
    const begin = clauseStart(a, k, last);
    const saying = SAYING.has(verb.word) && a.tok(v - 1)?.lower === 'and';
    if (begin === null || (t.lower === 'and' && a.tok(begin - 1)?.lower !== 'that' && !saying)) continue;
    return { cut: m, verbLast: verb.last, begin };
  }
  return null;
}

export function wordCount(a: Analysis, first: number, last: number): number {
  let n = 0;
  for (let k = first; k <= last; k++) if (a.tok(k)!.word) n++;
  return n;
}

/** A reported clause from token `first` to the end of its sentence, if it has three words or more. */
export function clauseSpan(a: Analysis, first: number, last: number): { start: number; end: number } | null {
  if (last - first > LONGEST_STATEMENT) return null;
  // "…, according to Le Monde." names where the report comes from, not what was said; "…, adding …", "…,
  // despite …", "…, a point critics made" and "…, but refused to say …" are the reporter's words after it.
  for (let k = first; k < last - 1; k++) {
    if (a.tok(k)!.text === ',' && a.quoteOf[k] === -1 && reporterTail(a, k + 1)) {
      last = k - 1;
      break;
    }
  }
  if (first > last || wordCount(a, first, last) < 3) return null;
  return trimSpan(a.text, a.tok(first)!.start, a.tok(last)!.end, true);
}

/** Whether the words from `k`, after a comma in a reported clause, are the reporter's and no longer the speaker's. */
function reporterTail(a: Analysis, k: number): boolean {
  const t = a.tok(k)!;
  const next = a.tok(k + 1)?.lower ?? '';
  if (t.lower === 'according') return next === 'to';
  if (REPORTER_TAILS.has(t.lower) || PARTICIPLES.has(t.lower) || CALLING.has(t.lower)) return true;
  if ((t.lower === 'a' || t.lower === 'an') && REPORTER_NOUNS.has(next)) return true;
  return t.lower === 'but' && REFUSALS.has(next);
}

/** The words before an end-of-sentence cue, if they hold no quotation and have three words or more. */
function leadSpan(a: Analysis, first: number, last: number): { start: number; end: number } | null {
  if (last - first > LONGEST_STATEMENT || first > last || wordCount(a, first, last) < 3) return null;
  for (let k = first; k <= last; k++) if (a.quoteOf[k] !== -1) return null;
  let start = a.tok(first)!.start;
  if (a.paragraphs[a.paragraphOf[first]!]!.first === first) {
    const dateline = DATELINE.exec(a.text.slice(start, a.tok(last)!.end));
    if (dateline) start += dateline[0].length;
  }
  return trimSpan(a.text, start, a.tok(last)!.end);
}

/** A wire story's dateline before its first sentence: "NEW DELHI (Reuters) - ", "CORRIN, Oct 2 (Agency) — ". */
const DATELINE =
  /^\p{Lu}[\p{Lu}\p{M} .'’-]*\p{Lu}(?:,[^\n()]{1,40}?)?\s*(?:\([^()\n]{1,40}\))?\s*[-–—]{1,2}\s+/u;
