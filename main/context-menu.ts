/**
 * The right-click menu. Electron shows none of its own, so without this the window's spellcheck underlines a word
 * and offers nothing. In a text field (a note, a topic name, the search box) the menu lists the spellchecker's
 * suggestions for the word under the pointer, "Add to Dictionary" and Cut, Copy, Paste and Select All, each
 * enabled as the field allows; over selected text elsewhere it offers Copy; anywhere else no menu opens. The
 * `Menu` module and the window are passed in, so the menu is checked under plain Node.
 */
import type { BrowserWindow, ContextMenuParams, MenuItemConstructorOptions, PopupOptions } from 'electron';

/** The part of a web contents the menu uses. */
export interface MenuContents {
  on(event: 'context-menu', listener: (event: unknown, params: ContextMenuParams) => void): unknown;
  replaceMisspelling(text: string): void;
  session: { addWordToSpellCheckerDictionary(word: string): boolean };
}

export interface MenuBuilder {
  buildFromTemplate(template: MenuItemConstructorOptions[]): { popup(options?: PopupOptions): void };
}

type MenuParams = Pick<
  ContextMenuParams,
  'isEditable' | 'misspelledWord' | 'dictionarySuggestions' | 'selectionText' | 'editFlags'
>;

const SEPARATOR: MenuItemConstructorOptions = { type: 'separator' };

export function contextMenuTemplate(
  params: MenuParams,
  contents: Omit<MenuContents, 'on'>,
): MenuItemConstructorOptions[] {
  const { editFlags } = params;
  if (!params.isEditable) {
    return params.selectionText.trim() ? [{ role: 'copy', enabled: editFlags.canCopy }] : [];
  }
  const spelling: MenuItemConstructorOptions[] = [];
  const word = params.misspelledWord;
  if (word) {
    const suggestions = params.dictionarySuggestions.map((suggestion): MenuItemConstructorOptions => ({
      label: suggestion,
      click: () => contents.replaceMisspelling(suggestion),
    }));
    spelling.push(
      ...(suggestions.length > 0 ? suggestions : [{ label: 'No Guesses Found', enabled: false }]),
      SEPARATOR,
      {
        label: 'Add to Dictionary',
        click: () => {
          if (!contents.session.addWordToSpellCheckerDictionary(word)) {
            console.error(`[parley] could not add "${word}" to the dictionary`);
          }
        },
      },
      SEPARATOR,
    );
  }
  return [
    ...spelling,
    { role: 'cut', enabled: editFlags.canCut },
    { role: 'copy', enabled: editFlags.canCopy },
    { role: 'paste', enabled: editFlags.canPaste },
    SEPARATOR,
    { role: 'selectAll', enabled: editFlags.canSelectAll },
  ];
}

/** Opens the menu over `windowOf()` on every right click in `contents` that has something to offer. */
export function attachContextMenu(
  contents: MenuContents,
  Menu: MenuBuilder,
  windowOf: () => BrowserWindow | null | undefined,
): void {
  contents.on('context-menu', (_event, params) => {
    const template = contextMenuTemplate(params, contents);
    if (template.length === 0) return;
    const window = windowOf();
    Menu.buildFromTemplate(template).popup(window ? { window } : {});
  });
}
