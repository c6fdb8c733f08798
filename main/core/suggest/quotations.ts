/**
 * Who said each quotation: the attribution right after it or right before it, a participle that reports more of the
 * same speaker's words, a verdict given in quotation marks, and where a quotation stands in its paragraph.
 */
import {
  CALLED,
  CALLING,
  CLAUSE_WORDS,
  FINITE,
  LISTENER_VERBS,
  MANNERS,
  PARTICIPLES,
  PREPOSITIONS,
  TERMINALS,
  TIME_NOUNS,
  TIME_WORDS,
  VERDICT_VERBS,
} from './words';
import type { Analysis, Quote } from './tokens';
import { isFullName, isPerson, type Phrase, speakerEndingAt, speakerStartingAt, withName } from './speakers';
import { isAuxiliary, verbAt } from './verbs';
import { clauseStart, type Draft, draftOf, listenerAt, skipTime, subjectOf } from './cues';
import { clauseSpan } from './reported';

/** The attribution right after a quotation: "…,” said X", "…,” X said", "…,” according to X". */
export function cueAfter(a: Analysis, quote: Quote): Draft | null {
  if (quote.close < 0 || !quote.handsOver) return null;
  const p = quote.lastParagraph;
  const hi = a.paragraphs[p]!.end - 1;
  let j = quote.close + 1;
  if (a.inParagraph(j, p)?.text === ',') j++;
  const t = a.inParagraph(j, p);
  if (!t || a.quoteOf[j] !== -1) return null;
  const verb = verbAt(a, j);
  if (verb) {
    const who = withName(a, speakerStartingAt(a, verb.last + 1, hi), hi);
    return who ? draftOf(a, quote, 'quote', who, j, who.last) : null;
  }
  if (t.lower === 'according' && a.inParagraph(j + 1, p)?.lower === 'to') {
    const who = withName(a, speakerStartingAt(a, j + 2, hi), hi);
    return who && !who.pronoun ? draftOf(a, quote, 'quote', who, j, who.last) : null;
  }
  const who = speakerStartingAt(a, j, hi);
  if (!who) return null;
  let k = who.last + 1;
  let aside = false;
  if (a.tok(k)?.text === ',' && !who.pronoun) {
    // "…,” Wang Wentao, China's commerce minister, told reporters.
    let m = k + 1;
    while (m <= Math.min(hi, k + 15) && a.tok(m)!.text !== ',' && a.quoteOf[m] === -1) m++;
    if (m > hi || a.tok(m)!.text !== ',') return null;
    k = m + 1;
    aside = true;
  }
  const auxFirst = k;
  for (let n = 0; n < 3 && k <= hi && isAuxiliary(a.tok(k)); n++) k++;
  const spoken = k <= hi ? verbAt(a, k) : null;
  if (!spoken) return null;
  let cueLast = spoken.last;
  if (LISTENER_VERBS.has(spoken.word)) cueLast = listenerAt(a, spoken.last + 1, hi) ?? cueLast;
  return aside
    ? draftOf(a, quote, 'quote', who, auxFirst, cueLast, true)
    : draftOf(a, quote, 'quote', who, who.first, cueLast);
}

