/**
 * Parties: the sides whose positions a notebook compares, each with the names the text calls it by (its
 * spokespeople, ministries, capital). A name or alias belongs to one party only, so that a speaker found in a text
 * ("Sergey Lavrov", "the Russian Foreign Minister") points to one side without guessing.
 */
import { ParleyError, PartySchema, type Notebook, type Party } from '../../shared/model';
import { countAnnotations } from './annotation-counts';
import { normalizeColour } from './topics';
import { MAX_ALIASES, MAX_NAME_LENGTH, MAX_SHORT_NAME_LENGTH } from '../../shared/limits';

export type PartyWithCount = Party & { count: number };

/** Paul Tol's "vibrant" scheme: colour-blind safe like the topic palette, and distinct from it, so a party's
 *  colour is never mistaken for a topic's. */
export const PARTY_PALETTE: readonly string[] = [
  '#0077bb',
  '#cc3311',
  '#009988',
  '#ee7733',
  '#33bbee',
  '#ee3377',
  '#bbbbbb',
];

/** The two sides of the sample article, with the people and bodies who speak for them there and in similar news. */
export const SAMPLE_PARTIES: ReadonlyArray<Omit<Party, 'id'>> = [
  {
    name: 'United Kingdom',
    short: 'UK',
    colour: '#0077bb',
    aliases: [
      'Miliband',
      'David Miliband',
      'British Foreign Office',
      'Crown Prosecuting Service',
      'Crown Prosecution Service',
      'British',
      'Britain',
      'Great Britain',
      'London',
      'Foreign Secretary',
      'British Foreign Secretary',
      'Foreign Office',
      'British government',
      'British Embassy',
      'Downing Street',
      'Whitehall',
    ],
  },
  {
    name: 'Russia',
    short: 'Russia',
    colour: '#cc3311',
    aliases: [
      'Lavrov',
      'Sergey Lavrov',
      'Sergei Lavrov',
      'Russian Foreign Minister',
      'Moscow',
      'Russian',
      'Kremlin',
      'Russian Foreign Ministry',
      'Russian Federation',
      'Russian government',
      'Russian Embassy',
      'Russian Prosecutor General',
    ],
  },
];

function notFound(id: string): ParleyError {
  return new ParleyError(`There is no party with id "${id.slice(0, 100)}" in this notebook.`, 'not-found');
}

function invalid(message: string): ParleyError {
  return new ParleyError(message, 'invalid');
}

