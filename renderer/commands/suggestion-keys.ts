/**
 * Which command a key press runs in the suggestions panel's list, read from the command table (shared/commands.ts):
 * the keys of the panel's commands there, and nothing else, so the shortcuts dialog lists every key the panel
 * answers. Pure, so the decision is tested without a page; the list's keydown listener carries out what comes back.
 *
 * The rules, as the panel has always kept them: nothing with Ctrl, ⌘ or Alt held or during an input method's
 * composition; a letter counts with or without Shift (A and a both accept).
 */
import { commandById, type CommandId } from '../../shared/commands';
import type { KeyPress } from './keys';

/** The commands the suggestions panel answers itself, in the order the table lists them. */
export const SUGGESTION_COMMANDS = [
  'suggestion-move',
  'suggestion-accept',
  'suggestion-accept-topic',
  'suggestion-accept-edit',
  'suggestion-dismiss',
] as const satisfies readonly CommandId[];
export type SuggestionCommandId = (typeof SUGGESTION_COMMANDS)[number];

/** Where a move goes, by the table's key for it. */
export type SuggestionMove = 'previous' | 'next' | 'first' | 'last';
const MOVES: Record<string, SuggestionMove> = { Up: 'previous', Down: 'next', Home: 'first', End: 'last' };

export type SuggestionKeyDecision =
  | { command: 'suggestion-move'; to: SuggestionMove }
  | { command: Exclude<SuggestionCommandId, 'suggestion-move'> };

/** Electron's names for keys whose `KeyboardEvent.key` is spelled otherwise. */
const EVENT_KEY: Record<string, string> = { Up: 'ArrowUp', Down: 'ArrowDown', Esc: 'Escape' };

function matches(name: string, press: KeyPress): boolean {
  if (/^[a-z]$/i.test(name)) return press.key.toLowerCase() === name.toLowerCase();
  return press.key === (EVENT_KEY[name] ?? name);
}

/** The panel command a key press runs, or null when the panel leaves the key alone. */
export function suggestionCommandForKey(press: KeyPress): SuggestionKeyDecision | null {
  if (press.ctrlKey || press.metaKey || press.altKey || press.isComposing) return null;
  for (const id of SUGGESTION_COMMANDS) {
    for (const binding of commandById(id).keys) {
      const name = binding.keys.find((key) => matches(key, press));
      if (name === undefined) continue;
      if (id !== 'suggestion-move') return { command: id };
      const to = MOVES[name];
      if (to) return { command: id, to };
    }
  }
  return null;
}
