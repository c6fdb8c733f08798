/**
 * Versions of a document as operations on the notebook, in the manner of core/notebook.ts: a newer version
 * imported over a document (its text so far kept in Notebook.versions, every highlight carried across and given its
 * state), the versions listed and read, and the review of the highlights that did not come through unchanged.
 * Each checks everything before it changes anything, so a refused call leaves the notebook as it was.
 */
import { createHash } from 'node:crypto';
import type {
  DiffPart,
  ReviewAction,
  ReviewItem,
  VersionDiff,
  VersionReview,
  VersionSummary,
  VersionText,
} from '../../../shared/contract';
import {
  copyBlock,
  copyMark,
  DocumentSchema,
  MAX_VERSIONS,
  ParleyError,
  placeLabel,
  type Annotation,
  type CarryState,
  type DocumentVersion,
  type Notebook,
  type ParleyDocument,
} from '../../../shared/model';
import { MAX_TITLE_LENGTH } from '../../../shared/limits';
import { describeRange, splitsSurrogatePair } from '../anchoring';
import { parseDateLine, type DocumentDraft } from '../import-text';
import { plainAnnotations } from '../links';
import { checkBlocks, deleteAnnotation, deleteDocument, getDocument, openDocument } from '../notebook';
import { carryTarget, type Carried } from './carry';
import { alignVersions, diffRows, wordParts } from './diff';
import { versionBody, type VersionBody } from './on-version';

