// The Find panel: one search field across titles, the full text of every document, passages and notes, filtered by
// topic (with its subtopics), party, document and "has note", with hits grouped by document and a jump to each. The
// query goes to main a moment after typing stops, and an answer to an older query is dropped when a newer one has
// been asked. The hits in the open document's text are marked there (see views/find-marks.ts): one is current,
// "3 of 7"; Enter and Shift+Enter in the field move to the next and previous (wrapping), and "Highlight this" opens
// the highlight editor on the current one. A text hit in another document opens it at that hit.
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CallArgs, CallResult } from '../../shared/contract';
import { errorMessage } from '../format';
import { HIT_KIND_LABELS, resultsSummary, splitSnippet } from '../panels/snippet';
import { comparePaths } from '../panels/topic-paths';
import type { DocumentSummary, PartyWithCount, TopicWithCount } from '../types';
import type { FindMarks } from '../views/find-marks';
import '../panels/panels.css';
import './find-panel.css';

export interface FindPanelProps {
  /** Asks the store, which asks main. */
  search(question: CallArgs<'search'>): Promise<Results>;
  topics: TopicWithCount[];
  parties: PartyWithCount[];
  documents: DocumentSummary[];
  onGoTo(target: { documentId: string; annotationId: string | null }): void;
  onClose(): void;
  announce(message: string): void;
  /** The document open in the reading view, whose text hits are marked there; null when none is shown. */
  openDocumentId: string | null;
  /** What to mark in the open document's text; null clears the marks. */
  onMarks(marks: FindMarks | null): void;
  /** Opens the highlight editor on this span of the open document. */
  onHighlightText(span: { documentId: string; start: number; end: number }): void;
}

type Results = CallResult<'search'>;

/** How long typing must pause before the query goes out. */
const DEBOUNCE_MS = 150;
/** Hits shown at most; the summary says how many there were in all. */
const LIMIT = 500;

/** The query when Find last closed, offered again (selected, so typing replaces it) when it opens. */
let lastQuery = '';

