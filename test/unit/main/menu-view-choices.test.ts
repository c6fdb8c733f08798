// The View menu's choices: Colour by Party is a checkbox item of its own run, starting unticked as a new window
// does, with an id main finds it by to tick it as the window's choice changes; clicking it sends its command.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../../shared/contract';
import { buildMenuTemplate, commandMenuId } from '../../../main/menu';

for (const isMac of [false, true]) {
  test(`View › Colour by Party is a checkbox that sends its command (${isMac ? 'macOS' : 'Windows and Linux'})`, () => {
    const sent: MenuCommand[] = [];
    const template = buildMenuTemplate({ isMac, isPackaged: true, send: (command) => sent.push(command) });
    const view = template.find((item) => item.label?.replace('&', '') === 'View');
    assert.ok(view && Array.isArray(view.submenu));
    const items = view.submenu as MenuItemConstructorOptions[];
    const at = items.findIndex((item) => item.label === 'Colour by Party');
    assert.ok(at > 0, 'no Colour by Party item');
    const item = items[at]!;
    assert.equal(item.type, 'checkbox');
    assert.equal(item.checked, false);
    assert.equal(item.id, commandMenuId('party-colours'));
    // A run of its own, after the panels and before zoom.
    assert.equal(items[at - 1]!.type, 'separator');
    assert.equal(items[at + 1]!.type, 'separator');
    assert.ok(items.findIndex((i) => i.label === 'Codebook') < at);
    assert.ok(items.findIndex((i) => i.role === 'resetZoom') > at);
    (item.click as () => void)();
    assert.deepEqual(sent, ['party-colours']);
  });
}

test('the other commands of the menu are plain items, each with the id main finds it by', () => {
  const template = buildMenuTemplate({ isMac: false, isPackaged: true, send: () => {} });
  const view = template.find((item) => item.label === '&View')!.submenu as MenuItemConstructorOptions[];
  const library = view.find((item) => item.label === 'Library')!;
  assert.equal(library.type, undefined);
  assert.equal(library.checked, undefined);
  assert.equal(library.id, commandMenuId('toggle-library'));
});
