/**
 * The party of a speaker the parties' own names do not match: a role that speaks for the party of those named by it
 * before, a body's spokesperson, and an analyst or economist who takes one only by their own name.
 */
import type { Party } from '../../../shared/model';
import { DETERMINERS, ROLE_HEADS, ROLE_MODIFIERS, words } from './words';

/** A person named by surname alone, perhaps with a title: "Okafor", "Mr Okafor". */
export const SURNAME_ONLY = /^(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?\p{Lu}[\p{L}'’-]+$/u;

/** Roles of people who comment from outside: their nationality or employer does not make them a side. */
export const INDEPENDENT =
  /\b(?:analysts?|economists?|experts?|observers?|academics?|professors?|researchers?|historians?|commentators?|pollsters?|scientists?|strategists?)\b/;

/**
 * For an analyst, economist or the like, only their own name can tie them to a party: "Veldrian economist Piet
 * Ruud" is read as "Piet Ruud", "analysts at a Tovan bank" as nobody. Null for other speakers.
 */
export function independentName(speaker: string): string | null {
  const match = INDEPENDENT.exec(speaker);
  if (!match) return null;
  return speaker
    .slice(match.index + match[0].length)
    .split(/,|\s(?:of|at|for|from|in|with)\s/)[0]!
    .trim();
}

/** A speaker named only by what kind of body they speak for: "the company", "a spokesman for the union". */
export const REFERS_BACK =
  /\b(?:the|its)\s+(?:company|firm|union|group|organisation|organization|association|operator|authority|body)\b/i;

/**
 * A speaker named only by a role ("the foreign minister", "the ministry") speaks for the party of those named by
 * that role earlier in the text ("Veldria’s foreign minister, Lena Varga", "the energy ministry"); null unless
 * they all point to one party.
 */
export function partyOfRole(
  text: string,
  partyOf: (speaker: string) => string | null,
  speaker: string,
  before: number,
): string | null {
  const role = /^(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir)\s+((?:[a-z]+\s+){0,2}[a-z]+)$/.exec(speaker.trim())?.[1];
  if (!role || !ROLE_HEADS.has(role.split(/\s+/).pop()!)) return null;
  const found = partyOfMentions(text, partyOf, role, before);
  // "a government spokeswoman", "a ministry official": the body named before speaks through them.
  const body = role.split(/\s+/)[0]!;
  return found === undefined && body !== role && BODIES.has(body)
    ? (partyOfMentions(text, partyOf, body, before) ?? null)
    : (found ?? null);
}

const BODIES = words(
  'government ministry embassy party union company administration presidency council authority department',
);

/** The one party of the earlier mentions of a role; null if they point to several, undefined if to none. */
function partyOfMentions(
  text: string,
  partyOf: (speaker: string) => string | null,
  role: string,
  before: number,
): string | null | undefined {
  // The nearest few mentions within a few pages before: enough for a story, bounded for a long text.
  const earlier = text.slice(Math.max(0, before - 4000), before);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${role.replace(/\s+/g, '\\s+')}(?![\\p{L}\\p{N}])`, 'giu');
  const mentions = [...earlier.matchAll(pattern)].slice(-8);
  const found = new Set<string>();
  for (const m of mentions) {
    const at = m.index;
    // The words against the role before it ("Veldria’s", "the energy"), up to three, and what follows it: an
    // apposed name (", Lena Varga,") or a complement ("of Lowmere Water").
    const own = earlier
      .slice(Math.max(0, at - 80), at)
      .split(/\s+/)
      .slice(at > 80 ? 1 : 0)
      .filter(Boolean)
      .slice(-3);
    let from = own.length;
    while (from > 0 && qualifies(own[from - 1]!)) from--;
    const tail = earlier.slice(at + m[0].length, at + m[0].length + 80);
    const after =
      /^(?:,\s+[^,.;:!?“”"]{1,40}(?=[,.;:])|\s+(?:of|for|at|in)\s+[^,.;:!?“”"]{1,40})/u.exec(tail)?.[0] ?? '';
    const party = partyOf(`${own.slice(from).join(' ')} ${m[0]}${after}`.replace(/\s+/g, ' ').trim());
    if (party) found.add(party);
    // "Lena Ortiz, the roads minister": the name apposed before the role.
    const holder = HOLDER_BEFORE.exec(earlier.slice(Math.max(0, at - 80), at))?.[1];
    const holderParty = holder ? partyOf(holder) : null;
    if (holderParty) found.add(holderParty);
  }
  return found.size === 1 ? [...found][0]! : found.size === 0 ? undefined : null;
}

/** A capitalised name, a comma and "the" with up to two words before a role: "Lena Ortiz, the roads ". */
const HOLDER_BEFORE =
  /(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,3}),\s+(?:the|its|their)\s+(?:[\p{Ll}-]+\s+){0,2}$/u;

/** A word that can stand before a role in its holder's description: "Veldria’s", "the", "energy", "Tovan". */
function qualifies(word: string): boolean {
  const lower = word.toLowerCase();
  return /^\p{Lu}/u.test(word) || /['’]s?$/.test(word) || DETERMINERS.has(lower) || ROLE_MODIFIERS.has(lower);
}

/** Whether the speaker is the party itself, under one of its names: "Network Rail", "the islanders’ council". */
export function ownName(parties: readonly Party[], speaker: string, partyId: string): boolean {
  const party = parties.find((p) => p.id === partyId);
  return (
    party !== undefined && [party.name, party.short, ...party.aliases].some((name) => sameName(name, speaker))
  );
}

export function sameName(name: string, speaker: string): boolean {
  const plain = (words: string) =>
    words
      .toLowerCase()
      .replace(/[’‘]/g, "'")
      .replace(/^(?:the|a|an)\s+/, '')
      .trim();
  return plain(name) === plain(speaker);
}
