// The "Highlight" editor: pick or create topics by typing, say whose position the passage is and what stance it takes,
// and write a Markdown note with a live preview. Ctrl+Enter (⌘+Enter) saves from any of its fields. A failed save
// keeps the editor open with everything typed, and says why. Topics created here are made only when the highlight
// is saved, with it in one step, so an editor that is cancelled leaves no topic behind.
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { errorMessage, shortQuote } from '../format';
import { renderMarkdown } from '../markdown';
import type { Party, Topic, TopicWithCount } from '../types';
import { Modal } from './modal';
import { Swatch } from './swatch';
import { draftTopic, isDraftTopic, TopicCombobox, type TopicFieldHandle } from './topic-combobox';
import type { Anchor } from '../state/ui';

export interface HighlightDraft {
  topicIds: string[];
  /** Paths of topics to make with the highlight (after topicIds). */
  newTopics?: string[];
  note: string;
  partyId: string | null;
  stance: string | null;
}

/** The Stance select's value that opens the "New stance" field instead of choosing a stance. */
const ADD_STANCE = '#add';

interface HighlightEditorProps {
  mode: 'create' | 'edit';
  quote: string;
  topics: TopicWithCount[];
  parties: Party[];
  stances: string[];
  initial: HighlightDraft;
  anchor: Anchor | null;
  /** Adds a stance to the notebook's list; resolves to the list as it now is. */
  onAddStance: (name: string) => Promise<string[]>;
  onSave: (draft: HighlightDraft) => Promise<void>;
  onCancel: () => void;
}

export function HighlightEditor(props: HighlightEditorProps) {
  const { quote, topics, parties, stances, anchor, onAddStance, onSave, onCancel } = props;
  const [topicIds, setTopicIds] = useState<string[]>(props.initial.topicIds);
  const [note, setNote] = useState(props.initial.note);
  const [partyId, setPartyId] = useState<string | null>(props.initial.partyId);
  const [stance, setStance] = useState<string | null>(props.initial.stance);
  const [addingStance, setAddingStance] = useState(false);
  const [newStance, setNewStance] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const newStanceRef = useRef<HTMLInputElement>(null);
  const noteId = useId();
  const partySelectId = useId();
  const stanceId = useId();
  const newStanceId = useId();
  const preview = useMemo(() => renderMarkdown(note), [note]);
  const party = parties.find((p) => p.id === partyId) ?? null;
  // A stance the passage carries that the list no longer offers still shows, so saving keeps it.
  const stanceOptions = stance && !stances.includes(stance) ? [...stances, stance] : stances;

  // The editor opens with focus in the topic field, whether the highlight is new or has topics already (the dialog
  // alone would put it on the first topic's remove button, where Enter or Space removes the topic).
  const formRef = useRef<HTMLFormElement>(null);
  useLayoutEffect(() => {
    formRef.current?.querySelector<HTMLElement>('[role=combobox]')?.focus();
  }, []);

  useEffect(() => {
    if (addingStance) newStanceRef.current?.focus();
  }, [addingStance]);

  /** A topic created in the combobox is a draft, path kept as typed, until the highlight is saved. */
  const drafts = useRef(new Map<string, string>());
  const createTopic = async (path: string): Promise<Topic> => {
    const topic = draftTopic(path);
    drafts.current.set(topic.id, topic.path);
    return topic;
  };

  const addStance = async () => {
    const name = newStance.trim().replace(/\s+/g, ' ');
    if (!name) return;
    const existing = stanceOptions.find((s) => s.toLowerCase() === name.toLowerCase());
    if (existing) {
      setStance(existing);
      setNewStance('');
      setAddingStance(false);
      return;
    }
    setError(null);
    try {
      const list = await onAddStance(name);
      setStance(list.find((s) => s.toLowerCase() === name.toLowerCase()) ?? name);
      setNewStance('');
      setAddingStance(false);
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  // Text left in the topic field is taken or refused on save, never dropped in silence.
  const topicField = useRef<TopicFieldHandle | null>(null);

  const save = async () => {
    if (busy) return;
    const settled = topicField.current?.settle() ?? { ok: true, selected: topicIds };
    if (!settled.ok) {
      setError(settled.message);
      return;
    }
    const chosenIds = settled.selected;
    setBusy(true);
    setError(null);
    try {
      const newTopics = chosenIds.flatMap((id) => (isDraftTopic(id) ? (drafts.current.get(id) ?? []) : []));
      await onSave({
        topicIds: chosenIds.filter((id) => !isDraftTopic(id)),
        newTopics,
        note,
        partyId,
        stance,
      });
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  };

  return (
    <Modal label="Highlight" onCancel={onCancel} anchor={anchor} class="editor">
      <form
        ref={formRef}
        class="editor__form"
        onKeyDownCapture={(event) => {
          // Ctrl+Enter (⌘+Enter) saves from any field: the topics, the party and stance, the note. Caught on the
          // way down, before a field's own Enter (taking a topic, adding a stance) can claim it.
          if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey) || event.isComposing) return;
          event.preventDefault();
          event.stopPropagation();
          void save();
        }}
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <h2 class="editor__title">{props.mode === 'create' ? 'Highlight' : 'Edit highlight'}</h2>
        <blockquote class="editor__quote">{shortQuote(quote, 220)}</blockquote>

        <div class="editor__topics">
          <TopicCombobox
            topics={topics}
            selected={topicIds}
            onChange={setTopicIds}
            onCreate={createTopic}
            label="Topics"
            handle={topicField}
          />
        </div>

        <div class="editor__position">
          <label class="field" for={partySelectId}>
            <span class="field__label">Party</span>
            <span class="editor__select-row">
              <Swatch colour={party?.colour ?? 'transparent'} />
              <select
                id={partySelectId}
                class="select"
                value={partyId ?? ''}
                onChange={(event) => setPartyId(event.currentTarget.value || null)}
              >
                <option value="">None</option>
                {parties.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.short && p.short !== p.name ? `${p.name} (${p.short})` : p.name}
                  </option>
                ))}
              </select>
            </span>
          </label>
          <label class="field" for={stanceId}>
            <span class="field__label">Stance</span>
            <select
              id={stanceId}
              class="select"
              value={stance ?? ''}
              onChange={(event) => {
                const value = event.currentTarget.value;
                if (value === ADD_STANCE) {
                  event.currentTarget.value = stance ?? '';
                  setAddingStance(true);
                } else {
                  setStance(value || null);
                }
              }}
            >
              <option value="">None</option>
              {stanceOptions.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
              <option value={ADD_STANCE}>Add stance…</option>
            </select>
          </label>
          {addingStance && (
            <div class="field editor__new-stance">
              <label class="field__label" for={newStanceId}>
                New stance
              </label>
              <span class="editor__select-row">
                <input
                  id={newStanceId}
                  ref={newStanceRef}
                  class="input"
                  type="text"
                  maxLength={40}
                  value={newStance}
                  placeholder="e.g. threat, then Enter"
                  autocomplete="off"
                  onInput={(event) => setNewStance(event.currentTarget.value)}
                  onKeyDown={(event) => {
                    if (event.key === 'Enter') {
                      event.preventDefault();
                      void addStance();
                    } else if (event.key === 'Escape') {
                      event.preventDefault();
                      event.stopPropagation();
                      setAddingStance(false);
                      setNewStance('');
                    }
                  }}
                />
                <button type="button" class="button" onClick={() => void addStance()}>
                  Add
                </button>
              </span>
            </div>
          )}
        </div>

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
