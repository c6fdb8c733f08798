// The first start, as a new user meets it: a card says where to start (select and press H, the Suggestions panel,
// Compare, Import), naming the keys and buttons of the command table; it takes no focus and covers nothing; each
// step's button does the step. It is shown once: a restart does not show it again (the profile's settings keep that
// it was shown), Help › Getting Started shows it whenever asked, and Dismiss hides it.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './harness';

const welcome = (page: Page) => page.getByRole('region', { name: 'Where to start' });

test('the welcome shows once, on a fresh profile; Help shows it again and Dismiss hides it', async ({
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

  // Shown once: the next start does not show it again, and says so in the profile's settings.
  let next = await parley.reload();
  await expect(next.locator('.doc-text')).toContainText('Lugovoy');
  await expect(welcome(next)).toHaveCount(0);
  const settingsNow = async () =>
    (JSON.parse(await readFile(join(parley.dir, 'settings.json'), 'utf8')) as { welcome?: unknown }).welcome;
  expect(await settingsNow()).toEqual({ dismissed: false, shown: true });

  // Help › Getting Started shows it again, its heading in focus; Dismiss hides it and gives the text the focus.
  await parley.menuCommand('getting-started');
  await expect(welcome(next)).toBeVisible();
  await expect(welcome(next).getByRole('heading', { name: 'Where to start' })).toBeFocused();
  await welcome(next).getByRole('button', { name: 'Dismiss' }).click();
  await expect(welcome(next)).toHaveCount(0);
  await expect(next.locator('.reading')).toBeFocused();
  expect(await settingsNow()).toEqual({ dismissed: true, shown: true });

  next = await parley.reload();
  await expect(next.locator('.doc-text')).toContainText('Lugovoy');
  await expect(welcome(next)).toHaveCount(0);
});

test("the welcome's Compare and Import buttons run those commands", async ({ parley }) => {
  const { page } = parley;
  const card = welcome(page);
  await expect(card).toBeVisible();
  await card.getByRole('button', { name: 'See the sides side by side' }).click();
  await expect(page.getByRole('tab', { name: 'Compare' })).toHaveAttribute('aria-selected', 'true');
  // The card belongs to the reading view: not shown over the comparison, back with the text.
  await expect(card).toHaveCount(0);
  await page.getByRole('tab', { name: 'Reading' }).click();
  await expect(card).toBeVisible();

  parley.importPaths = [
    await parley.writeFile('talks.txt', 'Talks in Moscow\n\nA short text written for this test.'),
  ];
  await card.getByRole('button', { name: 'Choose a file…' }).click();
  await expect(page.locator('.doc-text')).toContainText('A short text written for this test.');
});

test('in an 800×700 window the welcome leaves the start of the text in view', async ({ parley }) => {
  const { page } = parley;
  await page.setViewportSize({ width: 800, height: 700 });
  await expect(welcome(page)).toBeVisible();
  const firstParagraph = page.locator('.doc-text [data-start]').first();
  await expect(firstParagraph).toContainText('Russian Foreign Minister');
  const box = (await firstParagraph.boundingBox())!;
  const viewport = page.viewportSize()!;
  // At least its first line is on the screen without scrolling, above the status bar at the window's foot.
  const statusTop = (await page.locator('.notices').boundingBox())?.y ?? viewport.height;
  expect(box.y + 24).toBeLessThanOrEqual(Math.min(statusTop, viewport.height));
});