/** The attribution right before a quotation: "X said: “…", "X told reporters: "…", "According to X, “…". */
export function cueBefore(a: Analysis, quote: Quote, reported: readonly Draft[]): Draft | null {
  const p = a.paragraphOf[quote.open]!;
  const lo = a.paragraphs[p]!.first;
  let j = quote.open - 1;
  const sep = a.inParagraph(j, p);
  if (!sep || a.quoteOf[j] !== -1) return null;
  if (sep.text === ':' || sep.text === ',') j--;
  if (a.inParagraph(j, p)?.lower === 'that') j--;
  const t = a.inParagraph(j, p);
  if (!t || j < lo || a.quoteOf[j] !== -1) return null;

  // "…,” Pryce warned on Tuesday, “…": the cue's verb before the words that say when.
  let jv = j;
  if (sep.text === ',') {
    while (jv > lo && j - jv < 4 && a.quoteOf[jv] === -1) {
      const w = a.tok(jv)!.lower;
      if (!TIME_WORDS.has(w) && !TIME_NOUNS.has(w) && w !== 'that') break;
      jv--;
    }
    if (jv === j || skipTime(a, jv + 1, j) !== j + 1) jv = j;
  }
  const verb = verbAt(a, jv) ?? (jv > lo ? verbAt(a, jv - 1) : null);
  if (verb && verb.last === jv) {
    const subject = subjectOf(a, verb.first);
    if (subject) {
      return draftOf(a, quote, 'quote', subject.phrase, subject.cueFirst, verb.last, subject.aside);
    }
  }
  // "Pakistan's foreign ministry rejected the statement as “…”": the quoted words are the subject's verdict.
  if (t.lower === 'as') {
    for (let v = j - 1; v >= Math.max(a.sentenceStart[j]!, j - 8); v--) {
      const w = a.tok(v)!;
      if (a.quoteOf[v] !== -1 || (!w.word && w.text !== '’' && w.text !== "'")) break;
      if (!VERDICT_VERBS.has(w.lower)) continue;
      const subject = subjectOf(a, v);
      if (subject && !subject.phrase.pronoun) {
        return draftOf(a, quote, 'quote', subject.phrase, subject.cueFirst, v, subject.aside);
      }
      break;
    }
  }
  // "Quade called the decision ‘shameful’": the quoted word is the subject's verdict on what is named.
  for (let v = j - 1; v >= Math.max(a.sentenceStart[j]!, j - 5); v--) {
    const w = a.tok(v)!;
    if (a.quoteOf[v] !== -1 || !w.word) break;
    if (!CALLED.has(w.lower)) {
      if (verbAt(a, v) || CLAUSE_WORDS.has(w.lower)) break;
      continue;
    }
    const subject = subjectOf(a, v);
    if (subject) return draftOf(a, quote, 'quote', subject.phrase, subject.cueFirst, v, subject.aside);
    break;
  }
  // "X said in a statement: “…", "X wrote on social media: “…", "X told a rally in Sellen: “…"
  if (sep.text === ':') {
    for (let v = j - 1; v >= Math.max(lo, j - 8); v--) {
      const w = a.tok(v)!;
      if (a.quoteOf[v] !== -1 || !w.word || CLAUSE_WORDS.has(w.lower)) break;
      const cue = verbAt(a, v);
      if (!cue) continue;
      const next = a.tok(cue.last + 1)!.lower;
      const adverbial = PREPOSITIONS.has(next) || TIME_WORDS.has(next) || LISTENER_VERBS.has(cue.word);
      const subject = adverbial && cue.last === v ? subjectOf(a, cue.first) : null;
      if (subject) return draftOf(a, quote, 'quote', subject.phrase, subject.cueFirst, j, subject.aside);
      break;
    }
  }
  // "X told reporters: “…"
  for (let v = j - 1; v >= Math.max(lo, j - 6); v--) {
    const listenerVerb = verbAt(a, v);
    if (!listenerVerb || !LISTENER_VERBS.has(listenerVerb.word)) continue;
    if (listenerAt(a, listenerVerb.last + 1, j) !== j) break;
    const subject = subjectOf(a, v);
    if (subject) return draftOf(a, quote, 'quote', subject.phrase, subject.cueFirst, j, subject.aside);
    break;
  }
  // "…, adding: “…" — the speaker of the sentence's own cue.
  if (PARTICIPLES.has(t.lower) && a.tok(j - 1)?.text === ',') {
    const start = a.tok(a.sentenceStart[j]!)!.start;
    const owner = [...reported].reverse().find((d) => d.cueAt >= start && d.cueAt < t.start);
    if (owner) return { ...owner, start: quote.start, end: quote.end, kind: 'quote' };
  }
  // "Otto Pryce was blunt: “…”", "Ashby was equally clear: ‘…’"
  if (sep.text === ':' && MANNERS.has(t.lower)) {
    let v = j - 1;
    if (isAuxiliary(a.tok(v)) || a.tok(v)?.lower === 'equally') v--;
    if (a.tok(v)?.lower === 'was' || a.tok(v)?.lower === 'is') {
      const subject = subjectOf(a, v);
      if (subject && !subject.phrase.pronoun && !subject.aside) {
        return draftOf(a, quote, 'quote', subject.phrase, subject.cueFirst, j);
      }
    }
  }
  if (sep.text === ':' || sep.text === ',') {
    const who = speakerEndingAt(a, j, lo);
    // "Council leader Iris Colby: “…”" — a line of reactions, a person's name and then all they said; or "Otto
    // Pryce, guild chairman: “…”", a full name opening the line and then a role.
    if (who && !who.pronoun && sep.text === ':' && endsParagraph(a, quote)) {
      let line: Phrase | null = who.first === lo && isPerson(a, who) ? who : null;
      if (!line && who.first > lo && a.tok(who.first - 1)?.text === ',') {
        const name = speakerEndingAt(a, who.first - 2, lo);
        if (name && name.first === lo && isFullName(a, name))
          line = { first: lo, last: who.last, pronoun: false };
      }
      if (line) return draftOf(a, quote, 'quote', line, line.first, j);
    }
    if (who && !who.pronoun) {
      const v = who.first - 1;
      const inverted = verbAt(a, v);
      if (inverted && inverted.last === v && sep.text === ':') {
        // "Quade warned the government: “…”": with a subject before the verb, the name after it is a listener.
        const subject = subjectOf(a, inverted.first);
        if (subject) {
          return draftOf(a, quote, 'quote', subject.phrase, subject.cueFirst, j, subject.aside);
        }
        return draftOf(a, quote, 'quote', who, v, who.last);
      }
      if (a.tok(v)?.lower === 'to' && a.tok(v - 1)?.lower === 'according') {
        return draftOf(a, quote, 'quote', who, v - 1, who.last);
      }
    }
  }
  return null;
}

