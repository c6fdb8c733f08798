// The review of the highlights carried onto a document's latest version: the moved, changed and lost ones listed
// (the kept ones counted), each with its old quote beside the new one and the differences marked, its state, and
// what to do: accept the new place, re-select the passage in the latest text, keep it on the version it was made
// on, or delete it. Each is one step of undo. ↑ and ↓ (Home, End) move between the highlights; Tab goes through
// each one's buttons.
import { useEffect, useRef } from 'preact/hooks';
import type { ReviewAction, ReviewItem, VersionReview } from '../../shared/contract';
import { moveBetweenRows } from '../dom';
import { shortQuote } from '../format';
import { outcomeText, STATE_LABELS } from '../state/versions';
import { Parts } from './version-parts';
import './versions.css';

export interface VersionReviewPanelProps {
  /** The document's title, for the heading's hint. */
  title: string;
  /** Null while it is read. */
  review: VersionReview | null;
  /** The highlight whose passage is being chosen again in the text. */
  reselecting: string | null;
  onResolve(annotationId: string, action: ReviewAction): Promise<boolean>;
  onStartReselect(annotationId: string | null): void;
  /** Points the highlight being re-selected at the text's selection; false when it did not. */
  onUseSelection(): Promise<boolean>;
  /** Selects the passage proposed for a moved or changed highlight in the text, and brings it into view. */
  onShowProposed(annotationId: string): void;
  onVersions(): void;
  onClose(): void;
}

/** What one state means, for the hint under each highlight's state. */
const STATE_HINTS = {
  kept: '',
  moved: 'Same words, found elsewhere in the new version.',
  changed: 'The passage is there with different words.',
  lost: 'Nothing close enough was found in the new version.',
} as const;

function itemLabel(item: ReviewItem): string {
  return `${STATE_LABELS[item.state]}: “${shortQuote(item.oldQuote, 60)}”`;
}

export function VersionReviewPanel(props: VersionReviewPanelProps) {
  const { review, reselecting } = props;
  const listRef = useRef<HTMLOListElement>(null);
  /** The highlight whose row takes focus once the review is read again after an action. */
  const focusAfter = useRef<string | null>(null);
  const items = review?.items.filter((item) => item.state !== 'kept') ?? [];
  const kept = (review?.items.length ?? 0) - items.length;
  const waiting = items.filter((item) => item.outcome === null).length;

  useEffect(() => {
    document.querySelector<HTMLElement>('#version-review-heading')?.focus({ preventScroll: true });
  }, []);

  useEffect(() => {
    const id = focusAfter.current;
    if (!id || !review) return;
    focusAfter.current = null;
    const rows = [...(listRef.current?.querySelectorAll<HTMLElement>('.version-review__item') ?? [])];
    const at = rows.findIndex((row) => row.dataset['annotationId'] === id);
    const target =
      rows.slice(Math.max(at, 0)).find((row) => row.dataset['waiting'] === 'true') ??
      rows.find((row) => row.dataset['waiting'] === 'true') ??
      rows[at] ??
      rows[0];
    target?.focus();
  }, [review]);

  const onListKey = (event: KeyboardEvent) =>
    void moveBetweenRows(event, listRef.current, '.version-review__item');

  const act = async (item: ReviewItem, action: ReviewAction) => {
    focusAfter.current = item.annotationId;
    if (!(await props.onResolve(item.annotationId, action))) focusAfter.current = null;
  };

  return (
    <aside
      class="panel-body version-review"
      aria-labelledby="version-review-heading"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.isComposing && !event.defaultPrevented) {
          event.preventDefault();
          if (reselecting) props.onStartReselect(null);
          else props.onClose();
        }
      }}
    >
      <div class="drawer__head">
        <h2 class="drawer__title" id="version-review-heading" tabIndex={-1}>
          Review highlights
        </h2>
        <button type="button" class="button button--quiet button--small" onClick={props.onClose}>
          Close
        </button>
      </div>
      {!review ? (
        <p class="drawer__hint">Reading the review…</p>
      ) : review.items.length === 0 ? (
        <p class="drawer__hint">
          No highlights were carried onto version {review.version} of ‘{props.title}’.
        </p>
      ) : (
        <p class="drawer__hint" aria-live="polite">
          Version {review.version} of ‘{props.title}’: {kept} kept (not listed),{' '}
          {waiting === 0
            ? 'none waiting for review.'
            : `${waiting} ${waiting === 1 ? 'waits' : 'wait'} for review.`}{' '}
          Every choice can be undone with Ctrl+Z.
        </p>
      )}
      <button type="button" class="button button--small version-review__versions" onClick={props.onVersions}>
        Version history
      </button>
      {items.length > 0 && (
        <ol
          class="version-review__list"
          ref={listRef}
          aria-label="Highlights to review"
          onKeyDown={onListKey}
        >
          {items.map((item, i) => (
            <ReviewRow
              key={item.annotationId}
              item={item}
              to={review!.version}
              tabStop={i === 0}
              reselecting={reselecting === item.annotationId}
              onAct={(action) => void act(item, action)}
              onStartReselect={() => props.onStartReselect(item.annotationId)}
              onCancelReselect={() => props.onStartReselect(null)}
              onUseSelection={async () => {
                focusAfter.current = item.annotationId;
                if (!(await props.onUseSelection())) focusAfter.current = null;
              }}
              onShowProposed={() => props.onShowProposed(item.annotationId)}
            />
          ))}
        </ol>
      )}
    </aside>
  );
}

