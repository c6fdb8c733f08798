// "Edit details": the document's title, source and date, saved through updateDocument; errors keep the form open.
import { useId, useState } from 'preact/hooks';
import { errorMessage } from '../format';
import type { ParleyDocument } from '../types';
import { Modal } from './modal';

export interface DetailsPatch {
  title: string;
  source: string;
  published: string;
}

interface DetailsEditorProps {
  document: ParleyDocument;
  onSave: (patch: DetailsPatch) => Promise<void>;
  onCancel: () => void;
}

export function DetailsEditor({ document: doc, onSave, onCancel }: DetailsEditorProps) {
  const [title, setTitle] = useState(doc.title);
  const [source, setSource] = useState(doc.source);
  const [published, setPublished] = useState(doc.published);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ids = { title: useId(), source: useId(), published: useId(), hint: useId() };

  const save = async () => {
    if (!title.trim()) {
      setError('A document needs a title.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onSave({ title: title.trim(), source: source.trim(), published: published.trim() });
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  };

  return (
    <Modal label="Document details" onCancel={onCancel} class="details">
      <form
        class="details__form"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <h2 class="editor__title">Document details</h2>
        <label class="field" for={ids.title}>
          <span class="field__label">Title</span>
          <input
            id={ids.title}
            class="input"
            type="text"
            required
            maxLength={1000}
            value={title}
            onInput={(event) => setTitle(event.currentTarget.value)}
          />
        </label>
        <label class="field" for={ids.source}>
          <span class="field__label">Source</span>
          <input
            id={ids.source}
            class="input"
            type="text"
            maxLength={1000}
            value={source}
            onInput={(event) => setSource(event.currentTarget.value)}
          />
        </label>
        <label class="field" for={ids.published}>
          <span class="field__label">Date</span>
          <input
            id={ids.published}
            class="input"
            type="text"
            maxLength={40}
            placeholder="YYYY-MM-DD"
            aria-describedby={ids.hint}
            value={published}
            onInput={(event) => setPublished(event.currentTarget.value)}
          />
          <span id={ids.hint} class="field__hint">
            As YYYY-MM-DD, optionally with a time: 2009-11-02T10:22
          </span>
        </label>
        {error && (
          <p class="alert" role="alert">
            {error}
          </p>
        )}
        <div class="editor__actions">
          <button type="button" class="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" class="button button--primary" disabled={busy}>
            Save
          </button>
        </div>
      </form>
    </Modal>
  );
}