/** The participle of ", calling the plan “…" before a quotation, within four words and no verb. */
export function callingBefore(a: Analysis, quote: Quote): number | null {
  const lo = a.sentenceStart[quote.open]!;
  for (let k = quote.open - 1; k >= Math.max(lo + 1, quote.open - 5); k--) {
    const t = a.tok(k)!;
    if (!t.word || a.quoteOf[k] !== -1) return null;
    if (CALLING.has(t.lower)) return a.tok(k - 1)!.text === ',' && k < quote.open - 1 ? k : null;
    // "calling it", "calling them": a pronoun may be the object; a finite verb may not.
    if (verbAt(a, k) || FINITE.has(t.lower)) return null;
  }
  return null;
}

/** Whether nothing but a full stop follows the quotation in its paragraph. */
function endsParagraph(a: Analysis, quote: Quote): boolean {
  const p = a.paragraphOf[quote.open]!;
  if (quote.lastParagraph !== p || quote.close === -1) return quote.lastParagraph === p;
  for (let k = quote.close + 1; k < a.paragraphs[p]!.end; k++)
    if (!TERMINALS.has(a.tok(k)!.text)) return false;
  return true;
}

/**
 * "“We are ready,” he said, adding that talks could resume": a participle after a cue reports more of the same
 * speaker, up to the end of the sentence, unless a statement already covers it.
 */
