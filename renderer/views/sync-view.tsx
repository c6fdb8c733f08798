// Team sync in the window: its dialogs (share, join, stop, Preferences), the conflicts panel docked beside the
// text, and its part of the status bar, each reading the store and reporting to it. Where focus goes when one
// closes is decided here.
import { useEffect } from 'preact/hooks';
import { toolbarLabel } from '../../shared/commands';
import { SyncConflictsPanel } from '../components/sync-conflicts';
import { JoinDialog, PreferencesDialog, ShareDialog, StopSyncDialog } from '../components/sync-dialogs';
import { SyncStatusLine } from '../components/sync-status';
import { focusSoon, focusToolbarButton } from '../dom';
import type { Store } from '../state/store';
import { syncOn } from '../state/sync';
import { useAppState, useStore } from '../state/use-store';

/** Sync's commands live in the menu and the palette, not the toolbar: focus goes back to the palette's button. */
const backToToolbar = () => focusToolbarButton(toolbarLabel('command-palette'));

export function SyncDialogs() {
  const store = useStore();
  const { ui, sync } = useAppState();
  const needsName = !sync.preferences?.authorName;
  const closeSync = () => {
    store.patchUi({ syncDialog: null });
    backToToolbar();
  };
  return (
    <>
      {ui.preferencesOpen && (
        <PreferencesDialog
          authorName={sync.preferences?.authorName ?? ''}
          onSave={async (name) => {
            await store.setAuthorName(name);
            store.patchUi({ preferencesOpen: false });
            store.say(
              name
                ? `Saved: the highlights you make are recorded as made by ${name}.`
                : 'Saved: no name is recorded on the highlights you make.',
            );
            backToToolbar();
          }}
          onCancel={() => {
            store.patchUi({ preferencesOpen: false });
            backToToolbar();
          }}
        />
      )}
      {ui.syncDialog === 'share' && (
        <ShareDialog
          status={sync.status}
          needsName={needsName}
          onShare={store.shareNotebook}
          onClose={closeSync}
        />
      )}
      {ui.syncDialog === 'join' && (
        <JoinDialog needsName={needsName} onJoin={store.joinNotebook} onClose={closeSync} />
      )}
      {ui.syncDialog === 'stop' && (
        <StopSyncDialog
          server={sync.status.server}
          onStop={async () => {
            const stopped = await store.stopSync();
            if (stopped) closeSync();
            return stopped;
          }}
          onCancel={closeSync}
        />
      )}
    </>
  );
}

function closeConflicts(store: Store): void {
  store.patchUi({ panel: null });
  // Back to the status bar's count when it is still there, else to the palette's button.
  requestAnimationFrame(() => {
    const count = document.querySelector<HTMLElement>('.sync-status__conflicts');
    if (count) count.focus({ preventScroll: true });
    else backToToolbar();
  });
}

/** The conflicts panel, when it is the side panel open. */
export function SyncConflictsView() {
  const store = useStore();
  const { ui, sync, notebook } = useAppState();
  const open = ui.panel === 'conflicts';

  // Read as it opens; after that each status that moves the count reads them again (actions/sync.ts).
  useEffect(() => {
    if (open) void store.loadConflicts();
  }, [store, open]);

  if (!open) return null;
  const quoteOf = (id: string) => {
    for (const list of notebook.annotations.values()) {
      const found = list.find((a) => a.id === id);
      if (found) return found.target.exact;
    }
    return null;
  };
  return (
    <div class="side-panel">
      <SyncConflictsPanel
        conflicts={sync.conflicts}
        syncing={syncOn(sync.status)}
        quoteOf={quoteOf}
        onResolve={store.resolveConflict}
        onClose={() => closeConflicts(store)}
      />
    </div>
  );
}

/** Sync's part of the status bar: nothing while sync is off. */
export function SyncStatusView() {
  const store = useStore();
  const { sync, ui } = useAppState();
  const open = ui.panel === 'conflicts';
  return (
    <SyncStatusLine
      status={sync.status}
      panelOpen={open}
      onConflicts={() => {
        if (open) {
          closeConflicts(store);
          return;
        }
        store.patchUi({ panel: 'conflicts' });
        store.setSuggestions((current) => ({ ...current, open: false, list: null }));
        focusSoon('#sync-conflicts-heading');
      }}
    />
  );
}
