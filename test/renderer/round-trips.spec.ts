// How many calls the page makes for one user action: a highlight added is one call, the rest arrives with main's
// notebookChanged event. Real handlers, real notebook file; the calls are counted at the page's binding.
import { expect, selectPhrase, test } from './harness';

test('adding one highlight makes one call', async ({ parley }) => {
  const { page } = parley;
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect.poll(() => parley.calls.includes('documents:open')).toBe(true);
  // Whatever the page still loads after its first paint settles before the count starts.
  let seen = -1;
  await expect
    .poll(() => {
      const settled = parley.calls.length === seen;
      seen = parley.calls.length;
      return settled;
    })
    .toBe(true);
  parley.calls.length = 0;

  await selectPhrase(page, 'his extradition to UK is absolutely out of the question');
  await page.keyboard.press('h');
  const editor = page.getByRole('dialog', { name: 'Highlight' });
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toBeHidden();
  const notes = page.getByRole('complementary', { name: 'Notes' });
  await expect(notes.getByRole('article', { name: /^Note on “his extradition/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Undo / })).toHaveAttribute('aria-disabled', 'false');
  seen = -1;
  await expect
    .poll(() => {
      const settled = parley.calls.length === seen;
      seen = parley.calls.length;
      return settled;
    })
    .toBe(true);
  console.log(`calls after one highlight: ${parley.calls.length} (${parley.calls.join(', ')})`);
  expect(parley.calls).toEqual(['annotations:create']);
});
