/**
 * What a researcher does to a notebook — import a document, edit its details, create topics, highlight and annotate
 * passages — as operations on the Notebook object itself. Each one checks everything before it changes anything,
 * so a refused call leaves the notebook exactly as it was; its error says why in words a user can act on.
 */
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { countAnnotations } from './annotation-counts';
import {
  checkCitationPatch,
  citationKeyBase,
  citationKeysOf,
  uniqueCitationKey,
  type CitationPatch,
} from './citation';
import { describeRange, locate, splitsSurrogatePair } from './anchoring';
import { importPlainText, parseDateLine, type DocumentDraft } from './import-text';
import {
  AnnotationSchema,
  DocumentSchema,
  copyBlock,
  copyMark,
  ParleyError,
  TopicSchema,
  type Annotation,
  type DocumentSummary,
  type Notebook,
  type OpenedDocument,
  type ParleyDocument,
  type Topic,
} from '../../shared/model';
import { handOnIndex, linkIndex, plainAnnotations } from './links';
import { addSampleParties } from './parties';
import { resolveStance } from './stances';
import { MAX_TITLE_LENGTH } from '../../shared/limits';
import {
  compareTopicPaths,
  normalizeColour,
  normalizeTopicPath,
  pickTopicColour,
  topicPathKey,
} from './topics';

function notFound(what: string, id: string): ParleyError {
  return new ParleyError(`There is no ${what} with id "${id.slice(0, 100)}" in this notebook.`, 'not-found');
}

function invalid(message: string): ParleyError {
  return new ParleyError(message, 'invalid');
}

/** The first zod issue as a sentence, for values built here that the schema still refuses. */
function check<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` (${issue.path.map(String).join('.')})` : '';
  throw invalid(`The ${what} cannot be saved${where}: ${issue?.message ?? 'it is not valid'}.`);
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function findDocument(nb: Notebook, id: string): ParleyDocument | undefined {
  return nb.documents.find((doc) => doc.id === id);
}

function findAnnotation(nb: Notebook, id: string): Annotation | undefined {
  return nb.annotations.find((annotation) => annotation.id === id);
}

/** Unknown ids are refused; repeated ids are kept once, in their first place. */
function checkTopicIds(nb: Notebook, topicIds: readonly string[]): string[] {
  const known = new Set(nb.topics.map((topic) => topic.id));
  const unknown = topicIds.find((id) => !known.has(id));
  if (unknown !== undefined) throw notFound('topic', unknown);
  return [...new Set(topicIds)];
}

/** null (or absent) for no party; otherwise a party of this notebook. */
function checkPartyId(nb: Notebook, partyId: string | null | undefined): string | null {
  if (partyId === undefined || partyId === null) return null;
  if (!nb.parties.some((party) => party.id === partyId)) throw notFound('party', partyId);
  return partyId;
}

function checkNote(note: unknown): string {
  if (typeof note !== 'string') throw invalid('A note must be text.');
  return note;
}

function summarize(doc: ParleyDocument, annotationCount: number): DocumentSummary {
  return {
    id: doc.id,
    title: doc.title,
    source: doc.source,
    published: doc.published,
    format: doc.format,
    importedAt: doc.importedAt,
    openedAt: doc.openedAt,
    annotationCount,
    version: doc.version,
  };
}

/** The paragraphs of a draft must lie in order inside its text; `what` names it in the refusal. */
export function checkBlocks(draft: DocumentDraft, what = 'The document'): void {
  let previousEnd = 0;
  for (const block of draft.blocks) {
    if (
      !Number.isInteger(block.start) ||
      !Number.isInteger(block.end) ||
      block.start < previousEnd ||
      block.end <= block.start ||
      block.end > draft.text.length
    ) {
      throw invalid(`${what} cannot be saved: its paragraphs do not match its text.`);
    }
    previousEnd = block.end;
  }
}

/** A publication date as the notebook stores it: empty, or any date the importer reads, as `YYYY-MM-DD[THH:MM]`. */
function normalizePublished(value: string): string {
  const trimmed = value.trim();
  if (trimmed === '') return '';
  const date = parseDateLine(trimmed);
  if (date === null) {
    throw invalid(
      `"${trimmed.slice(0, 60)}" is not a date Parley can read: write it as YYYY-MM-DD, for example 2009-11-02.`,
    );
  }
  return date;
}

// ---------------------------------------------------------------------------------------------------------------
// Documents

