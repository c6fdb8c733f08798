// The sidebar's Highlights tab, driven as a researcher drives it: the open document's highlights listed with their
// topics, party and stance; sorted by party and by topic; narrowed by party and by words; ↓ and Enter to one,
// which brings its passage into view and makes it active; a highlight deleted in the margin leaves the list, and
// Undo brings it back. The passages and notes below were written for this test on the shipped sample.
import type { Page } from '@playwright/test';
import { expect, highlightsCovering, test, type Parley } from './harness';

const COMMON = 'David Miliband said they wouldn’t try to paper over their';
const IRAN = 'he expects Iran to accept IAEA proposal on enriching uranium abroad';
const EXTRADITION = 'his extradition to UK is absolutely out of the question';
const MURDER = 'The horrific murder of Mr. Litvinenko';

interface Seed {
  phrase: string;
  topic: string;
  party: string;
  stance: string;
  note: string;
}

// In the order of the text.
const PASSAGES: Seed[] = [
  {
    phrase: COMMON,
    topic: 'iran',
    party: 'United Kingdom',
    stance: 'agreement',
    note: 'Common ground, **test note**.',
  },
  { phrase: IRAN, topic: 'iran/nuclear', party: 'Russia', stance: 'warning', note: '' },
  {
    phrase: EXTRADITION,
    topic: 'extradition',
    party: 'Russia',
    stance: 'refusal',
    note: 'Ruled out flatly.',
  },
  { phrase: MURDER, topic: 'extradition', party: 'United Kingdom', stance: 'demand', note: '' },
];

/** Topics and highlights made through the page's own API, then a fresh page that reads them. */
async function seed(parley: Parley): Promise<Page> {
  await parley.page.evaluate(async (passages) => {
    const api = window.parley;
    const [doc] = await api.listDocuments();
    const { document } = await api.openDocument({ id: doc!.id });
    const parties = await api.listParties();
    const topicIds = new Map<string, string>();
    for (const path of ['iran', 'iran/nuclear', 'extradition']) {
      topicIds.set(path, (await api.createTopic({ path })).id);
    }
    for (const p of passages) {
      const start = document.text.indexOf(p.phrase);
      if (start < 0) throw new Error(`not in the sample: ${p.phrase}`);
      await api.createAnnotation({
        documentId: doc!.id,
        start,
        end: start + p.phrase.length,
        topicIds: [topicIds.get(p.topic)!],
        note: p.note,
        partyId: parties.find((party) => party.name === p.party)!.id,
        stance: p.stance,
      });
    }
  }, PASSAGES);
  return parley.reload();
}

const sidebar = (page: Page) => page.getByRole('complementary', { name: 'Library' });
const list = (page: Page) => sidebar(page).getByRole('list', { name: 'Highlights in this document' });

/** The rows' quotes, top to bottom, each cut to its first words. */
async function order(page: Page): Promise<string[]> {
  const quotes = await list(page).locator('.highlight-list__quote').allTextContents();
  return quotes.map((quote) => quote.replace(/^“/, '').split(' ').slice(0, 3).join(' '));
}

const first3 = (phrase: string) => phrase.split(' ').slice(0, 3).join(' ');

