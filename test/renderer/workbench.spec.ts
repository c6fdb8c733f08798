// The disagreement workbench driven as a researcher drives it: accept and dismiss suggested statements from the
// keyboard, say whose position a passage is and its stance, link passages and follow the links, keep the parties
// in order, and read the comparison, click through to the text and export it. Real handlers, real notebook file.
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { expect, highlightsCovering, phraseRect, selectPhrase, test, type Parley } from './harness';

const TITLE = 'Miliband: bilateral differences will not obscure our relationship';
const EXTRADITION = 'his extradition to UK is absolutely out of the question';
const LITVINENKO = 'The horrific murder of Mr. Litvinenko in 2006 has been followed up';
const DOCUMENTS = 'we have not received the full set of documents necessary to hold an investigation';
const LUGOVOY = 'he sees no obstacles for London to launch an investigation in Russia';

function notes(page: Page): Locator {
  return page.getByRole('complementary', { name: 'Notes' });
}

function card(page: Page, quoteStart: string): Locator {
  return notes(page).getByRole('article', { name: new RegExp(`^Note on “${escape(quoteStart)}`) });
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether the phrase is inside the visible part of the window, below the sticky toolbar. */
async function inView(page: Page, phrase: string): Promise<boolean> {
  const rect = await phraseRect(page, phrase);
  const toolbar = await page.locator('.toolbar').boundingBox();
  const height = page.viewportSize()!.height;
  return !!rect && !!toolbar && rect.top >= toolbar.y + toolbar.height && rect.bottom <= height;
}

interface Highlight {
  phrase: string;
  topics?: string[];
  party?: string;
  stance?: string;
  note?: string;
}

/** Select, press H, fill the editor and save: topics are picked when they exist and created when not. */
async function highlight(page: Page, { phrase, topics = [], party, stance, note }: Highlight) {
  await selectPhrase(page, phrase);
  await page.keyboard.press('h');
  const editor = page.getByRole('dialog', { name: 'Highlight' });
  await expect(editor).toBeVisible();
  for (const path of topics) {
    await editor.getByRole('combobox', { name: 'Topics' }).fill(path);
    await editor.getByRole('combobox', { name: 'Topics' }).press('Enter');
    await expect(editor.getByRole('button', { name: `Remove topic ${path}`, exact: true })).toBeVisible();
  }
  if (party) await editor.getByRole('combobox', { name: 'Party' }).selectOption({ label: party });
  if (stance) await editor.getByRole('combobox', { name: 'Stance' }).selectOption({ label: stance });
  if (note) await editor.getByRole('textbox', { name: 'Note (Markdown)' }).fill(note);
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toBeHidden();
}

function partyId(parley: Parley, name: string): string {
  const party = parley.store.data.parties.find((p) => p.name === name);
  if (!party) throw new Error(`no party named ${name}`);
  return party.id;
}

function stored(parley: Parley, phrase: string) {
  return parley.store.data.annotations.find((a) => a.target.exact.includes(phrase));
}

test('suggested statements: accept with A, edit with E, dismiss with D, accept the rest', async ({
  parley,
}) => {
  let page = parley.page;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  const russia = partyId(parley, 'Russia');

  await page.getByRole('button', { name: 'Suggestions' }).click();
  await expect(page.getByRole('button', { name: 'Suggestions' })).toHaveAttribute('aria-pressed', 'true');
  const panel = page.getByRole('complementary', { name: 'Suggestions' });
  const list = panel.getByRole('listbox', { name: 'Suggested statements' });
  await expect(list).toBeFocused();
  const options = list.getByRole('option');
  await expect(options.first()).toBeVisible();
  const total = await options.count();
  expect(total).toBeGreaterThan(3);
  // What the panel offers is what main suggests, in the same order.
  const expected = await page.evaluate(async () => {
    const [doc] = await window.parley.listDocuments();
    return window.parley.suggestStatements({ documentId: doc!.id });
  });
  expect(expected).toHaveLength(total);
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  // Every suggestion is painted faintly in the text; the one in focus, a little more.
  const firstQuote = expected[0]!.quote;
  await expect.poll(() => highlightsCovering(page, firstQuote)).toContain('parley-suggestion-active');
  const second = expected[1]!.quote;
  expect(await highlightsCovering(page, second)).toContain('parley-suggestion');

  /** Moves down the list with the arrow keys until the option holding `text` is the one in focus. */
  const focusOption = async (text: string) => {
    const target = options.filter({ hasText: text });
    await expect(target).toHaveCount(1);
    await page.keyboard.press('Home');
    for (let i = 0; i < total && (await target.getAttribute('aria-selected')) !== 'true'; i++) {
      await page.keyboard.press('ArrowDown');
    }
    await expect(target).toHaveAttribute('aria-selected', 'true');
    return target;
  };

  // Lavrov's "Our position has not changed": attributed to Russia; A accepts it as a highlight with that party.
  const position = await focusOption('Our position has not changed');
  await expect(position).toContainText('Russia');
  await expect(position).toContainText('Lavrov');
  const positionKey = expected.find((s) => s.quote.includes('Our position has not changed'))!;
  await expect.poll(() => inView(page, 'Our position has not changed')).toBe(true);
  await page.keyboard.press('a');
  await expect(options.filter({ hasText: 'Our position has not changed' })).toHaveCount(0);
  await expect(options).toHaveCount(total - 1);
  await expect(page.locator('.notice[role=status]')).toHaveText(/^Accepted “Our position has not changed/);
  await expect(list).toBeFocused();
  const accepted = parley.store.data.annotations.find((a) => a.target.start === positionKey.start)!;
  expect(accepted).toBeTruthy();
  expect(accepted.target.end).toBe(positionKey.end);
  expect(accepted.partyId).toBe(russia);
  expect(accepted.topicIds).toEqual([]);
  expect(accepted.note).toBe('');
  const acceptedCard = card(page, positionKey.quote.slice(0, 20));
  await expect(acceptedCard).toBeVisible();
  await expect(acceptedCard.getByText('Party: Russia')).toBeAttached();
  expect(await highlightsCovering(page, positionKey.quote)).toContain('parley-untagged');

  // D dismisses Lugovoy's retort for good.
  const retort = await focusOption('just more parroting');
  const retortKey = expected.find((s) => s.quote.includes('just more parroting'))!.key;
  await page.keyboard.press('d');
  await expect(retort).toHaveCount(0);
  await expect(options).toHaveCount(total - 2);
  await expect.poll(() => parley.store.data.dismissedSuggestions).toContain(retortKey);
  expect(parley.store.data.annotations).toHaveLength(1);

  // E accepts and opens the editor, with the party already chosen; set a stance and save.
  await focusOption('I believe our British colleagues');
  await page.keyboard.press('e');
  const editor = page.getByRole('dialog', { name: 'Highlight' });
  await expect(editor).toBeVisible();
  await expect(editor.getByRole('combobox', { name: 'Party' })).toHaveValue(russia);
  await editor.getByRole('combobox', { name: 'Stance' }).selectOption({ label: 'refusal' });
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toBeHidden();
  await expect(list).toBeFocused();
  const colleagues = stored(parley, 'I believe our British colleagues')!;
  expect(colleagues.partyId).toBe(russia);
  expect(colleagues.stance).toBe('refusal');
  await expect(card(page, 'I believe our British colleagues').getByText('refusal')).toBeVisible();
  await expect(options).toHaveCount(total - 3);

  // A dismissed statement is not offered again, even after the notebook is opened anew.
  page = await parley.reload();
  await page.getByRole('button', { name: 'Suggestions' }).click();
  const again = page.getByRole('listbox', { name: 'Suggested statements' }).getByRole('option');
  await expect(again).toHaveCount(total - 3);
  await expect(again.filter({ hasText: 'just more parroting' })).toHaveCount(0);

  // Accept all takes the rest, each with its party.
  const rest = await page.evaluate(async () => {
    const [doc] = await window.parley.listDocuments();
    return window.parley.suggestStatements({ documentId: doc!.id });
  });
  await page.getByRole('button', { name: 'Accept all' }).click();
  await expect(page.getByRole('complementary', { name: 'Suggestions' })).toContainText(
    'No more suggestions in this document.',
  );
  await expect(page.locator('.notice[role=status]')).toHaveText(`Accepted ${rest.length} suggestions.`);
  for (const suggestion of rest) {
    const made = parley.store.data.annotations.find(
      (a) => a.target.start === suggestion.start && a.target.end === suggestion.end,
    );
    expect(made?.partyId).toBe(suggestion.partyId);
  }
  expect(parley.store.data.annotations).toHaveLength(total - 1);

  // The toolbar button closes the panel, and the faint paint goes with it.
  await page.getByRole('button', { name: 'Suggestions' }).click();
  await expect(page.getByRole('complementary', { name: 'Suggestions' })).toHaveCount(0);
  expect(await page.evaluate(() => CSS.highlights.has('parley-suggestion'))).toBe(false);
});

test('the editor sets the party and the stance, and adds a stance of its own', async ({ parley }) => {
  const { page } = parley;
  await highlight(page, {
    phrase: EXTRADITION,
    topics: ['extradition'],
    party: 'Russia',
    stance: 'refusal',
    note: 'Ruled out.',
  });
  const extradition = card(page, 'his extradition to UK');
  await expect(extradition.locator('.chip--party')).toHaveText(/Russia/);
  await expect(extradition.getByText('Party: Russia')).toBeAttached();
  await expect(extradition.getByText('refusal')).toBeVisible();
  await expect.poll(() => stored(parley, EXTRADITION)?.partyId).toBe(partyId(parley, 'Russia'));
  expect(stored(parley, EXTRADITION)?.stance).toBe('refusal');

  // The party select shows each party's colour beside it; "Add stance…" adds one to the notebook's list.
  await extradition.getByRole('button', { name: 'Edit' }).click();
  const editor = page.getByRole('dialog', { name: 'Highlight' });
  const partySelect = editor.getByRole('combobox', { name: 'Party' });
  await expect(partySelect).toHaveValue(partyId(parley, 'Russia'));
  await expect(partySelect.locator('option')).toHaveText(['None', 'United Kingdom (UK)', 'Russia']);
  const stance = editor.getByRole('combobox', { name: 'Stance' });
  await expect(stance).toHaveValue('refusal');
  await stance.selectOption({ label: 'Add stance…' });
  const fresh = editor.getByRole('textbox', { name: 'New stance' });
  await expect(fresh).toBeFocused();
  await fresh.fill('ultimatum');
  await fresh.press('Enter');
  await expect(fresh).toHaveCount(0);
  await expect(stance).toHaveValue('ultimatum');
  // Esc in the new-stance field closes the field, not the editor.
  await stance.selectOption({ label: 'Add stance…' });
  await editor.getByRole('textbox', { name: 'New stance' }).press('Escape');
  await expect(editor.getByRole('textbox', { name: 'New stance' })).toHaveCount(0);
  await expect(editor).toBeVisible();
  await partySelect.selectOption({ label: 'United Kingdom (UK)' });
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toBeHidden();
  await expect(extradition.getByText('ultimatum')).toBeVisible();
  await expect(extradition.locator('.chip--party')).toHaveText(/UK/);
  await expect.poll(() => stored(parley, EXTRADITION)?.stance).toBe('ultimatum');
  expect(stored(parley, EXTRADITION)?.partyId).toBe(partyId(parley, 'United Kingdom'));
  expect(parley.store.data.stances).toContain('ultimatum');

  // None clears both.
  await extradition.getByRole('button', { name: 'Edit' }).click();
  await partySelect.selectOption({ label: 'None' });
  await stance.selectOption({ label: 'None' });
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toBeHidden();
  await expect(extradition.locator('.chip--party')).toHaveCount(0);
  await expect.poll(() => stored(parley, EXTRADITION)?.partyId).toBeNull();
  expect(stored(parley, EXTRADITION)?.stance).toBeNull();
});

test('link two passages, follow the link both ways, across documents, and remove it', async ({ parley }) => {
  const { page } = parley;
  await highlight(page, { phrase: LITVINENKO, topics: ['extradition'], party: 'United Kingdom (UK)' });
  await highlight(page, { phrase: DOCUMENTS, topics: ['extradition'], party: 'Russia' });
  const uk = card(page, 'The horrific murder');
  const russia = card(page, 'we have not received');

  // Russia's answer rebuts the UK's claim: link from its card.
  await russia.getByRole('button', { name: 'Link…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Link passage' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('combobox', { name: 'Link type' }).selectOption({ label: 'rebuts' });
  await expect(dialog.getByRole('radio')).toHaveCount(1);
  await dialog.getByRole('searchbox', { name: 'Find a passage' }).fill('no such words');
  await expect(dialog.getByRole('radio')).toHaveCount(0);
  await dialog.getByRole('searchbox', { name: 'Find a passage' }).fill('litvinenko');
  await dialog.getByRole('radio', { name: /The horrific murder/ }).check();
  await dialog.getByRole('button', { name: 'Link', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect
    .poll(() => stored(parley, DOCUMENTS)?.links)
    .toEqual([{ type: 'rebuts', annotationId: stored(parley, LITVINENKO)!.id }]);

  // Both ends show it, each in its own words.
  const rebuts = russia.getByRole('button', { name: /^rebuts: “The horrific murder/ });
  const rebuttedBy = uk.getByRole('button', { name: /^rebutted by: “we have not received/ });
  await expect(rebuts).toBeVisible();
  await expect(rebuttedBy).toBeVisible();

  // Follow it from the UK's end: Russia's passage comes into view and is the active one.
  await page.evaluate(() => window.scrollTo(0, 0));
  await rebuttedBy.click();
  await expect(russia).toHaveAttribute('aria-current', 'true');
  await expect(russia).toBeFocused();
  await expect.poll(() => inView(page, DOCUMENTS)).toBe(true);
  expect(await highlightsCovering(page, DOCUMENTS)).toContain('parley-active');
  // And back.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await rebuts.click();
  await expect(uk).toHaveAttribute('aria-current', 'true');
  await expect.poll(() => inView(page, LITVINENKO)).toBe(true);
  expect(await highlightsCovering(page, LITVINENKO)).toContain('parley-active');

  // A passage in another document can answer this one; the link opens the document it needs.
  parley.importPaths.push(
    await parley.writeFile(
      'reply.md',
      '# The Foreign Office replies\n\nA spokesman said the papers had been sent in full in 2007 and again this year.\n',
    ),
  );
  await page.getByRole('button', { name: 'Import…' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('The Foreign Office replies');
  await highlight(page, { phrase: 'the papers had been sent in full', party: 'United Kingdom (UK)' });
  const reply = card(page, 'the papers had been sent');
  await reply.getByRole('button', { name: 'Link…' }).click();
  await dialog.getByRole('combobox', { name: 'Link type' }).selectOption({ label: 'answers' });
  await dialog.getByRole('searchbox', { name: 'Find a passage' }).fill('full set of documents');
  const choice = dialog.getByRole('radio', { name: /we have not received/ });
  await expect(choice).toHaveAccessibleName(new RegExp(escape(TITLE)));
  await choice.check();
  await dialog.getByRole('button', { name: 'Link', exact: true }).click();
  await expect(dialog).toBeHidden();
  const answers = reply.getByRole('button', {
    name: /^answers: “we have not received.*\(Miliband: bilateral/,
  });
  await expect(answers).toBeVisible();
  await answers.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await expect(russia).toHaveAttribute('aria-current', 'true');
  await expect.poll(() => inView(page, DOCUMENTS)).toBe(true);
  const answeredBy = russia.getByRole('button', {
    name: /^answered by: “the papers had been sent in full.*\(The Foreign Office replies\)$/,
  });
  await expect(answeredBy).toBeVisible();
  await answeredBy.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('The Foreign Office replies');
  await expect(reply).toHaveAttribute('aria-current', 'true');

  // Removing a link from either end removes it from both.
  await page.getByRole('combobox', { name: 'Document' }).selectOption({ label: TITLE });
  await russia.getByRole('button', { name: /^Remove link rebutted by|^Remove link rebuts/ }).click();
  await expect(russia.getByRole('button', { name: /^rebuts:/ })).toHaveCount(0);
  await expect(uk.getByRole('button', { name: /^rebutted by:/ })).toHaveCount(0);
  await expect.poll(() => stored(parley, DOCUMENTS)?.links).toEqual([]);
  await russia.getByRole('button', { name: /^Remove link answered by/ }).click();
  await expect(russia.getByRole('list', { name: 'Links' })).toHaveCount(0);
  await expect.poll(() => parley.store.data.annotations.every((a) => a.links.length === 0)).toBe(true);
});

test('parties: create, rename, merge and delete, and the passages stay', async ({ parley }) => {
  const { page } = parley;
  // Parties… is in the menu and the command palette (no longer the toolbar): opened here from the palette.
  const paletteButton = page.getByRole('button', { name: 'Commands' });
  const openParties = async () => {
    await paletteButton.click();
    await page.getByRole('combobox', { name: 'Command' }).fill('parties…');
    await page.keyboard.press('Enter');
  };
  await openParties();
  const dialog = page.getByRole('dialog', { name: 'Parties' });
  await expect(dialog).toBeVisible();
  const rows = dialog.getByRole('list', { name: 'Parties' }).getByRole('listitem');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('United Kingdom');
  await expect(rows.nth(0)).toContainText('David Miliband');
  await expect(rows.nth(1)).toContainText('Russia');
  await expect(rows.nth(1)).toContainText('Sergey Lavrov');

  // Create: a third side, with aliases typed as a comma-separated list.
  const form = dialog.getByRole('form', { name: 'New party' });
  await form.getByRole('button', { name: 'Add party' }).click();
  await expect(form.getByRole('alert')).toHaveText('A party needs a name.');
  await form.getByRole('textbox', { name: 'Name', exact: true }).fill('Lugovoy camp');
  await form.getByRole('textbox', { name: 'Short name' }).fill('AL');
  await form.getByRole('textbox', { name: 'Aliases' }).fill('Lugovoy,  Andrey Lugovoy, lugovoy');
  await form.getByRole('button', { name: 'Add party' }).click();
  const lugovoyRow = dialog.getByRole('listitem', { name: 'Lugovoy camp' });
  await expect(lugovoyRow).toBeVisible();
  await expect(form.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue('');
  const created = parley.store.data.parties.find((p) => p.name === 'Lugovoy camp')!;
  expect(created.short).toBe('AL');
  expect(created.aliases).toEqual(['Lugovoy', 'Andrey Lugovoy']);
  expect(created.colour).toMatch(/^#[0-9a-f]{6}$/);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await expect(paletteButton).toBeFocused();

  // A passage of Lugovoy's, with that party.
  await highlight(page, {
    phrase: LUGOVOY,
    topics: ['extradition'],
    party: 'Lugovoy camp (AL)',
    note: 'His *offer*.',
  });
  const lugovoy = card(page, 'he sees no obstacles');
  await expect(lugovoy.getByText('Party: Lugovoy camp')).toBeAttached();

  // Rename.
  await openParties();
  await expect(lugovoyRow).toContainText('1 passage');
  await lugovoyRow.getByRole('button', { name: 'Edit Lugovoy camp' }).click();
  const edit = dialog.getByRole('form', { name: 'Edit Lugovoy camp' });
  await expect(edit.getByRole('textbox', { name: 'Name', exact: true })).toBeFocused();
  await edit.getByRole('textbox', { name: 'Name', exact: true }).fill('Andrey Lugovoy and friends');
  await edit.getByRole('textbox', { name: 'Short name' }).fill('Lugovoy+');
  await edit.getByRole('textbox', { name: 'Aliases' }).fill('Lugovoy');
  await edit.getByRole('button', { name: 'Save' }).click();
  const renamed = dialog.getByRole('listitem', { name: 'Andrey Lugovoy and friends' });
  await expect(renamed).toBeVisible();
  await expect(renamed.getByRole('button', { name: 'Edit Andrey Lugovoy and friends' })).toBeFocused();
  await expect(
    card(page, 'he sees no obstacles').getByText('Party: Andrey Lugovoy and friends'),
  ).toBeAttached();

  // Merge into Russia: the passage moves with it, and the old names become Russia's aliases.
  await renamed.getByRole('button', { name: 'Merge Andrey Lugovoy and friends…' }).click();
  const mergeInto = renamed.getByRole('combobox', { name: 'Merge into' });
  await expect(mergeInto).toBeFocused();
  await mergeInto.selectOption({ label: 'Russia' });
  await renamed.getByRole('button', { name: 'Merge', exact: true }).click();
  await expect(renamed).toHaveCount(0);
  await expect(rows).toHaveCount(2);
  const russiaRow = dialog.getByRole('listitem', { name: 'Russia' });
  await expect(russiaRow).toContainText('Andrey Lugovoy and friends');
  await expect(russiaRow).toContainText('1 passage');
  const russiaId = partyId(parley, 'Russia');
  expect(stored(parley, LUGOVOY)?.partyId).toBe(russiaId);
  await expect(lugovoy.getByText('Party: Russia')).toBeAttached();

  // Delete Russia: asked first, and told its passages are kept.
  await russiaRow.getByRole('button', { name: 'Delete Russia' }).click();
  const question = russiaRow.getByRole('group', { name: 'Delete Russia?' });
  await expect(question).toContainText('Delete “Russia”? Its passage is kept, with no party.');
  await expect(question.getByRole('button', { name: 'Keep' })).toBeFocused();
  await question.getByRole('button', { name: 'Keep' }).click();
  await expect(russiaRow).toBeVisible();
  await russiaRow.getByRole('button', { name: 'Delete Russia' }).click();
  await question.getByRole('button', { name: 'Delete party' }).click();
  await expect(dialog.getByRole('listitem', { name: 'Russia' })).toHaveCount(0);
  await expect(rows).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  // The passage is still there, with its topic and note, and no party.
  await expect(lugovoy).toBeVisible();
  await expect(lugovoy.locator('.chip--party')).toHaveCount(0);
  await expect(lugovoy.locator('em')).toHaveText('offer');
  const kept = stored(parley, LUGOVOY)!;
  expect(kept.partyId).toBeNull();
  expect(kept.note).toBe('His *offer*.');
  expect(kept.topicIds).toHaveLength(1);
  expect(parley.store.data.parties.map((p) => p.name)).toEqual(['United Kingdom']);
});

test('the comparison: summary per topic, common ground, click through to the text, export', async ({
  parley,
}) => {
  const { page } = parley;
  await highlight(page, {
    phrase: LITVINENKO,
    topics: ['extradition'],
    party: 'United Kingdom (UK)',
    stance: 'demand',
    note: 'The UK case: the evidence was **sent**.',
  });
  await highlight(page, {
    phrase: EXTRADITION,
    topics: ['extradition'],
    party: 'Russia',
    stance: 'refusal',
    note: 'Ruled | out, flatly.',
  });
  await highlight(page, {
    phrase: 'Russia would like to see EU ratifying the Lisbon Treaty',
    topics: ['eu'],
    party: 'Russia',
    stance: 'proposal',
  });
  await highlight(page, {
    phrase: 'The documents define the common stance of Russia and the United Kingdom',
    topics: ['joint statements'],
    party: 'Russia',
    stance: 'agreement',
  });
  await highlight(page, {
    phrase: 'nor are we going to allow bilateral differences stand in our way of working together',
    topics: ['joint statements'],
    party: 'United Kingdom (UK)',
    stance: 'agreement',
  });

  // Keyboard: the view tabs move with the arrow keys. The reading view is left at the top of the article.
  await page.evaluate(() => window.scrollTo(0, 0));
  expect(await inView(page, EXTRADITION)).toBe(false);
  const reading = page.getByRole('tab', { name: 'Reading' });
  const compare = page.getByRole('tab', { name: 'Compare' });
  await expect(reading).toHaveAttribute('aria-selected', 'true');
  await reading.focus();
  await page.keyboard.press('ArrowRight');
  await expect(compare).toHaveAttribute('aria-selected', 'true');
  await expect(compare).toBeFocused();
  await expect(notes(page)).toBeHidden();

  const view = page.getByRole('tabpanel', { name: 'Compare' });
  const table = view.getByRole('table');
  await expect(table).toBeVisible();
  await expect(table.getByRole('columnheader')).toHaveText(['Topic', 'United Kingdom', 'Russia']);
  const extraditionRow = table
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: /^extradition/ }) });
  await expect(extraditionRow.getByRole('rowheader')).toContainText(
    'extradition: UK demand ↔ Russia refusal',
  );
  const cells = extraditionRow.getByRole('cell');
  await expect(cells).toHaveCount(2);
  await expect(cells.nth(0).getByRole('button')).toHaveAccessibleName(/^“?The horrific murder.*¶\d+$/);
  await expect(cells.nth(0)).toContainText('demand');
  await expect(cells.nth(0).locator('strong')).toHaveText('sent');
  await expect(cells.nth(1)).toContainText('refusal');
  await expect(cells.nth(1)).toContainText('Ruled | out, flatly.');
  await expect(cells.nth(1).getByRole('button')).toContainText(TITLE);
  // Several topics, one row each.
  await expect(table.getByRole('rowheader')).toHaveCount(3);
  const eu = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^eu/ }) });
  await expect(eu.getByRole('cell').nth(0)).toContainText('No passage');
  // Where the parties agree is listed apart.
  const common = view.getByRole('region', { name: 'Common ground' });
  await expect(common).toContainText('joint statements');
  await expect(common).not.toContainText('extradition');

  // The topic filter keeps one row.
  const topic = view.getByRole('combobox', { name: 'Topic' });
  await topic.selectOption({ label: 'extradition' });
  await expect(table.getByRole('rowheader')).toHaveCount(1);
  await expect(table.getByRole('rowheader')).toContainText('extradition');

  // Export through the save dialog, then read the file.
  await view.getByRole('button', { name: 'Export comparison…' }).click();
  await expect.poll(() => parley.exportPaths.length).toBe(1);
  const exported = parley.exportPaths[0]!;
  await expect(page.locator('.notice[role=status]')).toHaveText(`Exported the comparison to ${exported}`);
  const markdown = await readFile(exported, 'utf8');
  expect(markdown).toContain('United Kingdom');
  expect(markdown).toContain('Russia');
  expect(markdown).toContain('absolutely out of the question');
  expect(markdown).toContain('refusal');
  expect(markdown).not.toContain('Lisbon Treaty');
  await topic.selectOption({ label: 'All topics' });
  await expect(table.getByRole('rowheader')).toHaveCount(3);
  await parley.menuCommand('export-comparison');
  await expect.poll(() => parley.exportPaths.length).toBe(2);
  expect(await readFile(parley.exportPaths[1]!, 'utf8')).toContain('Lisbon Treaty');

  // Click through: the reading view comes back with the passage in view, active, its card focused.
  await cells.nth(1).getByRole('button').click();
  await expect(reading).toHaveAttribute('aria-selected', 'true');
  const russiaCard = card(page, 'his extradition to UK');
  await expect(russiaCard).toHaveAttribute('aria-current', 'true');
  await expect(russiaCard).toBeFocused();
  await expect.poll(() => inView(page, EXTRADITION)).toBe(true);
  expect(await highlightsCovering(page, EXTRADITION)).toContain('parley-active');

  // The menu command switches views too; a passage in a filtered-out topic is still found.
  await page.getByRole('combobox', { name: 'Filter by topic' }).selectOption({ label: 'eu' });
  await page.evaluate(() => window.scrollTo(0, 0));
  expect(await inView(page, LITVINENKO)).toBe(false);
  await parley.menuCommand('compare');
  await expect(compare).toHaveAttribute('aria-selected', 'true');
  await table
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: /^extradition/ }) })
    .getByRole('cell')
    .nth(0)
    .getByRole('button')
    .click();
  await expect(card(page, 'The horrific murder')).toHaveAttribute('aria-current', 'true');
  await expect.poll(() => inView(page, LITVINENKO)).toBe(true);
  await expect(page.getByRole('combobox', { name: 'Filter by topic' })).toHaveValue('');
});

test('the comparison says what is missing before there is anything to compare', async ({ parley }) => {
  const { page } = parley;
  await page.getByRole('tab', { name: 'Compare' }).click();
  const view = page.getByRole('tabpanel', { name: 'Compare' });
  await expect(view).toContainText('Nothing to compare: there are no highlights yet.');
  await expect(view).toContainText('accept suggestions');
  await expect(view.getByRole('region', { name: 'Common ground' })).toHaveCount(0);
  await expect(view.getByRole('table')).toHaveCount(0);
  await page.getByRole('tab', { name: 'Reading' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await expect(notes(page)).toBeVisible();
});
