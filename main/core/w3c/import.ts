/**
 * The import: reads our own files and other tools' annotations of the same text (one annotation, an array, an
 * AnnotationPage or an AnnotationCollection), anchors each in its document (code points in the file, UTF-16 code
 * units in the notebook) and reports every annotation it cannot use, with why, instead of throwing. It does not
 * change the notebook: applyW3CImport (apply.ts) does.
 *
 * A target may carry its document's citation (`parley:document` with Dublin Core terms, see W3CDocument in
 * types.ts; other tools' files never do, and import as before). It is read and checked (a malformed one rejects
 * the annotation, saying what is wrong) and used to find the document when the target's source names none in this
 * notebook: a file exported from another notebook names documents by that notebook's ids, so the document is the
 * one whose citation key is the file's `dc:identifier`, else the one at its `dc:source` address. The citation comes
 * back with the annotations: applyW3CImport fills in the document's citation fields that are empty (authors, date,
 * where published, address, pages) and never rewrites one it has, which is the user's to edit in Edit details (a
 * file's details may be older than the notebook's); the title and the citation key are never taken from a file.
 */
import { z } from 'zod';
import {
  describeChange,
  describeRange,
  findQuote,
  toCodePointOffset,
  toUtf16Offset,
  type QuoteSearch,
  type WordChange,
} from '../anchoring';
import {
  LINK_TYPES,
  MAX_AUTHORS,
  MAX_CITATION_KEY_LENGTH,
  ParleyError,
  paragraphNumber,
  placeLabel,
  type Annotation,
  type AnnotationLink,
  type Notebook,
  type ParleyDocument,
  type Party,
  type TextTarget,
} from '../../../shared/model';
import {
  MAX_ALIASES,
  MAX_COLOUR_LENGTH,
  MAX_ID_LENGTH,
  MAX_LINK_TYPE_LENGTH,
  MAX_LINKS,
  MAX_NAME_LENGTH,
  MAX_SHORT_NAME_LENGTH,
  MAX_STANCE_LENGTH,
  MAX_TIME_LENGTH,
  MAX_TITLE_LENGTH,
  MAX_URL_LENGTH,
} from '../../../shared/limits';
import { ligaturesAsLetters } from '../characters';
import { listStances } from '../stances';
import { normalizeColour, normalizeTopicPath, topicPathKey } from '../topics';
import {
  ANNOTATION_URN_PREFIX,
  DC_NAMESPACE,
  DOCUMENT_URN_PREFIX,
  PARLEY_NAMESPACE,
  PARTY_PLACEHOLDER_PREFIX,
  PARTY_URN_PREFIX,
  TOPIC_PLACEHOLDER_PREFIX,
  type ImportedDocumentDetails,
  type W3CImportResult,
} from './types';

/** More errors than this are summarized in one closing line. */
const MAX_ERRORS = 100;

const oneOrMany = <T extends z.ZodType>(schema: T) => z.union([schema, z.array(schema)]);
const typeList = oneOrMany(z.string());

const AnnotationInput = z.looseObject({
  id: z.string().optional(),
  type: typeList,
  motivation: typeList.optional(),
  created: z.string().optional(),
  modified: z.string().optional(),
  body: oneOrMany(z.union([z.string(), z.looseObject({})])).optional(),
  target: oneOrMany(z.union([z.string(), z.looseObject({})])),
});

const BodyInput = z.looseObject({
  type: typeList.optional(),
  purpose: typeList.optional(),
  format: z.string().optional(),
  value: z.unknown().optional(),
});

/** A target: its source may be missing (other tools leave it out); the import then needs a document to use. */
const TargetInput = z.looseObject({
  source: z.union([z.string().min(1), z.looseObject({ id: z.string().min(1) })]).optional(),
  selector: oneOrMany(z.looseObject({ type: z.string() })).optional(),
});

/** A target's `parley:document`, its keys made compact (`dc:title`, `parley:pages`) first. */
const DocumentCitationInput = z.looseObject({
  id: z.string().optional(),
  'dc:title': z.string().max(MAX_TITLE_LENGTH).optional(),
  'dc:creator': z.array(z.string().max(MAX_NAME_LENGTH)).max(MAX_AUTHORS).optional(),
  'dc:issued': z.string().max(MAX_TIME_LENGTH).optional(),
  'dc:isPartOf': z.string().max(MAX_TITLE_LENGTH).optional(),
  'dc:identifier': z.string().max(MAX_CITATION_KEY_LENGTH).optional(),
  'dc:source': z.string().max(MAX_URL_LENGTH).optional(),
  'parley:pages': z.string().max(MAX_NAME_LENGTH).optional(),
});
type DocumentCitation = z.infer<typeof DocumentCitationInput>;

