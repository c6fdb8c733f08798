// Status messages as a reader meets them: a passing message leaves after a few seconds (held while the pointer is
// over it), an error stays longer, a deletion's Undo stays until it is taken or dismissed, and the status bar sits
// at the foot of the window, outside the reading column, so no message covers the text. Time is the page's fake
// clock, installed before the page loads: nothing here waits for real seconds.
import type { Page } from '@playwright/test';
import { expect, selectPhrase, test, type Parley } from './harness';

const TITLE = 'Miliband: bilateral differences will not obscure our relationship';
const EXTRADITION = 'his extradition to UK is absolutely out of the question';

/** A page on the sample whose timers run on Playwright's clock (installed before it loads). */
async function pageWithClock(parley: Parley): Promise<Page> {
  await parley.page.clock.install();
  const page = await parley.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  return page;
}

test('a passing message leaves after a few seconds, waits while the pointer is on it, and can be dismissed', async ({
  parley,
}) => {
  const page = await pageWithClock(parley);
  const status = page.locator('.notice[role=status]');
  await expect(status).toHaveAttribute('aria-live', 'polite');

  await parley.menuCommand('export-csv');
  await expect(status).toHaveText(/^Exported the highlights as CSV to /);
  await page.clock.fastForward(4_000);
  await expect(status).toHaveText(/^Exported the highlights as CSV to /);
  await page.clock.fastForward(1_500);
  await expect(status).toBeEmpty();

  // The pointer on the message holds it; once the pointer leaves it goes a little later.
  await parley.menuCommand('export-csv');
  await expect(status).toHaveText(/^Exported the highlights as CSV to /);
  await status.hover();
  await page.clock.fastForward(30_000);
  await expect(status).toHaveText(/^Exported the highlights as CSV to /);
  await page.mouse.move(5, 300);
  await page.clock.fastForward(3_000);
  await expect(status).toBeEmpty();

  // Dismissed at once, by its button.
  await parley.menuCommand('export-csv');
  await expect(status).toHaveText(/^Exported the highlights as CSV to /);
  await page.getByRole('button', { name: 'Dismiss message' }).click();
  await expect(status).toBeEmpty();
  await expect(page.getByRole('button', { name: 'Dismiss message' })).toHaveCount(0);
});

test('an error stays longer than a message, and until dismissed while focus is on it', async ({ parley }) => {
  const page = await pageWithClock(parley);
  const alert = page.getByRole('alert');

  parley.failNext('saveCsv', 'The disk is full.');
  await parley.menuCommand('export-csv');
  await expect(alert).toHaveText('The disk is full.');
  await page.clock.fastForward(8_000);
  await expect(alert).toHaveText('The disk is full.');
  await page.clock.fastForward(5_000);
  await expect(alert).toBeEmpty();

  // Focus on its Dismiss button holds it; the button takes it away.
  parley.failNext('saveCsv', 'The disk is still full.');
  await parley.menuCommand('export-csv');
  await expect(alert).toHaveText('The disk is still full.');
  const dismiss = page.getByRole('button', { name: 'Dismiss error' });
  await dismiss.focus();
  await page.clock.fastForward(60_000);
  await expect(alert).toHaveText('The disk is still full.');
  await page.keyboard.press('Enter');
  await expect(alert).toBeEmpty();
  // Focus goes back to the text, not to nothing.
  await expect(page.locator('.reading')).toBeFocused();
});

test('the Undo offered after a deletion stays until taken; a newer message replaces it', async ({
  parley,
}) => {
  const page = await pageWithClock(parley);
  const status = page.locator('.notice[role=status]');

  await selectPhrase(page, EXTRADITION);
  await page.keyboard.press('h');
  const editor = page.getByRole('dialog', { name: 'Highlight' });
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toBeHidden();
  const card = page.getByRole('article', { name: /^Note on “his extradition/ });
  await card.getByRole('button', { name: 'Delete' }).click();
  await card.getByRole('button', { name: 'Delete highlight' }).click();
  await expect(card).toHaveCount(0);

  await expect(status).toHaveText(/^Deleted the highlight on “his extradition/);
  const undo = page.locator('.notices').getByRole('button', { name: 'Undo', exact: true });
  await page.clock.fastForward(120_000);
  await expect(status).toHaveText(/^Deleted the highlight on “his extradition/);
  await expect(undo).toBeVisible();

  await undo.click();
  await expect(card).toBeVisible();
  // The newer message takes its place, without the offer, and passes as any message does.
  await expect(status).toHaveText(/^Undone/);
  await expect(undo).toHaveCount(0);
  await page.clock.fastForward(5_500);
  await expect(status).toBeEmpty();
});

for (const size of [
  { width: 1280, height: 800 },
  { width: 800, height: 700 },
]) {
  test(`at ${size.width}×${size.height} the status bar sits below the text and never covers it`, async ({
    parley,
  }) => {
    const { page } = parley;
    await page.setViewportSize(size);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
    const bar = page.getByRole('region', { name: 'Status' });
    const before = await bar.boundingBox();

    await parley.menuCommand('export-csv');
    const status = page.locator('.notice[role=status]');
    await expect(status).toHaveText(/^Exported the highlights as CSV to /);
    const box = (await bar.boundingBox())!;
    // A strip along the foot of the window, the same whether or not it has something to say.
    expect(box).toEqual(before);
    expect(box.x).toBe(0);
    expect(box.width).toBe(size.width);
    expect(Math.round(box.y + box.height)).toBe(size.height);
    const message = (await status.boundingBox())!;
    expect(message.y).toBeGreaterThanOrEqual(box.y);
    expect(message.y + message.height).toBeLessThanOrEqual(box.y + box.height + 0.5);
    // Opaque: what scrolls behind it is hidden, never drawn over.
    const background = await bar.evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(background).toMatch(/^rgb\(/);

    // Scrolled to the end, the last line of the text is above the bar, where it can be read.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const last = (await page.locator('.doc-text > :last-child').boundingBox())!;
    expect(last.y + last.height).toBeLessThanOrEqual(box.y);

    // A side panel ends above the bar, so neither hides the other.
    await page.keyboard.press('Control+f');
    const panel = (await page.locator('.side-panel').boundingBox())!;
    expect(panel.y + panel.height).toBeLessThanOrEqual(box.y);
  });
}
