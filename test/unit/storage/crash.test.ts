// Kills a writing process with SIGKILL at random moments across 1,000 reported writes and checks, after every kill,
// that the notebook file is still a whole notebook and that the notebook reopens (file and journal) with every
// change it had reported saved and each later change whole or not at all: the file is only ever replaced whole,
// and a journal record cut short is dropped. Kills land in journal appends and in folds alike. (A kill cannot cut
// one small write() short, as a power cut can: journal.test.ts cuts records at every byte for that.)
// The moments are drawn from a seed printed with the result; PARLEY_CRASH_SEED=<seed> replays the same schedule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { build } from 'esbuild';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openNotebookStore } from '../../../main/storage/notebook-store';
import { journalPathOf, parseJournal, readOnDisk } from '../../../main/storage/journal';
import { migrate } from '../../../main/storage/migrations/index';
import { seededRandom } from '../../../scripts/seeded-random';

/** Writes the child must report saved, over all rounds, before the test ends. */
const TOTAL_WRITES = 1_000;
/** A round is killed after this many reported writes at most (drawn from 0 up), then a few milliseconds more. */
const MAX_WRITES_PER_ROUND = 60;
const MAX_EXTRA_DELAY_MS = 15;
/** A bound, so a writer that stops reporting fails the test instead of looping. */
const MAX_ROUNDS = 400;
/** How many of its latest revisions the writer keeps as topics (crash-writer.ts). */
const KEPT = 50;
const writer = fileURLToPath(new URL('./crash-writer.ts', import.meta.url));

interface Plan {
  killAfterSaves: number;
  extraDelayMs: number;
  childSeed: number;
}

interface Round {
  saved: number[];
}

/**
 * The writer bundled into one file, as the app's main is: it starts in a tenth of the time tsx takes, which over
 * dozens of rounds is most of the test's run time.
 */
async function bundleWriter(dir: string): Promise<string> {
  const outfile = join(dir, 'crash-writer.mjs');
  await build({
    entryPoints: [writer],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
    // Bundled CommonJS dependencies may still call require for Node's own modules.
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
  });
  return outfile;
}

function runAndKill(bundle: string, path: string, plan: Plan): Promise<Round> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, path, String(plan.childSeed)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const round: Round = { saved: [] };
    let ready = false;
    let killScheduled = false;
    let buffered = '';
    let stderr = '';
    let killer: ReturnType<typeof setTimeout> | undefined;
    // A writer that never gets ready or stops reporting must not hang the suite.
    const guard = setTimeout(() => child.kill('SIGKILL'), 60_000);
    const scheduleKill = () => {
      if (killScheduled) return;
      killScheduled = true;
      killer = setTimeout(() => child.kill('SIGKILL'), plan.extraDelayMs);
    };
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'ready') {
          ready = true;
        } else if (line.startsWith('saved ')) {
          // A save reported after the kill was decided still counts: the child said it was on disk.
          round.saved.push(Number(line.slice('saved '.length)));
        }
        if (ready && round.saved.length >= plan.killAfterSaves) scheduleKill();
      }
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      clearTimeout(killer);
      if (signal !== 'SIGKILL') {
        reject(new Error(`writer ended by itself (code ${code}, signal ${signal}): ${stderr}`));
      } else if (!killScheduled) {
        reject(new Error(`writer stalled after ${round.saved.length} saves (ready: ${ready}): ${stderr}`));
      } else {
        resolve(round);
      }
    });
  });
}

