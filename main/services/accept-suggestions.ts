/**
 * Accepting suggested statements: each becomes a highlight of its party with the topics chosen for it and no
 * note, all in one change (one undo step). Only what is suggested now can be accepted, found again with the same
 * suggestStatements the list call uses: a key that is not (the text changed, it was dismissed or highlighted
 * meanwhile, or it never was) refuses the whole call, names the key and adds nothing. The window's "Accept" and
 * "Accept all" and the command line's `suggest --accept` all come here.
 */
import type { AcceptedSuggestions } from '../../shared/contract';
import { ParleyError, type Annotation } from '../../shared/model';
import * as ops from '../core/notebook';
import { suggestStatements } from '../core/suggest';
import type { NotebookStore } from '../storage/notebook-store';

export interface AcceptInput {
  documentId: string;
  /** The suggestions' keys, each with the topics the highlight gets. */
  accept: ReadonlyArray<{ key: string; topicIds: readonly string[] }>;
}

/**
 * The undo step's name: one accepted statement is a highlight added, as when it is made by hand; several are
 * "Accept 12 statements" (not "suggestions": the Suggestions button keeps its name to itself).
 */
export function acceptLabel(count: number): string {
  return count === 1 ? 'Highlight' : `Accept ${count} statements`;
}

/** `author`: who accepts them (the preferences' author name), recorded on each highlight; none when empty. */
export function acceptSuggestions(
  store: NotebookStore,
  input: AcceptInput,
  now: Date,
  { author = '' }: { author?: string } = {},
): AcceptedSuggestions {
  const suggested = new Map(suggestStatements(store.data, input.documentId).map((s) => [s.key, s]));
  const seen = new Set<string>();
  const chosen = input.accept.map(({ key, topicIds }) => {
    const suggestion = suggested.get(key);
    const shown = key.slice(0, 100);
    if (seen.has(key)) {
      throw new ParleyError(`The suggestion ${shown} was named twice; nothing was accepted.`, 'invalid');
    }
    seen.add(key);
    if (!suggestion) {
      throw new ParleyError(
        `The suggestion ${shown} is not suggested for this document now (it may have been dismissed, ` +
          'highlighted or changed); nothing was accepted. Show the suggestions again.',
        'invalid',
      );
    }
    return { suggestion, topicIds };
  });
  // store.change keeps nothing of a change that throws: one refused highlight leaves the notebook as it was.
  const annotations: Annotation[] =
    chosen.length === 0
      ? []
      : store.change(
          (nb) =>
            chosen.map(({ suggestion: { documentId, start, end, partyId }, topicIds }) =>
              ops.createAnnotation(
                nb,
                { documentId, start, end, partyId, topicIds: [...topicIds], note: '', author },
                now,
              ),
            ),
          acceptLabel(chosen.length),
        );
  return { annotations, suggestions: suggestStatements(store.data, input.documentId) };
}
