/**
 * The grammar of a speaker: the phrase that names who spoke, read backwards from a cue ("Russian Foreign Minister
 * Sergei Lavrov") or forwards from a sentence's start, with titles, roles, particles and possessives; and whether
 * a phrase names one person.
 */
import {
  CLAUSE_WORDS,
  CLOSE_TO,
  CONNECTORS,
  DETERMINERS,
  FEMALE_TITLES,
  LONGEST_NAME,
  MALE_TITLES,
  NOT_NAMES,
  PARTICLES,
  ROLE_HEADS,
  ROLE_MODIFIERS,
  SPEECH_VERBS,
  SUBJECT_PRONOUNS,
  TERMINALS,
  TITLES,
  words,
} from './words';
import type { Analysis, Token } from './tokens';
import { verbAt } from './verbs';

export interface Phrase {
  first: number;
  last: number;
  pronoun: boolean;
}

export function isTitleDot(a: Analysis, i: number): boolean {
  const t = a.tok(i);
  const prev = a.tok(i - 1);
  return (
    t?.text === '.' &&
    prev !== undefined &&
    prev.end === t.start &&
    prev.word &&
    (TITLES.has(prev.lower) || (prev.text.length === 1 && prev.capital))
  );
}

export function isPossessive(t: Token): boolean {
  return t.word && /['’]s$/i.test(t.text) && t.text.length > 2;
}

/** "islanders’": a plural ending in s and an apostrophe against it, as a possessive. */
function pluralPossessive(a: Analysis, i: number): boolean {
  const t = a.tok(i);
  const mark = a.tok(i + 1);
  return (
    t !== undefined &&
    mark !== undefined &&
    t.word &&
    /s$/i.test(t.text) &&
    (mark.text === '’' || mark.text === "'") &&
    t.end === mark.start &&
    a.paragraphOf[i] === a.paragraphOf[i + 1] &&
    a.quoteOf[i + 1] === -1
  );
}

export function isName(a: Analysis, i: number): boolean {
  const t = a.tok(i);
  if (!t || !t.capital || isPossessive(t) || NOT_NAMES.has(t.lower)) return false;
  // A capitalised word opening a sentence that reads as an adverb or participle is not a name.
  if (a.sentenceStart[i] === i && t.text.length > 4 && /(?:ly|ing|ed)$/.test(t.text)) return false;
  return true;
}

function isRole(t: Token | undefined): boolean {
  return t !== undefined && t.word && !t.capital && (ROLE_HEADS.has(t.lower) || ROLE_MODIFIERS.has(t.lower));
}

/** A token that can end a speaker's name: a name word or a role. */
function isHead(a: Analysis, i: number): boolean {
  const t = a.tok(i);
  return isName(a, i) || (t !== undefined && !t.capital && ROLE_HEADS.has(t.lower));
}

/** A lower-case word qualifying the role that follows it ("fisheries minister", "trade commissioner"). */
function isModifierOf(a: Analysis, i: number, head: number): boolean {
  const t = a.tok(i);
  const h = a.tok(head);
  return (
    t !== undefined &&
    h !== undefined &&
    t.word &&
    !t.capital &&
    !h.capital &&
    ROLE_HEADS.has(h.lower) &&
    !NOT_NAMES.has(t.lower) &&
    !CLAUSE_WORDS.has(t.lower) &&
    !DETERMINERS.has(t.lower) &&
    !SPEECH_VERBS.has(t.lower) &&
    !isPossessive(t)
  );
}

function usable(a: Analysis, i: number, p: number): boolean {
  return a.inParagraph(i, p) !== undefined && a.quoteOf[i] === -1;
}

/** A name at `i`, perhaps after more particles ("von der Leyen" seen from "von"). */
function nameAfter(a: Analysis, i: number, hi: number): boolean {
  while (i <= hi && PARTICLES.has(a.tok(i)?.text ?? '')) i++;
  return i <= hi && isName(a, i);
}

function nameBefore(a: Analysis, i: number, lo: number): boolean {
  while (i >= lo && PARTICLES.has(a.tok(i)?.text ?? '')) i--;
  return i >= lo && isName(a, i);
}

/** The speaker whose name ends at token `j`, no further left than `lo`. */
export function speakerEndingAt(a: Analysis, j: number, lo: number): Phrase | null {
  const p = a.paragraphOf[j]!;
  if (j < lo || !usable(a, j, p)) return null;
  const t = a.tok(j)!;
  if (SUBJECT_PRONOUNS.has(t.lower)) return { first: j, last: j, pronoun: true };
  let first = j;
  let k = j - 1;
  if (!isHead(a, j)) {
    // "a spokeswoman for the company", "the head of the delegation"
    if (!t.word || t.capital || NOT_NAMES.has(t.lower) || CLAUSE_WORDS.has(t.lower) || verbAt(a, j))
      return null;
    let c = j - 1;
    // "the company", "Tova’s capital"
    const owner = a.tok(c);
    if (owner && (DETERMINERS.has(owner.lower) || (owner.capital && isPossessive(owner)))) c--;
    if (c - 1 < lo || !CONNECTORS.has(a.tok(c)?.lower ?? '') || !isHead(a, c - 1) || !usable(a, c - 1, p)) {
      return null;
    }
    first = c - 1;
    k = c - 2;
  }
  while (k >= lo && j - k < LONGEST_NAME && usable(a, k, p)) {
    const c = a.tok(k)!;
    if (isName(a, k) || isRole(c) || isTitleDot(a, k) || isModifierOf(a, k, first)) {
      first = k--;
      continue;
    }
    const right = a.tok(first)!;
    if (PARTICLES.has(c.text) && (right.capital || PARTICLES.has(right.text)) && nameBefore(a, k - 1, lo)) {
      first = k--;
      continue;
    }
    if (c.lower === 'and' && isName(a, first) && isName(a, k - 1)) {
      first = k--;
      continue;
    }
    if (isName(a, first) && k - 1 >= lo && pluralPossessive(a, k - 1) && isName(a, k - 1)) {
      first = k--;
      continue;
    }
    // "an aide to Stenn", "a source close to Brandt": someone who speaks for the person named.
    if (c.lower === 'to' && isName(a, first) && k - 1 >= lo) {
      const close = a.tok(k - 1)!.lower === 'close' ? 1 : 0;
      if (k - 1 - close >= lo && CLOSE_TO.has(a.tok(k - 1 - close)!.lower) && usable(a, k - 1 - close, p)) {
        first = k - 1 - close;
        k = first - 1;
        continue;
      }
    }
    if (CONNECTORS.has(c.lower) && (isName(a, first) || right.lower === 'the') && isHead(a, k - 1)) {
      first = k--;
      continue;
    }
    if (c.lower === 'the' && CONNECTORS.has(a.tok(k - 1)?.lower ?? '') && k - 2 >= lo && isHead(a, k - 2)) {
      first = k--;
      continue;
    }
    break;
  }
  const before = k >= lo && usable(a, k, p) ? a.tok(k)! : undefined;
  const plural = before !== undefined && k - 1 >= lo && pluralPossessive(a, k - 1);
  if (before && (isPossessive(before) || plural)) {
    // "Pakistan's foreign ministry", "the islanders’ council"
    first = plural ? k - 1 : k;
    k = first - 1;
    const det = k >= lo && usable(a, k, p) ? a.tok(k) : undefined;
    if (det && DETERMINERS.has(det.lower)) first = k;
  } else if (before && DETERMINERS.has(before.lower)) {
    first = k;
  }
  return { first, last: j, pronoun: false };
}

/** A capitalised word opening the sentence before a lower-case role: "Shipping economist Hanne Vold". */
function openingQualifier(a: Analysis, k: number, hi: number): boolean {
  const t = a.tok(k);
  const role = a.tok(k + 1);
  return (
    a.sentenceStart[k] === k &&
    k + 1 <= hi &&
    t !== undefined &&
    role !== undefined &&
    t.word &&
    t.capital &&
    !NOT_NAMES.has(t.lower) &&
    !isPossessive(t) &&
    !role.capital &&
    ROLE_HEADS.has(role.lower)
  );
}

/** The speaker whose name starts at token `i`, no further right than `hi`. */
export function speakerStartingAt(a: Analysis, i: number, hi: number): Phrase | null {
  const p = a.paragraphOf[i]!;
  if (i > hi || !usable(a, i, p)) return null;
  const t = a.tok(i)!;
  if (SUBJECT_PRONOUNS.has(t.lower)) return { first: i, last: i, pronoun: true };
  let k = i;
  if (DETERMINERS.has(t.lower)) k++;
  const maybePossessive = a.tok(k);
  if (k <= hi && maybePossessive && usable(a, k, p) && isPossessive(maybePossessive)) k++;
  else if (k + 1 <= hi && usable(a, k, p) && pluralPossessive(a, k)) k += 2;
  let last = -1;
  for (; k <= hi && k - i < LONGEST_NAME && usable(a, k, p); k++) {
    const c = a.tok(k)!;
    if (
      isName(a, k) ||
      isRole(c) ||
      isTitleDot(a, k) ||
      (k + 1 <= hi && isModifierOf(a, k, k + 1)) ||
      openingQualifier(a, k, hi)
    ) {
      if (isHead(a, k)) last = k;
      continue;
    }
    if (
      PARTICLES.has(c.text) &&
      (last === k - 1 || PARTICLES.has(a.tok(k - 1)!.text)) &&
      nameAfter(a, k + 1, hi)
    ) {
      continue;
    }
    // "the Bus Workers’ Union"
    if (last === k - 1 && pluralPossessive(a, k - 1) && isName(a, k - 1) && k + 1 <= hi && isName(a, k + 1)) {
      continue;
    }
    if (c.lower === 'and' && last === k - 1 && isName(a, k - 1) && isName(a, k + 1)) continue;
    if (CONNECTORS.has(c.lower) && last === k - 1) {
      const skipThe = DETERMINERS.has(a.tok(k + 1)?.lower ?? '') ? 1 : 0;
      const noun = k + 1 + skipThe;
      if (noun <= hi && isName(a, noun)) {
        k += skipThe;
        continue;
      }
      // "a spokeswoman for the company said" ends with one lower-case noun.
      const n = a.tok(noun);
      if (
        noun <= hi &&
        n &&
        skipThe === 1 &&
        usable(a, noun, p) &&
        n.word &&
        !n.capital &&
        !NOT_NAMES.has(n.lower) &&
        !CLAUSE_WORDS.has(n.lower) &&
        !verbAt(a, noun) &&
        !isName(a, noun + 1)
      ) {
        last = noun;
      }
    }
    break;
  }
  return last === -1 ? null : { first: i, last, pronoun: false };
}

/** A role followed by the name of who holds it: "the Prime Minister, Keir Starmer" read as one speaker. */
export function withName(a: Analysis, phrase: Phrase, hi: number): Phrase;
export function withName(a: Analysis, phrase: Phrase | null, hi: number): Phrase | null;
export function withName(a: Analysis, phrase: Phrase | null, hi: number): Phrase | null {
  if (!phrase || phrase.pronoun || isFullName(a, phrase) || a.tok(phrase.last + 1)?.text !== ',')
    return phrase;
  const name = speakerStartingAt(a, phrase.last + 2, hi);
  if (!name || name.pronoun || !isFullName(a, name)) return phrase;
  const after = a.tok(name.last + 1);
  const ends = name.last === hi || !after || after.text === ',' || TERMINALS.has(after.text);
  return ends ? { first: phrase.first, last: name.last, pronoun: false } : phrase;
}

export function gender(speaker: string): 'm' | 'f' | null {
  const first = speaker
    .toLowerCase()
    .replace(/^(?:the|a|an)\s+/, '')
    .split(/[\s.]+/)[0];
  if (first && MALE_TITLES.has(first)) return 'm';
  if (first && FEMALE_TITLES.has(first)) return 'f';
  return null;
}
/** Words that end the name of a body or a place rather than a person ("Foreign Office", "Middle East"). */
export const NOT_PERSONS = words(`
  commission house ministry office government council union states kingdom republic federation party bank court
  parliament assembly department agency service embassy police army nations organisation organization company
  group times post news guard forces committee fund treaty agreement east west north south sea ocean river
  island islands city region valley gulf coast
`);

const PERSON_ROLE =
  /\b(?:minister|president|secretary|spokesman|spokeswoman|spokesperson|ambassador|envoy|negotiator|chancellor|premier|diplomat|official|commissioner|mediator|economist|analyst|senator|mayor|governor|prosecutor|lawyer|chairman|chairwoman|leader|chief|adviser|advisor|aide|king|queen|prince|counterpart)\b/i;

/** Whether a phrase reads as one person: a title, a role, or a plain full name. */
export function isPerson(a: Analysis, phrase: Phrase): boolean {
  const speaker = a.slice(phrase.first, phrase.last);
  if (gender(speaker) || PERSON_ROLE.test(speaker)) return true;
  let names = 0;
  for (let k = phrase.first; k <= phrase.last; k++) {
    if (PARTICLES.has(a.tok(k)!.text) || isTitleDot(a, k)) continue;
    if (!isName(a, k)) return false;
    names++;
  }
  return names >= 2 && !NOT_PERSONS.has(a.tok(phrase.last)!.lower);
}

/** A name and nothing else: "Thorgerdur Katrin Gunnarsdottir", "Mr Olsen" — not "a Norwegian negotiator". */
export function isFullName(a: Analysis, phrase: Phrase): boolean {
  for (let k = phrase.first; k <= phrase.last; k++) {
    if (!isName(a, k) && !isTitleDot(a, k) && !PARTICLES.has(a.tok(k)!.text)) return false;
  }
  return isPerson(a, phrase);
}
