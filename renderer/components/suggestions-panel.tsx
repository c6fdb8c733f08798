// The "Suggestions" panel: statements found in the open document, each a draft highlight with who made it and
// the party that speaks through them. Worked from the keyboard: arrows move, A or Enter accepts, T accepts with
// the proposed topic, E accepts and opens the editor, D or Delete dismisses for good. The selected statement can
// be given a topic before it is accepted, or after (from the list of those accepted here), and all the accepted
// statements still without a topic can be given one at once. Which key does what is the command table's
// (renderer/commands/suggestion-keys.ts), so the shortcuts dialog lists every key the list answers.
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { suggestionCommandForKey } from '../commands/suggestion-keys';
import { shortQuote } from '../format';
import type { Party, Suggestion, Topic, TopicProposal, TopicWithCount } from '../types';
import { PartyChip } from './party-chip';
import { TopicCombobox } from './topic-combobox';

/** A statement accepted while the panel is open, as the highlight it became. */
export interface AcceptedStatement {
  id: string;
  quote: string;
  partyId: string | null;
  topicIds: string[];
}

interface SuggestionsPanelProps {
  /** Null while loading. */
  suggestions: Suggestion[] | null;
  parties: ReadonlyMap<string, Party>;
  activeKey: string | null;
  busy: boolean;
  /** Focus the list when it is first shown, so the keys work at once. */
  focusOnOpen: boolean;
  onActivate: (key: string) => void;
  onAccept: (suggestion: Suggestion) => void;
  onAcceptAndEdit: (suggestion: Suggestion) => void;
  onDismiss: (suggestion: Suggestion) => void;
  onAcceptAll: () => void;
  onClose: () => void;
  topics: TopicWithCount[];
  onCreateTopic: (path: string) => Promise<Topic>;
  /** Topics chosen for statements not yet accepted, by suggestion key. */
  pending: ReadonlyMap<string, string[]>;
  onPending: (key: string, topicIds: string[]) => void;
  /** The codebook's topic each statement's words name, by suggestion key. */
  proposals: ReadonlyMap<string, TopicProposal | null>;
  onAcceptWithProposal: (suggestion: Suggestion) => void;
  /** Accepted in this panel session, in the order accepted. */
  accepted: AcceptedStatement[];
  onSetAcceptedTopics: (id: string, topicIds: string[]) => void;
  /** How many accepted statements have no topic yet: what "Set topic on all accepted" gives one to. */
  untopicalCount: number;
  onSetTopicOnAccepted: (topicId: string) => void;
}

function topicPaths(topics: readonly Topic[], ids: readonly string[]): string {
  const paths = ids.map((id) => topics.find((t) => t.id === id)?.path).filter((p): p is string => !!p);
  return paths.length > 0 ? paths.join(', ') : 'No topic';
}

