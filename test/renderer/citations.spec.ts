// Cite what you quote, as a reader does it: Edit details holds the citation (authors, address, pages, key), refuses
// a key another document has in words, makes one from the details when asked, and is undone as one change; the
// export dialogs offer Pandoc citations, which the saved file then has after each quote. The second document's
// text is written for Parley, not real reporting.
import { readFile } from 'node:fs/promises';
import { expect, test } from './harness';

const EXTRADITION = 'his extradition to UK is absolutely out of the question';

test('Edit details: the citation fields, a taken key refused, Make from details, undo', async ({
  parley,
}) => {
  const { page } = parley;
  parley.importPaths.push(
    await parley.writeFile(
      'lisbon.md',
      '# The Lisbon Treaty\n\nRussia would like to see the EU ratify it soon.\n',
    ),
  );
  await page.getByRole('button', { name: 'Import…' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('The Lisbon Treaty');
  const lisbon = () => parley.store.data.documents.find((d) => d.title === 'The Lisbon Treaty')!;
  await expect.poll(() => lisbon().citationKey).toBe('anonndlisbon');

  await page.getByRole('button', { name: 'Edit details' }).click();
  const details = page.getByRole('dialog', { name: 'Document details' });
  const key = details.getByRole('textbox', { name: 'Citation key' });
  await expect(key).toHaveValue('anonndlisbon');
  await details.getByRole('textbox', { name: 'Authors' }).fill('Doe, Jane\nInvented Press Agency');
  await details.getByRole('textbox', { name: 'Date' }).fill('2009-11-05');
  await details.getByRole('textbox', { name: 'Published in' }).fill('The Invented Herald');
  await details.getByRole('textbox', { name: 'Web address' }).fill('https://example.org/lisbon');
  await details.getByRole('textbox', { name: 'Pages' }).fill('4-5');
  // The key is not made again by itself when the details change.
  await expect(key).toHaveValue('anonndlisbon');

  // The sample article's key is taken: said in the dialog, which stays open, and nothing is saved.
  await key.fill('rt2009miliband');
  await details.getByRole('button', { name: 'Save' }).click();
  await expect(details.getByRole('alert')).toHaveText(
    'The citation key "rt2009miliband" is taken by "Miliband: bilateral differences will not obscure our relationship": each document needs its own.',
  );
  expect(lisbon().authors).toEqual([]);
  await key.fill('not a key');
  await details.getByRole('button', { name: 'Save' }).click();
  await expect(details.getByRole('alert')).toContainText('cannot be a citation key');

  await details.getByRole('button', { name: 'Make from details' }).click();
  await expect(key).toHaveValue('doe2009lisbon');
  await details.getByRole('button', { name: 'Save' }).click();
  await expect(details).toBeHidden();
  await expect.poll(() => lisbon().citationKey).toBe('doe2009lisbon');
  const saved = lisbon();
  expect(saved.authors).toEqual(['Doe, Jane', 'Invented Press Agency']);
  expect(saved.published).toBe('2009-11-05');
  expect(saved.source).toBe('The Invented Herald');
  expect(saved.url).toBe('https://example.org/lisbon');
  expect(saved.pages).toBe('4-5');

  // One change, undone as one.
  await page.locator('.doc-title').click();
  await page.keyboard.press('Control+z');
  await expect.poll(() => lisbon().citationKey).toBe('anonndlisbon');
  expect(lisbon().authors).toEqual([]);
  expect(lisbon().pages).toBe('');
  await page.getByRole('button', { name: 'Edit details' }).click();
  await expect(details.getByRole('textbox', { name: 'Authors' })).toHaveValue('');
  await expect(details.getByRole('textbox', { name: 'Citation key' })).toHaveValue('anonndlisbon');
});

test('the notebook export dialog offers Pandoc citations, and the file cites each quote', async ({
  parley,
}) => {
  const { page } = parley;
  const doc = parley.store.data.documents[0]!;
  const start = doc.text.indexOf(EXTRADITION);
  parley.store.change((nb) => {
    nb.annotations.push({
      id: 'cited-1',
      documentId: doc.id,
      target: { start, end: start + EXTRADITION.length, exact: EXTRADITION, prefix: '', suffix: '' },
      topicIds: [],
      partyId: null,
      stance: null,
      note: '',
      links: [],
      createdAt: '2026-11-02T10:00:00.000Z',
      updatedAt: '2026-11-02T10:00:00.000Z',
    });
  }, 'Test highlight');

  await parley.menuCommand('export-notebook');
  const dialog = page.getByRole('dialog', { name: 'Export the notebook' });
  const citations = dialog.getByRole('combobox', { name: 'Citations' });
  await expect(citations).toHaveValue('none');
  await citations.selectOption({ label: 'Pandoc [@key]' });
  await dialog.getByRole('button', { name: 'One file…' }).click();
  await expect(page.locator('.notice[role=status]')).toHaveText(
    /^Exported the notebook with Pandoc citations to /,
  );
  const markdown = await readFile(parley.exportPaths.at(-1)!, 'utf8');
  expect(markdown).toContain(`> ${EXTRADITION}\n>\n> — ¶9 [@rt2009miliband, ¶ 9] ^p9-his-extradition-to\n`);

  // The Export menu's own item for this document with citations, whatever the dialogs last chose.
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Markdown with Pandoc citations: this document…' }).click();
  await expect(page.locator('.notice[role=status]')).toHaveText(/^Exported with Pandoc citations to .*\.md$/);
  expect(await readFile(parley.exportPaths.at(-1)!, 'utf8')).toContain('¶9 [@rt2009miliband, ¶ 9] ^p9-');

  // The choice is kept for the session: this document's own export (no dialog) cites too, until it is set back.
  await parley.menuCommand('export-markdown');
  await expect.poll(() => parley.exportPaths.length).toBeGreaterThan(1);
  await expect
    .poll(async () => readFile(parley.exportPaths.at(-1)!, 'utf8').catch(() => ''))
    .toContain('[@rt2009miliband, ¶ 9]');
  await parley.menuCommand('export-notebook');
  await expect(citations).toHaveValue('pandoc');
  await citations.selectOption({ label: 'None' });
  await dialog.getByRole('button', { name: 'One file…' }).click();
  await expect(page.locator('.notice[role=status]')).toHaveText(/^Exported the notebook to /);
  expect(await readFile(parley.exportPaths.at(-1)!, 'utf8')).not.toContain('[@');
});
