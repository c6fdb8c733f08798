// The Find panel: one search field across titles, passages and notes, filtered by topic (with its subtopics),
// party, document and "has note", with hits grouped by document and a jump to each. The query goes to main a
// moment after typing stops, and an answer to an older query is dropped when a newer one has been asked.
import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import type { CallArgs, CallResult } from '../../shared/contract';
import { errorMessage } from '../format';
import { HIT_KIND_LABELS, resultsSummary, splitSnippet } from '../panels/snippet';
import { comparePaths } from '../panels/topic-paths';
import type { DocumentSummary, PartyWithCount, TopicWithCount } from '../types';
import '../panels/panels.css';

export interface FindPanelProps {
  /** Asks the store, which asks main. */
  search(question: CallArgs<'search'>): Promise<Results>;
  topics: TopicWithCount[];
  parties: PartyWithCount[];
  documents: DocumentSummary[];
  onGoTo(target: { documentId: string; annotationId: string | null }): void;
  onClose(): void;
  announce(message: string): void;
}

type Results = CallResult<'search'>;

/** How long typing must pause before the query goes out. */
const DEBOUNCE_MS = 150;
/** Hits shown at most; the summary says how many there were in all. */
const LIMIT = 500;

export function FindPanel(props: FindPanelProps) {
  const { search, topics, parties, documents, onGoTo, onClose, announce } = props;
  const [query, setQuery] = useState('');
  const [topicId, setTopicId] = useState('');
  const [partyId, setPartyId] = useState('');
  const [documentId, setDocumentId] = useState('');
  const [hasNote, setHasNote] = useState(false);
  const [results, setResults] = useState<Results | null>(null);
  const [searching, setSearching] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const fieldRef = useRef<HTMLInputElement>(null);
  const resultsRef = useRef<HTMLDivElement>(null);
  const asked = useRef(0);
  const lastSaid = useRef('');
  const announceRef = useRef(announce);
  announceRef.current = announce;
  const headingId = useId();
  const hintId = useId();
  const summaryId = useId();

  // A filter on a topic, party or document that has since gone is dropped rather than matching nothing.
  const topicFilter = topics.some((t) => t.id === topicId) ? topicId : '';
  const partyFilter = parties.some((p) => p.id === partyId) ? partyId : '';
  const documentFilter = documents.some((d) => d.id === documentId) ? documentId : '';
  const sortedTopics = useMemo(() => [...topics].sort((a, b) => comparePaths(a.path, b.path)), [topics]);
  const filtered = !!(topicFilter || partyFilter || documentFilter || hasNote);
  const trimmed = query.trim();

  useEffect(() => {
    fieldRef.current?.focus();
  }, []);

  // The notebook's lists change when anything is edited: search again then too, so hits never point at nothing.
  useEffect(() => {
    const ticket = ++asked.current;
    if (!trimmed && !filtered) {
      setResults(null);
      setSearching(false);
      setError(null);
      return undefined;
    }
    setSearching(true);
    const timer = setTimeout(() => {
      const question = {
        query: trimmed,
        ...(topicFilter ? { topicId: topicFilter } : {}),
        ...(partyFilter ? { partyId: partyFilter } : {}),
        ...(documentFilter ? { documentId: documentFilter } : {}),
        ...(hasNote ? { hasNote: true } : {}),
        limit: LIMIT,
      };
      search(question).then(
        (found) => {
          if (ticket !== asked.current) return;
          setResults(found);
          setError(null);
          setSearching(false);
          // Said once per question: a list refreshed under the same query stays quiet unless its count moved.
          const said = resultsSummary(countHits(found), found.total);
          const key = `${said}\u0000${JSON.stringify(question)}`;
          if (key !== lastSaid.current) announceRef.current(said);
          lastSaid.current = key;
        },
        (failure: unknown) => {
          if (ticket !== asked.current) return;
          setResults(null);
          setError(errorMessage(failure));
          setSearching(false);
        },
      );
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [search, trimmed, filtered, topicFilter, partyFilter, documentFilter, hasNote, topics, documents]);

  const hitButtons = () => [...(resultsRef.current?.querySelectorAll<HTMLButtonElement>('.find__hit') ?? [])];

  const moveFocus = (event: KeyboardEvent) => {
    const buttons = hitButtons();
    if (!buttons.length) return;
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    let next: number | null = null;
    if (event.key === 'ArrowDown') next = at < 0 ? 0 : Math.min(at + 1, buttons.length - 1);
    else if (event.key === 'ArrowUp') {
      if (at <= 0) {
        event.preventDefault();
        fieldRef.current?.focus();
        return;
      }
      next = at - 1;
    } else if (event.key === 'Home' && at >= 0) next = 0;
    else if (event.key === 'End' && at >= 0) next = buttons.length - 1;
    if (next === null) return;
    event.preventDefault();
    buttons[next]?.focus();
  };

  const shown = results ? countHits(results) : 0;

  return (
    <aside
      class="panel-body find"
      aria-labelledby={headingId}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.isComposing) {
          event.preventDefault();
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <div class="drawer__head">
        <h2 class="drawer__title" id={headingId}>
          Find
        </h2>
        <button type="button" class="button button--quiet button--small" onClick={onClose}>
          Close
        </button>
      </div>
      <input
        ref={fieldRef}
        type="search"
        class="input find__field"
        aria-label="Search notebook"
        aria-describedby={hintId}
        aria-controls={summaryId}
        placeholder="Search titles, passages and notes"
        value={query}
        autocomplete="off"
        spellcheck={false}
        onInput={(event) => setQuery(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') moveFocus(event);
          else if (event.key === 'Enter') {
            event.preventDefault();
            hitButtons()[0]?.click();
          }
        }}
      />
      <p class="drawer__hint" id={hintId}>
        All words must match; put a phrase in "quotes". <kbd>↓</kbd> goes to the hits, <kbd>Enter</kbd> opens
        one.
      </p>
      <div class="find__filters">
        <label class="field">
          <span class="field__label">Topic</span>
          <select class="select" value={topicFilter} onChange={(e) => setTopicId(e.currentTarget.value)}>
            <option value="">Any topic</option>
            {sortedTopics.map((topic) => (
              <option key={topic.id} value={topic.id}>
                {topic.path}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span class="field__label">Party</span>
          <select class="select" value={partyFilter} onChange={(e) => setPartyId(e.currentTarget.value)}>
            <option value="">Any party</option>
            {parties.map((party) => (
              <option key={party.id} value={party.id}>
                {party.name}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span class="field__label">Document</span>
          <select
            class="select"
            value={documentFilter}
            onChange={(e) => setDocumentId(e.currentTarget.value)}
          >
            <option value="">All documents</option>
            {documents.map((doc) => (
              <option key={doc.id} value={doc.id}>
                {doc.title || 'Untitled'}
              </option>
            ))}
          </select>
        </label>
        <label class="find__check">
          <input type="checkbox" checked={hasNote} onChange={(e) => setHasNote(e.currentTarget.checked)} />
          Has note
        </label>
      </div>
      <p class="drawer__count" id={summaryId}>
        {error
          ? ''
          : searching && !results
            ? 'Searching…'
            : results
              ? resultsSummary(shown, results.total)
              : 'Type to search, or choose a filter.'}
      </p>
      {error && (
        <p class="alert" role="alert">
          {error}
        </p>
      )}
      <div
        ref={resultsRef}
        class="find__results"
        role="region"
        aria-label="Search results"
        aria-busy={searching}
        onKeyDown={moveFocus}
      >
        {results?.groups.map((group) => (
          <ResultGroup key={group.documentId} group={group} onGoTo={onGoTo} />
        ))}
      </div>
    </aside>
  );
}

function countHits(results: Results): number {
  return results.groups.reduce((n, group) => n + group.hits.length, 0);
}

function ResultGroup(props: { group: Results['groups'][number]; onGoTo: FindPanelProps['onGoTo'] }) {
  const { group, onGoTo } = props;
  const headingId = useId();
  const count = group.hits.length;
  return (
    <section class="find__group" aria-labelledby={headingId}>
      <h3 class="find__group-title" id={headingId}>
        <span>{group.title || 'Untitled'}</span>
        <span class="find__group-count">{count === 1 ? '1 hit' : `${count} hits`}</span>
      </h3>
      <ul class="find__hits">
        {group.hits.map((hit, index) => {
          const parts = splitSnippet(hit.snippet, hit.matchStart, hit.matchEnd);
          const kind = HIT_KIND_LABELS[hit.kind];
          return (
            <li key={`${hit.kind}:${hit.annotationId ?? ''}:${index}`}>
              <button
                type="button"
                class="find__hit"
                data-kind={hit.kind}
                onClick={() => onGoTo({ documentId: group.documentId, annotationId: hit.annotationId })}
              >
                <span class="find__kind">{kind}</span>
                <span class="find__snippet">
                  {parts.before}
                  {parts.match && <mark>{parts.match}</mark>}
                  {parts.after}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
