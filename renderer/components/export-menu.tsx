// The toolbar's Export menu: every export in one place (this document, one topic across documents, the whole
// notebook as one file or a folder of files, the CSV of highlights, the comparison, W3C annotations of this
// document or of the notebook), as a menu button worked with the arrow keys; and the small dialog that asks which
// topic. The items are the command table's (shared/commands.ts): each runs its command, and shows while the
// command is enabled.
import type { JSX } from 'preact';
import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { exportMenuItems, type ExportMenuCommandId } from '../../shared/commands';
import type { TopicWithCount } from '../types';
import { Modal } from './modal';

const ITEMS = exportMenuItems();

interface ExportMenuProps {
  /** Whether the command can run now (this document's exports need a document). */
  isEnabled: (id: ExportMenuCommandId) => boolean;
  busy: boolean;
  onChoose: (id: ExportMenuCommandId) => void;
}

export function ExportMenu({ isEnabled, busy, onChoose }: ExportMenuProps): JSX.Element {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);
  const menuId = useId();
  const buttonId = useId();
  const items = ITEMS.filter((item) => isEnabled(item.id));

  // Before paint, so a key pressed as soon as the menu shows already reaches the item in focus.
  useLayoutEffect(() => {
    if (!open) return undefined;
    menuRef.current?.querySelectorAll<HTMLElement>('[role=menuitem]')[active]?.focus();
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node | null;
      if (target && !menuRef.current?.contains(target) && !buttonRef.current?.contains(target))
        setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open, active]);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };

  const choose = (id: ExportMenuCommandId) => {
    close(true);
    onChoose(id);
  };

  const onMenuKey = (event: KeyboardEvent) => {
    let next = -1;
    if (event.key === 'ArrowDown') next = (active + 1) % items.length;
    else if (event.key === 'ArrowUp') next = (active + items.length - 1) % items.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = items.length - 1;
    else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close(true);
      return;
    } else if (event.key === 'Tab') {
      close(false);
      return;
    }
    if (next < 0) return;
    event.preventDefault();
    setActive(next);
  };

  return (
    <div class="menu-button">
      <button
        ref={buttonRef}
        id={buttonId}
        type="button"
        class="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        // aria-disabled, not disabled, while an export runs: a disabled button would drop the focus it was given
        // back when the menu closed, to the page's body.
        aria-disabled={busy}
        onClick={() => {
          if (busy) return;
          setActive(0);
          setOpen((value) => !value);
        }}
        onKeyDown={(event) => {
          if (busy) return;
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            setActive(event.key === 'ArrowDown' ? 0 : items.length - 1);
            setOpen(true);
          }
        }}
      >
        Export
      </button>
      {open && (
        <ul
          ref={menuRef}
          id={menuId}
          class="menu"
          role="menu"
          aria-labelledby={buttonId}
          onKeyDown={onMenuKey}
        >
          {items.map((item, i) => (
            <li key={item.id} role="none">
              <button
                type="button"
                role="menuitem"
                class="menu__item"
                tabIndex={i === active ? 0 : -1}
                onClick={() => choose(item.id)}
                onMouseEnter={() => setActive(i)}
              >
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** How Markdown exports cite each quote; the dialogs offer the choice, and it is kept for the session. */
export type CiteChoice = 'none' | 'pandoc';

interface CitationsChoiceProps {
  cite: CiteChoice;
  onCite: (cite: CiteChoice) => void;
}

/** The export dialogs' "Citations" choice: none, or a Pandoc citation after each quote. */
function CitationsChoice({ cite, onCite }: CitationsChoiceProps): JSX.Element {
  const selectId = useId();
  const hintId = useId();
  return (
    <label class="field" for={selectId}>
      <span class="field__label">Citations</span>
      <select
        id={selectId}
        class="select"
        value={cite}
        aria-describedby={hintId}
        onChange={(event) => onCite(event.currentTarget.value === 'pandoc' ? 'pandoc' : 'none')}
      >
        <option value="none">None</option>
        <option value="pandoc">Pandoc [@key]</option>
      </select>
      <span id={hintId} class="field__hint">
        Pandoc: each quote is followed by [@key, ¶ 9], or [@key, p. 4] for a PDF; the keys are the documents’
        citation keys (Edit details), as parley export --format csl-json writes them.
      </span>
    </label>
  );
}

interface TopicExportDialogProps extends CitationsChoiceProps {
  topics: TopicWithCount[];
  initialTopicId?: string | null;
  onExport: (topicId: string) => void;
  onCancel: () => void;
}

/** Asks which topic to export; its subtopics go with it. */
export function TopicExportDialog({
  topics,
  initialTopicId,
  onExport,
  onCancel,
  cite,
  onCite,
}: TopicExportDialogProps): JSX.Element {
  const [topicId, setTopicId] = useState(
    initialTopicId && topics.some((t) => t.id === initialTopicId) ? initialTopicId : (topics[0]?.id ?? ''),
  );
  const selectId = useId();
  return (
    <Modal label="Export a topic" onCancel={onCancel} class="details">
      <form
        class="details__form"
        onSubmit={(event) => {
          event.preventDefault();
          if (topicId) onExport(topicId);
        }}
      >
        <h2 class="editor__title">Export a topic as Markdown</h2>
        {topics.length === 0 ? (
          <p>The notebook has no topics yet. Tag a highlight with a topic first.</p>
        ) : (
          <label class="field" for={selectId}>
            <span class="field__label">Topic (with its subtopics, across every document)</span>
            <select
              id={selectId}
              class="select"
              value={topicId}
              onChange={(event) => setTopicId(event.currentTarget.value)}
            >
              {topics.map((topic) => (
                <option key={topic.id} value={topic.id}>
                  {topic.path} ({topic.count})
                </option>
              ))}
            </select>
          </label>
        )}
        {topics.length > 0 && <CitationsChoice cite={cite} onCite={onCite} />}
        <div class="editor__actions">
          <button type="button" class="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" class="button button--primary" disabled={!topicId}>
            Export…
          </button>
        </div>
      </form>
    </Modal>
  );
}

interface NotebookExportDialogProps extends CitationsChoiceProps {
  onExport: (mode: 'file' | 'folder') => void;
  onCancel: () => void;
}

/** Asks whether the whole notebook goes into one Markdown file or one file per document in a folder. */
export function NotebookExportDialog({
  onExport,
  onCancel,
  cite,
  onCite,
}: NotebookExportDialogProps): JSX.Element {
  return (
    <Modal label="Export the notebook" onCancel={onCancel} class="details">
      <div class="details__form">
        <h2 class="editor__title">Export the whole notebook as Markdown</h2>
        <p>
          Every document with its highlights and notes, in one file or as one file per document in a folder.
        </p>
        <CitationsChoice cite={cite} onCite={onCite} />
        <div class="editor__actions">
          <button type="button" class="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="button" class="button" onClick={() => onExport('folder')}>
            One file per document…
          </button>
          <button type="button" class="button button--primary" onClick={() => onExport('file')}>
            One file…
          </button>
        </div>
      </div>
    </Modal>
  );
}
