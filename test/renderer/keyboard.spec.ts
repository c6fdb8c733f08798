// The keyboard way in: the shortcuts list (from `?` and from Help), panels opened and closed by their keys and
// menu commands, focus that shows where it is, and nothing fired while the reader is typing.
import { expect, test } from './harness';

const TITLE = 'Miliband: bilateral differences will not obscure our relationship';

test('the shortcuts dialog opens with ? and from the menu, and lists every shortcut', async ({ parley }) => {
  const { page } = parley;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await page.locator('.reading').focus();
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  for (const action of [
    'Highlight the selected passage',
    'Undo the last change to the notebook',
    'Redo',
    'Find across the notebook',
    'Show or hide the library',
    'Open or close the codebook',
    'Show this list of shortcuts',
  ]) {
    await expect(dialog.getByRole('cell', { name: action, exact: true }).first()).toBeVisible();
  }
  await expect(dialog.locator('th', { hasText: /^Ctrl\s*\+\s*Z$/ })).toHaveCount(1);
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  // Focus on Close, at the bottom of the list, leaves the list at its top, title in view.
  await expect(dialog.getByRole('heading', { name: 'Keyboard shortcuts' })).toBeInViewport();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  await parley.menuCommand('shortcuts');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);

  // Typing a ? in a field types it.
  await page.getByRole('button', { name: 'Library' }).click();
  const filter = page.getByRole('searchbox', { name: 'Filter documents' });
  await filter.focus();
  await page.keyboard.press('?');
  await expect(filter).toHaveValue('?');
  await expect(dialog).toHaveCount(0);
});

test('panels open and close from their keys, buttons and menu commands', async ({ parley }) => {
  const { page } = parley;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  const library = page.getByRole('complementary', { name: 'Library' });
  const libraryButton = page.getByRole('button', { name: 'Library' });
  await page.locator('.reading').focus();
  await page.keyboard.press('Control+b');
  await expect(library).toBeVisible();
  await expect(libraryButton).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('searchbox', { name: 'Filter documents' })).toBeFocused();
  // Esc in the library closes it and returns to its button.
  await page.keyboard.press('Escape');
  await expect(library).toHaveCount(0);
  await expect(libraryButton).toBeFocused();
  await parley.menuCommand('toggle-library');
  await expect(library).toBeVisible();
  await parley.menuCommand('toggle-library');
  await expect(library).toHaveCount(0);

  const find = page.getByRole('button', { name: 'Find', exact: true });
  await page.locator('.reading').focus();
  await page.keyboard.press('Control+f');
  await expect(find).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.side-panel')).toBeVisible();
  await find.click();
  await expect(find).toHaveAttribute('aria-pressed', 'false');
  await parley.menuCommand('find');
  await expect(find).toHaveAttribute('aria-pressed', 'true');

  // The Codebook has left the slim toolbar: its menu command and its key open and close it.
  const codebook = page.getByRole('complementary', { name: 'Codebook' });
  await parley.menuCommand('codebook');
  await expect(codebook).toBeVisible();
  await expect(find).toHaveAttribute('aria-pressed', 'false');
  await page.locator('.reading').focus();
  await page.keyboard.press('Control+Shift+K');
  await expect(codebook).toHaveCount(0);
  await expect(page.locator('.side-panel')).toHaveCount(0);
});

test('focus is always visible, and the Export menu works from the keyboard alone', async ({ parley }) => {
  const { page } = parley;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  const exportMenu = page.getByRole('button', { name: 'Export', exact: true });
  await exportMenu.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu');
  await expect(menu).toBeVisible();
  await expect(exportMenu).toHaveAttribute('aria-expanded', 'true');
  // As a person would, wait for the focus to be in the menu before pressing the next key.
  await expect(page.getByRole('menuitem').first()).toBeFocused();
  await page.keyboard.press('End');
  await expect(page.getByRole('menuitem').last()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem').first()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(exportMenu).toBeFocused();

  // Every control reached by Tab from the toolbar draws a focus ring.
  await page.getByRole('button', { name: 'Library' }).focus();
  for (let i = 0; i < 12; i++) {
    const outline = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      return { width: parseFloat(style.outlineWidth), style: style.outlineStyle, tag: el.tagName };
    });
    expect(outline.style, `focus ring on ${outline.tag}`).not.toBe('none');
    expect(outline.width).toBeGreaterThan(0);
    await page.keyboard.press('Tab');
  }
});
