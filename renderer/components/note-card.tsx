// One highlight's card: its topics, whose position it is and its stance, its note rendered from Markdown, its
// links to other passages both ways (each a way to go there), where else its statement is told ("also in", for a
// document that is an account of an event), who made it (by Ana, when the author name was set), and Edit / Link /
// Delete (Delete asks first).
// Focused, Space brings its passage into view and Enter edits it.
// Used both in the margin, beside the passage, and in the "Needs review" list, where it shows the stored quote.
import { memo } from './memo';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { shortQuote } from '../format';
import { linksOf, type LinkItem, type PassageRef } from '../links';
import { renderMarkdown } from '../markdown';
import type { TopicMap } from '../topics';
import type { Annotation, Party } from '../types';
import { AlsoInLine, type AlsoInEnv } from './also-in';
import { PartyChip, StanceChip } from './party-chip';

/** What every card needs from the notebook around it, and the intents it reports. */
export interface CardEnv {
  topics: TopicMap;
  parties: ReadonlyMap<string, Party>;
  /** Every highlight in the notebook that links may point to or come from. */
  passages: ReadonlyMap<string, PassageRef>;
  /** The open document, so links into it need not name it. */
  documentId: string | null;
  onEdit: (annotation: Annotation) => void;
  onDelete: (annotation: Annotation) => void;
  onLink: (annotation: Annotation) => void;
  onUnlink: (link: LinkItem) => void;
  onGoTo: (passage: PassageRef) => void;
  /** Where each highlight's statement is in other accounts of its events; absent when the document is in none. */
  alsoIn?: AlsoInEnv | null;
}

interface NoteCardProps {
  annotation: Annotation;
  env: CardEnv;
  active: boolean;
  /** Show the stored quote in the card (for highlights that cannot be shown in the text). */
  showQuote?: boolean;
  onActivate?: (id: string) => void;
  onFocusCard?: (id: string) => void;
}

/** The other end of a link as its button reads: the quote, and its document when that is not the open one. */
function otherEnd(link: LinkItem, documentId: string | null): string {
  const quote = `“${shortQuote(link.other.annotation.target.exact, 60)}”`;
  return link.other.documentId === documentId
    ? quote
    : `${quote} (${link.other.documentTitle || 'Untitled'})`;
}

/** Whether two lists of a card's links show the same: the same passages at the other ends, the same way. */
function sameLinks(a: readonly LinkItem[], b: readonly LinkItem[]): boolean {
  return (
    a.length === b.length &&
    a.every((link, i) => {
      const other = b[i]!;
      return (
        link.type === other.type &&
        link.direction === other.direction &&
        link.other.annotation === other.other.annotation &&
        link.other.documentId === other.other.documentId &&
        link.other.documentTitle === other.other.documentTitle
      );
    })
  );
}

/**
 * Whether a card would show the same: the store hands a new map of passages with every change of the notebook,
 * so for that one only the card's own links are compared. Rendering every card in the margin again for each
 * highlight added or deleted cost more than the change itself.
 */
function sameCard(prev: NoteCardProps, next: NoteCardProps): boolean {
  if (
    prev.annotation !== next.annotation ||
    prev.active !== next.active ||
    prev.showQuote !== next.showQuote ||
    prev.onActivate !== next.onActivate ||
    prev.onFocusCard !== next.onFocusCard
  ) {
    return false;
  }
  const a = prev.env;
  const b = next.env;
  if (a === b) return true;
  return (
    a.topics === b.topics &&
    a.parties === b.parties &&
    a.documentId === b.documentId &&
    a.onEdit === b.onEdit &&
    a.onDelete === b.onDelete &&
    a.onLink === b.onLink &&
    a.onUnlink === b.onUnlink &&
    a.onGoTo === b.onGoTo &&
    a.alsoIn === b.alsoIn &&
    (a.passages === b.passages ||
      sameLinks(linksOf(prev.annotation, a.passages), linksOf(next.annotation, b.passages)))
  );
}

/** A highlight's card, rendered again only when what it shows changed (see sameCard). */
export const NoteCard = memo(NoteCardView, sameCard);

function NoteCardView(props: NoteCardProps) {
  const { annotation, env, active, showQuote } = props;
  const [confirming, setConfirming] = useState(false);
  const keepRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) keepRef.current?.focus();
  }, [confirming]);
  const html = useMemo(() => renderMarkdown(annotation.note), [annotation.note]);
  const quote = shortQuote(annotation.target.exact, 120);
  const chips = annotation.topicIds.flatMap((id) => {
    const topic = env.topics.get(id);
    return topic ? [topic] : [];
  });
  const party = annotation.partyId ? env.parties.get(annotation.partyId) : undefined;
  const links = useMemo(() => linksOf(annotation, env.passages), [annotation, env.passages]);

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
        if (event.target !== event.currentTarget || event.isComposing) return;
        if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey && !event.altKey && !event.shiftKey) {
          // Enter edits the highlight whose note is in focus (as the shortcuts list says); its passage is
          // brought into view first, so the reader sees what they edit.
          event.preventDefault();
          props.onActivate?.(annotation.id);
          env.onEdit(annotation);
        } else if (event.key === ' ') {
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
            <button type="button" class="button button--small" onClick={() => env.onEdit(annotation)}>
              Edit
            </button>
            <button type="button" class="button button--small" onClick={() => env.onLink(annotation)}>
              Link…
            </button>
            <button type="button" class="button button--small" onClick={() => setConfirming(true)}>
              Delete
            </button>
          </div>
        )}
      </div>
      {(party || annotation.stance) && (
        <p class="card__position">
          {party && <PartyChip party={party} />}
          {annotation.stance && <StanceChip stance={annotation.stance} />}
        </p>
      )}
      {annotation.note.trim() ? (
        <div class="markdown card__note" dangerouslySetInnerHTML={{ __html: html }} />
      ) : (
        <p class="card__empty">No note</p>
      )}
      {links.length > 0 && (
        <ul class="card__links" aria-label="Links">
          {links.map((link) => {
            const other = otherEnd(link, env.documentId);
            return (
              <li key={`${link.direction}:${link.type}:${link.other.annotation.id}`} class="card__link">
                <button
                  type="button"
                  class="link-button"
                  data-direction={link.direction}
                  onClick={() => env.onGoTo(link.other)}
                >
                  <span class="link-button__label">{link.label}:</span>{' '}
                  <span class="link-button__quote">{other}</span>
                </button>
                <button
                  type="button"
                  class="button button--small button--quiet card__unlink"
                  aria-label={`Remove link ${link.label}: ${other}`}
                  title="Remove this link"
                  onClick={() => env.onUnlink(link)}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {env.alsoIn && <AlsoInLine annotation={annotation} env={env.alsoIn} />}
      {annotation.author && <p class="card__author">by {annotation.author}</p>}
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
              env.onDelete(annotation);
            }}
          >
            Delete highlight
          </button>
        </div>
      )}
    </article>
  );
}