function invalid(message: string): ParleyError {
  return new ParleyError(message, 'invalid');
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** A document's name in a message: its title, quoted and cut short. */
function named(doc: Pick<ParleyDocument, 'title'>): string {
  const title = doc.title.length > 80 ? `${doc.title.slice(0, 79)}…` : doc.title;
  return `“${title}”`;
}

/** Version `n` of the document, refused with the versions it has when there is none by that number. */
function bodyOf(nb: Notebook, doc: ParleyDocument, n: number): VersionBody {
  const body = versionBody(nb, doc, n);
  if (!body) {
    const range = doc.version === 1 ? 'only version 1' : `versions 1 to ${doc.version}`;
    throw new ParleyError(`${named(doc)} has no version ${n}: it has ${range}.`, 'not-found');
  }
  return body;
}

/** The paragraphs of a draft must lie in order inside its text, as a document's must. */
function checkDraft(draft: DocumentDraft): void {
  if (typeof draft.text !== 'string' || draft.text.trim() === '') {
    throw invalid('The new version has no text to read, so it was not added.');
  }
  checkBlocks(draft, 'The new version');
}

/** What became of the highlights of a document when a newer version was imported over it. */
export interface VersionAdded {
  document: ParleyDocument;
  version: number;
  counts: Record<CarryState, number>;
}

const noCounts = (): Record<CarryState, number> => ({ kept: 0, moved: 0, changed: 0, lost: 0 });

/**
 * Imports `draft` as the newest version of a document. Its text so far, with its layout and the details it was
 * imported with, goes into Notebook.versions as version `doc.version`; the document takes the draft's text, layout,
 * format and file, its title, address and date where the draft has them, its source, byline and authors only where
 * the draft gives some (the id, note and citation key stay), and the next version number. Every highlight on the
 * text so far is carried (carry.ts): a kept one points at its place in the new text at once; a moved, changed or
 * lost one stays on the version it was on until the review. A highlight still waiting in an earlier review is
 * carried again, from the version it is on onto the new one; one the user kept on an earlier version stays there.
 * Refuses an unknown document, a draft with no text, and a text the same as the latest.
 */
export function addVersion(nb: Notebook, documentId: string, draft: DocumentDraft, now: Date): VersionAdded {
  const doc = getDocument(nb, documentId);
  checkDraft(draft);
  if (draft.text === doc.text) {
    throw invalid(
      `The file reads exactly as the latest version of ${named(doc)} (version ${doc.version}), so no version was added.`,
    );
  }
  if (doc.version >= MAX_VERSIONS) {
    throw invalid(`${named(doc)} already has ${MAX_VERSIONS} versions, the most a document keeps.`);
  }
  const title = draft.title.replace(/\s+/g, ' ').trim();
  if (title.length > MAX_TITLE_LENGTH) {
    throw invalid(`A title can be at most ${MAX_TITLE_LENGTH} characters long.`);
  }
  const from = doc.version;
  const to = from + 1;
  const record: DocumentVersion = {
    documentId: doc.id,
    n: from,
    importedAt: doc.importedAt,
    title: doc.title,
    url: doc.url,
    published: doc.published,
    format: doc.format,
    text: doc.text,
    blocks: doc.blocks.map(copyBlock),
    marks: doc.marks.map(copyMark),
    contentHash: doc.contentHash,
    ...(doc.pageStarts ? { pageStarts: [...doc.pageStarts] } : {}),
    ...(doc.file ? { file: { ...doc.file } } : {}),
  };
  const authors = (draft.authors ?? []).map((name) => name.replace(/\s+/g, ' ').trim()).filter(Boolean);
  const fields = {
    title: title || doc.title,
    source: draft.source.trim() || doc.source,
    url: draft.url.trim() || doc.url,
    published: parseDateLine(draft.published.trim()) ?? doc.published,
    importedAt: now.toISOString(),
    format: draft.format,
    text: draft.text,
    blocks: draft.blocks.map(copyBlock),
    marks: (draft.marks ?? []).map(copyMark),
    contentHash: sha256(draft.text),
    byline: (draft.byline ?? '').trim() || doc.byline,
    authors: authors.length > 0 ? authors : [...doc.authors],
    version: to,
  };
  const { pageStarts: _pages, file: _file, ...rest } = doc;
  const next = {
    ...rest,
    ...fields,
    ...(draft.pageStarts ? { pageStarts: [...draft.pageStarts] } : {}),
    ...(draft.file ? { file: { ...draft.file } } : {}),
  };
  const checked = DocumentSchema.safeParse(next);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw invalid(`The new version cannot be saved: ${issue?.message ?? 'it is not valid'}.`);
  }

  // Where each highlight goes, worked out on the plain notebook before anything changes.
  const older = { text: doc.text, blocks: doc.blocks };
  const newer = { text: draft.text, blocks: fields.blocks };
  const alignments = new Map<number, ReturnType<typeof alignVersions>>();
  const alignmentFrom = (n: number, body: { text: string; blocks: typeof doc.blocks }) => {
    let alignment = alignments.get(n);
    if (!alignment) {
      alignment = alignVersions(body, newer);
      alignments.set(n, alignment);
    }
    return alignment;
  };
  const counts = noCounts();
  const carried: Array<{ at: number; from: number; result: Carried }> = [];
  plainAnnotations(nb).forEach((annotation, at) => {
    if (annotation.documentId !== doc.id) return;
    if (annotation.version === undefined) {
      const result = carryTarget(older.text, newer.text, alignmentFrom(from, older).map, annotation.target);
      carried.push({ at, from, result });
      counts[result.state]++;
    } else if (isWaiting(annotation, doc)) {
      const body = versionBody(nb, doc, annotation.version);
      if (!body) return;
      const result = carryTarget(body.text, newer.text, alignmentFrom(body.n, body).map, annotation.target);
      carried.push({ at, from: body.n, result });
      counts[result.state]++;
    }
  });

  nb.versions.push(record);
  const target = nb.documents.find((d) => d.id === doc.id)!;
  Object.assign(target, fields);
  if (draft.pageStarts) target.pageStarts = [...draft.pageStarts];
  else delete target.pageStarts;
  if (draft.file) target.file = { ...draft.file };
  else delete target.file;

  for (const { at, from: was, result } of carried) {
    const annotation = nb.annotations[at]!;
    const carry = { from: was, to, state: result.state, old: result.old, proposed: result.proposed };
    if (result.state === 'kept') {
      annotation.target = result.proposed!;
      delete annotation.version;
      annotation.carried = carry;
    } else {
      annotation.version = was;
      annotation.carried = carry;
    }
  }
  return { document: target, version: to, counts };
}

/** Whether a highlight waits in the review of the document's newest version (moved, changed or lost, not done). */
function isWaiting(annotation: Annotation, doc: ParleyDocument): boolean {
  return (
    annotation.version !== undefined &&
    annotation.carried !== undefined &&
    annotation.carried.outcome === undefined &&
    annotation.carried.state !== 'kept' &&
    annotation.carried.to === doc.version
  );
}

