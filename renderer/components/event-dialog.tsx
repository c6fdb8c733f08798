// The event dialog: documents grouped as accounts of one event (a name, a date, the accounts ticked), or an event
// renamed, re-dated or given other accounts; and the small dialog that asks which event's accounts to export.
// The accounts' columns follow the order of the list, the event's own accounts first. A refusal is said in the
// dialog, which keeps what was typed.
import type { JSX } from 'preact';
import { useId, useState } from 'preact/hooks';
import type { ParleyEvent } from '../../shared/contract';
import { errorMessage, formatPublished } from '../format';
import type { DocumentSummary } from '../types';
import { Modal } from './modal';
import './accounts.css';

export interface EventInput {
  name: string;
  date: string;
  documentIds: string[];
}

interface EventDialogProps {
  /** The event changed; absent when a new one is made. */
  event?: ParleyEvent;
  documents: DocumentSummary[];
  /** The documents ticked when a new event is made (the open one). */
  initialIds?: string[];
  onSave: (input: EventInput) => Promise<void>;
  onCancel: () => void;
}

/** The documents in the order the dialog lists them: the event's accounts first, in their order, then the rest. */
function listed(documents: DocumentSummary[], first: readonly string[]): DocumentSummary[] {
  const byId = new Map(documents.map((d) => [d.id, d]));
  const head = first.flatMap((id) => byId.get(id) ?? []);
  return [...head, ...documents.filter((d) => !first.includes(d.id))];
}

export function EventDialog({
  event,
  documents,
  initialIds,
  onSave,
  onCancel,
}: EventDialogProps): JSX.Element {
  const [name, setName] = useState(event?.name ?? '');
  const [date, setDate] = useState(event?.date ?? '');
  const [ticked, setTicked] = useState<string[]>(event?.documentIds ?? initialIds ?? []);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = { name: useId(), date: useId(), accounts: useId(), hint: useId(), error: useId() };
  const [order] = useState(() => listed(documents, event?.documentIds ?? []));
  const rows = order.filter((d) => documents.some((current) => current.id === d.id));

  const toggle = (id: string, on: boolean) =>
    setTicked((current) => (on ? [...current.filter((t) => t !== id), id] : current.filter((t) => t !== id)));

  const save = async () => {
    if (busy) return;
    const trimmed = name.trim();
    // In the list's order, so the columns read as the reader sees them here.
    const documentIds = rows.filter((d) => ticked.includes(d.id)).map((d) => d.id);
    if (!trimmed) {
      setError('An event needs a name.');
      return;
    }
    if (documentIds.length < 2) {
      setError('Tick at least two documents: the accounts to read side by side.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onSave({ name: trimmed, date, documentIds });
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  };

  const title = event ? `Change the event “${event.name}”` : 'Group as accounts of one event';
  return (
    <Modal label={title} onCancel={onCancel} class="details event-dialog">
      <form
        class="details__form"
        onSubmit={(submitted) => {
          submitted.preventDefault();
          void save();
        }}
      >
        <h2 class="editor__title">{title}</h2>
        <label class="field" for={ids.name}>
          <span class="field__label">Name of the event</span>
          <input
            id={ids.name}
            class="input"
            type="text"
            maxLength={1000}
            value={name}
            placeholder="Miliband and Lavrov in Moscow"
            onInput={(input) => setName(input.currentTarget.value)}
          />
        </label>
        <label class="field" for={ids.date}>
          <span class="field__label">Date (optional)</span>
          <input
            id={ids.date}
            class="input"
            type="date"
            value={date}
            onInput={(input) => setDate(input.currentTarget.value)}
          />
        </label>
        <fieldset class="event-dialog__accounts" aria-describedby={ids.hint}>
          <legend class="field__label">Accounts</legend>
          <p id={ids.hint} class="field__hint">
            Two or three reports of the same event read best side by side; the columns follow this list’s
            order.
          </p>
          {rows.length < 2 ? (
            <p>Import at least two documents first: each account of the event is a document.</p>
          ) : (
            <ul class="event-dialog__list">
              {rows.map((doc) => (
                <li key={doc.id}>
                  <label class="event-dialog__option">
                    <input
                      type="checkbox"
                      checked={ticked.includes(doc.id)}
                      onChange={(change) => toggle(doc.id, change.currentTarget.checked)}
                    />
                    <span class="event-dialog__title">{doc.title || 'Untitled'}</span>
                    <span class="event-dialog__meta">
                      {[doc.source, doc.published ? formatPublished(doc.published) : '']
                        .filter(Boolean)
                        .join(' · ')}
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          )}
        </fieldset>
        {error && (
          <p id={ids.error} class="alert" role="alert">
            {error}
          </p>
        )}
        <div class="editor__actions">
          <button type="button" class="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" class="button button--primary" disabled={busy}>
            {event ? 'Save' : 'Group'}
          </button>
        </div>
      </form>
    </Modal>
  );
}

interface ExportEventDialogProps {
  events: ParleyEvent[];
  onExport: (eventId: string) => void;
  onCancel: () => void;
}

/** Asks which event's accounts to export as Markdown tables. */
export function ExportEventDialog({ events, onExport, onCancel }: ExportEventDialogProps): JSX.Element {
  const [eventId, setEventId] = useState(events[0]?.id ?? '');
  const selectId = useId();
  return (
    <Modal label="Export the accounts of an event" onCancel={onCancel} class="details">
      <form
        class="details__form"
        onSubmit={(submitted) => {
          submitted.preventDefault();
          if (eventId) onExport(eventId);
        }}
      >
        <h2 class="editor__title">Export the accounts of an event as Markdown</h2>
        {events.length === 0 ? (
          <p>The notebook has no events yet. Group two or more documents as accounts of one event first.</p>
        ) : (
          <label class="field" for={selectId}>
            <span class="field__label">Event (one row per statement, one column per account)</span>
            <select
              id={selectId}
              class="select"
              value={eventId}
              onChange={(change) => setEventId(change.currentTarget.value)}
            >
              {events.map((event) => (
                <option key={event.id} value={event.id}>
                  {event.name}
                  {event.date ? ` (${formatPublished(event.date)})` : ''}
                </option>
              ))}
            </select>
          </label>
        )}
        <div class="editor__actions">
          <button type="button" class="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" class="button button--primary" disabled={!eventId}>
            Export…
          </button>
        </div>
      </form>
    </Modal>
  );
}
