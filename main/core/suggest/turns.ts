/**
 * Statements laid out rather than cued in a sentence: a transcript's `NAME:` turns, a Q&A interview's answers (also
 * under the mixed-case name of a person introduced before), and statements listed after "X also said:".
 */
import { LISTENER_VERBS, words } from './words';
import { type Analysis, trimSpan } from './tokens';
import { isFullName, type Phrase, speakerStartingAt } from './speakers';
import { type Verb, verbAt } from './verbs';
import { type Draft, draftOf, listenerAt, subjectOf } from './cues';
import { wordCount } from './reported';
import { surname } from './pronouns';

/** Words before a transcript's colon that name no speaker. */
const NOT_SPEAKERS = words(`
  q a question questions answer moderator reporter reporters journalist interviewer host presenter chair note
  update editor correction watch read photo video source sources audience voice voices unidentified
`);

/** A transcript turn's speaker: one to three words in capitals before a colon that opens the paragraph. */
function turnSpeaker(a: Analysis, p: number): { colon: number; name: string } | null {
  const range = a.paragraphs[p]!;
  for (let k = range.first; k < Math.min(range.end, range.first + 4); k++) {
    const t = a.tok(k)!;
    if (t.text === ':' && k > range.first) {
      return { colon: k, name: a.slice(range.first, k - 1) };
    }
    if (!t.word || t.text.length < 2 || t.text !== t.text.toUpperCase() || !/\p{Lu}/u.test(t.text))
      return null;
  }
  return null;
}

/**
 * A transcript: at least three paragraphs open with a name in capitals and a colon ("CALDWELL: …",
 * "QUESTION: …"). Each answer is a statement of the one who gives it; questions and the moderator's words are not.
 */
