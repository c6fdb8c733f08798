// The Find panel driven as a researcher drives it: a word in a title, in a passage, in a note; filters by topic
// (with its subtopics), party, document and "has note"; arrows and Enter to a hit, which opens its document with
// the passage active; Esc to close. Real handlers, real notebook file.
import type { Page } from '@playwright/test';
import { expect, test, type Parley } from './harness';

const TITLE = 'Miliband: bilateral differences will not obscure our relationship';
const EXTRADITION = 'his extradition to UK is absolutely out of the question';
const IRAN = 'he expects Iran to accept IAEA proposal on enriching uranium abroad';
const COMMON = 'David Miliband said they wouldn’t try to paper over their';

interface Seed {
  phrase: string;
  topics: string[];
  party: string | null;
  note: string;
}

const PASSAGES: Seed[] = [
  { phrase: EXTRADITION, topics: ['extradition'], party: 'Russia', note: 'Lavrov rules it out flatly.' },
  { phrase: IRAN, topics: ['iran/nuclear'], party: 'Russia', note: '' },
  {
    phrase: COMMON,
    topics: ['iran'],
    party: 'United Kingdom',
    note: 'Miliband looks for common ground with Lavrov.',
  },
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
        topicIds: p.topics.map((t) => topicIds.get(t)!),
        note: p.note,
        partyId: parties.find((party) => party.name === p.party)?.id ?? null,
      });
    }
    await api.importDocument({
      fileName: 'zebra-crossings.txt',
      content: 'Zebra crossings in Moscow\n\nA second article about road safety, with nothing on Iran.',
    });
  }, PASSAGES);
  return parley.reload();
}

async function openFind(parley: Parley, page: Page) {
  await parley.menuCommand('find');
  const field = page.getByRole('searchbox', { name: 'Search notebook' });
  await expect(field).toBeFocused();
  return field;
}

function panel(page: Page) {
  return page.getByRole('complementary', { name: 'Find' });
}

function results(page: Page) {
  return panel(page).getByRole('region', { name: 'Search results' });
}

/** Hits in titles, passages and notes: Find also lists each place in the texts (kind Text), tested below. */
const NOT_TEXT = '.find__hit:not([data-kind="text"])';

test('finds a word in a title, a passage and a note, and marks it', async ({ parley }) => {
  const page = await seed(parley);
  const field = await openFind(parley, page);
  const found = results(page);

  await field.fill('bilateral');
  const group = found.getByRole('region', { name: new RegExp(`^${TITLE}`) });
  // The title, and the three places in the text.
  await expect(group.getByRole('heading', { level: 3 })).toHaveText(`${TITLE}4 hits`);
  await expect(group.locator('.find__hit[data-kind="text"]')).toHaveCount(3);
  const titleHit = group.locator(NOT_TEXT);
  await expect(titleHit).toHaveCount(1);
  await expect(titleHit.locator('.find__kind')).toHaveText('Title');
  await expect(titleHit.locator('mark')).toHaveText('bilateral');
  await expect(page.getByRole('status').filter({ hasText: /^4 results$/ })).toBeVisible();

  // Case and accents do not matter; the match is marked as the text has it.
  await field.fill('URANIUM');
  const passage = found.locator(NOT_TEXT);
  await expect(passage).toHaveCount(1);
  await expect(passage.locator('.find__kind')).toHaveText('Passage');
  await expect(passage.locator('mark')).toHaveText('uranium');
  await expect(passage).toContainText('enriching uranium abroad');

  await field.fill('flatly');
  await expect(found.getByRole('button')).toHaveCount(1);
  await expect(found.getByRole('button').locator('.find__kind')).toHaveText('Note');
  await expect(found.getByRole('button').locator('mark')).toHaveText('flatly');

  // All words must match: a word only in another document's title leaves nothing.
  await field.fill('flatly zebra');
  await expect(panel(page).getByText('No results', { exact: true })).toBeVisible();
  await expect(found.getByRole('button')).toHaveCount(0);
});

