/**
 * "Also in": for a highlight, the same statement in the other accounts of every event its document belongs to, as
 * the alignment of that event pairs them, with the highlight's words set against the other account's word by word.
 * A highlight that is not one of its account's statements (too short, or on an earlier version) is matched on its
 * own, under the same rules: its best match above the minimum, not tied, of no other party.
 */
import { diffWordsWithSpace } from 'diff';
import type { AlsoIn, DiffPart } from '../../../shared/contract';
import { ParleyError, type Notebook } from '../../../shared/model';
import {
  accountColumns,
  alignStatements,
  eventDocuments,
  MIN_SCORE,
  conflict,
  rarity,
  similarity,
  wordingOf,
} from './align';
import { accountStatements, type Statement } from './statements';
import { contentStems, isNegated } from './words';

/** Scores closer than this are a tie. */
const TIE = 0.01;

export function wordDiff(from: string, to: string): DiffPart[] {
  return diffWordsWithSpace(from, to).map((change) => ({
    kind: change.added ? 'inserted' : change.removed ? 'deleted' : 'same',
    text: change.value,
  }));
}

export function alsoIn(nb: Notebook, annotationId: string): AlsoIn[] {
  const annotation = nb.annotations.find((a) => a.id === annotationId);
  if (!annotation) {
    throw new ParleyError(
      `There is no highlight with id "${String(annotationId).slice(0, 100)}" in this notebook.`,
      'not-found',
    );
  }
  const quote = annotation.target.exact;
  const found: AlsoIn[] = [];
  for (const event of nb.events) {
    const own = event.documentIds.indexOf(annotation.documentId);
    if (own === -1) continue;
    const docs = eventDocuments(nb, event);
    const columns = accountColumns(docs);
    const statements = docs.map((doc) => accountStatements(nb, doc.id));
    const mine = statements[own]!.find((s) => s.annotationId === annotation.id);
    let matches: Array<Statement | null>;
    if (mine) {
      const row = alignStatements(statements).find((cells) => cells[own] === mine)!;
      matches = row;
    } else {
      const weight = rarity(statements.flat());
      const highlight = {
        partyId: annotation.partyId,
        stems: contentStems(quote),
        negated: isNegated(quote),
      };
      matches = statements.map((list, i) => {
        if (i === own) return null;
        const scored = list
          .filter((s) => !conflict(s, highlight))
          .map((s) => ({ s, score: similarity(highlight.stems, s.stems, weight) }))
          .sort((x, y) => y.score - x.score);
        const [best, second] = scored;
        if (!best || best.score < MIN_SCORE || (second && best.score - second.score < TIE)) return null;
        return best.s;
      });
    }
    matches.forEach((match, i) => {
      if (i === own || match === null) return;
      found.push({
        eventId: event.id,
        documentId: match.documentId,
        label: columns[i]!.label,
        place: match.place,
        start: match.start,
        end: match.end,
        quote: match.quote,
        wording: wordingOf([{ quote }, match]),
        parts: wordDiff(quote, match.quote),
      });
    });
  }
  return found;
}