/** Every version of a document, oldest first; the latest, the text it shows, last. */
export function listVersions(nb: Notebook, documentId: string): VersionSummary[] {
  const doc = getDocument(nb, documentId);
  const earlier = nb.versions
    .filter((version) => version.documentId === doc.id && version.n < doc.version)
    .sort((a, b) => a.n - b.n)
    .map((version) => ({
      n: version.n,
      importedAt: version.importedAt,
      characters: version.text.length,
      title: version.title,
      latest: false,
    }));
  return [
    ...earlier,
    {
      n: doc.version,
      importedAt: doc.importedAt,
      characters: doc.text.length,
      title: doc.title,
      latest: true,
    },
  ];
}

/**
 * One version's text and layout, with the highlights on it: for the latest, as opening the document gives them;
 * for an earlier one, those kept there or waiting in a review.
 */
export function versionText(nb: Notebook, documentId: string, n: number): VersionText {
  const doc = getDocument(nb, documentId);
  const body = bodyOf(nb, doc, n);
  const record = body.latest ? doc : nb.versions.find((v) => v.documentId === doc.id && v.n === n)!;
  const annotations = body.latest
    ? openDocument(nb, doc.id).annotations
    : nb.annotations
        .filter((a) => a.documentId === doc.id && a.version === n)
        .sort((a, b) => a.target.start - b.target.start || a.target.end - b.target.end);
  return {
    documentId: doc.id,
    n,
    latest: body.latest,
    title: body.title,
    importedAt: body.importedAt,
    text: body.text,
    blocks: body.blocks,
    marks: record.marks,
    ...(body.pageStarts ? { pageStarts: body.pageStarts } : {}),
    annotations,
  };
}

/** What changed between two versions of a document: paragraphs aligned, words marked. */
export function diffVersions(nb: Notebook, documentId: string, from: number, to: number): VersionDiff {
  const doc = getDocument(nb, documentId);
  // The newer first, so that a version past the last is the one named (`--to 9`, not the 8 before it).
  const newer = bodyOf(nb, doc, to);
  const older = bodyOf(nb, doc, from);
  const { rows, stats } = diffRows(alignVersions(older, newer), older, newer);
  return { documentId: doc.id, from, to, rows, stats };
}

/**
 * The highlights carried onto the document's latest version, kept ones too, in the order of where they were:
 * each with its old and new quote and place, the words that differ, and what the user did about it.
 */
export function versionReview(nb: Notebook, documentId: string): VersionReview {
  const doc = getDocument(nb, documentId);
  const bodies = new Map<number, VersionBody | undefined>();
  const body = (n: number) => {
    if (!bodies.has(n)) bodies.set(n, versionBody(nb, doc, n));
    return bodies.get(n);
  };
  const items = nb.annotations
    .filter((a) => a.documentId === doc.id && a.carried !== undefined && a.carried.to === doc.version)
    .sort(
      (a, b) =>
        a.carried!.old.start - b.carried!.old.start ||
        a.carried!.old.end - b.carried!.old.end ||
        a.createdAt.localeCompare(b.createdAt),
    )
    .map((annotation): ReviewItem => {
      const carried = annotation.carried!;
      const oldBody = body(carried.from);
      const proposed = carried.proposed;
      const parts: DiffPart[] = proposed ? wordParts(carried.old.exact, proposed.exact) : [];
      return {
        annotationId: annotation.id,
        state: carried.state,
        from: carried.from,
        to: carried.to,
        oldQuote: carried.old.exact,
        oldPlace: oldBody ? placeLabel(oldBody, carried.old.start, carried.old.end) : '',
        newQuote: proposed ? proposed.exact : null,
        newPlace: proposed ? placeLabel(doc, proposed.start, proposed.end) : null,
        parts,
        outcome: carried.outcome ?? null,
      };
    });
  return { documentId: doc.id, version: doc.version, items };
}

