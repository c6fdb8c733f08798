// What the command table needs from the page (state/commands.ts): starting a highlight on the selection, moving
// between the reading view and the comparison (each keeping its scroll), and focusing what a command opened;
// and the window's keys, menu, selection, drops and pastes wired to it.
import { useLayoutEffect, useRef } from 'preact/hooks';
import { toolbarLabel } from '../../shared/commands';
import { focusSoon, focusToolbarButton } from '../dom';
import type { CommandHost } from '../state/commands';
import type { Store } from '../state/store';
import type { View } from '../state/ui';
import type { TextSurface } from './text-surface';
import { useWindowEvents, type WindowEvents } from './window-events';

export function useCommandHost(
  store: Store,
  surface: TextSurface,
): { host: CommandHost; events: WindowEvents } {
  /** Where the reading view was scrolled when the comparison took its place. */
  const readingScroll = useRef(0);
  const view = store.get().ui.view;

  // Each view keeps its own place: the comparison starts at the top, the reading view where it was left.
  useLayoutEffect(() => {
    if (view === 'compare') window.scrollTo({ top: 0 });
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
        store.say('Select a passage in the text first, then press H.');
        return;
      }
      events.clearSelectionSpot();
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
    focusSoon,
    focusToolbar: (id) => focusToolbarButton(toolbarLabel(id)),
  };
  const events = useWindowEvents(host);
  return { host, events };
}
