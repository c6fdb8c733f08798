/**
 * Every command of the window, listed once: its id, its label, where it appears (a menu of the application menu, a
 * button of the toolbar, an item of the toolbar's Export menu, a row of the Help › Keyboard Shortcuts dialog) and
 * the keys that run it, with who answers each key. The menu (main/menu.ts), the toolbar and its Export menu
 * (renderer/components/toolbar.tsx, export-menu.tsx), the window's key handler (renderer/commands/keys.ts), the
 * suggestions panel's keys (renderer/commands/suggestion-keys.ts) and the shortcuts dialog (renderer/shortcuts.ts)
 * are all built from this table, so a key shown is a key answered and a name shown is the command's.
 *
 * Keys are written in Electron's accelerator syntax ('CmdOrCtrl+Shift+H', 'Ctrl+Y', 'H', '?'). Who answers a key:
 * - `menu`: the application menu's accelerator, on every platform or only on macOS or only elsewhere;
 * - `window`: the window's key handler, anywhere in the page (a key without Ctrl or ⌘ not while typing);
 * - neither: the focused control or panel answers it itself (Enter on a note, the suggestions panel's letters).
 */

/** `App`: the macOS application menu (Parley), which only macOS has. */
export type MenuName = 'File' | 'Edit' | 'View' | 'Help' | 'App';

/** The shortcuts dialog's groups, in the order it shows them. */
export const SHORTCUT_GROUPS = [
  'Reading and highlighting',
  'Undo and redo',
  'Panels',
  'Suggestions panel',
  'Importing',
] as const;
export type ShortcutGroupTitle = (typeof SHORTCUT_GROUPS)[number];

export interface KeyBinding {
  /** The key, or (shown in one row of the dialog) the keys that do the same thing, such as ↑ and ↓. */
  readonly keys: readonly string[];
  /** The application menu's accelerator: on every platform, only on macOS, or only on Windows and Linux. */
  readonly menu?: 'all' | 'mac' | 'other';
  /** The window's key handler answers it. */
  readonly window?: true;
  /** The row the shortcuts dialog shows for it; absent when the dialog does not list the key. */
  readonly shortcut?: { readonly group: ShortcutGroupTitle; readonly help: string };
}

export interface CommandSpec {
  readonly id: string;
  /** The menu item's label, and the command's name elsewhere. */
  readonly label: string;
  /**
   * Its place in the application menu: which menu, which run of items between separators, and the order in it;
   * `checkbox` for a view choice the item shows ticked while it is on (the window tells main when it changes).
   */
  readonly menu?: {
    readonly name: MenuName;
    readonly section: number;
    readonly order: number;
    readonly checkbox?: true;
  };
  /**
   * Its place on macOS when that is not `menu`'s, and its label there when not `label`: Preferences… is the app
   * menu's Settings… on a Mac, as macOS apps have it.
   */
  readonly macMenu?: {
    readonly name: MenuName;
    readonly section: number;
    readonly order: number;
    readonly label?: string;
  };
  /** A button of the toolbar runs it; `label` when the button's text is shorter than the menu's (Find, not Find…). */
  readonly toolbar?: { readonly label?: string };
  /** An item of the toolbar's Export menu runs it: the item's text, and its place in that menu. */
  readonly exportMenu?: { readonly label: string; readonly order: number };
  readonly keys: readonly KeyBinding[];
  /** In a text field the browser's own command answers the window's keys for it (undo and redo undo typing). */
  readonly textFieldOwns?: true;
}

