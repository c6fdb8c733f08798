/**
 * The application menu as plain data: File (import, export), Edit (the standard roles plus Highlight and Find),
 * View, Window and Help, with the macOS app menu where it belongs. Commands the renderer carries out are sent to
 * it as `MenuCommand`s; the rest are Electron roles. Development-only items (reload, developer tools) are left
 * out of a packaged build. No item opens anything on the web: nothing leaves the machine.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../preload/contract';

export interface MenuOptions {
  isMac: boolean;
  isPackaged: boolean;
  /** Delivers a command to the renderer (main sends it on `eventChannels.menuCommand`). */
  send: (command: MenuCommand) => void;
}

export function buildMenuTemplate({ isMac, isPackaged, send }: MenuOptions): MenuItemConstructorOptions[] {
  const command = (label: string, accelerator: string, name: MenuCommand): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => send(name),
  });
  // `&` marks the Alt-key mnemonic on Windows and Linux; macOS has none.
  const top = (text: string) => (isMac ? text : `&${text}`);
  const separator: MenuItemConstructorOptions = { type: 'separator' };
  const about: MenuItemConstructorOptions = { role: 'about', label: 'About Parley' };

  const appMenu: MenuItemConstructorOptions = {
    label: 'Parley',
    submenu: [
      about,
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
      command('Import…', 'CmdOrCtrl+O', 'import'),
      { label: 'Import Annotations…', click: () => send('import-annotations') },
      ...(isMac
        ? [
            {
              role: 'recentDocuments',
              submenu: [{ role: 'clearRecentDocuments' }],
            } as MenuItemConstructorOptions,
          ]
        : []),
      separator,
      command('Export Markdown…', 'CmdOrCtrl+E', 'export-markdown'),
      command('Export Comparison…', 'CmdOrCtrl+Shift+E', 'export-comparison'),
      { label: 'Export Topic…', click: () => send('export-topic') },
      { label: 'Export Notebook…', click: () => send('export-notebook') },
      { label: 'Export Highlights as CSV…', click: () => send('export-csv') },
      separator,
      // On macOS, quitting lives in the app menu and File ends by closing the window.
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: top('Edit'),
    submenu: [
      // Undo and redo go to the page: in a text field they undo typing, elsewhere they undo notebook changes.
      command('Undo', 'CmdOrCtrl+Z', 'undo'),
      command('Redo', isMac ? 'Cmd+Shift+Z' : 'Ctrl+Y', 'redo'),
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(isMac ? [{ role: 'pasteAndMatchStyle' } as const] : []),
      { role: 'delete' },
      { role: 'selectAll' },
      separator,
      command('Highlight Selection', 'CmdOrCtrl+Shift+H', 'highlight'),
      command('Find…', 'CmdOrCtrl+F', 'find'),
    ],
  };

  const development: MenuItemConstructorOptions[] = isPackaged
    ? []
    : [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, separator];
  const viewMenu: MenuItemConstructorOptions = {
    label: top('View'),
    submenu: [
      command('Compare Parties', 'CmdOrCtrl+Shift+C', 'compare'),
      command('Library', 'CmdOrCtrl+B', 'toggle-library'),
      command('Codebook', 'CmdOrCtrl+Shift+K', 'codebook'),
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

  const helpMenu: MenuItemConstructorOptions = {
    role: 'help',
    label: top('Help'),
    submenu: [command('Keyboard Shortcuts', 'CmdOrCtrl+/', 'shortcuts'), separator, about],
  };

  return [...(isMac ? [appMenu] : []), fileMenu, editMenu, viewMenu, windowMenu, helpMenu];
}
