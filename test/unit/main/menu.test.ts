// The menu template's shape: the commands it sends, the roles it uses, and what changes by platform and build.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../../shared/contract';
import { COMMANDS, menuPlacement, type CommandSpec } from '../../../shared/commands';
import { AUTOMATIC_MENU_ID, buildMenuTemplate } from '../../../main/menu';
import { keyNames, shortcutGroups } from '../../../renderer/shortcuts';

function build(isMac: boolean, isPackaged: boolean) {
  const sent: MenuCommand[] = [];
  const template = buildMenuTemplate({ isMac, isPackaged, send: (command) => sent.push(command) });
  return { template, sent };
}

const plain = (label: string | undefined) => label?.replace('&', '');

function menu(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const found = template.find((item) => plain(item.label) === label);
  assert.ok(found, `no ${label} menu`);
  assert.ok(Array.isArray(found.submenu), `${label} has no submenu`);
  return found.submenu as MenuItemConstructorOptions[];
}

const roles = (items: MenuItemConstructorOptions[]) =>
  items.flatMap((item) => (item.role ? [item.role] : []));
const byLabel = (items: MenuItemConstructorOptions[], label: string) => {
  const item = items.find((i) => i.label === label);
  assert.ok(item, `no item ${label}`);
  return item;
};

function click(item: MenuItemConstructorOptions): void {
  assert.equal(typeof item.click, 'function', `${item.label} does nothing`);
  (item.click as () => void)();
}

