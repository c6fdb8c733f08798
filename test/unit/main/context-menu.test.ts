// Written for the project: spellcheck is on in the window, and a right click in a text field offers what
// Chromium's spellchecker found (params.dictionarySuggestions), "Add to Dictionary" and the usual editing
// commands; selected text elsewhere can be copied; anywhere else no menu opens.
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { describe, test } from 'node:test';
import type { ContextMenuParams, MenuItemConstructorOptions } from 'electron';
import { attachContextMenu, contextMenuTemplate } from '../../../main/context-menu';

const allowed = {
  canUndo: true,
  canRedo: true,
  canCut: true,
  canCopy: true,
  canPaste: true,
  canDelete: true,
  canSelectAll: true,
  canEditRichly: false,
};

function params(fields: Partial<ContextMenuParams>): ContextMenuParams {
  return {
    isEditable: false,
    misspelledWord: '',
    dictionarySuggestions: [],
    selectionText: '',
    editFlags: allowed,
    ...fields,
  } as ContextMenuParams;
}

function fakeContents() {
  const replaced: string[] = [];
  const added: string[] = [];
  const contents = Object.assign(new EventEmitter(), {
    replaceMisspelling: (text: string) => void replaced.push(text),
    session: {
      addWordToSpellCheckerDictionary: (word: string) => {
        added.push(word);
        return true;
      },
    },
  });
  return { contents, replaced, added };
}

const labels = (items: MenuItemConstructorOptions[]) =>
  items.map((item) => (item.type === 'separator' ? '—' : (item.label ?? item.role)));

describe('contextMenuTemplate', () => {
  test('a misspelled word: its suggestions, Add to Dictionary, then the editing commands', () => {
    const { contents, replaced, added } = fakeContents();
    const items = contextMenuTemplate(
      params({
        isEditable: true,
        misspelledWord: 'parlament',
        dictionarySuggestions: ['parliament', 'parlance'],
      }),
      contents,
    );
    assert.deepEqual(labels(items), [
      'parliament',
      'parlance',
      '—',
      'Add to Dictionary',
      '—',
      'cut',
      'copy',
      'paste',
      '—',
      'selectAll',
    ]);
    items[1]!.click!({} as never, undefined, {} as never);
    assert.deepEqual(replaced, ['parlance']);
    items[3]!.click!({} as never, undefined, {} as never);
    assert.deepEqual(added, ['parlament']);
  });

  test('a misspelled word with no suggestion says so, and can still be added', () => {
    const { contents } = fakeContents();
    const items = contextMenuTemplate(params({ isEditable: true, misspelledWord: 'Lavrov' }), contents);
    assert.equal(items[0]!.label, 'No Guesses Found');
    assert.equal(items[0]!.enabled, false);
    assert.ok(labels(items).includes('Add to Dictionary'));
  });

  test('the editing commands follow what the field allows', () => {
    const { contents } = fakeContents();
    const items = contextMenuTemplate(
      params({ isEditable: true, editFlags: { ...allowed, canCut: false, canCopy: false } }),
      contents,
    );
    assert.deepEqual(labels(items), ['cut', 'copy', 'paste', '—', 'selectAll']);
    assert.deepEqual(
      items.filter((item) => item.role).map((item) => item.enabled),
      [false, false, true, true],
    );
  });

  test('selected text outside a field can be copied; elsewhere no menu opens', () => {
    const { contents } = fakeContents();
    assert.deepEqual(labels(contextMenuTemplate(params({ selectionText: 'The ministers met' }), contents)), [
      'copy',
    ]);
    assert.deepEqual(contextMenuTemplate(params({}), contents), []);
    assert.deepEqual(contextMenuTemplate(params({ selectionText: '  \n' }), contents), []);
  });
});

test('attachContextMenu pops the menu up over the window on a right click, and none where nothing applies', () => {
  const { contents, replaced } = fakeContents();
  const popups: Array<{ items: MenuItemConstructorOptions[]; options: unknown }> = [];
  const Menu = {
    buildFromTemplate: (items: MenuItemConstructorOptions[]) => ({
      popup: (options: unknown) => void popups.push({ items, options }),
    }),
  };
  const window = { id: 1 };
  attachContextMenu(contents, Menu, () => window as never);
  contents.emit(
    'context-menu',
    {},
    params({ isEditable: true, misspelledWord: 'teh', dictionarySuggestions: ['the'] }),
  );
  assert.equal(popups.length, 1);
  assert.deepEqual(popups[0]!.options, { window });
  popups[0]!.items[0]!.click!({} as never, undefined, {} as never);
  assert.deepEqual(replaced, ['the']);
  contents.emit('context-menu', {}, params({}));
  assert.equal(popups.length, 1);
});
