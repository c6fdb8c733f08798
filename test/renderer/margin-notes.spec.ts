// The margin: notes on passages that start on the same line are stacked, and a note that grows on its own (its
// delete confirmation shown) pushes the notes below it down instead of covering them.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './harness';

const EXTRADITION = 'his extradition to UK is absolutely out of the question';

function card(page: Page, quoteStart: string): Locator {
  return page
    .getByRole('complementary', { name: 'Notes' })
    .getByRole('article', { name: new RegExp(`^Note on “${quoteStart}`) });
}

test('a note that grows pushes the note below it down', async ({ parley }) => {
  const doc = parley.store.data.documents[0]!;
  const at = doc.text.indexOf(EXTRADITION);
  expect(at).toBeGreaterThan(0);
  const now = new Date().toISOString();
  const target = (start: number, end: number) => ({
    start,
    end,
    exact: doc.text.slice(start, end),
    prefix: doc.text.slice(Math.max(0, start - 32), start),
    suffix: doc.text.slice(end, end + 32),
  });
  parley.store.change((nb) => {
    for (const [id, start, end] of [
      ['upper', at, at + EXTRADITION.length],
      ['lower', at + 'his '.length, at + 'his extradition to UK'.length],
    ] as const) {
      nb.annotations.push({
        id,
        documentId: doc.id,
        target: target(start, end),
        topicIds: [],
        partyId: null,
        stance: null,
        note: `Note ${id}.`,
        links: [],
        createdAt: now,
        updatedAt: now,
      });
    }
  });
  const page = await parley.reload();
  const upper = card(page, 'his extradition');
  const lower = card(page, 'extradition to UK');
  await expect(upper).toBeVisible();
  await expect(lower).toBeVisible();
  const gap = async () => {
    const a = (await upper.boundingBox())!;
    const b = (await lower.boundingBox())!;
    return { upperBottom: a.y + a.height, lowerTop: b.y };
  };
  // Stacked: the second note starts on the same line, so it sits just under the first.
  await expect
    .poll(async () => {
      const g = await gap();
      return g.lowerTop >= g.upperBottom;
    })
    .toBe(true);
  const before = (await upper.boundingBox())!.height;

  await upper.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(upper.getByRole('group', { name: 'Delete this highlight?' })).toBeVisible();
  expect((await upper.boundingBox())!.height).not.toBe(before);
  await expect
    .poll(async () => {
      const g = await gap();
      return g.lowerTop >= g.upperBottom;
    })
    .toBe(true);
});
