// One highlight's card: its topics, its note rendered from Markdown, and Edit / Delete (Delete asks first).
// Used both in the margin, beside the passage, and in the "Needs review" list, where it shows the stored quote.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { shortQuote } from '../format';
import { renderMarkdown } from '../markdown';
import type { TopicMap } from '../topics';
import type { Annotation } from '../types';

interface NoteCardProps {
  annotation: Annotation;
  topics: TopicMap;
  active: boolean;
  /** Show the stored quote in the card (for highlights that cannot be shown in the text). */
  showQuote?: boolean;
  onActivate?: (id: string) => void;
  onFocusCard?: (id: string) => void;
  onEdit: (annotation: Annotation) => void;
  onDelete: (annotation: Annotation) => void;
}

export function NoteCard(props: NoteCardProps) {
  const { annotation, topics, active, showQuote } = props;
  const [confirming, setConfirming] = useState(false);
  const keepRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) keepRef.current?.focus();
  }, [confirming]);
  const html = useMemo(() => renderMarkdown(annotation.note), [annotation.note]);
  const quote = shortQuote(annotation.target.exact, 120);
  const chips = annotation.topicIds.flatMap((id) => {
    const topic = topics.get(id);
    return topic ? [topic] : [];
  });

  const fromControl = (event: Event) =>
    event.target instanceof Element && !!event.target.closest('button, a, input, textarea, select');

  return (
    <article
      class={`card${active ? ' card--active' : ''}`}
      data-annotation-id={annotation.id}
      tabIndex={0}
      aria-label={`Note on “${quote}”`}
      aria-current={active ? 'true' : undefined}
      onClick={(event) => {
        if (!fromControl(event)) props.onActivate?.(annotation.id);
      }}
      onFocus={(event) => {
        if (event.target === event.currentTarget) props.onFocusCard?.(annotation.id);
      }}
      onKeyDown={(event) => {
        if (event.target === event.currentTarget && (event.key === 'Enter' || event.key === ' ')) {
          event.preventDefault();
          props.onActivate?.(annotation.id);
        }
      }}
    >
      {showQuote && <blockquote class="card__quote">{shortQuote(annotation.target.exact, 300)}</blockquote>}
      <div class="card__head">
        {chips.length > 0 ? (
          <ul class="chips" aria-label="Topics">
            {chips.map((topic) => (
              <li key={topic.id} class="chip" style={{ '--swatch': topic.colour }}>
                <span class="swatch" aria-hidden="true" />
                {topic.path}
              </li>
            ))}
          </ul>
        ) : (
          <span class="chips chips--none">Untagged</span>
        )}
        {!confirming && (
          <div class="card__actions">
            <button type="button" class="button button--small" onClick={() => props.onEdit(annotation)}>
              Edit
            </button>
            <button type="button" class="button button--small" onClick={() => setConfirming(true)}>
              Delete
            </button>
          </div>
        )}
      </div>
      {annotation.note.trim() ? (
        <div class="markdown card__note" dangerouslySetInnerHTML={{ __html: html }} />
      ) : (
        <p class="card__empty">No note</p>
      )}
      {confirming && (
        <div class="card__confirm" role="group" aria-label="Delete this highlight?">
          <span class="card__confirm-text">Delete this highlight?</span>
          <button
            type="button"
            class="button button--small"
            ref={keepRef}
            onClick={() => setConfirming(false)}
          >
            Keep
          </button>
          <button
            type="button"
            class="button button--small button--danger"
            onClick={() => {
              setConfirming(false);
              props.onDelete(annotation);
            }}
          >
            Delete highlight
          </button>
        </div>
      )}
    </article>
  );
}
