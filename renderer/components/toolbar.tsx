// The toolbar: the library, reading or comparing, which document, importing, the topic filter, exporting, the
// parties, the suggestions, find and the codebook, undo and redo, and whether the notebook is saved. Its buttons
// are commands of the command table (shared/commands.ts): each shows the command's toolbar label and reports the
// command's id.
import type { JSX } from 'preact';
import { useId } from 'preact/hooks';
import { toolbarLabel, type ExportMenuCommandId, type ToolbarCommandId } from '../../shared/commands';
import type { HistoryState } from '../../shared/contract';
import { ALL_TOPICS, UNTAGGED } from '../topics';
import type { DocumentSummary, TopicWithCount } from '../types';
import { ExportMenu } from './export-menu';

import type { SidePanel, View } from '../state/ui';

export type { SidePanel, View };

/** A command the toolbar or its Export menu runs. */
export type ToolbarCommand = ToolbarCommandId | ExportMenuCommandId;

export const VIEW_PANEL_IDS: Record<View, string> = { reading: 'reading', compare: 'compare' };
export const VIEW_TAB_IDS: Record<View, string> = { reading: 'tab-reading', compare: 'tab-compare' };

interface ToolbarProps {
  view: View;
  documents: DocumentSummary[];
  documentId: string | null;
  topics: TopicWithCount[];
  filter: string;
  saveStatus: string;
  saveFailed: boolean;
  suggestionsOpen: boolean;
  onView: (view: View) => void;
  onOpenDocument: (id: string) => void;
  onFilter: (filter: string) => void;
  libraryOpen: boolean;
  panel: SidePanel | null;
  history: HistoryState | null;
  exportBusy: boolean;
  /** Whether a command would do something now (the command table says). */
  isEnabled: (id: ToolbarCommand) => boolean;
  /** Runs a command of the table. */
  onCommand: (id: ToolbarCommand) => void;
}

const VIEWS: Array<{ view: View; label: string }> = [
  { view: 'reading', label: 'Reading' },
  { view: 'compare', label: 'Compare' },
];

function ViewTabs({ view, onView }: { view: View; onView: (view: View) => void }) {
  const onKeyDown = (event: KeyboardEvent) => {
    const at = VIEWS.findIndex((v) => v.view === view);
    let next = -1;
    if (event.key === 'ArrowRight') next = (at + 1) % VIEWS.length;
    else if (event.key === 'ArrowLeft') next = (at + VIEWS.length - 1) % VIEWS.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = VIEWS.length - 1;
    const target = VIEWS[next];
    if (!target) return;
    event.preventDefault();
    onView(target.view);
    document.getElementById(VIEW_TAB_IDS[target.view])?.focus();
  };
  return (
    <div class="view-tabs" role="tablist" aria-label="View" onKeyDown={onKeyDown}>
      {VIEWS.map(({ view: v, label }) => (
        <button
          key={v}
          type="button"
          role="tab"
          id={VIEW_TAB_IDS[v]}
          class="view-tabs__tab"
          aria-selected={view === v}
          aria-controls={VIEW_PANEL_IDS[v]}
          tabIndex={view === v ? 0 : -1}
          onClick={() => onView(v)}
        >
          {label}
        </button>
      ))}
    </div>
  );
}

export function Toolbar(props: ToolbarProps): JSX.Element {
  const documentSelect = useId();
  const filterSelect = useId();
  const reading = props.view === 'reading';
  const undoEnabled = props.isEnabled('undo');
  const redoEnabled = props.isEnabled('redo');
  // The pressed Find button closes the panel; unpressed, it opens Find as the menu's Find… does.
  const findCommand = props.panel === 'find' ? 'close-find' : 'find';
  return (
    <header class="toolbar">
      <button
        type="button"
        class="button toolbar__library"
        aria-pressed={props.libraryOpen}
        aria-controls={props.libraryOpen ? 'library' : undefined}
        onClick={() => props.onCommand('toggle-library')}
      >
        {toolbarLabel('toggle-library')}
      </button>
      <div class="toolbar__brand" aria-hidden="true">
        Parley
      </div>
      <ViewTabs view={props.view} onView={props.onView} />
      {reading && (
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
          <button type="button" class="button" onClick={() => props.onCommand('import')}>
            {toolbarLabel('import')}
          </button>
        </div>
      )}
      {reading && (
        <div class="toolbar__group">
          <label class="toolbar__field" for={filterSelect}>
            <span class="toolbar__label">Filter by topic</span>
            <select
              id={filterSelect}
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
          <button
            type="button"
            class="button"
            disabled={!props.isEnabled('export-markdown')}
            onClick={() => props.onCommand('export-markdown')}
          >
            {toolbarLabel('export-markdown')}
          </button>
        </div>
      )}
      <div class="toolbar__group">
        <ExportMenu isEnabled={props.isEnabled} busy={props.exportBusy} onChoose={props.onCommand} />
      </div>
      <div class="toolbar__group">
        {reading && (
          <button
            type="button"
            class="button"
            aria-pressed={props.suggestionsOpen}
            disabled={!props.isEnabled('suggestions')}
            onClick={() => props.onCommand('suggestions')}
          >
            {toolbarLabel('suggestions')}
          </button>
        )}
        <button type="button" class="button" onClick={() => props.onCommand('parties')}>
          {toolbarLabel('parties')}
        </button>
        <button
          type="button"
          class="button"
          aria-pressed={props.panel === 'find'}
          onClick={() => props.onCommand(findCommand)}
        >
          {toolbarLabel(findCommand)}
        </button>
        <button
          type="button"
          class="button"
          aria-pressed={props.panel === 'codebook'}
          onClick={() => props.onCommand('codebook')}
        >
          {toolbarLabel('codebook')}
        </button>
      </div>
      <div class="toolbar__group" role="group" aria-label="History">
        <button
          type="button"
          class="button"
          aria-label={props.history?.undoLabel ?? toolbarLabel('undo')}
          title={props.history?.undoLabel ?? 'Nothing to undo'}
          aria-disabled={!undoEnabled}
          onClick={() => undoEnabled && props.onCommand('undo')}
        >
          {toolbarLabel('undo')}
        </button>
        <button
          type="button"
          class="button"
          aria-label={props.history?.redoLabel ?? toolbarLabel('redo')}
          title={props.history?.redoLabel ?? 'Nothing to redo'}
          aria-disabled={!redoEnabled}
          onClick={() => redoEnabled && props.onCommand('redo')}
        >
          {toolbarLabel('redo')}
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
