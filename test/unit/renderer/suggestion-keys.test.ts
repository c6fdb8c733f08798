// Written for Parley's command table: the suggestions panel's key decisions (renderer/commands/suggestion-keys.ts)
// against the key handler the panel kept in suggestions-panel.tsx before the table, over every combination of key
// and modifiers; and every key the panel answers has a row in the shortcuts dialog.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { suggestionCommandForKey, SUGGESTION_COMMANDS } from '../../../renderer/commands/suggestion-keys';
import type { KeyPress } from '../../../renderer/commands/keys';
import { shortcutGroups } from '../../../renderer/shortcuts';

/** The panel's keydown handler as it was written before the table, reduced to which command it ran (and where to). */
function handlerBeforeTable(event: KeyPress): string | null {
  if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return null;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  if (key === 'ArrowDown') return 'suggestion-move next';
  if (key === 'ArrowUp') return 'suggestion-move previous';
  if (key === 'Home') return 'suggestion-move first';
  if (key === 'End') return 'suggestion-move last';
  if (key === 'a' || key === 'Enter') return 'suggestion-accept';
  if (key === 't') return 'suggestion-accept-topic';
  if (key === 'e') return 'suggestion-accept-edit';
  if (key === 'd' || key === 'Delete' || key === 'Backspace') return 'suggestion-dismiss';
  return null;
}

const KEYS = [
  ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789?/ ',
  'Enter',
  'Escape',
  'Tab',
  'Delete',
  'Backspace',
  'Home',
  'End',
  'PageUp',
  'PageDown',
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
  'Shift',
  'Up',
  'Down',
  'Esc',
];

test('the panel decides every key as its handler did before the table', () => {
  let checked = 0;
  for (const key of KEYS) {
    for (let mods = 0; mods < 32; mods += 1) {
      const press: KeyPress = {
        key,
        ctrlKey: (mods & 1) !== 0,
        metaKey: (mods & 2) !== 0,
        shiftKey: (mods & 4) !== 0,
        altKey: (mods & 8) !== 0,
        isComposing: (mods & 16) !== 0,
      };
      const decision = suggestionCommandForKey(press);
      const shown = decision && ('to' in decision ? `${decision.command} ${decision.to}` : decision.command);
      assert.equal(shown, handlerBeforeTable(press), `${JSON.stringify(press)}`);
      checked += 1;
    }
  }
  assert.equal(checked, KEYS.length * 32);
});

test('the shortcuts dialog lists every key the panel answers, T, Enter, Delete, Backspace, Home and End with them', () => {
  const rows = shortcutGroups(false).flatMap((group) => group.shortcuts);
  const panelRows = rows.filter((row) => (SUGGESTION_COMMANDS as readonly string[]).includes(row.command));
  const listed = panelRows.flatMap((row) => row.keys.map((keys) => keys.join('+')));
  assert.deepEqual(listed, ['↑', '↓', 'Home', 'End', 'A', 'Enter', 'T', 'E', 'D', 'Delete', 'Backspace']);
  // Each of those rows is in the dialog's "Suggestions panel" group.
  const group = shortcutGroups(false).find((g) => g.title === 'Suggestions panel');
  assert.deepEqual(group?.shortcuts, panelRows);
  assert.equal(
    rows.find((row) => row.keys.flat().join() === 'T')?.action,
    'Accept it with the proposed topic',
  );
});
