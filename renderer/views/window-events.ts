// What the whole window listens to: keys and the menu's commands (both run through the command table), the
// selection (which places the Highlight button), and files dropped or pasted (which are imported).
import { useEffect, useRef, useState } from 'preact/hooks';
import { commandForKey } from '../commands/keys';
import { isTextEntry } from '../dom';
import { runCommand, type CommandHost, type RunnableCommandId } from '../state/commands';
import { modalOpen } from '../state/ui';
import type { MenuCommand } from '../types';

/** Within this many milliseconds, a menu command repeats a key the window already handled (an accelerator). */
const ACCELERATOR_ECHO_MS = 400;

export interface WindowEvents {
  /** Where the Highlight button sits beside the selection, or null when nothing is selected. */
  selectionSpot: { top: number; left: number } | null;
  clearSelectionSpot(): void;
  /** Files are being dragged over the window. */
  dragging: boolean;
}

export function useWindowEvents(
  host: CommandHost & { currentSelection(): { range: Range } | null },
): WindowEvents {
  const [selectionSpot, setSelectionSpot] = useState<{ top: number; left: number } | null>(null);
  const [dragging, setDragging] = useState(false);
  const latest = useRef(host);
  latest.current = host;
  /**
   * When undo or redo last ran from a key. In a text field the key is left to the browser (it undoes typing), so
   * on Windows and Linux the menu's accelerator can fire too; its echo is ignored. Other keys are consumed
   * (preventDefault), which keeps the menu from seeing them.
   */
  const keyedAt = useRef(new Map<string, number>());

  useEffect(() => {
    const { store } = latest.current;
    const dialogOpen = () => modalOpen(store.get().ui);
    const run = (id: RunnableCommandId) => runCommand(id, latest.current);

    /** A menu command that repeats, within a moment, what a key press already did is the accelerator's echo. */
    const echoed = (command: MenuCommand) => {
      const at = keyedAt.current.get(command);
      return at !== undefined && performance.now() - at < ACCELERATOR_ECHO_MS;
    };
    const offMenu = store.onMenuCommand((command) => {
      if (echoed(command)) return;
      if (command === 'undo' || command === 'redo') {
        // In a text field the Edit menu's Undo undoes typing, as everywhere else.
        if (isTextEntry(document.activeElement)) document.execCommand(command);
        else if (!dialogOpen()) run(command);
      } else run(command);
    });

    const onKeyDown = (event: KeyboardEvent) => {
      const decision = commandForKey(event, { typing: isTextEntry(event.target), dialogOpen: dialogOpen() });
      if (!decision) return;
      if (decision.noteEcho) keyedAt.current.set(decision.command, performance.now());
      if (!decision.run) return;
      event.preventDefault();
      run(decision.command);
    };

    let frame = 0;
    const onSelectionChange = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const current = dialogOpen() ? null : latest.current.currentSelection();
        const rects = current ? current.range.getClientRects() : null;
        const last = rects && rects.length > 0 ? rects[rects.length - 1] : null;
        setSelectionSpot(
          last ? { top: last.bottom + window.scrollY + 6, left: last.right + window.scrollX - 40 } : null,
        );
      });
    };
    const hasFiles = (event: DragEvent) => !!event.dataTransfer?.types.includes('Files');
    const onDragOver = (event: DragEvent) => {
      if (!hasFiles(event) || dialogOpen()) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
      setDragging(true);
    };
    const onDragLeave = (event: DragEvent) => {
      if (!event.relatedTarget) setDragging(false);
    };
    const onDrop = (event: DragEvent) => {
      setDragging(false);
      // A drop that a target took for itself (a new version of the open document) is not imported again.
      if (!hasFiles(event) || dialogOpen() || event.defaultPrevented) return;
      event.preventDefault();
      void store.importFiles([...(event.dataTransfer?.files ?? [])]);
    };
    const onPaste = (event: ClipboardEvent) => {
      if (dialogOpen() || isTextEntry(event.target) || !event.clipboardData) return;
      const files = [...event.clipboardData.files];
      if (files.length > 0) {
        event.preventDefault();
        void store.importFiles(files);
        return;
      }
      const encoder = new TextEncoder();
      const html = event.clipboardData.getData('text/html');
      if (html.trim()) {
        event.preventDefault();
        store.patchUi({
          pendingPaste: { fileName: 'pasted-page.html', bytes: encoder.encode(html), kind: 'web page' },
        });
        return;
      }
      const text = event.clipboardData.getData('text/plain');
      if (!text.trim()) return;
      event.preventDefault();
      store.patchUi({
        pendingPaste: { fileName: 'Pasted text.txt', bytes: encoder.encode(text), kind: 'text' },
      });
    };
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('selectionchange', onSelectionChange);
    window.addEventListener('resize', onSelectionChange);
    document.addEventListener('dragover', onDragOver);
    document.addEventListener('dragleave', onDragLeave);
    document.addEventListener('drop', onDrop);
    document.addEventListener('paste', onPaste);
    return () => {
      offMenu();
      cancelAnimationFrame(frame);
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('selectionchange', onSelectionChange);
      window.removeEventListener('resize', onSelectionChange);
      document.removeEventListener('dragover', onDragOver);
      document.removeEventListener('dragleave', onDragLeave);
      document.removeEventListener('drop', onDrop);
      document.removeEventListener('paste', onPaste);
    };
  }, []);

  return { selectionSpot, clearSelectionSpot: () => setSelectionSpot(null), dragging };
}
