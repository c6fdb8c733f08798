// The ways in and out besides the buttons: dropping or pasting a file, the application menu's commands, and
// what the toolbar says when the notebook cannot be saved.
import { readFile } from 'node:fs/promises';
import { eventChannels } from '../../shared/contract';
import { expect, test, type TestWindow } from './harness';

const TITLE = 'Miliband: bilateral differences will not obscure our relationship';

test('dropping a text file imports it and opens it', async ({ parley }) => {
  const { page } = parley;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.items.add(
      new File(['Sanctions\n\nThe UK pressed for further sanctions on Iran.\n'], 'sanctions.md', {
        type: 'text/markdown',
      }),
    );
    const target = document.querySelector('.doc-text')!;
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  });
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(TITLE);
  await expect(page.locator('.doc-text')).toHaveText(/The UK pressed for further sanctions on Iran\./);
  await expect(page.getByRole('combobox', { name: 'Document' })).toBeVisible();
  await expect.poll(() => parley.store.data.documents.length).toBe(2);

  // A file the importers cannot read (a PDF of its first line only) is refused with a reason, and nothing is added.
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.items.add(new File(['%PDF-1.7'], 'report.pdf', { type: 'application/pdf' }));
    document.body.dispatchEvent(
      new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }),
    );
  });
  await expect(page.getByRole('alert')).toContainText(/"report\.pdf" is damaged/);
  expect(parley.store.data.documents).toHaveLength(2);
});

test('pasting text outside a field offers to import it', async ({ parley }) => {
  const { page } = parley;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  const paste = () =>
    page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/plain', 'Lisbon\n\nRussia would like to see the EU ratify the Lisbon Treaty.');
      document.body.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    });
  await paste();
  const offer = page.getByRole('group', { name: 'Import pasted text' });
  await expect(offer).toBeVisible();
  await offer.getByRole('button', { name: 'Dismiss' }).click();
  await expect(offer).toHaveCount(0);
  expect(parley.store.data.documents).toHaveLength(1);

  await paste();
  await offer.getByRole('button', { name: 'Import' }).click();
  await expect(page.locator('.doc-text')).toHaveText(/ratify the Lisbon Treaty/);
  expect(parley.store.data.documents).toHaveLength(2);
});

test('menu commands: import and export Markdown', async ({ parley }) => {
  const { page } = parley;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await parley.menuCommand('export-markdown');
  await expect.poll(() => parley.exportPaths.length).toBe(1);
  await expect(page.locator('.notice[role=status]')).toHaveText(`Exported to ${parley.exportPaths[0]}`);
  expect(await readFile(parley.exportPaths[0]!, 'utf8')).toContain(`title: "${TITLE}"`);

  parley.importPaths.push(
    await parley.writeFile('note.txt', 'A short note\n\nIt has one paragraph of text.\n'),
  );
  await parley.menuCommand('import');
  await expect(page.locator('.doc-text')).toHaveText(/It has one paragraph of text\./);

  // A cancelled dialog changes nothing.
  await parley.menuCommand('import');
  await expect.poll(() => parley.store.data.documents.length).toBe(2);
  await expect(page.getByRole('alert')).toBeEmpty();
});

test('the toolbar says when the notebook cannot be saved', async ({ parley }) => {
  const { page } = parley;
  const status = page.getByRole('status', { name: 'Save status' });
  await expect(status).toHaveText('All changes saved');
  // Opening the sample notes when it was read, a real save: let it end before standing in for main's events.
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect.poll(() => parley.calls.includes('documents:open')).toBe(true);
  await parley.store.flush();
  const emit = (payload: unknown) =>
    page.evaluate(([channel, state]) => (window as unknown as TestWindow).__parleyEmit(channel, state), [
      eventChannels.saveState,
      payload,
    ] as const);
  await emit({ status: 'saving' });
  await expect(status).toHaveText('Saving…');
  await emit({ status: 'error', error: 'the disk is full' });
  await expect(status).toHaveText("Couldn't save: the disk is full");
  await emit({ status: 'saved' });
  await expect(status).toHaveText('All changes saved');
});

test("after an export chosen from the toolbar's Export menu, focus is back on the Export button", async ({
  parley,
}) => {
  const { page } = parley;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  const exportMenu = page.getByRole('button', { name: 'Export', exact: true });
  await exportMenu.focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem').first()).toBeFocused();
  await page.getByRole('menuitem', { name: 'Markdown: this document…' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.notice[role=status]')).toHaveText(/^Exported to /);
  await expect(exportMenu).toBeFocused();
  await expect(exportMenu).toBeEnabled();
});