const PositionSelectorInput = z.looseObject({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});

const QuoteSelectorInput = z.looseObject({
  exact: z.string().min(1),
  prefix: z.string().optional(),
  suffix: z.string().optional(),
});

const PartyInput = z.object({
  id: z.string().optional(),
  name: z
    .string()
    .max(MAX_NAME_LENGTH)
    .refine((name) => name.trim() !== '', 'a party needs a name'),
  short: z.string().max(MAX_SHORT_NAME_LENGTH).optional(),
  colour: z.string().max(MAX_COLOUR_LENGTH).optional(),
  aliases: z.array(z.string().max(MAX_NAME_LENGTH)).max(MAX_ALIASES).optional(),
});

const LinkInput = z.object({
  linkType: z.string().min(1).max(MAX_LINK_TYPE_LENGTH),
  annotation: z.union([z.string().min(1), z.looseObject({ id: z.string().min(1) })]),
});

const CollectionPageInput = z.looseObject({
  items: z.array(z.unknown()),
  next: z.unknown().optional(),
});

/** Why a value failed a schema, in one short line: `target.selector.0.start: expected number, received string`. */
function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const where = issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : '';
  return `${where}${issue.message}`;
}

function list<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** An annotation that could not be used, with enough to find it in the file. */
class Rejection extends Error {}

export interface W3CImportOptions {
  /** Every annotation targets this document, whatever its source says. */
  documentId?: string;
  /** Annotations whose target names no source target this document (the app's open document). */
  defaultDocumentId?: string;
  /** What to tell the user to do about a target that names no source when there is no document to use. */
  noSourceAdvice?: string;
  /** What to tell the user to do about a target whose source is no document in the notebook. */
  unknownSourceAdvice?: string;
  now: Date;
}

interface Context {
  nb: Notebook;
  options: W3CImportOptions;
  /** Existing topics by `topicPathKey`: a tag names a topic whatever its case. */
  topicIdByKey: Map<string, string>;
  /** Missing topics by key, with the path as first written. */
  topicsToCreate: Map<string, string>;
  /** Missing parties by the key of their name. */
  partiesToCreate: Map<string, Omit<Party, 'id'>>;
  /** Missing stances by lowercased name, as first written. */
  stancesToCreate: Map<string, string>;
  seenIds: Set<string>;
  existingIds: Set<string>;
  /** Ids of the file's own annotations (`urn:uuid:` ones), which links may point to. */
  fileIds: Set<string>;
  /** The citation each target carried, by the id of the document it went to (the first one read). */
  documentDetails: Map<string, ImportedDocumentDetails>;
}

/** The items of whatever was given: one annotation, an array, an AnnotationPage or an AnnotationCollection. */
function itemsOf(json: unknown): { items: unknown[] } | { error: string } {
  if (Array.isArray(json)) return { items: json };
  if (typeof json !== 'object' || json === null) {
    return { error: 'Expected a W3C annotation, an array of them, or an AnnotationCollection.' };
  }
  const types = list((json as { type?: unknown }).type).filter((t): t is string => typeof t === 'string');
  if (types.includes('Annotation')) return { items: [json] };
  const pageOf = (page: unknown, what: string): { items: unknown[] } | { error: string } => {
    const parsed = CollectionPageInput.safeParse(page);
    if (!parsed.success) {
      return { error: `The ${what} has no list of annotations (items): ${describeIssue(parsed.error)}` };
    }
    if (parsed.data.next !== undefined && parsed.data.next !== null) {
      return { error: `The ${what} continues on further pages (next), which are not in this file.` };
    }
    return { items: parsed.data.items };
  };
  if (types.includes('AnnotationCollection')) {
    const collection = json as { items?: unknown; first?: unknown };
    if (collection.items !== undefined) return pageOf(collection, 'collection');
    if (typeof collection.first === 'string') {
      return {
        error: 'The collection’s first page is only a link (first); its annotations are not in this file.',
      };
    }
    return pageOf(collection.first, 'collection’s first page');
  }
  if (types.includes('AnnotationPage')) return pageOf(json, 'page');
  return {
    error:
      'Expected a W3C annotation, an array of them, or an AnnotationCollection; its "type" is none of these.',
  };
}

/**
 * The target's `parley:document`, checked; null when it has none. Keys may be compact (`dc:title`), full IRIs
 * (`http://purl.org/dc/terms/title`) or under a `dcterms:` prefix; a list may come as JSON-LD's `{"@list": […]}`
 * and a single creator as a string.
 */