describe('buildMenuTemplate', () => {
  test('Windows and Linux: File, Edit, View, Window, Help with Alt mnemonics', () => {
    const { template } = build(false, true);
    assert.deepEqual(
      template.map((item) => item.label),
      ['&File', '&Edit', '&View', '&Window', '&Help'],
    );
  });

  test('macOS: the app menu comes first, with about, services, hide and quit', () => {
    const { template } = build(true, true);
    assert.deepEqual(
      template.map((item) => item.label),
      ['Parley', 'File', 'Edit', 'View', 'Window', 'Help'],
    );
    assert.deepEqual(roles(template[0]!.submenu as MenuItemConstructorOptions[]), [
      'about',
      'services',
      'hide',
      'hideOthers',
      'unhide',
      'quit',
    ]);
  });

  test('File sends import and the exports, and ends with quit (close on macOS)', () => {
    const { template, sent } = build(false, true);
    const file = menu(template, 'File');
    const importItem = byLabel(file, 'Import…');
    const exportItem = byLabel(file, 'Export Markdown…');
    const compareItem = byLabel(file, 'Export Comparison…');
    assert.equal(importItem.accelerator, 'CmdOrCtrl+O');
    assert.equal(exportItem.accelerator, 'CmdOrCtrl+E');
    assert.equal(compareItem.accelerator, 'CmdOrCtrl+Shift+E');
    click(importItem);
    click(byLabel(file, 'Import New Version…'));
    click(byLabel(file, 'Import Annotations…'));
    click(exportItem);
    click(compareItem);
    click(byLabel(file, 'Export Topic…'));
    click(byLabel(file, 'Export Notebook…'));
    click(byLabel(file, 'Export Highlights as CSV…'));
    assert.deepEqual(sent, [
      'import',
      'import-version',
      'import-annotations',
      'export-markdown',
      'export-comparison',
      'export-topic',
      'export-notebook',
      'export-csv',
    ]);
    assert.equal(file[3]?.type, 'separator');
    assert.equal(file.at(-2)?.type, 'separator');
    assert.ok(!roles(file).includes('recentDocuments'), 'no Open Recent outside macOS');
    assert.ok(roles(menu(build(true, true).template, 'File')).includes('recentDocuments'));
    assert.equal(file.at(-1)?.role, 'quit');
    assert.equal(menu(build(true, true).template, 'File').at(-1)?.role, 'close');
  });

  test('Edit: Undo and Redo go to the page, then the standard roles, Highlight Selection and Find', () => {
    const { template, sent } = build(false, true);
    const edit = menu(template, 'Edit');
    click(byLabel(edit, 'Undo'));
    click(byLabel(edit, 'Redo'));
    assert.deepEqual(sent.splice(0), ['undo', 'redo']);
    assert.equal(byLabel(edit, 'Undo').accelerator, 'CmdOrCtrl+Z');
    assert.equal(byLabel(edit, 'Redo').accelerator, 'Ctrl+Y');
    assert.equal(byLabel(menu(build(true, true).template, 'Edit'), 'Redo').accelerator, 'Cmd+Shift+Z');
    assert.deepEqual(roles(edit), ['cut', 'copy', 'paste', 'delete', 'selectAll']);
    const highlight = byLabel(edit, 'Highlight Selection');
    assert.equal(highlight.accelerator, 'CmdOrCtrl+Shift+H');
    click(highlight);
    click(byLabel(edit, 'Find…'));
    assert.deepEqual(sent, ['highlight', 'find']);
    assert.ok(roles(menu(build(true, true).template, 'Edit')).includes('pasteAndMatchStyle'));
  });

  test('what left the slim toolbar is in the menu: Edit › Parties…, View › Codebook and View › Command Palette…', () => {
    const { template, sent } = build(false, true);
    click(byLabel(menu(template, 'Edit'), 'Parties…'));
    click(byLabel(menu(template, 'View'), 'Codebook'));
    const palette = byLabel(menu(template, 'View'), 'Command Palette…');
    assert.equal(palette.accelerator, 'CmdOrCtrl+Shift+P');
    click(palette);
    assert.deepEqual(sent, ['parties', 'codebook', 'command-palette']);
  });

  test('View: the open document’s Version History, Version Review and Compare Versions go to the page', () => {
    const { template, sent } = build(false, true);
    const view = menu(template, 'View');
    for (const label of ['Version History', 'Version Review', 'Compare Versions'])
      click(byLabel(view, label));
    assert.deepEqual(sent, ['version-history', 'version-review', 'compare-versions']);
  });

  test('View: Compare Parties, then reload and developer tools only in development', () => {
    const { template, sent } = build(false, true);
    const compare = byLabel(menu(template, 'View'), 'Compare Parties');
    assert.equal(compare.accelerator, 'CmdOrCtrl+Shift+C');
    click(compare);
    assert.deepEqual(sent, ['compare']);
    const packaged = roles(menu(build(false, true).template, 'View'));
    assert.deepEqual(packaged, ['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
    const development = roles(menu(build(false, false).template, 'View'));
    assert.deepEqual(development, [
      'reload',
      'forceReload',
      'toggleDevTools',
      'resetZoom',
      'zoomIn',
      'zoomOut',
      'togglefullscreen',
    ]);
  });

  test('Preferences…: in Edit on Windows and Linux, the app menu’s Settings… on macOS, with Ctrl+, (⌘+,)', () => {
    const other = build(false, true);
    const preferences = byLabel(menu(other.template, 'Edit'), 'Preferences…');
    assert.equal(preferences.accelerator, 'CmdOrCtrl+,');
    click(preferences);
    assert.deepEqual(other.sent, ['preferences']);

    const mac = build(true, true);
    assert.ok(!menu(mac.template, 'Edit').some((item) => item.label === 'Preferences…'));
    const appMenu = menu(mac.template, 'Parley');
    assert.deepEqual(
      appMenu.slice(0, 4).map((item) => item.role ?? item.type ?? item.label),
      ['about', 'separator', 'Settings…', 'separator'],
    );
    const settings = byLabel(appMenu, 'Settings…');
    assert.equal(settings.accelerator, 'CmdOrCtrl+,');
    click(settings);
    assert.deepEqual(mac.sent, ['preferences']);
  });

  test('File: team sync in a section of its own, after the exports: Share, Join, Sync Now, Stop Syncing', () => {
    for (const isMac of [false, true]) {
      const { template, sent } = build(isMac, true);
      const file = menu(template, 'File');
      const labels = ['Share Notebook…', 'Join Shared Notebook…', 'Sync Now', 'Stop Syncing…'];
      const at = file.findIndex((item) => item.label === labels[0]);
      assert.equal(file[at - 1]?.type, 'separator');
      assert.deepEqual(
        file.slice(at, at + 5).map((item) => item.label ?? item.type),
        [...labels, 'separator'],
      );
      for (const label of labels) click(byLabel(file, label));
      click(byLabel(menu(template, 'View'), 'Sync Conflicts'));
      assert.deepEqual(sent, ['share-notebook', 'join-notebook', 'sync-now', 'stop-sync', 'sync-conflicts']);
      // Main greys Sync Now and Stop Syncing… while sync is off: it finds them by id.
      assert.equal(byLabel(file, 'Sync Now').id, 'command:sync-now');
    }
  });

  test('Window: minimize and close everywhere, zoom and front on macOS', () => {
    assert.deepEqual(roles(menu(build(false, true).template, 'Window')), ['minimize', 'close']);
    assert.deepEqual(roles(menu(build(true, true).template, 'Window')), [
      'minimize',
      'zoom',
      'close',
      'front',
    ]);
  });

  test('Help offers Check for Updates… and a checkbox for the daily check, ticked as the setting is', () => {
    const calls: string[] = [];
    for (const automatic of [false, true]) {
      const template = buildMenuTemplate({
        isMac: false,
        isPackaged: true,
        send: () => {},
        updates: {
          automatic,
          checkNow: () => calls.push('check'),
          setAutomatic: (on) => calls.push(`automatic ${on}`),
        },
      });
      const help = menu(template, 'Help');
      assert.deepEqual(
        help.map((item) => [item.role ?? item.type, item.label]),
        [
          [undefined, 'Keyboard Shortcuts'],
          [undefined, 'Getting Started'],
          ['separator', undefined],
          [undefined, 'Check for Updates…'],
          ['checkbox', 'Check for Updates Automatically'],
          ['separator', undefined],
          ['about', 'About Parley'],
        ],
      );
      const checkbox = byLabel(help, 'Check for Updates Automatically');
      assert.equal(checkbox.id, AUTOMATIC_MENU_ID);
      assert.equal(checkbox.checked, automatic);
      // Electron flips the tick before it calls click; the item passed in carries the new state.
      (checkbox.click as unknown as (item: { checked: boolean }) => void)({ checked: !automatic });
      click(byLabel(help, 'Check for Updates…'));
    }
    assert.deepEqual(calls, ['automatic true', 'check', 'automatic false', 'check']);
  });

  test('without the update items, Help offers the keyboard shortcuts, Getting Started and About Parley, and nothing that goes online', () => {
    for (const isMac of [false, true]) {
      const { template, sent } = build(isMac, true);
      const help = menu(template, 'Help');
      assert.deepEqual(
        help.map((item) => [item.role ?? item.type, item.label]),
        [
          [undefined, 'Keyboard Shortcuts'],
          [undefined, 'Getting Started'],
          ['separator', undefined],
          ['about', 'About Parley'],
        ],
      );
      click(byLabel(help, 'Keyboard Shortcuts'));
      click(byLabel(help, 'Getting Started'));
      assert.deepEqual(sent, ['shortcuts', 'getting-started']);
    }
  });

  // Written for Parley's command table: the menu and the shortcuts dialog are read from it, not kept beside it.
  test('every command item, its label and its accelerator come from the command table, on either platform', () => {
    const table: readonly CommandSpec[] = COMMANDS;
    for (const isMac of [false, true]) {
      const { template, sent } = build(isMac, false);
      const items = template.flatMap((top) => top.submenu as MenuItemConstructorOptions[]);
      const inMenu = items.flatMap((item) => {
        if (item.role || typeof item.click !== 'function') return [];
        click(item);
        return [{ id: sent.at(-1), label: item.label, accelerator: item.accelerator }];
      });
      const inTable = table.flatMap((command) => {
        const place = menuPlacement(command, isMac);
        if (!place) return [];
        const binding = command.keys.find((b) => b.menu === 'all' || b.menu === (isMac ? 'mac' : 'other'));
        return [{ id: command.id, label: place.label, accelerator: binding?.keys[0] }];
      });
      const byId = (a: { id?: string }, b: { id?: string }) => String(a.id).localeCompare(String(b.id));
      assert.deepEqual(inMenu.sort(byId), inTable.sort(byId));
      // Roles carry Electron's own accelerators; every accelerator written here is a command's.
      const written = items.flatMap((item) => (item.accelerator ? [String(item.accelerator)] : []));
      assert.deepEqual(
        written.sort(),
        inTable.flatMap((item) => (item.accelerator ? [item.accelerator] : [])).sort(),
      );
    }
  });

  test('the shortcuts dialog shows every accelerator of the menu, beside the command it runs', () => {
    for (const isMac of [false, true]) {
      const rows = shortcutGroups(isMac).flatMap((group) =>
        group.shortcuts.map(
          (shortcut) => `${shortcut.command} ${shortcut.keys.map((keys) => keys.join('+')).join(' ')}`,
        ),
      );
      const { template, sent } = build(isMac, true);
      const accelerated = template
        .flatMap((top) => top.submenu as MenuItemConstructorOptions[])
        .filter((item) => item.accelerator);
      assert.equal(accelerated.length, 13);
      for (const item of accelerated) {
        click(item);
        const accelerator = String(item.accelerator);
        const shown = `${sent.at(-1)} ${keyNames(accelerator, isMac).join('+')}`;
        assert.ok(
          rows.includes(shown),
          `${accelerator} (${shown}) is not in the dialog on ${isMac ? 'macOS' : 'Windows and Linux'}`,
        );
      }
    }
  });

  test('no item sends anything until clicked, and every accelerator is unique', () => {
    const { template, sent } = build(false, false);
    assert.deepEqual(sent, []);
    const accelerators = template
      .flatMap((top) => top.submenu as MenuItemConstructorOptions[])
      .flatMap((item) => (item.accelerator ? [String(item.accelerator)] : []));
    assert.equal(new Set(accelerators).size, accelerators.length);
    assert.equal(accelerators.length, 13);
  });
});
