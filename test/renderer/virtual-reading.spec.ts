// The reading view of a long text keeps only what is near the viewport in the page (a document written for the
// project: 300 generated paragraphs of filler sentences, about 230 KB, a highlight with a note on every tenth
// paragraph, "needle" in three of them), and everything that takes a place in the text still reaches text that is
// not in the page: Find, a jump to a passage, a selection and its copy, J and K, Tab between notes, and a walk
// through the article as a screen reader's feed keys make it.
import type { Page } from '@playwright/test';
import { expect, selectPhrase, test, type Parley } from './harness';

const PARAGRAPHS = 300;
const SENTENCES = 8;
const NEEDLES = [10, 150, 290];
/** A note on the second paragraph and on every fifth one after it. */
const NOTED = (n: number) => n % 5 === 2;

function sentence(paragraph: number, k: number): string {
  return `Sentence ${k} of paragraph ${paragraph} is filler written for this test and reports nothing at all.`;
}

function paragraph(n: number): string {
  const sentences = Array.from({ length: SENTENCES }, (_, k) => sentence(n, k + 1));
  if (NEEDLES.includes(n)) sentences[3] = `A needle sits in paragraph ${n}.`;
  return sentences.join(' ');
}

const TITLE = 'A long text written for the project';
const PARAGRAPH_TEXTS = Array.from({ length: PARAGRAPHS }, (_, i) => paragraph(i + 1));
/** The file imported: its first line becomes the title, the paragraphs the text. */
const TEXT = [TITLE, ...PARAGRAPH_TEXTS].join('\n\n');

/** Imports the text, highlights the second sentence of the paragraphs NOTED picks with a note, and opens it. */
async function openLongText(parley: Parley): Promise<Page> {
  await parley.page.evaluate(
    async ({ content, paragraphs }) => {
      const api = window.parley;
      const added = await api.importDocument({ fileName: 'long-generated.txt', content });
      const opened = await api.openDocument({ id: added.id });
      for (let n = 2; n <= paragraphs; n += 5) {
        const phrase = `Sentence 2 of paragraph ${n} is`;
        const start = opened.document.text.indexOf(phrase);
        await api.createAnnotation({
          documentId: added.id,
          start,
          end: start + phrase.length,
          topicIds: [],
          note: `Note on paragraph ${n}`,
        });
      }
    },
    { content: TEXT, paragraphs: PARAGRAPHS },
  );
  const page = await parley.reload();
  await page
    .getByRole('button', { name: new RegExp(TITLE) })
    .first()
    .click();
  await expect(page.locator('.doc-title')).toHaveText(TITLE);
  await expect(page.getByText(sentence(1, 1))).toBeVisible();
  return page;
}

/** The block showing paragraph `n`, when it is in the page. */
const block = (page: Page, n: number) =>
  page.locator('.doc-text [data-start]', { hasText: `Sentence 1 of paragraph ${n} is` });

const card = (page: Page, n: number) => page.locator('.margin .card', { hasText: `Note on paragraph ${n}` });

test('only the blocks and note cards near the viewport are in the page, and scrolling brings the rest', async ({
  parley,
}) => {
  const page = await openLongText(parley);
  const blocks = await page.locator('.doc-text [data-start]').count();
  expect(blocks).toBeGreaterThan(3);
  expect(blocks).toBeLessThan(60);
  await expect(page.locator('.margin .card').first()).toBeAttached();
  const cards = await page.locator('.margin .card').count();
  expect(cards).toBeLessThan(10);
  await expect(block(page, PARAGRAPHS)).toHaveCount(0);
  await expect(card(page, PARAGRAPHS - 3)).toHaveCount(0);
  // The page is as tall as the whole text, so the scrollbar says how long it is.
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  expect(height).toBeGreaterThan(20 * (await page.evaluate(() => window.innerHeight)));

  await page.locator('.reading').focus();
  await page.keyboard.press('End');
  await expect(block(page, PARAGRAPHS)).toBeVisible();
  await expect(card(page, PARAGRAPHS - 3)).toBeAttached();
  await expect(block(page, 1)).toHaveCount(0);
  expect(await page.locator('.doc-text [data-start]').count()).toBeLessThan(60);
});