function readCitation(target: Record<string, unknown>): DocumentCitation | null {
  const raw = extension(target, 'document');
  if (raw === undefined || raw === null) return null;
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new Rejection('parley:document is not an object');
  const compact: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const name = key.startsWith(DC_NAMESPACE)
      ? `dc:${key.slice(DC_NAMESPACE.length)}`
      : key.startsWith('dcterms:')
        ? `dc:${key.slice('dcterms:'.length)}`
        : key.startsWith(PARLEY_NAMESPACE)
          ? `parley:${key.slice(PARLEY_NAMESPACE.length)}`
          : key === '@id'
            ? 'id'
            : key;
    let plain = value;
    if (typeof plain === 'object' && plain !== null && '@list' in plain)
      plain = (plain as { '@list': unknown })['@list'];
    if (name === 'dc:creator' && typeof plain === 'string') plain = [plain];
    compact[name] = plain;
  }
  const parsed = DocumentCitationInput.safeParse(compact);
  if (!parsed.success) throw new Rejection(`parley:document: ${describeIssue(parsed.error)}`);
  return parsed.data;
}

/** The document a target's citation names: by citation key, else by web address; null when none or several. */
function documentByCitation(nb: Notebook, citation: DocumentCitation | null): ParleyDocument | null {
  if (!citation) return null;
  const key = citation['dc:identifier']?.trim();
  if (key) {
    const byKey = nb.documents.find((d) => d.citationKey === key);
    if (byKey) return byKey;
  }
  const url = citation['dc:source']?.trim();
  if (url) {
    const byUrl = nb.documents.filter((d) => d.url.trim() === url);
    if (byUrl.length === 1) return byUrl[0]!;
  }
  return null;
}

/** The fields of a target's citation an import may fill in on its document (title and key are never touched). */
function detailsOf(citation: DocumentCitation): ImportedDocumentDetails {
  const details: ImportedDocumentDetails = {};
  const authors = (citation['dc:creator'] ?? [])
    .map((name) => name.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  if (authors.length > 0) details.authors = authors;
  const published = citation['dc:issued']?.trim();
  if (published && /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2})?$/.test(published)) details.published = published;
  const source = citation['dc:isPartOf']?.trim();
  if (source) details.source = source;
  const url = citation['dc:source']?.trim();
  if (url && /^https?:\/\//i.test(url)) details.url = url;
  const pages = citation['parley:pages']?.trim();
  if (pages) details.pages = pages;
  return details;
}

function resolveDocument(
  ctx: Context,
  target: z.infer<typeof TargetInput>,
  citation: DocumentCitation | null = null,
): ParleyDocument {
  const { nb, options } = ctx;
  const chosen = options.documentId ?? (target.source === undefined ? options.defaultDocumentId : undefined);
  if (chosen !== undefined) {
    const doc = nb.documents.find((d) => d.id === chosen);
    if (!doc) throw new Rejection(`there is no document ${chosen} in this notebook`);
    return doc;
  }
  if (target.source === undefined) {
    throw new Rejection(
      `its target names no source document; ${options.noSourceAdvice ?? 'choose the document to import it into'}`,
    );
  }
  const source = typeof target.source === 'string' ? target.source : target.source.id;
  if (source.startsWith(DOCUMENT_URN_PREFIX)) {
    const id = source.slice(DOCUMENT_URN_PREFIX.length);
    const doc = nb.documents.find((d) => d.id === id) ?? documentByCitation(nb, citation);
    if (!doc) throw new Rejection(`it targets document ${id}, which is not in this notebook`);
    return doc;
  }
  const byUrl = nb.documents.filter((d) => d.url.trim() !== '' && d.url.trim() === source.trim());
  if (byUrl.length === 1) return byUrl[0]!;
  if (byUrl.length > 1)
    throw new Rejection(`several documents have the address ${shorten(source)}; choose one`);
  const cited = documentByCitation(nb, citation);
  if (cited) return cited;
  throw new Rejection(
    `it targets ${shorten(source)}, which is no document in this notebook; ` +
      (options.unknownSourceAdvice ?? 'choose the document to import into'),
  );
}