/** One spelling of a name as typed: NFC, single spaces, no space at either end. */
function tidy(value: string): string {
  return value.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** The key two names share when they name the same thing: case, spacing and apostrophe style aside. */
function nameKey(value: string): string {
  return tidy(value).replace(/[’‘]/g, "'").toLowerCase();
}

function quoted(value: string): string {
  return `"${value.length > 60 ? `${value.slice(0, 60)}…` : value}"`;
}

function findParty(nb: Notebook, id: string): Party {
  const party = nb.parties.find((p) => p.id === id);
  if (!party) throw notFound(id);
  return party;
}

/** Every non-empty name a party is known by: name, short name, aliases. */
function namesOf(party: Pick<Party, 'name' | 'short' | 'aliases'>): string[] {
  return [party.name, party.short, ...party.aliases].filter((name) => name.trim() !== '');
}

function checkName(value: unknown): string {
  if (typeof value !== 'string') throw invalid('A party needs a name.');
  const name = tidy(value);
  if (name === '') throw invalid('A party needs a name.');
  if (name.length > MAX_NAME_LENGTH) {
    throw invalid(`A party's name can be at most ${MAX_NAME_LENGTH} characters long.`);
  }
  return name;
}

/** An empty short name stands for the name itself (cut to fit), so every party has a label for a column. */
function checkShort(value: unknown, name: string): string {
  if (value !== undefined && typeof value !== 'string') throw invalid('A short name must be text.');
  const short = tidy(value ?? '');
  if (short.length > MAX_SHORT_NAME_LENGTH) {
    throw invalid(`A short name can be at most ${MAX_SHORT_NAME_LENGTH} characters long, like "UK".`);
  }
  return short === '' ? name.slice(0, MAX_SHORT_NAME_LENGTH).trim() : short;
}

/** Trimmed, blanks dropped, each kept once (in any case), none repeating the party's own name or short name. */
function checkAliases(value: unknown, name: string, short: string): string[] {
  if (!Array.isArray(value)) throw invalid('Aliases must be a list of names.');
  const seen = new Set([nameKey(name), nameKey(short)]);
  const aliases: string[] = [];
  for (const item of value) {
    if (typeof item !== 'string') throw invalid('Aliases must be a list of names.');
    const alias = tidy(item);
    if (alias === '') continue;
    if (alias.length > MAX_NAME_LENGTH) {
      throw invalid(`An alias can be at most ${MAX_NAME_LENGTH} characters long: ${quoted(alias)} is not.`);
    }
    const key = nameKey(alias);
    if (seen.has(key)) continue;
    seen.add(key);
    aliases.push(alias);
  }
  if (aliases.length > MAX_ALIASES) throw invalid(`A party can have at most ${MAX_ALIASES} aliases.`);
  return aliases;
}

/** Refuses a name, short name or alias that another party already answers to, naming that party. */
function checkUnique(nb: Notebook, party: Pick<Party, 'name' | 'short' | 'aliases'>, selfId?: string): void {
  const others = nb.parties.filter((p) => p.id !== selfId);
  const nameTaken = others.find((p) => nameKey(p.name) === nameKey(party.name));
  if (nameTaken) throw invalid(`There is already a party called ${quoted(nameTaken.name)}.`);
  for (const name of namesOf(party)) {
    const key = nameKey(name);
    const owner = others.find((p) => namesOf(p).some((other) => nameKey(other) === key));
    if (owner) {
      throw invalid(
        `${quoted(name)} already names the party ${quoted(owner.name)}; a name or alias can belong to one party only.`,
      );
    }
  }
}

function checkColour(value: unknown): string {
  if (typeof value !== 'string') throw invalid('A colour must be written as #rrggbb.');
  return normalizeColour(value);
}

/** The first palette colour no party uses yet; once all are taken, they repeat in order. */
export function pickPartyColour(usedColours: readonly string[]): string {
  const used = new Set(usedColours.map((colour) => colour.toLowerCase()));
  const free = PARTY_PALETTE.find((colour) => !used.has(colour));
  return free ?? PARTY_PALETTE[usedColours.length % PARTY_PALETTE.length]!;
}

function checked(party: Party): Party {
  const result = PartySchema.safeParse(party);
  if (!result.success) throw invalid('The party cannot be saved: it is not valid.');
  return result.data;
}

// ---------------------------------------------------------------------------------------------------------------
// Operations

/** The parties in notebook order, each with the number of highlights whose position it holds. */
export function listParties(nb: Notebook): PartyWithCount[] {
  const counts = countAnnotations(nb.annotations).parties;
  return nb.parties.map((party) => ({ ...party, count: counts.get(party.id) ?? 0 }));
}

/** Adds a party. Without a short name it is labelled by its name; without a colour it takes the next free one. */
export function createParty(
  nb: Notebook,
  input: { name: string; short?: string; colour?: string; aliases?: string[] },
): Party {
  const name = checkName(input.name);
  const short = checkShort(input.short, name);
  const aliases = checkAliases(input.aliases ?? [], name, short);
  const colour =
    input.colour === undefined ? pickPartyColour(nb.parties.map((p) => p.colour)) : checkColour(input.colour);
  checkUnique(nb, { name, short, aliases });
  const party = checked({ id: crypto.randomUUID(), name, short, colour, aliases });
  nb.parties.push(party);
  return party;
}

/**
 * Edits a party. Aliases, when given, replace the old list. A short name that was only the name standing in for
 * one follows a rename; an empty short name goes back to being the name.
 */
export function updateParty(
  nb: Notebook,
  patch: { id: string; name?: string; short?: string; colour?: string; aliases?: string[] },
): Party {
  const party = findParty(nb, patch.id);
  const name = patch.name === undefined ? party.name : checkName(patch.name);
  const shortFollowsName = party.short === checkShort('', party.name);
  const short =
    patch.short !== undefined
      ? checkShort(patch.short, name)
      : shortFollowsName
        ? checkShort('', name)
        : party.short;
  const aliases = checkAliases(patch.aliases ?? party.aliases, name, short);
  const colour = patch.colour === undefined ? party.colour : checkColour(patch.colour);
  checkUnique(nb, { name, short, aliases }, party.id);
  const next = checked({ id: party.id, name, short, colour, aliases });
  Object.assign(party, next);
  return party;
}

/**
 * Folds `from` into `into`: its passages now hold `into`'s position, its name, short name and aliases become
 * aliases of `into`, and `from` is removed.
 */
export function mergeParties(nb: Notebook, input: { fromId: string; intoId: string }): Party {
  const from = findParty(nb, input.fromId);
  const into = findParty(nb, input.intoId);
  if (from.id === into.id)
    throw invalid('A party cannot be merged into itself: choose two different parties.');
  const aliases = checkAliases(
    [...into.aliases, from.name, from.short, ...from.aliases],
    into.name,
    into.short,
  );
  for (const annotation of nb.annotations) {
    if (annotation.partyId === from.id) annotation.partyId = into.id;
  }
  into.aliases = aliases;
  nb.parties.splice(nb.parties.indexOf(from), 1);
  return into;
}

/** Removes a party; its passages stay, with their topics, stance, note and links, holding no party's position. */
export function deleteParty(nb: Notebook, id: string): { id: string } {
  const party = findParty(nb, id);
  for (const annotation of nb.annotations) {
    if (annotation.partyId === id) annotation.partyId = null;
  }
  nb.parties.splice(nb.parties.indexOf(party), 1);
  return { id };
}

/**
 * Adds the sample's parties that the notebook does not have yet (none of its parties answers to that name). An
 * alias or short name another party already uses is left out rather than refused: seeding never fails.
 */
export function addSampleParties(nb: Notebook): Party[] {
  const added: Party[] = [];
  for (const sample of SAMPLE_PARTIES) {
    const taken = new Set(nb.parties.flatMap((p) => namesOf(p).map(nameKey)));
    if (taken.has(nameKey(sample.name))) continue;
    const short = taken.has(nameKey(sample.short)) ? checkShort('', sample.name) : sample.short;
    const aliases = sample.aliases.filter((alias) => !taken.has(nameKey(alias)));
    const colour = nb.parties.some((p) => p.colour === sample.colour)
      ? pickPartyColour(nb.parties.map((p) => p.colour))
      : sample.colour;
    const party = checked({ id: crypto.randomUUID(), name: sample.name, short, colour, aliases });
    nb.parties.push(party);
    added.push(party);
  }
  return added;
}

// ---------------------------------------------------------------------------------------------------------------
// Speakers

/** Prepositions after which a name qualifies the speaker rather than being the speaker ("head of the Foreign
 *  Office", "the British ambassador in Moscow"). */
const COMPLEMENT = /\s(?:of|for|to|in|at|from|with|on behalf of)\s/i;

/** Acronyms ("UK", "US", "EU") are matched in capitals only, so "us" and "it" in a phrase name nobody. */
function isAcronym(name: string): boolean {
  return /^[\p{Lu}\p{N}.&]{2,6}$/u.test(name) && /\p{Lu}/u.test(name);
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface SpeakerMatch {
  party: number;
  start: number;
  end: number;
  /** In the head of the phrase, not a possessive nor after a preposition. */
  head: boolean;
}

/**
 * The party one of whose names or aliases names this speaker ("Sergey Lavrov", "Lavrov", "the Russian Foreign
 * Minister"); null if none does or the phrase is ambiguous.
 *
 * Names match as whole words, in any case (acronyms in capitals only). Where matches overlap, the longest wins
 * ("British Foreign Office" over "Foreign Office"). A name in the phrase's head counts before one that only
 * qualifies it, in a possessive ("Miliband's Russian counterpart") or after a preposition ("head of the British
 * Foreign Office"). Two parties named at the same level ("Lavrov and Miliband") are ambiguous: null.
 */
export function partyForSpeaker(parties: readonly Party[], speaker: string): Party | null {
  const phrase = tidy(speaker).replace(/[’‘]/g, "'");
  if (phrase === '') return null;
  const complement = COMPLEMENT.exec(phrase);
  const headEnd = complement ? complement.index : phrase.length;

  const matches: SpeakerMatch[] = [];
  parties.forEach((party, index) => {
    for (const name of namesOf(party)) {
      const term = tidy(name).replace(/[’‘]/g, "'");
      const body = escapeRegExp(term).replace(/ /g, '\\s+');
      const pattern = new RegExp(
        `(?<![\\p{L}\\p{N}_])${body}(?![\\p{L}\\p{N}_])`,
        isAcronym(term) ? 'gu' : 'giu',
      );
      for (const found of phrase.matchAll(pattern)) {
        const start = found.index;
        const end = start + found[0].length;
        const possessive = /^'(?:s(?![\p{L}\p{N}_])|(?![\p{L}\p{N}_]))/u.test(phrase.slice(end));
        matches.push({ party: index, start, end, head: !possessive && start < headEnd });
      }
    }
  });

  // Longest first; a match inside a strictly longer one is dropped, equal rivals both stay.
  matches.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: SpeakerMatch[] = [];
  for (const match of matches) {
    const length = match.end - match.start;
    const beaten = kept.some(
      (other) => other.start < match.end && match.start < other.end && other.end - other.start > length,
    );
    if (!beaten) kept.push(match);
  }

  for (const level of [true, false]) {
    const named = new Set(kept.filter((m) => m.head === level).map((m) => m.party));
    if (named.size === 1) return parties[[...named][0]!]!;
    if (named.size > 1) return null;
  }
  return null;
}
