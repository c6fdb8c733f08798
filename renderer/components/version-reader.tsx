// An earlier version of a document, read-only: its text as it was, with the highlights that point into it (kept
// there, or waiting for review) marked in it and listed beside it, under a banner that says which version this is,
// with the way back to the latest. The text is rendered whole with <mark> elements, apart from the reading view's
// painter, so nothing here can be highlighted or edited.
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo } from 'preact/hooks';
import type { VersionText } from '../../shared/contract';
import { shortQuote } from '../format';
import { paintColour, type TopicMap } from '../topics';
import type { Annotation, Block } from '../types';
import { outcomeText, STATE_LABELS } from '../state/versions';
import { importedAt } from './version-history';
import './versions.css';

export interface EarlierVersionProps {
  text: VersionText;
  /** The document's latest version. */
  latest: number;
  topics: TopicMap;
  onLatest(): void;
  onChanges(): void;
}

/** Where each highlight's text begins and ends, cut into runs covered by the same highlights. */
function runs(
  start: number,
  end: number,
  marks: readonly Annotation[],
): Array<{ start: number; end: number; ids: Annotation[] }> {
  const cuts = new Set([start, end]);
  const inside = marks.filter((a) => a.target.start < end && a.target.end > start);
  for (const a of inside) {
    if (a.target.start > start) cuts.add(a.target.start);
    if (a.target.end < end) cuts.add(a.target.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Array<{ start: number; end: number; ids: Annotation[] }> = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    out.push({
      start: from,
      end: to,
      ids: inside.filter((a) => a.target.start <= from && a.target.end >= to),
    });
  }
  return out;
}

function blockElement(block: Block, key: number, children: ComponentChildren) {
  if (block.kind === 'heading') {
    const level = Math.min(Math.max(block.level ?? 2, 2), 6);
    const Tag = `h${level}` as 'h2';
    return (
      <Tag key={key} class="version-text__heading">
        {children}
      </Tag>
    );
  }
  const kind = block.kind === 'paragraph' ? '' : ` version-text__block--${block.kind}`;
  return (
    <p key={key} class={`version-text__block${kind}`}>
      {children}
    </p>
  );
}

export function EarlierVersion({ text, latest, topics, onLatest, onChanges }: EarlierVersionProps) {
  const annotations = useMemo(
    () =>
      [...text.annotations].sort((a, b) => a.target.start - b.target.start || a.target.end - b.target.end),
    [text.annotations],
  );
  const blocks = useMemo(() => {
    const list = text.blocks.filter((b) => b.end > b.start);
    return list.length > 0 || text.text.length === 0
      ? list
      : [{ kind: 'paragraph', start: 0, end: text.text.length } as Block];
  }, [text]);

  useEffect(() => {
    window.scrollTo({ top: 0 });
    document.querySelector<HTMLElement>('.version-page__banner')?.focus({ preventScroll: true });
  }, [text.documentId, text.n]);

  const markOf = (id: string) =>
    document.querySelector<HTMLElement>(`.version-text mark[data-ids~="${CSS.escape(id)}"]`);

  return (
    <section class="version-page" aria-labelledby="version-page-title">
      <div class="version-page__banner" role="note" tabIndex={-1} aria-label="Earlier version">
        <p>
          <strong>
            Version {text.n} of {latest}
          </strong>{' '}
          — an earlier version, read-only. The document reads as version {latest}.
        </p>
        <div class="version-page__actions">
          <button type="button" class="button button--small button--primary" onClick={onLatest}>
            Back to the latest version
          </button>
          <button type="button" class="button button--small" onClick={onChanges}>
            Changes to version {latest}
          </button>
        </div>
      </div>
      <div class="version-page__layout">
        <article class="version-text" aria-labelledby="version-page-title">
          <header class="doc-header">
            <h1 id="version-page-title" class="doc-title">
              {text.title || 'Untitled'}
            </h1>
            <p class="doc-meta">
              Version {text.n}, imported {importedAt(text.importedAt)}
            </p>
          </header>
          {blocks.map((block, key) =>
            blockElement(
              block,
              key,
              runs(block.start, block.end, annotations).map((run) => {
                const words = text.text.slice(run.start, run.end);
                if (run.ids.length === 0) return words;
                const colour = paintColour(run.ids[0]!, '', topics);
                return (
                  <mark
                    key={run.start}
                    class="version-text__mark"
                    data-ids={run.ids.map((a) => a.id).join(' ')}
                    style={colour ? { '--mark': colour } : undefined}
                  >
                    {words}
                  </mark>
                );
              }),
            ),
          )}
        </article>
        <aside class="version-page__notes" aria-labelledby="version-notes-heading">
          <h2 id="version-notes-heading" class="version-page__notes-heading">
            Highlights on version {text.n}
          </h2>
          {annotations.length === 0 ? (
            <p class="drawer__hint">No highlights point into this version.</p>
          ) : (
            <ul class="version-page__list">
              {annotations.map((annotation) => {
                const names = annotation.topicIds.map((id) => topics.get(id)?.path).filter(Boolean);
                const carried = annotation.carried;
                return (
                  <li key={annotation.id}>
                    <button
                      type="button"
                      class="version-page__note"
                      onClick={() => {
                        const mark = markOf(annotation.id);
                        mark?.scrollIntoView({ block: 'center' });
                      }}
                    >
                      <span class="version-page__quote">“{shortQuote(annotation.target.exact, 90)}”</span>
                      <span class="version-page__meta">
                        {[
                          names.length > 0 ? names.join(', ') : 'no topic',
                          carried
                            ? `${STATE_LABELS[carried.state]} · ${outcomeText(carried.outcome, carried.from)}`
                            : '',
                        ]
                          .filter(Boolean)
                          .join(' · ')}
                      </span>
                      {annotation.note.trim() && (
                        <span class="version-page__note-text">{shortQuote(annotation.note, 140)}</span>
                      )}
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
        </aside>
      </div>
    </section>
  );
}
