// Reading and highlighting with the keyboard alone: the sentence cursor (J, K, with Shift to grow the selection,
// Shift and the arrows to trim it), caret browsing (F7), H on what they selected, Ctrl+Enter saving from any field of the editor, Ctrl+A
// then H refused with a reason, and Enter on a focused note opening its editor. Every step is a key press; the
// page is only read.
import type { Page } from '@playwright/test';
import { expect, test } from './harness';

const TITLE = 'Miliband: bilateral differences will not obscure our relationship';
const LUGOVOY_SENTENCE =
  'The Foreign Ministers of Russia and the UK have discussed non-proliferation, the Middle East, and the ' +
  'extradition request for Andrey Lugovoy at a meeting in Moscow.';

const selected = (page: Page) => page.evaluate(() => document.getSelection()?.toString() ?? '');

/** Presses `key` until the selection passes `until`, as a reader does, at most `limit` times. */
async function pressUntil(
  page: Page,
  key: string,
  until: (text: string) => boolean,
  limit = 40,
): Promise<string> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(key);
    const text = await selected(page);
    if (until(text)) return text;
  }
  throw new Error(`${key} never reached the sentence; the selection is “${await selected(page)}”`);
}

/** Presses Tab until the focused element matches `selector`. */
async function tabTo(page: Page, selector: string, limit = 20): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

test('J reaches a sentence, H highlights exactly it, and Ctrl+Enter in the note saves', async ({
  parley,
}) => {
  const { page } = parley;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  // The reader puts focus in the article (as after closing a dialog); from here on, only keys.
  await page.locator('.reading').focus();

  const sentence = await pressUntil(page, 'j', (text) => text.includes('Lugovoy'));
  expect(sentence).toBe(LUGOVOY_SENTENCE);
  // The selection is the page's own: the Highlight button shows beside it.
  await expect(page.getByRole('button', { name: 'Highlight', exact: true })).toBeVisible();

  await page.keyboard.press('h');
  const editor = page.getByRole('dialog', { name: 'Highlight' });
  await expect(editor).toBeVisible();
  await expect(editor.locator('.editor__quote')).toHaveText(LUGOVOY_SENTENCE);
  await tabTo(page, 'textarea');
  await page.keyboard.type('Written for this test: the request is named at the start.');
  await page.keyboard.press('Control+Enter');
  await expect(editor).toHaveCount(0);

  const saved = parley.store.data.annotations;
  expect(saved).toHaveLength(1);
  expect(saved[0]!.target.exact).toBe(LUGOVOY_SENTENCE);
  expect(saved[0]!.note).toBe('Written for this test: the request is named at the start.');
  await expect(page.locator('.margin .card')).toHaveCount(1);
  await expect(page.locator('.margin .card')).toContainText('the request is named at the start');
});

test('K goes back, sentences end inside a paragraph, Shift+J and Shift+K grow the selection, Shift+← trims it', async ({
  parley,
}) => {
  const { page } = parley;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await page.locator('.reading').focus();

  // A paragraph of two sentences: “Our position has not changed,” … at a news conference. “I believe …”
  const first = await pressUntil(page, 'j', (text) => text.startsWith('“Our position'));
  expect(first).toBe('“Our position has not changed,” Sergey Lavrov said at a news conference.');
  expect(await pressUntil(page, 'j', () => true, 1)).toMatch(
    /^“I believe our British colleagues .* unrealistic\.”$/,
  );
  expect(await pressUntil(page, 'k', () => true, 1)).toBe(first);

  // Shift+J adds the next sentence; Shift+K the one before; neither leaves the other end.
  const grown = await pressUntil(page, 'Shift+J', () => true, 1);
  expect(grown).toMatch(/^“Our position has not changed,” .* absolutely unrealistic\.”$/);
  const back = await pressUntil(page, 'Shift+K', () => true, 1);
  expect(back).toMatch(/^Speaking about the notorious Lugovoy case, .* absolutely unrealistic\.”$/s);

  // K from there selects the sentence before the selection; J the one after it; back to the first with K.
  expect(await pressUntil(page, 'k', () => true, 1)).toMatch(/^He also said Russia would like/);
  expect(await pressUntil(page, 'j', () => true, 1)).toMatch(/^Speaking about the notorious Lugovoy case/);
  expect(await pressUntil(page, 'j', () => true, 1)).toBe(first);
  // Shift+← moves the selection's end back by a character, Ctrl+Shift+← by a word.
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Shift+ArrowLeft');
  expect(await selected(page)).toBe('“Our position has not changed,” Sergey Lavrov said at a news conferenc');
  await page.keyboard.press('Control+Shift+ArrowLeft');
  expect(await selected(page)).toBe('“Our position has not changed,” Sergey Lavrov said at a news ');
  await page.keyboard.press('h');
  const editor = page.getByRole('dialog', { name: 'Highlight' });
  await expect(editor.locator('.editor__quote')).toHaveText(
    '“Our position has not changed,” Sergey Lavrov said at a news',
  );
  await page.keyboard.press('Escape');
  await expect(editor).toHaveCount(0);
});

