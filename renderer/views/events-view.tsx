// The events where the library shows them, and the events' dialogs (group, change, which to export), read from the
// store and reporting to it. Where focus goes when a dialog closes is decided here.
import { commandById } from '../../shared/commands';
import { EventDialog, ExportEventDialog } from '../components/event-dialog';
import { EventList } from '../components/event-list';
import { focusSoon } from '../dom';
import { useAppState, useStore } from '../state/use-store';

export function LibraryEventsView() {
  const store = useStore();
  const { notebook, ui, open } = useAppState();
  return (
    <EventList
      events={notebook.events}
      documents={notebook.documents}
      groupLabel={commandById('group-accounts').label}
      onGroup={() =>
        store.patchUi({
          error: null,
          eventDialog: { mode: 'create', documentIds: open.document ? [open.document.id] : [] },
        })
      }
      onShow={(eventId) => store.showAccounts(eventId)}
      onOpenDocument={(id) => {
        if (ui.view !== 'reading') store.patchUi({ view: 'reading' });
        if (id !== open.document?.id) void store.openDocument(id);
      }}
      onEdit={(eventId) => store.patchUi({ error: null, eventDialog: { mode: 'edit', eventId } })}
      onDelete={async (eventId) => {
        if (await store.deleteEvent(eventId)) focusSoon('.events__head button');
      }}
    />
  );
}

export function EventDialogs() {
  const store = useStore();
  const { notebook, ui } = useAppState();
  const dialog = ui.eventDialog;
  if (!dialog) return null;
  const close = () => store.patchUi({ eventDialog: null });

  if (dialog.mode === 'export') {
    return (
      <ExportEventDialog
        events={notebook.events}
        onCancel={close}
        onExport={(eventId) => {
          close();
          void store.exportAccounts(eventId);
        }}
      />
    );
  }

  const event = dialog.mode === 'edit' ? notebook.events.find((e) => e.id === dialog.eventId) : undefined;
  if (dialog.mode === 'edit' && !event) return null;
  return (
    <EventDialog
      key={dialog.mode === 'edit' ? dialog.eventId : 'new'}
      event={event}
      documents={notebook.documents}
      initialIds={dialog.mode === 'create' ? dialog.documentIds : undefined}
      onCancel={close}
      onSave={async (input) => {
        if (event) {
          await store.updateEvent({ id: event.id, ...input });
          close();
        } else {
          const made = await store.createEvent(input);
          close();
          // The new event's accounts, side by side; focus on the view's tab, from where Tab reaches the columns.
          store.showAccounts(made.id);
          focusSoon('#tab-accounts');
        }
      }}
    />
  );
}
