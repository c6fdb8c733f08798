// Team sync's part of the window, driven as a researcher drives it, against a stand-in for the sync engine that
// records what the window asks (test/renderer/sync-double.ts): every test in this file uses it, for the window's
// own behaviour (what the status bar says in each state, the dialogs' checks and wording, the conflicts panel's
// keys and labels, the join's save dialog and restart). The engine and the real server are in sync.spec.ts.
// The author names and texts below are written for these tests.
import type { Page } from '@playwright/test';
import type { SyncConflict } from '../../shared/contract';
import { expect, selectPhrase, test, type Parley } from './harness';
import { SyncDouble } from './sync-double';

test.use({ parleyOptions: { openSync: async () => new SyncDouble() } });

const double = (parley: Parley) => parley.sync as SyncDouble;
const statusBar = (page: Page) => page.getByRole('region', { name: 'Status' });
const syncGroup = (page: Page) => statusBar(page).getByRole('group', { name: 'Sync' });

const TOPIC_CONFLICT: SyncConflict = {
  id: 'field:topics:t1:path',
  kind: 'field',
  title: 'Topic “iran” renamed',
  values: [
    { text: 'iran/nuclear', author: 'Ana', shown: true },
    { text: 'iran-talks', author: 'Boris', shown: false },
  ],
};
const STANCE_CONFLICT: SyncConflict = {
  id: 'field:annotations:a1:stance',
  kind: 'field',
  title: 'Stance of “his extradition to UK is absolutely out of the question”',
  values: [
    { text: 'refusal', author: 'Ana', shown: false },
    { text: 'denial', author: 'Boris', shown: true },
  ],
};
const DANGLING: SyncConflict = {
  id: 'dangling:a2:a3',
  kind: 'dangling-link',
  title: 'A link to a deleted highlight',
  values: [],
  link: {
    from: 'a2',
    to: 'a3',
    type: 'rebuts',
    quote: 'The horrific murder of Mr. Litvinenko',
    deletedBy: 'Boris',
  },
};

async function readingReady(page: Page): Promise<void> {
  await expect(page.locator('.doc-text [data-start]').first()).toBeVisible();
}

test('the status bar says nothing of sync while it is off, and each state once it is on', async ({
  parley,
}) => {
  const { page } = parley;
  await readingReady(page);
  await expect(syncGroup(page)).toHaveCount(0);

  double(parley).tell({
    phase: 'synced',
    server: 'wss://sync.example.org',
    link: 'automerge:x',
    lastSynced: '2026-12-06T14:02:00.000Z',
  });
  const state = syncGroup(page).locator('.sync-status__state');
  await expect(state.locator('.sync-status__label')).toHaveText('Synced');
  // When, on hover (the time in the reader's own zone) and for a screen reader.
  await expect(state).toHaveAttribute('title', /^Last synced 6 December 2026, \d\d:\d\d$/);
  await expect(state).toContainText(/Synced: Last synced 6 December 2026/);

  double(parley).tell({ phase: 'syncing' });
  await expect(state.locator('.sync-status__label')).toHaveText('Syncing…');

  double(parley).tell({
    phase: 'offline',
    message: 'The sync server cannot be reached (connection refused).',
  });
  await expect(state.locator('.sync-status__label')).toHaveText('Offline');
  await expect(state).toHaveAttribute('title', 'The sync server cannot be reached (connection refused).');

  double(parley).tell({ phase: 'refused', message: 'The server refused the team token.' });
  await expect(state.locator('.sync-status__label')).toHaveText('Refused');
  // Refused needs the user: its reason is written out, not only on hover.
  await expect(state.locator('.sync-status__message')).toBeVisible();
  await expect(state.locator('.sync-status__message')).toHaveText(': The server refused the team token.');

  double(parley).tell({ phase: 'off', server: null, link: null });
  await expect(syncGroup(page)).toHaveCount(0);
});