test('F7 shows a caret in the text; the arrows move it, Shift selects, H highlights what it selected', async ({
  parley,
}) => {
  const { page } = parley;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  const caret = page.locator('.reading-caret');
  await expect(caret).toHaveCount(0);
  await page.keyboard.press('F7');
  await expect(page.getByText(/^Caret browsing is on/)).toBeVisible();
  // The caret starts at the first sentence in view: the article's first.
  await expect(caret).toBeVisible();
  const startX = (await caret.boundingBox())!.x;
  for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await caret.boundingBox())?.x ?? 0).toBeGreaterThan(startX + 20);
  expect(await selected(page)).toBe('');
  for (let i = 0; i < 7; i++) await page.keyboard.press('Shift+ArrowRight');
  expect(await selected(page)).toBe('Foreign');
  await expect(caret).toBeHidden();
  await page.keyboard.press('h');
  const editor = page.getByRole('dialog', { name: 'Highlight' });
  await expect(editor.locator('.editor__quote')).toHaveText('Foreign');
  await page.keyboard.press('Escape');
  await expect(editor).toHaveCount(0);

  // ArrowDown moves the caret a line down instead of scrolling; F7 again turns it off.
  await page.locator('.reading').focus();
  await page.keyboard.press('ArrowRight');
  await expect(caret).toBeVisible();
  const lineY = (await caret.boundingBox())!.y;
  await page.keyboard.press('ArrowDown');
  await expect.poll(async () => (await caret.boundingBox())?.y ?? 0).toBeGreaterThan(lineY + 10);
  await page.keyboard.press('F7');
  await expect(page.getByText('Caret browsing is off.')).toBeVisible();
  await expect(caret).toHaveCount(0);
});

test('Ctrl+A then H does not offer to highlight the whole article, and says why', async ({ parley }) => {
  const { page } = parley;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await page.locator('.reading').focus();
  await page.keyboard.press('Control+a');
  // The document alone, from its title: nothing of the toolbar or the margin.
  const all = await selected(page);
  expect(all.length).toBeGreaterThan(3000);
  expect(all.startsWith(TITLE)).toBe(true);
  expect(all).not.toContain('Skip to the text');
  expect(all).not.toContain('Select a passage, then press H');
  // Nor the header's controls: a copy carries the document's words.
  expect(all).not.toContain('Edit details');
  const lastParagraph = await page.locator('.reading__text [data-start]').last().innerText();
  expect(all.trimEnd().endsWith(lastParagraph.trim())).toBe(true);
  await page.keyboard.press('h');
  await expect(
    page.getByText(/^The selection runs over \d+ paragraphs: a highlight holds at most 5 paragraphs/),
  ).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'Highlight' })).toHaveCount(0);
  expect(parley.store.data.annotations).toHaveLength(0);

  // A passage chosen after it is highlighted as usual.
  await page.keyboard.press('j');
  await page.keyboard.press('h');
  await expect(page.getByRole('dialog', { name: 'Highlight' })).toBeVisible();
});

/** J until the Lugovoy sentence, H, and the editor open on it. */
async function openEditorOnLugovoy(page: Page) {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await page.locator('.reading').focus();
  await pressUntil(page, 'j', (text) => text.includes('Lugovoy'));
  await page.keyboard.press('h');
  const editor = page.getByRole('dialog', { name: 'Highlight' });
  await expect(editor).toBeVisible();
  return editor;
}

test('Ctrl+Enter saves from the topic field and from the party list', async ({ parley }) => {
  const { page } = parley;
  const editor = await openEditorOnLugovoy(page);
  await tabTo(page, '[role=combobox]');
  // A topic made with Enter (the field's own choice), then Ctrl+Enter from the field itself.
  await page.keyboard.type('written for this test');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+Enter');
  await expect(editor).toHaveCount(0);
  await expect.poll(() => parley.store.data.annotations.length).toBe(1);

  await page.locator('.margin .card').getByRole('button', { name: 'Edit' }).focus();
  await page.keyboard.press('Enter');
  await expect(editor.getByRole('heading', { name: 'Edit highlight' })).toBeVisible();
  // The party, chosen with the arrow keys, then Ctrl+Enter from the list itself.
  await tabTo(page, 'select');
  await page.keyboard.press('ArrowDown');
  const party = await page.evaluate(() => (document.activeElement as HTMLSelectElement).value);
  expect(party).not.toBe('');
  await page.keyboard.press('Control+Enter');
  await expect(editor).toHaveCount(0);
  await expect.poll(() => parley.store.data.annotations[0]?.partyId).toBe(party);
});

