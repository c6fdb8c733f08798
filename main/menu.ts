/**
 * The application menu as plain data: File (import, export, team sync), Edit (the standard roles plus Highlight and Find),
 * View, Window and Help, with the macOS app menu where it belongs. Commands the renderer carries out come from the
 * command table (shared/commands.ts: label, accelerator, place) and are sent to it as `MenuCommand`s; the rest are
 * Electron roles. Development-only items (reload, developer tools) are left
 * out of a packaged build. No item opens anything on the web, and only the two update items in Help (when main
 * passes them) reach the network, and only with the user's consent.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { menuCommands, type MenuName } from '../shared/commands';
import type { MenuCommand } from '../shared/contract';

export interface MenuOptions {
  isMac: boolean;
  isPackaged: boolean;
  /** Delivers a command to the renderer (main sends it on `eventChannels.menuCommand`). */
  send: (command: MenuCommand) => void;
  /** The update check's two items in Help (main/updates.ts); without it Help has none. */
  updates?: UpdateMenu;
}

/**
 * The id of a command's item, so main can tick a checkbox as the window's choice changes (View › Colour by Party)
 * or grey an item that does nothing now (File › Sync Now while sync is off).
 */
export function commandMenuId(id: MenuCommand): string {
  return `command:${id}`;
}

/** The id of Help › Check for Updates Automatically, so main can tick it when the setting changes elsewhere. */
export const AUTOMATIC_MENU_ID = 'updates-automatic';

export interface UpdateMenu {
  /** Whether the daily check is on, shown as the checkbox's tick. */
  automatic: boolean;
  checkNow: () => void;
  setAutomatic: (on: boolean) => void;
}

export function buildMenuTemplate({
  isMac,
  isPackaged,
  send,
  updates,
}: MenuOptions): MenuItemConstructorOptions[] {
  /** One run of the table's commands in a menu, between separators, each sending its id when clicked. */
  const commands = (menu: MenuName, section: number): MenuItemConstructorOptions[] =>
    menuCommands(menu, section, isMac).map(({ id, label, accelerator, checkbox }) => ({
      label,
      ...(accelerator ? { accelerator } : {}),
      // Main finds an item by its id to tick it (a view choice) or grey it (Sync Now while sync is off).
      id: commandMenuId(id),
      // A view choice starts off, as a new window's page does; the window says when it changes.
      ...(checkbox ? { type: 'checkbox' as const, checked: false } : {}),
      click: () => send(id),
    }));
  // `&` marks the Alt-key mnemonic on Windows and Linux; macOS has none.
  const top = (text: string) => (isMac ? text : `&${text}`);
  const separator: MenuItemConstructorOptions = { type: 'separator' };
  const about: MenuItemConstructorOptions = { role: 'about', label: 'About Parley' };

  const appMenu: MenuItemConstructorOptions = {
    label: 'Parley',
    submenu: [
      about,
      separator,
      ...commands('App', 0),
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit' },
    ],
  };

  const fileMenu: MenuItemConstructorOptions = {
    label: top('File'),
    submenu: [
      ...commands('File', 0),
      ...(isMac
        ? [
            {
              role: 'recentDocuments',
              submenu: [{ role: 'clearRecentDocuments' }],
            } as MenuItemConstructorOptions,
          ]
        : []),
      separator,
      ...commands('File', 1),
      separator,
      ...commands('File', 2),
      separator,
      // On macOS, quitting lives in the app menu and File ends by closing the window.
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: top('Edit'),
    submenu: [
      // Undo and redo go to the page: in a text field they undo typing, elsewhere they undo notebook changes.
      ...commands('Edit', 0),
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(isMac ? [{ role: 'pasteAndMatchStyle' } as const] : []),
      { role: 'delete' },
      { role: 'selectAll' },
      separator,
      ...commands('Edit', 1),
    ],
  };

  const development: MenuItemConstructorOptions[] = isPackaged
    ? []
    : [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, separator];
  const viewMenu: MenuItemConstructorOptions = {
    label: top('View'),
    submenu: [
      ...commands('View', 0),
      separator,
      ...commands('View', 1),
      separator,
      ...development,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
    ],
  };

  // `zoom` and `front` are macOS roles; elsewhere they would be dead items.
  const windowMenu: MenuItemConstructorOptions = {
    label: top('Window'),
    submenu: isMac
      ? [{ role: 'minimize' }, { role: 'zoom' }, { role: 'close' }, separator, { role: 'front' }]
      : [{ role: 'minimize' }, { role: 'close' }],
  };

  // The update check goes online only when the user asks (Check for Updates…) or turns it on (the checkbox).
  const updateItems: MenuItemConstructorOptions[] = updates
    ? [
        { label: 'Check for Updates…', click: () => updates.checkNow() },
        {
          id: AUTOMATIC_MENU_ID,
          label: 'Check for Updates Automatically',
          type: 'checkbox',
          checked: updates.automatic,
          // Electron has already flipped the tick when click runs.
          click: (item) => updates.setAutomatic(item.checked),
        },
        separator,
      ]
    : [];
  const helpMenu: MenuItemConstructorOptions = {
    role: 'help',
    label: top('Help'),
    submenu: [...commands('Help', 0), separator, ...updateItems, about],
  };

  return [...(isMac ? [appMenu] : []), fileMenu, editMenu, viewMenu, windowMenu, helpMenu];
}