/** The highlight, refused unless it waits in the review of its document's newest version. */
function waitingAnnotation(
  nb: Notebook,
  annotationId: string,
): { annotation: Annotation; doc: ParleyDocument } {
  const annotation = nb.annotations.find((a) => a.id === annotationId);
  if (!annotation) {
    throw new ParleyError(
      `There is no highlight with id "${annotationId.slice(0, 100)}" in this notebook.`,
      'not-found',
    );
  }
  const doc = getDocument(nb, annotation.documentId);
  if (!isWaiting(annotation, doc)) {
    const why =
      annotation.carried?.outcome !== undefined
        ? 'its review is done'
        : annotation.version === undefined
          ? 'it is on the latest version already'
          : `it was kept on version ${annotation.version}`;
    throw invalid(
      `This highlight is not waiting for review (${why}), so there is nothing to decide about it.`,
    );
  }
  return { annotation, doc };
}

/**
 * The review's choice for a waiting highlight: `accept` points it at the passage found in the new version (a lost
 * one has none, and is refused); `keep-on-old` leaves it on the version it was on; `delete` removes it and the
 * links to it, as deleting a highlight does.
 */
export function resolveReview(
  nb: Notebook,
  annotationId: string,
  action: ReviewAction,
  now: Date,
): { id: string } {
  const { annotation } = waitingAnnotation(nb, annotationId);
  const carried = annotation.carried!;
  if (action === 'delete') return deleteAnnotation(nb, annotationId);
  if (action === 'accept') {
    if (carried.proposed === null) {
      throw invalid(
        `This highlight was lost in version ${carried.to}: there is no passage to accept. Select its passage in the new text, keep it on version ${carried.from}, or delete it.`,
      );
    }
    annotation.target = { ...carried.proposed };
    delete annotation.version;
    carried.outcome = 'accepted';
  } else {
    carried.outcome = 'kept-on-old';
  }
  annotation.updatedAt = now.toISOString();
  return { id: annotationId };
}

/**
 * Points a waiting highlight at `[start, end)` of its document's latest text (narrowed to leave out whitespace at
 * either end), as the reader selected it there.
 */
export function reselectReview(
  nb: Notebook,
  input: { annotationId: string; start: number; end: number },
  now: Date,
): Annotation {
  const { annotation, doc } = waitingAnnotation(nb, input.annotationId);
  const { text } = doc;
  let { start, end } = input;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < 0 || start > end) {
    throw invalid('Select the passage in the new text: the selection has no start and end inside it.');
  }
  if (end > text.length) {
    throw invalid(`The selection ends at ${end}, beyond the end of the new text (${text.length}).`);
  }
  if (splitsSurrogatePair(text, start) || splitsSurrogatePair(text, end)) {
    throw invalid('A highlight cannot begin or end in the middle of a character.');
  }
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (start === end) throw invalid('Select some text: the selection is empty or only whitespace.');
  annotation.target = describeRange(text, start, end);
  delete annotation.version;
  annotation.carried!.outcome = 'reselected';
  annotation.updatedAt = now.toISOString();
  return annotation;
}

/**
 * A document just imported made the newest version of another (`of`), as when a page is imported again from the
 * same address: its text is imported over `of` (addVersion) and it is removed as a document of its own. Refused
 * when it is `of` itself, has highlights of its own, or has versions of its own.
 */
export function makeVersion(nb: Notebook, documentId: string, of: string, now: Date): VersionAdded {
  const doc = getDocument(nb, documentId);
  const target = getDocument(nb, of);
  if (doc.id === target.id) throw invalid('A document cannot be made a version of itself.');
  if (nb.annotations.some((a) => a.documentId === doc.id)) {
    throw invalid(
      `${named(doc)} has highlights of its own, so it is not made a version of ${named(target)}: delete them first, or import its file again as a new version.`,
    );
  }
  if (doc.version > 1) {
    throw invalid(`${named(doc)} has versions of its own, so it is not made a version of ${named(target)}.`);
  }
  const draft: DocumentDraft = {
    title: doc.title,
    source: doc.source,
    published: doc.published,
    url: doc.url,
    format: doc.format,
    text: doc.text,
    blocks: doc.blocks,
    marks: doc.marks,
    byline: doc.byline,
    authors: doc.authors,
    ...(doc.file ? { file: doc.file } : {}),
    ...(doc.pageStarts ? { pageStarts: doc.pageStarts } : {}),
  };
  const added = addVersion(nb, target.id, draft, now);
  deleteDocument(nb, doc.id);
  return added;
}