test('Enter on a focused note opens its editor; Space brings its passage into view', async ({ parley }) => {
  const { page } = parley;
  const editor = await openEditorOnLugovoy(page);
  await tabTo(page, 'textarea');
  await page.keyboard.type('Written for this test.');
  await page.keyboard.press('Control+Enter');
  await expect(editor).toHaveCount(0);

  // Tab stops on the note in the margin (focus is on it once the editor closes, or Tab reaches it).
  const card = page.locator('.margin .card');
  await tabTo(page, '.margin .card');
  await expect(card).toBeFocused();
  await page.keyboard.press('Space');
  await expect(card).toHaveAttribute('aria-current', 'true');
  await expect(editor).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(editor.getByRole('heading', { name: 'Edit highlight' })).toBeVisible();
  await expect(editor.locator('.editor__quote')).toHaveText(LUGOVOY_SENTENCE);
  await expect(editor.getByRole('textbox', { name: 'Note (Markdown)' })).toHaveValue(
    'Written for this test.',
  );
});

test('the shortcuts dialog opens at its top, title in view, and lists the reading keys', async ({
  parley,
}) => {
  const { page } = parley;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await page.setViewportSize({ width: 800, height: 600 });
  await page.locator('.reading').focus();
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeInViewport();
  await expect(dialog.getByRole('heading', { name: 'Keyboard shortcuts' })).toBeInViewport();
  expect(await dialog.evaluate((el) => el.scrollTop)).toBe(0);
  for (const action of [
    'Select the next sentence of the text',
    'Extend the selection by the next sentence',
    'Save the highlight from any field of its editor',
    'Edit the highlight whose note is in focus',
  ]) {
    await expect(dialog.getByRole('cell', { name: action, exact: true })).toHaveCount(1);
  }
});

const AFTER_LUGOVOY =
  'When he met his Russian counterpart Sergey Lavrov, David Miliband said they wouldn’t try to paper over their ' +
  'differences, but would search for common ground.';

test('after a highlight is saved or cancelled, J goes on after its passage', async ({ parley }) => {
  const { page } = parley;
  const editor = await openEditorOnLugovoy(page);
  await tabTo(page, 'textarea');
  await page.keyboard.type('Written for this test');
  await page.keyboard.press('Control+Enter');
  await expect(editor).toHaveCount(0);
  await expect.poll(() => parley.store.data.annotations.length).toBe(1);
  // Focus is on the new note; J still reads on from the passage just highlighted.
  await page.keyboard.press('j');
  expect(await selected(page)).toBe(AFTER_LUGOVOY);

  // Cancelled: the same.
  await page.keyboard.press('k');
  expect(await selected(page)).toBe(LUGOVOY_SENTENCE);
  await page.keyboard.press('h');
  await expect(editor).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(editor).toHaveCount(0);
  await page.keyboard.press('j');
  expect(await selected(page)).toBe(AFTER_LUGOVOY);
});

test('with F7 on, saving puts the caret at the end of the highlight, and the keys go on from there', async ({
  parley,
}) => {
  const { page } = parley;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await page.keyboard.press('F7');
  await expect(page.getByText(/^Caret browsing is on/)).toBeVisible();
  await pressUntil(page, 'j', (text) => text.includes('Lugovoy'));
  await page.keyboard.press('h');
  const editor = page.getByRole('dialog', { name: 'Highlight' });
  await expect(editor).toBeVisible();
  await page.keyboard.press('Control+Enter');
  await expect(editor).toHaveCount(0);
  await expect.poll(() => parley.store.data.annotations.length).toBe(1);
  await expect(page.locator('.reading-caret')).toBeVisible();
  await expect(page.locator('.reading')).toBeFocused();
  // The caret sits after “Moscow.”: Shift+← selects the point; J goes on to the next sentence.
  await page.keyboard.press('Shift+ArrowLeft');
  expect(await selected(page)).toBe('.');
  await page.keyboard.press('j');
  expect(await selected(page)).toBe(AFTER_LUGOVOY);
});

test('in caret mode Shift+End selects to the end of the line, after Ctrl+→ too', async ({ parley }) => {
  const { page } = parley;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await page.keyboard.press('F7');
  await expect(page.locator('.reading-caret')).toBeVisible();
  await page.keyboard.press('Control+ArrowRight');
  await page.keyboard.press('Shift+End');
  const line = await selected(page);
  expect(line.length).toBeGreaterThan(10);
  expect('Russian Foreign Minister Sergey Lavrov has called his talks').toContain(line.trim().slice(0, 20));
  await page.keyboard.press('Shift+Home');
  expect((await selected(page)).length).toBeLessThan(line.length);
});

test('editing a highlight starts in its topic field, not on a topic’s remove button', async ({ parley }) => {
  const { page } = parley;
  const editor = await openEditorOnLugovoy(page);
  await expect(editor.getByRole('combobox', { name: 'Topics' })).toBeFocused();
  await page.keyboard.type('Written for this test');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+Enter');
  await expect(editor).toHaveCount(0);
  await expect.poll(() => parley.store.data.annotations[0]?.topicIds.length).toBe(1);

  await tabTo(page, '.margin .card');
  await page.keyboard.press('Enter');
  await expect(editor.getByRole('heading', { name: 'Edit highlight' })).toBeVisible();
  await expect(editor.getByRole('combobox', { name: 'Topics' })).toBeFocused();
  // Enter there does not remove the topic; saving keeps it.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+Enter');
  await expect(editor).toHaveCount(0);
  expect(parley.store.data.annotations[0]?.topicIds).toHaveLength(1);
});
