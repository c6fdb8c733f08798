// Accepted suggestions in the comparison and giving them topics, driven as a researcher would: accept statements
// from the Suggestions panel (one with a topic chosen first, one with the topic Parley proposes, the rest at once),
// find them in Compare under "No topic", give every accepted statement a topic in one step, and undo that step.
import type { Page } from '@playwright/test';
import { expect, test, type Parley } from './harness';

const EXTRADITION = 'his extradition to UK is absolutely out of the question';
const PARROTING = 'just more parroting';
const TALKS = 'his talks with the head of British Foreign Office';

function panelOf(page: Page) {
  return page.getByRole('complementary', { name: 'Suggestions' });
}

function topicsOf(parley: Parley, phrase: string): string[] {
  const annotation = parley.store.data.annotations.find((a) => a.target.exact.includes(phrase));
  if (!annotation) throw new Error(`no highlight of ${phrase}`);
  return annotation.topicIds.map((id) => parley.store.data.topics.find((t) => t.id === id)!.path);
}

test('accepted statements show under No topic in Compare, and get a topic all at once, undone in one step', async ({
  parley,
}) => {
  const { page } = parley;
  await page.getByRole('button', { name: 'Suggestions' }).click();
  const panel = panelOf(page);
  const list = panel.getByRole('listbox', { name: 'Suggested statements' });
  const options = list.getByRole('option');
  await expect(options.first()).toBeVisible();
  const total = await options.count();
  expect(total).toBeGreaterThan(10);
  // The sample comes with no codebook: nothing to propose yet.
  await expect(panel).not.toContainText('Proposed topic');

  // Before accepting: pick the statement, give it a new topic, accept it with A.
  await options.filter({ hasText: EXTRADITION }).click();
  await expect(options.filter({ hasText: EXTRADITION })).toHaveAttribute('aria-selected', 'true');
  const topic = panel.getByRole('combobox', { name: 'Topic', exact: true });
  await topic.fill('extradition');
  await topic.press('Enter');
  await expect(panel.getByRole('button', { name: 'Remove topic extradition', exact: true })).toBeVisible();
  await list.focus();
  await page.keyboard.press('a');
  await expect(options).toHaveCount(total - 1);
  await expect.poll(() => topicsOf(parley, EXTRADITION)).toEqual(['extradition']);

  // Now the codebook has a topic Lugovoy's words name: Parley proposes it, and T accepts with it in one key.
  await options.filter({ hasText: PARROTING }).click();
  await expect(panel.getByText('Proposed topic: extradition')).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Accept proposed topic extradition' })).toBeEnabled();
  await page.keyboard.press('t');
  await expect(options).toHaveCount(total - 2);
  await expect.poll(() => topicsOf(parley, PARROTING)).toEqual(['extradition']);
  await expect(page.locator('.notice[role=status]')).toContainText('on extradition');

  // The rest at once: they come with their party and no topic.
  await panel.getByRole('button', { name: 'Accept all' }).click();
  await expect(panel).toContainText('No more suggestions in this document.');
  expect(parley.store.data.annotations).toHaveLength(total);
  const untopical = parley.store.data.annotations.filter((a) => a.topicIds.length === 0);
  const compared = untopical.filter((a) => a.partyId !== null);
  expect(compared.length).toBeGreaterThan(8);

  // Compare: the topic's row, then the No topic row, last, holding every accepted statement with a party.
  await page.getByRole('tab', { name: 'Compare' }).click();
  const view = page.getByRole('tabpanel', { name: 'Compare' });
  const table = view.getByRole('table');
  await expect(table.getByRole('rowheader')).toHaveCount(2);
  await expect(table.getByRole('rowheader').nth(0)).toContainText('extradition');
  const noTopic = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^No topic/ }) });
  await expect(table.getByRole('rowheader').nth(1)).toContainText('No topic');
  await expect(noTopic.getByRole('listitem')).toHaveCount(compared.length);
  await expect(noTopic).toContainText(TALKS);

  // Back to the panel: after accepting, a statement accepted here can still be given a topic…
  await page.getByRole('tab', { name: 'Reading' }).click();
  const accepted = panel.getByRole('region', { name: 'Accepted here' });
  await expect(accepted.getByRole('button')).toHaveCount(total);
  await accepted.getByRole('button', { name: new RegExp(TALKS.slice(0, 20)) }).click();
  const selectedTopic = panel
    .getByRole('region', { name: 'Topic of the selected accepted statement' })
    .getByRole('combobox', { name: 'Topic', exact: true });
  await selectedTopic.fill('relations');
  await selectedTopic.press('Enter');
  await expect.poll(() => topicsOf(parley, TALKS)).toEqual(['relations']);

  // …and all those still without one get a topic in one step.
  const stillUntopical = total - 3;
  const all = panel.getByRole('region', { name: 'Set topic on all accepted' });
  await all.getByRole('combobox', { name: 'Topic for all accepted' }).fill('diplomacy');
  await all.getByRole('combobox', { name: 'Topic for all accepted' }).press('Enter');
  await expect(all.getByRole('button', { name: 'Remove topic diplomacy', exact: true })).toBeVisible();
  const before = parley.store.data.annotations.length;
  await all.getByRole('button', { name: `Set topic on all accepted (${stillUntopical})` }).click();
  await expect(page.locator('.notice[role=status]')).toHaveText(
    `Set diplomacy on ${stillUntopical} accepted statements.`,
  );
  expect(parley.store.data.annotations).toHaveLength(before);
  expect(parley.store.data.annotations.filter((a) => a.topicIds.length === 0)).toHaveLength(0);
  expect(parley.store.history.undoLabel).toBe(`Undo Set topic on ${stillUntopical} highlights`);
  await expect(panel.getByRole('region', { name: 'Set topic on all accepted' })).toHaveCount(0);

  await page.getByRole('tab', { name: 'Compare' }).click();
  await expect(table.getByRole('rowheader')).toHaveCount(3);
  await expect(table.getByRole('rowheader', { name: /^No topic/ })).toHaveCount(0);
  await expect(table.getByRole('rowheader', { name: /^diplomacy/ })).toBeVisible();

  // One undo takes every one of those topics back, and nothing else.
  await page.getByRole('tab', { name: 'Compare' }).focus();
  await page.keyboard.press('Control+z');
  await expect
    .poll(() => parley.store.data.annotations.filter((a) => a.topicIds.length === 0).length)
    .toBe(stillUntopical);
  expect(topicsOf(parley, TALKS)).toEqual(['relations']);
  expect(topicsOf(parley, EXTRADITION)).toEqual(['extradition']);
  expect(parley.store.data.topics.map((t) => t.path)).toContain('diplomacy');
  await expect(table.getByRole('rowheader', { name: /^No topic/ })).toBeVisible();
  await expect(table.getByRole('rowheader', { name: /^diplomacy/ })).toHaveCount(0);
});