/** Where the selectors put the passage in `doc.text`, in UTF-16 code units, with its quote and context. */
function anchor(doc: ParleyDocument, selectors: { type: string }[]): TextTarget {
  const text = doc.text;
  let position: { start: number; end: number } | undefined;
  let quote: z.infer<typeof QuoteSelectorInput> | undefined;
  selectors.forEach((selector, i) => {
    if (selector.type === 'TextPositionSelector' && position === undefined) {
      const parsed = PositionSelectorInput.safeParse(selector);
      if (!parsed.success) throw new Rejection(`selector ${i}: ${describeIssue(parsed.error)}`);
      if (parsed.data.end < parsed.data.start) throw new Rejection(`selector ${i}: end comes before start`);
      position = parsed.data;
    } else if (selector.type === 'TextQuoteSelector' && quote === undefined) {
      const parsed = QuoteSelectorInput.safeParse(selector);
      if (!parsed.success) throw new Rejection(`selector ${i}: ${describeIssue(parsed.error)}`);
      quote = parsed.data;
    }
  });
  if (!position && !quote) {
    throw new Rejection('it has neither a TextPositionSelector nor a TextQuoteSelector to anchor it');
  }

  const length = toCodePointOffset(text, text.length);
  let start: number | undefined;
  let end: number | undefined;
  if (position && position.end <= length) {
    start = toUtf16Offset(text, position.start);
    end = toUtf16Offset(text, position.end);
  }
  if (!quote) {
    if (start === undefined || end === undefined) {
      throw new Rejection(
        `its position ${position!.start}–${position!.end} lies beyond the document's end (${length})`,
      );
    }
    if (start === end) throw new Rejection('its position selects no text');
    return describeRange(text, start, end);
  }
  const { exact, prefix, suffix } = quote;
  if (start !== undefined && end !== undefined && text.slice(start, end) === exact) {
    const fresh = describeRange(text, start, end);
    // The file's own context is kept when the text around the passage still reads that way, so a round trip
    // through the export gives back exactly what was stored.
    return {
      start,
      end,
      exact,
      prefix: prefix !== undefined && text.slice(0, start).endsWith(prefix) ? prefix : fresh.prefix,
      suffix: suffix !== undefined && text.slice(end).startsWith(suffix) ? suffix : fresh.suffix,
    };
  }
  const hint = position ? toUtf16Offset(text, Math.min(position.start, length)) : undefined;
  const asPrinted = findAsPrinted(text, quote);
  if (asPrinted) return describeRange(text, asPrinted.start, asPrinted.end);
  const found = findQuote(
    text,
    {
      exact,
      ...(prefix !== undefined ? { prefix } : {}),
      ...(suffix !== undefined ? { suffix } : {}),
      ...(hint !== undefined ? { start: hint } : {}),
    },
    { explain: true },
  );
  if (!found.found) throw new Rejection(whyNotFound(doc, exact, found));
  return describeRange(text, found.start, found.end);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The ways a quote taken from a printed page (another tool's, over a PDF's lines) may read in the document's text,
 * tried in this order: as it is; with a word broken by a hyphen at a line's end joined ("nego-\ntiations" or
 * "nego- tiations" → "negotiations", as Parley's PDF reader joins it); with the hyphen kept ("well-\nknown" →
 * "well-known"); and with a hyphen inside a word dropped ("nego-tiations", a line break the tool took out). Every
 * reading has its ligatures as letters and its soft hyphens gone. Only a quote with a line break, a hyphen between
 * letters, a soft hyphen or a ligature has any.
 */
function printedReadings(exact: string): string[] {
  if (!/[\n\r\u00ad\ufb00-\ufb06]|\p{L}-\s*\p{L}/u.test(exact)) return [];
  const plain = withLetters(exact);
  return [
    ...new Set([
      plain,
      plain.replace(LINE_END_HYPHEN, '$1'),
      plain.replace(LINE_END_HYPHEN, '$1-'),
      plain.replace(/(\p{L})-(?=\p{Ll})/gu, '$1'),
    ]),
  ];
}

/** A hyphen at a line's end (or before a space) between a letter and a lower-case one. */
const LINE_END_HYPHEN = /(\p{L})-[ \t]*(?:\r?\n\s*|[ \t]+)(?=\p{Ll})/gu;

/** Ligatures as letters, soft hyphens (and the line breaks after them) gone. */
function withLetters(text: string): string {
  return ligaturesAsLetters(text).replace(/\u00ad[ \t]*(\r?\n[ \t]*)?/g, '');
}

/** Text with its runs of spaces and line breaks made one space, for comparing context across line breaks. */
function squeezed(text: string): string {
  return text.replace(/\s+/gu, ' ');
}

/**
 * A quote from a printed page found in the text as Parley reads that page (see printedReadings), any run of spaces
 * and line breaks in it standing for any run in the text. Found where a reading is in exactly one place, or in
 * several of which exactly one has the quote's own prefix and suffix (read the same way) beside it; else null, and
 * the usual search explains why.
 */
