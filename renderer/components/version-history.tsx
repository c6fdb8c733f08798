// A document's versions, oldest first: when each was imported, how long it is and its title, with a way to read an
// earlier one (read-only, with the highlights on it) and to see what changed from one to the next. The one shown
// now is marked; the latest is the text the document reads.
import { useEffect } from 'preact/hooks';
import type { VersionSummary } from '../../shared/contract';
import { formatPublished } from '../format';
import './versions.css';

export interface VersionHistoryPanelProps {
  title: string;
  /** Null while it is read. */
  versions: VersionSummary[] | null;
  /** The version shown in the reading view now. */
  shown: number;
  /** Highlights waiting for review on the latest version. */
  waiting: number;
  onRead(n: number): void;
  onCompare(from: number, to: number): void;
  onReview(): void;
  onImport(): void;
  onClose(): void;
}

/** When a version was imported, in the reader's own time: "3 December 2026, 14:02". */
export function importedAt(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return formatPublished(
    `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`,
  );
}

const characters = (n: number) => `${n.toLocaleString('en-GB')} ${n === 1 ? 'character' : 'characters'}`;

export function VersionHistoryPanel(props: VersionHistoryPanelProps) {
  const { versions, shown } = props;
  useEffect(() => {
    document.querySelector<HTMLElement>('#version-history-heading')?.focus({ preventScroll: true });
  }, []);
  const latest = versions?.find((v) => v.latest) ?? versions?.[versions.length - 1];
  return (
    <aside
      class="panel-body version-history"
      aria-labelledby="version-history-heading"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.isComposing && !event.defaultPrevented) {
          event.preventDefault();
          props.onClose();
        }
      }}
    >
      <div class="drawer__head">
        <h2 class="drawer__title" id="version-history-heading" tabIndex={-1}>
          Version history
        </h2>
        <button type="button" class="button button--quiet button--small" onClick={props.onClose}>
          Close
        </button>
      </div>
      <p class="drawer__hint">
        {!versions
          ? 'Reading the versions…'
          : versions.length === 1
            ? `‘${props.title}’ has one version. Import a newer one (File › Import New Version…, or drop the file on the text) to keep both and carry its highlights over.`
            : `‘${props.title}’ has ${versions.length} versions. It reads as its latest; an earlier one opens read-only, with the highlights on it.`}
      </p>
      {versions && (
        <ol class="version-history__list" aria-label="Versions">
          {versions.map((version) => {
            const current = version.n === shown;
            const previous = versions.find((v) => v.n === version.n - 1);
            return (
              <li
                key={version.n}
                class={`version-history__item${current ? ' version-history__item--current' : ''}`}
                aria-current={current ? 'true' : undefined}
              >
                <p class="version-history__name">
                  Version {version.n}
                  {version.latest ? ' (latest)' : ''}
                  {current ? <span class="version-history__shown"> · shown</span> : null}
                </p>
                <p class="version-history__meta">
                  Imported {importedAt(version.importedAt)} · {characters(version.characters)}
                </p>
                <p class="version-history__title">{version.title || 'Untitled'}</p>
                <div class="version-history__actions">
                  {!current && (
                    <button
                      type="button"
                      class="button button--small"
                      aria-label={version.latest ? 'Read the latest version' : `Read version ${version.n}`}
                      onClick={() => props.onRead(version.n)}
                    >
                      {version.latest ? 'Read latest' : 'Read'}
                    </button>
                  )}
                  {previous && (
                    <button
                      type="button"
                      class="button button--small"
                      aria-label={`Changes from version ${previous.n} to ${version.n}`}
                      onClick={() => props.onCompare(previous.n, version.n)}
                    >
                      Changes from {previous.n}
                    </button>
                  )}
                </div>
              </li>
            );
          })}
        </ol>
      )}
      <div class="version-history__foot">
        {versions && versions.length > 1 && latest && (
          <button
            type="button"
            class="button button--small"
            onClick={() => props.onCompare(versions[0]!.n, latest.n)}
          >
            Compare versions…
          </button>
        )}
        {props.waiting > 0 && (
          <button type="button" class="button button--small button--primary" onClick={props.onReview}>
            Review {props.waiting} {props.waiting === 1 ? 'highlight' : 'highlights'}
          </button>
        )}
        <button type="button" class="button button--small" onClick={props.onImport}>
          Import new version…
        </button>
      </div>
    </aside>
  );
}
