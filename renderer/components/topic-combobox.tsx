// Picking topics by typing: an ARIA combobox that filters the codebook by path, shows the chosen topics as
// removable chips, and offers to create the topic typed when none matches exactly. Typing preselects the first
// option: the best existing match, or "Create topic 'x'" only when no topic matches. Enter takes the selected option
// and nothing else, so a topic is made only by choosing to make it, never by a prefix typed and Enter pressed.
// A caller that makes topics only later (the highlight editor, on save) hands back a draft topic (draftTopic),
// shown as a chip marked new.
import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import { matchTopics, normalizePath, pathKey } from '../panels/topic-paths';
import type { Topic, TopicWithCount } from '../types';
import { Swatch } from './swatch';
import '../panels/panels.css';
import './topic-combobox.css';

const DRAFT_PREFIX = 'new-topic:';

/** A topic to be made later under this path: it has no id in the notebook yet, only one that stands for it. */
export function draftTopic(path: string): Topic {
  const wanted = normalizePath(path);
  return { id: `${DRAFT_PREFIX}${pathKey(wanted)}`, path: wanted, colour: 'transparent', description: '' };
}

export function isDraftTopic(id: string): boolean {
  return id.startsWith(DRAFT_PREFIX);
}

export interface TopicComboboxProps {
  topics: TopicWithCount[];
  selected: string[];
  onChange(ids: string[]): void;
  /** Makes a topic, or a draft of one (draftTopic); a rejection keeps the text typed (the caller says why). */
  onCreate(path: string): Promise<TopicWithCount | Topic>;
  label?: string;
  /** Set to this field's handle, so a form around it can settle what is typed before it saves. */
  handle?: { current: TopicFieldHandle | null };
}

/** What a form asks of the field when it saves. */
export interface TopicFieldHandle {
  /**
   * Text typed and not yet taken: when its preselected option is an existing topic, that topic is taken (as Enter
   * would) and the topics chosen with it are returned; when the only choice is to make a topic, nothing is guessed:
   * the field is focused and the reason comes back to show.
   */
  settle(): { ok: true; selected: string[] } | { ok: false; message: string };
}

type Option = { kind: 'topic'; topic: Topic } | { kind: 'create'; path: string };