// The order of the table is the order of the shortcuts dialog's rows within each group.
export const COMMANDS = [
  {
    id: 'highlight',
    label: 'Highlight Selection',
    menu: { name: 'Edit', section: 1, order: 0 },
    keys: [
      {
        keys: ['H'],
        window: true,
        shortcut: { group: 'Reading and highlighting', help: 'Highlight the selected passage' },
      },
      {
        keys: ['CmdOrCtrl+Shift+H'],
        menu: 'all',
        window: true,
        shortcut: {
          group: 'Reading and highlighting',
          help: 'Highlight the selected passage (also while typing)',
        },
      },
    ],
  },
  // The sentence cursor: the reading column's selection moves or grows a sentence at a time (H then highlights it).
  {
    id: 'next-sentence',
    label: 'Select Next Sentence',
    keys: [
      {
        keys: ['J'],
        window: true,
        shortcut: { group: 'Reading and highlighting', help: 'Select the next sentence of the text' },
      },
    ],
  },
  {
    id: 'previous-sentence',
    label: 'Select Previous Sentence',
    keys: [
      {
        keys: ['K'],
        window: true,
        shortcut: { group: 'Reading and highlighting', help: 'Select the previous sentence of the text' },
      },
    ],
  },
  {
    id: 'extend-next-sentence',
    label: 'Extend Selection to Next Sentence',
    keys: [
      {
        keys: ['Shift+J'],
        window: true,
        shortcut: { group: 'Reading and highlighting', help: 'Extend the selection by the next sentence' },
      },
    ],
  },
  {
    id: 'extend-previous-sentence',
    label: 'Extend Selection to Previous Sentence',
    keys: [
      {
        keys: ['Shift+K'],
        window: true,
        shortcut: {
          group: 'Reading and highlighting',
          help: 'Extend the selection back by the previous sentence',
        },
      },
    ],
  },
  {
    id: 'caret-browsing',
    label: 'Caret Browsing',
    keys: [
      {
        keys: ['F7'],
        window: true,
        shortcut: {
          group: 'Reading and highlighting',
          help: 'Caret browsing on or off: the arrows, Home and End move a caret in the text',
        },
      },
    ],
  },
  {
    id: 'adjust-selection',
    label: 'Adjust Selection',
    keys: [
      {
        keys: ['Shift+Left', 'Shift+Right', 'Shift+Up', 'Shift+Down'],
        shortcut: {
          group: 'Reading and highlighting',
          help: 'Select from the caret, or move the end of the selection, by a character or a line (with Ctrl, by a word)',
        },
      },
    ],
  },
  {
    id: 'edit-highlight',
    label: 'Edit Highlight',
    keys: [
      {
        keys: ['Enter'],
        shortcut: { group: 'Reading and highlighting', help: 'Edit the highlight whose note is in focus' },
      },
    ],
  },
  {
    id: 'save-highlight',
    label: 'Save Highlight',
    keys: [
      {
        keys: ['CmdOrCtrl+Enter'],
        shortcut: {
          group: 'Reading and highlighting',
          help: 'Save the highlight from any field of its editor',
        },
      },
    ],
  },
  {
    id: 'next-control',
    label: 'Next Control',
    keys: [
      {
        keys: ['Tab'],
        shortcut: { group: 'Reading and highlighting', help: 'Move between notes, buttons and fields' },
      },
    ],
  },
  {
    id: 'close',
    label: 'Close',
    keys: [
      {
        keys: ['Esc'],
        shortcut: { group: 'Reading and highlighting', help: 'Close a dialog, a menu or a panel' },
      },
    ],
  },
  {
    id: 'undo',
    label: 'Undo',
    menu: { name: 'Edit', section: 0, order: 0 },
    toolbar: {},
    textFieldOwns: true,
    keys: [
      {
        keys: ['CmdOrCtrl+Z'],
        menu: 'all',
        window: true,
        shortcut: { group: 'Undo and redo', help: 'Undo the last change to the notebook' },
      },
    ],
  },
  {
    id: 'redo',
    label: 'Redo',
    menu: { name: 'Edit', section: 0, order: 1 },
    toolbar: {},
    textFieldOwns: true,
    keys: [
      { keys: ['Cmd+Shift+Z'], menu: 'mac' },
      { keys: ['CmdOrCtrl+Shift+Z'], window: true, shortcut: { group: 'Undo and redo', help: 'Redo' } },
      {
        keys: ['Ctrl+Y'],
        menu: 'other',
        window: true,
        shortcut: { group: 'Undo and redo', help: 'Redo (Windows and Linux)' },
      },
    ],
  },
  {
    id: 'find',
    label: 'Find…',
    menu: { name: 'Edit', section: 1, order: 1 },
    toolbar: { label: 'Find' },
    keys: [
      {
        keys: ['CmdOrCtrl+F'],
        menu: 'all',
        window: true,
        shortcut: { group: 'Panels', help: 'Find across the notebook' },
      },
    ],
  },
  {
    id: 'command-palette',
    label: 'Command Palette…',
    menu: { name: 'View', section: 0, order: 4 },
    toolbar: { label: 'Commands' },
    keys: [
      {
        keys: ['CmdOrCtrl+Shift+P'],
        menu: 'all',
        window: true,
        shortcut: { group: 'Panels', help: 'Find and run any command by its name' },
      },
    ],
  },
  {
    id: 'toggle-library',
    label: 'Library',
    menu: { name: 'View', section: 0, order: 1 },
    toolbar: {},
    keys: [
      {
        keys: ['CmdOrCtrl+B'],
        menu: 'all',
        window: true,
        shortcut: { group: 'Panels', help: 'Show or hide the library' },
      },
    ],
  },
  // The open document's highlights, listed in the library's sidebar (its Highlights tab).
  { id: 'highlights', label: 'Highlights', menu: { name: 'View', section: 0, order: 3 }, keys: [] },
  // The open document's versions: the list (read an earlier one), the review of the highlights carried onto the
  // latest, and the differences between two.
  {
    id: 'version-history',
    label: 'Version History',
    menu: { name: 'View', section: 0, order: 3.5 },
    keys: [],
  },
  { id: 'version-review', label: 'Version Review', menu: { name: 'View', section: 0, order: 3.6 }, keys: [] },
  {
    id: 'compare-versions',
    label: 'Compare Versions',
    menu: { name: 'View', section: 0, order: 3.7 },
    keys: [],
  },
  {
    id: 'codebook',
    label: 'Codebook',
    menu: { name: 'View', section: 0, order: 2 },
    keys: [
      {
        keys: ['CmdOrCtrl+Shift+K'],
        menu: 'all',
        window: true,
        shortcut: { group: 'Panels', help: 'Open or close the codebook' },
      },
    ],
  },
  // A view choice, ticked in the menu while on: each highlight underlined in its party's colour, the fill its topic's.
  {
    id: 'party-colours',
    label: 'Colour by Party',
    menu: { name: 'View', section: 1, order: 0, checkbox: true },
    keys: [],
  },
  // The Find button, pressed, closes the panel (Find… from the menu or the key goes back to its field instead).
  { id: 'close-find', label: 'Close Find', toolbar: { label: 'Find' }, keys: [] },
  { id: 'suggestions', label: 'Suggestions', toolbar: {}, keys: [] },
  { id: 'parties', label: 'Parties…', menu: { name: 'Edit', section: 1, order: 2 }, keys: [] },
  // Documents grouped as accounts of one event (a meeting, a press conference), to read side by side.
  {
    id: 'group-accounts',
    label: 'Group as Accounts of One Event…',
    menu: { name: 'Edit', section: 1, order: 3 },
    keys: [],
  },
  // Back to the text from the comparison (the toolbar's Reading tab), so the palette and the menu have it too.
  { id: 'reading', label: 'Reading', menu: { name: 'View', section: 0, order: -1 }, keys: [] },
  {
    id: 'compare',
    label: 'Compare Parties',
    menu: { name: 'View', section: 0, order: 0 },
    keys: [
      {
        keys: ['CmdOrCtrl+Shift+C'],
        menu: 'all',
        shortcut: { group: 'Panels', help: 'Compare the parties (menu)' },
      },
    ],
  },
  // An event's accounts side by side (the toolbar's Accounts tab).
  {
    id: 'accounts',
    label: 'Accounts Side by Side',
    menu: { name: 'View', section: 0, order: 0.5 },
    keys: [],
  },
  {
    id: 'shortcuts',
    label: 'Keyboard Shortcuts',
    menu: { name: 'Help', section: 0, order: 0 },
    keys: [
      { keys: ['?'], window: true, shortcut: { group: 'Panels', help: 'Show this list of shortcuts' } },
      {
        keys: ['CmdOrCtrl+/'],
        menu: 'all',
        window: true,
        shortcut: { group: 'Panels', help: 'Show this list of shortcuts (menu)' },
      },
    ],
  },
  {
    id: 'getting-started',
    label: 'Getting Started',
    menu: { name: 'Help', section: 0, order: 1 },
    keys: [],
  },
  // The user's preferences (the author name recorded on highlights): Edit › Preferences…, the app menu's
  // Settings… on macOS.
  {
    id: 'preferences',
    label: 'Preferences…',
    menu: { name: 'Edit', section: 1, order: 10 },
    macMenu: { name: 'App', section: 0, order: 0, label: 'Settings…' },
    keys: [
      {
        keys: ['CmdOrCtrl+,'],
        menu: 'all',
        shortcut: { group: 'Panels', help: 'Preferences: your name on the highlights you make (menu)' },
      },
    ],
  },
  {
    id: 'suggestion-move',
    label: 'Previous or Next Suggestion',
    keys: [
      {
        keys: ['Up', 'Down'],
        shortcut: { group: 'Suggestions panel', help: 'Move between suggested statements' },
      },
      {
        keys: ['Home', 'End'],
        shortcut: { group: 'Suggestions panel', help: 'Go to the first or the last suggested statement' },
      },
    ],
  },
  {
    id: 'suggestion-accept',
    label: 'Accept Suggestion',
    keys: [
      { keys: ['A'], shortcut: { group: 'Suggestions panel', help: 'Accept the suggestion' } },
      { keys: ['Enter'], shortcut: { group: 'Suggestions panel', help: 'Accept it, as A does' } },
    ],
  },
  {
    id: 'suggestion-accept-topic',
    label: 'Accept Suggestion with Proposed Topic',
    keys: [
      {
        keys: ['T'],
        shortcut: { group: 'Suggestions panel', help: 'Accept it with the proposed topic' },
      },
    ],
  },
  {
    id: 'suggestion-accept-edit',
    label: 'Accept and Edit Suggestion',
    keys: [{ keys: ['E'], shortcut: { group: 'Suggestions panel', help: 'Accept and edit it' } }],
  },
  {
    id: 'suggestion-dismiss',
    label: 'Dismiss Suggestion',
    keys: [
      { keys: ['D'], shortcut: { group: 'Suggestions panel', help: 'Dismiss it' } },
      {
        keys: ['Delete', 'Backspace'],
        shortcut: { group: 'Suggestions panel', help: 'Dismiss it, as D does' },
      },
    ],
  },
  {
    id: 'paste-import',
    label: 'Paste to Import',
    keys: [
      {
        keys: ['CmdOrCtrl+V'],
        shortcut: { group: 'Importing', help: 'Paste text or a web page outside a field to import it' },
      },
    ],
  },
  {
    id: 'import',
    label: 'Import…',
    menu: { name: 'File', section: 0, order: 0 },
    toolbar: {},
    keys: [
      {
        keys: ['CmdOrCtrl+O'],
        menu: 'all',
        shortcut: { group: 'Importing', help: 'Import a file (menu)' },
      },
    ],
  },
  // A newer version of the open document, from a file: both texts are kept and its highlights carried over.
  {
    id: 'import-version',
    label: 'Import New Version…',
    menu: { name: 'File', section: 0, order: 0.5 },
    keys: [],
  },
  {
    id: 'import-annotations',
    label: 'Import Annotations…',
    menu: { name: 'File', section: 0, order: 1 },
    keys: [],
  },
  {
    id: 'export-markdown',
    label: 'Export Markdown…',
    menu: { name: 'File', section: 1, order: 0 },
    keys: [
      {
        keys: ['CmdOrCtrl+E'],
        menu: 'all',
        shortcut: { group: 'Importing', help: 'Export this document as Markdown (menu)' },
      },
    ],
  },
  {
    id: 'export-comparison',
    label: 'Export Comparison…',
    menu: { name: 'File', section: 1, order: 1 },
    keys: [
      {
        keys: ['CmdOrCtrl+Shift+E'],
        menu: 'all',
        shortcut: { group: 'Importing', help: 'Export the comparison (menu)' },
      },
    ],
  },
  {
    id: 'export-topic',
    label: 'Export Topic…',
    menu: { name: 'File', section: 1, order: 2 },
    exportMenu: { label: 'Markdown: one topic…', order: 1 },
    keys: [],
  },
  {
    id: 'export-notebook',
    label: 'Export Notebook…',
    menu: { name: 'File', section: 1, order: 3 },
    keys: [],
  },
  {
    id: 'export-csv',
    label: 'Export Highlights as CSV…',
    menu: { name: 'File', section: 1, order: 4 },
    exportMenu: { label: 'CSV of highlights…', order: 4 },
    keys: [],
  },
  // Team sync: share the notebook on a sync server, join one shared, sync now, stop; and what sync could not settle.
  {
    id: 'share-notebook',
    label: 'Share Notebook…',
    menu: { name: 'File', section: 2, order: 0 },
    keys: [],
  },
  {
    id: 'join-notebook',
    label: 'Join Shared Notebook…',
    menu: { name: 'File', section: 2, order: 1 },
    keys: [],
  },
  { id: 'sync-now', label: 'Sync Now', menu: { name: 'File', section: 2, order: 2 }, keys: [] },
  { id: 'stop-sync', label: 'Stop Syncing…', menu: { name: 'File', section: 2, order: 3 }, keys: [] },
  {
    id: 'sync-conflicts',
    label: 'Sync Conflicts',
    menu: { name: 'View', section: 0, order: 3.8 },
    keys: [],
  },
  // The Export menu's own exports: these say where the file went in the window's notice, not as a passing message.
  {
    id: 'export-document',
    label: 'Export This Document as Markdown…',
    exportMenu: { label: 'Markdown: this document…', order: 0 },
    keys: [],
  },
  {
    id: 'export-document-cited',
    label: 'Export This Document as Markdown with Pandoc Citations…',
    exportMenu: { label: 'Markdown with Pandoc citations: this document…', order: 0.5 },
    keys: [],
  },
  {
    id: 'export-notebook-file',
    label: 'Export Notebook as One File…',
    exportMenu: { label: 'Markdown: whole notebook, one file…', order: 2 },
    keys: [],
  },
  {
    id: 'export-notebook-folder',
    label: 'Export Notebook as One File per Document…',
    exportMenu: { label: 'Markdown: whole notebook, one file per document…', order: 3 },
    keys: [],
  },
  {
    id: 'export-comparison-markdown',
    label: 'Export Comparison as Markdown…',
    exportMenu: { label: 'Comparison (Markdown)…', order: 5 },
    keys: [],
  },
  {
    id: 'export-accounts',
    label: 'Export Accounts of an Event…',
    menu: { name: 'File', section: 1, order: 5 },
    exportMenu: { label: 'Accounts of an event (Markdown tables)…', order: 5.5 },
    keys: [],
  },
  {
    id: 'export-w3c-document',
    label: 'Export This Document as W3C Annotations…',
    exportMenu: { label: 'W3C annotations (JSON-LD): this document…', order: 6 },
    keys: [],
  },
  {
    id: 'export-w3c-notebook',
    label: 'Export Notebook as W3C Annotations…',
    exportMenu: { label: 'W3C annotations (JSON-LD): whole notebook…', order: 7 },
    keys: [],
  },
] as const satisfies readonly CommandSpec[];