test('filters narrow the hits: topic with its subtopics, party, document, has note', async ({ parley }) => {
  const page = await seed(parley);
  await openFind(parley, page);
  const found = results(page);
  const hits = found.getByRole('button');

  await panel(page).getByRole('combobox', { name: 'Topic' }).selectOption({ label: 'iran' });
  await expect(hits).toHaveCount(2);
  await expect(found).toContainText('enriching uranium');
  await expect(found).toContainText('paper over their');
  await expect(found).not.toContainText('extradition');

  await panel(page).getByRole('combobox', { name: 'Party' }).selectOption({ label: 'Russia' });
  await expect(hits).toHaveCount(1);
  await expect(hits).toContainText('enriching uranium');

  await panel(page).getByRole('combobox', { name: 'Party' }).selectOption({ label: 'Any party' });
  await panel(page).getByRole('checkbox', { name: 'Has note' }).check();
  await expect(hits).toHaveCount(1);
  await expect(hits).toContainText('paper over their');

  await panel(page).getByRole('combobox', { name: 'Topic' }).selectOption({ label: 'Any topic' });
  await expect(hits).toHaveCount(2);
  await expect(found).toContainText('absolutely out of the question');

  // The other document has no highlights: filtering to it with "Has note" leaves nothing, and its title is found.
  await panel(page)
    .getByRole('combobox', { name: 'Document' })
    .selectOption({ label: 'Zebra crossings in Moscow' });
  await expect(hits).toHaveCount(0);
  await panel(page).getByRole('checkbox', { name: 'Has note' }).uncheck();
  await page.getByRole('searchbox', { name: 'Search notebook' }).fill('moscow');
  await expect(found.locator(NOT_TEXT)).toHaveCount(1);
  await expect(found.locator(NOT_TEXT).locator('.find__kind')).toHaveText('Title');
  await expect(found.getByRole('heading', { level: 3 })).toHaveText(/^Zebra crossings in Moscow/);
});

