// Team sync in the window with the real engine (main/sync) against the real sync server, started by the test on
// 127.0.0.1 (test/unit/sync/server-process.ts): the notebook is shared from the window, a colleague's replica joins
// it (the engine's joinNotebook into a temp file) and, offline, renames a topic and changes a highlight's stance
// while the window changes them too; after a sync the window counts the conflicts, its panel shows every value with
// who set it, and the values kept settle them here and on the colleague's machine. The names, topic and note are
// written for this test.
import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { updateTopic } from '../../main/core/codebook';
import * as ops from '../../main/core/notebook';
import { joinNotebook, openSync } from '../../main/sync/service';
import { openNotebookStore } from '../../main/storage/notebook-store';
import { startSyncServer, type RunningSyncServer } from '../unit/sync/server-process';
import { expect, test } from './harness';

let server: RunningSyncServer;

test.beforeAll(async () => {
  server = await startSyncServer();
});
test.afterAll(async () => {
  await server?.stop();
});

// The window's notebook syncs through the engine, as main opens it; reconnecting quickly, for the test's pace.
test.use({
  parleyOptions: { openSync: (store, options) => openSync(store, { ...options, retryMs: 300 }) },
});

const PHRASE = 'his extradition to UK is absolutely out of the question';
const statusBar = (page: Page) => page.getByRole('region', { name: 'Status' });
const syncState = (page: Page) =>
  statusBar(page).getByRole('group', { name: 'Sync' }).locator('.sync-status__label');
const conflictCount = (page: Page) => page.locator('.sync-status__conflicts');

test('share from the window, a colleague edits the same topic and stance offline, the conflicts are shown and settled', async ({
  parley,
}) => {
  test.setTimeout(120_000);
  const { page } = parley;
  await expect(page.locator('.doc-text [data-start]').first()).toBeVisible();
  // Sync is off until the user shares: nothing in the status bar.
  await expect(statusBar(page).getByRole('group', { name: 'Sync' })).toHaveCount(0);

  // Share: the name (none set yet), the server's address and the team token; the link comes back.
  await parley.menuCommand('share-notebook');
  const share = page.getByRole('dialog', { name: 'Share notebook' });
  await share.getByRole('textbox', { name: 'Your name' }).fill('Ana');
  await share.getByRole('textbox', { name: 'Sync server address' }).fill(server.url);
  await share.getByLabel('Team token').fill(server.token);
  await share.getByRole('button', { name: 'Share' }).click();
  const linkField = share.getByRole('textbox', { name: 'Notebook link' });
  await expect(linkField).toHaveValue(/^automerge:/);
  const link = await linkField.inputValue();
  await share.getByRole('button', { name: 'Done' }).click();
  await expect(syncState(page)).toHaveText('Synced');

  // A topic and a highlight with a stance, made in the window and synced to the server.
  const { topicId, annotationId } = await page.evaluate(async (phrase) => {
    const api = window.parley;
    const [doc] = await api.listDocuments();
    const { document } = await api.openDocument({ id: doc!.id });
    const topic = await api.createTopic({ path: 'iran' });
    const start = document.text.indexOf(phrase);
    const made = await api.createAnnotation({
      documentId: doc!.id,
      start,
      end: start + phrase.length,
      topicIds: [topic.id],
      note: 'Ruled out.',
      stance: 'refusal',
    });
    return { topicId: topic.id, annotationId: made.id };
  }, PHRASE);
  const card = page.locator('.margin').getByRole('article', { name: /^Note on “his extradition/ });
  await expect(card.locator('.card__author')).toHaveText('by Ana');
  await parley.menuCommand('sync-now');
  await expect(statusBar(page).getByRole('status')).toHaveText(/^Synced: this notebook and the server/);

  // A colleague joins: a replica of their own, in a file of their own.
  const borisPath = join(parley.dir, 'boris.json');
  await joinNotebook({ link, server: server.url, token: server.token, path: borisPath, author: 'Boris' });
  const boris = await openNotebookStore(borisPath);
  const borisSync = await openSync(boris, { author: () => 'Boris', connect: false });
  try {
    expect(boris.data.annotations.find((a) => a.id === annotationId)?.author).toBe('Ana');

    // Offline, Boris renames the topic and gives the highlight another stance; meanwhile the window does too.
    boris.change((nb) => updateTopic(nb, { id: topicId, path: 'iran-talks' }), 'Edit topic');
    boris.change(
      (nb) => ops.updateAnnotation(nb, { id: annotationId, stance: 'denial' }, new Date()),
      'Edit highlight',
    );
    await page.evaluate(
      async ({ topicId, annotationId }) => {
        await window.parley.updateTopic({ id: topicId, path: 'iran-nuclear' });
        await window.parley.updateAnnotation({ id: annotationId, stance: 'demand' });
      },
      { topicId, annotationId },
    );
    await expect(card.locator('.chips .chip')).toHaveText('iran-nuclear');

    // Boris syncs; then the window does: both hold both changes, and two conflicts wait.
    await borisSync.syncWith(server.url, server.token);
    await parley.menuCommand('sync-now');
    await expect(conflictCount(page)).toHaveText('2 conflicts');

    await conflictCount(page).click();
    const panel = page.getByRole('complementary', { name: 'Sync conflicts' });
    const topic = panel.getByRole('article', { name: /^Topic “.*”: name$/ });
    await expect(topic.getByRole('listitem')).toHaveCount(2);
    await expect(topic.getByRole('listitem').filter({ hasText: 'iran-nuclear' })).toContainText('set by Ana');
    await expect(topic.getByRole('listitem').filter({ hasText: 'iran-talks' })).toContainText('set by Boris');
    await expect(topic.getByText('shown now')).toHaveCount(1);
    const stance = panel.getByRole('article', { name: /^Highlight “his extradition.*”: stance$/ });
    await expect(stance.getByRole('listitem').filter({ hasText: 'demand' })).toContainText('set by Ana');
    await expect(stance.getByRole('listitem').filter({ hasText: 'denial' })).toContainText('set by Boris');

    // Keep Boris's name for the topic: one conflict left, and the notebook shows the pick.
    await topic.getByRole('button', { name: 'Keep this: “iran-talks”, set by Boris' }).click();
    await expect(conflictCount(page)).toHaveText('1 conflict');
    await expect(panel.getByRole('article')).toHaveCount(1);
    await expect(card.locator('.chips .chip')).toHaveText('iran-talks');

    // Keep Ana's stance: none left.
    await stance.getByRole('button', { name: 'Keep this: “demand”, set by Ana' }).click();
    await expect(conflictCount(page)).toHaveCount(0);
    await expect(panel).toContainText('Nothing waits for you');
    await expect(card.locator('.chip--stance')).toHaveText('Stance: demand');
    const saved = await parley.readNotebookFile();
    expect(saved.topics.find((t) => t.id === topicId)?.path).toBe('iran-talks');
    expect(saved.annotations.find((a) => a.id === annotationId)?.stance).toBe('demand');

    // The picks travel: Boris's machine settles on the same values, with nothing left to pick.
    await parley.menuCommand('sync-now');
    await expect(statusBar(page).getByRole('status')).toHaveText(/^Synced: this notebook and the server/);
    await expect(syncState(page)).toHaveText('Synced');
    await borisSync.syncWith(server.url, server.token);
    expect(boris.data.topics.find((t) => t.id === topicId)?.path).toBe('iran-talks');
    expect(boris.data.annotations.find((a) => a.id === annotationId)?.stance).toBe('demand');
    expect(borisSync.conflicts()).toEqual([]);
  } finally {
    await borisSync.close();
    await boris.close();
  }
});
