// Written for Parley's command table: the window's key decisions (renderer/commands/keys.ts) against the key
// handler the window kept before the table, over every combination of key, modifiers and context; and no key
// claimed by two commands, in the window or in the menu on either platform.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { COMMANDS, type CommandSpec } from '../../../shared/commands';
import { commandForKey, windowCommandsForKey, type KeyPress } from '../../../renderer/commands/keys';

const table: readonly CommandSpec[] = COMMANDS;

interface Decision {
  command: string;
  run: boolean;
  noteEcho: boolean;
}

/**
 * The window's keydown handler as it was written in renderer/app.tsx before the command table (with the sentence
 * cursor's keys added since), reduced to what it decided: which command, whether it ran it (and prevented the default), and whether it noted the key for the
 * menu's echo.
 */
function handlerBeforeTable(event: KeyPress, typing: boolean, modalOpen: boolean): Decision | null {
  if (modalOpen || event.altKey || event.isComposing) return null;
  const key = event.key.toLowerCase();
  const withCommand = event.ctrlKey || event.metaKey;
  const historyKey = withCommand && (key === 'z' || (key === 'y' && event.ctrlKey && !event.shiftKey));
  const ran = (command: string) => ({ command, run: true, noteEcho: false });
  if (historyKey) {
    const which = key === 'z' && !event.shiftKey ? 'undo' : 'redo';
    return { command: which, run: !typing, noteEcho: true };
  } else if (withCommand && !event.shiftKey && key === 'f') {
    return ran('find');
  } else if (withCommand && !event.shiftKey && key === 'b') {
    return ran('toggle-library');
  } else if (withCommand && event.shiftKey && key === 'k') {
    return ran('codebook');
  } else if (withCommand && event.shiftKey && key === 'p') {
    // Added since the table: the command palette.
    return ran('command-palette');
  } else if ((event.key === '?' && !withCommand && !typing) || (withCommand && event.key === '/')) {
    return ran('shortcuts');
  } else if (key === 'h' && withCommand && event.shiftKey) {
    return ran('highlight');
  } else if (key === 'h' && !withCommand && !event.shiftKey && !typing) {
    return ran('highlight');
  } else if ((key === 'j' || key === 'k') && !withCommand && !typing) {
    // Added with the sentence cursor: J and K select a sentence, with Shift they grow the selection.
    return ran(`${event.shiftKey ? 'extend-' : ''}${key === 'j' ? 'next' : 'previous'}-sentence`);
  } else if (event.key === 'F7' && !withCommand && !typing) {
    // Added with caret browsing, as browsers have it.
    return ran('caret-browsing');
  }
  return null;
}

const press = (key: string, mods: Partial<Omit<KeyPress, 'key'>> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  isComposing: false,
  ...mods,
});
const outside = { typing: false, dialogOpen: false };
const inField = { typing: true, dialogOpen: false };

const KEYS = [
  ...'abcdefghijklmnopqrstuvwxyz',
  ...'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  ...'?/.,;1 ',
  'Enter',
  'Escape',
  'Tab',
  'ArrowUp',
  'ArrowDown',
  'F1',
  'F7',
  'Dead',
];

/** Every key above with every combination of Ctrl, ⌘, Shift, Alt and composition. */
function* everyPress(): Generator<KeyPress> {
  for (const key of KEYS) {
    for (let bits = 0; bits < 32; bits++) {
      yield press(key, {
        ctrlKey: !!(bits & 1),
        metaKey: !!(bits & 2),
        shiftKey: !!(bits & 4),
        altKey: !!(bits & 8),
        isComposing: !!(bits & 16),
      });
    }
  }
}

const describePress = (p: KeyPress, typing: boolean, dialogOpen: boolean) =>
  `${[
    p.ctrlKey && 'Ctrl',
    p.metaKey && 'Meta',
    p.shiftKey && 'Shift',
    p.altKey && 'Alt',
    p.isComposing && 'composing',
  ]
    .filter(Boolean)
    .join('+')} ${JSON.stringify(p.key)}${typing ? ' typing' : ''}${dialogOpen ? ' in a dialog' : ''}`;

