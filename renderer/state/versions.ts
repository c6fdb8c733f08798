// What the window knows of a document's versions: the notice after a newer version was imported (with its counts),
// the offers to make a just-imported page a version of one with the same address, the open document's list of
// versions, the page shown instead of its latest text (an earlier version, read-only, or the differences between
// two), the review of the highlights carried onto its latest version, and the highlight being re-selected.
// Pure: the store calls these; views read them.
import type {
  VersionDiff,
  VersionImport,
  VersionReview,
  VersionSummary,
  VersionText,
} from '../../shared/contract';
import type { Annotation } from '../types';

export type CarryCounts = VersionImport['counts'];

export interface VersionNotice {
  documentId: string;
  version: number;
  counts: CarryCounts;
}

/** A document just imported whose address is that of one already in the notebook: offered as its newer version. */
export interface SameAddressOffer {
  documentId: string;
  /** The document it would become a version of, and that document's title. */
  of: string;
  title: string;
}

export type VersionPage =
  | { kind: 'version'; documentId: string; text: VersionText }
  | { kind: 'diff'; documentId: string; from: number; to: number; diff: VersionDiff | null };

export interface VersionsState {
  notice: VersionNotice | null;
  offers: SameAddressOffer[];
  /** The open document's versions, oldest first, as last read. */
  list: { documentId: string; versions: VersionSummary[] } | null;
  /** Shown in place of the latest text while set. */
  page: VersionPage | null;
  review: VersionReview | null;
  /** The highlight whose passage the reader is choosing again in the latest text. */
  reselecting: string | null;
}

export const initialVersions: VersionsState = {
  notice: null,
  offers: [],
  list: null,
  page: null,
  review: null,
  reselecting: null,
};

/** How many came through in each state, as one line: "Version 2 imported: 12 kept, 1 moved, 2 changed, 1 lost". */
export function importedText(version: number, counts: CarryCounts): string {
  return `Version ${version} imported: ${counts.kept} kept, ${counts.moved} moved, ${counts.changed} changed, ${counts.lost} lost`;
}

/** The highlights of an import that the review lists (moved, changed and lost; the kept need nothing). */
export const toReview = (counts: CarryCounts): number => counts.moved + counts.changed + counts.lost;

/** A highlight on the document's latest text: one kept on an earlier version (or waiting there) is not. */
export const onLatest = (annotation: Annotation): boolean => annotation.version === undefined;

/** The highlights on the latest text; the same list when all of them are. */
export function latestOnly(annotations: Annotation[]): Annotation[] {
  return annotations.every(onLatest) ? annotations : annotations.filter(onLatest);
}

/** A carried highlight the reader has not decided on yet: moved, changed or lost, with no outcome. */
export const waitsForReview = (annotation: Annotation): boolean =>
  !!annotation.carried && annotation.carried.state !== 'kept' && annotation.carried.outcome === undefined;

export function waitingCount(annotations: readonly Annotation[]): number {
  let count = 0;
  for (const annotation of annotations) if (waitsForReview(annotation)) count++;
  return count;
}

/** Adds offers, each document once (a newer offer for it replaces the older). */
export function addOffers(state: VersionsState, offers: readonly SameAddressOffer[]): VersionsState {
  if (offers.length === 0) return state;
  const ids = new Set(offers.map((offer) => offer.documentId));
  return { ...state, offers: [...state.offers.filter((o) => !ids.has(o.documentId)), ...offers] };
}

export function dropOffer(state: VersionsState, documentId: string): VersionsState {
  return { ...state, offers: state.offers.filter((offer) => offer.documentId !== documentId) };
}

/**
 * What still holds when another document opens (or the open one goes): the page, the list, the review and a
 * re-selection belong to the document they were read for; a notice and the offers name their own.
 */
export function forDocument(state: VersionsState, documentId: string | null): VersionsState {
  const page = state.page && state.page.documentId === documentId ? state.page : null;
  const list = state.list && state.list.documentId === documentId ? state.list : null;
  const review = state.review && state.review.documentId === documentId ? state.review : null;
  const reselecting = review ? state.reselecting : null;
  if (
    page === state.page &&
    list === state.list &&
    review === state.review &&
    reselecting === state.reselecting
  )
    return state;
  return { ...state, page, list, review, reselecting };
}

/** "12 words inserted, 3 deleted, in 4 paragraphs": a diff's stats as a reader says them. */
export function diffStatsText(stats: VersionDiff['stats']): string {
  const words = (n: number) => (n === 1 ? '1 word' : `${n} words`);
  const paragraphs = stats.paragraphs === 1 ? '1 paragraph' : `${stats.paragraphs} paragraphs`;
  if (stats.paragraphs === 0) return 'No differences: the two versions read the same.';
  return `${words(stats.inserted)} inserted, ${words(stats.deleted)} deleted, in ${paragraphs}.`;
}

/** How a review item's state reads. */
export const STATE_LABELS = { kept: 'Kept', moved: 'Moved', changed: 'Changed', lost: 'Lost' } as const;

/** How a review item's outcome reads; `from` is the version it was on. */
export function outcomeText(outcome: NonNullable<Annotation['carried']>['outcome'], from: number): string {
  switch (outcome) {
    case 'accepted':
      return 'Accepted';
    case 'reselected':
      return 'Re-selected';
    case 'kept-on-old':
      return `Kept on version ${from}`;
    default:
      return 'Waiting for review';
  }
}