/** Adds an imported document with a fresh id, its import time and the SHA-256 of its text. */
export function addDocument(nb: Notebook, draft: DocumentDraft, now: Date): ParleyDocument {
  if (typeof draft.text !== 'string' || draft.text.trim() === '') {
    throw invalid('The document has no text to read, so it was not added.');
  }
  checkBlocks(draft);
  const title = draft.title.replace(/\s+/g, ' ').trim() || 'Untitled';
  if (title.length > MAX_TITLE_LENGTH) {
    throw invalid(`A title can be at most ${MAX_TITLE_LENGTH} characters long.`);
  }
  const doc = check<ParleyDocument>(
    DocumentSchema,
    {
      id: crypto.randomUUID(),
      title,
      source: draft.source.trim(),
      published: normalizePublished(draft.published),
      url: draft.url.trim(),
      importedAt: now.toISOString(),
      format: draft.format,
      text: draft.text,
      blocks: draft.blocks.map(copyBlock),
      contentHash: sha256(draft.text),
      note: '',
      byline: (draft.byline ?? '').trim(),
      marks: (draft.marks ?? []).map(copyMark),
      openedAt: '',
      authors: (draft.authors ?? []).map((name) => name.replace(/\s+/g, ' ').trim()).filter(Boolean),
      pages: '',
      citationKey: '',
      ...(draft.file ? { file: { ...draft.file } } : {}),
      ...(draft.pageStarts ? { pageStarts: [...draft.pageStarts] } : {}),
      version: 1,
    },
    'document',
  );
  doc.citationKey = uniqueCitationKey(citationKeyBase(doc), citationKeysOf(nb.documents));
  nb.documents.push(doc);
  return doc;
}

/** Adds several documents as one step: if any draft is refused, none of them stays in the notebook. */
export function addDocuments(nb: Notebook, drafts: readonly DocumentDraft[], now: Date): ParleyDocument[] {
  const before = nb.documents.length;
  try {
    return drafts.map((draft) => addDocument(nb, draft, now));
  } catch (error) {
    nb.documents.length = before;
    throw error;
  }
}

/** The library: every document without its text, in the order they were imported. */
export function listDocuments(nb: Notebook): DocumentSummary[] {
  const counts = countAnnotations(nb.annotations).documents;
  return nb.documents.map((doc) => summarize(doc, counts.get(doc.id) ?? 0));
}

export function getDocument(nb: Notebook, id: string): ParleyDocument {
  const doc = findDocument(nb, id);
  if (!doc) throw notFound('document', id);
  return doc;
}

/**
 * The document with its annotations (sorted by position) and the ids of those whose quote no longer matches.
 * A highlight whose quote has moved but is found again (see `locate`) is returned at its new place, not listed
 * for review; the notebook itself is not changed by opening a document.
 */
export function openDocument(nb: Notebook, id: string): OpenedDocument {
  const document = getDocument(nb, id);
  const needsReview: string[] = [];
  const annotations = nb.annotations
    // A highlight on an earlier version (kept there, or waiting in a review) points into that version's text.
    .filter((annotation) => annotation.documentId === id && annotation.version === undefined)
    .map((annotation): Annotation => {
      const { target } = annotation;
      // The stored place only when the quote and all its context are still there (locate's first test): the quote
      // alone could be a look-alike that an edit above slid under the old offset.
      const found = locate(document.text, target);
      if (found && found.start === target.start && found.end === target.end) return annotation;
      if (found) return { ...annotation, target: describeRange(document.text, found.start, found.end) };
      needsReview.push(annotation.id);
      return annotation;
    })
    .sort(
      (a, b) =>
        a.target.start - b.target.start ||
        a.target.end - b.target.end ||
        a.createdAt.localeCompare(b.createdAt),
    );
  return { document, annotations, needsReview };
}

/**
 * Notes that the reader opened the document at `now`, for the library's "Recently opened" order and for opening
 * it again at the next start. Not a change of the reader's work, so callers keep it out of undo history.
 */
export function markOpened(nb: Notebook, id: string, now: Date): void {
  getDocument(nb, id).openedAt = now.toISOString();
}

/**
 * Edits a document's title, source, publication date (any date the importer reads; stored as ISO), its own
 * Markdown note (kept as written), or its citation: authors, web address, pages and key (checkCitationPatch).
 */
export function updateDocument(
  nb: Notebook,
  patch: { id: string; title?: string; source?: string; published?: string; note?: string } & CitationPatch,
): ParleyDocument {
  const doc = getDocument(nb, patch.id);
  const citation = checkCitationPatch(patch, nb.documents, doc.id);
  let title: string | undefined;
  if (patch.title !== undefined) {
    title = patch.title.replace(/\s+/g, ' ').trim();
    if (title === '') throw invalid('A document needs a title.');
    if (title.length > MAX_TITLE_LENGTH) {
      throw invalid(`A title can be at most ${MAX_TITLE_LENGTH} characters long.`);
    }
  }
  let source: string | undefined;
  if (patch.source !== undefined) {
    source = patch.source.trim();
    if (source.length > MAX_TITLE_LENGTH) {
      throw invalid(`A source can be at most ${MAX_TITLE_LENGTH} characters long.`);
    }
  }
  const published = patch.published === undefined ? undefined : normalizePublished(patch.published);
  const note = patch.note === undefined ? undefined : checkNote(patch.note);
  if (title !== undefined) doc.title = title;
  if (source !== undefined) doc.source = source;
  if (published !== undefined) doc.published = published;
  if (note !== undefined) doc.note = note;
  Object.assign(doc, citation);
  return doc;
}