test('Find marks hits in text that is not in the page when it gets there', async ({ parley }) => {
  const page = await openLongText(parley);
  await expect(block(page, 290)).toHaveCount(0);
  await page.locator('.reading').focus();
  await page.keyboard.press('Control+f');
  // Typed once the field has the focus, or the first letters go elsewhere.
  await expect(page.getByRole('searchbox', { name: 'Search notebook' })).toBeFocused();
  await page.keyboard.type('needle');
  await expect(page.locator('.find-nav__count')).toHaveText('1 of 3');
  await page.keyboard.press('Enter');
  await expect(page.locator('.find-nav__count')).toHaveText('2 of 3');
  await page.keyboard.press('Enter');
  await expect(page.locator('.find-nav__count')).toHaveText('3 of 3');
  await expect(block(page, 290)).toBeVisible();
  const current = await page.evaluate(() => {
    const range = [...(CSS.highlights.get('parley-find-current') ?? [])][0] as Range | undefined;
    const rect = range?.getBoundingClientRect();
    return {
      text: range?.toString(),
      where: range?.startContainer.parentElement?.closest('[data-start]')?.textContent?.slice(0, 40),
      shown: !!rect && rect.top >= 0 && rect.bottom <= window.innerHeight,
    };
  });
  expect(current).toEqual({ text: 'needle', where: 'Sentence 1 of paragraph 290 is filler wr', shown: true });
});

test('a passage far down the text is shown from the highlight list, with its note', async ({ parley }) => {
  const page = await openLongText(parley);
  await expect(card(page, 287)).toHaveCount(0);
  await parley.menuCommand('highlights');
  await page.locator('.highlight-list__row', { hasText: 'Sentence 2 of paragraph 287 is' }).click();
  await expect(card(page, 287)).toBeFocused();
  await expect(block(page, 287)).toBeVisible();
  const painted = await page.evaluate(() => {
    const range = [...(CSS.highlights.get('parley-active') ?? [])][0] as Range | undefined;
    const rect = range?.getBoundingClientRect();
    return { text: range?.toString(), shown: !!rect && rect.top >= 0 && rect.bottom <= window.innerHeight };
  });
  expect(painted).toEqual({ text: 'Sentence 2 of paragraph 287 is', shown: true });
});

/** What a copy puts on the clipboard as plain text, read from the copy event after the page has answered it. */
async function copied(page: Page): Promise<string> {
  await page.evaluate(() => {
    const w = window as unknown as { copiedText: string | null };
    w.copiedText = null;
    window.addEventListener(
      'copy',
      (event) => {
        w.copiedText = event.defaultPrevented
          ? (event.clipboardData?.getData('text/plain') ?? '')
          : (document.getSelection()?.toString() ?? '');
      },
      { once: true },
    );
  });
  await page.keyboard.press('Control+c');
  return page.evaluate(() => (window as unknown as { copiedText: string | null }).copiedText ?? '');
}

test('a selection across chunks, and past text not in the page, copies its text; Ctrl+A copies the article', async ({
  parley,
}) => {
  const page = await openLongText(parley);
  // Across the boundary between the first two chunks, with the mouse, once the reader has scrolled to it.
  await page.mouse.move(640, 500);
  await page.mouse.wheel(0, 1600);
  await expect(page.locator('.doc-chunk[data-chunk="1"] [data-start]').first()).toBeVisible();
  const boundary = await page.evaluate(() => {
    const first = document.querySelector('.doc-chunk[data-chunk="0"] [data-start]:last-child');
    const next = document.querySelector('.doc-chunk[data-chunk="1"] [data-start]');
    return { last: first?.textContent?.slice(0, 32), next: next?.textContent?.slice(0, 32) };
  });
  expect(boundary.last).toMatch(/^Sentence 1 of paragraph \d+ is/);
  const lastWords = page.getByText(boundary.last!, { exact: false });
  const nextWords = page.getByText(boundary.next!, { exact: false });
  await nextWords.scrollIntoViewIfNeeded();
  const from = (await lastWords.boundingBox())!;
  const to = (await nextWords.boundingBox())!;
  await page.mouse.move(from.x + 4, from.y + from.height - 6);
  await page.mouse.down();
  await page.mouse.move(to.x + 320, to.y + 8, { steps: 8 });
  await page.mouse.up();
  const across = await copied(page);
  const next = Number(boundary.next!.match(/paragraph (\d+)/)![1]);
  expect(across).toMatch(new RegExp(`reports nothing at all\\.\\s+Sentence 1 of paragraph ${next} `));

  // From paragraph 3 to a paragraph far below, the text between not in the page: a click, then Shift+click there.
  await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
  const start = page.getByText(sentence(3, 1), { exact: false });
  const startBox = (await start.boundingBox())!;
  // The selection then reaches far below, the text between not in the page, set through DOM Ranges as a drag
  // would (Playwright's mouse cannot hold a drag while the wheel scrolls).
  await page.mouse.click(startBox.x + 2, startBox.y + 6);
  await page.evaluate(() =>
    document
      .querySelector('.doc-chunk[data-chunk="20"]')!
      .scrollIntoView({ block: 'start', behavior: 'instant' }),
  );
  const farBlock = page.locator('.doc-chunk[data-chunk="20"] [data-start]').first();
  await expect(farBlock).toBeVisible();
  const m = Number((await farBlock.textContent())!.match(/paragraph (\d+)/)![1]);
  expect(m).toBeGreaterThan(80);
  await expect(block(page, 60)).toHaveCount(0);
  await page.evaluate((n) => {
    const selection = document.getSelection()!;
    const far = [...document.querySelectorAll('.doc-text [data-start]')].find((b) =>
      b.textContent!.startsWith(`Sentence 1 of paragraph ${n} `),
    )!;
    selection.extend(far.firstChild!, 10);
  }, m);
  const far = await copied(page);
  expect(far.slice(0, 26)).toBe('Sentence 1 of paragraph 3 ');
  expect(far).toContain(paragraph(60));
  expect(far.endsWith(`\n\nSentence 1`)).toBe(true);
  expect(TEXT).toContain(far);

  // Everything.
  await page.locator('.reading').focus();
  await page.keyboard.press('Control+a');
  const all = await copied(page);
  expect(all.startsWith(TITLE)).toBe(true);
  // The header's controls are not text of the document: no button label glued to the title.
  expect(all).not.toContain('Edit details');
  expect(all).toContain(PARAGRAPH_TEXTS.join('\n\n'));
});

