// Every keyboard shortcut the window answers to, listed once: the key handler's behaviour is described here for
// the Help → Keyboard shortcuts dialog, so the list a reader sees is the list the app keeps.

export interface Shortcut {
  keys: string[];
  action: string;
}

export interface ShortcutGroup {
  title: string;
  shortcuts: Shortcut[];
}

/** "Ctrl" on Windows and Linux, "⌘" on a Mac, as the menus show it. */
export function commandKey(): string {
  return /mac/i.test(navigator.platform) ? '⌘' : 'Ctrl';
}

export function shortcutGroups(): ShortcutGroup[] {
  const mod = commandKey();
  return [
    {
      title: 'Reading and highlighting',
      shortcuts: [
        { keys: ['H'], action: 'Highlight the selected passage' },
        { keys: [mod, 'Shift', 'H'], action: 'Highlight the selected passage (also while typing)' },
        { keys: ['Enter'], action: 'Edit the highlight whose note is in focus' },
        { keys: ['Tab'], action: 'Move between notes, buttons and fields' },
        { keys: ['Esc'], action: 'Close a dialog, a menu or a panel' },
      ],
    },
    {
      title: 'Undo and redo',
      shortcuts: [
        { keys: [mod, 'Z'], action: 'Undo the last change to the notebook' },
        { keys: [mod, 'Shift', 'Z'], action: 'Redo' },
        { keys: ['Ctrl', 'Y'], action: 'Redo (Windows and Linux)' },
      ],
    },
    {
      title: 'Panels',
      shortcuts: [
        { keys: [mod, 'F'], action: 'Find across the notebook' },
        { keys: [mod, 'B'], action: 'Show or hide the library' },
        { keys: [mod, 'Shift', 'K'], action: 'Open or close the codebook' },
        { keys: [mod, 'Shift', 'C'], action: 'Compare the parties (menu)' },
        { keys: ['?'], action: 'Show this list of shortcuts' },
        { keys: [mod, '/'], action: 'Show this list of shortcuts (menu)' },
      ],
    },
    {
      title: 'Suggestions panel',
      shortcuts: [
        { keys: ['↑', '↓'], action: 'Move between suggested statements' },
        { keys: ['A'], action: 'Accept the suggestion' },
        { keys: ['E'], action: 'Accept and edit it' },
        { keys: ['D'], action: 'Dismiss it' },
      ],
    },
    {
      title: 'Importing',
      shortcuts: [
        { keys: [mod, 'V'], action: 'Paste text or a web page outside a field to import it' },
        { keys: [mod, 'O'], action: 'Import a file (menu)' },
        { keys: [mod, 'E'], action: 'Export this document as Markdown (menu)' },
        { keys: [mod, 'Shift', 'E'], action: 'Export the comparison (menu)' },
      ],
    },
  ];
}