type Command = (typeof COMMANDS)[number];
export type CommandId = Command['id'];
/** The commands the application menu sends to the window (the contract's `MenuCommand`). */
export type MenuCommandId = Extract<Command, { menu: object }>['id'];
type AnsweredByWindow<C> = C extends { keys: readonly (infer B)[] }
  ? [Extract<B, { window: true }>] extends [never]
    ? never
    : C
  : never;
/** The commands the window's key handler runs. */
export type WindowCommandId = AnsweredByWindow<Command>['id'];
/** The commands a toolbar button runs. */
export type ToolbarCommandId = Extract<Command, { toolbar: object }>['id'];
/** The commands the toolbar's Export menu lists. */
export type ExportMenuCommandId = Extract<Command, { exportMenu: object }>['id'];

const TABLE: readonly CommandSpec[] = COMMANDS;

/** The command with this id. */
export function commandById(id: CommandId): CommandSpec {
  const found = TABLE.find((command) => command.id === id);
  if (!found) throw new Error(`No command ${id}`);
  return found;
}

export interface MenuCommandItem {
  id: MenuCommandId;
  label: string;
  /** Absent when the item has no accelerator on this platform. */
  accelerator?: string;
  /** A view choice shown as a checkbox item (its tick follows the window's choice). */
  checkbox?: true;
}

