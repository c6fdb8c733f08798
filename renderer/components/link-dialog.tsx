// "Link…" on a note card: say how this passage bears on another one (rebuts, contradicts, concedes to, agrees
// with, answers), found by typing a few of its words; highlights in other documents are offered too.
import { useId, useMemo, useState } from 'preact/hooks';
import { errorMessage, shortQuote } from '../format';
import { LINK_TYPE_ORDER, linkLabel, searchPassages, type PassageRef } from '../links';
import type { Annotation, LinkType, Party } from '../types';
import { PartyChip } from './party-chip';
import { Modal } from './modal';

interface LinkDialogProps {
  from: Annotation;
  /** Every highlight that can be linked to, the open document's first. */
  candidates: PassageRef[];
  documentId: string | null;
  parties: ReadonlyMap<string, Party>;
  onLink: (input: { toId: string; type: LinkType }) => Promise<void>;
  onCancel: () => void;
}

export function LinkDialog({ from, candidates, documentId, parties, onLink, onCancel }: LinkDialogProps) {
  const [type, setType] = useState<LinkType>('rebuts');
  const [query, setQuery] = useState('');
  const [toId, setToId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ids = { type: useId(), search: useId(), group: useId() };
  const found = useMemo(() => searchPassages(candidates, query), [candidates, query]);
  const chosen = candidates.find((c) => c.annotation.id === toId) ?? null;

  const save = async () => {
    if (!toId || busy) return;
    setBusy(true);
    setError(null);
    try {
      await onLink({ toId, type });
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  };

  return (
    <Modal label="Link passage" onCancel={onCancel} class="link-dialog">
      <form
        class="editor__form"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <h2 class="editor__title">Link passage</h2>
        <blockquote class="editor__quote">{shortQuote(from.target.exact, 200)}</blockquote>
        <label class="field field--inline" for={ids.type}>
          <span class="field__label">Link type</span>
          <select
            id={ids.type}
            class="select"
            value={type}
            onChange={(event) => setType(event.currentTarget.value as LinkType)}
          >
            {LINK_TYPE_ORDER.map((t) => (
              <option key={t} value={t}>
                {linkLabel(t)}
              </option>
            ))}
          </select>
        </label>
        <label class="field" for={ids.search}>
          <span class="field__label">Find a passage</span>
          <input
            id={ids.search}
            class="input"
            type="search"
            value={query}
            placeholder="Words from the quote or its note"
            autocomplete="off"
            onInput={(event) => setQuery(event.currentTarget.value)}
          />
        </label>
        <fieldset class="link-dialog__choices" aria-describedby={ids.group}>
          <legend class="field__label">Passage</legend>
          <p id={ids.group} class="field__hint" aria-live="polite">
            {candidates.length === 0
              ? 'There is no other highlight to link to yet.'
              : found.length === 0
                ? 'No highlight matches these words.'
                : `${found.length} of ${candidates.length} highlights`}
          </p>
          <ul class="link-dialog__list">
            {found.map((passage) => {
              const party = passage.annotation.partyId ? parties.get(passage.annotation.partyId) : undefined;
              return (
                <li key={passage.annotation.id}>
                  <label class="link-choice">
                    <input
                      type="radio"
                      name={ids.group}
                      value={passage.annotation.id}
                      checked={toId === passage.annotation.id}
                      onChange={() => setToId(passage.annotation.id)}
                    />
                    <span class="link-choice__body">
                      <span class="link-choice__quote">
                        “{shortQuote(passage.annotation.target.exact, 140)}”
                      </span>
                      <span class="link-choice__meta">
                        {party && <PartyChip party={party} />}
                        {passage.documentId !== documentId && (
                          <span class="link-choice__doc">{passage.documentTitle || 'Untitled'}</span>
                        )}
                      </span>
                    </span>
                  </label>
                </li>
              );
            })}
          </ul>
        </fieldset>
        {error && (
          <p class="alert" role="alert">
            {error}
          </p>
        )}
        <div class="editor__actions">
          <button type="button" class="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" class="button button--primary" disabled={!chosen || busy}>
            Link
          </button>
        </div>
      </form>
    </Modal>
  );
}
