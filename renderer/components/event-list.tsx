// The library's events: each event with its date and its accounts, to read side by side, change or delete (the
// notice's Undo brings it back; its documents are never touched), and the button that groups documents as
// accounts of a new event.
import type { JSX } from 'preact';
import { useId } from 'preact/hooks';
import type { ParleyEvent } from '../../shared/contract';
import { formatPublished } from '../format';
import type { DocumentSummary } from '../types';
import './accounts.css';

interface EventListProps {
  events: ParleyEvent[];
  documents: DocumentSummary[];
  /** The label of the command that opens the group dialog (the command table's). */
  groupLabel: string;
  onGroup: () => void;
  onShow: (eventId: string) => void;
  onOpenDocument: (documentId: string) => void;
  onEdit: (eventId: string) => void;
  onDelete: (eventId: string) => void;
}

export function EventList(props: EventListProps): JSX.Element {
  const headingId = useId();
  const titles = new Map(props.documents.map((d) => [d.id, d.source || d.title || 'Untitled']));
  return (
    <section class="events" aria-labelledby={headingId}>
      <div class="events__head">
        <h3 id={headingId} class="events__heading">
          Events
        </h3>
        <button type="button" class="button button--small" onClick={props.onGroup}>
          {props.groupLabel}
        </button>
      </div>
      {props.events.length === 0 ? (
        <p class="library__empty events__empty">
          Group two or three reports of one meeting or press conference to read them side by side.
        </p>
      ) : (
        <ul class="events__list" aria-label="Events">
          {props.events.map((event) => {
            const name = event.name;
            return (
              <li key={event.id} class="events__item" data-event-id={event.id}>
                <button
                  type="button"
                  class="library__open"
                  aria-label={`Read the accounts of “${name}” side by side`}
                  onClick={() => props.onShow(event.id)}
                >
                  <span class="library__title">{name}</span>
                  <span class="library__meta">
                    {[event.date ? formatPublished(event.date) : '', `${event.documentIds.length} accounts`]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                </button>
                <ul class="events__accounts" aria-label={`Accounts of “${name}”`}>
                  {event.documentIds.map((id) => (
                    <li key={id}>
                      <button
                        type="button"
                        class="link-button"
                        title="Open this account in the reading view"
                        onClick={() => props.onOpenDocument(id)}
                      >
                        {titles.get(id) ?? 'A deleted document'}
                      </button>
                    </li>
                  ))}
                </ul>
                <div class="library__actions">
                  <button
                    type="button"
                    class="button button--small button--quiet"
                    aria-label={`Change “${name}”`}
                    onClick={() => props.onEdit(event.id)}
                  >
                    Change…
                  </button>
                  <button
                    type="button"
                    class="button button--small button--quiet"
                    aria-label={`Delete the event “${name}”`}
                    onClick={() => props.onDelete(event.id)}
                  >
                    Delete
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