test('Share Notebook…: the address and token are checked, then the link is shown with Copy and what to give colleagues', async ({
  parley,
}) => {
  const { page } = parley;
  await readingReady(page);
  // What a copy puts on the clipboard: the text selected in the field it was made from.
  await page.evaluate(() =>
    document.addEventListener('copy', (event) => {
      const field = event.target as HTMLInputElement;
      const copied = field.value.slice(field.selectionStart ?? 0, field.selectionEnd ?? 0);
      (window as unknown as { copied: string[] }).copied = [copied];
    }),
  );
  await parley.menuCommand('share-notebook');
  const dialog = page.getByRole('dialog', { name: 'Share notebook' });
  await expect(dialog).toBeVisible();
  // No name is set yet: sharing asks for it.
  const name = dialog.getByRole('textbox', { name: 'Your name' });
  await expect(name).toBeFocused();
  await name.fill('Ana');
  await dialog.getByRole('textbox', { name: 'Sync server address' }).fill('ftp://sync.example.org');
  await dialog.getByRole('button', { name: 'Share' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(/starts ws:\/\/, wss:\/\/, http:\/\/ or https:\/\//);
  await dialog.getByRole('textbox', { name: 'Sync server address' }).fill('wss://sync.example.org');
  await dialog.getByRole('button', { name: 'Share' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(/team token/);
  expect(double(parley).calls).toEqual([]);

  // A refusal from the engine is said in the dialog, which keeps what was typed.
  double(parley).shareRefusal = 'The sync server refused the team token.';
  await dialog.getByLabel('Team token').fill('wrong');
  await dialog.getByRole('button', { name: 'Share' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('The sync server refused the team token.');
  await expect(dialog.getByRole('textbox', { name: 'Sync server address' })).toHaveValue(
    'wss://sync.example.org',
  );

  double(parley).shareRefusal = null;
  await dialog.getByLabel('Team token').fill('team-token');
  await dialog.getByRole('button', { name: 'Share' }).click();
  await expect(dialog.getByRole('heading', { name: 'This notebook is shared' })).toBeVisible();
  expect(
    double(parley)
      .calls.filter((c) => c[0] === 'share')
      .at(-1),
  ).toEqual(['share', 'wss://sync.example.org', 'team-token']);
  const link = dialog.getByRole('textbox', { name: 'Notebook link' });
  await expect(link).toHaveValue(double(parley).link);
  await expect(dialog).toContainText(
    'Give your colleagues three things: this link, the server address (wss://sync.example.org) and the team token.',
  );
  await dialog.getByRole('button', { name: 'Copy' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Copied.');
  expect(await page.evaluate(() => (window as unknown as { copied: string[] }).copied)).toEqual([
    double(parley).link,
  ]);
  // The name asked for is the author name now.
  expect(await page.evaluate(() => window.parley.preferences())).toEqual({ authorName: 'Ana' });

  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();
  await expect(syncGroup(page).locator('.sync-status__label')).toHaveText('Synced');
  // Asked again, the dialog shows the link of the notebook shared, without asking anything.
  await parley.menuCommand('share-notebook');
  await expect(dialog.getByRole('textbox', { name: 'Notebook link' })).toHaveValue(double(parley).link);
  await expect(dialog.getByRole('textbox', { name: 'Your name' })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('the conflicts: the count opens the panel, every value with who set it, Keep this settles one, the keys work', async ({
  parley,
}) => {
  const { page } = parley;
  await readingReady(page);
  double(parley).tell({ phase: 'synced', server: 'ws://127.0.0.1:1', link: 'automerge:x' });
  double(parley).setConflicts([TOPIC_CONFLICT, STANCE_CONFLICT, DANGLING]);
  const count = syncGroup(page).getByRole('button', { name: /conflicts?$/ });
  await expect(count).toHaveText('3 conflicts');
  await count.click();

  const panel = page.getByRole('complementary', { name: 'Sync conflicts' });
  await expect(panel.getByRole('heading', { name: 'Sync conflicts' })).toBeFocused();
  await expect(panel).toContainText('3 conflicts that sync could not settle alone.');
  const rows = panel.getByRole('article');
  await expect(rows).toHaveCount(3);

  const topic = panel.getByRole('article', { name: 'Topic “iran” renamed' });
  await expect(topic.getByRole('listitem')).toHaveText([
    /iran\/nuclear\s*set by Ana · shown now/,
    /iran-talks\s*set by Boris/,
  ]);
  const stance = panel.getByRole('article', { name: /^Stance of “his extradition/ });
  await expect(stance.getByRole('listitem')).toHaveText([
    /^refusal\s*set by Ana\s*Keep this$/,
    /^denial\s*set by Boris · shown now\s*Keep this$/,
  ]);
  const dangling = panel.getByRole('article', { name: 'A link to a deleted highlight' });
  await expect(dangling).toContainText('rebuts a highlight that Boris deleted');
  await expect(dangling.locator('blockquote')).toHaveText('The horrific murder of Mr. Litvinenko');

  // Tab goes from the heading to Close, then to the first conflict; ↓ and ↑ move between conflicts, and Tab
  // reaches each one's buttons.
  await page.keyboard.press('Tab');
  await expect(panel.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(topic).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(stance).toBeFocused();
  await page.keyboard.press('End');
  await expect(dangling).toBeFocused();
  await page.keyboard.press('Home');
  await expect(topic).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Tab');
  await expect(stance.getByRole('button', { name: 'Keep this: “refusal”, set by Ana' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(() => double(parley).calls.at(-1)).toEqual(['resolve', STANCE_CONFLICT.id, 0]);
  await expect(rows).toHaveCount(2);
  await expect(count).toHaveText('2 conflicts');
  // Focus goes on to the conflict now in its place.
  await expect(dangling).toBeFocused();

  await dangling.getByRole('button', { name: 'Restore highlight' }).click();
  await expect.poll(() => double(parley).calls.at(-1)).toEqual(['resolve', DANGLING.id, 'restore']);
  await expect(count).toHaveText('1 conflict');
  await topic.getByRole('button', { name: 'Keep this: “iran-talks”, set by Boris' }).click();
  await expect.poll(() => double(parley).calls.at(-1)).toEqual(['resolve', TOPIC_CONFLICT.id, 1]);
  await expect(panel).toContainText('Nothing waits for you');
  await expect(syncGroup(page).getByRole('button')).toHaveCount(0);

  // New conflicts arrive with a status while the panel is open: it lists them.
  double(parley).setConflicts([DANGLING]);
  await expect(rows).toHaveCount(1);
  await dangling.getByRole('button', { name: 'Remove link' }).click();
  await expect.poll(() => double(parley).calls.at(-1)).toEqual(['resolve', DANGLING.id, 'remove']);
  // None left: focus goes to the panel's heading, and Esc closes it.
  await expect(panel.getByRole('heading', { name: 'Sync conflicts' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
});

test('Sync Now and Stop Syncing… (asked first) while sync is on; said to be off otherwise', async ({
  parley,
}) => {
  const { page } = parley;
  await readingReady(page);
  await parley.menuCommand('sync-now');
  await expect(statusBar(page).getByRole('status')).toHaveText(/Sync is off: share this notebook/);
  expect(double(parley).calls).toEqual([]);

  double(parley).tell({
    phase: 'offline',
    server: 'ws://127.0.0.1:1',
    link: 'automerge:x',
    message: 'Unreachable.',
  });
  await parley.menuCommand('sync-now');
  await expect(statusBar(page).getByRole('status')).toHaveText(/^Synced: this notebook and the server/);
  expect(double(parley).calls).toEqual([['syncNow']]);

  await parley.menuCommand('stop-sync');
  const dialog = page.getByRole('dialog', { name: 'Stop syncing' });
  await expect(dialog).toContainText('This notebook stays as it is, and so does its copy on the server');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(double(parley).calls).toEqual([['syncNow']]);
  await parley.menuCommand('stop-sync');
  await dialog.getByRole('button', { name: 'Stop syncing' }).click();
  await expect(dialog).toBeHidden();
  expect(double(parley).calls).toEqual([['syncNow'], ['stop']]);
  await expect(syncGroup(page)).toHaveCount(0);
  await expect(statusBar(page).getByRole('status')).toHaveText(/^Sync is off for this notebook/);
});

test('Join Shared Notebook…: link, address and token; main asks where to save it, makes it, and restarts with it', async ({
  parley,
}) => {
  const { page } = parley;
  await readingReady(page);
  await page.evaluate(() => window.parley.setAuthorName({ name: 'Boris' }));
  await page.reload();
  await readingReady(page);
  await parley.menuCommand('join-notebook');
  const dialog = page.getByRole('dialog', { name: 'Join shared notebook' });
  await expect(dialog).toContainText('then restarts with it open');
  // The name is set: not asked again.
  await expect(dialog.getByRole('textbox', { name: 'Your name' })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Join…' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(/notebook link/);
  await dialog
    .getByRole('textbox', { name: 'Notebook link' })
    .fill(' automerge:2Zx9kQh7tQ1cZpVrQ3m8fZ1Jc4aB ');
  await dialog.getByRole('textbox', { name: 'Sync server address' }).fill('ws://127.0.0.1:4000');
  await dialog.getByLabel('Team token').fill('team-token');

  // The save dialog cancelled: nothing is made.
  parley.nextNotebookPath = null;
  await dialog.getByRole('button', { name: 'Join…' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('No notebook was made: no place to save it was chosen.');
  expect(double(parley).calls).toEqual([]);

  const path = `${parley.dir}/team.json`;
  parley.nextNotebookPath = path;
  await dialog.getByRole('button', { name: 'Join…' }).click();
  await expect(dialog.getByRole('status')).toContainText(`The shared notebook is saved at ${path}.`);
  await expect(dialog.getByRole('status')).toContainText('Parley now restarts with it open');
  expect(double(parley).calls).toEqual([
    ['join', 'automerge:2Zx9kQh7tQ1cZpVrQ3m8fZ1Jc4aB', 'ws://127.0.0.1:4000', 'team-token', path],
  ]);
  await expect.poll(() => parley.openedNotebooks).toEqual([path]);
});

test('Preferences…: the author name, set once, is shown on each highlight made after it', async ({
  parley,
}) => {
  const { page } = parley;
  await readingReady(page);
  await parley.menuCommand('preferences');
  const dialog = page.getByRole('dialog', { name: 'Preferences' });
  const name = dialog.getByRole('textbox', { name: 'Your name' });
  await expect(name).toHaveValue('');
  await name.fill('  Ana Silva ');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(statusBar(page).getByRole('status')).toHaveText(
    'Saved: the highlights you make are recorded as made by Ana Silva.',
  );

  const phrase = 'his extradition to UK is absolutely out of the question';
  await selectPhrase(page, phrase);
  await page.keyboard.press('h');
  const editor = page.getByRole('dialog', { name: 'Highlight' });
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toBeHidden();
  const card = page.locator('.margin').getByRole('article', { name: /^Note on “his extradition/ });
  await expect(card.locator('.card__author')).toHaveText('by Ana Silva');
  await parley.menuCommand('highlights');
  await expect(page.locator('.highlight-list__row').first()).toContainText('by Ana Silva');
  expect((await parley.readNotebookFile()).annotations.at(-1)?.author).toBe('Ana Silva');

  // Reopened, it holds the name set; a highlight made without one shows no author.
  await parley.menuCommand('preferences');
  await expect(name).toHaveValue('Ana Silva');
  await name.fill('');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await selectPhrase(page, 'Lugovoy');
  await page.keyboard.press('h');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toBeHidden();
  await expect(page.locator('.margin .card__author')).toHaveCount(1);
});