/**
 * Removes a document with everything that belongs to it: its highlights, its earlier versions, the suggestions
 * dismissed in it, the links other documents' highlights had to its highlights, and its place among the accounts
 * of every event (an event left with no account goes too).
 */
export function deleteDocument(nb: Notebook, id: string): { id: string } {
  const index = nb.documents.findIndex((doc) => doc.id === id);
  if (index === -1) throw notFound('document', id);
  const gone = new Set(nb.annotations.filter((a) => a.documentId === id).map((a) => a.id));
  nb.documents.splice(index, 1);
  if (gone.size > 0) {
    nb.annotations = nb.annotations.filter((annotation) => !gone.has(annotation.id));
    for (const annotation of nb.annotations) {
      if (annotation.links.some((link) => gone.has(link.annotationId))) {
        annotation.links = annotation.links.filter((link) => !gone.has(link.annotationId));
      }
    }
  }
  if (nb.versions.some((version) => version.documentId === id)) {
    nb.versions = nb.versions.filter((version) => version.documentId !== id);
  }
  if (nb.events.some((event) => event.documentIds.includes(id))) {
    nb.events = nb.events
      .map((event) =>
        event.documentIds.includes(id)
          ? { ...event, documentIds: event.documentIds.filter((documentId) => documentId !== id) }
          : event,
      )
      .filter((event) => event.documentIds.length > 0);
  }
  const dismissedHere = (key: string) => /^(.+):\d{1,9}:\d{1,9}$/.exec(key)?.[1] === id;
  if (nb.dismissedSuggestions.some(dismissedHere)) {
    nb.dismissedSuggestions = nb.dismissedSuggestions.filter((key) => !dismissedHere(key));
  }
  return { id };
}

// ---------------------------------------------------------------------------------------------------------------
// Topics

/** The codebook in tree order, each topic with the number of annotations that use it. */
export function listTopics(nb: Notebook): Array<Topic & { count: number }> {
  const counts = countAnnotations(nb.annotations).topics;
  return nb.topics
    .map((topic) => ({ ...topic, count: counts.get(topic.id) ?? 0 }))
    .sort((a, b) => compareTopicPaths(a.path, b.path));
}

/**
 * Normalizes the path (trim, collapse spaces and slashes; case is kept) and returns the existing topic if one has
 * that path in any case; otherwise adds a topic with the given colour or the next free one from the palette.
 */
export function createTopic(nb: Notebook, input: { path: string; colour?: string }): Topic {
  const path = normalizeTopicPath(input.path);
  const colour = input.colour === undefined ? undefined : normalizeColour(input.colour);
  const key = topicPathKey(path);
  const existing = nb.topics.find((topic) => topicPathKey(topic.path) === key);
  if (existing) return existing;
  const topic = check<Topic>(
    TopicSchema,
    {
      id: crypto.randomUUID(),
      path,
      colour: colour ?? pickTopicColour(nb.topics.map((t) => t.colour)),
      description: '',
    },
    'topic',
  );
  nb.topics.push(topic);
  return topic;
}

// ---------------------------------------------------------------------------------------------------------------
// Annotations

/**
 * Highlights `text[start, end)` of a document, narrowed to leave out whitespace at either end, optionally with the
 * party whose position it is and its stance. Refuses ranges outside the text, ranges that cut a character (a
 * surrogate pair) in half, ranges with nothing but whitespace, unknown topics and parties, and stances not listed.
 */
export function createAnnotation(
  nb: Notebook,
  input: {
    documentId: string;
    start: number;
    end: number;
    topicIds: string[];
    note: string;
    partyId?: string | null;
    stance?: string | null;
    /** Who makes it (the author name of the preferences); left out when empty. */
    author?: string;
  },
  now: Date,
): Annotation {
  const doc = getDocument(nb, input.documentId);
  const { text } = doc;
  let { start, end } = input;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < 0) {
    throw invalid('A highlight needs a start and an end inside the text.');
  }
  if (start > end) throw invalid('A highlight cannot end before it starts.');
  if (end > text.length) {
    throw invalid(`The highlight ends at ${end}, beyond the end of the text (${text.length}).`);
  }
  if (splitsSurrogatePair(text, start) || splitsSurrogatePair(text, end)) {
    throw invalid('A highlight cannot begin or end in the middle of a character.');
  }
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (start === end)
    throw invalid('Select some text to highlight: the selection is empty or only whitespace.');
  const topicIds = checkTopicIds(nb, input.topicIds);
  const partyId = checkPartyId(nb, input.partyId);
  const stance = resolveStance(nb, input.stance ?? null);
  const note = checkNote(input.note);
  const stamp = now.toISOString();
  const annotation = check<Annotation>(
    AnnotationSchema,
    {
      id: crypto.randomUUID(),
      documentId: doc.id,
      target: describeRange(text, start, end),
      topicIds,
      partyId,
      stance,
      note,
      links: [],
      ...(input.author?.trim() ? { author: input.author.trim() } : {}),
      createdAt: stamp,
      updatedAt: stamp,
    },
    'highlight',
  );
  nb.annotations.push(annotation);
  return annotation;
}

