// Undo and redo as a reader uses them: keys outside text fields, the toolbar's buttons named after what they
// would do, the Undo offered beside a deletion, and a deleted document or an import taken back and brought back.
import { expect, selectPhrase, test } from './harness';
import type { Page } from '@playwright/test';

const TITLE = 'Miliband: bilateral differences will not obscure our relationship';
const EXTRADITION = 'his extradition to UK is absolutely out of the question';

function card(page: Page, quote: string) {
  return page.getByRole('article', { name: new RegExp(`^Note on “${quote}`) });
}

async function highlight(page: Page, phrase: string, note: string): Promise<void> {
  await selectPhrase(page, phrase);
  await page.keyboard.press('h');
  const editor = page.getByRole('dialog', { name: 'Highlight' });
  await editor.getByRole('textbox', { name: 'Note (Markdown)' }).fill(note);
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toBeHidden();
}

test('create, edit and delete a highlight, each undone and redone by keys and buttons', async ({
  parley,
}) => {
  const { page } = parley;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  const undoButton = page.getByRole('button', { name: /^Undo/ }).first();

  await highlight(page, EXTRADITION, 'Flatly refused.');
  const extradition = card(page, 'his extradition');
  await expect(extradition).toBeVisible();
  const history = page.getByRole('group', { name: 'History' });
  await expect(history.getByRole('button', { name: 'Undo Highlight' })).toHaveAttribute(
    'aria-disabled',
    'false',
  );

  // Ctrl+Z with focus outside a field takes the highlight back; the reader hears what was undone.
  await page.locator('.reading').focus();
  await page.keyboard.press('Control+z');
  await expect(extradition).toHaveCount(0);
  await expect(page.locator('.notice[role=status]')).toHaveText('Undone: Highlight.');
  expect(parley.store.data.annotations).toHaveLength(0);
  // Ctrl+Shift+Z brings it back, with its note.
  await page.keyboard.press('Control+Shift+z');
  await expect(extradition).toContainText('Flatly refused.');
  await expect(page.locator('.notice[role=status]')).toHaveText('Redone: Highlight.');
  expect(parley.store.data.annotations).toHaveLength(1);

  // Edit the note, then undo with the toolbar button, which names the change.
  await extradition.getByRole('button', { name: 'Edit' }).click();
  const editor = page.getByRole('dialog', { name: 'Highlight' });
  await editor.getByRole('textbox', { name: 'Note (Markdown)' }).fill('Ruled out by the Constitution.');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(extradition).toContainText('Ruled out by the Constitution.');
  await history.getByRole('button', { name: 'Undo Edit highlight' }).click();
  await expect(extradition).toContainText('Flatly refused.');
  expect(parley.store.data.annotations[0]!.note).toBe('Flatly refused.');
  // Ctrl+Y redoes too.
  await page.locator('.reading').focus();
  await page.keyboard.press('Control+y');
  await expect(extradition).toContainText('Ruled out by the Constitution.');
  await history.getByRole('button', { name: 'Undo Edit highlight' }).click();
  await expect(extradition).toContainText('Flatly refused.');
  await history.getByRole('button', { name: 'Redo Edit highlight' }).click();
  await expect(extradition).toContainText('Ruled out by the Constitution.');

  // Delete: the status offers Undo beside the message.
  await extradition.getByRole('button', { name: 'Delete' }).click();
  await extradition.getByRole('button', { name: 'Delete highlight' }).click();
  await expect(extradition).toHaveCount(0);
  await expect(page.locator('.notice[role=status]')).toHaveText(/^Deleted the highlight on “his extradition/);
  await page.locator('.notices').getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(extradition).toContainText('Ruled out by the Constitution.');
  expect(parley.store.data.annotations).toHaveLength(1);
  await expect(undoButton).toBeVisible();
});

test('in a text field Ctrl+Z undoes the typing, not the notebook', async ({ parley }) => {
  const { page } = parley;
  await highlight(page, EXTRADITION, 'First note.');
  await card(page, 'his extradition').getByRole('button', { name: 'Edit' }).click();
  const note = page
    .getByRole('dialog', { name: 'Highlight' })
    .getByRole('textbox', { name: 'Note (Markdown)' });
  await note.focus();
  await page.keyboard.press('End');
  await page.keyboard.type(' More');
  await expect(note).toHaveValue('First note. More');
  await page.keyboard.press('Control+z');
  // The browser took back typing; the notebook's history was not touched.
  await expect(note).not.toHaveValue('First note. More');
  await expect(note).toHaveValue(/^First note\./);
  expect(parley.store.data.annotations).toHaveLength(1);
  await expect(page.locator('.notice[role=status]')).not.toHaveText(/Undone/);
});

test('a deleted document and an import are undone and redone', async ({ parley }) => {
  const { page } = parley;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  // Import a second document by dropping it.
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.items.add(
      new File(['Lisbon\n\nRussia would like the EU to ratify the Lisbon Treaty.\n'], 'lisbon.txt'),
    );
    document.body.dispatchEvent(
      new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }),
    );
  });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lisbon');
  expect(parley.store.data.documents).toHaveLength(2);

  // Undo the import: the document goes and the sample opens again.
  await page.locator('.reading').focus();
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  expect(parley.store.data.documents).toHaveLength(1);
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(() => parley.store.data.documents.length).toBe(2);

  // Delete the sample from the library; undo brings it back with its highlight.
  await page.getByRole('combobox', { name: 'Document' }).selectOption({ label: TITLE });
  await highlight(page, EXTRADITION, 'Kept across the deletion.');
  const library = page.getByRole('complementary', { name: 'Library' });
  await library.getByRole('button', { name: `Delete “${TITLE}”` }).click();
  await library
    .getByRole('group', { name: `Delete “${TITLE}”?` })
    .getByRole('button', { name: 'Delete' })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lisbon');
  expect(parley.store.data.documents.map((d) => d.title)).toEqual(['Lisbon']);
  expect(parley.store.data.annotations).toHaveLength(0);
  await expect(page.locator('.notice[role=status]')).toHaveText(`Deleted the document “${TITLE}”.`);
  await page
    .getByRole('group', { name: 'History' })
    .getByRole('button', { name: 'Undo Delete document' })
    .click();
  await expect(library.getByRole('button', { name: new RegExp(`^${TITLE}`) })).toBeVisible();
  expect(parley.store.data.documents).toHaveLength(2);
  expect(parley.store.data.annotations.map((a) => a.note)).toEqual(['Kept across the deletion.']);
  await library.getByRole('button', { name: new RegExp(`^${TITLE}`) }).click();
  await expect(card(page, 'his extradition')).toContainText('Kept across the deletion.');
});
