/**
 * The notebook's side of suggestions: a document's statements offered as draft highlights, less those dismissed or
 * already highlighted, and recording a dismissal.
 */
import { ParleyError, type Notebook, type Suggestion } from '../../../shared/model';
import { getDocument, openDocument } from '../notebook';
import { findStatements, overlap } from './statements';
import { MAX_SUGGESTION_KEY_LENGTH } from '../../../shared/limits';

export function suggestionKey(documentId: string, start: number, end: number): string {
  return `${documentId}:${start}:${end}`;
}

/**
 * The statements of one document offered as draft highlights, without those the user dismissed and those
 * already highlighted (a highlight covering more than half of the statement).
 */
export function suggestStatements(nb: Notebook, documentId: string): Suggestion[] {
  const { document, annotations, needsReview } = openDocument(nb, documentId);
  const dismissed = new Set(nb.dismissedSuggestions);
  const review = new Set(needsReview);
  const highlighted = annotations.filter((x) => !review.has(x.id)).map((x) => x.target);
  const suggestions: Suggestion[] = [];
  for (const found of findStatements(document.text, nb.parties)) {
    const key = suggestionKey(document.id, found.start, found.end);
    if (dismissed.has(key)) continue;
    if (highlighted.some((target) => overlap(target, found) * 2 > found.end - found.start)) continue;
    suggestions.push({ key, documentId: document.id, ...found });
  }
  return suggestions;
}

/** Records that the user dismissed a suggestion, so it is not offered again; dismissing it twice is harmless. */
export function dismissSuggestion(nb: Notebook, key: string): { key: string } {
  const match =
    typeof key === 'string' && key.length <= MAX_SUGGESTION_KEY_LENGTH
      ? /^(.+):(\d{1,9}):(\d{1,9})$/.exec(key)
      : null;
  if (!match) {
    throw new ParleyError(
      `"${String(key).slice(0, 100)}" is not a suggestion: it should read document:start:end.`,
      'invalid',
    );
  }
  const doc = getDocument(nb, match[1]!);
  const start = Number(match[2]);
  const end = Number(match[3]);
  if (start >= end || end > doc.text.length) {
    throw new ParleyError(
      `The suggestion ${key} does not lie inside the text of "${doc.title.slice(0, 100)}".`,
      'invalid',
    );
  }
  if (!nb.dismissedSuggestions.includes(key)) nb.dismissedSuggestions.push(key);
  return { key };
}
