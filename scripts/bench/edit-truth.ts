/**
 * Where each passage of an article really went when the bench's edit generator (data.ts editArticle) revised it,
 * and how a re-anchorer's answers score against that: the bench's `reanchor_correct` and `reanchor_wrong` figures
 * judge ours and the fuzzy quote search by the truth, not only by whether they agree with each other.
 *
 * The truth. Each edit replaces `removed` units at `at` with `inserted` new ones. A passage [start, end) is carried
 * through the edits in the order they were made: an edit wholly before it moves it, one wholly after it leaves it,
 * an insertion exactly at its start goes before it and one exactly at its end after it. An edit inside it stays in
 * it (the passage now reads differently); an edit across one of its ends cuts it back to what is left of it. A
 * passage all of whose text was removed went nowhere (null).
 *
 * The score, per highlight, against that truth:
 * - intact: the passage went somewhere and reads exactly as its quote did. Correct only when placed exactly there;
 *   wrong when placed anywhere else; sent to review, it is neither (a miss: the reader is asked needlessly).
 * - destroyed: it went nowhere, or what stands there no longer reads as its quote. Correct when sent to review
 *   (the reader decides), or when placed exactly where it went; wrong when placed anywhere else.
 * `correct` and `wrong` are shares of all highlights; what is neither is the needless reviews.
 */
import type { Span, TextChange } from './data';

/** Where a passage of the old text is after the edits, or null when the edits removed all of it. */
export function mapSpan(changes: readonly TextChange[], span: Span): Span | null {
  let { start, end } = span;
  for (const { at, removed, inserted } of changes) {
    const after = at + removed;
    const shift = inserted - removed;
    if (removed === 0) {
      // An insertion: at the start goes before the passage, at the end after it, between inside it.
      if (start >= at) start += shift;
      if (end > at) end += shift;
      continue;
    }
    if (start >= after) start += shift;
    else if (start > at) start = at + inserted;
    if (end >= after) end += shift;
    else if (end > at) end = at;
    if (start >= end) return null;
  }
  return { start, end };
}

export interface PassageTruth {
  /** Where it went; null when its text was removed. */
  went: Span | null;
  /** Whether it went somewhere and reads there exactly as its quote. */
  intact: boolean;
}

/** The truth for each passage of `original`, given the edited text and the edits that made it. */
export function passageTruth(
  original: string,
  edited: string,
  changes: readonly TextChange[],
  spans: readonly Span[],
): PassageTruth[] {
  return spans.map((span) => {
    const went = mapSpan(changes, span);
    const intact =
      went !== null && edited.slice(went.start, went.end) === original.slice(span.start, span.end);
    return { went, intact };
  });
}

export interface Score {
  /** Share placed exactly where they went, or destroyed and sent to review. */
  correct: number;
  /** Share placed somewhere they did not go. */
  wrong: number;
  /** Counts behind the shares. */
  counts: { correct: number; wrong: number; needlessReview: number; destroyed: number; total: number };
}

/** Scores answers (a place, or null for sent to review) against the truth, one per highlight, in the same order. */
export function scoreAnswers(truth: readonly PassageTruth[], answers: ReadonlyArray<Span | null>): Score {
  if (truth.length !== answers.length) {
    throw new Error(`${answers.length} answers for ${truth.length} passages.`);
  }
  let correct = 0;
  let wrong = 0;
  let needlessReview = 0;
  let destroyed = 0;
  truth.forEach(({ went, intact }, i) => {
    const answer = answers[i] ?? null;
    if (!intact) destroyed++;
    if (answer === null) {
      if (intact) needlessReview++;
      else correct++;
    } else if (went !== null && answer.start === went.start && answer.end === went.end) correct++;
    else wrong++;
  });
  const total = truth.length;
  return {
    correct: total === 0 ? 1 : correct / total,
    wrong: total === 0 ? 0 : wrong / total,
    counts: { correct, wrong, needlessReview, destroyed, total },
  };
}