interface ReviewRowProps {
  item: ReviewItem;
  /** The version it was carried onto. */
  to: number;
  tabStop: boolean;
  reselecting: boolean;
  onAct(action: ReviewAction): void;
  onStartReselect(): void;
  onCancelReselect(): void;
  onUseSelection(): void;
  onShowProposed(): void;
}

function ReviewRow({ item, to, tabStop, reselecting, ...on }: ReviewRowProps) {
  const id = `review-${item.annotationId}`;
  const waiting = item.outcome === null;
  return (
    <li>
      <article
        class={`version-review__item version-review__item--${item.state}`}
        data-annotation-id={item.annotationId}
        data-waiting={String(waiting)}
        tabIndex={tabStop ? 0 : -1}
        aria-labelledby={`${id}-label`}
        aria-describedby={`${id}-outcome`}
      >
        <p class="version-review__head">
          <span id={`${id}-label`} class="visually-hidden">
            {itemLabel(item)}
          </span>
          <span class={`version-review__state version-review__state--${item.state}`} aria-hidden="true">
            {STATE_LABELS[item.state]}
          </span>
          <span class="version-review__places">
            {item.oldPlace}
            {item.newPlace ? ` → ${item.newPlace}` : ''}
          </span>
          <span
            id={`${id}-outcome`}
            class={`version-review__outcome${waiting ? ' version-review__outcome--waiting' : ''}`}
          >
            {outcomeText(item.outcome ?? undefined, item.from)}
          </span>
        </p>
        <p class="version-review__hint">{STATE_HINTS[item.state]}</p>
        <div class="version-review__quotes">
          <figure class="version-review__quote">
            <figcaption>Version {item.from}</figcaption>
            <blockquote>
              {item.parts.length > 0 ? <Parts parts={item.parts} side="old" /> : item.oldQuote}
            </blockquote>
          </figure>
          <figure class="version-review__quote">
            <figcaption>Version {to}</figcaption>
            {item.newQuote === null ? (
              <p class="version-review__none">Not found</p>
            ) : (
              <blockquote>
                {item.parts.length > 0 ? <Parts parts={item.parts} side="new" /> : item.newQuote}
              </blockquote>
            )}
          </figure>
        </div>
        {waiting &&
          (reselecting ? (
            <div class="version-review__reselect" role="group" aria-label="Re-select the passage">
              <p>Select the passage in the text of version {to}, then use the selection.</p>
              <button type="button" class="button button--small button--primary" onClick={on.onUseSelection}>
                Use selection
              </button>
              <button type="button" class="button button--small" onClick={on.onCancelReselect}>
                Cancel
              </button>
            </div>
          ) : (
            <div
              class="version-review__actions"
              role="group"
              aria-label={`What to do with ${itemLabel(item)}`}
            >
              {item.state !== 'lost' && (
                <button
                  type="button"
                  class="button button--small button--primary"
                  onClick={() => on.onAct('accept')}
                >
                  Accept
                </button>
              )}
              <button type="button" class="button button--small" onClick={on.onStartReselect}>
                Re-select
              </button>
              <button type="button" class="button button--small" onClick={() => on.onAct('keep-on-old')}>
                Keep on version {item.from}
              </button>
              <button
                type="button"
                class="button button--small button--danger"
                onClick={() => on.onAct('delete')}
              >
                Delete
              </button>
              {item.newQuote !== null && (
                <button type="button" class="button button--small button--quiet" onClick={on.onShowProposed}>
                  Show in text
                </button>
              )}
            </div>
          ))}
      </article>
    </li>
  );
}
