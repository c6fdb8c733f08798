/**
 * An author field as a file or a page writes it (a PDF's Author, a Word file's dc:creator, a page's author
 * metadata) read into the names a citation lists, in Parley's form: "Family, Given" for a person, or the name whole
 * (no comma) for an organisation, a single name or anything this cannot be sure of. A name cited whole is still
 * right, if plain; a name split in the wrong place is wrong in every citation ("Organization, World Health"), so
 * where the field could be read two ways the name is kept as written.
 *
 * How a field is read:
 * - "By " before it is left out; names are separated by ";" and by " and " / " & " (also ", and "), but a part that
 *   holds an organisation's word ("Department of Health and Social Care") is one name, and so is a part whose
 *   pieces around "and" are not all people ("Johnson & Johnson").
 * - Commas: "Porter, Jane" and "van der Berg, Jan" are one person written as cited, when what follows the comma is
 *   one or two given names or initials ("J.", "J.-P.", "Jane R.") and what stands before it is a family name (one
 *   capitalised word, with its particles), or any name when one given name follows ("García Márquez, Gabriel").
 *   "Porter, Jane, Smith, John" is two such people; otherwise commas separate names ("Jane Porter, John Smith").
 * - A name without a comma becomes "Family, Given" only when it is 2 to 4 words that each look like part of a
 *   person's name (capitalised, or an initial), particles kept with the family name ("Jan van der Berg" → "van der
 *   Berg, Jan"), with no organisation's word, no acronym ("WHO"), no suffix ("Jr."), no digits and nothing that is
 *   not part of a name (an e-mail address, a URL). Everything else is kept whole.
 * - Office's placeholders for a user who gave no name ("Microsoft Office User", "Unknown", "user") are dropped, as
 *   are repeats; names longer than MAX_NAME_LENGTH are left out, and at most MAX_AUTHORS are kept.
 *
 * Pure: used by the PDF, Word and web page importers alike.
 */
import { MAX_AUTHORS } from '../../../shared/model';
import { MAX_NAME_LENGTH } from '../../../shared/limits';

/** Office's and other programs' names for a user who never gave one: no one's name, so no author. */
export const PLACEHOLDER_AUTHORS: ReadonlySet<string> = new Set([
  '',
  'author',
  'user',
  'admin',
  'administrator',
  'owner',
  'unknown',
  'anonymous',
  'microsoft office user',
  'microsoft user',
  'office user',
  'windows user',
  'valued customer',
]);

/** Words that name an organisation (or a newsroom's desk) rather than a person: such a name is cited whole. */
const ORGANISATION_WORDS = new RegExp(
  '(?<![\\p{L}\\p{N}])(?:' +
    [
      'organi[sz]ations?',
      'agency',
      'agencies',
      'institutes?',
      'institution',
      'associations?',
      'ministry',
      'ministries',
      'department',
      'office',
      'committee',
      'commission',
      'council',
      'board',
      'bank',
      'fund',
      'foundation',
      'university',
      'college',
      'school',
      'academy',
      'group',
      'cent(?:er|re)s?',
      'services?',
      'union',
      'nations',
      'press',
      'news',
      'times',
      'herald',
      'gazette',
      'journal',
      'magazine',
      'reuters',
      'company',
      'co',
      'inc',
      'llc',
      'ltd',
      'plc',
      'gmbh',
      'corp',
      'corporation',
      'society',
      'network',
      'party',
      'government',
      'parliament',
      'bureau',
      'trust',
      'authority',
      'federation',
      'alliance',
      'coalition',
      'programme',
      'program',
      'project',
      'initiative',
      'staff',
      'editors?',
      'editorial',
      'desk',
      'team',
      'reporters?',
      'correspondents?',
      'contributors?',
    ].join('|') +
    ')(?![\\p{L}\\p{N}])',
  'iu',
);

/** Lower-case words that belong to a family name ("van der Berg", "de la Cruz", "bin Said"). */
const PARTICLES = new Set([
  'van',
  'von',
  'der',
  'den',
  'de',
  'del',
  'della',
  'di',
  'da',
  'das',
  'dos',
  'du',
  'le',
  'la',
  'ter',
  'ten',
  'af',
  'av',
  'zu',
  'bin',
  'ibn',
  'al',
  'el',
]);

/** A suffix after a person's name: with one the name is kept whole rather than split in the wrong place. */
const SUFFIX = /^(?:jr|sr|ii|iii|iv|phd|md)\.?$/i;