test('lists the highlights, sorts and filters them, and Enter goes to the passage', async ({ parley }) => {
  const page = await seed(parley);
  await expect(page.locator('.doc-text')).toContainText('Lugovoy');

  // View › Highlights opens the sidebar on the list, its filter in focus.
  await parley.menuCommand('highlights');
  await expect(sidebar(page).getByRole('tab', { name: 'Highlights' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(sidebar(page).getByRole('searchbox', { name: 'Filter highlights' })).toBeFocused();
  await expect(sidebar(page)).toContainText('4 highlights');
  expect(await order(page)).toEqual(PASSAGES.map((p) => first3(p.phrase)));
  // Each row says its topics, party, stance and the start of its note.
  const extraditionRow = list(page).getByRole('button', { name: /his extradition to UK/ });
  await expect(extraditionRow).toContainText('extradition · Russia · refusal');
  await expect(extraditionRow).toContainText('Ruled out flatly.');
  await expect(list(page).getByRole('button', { name: /David Miliband said/ })).toContainText(
    'Common ground, test note.',
  );

  // Sorted by party: Russia's before the United Kingdom's, each side in the order of the text.
  const sort = sidebar(page).getByRole('combobox', { name: 'Sort by' });
  await sort.selectOption({ label: 'Party' });
  expect(await order(page)).toEqual([IRAN, EXTRADITION, COMMON, MURDER].map(first3));
  // By topic: extradition, iran, iran/nuclear.
  await sort.selectOption({ label: 'Topic' });
  expect(await order(page)).toEqual([EXTRADITION, MURDER, COMMON, IRAN].map(first3));

  // Narrowed to one party, then by a word.
  await sidebar(page).getByRole('combobox', { name: 'Party' }).selectOption({ label: 'United Kingdom' });
  expect(await order(page)).toEqual([MURDER, COMMON].map(first3));
  await expect(sidebar(page)).toContainText('2 of 4 highlights');
  await sidebar(page).getByRole('searchbox', { name: 'Filter highlights' }).fill('litvinenko');
  expect(await order(page)).toEqual([first3(MURDER)]);
  await sidebar(page).getByRole('searchbox', { name: 'Filter highlights' }).fill('');
  await sidebar(page).getByRole('combobox', { name: 'Party' }).selectOption({ label: 'Any party' });
  await sidebar(page).getByRole('combobox', { name: 'Stance' }).selectOption({ label: 'refusal' });
  expect(await order(page)).toEqual([first3(EXTRADITION)]);
  await sidebar(page).getByRole('combobox', { name: 'Stance' }).selectOption({ label: 'Any stance' });
  await sort.selectOption({ label: 'Position in the text' });

  // Keyboard: Tab to the list, ↓ to the last passage, Enter: it is brought into view and made active.
  await expect(list(page).getByRole('button')).toHaveCount(4);
  await list(page).getByRole('button').first().focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(list(page).getByRole('button', { name: /The horrific murder/ })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(list(page).getByRole('button', { name: /his extradition to UK/ })).toBeFocused();
  await page.evaluate(() => window.scrollTo({ top: 0 }));
  expect(await highlightsCovering(page, EXTRADITION)).not.toContain('parley-active');
  await page.keyboard.press('Enter');
  await expect.poll(() => highlightsCovering(page, EXTRADITION)).toContain('parley-active');
  await expect(list(page).getByRole('button', { name: /his extradition to UK/ })).toHaveAttribute(
    'aria-current',
    'true',
  );
  const inView = await page.evaluate((phrase) => {
    for (const block of document.querySelectorAll('.doc-text [data-start]')) {
      const node = block.firstChild;
      if (!(node instanceof Text)) continue;
      const at = node.data.indexOf(phrase);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + phrase.length);
      const rect = range.getBoundingClientRect();
      return rect.top >= 0 && rect.bottom <= window.innerHeight;
    }
    return false;
  }, EXTRADITION);
  expect(inView).toBe(true);
  // A click does the same for another row.
  await list(page)
    .getByRole('button', { name: /David Miliband said/ })
    .click();
  await expect.poll(() => highlightsCovering(page, COMMON)).toContain('parley-active');
});

test('a highlight deleted in the margin leaves the list, and Undo brings it back', async ({ parley }) => {
  const page = await seed(parley);
  await parley.menuCommand('highlights');
  await expect(list(page).getByRole('button')).toHaveCount(4);
  parley.calls.length = 0;

  const card = page
    .getByRole('complementary', { name: 'Notes' })
    .getByRole('article', { name: /^Note on “his extradition/ });
  await card.getByRole('button', { name: 'Delete' }).click();
  await card.getByRole('button', { name: 'Delete highlight' }).click();
  await expect(list(page).getByRole('button')).toHaveCount(3);
  await expect(list(page).getByRole('button', { name: /his extradition to UK/ })).toHaveCount(0);
  await expect(sidebar(page)).toContainText('3 highlights');
  // The list followed the store: the deletion was the only call.
  expect(parley.calls).toEqual(['annotations:delete']);

  await page.locator('.notices').getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(list(page).getByRole('button', { name: /his extradition to UK/ })).toHaveCount(1);
  expect(await order(page)).toEqual(PASSAGES.map((p) => first3(p.phrase)));
});

test('View › Highlights shows the list and hides it; the tabs move with arrows; no highlight says how to make one', async ({
  parley,
}) => {
  const { page } = parley;
  await expect(page.locator('.doc-text')).toContainText('Lugovoy');
  await parley.menuCommand('highlights');
  await expect(sidebar(page)).toContainText('No highlights yet: select a passage in the text and press H.');
  // ← and → move between the tabs.
  await sidebar(page).getByRole('tab', { name: 'Highlights' }).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(sidebar(page).getByRole('tab', { name: 'Documents' })).toBeFocused();
  await expect(sidebar(page).getByRole('list', { name: 'Documents' })).toBeVisible();
  // View › Highlights again shows the list; once more hides the sidebar.
  await parley.menuCommand('highlights');
  await expect(sidebar(page).getByRole('tab', { name: 'Highlights' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await parley.menuCommand('highlights');
  await expect(sidebar(page)).toHaveCount(0);
});
