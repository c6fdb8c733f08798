// What changed between two versions of a document: two pickers (from, to), the counts at the top, then the
// paragraphs aligned in two columns, the older on the left, with deleted words struck through and inserted words
// underlined. Runs of unchanged paragraphs are folded into one row that opens to show them, dimmed.
import { useEffect, useState } from 'preact/hooks';
import type { DiffRow, VersionDiff } from '../../shared/contract';
import { diffStatsText } from '../state/versions';
import { Parts } from './version-parts';
import './versions.css';

export interface VersionDiffPageProps {
  title: string;
  from: number;
  to: number;
  /** The document's latest version: the pickers offer 1 to it. */
  latest: number;
  /** Null while it is read. */
  diff: VersionDiff | null;
  onPick(from: number, to: number): void;
  onLatest(): void;
}

type Shown = { kind: 'row'; row: DiffRow; key: number } | { kind: 'same'; rows: DiffRow[]; key: number };

/** The rows with each run of unchanged paragraphs gathered into one. */
function fold(rows: readonly DiffRow[]): Shown[] {
  const out: Shown[] = [];
  rows.forEach((row, key) => {
    const last = out[out.length - 1];
    if (row.kind !== 'same') out.push({ kind: 'row', row, key });
    else if (last?.kind === 'same') last.rows.push(row);
    else out.push({ kind: 'same', rows: [row], key });
  });
  return out;
}

const paragraphs = (n: number) => (n === 1 ? '1 unchanged paragraph' : `${n} unchanged paragraphs`);

function text(row: DiffRow): string {
  return row.parts.map((part) => part.text).join('');
}

export function VersionDiffPage({ title, from, to, latest, diff, onPick, onLatest }: VersionDiffPageProps) {
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  useEffect(() => setOpen(new Set()), [from, to]);
  useEffect(() => {
    window.scrollTo({ top: 0 });
    document.querySelector<HTMLElement>('#version-diff-title')?.focus({ preventScroll: true });
  }, []);
  const numbers = Array.from({ length: latest }, (_, i) => i + 1);
  const shown = diff && diff.from === from && diff.to === to ? diff : null;

  return (
    <section class="version-page version-diff" aria-labelledby="version-diff-title">
      <div class="version-page__banner">
        <h1 id="version-diff-title" class="version-diff__title" tabIndex={-1}>
          Changes to ‘{title || 'Untitled'}’
        </h1>
        <div class="version-diff__pickers">
          <label>
            From{' '}
            <select
              class="input"
              value={String(from)}
              onChange={(event) => onPick(Number((event.target as HTMLSelectElement).value), to)}
            >
              {numbers.map((n) => (
                <option key={n} value={String(n)}>
                  Version {n}
                </option>
              ))}
            </select>
          </label>
          <label>
            To{' '}
            <select
              class="input"
              value={String(to)}
              onChange={(event) => onPick(from, Number((event.target as HTMLSelectElement).value))}
            >
              {numbers.map((n) => (
                <option key={n} value={String(n)}>
                  Version {n}
                  {n === latest ? ' (latest)' : ''}
                </option>
              ))}
            </select>
          </label>
          <button type="button" class="button button--small button--primary" onClick={onLatest}>
            Back to the latest version
          </button>
        </div>
        <p class="version-diff__stats" role="status">
          {shown ? diffStatsText(shown.stats) : 'Comparing…'}
        </p>
      </div>
      {shown && (
        <table class="version-diff__table">
          <caption class="visually-hidden">
            Version {from} beside version {to}, paragraph by paragraph
          </caption>
          <thead>
            <tr>
              <th scope="col">Version {from}</th>
              <th scope="col">Version {to}</th>
            </tr>
          </thead>
          <tbody>
            {fold(shown.rows).map((item) => {
              if (item.kind === 'row')
                return <ChangedRow key={item.key} row={item.row} to={to} from={from} />;
              const expanded = open.has(item.key);
              return [
                <tr key={`fold-${item.key}`} class="version-diff__fold">
                  <td colSpan={2}>
                    <button
                      type="button"
                      class="button button--small button--quiet"
                      aria-expanded={expanded}
                      onClick={() =>
                        setOpen((current) => {
                          const next = new Set(current);
                          if (expanded) next.delete(item.key);
                          else next.add(item.key);
                          return next;
                        })
                      }
                    >
                      {expanded
                        ? `Hide ${paragraphs(item.rows.length)}`
                        : `Show ${paragraphs(item.rows.length)}`}
                    </button>
                  </td>
                </tr>,
                ...(expanded
                  ? item.rows.map((row, i) => (
                      <tr key={`same-${item.key}-${i}`} class="version-diff__row version-diff__row--same">
                        <td>{text(row)}</td>
                        <td>{text(row)}</td>
                      </tr>
                    ))
                  : []),
              ];
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

function ChangedRow({ row, from, to }: { row: DiffRow; from: number; to: number }) {
  return (
    <tr class={`version-diff__row version-diff__row--${row.kind}`}>
      <td>
        {row.kind === 'inserted' ? (
          <span class="version-diff__absent">Not in version {from}</span>
        ) : (
          <Parts parts={row.parts} side="old" />
        )}
      </td>
      <td>
        {row.kind === 'deleted' ? (
          <span class="version-diff__absent">Not in version {to}</span>
        ) : (
          <Parts parts={row.parts} side="new" />
        )}
      </td>
    </tr>
  );
}
