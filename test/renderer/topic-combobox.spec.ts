// Picking topics in the highlight editor with the keyboard alone: typing filters by path and selects the first
// match, arrows move (through the option that makes a topic too), Enter takes the selected option, Backspace in the
// empty field drops the last one; a topic made in an editor exists only once the highlight is saved; and the
// matching rules the combobox relies on, checked without a browser.
import type { Page } from '@playwright/test';
import { buildTopicTree, matchTopics, normalizePath, visibleNodes } from '../../renderer/panels/topic-paths';
import type { TopicWithCount } from '../../renderer/types';
import { expect, selectPhrase, test } from './harness';

const EXTRADITION = 'his extradition to UK is absolutely out of the question';
const IRAN = 'he expects Iran to accept IAEA proposal on enriching uranium abroad';

function topic(id: string, path: string, count = 0): TopicWithCount {
  return { id, path, colour: '#88ccee', description: '', count };
}

async function openEditor(page: Page, phrase: string) {
  await selectPhrase(page, phrase);
  await page.keyboard.press('h');
  const editor = page.getByRole('dialog', { name: 'Highlight' });
  await expect(editor).toBeVisible();
  return editor;
}

test('topics are picked, made and dropped from the keyboard alone', async ({ parley }) => {
  const { page } = parley;
  let editor = await openEditor(page, EXTRADITION);
  const combo = editor.getByRole('combobox', { name: 'Topics' });
  await combo.focus();
  await page.keyboard.type('iran / nuclear');
  await expect(combo).toHaveAttribute('aria-expanded', 'true');
  // No topic matches: making it is the one option, and selected.
  const make = editor.getByRole('option', { name: "Create topic 'iran/nuclear'" });
  await expect(make).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(editor.getByRole('button', { name: 'Remove topic iran/nuclear', exact: true })).toBeVisible();
  await expect(editor.getByRole('listitem').filter({ hasText: 'iran/nuclear' })).toContainText('new');
  await expect(combo).toHaveValue('');
  await page.keyboard.type('extradition');
  await page.keyboard.press('Enter');
  await expect(editor.getByRole('button', { name: 'Remove topic extradition', exact: true })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(editor.getByRole('combobox', { name: 'Party' })).toBeFocused();
  await editor.getByRole('textbox', { name: 'Note (Markdown)' }).focus();
  await page.keyboard.press('Control+Enter');
  await expect(editor).toBeHidden();
  expect(parley.store.data.topics.map((t) => t.path).sort()).toEqual(['extradition', 'iran/nuclear']);

  editor = await openEditor(page, IRAN);
  await combo.focus();
  // A substring of a segment finds the topic with its full path; the others are filtered out.
  await page.keyboard.type('nuc');
  const listbox = editor.getByRole('listbox', { name: 'Topics' });
  await expect(listbox.getByRole('option')).toHaveText(['iran/nuclear', "Create topic 'nuc'"]);
  // The first match is selected as soon as it is typed; making "nuc" is offered, not selected.
  const first = listbox.getByRole('option', { name: 'iran/nuclear' });
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await expect(combo).toHaveAttribute('aria-activedescendant', (await first.getAttribute('id'))!);
  await page.keyboard.press('Enter');
  await expect(editor.getByRole('button', { name: 'Remove topic iran/nuclear', exact: true })).toBeVisible();

  // "iran" exists only as a prefix: the option to make it comes last, and ArrowUp wraps round to it.
  await page.keyboard.type('iran');
  await expect(listbox.getByRole('option').last()).toHaveText("Create topic 'iran'");
  // The topic already chosen is not offered again.
  await expect(listbox.getByRole('option', { name: 'iran/nuclear' })).toHaveCount(0);
  await page.keyboard.press('ArrowUp');
  await expect(listbox.getByRole('option', { name: "Create topic 'iran'" })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await page.keyboard.press('Enter');
  await expect(editor.getByRole('button', { name: 'Remove topic iran', exact: true })).toBeVisible();
  // Made only when the highlight is saved.
  expect(parley.store.data.topics.map((t) => t.path).sort()).toEqual(['extradition', 'iran/nuclear']);

  // Backspace in the empty field drops the last topic chosen.
  await page.keyboard.press('Backspace');
  await expect(editor.getByRole('button', { name: 'Remove topic iran', exact: true })).toHaveCount(0);
  await expect(editor.getByRole('button', { name: 'Remove topic iran/nuclear', exact: true })).toBeVisible();

  // An existing topic typed in another case is picked, not made twice.
  await page.keyboard.type('EXTRADITION');
  await expect(listbox.getByRole('option')).toHaveText(['extradition']);
  await page.keyboard.press('Enter');
  await expect(editor.getByRole('button', { name: 'Remove topic extradition', exact: true })).toBeVisible();
  expect(parley.store.data.topics).toHaveLength(2);

  // Esc closes the list first and only then the editor; the chips' own buttons remove topics too.
  await page.keyboard.type('x');
  await expect(listbox).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(listbox).toBeHidden();
  await expect(editor).toBeVisible();
  await page.keyboard.press('Backspace');
  await editor.getByRole('button', { name: 'Remove topic iran/nuclear', exact: true }).press('Enter');
  await expect(editor.getByRole('button', { name: 'Remove topic iran/nuclear', exact: true })).toHaveCount(0);
  await editor.getByRole('textbox', { name: 'Note (Markdown)' }).focus();
  await page.keyboard.press('Control+Enter');
  await expect(editor).toBeHidden();

  const iranPassage = parley.store.data.annotations.find((a) => a.target.exact === IRAN);
  const paths = iranPassage?.topicIds.map((id) => parley.store.data.topics.find((t) => t.id === id)?.path);
  expect(paths).toEqual(['extradition']);
  // "iran" was dropped before saving, so it was never made.
  expect(parley.store.data.topics.map((t) => t.path).sort()).toEqual(['extradition', 'iran/nuclear']);
});

const UK_EXTRADITION = 'The horrific murder of Mr. Litvinenko';

test('"extr" and Enter take the topic "extradition"; making "extr" is a choice of its own', async ({
  parley,
}) => {
  const { page } = parley;
  // The UK's side is tagged "extradition" first, as a reader would.
  let editor = await openEditor(page, UK_EXTRADITION);
  const combo = editor.getByRole('combobox', { name: 'Topics' });
  await combo.focus();
  await page.keyboard.type('extradition');
  await page.keyboard.press('Enter');
  await editor.getByRole('combobox', { name: 'Party' }).selectOption({ label: 'United Kingdom (UK)' });
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toBeHidden();

  // The steps: Russia's refusal, "extr", Enter.
  editor = await openEditor(page, EXTRADITION);
  await combo.focus();
  await page.keyboard.type('extr');
  const listbox = editor.getByRole('listbox', { name: 'Topics' });
  await expect(listbox.getByRole('option')).toHaveText(['extradition', "Create topic 'extr'"]);
  const match = listbox.getByRole('option', { name: 'extradition' });
  await expect(match).toHaveAttribute('aria-selected', 'true');
  await expect(match).toHaveClass(/topic-combobox__option--active/);
  await expect(combo).toHaveAttribute('aria-activedescendant', (await match.getAttribute('id'))!);
  await page.keyboard.press('Enter');
  await expect(editor.getByRole('button', { name: 'Remove topic extradition', exact: true })).toBeVisible();
  await editor.getByRole('combobox', { name: 'Party' }).selectOption({ label: 'Russia' });
  await editor.getByRole('textbox', { name: 'Note (Markdown)' }).focus();
  await page.keyboard.press('Control+Enter');
  await expect(editor).toBeHidden();
  expect(parley.store.data.topics.map((t) => t.path)).toEqual(['extradition']);

  // The comparison keeps one extradition row, with both sides in it.
  await page.getByRole('tab', { name: 'Compare' }).click();
  const table = page.getByRole('tabpanel', { name: 'Compare' }).getByRole('table');
  await expect(table.getByRole('rowheader')).toHaveCount(1);
  await expect(table.getByRole('rowheader')).toContainText('extradition');
  await expect(table.getByRole('cell').nth(0)).toContainText('Litvinenko');
  await expect(table.getByRole('cell').nth(1)).toContainText('absolutely out of the question');

  // Making "extr" takes choosing it: down to the option, then Enter.
  await page.getByRole('tab', { name: 'Reading' }).click();
  editor = await openEditor(page, IRAN);
  await combo.focus();
  await page.keyboard.type('extr');
  await page.keyboard.press('ArrowDown');
  await expect(listbox.getByRole('option', { name: "Create topic 'extr'" })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(match).toHaveAttribute('aria-selected', 'false');
  await page.keyboard.press('Enter');
  await expect(editor.getByRole('button', { name: 'Remove topic extr', exact: true })).toBeVisible();
  // Typed exactly, an existing topic is never offered to be made again.
  await page.keyboard.type('Extradition');
  await expect(listbox.getByRole('option')).toHaveText(['extradition']);
  // With the list closed, Enter still makes nothing: it opens the list again with its first option selected.
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Escape');
  await expect(listbox).toBeHidden();
  await page.keyboard.press('Enter');
  await expect(listbox).toBeVisible();
  await expect(match).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toBeHidden();
  const iran = parley.store.data.annotations.find((a) => a.target.exact === IRAN);
  const paths = iran?.topicIds.map((id) => parley.store.data.topics.find((t) => t.id === id)?.path);
  expect(paths).toEqual(['extradition', 'extr']);
});

test('a topic made in an editor that is cancelled is not left behind, and saving is one step of undo', async ({
  parley,
}) => {
  const { page } = parley;
  const paths = () => parley.store.data.topics.map((t) => t.path).sort();
  // Escape, then the Cancel button.
  for (const close of ['Escape', 'Cancel'] as const) {
    const editor = await openEditor(page, EXTRADITION);
    await editor.getByRole('combobox', { name: 'Topics' }).focus();
    await page.keyboard.type('lugovoy case');
    await expect(editor.getByRole('option', { name: "Create topic 'lugovoy case'" })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await page.keyboard.press('Enter');
    await expect(
      editor.getByRole('button', { name: 'Remove topic lugovoy case', exact: true }),
    ).toBeVisible();
    if (close === 'Escape') await page.keyboard.press('Escape');
    else await editor.getByRole('button', { name: 'Cancel' }).click();
    await expect(editor).toBeHidden();
    expect(paths()).toEqual([]);
    expect(parley.calls).not.toContain('topics:create');
  }

  // Saved, the highlight and its new topic are made together; one Undo takes both back, one Redo brings both.
  const editor = await openEditor(page, EXTRADITION);
  await editor.getByRole('combobox', { name: 'Topics' }).focus();
  await page.keyboard.type('lugovoy case');
  await page.keyboard.press('Enter');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toBeHidden();
  expect(paths()).toEqual(['lugovoy case']);
  expect(parley.store.data.annotations).toHaveLength(1);
  await page.keyboard.press('Control+z');
  await expect.poll(() => parley.store.data.annotations.length).toBe(0);
  expect(paths()).toEqual([]);
  await page.keyboard.press('Control+y');
  await expect.poll(() => parley.store.data.annotations.length).toBe(1);
  expect(paths()).toEqual(['lugovoy case']);
});

test('matching: paths as stored, exact first, chosen left out, groups in the tree', () => {
  expect(normalizePath('  iran /  nuclear// ')).toBe('iran/nuclear');
  expect(normalizePath('/a  b/ c/')).toBe('a b/c');

  const topics = [
    topic('a', 'iran/nuclear', 2),
    topic('b', 'iran-deal', 1),
    topic('c', 'sanctions/iran', 1),
    topic('d', 'iran', 3),
    topic('e', 'extradition', 4),
  ];
  const all = matchTopics(topics, 'Iran', new Set());
  expect(all.exact?.id).toBe('d');
  expect(all.matches.map((t) => t.path)).toEqual(['iran', 'iran/nuclear', 'iran-deal', 'sanctions/iran']);
  const without = matchTopics(topics, 'iran', new Set(['d', 'a']));
  expect(without.exact?.id).toBe('d');
  expect(without.matches.map((t) => t.id)).toEqual(['b', 'c']);
  expect(matchTopics(topics, 'zzz', new Set()).matches).toEqual([]);

  // "sanctions" has no topic of its own: a group; passages tagged twice in a subtree count once.
  const tree = buildTopicTree(topics, [['a', 'd'], ['a'], ['c'], ['e']]);
  expect(tree.map((n) => n.path)).toEqual(['extradition', 'iran', 'iran-deal', 'sanctions']);
  const iran = tree.find((n) => n.path === 'iran')!;
  expect(iran.topic?.id).toBe('d');
  expect(iran.subtreeCount).toBe(2);
  expect(iran.children.map((n) => [n.name, n.depth, n.subtreeCount])).toEqual([['nuclear', 2, 2]]);
  const sanctions = tree.find((n) => n.path === 'sanctions')!;
  expect(sanctions.topic).toBeNull();
  expect(sanctions.subtreeCount).toBe(1);
  // Without the passages, the subtree count is the sum of the topics' own counts.
  expect(buildTopicTree(topics).find((n) => n.path === 'iran')!.subtreeCount).toBe(5);
  expect(visibleNodes(tree, new Set(['iran'])).map((n) => n.path)).toEqual([
    'extradition',
    'iran',
    'iran-deal',
    'sanctions',
    'sanctions/iran',
  ]);
});

test('text left in the topic field is taken on save when it picks a topic, and refused when it would make one', async ({
  parley,
}) => {
  const { page } = parley;
  const pathsOf = (exact: string) => {
    const passage = parley.store.data.annotations.find((a) => a.target.exact === exact);
    return passage?.topicIds.map((id) => parley.store.data.topics.find((t) => t.id === id)?.path);
  };
  let editor = await openEditor(page, UK_EXTRADITION);
  const combo = editor.getByRole('combobox', { name: 'Topics' });
  await combo.focus();
  await page.keyboard.type('extradition');
  await page.keyboard.press('Enter');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toBeHidden();

  // "extr" preselects "extradition": Ctrl+Enter saves with it, as Enter then Ctrl+Enter would.
  editor = await openEditor(page, EXTRADITION);
  await combo.focus();
  await page.keyboard.type('extr');
  await expect(editor.getByRole('option', { name: 'extradition' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Control+Enter');
  await expect(editor).toBeHidden();
  expect(pathsOf(EXTRADITION)).toEqual(['extradition']);

  // The same with the Save button.
  editor = await openEditor(page, IRAN);
  await combo.focus();
  await page.keyboard.type('extr');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toBeHidden();
  expect(pathsOf(IRAN)).toEqual(['extradition']);

  // Text that could only make a new topic is not guessed: the save is refused, the field keeps it and has focus.
  const before = parley.store.data.annotations.length;
  editor = await openEditor(page, 'called his talks with the head of British Foreign Office');
  await combo.focus();
  await page.keyboard.type('newleft');
  await editor.getByRole('textbox', { name: 'Note (Markdown)' }).fill('kept note');
  await page.keyboard.press('Control+Enter');
  await expect(editor.getByRole('alert')).toHaveText(
    "The topic field holds 'newleft': press Enter to create it, or clear the field.",
  );
  await expect(editor).toBeVisible();
  await expect(combo).toBeFocused();
  await expect(combo).toHaveValue('newleft');
  expect(parley.store.data.annotations).toHaveLength(before);
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor.getByRole('alert')).toBeVisible();
  expect(parley.store.data.annotations).toHaveLength(before);
  // Enter makes it, as the message says; then the save goes through with the note.
  await combo.focus();
  await page.keyboard.press('Enter');
  await expect(editor.getByRole('button', { name: 'Remove topic newleft', exact: true })).toBeVisible();
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toBeHidden();
  expect(parley.store.data.annotations).toHaveLength(before + 1);
  expect(parley.store.data.topics.map((t) => t.path).sort()).toEqual(['extradition', 'newleft']);
});
