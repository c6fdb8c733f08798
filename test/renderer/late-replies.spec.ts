// Written for this project: a call's reply that reaches the page after later notebookChanged steps (here held back
// in the page by two seconds) does not undo what those steps put right, and deleting the open document opens the
// next one once. Real handlers, real notebook file; the calls are counted at the page's binding.
import type { Page } from '@playwright/test';
import { dropFiles, expect, selectPhrase, test } from './harness';
import { settled } from './calls';

const TITLE = 'Miliband: bilateral differences will not obscure our relationship';
const EXTRADITION = 'his extradition to UK is absolutely out of the question';

/** Holds back every reply on one channel by two seconds, after main has answered (and sent its step). */
async function delayReplies(page: Page, channel: string): Promise<void> {
  await page.evaluate((ch) => {
    const w = window as unknown as { __parleyInvoke: (c: string, a: unknown) => Promise<unknown> };
    const original = w.__parleyInvoke;
    w.__parleyInvoke = async (c: string, a: unknown) => {
      const reply = await original(c, a);
      if (c !== ch) return reply;
      await new Promise((done) => setTimeout(done, 2000));
      const held = window as unknown as { __lateReplies?: number };
      held.__lateReplies = (held.__lateReplies ?? 0) + 1;
      return reply;
    };
  }, channel);
}

/** Waits until a held-back reply has reached the page and the page has rendered what it did with it. */
async function afterLateReply(page: Page, count = 1): Promise<void> {
  await page.waitForFunction(
    (n) => ((window as unknown as { __lateReplies?: number }).__lateReplies ?? 0) >= n,
    count,
    { timeout: 10_000 },
  );
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
}

const history = (page: Page) => page.getByRole('group', { name: 'History' });
const cards = (page: Page) => page.getByRole('complementary', { name: 'Notes' }).getByRole('article');

test('a late delete reply does not take back the highlight its Undo restored', async ({ parley }) => {
  const { page } = parley;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await selectPhrase(page, EXTRADITION);
  await page.keyboard.press('h');
  const editor = page.getByRole('dialog', { name: 'Highlight' });
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toBeHidden();
  await expect(cards(page)).toHaveCount(1);
  await delayReplies(page, 'annotations:delete');

  const card = cards(page).first();
  await card.getByRole('button', { name: 'Delete' }).click();
  await card.getByRole('button', { name: 'Delete highlight' }).click();
  await history(page).getByRole('button', { name: 'Undo Delete highlight' }).click();
  await expect.poll(() => parley.store.data.annotations.length).toBe(1);
  await afterLateReply(page);
  await expect(cards(page)).toHaveCount(1);
  expect(parley.store.data.annotations).toHaveLength(1);
});

test('a late accept reply does not bring back the highlight Undo took away', async ({ parley }) => {
  const { page } = parley;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await page.getByRole('button', { name: 'Suggestions' }).click();
  const list = page
    .getByRole('complementary', { name: 'Suggestions' })
    .getByRole('listbox', { name: 'Suggested statements' });
  await expect(list).toBeFocused();
  await expect(list.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  await delayReplies(page, 'suggestions:accept');

  await page.keyboard.press('a');
  await history(page).getByRole('button', { name: 'Undo Highlight' }).click();
  await expect.poll(() => parley.store.data.annotations.length).toBe(0);
  await afterLateReply(page);
  await expect(cards(page)).toHaveCount(0);
  expect(parley.store.data.annotations).toHaveLength(0);
});

test('a late rename reply does not put back the title Undo restored', async ({ parley }) => {
  const { page } = parley;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await page.getByRole('button', { name: 'Library' }).click();
  const library = page.getByRole('complementary', { name: 'Library' });
  await delayReplies(page, 'documents:update');

  await library.getByRole('button', { name: `Rename “${TITLE}”` }).click();
  await library.getByRole('textbox', { name: `New title for “${TITLE}”` }).fill('Renamed for a while');
  await page.keyboard.press('Enter');
  // The step is in (the history names it) while the reply is still held back.
  await history(page).getByRole('button', { name: 'Undo Edit document details' }).click();
  await expect.poll(() => parley.store.data.documents[0]?.title).toBe(TITLE);
  await afterLateReply(page);
  await expect(library.getByRole('button', { name: new RegExp(`^${TITLE}`) })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await expect(page).toHaveTitle(new RegExp(`^${TITLE}`));
});

test('deleting the open document opens the next one once', async ({ parley }) => {
  const { page } = parley;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await page.getByRole('button', { name: 'Library' }).click();
  const library = page.getByRole('complementary', { name: 'Library' });
  await dropFiles(page, [{ name: 'zebra.md', text: '# Zebra crossings\n\nA paragraph about zebras.\n' }]);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Zebra crossings');
  await settled(parley);
  parley.calls.length = 0;

  await library.getByRole('button', { name: 'Delete “Zebra crossings”' }).click();
  await library
    .getByRole('group', { name: 'Delete “Zebra crossings”?' })
    .getByRole('button', { name: 'Delete' })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await settled(parley);
  console.log(`calls after deleting the open document: ${parley.calls.join(', ')}`);
  expect(parley.calls).toEqual(['documents:delete', 'documents:open']);
});

test('a late open reply does not bring back the highlight an Undo took away meanwhile', async ({
  parley,
}) => {
  const { page } = parley;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await dropFiles(page, [{ name: 'zebra.md', text: '# Zebra crossings\n\nA paragraph about zebras.\n' }]);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Zebra crossings');
  const switcher = page.getByRole('combobox', { name: 'Document' });
  await switcher.selectOption({ label: TITLE });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await selectPhrase(page, EXTRADITION);
  await page.keyboard.press('h');
  const editor = page.getByRole('dialog', { name: 'Highlight' });
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toBeHidden();
  await expect(cards(page)).toHaveCount(1);
  await switcher.selectOption({ label: 'Zebra crossings' });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Zebra crossings');
  await delayReplies(page, 'documents:open');

  await switcher.selectOption({ label: TITLE });
  await history(page).getByRole('button', { name: 'Undo Highlight' }).click();
  await expect.poll(() => parley.store.data.annotations.length).toBe(0);
  await afterLateReply(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await settled(parley);
  await expect(cards(page)).toHaveCount(0);
});
