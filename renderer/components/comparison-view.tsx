// The comparison: one row per topic and one column per party, each cell the passages in which that party takes
// a position on the topic, across every document, with their stance and note; last, a "No topic" row for such
// passages without a topic. Each passage is a way back to its place in the text. The topic's one-line summary
// sits under its name; the topics the parties agree on follow. An empty comparison says what is missing.
import { useId, useMemo } from 'preact/hooks';
import { shortQuote } from '../format';
import { renderMarkdown } from '../markdown';
import type { Comparison, ComparisonEntry, TopicWithCount } from '../types';
import { StanceChip } from './party-chip';
import { Swatch } from './swatch';

interface ComparisonViewProps {
  /** Null while loading. */
  comparison: Comparison | null;
  topics: TopicWithCount[];
  /** The topic shown, or '' for all. */
  topicId: string;
  onTopic: (topicId: string) => void;
  onOpenPassage: (entry: ComparisonEntry) => void;
  onExport: () => void;
}

function Note({ source }: { source: string }) {
  const html = useMemo(() => renderMarkdown(source), [source]);
  return <div class="markdown passage__note" dangerouslySetInnerHTML={{ __html: html }} />;
}

/** The summary under its topic's name, which it need not repeat to the eye; a screen reader hears it whole. */
function Summary({ path, summary }: { path: string; summary: string }) {
  const prefix = `${path}: `;
  const repeated = summary.startsWith(prefix);
  return (
    <span class="compare__summary">
      {repeated && <span class="visually-hidden">{prefix}</span>}
      {repeated ? summary.slice(prefix.length) : summary}
    </span>
  );
}

function Passage({ entry, onOpen }: { entry: ComparisonEntry; onOpen: () => void }) {
  return (
    <li class="passage">
      <button type="button" class="passage__open" onClick={onOpen}>
        <q class="passage__quote">{shortQuote(entry.quote, 240)}</q>
        <span class="passage__where">
          {entry.documentTitle || 'Untitled'} {entry.place ?? `¶${entry.paragraph}`}
        </span>
      </button>
      {entry.stance && <StanceChip stance={entry.stance} />}
      {entry.note.trim() && <Note source={entry.note} />}
    </li>
  );
}

export function ComparisonView(props: ComparisonViewProps) {
  const { comparison, topics, topicId } = props;
  const ids = { heading: useId(), topic: useId(), common: useId() };
  const parties = comparison?.parties ?? [];
  const rows = comparison?.rows ?? [];

  return (
    <section class="compare" aria-labelledby={ids.heading}>
      <div class="compare__head">
        <h1 class="compare__title" id={ids.heading}>
          Comparison
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
        <button type="button" class="button" disabled={!comparison} onClick={props.onExport}>
          Export comparison…
        </button>
      </div>

      {!comparison ? (
        <p class="compare__empty">Comparing…</p>
      ) : comparison.empty ? (
        <p class="compare__empty" data-empty={comparison.empty.kind}>
          {comparison.empty.message}
        </p>
      ) : (
        <div class="compare__scroll">
          <table class="compare__table">
            <caption class="visually-hidden">Passages by topic (rows) and party (columns)</caption>
            <colgroup>
              <col class="compare__topic-col" />
              {parties.map((party) => (
                <col key={party.id} />
              ))}
            </colgroup>
            <thead>
              <tr>
                <th scope="col" class="compare__corner">
                  Topic
                </th>
                {parties.map((party) => (
                  <th key={party.id} scope="col" class="compare__party" style={{ '--swatch': party.colour }}>
                    <Swatch colour={party.colour} />
                    {party.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.topicId ?? ''} class={row.topicId === null ? 'compare__untopical' : undefined}>
                  <th scope="row" class="compare__topic">
                    <span class="compare__path">{row.path}</span>
                    {row.topicId === null && (
                      <span class="compare__hint">
                        Passages that hold a party’s position and have no topic yet.
                      </span>
                    )}
                    {row.summary && <Summary path={row.path} summary={row.summary} />}
                  </th>
                  {parties.map((party) => {
                    const entries = row.cells.find((cell) => cell.partyId === party.id)?.entries ?? [];
                    return (
                      <td key={party.id} class="compare__cell">
                        {entries.length > 0 ? (
                          <ul class="passages">
                            {entries.map((entry) => (
                              <Passage
                                key={entry.annotationId}
                                entry={entry}
                                onOpen={() => props.onOpenPassage(entry)}
                              />
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

      {comparison && !comparison.empty && (
        <section class="common" aria-labelledby={ids.common}>
          <h2 class="common__title" id={ids.common}>
            Common ground
          </h2>
          {comparison.commonGround.length > 0 ? (
            <ul class="common__list">
              {comparison.commonGround.map((item) => (
                <li key={item.topicId}>
                  <span class="common__path">{item.path}</span>
                  <span class="common__reason">{item.reason}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p class="compare__empty">No topic yet on which the parties agree.</p>
          )}
        </section>
      )}
    </section>
  );
}