export function SuggestionsPanel(props: SuggestionsPanelProps) {
  const { suggestions, parties, activeKey, busy, topics, accepted } = props;
  const [selectedAccepted, setSelectedAccepted] = useState<string | null>(null);
  const [bulkTopic, setBulkTopic] = useState<string | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const wantFocus = useRef(props.focusOnOpen);
  const baseId = useId();
  const hintId = useId();
  const headingId = useId();
  const list = suggestions ?? [];
  const index = Math.max(
    0,
    list.findIndex((s) => s.key === activeKey),
  );
  const active = list[index] ?? null;
  const acceptedOne = accepted.find((a) => a.id === selectedAccepted) ?? null;
  const proposal = active ? (props.proposals.get(active.key) ?? null) : null;
  const chosen = active ? (props.pending.get(active.key) ?? []) : [];
  const optionId = (key: string) => `${baseId}-${key.replace(/[^\w-]/g, '_')}`;

  const hasList = list.length > 0;
  useEffect(() => {
    if (hasList && wantFocus.current) {
      wantFocus.current = false;
      listRef.current?.focus();
    } else if (!hasList && suggestions !== null && document.activeElement === document.body) {
      // The last one was just accepted or dismissed from the list, which has gone: stay in the panel.
      closeRef.current?.focus();
    }
  }, [hasList, suggestions !== null]);

  useEffect(() => {
    if (!active) return;
    listRef.current
      ?.querySelector<HTMLElement>(`#${CSS.escape(optionId(active.key))}`)
      ?.scrollIntoView({ block: 'nearest' });
  }, [active?.key]);

  const move = (to: number) => {
    const next = list[Math.min(Math.max(to, 0), list.length - 1)];
    if (next) {
      setSelectedAccepted(null);
      props.onActivate(next.key);
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const decision = suggestionCommandForKey(event);
    if (!decision) return;
    event.preventDefault();
    event.stopPropagation();
    const ready = !!active && !busy;
    if (decision.command === 'suggestion-move') {
      const to = { previous: index - 1, next: index + 1, first: 0, last: list.length - 1 }[decision.to];
      move(to);
    } else if (!ready) return;
    else if (decision.command === 'suggestion-accept') props.onAccept(active);
    else if (decision.command === 'suggestion-accept-topic') {
      if (proposal) props.onAcceptWithProposal(active);
    } else if (decision.command === 'suggestion-accept-edit') props.onAcceptAndEdit(active);
    else props.onDismiss(active);
  };

  return (
    <aside
      class="drawer"
      aria-labelledby={headingId}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.isComposing) {
          event.preventDefault();
          props.onClose();
        }
      }}
    >
      <div class="drawer__head">
        <h2 class="drawer__title" id={headingId}>
          Suggestions
        </h2>
        <button
          type="button"
          class="button button--quiet button--small"
          ref={closeRef}
          onClick={props.onClose}
        >
          Close
        </button>
      </div>
      <p class="drawer__hint" id={hintId}>
        Statements found in this document, with who made them. <kbd>↑</kbd> <kbd>↓</kbd> move, <kbd>A</kbd>{' '}
        accepts, <kbd>T</kbd> accepts with the proposed topic, <kbd>E</kbd> accepts and edits, <kbd>D</kbd>{' '}
        dismisses.
      </p>
      {suggestions === null ? (
        <p class="drawer__empty">Looking for statements…</p>
      ) : list.length === 0 ? (
        <p class="drawer__empty">No more suggestions in this document.</p>
      ) : (
        <>
          <div class="drawer__actions">
            <span class="drawer__count">
              {list.length === 1 ? '1 statement' : `${list.length} statements`}
            </span>
            <button
              type="button"
              class="button button--small"
              disabled={busy || !active}
              onClick={() => active && props.onAccept(active)}
            >
              Accept
            </button>
            <button
              type="button"
              class="button button--small"
              disabled={busy || !active}
              onClick={() => active && props.onDismiss(active)}
            >
              Dismiss
            </button>
            <button
              type="button"
              class="button button--small button--primary"
              disabled={busy}
              onClick={props.onAcceptAll}
            >
              Accept all
            </button>
          </div>
          <ul
            ref={listRef}
            class="suggestions"
            role="listbox"
            aria-label="Suggested statements"
            aria-describedby={hintId}
            aria-keyshortcuts="A Enter T E D Delete"
            aria-activedescendant={active ? optionId(active.key) : undefined}
            tabIndex={0}
            onKeyDown={onKeyDown}
          >
            {list.map((suggestion) => {
              const party = suggestion.partyId ? parties.get(suggestion.partyId) : undefined;
              const selected = suggestion.key === active?.key;
              return (
                <li
                  key={suggestion.key}
                  id={optionId(suggestion.key)}
                  role="option"
                  aria-selected={selected}
                  class={`suggestion${selected ? ' suggestion--active' : ''}`}
                  onClick={() => {
                    setSelectedAccepted(null);
                    props.onActivate(suggestion.key);
                    listRef.current?.focus({ preventScroll: true });
                  }}
                >
                  <q class="suggestion__quote">{shortQuote(suggestion.quote, 140)}</q>
                  <span class="suggestion__meta">
                    {party ? <PartyChip party={party} /> : <span class="chip">No party</span>}
                    <span class="suggestion__speaker">
                      <span class="visually-hidden">, said by </span>
                      {suggestion.speaker}
                    </span>
                    <span class="suggestion__cue" title={`Attributed by “${suggestion.cue}”`}>
                      {suggestion.kind === 'quote' ? 'quoted' : 'reported'}
                    </span>
                  </span>
                </li>
              );
            })}
          </ul>
        </>
      )}

      {acceptedOne ? (
        <section class="drawer__section" aria-label="Topic of the selected accepted statement">
          <p class="drawer__selected">
            Accepted: <q>{shortQuote(acceptedOne.quote, 90)}</q>
          </p>
          <TopicCombobox
            topics={topics}
            selected={acceptedOne.topicIds}
            onChange={(ids) => props.onSetAcceptedTopics(acceptedOne.id, ids)}
            onCreate={props.onCreateTopic}
            label="Topic"
          />
        </section>
      ) : (
        active && (
          <section class="drawer__section" aria-label="Topic of the selected statement">
            <TopicCombobox
              topics={topics}
              selected={chosen}
              onChange={(ids) => props.onPending(active.key, ids)}
              onCreate={props.onCreateTopic}
              label="Topic"
            />
            {proposal && (
              <p class="drawer__proposal">
                <span>
                  Proposed topic: <strong>{proposal.path}</strong>
                  <span class="drawer__because"> (from “{proposal.words.join('”, “')}”)</span>
                </span>
                <button
                  type="button"
                  class="button button--small"
                  aria-label={`Accept proposed topic ${proposal.path}`}
                  disabled={chosen.includes(proposal.topicId)}
                  onClick={() => props.onPending(active.key, [...chosen, proposal.topicId])}
                >
                  Accept
                </button>
              </p>
            )}
          </section>
        )
      )}

      {accepted.length > 0 && (
        <section class="drawer__section" aria-label="Accepted here">
          <h3 class="drawer__subtitle">
            Accepted here <span class="drawer__count">{accepted.length}</span>
          </h3>
          <ul class="drawer__accepted">
            {accepted.map((item) => {
              const party = item.partyId ? parties.get(item.partyId) : undefined;
              return (
                <li key={item.id}>
                  <button
                    type="button"
                    class={`drawer__accepted-item${item.id === selectedAccepted ? ' drawer__accepted-item--active' : ''}`}
                    aria-pressed={item.id === selectedAccepted}
                    onClick={() => setSelectedAccepted(item.id === selectedAccepted ? null : item.id)}
                  >
                    <q>{shortQuote(item.quote, 70)}</q>
                    <span class="suggestion__meta">
                      {party ? <PartyChip party={party} /> : <span class="chip">No party</span>}
                      <span>{topicPaths(topics, item.topicIds)}</span>
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      )}

      {props.untopicalCount > 0 && (
        <section class="drawer__section" aria-label="Set topic on all accepted">
          <TopicCombobox
            topics={topics}
            selected={bulkTopic ? [bulkTopic] : []}
            onChange={(ids) => setBulkTopic(ids[ids.length - 1] ?? null)}
            onCreate={props.onCreateTopic}
            label="Topic for all accepted"
          />
          <button
            type="button"
            class="button button--small button--primary"
            disabled={busy || !bulkTopic}
            onClick={() => {
              if (!bulkTopic) return;
              props.onSetTopicOnAccepted(bulkTopic);
              setBulkTopic(null);
            }}
          >
            Set topic on all accepted ({props.untopicalCount})
          </button>
        </section>
      )}
    </aside>
  );
}
