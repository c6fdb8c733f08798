// The toolbar: which document, importing, the topic filter, exporting, and whether the notebook is saved.
import type { JSX } from 'preact';
import { useId } from 'preact/hooks';
import { ALL_TOPICS, UNTAGGED } from '../topics';
import type { DocumentSummary, TopicWithCount } from '../types';

interface ToolbarProps {
  documents: DocumentSummary[];
  documentId: string | null;
  topics: TopicWithCount[];
  filter: string;
  saveStatus: string;
  saveFailed: boolean;
  filterRef: { current: HTMLSelectElement | null };
  onOpenDocument: (id: string) => void;
  onImport: () => void;
  onFilter: (filter: string) => void;
  onExport: () => void;
}

export function Toolbar(props: ToolbarProps): JSX.Element {
  const documentSelect = useId();
  const filterSelect = useId();
  return (
    <header class="toolbar">
      <div class="toolbar__brand" aria-hidden="true">
        Parley
      </div>
      <div class="toolbar__group">
        {props.documents.length > 1 && (
          <label class="toolbar__field" for={documentSelect}>
            <span class="toolbar__label">Document</span>
            <select
              id={documentSelect}
              class="select"
              value={props.documentId ?? ''}
              onChange={(event) => props.onOpenDocument(event.currentTarget.value)}
            >
              {props.documents.map((doc) => (
                <option key={doc.id} value={doc.id}>
                  {doc.title || 'Untitled'}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="button" class="button" onClick={props.onImport}>
          Import…
        </button>
      </div>
      <div class="toolbar__group">
        <label class="toolbar__field" for={filterSelect}>
          <span class="toolbar__label">Filter by topic</span>
          <select
            id={filterSelect}
            ref={props.filterRef}
            class="select"
            value={props.filter}
            onChange={(event) => props.onFilter(event.currentTarget.value)}
          >
            <option value={ALL_TOPICS}>All topics</option>
            {props.topics.map((topic) => (
              <option key={topic.id} value={topic.id}>
                {topic.path}
              </option>
            ))}
            <option value={UNTAGGED}>Untagged</option>
          </select>
        </label>
        <button type="button" class="button" disabled={!props.documentId} onClick={props.onExport}>
          Export Markdown…
        </button>
      </div>
      <p
        class={`toolbar__status${props.saveFailed ? ' toolbar__status--error' : ''}`}
        role="status"
        aria-live="polite"
        aria-label="Save status"
      >
        {props.saveStatus}
      </p>
    </header>
  );
}
