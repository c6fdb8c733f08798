// Kills a writing process at random moments and checks that the notebook always reopens with every change it had
// reported saved: the file is only ever replaced whole.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Notebook } from '../../../main/core/model';
import { openNotebookStore } from '../../../main/storage/notebook-store';

const ROUNDS = 20;
const writer = fileURLToPath(new URL('./crash-writer.ts', import.meta.url));

interface Round {
  saved: number[];
  sawReady: boolean;
  killDelayMs: number;
}

function runAndKill(path: string, killDelayMs: number): Promise<Round> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writer, path], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const round: Round = { saved: [], sawReady: false, killDelayMs };
    let buffered = '';
    let stderr = '';
    let killer: ReturnType<typeof setTimeout> | undefined;
    // If the child never gets ready, do not hang the suite.
    const guard = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'ready') {
          round.sawReady = true;
          killer = setTimeout(() => child.kill('SIGKILL'), killDelayMs);
        } else if (line.startsWith('saved ')) {
          round.saved.push(Number(line.slice(6)));
        }
      }
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      clearTimeout(killer);
      if (signal !== 'SIGKILL') {
        reject(new Error(`writer ended by itself (code ${code}, signal ${signal}): ${stderr}`));
      } else if (!round.sawReady) {
        reject(new Error(`writer was never ready: ${stderr}`));
      } else {
        resolve(round);
      }
    });
  });
}

test(`a notebook survives ${ROUNDS} kills mid-write with every reported save intact`, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'parley-crash-'));
  const path = join(dir, 'notebook.json');
  try {
    let highestSaved = 0;
    let totalSaved = 0;
    const history: string[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const killDelayMs = Math.floor(Math.random() * 120);
      const round = await runAndKill(path, killDelayMs);
      totalSaved += round.saved.length;
      highestSaved = Math.max(highestSaved, ...round.saved);
      history.push(`round ${i}: killed after ${killDelayMs} ms, reported ${round.saved.length} saves`);
      const where = history.join('\n');

      // The file always parses as a whole notebook...
      const raw = JSON.parse(await readFile(path, 'utf8')) as Notebook;
      assert.equal(raw.documents.length, 1, where);
      // ...and the store opens it (sweeping the dead writer's temp files).
      const store = await openNotebookStore(path, { createIfMissing: false });
      const ids = store.data.topics.map((t) => t.id);
      // Each write is a snapshot of a prefix of the changes: r1..rK, nothing missing in between.
      assert.deepEqual(
        ids,
        Array.from({ length: ids.length }, (_, k) => `r${k + 1}`),
        where,
      );
      assert.ok(
        ids.length >= highestSaved,
        `${where}\nfile has ${ids.length} revisions, ${highestSaved} were reported saved`,
      );
      await store.close();
      assert.deepEqual(await readdir(dir), ['notebook.json'], where);
    }
    assert.ok(totalSaved > 0, 'the writer reported at least one save across all rounds');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