/** Whether the menu uses this key as an accelerator on this platform. */
export function isMenuAccelerator(binding: KeyBinding, isMac: boolean): boolean {
  return binding.menu === 'all' || binding.menu === (isMac ? 'mac' : 'other');
}

/** Where a command sits in the application menu on this platform, and its label there; undefined when nowhere. */
export function menuPlacement(
  command: CommandSpec,
  isMac: boolean,
): { name: MenuName; section: number; order: number; label: string } | undefined {
  const placed = (isMac && command.macMenu) || command.menu;
  if (!placed) return undefined;
  const label = ('label' in placed && placed.label) || command.label;
  return { name: placed.name, section: placed.section, order: placed.order, label };
}

/** The commands in one section of one menu, in order, with the accelerator each has on this platform. */
export function menuCommands(name: MenuName, section: number, isMac: boolean): MenuCommandItem[] {
  const placed = TABLE.flatMap((command) => {
    const place = menuPlacement(command, isMac);
    return place?.name === name && place.section === section ? [{ command, place }] : [];
  });
  return placed
    .sort((a, b) => a.place.order - b.place.order)
    .map(({ command, place }) => {
      const accelerator = command.keys.find((binding) => isMenuAccelerator(binding, isMac))?.keys[0];
      // Only commands with a place in the menu were picked, so the id is a menu command's.
      const item: MenuCommandItem = { id: command.id as MenuCommandId, label: place.label };
      if (accelerator) item.accelerator = accelerator;
      if (command.menu?.checkbox) item.checkbox = true;
      return item;
    });
}

/** The text of a command's toolbar button: its short toolbar label, else its label. */
export function toolbarLabel(id: ToolbarCommandId): string {
  const command = commandById(id);
  return command.toolbar?.label ?? command.label;
}

export interface ExportMenuItem {
  id: ExportMenuCommandId;
  label: string;
}

/** The toolbar's Export menu, in order: each item's command and text. */
export function exportMenuItems(): ExportMenuItem[] {
  const placed = TABLE.flatMap((command) =>
    command.exportMenu ? [{ command, exportMenu: command.exportMenu }] : [],
  );
  return placed
    .sort((a, b) => a.exportMenu.order - b.exportMenu.order)
    .map(({ command, exportMenu }) => ({
      // Only commands with a place in the Export menu were picked, so the id is one of theirs.
      id: command.id as ExportMenuCommandId,
      label: exportMenu.label,
    }));
}