test(`a notebook survives SIGKILL at random moments over ${TOTAL_WRITES} writes with every reported save intact`, async (t) => {
  const seed = process.env.PARLEY_CRASH_SEED ? Number(process.env.PARLEY_CRASH_SEED) : randomInt(2 ** 31);
  assert.ok(
    Number.isSafeInteger(seed),
    `PARLEY_CRASH_SEED must be an integer, not ${process.env.PARLEY_CRASH_SEED}`,
  );
  t.diagnostic(`crash seed ${seed} (replay with PARLEY_CRASH_SEED=${seed})`);
  const random = seededRandom(seed);
  const dir = await mkdtemp(join(tmpdir(), 'parley-crash-'));
  const path = join(dir, 'notebook.json');
  try {
    const bundle = await bundleWriter(dir);
    let highestSaved = 0;
    let lastOnDisk = 0;
    let totalSaved = 0;
    let midWrite = 0;
    let tornJournal = 0;
    let journalBehind = 0;
    let rounds = 0;
    const history: string[] = [];
    while (totalSaved < TOTAL_WRITES) {
      assert.ok(rounds < MAX_ROUNDS, `seed ${seed}: ${rounds} rounds reported only ${totalSaved} writes`);
      const plan: Plan = {
        killAfterSaves: Math.floor(random() * (MAX_WRITES_PER_ROUND + 1)),
        extraDelayMs: Math.floor(random() * MAX_EXTRA_DELAY_MS),
        childSeed: Math.floor(random() * 2 ** 31),
      };
      const round = await runAndKill(bundle, path, plan);
      rounds++;
      totalSaved += round.saved.length;
      highestSaved = Math.max(highestSaved, ...round.saved);
      // A temp file left behind means the kill landed between opening the temp file and the rename.
      const leftovers = (await readdir(dir)).filter((name) => name.endsWith('.tmp'));
      if (leftovers.length > 0) midWrite++;
      // A journal ending in part of a record means the kill landed inside an append.
      const journal = parseJournal(await readFile(journalPathOf(path)).catch(() => Buffer.alloc(0)));
      if (journal.torn) tornJournal++;
      history.push(
        `round ${rounds}: kill after ${plan.killAfterSaves} saves + ${plan.extraDelayMs} ms, ` +
          `${round.saved.length} reported, ${leftovers.length} temp files left`,
      );
      const where = `seed ${seed}\n${history.slice(-5).join('\n')}`;

      // The file on its own always parses as a whole, valid notebook...
      const raw = migrate(JSON.parse(await readFile(path, 'utf8')) as unknown);
      assert.equal(raw.documents.length, 1, where);
      // ...and the store opens it with its journal: every other round to read only, which leaves the journal as
      // the kill left it for the next writer; else to write (sweeping the dead writer's temp files, and folding on
      // close).
      const writing = rounds % 2 === 0;
      const store = await openNotebookStore(path, {
        createIfMissing: false,
        ...(writing ? {} : { access: 'read' as const }),
      });
      // Each write is a snapshot after some revision K: the writer's latest topics rJ..rK, none missing between...
      const ids = store.data.topics.map((topic) => topic.id);
      const onDisk = Number(ids.at(-1)?.slice(1) ?? 0);
      const first = onDisk - ids.length + 1;
      assert.deepEqual(
        ids,
        Array.from({ length: ids.length }, (_, k) => `r${first + k}`),
        where,
      );
      assert.ok(
        first === 1 || ids.length === KEPT,
        `${where}\nonly ${ids.length} of the latest revisions kept`,
      );
      // ...and K is at least every revision reported saved, in this round and all before it.
      if (onDisk < highestSaved) {
        const disk = await readOnDisk(path);
        const fileAlone = migrate(JSON.parse(await readFile(path, 'utf8')) as unknown);
        const state = {
          leftovers,
          fileRevision: fileAlone.topics.at(-1)?.id,
          journalMatches: disk.matches,
          journalRecords: disk.journal?.records.length,
          journalTorn: disk.journal?.torn,
          journalDamaged: disk.journal?.damaged,
          journalGeneration: disk.journal?.header?.generation,
          files: await readdir(dir),
        };
        assert.fail(
          `${where}\nthe file is at revision ${onDisk}, ${highestSaved} was reported saved\n${JSON.stringify(state)}`,
        );
      }
      assert.ok(
        onDisk >= lastOnDisk,
        `${where}\nthe file went back from revision ${lastOnDisk} to ${onDisk}`,
      );
      lastOnDisk = onDisk;
      // The file alone is a snapshot at or before the journal's end, never after it.
      const fileIds = raw.topics.map((topic) => topic.id);
      const inFile = Number(fileIds.at(-1)?.slice(1) ?? 0);
      assert.ok(inFile <= onDisk, `${where}\nthe file is at ${inFile}, file and journal at ${onDisk}`);
      if (inFile < onDisk) journalBehind++;
      assert.deepEqual(store.data.documents, raw.documents, `${where}\nthe store and the file disagree`);
      await store.close();
      if (writing) {
        const stale = (await readdir(dir)).filter((name) => name.endsWith('.tmp'));
        assert.deepEqual(stale, [], `${where}\nthe reopen leaves no temp file behind`);
        const folded = migrate(JSON.parse(await readFile(path, 'utf8')) as unknown);
        assert.deepEqual(folded, store.data, `${where}\nclosing folds the journal into the file`);
      }
    }
    t.diagnostic(
      `${rounds} kills, ${totalSaved} writes reported saved, revision ${lastOnDisk} on disk at the end; ` +
        `${midWrite} kills left a half-written temp file, ${tornJournal} a journal record cut short; ` +
        `${journalBehind} times the journal held changes the file did not`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
