// The library: every document in the notebook with its source, date and number of highlights, to open, rename
// in place, or delete (after asking; the toolbar's Undo brings it back), sorted and filtered by the reader, and
// under them the events (given as `events`). A second tab lists the open document's highlights (`highlights`).
import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import { errorMessage, foldForFilter, formatPublished } from '../format';
import type { DocumentSummary } from '../types';
import './highlight-list.css';

export type LibrarySort = 'opened' | 'imported' | 'title' | 'date' | 'highlights';

export const LIBRARY_SORTS: Array<{ value: LibrarySort; label: string }> = [
  { value: 'opened', label: 'Recently opened' },
  { value: 'imported', label: 'Recently imported' },
  { value: 'title', label: 'Title' },
  { value: 'date', label: 'Date published' },
  { value: 'highlights', label: 'Most highlights' },
];

interface LibrarySidebarProps {
  documents: DocumentSummary[];
  openId: string | null;
  onOpen: (id: string) => void;
  onRename: (id: string, title: string) => Promise<void>;
  onDelete: (id: string) => Promise<void>;
  onClose: () => void;
  /** Shown under the documents (the events and their accounts). */
  events?: ComponentChildren;
  /** The Highlights tab's content; without it the library has no tabs. */
  highlights?: ComponentChildren;
  tab?: SidebarTab;
  onTab?: (tab: SidebarTab) => void;
}

export type SidebarTab = 'documents' | 'highlights';

const TABS: Array<{ value: SidebarTab; label: string }> = [
  { value: 'documents', label: 'Documents' },
  { value: 'highlights', label: 'Highlights' },
];

export function sortDocuments(documents: DocumentSummary[], sort: LibrarySort): DocumentSummary[] {
  const indexed = documents.map((doc, index) => ({ doc, index }));
  const compare = (
    a: { doc: DocumentSummary; index: number },
    b: { doc: DocumentSummary; index: number },
  ): number => {
    switch (sort) {
      case 'title':
        return a.doc.title.localeCompare(b.doc.title, undefined, { sensitivity: 'base', numeric: true });
      case 'date':
        // Newest first; documents without a date go last.
        if (!a.doc.published !== !b.doc.published) return a.doc.published ? -1 : 1;
        return b.doc.published.localeCompare(a.doc.published);
      case 'highlights':
        return b.doc.annotationCount - a.doc.annotationCount;
      case 'opened':
        // Most recently opened first; documents never opened follow, newest import first.
        if (!a.doc.openedAt !== !b.doc.openedAt) return a.doc.openedAt ? -1 : 1;
        return (
          b.doc.openedAt.localeCompare(a.doc.openedAt) ||
          b.doc.importedAt.localeCompare(a.doc.importedAt) ||
          b.index - a.index
        );
      case 'imported':
        return b.doc.importedAt.localeCompare(a.doc.importedAt) || b.index - a.index;
    }
  };
  return indexed.sort((a, b) => compare(a, b) || a.index - b.index).map(({ doc }) => doc);
}

