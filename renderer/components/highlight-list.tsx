// The open document's highlights as a list in the sidebar, as Zotero and Hypothesis list a document's annotations:
// each with its quote (shortened), topics, party, stance, who made it, the start of its note and its date; sorted by
// position, topic, party, stance or date, narrowed by topic, party, stance and words (its author's name among them).
// A row, clicked or taken with Enter, asks for its passage (the store brings it into view and makes it active); ↑
// and ↓ move between rows. It shows what it is given, so a highlight added, edited, deleted or undone is listed as
// the store's state says.
import type { JSX } from 'preact';
import { useId, useMemo, useRef, useState } from 'preact/hooks';
import { foldForFilter, formatPublished, shortQuote } from '../format';
import type { Annotation, Party, Topic } from '../types';
import { Swatch } from './swatch';
import './highlight-list.css';

export type HighlightSort = 'position' | 'topic' | 'party' | 'stance' | 'created' | 'updated';

export const HIGHLIGHT_SORTS: Array<{ value: HighlightSort; label: string }> = [
  { value: 'position', label: 'Position in the text' },
  { value: 'topic', label: 'Topic' },
  { value: 'party', label: 'Party' },
  { value: 'stance', label: 'Stance' },
  { value: 'created', label: 'Newest first' },
  { value: 'updated', label: 'Recently edited' },
];

export interface HighlightFilters {
  /** '' for any; NONE for those without one. */
  topicId: string;
  partyId: string;
  stance: string;
  query: string;
}

/** The filter value that keeps the highlights without a topic, party or stance. */
export const NONE = '\u0000none';

export interface HighlightNames {
  topics: ReadonlyMap<string, Topic>;
  parties: ReadonlyMap<string, Party>;
}

function topicPaths(annotation: Annotation, names: HighlightNames): string[] {
  return annotation.topicIds
    .map((id) => names.topics.get(id)?.path)
    .filter((path): path is string => !!path)
    .sort((a, b) => a.localeCompare(b));
}

function partyName(annotation: Annotation, names: HighlightNames): string {
  return (annotation.partyId && names.parties.get(annotation.partyId)?.name) || '';
}

