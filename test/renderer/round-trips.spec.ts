// How many calls the page makes for one user action: a highlight added, a suggestion accepted or dismissed is one
// call each, the rest arrives with main's notebookChanged event. Real handlers, real notebook file; the calls are
// counted at the page's binding.
import type { Page } from '@playwright/test';
import { dropFiles, expect, selectPhrase, test } from './harness';
import { settled } from './calls';

/** Opens the Suggestions panel the way a reader does and waits for its list; returns how many it offers. */
async function openSuggestions(page: Page): Promise<number> {
  await page.getByRole('button', { name: 'Suggestions' }).click();
  const list = page
    .getByRole('complementary', { name: 'Suggestions' })
    .getByRole('listbox', { name: 'Suggested statements' });
  await expect(list).toBeFocused();
  await expect(list.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  return list.getByRole('option').count();
}

const options = (page: Page) =>
  page
    .getByRole('complementary', { name: 'Suggestions' })
    .getByRole('listbox', { name: 'Suggested statements' })
    .getByRole('option');

test('adding one highlight makes one call', async ({ parley }) => {
  const { page } = parley;
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect.poll(() => parley.calls.includes('documents:open')).toBe(true);
  // Whatever the page still loads after its first paint settles before the count starts.
  await settled(parley);
  parley.calls.length = 0;

  await selectPhrase(page, 'his extradition to UK is absolutely out of the question');
  await page.keyboard.press('h');
  const editor = page.getByRole('dialog', { name: 'Highlight' });
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toBeHidden();
  const notes = page.getByRole('complementary', { name: 'Notes' });
  await expect(notes.getByRole('article', { name: /^Note on “his extradition/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Undo / })).toHaveAttribute('aria-disabled', 'false');
  await settled(parley);
  console.log(`calls after one highlight: ${parley.calls.length} (${parley.calls.join(', ')})`);
  expect(parley.calls).toEqual(['annotations:create']);
});

test('accepting one suggestion makes one call, and Undo names it a highlight', async ({ parley }) => {
  const { page } = parley;
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const total = await openSuggestions(page);
  await settled(parley);
  parley.calls.length = 0;

  await page.keyboard.press('a');
  await expect(options(page)).toHaveCount(total - 1);
  await expect(page.locator('.notice[role=status]')).toHaveText(/^Accepted “/);
  await expect(
    page.getByRole('group', { name: 'History' }).getByRole('button', { name: 'Undo Highlight' }),
  ).toHaveAttribute('aria-disabled', 'false');
  await expect.poll(() => parley.store.data.annotations.length).toBe(1);
  await settled(parley);
  console.log(`calls after one suggestion accepted: ${parley.calls.length} (${parley.calls.join(', ')})`);
  expect(parley.calls).toEqual(['suggestions:accept']);
});

test('dismissing one suggestion makes one call', async ({ parley }) => {
  const { page } = parley;
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const total = await openSuggestions(page);
  const first = await options(page).first().textContent();
  await settled(parley);
  parley.calls.length = 0;

  await page.keyboard.press('d');
  await expect(options(page)).toHaveCount(total - 1);
  await expect(page.locator('.notice[role=status]')).toHaveText(
    /^Dismissed “.*it will not be suggested again\./,
  );
  await expect.poll(() => parley.store.data.dismissedSuggestions.length).toBe(1);
  await expect(options(page).first()).not.toHaveText(first ?? '');
  await settled(parley);
  console.log(`calls after one suggestion dismissed: ${parley.calls.length} (${parley.calls.join(', ')})`);
  expect(parley.calls).toEqual(['suggestions:dismiss']);
});

test('dropping two files makes one call, which brings the first back opened', async ({ parley }) => {
  const { page } = parley;
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect.poll(() => parley.calls.includes('documents:open')).toBe(true);
  await settled(parley);
  parley.calls.length = 0;

  await dropFiles(page, [
    { name: 'zebra.md', text: '# Zebra crossings\n\nA paragraph about zebras.\n' },
    { name: 'yak.txt', text: 'Yak shaving, written for Parley’s round-trip test.\n' },
  ]);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Zebra crossings');
  await expect(page.locator('.notice[role=status]')).toHaveText('Imported 2 documents');
  await expect
    .poll(() => parley.store.data.documents.find((doc) => doc.title === 'Zebra crossings')?.openedAt)
    .toBeTruthy();
  await settled(parley);
  console.log(`calls after dropping two files: ${parley.calls.length} (${parley.calls.join(', ')})`);
  expect(parley.calls).toEqual(['documents:import-files']);
});
