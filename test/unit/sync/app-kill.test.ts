/**
 * The app killed (SIGKILL) in the middle of a sync, with an upload going out and another machine's changes coming
 * in, and reopened offline: every edit it had saved before the kill is in the notebook, and reaches the others
 * once it syncs again. Three runs, each killed at another moment.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { after, before, test } from 'node:test';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { joinNotebook, openSync } from '../../../main/sync/service';
import { startSyncServer, type RunningSyncServer } from './server-process';
import { addHighlights, addTestDocument, canonical, openStore, tempDir } from './fixtures';

const here = dirname(fileURLToPath(import.meta.url));
const dir = tempDir('parley-sync-app-kill-');
let server: RunningSyncServer;

before(async () => {
  server = await startSyncServer();
});
after(async () => {
  await server.stop();
  dir.remove();
});

interface Saved {
  saved: string[];
  noted: string;
  topic: string;
}

/** Runs the stand-in app; resolves with what it saved once it is killed `delayMs` into its upload. */
function runAndKill(path: string, delayMs: number): Promise<Saved> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(here, 'app-process.ts'), path, server.url, server.token],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    let saved: Saved | null = null;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the stand-in app did not get to its upload: ${stderr}`));
    }, 60_000);
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.startsWith('{')) saved = JSON.parse(line) as Saved;
      if (line === 'uploading') {
        setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL' || !saved)
        reject(new Error(`the stand-in app ended by itself (${code}): ${stderr}`));
      else resolve(saved);
    });
  });
}

for (const [run, delayMs] of [0, 100, 400].entries()) {
  test(`run ${run + 1}: killed ${delayMs} ms into a sync, reopened offline, nothing saved is lost`, async () => {
    const folder = join(dir.path, `run-${run}`);
    // A shared notebook, and another machine that sends 2,000 highlights while the app uploads.
    const closers: Array<() => Promise<void>> = [];
    try {
      const owner = await openStore(join(folder, 'owner.json'));
      closers.push(() => owner.close());
      const docId = addTestDocument(owner, 500);
      const ownerSync = await openSync(owner, { author: () => 'Owner', connect: false });
      closers.push(() => ownerSync.close());
      const { link } = await ownerSync.share(server.url, server.token);
      const appPath = join(folder, 'app.json');
      await joinNotebook({
        link: link!,
        server: server.url,
        token: server.token,
        path: appPath,
        author: 'App',
      });
      ownerSync.goOffline();
      addHighlights(owner, docId, 2000, { from: 100, sentences: 500, perChange: 2000 });
      ownerSync.connect(server.url, server.token);

      const saved = await runAndKill(appPath, delayMs);

      // Reopened offline: every saved edit is in the notebook.
      const app = await openStore(appPath);
      closers.push(() => app.close());
      const appSync = await openSync(app, { author: () => 'App', connect: false });
      closers.push(() => appSync.close());
      const ids = new Set(app.data.annotations.map((a) => a.id));
      for (const id of saved.saved) assert.ok(ids.has(id), `saved highlight ${id} kept`);
      assert.match(
        app.data.annotations.find((a) => a.id === saved.noted)!.note,
        /line saved before the kill/,
      );
      assert.ok(app.data.topics.some((t) => t.id === saved.topic && t.path === 'saved/topic'));
      for (const a of app.data.annotations.filter(
        (x) => saved.saved.includes(x.id) && x.id !== saved.noted,
      )) {
        assert.match(a.note, /^saved note \d+$/);
      }

      // Back online: the saved edits reach the others, and every replica ends equal.
      await appSync.syncWith(server.url, server.token);
      await ownerSync.syncWith(server.url, server.token);
      await appSync.syncWith(server.url, server.token);
      const third = join(folder, 'third.json');
      await joinNotebook({
        link: link!,
        server: server.url,
        token: server.token,
        path: third,
        author: 'Third',
      });
      const joined = await openStore(third);
      closers.push(() => joined.close());
      for (const id of saved.saved)
        assert.ok(
          joined.data.annotations.some((a) => a.id === id),
          `${id} reached the others`,
        );
      assert.deepEqual(canonical(app.data), canonical(owner.data));
      assert.deepEqual(canonical(joined.data), canonical(owner.data));
      const noteLines = owner.data.annotations.find((a) => a.id === saved.noted)!.note.split('\n');
      assert.equal(
        noteLines.filter((l) => l === 'line saved before the kill').length,
        1,
        'the saved line is there once',
      );
    } finally {
      for (const close of closers.reverse()) await close().catch(() => {});
    }
  });
}
