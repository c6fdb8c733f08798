// Picking topics by typing: an ARIA combobox that filters the codebook by path, shows the chosen topics as
// removable chips, and offers to create the topic typed when none matches exactly. Enter on a highlighted option
// picks it; Enter with none highlighted picks the topic typed, making it when it does not exist yet.
import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import { matchTopics, normalizePath } from '../panels/topic-paths';
import type { Topic, TopicWithCount } from '../types';
import { Swatch } from './swatch';
import '../panels/panels.css';

export interface TopicComboboxProps {
  topics: TopicWithCount[];
  selected: string[];
  onChange(ids: string[]): void;
  /** Makes a topic; a rejection keeps the text typed (the caller says why). */
  onCreate(path: string): Promise<TopicWithCount | Topic>;
  label?: string;
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

  const known = useMemo(() => {
    const map = new Map<string, Topic>(made.current);
    for (const topic of topics) map.set(topic.id, topic);
    return map;
  }, [topics, selected]);
  const chosen = selected.map((id) => known.get(id)).filter((t): t is Topic => !!t);

  const path = normalizePath(query);
  const options = useMemo<Option[]>(() => {
    const { matches, exact } = matchTopics([...known.values()], path, new Set(selected));
    const list: Option[] = matches.map((topic) => ({ kind: 'topic', topic }));
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
    setStatus(`Added ${topic.path}`);
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

  /** Enter with nothing highlighted: the topic typed, picked when it exists and made when not. */
  const commitTyped = () => {
    if (!path) return;
    const { exact } = matchTopics([...known.values()], path, new Set());
    if (exact) {
      if (selected.includes(exact.id)) {
        setStatus(`${exact.path} is already chosen`);
        setQuery('');
      } else add(exact);
    } else void create(path);
  };

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
            setQuery(event.currentTarget.value);
            setOpen(true);
            setActive(-1);
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
        Type to find a topic; arrows move through the list, Enter picks, Backspace in an empty field removes
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
                <span>Create topic “{option.path}”</span>
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
