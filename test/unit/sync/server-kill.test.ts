/**
 * The sync server killed (SIGKILL) while a replica uploads 10,000 highlights, then restarted on the same data:
 * every replica ends equal, with every highlight once, five runs out of five, each kill at another moment of the
 * upload (and each checked to have come before the upload finished).
 */
import assert from 'node:assert/strict';
import { cpSync, mkdirSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { join } from 'node:path';
import { joinNotebook, openSync, type SyncService } from '../../../main/sync/service';
import type { NotebookStore } from '../../../main/storage/notebook-store';
import { startSyncServer } from './server-process';
import { addHighlights, addTestDocument, canonical, openStore, tempDir, until } from './fixtures';

const HIGHLIGHTS = 10_000;
const dir = tempDir('parley-sync-kill-');
const snapshot = join(dir.path, 'snapshot');
let token = '';

before(async () => {
  // Once: a shared notebook on a server, a second replica joined, then 10,000 highlights made offline on the first.
  const server = await startSyncServer({ dataDir: join(snapshot, 'server') });
  token = server.token;
  mkdirSync(join(snapshot, 'a'), { recursive: true });
  mkdirSync(join(snapshot, 'b'), { recursive: true });
  const a = await openStore(join(snapshot, 'a', 'notebook.json'));
  const docId = addTestDocument(a, 500);
  const syncA = await openSync(a, { author: () => 'Ana', connect: false });
  const { link } = await syncA.share(server.url, server.token);
  await joinNotebook({
    link: link!,
    server: server.url,
    token,
    path: join(snapshot, 'b', 'notebook.json'),
    author: 'Ben',
  });
  syncA.goOffline();
  addHighlights(a, docId, HIGHLIGHTS, { sentences: 500, perChange: 500, note: (i) => `note ${i}` });
  await syncA.close();
  await a.close();
  await server.kill('SIGTERM');
});

after(() => dir.remove());

async function replica(path: string, author: string): Promise<{ store: NotebookStore; sync: SyncService }> {
  const store = await openStore(path);
  return { store, sync: await openSync(store, { author: () => author, connect: false, retryMs: 500 }) };
}

for (const [run, delayMs] of [0, 40, 120, 250, 500].entries()) {
  test(`run ${run + 1} of 5: killed ${delayMs} ms into the upload, restarted: both replicas equal, every highlight once`, async () => {
    const here = join(dir.path, `run-${run}`);
    cpSync(snapshot, here, { recursive: true });
    const server = await startSyncServer({ dataDir: join(here, 'server'), token });
    const a = await replica(join(here, 'a', 'notebook.json'), 'Ana');
    const b = await replica(join(here, 'b', 'notebook.json'), 'Ben');
    try {
      b.sync.connect(server.url, token);
      a.sync.connect(server.url, token);
      await until(() => a.sync.status().phase === 'syncing', 10_000, 'the upload to start');
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      assert.equal(a.sync.isSynced(), false, 'the kill comes before the upload has finished');
      await server.kill('SIGKILL');
      await server.restart();
      await until(
        () =>
          a.sync.isSynced() &&
          b.sync.isSynced() &&
          b.store.data.annotations.length === HIGHLIGHTS &&
          JSON.stringify(canonical(a.store.data)) === JSON.stringify(canonical(b.store.data)),
        30_000,
        'both replicas to be equal and in sync',
      );
      for (const { store } of [a, b]) {
        assert.equal(store.data.annotations.length, HIGHLIGHTS);
        assert.equal(
          new Set(store.data.annotations.map((x) => x.id)).size,
          HIGHLIGHTS,
          'no highlight doubled',
        );
      }
      assert.deepEqual(canonical(a.store.data), canonical(b.store.data));
    } finally {
      for (const { store, sync } of [a, b]) {
        await sync.close();
        await store.close();
      }
      await server.stop();
    }
  });
}
