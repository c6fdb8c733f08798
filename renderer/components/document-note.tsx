// The researcher's own Markdown note on the whole document, under its text: read rendered (marked, then
// DOMPurify), written in a plain textarea, saved through updateDocument.
import type { JSX } from 'preact';
import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import { errorMessage } from '../format';
import { renderMarkdown } from '../markdown';

interface DocumentNoteProps {
  /** Which document the note belongs to: a new one closes an unsaved edit. */
  documentId: string;
  note: string;
  onSave: (note: string) => Promise<void>;
}

export function DocumentNote({ documentId, note, onSave }: DocumentNoteProps): JSX.Element {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(note);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ids = { heading: useId(), field: useId(), error: useId() };
  const areaRef = useRef<HTMLTextAreaElement>(null);
  const editRef = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  const html = useMemo(() => (note.trim() ? renderMarkdown(note) : ''), [note]);

  useEffect(() => {
    setEditing(false);
    setError(null);
  }, [documentId]);

  useEffect(() => {
    if (editing) areaRef.current?.focus();
    else if (refocus.current) {
      refocus.current = false;
      editRef.current?.focus();
    }
  }, [editing]);

  const close = () => {
    refocus.current = true;
    setError(null);
    setEditing(false);
  };

  const save = async () => {
    if (draft === note) {
      close();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onSave(draft);
      close();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="doc-note" aria-labelledby={ids.heading}>
      <div class="doc-note__head">
        <h2 id={ids.heading} class="doc-note__heading">
          Document note
        </h2>
        {!editing && (
          <button
            ref={editRef}
            type="button"
            class="button button--small"
            onClick={() => {
              setDraft(note);
              setEditing(true);
            }}
          >
            {note.trim() ? 'Edit note' : 'Write a note'}
          </button>
        )}
      </div>
      {editing ? (
        <form
          class="doc-note__form"
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <label class="field__label" for={ids.field}>
            Note on this document (Markdown)
          </label>
          <textarea
            ref={areaRef}
            id={ids.field}
            class="input doc-note__textarea"
            rows={8}
            value={draft}
            disabled={busy}
            aria-describedby={error ? ids.error : undefined}
            onInput={(event) => setDraft(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                void save();
              } else if (event.key === 'Escape') {
                event.preventDefault();
                event.stopPropagation();
                close();
              }
            }}
          />
          {error && (
            <p id={ids.error} class="alert" role="alert">
              {error}
            </p>
          )}
          <div class="doc-note__actions">
            <button type="submit" class="button button--primary button--small" disabled={busy}>
              Save note
            </button>
            <button type="button" class="button button--small" onClick={close}>
              Cancel
            </button>
            <span class="field__hint">Ctrl+Enter saves, Esc cancels.</span>
          </div>
        </form>
      ) : html ? (
        <div class="markdown doc-note__body" dangerouslySetInnerHTML={{ __html: html }} />
      ) : (
        <p class="doc-note__empty">No note on this document yet.</p>
      )}
    </section>
  );
}
