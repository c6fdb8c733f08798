// The window's dialogs: the highlight editor, linking a passage, the parties, a document's details, the
// keyboard shortcuts and the export choices. Each opens from the store's UI state and reports to the store;
// where focus goes when one closes is decided here.
import { useMemo } from 'preact/hooks';
import { toolbarLabel } from '../../shared/commands';
import { DetailsEditor } from '../components/details-editor';
import { NotebookExportDialog, TopicExportDialog } from '../components/export-menu';
import { HighlightEditor } from '../components/highlight-editor';
import { LinkDialog } from '../components/link-dialog';
import { PartiesDialog } from '../components/parties-dialog';
import { ShortcutsDialog } from '../components/shortcuts-dialog';
import { focusSuggestionList, focusToolbarButton } from '../dom';
import * as nb from '../state/notebook';
import { useAppState, useStore } from '../state/use-store';

export function Dialogs({ focusCard }: { focusCard(id: string): void }) {
  const store = useStore();
  const { notebook, ui, open } = useAppState();
  const doc = open.document;
  const { editor, linking } = ui;
  const topicMap = useMemo(() => nb.topicMap(notebook), [notebook.topics]);
  const partyMap = useMemo(() => nb.partyMap(notebook), [notebook.parties]);
  const linkCandidates = useMemo(
    () =>
      linking
        ? [...nb.passages(notebook, doc?.id ?? null).values()].filter((p) => p.annotation.id !== linking.id)
        : [],
    [linking, notebook, doc?.id],
  );
  const editing = editor?.mode === 'edit' ? editor.annotation : null;

  return (
    <>
      {ui.shortcutsOpen && <ShortcutsDialog onClose={() => store.patchUi({ shortcutsOpen: false })} />}

      {ui.exportDialog === 'topic' && (
        <TopicExportDialog
          topics={notebook.topics}
          initialTopicId={ui.filter && notebook.topics.some((t) => t.id === ui.filter) ? ui.filter : null}
          onCancel={() => store.patchUi({ exportDialog: null })}
          cite={ui.exportCite}
          onCite={(exportCite) => store.patchUi({ exportCite })}
          onExport={(topicId) => {
            store.patchUi({ exportDialog: null });
            void store.runExport('topic', { topicId });
          }}
        />
      )}

      {ui.exportDialog === 'notebook' && (
        <NotebookExportDialog
          onCancel={() => store.patchUi({ exportDialog: null })}
          cite={ui.exportCite}
          onCite={(exportCite) => store.patchUi({ exportCite })}
          onExport={(mode) => {
            store.patchUi({ exportDialog: null });
            void store.runExport('notebook', { mode });
          }}
        />
      )}

      {editor && (
        <HighlightEditor
          mode={editor.mode}
          quote={editor.mode === 'create' ? editor.quote : editor.annotation.target.exact}
          topics={notebook.topics}
          parties={notebook.parties}
          stances={notebook.stances}
          initial={
            editing
              ? {
                  topicIds: editing.topicIds,
                  note: editing.note,
                  partyId: editing.partyId,
                  stance: editing.stance,
                }
              : {
                  topicIds: ui.filter && topicMap.has(ui.filter) ? [ui.filter] : [],
                  note: '',
                  partyId: null,
                  stance: null,
                }
          }
          anchor={editor.anchor}
          onAddStance={store.addStance}
          onSave={async (draft) => {
            const saved = await store.saveHighlight(draft);
            if (!saved) return;
            if (editor.mode === 'create') document.getSelection()?.removeAllRanges();
            if (editor.mode === 'edit' && editor.returnTo === 'suggestions') {
              requestAnimationFrame(focusSuggestionList);
            } else if (editor.mode === 'edit' || !store.get().ui.caretBrowsing) {
              // While caret browsing, a new highlight's caret goes back to the end of its passage instead, focus
              // with it (command-host), so the arrows go on from there.
              focusCard(saved.id);
            }
          }}
          onCancel={() => {
            store.patchUi({ editor: null });
            if (editor.mode === 'edit' && editor.returnTo === 'suggestions') {
              requestAnimationFrame(focusSuggestionList);
            } else if (editor.mode === 'edit') focusCard(editor.annotation.id);
          }}
        />
      )}

      {linking && (
        <LinkDialog
          from={linking}
          candidates={linkCandidates}
          documentId={doc?.id ?? null}
          parties={partyMap}
          onLink={async (input) => {
            const saved = await store.linkPassages(input);
            if (saved) focusCard(saved.id);
          }}
          onCancel={() => {
            focusCard(linking.id);
            store.patchUi({ linking: null });
          }}
        />
      )}

      {ui.partiesOpen && (
        <PartiesDialog
          parties={notebook.parties}
          onCreate={store.createParty}
          onUpdate={store.updateParty}
          onMerge={store.mergeParties}
          onDelete={store.deleteParty}
          onClose={() => {
            store.patchUi({ partiesOpen: false });
            // Parties… is in the menu and the palette, not the toolbar: focus goes to the palette's button.
            focusToolbarButton(toolbarLabel('command-palette'));
          }}
        />
      )}

      {ui.editingDetails && doc && (
        <DetailsEditor
          document={doc}
          onSave={store.saveDetails}
          onSuggestKey={store.suggestCitationKey}
          onCancel={() => store.patchUi({ editingDetails: false })}
        />
      )}
    </>
  );
}