describe('commandForKey', () => {
  test('decides every key, modifier and context as the window did before the table', () => {
    let cases = 0;
    let commands = 0;
    for (const p of everyPress()) {
      for (const typing of [false, true]) {
        for (const dialogOpen of [false, true]) {
          const expected = handlerBeforeTable(p, typing, dialogOpen);
          assert.deepEqual(
            commandForKey(p, { typing, dialogOpen }),
            expected,
            describePress(p, typing, dialogOpen),
          );
          cases++;
          if (expected) commands++;
        }
      }
    }
    // The sweep reaches the commands, not only the keys that do nothing.
    assert.equal(cases, KEYS.length * 32 * 4);
    assert.ok(commands > 50, `${commands} presses ran a command`);
  });

  test('named cases: the window keys, in and out of a field', () => {
    assert.deepEqual(commandForKey(press('h'), outside), {
      command: 'highlight',
      run: true,
      noteEcho: false,
    });
    assert.equal(commandForKey(press('h'), inField), null, 'H types an h in a field');
    assert.equal(commandForKey(press('H', { shiftKey: true }), outside), null, 'Shift+H is not H');
    assert.deepEqual(commandForKey(press('H', { ctrlKey: true, shiftKey: true }), inField), {
      command: 'highlight',
      run: true,
      noteEcho: false,
    });
    assert.deepEqual(commandForKey(press('z', { metaKey: true }), outside), {
      command: 'undo',
      run: true,
      noteEcho: true,
    });
    assert.deepEqual(commandForKey(press('z', { ctrlKey: true }), inField), {
      command: 'undo',
      run: false,
      noteEcho: true,
    });
    assert.equal(commandForKey(press('Z', { ctrlKey: true, shiftKey: true }), outside)?.command, 'redo');
    assert.equal(commandForKey(press('y', { ctrlKey: true }), outside)?.command, 'redo');
    assert.equal(commandForKey(press('y', { metaKey: true }), outside), null, '⌘Y is not Ctrl+Y');
    assert.equal(commandForKey(press('f', { ctrlKey: true }), inField)?.command, 'find');
    assert.equal(commandForKey(press('F', { ctrlKey: true, shiftKey: true }), outside), null);
    assert.equal(commandForKey(press('b', { metaKey: true }), outside)?.command, 'toggle-library');
    assert.equal(commandForKey(press('K', { ctrlKey: true, shiftKey: true }), outside)?.command, 'codebook');
    assert.equal(commandForKey(press('k', { ctrlKey: true }), outside), null);
    assert.equal(commandForKey(press('?', { shiftKey: true }), outside)?.command, 'shortcuts');
    assert.equal(
      commandForKey(press('?', { shiftKey: true }), inField),
      null,
      'a ? typed in a field is typed',
    );
    assert.equal(commandForKey(press('/', { ctrlKey: true }), inField)?.command, 'shortcuts');
    assert.equal(commandForKey(press('/'), outside), null);
    // Menu-only accelerators are Electron's to answer, not the window's.
    assert.equal(commandForKey(press('o', { ctrlKey: true }), outside), null);
    assert.equal(commandForKey(press('C', { ctrlKey: true, shiftKey: true }), outside), null);
    assert.equal(commandForKey(press('e', { ctrlKey: true }), outside), null);
    // The sentence cursor: J and K outside a field, with Shift to grow the selection.
    assert.equal(commandForKey(press('j'), outside)?.command, 'next-sentence');
    assert.equal(commandForKey(press('k'), outside)?.command, 'previous-sentence');
    assert.equal(commandForKey(press('J', { shiftKey: true }), outside)?.command, 'extend-next-sentence');
    assert.equal(commandForKey(press('K', { shiftKey: true }), outside)?.command, 'extend-previous-sentence');
    assert.equal(commandForKey(press('j'), inField), null, 'J types a j in a field');
    assert.equal(commandForKey(press('j', { ctrlKey: true }), outside), null);
    assert.equal(commandForKey(press('F7'), outside)?.command, 'caret-browsing');
    assert.equal(commandForKey(press('F7'), inField), null, 'F7 in a field is the field’s');
  });

  test('nothing while a dialog is open, with Alt held, or while an input method composes', () => {
    const find = press('f', { ctrlKey: true });
    assert.equal(commandForKey(find, outside)?.command, 'find');
    assert.equal(commandForKey(find, { typing: false, dialogOpen: true }), null);
    assert.equal(commandForKey({ ...find, altKey: true }, outside), null);
    assert.equal(commandForKey({ ...find, isComposing: true }, outside), null);
  });

  test('every key the table gives the window reaches its command', () => {
    let checked = 0;
    for (const command of table) {
      for (const binding of command.keys) {
        if (!binding.window) continue;
        for (const accelerator of binding.keys) {
          const parts = accelerator.split('+');
          const key = parts.at(-1)!;
          const letter = key.length === 1;
          const p = press(!letter ? key : parts.includes('Shift') ? key.toUpperCase() : key.toLowerCase(), {
            ctrlKey: parts.includes('CmdOrCtrl') || parts.includes('Ctrl'),
            shiftKey: parts.includes('Shift') || key === '?',
          });
          assert.equal(commandForKey(p, outside)?.command, command.id, accelerator);
          checked++;
        }
      }
    }
    assert.equal(checked, 16);
  });
});

