// Highlights whose stored quote no longer matches the text: listed apart with the quote they were made on, and
// never painted, because painting them would point at the wrong words.
import type { Annotation } from '../types';
import { NoteCard, type CardEnv } from './note-card';

interface NeedsReviewProps {
  annotations: Annotation[];
  env: CardEnv;
}

export function NeedsReview({ annotations, env }: NeedsReviewProps) {
  return (
    <section class="review" aria-labelledby="review-heading">
      <h2 id="review-heading" class="review__heading">
        Needs review
      </h2>
      <p class="review__hint">
        {annotations.length === 1 ? 'This highlight' : `These ${annotations.length} highlights`} no longer
        {annotations.length === 1 ? ' matches' : ' match'} the text. The quote shown is the one stored with
        the note.
      </p>
      <div class="review__list" role="list">
        {annotations.map((annotation) => (
          <div role="listitem" key={annotation.id}>
            <NoteCard annotation={annotation} env={env} active={false} showQuote />
          </div>
        ))}
      </div>
    </section>
  );
}