export function TopicCombobox(props: TopicComboboxProps) {
  const { topics, selected, onChange, onCreate } = props;
  const label = props.label ?? 'Topics';
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  // Topics made here show as chips before the caller's list has caught up with them.
  const made = useRef(new Map<string, Topic>());
  const inputId = useId();
  const listId = useId();
  const hintId = useId();
  const optionId = (index: number) => `${listId}-o${index}`;

  // A draft counts only while it is chosen: one dropped again is not offered as if it were in the codebook.
  const known = useMemo(() => {
    const map = new Map<string, Topic>();
    for (const [id, topic] of made.current) {
      if (!isDraftTopic(id) || selected.includes(id)) map.set(id, topic);
    }
    for (const topic of topics) map.set(topic.id, topic);
    return map;
  }, [topics, selected]);
  const chosen = selected.map((id) => known.get(id)).filter((t): t is Topic => !!t);

  const path = normalizePath(query);
  const options = useMemo<Option[]>(() => {
    const { matches, exact } = matchTopics([...known.values()], path, new Set(selected));
    const list: Option[] = matches.map((topic) => ({ kind: 'topic', topic }));
    // An exact match (chosen or not) never offers to make the topic again.
    if (path && !exact) list.push({ kind: 'create', path });
    return list;
  }, [known, path, selected]);
  const expanded = open && options.length > 0;
  const activeOption = expanded ? options[active] : undefined;

  useEffect(() => {
    if (active >= options.length) setActive(options.length - 1);
  }, [options.length]);

  useEffect(() => {
    if (!expanded || active < 0) return;
    listRef.current?.querySelector(`#${CSS.escape(optionId(active))}`)?.scrollIntoView({ block: 'nearest' });
  }, [active, expanded]);

  const add = (topic: Topic) => {
    if (!selected.includes(topic.id)) onChange([...selected, topic.id]);
    setStatus(
      isDraftTopic(topic.id) ? `Added ${topic.path}, a new topic made when you save` : `Added ${topic.path}`,
    );
    setQuery('');
    setActive(-1);
    setOpen(false);
  };

  const remove = (topic: Topic) => {
    onChange(selected.filter((id) => id !== topic.id));
    setStatus(`Removed ${topic.path}`);
  };

  const create = async (wanted: string) => {
    if (busy) return;
    setBusy(true);
    try {
      const topic = await onCreate(wanted);
      made.current.set(topic.id, topic);
      add(topic);
    } catch {
      // The caller reports the failure; the text stays so it can be corrected.
    } finally {
      setBusy(false);
    }
  };

  const choose = (option: Option) => {
    if (option.kind === 'topic') add(option.topic);
    else void create(option.path);
  };

  /**
   * Enter with no option selected (the list was closed with Escape, say): an existing topic typed exactly is
   * picked; anything else opens the list again with its first option selected, so Enter never makes a topic
   * that was not chosen.
   */
  const commitTyped = () => {
    if (!path) return;
    const { exact } = matchTopics([...known.values()], path, new Set());
    if (exact) {
      if (selected.includes(exact.id)) {
        setStatus(`${exact.path} is already chosen`);
        setQuery('');
      } else add(exact);
    } else if (options.length) {
      setOpen(true);
      setActive(0);
    }
  };

  if (props.handle) {
    props.handle.current = {
      settle() {
        if (!path) return { ok: true, selected };
        const option = options[active >= 0 ? active : 0];
        if (!option) {
          // Typed exactly and already chosen: nothing to add.
          setQuery('');
          return { ok: true, selected };
        }
        if (option.kind === 'topic') {
          add(option.topic);
          return { ok: true, selected: [...selected, option.topic.id] };
        }
        inputRef.current?.focus();
        setOpen(true);
        setActive(options.length - 1);
        return {
          ok: false,
          message: `The topic field holds '${option.path}': press Enter to create it, or clear the field.`,
        };
      },
    };
  }

  const move = (delta: number) => {
    if (!options.length) return;
    if (!open) {
      setOpen(true);
      setActive(delta > 0 ? 0 : options.length - 1);
      return;
    }
    setActive((index) => {
      if (index < 0) return delta > 0 ? 0 : options.length - 1;
      return (index + delta + options.length) % options.length;
    });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.isComposing) return;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (event.altKey) setOpen(true);
        else move(1);
        break;
      case 'ArrowUp':
        event.preventDefault();
        move(-1);
        break;
      case 'Enter':
        // Ctrl+Enter belongs to the form around the field (save), not to the list.
        if (event.ctrlKey || event.metaKey) break;
        event.preventDefault();
        setOpen(false);
        if (activeOption) choose(activeOption);
        else commitTyped();
        break;
      case 'Escape':
        if (expanded) {
          event.preventDefault();
          event.stopPropagation();
          setOpen(false);
          setActive(-1);
        }
        break;
      case 'Backspace': {
        const last = chosen[chosen.length - 1];
        if (!query && last && inputRef.current?.selectionStart === 0) {
          event.preventDefault();
          remove(last);
        }
        break;
      }
      case 'Tab':
        setOpen(false);
        setActive(-1);
        break;
    }
  };

  return (
    <div class="topic-combobox">
      <label class="field__label" for={inputId}>
        {label}
      </label>
      <div class="topic-combobox__box">
        {chosen.length > 0 && (
          <ul class="topic-combobox__chips" aria-label={`Chosen ${label.toLowerCase()}`}>
            {chosen.map((topic) => (
              <li key={topic.id} class="chip topic-combobox__chip" style={{ '--swatch': topic.colour }}>
                <Swatch colour={topic.colour} />
                <span>{topic.path}</span>
                {isDraftTopic(topic.id) && (
                  <span class="topic-combobox__new" title="A new topic, made when you save">
                    new
                  </span>
                )}
                <button
                  type="button"
                  class="topic-combobox__remove"
                  aria-label={`Remove topic ${topic.path}`}
                  title={`Remove ${topic.path}`}
                  onClick={() => {
                    remove(topic);
                    inputRef.current?.focus();
                  }}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        <input
          id={inputId}
          ref={inputRef}
          class="input topic-combobox__input"
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={activeOption ? optionId(active) : undefined}
          aria-describedby={hintId}
          aria-busy={busy}
          value={query}
          placeholder={chosen.length ? 'Add another…' : 'Type a topic, e.g. iran/nuclear'}
          autocomplete="off"
          spellcheck={false}
          onInput={(event) => {
            const value = event.currentTarget.value;
            setQuery(value);
            setOpen(true);
            // What is typed preselects the first option: the best match, or making the topic when none matches.
            setActive(normalizePath(value) ? 0 : -1);
          }}
          onFocus={() => setOpen(true)}
          onClick={() => setOpen(true)}
          onBlur={() => {
            setOpen(false);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
        />
      </div>
      <span id={hintId} class="visually-hidden">
        Type to find a topic; the first match is selected. Arrows move through the list, which ends with the
        choice to create the topic typed; Enter takes the selected option; Backspace in an empty field removes
        the last topic chosen.
      </span>
      <ul
        id={listId}
        ref={listRef}
        class="topic-combobox__list"
        role="listbox"
        aria-label={label}
        hidden={!expanded}
      >
        {expanded &&
          options.map((option, index) => (
            <li
              key={option.kind === 'topic' ? option.topic.id : '#create'}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              class={`topic-combobox__option${index === active ? ' topic-combobox__option--active' : ''}${
                option.kind === 'create' ? ' topic-combobox__option--create' : ''
              }`}
              // The input keeps focus: a click picks without a blur closing the list first.
              onMouseDown={(event) => event.preventDefault()}
              onMouseMove={() => index !== active && setActive(index)}
              onClick={() => choose(option)}
            >
              {option.kind === 'topic' ? (
                <>
                  <Swatch colour={option.topic.colour} />
                  <span>{option.topic.path}</span>
                </>
              ) : (
                <span>Create topic '{option.path}'</span>
              )}
            </li>
          ))}
      </ul>
      <span class="visually-hidden" role="status" aria-live="polite">
        {status}
      </span>
    </div>
  );
}
