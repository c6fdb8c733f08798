// The library as a reader works it: documents listed with source, date and highlight count; open, rename in
// place (Enter saves, Esc cancels), delete after asking and undo, sort and filter; and each document's own note,
// which survives a reload.
import type { Page } from '@playwright/test';
import { dropFiles, expect, test } from './harness';

const TITLE = 'Miliband: bilateral differences will not obscure our relationship';

function titlesIn(page: Page) {
  return page.getByRole('list', { name: 'Documents' }).locator('.library__title').allTextContents();
}

test('open, rename, delete and undo, sort and filter in the library', async ({ parley }) => {
  const { page } = parley;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  const library = page.getByRole('complementary', { name: 'Library' });
  // One document: the library waits to be asked for.
  await expect(library).toHaveCount(0);
  await page.getByRole('button', { name: 'Library' }).click();
  await expect(library).toBeVisible();
  await expect(library.getByRole('button', { name: new RegExp(`^${TITLE}`) })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await expect(library.getByRole('button', { name: new RegExp(`^${TITLE}`) })).toContainText(
    'RT · 2 November 2009, 10:22 · 0 highlights',
  );

  await dropFiles(page, [{ name: 'zebra.md', text: '# Zebra crossings\n\nA paragraph about zebras.\n' }]);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Zebra crossings');
  await dropFiles(page, [{ name: 'apples.txt', text: 'Apples of Normandy\n\nA paragraph about cider.\n' }]);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Apples of Normandy');
  await expect(library.getByRole('button', { name: /^Apples of Normandy/ })).toHaveAttribute(
    'aria-current',
    'page',
  );

  // Sorting: newest import first by default, then by title, then by date (undated last).
  expect(await titlesIn(page)).toEqual(['Apples of Normandy', 'Zebra crossings', TITLE]);
  await library.getByRole('combobox', { name: 'Sort by' }).selectOption({ label: 'Title' });
  expect(await titlesIn(page)).toEqual(['Apples of Normandy', TITLE, 'Zebra crossings']);
  await library.getByRole('combobox', { name: 'Sort by' }).selectOption({ label: 'Date published' });
  expect((await titlesIn(page))[0]).toBe(TITLE);

  // Filter by words of the title or source, accents and case aside.
  await library.getByRole('searchbox', { name: 'Filter documents' }).fill('ZEBRA');
  expect(await titlesIn(page)).toEqual(['Zebra crossings']);
  await library.getByRole('searchbox', { name: 'Filter documents' }).fill('rt');
  expect(await titlesIn(page)).toEqual([TITLE]);
  await library.getByRole('searchbox', { name: 'Filter documents' }).fill('nothing like this');
  await expect(library).toContainText('No document matches the filter.');
  await library.getByRole('searchbox', { name: 'Filter documents' }).fill('');

  // Open from the list.
  await library.getByRole('button', { name: /^Zebra crossings/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Zebra crossings');

  // Rename in place: Esc cancels, Enter saves.
  await library.getByRole('button', { name: 'Rename “Zebra crossings”' }).click();
  const field = library.getByRole('textbox', { name: 'New title for “Zebra crossings”' });
  await expect(field).toBeFocused();
  await field.fill('Not this');
  await field.press('Escape');
  await expect(library.getByRole('button', { name: 'Rename “Zebra crossings”' })).toBeFocused();
  expect(parley.store.data.documents.map((d) => d.title)).toContain('Zebra crossings');
  await library.getByRole('button', { name: 'Rename “Zebra crossings”' }).click();
  await field.fill('Zebras, renamed');
  await field.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Zebras, renamed');
  await expect(library.getByRole('button', { name: /^Zebras, renamed/ })).toBeVisible();
  expect(parley.store.data.documents.map((d) => d.title)).toContain('Zebras, renamed');

  // Delete asks first; Cancel keeps it; Delete removes it and opens another; Undo brings it back.
  await library.getByRole('button', { name: 'Delete “Zebras, renamed”' }).click();
  const confirm = library.getByRole('group', { name: 'Delete “Zebras, renamed”?' });
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  expect(parley.store.data.documents).toHaveLength(3);
  await library.getByRole('button', { name: 'Delete “Zebras, renamed”' }).click();
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(library.getByRole('button', { name: /^Zebras, renamed/ })).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Zebras, renamed');
  expect(parley.store.data.documents).toHaveLength(2);
  await page.locator('.notices').getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(library.getByRole('button', { name: /^Zebras, renamed/ })).toBeVisible();
  expect(parley.store.data.documents).toHaveLength(3);

  // The toolbar button hides it again.
  await page.getByRole('button', { name: 'Library' }).click();
  await expect(library).toHaveCount(0);
});

test('a document note is written in Markdown, shown rendered, and kept across a reload', async ({
  parley,
}) => {
  let page = parley.page;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  const section = page.getByRole('region', { name: 'Document note' });
  await expect(section).toContainText('No note on this document yet.');
  await section.getByRole('button', { name: 'Write a note' }).click();
  const area = section.getByRole('textbox', { name: 'Note on this document (Markdown)' });
  await expect(area).toBeFocused();
  await area.fill('Lavrov is **firm** on extradition.');
  // Esc drops the draft.
  await area.press('Escape');
  await expect(section).toContainText('No note on this document yet.');
  expect(parley.store.data.documents[0]!.note).toBe('');
  await section.getByRole('button', { name: 'Write a note' }).click();
  await area.fill('Lavrov is **firm** on extradition.\n\n- see ¶11');
  await section.getByRole('button', { name: 'Save note' }).click();
  await expect(section.locator('strong')).toHaveText('firm');
  await expect(section.getByRole('listitem')).toHaveText('see ¶11');
  expect(parley.store.data.documents[0]!.note).toBe('Lavrov is **firm** on extradition.\n\n- see ¶11');

  page = await parley.reload();
  const again = page.getByRole('region', { name: 'Document note' });
  await expect(again.locator('strong')).toHaveText('firm');
  // Ctrl+Enter saves an edit.
  await again.getByRole('button', { name: 'Edit note' }).click();
  await again.getByRole('textbox', { name: 'Note on this document (Markdown)' }).fill('Changed.');
  await page.keyboard.press('Control+Enter');
  await expect(again).toContainText('Changed.');
  expect((await parley.readNotebookFile()).documents.length).toBe(1);
  await expect.poll(async () => (await parley.readNotebookFile()).documents[0]!.note).toBe('Changed.');
});

test('the library sorts by when each document was last opened, and the app reopens the last one read', async ({
  parley,
}) => {
  let page = parley.page;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await page.getByRole('button', { name: 'Library' }).click();
  const library = page.getByRole('complementary', { name: 'Library' });
  await dropFiles(page, [{ name: 'zebra.md', text: '# Zebra crossings\n\nA paragraph about zebras.\n' }]);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Zebra crossings');
  await dropFiles(page, [{ name: 'apples.txt', text: 'Apples of Normandy\n\nA paragraph about cider.\n' }]);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Apples of Normandy');

  await library.getByRole('button', { name: new RegExp(`^${TITLE}`) }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await library.getByRole('combobox', { name: 'Sort by' }).selectOption({ label: 'Recently opened' });
  expect(await titlesIn(page)).toEqual([TITLE, 'Apples of Normandy', 'Zebra crossings']);
  // Opening is not an edit: there is nothing more to undo than the two imports.
  expect(parley.store.history.undoLabel).toMatch(/^Undo Import/);

  await library.getByRole('button', { name: /^Zebra crossings/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Zebra crossings');
  expect(await titlesIn(page)).toEqual(['Zebra crossings', TITLE, 'Apples of Normandy']);
  await expect
    .poll(
      async () =>
        (await parley.readNotebookFile()).documents.find((d) => d.title === 'Zebra crossings')?.openedAt,
    )
    .toMatch(/^\d{4}-\d\d-\d\dT/);

  // The next start opens where the reader left off, not the first document.
  page = await parley.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Zebra crossings');
});
