// The comparison with one column per account of an event instead of per party: for each topic, the passages each
// account holds, a click away from their place in the text; and the choice of columns, which the comparison shows
// once the notebook has an event.
import type { JSX } from 'preact';
import { useId } from 'preact/hooks';
import type { AccountComparison, ParleyEvent } from '../../shared/contract';
import { shortQuote } from '../format';
import type { ComparisonEntry, TopicWithCount } from '../types';
import { StanceChip } from './party-chip';
import './accounts.css';

interface ColumnsChoiceProps {
  events: ParleyEvent[];
  /** The event whose accounts are the columns; null: the parties. */
  eventId: string | null;
  onChoose: (eventId: string | null) => void;
}

/** One column per party, or one per account of an event. */
export function ColumnsChoice({ events, eventId, onChoose }: ColumnsChoiceProps): JSX.Element {
  const id = useId();
  return (
    <label class="toolbar__field compare__columns" for={id}>
      <span class="toolbar__label">Columns</span>
      <select
        id={id}
        class="select"
        value={eventId ?? ''}
        onChange={(change) => onChoose(change.currentTarget.value || null)}
      >
        <option value="">One per party</option>
        {events.map((event) => (
          <option key={event.id} value={event.id}>
            One per account of “{event.name}”
          </option>
        ))}
      </select>
    </label>
  );
}

interface AccountComparisonViewProps {
  comparison: AccountComparison | null;
  topics: TopicWithCount[];
  topicId: string;
  onTopic: (topicId: string) => void;
  onOpenPassage: (entry: ComparisonEntry) => void;
  onExport: () => void;
  exportBusy: boolean;
}

export function AccountComparisonView(props: AccountComparisonViewProps): JSX.Element {
  const { comparison, topics, topicId } = props;
  const ids = { heading: useId(), topic: useId() };
  const accounts = comparison?.accounts ?? [];
  return (
    <section class="compare" aria-labelledby={ids.heading}>
      <div class="compare__head">
        <h1 class="compare__title" id={ids.heading}>
          Comparison by account{comparison ? `: ${comparison.event.name}` : ''}
        </h1>
        <label class="toolbar__field" for={ids.topic}>
          <span class="toolbar__label">Topic</span>
          <select
            id={ids.topic}
            class="select"
            value={topicId}
            onChange={(event) => props.onTopic(event.currentTarget.value)}
          >
            <option value="">All topics</option>
            {topics.map((topic) => (
              <option key={topic.id} value={topic.id}>
                {topic.path}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          class="button"
          disabled={!comparison || props.exportBusy}
          onClick={props.onExport}
        >
          Export aligned statements…
        </button>
      </div>
      {!comparison ? (
        <p class="compare__empty">Comparing…</p>
      ) : comparison.empty ? (
        <p class="compare__empty">{comparison.empty}</p>
      ) : (
        <div class="compare__scroll">
          <table class="compare__table">
            <caption class="visually-hidden">Passages by topic (rows) and account (columns)</caption>
            <colgroup>
              <col class="compare__topic-col" />
              {accounts.map((account) => (
                <col key={account.documentId} />
              ))}
            </colgroup>
            <thead>
              <tr>
                <th scope="col" class="compare__corner">
                  Topic
                </th>
                {accounts.map((account) => (
                  <th key={account.documentId} scope="col" class="compare__party" title={account.title}>
                    {account.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {comparison.rows.map((row) => (
                <tr key={row.topicId ?? ''} class={row.topicId === null ? 'compare__untopical' : undefined}>
                  <th scope="row" class="compare__topic">
                    <span class="compare__path">{row.path}</span>
                  </th>
                  {accounts.map((account) => {
                    const entries = row.cells.find((cell) => cell.documentId === account.documentId)?.entries;
                    return (
                      <td key={account.documentId} class="compare__cell">
                        {entries && entries.length > 0 ? (
                          <ul class="passages">
                            {entries.map((entry) => (
                              <li key={entry.annotationId} class="passage">
                                <button
                                  type="button"
                                  class="passage__open"
                                  onClick={() => props.onOpenPassage(entry)}
                                >
                                  <q class="passage__quote">{shortQuote(entry.quote, 240)}</q>
                                  <span class="passage__where">
                                    {account.label} {entry.place ?? `¶${entry.paragraph}`}
                                  </span>
                                </button>
                                {entry.stance && <StanceChip stance={entry.stance} />}
                              </li>
                            ))}
                          </ul>
                        ) : (
                          <span class="compare__none">
                            <span aria-hidden="true">—</span>
                            <span class="visually-hidden">No passage</span>
                          </span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