describe('the command table', () => {
  test('no key press is claimed by two window commands, in a field or out of it', () => {
    for (const p of everyPress()) {
      for (const typing of [false, true]) {
        const claimed = windowCommandsForKey(p, { typing, dialogOpen: false });
        assert.ok(claimed.length <= 1, `${describePress(p, typing, false)}: ${claimed.join(', ')}`);
      }
    }
  });

  test('on each platform, no key is given to two commands anywhere in the table', () => {
    for (const isMac of [false, true]) {
      // Keys the menu or the window answer are heard everywhere; a key a focused control answers is heard only in
      // that control's part of the window (the dialog's group), so Enter may edit a note and accept a suggestion.
      const owners = new Map<string, Array<{ id: string; where: string }>>();
      for (const command of table) {
        for (const binding of command.keys) {
          if (binding.menu === (isMac ? 'other' : 'mac')) continue;
          const where =
            binding.menu || binding.window ? 'everywhere' : `in ${binding.shortcut?.group ?? command.id}`;
          for (const accelerator of binding.keys) {
            const parts = accelerator
              .split('+')
              .map((part) => (part === 'CmdOrCtrl' ? (isMac ? 'Cmd' : 'Ctrl') : part.toUpperCase()));
            const chord = [...parts.slice(0, -1).sort(), parts.at(-1)].join('+');
            const before = owners.get(chord) ?? [];
            for (const other of before) {
              const apart = other.where !== 'everywhere' && where !== 'everywhere' && other.where !== where;
              assert.ok(other.id === command.id || apart, `${chord}: ${other.id} and ${command.id}`);
            }
            owners.set(chord, [...before, { id: command.id, where }]);
          }
        }
      }
      assert.ok(owners.size >= 20, `${owners.size} keys`);
    }
  });

  test('ids are unique, and a command in the menu has a unique place there', () => {
    const ids = table.map((command) => command.id);
    assert.equal(new Set(ids).size, ids.length);
    const places = table.flatMap((command) =>
      command.menu ? [`${command.menu.name} ${command.menu.section} ${command.menu.order}`] : [],
    );
    assert.equal(new Set(places).size, places.length);
  });
});
