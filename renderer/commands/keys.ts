/**
 * Which command a key press runs in the window, read from the command table (shared/commands.ts): the keys marked
 * `window` there, and nothing else. Pure, so the decision is tested without a page; the window's keydown listener
 * passes the event and two facts about the page, and carries out what comes back.
 *
 * The rules, as the window has always kept them: nothing while a dialog is open, with Alt held, or during an input
 * method's composition; Ctrl and ⌘ both count as CmdOrCtrl on every platform; a key without Ctrl or ⌘ (`H`, `?`)
 * does nothing while the reader types in a field; Shift must match for a letter, and is part of a symbol (`?`);
 * undo and redo in a field are left to the field, which undoes the typing.
 */
import { COMMANDS, type CommandSpec, type WindowCommandId } from '../../shared/commands';

/** The parts of a keydown event the decision reads (a `KeyboardEvent` has them all). */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  isComposing: boolean;
}

export interface KeyContext {
  /** Focus is where typing goes: a text field, a text area, a select or an editable element. */
  typing: boolean;
  /** A modal dialog (an editor, the shortcuts list, an export choice) is open. */
  dialogOpen: boolean;
}

export interface KeyDecision {
  command: WindowCommandId;
  /**
   * True: the window runs the command and prevents the browser's default. False: the browser keeps the key (undo
   * and redo in a text field undo the typing).
   */
  run: boolean;
  /** Note when this key was pressed, so the menu's echo of the same accelerator is not run a second time. */
  noteEcho: boolean;
}

/** Electron's names for keys whose `KeyboardEvent.key` is spelled otherwise. */
const EVENT_KEY: Record<string, string> = {
  Esc: 'Escape',
  Up: 'ArrowUp',
  Down: 'ArrowDown',
  Left: 'ArrowLeft',
  Right: 'ArrowRight',
  Space: ' ',
};

const COMMAND_MODIFIERS = new Set(['CmdOrCtrl', 'CommandOrControl', 'Ctrl', 'Control', 'Cmd', 'Command']);

function matches(accelerator: string, press: KeyPress, typing: boolean): boolean {
  const parts = accelerator.split('+');
  const name = parts.pop() ?? '';
  const modifiers = new Set(parts);
  const withCommand = press.ctrlKey || press.metaKey;
  const needsCommand = [...modifiers].some((m) => COMMAND_MODIFIERS.has(m));
  if (!needsCommand && (withCommand || typing)) return false;
  if ((modifiers.has('CmdOrCtrl') || modifiers.has('CommandOrControl')) && !withCommand) return false;
  if ((modifiers.has('Ctrl') || modifiers.has('Control')) && !press.ctrlKey) return false;
  if ((modifiers.has('Cmd') || modifiers.has('Command')) && !press.metaKey) return false;
  if (/^[a-z]$/i.test(name)) {
    return press.key.toLowerCase() === name.toLowerCase() && press.shiftKey === modifiers.has('Shift');
  }
  // A symbol's key already says whether Shift made it (`?` is Shift+/ on many layouts), so Shift is not compared.
  return press.key === (EVENT_KEY[name] ?? name);
}

/** The commands whose window keys match this press. */
function claims(press: KeyPress, context: KeyContext): CommandSpec[] {
  if (context.dialogOpen || press.altKey || press.isComposing) return [];
  const table: readonly CommandSpec[] = COMMANDS;
  return table.filter((command) =>
    command.keys.some(
      (binding) =>
        binding.window === true &&
        binding.keys.some((accelerator) => matches(accelerator, press, context.typing)),
    ),
  );
}

// Only commands with a window key are claimed, so their ids are window commands'.
const windowId = (command: CommandSpec) => command.id as WindowCommandId;

/** Every window command that claims this key press (the table is right when there is at most one). */
export function windowCommandsForKey(press: KeyPress, context: KeyContext): WindowCommandId[] {
  return claims(press, context).map(windowId);
}

/** The command a key press runs in the window, and how; null when the window leaves the key alone. */
export function commandForKey(press: KeyPress, context: KeyContext): KeyDecision | null {
  const command = claims(press, context)[0];
  if (!command) return null;
  const ownedByField = command.textFieldOwns === true;
  return { command: windowId(command), run: !(ownedByField && context.typing), noteEcho: ownedByField };
}
