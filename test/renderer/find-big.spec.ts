// Find in a big document (written for the project: 3,001 generated paragraphs, about 770 KB, 300 copies of
// "needle"): the count shows without waiting on the whole text, and Enter and Shift+Enter move between the hits
// without asking main again.
import { expect, test } from './harness';

const WORDS =
  'talks question said the that extradition while at continue length remained and was a discussed treaty minister would the other'.split(
    ' ',
  );

/** A text of 3,001 paragraphs, one word "needle" at the end of every tenth, from a fixed seed. */
function bigText(): string {
  let seed = 12;
  // mulberry32: the same words on every run.
  const next = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
  const paragraphs = ['Written for the project: a big text.'];
  for (let p = 0; p < 3000; p++) {
    const words: string[] = [];
    for (let w = 0; w < 42; w++) words.push(WORDS[next() % WORDS.length]!);
    if (p % 10 === 0) words.push('needle');
    paragraphs.push(words.join(' ') + '.');
  }
  return paragraphs.join('\n\n');
}

test('a big document: the count comes quickly and Enter moves without a new search', async ({ parley }) => {
  const { page } = parley;
  const content = bigText();
  await page.evaluate(async (text) => {
    await window.parley.importDocument({ fileName: 'big-generated.txt', content: text });
  }, content);
  const reloaded = await parley.reload();
  await reloaded
    .getByRole('button', { name: /big-generated|Written for the project/ })
    .first()
    .click();
  await expect(reloaded.getByText('Written for the project: a big text.')).toBeVisible();
  await reloaded.locator('.reading').focus();
  const t0 = Date.now();
  await reloaded.keyboard.press('Control+f');
  // Typed once the field has the focus, or the first letters go elsewhere.
  await expect(reloaded.getByRole('searchbox', { name: 'Search notebook' })).toBeFocused();
  await reloaded.keyboard.type('needle');
  const count = reloaded.locator('.find-nav__count');
  await expect(count).toHaveText('1 of 300', { timeout: 20_000 });
  console.log(`needle: count after ${Date.now() - t0} ms`);
  const searches = () => parley.calls.filter((c) => c === 'search').length;
  const before = searches();
  // Only the hits in the text mounted near the viewport are marked (the reading column mounts the rest as the
  // reader comes near), so a move that reaches text not in the page repaints those few hits, never all 300.
  const t1 = Date.now();
  for (let i = 0; i < 10; i++) await reloaded.keyboard.press('Shift+Enter');
  await expect(count).toHaveText('291 of 300');
  console.log(`Shift+Enter: ${(Date.now() - t1) / 10} ms each`);
  expect(searches()).toBe(before);
  const marks = await reloaded.evaluate(() =>
    [...(CSS.highlights.get('parley-find') ?? [])].map((range) => (range as Range).toString()),
  );
  expect(marks.length).toBeGreaterThan(0);
  expect(marks.length).toBeLessThan(300);
  expect(new Set(marks)).toEqual(new Set(['needle']));
  const t2 = Date.now();
  await reloaded.getByRole('searchbox', { name: 'Search notebook' }).fill('the');
  await expect(count).toHaveText(/^1 of 10,000\+$/, { timeout: 20_000 });
  console.log(`the: count after ${Date.now() - t2} ms`);
});
