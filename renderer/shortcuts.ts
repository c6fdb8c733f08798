// The Help › Keyboard Shortcuts dialog's rows, read from the command table (shared/commands.ts): every key the table
// gives a row, in its group, with the keys spelled as the menus spell them on this platform.
import { COMMANDS, SHORTCUT_GROUPS, type CommandId, type CommandSpec } from '../shared/commands';

export interface Shortcut {
  command: CommandId;
  /** One list of key names per accelerator; several accelerators in a row are alternatives (↑ ↓). */
  keys: string[][];
  action: string;
}

export interface ShortcutGroup {
  title: string;
  shortcuts: Shortcut[];
}

/** How the dialog names a key of an accelerator: CmdOrCtrl is ⌘ on a Mac and Ctrl elsewhere, as the menus show. */
function keyName(part: string, isMac: boolean): string {
  if (part === 'CmdOrCtrl' || part === 'CommandOrControl') return isMac ? '⌘' : 'Ctrl';
  if (part === 'Cmd' || part === 'Command') return '⌘';
  if (part === 'Control') return 'Ctrl';
  if (part === 'Up') return '↑';
  if (part === 'Down') return '↓';
  if (part === 'Left') return '←';
  if (part === 'Right') return '→';
  return part;
}

/** The names of an accelerator's keys, in order: 'CmdOrCtrl+Shift+Z' is Ctrl, Shift, Z (⌘, Shift, Z on a Mac). */
export function keyNames(accelerator: string, isMac: boolean): string[] {
  return accelerator.split('+').map((part) => keyName(part, isMac));
}

export function shortcutGroups(isMac: boolean): ShortcutGroup[] {
  const table: readonly CommandSpec[] = COMMANDS;
  return SHORTCUT_GROUPS.map((title) => ({
    title,
    shortcuts: table.flatMap((command) =>
      command.keys.flatMap((binding) =>
        binding.shortcut?.group === title
          ? [
              {
                // The table's entries are CommandSpecs here; their ids are the table's.
                command: command.id as CommandId,
                keys: binding.keys.map((keys) => keyNames(keys, isMac)),
                action: binding.shortcut.help,
              },
            ]
          : [],
      ),
    ),
  }));
}
