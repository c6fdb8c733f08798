// The progress notice's Cancel import, clicked while a big web page is being read (a 10 MB news page generated for
// this test): the notice goes, the window says nothing was imported, and the notebook holds what it held.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test, expect } from './harness';
import { makeLargePage } from '../../scripts/make-large-page';

test.setTimeout(120_000);

test('Cancel import during a slow web page import clears the notice and adds nothing', async ({ parley }) => {
  const { page } = parley;
  const before = (await parley.readNotebookFile()).documents.length;
  const big = join(parley.dir, 'big-news-page.html');
  await writeFile(big, makeLargePage(10).html);
  parley.importPaths.push(big);
  await parley.menuCommand('import');
  const cancel = page.getByRole('button', { name: 'Cancel import' });
  await expect(cancel).toBeVisible({ timeout: 30_000 });
  await cancel.click();
  await expect(cancel).toBeHidden({ timeout: 10_000 });
  await expect(page.getByRole('alert')).toContainText('cancelled: nothing was imported');
  expect(parley.calls).toContain('documents:cancel-import');
  await parley.store.flush();
  expect((await parley.readNotebookFile()).documents.length).toBe(before);
});