export function filterDocuments(documents: DocumentSummary[], query: string): DocumentSummary[] {
  const words = foldForFilter(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return documents;
  return documents.filter((doc) => {
    const haystack = foldForFilter(`${doc.title} ${doc.source} ${doc.published}`);
    return words.every((word) => haystack.includes(word));
  });
}

function highlightCount(count: number): string {
  return count === 1 ? '1 highlight' : `${count} highlights`;
}

interface ItemProps {
  doc: DocumentSummary;
  current: boolean;
  onOpen: (id: string) => void;
  onRename: (id: string, title: string) => Promise<void>;
  onDelete: (id: string) => Promise<void>;
}

function LibraryItem({ doc, current, onOpen, onRename, onDelete }: ItemProps): JSX.Element {
  const [mode, setMode] = useState<'view' | 'rename' | 'confirm'>('view');
  const [title, setTitle] = useState(doc.title);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const renameRef = useRef<HTMLButtonElement>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef<'rename' | 'delete' | null>(null);
  const name = doc.title || 'Untitled';
  const errorId = useId();

  useEffect(() => {
    if (mode === 'rename') inputRef.current?.select();
    else if (mode === 'confirm') cancelRef.current?.focus();
    else if (returnFocus.current) {
      (returnFocus.current === 'rename' ? renameRef : deleteRef).current?.focus();
      returnFocus.current = null;
    }
  }, [mode]);

  const back = (to: 'rename' | 'delete') => {
    returnFocus.current = to;
    setError(null);
    setMode('view');
  };

  const save = async () => {
    const next = title.trim();
    if (!next) {
      setError('A document needs a title.');
      return;
    }
    if (next === doc.title) {
      back('rename');
      return;
    }
    setBusy(true);
    try {
      await onRename(doc.id, next);
      back('rename');
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  const meta = [
    doc.source,
    doc.published ? formatPublished(doc.published) : '',
    highlightCount(doc.annotationCount),
  ]
    .filter(Boolean)
    .join(' · ');

  return (
    <li class={`library__item${current ? ' library__item--current' : ''}`} data-document-id={doc.id}>
      {mode === 'rename' ? (
        <form
          class="library__rename"
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <input
            ref={inputRef}
            class="input"
            type="text"
            aria-label={`New title for “${name}”`}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            maxLength={1000}
            value={title}
            disabled={busy}
            onInput={(event) => setTitle(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') {
                event.preventDefault();
                event.stopPropagation();
                setTitle(doc.title);
                back('rename');
              }
            }}
          />
          {error && (
            <p id={errorId} class="library__error">
              {error}
            </p>
          )}
        </form>
      ) : (
        <button
          type="button"
          class="library__open"
          aria-current={current ? 'page' : undefined}
          onClick={() => onOpen(doc.id)}
        >
          <span class="library__title">{name}</span>
          <span class="library__meta">{meta}</span>
        </button>
      )}
      {mode === 'confirm' ? (
        <div class="library__confirm" role="group" aria-label={`Delete “${name}”?`}>
          <span>Delete this document and its {highlightCount(doc.annotationCount)}?</span>
          <button
            type="button"
            class="button button--small button--danger"
            disabled={busy}
            onClick={async () => {
              setBusy(true);
              try {
                await onDelete(doc.id);
              } catch (failure) {
                setError(errorMessage(failure));
                setBusy(false);
              }
            }}
          >
            Delete
          </button>
          <button ref={cancelRef} type="button" class="button button--small" onClick={() => back('delete')}>
            Cancel
          </button>
          {error && <p class="library__error">{error}</p>}
        </div>
      ) : (
        mode === 'view' && (
          <div class="library__actions">
            <button
              ref={renameRef}
              type="button"
              class="button button--small button--quiet"
              aria-label={`Rename “${name}”`}
              onClick={() => {
                setTitle(doc.title);
                setMode('rename');
              }}
            >
              Rename
            </button>
            <button
              ref={deleteRef}
              type="button"
              class="button button--small button--quiet"
              aria-label={`Delete “${name}”`}
              onClick={() => setMode('confirm')}
            >
              Delete
            </button>
          </div>
        )
      )}
    </li>
  );
}

export function LibrarySidebar(props: LibrarySidebarProps): JSX.Element {
  const [sort, setSort] = useState<LibrarySort>('imported');
  const [query, setQuery] = useState('');
  const ids = { heading: useId(), filter: useId(), sort: useId(), tabs: useId() };
  const tabbed = props.highlights !== undefined;
  const tab = tabbed ? (props.tab ?? 'documents') : 'documents';
  const tabId = (value: SidebarTab) => `${ids.tabs}-${value}`;
  const onTabKey = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const next = tab === 'documents' ? 'highlights' : 'documents';
    props.onTab?.(next);
    document.getElementById(tabId(next))?.focus();
  };
  const shown = useMemo(
    () => filterDocuments(sortDocuments(props.documents, sort), query),
    [props.documents, sort, query],
  );

  return (
    <aside
      class="library"
      aria-labelledby={ids.heading}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.defaultPrevented) {
          event.preventDefault();
          props.onClose();
        }
      }}
    >
      <div class="library__head">
        <h2 id={ids.heading} class="library__heading">
          Library
        </h2>
        <span class="library__count">
          {props.documents.length === 1 ? '1 document' : `${props.documents.length} documents`}
        </span>
      </div>
      {tabbed && (
        <div class="sidebar-tabs" role="tablist" aria-label="Sidebar" onKeyDown={onTabKey}>
          {TABS.map((option) => (
            <button
              key={option.value}
              id={tabId(option.value)}
              type="button"
              role="tab"
              class="sidebar-tabs__tab"
              aria-selected={tab === option.value}
              aria-controls={`${ids.tabs}-panel`}
              tabIndex={tab === option.value ? 0 : -1}
              onClick={() => props.onTab?.(option.value)}
            >
              {option.label}
            </button>
          ))}
        </div>
      )}
      {tab === 'highlights' ? (
        <div
          id={`${ids.tabs}-panel`}
          class="sidebar-tabs__panel"
          role="tabpanel"
          aria-labelledby={tabId('highlights')}
        >
          {props.highlights}
        </div>
      ) : (
        <div
          id={`${ids.tabs}-panel`}
          class="sidebar-tabs__panel"
          role={tabbed ? 'tabpanel' : undefined}
          aria-labelledby={tabbed ? tabId('documents') : undefined}
        >
          <input
            id={ids.filter}
            class="input library__filter"
            type="search"
            aria-label="Filter documents"
            placeholder="Filter documents"
            value={query}
            onInput={(event) => setQuery(event.currentTarget.value)}
          />
          <label class="library__sort" for={ids.sort}>
            <span class="toolbar__label">Sort by</span>
            <select
              id={ids.sort}
              class="select"
              value={sort}
              onChange={(event) => setSort(event.currentTarget.value as LibrarySort)}
            >
              {LIBRARY_SORTS.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </label>
          {shown.length === 0 ? (
            <p class="library__empty">
              {props.documents.length === 0 ? 'No documents yet.' : 'No document matches the filter.'}
            </p>
          ) : (
            <ul class="library__list" aria-label="Documents">
              {shown.map((doc) => (
                <LibraryItem
                  key={doc.id}
                  doc={doc}
                  current={doc.id === props.openId}
                  onOpen={props.onOpen}
                  onRename={props.onRename}
                  onDelete={props.onDelete}
                />
              ))}
            </ul>
          )}
          {props.events}
        </div>
      )}
    </aside>
  );
}
