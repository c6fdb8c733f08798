// The command palette (Ctrl/⌘+Shift+P, View › Command Palette…, the toolbar's Commands button): every command of
// the command table (shared/commands.ts) by its name, with its keys, so the actions that left the slim toolbar
// (the parties, importing annotations, each kind of export) are a few letters away. Type to filter, ↑ and ↓ to
// move, Enter to run, Escape to close; focus goes back where it was. A command that would do nothing now is shown
// disabled and is not run.
import type { JSX } from 'preact';
import { useId, useMemo, useRef, useState } from 'preact/hooks';
import { COMMANDS, type CommandId, type CommandSpec } from '../../shared/commands';
import { keyNames } from '../shortcuts';
import { Modal } from './modal';
import './command-palette.css';

export interface PaletteItem<Id extends string = string> {
  id: Id;
  label: string;
  /** The names of the keys that run it (Ctrl, Shift, P), empty when no key does. */
  keys: string[];
}

/** Whether the window runs on a Mac, where CmdOrCtrl is ⌘. */
const isMac = () => /mac/i.test(navigator.platform);

/**
 * The palette's rows, in the table's order: the runnable commands, each with the first key the menu or the window
 * answers for it on this platform (a key only a focused control answers is not a way to run it from here).
 */
export function paletteItems<Id extends CommandId>(
  runnable: readonly Id[],
  mac = isMac(),
): PaletteItem<Id>[] {
  const table: readonly CommandSpec[] = COMMANDS;
  const wanted = new Set<string>(runnable);
  return table.flatMap((command) => {
    if (!wanted.has(command.id)) return [];
    const binding = command.keys.find(
      (b) => b.window || b.menu === 'all' || b.menu === (mac ? 'mac' : 'other'),
    );
    const accelerator = binding?.keys[0];
    // Only ids of the runnable list were kept, so the id is one of them.
    return [
      { id: command.id as Id, label: command.label, keys: accelerator ? keyNames(accelerator, mac) : [] },
    ];
  });
}

/** The rows whose label holds every word typed, those starting with the first word first. */
export function filterItems<Item extends PaletteItem>(items: readonly Item[], query: string): Item[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...items];
  const matching = items.filter((item) => {
    const label = item.label.toLowerCase();
    return words.every((word) => label.includes(word));
  });
  const first = words[0] ?? '';
  const starts = (item: Item) => item.label.toLowerCase().startsWith(first);
  return [...matching.filter(starts), ...matching.filter((item) => !starts(item))];
}

interface CommandPaletteProps<Id extends string> {
  items: PaletteItem<Id>[];
  isEnabled: (id: Id) => boolean;
  /** Closes the palette; with a command, runs it once focus is back where it was. */
  onClose: (run: Id | null) => void;
}

export function CommandPalette<Id extends string>(props: CommandPaletteProps<Id>): JSX.Element {
  const { items, isEnabled, onClose } = props;
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const optionId = useId();
  const listRef = useRef<HTMLUListElement>(null);
  const shown = useMemo(() => filterItems(items, query), [items, query]);
  const at = Math.min(active, Math.max(0, shown.length - 1));
  const current = shown[at];

  const move = (next: number) => {
    if (shown.length === 0) return;
    const index = (next + shown.length) % shown.length;
    setActive(index);
    listRef.current?.children[index]?.scrollIntoView({ block: 'nearest' });
  };

  const run = (item: PaletteItem<Id> | undefined) => {
    if (item && isEnabled(item.id)) onClose(item.id);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') move(at + 1);
    else if (event.key === 'ArrowUp') move(at - 1);
    else if (event.key === 'Home' && event.ctrlKey) move(0);
    else if (event.key === 'End' && event.ctrlKey) move(shown.length - 1);
    else if (event.key === 'Enter') run(current);
    else return;
    event.preventDefault();
  };

  return (
    <Modal label="Command palette" onCancel={() => onClose(null)} class="palette">
      <input
        class="input palette__input"
        type="text"
        role="combobox"
        aria-label="Command"
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={current ? `${optionId}-${at}` : undefined}
        placeholder="Type a command…"
        autoComplete="off"
        spellcheck={false}
        autoFocus
        value={query}
        onInput={(event) => {
          setQuery(event.currentTarget.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul class="palette__list" id={listId} role="listbox" aria-label="Commands" ref={listRef}>
        {shown.map((item, index) => {
          const enabled = isEnabled(item.id);
          return (
            <li
              key={item.id}
              id={`${optionId}-${index}`}
              role="option"
              class={`palette__item${index === at ? ' palette__item--active' : ''}`}
              aria-selected={index === at}
              aria-disabled={!enabled}
              onMouseMove={() => index !== at && setActive(index)}
              onClick={() => run(item)}
            >
              <span class="palette__label">{item.label}</span>
              {item.keys.length > 0 && (
                <span class="palette__keys">
                  {item.keys.map((key, i) => (
                    <>
                      {i > 0 && '+'}
                      <kbd>{key}</kbd>
                    </>
                  ))}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {shown.length === 0 && (
        <p class="palette__empty" role="status">
          No command is called “{query.trim()}”.
        </p>
      )}
    </Modal>
  );
}
