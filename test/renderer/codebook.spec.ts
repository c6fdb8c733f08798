// The Codebook driven from the keyboard: the tree with groups and counts, renaming a topic moves its subtree,
// merging keeps every other topic a passage has, deleting leaves the passages in place, colour and description
// are kept. Real handlers, real notebook file.
import type { Page } from '@playwright/test';
import { expect, test, type Parley } from './harness';

const EXTRADITION = 'his extradition to UK is absolutely out of the question';
const IRAN = 'he expects Iran to accept IAEA proposal on enriching uranium abroad';
const SEXTET = 'called for an immediate meeting of the sextet on Iran';

const PASSAGES: Array<{ phrase: string; topics: string[] }> = [
  { phrase: EXTRADITION, topics: ['extradition', 'lugovoy'] },
  { phrase: IRAN, topics: ['iran', 'iran/nuclear'] },
  { phrase: SEXTET, topics: ['iran/diplomacy', 'sanctions/iran'] },
];

async function seed(parley: Parley): Promise<Page> {
  await parley.page.evaluate(async (passages) => {
    const api = window.parley;
    const [doc] = await api.listDocuments();
    const { document } = await api.openDocument({ id: doc!.id });
    const ids = new Map<string, string>();
    for (const path of [
      'iran',
      'iran/nuclear',
      'iran/diplomacy',
      'sanctions/iran',
      'extradition',
      'lugovoy',
    ]) {
      ids.set(path, (await api.createTopic({ path })).id);
    }
    for (const p of passages) {
      const start = document.text.indexOf(p.phrase);
      if (start < 0) throw new Error(`not in the sample: ${p.phrase}`);
      await api.createAnnotation({
        documentId: doc!.id,
        start,
        end: start + p.phrase.length,
        topicIds: p.topics.map((t) => ids.get(t)!),
        note: '',
      });
    }
  }, PASSAGES);
  return parley.reload();
}

function topicPaths(parley: Parley, phrase: string): string[] {
  const { annotations, topics } = parley.store.data;
  const annotation = annotations.find((a) => a.target.exact === phrase);
  if (!annotation) throw new Error(`no passage ${phrase}`);
  return annotation.topicIds.map((id) => topics.find((t) => t.id === id)?.path ?? `?${id}`).sort();
}

async function openCodebook(parley: Parley, page: Page) {
  await parley.menuCommand('codebook');
  const panel = page.getByRole('complementary', { name: 'Codebook' });
  await expect(panel).toBeVisible();
  return panel;
}

