// What team sync could not settle alone, docked beside the text as the Review panel is. A field set differently on
// two machines (a topic renamed twice, a highlight given two stances) lists every value with who set it and which
// one the notebook shows now, each with "Keep this"; a link to a highlight that another machine deleted shows the
// linking highlight, the deleted one's quote and who deleted it, with "Restore highlight" and "Remove link".
// ↑ and ↓ (Home, End) move between them; Tab goes through each one's buttons; Esc closes.
import { useEffect, useRef } from 'preact/hooks';
import type { SyncConflict, SyncConflictValue } from '../../shared/contract';
import { moveBetweenRows } from '../dom';
import { shortQuote } from '../format';
import { linkLabel } from '../links';
import { conflictCount } from '../state/sync';
import './sync.css';

export type ConflictPick = number | 'restore' | 'remove';

export interface SyncConflictsPanelProps {
  /** Null while they are read. */
  conflicts: SyncConflict[] | null;
  /** Sync is on for this notebook. */
  syncing: boolean;
  /** A highlight's quote, for the linking end of a dangling link; null when it is not in the notebook. */
  quoteOf(annotationId: string): string | null;
  /** Settles one; false when it was refused (the store says why). */
  onResolve(id: string, pick: ConflictPick): Promise<boolean>;
  onClose(): void;
}

const who = (author: string) => author.trim() || 'someone with no name set';

function hint(conflicts: SyncConflict[] | null, syncing: boolean): string {
  if (!conflicts) return 'Reading what sync could not settle…';
  if (conflicts.length === 0) {
    return syncing
      ? 'Nothing waits for you: every change sync brought in has merged.'
      : 'Sync is off for this notebook: share it (File › Share Notebook…) or join a shared one to work with colleagues.';
  }
  return `${conflictCount(conflicts.length)} that sync could not settle alone. Every value is listed with who set it; the one you keep is kept on every machine.`;
}

export function SyncConflictsPanel(props: SyncConflictsPanelProps) {
  const { conflicts } = props;
  const listRef = useRef<HTMLOListElement>(null);
  /** Where focus goes once the list is read again after a pick: the row now at that place. */
  const focusAfter = useRef<number | null>(null);

  useEffect(() => {
    document.querySelector<HTMLElement>('#sync-conflicts-heading')?.focus({ preventScroll: true });
  }, []);

  useEffect(() => {
    const at = focusAfter.current;
    if (at === null || !conflicts) return;
    focusAfter.current = null;
    const rows = [...(listRef.current?.querySelectorAll<HTMLElement>('.sync-conflicts__item') ?? [])];
    const target = rows[Math.min(at, rows.length - 1)];
    if (target) target.focus();
    else document.querySelector<HTMLElement>('#sync-conflicts-heading')?.focus({ preventScroll: true });
  }, [conflicts]);

  const resolve = async (index: number, conflict: SyncConflict, pick: ConflictPick) => {
    focusAfter.current = index;
    if (!(await props.onResolve(conflict.id, pick))) focusAfter.current = null;
  };

  return (
    <aside
      class="panel-body sync-conflicts"
      aria-labelledby="sync-conflicts-heading"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.isComposing && !event.defaultPrevented) {
          event.preventDefault();
          props.onClose();
        }
      }}
    >
      <div class="drawer__head">
        <h2 class="drawer__title" id="sync-conflicts-heading" tabIndex={-1}>
          Sync conflicts
        </h2>
        <button type="button" class="button button--quiet button--small" onClick={props.onClose}>
          Close
        </button>
      </div>
      <p class="drawer__hint" aria-live="polite">
        {hint(conflicts, props.syncing)}
      </p>
      {conflicts && conflicts.length > 0 && (
        <ol
          class="sync-conflicts__list"
          ref={listRef}
          aria-label="Conflicts"
          onKeyDown={(event) => void moveBetweenRows(event, listRef.current, '.sync-conflicts__item')}
        >
          {conflicts.map((conflict, i) => (
            <li key={conflict.id}>
              <ConflictRow
                conflict={conflict}
                tabStop={i === 0}
                quoteOf={props.quoteOf}
                onPick={(pick) => void resolve(i, conflict, pick)}
              />
            </li>
          ))}
        </ol>
      )}
    </aside>
  );
}

interface ConflictRowProps {
  conflict: SyncConflict;
  tabStop: boolean;
  quoteOf(annotationId: string): string | null;
  onPick(pick: ConflictPick): void;
}

function ConflictRow({ conflict, tabStop, quoteOf, onPick }: ConflictRowProps) {
  const id = `sync-conflict-${conflict.id.replace(/[^\w-]/g, '_')}`;
  return (
    <article
      class={`sync-conflicts__item sync-conflicts__item--${conflict.kind}`}
      data-conflict-id={conflict.id}
      tabIndex={tabStop ? 0 : -1}
      aria-labelledby={`${id}-title`}
    >
      <h3 class="sync-conflicts__title" id={`${id}-title`}>
        {conflict.title}
      </h3>
      {conflict.kind === 'field' ? (
        <FieldValues conflict={conflict} labelId={`${id}-title`} onPick={onPick} />
      ) : (
        <DanglingLink conflict={conflict} quoteOf={quoteOf} onPick={onPick} />
      )}
    </article>
  );
}

function FieldValues({
  conflict,
  labelId,
  onPick,
}: {
  conflict: SyncConflict;
  labelId: string;
  onPick(pick: number): void;
}) {
  return (
    <>
      <p class="sync-conflicts__hint">Set differently on two machines. Keep one:</p>
      <ul class="sync-conflicts__values" aria-labelledby={labelId}>
        {conflict.values.map((value: SyncConflictValue, i) => (
          <li key={i} class={`sync-conflicts__value${value.shown ? ' sync-conflicts__value--shown' : ''}`}>
            <span class="sync-conflicts__text">{value.text}</span>
            <span class="sync-conflicts__who">
              set by {who(value.author)}
              {value.shown && <span class="sync-conflicts__shown"> · shown now</span>}
            </span>
            <button
              type="button"
              class="button button--small"
              aria-label={`Keep this: “${shortQuote(value.text, 60)}”, set by ${who(value.author)}`}
              onClick={() => onPick(i)}
            >
              Keep this
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}

function DanglingLink({
  conflict,
  quoteOf,
  onPick,
}: {
  conflict: SyncConflict;
  quoteOf(annotationId: string): string | null;
  onPick(pick: 'restore' | 'remove'): void;
}) {
  const link = conflict.link;
  if (!link) return null;
  const from = quoteOf(link.from);
  return (
    <>
      <p class="sync-conflicts__hint">
        {from ? <>“{shortQuote(from, 120)}”</> : 'A highlight'} {linkLabel(link.type)} a highlight that{' '}
        {who(link.deletedBy)} deleted:
      </p>
      <blockquote class="sync-conflicts__quote">{link.quote}</blockquote>
      <div
        class="sync-conflicts__actions"
        role="group"
        aria-label={`What to do with the link: ${conflict.title}`}
      >
        <button type="button" class="button button--small button--primary" onClick={() => onPick('restore')}>
          Restore highlight
        </button>
        <button type="button" class="button button--small" onClick={() => onPick('remove')}>
          Remove link
        </button>
      </div>
    </>
  );
}