/** A capitalised word of a name: "Jan", "O'Brien", "Smith-Jones", "Ångström"; not an acronym ("WHO", "BBC"). */
function isNameWord(word: string): boolean {
  if (!/^\p{Lu}[\p{L}\p{M}'’-]*$/u.test(word)) return false;
  // Two or more capitals with no small letter is an acronym, not a name.
  return !(/^[\p{Lu}'’-]+$/u.test(word) && word.replace(/[^\p{Lu}]/gu, '').length >= 2);
}

/** An initial or initials: "J.", "J.R.", "J.-P.", "J". */
function isInitial(word: string): boolean {
  // Dots between the letters: "JR" or "BBC" without them is an acronym.
  return /^\p{Lu}\.?$/u.test(word) || /^\p{Lu}\.(?:-?\p{Lu}\.){1,2}$/u.test(word);
}

/** A word of a family name with its particle joined ("al-Rashid", "d'Alembert"). */
function isJoinedParticle(word: string): boolean {
  return /^(?:al|el|d|l)['’-]\p{Lu}[\p{L}\p{M}'’-]*$/u.test(word);
}

function isGivenWord(word: string): boolean {
  return isNameWord(word) || isInitial(word);
}

function flat(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

function words(name: string): string[] {
  return name === '' ? [] : name.split(' ');
}

/** Whether a name could be part of a person's: letters, spaces, dots, hyphens and apostrophes only. */
function hasOnlyNameCharacters(name: string): boolean {
  return /^[\p{L}\p{M} .'’-]+$/u.test(name);
}

/** What follows a comma, when it is one or two given names or initials ("Jane", "J. R.", "Jean-Pierre"). */
function isGivenNames(text: string): boolean {
  const given = words(text);
  return given.length >= 1 && given.length <= 2 && given.every(isGivenWord);
}

/** What stands before a comma, when it is a family name: its particles and one capitalised word. */
function isFamilyName(text: string): boolean {
  const family = words(text);
  if (family.length === 0 || family.length > 4) return false;
  const last = family[family.length - 1]!;
  return (
    (isNameWord(last) || isJoinedParticle(last)) &&
    family.slice(0, -1).every((word) => PARTICLES.has(word.toLowerCase()))
  );
}

/** "Family, Given" as written, when the two sides read as a person's; else null. */
function familyCommaGiven(family: string, given: string): string | null {
  if (!hasOnlyNameCharacters(family) || !hasOnlyNameCharacters(given) || ORGANISATION_WORDS.test(family))
    return null;
  if (!isGivenNames(given)) return null;
  const familyWords = words(family);
  // "García Márquez, Gabriel": a two-word family name is read as one when a single given name follows it.
  const doubleFamily = familyWords.length === 2 && familyWords.every(isNameWord) && words(given).length === 1;
  if (!isFamilyName(family) && !doubleFamily) return null;
  return `${family}, ${given}`;
}

/** A name with no comma as cited: "Family, Given" when it surely is a person's, else as written. */
function citedName(name: string): string {
  const parts = words(name);
  if (
    parts.length < 2 ||
    parts.length > 4 ||
    !hasOnlyNameCharacters(name) ||
    ORGANISATION_WORDS.test(name) ||
    parts.some((word) => SUFFIX.test(word))
  )
    return name;
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  if (!isGivenWord(first) || !(isNameWord(last) || isJoinedParticle(last))) return name;
  let family = parts.length - 1;
  while (family > 1 && PARTICLES.has(parts[family - 1]!)) family--;
  const given = parts.slice(0, family);
  // Each given name is a capitalised word or an initial; a particle or a lower-case word left there is a doubt.
  if (!given.every(isGivenWord)) return name;
  return `${parts.slice(family).join(' ')}, ${given.join(' ')}`;
}

/** One name that may hold commas, as the names it stands for (see the module's comment). */
function namesFromCommas(text: string): string[] {
  const chunks = text.split(/\s*,\s*/).filter((chunk) => chunk !== '');
  if (chunks.length === 1) return [citedName(chunks[0]!)];
  if (chunks.length === 2) {
    const person = familyCommaGiven(chunks[0]!, chunks[1]!);
    if (person) return [person];
  }
  if (chunks.length % 2 === 0) {
    const pairs: string[] = [];
    for (let i = 0; i < chunks.length; i += 2) {
      const person = familyCommaGiven(chunks[i]!, chunks[i + 1]!);
      if (!person) break;
      pairs.push(person);
    }
    if (pairs.length === chunks.length / 2) return pairs;
  }
  // Commas between names: each a name of two words or more, or the field is kept as written.
  if (chunks.every((chunk) => words(chunk).length >= 2)) return chunks.map(citedName);
  return [chunks.join(', ')];
}

/** Whether a name read from around " and " is a person's: "Family, Given" or two words or more. */
function isPersonPiece(piece: string): boolean {
  return piece.includes(',') || words(piece).length >= 2;
}

/** One part of the field (between semicolons) as the names it holds. */
function namesFromPart(part: string): string[] {
  if (ORGANISATION_WORDS.test(part)) return [part];
  const pieces = part.split(/\s*,?\s+(?:and|&)\s+/).filter((piece) => piece !== '');
  if (pieces.length > 1 && !pieces.every(isPersonPiece)) return [part];
  return pieces.flatMap(namesFromCommas);
}

/**
 * An author field → the names a citation lists, each "Family, Given" for a person or whole for an organisation or
 * a name this is not sure of; see the module's comment for the rules.
 */
export function authorsFromField(field: string): string[] {
  const text = flat(field).replace(/^by:?\s+/i, '');
  const authors: string[] = [];
  for (const part of text.split(';')) {
    const trimmed = flat(part);
    if (PLACEHOLDER_AUTHORS.has(trimmed.toLowerCase())) continue;
    for (const name of namesFromPart(trimmed)) {
      if (
        PLACEHOLDER_AUTHORS.has(name.toLowerCase()) ||
        name.length > MAX_NAME_LENGTH ||
        authors.includes(name)
      )
        continue;
      authors.push(name);
      if (authors.length === MAX_AUTHORS) return authors;
    }
  }
  return authors;
}