/** The note as one line of plain words: Markdown's marks left out. */
export function noteExcerpt(note: string, max = 90): string {
  const plain = note
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s*(?:#+|>+|[-*+]|\d+[.)])\s+/gm, '')
    .replace(/[*_`~]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return plain ? shortQuote(plain, max) : '';
}

/** Empty values sort after every named one; ties keep the order of the text. */
function byName(a: string, b: string): number {
  if (!a !== !b) return a ? -1 : 1;
  return a.localeCompare(b, undefined, { sensitivity: 'base', numeric: true });
}

function byPosition(a: Annotation, b: Annotation): number {
  return a.target.start - b.target.start || a.target.end - b.target.end;
}

export function sortHighlights(
  annotations: readonly Annotation[],
  sort: HighlightSort,
  names: HighlightNames,
): Annotation[] {
  const compare = (a: Annotation, b: Annotation): number => {
    switch (sort) {
      case 'position':
        return 0;
      case 'topic':
        return byName(topicPaths(a, names).join(', '), topicPaths(b, names).join(', '));
      case 'party':
        return byName(partyName(a, names), partyName(b, names));
      case 'stance':
        return byName(a.stance ?? '', b.stance ?? '');
      case 'created':
        return b.createdAt.localeCompare(a.createdAt);
      case 'updated':
        return b.updatedAt.localeCompare(a.updatedAt);
    }
  };
  return [...annotations].sort((a, b) => compare(a, b) || byPosition(a, b));
}

export function filterHighlights(
  annotations: readonly Annotation[],
  filters: HighlightFilters,
  names: HighlightNames,
): Annotation[] {
  const words = foldForFilter(filters.query).split(/\s+/).filter(Boolean);
  const matches = (wanted: string, values: readonly string[]) =>
    wanted === '' || (wanted === NONE ? values.length === 0 : values.includes(wanted));
  return annotations.filter((a) => {
    if (!matches(filters.topicId, a.topicIds)) return false;
    if (!matches(filters.partyId, a.partyId ? [a.partyId] : [])) return false;
    if (!matches(filters.stance, a.stance ? [a.stance] : [])) return false;
    if (words.length === 0) return true;
    const party = a.partyId ? names.parties.get(a.partyId) : undefined;
    const haystack = foldForFilter(
      [a.target.exact, a.note, ...topicPaths(a, names), party?.name, party?.short, a.stance, a.author].join(
        ' ',
      ),
    );
    return words.every((word) => haystack.includes(word));
  });
}

/** The date a row shows: when it was made, or when it was last edited. */
function rowDate(annotation: Annotation): string {
  const made = formatPublished(annotation.createdAt.slice(0, 10));
  const edited = formatPublished(annotation.updatedAt.slice(0, 10));
  return annotation.updatedAt > annotation.createdAt && edited !== made ? `edited ${edited}` : made;
}

export interface HighlightListProps extends HighlightNames {
  /** The open document's highlights; null when no document is open. */
  annotations: readonly Annotation[] | null;
  /** Highlights whose quote no longer matches the text (listed, marked as needing review). */
  needsReview: readonly string[];
  activeId: string | null;
  /** Asks for the passage: brought into view and made active. */
  onGo(id: string): void;
}

export function HighlightList(props: HighlightListProps): JSX.Element {
  const [sort, setSort] = useState<HighlightSort>('position');
  const [filters, setFilters] = useState<HighlightFilters>({
    topicId: '',
    partyId: '',
    stance: '',
    query: '',
  });
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const ids = { sort: useId(), topic: useId(), party: useId(), stance: useId(), count: useId() };
  const all = props.annotations ?? [];
  const names = { topics: props.topics, parties: props.parties };

  const shown = useMemo(
    () => filterHighlights(sortHighlights(all, sort, names), filters, names),
    [all, sort, filters, props.topics, props.parties],
  );
  // The filters offer only what this document's highlights use.
  const used = useMemo(() => {
    const topics = new Set(all.flatMap((a) => a.topicIds));
    const parties = new Set(all.flatMap((a) => (a.partyId ? [a.partyId] : [])));
    const stances = new Set(all.flatMap((a) => (a.stance ? [a.stance] : [])));
    return {
      topics: [...props.topics.values()]
        .filter((t) => topics.has(t.id))
        .sort((a, b) => a.path.localeCompare(b.path)),
      parties: [...props.parties.values()]
        .filter((p) => parties.has(p.id))
        .sort((a, b) => byName(a.name, b.name)),
      stances: [...stances].sort(byName),
    };
  }, [all, props.topics, props.parties]);

  const review = new Set(props.needsReview);
  // One row takes Tab (the one last in focus, else the active passage's, else the first); ↑ and ↓ move.
  const tabStop =
    shown.find((a) => a.id === focusedId)?.id ??
    shown.find((a) => a.id === props.activeId)?.id ??
    shown[0]?.id;

  const onListKey = (event: KeyboardEvent) => {
    const rows = [...(listRef.current?.querySelectorAll<HTMLButtonElement>('.highlight-list__row') ?? [])];
    const at = rows.indexOf(document.activeElement as HTMLButtonElement);
    let next: number;
    if (event.key === 'ArrowDown') next = Math.min(rows.length - 1, at + 1);
    else if (event.key === 'ArrowUp') next = Math.max(0, at - 1);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = rows.length - 1;
    else return;
    event.preventDefault();
    rows[next]?.focus();
  };

  const set = (patch: Partial<HighlightFilters>) => setFilters((current) => ({ ...current, ...patch }));
  const filtered = filters.topicId || filters.partyId || filters.stance || filters.query.trim();

  if (props.annotations === null) {
    return <p class="highlight-list__empty">Open a document to list its highlights.</p>;
  }

  return (
    <div class="highlight-list">
      <input
        class="input highlight-list__filter"
        type="search"
        aria-label="Filter highlights"
        placeholder="Filter highlights"
        value={filters.query}
        onInput={(event) => set({ query: event.currentTarget.value })}
      />
      <div class="highlight-list__controls">
        <label for={ids.sort}>Sort by</label>
        <select
          id={ids.sort}
          class="select"
          value={sort}
          onChange={(event) => setSort(event.currentTarget.value as HighlightSort)}
        >
          {HIGHLIGHT_SORTS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        <label for={ids.topic}>Topic</label>
        <select
          id={ids.topic}
          class="select"
          value={filters.topicId}
          onChange={(event) => set({ topicId: event.currentTarget.value })}
        >
          <option value="">Any topic</option>
          {used.topics.map((topic) => (
            <option key={topic.id} value={topic.id}>
              {topic.path}
            </option>
          ))}
          <option value={NONE}>No topic</option>
        </select>
        <label for={ids.party}>Party</label>
        <select
          id={ids.party}
          class="select"
          value={filters.partyId}
          onChange={(event) => set({ partyId: event.currentTarget.value })}
        >
          <option value="">Any party</option>
          {used.parties.map((party) => (
            <option key={party.id} value={party.id}>
              {party.name}
            </option>
          ))}
          <option value={NONE}>No party</option>
        </select>
        <label for={ids.stance}>Stance</label>
        <select
          id={ids.stance}
          class="select"
          value={filters.stance}
          onChange={(event) => set({ stance: event.currentTarget.value })}
        >
          <option value="">Any stance</option>
          {used.stances.map((stance) => (
            <option key={stance} value={stance}>
              {stance}
            </option>
          ))}
          <option value={NONE}>No stance</option>
        </select>
      </div>
      <p id={ids.count} class="highlight-list__count" aria-live="polite">
        {all.length === 0
          ? 'No highlights yet: select a passage in the text and press H.'
          : filtered
            ? `${shown.length} of ${all.length} highlights`
            : all.length === 1
              ? '1 highlight'
              : `${all.length} highlights`}
      </p>
      {all.length > 0 && shown.length === 0 && (
        <p class="highlight-list__empty">No highlight matches the filters.</p>
      )}
      {shown.length > 0 && (
        <ul
          ref={listRef}
          class="highlight-list__list"
          aria-label="Highlights in this document"
          aria-describedby={ids.count}
          onKeyDown={onListKey}
        >
          {shown.map((annotation) => {
            const topics = topicPaths(annotation, names);
            const party = annotation.partyId ? props.parties.get(annotation.partyId) : undefined;
            const note = noteExcerpt(annotation.note);
            const meta = [
              topics.length ? topics.join(', ') : 'no topic',
              party?.name,
              annotation.stance,
              annotation.author ? `by ${annotation.author}` : '',
              rowDate(annotation),
              review.has(annotation.id) ? 'needs review' : '',
            ]
              .filter(Boolean)
              .join(' · ');
            const active = annotation.id === props.activeId;
            return (
              <li
                key={annotation.id}
                class={`highlight-list__item${active ? ' highlight-list__item--active' : ''}`}
              >
                <button
                  type="button"
                  class="highlight-list__row"
                  data-annotation-id={annotation.id}
                  tabIndex={annotation.id === tabStop ? 0 : -1}
                  aria-current={active ? 'true' : undefined}
                  onFocus={() => setFocusedId(annotation.id)}
                  onClick={() => props.onGo(annotation.id)}
                >
                  <span class="highlight-list__quote">“{shortQuote(annotation.target.exact, 90)}”</span>
                  <span class="highlight-list__meta">
                    {party && <Swatch colour={party.colour} />}
                    {meta}
                  </span>
                  {note && <span class="highlight-list__note">{note}</span>}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
