// The accounts view: an event's accounts read side by side (components/accounts-columns.tsx), which event, and
// its export. The alignment is read again when shown, when the event changes, and after every step that may change
// it (not a document merely opened); each account's text once, and again when its record changed.
import { useEffect, useId } from 'preact/hooks';
import { commandById } from '../../shared/commands';
import { AccountsColumns } from '../components/accounts-columns';
import { VIEW_PANEL_IDS, VIEW_TAB_IDS } from '../components/toolbar';
import { formatPublished } from '../format';
import { shownEvent } from '../state/accounts';
import { useAppState, useStore } from '../state/use-store';

export function AccountsView() {
  const store = useStore();
  const { notebook, ui, accounts } = useAppState();
  const shown = ui.view === 'accounts';
  const event = shownEvent(accounts, notebook.events);
  const ids = { heading: useId(), event: useId() };

  useEffect(() => {
    if (shown) void store.loadAlignment();
  }, [store, shown, event?.id, accounts.stamp]);

  const alignment =
    accounts.alignment && accounts.alignment.event.id === event?.id ? accounts.alignment : null;

  return (
    <div id={VIEW_PANEL_IDS.accounts} role="tabpanel" aria-labelledby={VIEW_TAB_IDS.accounts} hidden={!shown}>
      {shown && (
        <section class="accounts" aria-labelledby={ids.heading}>
          <div class="accounts__top">
            <h1 class="compare__title" id={ids.heading}>
              Accounts
            </h1>
            {event && notebook.events.length > 1 && (
              <label class="toolbar__field" for={ids.event}>
                <span class="toolbar__label">Event</span>
                <select
                  id={ids.event}
                  class="select"
                  value={event.id}
                  onChange={(change) => store.showAccounts(change.currentTarget.value)}
                >
                  {notebook.events.map((e) => (
                    <option key={e.id} value={e.id}>
                      {e.name}
                    </option>
                  ))}
                </select>
              </label>
            )}
            {event && (
              <p class="accounts__event">
                <span class="accounts__event-name">{event.name}</span>
                {event.date && <span class="accounts__event-date"> · {formatPublished(event.date)}</span>}
              </p>
            )}
            {event && (
              <div class="accounts__actions">
                <button
                  type="button"
                  class="button"
                  onClick={() => store.patchUi({ eventDialog: { mode: 'edit', eventId: event.id } })}
                >
                  Change event…
                </button>
                <button
                  type="button"
                  class="button"
                  disabled={ui.exportBusy}
                  onClick={() => void store.exportAccounts(event.id)}
                >
                  Export Markdown…
                </button>
              </div>
            )}
          </div>
          {!event ? (
            <div class="compare__empty accounts__empty">
              <p>
                No events yet. Group two or three reports of one meeting or press conference as accounts of
                one event to read them side by side, their shared statements level.
              </p>
              <button
                type="button"
                class="button button--primary"
                onClick={() =>
                  store.patchUi({
                    eventDialog: { mode: 'create', documentIds: store.openId() ? [store.openId()!] : [] },
                  })
                }
              >
                {commandById('group-accounts').label}
              </button>
            </div>
          ) : !alignment ? (
            <p class="compare__empty">Aligning the accounts…</p>
          ) : alignment.accounts.length < 2 ? (
            <p class="compare__empty">
              This event has one account left. Change the event to add another account to read beside it.
            </p>
          ) : (
            <AccountsColumns
              alignment={alignment}
              texts={accounts.texts}
              focus={accounts.focus?.documentId ? accounts.focus : null}
              focusTick={accounts.focusTick}
              onFocus={store.focusAccounts}
            />
          )}
        </section>
      )}
    </div>
  );
}