/**
 * Replaces an annotation's topics, note, party or stance (null clears the party or stance); its passage stays as
 * it is. Only what the patch names changes.
 */
export function updateAnnotation(
  nb: Notebook,
  patch: {
    id: string;
    topicIds?: string[];
    note?: string;
    partyId?: string | null;
    stance?: string | null;
  },
  now: Date,
): Annotation {
  const annotation = findAnnotation(nb, patch.id);
  if (!annotation) throw notFound('highlight', patch.id);
  const topicIds = patch.topicIds === undefined ? undefined : checkTopicIds(nb, patch.topicIds);
  const note = patch.note === undefined ? undefined : checkNote(patch.note);
  const partyId = patch.partyId === undefined ? undefined : checkPartyId(nb, patch.partyId);
  const stance = patch.stance === undefined ? undefined : resolveStance(nb, patch.stance);
  const stamp = now.toISOString();
  if (topicIds === undefined && note === undefined && partyId === undefined && stance === undefined) {
    return annotation;
  }
  if (topicIds !== undefined) annotation.topicIds = topicIds;
  if (note !== undefined) annotation.note = note;
  if (partyId !== undefined) annotation.partyId = partyId;
  if (stance !== undefined) annotation.stance = stance;
  annotation.updatedAt = stamp;
  return annotation;
}

/**
 * Adds one topic to each of these highlights (keeping their other topics), as one change: an unknown highlight or
 * topic refuses the whole call. Repeated ids count once. Returns the highlights in the order first named.
 */
export function addTopicToAnnotations(
  nb: Notebook,
  input: { annotationIds: readonly string[]; topicId: string },
  now: Date,
): Annotation[] {
  const [topicId] = checkTopicIds(nb, [input.topicId]);
  const annotations = [...new Set(input.annotationIds)].map((id) => {
    const annotation = findAnnotation(nb, id);
    if (!annotation) throw notFound('highlight', id);
    return annotation;
  });
  const stamp = now.toISOString();
  for (const annotation of annotations) {
    if (annotation.topicIds.includes(topicId!)) continue;
    annotation.topicIds = [...annotation.topicIds, topicId!];
    annotation.updatedAt = stamp;
  }
  return annotations;
}

/**
 * Removes an annotation, and the links other annotations had to it. The passages that link to it are found through
 * the link index (links.ts), and only they are touched: inside a change nothing else of the notebook is read
 * through the draft, so a deletion does not make a draft of every passage. The list it leaves holds the other
 * passages as they were (frozen, in a change): it is the last thing a change does to the passages.
 */
export function deleteAnnotation(nb: Notebook, id: string): { id: string } {
  const annotations = plainAnnotations(nb);
  const { ids, incoming } = linkIndex(annotations);
  if (!ids.has(id)) throw notFound('highlight', id);
  const linking = new Set(incoming.get(id));
  // A new array rather than a splice: removing one item from the middle of a history-tracked array would record
  // a change for every item after it. It holds the plain passages, and the drafts of those whose links change.
  const next: Annotation[] = [];
  let removed: Annotation | undefined;
  annotations.forEach((annotation, at) => {
    if (annotation.id === id) {
      removed ??= annotation;
    } else if (linking.has(annotation.id)) {
      const draft = nb.annotations[at]!;
      draft.links = draft.links.filter((link) => link.annotationId !== id);
      next.push(draft);
    } else next.push(annotation);
  });
  nb.annotations = next;
  handOnIndex(annotations, next, removed!);
  return { id };
}

/**
 * Imports the shipped sample article through importPlainText (source 'RT', url ''), as on first run, and adds its
 * two parties (United Kingdom, Russia) unless the notebook already has parties by those names.
 */
export function addSampleDocument(nb: Notebook, sampleText: string, now: Date): ParleyDocument {
  const draft = importPlainText(sampleText, { fileName: 'sample-miliband-lavrov.txt', source: 'RT' });
  const doc = addDocument(nb, { ...draft, source: 'RT', url: '' }, now);
  addSampleParties(nb);
  return doc;
}