test('the tree: groups for bare segments, own and subtree counts, collapse by key', async ({ parley }) => {
  const page = await seed(parley);
  const panel = await openCodebook(parley, page);
  const tree = panel.getByRole('list', { name: 'Topics' });
  // "sanctions" has no topic of its own: shown as a group holding sanctions/iran.
  await expect(tree.getByText('sanctions', { exact: true })).toBeVisible();
  await expect(panel.getByRole('button', { name: 'sanctions', exact: true })).toHaveCount(0);
  const iran = panel.getByRole('button', { name: 'iran', exact: true });
  // iran's own passage, and the two passages under it, counted once each.
  await expect(iran).toHaveAccessibleDescription('1 passage, 2 with subtopics');
  await expect(panel.getByRole('button', { name: 'iran/nuclear', exact: true })).toHaveAccessibleDescription(
    '1 passage',
  );
  await expect(panel.getByText('Every change can be undone with Ctrl+Z.', { exact: false })).toBeVisible();

  // Arrows move between topics; Left folds a topic's subtree, Right opens it again.
  await iran.focus();
  await page.keyboard.press('ArrowDown');
  await expect(panel.getByRole('button', { name: 'iran/diplomacy', exact: true })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(iran).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(panel.getByRole('button', { name: 'iran/nuclear', exact: true })).toHaveCount(0);
  await expect(panel.getByRole('button', { name: 'Subtopics of iran' })).toHaveAttribute(
    'aria-expanded',
    'false',
  );
  await page.keyboard.press('ArrowRight');
  await expect(panel.getByRole('button', { name: 'iran/nuclear', exact: true })).toBeVisible();

  // Esc closes the panel.
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
});

test('rename moves the subtree; colour and description are kept', async ({ parley }) => {
  const page = await seed(parley);
  const panel = await openCodebook(parley, page);
  await panel.getByRole('button', { name: 'iran', exact: true }).focus();
  await page.keyboard.press('Enter');
  const detail = panel.getByRole('region', { name: 'Topic iran' });
  await expect(detail).toBeVisible();
  await expect(detail).toContainText('moves it, with its 2 subtopics');

  const path = detail.getByRole('textbox', { name: 'Path' });
  await path.focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('middle east / iran');
  await detail.getByLabel('Colour').fill('#123456');
  await detail.getByRole('textbox', { name: 'Description' }).fill('Iran, its programme and the talks on it.');
  await detail.getByRole('textbox', { name: 'Description' }).press('Tab');
  await detail.getByRole('button', { name: 'Save changes' }).press('Enter');

  await expect(panel.getByRole('button', { name: 'middle east/iran/nuclear', exact: true })).toBeVisible();
  await expect(
    page.getByRole('status').filter({ hasText: 'Topic iran is now middle east/iran.' }),
  ).toContainText('Undo with Ctrl+Z');
  const paths = parley.store.data.topics.map((t) => t.path).sort();
  expect(paths).toEqual([
    'extradition',
    'lugovoy',
    'middle east/iran',
    'middle east/iran/diplomacy',
    'middle east/iran/nuclear',
    'sanctions/iran',
  ]);
  // The passages keep their topics, now under the new path.
  expect(topicPaths(parley, IRAN)).toEqual(['middle east/iran', 'middle east/iran/nuclear']);
  expect(parley.store.data.topics.find((t) => t.path === 'middle east/iran')?.description).toBe(
    'Iran, its programme and the talks on it.',
  );
  expect(parley.store.data.topics.find((t) => t.path === 'middle east/iran')?.colour).toBe('#123456');
  await expect(panel.getByText('Iran, its programme and the talks on it.').first()).toBeVisible();
  // "middle east" is a group; the renamed topic is still the one chosen.
  await expect(panel.getByRole('button', { name: 'middle east', exact: true })).toHaveCount(0);
  await expect(panel.getByRole('region', { name: 'Topic middle east/iran' })).toBeVisible();

  // A path another topic has is refused and said.
  const renamed = panel.getByRole('region', { name: 'Topic middle east/iran' });
  await renamed.getByRole('textbox', { name: 'Path' }).fill('extradition');
  await renamed.getByRole('button', { name: 'Save changes' }).click();
  await expect(panel.getByRole('alert')).toBeVisible();
  expect(parley.store.data.topics.filter((t) => t.path.toLowerCase() === 'extradition')).toHaveLength(1);
});

test('merge keeps the passages’ other topics; delete keeps the passages', async ({ parley }) => {
  const page = await seed(parley);
  const panel = await openCodebook(parley, page);

  // Merge lugovoy into iran/nuclear, by keyboard: the passage keeps extradition and gains iran/nuclear.
  await panel.getByRole('button', { name: 'lugovoy', exact: true }).focus();
  await page.keyboard.press('Enter');
  let detail = panel.getByRole('region', { name: 'Topic lugovoy' });
  await detail.getByRole('combobox', { name: 'Merge into' }).selectOption({ label: 'iran/nuclear' });
  await detail.getByRole('button', { name: 'Merge' }).press('Enter');
  await expect(panel.getByRole('button', { name: 'lugovoy', exact: true })).toHaveCount(0);
  expect(topicPaths(parley, EXTRADITION)).toEqual(['extradition', 'iran/nuclear']);
  expect(topicPaths(parley, IRAN)).toEqual(['iran', 'iran/nuclear']);
  // The topic merged into is chosen and focused, its count grown.
  const nuclear = panel.getByRole('button', { name: 'iran/nuclear', exact: true });
  await expect(nuclear).toBeFocused();
  await expect(nuclear).toHaveAccessibleDescription('2 passages');
  await expect(
    page.getByRole('status').filter({ hasText: 'Merged lugovoy into iran/nuclear.' }),
  ).toBeVisible();

  // Delete iran: asked first, Keep keeps it; then deleted, and its passage stays with its other topic.
  await panel.getByRole('button', { name: 'iran', exact: true }).focus();
  await page.keyboard.press('Enter');
  detail = panel.getByRole('region', { name: 'Topic iran' });
  await detail.getByRole('button', { name: 'Delete topic…' }).press('Enter');
  const confirm = detail.getByRole('group', { name: 'Delete iran?' });
  await expect(confirm).toContainText(
    'The passage tagged with it stays, without this topic; its subtopics stay too.',
  );
  await expect(confirm.getByRole('button', { name: 'Keep' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(confirm).toHaveCount(0);
  await expect(detail.getByRole('button', { name: 'Delete topic…' })).toBeFocused();
  expect(parley.store.data.topics.some((t) => t.path === 'iran')).toBe(true);

  await page.keyboard.press('Enter');
  await confirm.getByRole('button', { name: 'Delete', exact: true }).press('Enter');
  await expect(panel.getByRole('button', { name: 'iran', exact: true })).toHaveCount(0);
  expect(parley.store.data.topics.some((t) => t.path === 'iran')).toBe(false);
  expect(parley.store.data.annotations).toHaveLength(3);
  expect(topicPaths(parley, IRAN)).toEqual(['iran/nuclear']);
  // iran is now a group over its subtopics, which stay.
  await expect(panel.getByRole('button', { name: 'iran/diplomacy', exact: true })).toBeVisible();
  await expect(panel.getByText('iran (group)', { exact: true })).toBeVisible();
  await expect(
    page.getByRole('status').filter({ hasText: /^Deleted topic iran; its passages stay\./ }),
  ).toBeVisible();
});

test('unused topics are listed, asked about, and removed in one step that Undo brings back', async ({
  parley,
}) => {
  await seed(parley);
  // A slip ("extr"), a branch never used, and a parent whose only use is below it (which stays).
  await parley.page.evaluate(async () => {
    for (const path of ['extr', 'russia', 'russia/energy', 'iran/nuclear/centrifuges', 'sanctions']) {
      await window.parley.createTopic({ path });
    }
  });
  const page = await parley.reload();
  const panel = await openCodebook(parley, page);
  const paths = () => parley.store.data.topics.map((t) => t.path).sort();
  const before = paths();

  const open = panel.getByRole('button', { name: 'Remove unused topics (4)' });
  await open.focus();
  await page.keyboard.press('Enter');
  const confirm = panel.getByRole('group', { name: /^Remove these 4 unused topics\?/ });
  await expect(confirm.getByRole('list', { name: 'Unused topics' }).getByRole('listitem')).toHaveText([
    'extr',
    'iran/nuclear/centrifuges',
    'russia',
    'russia/energy',
  ]);
  await expect(confirm.getByRole('button', { name: 'Keep' })).toBeFocused();
  // Escape keeps them all, and focus goes back to the button.
  await page.keyboard.press('Escape');
  await expect(confirm).toHaveCount(0);
  await expect(open).toBeFocused();
  expect(paths()).toEqual(before);

  parley.calls.length = 0;
  await page.keyboard.press('Enter');
  await confirm.getByRole('button', { name: 'Remove 4 topics' }).press('Enter');
  await expect(open).toHaveCount(0);
  expect(paths()).toEqual(
    before.filter((p) => !['extr', 'russia', 'russia/energy', 'iran/nuclear/centrifuges'].includes(p)),
  );
  expect(paths()).toContain('sanctions');
  expect(parley.calls.filter((c) => c.startsWith('topics:'))).toEqual(['topics:remove-unused']);
  await expect(panel.getByRole('button', { name: 'extr', exact: true })).toHaveCount(0);
  await expect(
    page.getByRole('status').filter({ hasText: /^Removed 4 unused topics\. Undo with Ctrl\+Z\./ }),
  ).toBeVisible();
  expect(parley.store.data.annotations).toHaveLength(3);

  // One Undo brings all four back.
  await page.keyboard.press('Control+z');
  await expect.poll(paths).toEqual(before);
  await expect(panel.getByRole('button', { name: 'Remove unused topics (4)' })).toBeVisible();
});
