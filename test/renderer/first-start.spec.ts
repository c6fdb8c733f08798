// The first start, as a new user meets it: a card says where to start (select and press H, the Suggestions panel,
// Compare, Import), naming the keys and buttons of the command table; it takes no focus and covers nothing; each
// step's button does the step; Dismiss hides it for good (kept in the profile's settings, so a reload keeps it
// hidden) and Help › Getting Started shows it again.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './harness';

const welcome = (page: Page) => page.getByRole('region', { name: 'Where to start' });

test('the welcome shows on a fresh profile, Dismiss keeps it hidden after a reload, Help shows it again', async ({
  parley,
}) => {
  const { page } = parley;
  await expect(page.locator('.doc-text')).toContainText('Lugovoy');
  const card = welcome(page);
  await expect(card).toBeVisible();
  // Each step names the real key or button.
  await expect(card).toContainText('press H or Ctrl+Shift+H');
  await expect(card).toContainText('The Suggestions button opens a panel');
  await expect(card).toContainText('Compare Parties (Ctrl+Shift+C)');
  await expect(card).toContainText('Import… (Ctrl+O)');
  // It takes no focus: the page's own focus is where it was.
  expect(await page.evaluate(() => !!document.activeElement?.closest('.welcome'))).toBe(false);
  // It covers nothing: it sits above the text, in the flow.
  const cardBox = (await card.boundingBox())!;
  const textBox = (await page.locator('.reading').boundingBox())!;
  expect(cardBox.y + cardBox.height).toBeLessThanOrEqual(textBox.y);

  // The steps' buttons do the steps: the suggestions panel opens.
  await card.getByRole('button', { name: 'Show what it found' }).click();
  await expect(page.getByRole('heading', { name: 'Suggestions' })).toBeVisible();

  // Still there after a restart until it is dismissed.
  let next = await parley.reload();
  await expect(welcome(next)).toBeVisible();

  await welcome(next).getByRole('button', { name: 'Dismiss' }).click();
  await expect(welcome(next)).toHaveCount(0);
  await expect(next.locator('.reading')).toBeFocused();
  const settings = JSON.parse(await readFile(join(parley.dir, 'settings.json'), 'utf8')) as {
    welcome?: { dismissed: boolean };
  };
  expect(settings.welcome).toEqual({ dismissed: true });

  next = await parley.reload();
  await expect(next.locator('.doc-text')).toContainText('Lugovoy');
  await expect(welcome(next)).toHaveCount(0);

  // Help › Getting Started shows it again, its heading in focus.
  await parley.menuCommand('getting-started');
  await expect(welcome(next)).toBeVisible();
  await expect(welcome(next).getByRole('heading', { name: 'Where to start' })).toBeFocused();
  await welcome(next).getByRole('button', { name: 'Dismiss' }).click();
  await expect(welcome(next)).toHaveCount(0);
});

test("the welcome's Compare and Import buttons run those commands", async ({ parley }) => {
  const { page } = parley;
  const card = welcome(page);
  await expect(card).toBeVisible();
  await card.getByRole('button', { name: 'See the sides side by side' }).click();
  await expect(page.getByRole('tab', { name: 'Compare' })).toHaveAttribute('aria-selected', 'true');

  parley.importPaths = [
    await parley.writeFile('talks.txt', 'Talks in Moscow\n\nA short text written for this test.'),
  ];
  await card.getByRole('button', { name: 'Choose a file…' }).click();
  await expect(page.locator('.doc-text')).toContainText('A short text written for this test.');
});
