// The toolbar: one slim row of what a reader reaches for often — the library, reading or comparing, which document
// and which topic, importing, exporting, the suggestions, find, undo and redo, the command palette, and whether the
// notebook is saved. What is asked for rarely (the parties, the codebook, importing annotations, each kind of
// export) is in the application menu and the command palette instead, as in other desktop applications. Its
// buttons are commands of the command table (shared/commands.ts): each shows the command's toolbar label and
// reports the command's id. Labels are never cut: on a narrow window the selects narrow and a few buttons show
// their sign only, their names kept for assistive technology.
import type { JSX } from 'preact';
import { useId } from 'preact/hooks';
import {
  commandById,
  toolbarLabel,
  type ExportMenuCommandId,
  type ToolbarCommandId,
} from '../../shared/commands';
import type { HistoryState } from '../../shared/contract';
import { ALL_TOPICS, UNTAGGED } from '../topics';
import type { DocumentSummary, TopicWithCount } from '../types';
import { ExportMenu } from './export-menu';

import type { SidePanel, View } from '../state/ui';

export type { SidePanel, View };

/** A command the toolbar or its Export menu runs. */
export type ToolbarCommand = ToolbarCommandId | ExportMenuCommandId;

export const VIEW_PANEL_IDS: Record<View, string> = {
  reading: 'reading',
  compare: 'compare',
  accounts: 'accounts',
};
export const VIEW_TAB_IDS: Record<View, string> = {
  reading: 'tab-reading',
  compare: 'tab-compare',
  accounts: 'tab-accounts',
};

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
  /**
   * The Accounts tab shows while that view is shown (opened from the library's events, View › Accounts Side by Side
   * or a highlight's "also in"): the row has room for it there, without the reading view's document and topic.
   */
  showAccounts: boolean;
  /** Whether a command would do something now (the command table says). */
  isEnabled: (id: ToolbarCommand) => boolean;
  /** Runs a command of the table. */
  onCommand: (id: ToolbarCommand) => void;
}

const ALL_VIEWS: Array<{ view: View; label: string }> = [
  { view: 'reading', label: commandById('reading').label },
  { view: 'compare', label: 'Compare' },
  { view: 'accounts', label: 'Accounts' },
];

function ViewTabs({ view, views, onView }: { view: View; views: View[]; onView: (view: View) => void }) {
  const VIEWS = ALL_VIEWS.filter((v) => views.includes(v.view));
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
        class="button toolbar__library toolbar__sign toolbar__sign--library"
        aria-pressed={props.libraryOpen}
        aria-controls={props.libraryOpen ? 'library' : undefined}
        title={toolbarLabel('toggle-library')}
        onClick={() => props.onCommand('toggle-library')}
      >
        {toolbarLabel('toggle-library')}
      </button>
      <div class="toolbar__brand" aria-hidden="true">
        Parley
      </div>
      <ViewTabs
        view={props.view}
        views={props.showAccounts ? ['reading', 'compare', 'accounts'] : ['reading', 'compare']}
        onView={props.onView}
      />
      {reading && props.documents.length > 1 && (
        <label class="toolbar__field toolbar__field--document" for={documentSelect}>
          <span class="visually-hidden">Document</span>
          <select
            id={documentSelect}
            class="select toolbar__select"
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
      {reading && (
        <label class="toolbar__field" for={filterSelect}>
          <span class="visually-hidden">Filter by topic</span>
          <select
            id={filterSelect}
            class="select toolbar__select"
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
      )}
      <div class="toolbar__group toolbar__group--end">
        <button type="button" class="button" onClick={() => props.onCommand('import')}>
          {toolbarLabel('import')}
        </button>
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
        <button
          type="button"
          class="button"
          aria-pressed={props.panel === 'find'}
          onClick={() => props.onCommand(findCommand)}
        >
          {toolbarLabel(findCommand)}
        </button>
      </div>
      <div class="toolbar__group" role="group" aria-label="History">
        <button
          type="button"
          class="button toolbar__sign toolbar__sign--undo"
          aria-label={props.history?.undoLabel ?? toolbarLabel('undo')}
          title={props.history?.undoLabel ?? 'Nothing to undo'}
          aria-disabled={!undoEnabled}
          onClick={() => undoEnabled && props.onCommand('undo')}
        >
          {toolbarLabel('undo')}
        </button>
        <button
          type="button"
          class="button toolbar__sign toolbar__sign--redo"
          aria-label={props.history?.redoLabel ?? toolbarLabel('redo')}
          title={props.history?.redoLabel ?? 'Nothing to redo'}
          aria-disabled={!redoEnabled}
          onClick={() => redoEnabled && props.onCommand('redo')}
        >
          {toolbarLabel('redo')}
        </button>
      </div>
      <button
        type="button"
        class="button toolbar__sign toolbar__sign--palette"
        aria-haspopup="dialog"
        aria-keyshortcuts="Control+Shift+P Meta+Shift+P"
        title="All commands (Ctrl+Shift+P, ⌘⇧P on a Mac)"
        onClick={() => props.onCommand('command-palette')}
      >
        {toolbarLabel('command-palette')}
      </button>
      <p
        class={`toolbar__status${props.saveFailed ? ' toolbar__status--error' : ''}`}
        role="status"
        aria-live="polite"
        aria-label="Save status"
        title={props.saveStatus}
        data-short={props.saveFailed ? 'Not saved' : props.saveStatus.replace('All changes saved', '')}
      >
        {props.saveStatus}
      </p>
    </header>
  );
}