export function findParticiples(a: Analysis, statements: readonly Draft[]): Draft[] {
  const byCue = [...statements].sort((x, y) => x.cueAt - y.cueAt);
  const byStart = [...statements].sort((x, y) => x.start - y.start);
  const furthest: number[] = [];
  for (const d of byStart) furthest.push(Math.max(d.end, furthest.at(-1) ?? 0));
  /** Whether a statement overlaps [start, end): the furthest end among those starting before `end`. */
  const covered = (start: number, end: number): boolean => {
    let lo = 0;
    let hi = byStart.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (byStart[mid]!.start < end) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && furthest[lo - 1]! > start;
  };
  const found: Draft[] = [];
  for (let i = 1; i < a.count; i++) {
    if (a.quoteOf[i] !== -1 || !a.isWord(i) || a.code(i - 1) !== 0x2c) continue;
    const t = a.tok(i)!;
    if (!PARTICIPLES.has(t.lower)) continue;
    const last = a.sentenceEnd[i]!;
    const sentenceAt = a.starts[a.sentenceStart[i]!]!;
    // The last cue before the participle, if it is in the same sentence.
    let lo = 0;
    let hi = byCue.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (byCue[mid]!.cueAt < t.start) lo = mid + 1;
      else hi = mid;
    }
    let owner: Draft | undefined = byCue[lo - 1];
    if (!owner || owner.cueAt < sentenceAt) owner = verdictOwner(a, a.sentenceStart[i]!, i);
    if (!owner) continue;
    const begin = clauseStart(a, i + 1, last);
    const span = begin === null ? null : clauseSpan(a, begin, last);
    if (!span || covered(span.start, span.end)) continue;
    found.push({ ...owner, ...span, kind: 'reported', cue: `${owner.cue}, ${t.text}` });
  }
  return found;
}

/**
 * "The Chamber of Commerce welcomed the deal, saying …": a sentence that opens with its speaker and a verdict
 * verb, the participle `at` reporting what the speaker said.
 */
function verdictOwner(a: Analysis, first: number, at: number): Draft | undefined {
  const who = speakerStartingAt(a, first, at - 1);
  if (!who || who.pronoun) return undefined;
  let v = who.last + 1;
  for (let n = 0; n < 3 && v < at && isAuxiliary(a.tok(v)); n++) v++;
  const verb = a.tok(v);
  if (!verb || !VERDICT_VERBS.has(verb.lower) || a.quoteOf[v] !== -1) return undefined;
  for (let k = v + 1; k < at; k++) if (a.quoteOf[k] !== -1 || verbAt(a, k)) return undefined;
  return draftOf(a, { start: 0, end: 0 }, 'reported', who, who.first, v);
}

/** Whether the quotation opens a sentence (so it may be the same speaker's next sentence, not a scare quote). */
export function opensSentence(a: Analysis, quote: Quote): boolean {
  const p = a.paragraphOf[quote.open]!;
  const prev = a.inParagraph(quote.open - 1, p);
  if (!prev) return true;
  if (TERMINALS.has(prev.text)) return true;
  const q = a.quoteOf[quote.open - 1]!;
  return q !== -1 && a.quotes[q]!.close === quote.open - 1 && a.sentenceStart[quote.open] === quote.open;
}

/** Whether the quotation is its paragraph's only content: opened at its start, closed at its end. */
export function wholeParagraph(a: Analysis, quote: Quote): boolean {
  const p = a.paragraphOf[quote.open]!;
  const range = a.paragraphs[p]!;
  if (quote.open !== range.first || quote.lastParagraph !== p) return false;
  if (quote.close === -1) return true;
  for (let k = quote.close + 1; k < range.end; k++) if (!TERMINALS.has(a.tok(k)!.text)) return false;
  return true;
}

/** Whether the quotation opens its paragraph and closes on the end of a sentence: “We will picket.” The … */
export function opensParagraph(a: Analysis, quote: Quote): boolean {
  const p = a.paragraphOf[quote.open]!;
  return (
    quote.open === a.paragraphs[p]!.first &&
    quote.lastParagraph === p &&
    quote.close > 0 &&
    TERMINALS.has(a.tok(quote.close - 1)!.text)
  );
}
