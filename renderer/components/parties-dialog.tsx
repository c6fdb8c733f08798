// The "Parties" dialog: the sides a notebook compares, each with a name, a short name, a colour and the aliases
// by which the text names the people and bodies who speak for it. Create, edit, merge one into another, and
// delete — which never deletes a passage: its highlights stay, without a party.
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { errorMessage } from '../format';
import { colourInputValue, parseAliases } from '../parties';
import type { PartyWithCount } from '../types';
import { Modal } from './modal';
import { Swatch } from './swatch';

export interface PartyInput {
  name: string;
  short: string;
  colour: string;
  aliases: string[];
}

interface PartiesDialogProps {
  parties: PartyWithCount[];
  onCreate: (input: PartyInput) => Promise<void>;
  onUpdate: (id: string, input: PartyInput) => Promise<void>;
  onMerge: (fromId: string, intoId: string) => Promise<void>;
  onDelete: (id: string) => Promise<void>;
  onClose: () => void;
}

/** Colours for new parties: distinguishable for colour-blind readers, and none of them a topic's red or green. */
const PALETTE = ['#4477aa', '#ee6677', '#228833', '#ccbb44', '#66ccee', '#aa3377', '#bbbbbb'];

function passages(count: number): string {
  return count === 1 ? '1 passage' : `${count} passages`;
}

interface PartyFormProps {
  label: string;
  submitLabel: string;
  initial: PartyInput;
  onSubmit: (input: PartyInput) => Promise<void>;
  onCancel?: () => void;
  /** Empties the form after a successful submit (for "New party"). */
  resetAfter?: boolean;
  autoFocus?: boolean;
}

