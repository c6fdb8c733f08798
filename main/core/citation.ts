/**
 * Citation keys: the `@key` a Pandoc citation names a document by. A key is made from the first author's family
 * name (or, with no author, the container: the paper or site), the year and the first word of the title that is
 * not a little word, folded to plain lower-case letters and digits: "RT", 2009, "Miliband: bilateral differences…"
 * make `rt2009miliband`. Keys are unique in a notebook: a key already taken gets a letter after it (`…a`, `…b`).
 */
import { MAX_AUTHORS, MAX_CITATION_KEY_LENGTH, ParleyError, type ParleyDocument } from '../../shared/model';
import { MAX_NAME_LENGTH, MAX_URL_LENGTH } from '../../shared/limits';

/** Words a key skips in a title, as reference managers do. */
const LITTLE_WORDS = new Set([
  'a',
  'an',
  'and',
  'as',
  'at',
  'by',
  'for',
  'from',
  'in',
  'into',
  'of',
  'on',
  'or',
  'the',
  'to',
  'with',
]);

/** Letters and digits of `text`, accents taken off, lower case; other scripts kept as they are. */
function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** The family name of an author as a citation writes it: "Family, Given" → Family; "Name Without Comma" → whole. */
export function familyName(author: string): string {
  const comma = author.indexOf(',');
  return (comma >= 0 ? author.slice(0, comma) : author).trim();
}

/** What a key is made of for `doc`, before it is made unique: author or container, year, first title word. */
export function citationKeyBase(
  doc: Pick<ParleyDocument, 'authors' | 'source' | 'published' | 'title'>,
): string {
  const who = fold(doc.authors[0] ? familyName(doc.authors[0]) : doc.source) || 'anon';
  const year = /^\d{4}/.exec(doc.published)?.[0] ?? 'nd';
  const word =
    doc.title
      .split(/[\s\p{P}]+/u)
      .map(fold)
      .find((w) => w !== '' && !LITTLE_WORDS.has(w)) ?? '';
  return `${who}${year}${word}`.slice(0, MAX_CITATION_KEY_LENGTH - 3);
}

/** The letters a taken key is told apart by: a…z, then aa…zz. */
function suffix(n: number): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  return n < 26 ? letters[n]! : letters[Math.floor(n / 26) - 1]! + letters[n % 26]!;
}

/** `base`, or `base` with the first letter after it that makes it a key not in `taken`. */
export function uniqueCitationKey(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 0; n < 26 * 27; n++) {
    const key = `${base}${suffix(n)}`;
    if (!taken.has(key)) return key;
  }
  // Seven hundred documents of one author, year and title word: number them.
  for (let n = 1; ; n++) if (!taken.has(`${base}${n}`)) return `${base}${n}`;
}

/** The keys of every document but `exceptId`. */
export function citationKeysOf(docs: readonly ParleyDocument[], exceptId?: string): Set<string> {
  return new Set(docs.filter((doc) => doc.id !== exceptId && doc.citationKey).map((doc) => doc.citationKey));
}

const KEY_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}_\-:.]*$/u;

/**
 * Checks a key the user typed for document `docId`: its characters, its length, and that no other document has it.
 * Returns it trimmed; throws a ParleyError that says what is wrong.
 */
export function checkCitationKey(key: string, docs: readonly ParleyDocument[], docId: string): string {
  const trimmed = key.trim();
  if (trimmed === '') throw new ParleyError('A citation key cannot be empty.', 'invalid');
  if (trimmed.length > MAX_CITATION_KEY_LENGTH) {
    throw new ParleyError(
      `A citation key can be at most ${MAX_CITATION_KEY_LENGTH} characters long.`,
      'invalid',
    );
  }
  if (!KEY_PATTERN.test(trimmed)) {
    throw new ParleyError(
      `"${trimmed}" cannot be a citation key: use letters, digits and _ - : . only, starting with a letter or digit.`,
      'invalid',
    );
  }
  const other = docs.find((doc) => doc.id !== docId && doc.citationKey === trimmed);
  if (other) {
    throw new ParleyError(
      `The citation key "${trimmed}" is taken by "${other.title}": each document needs its own.`,
      'conflict',
    );
  }
  return trimmed;
}

/** The citation fields Edit details changes besides the title, container (source) and date. */
export interface CitationPatch {
  authors?: readonly string[];
  url?: string;
  pages?: string;
  citationKey?: string;
}

/**
 * Checks the citation fields the user edited for document `docId` and returns them as they are stored: authors
 * trimmed, blanks left out, each at most MAX_NAME_LENGTH long and at most MAX_AUTHORS of them; the web address and
 * pages trimmed (an address has no blanks inside); the key checked by checkCitationKey. Throws a ParleyError that
 * says what is wrong, before anything is changed. The key is not made again when the other fields change: a key
 * already used in a manuscript must not move under it ("Make from details" asks for a new one, see
 * suggestedCitationKey).
 */
export function checkCitationPatch(
  patch: CitationPatch,
  docs: readonly ParleyDocument[],
  docId: string,
): { authors?: string[]; url?: string; pages?: string; citationKey?: string } {
  const out: { authors?: string[]; url?: string; pages?: string; citationKey?: string } = {};
  if (patch.authors !== undefined) {
    const authors = patch.authors.map((a) => a.replace(/\s+/g, ' ').trim()).filter((a) => a !== '');
    if (authors.length > MAX_AUTHORS) {
      throw new ParleyError(`A document can list at most ${MAX_AUTHORS} authors.`, 'invalid');
    }
    const long = authors.find((a) => a.length > MAX_NAME_LENGTH);
    if (long !== undefined) {
      throw new ParleyError(
        `An author's name can be at most ${MAX_NAME_LENGTH} characters long: "${long.slice(0, 40)}…" is longer.`,
        'invalid',
      );
    }
    out.authors = authors;
  }
  if (patch.url !== undefined) {
    const url = patch.url.trim();
    if (url.length > MAX_URL_LENGTH) {
      throw new ParleyError(`A web address can be at most ${MAX_URL_LENGTH} characters long.`, 'invalid');
    }
    if (/\s/.test(url)) throw new ParleyError('A web address cannot contain spaces.', 'invalid');
    out.url = url;
  }
  if (patch.pages !== undefined) {
    const pages = patch.pages.replace(/\s+/g, ' ').trim();
    if (pages.length > MAX_NAME_LENGTH) {
      throw new ParleyError(`Pages can be at most ${MAX_NAME_LENGTH} characters long.`, 'invalid');
    }
    out.pages = pages;
  }
  if (patch.citationKey !== undefined) out.citationKey = checkCitationKey(patch.citationKey, docs, docId);
  return out;
}

/**
 * The key "Make from details" offers for document `docId` with these details (which may not be saved yet): made as
 * an import makes one, unique among the other documents' keys. The document's own key does not count as taken.
 */
export function suggestedCitationKey(
  details: Pick<ParleyDocument, 'authors' | 'source' | 'published' | 'title'>,
  docs: readonly ParleyDocument[],
  docId: string,
): string {
  return uniqueCitationKey(citationKeyBase(details), citationKeysOf(docs, docId));
}