test('arrows and Enter go to a hit: its document opens with the passage active; Esc closes', async ({
  parley,
}) => {
  const page = await seed(parley);
  const field = await openFind(parley, page);
  const heading = page.getByRole('heading', { level: 1 });

  // A title hit opens that document.
  await field.fill('zebra');
  await expect(results(page).locator(NOT_TEXT)).toHaveCount(1);
  await page.keyboard.press('ArrowDown');
  await expect(results(page).locator(NOT_TEXT)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(heading).toHaveText('Zebra crossings in Moscow');

  // Two hits: arrows move between them and back up to the field.
  await field.fill('Lavrov');
  const hits = results(page).locator(NOT_TEXT);
  await expect(hits).toHaveCount(2);
  await field.press('ArrowDown');
  await expect(hits.nth(0)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(hits.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(field).toBeFocused();

  await field.fill('uranium');
  await expect(hits).toHaveCount(1);
  await expect(hits.locator('mark')).toHaveText('uranium');
  await field.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(heading).toHaveText(TITLE);
  const card = page
    .getByRole('complementary', { name: 'Notes' })
    .getByRole('article', { name: /^Note on “he expects Iran/ });
  await expect(card).toHaveAttribute('aria-current', 'true');

  // A click works as well as Enter.
  await field.fill('flatly');
  await expect(hits).toHaveCount(1);
  await expect(hits.locator('mark')).toHaveText('flatly');
  await hits.click();
  await expect(
    page
      .getByRole('complementary', { name: 'Notes' })
      .getByRole('article', { name: /^Note on “his extradition/ }),
  ).toHaveAttribute('aria-current', 'true');

  await field.focus();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('searchbox', { name: 'Search notebook' })).toHaveCount(0);
});

/** The marked hits in the text: how many, and the current one with the number of hits before it in the text. */
async function marks(page: Page) {
  return page.evaluate(() => {
    const all = CSS.highlights.get('parley-find');
    const now = CSS.highlights.get('parley-find-current');
    const [current] = now ? [...now] : [];
    let before = -1;
    if (current) {
      const column = document.querySelector('.reading')!;
      const lead = document.createRange();
      lead.setStart(column, 0);
      lead.setEnd(current.startContainer, current.startOffset);
      before = (lead.toString().match(/extradition/gi) ?? []).length;
    }
    return {
      // The current hit is also in the marks of all of them, painted over.
      others: all ? [...all].filter((range) => range !== current).length : 0,
      current: current ? (current as Range).toString() : null,
      before,
    };
  });
}

test('the text is searched: hits marked in the open document, Enter and Shift+Enter go through them, "Highlight this" opens the editor on one', async ({
  parley,
}) => {
  const { page } = parley;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await page.locator('.reading').focus();
  await page.keyboard.press('Control+f');
  const field = page.getByRole('searchbox', { name: 'Search notebook' });
  await expect(field).toBeFocused();

  // The sample has no highlight, yet "extradition" is four times in its text.
  await page.keyboard.type('extradition');
  const count = panel(page).locator('[aria-live="polite"]');
  await expect(count).toHaveText('1 of 4');
  await expect(results(page).locator('.find__kind', { hasText: 'Text' })).toHaveCount(4);
  await expect.poll(() => marks(page)).toEqual({ others: 3, current: 'extradition', before: 0 });

  await page.keyboard.press('Enter');
  await expect(count).toHaveText('2 of 4');
  await expect.poll(() => marks(page)).toEqual({ others: 3, current: 'extradition', before: 1 });
  await expect(results(page).locator('.find__hit[aria-current="true"]')).toContainText('his extradition');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(count).toHaveText('4 of 4');
  await page.keyboard.press('Enter');
  await expect(count).toHaveText('1 of 4');
  await page.keyboard.press('Shift+Enter');
  await expect(count).toHaveText('4 of 4');
  await page.keyboard.press('Shift+Enter');
  await page.keyboard.press('Shift+Enter');
  await expect(count).toHaveText('2 of 4');
  await expect(field).toBeFocused();
  await expect.poll(() => marks(page)).toEqual({ others: 3, current: 'extradition', before: 1 });

  // The current hit is brought on screen (after the frame that marks it).
  await expect
    .poll(() =>
      page.evaluate(() => {
        const [range] = [...CSS.highlights.get('parley-find-current')!] as Range[];
        const rect = range!.getBoundingClientRect();
        return rect.top >= 0 && rect.bottom <= window.innerHeight;
      }),
    )
    .toBe(true);

  // "Highlight this": the editor on exactly that span, as selecting it and pressing H opens it.
  await panel(page).getByRole('button', { name: 'Highlight this' }).click();
  const editor = page.getByRole('dialog', { name: 'Highlight' });
  await expect(editor).toBeVisible();
  await expect(editor.getByRole('blockquote')).toHaveText('extradition');
  await page.keyboard.press('Escape');
  await expect(editor).toHaveCount(0);

  // "Lugovoy" is found in the text without a highlight.
  await field.fill('Lugovoy');
  await expect(count).toHaveText(/^1 of \d+$/);
  await expect(results(page).locator('.find__kind', { hasText: 'Text' }).first()).toBeVisible();

  // Closing Find takes the marks away.
  await field.focus();
  await page.keyboard.press('Escape');
  await expect(field).toHaveCount(0);
  await expect.poll(() => marks(page)).toEqual({ others: 0, current: null, before: -1 });
});

test('a text hit in another document opens it at that hit', async ({ parley }) => {
  const page = await seed(parley);
  const field = await openFind(parley, page);
  await field.fill('road safety');
  const other = results(page).getByRole('region', { name: /^Zebra crossings in Moscow/ });
  await expect(other.locator('.find__kind', { hasText: 'Text' })).toHaveCount(2);
  await other
    .getByRole('button')
    .filter({ has: page.locator('mark', { hasText: 'safety' }) })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Zebra crossings in Moscow');
  const count = panel(page).locator('[aria-live="polite"]');
  await expect(count).toHaveText('2 of 2');
  await expect
    .poll(() => page.evaluate(() => [...CSS.highlights.get('parley-find-current')!].map(String)))
    .toEqual(['safety']);
});

test('Ctrl+F with Find open goes back to its field, selected, from the text or a result; Escape keeps the query for next time', async ({
  parley,
}) => {
  const { page } = parley;
  await page.locator('.reading').focus();
  await page.keyboard.press('Control+f');
  const field = page.getByRole('searchbox', { name: 'Search notebook' });
  await expect(field).toBeFocused();
  await page.keyboard.type('extradition');
  const count = panel(page).locator('[aria-live="polite"]');
  await expect(count).toHaveText('1 of 4');
  const selected = () =>
    field.evaluate((input: HTMLInputElement) =>
      input.value.slice(input.selectionStart!, input.selectionEnd!),
    );

  // From the text.
  await page.locator('.reading').getByText('his extradition to UK').click();
  await expect(field).not.toBeFocused();
  await page.keyboard.press('Control+f');
  await expect(field).toBeFocused();
  await expect.poll(selected).toBe('extradition');

  // From a result in the list.
  await page.keyboard.press('ArrowDown');
  await expect(results(page).locator('.find__hit').first()).toBeFocused();
  await page.keyboard.press('Control+f');
  await expect(field).toBeFocused();
  await expect.poll(selected).toBe('extradition');
  await page.keyboard.type('Lugovoy');
  await expect(field).toHaveValue('Lugovoy');

  // Closed with Escape and opened again: the query is there, selected, so typing replaces it.
  await page.keyboard.press('Escape');
  await expect(field).toHaveCount(0);
  await page.keyboard.press('Control+f');
  await expect(field).toBeFocused();
  await expect(field).toHaveValue('Lugovoy');
  await expect.poll(selected).toBe('Lugovoy');
  await expect(count).toHaveText(/^1 of \d+$/);
  await page.keyboard.type('Miliband');
  await expect(field).toHaveValue('Miliband');
});

test('letters typed as Find opens stay, however long the next frame takes', async ({ parley }) => {
  const { page } = parley;
  // Frames as slow as on a big document: every animation frame comes 300 ms late.
  await page.evaluate(() => {
    const next = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = (callback) => next((time) => setTimeout(() => callback(time), 300));
  });
  await page.locator('.reading').focus();
  await page.keyboard.press('Control+f');
  const field = page.getByRole('searchbox', { name: 'Search notebook' });
  await expect(field).toBeFocused();
  await page.keyboard.type('e');
  // A pause past the late frame, then the rest of the word.
  await page.waitForTimeout(600);
  await page.keyboard.type('xtradition');
  await expect(field).toHaveValue('extradition');
  await expect(panel(page).locator('[aria-live="polite"]')).toHaveText('1 of 4');
});