export function findTurns(a: Analysis): Draft[] {
  const turns = a.paragraphs.map((_, p) => turnSpeaker(a, p));
  if (turns.filter(Boolean).length < 3) return [];
  const found: Draft[] = [];
  turns.forEach((turn, p) => {
    if (!turn) return;
    const range = a.paragraphs[p]!;
    const name = turn.name.toLowerCase();
    if (name.split(' ').some((w) => NOT_SPEAKERS.has(w))) return;
    const last = a.tok(range.end - 1)!;
    if (last.text === '?' || turn.colon + 1 >= range.end) return;
    const span = trimSpan(a.text, a.ends[turn.colon]!, last.end, true);
    if (!span) return;
    const speaker = name.replace(
      /(^|[\s'’-])(\p{L})/gu,
      (_, before: string, c: string) => before + c.toUpperCase(),
    );
    found.push({
      ...span,
      kind: 'quote',
      cue: `${turn.name}:`,
      cueAt: a.starts[range.first]!,
      speaker,
      pronoun: false,
    });
  });
  return found;
}

const QUESTION_MARKS = words('q question interviewer');
const ANSWER_MARKS = words('a answer');

/**
 * A Q&A interview: paragraphs opening "Q:" (or "Question:", "Interviewer:") and "A:" (or "Answer:", or the
 * surname of the one interviewed: "Lunn:"). The answers are statements of the one person named as the
 * subject of a sentence in the introduction before the first question ("Edda Lunn has run the port …"); with no
 * such person, or two, nobody can be sure who answers and nothing is offered.
 */
export function findInterview(a: Analysis): Draft[] {
  /** The word before a colon that opens paragraph `p` ("q", "a", "lunn"), if any. */
  const marker = (p: number) => {
    const range = a.paragraphs[p]!;
    const t = a.tok(range.first)!;
    return t.word && a.tok(range.first + 1)?.text === ':' && range.end > range.first + 2 ? t.lower : null;
  };
  const first = a.paragraphs.findIndex((_, p) => QUESTION_MARKS.has(marker(p) ?? ''));
  if (first < 1) return [];
  const people = new Map<string, Phrase>();
  for (let p = 0; p < first; p++) {
    const range = a.paragraphs[p]!;
    for (let s = range.first; s < range.end; s = a.sentenceEnd[s]! + 1) {
      const phrase = speakerStartingAt(a, s, a.sentenceEnd[s]!);
      if (phrase && !phrase.pronoun && isFullName(a, phrase)) {
        people.set(surname(a.slice(phrase.first, phrase.last)), phrase);
      }
    }
  }
  if (people.size !== 1) return [];
  const [key, who] = [...people][0]!;
  const speaker = a.slice(who.first, who.last);
  const found: Draft[] = [];
  for (let p = first + 1; p < a.paragraphs.length; p++) {
    const mark = marker(p);
    if (mark === null || !(ANSWER_MARKS.has(mark) || mark === key)) continue;
    const range = a.paragraphs[p]!;
    if (a.tok(range.end - 1)!.text === '?') continue;
    const span = trimSpan(a.text, a.ends[range.first + 1]!, a.ends[range.end - 1]!, true);
    if (span) {
      const cue = a.slice(range.first, range.first + 1);
      found.push({ ...span, kind: 'quote', cue, cueAt: a.starts[range.first]!, speaker, pronoun: false });
    }
  }
  return found;
}

/** The colon after one to three capitalised words that open paragraph `p` ("Sorvald:", "Mira Sorvald:"), if any. */
function namedTurnColon(a: Analysis, p: number): number | null {
  const range = a.paragraphs[p]!;
  for (let k = range.first; k < Math.min(range.end - 1, range.first + 4); k++) {
    const t = a.tok(k)!;
    if (t.text === ':' && k > range.first) return k;
    if (!t.word || !t.capital) return null;
  }
  return null;
}

/**
 * A transcript whose turns are marked in mixed case: paragraphs opening with the surname or full name of a person
 * introduced earlier in the text as the subject of a sentence, and a colon ("Sorvald: …"). With at least three turns
 * (counting "Q:" and "A:"), each turn is a statement of the person it names, except questions and the turns of
 * whoever mostly asks them (the interviewer). A surname two people share names nobody.
 */
export function findNamedTurns(a: Analysis): Draft[] {
  const people = new Map<string, string | null>();
  const introduce = (name: string, full: string) =>
    people.set(name, people.has(name) && people.get(name) !== full ? null : full);
  const turns: Array<{ p: number; colon: number; speaker: string }> = [];
  let marked = 0;
  a.paragraphs.forEach((range, p) => {
    const colon = namedTurnColon(a, p);
    if (colon !== null) {
      const name = a.slice(range.first, colon - 1);
      const speaker = people.get(name);
      if (speaker) turns.push({ p, colon, speaker });
      if (speaker || QUESTION_MARKS.has(name.toLowerCase()) || ANSWER_MARKS.has(name.toLowerCase())) {
        if (!speaker) marked++;
        return;
      }
    }
    for (let s = range.first; s < range.end; s = a.sentenceEnd[s]! + 1) {
      const phrase = speakerStartingAt(a, s, a.sentenceEnd[s]!);
      if (phrase && !phrase.pronoun && phrase.last > phrase.first && isFullName(a, phrase)) {
        const full = a.slice(phrase.first, phrase.last);
        introduce(full, full);
        introduce(a.tok(phrase.last)!.text, full);
      }
    }
  });
  if (turns.length < 2 || turns.length + marked < 3) return [];
  const asks = (t: { p: number }) => a.tok(a.paragraphs[t.p]!.end - 1)!.text === '?';
  const questions = new Map<string, number>();
  for (const t of turns) questions.set(t.speaker, (questions.get(t.speaker) ?? 0) + (asks(t) ? 1 : -1));
  const found: Draft[] = [];
  for (const turn of turns) {
    if (asks(turn) || questions.get(turn.speaker)! > 0) continue;
    const range = a.paragraphs[turn.p]!;
    const span = trimSpan(a.text, a.ends[turn.colon]!, a.ends[range.end - 1]!, true);
    if (!span) continue;
    const cue = `${a.slice(range.first, turn.colon - 1)}:`;
    found.push({
      ...span,
      kind: 'quote',
      cue,
      cueAt: a.starts[range.first]!,
      speaker: turn.speaker,
      pronoun: false,
    });
  }
  return found;
}

/**
 * Statements listed after their cue: "Wen also said:" and then one paragraph per item, each opening with a bullet
 * or a lower-case word. Each item is a statement of the cue's subject.
 */
export function findLists(a: Analysis): Draft[] {
  const found: Draft[] = [];
  a.paragraphs.forEach((range, p) => {
    const colon = range.end - 1;
    if (a.tok(colon)!.text !== ':' || a.quoteOf[colon] !== -1) return;
    // "Wen also said:", "Ferris told reporters:"
    let verb: Verb | null = null;
    for (let v = colon - 1; v >= Math.max(range.first, colon - 7) && !verb; v--) {
      const found = verbAt(a, v);
      if (!found) continue;
      const end = LISTENER_VERBS.has(found.word) ? listenerAt(a, found.last + 1, colon - 1) : found.last;
      if (end === colon - 1) verb = found;
      else break;
    }
    if (!verb) return;
    const subject = subjectOf(a, verb.first);
    if (!subject) return;
    for (let q = p + 1; q < a.paragraphs.length && q <= p + 30; q++) {
      const item = a.paragraphs[q]!;
      let first = item.first;
      const t = a.tok(first)!;
      if (!t.word && BULLETS.has(t.text)) first++;
      else if (!t.word || t.capital) break;
      if (first >= item.end || a.quoteOf[first] !== -1) break;
      const span = trimSpan(a.text, a.starts[first]!, a.ends[item.end - 1]!, true);
      if (!span || wordCount(a, first, item.end - 1) < 3) break;
      found.push(draftOf(a, span, 'reported', subject.phrase, subject.cueFirst, colon - 1, subject.aside));
    }
  });
  return found;
}

const BULLETS = new Set(['-', '–', '—', '•', '*', '·', '▪', '◦']);
