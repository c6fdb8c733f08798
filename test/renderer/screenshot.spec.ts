// Writes docs/reading-view.png: the sample article with a few tagged highlights and their notes, as the README
// shows it. The highlights are made through window.parley, the same calls the editor makes.
import { fileURLToPath } from 'node:url';
import { expect, highlightsCovering, test } from './harness';

const screenshotPath = fileURLToPath(new URL('../../docs/reading-view.png', import.meta.url));

const HIGHLIGHTS = [
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
    note: 'Last on the agenda. Lavrov answers in ¶11: “out of the question”.',
  },
  {
    quote: 'they wouldn’t try to paper over their differences, but would search for common ground',
    topic: 'relations',
    note: 'The UK line: differences **bounded**, not hidden.',
  },
];

test('writes docs/reading-view.png with the sample and four notes', async ({ parley }) => {
  let page = parley.page;
  await page.locator('.doc-text [data-start]').first().waitFor();
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
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(300);
  await page.screenshot({ path: screenshotPath });
});
