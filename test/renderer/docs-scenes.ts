// The two scenes the README shows (docs/reading-view.png and docs/comparison-view.png), built through window.parley,
// the same calls the editor makes, and checked as they are shown. test/renderer/docs-scenes.spec.ts checks them on
// every run; scripts/screenshots/ photographs them, by hand (`npm run screenshots`), and only it writes docs/.
import type { Page } from '@playwright/test';
import { expect, highlightsCovering, type Parley } from './harness';

/** A few tagged highlights and their notes on the sample article. */
export const HIGHLIGHTS = [
  {
    quote: 'successful and fruitful',
    topic: 'relations',
    note: 'Lavrov’s verdict on the talks: **warm** in tone, light on detail.',
  },
  {
    quote: 'the issues the two countries have not reached a consensus on yet',
    topic: 'cooperation',
    note: 'The open issues go unnamed here; see the *extradition* passages.',
  },
  {
    quote: 'the extradition request for Andrey Lugovoy',
    topic: 'extradition',
    note: 'Last on the agenda. Lavrov answers in ¶9: “out of the question”.',
  },
  {
    quote: 'they wouldn’t try to paper over their differences, but would search for common ground',
    topic: 'relations',
    note: 'The UK line: differences **bounded**, not hidden.',
  },
];

/** Passages of the sample by topic, party and stance: what a researcher would have after one close reading. */
export const POSITIONS = [
  {
    quote:
      'The horrific murder of Mr. Litvinenko in 2006 has been followed up by our independent prosecuting authorities',
    topic: 'extradition',
    party: 'United Kingdom',
    stance: 'demand',
    note: 'Evidence **sent**; the UK expects Lugovoy to stand trial in London.',
  },
  {
    quote: 'his extradition to UK is absolutely out of the question',
    topic: 'extradition',
    party: 'Russia',
    stance: 'refusal',
    note: 'Flat refusal: the Constitution bars extraditing a citizen.',
  },
  {
    quote: 'their demands that we amend our Constitution are absolutely unrealistic',
    topic: 'extradition',
    party: 'Russia',
    stance: 'refusal',
    note: '',
  },
  {
    quote: 'he expects Iran to accept IAEA proposal on enriching uranium abroad',
    topic: 'iran/nuclear',
    party: 'Russia',
    stance: 'proposal',
    note: 'Backs the fuel swap, and an *immediate* sextet meeting.',
  },
  {
    quote: 'The documents define the common stance of Russia and the United Kingdom',
    topic: 'joint statements',
    party: 'Russia',
    stance: 'agreement',
    note: 'Non-proliferation, Afghanistan, the Middle East.',
  },
  {
    quote:
      'nor are we going to allow bilateral differences stand in our way of working together on the international stage',
    topic: 'joint statements',
    party: 'United Kingdom',
    stance: 'agreement',
    note: '',
  },
  {
    quote: 'they wouldn’t try to paper over their differences, but would search for common ground',
    topic: 'relations',
    party: 'United Kingdom',
    stance: 'hedge',
    note: 'Differences **bounded**, not hidden.',
  },
  {
    quote: 'successful and fruitful',
    topic: 'relations',
    party: 'Russia',
    stance: 'agreement',
    note: '',
  },
];

/** Waits until the page is still: fonts loaded, nothing animating, two frames drawn. */
async function steady(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
    await Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined)));
    await new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
  });
}

/** The first start's welcome, dismissed as a reader who has found their way does (it stays so after a reload). */
async function dismissWelcome(page: Page): Promise<void> {
  await page.getByRole('region', { name: 'Where to start' }).getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByRole('region', { name: 'Where to start' })).toHaveCount(0);
}

/** The sample with four notes, read fresh from the notebook file, the third card chosen; returns the page. */
export async function showReadingScene(parley: Parley): Promise<Page> {
  let page = parley.page;
  await page.locator('.doc-text [data-start]').first().waitFor();
  await dismissWelcome(page);
  await page.evaluate(async (highlights) => {
    const [first] = await window.parley.listDocuments();
    const opened = await window.parley.openDocument({ id: first!.id });
    for (const { quote, topic, note } of highlights) {
      const start = opened.document.text.indexOf(quote);
      if (start < 0) throw new Error(`not in the sample: ${quote}`);
      const existing = (await window.parley.listTopics()).find((t) => t.path === topic);
      const topicId = existing?.id ?? (await window.parley.createTopic({ path: topic })).id;
      await window.parley.createAnnotation({
        documentId: opened.document.id,
        start,
        end: start + quote.length,
        topicIds: [topicId],
        note,
      });
    }
  }, HIGHLIGHTS);
  page = await parley.reload();
  const cards = page.getByRole('complementary', { name: 'Notes' }).getByRole('article');
  await expect(cards).toHaveCount(HIGHLIGHTS.length);
  for (const { quote } of HIGHLIGHTS) {
    await expect
      .poll(() => highlightsCovering(page, quote))
      .toContainEqual(expect.stringMatching(/^parley-t-/));
  }
  await cards.nth(2).click({ position: { x: 10, y: 6 } });
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.evaluate(() => window.scrollTo(0, 0));
  await steady(page);
  return page;
}

/** The sample compared across four topics, by party and stance; returns the page. */
export async function showComparisonScene(parley: Parley): Promise<Page> {
  const { page } = parley;
  await page.locator('.doc-text [data-start]').first().waitFor();
  await dismissWelcome(page);
  await page.evaluate(async (positions) => {
    const [first] = await window.parley.listDocuments();
    const opened = await window.parley.openDocument({ id: first!.id });
    const parties = await window.parley.listParties();
    for (const { quote, topic, party, stance, note } of positions) {
      const start = opened.document.text.indexOf(quote);
      if (start < 0) throw new Error(`not in the sample: ${quote}`);
      const existing = (await window.parley.listTopics()).find((t) => t.path === topic);
      const topicId = existing?.id ?? (await window.parley.createTopic({ path: topic })).id;
      const partyId = parties.find((p) => p.name === party)?.id;
      if (!partyId) throw new Error(`no party ${party}`);
      await window.parley.createAnnotation({
        documentId: opened.document.id,
        start,
        end: start + quote.length,
        topicIds: [topicId],
        note,
        partyId,
        stance,
      });
    }
  }, POSITIONS);
  await page.getByRole('tab', { name: 'Compare' }).click();
  const table = page.getByRole('tabpanel', { name: 'Compare' }).getByRole('table');
  await expect(table.getByRole('rowheader')).toHaveCount(4);
  await expect(table.getByRole('rowheader', { name: /^extradition/ })).toContainText(
    'extradition: UK demand ↔ Russia refusal',
  );
  await expect(page.getByRole('region', { name: 'Common ground' })).toContainText('joint statements');
  await steady(page);
  return page;
}