test('J and K and Tab between notes go on into text that is not in the page', async ({ parley }) => {
  const page = await openLongText(parley);
  // The last sentence of the first chunk, selected with the mouse; then the reader scrolls far away.
  const last = await page.evaluate(() => {
    const blocks = document.querySelectorAll('.doc-chunk[data-chunk="0"] [data-start]');
    return blocks[blocks.length - 1]!.textContent!.match(/paragraph (\d+)/)![1]!;
  });
  const n = Number(last);
  await selectPhrase(page, sentence(n, SENTENCES));
  await expect
    .poll(() => page.evaluate(() => document.getSelection()!.toString()))
    .toBe(sentence(n, SENTENCES));
  await page.evaluate(() =>
    window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' }),
  );
  await expect(block(page, n + 1)).toHaveCount(0);
  await page.keyboard.press('J');
  await expect.poll(() => page.evaluate(() => document.getSelection()!.toString())).toBe(sentence(n + 1, 1));
  await expect(block(page, n + 1)).toBeVisible();
  await page.keyboard.press('K');
  await expect
    .poll(() => page.evaluate(() => document.getSelection()!.toString()))
    .toBe(sentence(n, SENTENCES));

  // Tab from the last note in the margin goes on to the next one, whose passage was not in the page.
  await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
  const cards = page.locator('.margin .card');
  await expect(cards.first()).toBeAttached();
  const lastCard = cards.last();
  const lastNote = Number((await lastCard.textContent())!.match(/Note on paragraph (\d+)/)![1]);
  expect(NOTED(lastNote)).toBe(true);
  await expect(card(page, lastNote + 5)).toHaveCount(0);
  await lastCard.focus();
  const noted = card(page, lastNote);
  const inLastCard = () => noted.evaluate((element) => element.contains(document.activeElement));
  for (let i = 0; i < 8 && (await inLastCard()); i++) await page.keyboard.press('Tab');
  await expect(card(page, lastNote + 5)).toBeFocused();
  await expect(block(page, lastNote + 5)).toBeVisible();
  await page.keyboard.press('Shift+Tab');
  await expect.poll(() => inLastCard()).toBe(true);
});

test('the article is a feed read in order: Page Down goes through every chunk, each block once', async ({
  parley,
}) => {
  const page = await openLongText(parley);
  await expect(page.getByRole('feed')).toBeAttached();
  const setSize = Number(await page.locator('.doc-chunk').first().getAttribute('aria-setsize'));
  expect(setSize).toBeGreaterThan(10);
  await expect(page.locator('.doc-chunk[role="article"]')).toHaveCount(setSize);
  // Every part has a name, mounted or not: where it is and how it begins.
  await expect(page.getByRole('article', { name: `Part ${setSize} of ${setSize}:` })).toHaveCount(1);
  const unnamed = await page.evaluate(
    () => [...document.querySelectorAll('.doc-chunk')].filter((c) => !c.getAttribute('aria-label')).length,
  );
  expect(unnamed).toBe(0);
  await page.getByText(sentence(1, 2), { exact: false }).click();
  await expect(page.locator('.doc-chunk').first()).toBeFocused();
  const read: string[] = [];
  for (let i = 0; i < setSize; i++) {
    const focused = await page.evaluate(() => {
      const chunk = document.activeElement as HTMLElement;
      return {
        position: chunk.getAttribute('aria-posinset'),
        blocks: [...chunk.querySelectorAll('[data-start]')].map((b) => b.textContent ?? ''),
      };
    });
    expect(focused.position).toBe(String(i + 1));
    read.push(...focused.blocks);
    if (i < setSize - 1) await page.keyboard.press('PageDown');
  }
  expect(read).toEqual(PARAGRAPH_TEXTS);
});
