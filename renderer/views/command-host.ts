// What the command table needs from the page (state/commands.ts): starting a highlight on the selection (refusing
// one that holds most of the article), the sentence cursor, moving between the reading view and the comparison
// (each keeping its scroll), and focusing what a command opened; and the window's keys, menu, selection, drops and
// pastes wired to it, with Shift and the arrows moving the end of a selection in the text.
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import { toolbarLabel } from '../../shared/commands';
import { focusSoon, focusToolbarButton } from '../dom';
import type { CommandHost } from '../state/commands';
import type { Store } from '../state/store';
import { modalOpen, type View } from '../state/ui';
import { highlightTooLong } from '../highlighting/highlight-limit';
import { caretAfterLastPassage, focusInReading, moveCaret, useCaretBrowsing } from './caret-browsing';
import { adjustSelection, moveBySentence, rememberPassage, selectionInText } from './sentence-cursor';
import { reachText, type TextIndex } from '../highlighting/text-index';
import type { TextSurface } from './text-surface';
import { useWindowEvents, type WindowEvents } from './window-events';

export function useCommandHost(
  store: Store,
  surface: TextSurface,
): { host: CommandHost; events: WindowEvents } {
  /** Where the reading view was scrolled when the comparison took its place. */
  const readingScroll = useRef(0);
  const view = store.get().ui.view;

  // Each view keeps its own place: the comparison and the accounts start at the top, the reading view where it was
  // left.
  useLayoutEffect(() => {
    if (view !== 'reading') window.scrollTo({ top: 0 });
    else if (!store.get().ui.reveal) window.scrollTo({ top: readingScroll.current });
  }, [view]);

  const host: CommandHost & { currentSelection: TextSurface['currentSelection'] } = {
    store,
    currentSelection: surface.currentSelection,
    changeView(next: View) {
      const current = store.get().ui.view;
      if (next === current) return;
      if (current === 'reading') readingScroll.current = window.scrollY;
      store.patchUi({ view: next });
      events.clearSelectionSpot();
    },
    startHighlight() {
      const { ui, open } = store.get();
      const opened = open.document;
      if (ui.editor || ui.editingDetails || ui.linking || ui.partiesOpen || !opened) return;
      if (ui.view !== 'reading') return;
      const current = surface.currentSelection();
      if (!current) {
        store.say('Select a passage in the text first (J and K select a sentence), then press H.');
        return;
      }
      const tooLong = highlightTooLong(current.span, opened.blocks);
      if (tooLong) {
        store.say(tooLong);
        return;
      }
      events.clearSelectionSpot();
      rememberPassage(opened, current.span.end);
      store.patchUi({
        error: null,
        editor: {
          mode: 'create',
          documentId: opened.id,
          span: current.span,
          quote: opened.text.slice(current.span.start, current.span.end),
          anchor: current.range.getBoundingClientRect(),
        },
      });
    },
    moveSentence(move) {
      const { ui, open } = store.get();
      const opened = open.document;
      if (!opened || !surface.index || ui.view !== 'reading' || modalOpen(ui)) return;
      const refused = moveBySentence(surface.index, opened, move);
      if (refused) store.say(refused);
    },
    focusSoon,
    focusToolbar: (id) => focusToolbarButton(toolbarLabel(id)),
  };
  const events = useWindowEvents(host);

  useCaretBrowsing(surface.index, store.get().open.document, store.get().ui.caretBrowsing);
  // While caret browsing, a new highlight's editor closing puts the caret back at the end of its passage (the save
  // clears the selection), so the arrows and J go on from there.
  const creating = store.get().ui.editor?.mode === 'create';
  const wasCreating = useRef(false);
  useEffect(() => {
    const closed = wasCreating.current && !creating;
    wasCreating.current = creating;
    if (!closed) return undefined;
    const frame = requestAnimationFrame(() => {
      const { ui, open } = store.get();
      const index = latestSurface.current.index;
      if (!ui.caretBrowsing || !index || !open.document || modalOpen(ui)) return;
      if (!selectionInText(index)) caretAfterLastPassage(index, open.document);
    });
    return () => cancelAnimationFrame(frame);
  }, [creating, store]);
  // Shift with an arrow key moves the end of a selection in the text (the browser does nothing there by itself);
  // while caret browsing, the arrows move the caret.
  const latestSurface = useRef(surface);
  latestSurface.current = surface;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const { ui } = store.get();
      const index = latestSurface.current.index;
      const opened = store.get().open.document;
      if (!index || !opened || ui.view !== 'reading' || modalOpen(ui) || event.isComposing) return;
      if (!focusInReading(event.target)) return;
      if (selectAllOfDocument(index, event)) {
        event.preventDefault();
        return;
      }
      if (adjustSelection(index, event) || (ui.caretBrowsing && moveCaret(index, opened, event))) {
        event.preventDefault();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [store]);
  return { host, events };
}

/**
 * Ctrl+A (⌘+A) with focus in the reading column selects the document: from its title to the end of its text, not
 * the toolbar and the margin around it (elsewhere, as in a text field, the browser's own Ctrl+A is kept). True when
 * the key was used.
 */
function selectAllOfDocument(index: TextIndex, event: KeyboardEvent): boolean {
  if (
    event.key.toLowerCase() !== 'a' ||
    !(event.ctrlKey || event.metaKey) ||
    event.shiftKey ||
    event.altKey
  ) {
    return false;
  }
  const title = document.querySelector('.reading .doc-title');
  // The end of the text may not be in the page (the column mounts it as the reader comes near): it is put there.
  const reached = reachText(index, Number.MAX_SAFE_INTEGER - 1, Number.MAX_SAFE_INTEGER);
  const last = reached.entries[reached.entries.length - 1];
  const selection = document.getSelection();
  if (!title || !last || !selection) return false;
  selection.setBaseAndExtent(title, 0, last.node, last.node.length);
  return true;
}
