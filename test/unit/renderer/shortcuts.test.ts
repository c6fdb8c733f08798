// Written for Parley's command table: the Help › Keyboard Shortcuts dialog, read from the table, lists the rows it
// listed when it kept its own list (same groups, order, keys and text), with CmdOrCtrl spelled for the platform,
// and the suggestions panel's other keys (Home and End, Enter, T, Delete and Backspace) that the list left out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { keyNames, shortcutGroups } from '../../../renderer/shortcuts';

/**
 * The dialog's list as renderer/shortcuts.ts wrote it out by hand before the table, with the suggestions panel's
 * keys it left out marked `added`; `mod` is Ctrl or ⌘.
 */
function listBeforeTable(mod: string): Array<{
  title: string;
  shortcuts: Array<{ keys: string[]; action: string; added?: true }>;
}> {
  return [
    {
      title: 'Reading and highlighting',
      shortcuts: [
        { keys: ['H'], action: 'Highlight the selected passage' },
        { keys: [mod, 'Shift', 'H'], action: 'Highlight the selected passage (also while typing)' },
        { keys: ['J'], action: 'Select the next sentence of the text', added: true },
        { keys: ['K'], action: 'Select the previous sentence of the text', added: true },
        { keys: ['Shift', 'J'], action: 'Extend the selection by the next sentence', added: true },
        { keys: ['Shift', 'K'], action: 'Extend the selection back by the previous sentence', added: true },
        {
          keys: ['F7'],
          action: 'Caret browsing on or off: the arrows, Home and End move a caret in the text',
          added: true,
        },
        {
          keys: ['Shift', '←', 'Shift', '→', 'Shift', '↑', 'Shift', '↓'],
          action:
            'Select from the caret, or move the end of the selection, by a character or a line (with Ctrl, by a word)',
          added: true,
        },
        { keys: ['Enter'], action: 'Edit the highlight whose note is in focus' },
        { keys: [mod, 'Enter'], action: 'Save the highlight from any field of its editor', added: true },
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
        { keys: [mod, 'Shift', 'P'], action: 'Find and run any command by its name' },
        { keys: [mod, 'B'], action: 'Show or hide the library' },
        { keys: [mod, 'Shift', 'K'], action: 'Open or close the codebook' },
        { keys: [mod, 'Shift', 'C'], action: 'Compare the parties (menu)' },
        { keys: ['?'], action: 'Show this list of shortcuts' },
        { keys: [mod, '/'], action: 'Show this list of shortcuts (menu)' },
        { keys: [mod, ','], action: 'Preferences: your name on the highlights you make (menu)', added: true },
      ],
    },
    {
      title: 'Suggestions panel',
      shortcuts: [
        { keys: ['↑', '↓'], action: 'Move between suggested statements' },
        { keys: ['Home', 'End'], action: 'Go to the first or the last suggested statement', added: true },
        { keys: ['A'], action: 'Accept the suggestion' },
        { keys: ['Enter'], action: 'Accept it, as A does', added: true },
        { keys: ['T'], action: 'Accept it with the proposed topic', added: true },
        { keys: ['E'], action: 'Accept and edit it' },
        { keys: ['D'], action: 'Dismiss it' },
        { keys: ['Delete', 'Backspace'], action: 'Dismiss it, as D does', added: true },
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

test('the dialog lists the same groups, rows, keys and text as before, and the added rows, on either platform', () => {
  for (const [isMac, mod] of [
    [false, 'Ctrl'],
    [true, '⌘'],
  ] as const) {
    // The old list was flat: ↑ and ↓ were two keys of one row; the table gives them as two accelerators.
    const shown = shortcutGroups(isMac).map((group) => ({
      title: group.title,
      shortcuts: group.shortcuts.map((shortcut) => ({ keys: shortcut.keys.flat(), action: shortcut.action })),
    }));
    const expected = listBeforeTable(mod).map((group) => ({
      title: group.title,
      shortcuts: group.shortcuts.map(({ keys, action }) => ({ keys, action })),
    }));
    assert.deepEqual(shown, expected);
    // Without the added rows, the dialog's rows are those of the list before the table, in the same order.
    const before = listBeforeTable(mod).map((group) => ({
      title: group.title,
      shortcuts: group.shortcuts.filter((row) => !row.added).map(({ keys, action }) => ({ keys, action })),
    }));
    const added = new Set(
      listBeforeTable(mod).flatMap((group) =>
        group.shortcuts.filter((row) => row.added).map((row) => row.action),
      ),
    );
    assert.deepEqual(
      shown.map((group) => ({
        title: group.title,
        shortcuts: group.shortcuts.filter((row) => !added.has(row.action)),
      })),
      before,
    );
  }
});

test('each row names the command it belongs to, and alternatives are separate accelerators', () => {
  const rows = shortcutGroups(false).flatMap((group) => group.shortcuts);
  assert.deepEqual(
    rows.filter((row) => row.command === 'redo').map((row) => row.keys),
    [[['Ctrl', 'Shift', 'Z']], [['Ctrl', 'Y']]],
  );
  assert.deepEqual(rows.find((row) => row.command === 'suggestion-move')?.keys, [['↑'], ['↓']]);
});

test('key names: CmdOrCtrl is Ctrl, or ⌘ on a Mac; Cmd is always ⌘ and Ctrl always Ctrl', () => {
  assert.deepEqual(keyNames('CmdOrCtrl+Shift+Z', false), ['Ctrl', 'Shift', 'Z']);
  assert.deepEqual(keyNames('CmdOrCtrl+Shift+Z', true), ['⌘', 'Shift', 'Z']);
  assert.deepEqual(keyNames('Cmd+Shift+Z', false), ['⌘', 'Shift', 'Z']);
  assert.deepEqual(keyNames('Ctrl+Y', true), ['Ctrl', 'Y']);
  assert.deepEqual(keyNames('CmdOrCtrl+/', true), ['⌘', '/']);
});