function findAsPrinted(
  text: string,
  quote: { exact: string; prefix?: string | undefined; suffix?: string | undefined },
): { start: number; end: number } | null {
  const context = (part: string | undefined) =>
    part === undefined ? '' : squeezed(withLetters(part).replace(LINE_END_HYPHEN, '$1')).trim();
  const prefix = context(quote.prefix);
  const suffix = context(quote.suffix);
  for (const reading of printedReadings(quote.exact)) {
    const words = reading.trim().split(/\s+/u).filter(Boolean);
    if (words.length === 0) continue;
    const pattern = new RegExp(words.map(escapeRegExp).join('\\s+'), 'gu');
    const places = [...text.matchAll(pattern)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
    if (places.length === 1) return places[0]!;
    const fitting = places.filter(
      (place) =>
        squeezed(text.slice(Math.max(0, place.start - prefix.length - 64), place.start))
          .trimEnd()
          .endsWith(prefix) &&
        squeezed(text.slice(place.end, place.end + suffix.length + 64))
          .trimStart()
          .startsWith(suffix),
    );
    if (fitting.length === 1 && (prefix !== '' || suffix !== '')) return fitting[0]!;
  }
  return null;
}

/** Where the selectors say how to tell the right passage from the rest, for the advice in a refusal. */
const SELECTORS = 'its prefix and suffix (TextQuoteSelector) or its place (TextPositionSelector)';
const MOST_PLACES_NAMED = 6;

/** What a refused close match changed, in words. */
const CHANGED: Record<WordChange['kind'], string> = {
  number: 'a number differs',
  name: 'a name differs',
  negation: 'a negation differs',
  words: 'more than one word in ten differs',
};

/** Why a quote was not anchored, with the closest passage and how alike it is, and what to do about it. */
function whyNotFound(doc: ParleyDocument, exact: string, search: QuoteSearch & { found: false }): string {
  // On a page in a document read from pages (`on p. 4`), else in a paragraph (`in ¶4`).
  const where = (offset: number) => {
    const place = placeLabel(doc, offset);
    return place.startsWith('p') ? `on ${place}` : `in ${place}`;
  };
  if (search.reason === 'ambiguous') {
    // Each paragraph once, with how many of the places are in it.
    const counts = new Map<number, number>();
    for (const place of search.places) {
      const number = paragraphNumber(doc, place.start);
      counts.set(number, (counts.get(number) ?? 0) + 1);
    }
    const named = [...counts]
      .slice(0, MOST_PLACES_NAMED)
      .map(([number, n]) => (n === 1 ? '' : n === 2 ? 'twice in ' : `${n} times in `) + `¶${number}`);
    const more = counts.size > MOST_PLACES_NAMED ? ', …' : '';
    return (
      `its quote “${shorten(exact)}” fits ${search.places.length} places equally well ` +
      `(${named.join(', ')}${more}); give ${SELECTORS} to say which`
    );
  }
  const { closest } = search;
  // Where the passage and the quote read the same as far as shown, both are shown where they differ.
  const [quoteShown, passageShown] = closest
    ? shownApart(exact, doc.text.slice(closest.start, closest.end))
    : [shorten(exact), ''];
  const quote = `its quote “${quoteShown}”`;
  const absent = `${quote} is not in “${shorten(doc.title || doc.id, 100)}”`;
  const fix = `Correct the quote to read as the text does, or give ${SELECTORS}`;
  if (closest === null) {
    return `${absent}, and no passage there is even half alike; check that this is the document it was made on`;
  }
  const passage = `“${passageShown}”`;
  const alike = `${Math.floor(closest.similarity * 100)}% alike`;
  if (search.change) {
    return (
      `${absent}; the passage ${where(closest.start)}, ${passage}, ${describeChange(search.change)}: ` +
      `${CHANGED[search.change.kind]}, which a close match may not change. Correct the quote to read as the ` +
      `text does`
    );
  }
  if (search.caseOnly) {
    return `${absent}; it differs only in letter case from the passage ${where(closest.start)}, ${passage}. ${fix}`;
  }
  if (search.reason === 'weak' && closest.similarity === 1) {
    return (
      `${quote} is ${where(closest.start)}, ${passage}, but the text around it does not read as its prefix and ` +
      `suffix say, and the quote is too short to vouch for the place alone; check its prefix and suffix, or give ` +
      `its place (TextPositionSelector)`
    );
  }
  if (search.reason === 'weak') {
    return (
      `${absent}; the closest passage, ${where(closest.start)}, is ${passage} (${alike}), too unlike it for ` +
      `what its position and context attest. ${fix}`
    );
  }
  return `${absent}; the closest passage, ${where(closest.start)}, is ${passage} (${alike}). ${fix}`;
}

/** Characters shown before the first difference when the window moves there (see shownApart). */
const BEFORE_DIFFERENCE = 24;

/**
 * A quote and a passage as shown in a message: shortened alike, unless they differ only past what that shows;
 * then each is shown from a little before the first difference ("…independent prosecutin authorities").
 */
function shownApart(quote: string, passage: string, most = 60): [string, string] {
  const a = quote.replace(/\s+/g, ' ').trim();
  const b = passage.replace(/\s+/g, ' ').trim();
  let first = 0;
  while (first < a.length && first < b.length && a[first] === b[first]) first++;
  if (first < most - 3 || a === b) return [shorten(a, most), shorten(b, most)];
  let from = first - BEFORE_DIFFERENCE;
  // From the start of a word, when one starts shortly before.
  const space = a.lastIndexOf(' ', from);
  if (space !== -1 && from - space < 12) from = space + 1;
  const window = (text: string) => {
    const rest = text.slice(from);
    return `…${rest.length > most - 2 ? `${rest.slice(0, most - 3)}…` : rest}`;
  };
  return [window(a), window(b)];
}

function shorten(text: string, most = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > most ? `${flat.slice(0, most - 3)}…` : flat;
}

function timestamp(value: string | undefined, field: string, fallback: string): string {
  if (value === undefined) return fallback;
  if (value.length === 0 || value.length > MAX_TIME_LENGTH || Number.isNaN(Date.parse(value))) {
    throw new Rejection(`${field} is not a date and time: ${shorten(value)}`);
  }
  return value;
}

function readBodies(
  ctx: Context,
  bodies: unknown[],
  motivations: string[],
): { topicIds: string[]; note: string } {
  const topicIds: string[] = [];
  const notes: string[] = [];
  bodies.forEach((raw, i) => {
    // A body that is only a link names some other resource: nothing Parley can keep.
    if (typeof raw === 'string') return;
    const parsed = BodyInput.safeParse(raw);
    if (!parsed.success) throw new Rejection(`body ${i}: ${describeIssue(parsed.error)}`);
    const body = parsed.data;
    const types = list(body.type);
    const textual = types.includes('TextualBody') || (types.length === 0 && body.value !== undefined);
    if (!textual) return;
    if (typeof body.value !== 'string') throw new Rejection(`body ${i}: a TextualBody needs a text value`);
    const purposes = body.purpose === undefined ? motivations : list(body.purpose);
    if (purposes.includes('tagging')) {
      let path: string;
      try {
        path = normalizeTopicPath(body.value);
      } catch (error) {
        if (error instanceof ParleyError)
          throw new Rejection(`body ${i}: ${error.message.replace(/\.$/, '')}`);
        throw error;
      }
      const key = topicPathKey(path);
      let id = ctx.topicIdByKey.get(key);
      if (id === undefined) {
        const pending = ctx.topicsToCreate.get(key) ?? path;
        ctx.topicsToCreate.set(key, pending);
        id = TOPIC_PLACEHOLDER_PREFIX + pending;
      }
      if (!topicIds.includes(id)) topicIds.push(id);
    } else if (body.purpose === undefined || purposes.includes('commenting')) {
      if (body.format !== undefined && !body.format.startsWith('text/')) {
        throw new Rejection(`body ${i}: a note in ${body.format} cannot be kept; Parley notes are Markdown`);
      }
      notes.push(body.value);
    }
  });
  return { topicIds, note: notes.join('\n\n') };
}

/** One spelling of a name: NFC, single spaces, no space at either end. */
function tidy(value: string): string {
  return value.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** The key two names share when they name the same party, as parties.ts matches them. */
export function nameKey(value: string): string {
  return tidy(value).replace(/[’‘]/g, "'").toLowerCase();
}

/** A Parley extension property, written compact (`parley:stance`) or as a full IRI (`urn:parley:ns:stance`). */
function extension(node: Record<string, unknown>, name: string): unknown {
  return node[`parley:${name}`] ?? node[PARLEY_NAMESPACE + name];
}

/** The notebook party the file's party is, or a placeholder for one to create. */
function readParty(ctx: Context, raw: unknown): string | null {
  if (raw === undefined || raw === null) return null;
  const node: Record<string, unknown> =
    typeof raw === 'string'
      ? { 'parley:name': raw }
      : typeof raw === 'object'
        ? (raw as Record<string, unknown>)
        : {};
  const parsed = PartyInput.safeParse({
    id: node.id ?? node['@id'],
    name: extension(node, 'name'),
    short: extension(node, 'short'),
    colour: extension(node, 'colour'),
    aliases: extension(node, 'aliases'),
  });
  if (!parsed.success) throw new Rejection(`parley:party: ${describeIssue(parsed.error)}`);
  const input = parsed.data;
  const colour = input.colour?.trim() ?? '';
  if (colour !== '') {
    try {
      normalizeColour(colour);
    } catch {
      throw new Rejection(`parley:party: "${shorten(colour)}" is not a colour`);
    }
  }
  if (input.id?.startsWith(PARTY_URN_PREFIX)) {
    const own = ctx.nb.parties.find((p) => p.id === input.id!.slice(PARTY_URN_PREFIX.length));
    if (own) return own.id;
  }
  const key = nameKey(input.name);
  const named =
    ctx.nb.parties.find((p) => nameKey(p.name) === key) ??
    ctx.nb.parties.find((p) => [p.short, ...p.aliases].some((n) => n.trim() !== '' && nameKey(n) === key));
  if (named) return named.id;
  let pending = ctx.partiesToCreate.get(key);
  if (pending === undefined) {
    pending = { name: input.name, short: input.short ?? '', colour, aliases: input.aliases ?? [] };
    ctx.partiesToCreate.set(key, pending);
  }
  return PARTY_PLACEHOLDER_PREFIX + pending.name;
}

/** The stance as the notebook spells it; one it lacks is noted to be added. */
function readStance(ctx: Context, raw: unknown): string | null {
  if (raw === undefined || raw === null) return null;
  if (typeof raw !== 'string') throw new Rejection('parley:stance is not text');
  const stance = tidy(raw);
  if (stance === '') return null;
  if (stance.length > MAX_STANCE_LENGTH) {
    throw new Rejection(`parley:stance is longer than ${MAX_STANCE_LENGTH} characters`);
  }
  const key = stance.toLowerCase();
  const known = listStances(ctx.nb).find((s) => s.toLowerCase() === key);
  if (known !== undefined) return known;
  const pending = ctx.stancesToCreate.get(key) ?? stance;
  ctx.stancesToCreate.set(key, pending);
  return pending;
}

/**
 * A link type as other writers spell it ("concedes to", "Agrees_With") read as Parley's own; a type Parley does not
 * know (a newer Parley's) is kept as written, and the exports show it by its name.
 */
function linkTypeOf(written: string): string {
  const key = written
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  return Object.hasOwn(LINK_TYPES, key) ? key : written.trim();
}

/** Links to annotations in this file or already in the notebook; any other target is refused. */
function readLinks(ctx: Context, raw: unknown): AnnotationLink[] {
  if (raw === undefined || raw === null) return [];
  const items = Array.isArray(raw) ? raw : [raw];
  if (items.length > MAX_LINKS) throw new Rejection(`it has more than ${MAX_LINKS} links`);
  return items.map((item, i): AnnotationLink => {
    const node = typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : {};
    const parsed = LinkInput.safeParse({
      linkType: extension(node, 'linkType'),
      annotation: extension(node, 'annotation'),
    });
    if (!parsed.success) throw new Rejection(`parley:links ${i}: ${describeIssue(parsed.error)}`);
    const { linkType: written, annotation } = parsed.data;
    const linkType = linkTypeOf(written);
    const target = typeof annotation === 'string' ? annotation : annotation.id;
    const id = target.toLowerCase().startsWith(ANNOTATION_URN_PREFIX)
      ? target.slice(ANNOTATION_URN_PREFIX.length)
      : '';
    if (id === '' || !(ctx.fileIds.has(id) || ctx.existingIds.has(id))) {
      throw new Rejection(
        `its link (${shorten(linkType)}) points to ${shorten(target)}, which is neither in this file nor in this notebook`,
      );
    }
    return { type: linkType, annotationId: id };
  });
}

function readAnnotation(ctx: Context, raw: unknown): Annotation {
  const parsed = AnnotationInput.safeParse(raw);
  if (!parsed.success) throw new Rejection(`not a W3C annotation (${describeIssue(parsed.error)})`);
  const input = parsed.data;
  if (!list(input.type).includes('Annotation')) throw new Rejection('its type is not "Annotation"');

  let id: string = crypto.randomUUID();
  if (input.id !== undefined && input.id.toLowerCase().startsWith(ANNOTATION_URN_PREFIX)) {
    const own = input.id.slice(ANNOTATION_URN_PREFIX.length);
    if (own.length === 0 || own.length > MAX_ID_LENGTH) {
      throw new Rejection('its id is not a usable urn:uuid');
    }
    id = own;
  }
  if (ctx.existingIds.has(id)) throw new Rejection('it is already in this notebook');
  if (ctx.seenIds.has(id)) throw new Rejection('the file holds it twice');

  const targets = list(input.target);
  if (targets.length !== 1)
    throw new Rejection(`it has ${targets.length} targets; a highlight has exactly one`);
  const target = TargetInput.safeParse(targets[0]);
  if (!target.success) {
    throw new Rejection(
      typeof targets[0] === 'string'
        ? `its target is a whole resource (${shorten(targets[0])}), with no selector to find the passage by`
        : `target: ${describeIssue(target.error)}`,
    );
  }
  const citation = readCitation(target.data);
  const doc = resolveDocument(ctx, target.data, citation);
  if (citation && !ctx.documentDetails.has(doc.id)) ctx.documentDetails.set(doc.id, detailsOf(citation));
  const textTarget = anchor(doc, list(target.data.selector));
  const { topicIds, note } = readBodies(ctx, list(input.body), list(input.motivation));
  const partyId = readParty(ctx, extension(input, 'party'));
  const stance = readStance(ctx, extension(input, 'stance'));
  const links = readLinks(ctx, extension(input, 'links'));
  const now = ctx.options.now.toISOString();
  const createdAt = timestamp(input.created, 'created', now);
  const updatedAt = timestamp(input.modified, 'modified', createdAt);
  ctx.seenIds.add(id);
  return {
    id,
    documentId: doc.id,
    target: textTarget,
    topicIds,
    partyId,
    stance,
    note,
    links,
    createdAt,
    updatedAt,
  };
}

/**
 * Parses one annotation, an array, or an AnnotationCollection (items or first.items). Targets: `source` is
 * `urn:parley:document:<id>` (what exportW3C writes), a document's web address, or anything when
 * `options.documentId` is given (then all target that document). Selectors: TextPositionSelector and
 * TextQuoteSelector (the position is checked against the quote; if the quote is not there, `locate` finds it);
 * a quote alone is found with `locate`; a position alone is taken as it is. Bodies: TextualBody with purpose
 * `tagging` → topic by path (unknown paths are returned in topicsToCreate and referred to as `path:<path>`);
 * purpose `commenting` (or none) → note. Parley's extension properties (see types.ts): `parley:party`
 * → the notebook party with that id, else the one that answers to its name (name, short name or alias), else one
 * in partiesToCreate referred to as `party:<name>`; `parley:stance` → the notebook's spelling of it, or one in
 * stancesToCreate; `parley:links` → links, each to an annotation in this file or in the notebook. Anything
 * unanchorable, malformed, naming an unknown document or linking to an unknown annotation → an error string naming
 * the annotation's index and id; the caller writes nothing unless errors is empty. Does not mutate nb. A JSON
 * string is parsed first.
 */
export function importW3C(nb: Notebook, json: unknown, options: W3CImportOptions): W3CImportResult {
  if (typeof json === 'string') {
    try {
      json = JSON.parse(json) as unknown;
    } catch (error) {
      return failed(`Not JSON: ${(error as Error).message}`);
    }
  }
  const items = itemsOf(json);
  if ('error' in items) return failed(items.error);

  const ctx: Context = {
    nb,
    options,
    topicIdByKey: topicsByKey(nb),
    topicsToCreate: new Map(),
    partiesToCreate: new Map(),
    stancesToCreate: new Map(),
    seenIds: new Set(),
    existingIds: new Set(nb.annotations.map((a) => a.id)),
    fileIds: new Set(),
    documentDetails: new Map(),
  };
  for (const raw of items.items) {
    const rawId = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
    if (typeof rawId === 'string' && rawId.toLowerCase().startsWith(ANNOTATION_URN_PREFIX)) {
      ctx.fileIds.add(rawId.slice(ANNOTATION_URN_PREFIX.length));
    }
  }
  const annotations: Annotation[] = [];
  const errors: string[] = [];
  items.items.forEach((raw, index) => {
    try {
      annotations.push(readAnnotation(ctx, raw));
    } catch (error) {
      // Anchoring refuses impossible ranges with ParleyError or RangeError: still this annotation's fault.
      if (!(error instanceof Rejection || error instanceof ParleyError || error instanceof RangeError))
        throw error;
      const rawId = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
      const named = typeof rawId === 'string' ? ` (${shorten(rawId)})` : '';
      errors.push(`Annotation ${index + 1}${named}: ${error.message.replace(/\.$/, '')}.`);
    }
  });
  if (items.items.length === 0) errors.push('The file holds no annotations.');
  if (errors.length > MAX_ERRORS) {
    const more = errors.length - MAX_ERRORS;
    errors.splice(MAX_ERRORS, more, `… and ${more} more.`);
  }
  return {
    annotations,
    topicsToCreate: [...ctx.topicsToCreate.values()],
    partiesToCreate: [...ctx.partiesToCreate.values()],
    stancesToCreate: [...ctx.stancesToCreate.values()],
    errors,
    documentDetails: Object.fromEntries(ctx.documentDetails),
  };
}

function failed(error: string): W3CImportResult {
  return { annotations: [], topicsToCreate: [], partiesToCreate: [], stancesToCreate: [], errors: [error] };
}

export function topicsByKey(nb: Notebook): Map<string, string> {
  const byKey = new Map<string, string>();
  for (const topic of nb.topics) {
    byKey.set(topicPathKey(topic.path), topic.id);
    try {
      const key = topicPathKey(normalizeTopicPath(topic.path));
      if (!byKey.has(key)) byKey.set(key, topic.id);
    } catch {
      // A stored path the codebook would no longer accept is still matched as it is spelled.
    }
  }
  return byKey;
}
