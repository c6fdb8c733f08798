// Parallel accounts as a reader works them: the sample (RT's report) and a second account of the same talks (an
// FCO transcript written for the tests, test/fixtures/accounts/) grouped as an event from the library; read side
// by side, a shared statement level in both columns, the columns scrolling together; an omission followed to the
// account that gives it; a highlight's "also in" opening the other account there with the differences marked; the
// comparison by account; the Markdown export. Every step is a click or a key, as a person would.
import type { Locator, Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { dropFiles, expect, selectPhrase, test } from './harness';

const fixture = (name: string) =>
  readFile(new URL(`../fixtures/accounts/moscow-2009/${name}`, import.meta.url), 'utf8');

const RT_TITLE = 'Miliband: bilateral differences will not obscure our relationship';
const FCO_TITLE = 'Joint press conference by the Foreign Secretary and the Russian Foreign Minister, Moscow';
const WIRE_TITLE = 'Russia rejects UK extradition call as Miliband visits Moscow';
const SHARED = 'We are not allowing bilateral differences to obscure bilateral strength';
const EVENT = 'Miliband and Lavrov in Moscow';

/** Imports the FCO transcript (and the wire story) by dropping them on the window, then opens the sample again. */
async function importAccounts(page: Page, withWire = false): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(RT_TITLE);
  await dropFiles(page, [{ name: 'fco-transcript.md', text: await fixture('fco-transcript.md') }]);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(FCO_TITLE);
  if (withWire) {
    await dropFiles(page, [{ name: 'wire.md', text: await fixture('wire.md') }]);
    await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(FCO_TITLE);
  }
  const library = page.getByRole('complementary', { name: 'Library' });
  await expect(library).toBeVisible();
  await library.getByRole('button', { name: new RegExp(`^${RT_TITLE}`) }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(RT_TITLE);
}

/** Groups documents (by title) as an event from the library's Events, through the dialog. */
async function groupAsEvent(page: Page, titles: string[], name = EVENT, date = '2009-11-02'): Promise<void> {
  const library = page.getByRole('complementary', { name: 'Library' });
  await library.getByRole('button', { name: 'Group as Accounts of One Event…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Group as accounts of one event' });
  await expect(dialog.getByRole('textbox', { name: 'Name of the event' })).toBeFocused();
  await dialog.getByRole('textbox', { name: 'Name of the event' }).fill(name);
  await dialog.getByLabel('Date (optional)').fill(date);
  // The open document is ticked already.
  await expect(dialog.getByRole('checkbox', { name: new RegExp(`^${RT_TITLE}`) })).toBeChecked();
  for (const title of titles) await dialog.getByRole('checkbox', { name: new RegExp(`^${title}`) }).check();
  await dialog.getByRole('button', { name: 'Group' }).click();
  await expect(dialog).toHaveCount(0);
}

function column(page: Page, label: string): Locator {
  return page.getByRole('region', { name: `Text of ${label}` });
}

/** The viewport top of a statement's first element in a column. */
async function statementTop(page: Page, label: string, words: string): Promise<number> {
  const button = column(page, label).getByRole('button', { name: new RegExp(`^${words}`) });
  return (await button.boundingBox())!.y;
}

test('group two accounts, read them side by side and level, follow an omission and an also-in, compare by account and export', async ({
  parley,
}) => {
  const { page } = parley;
  await importAccounts(page);

  // A highlight on the sample, with a topic, for "also in" and the comparison by account.
  await selectPhrase(page, SHARED);
  await page.keyboard.press('h');
  const editor = page.getByRole('dialog', { name: 'Highlight' });
  await editor.getByRole('combobox', { name: 'Topics' }).fill('relations');
  await editor.getByRole('combobox', { name: 'Topics' }).press('Enter');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toHaveCount(0);
  const card = page
    .getByRole('complementary', { name: 'Notes' })
    .getByRole('article', { name: /^Note on “We are not/ });
  await expect(card).toBeVisible();
  // Not an account of any event yet: no "also in".
  await expect(card.getByText('Also in:')).toHaveCount(0);

  // Group: the library lists the event with its accounts, and the accounts show side by side.
  await groupAsEvent(page, [FCO_TITLE]);
  await expect(page.getByRole('tab', { name: 'Accounts' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab', { name: 'Accounts' })).toBeFocused();
  const events = page.getByRole('list', { name: 'Events' });
  await expect(
    events.getByRole('button', { name: `Read the accounts of “${EVENT}” side by side` }),
  ).toContainText('2 November 2009 · 2 accounts');
  await expect(page.getByRole('list', { name: `Accounts of “${EVENT}”` }).getByRole('button')).toHaveText([
    'RT',
    'FCO',
  ]);
  await expect(page.getByRole('heading', { level: 2, name: 'RT', exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'FCO', exact: true })).toBeVisible();
  await expect(column(page, 'RT')).toContainText('Miliband');
  await expect(column(page, 'FCO')).toContainText('FOREIGN SECRETARY');

  // A shared statement, chosen in one column, is level in both; its wordings are set word against word.
  const rtShared = column(page, 'RT').getByRole('button', {
    name: /^We are not allowing bilateral differences/,
  });
  const fcoShared = column(page, 'FCO').getByRole('button', {
    name: /^We are not allowing bilateral differences/,
  });
  await expect(rtShared).toHaveAccessibleName(/also in FCO ¶8, wording differs/);
  await rtShared.click();
  await expect(rtShared).toHaveAttribute('aria-pressed', 'true');
  await expect(fcoShared).toHaveAttribute('aria-pressed', 'true');
  await expect
    .poll(async () =>
      Math.abs(
        (await statementTop(page, 'RT', 'We are not allowing')) -
          (await statementTop(page, 'FCO', 'We are not allowing')),
      ),
    )
    .toBeLessThan(2);
  const wording = page.getByRole('region', { name: 'Wording' });
  await expect(wording).toContainText('RT ¶5');
  await expect(wording).toContainText('FCO ¶8');
  await expect(wording.locator('ins').first()).toBeVisible();
  // The words FCO gives that RT does not are marked in its column too.
  await expect(fcoShared.locator('ins.statement__differs').first()).toBeVisible();

  // Scrolling one column scrolls the other, the wheel and the keyboard alike.
  const rtBefore = await column(page, 'RT').evaluate((el) => el.scrollTop);
  const fcoBefore = await column(page, 'FCO').evaluate((el) => el.scrollTop);
  await column(page, 'FCO').hover();
  await page.mouse.wheel(0, 400);
  await expect
    .poll(() => column(page, 'FCO').evaluate((el) => el.scrollTop))
    .toBeGreaterThan(fcoBefore + 100);
  await expect.poll(() => column(page, 'RT').evaluate((el) => el.scrollTop)).toBeGreaterThan(rtBefore + 50);
  const rtAfterWheel = await column(page, 'RT').evaluate((el) => el.scrollTop);
  await column(page, 'RT').focus();
  await page.keyboard.press('PageUp');
  await page.keyboard.press('PageUp');
  await expect.poll(() => column(page, 'RT').evaluate((el) => el.scrollTop)).toBeLessThan(rtAfterWheel);
  await expect.poll(() => column(page, 'FCO').evaluate((el) => el.scrollTop)).toBeLessThan(fcoBefore + 100);

  // Omissions: RT does not give FCO's "Our request stands"; following it lands on FCO's statement.
  const omits = page.locator('.accounts__omits').first();
  await omits.getByText(/^Omits \d+ statements the others give$/).click();
  const missing = omits.getByRole('list', { name: 'Statements not in RT' });
  await missing.getByRole('button', { name: /Our request stands/ }).click();
  const request = column(page, 'FCO').getByRole('button', { name: /^Our request stands/ });
  await expect(request).toBeFocused();
  await expect(request).toHaveAttribute('aria-pressed', 'true');
  await expect(request).toBeInViewport();
  await expect(wording).toContainText('Not in RT.');

  // "Also in" on the highlight's card opens the other account there, the differences marked.
  await page.getByRole('tab', { name: 'Reading' }).click();
  await expect(
    card.getByRole('button', { name: 'Also in FCO ¶8 (wording differs): open it side by side' }),
  ).toBeVisible();
  await expect(card.getByRole('list', { name: 'Also in:' }).getByRole('listitem')).toHaveText([
    'FCO ¶8 (wording differs)',
  ]);
  await card.getByRole('button', { name: /^Also in FCO ¶8/ }).click();
  await expect(page.getByRole('tab', { name: 'Accounts' })).toHaveAttribute('aria-selected', 'true');
  await expect(fcoShared).toBeFocused();
  await expect(fcoShared).toHaveAttribute('aria-pressed', 'true');
  await expect(fcoShared).toBeInViewport();
  await expect(wording).toContainText('Your highlight in RT against FCO ¶8');
  await expect(wording.locator('ins', { hasText: 'of our relationship' })).toBeVisible();

  // The comparison, one column per account instead of per party.
  await page.getByRole('tab', { name: 'Compare' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Comparison' })).toBeVisible();
  await page
    .getByRole('combobox', { name: 'Columns' })
    .selectOption({ label: `One per account of “${EVENT}”` });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Comparison by account: ${EVENT}`);
  const table = page.getByRole('table');
  await expect(table.getByRole('columnheader')).toHaveText(['Topic', 'RT', 'FCO']);
  const row = table.getByRole('row', { name: /relations/ });
  await expect(row.getByRole('cell').first()).toContainText(SHARED);
  await expect(row.getByRole('cell').nth(1)).toContainText('No passage');

  // The export, from the toolbar's Export menu: the aligned statements as a Markdown table.
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Accounts of an event (Markdown tables)…' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Exported the accounts of' })).toContainText(
    `Exported the accounts of “${EVENT}” to`,
  );
  const markdown = await readFile(parley.exportPaths.at(-1)!, 'utf8');
  expect(markdown).toContain('| RT | FCO |');
  expect(markdown).toMatch(
    /\| “We are not allowing bilateral differences to obscure bilateral strength[^|]*\| “We are not allowing/,
  );
  expect(markdown).toContain('| | “Our request stands”');
});

test('an event is renamed, re-dated, given a third account and deleted from the library, each undone', async ({
  parley,
}) => {
  const { page } = parley;
  await importAccounts(page, true);
  await groupAsEvent(page, [FCO_TITLE], 'Moscow talks', '');
  const library = page.getByRole('complementary', { name: 'Library' });
  const events = library.getByRole('list', { name: 'Events' });
  await expect(
    events.getByRole('button', { name: 'Read the accounts of “Moscow talks” side by side' }),
  ).toContainText('2 accounts');

  // Change: a name, a date and the wire story as a third account; three columns.
  await events.getByRole('button', { name: 'Change “Moscow talks”' }).click();
  const dialog = page.getByRole('dialog', { name: 'Change the event “Moscow talks”' });
  await dialog.getByRole('textbox', { name: 'Name of the event' }).fill(EVENT);
  await dialog.getByLabel('Date (optional)').fill('2009-11-02');
  await dialog.getByRole('checkbox', { name: new RegExp(`^${WIRE_TITLE}`) }).check();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(
    events.getByRole('button', { name: `Read the accounts of “${EVENT}” side by side` }),
  ).toContainText('2 November 2009 · 3 accounts');
  expect(parley.store.data.events[0]!.documentIds).toHaveLength(3);
  await events.getByRole('button', { name: `Read the accounts of “${EVENT}” side by side` }).click();
  await expect(page.locator('.accounts__head h2')).toHaveText(['RT', 'FCO', 'Wire']);
  await expect(column(page, 'Wire')).toContainText('Lugovoy');

  // A statement all three give is level in all three.
  const position = column(page, 'Wire').getByRole('button', { name: /^Our position has not changed/ });
  await position.click();
  await expect
    .poll(async () => {
      const tops = await Promise.all(
        ['RT', 'FCO', 'Wire'].map((label) => statementTop(page, label, 'Our position')),
      );
      return Math.max(...tops) - Math.min(...tops);
    })
    .toBeLessThan(2);

  // Undo takes the change back: two accounts, the old name.
  await page.getByRole('button', { name: 'Undo Edit event' }).click();
  await expect(
    events.getByRole('button', { name: 'Read the accounts of “Moscow talks” side by side' }),
  ).toContainText('2 accounts');
  await expect(page.locator('.accounts__head h2')).toHaveText(['RT', 'FCO']);

  // Delete: gone from the library and the view; the notice's Undo brings it back; no document is touched.
  await events.getByRole('button', { name: 'Delete the event “Moscow talks”' }).click();
  await expect(events).toHaveCount(0);
  await expect(page.getByText('No events yet.')).toBeVisible();
  expect(parley.store.data.documents).toHaveLength(3);
  await page.locator('.notices').getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(
    events.getByRole('button', { name: 'Read the accounts of “Moscow talks” side by side' }),
  ).toBeVisible();
  await expect(page.locator('.accounts__head h2')).toHaveText(['RT', 'FCO']);
});

test('grouping asks for a name and two accounts, and says so in the dialog', async ({ parley }) => {
  const { page } = parley;
  await importAccounts(page);
  const library = page.getByRole('complementary', { name: 'Library' });
  await library.getByRole('button', { name: 'Group as Accounts of One Event…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Group as accounts of one event' });
  await dialog.getByRole('button', { name: 'Group' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('An event needs a name.');
  await dialog.getByRole('textbox', { name: 'Name of the event' }).fill(EVENT);
  await dialog.getByRole('button', { name: 'Group' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(
    'Tick at least two documents: the accounts to read side by side.',
  );
  expect(parley.store.data.events).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  expect(parley.store.data.events).toEqual([]);
});

test('the keyboard alone groups the accounts and brings a statement level', async ({ parley }) => {
  const { page } = parley;
  await importAccounts(page);
  // The command palette runs the grouping; the dialog is worked with Tab, Space and Enter.
  await page.keyboard.press('Control+Shift+P');
  await page.keyboard.type('Group as accounts');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Group as accounts of one event' });
  await expect(dialog.getByRole('textbox', { name: 'Name of the event' })).toBeFocused();
  await page.keyboard.type(EVENT);
  const fco = dialog.getByRole('checkbox', { name: new RegExp(`^${FCO_TITLE}`) });
  for (let i = 0; i < 8 && !(await fco.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(fco).toBeFocused();
  await page.keyboard.press('Space');
  await expect(fco).toBeChecked();
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('tab', { name: 'Accounts' })).toBeFocused();

  // Tab goes on through the view's controls to the columns and the statements in them.
  const target = column(page, 'RT').getByRole('button', {
    name: /^We are not allowing bilateral differences/,
  });
  for (let i = 0; i < 60 && !(await target.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(target).toHaveAttribute('aria-pressed', 'true');
  await expect
    .poll(async () =>
      Math.abs(
        (await statementTop(page, 'RT', 'We are not allowing')) -
          (await statementTop(page, 'FCO', 'We are not allowing')),
      ),
    )
    .toBeLessThan(2);
});

test('the Accounts tab shows with the accounts, and the toolbar still fits one row', async ({ parley }) => {
  const { page } = parley;
  await importAccounts(page);
  const tabs = page.getByRole('tablist', { name: 'View' }).getByRole('tab');
  await expect(tabs).toHaveText(['Reading', 'Compare']);
  await groupAsEvent(page, [FCO_TITLE]);
  await expect(tabs).toHaveText(['Reading', 'Compare', 'Accounts']);
  for (const width of [1280, 1024, 800, 720]) {
    await page.setViewportSize({ width, height: 800 });
    await expect
      .poll(async () => (await page.locator('.toolbar').boundingBox())?.height)
      .toBeLessThanOrEqual(48);
    const rights = await page.evaluate(() =>
      [...document.querySelectorAll('.toolbar button, .toolbar select, .toolbar [role=status]')].flatMap(
        (el) => {
          const box = el.getBoundingClientRect();
          return box.width > 0 ? [box.right] : [];
        },
      ),
    );
    expect(Math.max(...rights), `toolbar at ${width} px`).toBeLessThanOrEqual(width);
  }
  // The arrow keys go round the three tabs; back in the text, the tab gives its room back.
  await page.getByRole('tab', { name: 'Accounts' }).press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Reading' })).toBeFocused();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(RT_TITLE);
  await expect(tabs).toHaveText(['Reading', 'Compare']);
  // View › Accounts Side by Side (here from the palette) brings it back.
  await page.keyboard.press('Control+Shift+P');
  await page.keyboard.type('Accounts Side by Side');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tab', { name: 'Accounts' })).toHaveAttribute('aria-selected', 'true');
  await expect(column(page, 'FCO')).toContainText('FOREIGN SECRETARY');
});
