// The notices under the toolbar: the polite status line (with Undo beside a deletion), progress of long work,
// the error with its Dismiss, and the offer to import what was pasted.
import { useAppState, useStore } from '../state/use-store';

export function Notices() {
  const store = useStore();
  const { ui, notebook } = useAppState();
  const { message, undoOffer, progress, error, pendingPaste } = ui;
  return (
    <div class="notices">
      <div class="notice-row">
        <p class="notice" role="status" aria-live="polite">
          {message}
        </p>
        {undoOffer && undoOffer === message && notebook.history?.canUndo && (
          <button
            type="button"
            class="button button--small notice__undo"
            onClick={() => void store.runHistory('undo')}
          >
            Undo
          </button>
        )}
      </div>
      {progress && (
        <div class="notice notice--progress">
          <label class="progress">
            <span>{progress.task}…</span>
            <progress
              max={progress.total || undefined}
              value={progress.total ? progress.done : undefined}
              aria-valuetext={progress.total ? `${progress.done} of ${progress.total}` : undefined}
            />
          </label>
        </div>
      )}
      <div class="notice notice--error" role="alert">
        {error && (
          <>
            <span>{error}</span>
            <button
              type="button"
              class="button button--small button--quiet"
              onClick={() => store.patchUi({ error: null })}
            >
              Dismiss
            </button>
          </>
        )}
      </div>
      {pendingPaste && (
        <div class="notice notice--question" role="group" aria-label="Import pasted text">
          <span>Import the pasted {pendingPaste.kind} as a new document?</span>
          <button
            type="button"
            class="button button--small button--primary"
            onClick={() => {
              store.patchUi({ pendingPaste: null });
              void store.importBytes([pendingPaste]);
            }}
          >
            Import
          </button>
          <button
            type="button"
            class="button button--small"
            onClick={() => store.patchUi({ pendingPaste: null })}
          >
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}