function PartyForm(props: PartyFormProps) {
  const { initial } = props;
  const [name, setName] = useState(initial.name);
  const [short, setShort] = useState(initial.short);
  const [colour, setColour] = useState(initial.colour);
  const [aliases, setAliases] = useState(initial.aliases.join(', '));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const ids = { name: useId(), short: useId(), colour: useId(), aliases: useId(), hint: useId() };
  const pickable = colourInputValue(colour);

  useEffect(() => {
    if (props.autoFocus) nameRef.current?.focus();
  }, []);

  const submit = async () => {
    if (!name.trim()) {
      setError('A party needs a name.');
      nameRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await props.onSubmit({
        name: name.trim(),
        short: short.trim(),
        colour,
        aliases: parseAliases(aliases),
      });
      if (props.resetAfter) {
        setName('');
        setShort('');
        setAliases('');
      }
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      class="party-form"
      aria-label={props.label}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <div class="party-form__row">
        <label class="field party-form__name" for={ids.name}>
          <span class="field__label">Name</span>
          <input
            id={ids.name}
            ref={nameRef}
            class="input"
            type="text"
            maxLength={200}
            value={name}
            placeholder="e.g. United Kingdom"
            onInput={(event) => setName(event.currentTarget.value)}
          />
        </label>
        <label class="field party-form__short" for={ids.short}>
          <span class="field__label">Short name</span>
          <input
            id={ids.short}
            class="input"
            type="text"
            maxLength={40}
            value={short}
            placeholder="UK"
            onInput={(event) => setShort(event.currentTarget.value)}
          />
        </label>
        <label class="field party-form__colour" for={ids.colour}>
          <span class="field__label">Colour</span>
          <input
            id={ids.colour}
            class="input input--colour"
            type="color"
            value={pickable ?? '#888888'}
            onInput={(event) => setColour(event.currentTarget.value)}
          />
        </label>
      </div>
      <label class="field" for={ids.aliases}>
        <span class="field__label">Aliases</span>
        <input
          id={ids.aliases}
          class="input"
          type="text"
          value={aliases}
          aria-describedby={ids.hint}
          placeholder="Miliband, David Miliband, British Foreign Office"
          onInput={(event) => setAliases(event.currentTarget.value)}
        />
        <span id={ids.hint} class="field__hint">
          Separated by commas: the people and bodies who speak for this party.
        </span>
      </label>
      {error && (
        <p class="alert" role="alert">
          {error}
        </p>
      )}
      <div class="editor__actions">
        {props.onCancel && (
          <button type="button" class="button" onClick={props.onCancel}>
            Cancel
          </button>
        )}
        <button type="submit" class="button button--primary" disabled={busy}>
          {props.submitLabel}
        </button>
      </div>
    </form>
  );
}

type RowMode = { id: string; mode: 'edit' | 'merge' | 'delete' } | null;

export function PartiesDialog(props: PartiesDialogProps) {
  const { parties } = props;
  const [row, setRow] = useState<RowMode>(null);
  const [mergeInto, setMergeInto] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const mergeSelect = useId();
  const headingId = useId();
  const mergeRef = useRef<HTMLSelectElement>(null);
  const keepRef = useRef<HTMLButtonElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  /** The party whose row gets focus back when its question closes. */
  const returnTo = useRef<string | null>(null);

  useEffect(() => {
    if (row?.mode === 'merge') mergeRef.current?.focus();
    else if (row?.mode === 'delete') keepRef.current?.focus();
    else if (!row && returnTo.current) {
      const id = returnTo.current;
      returnTo.current = null;
      listRef.current
        ?.querySelector<HTMLElement>(`[data-party-id="${CSS.escape(id)}"] .party-row__actions button`)
        ?.focus();
    }
  }, [row]);

  const closeRow = () => {
    if (row) returnTo.current = row.id;
    setRow(null);
  };

  const used = new Set(parties.map((p) => colourInputValue(p.colour)));
  const nextColour = PALETTE.find((c) => !used.has(c)) ?? PALETTE[parties.length % PALETTE.length]!;

  /** Runs a merge or delete; afterwards focus goes to `focusId`'s row, or the first row left. */
  const run = async (action: () => Promise<void>, focusId: string | null) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      returnTo.current = focusId ?? parties.find((p) => p.id !== row?.id)?.id ?? null;
      setRow(null);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal label="Parties" onCancel={props.onClose} class="parties">
      <div class="parties__body">
        <div class="parties__head">
          <h2 class="editor__title" id={headingId}>
            Parties
          </h2>
          <button type="button" class="button button--quiet" onClick={props.onClose}>
            Close
          </button>
        </div>
        <p class="field__hint">
          Whose position a passage expresses. A party’s aliases are how the text names it; suggestions use
          them to tell who spoke.
        </p>
        {parties.length === 0 ? (
          <p class="editor__hint">No parties yet: add the first below.</p>
        ) : (
          <ul class="parties__list" aria-labelledby={headingId} ref={listRef}>
            {parties.map((party) => {
              const mode = row?.id === party.id ? row.mode : null;
              const others = parties.filter((p) => p.id !== party.id);
              return (
                <li key={party.id} class="party-row" aria-label={party.name} data-party-id={party.id}>
                  {mode === 'edit' ? (
                    <PartyForm
                      label={`Edit ${party.name}`}
                      submitLabel="Save"
                      autoFocus
                      initial={{
                        name: party.name,
                        short: party.short,
                        colour: party.colour,
                        aliases: party.aliases,
                      }}
                      onSubmit={async (input) => {
                        await props.onUpdate(party.id, input);
                        closeRow();
                      }}
                      onCancel={closeRow}
                    />
                  ) : (
                    <>
                      <div class="party-row__summary">
                        <Swatch colour={party.colour} />
                        <span class="party-row__name">{party.name}</span>
                        {party.short && party.short !== party.name && (
                          <span class="party-row__short">{party.short}</span>
                        )}
                        <span class="party-row__count">{passages(party.count)}</span>
                        {!mode && (
                          <span class="party-row__actions">
                            <button
                              type="button"
                              class="button button--small"
                              aria-label={`Edit ${party.name}`}
                              onClick={() => setRow({ id: party.id, mode: 'edit' })}
                            >
                              Edit
                            </button>
                            <button
                              type="button"
                              class="button button--small"
                              aria-label={`Merge ${party.name}…`}
                              disabled={others.length === 0}
                              onClick={() => {
                                setMergeInto(others[0]?.id ?? '');
                                setError(null);
                                setRow({ id: party.id, mode: 'merge' });
                              }}
                            >
                              Merge…
                            </button>
                            <button
                              type="button"
                              class="button button--small"
                              aria-label={`Delete ${party.name}`}
                              onClick={() => {
                                setError(null);
                                setRow({ id: party.id, mode: 'delete' });
                              }}
                            >
                              Delete
                            </button>
                          </span>
                        )}
                      </div>
                      <p class="party-row__aliases">
                        {party.aliases.length > 0 ? (
                          <>
                            <span class="visually-hidden">Aliases: </span>
                            {party.aliases.join(', ')}
                          </>
                        ) : (
                          <span class="party-row__none">No aliases</span>
                        )}
                      </p>
                      {mode === 'merge' && (
                        <div class="party-row__confirm" role="group" aria-label={`Merge ${party.name}`}>
                          <label class="field field--inline" for={mergeSelect}>
                            <span class="field__label">Merge into</span>
                            <select
                              id={mergeSelect}
                              class="select"
                              ref={mergeRef}
                              value={mergeInto}
                              onChange={(event) => setMergeInto(event.currentTarget.value)}
                            >
                              {others.map((p) => (
                                <option key={p.id} value={p.id}>
                                  {p.name}
                                </option>
                              ))}
                            </select>
                          </label>
                          <p class="field__hint">
                            {party.count === 1 ? 'Its passage moves' : `Its ${party.count} passages move`} to
                            the party chosen, and “{party.name}” and its aliases become that party’s aliases.
                          </p>
                          <span class="party-row__buttons">
                            <button type="button" class="button button--small" onClick={closeRow}>
                              Cancel
                            </button>
                            <button
                              type="button"
                              class="button button--small button--primary"
                              disabled={busy || !mergeInto}
                              onClick={() => void run(() => props.onMerge(party.id, mergeInto), mergeInto)}
                            >
                              Merge
                            </button>
                          </span>
                        </div>
                      )}
                      {mode === 'delete' && (
                        <div class="party-row__confirm" role="group" aria-label={`Delete ${party.name}?`}>
                          <p class="party-row__question">
                            Delete “{party.name}”?{' '}
                            {party.count === 1
                              ? 'Its passage is kept, with no party.'
                              : `Its ${passages(party.count)} are kept, with no party.`}
                          </p>
                          <span class="party-row__buttons">
                            <button
                              type="button"
                              class="button button--small"
                              ref={keepRef}
                              onClick={closeRow}
                            >
                              Keep
                            </button>
                            <button
                              type="button"
                              class="button button--small button--danger"
                              disabled={busy}
                              onClick={() => void run(() => props.onDelete(party.id), null)}
                            >
                              Delete party
                            </button>
                          </span>
                        </div>
                      )}
                    </>
                  )}
                </li>
              );
            })}
          </ul>
        )}
        {error && (
          <p class="alert" role="alert">
            {error}
          </p>
        )}
        <section class="parties__new" aria-label="New party">
          <h3 class="parties__subtitle">New party</h3>
          <PartyForm
            key={nextColour}
            label="New party"
            submitLabel="Add party"
            resetAfter
            initial={{ name: '', short: '', colour: nextColour, aliases: [] }}
            onSubmit={props.onCreate}
          />
        </section>
      </div>
    </Modal>
  );
}
