// The "Highlight" editor: pick or create topics and write a Markdown note with a live preview. A failed save
// keeps the editor open with everything typed, and says why.
import { useId, useMemo, useState } from 'preact/hooks';
import { errorMessage, shortQuote } from '../format';
import { renderMarkdown } from '../markdown';
import type { Topic, TopicWithCount } from '../types';
import { Modal } from './modal';
import { Swatch } from './swatch';

export interface HighlightDraft {
  topicIds: string[];
  note: string;
}

interface HighlightEditorProps {
  mode: 'create' | 'edit';
  quote: string;
  topics: TopicWithCount[];
  initial: HighlightDraft;
  anchor: DOMRect | null;
  onCreateTopic: (path: string) => Promise<Topic>;
  onSave: (draft: HighlightDraft) => Promise<void>;
  onCancel: () => void;
}

export function HighlightEditor(props: HighlightEditorProps) {
  const { quote, topics, anchor, onCreateTopic, onSave, onCancel } = props;
  const [topicIds, setTopicIds] = useState<string[]>(props.initial.topicIds);
  const [note, setNote] = useState(props.initial.note);
  const [newTopic, setNewTopic] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const noteId = useId();
  const newTopicId = useId();
  const preview = useMemo(() => renderMarkdown(note), [note]);

  const toggle = (id: string, on: boolean) =>
    setTopicIds((ids) =>
      on ? (ids.includes(id) ? ids : [...ids, id]) : ids.filter((other) => other !== id),
    );

  const addTopic = async () => {
    const path = newTopic.trim().replace(/\s*\/\s*/g, '/');
    if (!path) return;
    const existing = topics.find((topic) => topic.path.toLowerCase() === path.toLowerCase());
    if (existing) {
      toggle(existing.id, true);
      setNewTopic('');
      return;
    }
    setError(null);
    try {
      const topic = await onCreateTopic(path);
      toggle(topic.id, true);
      setNewTopic('');
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  const save = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await onSave({ topicIds, note });
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  };

  return (
    <Modal label="Highlight" onCancel={onCancel} anchor={anchor} class="editor">
      <form
        class="editor__form"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <h2 class="editor__title">{props.mode === 'create' ? 'Highlight' : 'Edit highlight'}</h2>
        <blockquote class="editor__quote">{shortQuote(quote, 220)}</blockquote>

        <fieldset class="editor__topics">
          <legend>Topics</legend>
          {topics.length > 0 ? (
            <ul class="topic-options">
              {topics.map((topic) => (
                <li key={topic.id}>
                  <label class="topic-option">
                    <input
                      type="checkbox"
                      checked={topicIds.includes(topic.id)}
                      onChange={(event) => toggle(topic.id, event.currentTarget.checked)}
                    />
                    <Swatch colour={topic.colour} />
                    <span class="topic-option__path">{topic.path}</span>
                  </label>
                </li>
              ))}
            </ul>
          ) : (
            <p class="editor__hint">No topics yet: type one below.</p>
          )}
          <label class="field field--inline" for={newTopicId}>
            <span class="field__label">New topic</span>
            <input
              id={newTopicId}
              class="input"
              type="text"
              value={newTopic}
              placeholder="e.g. iran/nuclear, then Enter"
              autocomplete="off"
              spellcheck={false}
              onInput={(event) => setNewTopic(event.currentTarget.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') {
                  event.preventDefault();
                  void addTopic();
                }
              }}
            />
          </label>
        </fieldset>

        <div class="editor__note">
          <label class="field__label" for={noteId}>
            Note (Markdown)
          </label>
          <textarea
            id={noteId}
            class="input editor__textarea"
            rows={5}
            value={note}
            placeholder="Why this passage matters. **Markdown** works."
            onInput={(event) => setNote(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                void save();
              }
            }}
          />
          <div class="editor__preview-label" aria-hidden="true">
            Preview
          </div>
          <div
            class="markdown editor__preview"
            role="region"
            aria-label="Note preview"
            dangerouslySetInnerHTML={{ __html: preview }}
          />
        </div>

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