export function FindPanel(props: FindPanelProps) {
  const { search, topics, parties, documents, onGoTo, onClose, announce } = props;
  const { openDocumentId, onMarks, onHighlightText } = props;
  const [query, setQuery] = useState(lastQuery);
  lastQuery = query;
  const [topicId, setTopicId] = useState('');
  const [partyId, setPartyId] = useState('');
  const [documentId, setDocumentId] = useState('');
  const [hasNote, setHasNote] = useState(false);
  const [results, setResults] = useState<Results | null>(null);
  /** The document whose text hits `results.ranges` are (asked for with the results). */
  const [rangesDoc, setRangesDoc] = useState<string | null>(null);
  const [current, setCurrent] = useState(0);
  const [reveal, setReveal] = useState(0);
  /** A text hit chosen in another document: made current once that document is open and its ranges are here. */
  const pendingJump = useRef<{ documentId: string; start: number } | null>(null);
  const countId = useId();
  const shownNow = useRef<{ results: Results | null; current: number }>({ results: null, current: 0 });
  shownNow.current = { results, current };
  const [searching, setSearching] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const fieldRef = useRef<HTMLInputElement>(null);
  const resultsRef = useRef<HTMLDivElement>(null);
  const asked = useRef(0);
  const sameQuestion = useRef('');
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

  // Before the browser takes any key: the field has the focus, its remembered query selected, as Find appears.
  useLayoutEffect(() => {
    fieldRef.current?.focus();
    fieldRef.current?.select();
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
    const questionKey = JSON.stringify([
      trimmed,
      topicFilter,
      partyFilter,
      documentFilter,
      hasNote,
      openDocumentId,
    ]);
    const timer = setTimeout(() => {
      const question = {
        query: trimmed,
        ...(topicFilter ? { topicId: topicFilter } : {}),
        ...(partyFilter ? { partyId: partyFilter } : {}),
        ...(documentFilter ? { documentId: documentFilter } : {}),
        ...(hasNote ? { hasNote: true } : {}),
        ...(openDocumentId ? { rangesFor: openDocumentId } : {}),
        limit: LIMIT,
      };
      search(question).then(
        (found) => {
          if (ticket !== asked.current) return;
          // The current hit stays where it was when the same hits come back (after an edit elsewhere).
          const ranges = found.ranges ?? [];
          const jump = pendingJump.current;
          const previous = shownNow.current.results?.ranges?.[shownNow.current.current];
          let next = 0;
          let show = true;
          if (jump && jump.documentId === openDocumentId) {
            next = Math.max(
              0,
              ranges.findIndex(([start]) => start === jump.start),
            );
            pendingJump.current = null;
          } else if (previous && sameQuestion.current === questionKey) {
            const at = ranges.findIndex(([start]) => start === previous[0]);
            if (at >= 0) next = at;
            show = false;
          }
          sameQuestion.current = questionKey;
          setResults(found);
          setCurrent(next);
          if (show) setReveal((n) => n + 1);
          setRangesDoc(openDocumentId);
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
  }, [
    search,
    trimmed,
    filtered,
    topicFilter,
    partyFilter,
    documentFilter,
    hasNote,
    topics,
    documents,
    openDocumentId,
  ]);

  // The open document's text hits, for marking in the text.
  const ranges = results && rangesDoc && rangesDoc === openDocumentId ? (results.ranges ?? []) : [];
  const rangesTotal = results?.rangesTotal ?? ranges.length;
  const at = Math.min(current, Math.max(0, ranges.length - 1));
  useEffect(() => {
    if (!rangesDoc || ranges.length === 0) onMarks(null);
    else onMarks({ documentId: rangesDoc, ranges, current: at, reveal });
  }, [onMarks, rangesDoc, ranges, at, reveal]);
  useEffect(() => () => onMarks(null), [onMarks]);

  /** Moves the current hit by `step` (1 or -1), wrapping at either end. */
  const move = (step: number) => {
    if (ranges.length === 0) return;
    setCurrent((at + step + ranges.length) % ranges.length);
    setReveal((n) => n + 1);
  };

  const highlightCurrent = () => {
    const range = ranges[at];
    if (range && rangesDoc) onHighlightText({ documentId: rangesDoc, start: range[0], end: range[1] });
  };

  /** A text hit chosen in the list: made current here, or its document opened at it. */
  const goToText = (documentId: string, start: number) => {
    if (documentId === rangesDoc && documentId === openDocumentId) {
      const index = ranges.findIndex(([s]) => s === start);
      if (index >= 0) {
        setCurrent(index);
        setReveal((n) => n + 1);
        return;
      }
    }
    pendingJump.current = { documentId, start };
    onGoTo({ documentId, annotationId: null });
  };

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
        placeholder="Search the texts, passages and notes"
        value={query}
        autocomplete="off"
        spellcheck={false}
        onInput={(event) => setQuery(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') moveFocus(event);
          else if (event.key === 'Enter' && !event.isComposing) {
            event.preventDefault();
            // With hits in the open document's text, Enter goes through them as a browser's Find does.
            if (ranges.length > 0) move(event.shiftKey ? -1 : 1);
            else hitButtons()[0]?.click();
          }
        }}
      />
      <p class="drawer__hint" id={hintId}>
        All words must match, in one paragraph of the text; put a phrase in "quotes". <kbd>Enter</kbd> and{' '}
        <kbd>Shift</kbd>+<kbd>Enter</kbd> go through the hits in this document, <kbd>↓</kbd> to the list.
      </p>
      {ranges.length > 0 && (
        <div class="find-nav" role="group" aria-label="Hits in this document">
          <p class="find-nav__count" id={countId} aria-live="polite">
            {`${(at + 1).toLocaleString('en')} of ${ranges.length.toLocaleString('en')}`}
            {rangesTotal > ranges.length ? '+' : ''}
          </p>
          <button
            type="button"
            class="button button--quiet button--small"
            aria-describedby={countId}
            onClick={() => move(-1)}
          >
            Previous
          </button>
          <button
            type="button"
            class="button button--quiet button--small"
            aria-describedby={countId}
            onClick={() => move(1)}
          >
            Next
          </button>
          <button type="button" class="button button--small" onClick={highlightCurrent}>
            Highlight this
          </button>
        </div>
      )}
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
          <ResultGroup
            key={group.documentId}
            group={group}
            onGoTo={onGoTo}
            onGoToText={goToText}
            current={group.documentId === rangesDoc ? ranges[at] : undefined}
          />
        ))}
      </div>
    </aside>
  );
}

function countHits(results: Results): number {
  return results.groups.reduce((n, group) => n + group.hits.length, 0);
}

function ResultGroup(props: {
  group: Results['groups'][number];
  onGoTo: FindPanelProps['onGoTo'];
  onGoToText(documentId: string, start: number): void;
  /** The current text hit, when the group is the open document's. */
  current: readonly [number, number] | undefined;
}) {
  const { group, onGoTo, onGoToText, current } = props;
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
                aria-current={
                  hit.kind === 'text' && current !== undefined && current[0] === hit.start
                    ? 'true'
                    : undefined
                }
                onClick={() => {
                  if (hit.kind === 'text' && hit.start !== undefined) onGoToText(group.documentId, hit.start);
                  else onGoTo({ documentId: group.documentId, annotationId: hit.annotationId });
                }}
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
